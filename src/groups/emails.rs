//! The groups feature's e-mails. They name the group and link to it; they
//! never carry the text of posts from closed or secret groups.

use crate::i18n::Args;
use crate::notify::email::{EmailContext, SimpleEmail};

pub fn join_decision(
    e: &EmailContext,
    name: &str,
    group_name: &str,
    slug: &str,
    approved: bool,
) -> SimpleEmail {
    let args = Args::new().with("group", group_name.to_owned());
    let (subject, body) = if approved {
        ("email-group-approved-subject", "email-group-approved-body")
    } else {
        ("email-group-declined-subject", "email-group-declined-body")
    };
    SimpleEmail {
        kind: "group_join_decision",
        subject: e.t_args(subject, &args),
        greeting: e.greeting(name),
        paragraphs: vec![e.t_args(body, &args)],
        action: approved.then(|| (e.t("email-open-group"), e.link(&format!("/groups/{slug}")))),
    }
}

/// To a group's moderators: someone asks to join.
pub fn join_request(
    e: &EmailContext,
    name: &str,
    requester: &str,
    group_name: &str,
    slug: &str,
) -> SimpleEmail {
    let args = Args::new()
        .with("group", group_name.to_owned())
        .with("member", requester.to_owned());
    SimpleEmail {
        kind: "group_join_request",
        subject: e.t_args("email-group-request-subject", &args),
        greeting: e.greeting(name),
        paragraphs: vec![e.t_args("email-group-request-body", &args)],
        action: Some((
            e.t("email-group-request-action"),
            e.link(&format!("/groups/{slug}/members")),
        )),
    }
}

pub fn invitation(
    e: &EmailContext,
    name: &str,
    inviter: &str,
    group_name: &str,
    slug: &str,
) -> SimpleEmail {
    let args = Args::new()
        .with("group", group_name.to_owned())
        .with("inviter", inviter.to_owned());
    SimpleEmail {
        kind: "group_invitation",
        subject: e.t_args("email-group-invite-subject", &args),
        greeting: e.greeting(name),
        paragraphs: vec![e.t_args("email-group-invite-body", &args)],
        action: Some((e.t("email-open-group"), e.link(&format!("/groups/{slug}")))),
    }
}

/// What moderators decided about a member's flagged post, as far as it
/// concerns the member.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Outcome {
    pub hidden: bool,
    pub warned: bool,
    pub banned: bool,
}

impl Outcome {
    /// Whether the author hears about it (a kept post alone is not news).
    pub fn concerns_author(&self) -> bool {
        self.hidden || self.warned || self.banned
    }
}

/// "Your post was hidden / you are warned / you are banned", with the
/// moderator's note.
pub fn moderation_outcome(
    e: &EmailContext,
    name: &str,
    group_name: &str,
    link: &str,
    note: &str,
    outcome: Outcome,
) -> SimpleEmail {
    let args = Args::new().with("group", group_name.to_owned());
    let mut paragraphs = Vec::new();
    for (applies, id) in [
        (outcome.hidden, "email-post-hidden-body"),
        (outcome.warned, "email-post-warned-body"),
        (outcome.banned, "email-post-banned-body"),
    ] {
        if applies {
            paragraphs.push(e.t_args(id, &args));
        }
    }
    if !note.is_empty() {
        paragraphs.push(format!("{} {note}", e.t("email-post-hidden-note")));
    }
    let subject = if outcome.hidden {
        "email-post-hidden-subject"
    } else {
        "email-moderators-subject"
    };
    SimpleEmail {
        kind: "moderation_outcome",
        subject: e.t_args(subject, &args),
        greeting: e.greeting(name),
        paragraphs,
        action: Some((e.t("email-group-open-thread"), e.link(link))),
    }
}

/// To a group's moderators: a post waits for their approval. No words of
/// the post, whatever the group: the queue is where it is read.
pub fn post_held(e: &EmailContext, name: &str, group_name: &str) -> SimpleEmail {
    let args = Args::new().with("group", group_name.to_owned());
    SimpleEmail {
        kind: "group_post_held",
        subject: e.t_args("email-post-held-subject", &args),
        greeting: e.greeting(name),
        paragraphs: vec![e.t_args("email-post-held-body", &args)],
        action: Some((e.t("email-post-held-action"), e.link("/moderation"))),
    }
}

/// To the author: her held post was declined, and why (the moderator's
/// words). Her text is not in the mail; it waits for her on the thread.
pub fn post_declined(
    e: &EmailContext,
    name: &str,
    group_name: &str,
    reason: &str,
    link: &str,
) -> SimpleEmail {
    let args = Args::new().with("group", group_name.to_owned());
    SimpleEmail {
        kind: "group_post_declined",
        subject: e.t_args("email-post-declined-subject", &args),
        greeting: e.greeting(name),
        paragraphs: vec![
            e.t_args("email-post-declined-body", &args),
            format!("„{reason}“"),
        ],
        action: Some((e.t("email-post-declined-action"), e.link(link))),
    }
}
