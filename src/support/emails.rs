//! Peer-support e-mails: they say that something happened and link to it,
//! and never carry any text of the conversation.

use crate::notify::email::{self, Email, EmailContext, SimpleEmail};

type Rendered = Result<Email, askama::Error>;

fn text_free(
    e: &EmailContext,
    to: &str,
    name: &str,
    kind: &'static str,
    key: &str,
    path: &str,
) -> Rendered {
    email::render(
        e,
        to,
        SimpleEmail {
            kind,
            subject: e.t(&format!("{key}-subject")),
            greeting: e.greeting(name),
            paragraphs: vec![e.t(&format!("{key}-body"))],
            action: Some((e.t("email-support-open"), e.link(path))),
        },
    )
}

/// To every peer supporter: a colleague is waiting (also the 24-hour reminder).
pub fn team_request(e: &EmailContext, to: &str, name: &str, reminder: bool) -> Rendered {
    let key = if reminder {
        "email-support-reminder"
    } else {
        "email-support-new"
    };
    text_free(e, to, name, "support_request", key, "/support/queue")
}

pub fn taken(e: &EmailContext, to: &str, name: &str, path: &str) -> Rendered {
    text_free(e, to, name, "support_taken", "email-support-taken", path)
}

pub fn new_message(e: &EmailContext, to: &str, name: &str, path: &str) -> Rendered {
    text_free(
        e,
        to,
        name,
        "support_message",
        "email-support-message",
        path,
    )
}
