//! What a request answered, with the assertions tests make on it.

use axum::http::{HeaderMap, StatusCode};

use super::html;

#[derive(Debug)]
pub struct TestResponse {
    pub status: StatusCode,
    pub headers: HeaderMap,
    /// The body as text (lossy: for pages and JSON).
    pub body: String,
    /// The body as sent (for downloads such as a ZIP archive).
    pub bytes: Vec<u8>,
}

impl TestResponse {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    pub fn all_headers(&self, name: &str) -> Vec<String> {
        self.headers
            .get_all(name)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .map(str::to_owned)
            .collect()
    }

    #[track_caller]
    pub fn assert_status(&self, expected: StatusCode) -> &Self {
        assert_eq!(
            self.status, expected,
            "unexpected status; body:\n{}",
            self.body
        );
        self
    }

    #[track_caller]
    pub fn assert_redirect_to(&self, location: &str) {
        assert!(
            self.status.is_redirection(),
            "expected a redirect, got {}:\n{}",
            self.status,
            self.body
        );
        assert_eq!(self.header("location"), Some(location));
    }

    pub fn h1(&self) -> String {
        html::h1(&self.body).unwrap_or_default()
    }

    pub fn html_lang(&self) -> Option<String> {
        let start = self.body.find("<html")?;
        let tag = &self.body[start..start + self.body[start..].find('>')?];
        html::attribute(tag, "lang")
    }
}
