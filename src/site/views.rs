use askama::Template;
use askama_web::WebTemplate;

use crate::web::Page;

#[derive(Template, WebTemplate)]
#[template(path = "site/home.html")]
pub struct HomeTemplate {
    pub page: Page,
}

#[derive(Template, WebTemplate)]
#[template(path = "site/content.html")]
pub struct ContentTemplate {
    pub page: Page,
    pub body_html: &'static str,
}
