//! The e-mails of the members feature, built from catalogue messages.

use crate::i18n::Args;
use crate::notify::email::{self, Email, EmailContext, SimpleEmail};

type Rendered = Result<Email, askama::Error>;

/// "Confirm your address": after joining, or for a new address.
pub fn verify_address(e: &EmailContext, to: &str, name: &str, token: &str) -> Rendered {
    email::render(
        e,
        to,
        SimpleEmail {
            kind: "verify_email",
            subject: e.t("email-verify-subject"),
            greeting: e.greeting(name),
            paragraphs: vec![
                e.t("email-verify-body"),
                e.t("email-verify-expiry"),
                e.t("email-not-you"),
            ],
            action: Some((
                e.t("email-verify-action"),
                e.link(&format!("/verify/{token}")),
            )),
        },
    )
}

/// Someone tried to join (or move an account) with an address that already
/// has an account: its owner is told instead of the visitor.
pub fn address_taken(e: &EmailContext, to: &str, name: &str) -> Rendered {
    email::render(
        e,
        to,
        SimpleEmail {
            kind: "address_taken",
            subject: e.t("email-taken-subject"),
            greeting: e.greeting(name),
            paragraphs: vec![e.t("email-taken-body"), e.t("email-not-you")],
            action: Some((e.t("email-taken-action"), e.link("/password/forgot"))),
        },
    )
}

pub fn password_reset(e: &EmailContext, to: &str, name: &str, token: &str) -> Rendered {
    email::render(
        e,
        to,
        SimpleEmail {
            kind: "password_reset",
            subject: e.t("email-reset-subject"),
            greeting: e.greeting(name),
            paragraphs: vec![
                e.t("email-reset-body"),
                e.t("email-reset-expiry"),
                e.t("email-not-you"),
            ],
            action: Some((
                e.t("email-reset-action"),
                e.link(&format!("/password/reset/{token}")),
            )),
        },
    )
}

pub fn password_changed(e: &EmailContext, to: &str, name: &str) -> Rendered {
    email::render(
        e,
        to,
        SimpleEmail {
            kind: "password_changed",
            subject: e.t("email-password-changed-subject"),
            greeting: e.greeting(name),
            paragraphs: vec![e.t("email-password-changed-body")],
            action: Some((e.t("email-reset-action"), e.link("/password/forgot"))),
        },
    )
}

pub fn approval_decision(e: &EmailContext, to: &str, name: &str, approved: bool) -> Rendered {
    let (subject, body) = if approved {
        ("email-approved-subject", "email-approved-body")
    } else {
        ("email-declined-subject", "email-declined-body")
    };
    email::render(
        e,
        to,
        SimpleEmail {
            kind: "approval_decision",
            subject: e.t(subject),
            greeting: e.greeting(name),
            paragraphs: vec![e.t_args(body, &Args::new())],
            action: approved.then(|| (e.t("email-sign-in"), e.link("/login"))),
        },
    )
}
