//! The cohort form: a title, the start and end dates and a deadline (the
//! end, when left empty), checked field by field.

use chrono::NaiveDate;
use serde::Deserialize;

use super::store::cohorts::NewCohort;
use crate::i18n::Locale;
use crate::web::FormErrors;
use crate::web::form_checks::check_length;
use crate::web::personal_data_guard;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct CohortForm {
    pub title: String,
    /// Dates as a date input sends them (YYYY-MM-DD).
    pub starts_on: String,
    pub ends_on: String,
    pub deadline: String,
    pub confirm_personal_data: Option<String>,
}

fn date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

impl CohortForm {
    pub fn validate(&mut self, locale: Locale) -> Result<NewCohort, (FormErrors, Vec<String>)> {
        self.title = crate::text::one_line(&self.title);
        let mut errors = FormErrors::new(locale);
        if self.title.chars().count() < 3 {
            errors.add("title", "error-cohort-title");
        }
        check_length(&mut errors, "title", &self.title, 200);
        let starts_on = date(&self.starts_on);
        if starts_on.is_none() {
            errors.add("starts_on", "error-cohort-date");
        }
        let ends_on = date(&self.ends_on);
        match (starts_on, ends_on) {
            (_, None) => errors.add("ends_on", "error-cohort-date"),
            (Some(start), Some(end)) if end <= start => errors.add("ends_on", "error-cohort-end"),
            _ => {}
        }
        let deadline = match self.deadline.trim() {
            "" => ends_on,
            text => date(text),
        };
        match (ends_on, deadline) {
            (_, None) => errors.add("deadline", "error-cohort-date"),
            (Some(end), Some(deadline)) if deadline < end => {
                errors.add("deadline", "error-cohort-deadline")
            }
            _ => {}
        }
        let confirmed = self.confirm_personal_data.is_some();
        let warnings =
            personal_data_guard::check(&mut errors, &[("title", &self.title)], confirmed);
        match (starts_on, ends_on, deadline) {
            (Some(starts_on), Some(ends_on), Some(deadline)) if errors.is_empty() => {
                Ok(NewCohort {
                    title: self.title.clone(),
                    starts_on,
                    ends_on,
                    deadline,
                })
            }
            _ => Err((errors, warnings)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(start: &str, end: &str, deadline: &str) -> CohortForm {
        CohortForm {
            title: "Jesenja grupa".into(),
            starts_on: start.into(),
            ends_on: end.into(),
            deadline: deadline.into(),
            confirm_personal_data: None,
        }
    }

    #[test]
    fn dates_follow_each_other_and_the_deadline_defaults_to_the_end() {
        let checked = form("2026-12-01", "2026-12-29", "").validate(Locale::SrLatn);
        let cohort = checked.expect("valid");
        assert_eq!(cohort.deadline, cohort.ends_on);
        // (start, end, deadline) → the field refused
        for (start, end, deadline, field) in [
            ("1. 12. 2026", "2026-12-29", "", "starts_on"),
            ("2026-12-01", "2026-12-01", "", "ends_on"),
            ("2026-12-01", "2026-11-29", "", "ends_on"),
            ("2026-12-01", "2026-12-29", "2026-12-28", "deadline"),
            ("2026-12-01", "2026-12-29", "sutra", "deadline"),
        ] {
            let Err((errors, _)) = form(start, end, deadline).validate(Locale::SrLatn) else {
                panic!("{start} {end} {deadline} accepted");
            };
            assert!(errors.has(field), "{start} {end} {deadline}: {field}");
        }
    }
}
