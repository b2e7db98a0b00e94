//! The groups feature's forms and their checks, including the
//! personal-data guard that runs before any thread or post is saved.

use serde::Deserialize;

use crate::i18n::Locale;
use crate::web::form_checks::check_length;
use crate::web::{FormErrors, personal_data_guard};

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct GroupForm {
    pub name: String,
    pub description: String,
    pub visibility: String,
    pub language: String,
    pub topics: String,
    pub allow_anonymous: Option<String>,
    pub class_group: Option<String>,
    pub first_post_approval: Option<String>,
}

impl GroupForm {
    pub fn validate(&mut self, locale: Locale) -> FormErrors {
        self.name = crate::text::one_line(&self.name);
        let mut errors = FormErrors::new(locale);
        if self.name.chars().count() < 3 {
            errors.add("name", "error-group-name");
        }
        check_length(&mut errors, "name", &self.name, 100);
        check_length(&mut errors, "description", &self.description, 10_000);
        check_length(&mut errors, "topics", &self.topics, 300);
        match super::policy::Visibility::parse(&self.visibility) {
            None => errors.add("visibility", "error-group-visibility"),
            // Anonymous posts are written in confidence (burnout, guilt,
            // mistakes): a public group would show them to every visitor.
            Some(visibility) if visibility.is_public() && self.allow_anonymous.is_some() => {
                errors.add("allow_anonymous", "error-group-anonymous-public")
            }
            Some(_) => {}
        }
        if !matches!(self.language.as_str(), "sr" | "en" | "mk" | "sq") {
            errors.add("language", "error-choose-language");
        }
        errors
    }

    pub fn topic_list(&self) -> Vec<String> {
        self.topics
            .split(',')
            .map(|t| t.trim().to_lowercase())
            .filter(|t| !t.is_empty())
            .take(10)
            .collect()
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct PostForm {
    pub title: String,
    pub body: String,
    pub anonymous: Option<String>,
    /// "I checked: this is not a client's data."
    pub confirm_personal_data: Option<String>,
}

impl PostForm {
    /// Checks the text. A JMBG always blocks; other personal data blocks
    /// until the author confirms. Returns the errors and the warnings to show.
    pub fn validate(&mut self, locale: Locale, needs_title: bool) -> (FormErrors, Vec<String>) {
        self.title = crate::text::one_line(&self.title);
        let mut errors = FormErrors::new(locale);
        if needs_title && self.title.chars().count() < 3 {
            errors.add("title", "error-thread-title");
        }
        check_length(&mut errors, "title", &self.title, 200);
        if self.body.trim().is_empty() {
            errors.add("body", "error-post-empty");
        }
        check_length(&mut errors, "body", &self.body, 50_000);
        let warnings = personal_data_guard::check(
            &mut errors,
            &[("title", &self.title), ("body", &self.body)],
            self.confirm_personal_data.is_some(),
        );
        (errors, warnings)
    }
}
