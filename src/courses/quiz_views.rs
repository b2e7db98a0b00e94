//! Template structs of the quizzes: the author's quiz and question forms,
//! and the member's quiz page (the open attempt, or the last result).

use askama::Template;
use askama_web::WebTemplate;
use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::policy::NextAttempt;
use super::quiz_forms::{QuestionForm, QuizForm};
use super::store::Course;
use super::store::quizzes::{Answer, Question, Quiz};
use super::vocabulary::QuestionKind;
use crate::i18n::Args;
use crate::web::{FormErrors, Page};

#[derive(Template, WebTemplate)]
#[template(path = "courses/quiz_edit.html")]
pub struct QuizEditPage {
    pub page: Page,
    pub course: Course,
    pub module_id: Uuid,
    pub module_title: String,
    /// None until the settings are saved the first time.
    pub quiz: Option<Quiz>,
    pub form: QuizForm,
    pub errors: FormErrors,
    pub questions: Vec<(Question, Vec<Answer>)>,
}

#[derive(Template, WebTemplate)]
#[template(path = "courses/question_form.html")]
pub struct QuestionFormPage {
    pub page: Page,
    pub course: Course,
    pub module_id: Uuid,
    pub module_title: String,
    pub action: String,
    pub form: QuestionForm,
    pub kinds: &'static [QuestionKind],
    pub errors: FormErrors,
    pub warnings: Vec<String>,
}

/// A question of an open attempt, its answers in the attempt's order;
/// which are correct is not here (it never reaches the page).
pub struct Shown {
    pub question_id: Uuid,
    pub prompt: String,
    pub multiple: bool,
    pub answers: Vec<(Uuid, String)>,
}

/// A question of a submitted attempt: right or not, and the feedback.
pub struct Marked {
    pub prompt: String,
    pub right: bool,
    pub feedback: String,
}

/// The last submitted attempt.
pub struct Outcome {
    pub score: i32,
    pub passed: bool,
    pub questions: Vec<Marked>,
}

#[derive(Template, WebTemplate)]
#[template(path = "courses/quiz.html")]
pub struct QuizPage {
    pub page: Page,
    pub course: Course,
    pub module_title: String,
    pub quiz: Quiz,
    pub question_count: usize,
    /// The attempt in progress and its questions.
    pub open: Option<(Uuid, Vec<Shown>)>,
    pub outcome: Option<Outcome>,
    pub used: i64,
    pub next: NextAttempt,
    pub passed: bool,
}

impl QuizPage {
    pub fn attempts_text(&self) -> String {
        let args = Args::new().with("used", self.used);
        match self.quiz.max_attempts {
            Some(limit) => crate::i18n::t_args(
                self.page.locale,
                "course-quiz-attempts-of",
                &args.with("limit", i64::from(limit)),
            ),
            None => crate::i18n::t_args(self.page.locale, "course-quiz-attempts-unlimited", &args),
        }
    }

    pub fn pass_mark_text(&self) -> String {
        self.page
            .t1("course-quiz-pass-mark-is", "mark", self.quiz.pass_mark)
    }

    pub fn score_text(&self, outcome: &Outcome) -> String {
        self.page.t1("course-quiz-score", "score", outcome.score)
    }

    pub fn can_start(&self) -> bool {
        self.open.is_none() && self.next == NextAttempt::Allowed && self.question_count > 0
    }

    pub fn used_up(&self) -> bool {
        self.open.is_none() && self.next == NextAttempt::UsedUp
    }

    /// "Try again after …", in Belgrade time.
    pub fn cooling_until(&self) -> Option<String> {
        match self.next {
            NextAttempt::CoolingDown(until) if self.open.is_none() => Some(self.until_text(&until)),
            _ => None,
        }
    }

    fn until_text(&self, until: &DateTime<Utc>) -> String {
        let args = Args::new().with("until", self.page.datetime(until));
        crate::i18n::t_args(self.page.locale, "course-quiz-cooling-down", &args)
    }
}
