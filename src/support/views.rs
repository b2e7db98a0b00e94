use askama::Template;
use askama_web::WebTemplate;

use super::store::{Message, Person, Request};
use crate::web::{FormErrors, Page};

#[derive(Template, WebTemplate)]
#[template(path = "support/index.html")]
pub struct SupportPage {
    pub page: Page,
    pub body: String,
    pub errors: FormErrors,
    pub requests: Vec<Request>,
    pub is_supporter: bool,
    pub viewer: uuid::Uuid,
}

#[derive(Template, WebTemplate)]
#[template(path = "support/queue.html")]
pub struct QueuePage {
    pub page: Page,
    pub requests: Vec<Request>,
}

#[derive(Template, WebTemplate)]
#[template(path = "support/conversation.html")]
pub struct ConversationPage {
    pub page: Page,
    pub request: Request,
    pub messages: Vec<Message>,
    pub viewer: uuid::Uuid,
    pub errors: FormErrors,
}

#[derive(Template, WebTemplate)]
#[template(path = "support/team.html")]
pub struct TeamPage {
    pub page: Page,
    pub team: Vec<Person>,
}
