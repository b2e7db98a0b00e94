//! Rendering e-mails: every message is multipart (plain text and HTML), in
//! the recipient's language, with absolute links built from the base URL.
//! Each kind of e-mail has a `.txt` and an `.html` template under
//! `templates/email/` and a constructor here.

use askama::Template;

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
    pub fn into_message(self) -> NewMessage {
        NewMessage {
            kind: self.kind.to_owned(),
            recipient: self.to,
            language: self.locale.tag().to_owned(),
            subject: self.subject,
            body_text: self.text,
            body_html: self.html,
            send_after: None,
        }
    }
}

/// What every e-mail template can use: the language and the site's address.
pub struct EmailContext {
    pub locale: Locale,
    pub base_url: String,
}

impl EmailContext {
    pub fn t(&self, key: &str) -> String {
        i18n::t(self.locale, key)
    }

    /// An absolute link to a path on the site.
    pub fn link(&self, path: &str) -> String {
        format!("{}{}", self.base_url, path)
    }
}

#[derive(Template)]
#[template(path = "email/account_created.txt")]
struct AccountCreatedText<'a> {
    e: &'a EmailContext,
    greeting: String,
}

#[derive(Template)]
#[template(path = "email/account_created.html")]
struct AccountCreatedHtml<'a> {
    e: &'a EmailContext,
    greeting: String,
}

/// Sent when an administrator creates an account from the command line.
pub fn account_created(e: &EmailContext, to: &str, name: &str) -> Result<Email, askama::Error> {
    let greeting = i18n::t_args(
        e.locale,
        "email-greeting",
        &Args::new().with("name", name.to_owned()),
    );
    Ok(Email {
        kind: "account_created",
        to: to.to_owned(),
        locale: e.locale,
        subject: e.t("email-account-created-subject"),
        text: AccountCreatedText {
            e,
            greeting: greeting.clone(),
        }
        .render()?,
        html: AccountCreatedHtml { e, greeting }.render()?,
    })
}
