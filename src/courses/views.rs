//! Template structs of the courses.

use askama::Template;
use askama_web::WebTemplate;
use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::attachment_forms::AttachForm;
use super::forms::{CourseForm, LessonForm, ModuleForm};
use super::store::attachments::{Attachment, RecordingChoice};
use super::store::cohorts::Cohort;
use super::store::completion::CourseCertificate;
use super::store::learning::{Enrolment, Learning};
use super::store::syllabus::{Lesson, LessonTitle, Module};
use super::store::{Course, LogEntry};
use super::vocabulary::{Audience, Level};
use crate::i18n::Args;
use crate::library::views::topic_name;
use crate::web::{FormErrors, Page};

/// (slug, Serbian name, English name) of a library topic.
pub type Topic = (String, String, String);

/// A topic's name in the page's language; the slug when it is unknown.
fn named(page: &Page, topics: &[Topic], slug: &str) -> String {
    topics.iter().find(|(s, _, _)| s == slug).map_or_else(
        || slug.to_owned(),
        |(_, sr, en)| topic_name(page.locale, sr, en),
    )
}

/// "2 of 5 lessons done", in the page's language.
pub fn progress_text(page: &Page, done: i64, all: i64) -> String {
    let args = Args::new().with("done", done).with("all", all);
    crate::i18n::t_args(page.locale, "course-progress", &args)
}

#[derive(Template, WebTemplate)]
#[template(path = "courses/catalogue.html")]
pub struct CataloguePage {
    pub page: Page,
    pub q: String,
    pub topic: String,
    pub language: String,
    pub level: String,
    pub courses: Vec<Course>,
    pub topics: Vec<Topic>,
    pub languages: &'static [&'static str],
    pub levels: [Level; 3],
    pub previous_page: Option<String>,
    pub next_page: Option<String>,
    /// May write courses (the "new course" link).
    pub can_author: bool,
    /// Moderators: courses waiting for review; authors: their unpublished ones.
    pub waiting: Vec<Course>,
}

impl CataloguePage {
    pub fn topic_label(&self, slug: &str) -> String {
        named(&self.page, &self.topics, slug)
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "courses/show.html")]
pub struct CoursePage {
    pub page: Page,
    pub course: Course,
    pub syllabus: Vec<(Module, Vec<LessonTitle>)>,
    pub topics: Vec<Topic>,
    pub enrolment: Option<Enrolment>,
    /// (done, all) lessons, for an enrolled member.
    pub progress: (i64, i64),
    pub done: Vec<Uuid>,
    /// Modules whose quiz has questions, and those the member has passed.
    pub quizzes: Vec<Uuid>,
    pub passed: Vec<Uuid>,
    pub can_read: bool,
    pub can_enrol: bool,
    pub can_edit: bool,
    pub can_submit: bool,
    pub curates: bool,
    /// The status log, for the author and moderators (empty for others).
    pub log: Vec<LogEntry>,
    /// (slug, name) of the group a group course is for.
    pub group: Option<(String, String)>,
    /// The course's cohorts, and whether the viewer may start one.
    pub cohorts: Vec<Cohort>,
    pub can_run_cohort: bool,
    /// The author's and moderators' link to the course's figures.
    pub can_see_figures: bool,
}

impl CoursePage {
    pub fn topic_label(&self, slug: &str) -> String {
        named(&self.page, &self.topics, slug)
    }

    pub fn is_done(&self, lesson_id: &Uuid) -> bool {
        self.done.contains(lesson_id)
    }

    pub fn has_quiz(&self, module_id: &Uuid) -> bool {
        self.quizzes.contains(module_id)
    }

    pub fn quiz_passed(&self, module_id: &Uuid) -> bool {
        self.passed.contains(module_id)
    }

    pub fn for_members(&self) -> bool {
        self.course.audience == Audience::Members
    }

    /// Where "continue" leads: the last lesson, or the first.
    pub fn continue_to(&self) -> Option<Uuid> {
        let first = self
            .syllabus
            .iter()
            .flat_map(|(_, lessons)| lessons.iter())
            .map(|l| l.lesson_id)
            .next();
        self.enrolment
            .as_ref()
            .and_then(|e| e.last_lesson_id)
            .or(first)
    }

