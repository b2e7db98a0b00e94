//! Posts: a thread's pages, replying, editing and deleting with the
//! revisions moderators see, and approval of held posts.

use chrono::{DateTime, Utc};
use sqlx::{PgConnection, PgExecutor};
use uuid::Uuid;

use super::{NewPost, mark_read};
use crate::text::search::normalize;

/// The searchable form of a post: title and body, normalised.
pub(super) fn search_document(title: &str, body: &str) -> String {
    normalize(&format!("{title} {body}"))
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PostView {
    pub post_id: Uuid,
    pub seq: i32,
    pub author_id: Uuid,
    pub author_name: String,
    pub author_handle: String,
    pub author_deleted: bool,
    pub anonymous: bool,
    pub body: String,
    pub body_html: String,
    pub created_at: DateTime<Utc>,
    pub edited_at: Option<DateTime<Utc>>,
    pub deleted_at: Option<DateTime<Utc>>,
    pub hidden_at: Option<DateTime<Utc>>,
    pub pending: bool,
    /// A moderator declined the held post (its author reads why).
    pub declined: bool,
    pub decline_reason: String,
}

pub const POSTS_PER_PAGE: i64 = 50;

/// Page `page` (from 1) of a thread's posts.
pub async fn posts_page(
    executor: impl PgExecutor<'_>,
    thread_id: Uuid,
    page: i64,
) -> sqlx::Result<Vec<PostView>> {
    sqlx::query_as(
        "SELECT p.post_id, p.seq, p.author_id, u.name AS author_name, u.handle AS author_handle,
                u.deleted_at IS NOT NULL AS author_deleted, p.anonymous, p.body, p.body_html,
                p.created_at, p.edited_at, p.deleted_at, p.hidden_at, p.pending,
                p.declined_at IS NOT NULL AS declined, p.decline_reason
         FROM posts p JOIN users u ON u.user_id = p.author_id
         WHERE p.thread_id = $1 AND p.seq > $2 AND p.seq <= $2 + $3
         ORDER BY p.seq",
    )
    .bind(thread_id)
    .bind((page - 1) * POSTS_PER_PAGE)
    .bind(POSTS_PER_PAGE)
    .fetch_all(executor)
    .await
}

/// Adds a post at the end of a thread; returns its position. The thread row
/// is locked by the update, so positions never collide.
pub async fn add_post(
    conn: &mut PgConnection,
    thread_id: Uuid,
    post: &NewPost<'_>,
    now: DateTime<Utc>,
) -> sqlx::Result<i32> {
    let (seq, group_id): (i32, Uuid) = sqlx::query_as(
        "UPDATE threads SET post_count = post_count + 1, last_post_at = $2 WHERE thread_id = $1 RETURNING post_count, group_id",
    )
    .bind(thread_id)
    .bind(now)
    .fetch_one(&mut *conn)
    .await?;
    sqlx::query(
        "INSERT INTO posts (thread_id, seq, author_id, anonymous, body, body_html, created_at, search, pending, group_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, to_tsvector('simple', $8), $9, $10)",
    )
    .bind(thread_id)
    .bind(seq)
    .bind(post.author)
    .bind(post.anonymous)
    .bind(post.body)
    .bind(post.body_html)
    .bind(now)
    .bind(search_document(post.title, post.body))
    .bind(post.pending)
    .bind(group_id)
    .execute(&mut *conn)
    .await?;
    sqlx::query("UPDATE groups SET last_activity_at = $2 WHERE group_id = $1")
        .bind(group_id)
        .bind(now)
        .execute(&mut *conn)
        .await?;
    mark_read(&mut *conn, post.author, thread_id, seq).await?;
    Ok(seq)
}

/// One post with what editing and moderation need.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PostRef {
    pub post_id: Uuid,
    pub thread_id: Uuid,
    pub seq: i32,
    pub author_id: Uuid,
    pub anonymous: bool,
    pub body: String,
    pub deleted: bool,
}

pub async fn find_post(
    executor: impl PgExecutor<'_>,
    thread_id: Uuid,
    post_id: Uuid,
) -> sqlx::Result<Option<PostRef>> {
    sqlx::query_as(
        "SELECT post_id, thread_id, seq, author_id, anonymous, body, deleted_at IS NOT NULL AS deleted
         FROM posts WHERE post_id = $1 AND thread_id = $2",
    )
    .bind(post_id)
    .bind(thread_id)
    .fetch_optional(executor)
    .await
}

/// Replaces a post's text, keeping the earlier version for moderators.
/// `title` is the thread's title when the post is the thread's first (it
/// is searched with it), otherwise empty.
pub async fn edit_post(
    conn: &mut PgConnection,
    post: &PostRef,
    body: &str,
    body_html: &str,
    title: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query("INSERT INTO post_revisions (post_id, body, replaced_at) VALUES ($1, $2, $3)")
        .bind(post.post_id)
        .bind(&post.body)
        .bind(now)
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "UPDATE posts SET body = $2, body_html = $3, edited_at = $4, search = to_tsvector('simple', $5)
         WHERE post_id = $1",
    )
    .bind(post.post_id)
    .bind(body)
    .bind(body_html)
    .bind(now)
    .bind(search_document(title, body))
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Leaves a tombstone so replies still make sense; the text moves to the
/// revisions only moderators see.
pub async fn delete_post(
    conn: &mut PgConnection,
    post: &PostRef,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query("INSERT INTO post_revisions (post_id, body, replaced_at) VALUES ($1, $2, $3)")
        .bind(post.post_id)
        .bind(&post.body)
        .bind(now)
        .execute(&mut *conn)
        .await?;
    sqlx::query("UPDATE posts SET body = '', body_html = '', search = ''::tsvector, deleted_at = $2 WHERE post_id = $1")
        .bind(post.post_id)
        .bind(now)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Revision {
    pub body: String,
    pub replaced_at: DateTime<Utc>,
}

pub async fn revisions(
    executor: impl PgExecutor<'_>,
    post_id: Uuid,
) -> sqlx::Result<Vec<Revision>> {
    sqlx::query_as(
        "SELECT body, replaced_at FROM post_revisions WHERE post_id = $1 ORDER BY replaced_at DESC",
    )
    .bind(post_id)
    .fetch_all(executor)
    .await
}

/// Whether the member has a post in the group that needed no approval or
/// was approved (then later posts need none).
pub async fn has_approved_post(
    executor: impl PgExecutor<'_>,
    group_id: Uuid,
    user_id: Uuid,
) -> sqlx::Result<bool> {
    sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM posts p JOIN threads t USING (thread_id)
                        WHERE t.group_id = $1 AND p.author_id = $2 AND NOT p.pending)",
    )
    .bind(group_id)
    .bind(user_id)
    .fetch_one(executor)
    .await
}

pub async fn approve_post(executor: impl PgExecutor<'_>, post_id: Uuid) -> sqlx::Result<bool> {
    let result = sqlx::query("UPDATE posts SET pending = false WHERE post_id = $1 AND pending")
        .bind(post_id)
        .execute(executor)
        .await?;
    Ok(result.rows_affected() == 1)
}
