//! Threads: a group's list, opening one for a viewer, starting one, the
//! reading position, pinning, locking and moving.

use chrono::{DateTime, Utc};
use sqlx::{PgConnection, PgExecutor};
use uuid::Uuid;

use super::add_post;
use crate::groups::vocabulary::Subscription;

/// A thread in a group's list.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ThreadRow {
    pub thread_id: Uuid,
    pub title: String,
    pub pinned: bool,
    pub locked: bool,
    pub post_count: i32,
    pub last_post_at: DateTime<Utc>,
    pub author_name: String,
    pub anonymous: bool,
    /// Posts the viewer has not read (0 for visitors).
    pub unread: i32,
    /// The first post waits for a moderator (only its author and the
    /// group's moderators see such a thread).
    pub held: bool,
    /// ... and a moderator declined it.
    pub declined: bool,
}

/// A page of a group's threads: pinned first, then by last activity;
/// `after` is the last thread of the previous page (keyset pagination).
pub async fn list_threads(
    executor: impl PgExecutor<'_>,
    group_id: Uuid,
    viewer: Option<Uuid>,
    after: Option<Uuid>,
    limit: i64,
    moderator: bool,
) -> sqlx::Result<Vec<ThreadRow>> {
    sqlx::query_as(
        "SELECT t.thread_id, t.title, t.pinned, t.locked, t.post_count, t.last_post_at, u.name AS author_name, t.anonymous,
                CASE WHEN $2::uuid IS NULL THEN 0 ELSE t.post_count - COALESCE(r.last_read_seq, 0) END AS unread,
                COALESCE(fp.pending, false) AS held, fp.declined_at IS NOT NULL AS declined
         FROM threads t
         JOIN users u ON u.user_id = t.author_id
         LEFT JOIN thread_reads r ON r.thread_id = t.thread_id AND r.user_id = $2
         LEFT JOIN posts fp ON fp.thread_id = t.thread_id AND fp.seq = 1
         WHERE t.group_id = $1
           AND ($5 OR NOT COALESCE(fp.pending, false) OR fp.author_id = $2)
           AND ($3::uuid IS NULL OR (t.pinned, t.last_post_at, t.thread_id) <
                (SELECT pinned, last_post_at, thread_id FROM threads WHERE thread_id = $3))
         ORDER BY t.pinned DESC, t.last_post_at DESC, t.thread_id DESC
         LIMIT $4",
    )
    .bind(group_id)
    .bind(viewer)
    .bind(after)
    .bind(limit)
    .bind(moderator)
    .fetch_all(executor)
    .await
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ThreadView {
    pub thread_id: Uuid,
    pub group_id: Uuid,
    pub title: String,
    pub locked: bool,
    pub pinned: bool,
    pub post_count: i32,
}

pub async fn find_thread(
    executor: impl PgExecutor<'_>,
    group_id: Uuid,
    thread_id: Uuid,
) -> sqlx::Result<Option<ThreadView>> {
    sqlx::query_as("SELECT thread_id, group_id, title, locked, pinned, post_count FROM threads WHERE thread_id = $1 AND group_id = $2")
        .bind(thread_id)
        .bind(group_id)
        .fetch_optional(executor)
        .await
}

/// A thread as one viewer opens it: the thread, whether its first post
/// awaits approval (and whose it is), and the viewer's reading position and
/// subscription — one query for what the thread page needs.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OpenedThread {
    #[sqlx(flatten)]
    pub thread: ThreadView,
    pub first_post_pending: bool,
    pub first_post_author: Option<Uuid>,
    pub last_read_seq: i32,
    pub subscription: Option<Subscription>,
}

