//! The course, module and lesson forms, checked field by field. Every text
//! passes the personal-data guard; Markdown is rendered and sanitised here
//! so the store keeps both.

use serde::Deserialize;
use uuid::Uuid;

use super::policy::LANGUAGES;
use super::store::{Course, CourseInput};
use super::vocabulary::{Audience, Level};
use crate::i18n::Locale;
use crate::text::{markdown, search};
use crate::web::FormErrors;
use crate::web::form_checks::check_length;
use crate::web::personal_data_guard::{self, CONFIRM_FIELD};

#[derive(Debug, Clone, Default)]
pub struct CourseForm {
    pub title: String,
    pub summary: String,
    pub description: String,
    pub language: String,
    pub level: String,
    pub estimated_hours: String,
    pub licence_points: String,
    pub topics: Vec<String>,
    pub audience: String,
    /// The group of a group course (its id, as the select sends it).
    pub group_id: String,
    pub confirmed: bool,
}

impl CourseForm {
    /// From the submitted fields (topics repeat).
    pub fn from_fields(fields: &[(String, String)]) -> CourseForm {
        let one = |name: &str| {
            fields
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        };
        CourseForm {
            title: one("title"),
            summary: one("summary"),
            description: one("description"),
            language: one("language"),
            level: one("level"),
            estimated_hours: one("estimated_hours"),
            licence_points: one("licence_points"),
            topics: fields
                .iter()
                .filter(|(n, _)| n == "topics")
                .map(|(_, v)| v.clone())
                .collect(),
            audience: one("audience"),
            group_id: one("group_id"),
            confirmed: !one(CONFIRM_FIELD).is_empty(),
        }
    }

    pub fn from_course(course: &Course) -> CourseForm {
        CourseForm {
            title: course.title.clone(),
            summary: course.summary.clone(),
            description: course.description.clone(),
            language: course.language.clone(),
            level: course.level.as_str().into(),
            estimated_hours: course.estimated_hours.to_string(),
            licence_points: course.licence_points.to_string(),
            topics: course.topics.clone(),
            audience: course.audience.as_str().into(),
            group_id: course.group_id.map(|g| g.to_string()).unwrap_or_default(),
            confirmed: false,
        }
    }

    pub fn has_topic(&self, topic: &str) -> bool {
        self.topics.iter().any(|t| t == topic)
    }

    /// Checks every field: the input to save, or the errors and the
    /// personal-data warnings to show beside the kept text. A group course
    /// must name one of `groups` (those the author may write for: a form
    /// can name any group, so the server asks again).
    pub fn validate(
        &mut self,
        locale: Locale,
        known_topics: &[String],
        groups: &[Uuid],
    ) -> Result<CourseInput, (FormErrors, Vec<String>)> {
        self.title = crate::text::one_line(&self.title);
        let mut errors = FormErrors::new(locale);
        if self.title.chars().count() < 3 {
            errors.add("title", "error-course-title");
        }
        check_length(&mut errors, "title", &self.title, 200);
        check_length(&mut errors, "summary", &self.summary, 1_000);
        check_length(&mut errors, "description", &self.description, 20_000);
        if !LANGUAGES.contains(&self.language.as_str()) {
            errors.add("language", "error-choose-language");
        }
        let level = Level::parse(&self.level);
        if level.is_none() {
            errors.add("level", "error-course-level");
        }
        let audience = Audience::parse(&self.audience);
        if audience.is_none() {
            errors.add("audience", "error-course-audience");
        }
        let group_id = match audience {
            Some(Audience::Group) => {
                let chosen = self.group_id.trim().parse::<Uuid>().ok();
                let chosen = chosen.filter(|g| groups.contains(g));
                if chosen.is_none() {
                    errors.add("group_id", "error-course-group");
                }
                chosen
            }
            _ => None,
        };
        let hours = self.estimated_hours.trim().parse::<i32>().ok();
        let hours = hours.filter(|h| (1..=500).contains(h));
        if hours.is_none() {
            errors.add("estimated_hours", "error-course-hours");
        }
        let points = match self.licence_points.trim() {
            "" => Some(0),
            text => text.parse::<i32>().ok().filter(|p| (0..=100).contains(p)),
        };
        if points.is_none() {
            errors.add("licence_points", "error-course-points");
        }
        self.topics.retain(|t| known_topics.contains(t));
        self.topics.dedup();
        let warnings = personal_data_guard::check(
            &mut errors,
            &[
                ("title", &self.title),
                ("summary", &self.summary),
                ("description", &self.description),
            ],
            self.confirmed,
        );
        match (level, audience, hours, points) {
            (Some(level), Some(audience), Some(estimated_hours), Some(licence_points))
                if errors.is_empty() =>
            {
                let summary = self.summary.trim().to_owned();
                let description = self.description.trim().to_owned();
                Ok(CourseInput {
                    search_text: search::normalize(&format!(
                        "{} {summary} {description}",
                        self.title
                    )),
                    description_html: markdown::render(&description),
                    title: self.title.clone(),
                    summary,
                    description,
                    language: self.language.clone(),
                    level,
                    estimated_hours,
                    licence_points,
                    topics: self.topics.clone(),
                    audience,
                    group_id,
                })
            }
            _ => Err((errors, warnings)),
        }
    }
}

/// A module's title (adding or renaming).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ModuleForm {
    pub title: String,
    pub confirm_personal_data: Option<String>,
}

impl ModuleForm {
    pub fn validate(&mut self, locale: Locale) -> Result<String, (FormErrors, Vec<String>)> {
        self.title = crate::text::one_line(&self.title);
        let mut errors = FormErrors::new(locale);
        if self.title.chars().count() < 2 {
            errors.add("title", "error-module-title");
        }
        check_length(&mut errors, "title", &self.title, 200);
        let confirmed = self.confirm_personal_data.is_some();
        let warnings =
            personal_data_guard::check(&mut errors, &[("title", &self.title)], confirmed);
        if errors.is_empty() {
            Ok(self.title.clone())
        } else {
            Err((errors, warnings))
        }
    }
}

/// A lesson: its title and Markdown body.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct LessonForm {
    pub title: String,
    pub body: String,
    pub confirm_personal_data: Option<String>,
}

/// A checked lesson: title, Markdown body and its sanitised HTML.
pub struct LessonInput {
    pub title: String,
    pub body: String,
    pub body_html: String,
}

impl LessonForm {
    pub fn validate(&mut self, locale: Locale) -> Result<LessonInput, (FormErrors, Vec<String>)> {
        self.title = crate::text::one_line(&self.title);
        let mut errors = FormErrors::new(locale);
        if self.title.chars().count() < 2 {
            errors.add("title", "error-lesson-title");
        }
        check_length(&mut errors, "title", &self.title, 200);
        if self.body.trim().is_empty() {
            errors.add("body", "error-lesson-body");
        }
        check_length(&mut errors, "body", &self.body, 100_000);
        let confirmed = self.confirm_personal_data.is_some();
        let warnings = personal_data_guard::check(
            &mut errors,
            &[("title", &self.title), ("body", &self.body)],
            confirmed,
        );
        if !errors.is_empty() {
            return Err((errors, warnings));
        }
        let body = self.body.trim().to_owned();
        Ok(LessonInput {
            title: self.title.clone(),
            body_html: markdown::render(&body),
            body,
        })
    }
}
