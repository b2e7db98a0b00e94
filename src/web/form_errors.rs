//! Validation messages keyed by field, shown beside the field when a form
//! comes back (status 422) with the user's input still in it.

use std::collections::BTreeMap;

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use crate::i18n::{self, Locale};

#[derive(Debug, Default, Clone)]
pub struct FormErrors {
    locale: Locale,
    messages: BTreeMap<&'static str, String>,
}

impl FormErrors {
    pub fn new(locale: Locale) -> FormErrors {
        FormErrors {
            locale,
            messages: BTreeMap::new(),
        }
    }

    /// Adds the catalogue message `key` for `field` (the first one wins).
    pub fn add(&mut self, field: &'static str, key: &str) {
        let text = i18n::t(self.locale, key);
        self.messages.entry(field).or_insert(text);
    }

    pub fn add_text(&mut self, field: &'static str, text: String) {
        self.messages.entry(field).or_insert(text);
    }

    pub fn get(&self, field: &str) -> Option<&str> {
        self.messages.get(field).map(String::as_str)
    }

    pub fn has(&self, field: &str) -> bool {
        self.messages.contains_key(field)
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