pub async fn open_thread(
    executor: impl PgExecutor<'_>,
    group_id: Uuid,
    thread_id: Uuid,
    viewer: Option<Uuid>,
) -> sqlx::Result<Option<OpenedThread>> {
    sqlx::query_as(
        "SELECT t.thread_id, t.group_id, t.title, t.locked, t.pinned, t.post_count,
                COALESCE(fp.pending, false) AS first_post_pending, fp.author_id AS first_post_author,
                COALESCE(r.last_read_seq, 0) AS last_read_seq, s.mode AS subscription
         FROM threads t
         LEFT JOIN posts fp ON fp.thread_id = t.thread_id AND fp.seq = 1
         LEFT JOIN thread_reads r ON r.thread_id = t.thread_id AND r.user_id = $3
         LEFT JOIN thread_subscriptions s ON s.thread_id = t.thread_id AND s.user_id = $3
         WHERE t.thread_id = $1 AND t.group_id = $2",
    )
    .bind(thread_id)
    .bind(group_id)
    .bind(viewer)
    .fetch_optional(executor)
    .await
}

pub struct NewPost<'a> {
    pub author: Uuid,
    /// Waits for a moderator's approval before others see it.
    pub pending: bool,
    /// The thread's title, for its first post (searched with it).
    pub title: &'a str,
    pub anonymous: bool,
    pub body: &'a str,
    pub body_html: &'a str,
}

/// Starts a thread with its first post.
pub async fn create_thread(
    conn: &mut PgConnection,
    group_id: Uuid,
    title: &str,
    post: &NewPost<'_>,
    now: DateTime<Utc>,
) -> sqlx::Result<Uuid> {
    let thread_id: Uuid = sqlx::query_scalar(
        "INSERT INTO threads (group_id, author_id, anonymous, title, created_at, last_post_at, post_count)
         VALUES ($1, $2, $3, $4, $5, $5, 0) RETURNING thread_id",
    )
    .bind(group_id)
    .bind(post.author)
    .bind(post.anonymous)
    .bind(title)
    .bind(now)
    .fetch_one(&mut *conn)
    .await?;
    sqlx::query("UPDATE groups SET thread_count = thread_count + 1 WHERE group_id = $1")
        .bind(group_id)
        .execute(&mut *conn)
        .await?;
    add_post(conn, thread_id, post, now).await?;
    Ok(thread_id)
}

/// Remembers how far a member has read (never moves backwards).
pub async fn mark_read(
    executor: impl PgExecutor<'_>,
    user_id: Uuid,
    thread_id: Uuid,
    seq: i32,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO thread_reads (user_id, thread_id, last_read_seq) VALUES ($1, $2, $3)
         ON CONFLICT (user_id, thread_id) DO UPDATE SET last_read_seq = GREATEST(thread_reads.last_read_seq, EXCLUDED.last_read_seq)",
    )
    .bind(user_id)
    .bind(thread_id)
    .bind(seq)
    .execute(executor)
    .await?;
    Ok(())
}

pub async fn set_thread_flags(
    executor: impl PgExecutor<'_>,
    thread_id: Uuid,
    pinned: bool,
    locked: bool,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE threads SET pinned = $2, locked = $3 WHERE thread_id = $1")
        .bind(thread_id)
        .bind(pinned)
        .bind(locked)
        .execute(executor)
        .await?;
    Ok(())
}

/// Moves a thread (with its posts) to another group, keeping counts right.
pub async fn move_thread(
    conn: &mut PgConnection,
    thread_id: Uuid,
    from: Uuid,
    to: Uuid,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE threads SET group_id = $2 WHERE thread_id = $1")
        .bind(thread_id)
        .bind(to)
        .execute(&mut *conn)
        .await?;
    sqlx::query("UPDATE posts SET group_id = $2 WHERE thread_id = $1")
        .bind(thread_id)
        .bind(to)
        .execute(&mut *conn)
        .await?;
    sqlx::query("UPDATE groups SET thread_count = thread_count - 1 WHERE group_id = $1")
        .bind(from)
        .execute(&mut *conn)
        .await?;
    sqlx::query("UPDATE groups SET thread_count = thread_count + 1 WHERE group_id = $1")
        .bind(to)
        .execute(&mut *conn)
        .await?;
    Ok(())
}
