//! Flags and the moderation queue: any member flags a post with a reason;
//! group moderators (for their groups) and site moderators (for all) hide
//! or keep it, and may warn the author or ban them from the group, with a
//! note.

use chrono::{DateTime, Utc};
use sqlx::{PgConnection, PgExecutor};
use uuid::Uuid;

use super::emails;
pub use super::emails::Outcome;
use super::membership::{self, Ending};
use crate::notify::{Kind, Notification, tell};
use crate::web::AppResult;

pub const REASONS: [&str; 4] = ["spam", "personal_data", "harassment", "other"];

pub async fn flag(
    executor: impl PgExecutor<'_>,
    post_id: Uuid,
    reporter: Uuid,
    reason: &str,
    note: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO flags (post_id, reporter_id, reason, note, created_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (post_id, reporter_id) DO UPDATE SET reason = EXCLUDED.reason, note = EXCLUDED.note, resolved_at = NULL",
    )
    .bind(post_id)
    .bind(reporter)
    .bind(reason)
    .bind(note)
    .bind(now)
    .execute(executor)
    .await?;
    Ok(())
}

/// An open flag in the queue.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct QueueItem {
    pub flag_id: Uuid,
    pub reason: String,
    pub note: String,
    pub created_at: DateTime<Utc>,
    pub post_id: Uuid,
    pub seq: i32,
    pub body_html: String,
    pub author_id: Uuid,
    pub author_name: String,
    pub anonymous: bool,
    pub thread_id: Uuid,
    pub thread_title: String,
    pub group_id: Uuid,
    pub group_slug: String,
    pub group_name: String,
    /// Warnings the author had in this group before this flag.
    pub author_warnings: i64,
}

/// Columns and joins of a queue item: the flag `f`, post `p`, thread `t`,
/// group `g` and author `u`.
const ITEM_QUERY: &str = "SELECT f.flag_id, f.reason, f.note, f.created_at, p.post_id, p.seq, p.body_html,
    p.author_id, u.name AS author_name, p.anonymous, t.thread_id, t.title AS thread_title, g.group_id,
    g.slug AS group_slug, g.name AS group_name,
    (SELECT count(*) FROM group_warnings w WHERE w.group_id = g.group_id AND w.user_id = p.author_id) AS author_warnings
    FROM flags f
    JOIN posts p ON p.post_id = f.post_id
    JOIN threads t ON t.thread_id = p.thread_id
    JOIN groups g ON g.group_id = t.group_id
    JOIN users u ON u.user_id = p.author_id";

/// Open flags the moderator may handle: every group for site moderators,
/// the groups they moderate for group moderators.
pub async fn queue(
    executor: impl PgExecutor<'_>,
    moderator: Uuid,
    site_moderator: bool,
) -> sqlx::Result<Vec<QueueItem>> {
    sqlx::query_as(&format!(
        "{ITEM_QUERY}
         WHERE f.resolved_at IS NULL
           AND ($2 OR EXISTS (SELECT 1 FROM group_members m WHERE m.group_id = g.group_id AND m.user_id = $1
                              AND m.status = 'active' AND m.role IN ('owner', 'moderator')))
         ORDER BY f.created_at
         LIMIT 200"
    ))
    .bind(moderator)
    .bind(site_moderator)
    .fetch_all(executor)
    .await
}

pub async fn find(executor: impl PgExecutor<'_>, flag_id: Uuid) -> sqlx::Result<Option<QueueItem>> {
    sqlx::query_as(&format!(
        "{ITEM_QUERY} WHERE f.flag_id = $1 AND f.resolved_at IS NULL"
    ))
    .bind(flag_id)
    .fetch_optional(executor)
    .await
}

/// Resolves every open flag on the post with one decision. Answers
/// whether any flag was still open: a second moderator deciding the same
/// post at once finds none, and changes nothing.
async fn resolve(
    conn: &mut PgConnection,
    post_id: Uuid,
    moderator: Uuid,
    hide: bool,
    note: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<bool> {
    let claimed = sqlx::query(
        "UPDATE flags SET resolved_at = $3, resolved_by = $2, outcome = $4, moderator_note = $5
         WHERE post_id = $1 AND resolved_at IS NULL",
    )
    .bind(post_id)
    .bind(moderator)
    .bind(now)
    .bind(if hide { "hidden" } else { "kept" })
    .bind(note)
    .execute(&mut *conn)
    .await?
    .rows_affected()
        > 0;
    if claimed && hide {
        sqlx::query("UPDATE posts SET hidden_at = $2, hidden_by = $3 WHERE post_id = $1")
            .bind(post_id)
            .bind(now)
            .bind(moderator)
            .execute(&mut *conn)
            .await?;
    }
    Ok(claimed)
}

/// Records a warning to the author of a flagged post.
async fn warn(
    executor: impl PgExecutor<'_>,
    item: &QueueItem,
    moderator: Uuid,
    note: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO group_warnings (group_id, user_id, post_id, moderator_id, note, created_at)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(item.group_id)
    .bind(item.author_id)
    .bind(item.post_id)
    .bind(moderator)
    .bind(note)
    .bind(now)
    .execute(executor)
    .await?;
    Ok(())
}

/// A moderator's decision on a flagged post.
pub struct Decision {
    pub hide: bool,
    pub warn: bool,
    pub ban: bool,
    pub note: String,
}

/// Decides a flagged post in one transaction: resolves its open flags,
/// hides it if asked, warns or bans its author, and tells the author of
/// whatever concerns them. `None` when every flag was already resolved
/// (another moderator was quicker): nothing changes and nobody is told
/// twice. Moderators do not sanction themselves: on their own post, warn
/// and ban are ignored (it is still hidden or kept).
pub async fn decide(
    conn: &mut PgConnection,
    base_url: &str,
    item: &QueueItem,
    moderator: Uuid,
    decision: &Decision,
    now: DateTime<Utc>,
) -> AppResult<Option<Outcome>> {
    let about_someone_else = item.author_id != moderator;
    let outcome = Outcome {
        hidden: decision.hide,
        warned: decision.warn && about_someone_else,
        banned: decision.ban && about_someone_else,
    };
    let note = decision.note.as_str();
    if !resolve(conn, item.post_id, moderator, decision.hide, note, now).await? {
        return Ok(None);
    }
    if outcome.warned {
        warn(&mut *conn, item, moderator, note, now).await?;
    }
    if outcome.banned {
        let (group, author) = (item.group_id, item.author_id);
        membership::end(
            conn,
            base_url,
            group,
            &item.group_name,
            author,
            Ending::Banned,
            now,
        )
        .await?;
    }
    if outcome.concerns_author() {
        tell(conn, base_url, item.author_id, now, |e, name| {
            let link = format!("/groups/{}/t/{}", item.group_slug, item.thread_id);
            let mail = emails::moderation_outcome(e, name, &item.group_name, &link, note, outcome);
            Notification::new(Kind::ModerationOutcome, link, mail).in_group(item.group_id)
        })
        .await?;
    }
    Ok(Some(outcome))
}

/// Notes that a moderator looked at who wrote an anonymous thread's posts.
pub async fn log_reveal(
    executor: impl PgExecutor<'_>,
    thread_id: Uuid,
    viewer: Uuid,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO anonymity_reveals (thread_id, viewer_id, viewed_at) VALUES ($1, $2, $3)",
    )
    .bind(thread_id)
    .bind(viewer)
    .bind(now)
    .execute(executor)
    .await?;
    Ok(())
}
