//! Template structs of cohorts and of a course's figures.

use askama::Template;
use askama_web::WebTemplate;
use chrono::NaiveDate;

use super::cohort_forms::CohortForm;
use super::store::Course;
use super::store::cohorts::{Aggregates, Cohort, MemberProgress};
use super::store::figures::{Figures, QuestionFigures};
use crate::i18n::Args;
use crate::web::{FormErrors, Page};

/// A calendar date in the page's language.
fn day(page: &Page, date: &NaiveDate) -> String {
    date.format(page.locale.date_format()).to_string()
}

#[derive(Template, WebTemplate)]
#[template(path = "courses/cohort_form.html")]
pub struct CohortFormPage {
    pub page: Page,
    pub course: Course,
    pub action: String,
    pub form: CohortForm,
    pub errors: FormErrors,
    pub warnings: Vec<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "courses/cohort.html")]
pub struct CohortPage {
    pub page: Page,
    pub course: Course,
    pub cohort: Cohort,
    /// (slug, name) of its discussion group.
    pub group: Option<(String, String)>,
    pub aggregates: Aggregates,
    /// Each member's progress: filled for the cohort's teacher only.
    pub members: Vec<MemberProgress>,
    pub sees_each: bool,
    /// The viewer is in the cohort.
    pub member: bool,
    pub can_join: bool,
}

impl CohortPage {
    pub fn day(&self, date: &NaiveDate) -> String {
        day(&self.page, date)
    }

    pub fn progress_text(&self, member: &MemberProgress) -> String {
        super::views::progress_text(&self.page, member.done, member.total)
    }

    pub fn average_text(&self) -> String {
        let percent = self.aggregates.average_percent.unwrap_or(0);
        self.page.t1("cohort-average", "percent", percent)
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "courses/figures.html")]
pub struct FiguresPage {
    pub page: Page,
    pub course: Course,
    pub figures: Figures,
    pub questions: Vec<QuestionFigures>,
}

impl FiguresPage {
    /// The median time to complete: in hours under two days, else in days.
    pub fn median_text(&self) -> Option<String> {
        let seconds = self.figures.median_seconds?;
        let hours = seconds / 3600.0;
        let (key, name, value) = if hours < 48.0 {
            ("course-figures-hours", "hours", hours.round() as i64)
        } else {
            ("course-figures-days", "days", (hours / 24.0).round() as i64)
        };
        let args = Args::new().with(name, value);
        Some(crate::i18n::t_args(self.page.locale, key, &args))
    }

    pub fn share_text(&self, question: &QuestionFigures) -> String {
        match question.percent_right() {
            Some(percent) => {
                let args = Args::new()
                    .with("percent", percent)
                    .with("right", question.answered_right)
                    .with("answered", question.answered);
                crate::i18n::t_args(self.page.locale, "course-figures-share", &args)
            }
            None => self.page.t("course-figures-no-answers"),
        }
    }
}
