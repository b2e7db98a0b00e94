//! The peer-support forms and their checks: a request (what it is about,
//! the language, the words) and a reply. Both pass the personal-data guard:
//! a supporter reads them, so a client's data does not belong there either.

use serde::Deserialize;

use super::topic::{LANGUAGES, Topic};
use crate::web::form_checks::check_length;
use crate::web::{FormErrors, personal_data_guard};

const MAX_MESSAGE: usize = 10_000;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct RequestForm {
    pub topic: String,
    pub language: String,
    pub body: String,
    pub confirm_personal_data: Option<String>,
}

impl RequestForm {
    /// The errors, the guard's warnings, and the topic when it is one.
    pub fn validate(&self, errors: &mut FormErrors) -> (Vec<String>, Option<Topic>) {
        let topic = Topic::parse(&self.topic);
        if topic.is_none() {
            errors.add("topic", "support-error-topic");
        }
        if !LANGUAGES.contains(&self.language.as_str()) {
            errors.add("language", "error-choose-language");
        }
        let warnings = check_message(errors, &self.body, self.confirm_personal_data.is_some());
        (warnings, topic)
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ReplyForm {
    pub body: String,
    pub confirm_personal_data: Option<String>,
}

impl ReplyForm {
    pub fn validate(&self, errors: &mut FormErrors) -> Vec<String> {
        check_message(errors, &self.body, self.confirm_personal_data.is_some())
    }
}

fn check_message(errors: &mut FormErrors, body: &str, confirmed: bool) -> Vec<String> {
    if body.trim().is_empty() {
        errors.add("body", "error-post-empty");
    }
    check_length(errors, "body", body, MAX_MESSAGE);
    personal_data_guard::check(errors, &[("body", body)], confirmed)
}
