//! Validation messages keyed by field, shown beside the field when a form
//! comes back (status 422) with the user's input still in it.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use crate::i18n::{self, Locale};

#[derive(Debug, Default, Clone)]
pub struct FormErrors {
    locale: Locale,
    /// In the order the fields were checked, which is the form's order, so
    /// the summary at the top reads like the form.
    messages: Vec<(&'static str, String)>,
}

impl FormErrors {
    pub fn new(locale: Locale) -> FormErrors {
        FormErrors {
            locale,
            messages: Vec::new(),
        }
    }

    /// Adds the catalogue message `key` for `field` (the first one wins).
    pub fn add(&mut self, field: &'static str, key: &str) {
        let text = i18n::t(self.locale, key);
        self.add_text(field, text);
    }

    pub fn add_text(&mut self, field: &'static str, text: String) {
        if !self.has(field) {
            self.messages.push((field, text));
        }
    }

    pub fn get(&self, field: &str) -> Option<&str> {
        self.messages
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, text)| text.as_str())
    }

    pub fn has(&self, field: &str) -> bool {
        self.get(field).is_some()
    }

    pub fn locale(&self) -> Locale {
        self.locale
    }

    pub fn is_empty(&self) -> bool {
        self.messages.is_empty()
    }

    /// All messages, for the summary at the top of the form.
    pub fn all(&self) -> Vec<(&'static str, &str)> {
        self.messages
            .iter()
            .map(|(field, text)| (*field, text.as_str()))
            .collect()
    }
}

/// A re-rendered form is answered with 422, so tools and tests can tell.
pub fn unprocessable(page: impl IntoResponse) -> Response {
    (StatusCode::UNPROCESSABLE_ENTITY, page).into_response()
}
