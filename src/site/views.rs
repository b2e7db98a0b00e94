use askama::Template;
use askama_web::WebTemplate;

use crate::web::Page;

#[derive(Template, WebTemplate)]
#[template(path = "site/home.html")]
pub struct HomeTemplate {
    pub page: Page,
    /// Featured library resources the viewer may open, newest featured first.
    pub featured: Vec<FeaturedCard>,
}

/// A featured resource on the home page.
pub struct FeaturedCard {
    pub resource_id: uuid::Uuid,
    pub title: String,
    pub kind: String,
    /// The summary's first paragraph as plain text, shortened.
    pub summary: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "site/content.html")]
pub struct ContentTemplate {
    pub page: Page,
    pub body_html: &'static str,
}