    pub fn progress_text(&self) -> String {
        progress_text(&self.page, self.progress.0, self.progress.1)
    }

    /// When the viewer completed the course (kept however it changed since).
    pub fn completed_at(&self) -> Option<DateTime<Utc>> {
        self.enrolment.as_ref().and_then(|e| e.completed_at)
    }

    /// A cohort's dates: "1. 12. 2026. – 29. 12. 2026.".
    pub fn cohort_dates(&self, cohort: &Cohort) -> String {
        let format = self.page.locale.date_format();
        format!(
            "{} – {}",
            cohort.starts_on.format(format),
            cohort.ends_on.format(format)
        )
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "courses/form.html")]
pub struct CourseFormPage {
    pub page: Page,
    pub action: String,
    pub form: CourseForm,
    pub errors: FormErrors,
    pub warnings: Vec<String>,
    pub topics: Vec<Topic>,
    pub languages: &'static [&'static str],
    pub levels: [Level; 3],
    pub audiences: [Audience; 3],
    /// (id, name) of the groups the course may be for.
    pub groups: Vec<(String, String)>,
}

impl CourseFormPage {
    pub fn topic_name(&self, topic: &Topic) -> String {
        topic_name(self.page.locale, &topic.1, &topic.2)
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "courses/module_form.html")]
pub struct ModuleFormPage {
    pub page: Page,
    pub course: Course,
    pub action: String,
    pub form: ModuleForm,
    pub errors: FormErrors,
    pub warnings: Vec<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "courses/lesson_form.html")]
pub struct LessonFormPage {
    pub page: Page,
    pub course: Course,
    pub module_title: String,
    pub action: String,
    pub form: LessonForm,
    pub errors: FormErrors,
    pub warnings: Vec<String>,
    /// The lesson's attachments and the forms to add more (an existing
    /// lesson's page only).
    pub attachments: Option<AttachPanel>,
}

/// A lesson's attachments as its author edits them.
pub struct AttachPanel {
    pub attachments: Vec<Attachment>,
    /// Recordings the author may attach.
    pub recordings: Vec<RecordingChoice>,
    /// What she typed, kept when a form is refused.
    pub form: AttachForm,
    pub errors: FormErrors,
    /// `/courses/<slug>/lessons/<id>/attachments`, where the forms post.
    pub base: String,
    /// The upload's action (multipart: the CSRF token rides in the query).
    pub upload_action: String,
    pub max_media_mb: u64,
}

#[derive(Template, WebTemplate)]
#[template(path = "courses/lesson.html")]
pub struct LessonPage {
    pub page: Page,
    pub course: Course,
    pub lesson: Lesson,
    pub module_title: String,
    pub previous: Option<LessonTitle>,
    pub next: Option<LessonTitle>,
    pub done: bool,
    /// The module's quiz, when this is its last lesson and the member
    /// enrolled may take it: the navigation leads there next.
    pub quiz_after: Option<Uuid>,
    /// Signed in, and the course is published: "mark done" is offered.
    pub can_mark: bool,
    /// What the lesson carries that this reader may open, in order.
    pub attachments: Vec<Attachment>,
}

impl LessonPage {
    /// Where a media attachment plays from (and downloads).
    pub fn media_path(&self, attachment: &Attachment) -> String {
        format!(
            "/courses/{}/lessons/{}/media/{}",
            self.course.slug, self.lesson.lesson_id, attachment.attachment_id
        )
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "courses/learning.html")]
pub struct LearningPage {
    pub page: Page,
    pub courses: Vec<Learning>,
}

impl LearningPage {
    pub fn progress_text(&self, course: &Learning) -> String {
        progress_text(&self.page, course.done, course.total)
    }
}

/// The member's printable certificate of a completed course.
#[derive(Template, WebTemplate)]
#[template(path = "courses/certificate.html")]
pub struct CourseCertificatePage {
    pub page: Page,
    pub certificate: CourseCertificate,
    pub verify_url: String,
    /// The institution that issues certificates (a site setting).
    pub issuer: String,
}

/// A course certificate checked by its code, by anyone: name, course,
/// points and date only (`/certificates/<code>`).
#[derive(Template, WebTemplate)]
#[template(path = "courses/verification.html")]
pub struct CourseVerificationPage {
    pub page: Page,
    pub certificate: CourseCertificate,
}
