//! Demo notifications: the replies and event registrations the demo content
//! already holds, as the in-app entries they would have made, so a demo
//! member's `/notifications` and header count look lived in. The newest
//! couple are unread, the rest read. Members who have entries are skipped,
//! so running `seed-demo` again adds nothing.

use chrono::{DateTime, Utc};
use sqlx::PgPool;
use uuid::Uuid;

use crate::i18n::{self, Args, Locale};

/// Entries per member at most, and how many of the newest stay unread.
const PER_MEMBER: usize = 12;
const UNREAD: usize = 2;

#[derive(sqlx::FromRow)]
struct Reply {
    user_id: Uuid,
    locale: String,
    visibility: String,
    group_id: Uuid,
    group_name: String,
    slug: String,
    thread_id: Uuid,
    title: String,
    seq: i32,
    created_at: DateTime<Utc>,
}

#[derive(sqlx::FromRow)]
struct Registration {
    user_id: Uuid,
    locale: String,
    event_id: Uuid,
    title: String,
    kind: String,
    group_id: Option<Uuid>,
    confidential: bool,
    waitlisted: bool,
    registered_at: DateTime<Utc>,
}

/// An entry as `notify::send` would have recorded it.
struct Entry {
    user_id: Uuid,
    kind: &'static str,
    title: String,
    link: String,
    group_id: Option<Uuid>,
    at: DateTime<Utc>,
}

const NOT_YET_NOTIFIED: &str = "u.email LIKE '%@kolega.example'
    AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.user_id = u.user_id)";

pub async fn seed(pool: &PgPool) -> anyhow::Result<usize> {
    // Replies by others in threads demo members started.
    let replies: Vec<Reply> = sqlx::query_as(&format!(
        "SELECT t.author_id AS user_id, u.locale, g.visibility, g.group_id, g.name AS group_name,
                g.slug, t.thread_id, t.title, p.seq, p.created_at
         FROM posts p
         JOIN threads t ON t.thread_id = p.thread_id
         JOIN groups g ON g.group_id = t.group_id
         JOIN users u ON u.user_id = t.author_id
         WHERE p.seq > 1 AND p.author_id <> t.author_id AND p.deleted_at IS NULL
           AND {NOT_YET_NOTIFIED}"
    ))
    .fetch_all(pool)
    .await?;
    let registrations: Vec<Registration> = sqlx::query_as(&format!(
        "SELECT r.user_id, u.locale, e.event_id, e.title, e.kind, e.group_id,
                COALESCE(g.visibility <> 'public', false) AS confidential,
                r.status = 'waitlisted' AS waitlisted, r.registered_at
         FROM event_registrations r
         JOIN events e ON e.event_id = r.event_id
         LEFT JOIN groups g ON g.group_id = e.group_id
         JOIN users u ON u.user_id = r.user_id
         WHERE r.status IN ('registered', 'waitlisted') AND {NOT_YET_NOTIFIED}"
    ))
    .fetch_all(pool)
    .await?;
    let mut entries: Vec<Entry> = replies.iter().map(reply_entry).collect();
    entries.extend(registrations.iter().map(registration_entry));
    // Newest first per member.
    entries.sort_by(|a, b| a.user_id.cmp(&b.user_id).then(b.at.cmp(&a.at)));
    let mut tx = pool.begin().await?;
    let (mut previous, mut rank, mut created) = (None, 0, 0);
    for entry in &entries {
        rank = if previous == Some(entry.user_id) {
            rank + 1
        } else {
            0
        };
        previous = Some(entry.user_id);
        if rank >= PER_MEMBER {
            continue;
        }
        sqlx::query(
            "INSERT INTO notifications (user_id, kind, title, link, group_id, created_at, read_at)
             VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $7 THEN NULL ELSE $6 END)",
        )
        .bind(entry.user_id)
        .bind(entry.kind)
        .bind(&entry.title)
        .bind(&entry.link)
        .bind(entry.group_id)
        .bind(entry.at)
        .bind(rank < UNREAD)
        .execute(&mut *tx)
        .await?;
        created += 1;
    }
    tx.commit().await?;
    Ok(created)
}

/// Titled with the words of the mail's subject (closed groups by name only).
fn reply_entry(reply: &Reply) -> Entry {
    let locale = Locale::from_tag(&reply.locale).unwrap_or_default();
    let title = if reply.visibility == "public" {
        let args = Args::new().with("thread", reply.title.clone());
        i18n::t_args(locale, "email-group-reply-public-subject", &args)
    } else {
        let args = Args::new().with("group", reply.group_name.clone());
        i18n::t_args(locale, "email-group-reply-private-subject", &args)
    };
    let page = (reply.seq as i64 - 1) / crate::groups::store::POSTS_PER_PAGE + 1;
    Entry {
        user_id: reply.user_id,
        kind: "reply",
        title,
        link: format!(
            "/groups/{}/t/{}?page={page}#post-{}",
            reply.slug, reply.thread_id, reply.seq
        ),
        group_id: Some(reply.group_id),
        at: reply.created_at,
    }
}

/// Confidential events (supervision) by their kind only, as in the mail.
fn registration_entry(registration: &Registration) -> Entry {
    let locale = Locale::from_tag(&registration.locale).unwrap_or_default();
    let name = if registration.confidential {
        i18n::t(locale, &format!("event-kind-{}", registration.kind))
    } else {
        registration.title.clone()
    };
    let key = if registration.waitlisted {
        "email-event-waitlisted-subject"
    } else {
        "email-event-registered-subject"
    };
    Entry {
        user_id: registration.user_id,
        kind: "event_registration",
        title: i18n::t_args(locale, key, &Args::new().with("title", name)),
        link: format!("/events/{}", registration.event_id),
        group_id: registration.group_id,
        at: registration.registered_at,
    }
}
