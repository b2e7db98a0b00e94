//! E-mails about group activity, queued in the same transaction as the
//! post that caused them: replies to subscribed threads, mentions, and new
//! threads in followed groups. Mails about closed and secret groups carry
//! the group's name and a link, never the text; anonymous authors stay
//! anonymous.

use chrono::{DateTime, Utc};
use sqlx::PgConnection;
use uuid::Uuid;

use super::mentions::mentioned_handles;
use super::store::{self, GroupView};
use crate::i18n::Args;
use crate::notify::email::SimpleEmail;
use crate::notify::{Kind, Notification, Recipient, notify};
use crate::web::AppResult;

/// What happened, for the e-mails' wording.
pub struct Activity<'a> {
    pub group: &'a GroupView,
    pub thread_id: Uuid,
    pub thread_title: &'a str,
    pub seq: i32,
    pub author_id: Uuid,
    /// "Ana Vuković", or "anonymous colleague" already translated per mail.
    pub anonymous: bool,
    pub author_name: &'a str,
    pub body: &'a str,
}

/// A new reply: subscribers first, then mentioned members not already told.
pub async fn reply(
    conn: &mut PgConnection,
    base_url: &str,
    activity: &Activity<'_>,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let subscribers = store::thread_subscribers(
        &mut *conn,
        activity.thread_id,
        activity.group.group_id,
        activity.author_id,
    )
    .await?;
    let mut told: Vec<Uuid> = subscribers.iter().map(|r| r.user_id).collect();
    for recipient in &subscribers {
        queue(conn, base_url, recipient, activity, Kind::Reply, now).await?;
    }
    mentions(conn, base_url, activity, &mut told, now).await
}

/// A new thread: members who follow the group, then mentioned members.
pub async fn new_thread(
    conn: &mut PgConnection,
    base_url: &str,
    activity: &Activity<'_>,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let followers =
        store::group_followers(&mut *conn, activity.group.group_id, activity.author_id).await?;
    let mut told: Vec<Uuid> = followers.iter().map(|r| r.user_id).collect();
    for recipient in &followers {
        queue(conn, base_url, recipient, activity, Kind::NewThread, now).await?;
    }
    mentions(conn, base_url, activity, &mut told, now).await
}

/// Mentioned members who can read the group and were not told already.
async fn mentions(
    conn: &mut PgConnection,
    base_url: &str,
    activity: &Activity<'_>,
    told: &mut Vec<Uuid>,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let handles = mentioned_handles(activity.body);
    if handles.is_empty() {
        return Ok(());
    }
    let mentioned = store::mentioned_readers(
        &mut *conn,
        &handles,
        activity.group.group_id,
        activity.author_id,
        activity.group.visibility,
    )
    .await?;
    for recipient in &mentioned {
        if told.contains(&recipient.user_id) {
            continue;
        }
        told.push(recipient.user_id);
        queue(conn, base_url, recipient, activity, Kind::Mention, now).await?;
    }
    Ok(())
}

async fn queue(
    conn: &mut PgConnection,
    base_url: &str,
    to: &store::Recipient,
    activity: &Activity<'_>,
    kind: Kind,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let what = match kind {
        Kind::Reply => "reply",
        Kind::NewThread => "new-thread",
        _ => "mention",
    };
    let recipient = Recipient::new(to.user_id, &to.email, &to.name, &to.locale);
    let e = recipient.email_context(base_url);
    let author = if activity.anonymous {
        e.t("anonymous-colleague")
    } else {
        activity.author_name.to_owned()
    };
    let confidential = !activity.group.visibility.is_public();
    let args = Args::new()
        .with("group", activity.group.name.clone())
        .with("author", author)
        .with(
            "thread",
            if confidential {
                String::new()
            } else {
                activity.thread_title.to_owned()
            },
        );
    let key = |suffix: &str| {
        let privacy = if confidential { "private" } else { "public" };
        format!("email-group-{what}-{privacy}-{suffix}")
    };
    let mut paragraphs = vec![e.t_args(&key("body"), &args)];
    if !confidential {
        let excerpt: String = activity.body.chars().take(400).collect();
        paragraphs.push(if activity.body.chars().count() > 400 {
            format!("{excerpt}…")
        } else {
            excerpt
        });
    }
    let page = (activity.seq as i64 - 1) / super::store::POSTS_PER_PAGE + 1;
    let path = format!(
        "/groups/{}/t/{}?page={page}#post-{}",
        activity.group.slug, activity.thread_id, activity.seq
    );
    let mail = SimpleEmail {
        kind: "group_activity",
        subject: e.t_args(&key("subject"), &args),
        greeting: e.greeting(&to.name),
        paragraphs,
        action: Some((e.t("email-group-open-thread"), e.link(&path))),
    };
    let notification = Notification::new(kind, path, mail).in_group(activity.group.group_id);
    notify(conn, base_url, &recipient, notification, now).await
}
