//! Telling a member something: one call per notification, in the
//! transaction of the change that caused it. It always adds the in-app
//! entry and, as the member's setting for the kind says, queues the mail
//! now, leaves it for the daily digest, or sends none. A mail to an address
//! that bounces is not queued, nor any mail to a blocked member: blocking
//! stops what Kolega sends her (the entry waits in case she is unblocked).
//! Every queued mail carries a one-click unsubscribe link for its kind.

use chrono::{DateTime, Utc};
use sqlx::PgConnection;
use uuid::Uuid;

use super::email::{self, EmailContext, SimpleEmail};
use super::kinds::{Delivery, Kind};
use super::outbox::{self, Attachment};
use super::unsubscribe;
use crate::i18n::Locale;
use crate::web::AppResult;

/// Who is told.
#[derive(Debug, Clone)]
pub struct Recipient {
    pub user_id: Uuid,
    pub email: String,
    pub name: String,
    pub locale: Locale,
}

impl Recipient {
    /// From a row's locale tag (an unknown tag reads as the default).
    pub fn new(user_id: Uuid, email: &str, name: &str, locale: &str) -> Recipient {
        Recipient {
            user_id,
            email: email.to_owned(),
            name: name.to_owned(),
            locale: Locale::from_tag(locale).unwrap_or_default(),
        }
    }

    /// The context its mail is written in.
    pub fn email_context(&self, base_url: &str) -> EmailContext {
        EmailContext::new(self.locale, base_url)
    }

    /// Member `user_id` as a recipient, in her language; `None` once her
    /// account is erased (there is nobody left to tell).
    pub async fn find(conn: &mut PgConnection, user_id: Uuid) -> sqlx::Result<Option<Recipient>> {
        let row: Option<(String, String, String)> = sqlx::query_as(
            "SELECT email, name, locale FROM users WHERE user_id = $1 AND deleted_at IS NULL",
        )
        .bind(user_id)
        .fetch_optional(conn)
        .await?;
        Ok(row.map(|(email, name, locale)| Recipient::new(user_id, &email, &name, &locale)))
    }
}

/// "Tell this member about this, in her language, with this link": finds
/// her, lets `compose` write the notification in her language (the mail's
/// context and her name), then records and queues it as [`notify`] does.
/// An erased member is told nothing. The one way features tell a single
/// member about a decision (a review, a place freed, a held post).
pub async fn tell(
    conn: &mut PgConnection,
    base_url: &str,
    user_id: Uuid,
    now: DateTime<Utc>,
    compose: impl FnOnce(&EmailContext, &str) -> Notification,
) -> AppResult<()> {
    let Some(to) = Recipient::find(&mut *conn, user_id).await? else {
        return Ok(());
    };
    let notification = compose(&to.email_context(base_url), &to.name);
    notify(conn, base_url, &to, notification, now).await
}

/// What to tell them. `mail.subject` doubles as the in-app entry's title,
/// so it must say no more than the mail may.
pub struct Notification {
    pub kind: Kind,
    /// A path on the site the entry links to.
    pub link: String,
    /// The group it happened in, for the digest's grouping.
    pub group_id: Option<Uuid>,
    pub mail: SimpleEmail,
    pub attachment: Option<Attachment>,
    /// Not before (event reminders are queued ahead).
    pub send_after: Option<DateTime<Utc>>,
}

impl Notification {
    pub fn new(kind: Kind, link: impl Into<String>, mail: SimpleEmail) -> Notification {
        Notification {
            kind,
            link: link.into(),
            group_id: None,
            mail,
            attachment: None,
            send_after: None,
        }
    }

    pub fn in_group(mut self, group_id: Uuid) -> Notification {
        self.group_id = Some(group_id);
        self
    }
}

#[derive(sqlx::FromRow)]
struct Circumstances {
    delivery: String,
    suppressed: bool,
    /// Blocked (or erased): no mail at all.
    barred: bool,
    key: Vec<u8>,
}

/// Records the notification and queues its mail as the member chose.
pub async fn notify(
    conn: &mut PgConnection,
    base_url: &str,
    to: &Recipient,
    notification: Notification,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let kind = notification.kind;
    let found: Circumstances = sqlx::query_as(
        r#"
        SELECT COALESCE((SELECT delivery FROM notification_settings WHERE user_id = $1 AND kind = $2), $3) AS delivery,
               EXISTS (SELECT 1 FROM email_suppressions
                       WHERE address = lower($4) AND suppressed_at IS NOT NULL) AS suppressed,
               COALESCE((SELECT blocked_at IS NOT NULL OR deleted_at IS NOT NULL
                         FROM users WHERE user_id = $1), false) AS barred,
               (SELECT key FROM signing_keys WHERE name = 'unsubscribe') AS key
        "#,
    )
    .bind(to.user_id)
    .bind(kind.code())
    .bind(kind.default_delivery().code())
    .bind(&to.email)
    .fetch_one(&mut *conn)
    .await?;
    let delivery = if kind.is_switchable() {
        Delivery::from_code(&found.delivery).unwrap_or(kind.default_delivery())
    } else {
        Delivery::Immediately
    };
    let link = if notification.link.starts_with('/') {
        notification.link
    } else {
        "/notifications".to_owned()
    };
    sqlx::query(
        r#"
        INSERT INTO notifications (user_id, kind, title, link, group_id, created_at, digest_pending)
        VALUES ($1, $2, $3, $4, $5, $6, $7)
        "#,
    )
    .bind(to.user_id)
    .bind(kind.code())
    .bind(&notification.mail.subject)
    .bind(&link)
    .bind(notification.group_id)
    .bind(now)
    .bind(delivery == Delivery::Digest && !found.suppressed && !found.barred)
    .execute(&mut *conn)
    .await?;
    if delivery != Delivery::Immediately || found.suppressed || found.barred {
        return Ok(());
    }
    let mut e = to.email_context(base_url);
    let unsubscribe_url = kind.is_switchable().then(|| {
        unsubscribe::url(
            base_url,
            &unsubscribe::token(&found.key, to.user_id, unsubscribe::Target::Kind(kind)),
        )
    });
    e.unsubscribe = unsubscribe_url.clone();
    let mut message =
        email::render(&e, &to.email, notification.mail)?.into_message(Some(to.user_id));
    message.kind = kind.code().to_owned();
    message.attachment = notification.attachment;
    message.send_after = notification.send_after;
    message.notification_kind = Some(kind.code().to_owned());
    message.unsubscribe_url = unsubscribe_url;
    message.group_id = notification.group_id;
    outbox::enqueue(&mut *conn, &message, now).await?;
    Ok(())
}
