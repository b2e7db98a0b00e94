use askama::Template;
use askama_web::WebTemplate;
use chrono::{DateTime, Utc};

use super::forms::{ReplyForm, RequestForm};
use super::status::RequestStatus;
use super::store::{Message, Person, Request};
use super::topic::{LANGUAGES, Topic};
use crate::web::{FormErrors, Page};

#[derive(Template, WebTemplate)]
#[template(path = "support/index.html")]
pub struct SupportPage {
    pub page: Page,
    pub form: RequestForm,
    pub warnings: Vec<String>,
    pub errors: FormErrors,
    pub requests: Vec<Request>,
    pub is_supporter: bool,
    pub viewer: uuid::Uuid,
}

impl SupportPage {
    pub fn topics(&self) -> [Topic; 7] {
        Topic::ALL
    }
    pub fn languages(&self) -> [&'static str; 4] {
        LANGUAGES
    }
}

/// One waiting request as the team sees it: no words, only what it takes
/// to decide to take it.
pub struct Waiting {
    pub request: Request,
    /// The catalogue key and number of "waiting for …".
    pub waited: (&'static str, i64),
}

impl Waiting {
    pub fn new(request: Request, now: DateTime<Utc>) -> Waiting {
        let minutes = (now - request.created_at).num_minutes().max(0);
        let waited = match minutes {
            0..60 => ("support-waited-minutes", minutes),
            60..2880 => ("support-waited-hours", minutes / 60),
            _ => ("support-waited-days", minutes / 1440),
        };
        Waiting { request, waited }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "support/queue.html")]
pub struct QueuePage {
    pub page: Page,
    pub requests: Vec<Waiting>,
}

#[derive(Template, WebTemplate)]
#[template(path = "support/conversation.html")]
pub struct ConversationPage {
    pub page: Page,
    pub request: Request,
    pub messages: Vec<Message>,
    pub viewer: uuid::Uuid,
    pub form: ReplyForm,
    pub warnings: Vec<String>,
    pub errors: FormErrors,
}

#[derive(Template, WebTemplate)]
#[template(path = "support/team.html")]
pub struct TeamPage {
    pub page: Page,
    pub team: Vec<Person>,
}
