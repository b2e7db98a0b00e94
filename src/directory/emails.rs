//! The service map's e-mails: a suggestion accepted or refused (with the
//! reason), to the member who made it.

use super::vocabulary::SuggestionStatus;
use crate::i18n::Args;
use crate::notify::email::{EmailContext, SimpleEmail};

/// `decision` is the status the suggestion moved to: accepted or refused.
pub fn suggestion_decision(
    e: &EmailContext,
    name: &str,
    decision: SuggestionStatus,
    service_name: &str,
    reason: &str,
    link: &str,
) -> SimpleEmail {
    let decision = decision.as_str();
    let args = Args::new().with("name", service_name.to_owned());
    let mut paragraphs = vec![e.t_args(&format!("email-suggestion-{decision}-body"), &args)];
    if !reason.is_empty() {
        paragraphs.push(format!("{} {reason}", e.t("services-refuse-reason")));
    }
    SimpleEmail {
        kind: "service_suggestion",
        subject: e.t_args(&format!("email-suggestion-{decision}-subject"), &args),
        greeting: e.greeting(name),
        paragraphs,
        action: Some((e.t("email-open-service"), e.link(link))),
    }
}
