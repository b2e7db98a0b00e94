//! Rendering e-mails: every message is multipart (plain text and HTML), in
//! the recipient's language, with absolute links built from the base URL.
//! Most messages are a greeting, a few paragraphs and one action link, so
//! they share `templates/email/simple.{txt,html}`; a feature builds a
//! [`SimpleEmail`] from catalogue messages and renders it here.

use askama::Template;
use uuid::Uuid;

use super::outbox::NewMessage;
use crate::i18n::{self, Args, Locale};

/// A rendered e-mail, ready to queue.
#[derive(Debug, Clone)]
pub struct Email {
    pub kind: &'static str,
    pub to: String,
    pub locale: Locale,
    pub subject: String,
    pub text: String,
    pub html: String,
}

impl Email {
    /// The message to queue, for `member`: the one it is written for, or
    /// `None` for an address no account has.
    pub fn into_message(self, member: Option<Uuid>) -> NewMessage {
        NewMessage {
            kind: self.kind.to_owned(),
            recipient: self.to,
            language: self.locale.tag().to_owned(),
            subject: self.subject,
            body_text: self.text,
            body_html: self.html,
            send_after: None,
            attachment: None,
            notification_kind: None,
            unsubscribe_url: None,
            user_id: member,
            group_id: None,
        }
    }
}

/// What every e-mail template can use: the language and the site's address.
#[derive(Debug, Clone)]
pub struct EmailContext {
    pub locale: Locale,
    pub base_url: String,
    /// The one-click unsubscribe link of a notification's mail; `None` for
    /// account-critical mail, which cannot be turned off.
    pub unsubscribe: Option<String>,
}

impl EmailContext {
    pub fn new(locale: Locale, base_url: &str) -> EmailContext {
        EmailContext {
            locale,
            base_url: base_url.to_owned(),
            unsubscribe: None,
        }
    }

    pub fn t(&self, key: &str) -> String {
        i18n::t(self.locale, key)
    }

    pub fn t_args(&self, key: &str, args: &Args) -> String {
        i18n::t_args(self.locale, key, args)
    }

    /// An absolute link to a path on the site.
    pub fn link(&self, path: &str) -> String {
        format!("{}{}", self.base_url, path)
    }

    /// "Dear Ana," in the recipient's language.
    pub fn greeting(&self, name: &str) -> String {
        self.t_args("email-greeting", &Args::new().with("name", name.to_owned()))
    }
}

/// A greeting, paragraphs and an optional action (label, absolute URL).
#[derive(Debug, Clone)]
pub struct SimpleEmail {
    pub kind: &'static str,
    pub subject: String,
    pub greeting: String,
    pub paragraphs: Vec<String>,
    pub action: Option<(String, String)>,
}

#[derive(Template)]
#[template(path = "email/simple.txt")]
struct SimpleText<'a> {
    e: &'a EmailContext,
    mail: &'a SimpleEmail,
}

#[derive(Template)]
#[template(path = "email/simple.html")]
struct SimpleHtml<'a> {
    e: &'a EmailContext,
    mail: &'a SimpleEmail,
}

pub fn render(e: &EmailContext, to: &str, mail: SimpleEmail) -> Result<Email, askama::Error> {
    Ok(Email {
        kind: mail.kind,
        to: to.to_owned(),
        locale: e.locale,
        subject: mail.subject.clone(),
        text: SimpleText { e, mail: &mail }.render()?,
        html: SimpleHtml { e, mail: &mail }.render()?,
    })
}

/// Sent when an administrator creates an account from the command line.
pub fn account_created(e: &EmailContext, to: &str, name: &str) -> Result<Email, askama::Error> {
    render(
        e,
        to,
        SimpleEmail {
            kind: "account_created",
            subject: e.t("email-account-created-subject"),
            greeting: e.greeting(name),
            paragraphs: vec![e.t("email-account-created-body")],
            action: Some((e.t("email-sign-in"), e.link("/login"))),
        },
    )
}
