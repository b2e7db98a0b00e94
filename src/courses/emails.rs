//! The courses' e-mails: a course returned (with the reason) or published,
//! to its author; a cohort's weekly reminder to a member behind its pace.

use crate::i18n::Args;
use crate::notify::email::{EmailContext, SimpleEmail};

/// `decision` is "returned" or "published".
pub fn review_decision(
    e: &EmailContext,
    name: &str,
    decision: &str,
    title: &str,
    reason: &str,
    link: &str,
) -> SimpleEmail {
    let args = Args::new().with("title", title.to_owned());
    let mut paragraphs = vec![e.t_args(&format!("email-course-{decision}-body"), &args)];
    if !reason.is_empty() {
        paragraphs.push(format!("{} {reason}", e.t("course-return-reason")));
    }
    SimpleEmail {
        kind: "course_review",
        subject: e.t_args(&format!("email-course-{decision}-subject"), &args),
        greeting: e.greeting(name),
        paragraphs,
        action: Some((e.t("email-open-course"), e.link(link))),
    }
}

/// "You are behind in the cohort": where she stands and until when.
pub fn cohort_reminder(
    e: &EmailContext,
    name: &str,
    reminder: &crate::courses::store::cohorts::DueReminder,
    link: &str,
) -> SimpleEmail {
    let args = Args::new()
        .with("course", reminder.course_title.clone())
        .with("cohort", reminder.cohort_title.clone())
        .with("done", reminder.done)
        .with("all", reminder.total)
        .with(
            "deadline",
            reminder.deadline.format(e.locale.date_format()).to_string(),
        );
    SimpleEmail {
        kind: "cohort_reminder",
        subject: e.t_args("email-cohort-reminder-subject", &args),
        greeting: e.greeting(name),
        paragraphs: vec![
            e.t_args("email-cohort-reminder-body", &args),
            e.t_args("email-cohort-reminder-deadline", &args),
        ],
        action: Some((e.t("email-cohort-reminder-action"), e.link(link))),
    }
}
