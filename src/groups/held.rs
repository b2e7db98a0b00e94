//! Posts held for a moderator's approval, where a group asks for it of a
//! member's first post: the group's moderators are told, the post waits in
//! `/moderation` beside the flags, and a moderator approves it (only then
//! are followers told) or declines it with a reason the author is mailed.
//! A declined post stays held: invisible to everyone but its author, who
//! keeps her text and reads why on the thread.

use chrono::{DateTime, Utc};
use sqlx::{PgConnection, PgExecutor};
use uuid::Uuid;

use super::emails;
use super::notify::{self as group_notify, Activity};
use super::store::{self, GroupView};
use crate::notify::{Kind, Notification, Recipient, notify, tell};
use crate::web::AppResult;

/// A held post in the queue.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct HeldPost {
    pub post_id: Uuid,
    pub seq: i32,
    pub body: String,
    pub body_html: String,
    pub author_id: Uuid,
    pub author_name: String,
    pub anonymous: bool,
    pub created_at: DateTime<Utc>,
    pub thread_id: Uuid,
    pub thread_title: String,
    pub group_id: Uuid,
    pub group_slug: String,
    pub group_name: String,
}

impl HeldPost {
    pub fn link(&self) -> String {
        let page = (self.seq as i64 - 1) / store::POSTS_PER_PAGE + 1;
        format!(
            "/groups/{}/t/{}?page={page}#post-{}",
            self.group_slug, self.thread_id, self.seq
        )
    }
}

const HELD_QUERY: &str = "SELECT p.post_id, p.seq, p.body, p.body_html, p.author_id, u.name AS author_name,
    p.anonymous, p.created_at, t.thread_id, t.title AS thread_title, g.group_id, g.slug AS group_slug,
    g.name AS group_name
    FROM posts p
    JOIN threads t ON t.thread_id = p.thread_id
    JOIN groups g ON g.group_id = p.group_id
    JOIN users u ON u.user_id = p.author_id
    WHERE p.pending AND p.declined_at IS NULL AND p.deleted_at IS NULL";

/// Held posts the moderator may decide on: every group's for site
/// moderators, their groups' for group moderators; oldest first.
pub async fn queue(
    executor: impl PgExecutor<'_>,
    moderator: Uuid,
    site_moderator: bool,
) -> sqlx::Result<Vec<HeldPost>> {
    sqlx::query_as(&format!(
        "{HELD_QUERY}
           AND ($2 OR EXISTS (SELECT 1 FROM group_members m WHERE m.group_id = g.group_id AND m.user_id = $1
                              AND m.status = 'active' AND m.role IN ('owner', 'moderator')))
         ORDER BY p.created_at
         LIMIT 200"
    ))
    .bind(moderator)
    .bind(site_moderator)
    .fetch_all(executor)
    .await
}

/// The post, if it is still waiting for a decision.
pub async fn find(executor: impl PgExecutor<'_>, post_id: Uuid) -> sqlx::Result<Option<HeldPost>> {
    sqlx::query_as(&format!("{HELD_QUERY} AND p.post_id = $1"))
        .bind(post_id)
        .fetch_optional(executor)
        .await
}

/// The slug of the group a post is in (held or not).
pub async fn group_slug_of(
    executor: impl PgExecutor<'_>,
    post_id: Uuid,
) -> sqlx::Result<Option<String>> {
    sqlx::query_scalar(
        "SELECT g.slug FROM posts p JOIN groups g ON g.group_id = p.group_id WHERE p.post_id = $1",
    )
    .bind(post_id)
    .fetch_optional(executor)
    .await
}

/// Tells each of the group's moderators (but the author) that a post waits.
pub async fn tell_moderators(
    conn: &mut PgConnection,
    base_url: &str,
    group: &GroupView,
    author: Uuid,
    now: DateTime<Utc>,
) -> AppResult<()> {
    for moderator in store::group_moderators(&mut *conn, group.group_id).await? {
        if moderator.user_id == author {
            continue;
        }
        let to = Recipient::new(
            moderator.user_id,
            &moderator.email,
            &moderator.name,
            &moderator.locale,
        );
        let mail = emails::post_held(&to.email_context(base_url), &to.name, &group.name);
        let notification =
            Notification::new(Kind::PostHeld, "/moderation", mail).in_group(group.group_id);
        notify(conn, base_url, &to, notification, now).await?;
    }
    Ok(())
}

/// Approves a held post: it becomes visible and only now are people told.
/// False when someone else decided first.
pub async fn approve(
    conn: &mut PgConnection,
    base_url: &str,
    group: &GroupView,
    held: &HeldPost,
    now: DateTime<Utc>,
) -> AppResult<bool> {
    if !store::approve_post(&mut *conn, held.post_id).await? {
        return Ok(false);
    }
    let activity = Activity {
        group,
        thread_id: held.thread_id,
        thread_title: &held.thread_title,
        seq: held.seq,
        author_id: held.author_id,
        anonymous: held.anonymous,
        author_name: &held.author_name,
        body: &held.body,
    };
    if held.seq == 1 {
        group_notify::new_thread(conn, base_url, &activity, now).await?;
    } else {
        group_notify::reply(conn, base_url, &activity, now).await?;
    }
    Ok(true)
}

/// Declines a held post with a reason, mailed to its author. False when
/// someone else decided first.
pub async fn decline(
    conn: &mut PgConnection,
    base_url: &str,
    held: &HeldPost,
    moderator: Uuid,
    reason: &str,
    now: DateTime<Utc>,
) -> AppResult<bool> {
    let declined = sqlx::query(
        "UPDATE posts SET declined_at = $2, declined_by = $3, decline_reason = $4
         WHERE post_id = $1 AND pending AND declined_at IS NULL",
    )
    .bind(held.post_id)
    .bind(now)
    .bind(moderator)
    .bind(reason)
    .execute(&mut *conn)
    .await?;
    if declined.rows_affected() == 0 {
        return Ok(false);
    }
    tell(conn, base_url, held.author_id, now, |e, name| {
        let link = held.link();
        let mail = emails::post_declined(e, name, &held.group_name, reason, &link);
        Notification::new(Kind::ModerationOutcome, link, mail).in_group(held.group_id)
    })
    .await?;
    Ok(true)
}
