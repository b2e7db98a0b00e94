//! The courses' e-mails: a course returned (with the reason) or published,
//! to its author.

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
