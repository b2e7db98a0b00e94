//! The library's e-mails: a submission returned (with the reason) or
//! published, to the member who submitted it.

use super::vocabulary::ResourceStatus;
use crate::i18n::Args;
use crate::notify::email::{EmailContext, SimpleEmail};

/// `decision` is the status the resource moved to: returned or published.
pub fn review_decision(
    e: &EmailContext,
    name: &str,
    decision: ResourceStatus,
    title: &str,
    reason: &str,
    link: &str,
) -> SimpleEmail {
    let decision = decision.as_str();
    let args = Args::new().with("title", title.to_owned());
    let mut paragraphs = vec![e.t_args(&format!("email-resource-{decision}-body"), &args)];
    if !reason.is_empty() {
        paragraphs.push(format!("{} {reason}", e.t("library-return-reason")));
    }
    SimpleEmail {
        kind: "resource_review",
        subject: e.t_args(&format!("email-resource-{decision}-subject"), &args),
        greeting: e.greeting(name),
        paragraphs,
        action: Some((e.t("email-open-resource"), e.link(link))),
    }
}
