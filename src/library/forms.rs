//! The resource form. It arrives as multipart (it may carry a file), so
//! its text fields are collected here by name — repeated names (topics,
//! audiences) become lists — and checked field by field.

use std::collections::HashMap;

use serde::Deserialize;

use super::policy::LANGUAGES;
use super::store::{Resource, ResourceInput};
use super::vocabulary::{ResourceAudience, ResourceKind};
use crate::i18n::Locale;
use crate::text::web_link::web_link;
use crate::web::FormErrors;
use crate::web::form_checks::check_length;

#[derive(Debug, Clone, Default)]
pub struct ResourceForm {
    pub title: String,
    pub summary: String,
    pub kind: String,
    pub topics: Vec<String>,
    pub language: String,
    pub script: String,
    pub audiences: Vec<String>,
    pub source_org: String,
    pub authors: String,
    pub year: String,
    pub licence: String,
    pub external_url: String,
}

impl ResourceForm {
    /// From the text fields of a submitted form.
    pub fn from_fields(fields: &HashMap<String, Vec<String>>) -> ResourceForm {
        let one = |name: &str| {
            fields
                .get(name)
                .and_then(|values| values.first())
                .cloned()
                .unwrap_or_default()
        };
        let many = |name: &str| fields.get(name).cloned().unwrap_or_default();
        ResourceForm {
            title: one("title"),
            summary: one("summary"),
            kind: one("kind"),
            topics: many("topics"),
            language: one("language"),
            script: one("script"),
            audiences: many("audiences"),
            source_org: one("source_org"),
            authors: one("authors"),
            year: one("year"),
            licence: one("licence"),
            external_url: one("external_url"),
        }
    }

    pub fn from_resource(resource: &Resource) -> ResourceForm {
        ResourceForm {
            title: resource.title.clone(),
            summary: resource.summary.clone(),
            kind: resource.kind.as_str().to_owned(),
            topics: resource.topics.clone(),
            language: resource.language.clone(),
            script: resource.script.clone(),
            audiences: resource.audiences.clone(),
            source_org: resource.source_org.clone(),
            authors: resource.authors.clone(),
            year: resource.year.map(|y| y.to_string()).unwrap_or_default(),
            licence: resource.licence.clone(),
            external_url: resource.external_url.clone(),
        }
    }

    pub fn has_topic(&self, topic: &str) -> bool {
        self.topics.iter().any(|t| t == topic)
    }

    pub fn has_audience(&self, audience: &str) -> bool {
        self.audiences.iter().any(|a| a == audience)
    }

    /// Checks every field. `has_file`: a file came with the form (or the
    /// resource has one), so an external link is not needed.
    pub fn validate(
        &mut self,
        locale: Locale,
        known_topics: &[String],
        has_file: bool,
    ) -> Result<ResourceInput, FormErrors> {
        self.title = crate::text::one_line(&self.title);
        self.external_url = self.external_url.trim().to_owned();
        let mut errors = FormErrors::new(locale);
        if self.title.chars().count() < 3 {
            errors.add("title", "error-resource-title");
        }
        check_length(&mut errors, "title", &self.title, 300);
        check_length(&mut errors, "summary", &self.summary, 5_000);
        let kind = ResourceKind::parse(&self.kind);
        if kind.is_none() {
            errors.add("kind", "error-resource-kind");
        }
        self.topics.retain(|t| known_topics.contains(t));
        if !LANGUAGES.contains(&self.language.as_str()) {
            errors.add("language", "error-choose-language");
        }
        if !matches!(self.script.as_str(), "latin" | "cyrillic") {
            self.script = "latin".into();
        }
        self.audiences
            .retain(|a| ResourceAudience::parse(a).is_some());
        if self.audiences.is_empty() {
            errors.add("audiences", "error-resource-audience");
        }
        for (field, value) in [
            ("source_org", &self.source_org),
            ("authors", &self.authors),
            ("licence", &self.licence),
        ] {
            check_length(&mut errors, field, value, 300);
        }
        let year = match self.year.trim() {
            "" => None,
            text => match text.parse::<i32>() {
                Ok(year) if (1900..=2100).contains(&year) => Some(year),
                _ => {
                    errors.add("year", "error-resource-year");
                    None
                }
            },
        };
        check_length(&mut errors, "external_url", &self.external_url, 1000);
        if !self.external_url.is_empty() {
            match web_link(&self.external_url) {
                Ok(normalised) => self.external_url = normalised,
                Err(key) => errors.add("external_url", key),
            }
        }
        let link = &self.external_url;
        if link.is_empty() && !has_file {
            errors.add("file", "error-resource-file-or-link");
        }
        let Some(kind) = kind.filter(|_| errors.is_empty()) else {
            return Err(errors);
        };
        Ok(ResourceInput {
            title: self.title.clone(),
            summary: self.summary.trim().to_owned(),
            kind,
            topics: self.topics.clone(),
            language: self.language.clone(),
            script: self.script.clone(),
            audiences: self.audiences.clone(),
            source_org: self.source_org.trim().to_owned(),
            authors: self.authors.trim().to_owned(),
            year,
            licence: self.licence.trim().to_owned(),
            external_url: self.external_url.clone(),
        })
    }
}

/// A topic as a moderator adds or renames it (`/library/topics`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct TopicForm {
    /// Set from the address when renaming.
    #[serde(skip)]
    pub slug: String,
    pub name_sr: String,
    pub name_en: String,
}
