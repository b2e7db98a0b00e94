//! Peer-support e-mails: they say that something happened and link to it,
//! and never carry any text of the conversation.

use crate::notify::email::{EmailContext, SimpleEmail};
use crate::notify::{Kind, Notification};

fn text_free(
    e: &EmailContext,
    name: &str,
    kind: Kind,
    mail_kind: &'static str,
    key: &str,
    path: &str,
) -> Notification {
    let mail = SimpleEmail {
        kind: mail_kind,
        subject: e.t(&format!("{key}-subject")),
        greeting: e.greeting(name),
        paragraphs: vec![e.t(&format!("{key}-body"))],
        action: Some((e.t("email-support-open"), e.link(path))),
    };
    Notification::new(kind, path, mail)
}

/// To every peer supporter: a colleague is waiting (also the 24-hour reminder).
pub fn team_request(e: &EmailContext, name: &str, reminder: bool) -> Notification {
    let key = if reminder {
        "email-support-reminder"
    } else {
        "email-support-new"
    };
    text_free(
        e,
        name,
        Kind::SupportRequest,
        "support_request",
        key,
        "/support/queue",
    )
}

pub fn taken(e: &EmailContext, name: &str, path: &str) -> Notification {
    text_free(
        e,
        name,
        Kind::SupportReply,
        "support_taken",
        "email-support-taken",
        path,
    )
}

pub fn new_message(e: &EmailContext, name: &str, path: &str) -> Notification {
    text_free(
        e,
        name,
        Kind::SupportReply,
        "support_message",
        "email-support-message",
        path,
    )
}
