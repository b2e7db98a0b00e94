//! The groups feature's e-mails. They name the group and link to it; they
//! never carry the text of posts from closed or secret groups.

use crate::i18n::Args;
use crate::notify::email::{self, Email, EmailContext, SimpleEmail};

type Rendered = Result<Email, askama::Error>;

pub fn join_decision(
    e: &EmailContext,
    to: &str,
    name: &str,
    group_name: &str,
    slug: &str,
    approved: bool,
) -> Rendered {
    let args = Args::new().with("group", group_name.to_owned());
    let (subject, body) = if approved {
        ("email-group-approved-subject", "email-group-approved-body")
    } else {
        ("email-group-declined-subject", "email-group-declined-body")
    };
    email::render(
        e,
        to,
        SimpleEmail {
            kind: "group_join_decision",
            subject: e.t_args(subject, &args),
            greeting: e.greeting(name),
            paragraphs: vec![e.t_args(body, &args)],
            action: approved.then(|| (e.t("email-open-group"), e.link(&format!("/groups/{slug}")))),
        },
    )
}

pub fn invitation(
    e: &EmailContext,
    to: &str,
    name: &str,
    inviter: &str,
    group_name: &str,
    slug: &str,
) -> Rendered {
    let args = Args::new()
        .with("group", group_name.to_owned())
        .with("inviter", inviter.to_owned());
    email::render(
        e,
        to,
        SimpleEmail {
            kind: "group_invitation",
            subject: e.t_args("email-group-invite-subject", &args),
            greeting: e.greeting(name),
            paragraphs: vec![e.t_args("email-group-invite-body", &args)],
            action: Some((e.t("email-open-group"), e.link(&format!("/groups/{slug}")))),
        },
    )
}

/// "Your post was hidden by a moderator", with the moderator's note.
pub fn post_hidden(
    e: &EmailContext,
    to: &str,
    name: &str,
    group_name: &str,
    link: &str,
    note: &str,
) -> Rendered {
    let args = Args::new().with("group", group_name.to_owned());
    let mut paragraphs = vec![e.t_args("email-post-hidden-body", &args)];
    if !note.is_empty() {
        paragraphs.push(format!("{} {note}", e.t("email-post-hidden-note")));
    }
    email::render(
        e,
        to,
        SimpleEmail {
            kind: "post_hidden",
            subject: e.t_args("email-post-hidden-subject", &args),
            greeting: e.greeting(name),
            paragraphs,
            action: Some((e.t("email-group-open-thread"), e.link(link))),
        },
    )
}
