//! SQL for groups, memberships, threads and posts. Listing queries take the
//! viewer and filter in SQL, with the same rules as `policy`.

use chrono::{DateTime, Utc};
use sqlx::{PgConnection, PgExecutor};
use uuid::Uuid;

use crate::text::search::normalize;

/// The searchable form of a post: title and body, normalised.
fn search_document(title: &str, body: &str) -> String {
    normalize(&format!("{title} {body}"))
}

/// A group as a viewer sees it, with the viewer's membership.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct GroupView {
    pub group_id: Uuid,
    pub slug: String,
    pub name: String,
    pub description: String,
    pub visibility: String,
    pub language: String,
    pub topics: Vec<String>,
    pub allow_anonymous: bool,
    pub first_post_approval: bool,
    pub join_code: Option<String>,
    pub member_count: i32,
    pub thread_count: i32,
    pub last_activity_at: DateTime<Utc>,
    pub status: Option<String>,
    pub role: Option<String>,
    pub following: Option<bool>,
}

const GROUP_COLUMNS: &str = "g.group_id, g.slug, g.name, g.description, g.visibility, g.language, g.topics,
    g.allow_anonymous, g.first_post_approval, g.join_code, g.member_count, g.thread_count, g.last_activity_at, m.status, m.role, m.following";

/// Groups the viewer may see: public and closed ones, and secret ones they
/// belong to or are invited to. Their own groups first, then by activity.
pub async fn list_groups(
    executor: impl PgExecutor<'_>,
    viewer: Option<Uuid>,
    topic: Option<&str>,
) -> sqlx::Result<Vec<GroupView>> {
    sqlx::query_as(&format!(
        "SELECT {GROUP_COLUMNS}
         FROM groups g
         LEFT JOIN group_members m ON m.group_id = g.group_id AND m.user_id = $1
         WHERE (g.visibility <> 'secret' OR m.status IN ('active', 'invited'))
           AND ($2::text IS NULL OR $2 = ANY (g.topics))
         ORDER BY (m.status = 'active') IS TRUE DESC, g.last_activity_at DESC
         LIMIT 500"
    ))
    .bind(viewer)
    .bind(topic)
    .fetch_all(executor)
    .await
}

pub async fn find_group(
    executor: impl PgExecutor<'_>,
    slug: &str,
    viewer: Option<Uuid>,
) -> sqlx::Result<Option<GroupView>> {
    sqlx::query_as(&format!(
        "SELECT {GROUP_COLUMNS}
         FROM groups g
         LEFT JOIN group_members m ON m.group_id = g.group_id AND m.user_id = $2
         WHERE g.slug = $1"
    ))
    .bind(slug)
    .bind(viewer)
    .fetch_optional(executor)
    .await
}

pub struct NewGroup<'a> {
    pub slug: &'a str,
    pub name: &'a str,
    pub description: &'a str,
    pub visibility: &'a str,
    pub language: &'a str,
    pub topics: &'a [String],
    pub allow_anonymous: bool,
    pub join_code: Option<&'a str>,
}

/// Creates a group with its creator as owner.
pub async fn create_group(
    conn: &mut PgConnection,
    group: &NewGroup<'_>,
    owner: Uuid,
    now: DateTime<Utc>,
) -> sqlx::Result<Uuid> {
    let group_id: Uuid = sqlx::query_scalar(
        "INSERT INTO groups (slug, name, description, visibility, language, topics, allow_anonymous, join_code,
                             created_by, created_at, last_activity_at, member_count)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, 1)
         RETURNING group_id",
    )
    .bind(group.slug)
    .bind(group.name)
    .bind(group.description)
    .bind(group.visibility)
    .bind(group.language)
    .bind(group.topics)
    .bind(group.allow_anonymous)
    .bind(group.join_code)
    .bind(owner)
    .bind(now)
    .fetch_one(&mut *conn)
    .await?;
    sqlx::query("INSERT INTO group_members (group_id, user_id, role, status, created_at) VALUES ($1, $2, 'owner', 'active', $3)")
        .bind(group_id)
        .bind(owner)
        .bind(now)
        .execute(&mut *conn)
        .await?;
    Ok(group_id)
}

pub async fn slug_taken(executor: impl PgExecutor<'_>, slug: &str) -> sqlx::Result<bool> {
    sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM groups WHERE slug = $1)")
        .bind(slug)
        .fetch_one(executor)
        .await
}

/// Makes the viewer an active member (joining a public group, accepting an
/// invitation, entering a class code, or being approved).
pub async fn activate_member(
    conn: &mut PgConnection,
    group_id: Uuid,
    user_id: Uuid,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    let changed = sqlx::query(
        "INSERT INTO group_members (group_id, user_id, role, status, created_at) VALUES ($1, $2, 'member', 'active', $3)
         ON CONFLICT (group_id, user_id) DO UPDATE SET status = 'active' WHERE group_members.status <> 'active' AND group_members.status <> 'banned'",
    )
    .bind(group_id)
    .bind(user_id)
    .bind(now)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    if changed > 0 {
        adjust_member_count(conn, group_id, 1).await?;
    }
    Ok(())
}

/// Keeps the denormalised member count in step with active memberships.
async fn adjust_member_count(conn: &mut PgConnection, group_id: Uuid, by: i32) -> sqlx::Result<()> {
    sqlx::query("UPDATE groups SET member_count = member_count + $2 WHERE group_id = $1")
        .bind(group_id)
        .bind(by)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn request_membership(
    executor: impl PgExecutor<'_>,
    group_id: Uuid,
    user_id: Uuid,
    message: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<bool> {
    let inserted = sqlx::query(
        "INSERT INTO group_members (group_id, user_id, status, message, created_at) VALUES ($1, $2, 'requested', $3, $4)
         ON CONFLICT (group_id, user_id) DO NOTHING",
    )
    .bind(group_id)
    .bind(user_id)
    .bind(message)
    .bind(now)
    .execute(executor)
    .await?;
    Ok(inserted.rows_affected() == 1)
}

/// The group's owners and moderators, who decide on join requests.
pub async fn group_moderators(
    executor: impl PgExecutor<'_>,
    group_id: Uuid,
) -> sqlx::Result<Vec<Recipient>> {
    sqlx::query_as(
        "SELECT u.user_id, u.email, u.name, u.locale
         FROM group_members m JOIN users u USING (user_id)
         WHERE m.group_id = $1 AND m.status = 'active' AND m.role IN ('owner', 'moderator')
           AND u.deleted_at IS NULL AND u.blocked_at IS NULL",
    )
    .bind(group_id)
    .fetch_all(executor)
    .await
}

pub async fn find_group_by_join_code(
    executor: impl PgExecutor<'_>,
    code: &str,
) -> sqlx::Result<Option<(Uuid, String)>> {
    sqlx::query_as("SELECT group_id, slug FROM groups WHERE join_code = $1")
        .bind(code)
        .fetch_optional(executor)
        .await
}

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
    pub subscription: Option<String>,
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

/// A row on a group's members page.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MemberRow {
    pub user_id: Uuid,
    pub name: String,
    pub handle: String,
    pub email: String,
    pub locale: String,
    pub role: String,
    pub status: String,
    pub message: String,
}

pub async fn group_members(
    executor: impl PgExecutor<'_>,
    group_id: Uuid,
) -> sqlx::Result<Vec<MemberRow>> {
    sqlx::query_as(
        "SELECT u.user_id, u.name, u.handle, u.email, u.locale, m.role, m.status, m.message
         FROM group_members m JOIN users u USING (user_id)
         WHERE m.group_id = $1 AND u.deleted_at IS NULL
         ORDER BY m.status, CASE m.role WHEN 'owner' THEN 0 WHEN 'moderator' THEN 1 ELSE 2 END, u.name",
    )
    .bind(group_id)
    .fetch_all(executor)
    .await
}

pub async fn group_member(
    executor: impl PgExecutor<'_>,
    group_id: Uuid,
    handle: &str,
) -> sqlx::Result<Option<MemberRow>> {
    sqlx::query_as(
        "SELECT u.user_id, u.name, u.handle, u.email, u.locale, m.role, m.status, m.message
         FROM group_members m JOIN users u USING (user_id)
         WHERE m.group_id = $1 AND u.handle = $2",
    )
    .bind(group_id)
    .bind(handle)
    .fetch_optional(executor)
    .await
}

/// Removes a membership row of any status (leaving, declining a request,
/// removing a member); the owner stays.
pub async fn remove_member(
    conn: &mut PgConnection,
    group_id: Uuid,
    user_id: Uuid,
) -> sqlx::Result<()> {
    let was_active: Option<bool> = sqlx::query_scalar(
        "DELETE FROM group_members WHERE group_id = $1 AND user_id = $2 AND role <> 'owner' RETURNING status = 'active'",
    )
    .bind(group_id)
    .bind(user_id)
    .fetch_optional(&mut *conn)
    .await?;
    if was_active == Some(true) {
        adjust_member_count(conn, group_id, -1).await?;
    }
    Ok(())
}

/// Bans a member from the group (they can no longer read a closed group,
/// post, or join again).
pub async fn ban_member(
    conn: &mut PgConnection,
    group_id: Uuid,
    user_id: Uuid,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    remove_member(conn, group_id, user_id).await?;
    sqlx::query(
        "INSERT INTO group_members (group_id, user_id, status, created_at) VALUES ($1, $2, 'banned', $3)
         ON CONFLICT (group_id, user_id) DO UPDATE SET status = 'banned'",
    )
    .bind(group_id)
    .bind(user_id)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

pub async fn invite(
    executor: impl PgExecutor<'_>,
    group_id: Uuid,
    user_id: Uuid,
    now: DateTime<Utc>,
) -> sqlx::Result<bool> {
    let result = sqlx::query(
        "INSERT INTO group_members (group_id, user_id, status, created_at) VALUES ($1, $2, 'invited', $3)
         ON CONFLICT (group_id, user_id) DO UPDATE SET status = 'invited' WHERE group_members.status = 'requested'",
    )
    .bind(group_id)
    .bind(user_id)
    .bind(now)
    .execute(executor)
    .await?;
    Ok(result.rows_affected() > 0)
}

pub async fn set_member_role(
    executor: impl PgExecutor<'_>,
    group_id: Uuid,
    user_id: Uuid,
    role: &str,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE group_members SET role = $3 WHERE group_id = $1 AND user_id = $2 AND role <> 'owner' AND status = 'active'")
        .bind(group_id)
        .bind(user_id)
        .bind(role)
        .execute(executor)
        .await?;
    Ok(())
}

pub async fn set_join_code(
    executor: impl PgExecutor<'_>,
    group_id: Uuid,
    code: Option<&str>,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE groups SET join_code = $2 WHERE group_id = $1")
        .bind(group_id)
        .bind(code)
        .execute(executor)
        .await?;
    Ok(())
}

/// A member by handle or e-mail address, for invitations.
pub async fn find_invitee(
    executor: impl PgExecutor<'_>,
    handle_or_email: &str,
) -> sqlx::Result<Option<MemberRow>> {
    sqlx::query_as(
        "SELECT user_id, name, handle, email, locale, '' AS role, '' AS status, '' AS message
         FROM users WHERE (handle = $1 OR email = lower($1)) AND deleted_at IS NULL AND blocked_at IS NULL",
    )
    .bind(handle_or_email.trim().trim_start_matches('@'))
    .fetch_optional(executor)
    .await
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

pub async fn set_following(
    executor: impl PgExecutor<'_>,
    group_id: Uuid,
    user_id: Uuid,
    following: bool,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE group_members SET following = $3 WHERE group_id = $1 AND user_id = $2 AND status = 'active'")
        .bind(group_id)
        .bind(user_id)
        .bind(following)
        .execute(executor)
        .await?;
    Ok(())
}

pub async fn set_subscription(
    executor: impl PgExecutor<'_>,
    user_id: Uuid,
    thread_id: Uuid,
    mode: Option<&str>,
) -> sqlx::Result<()> {
    match mode {
        Some(mode) => {
            sqlx::query(
                "INSERT INTO thread_subscriptions (user_id, thread_id, mode) VALUES ($1, $2, $3)
             ON CONFLICT (user_id, thread_id) DO UPDATE SET mode = EXCLUDED.mode",
            )
            .bind(user_id)
            .bind(thread_id)
            .bind(mode)
            .execute(executor)
            .await?
        }
        None => {
            sqlx::query("DELETE FROM thread_subscriptions WHERE user_id = $1 AND thread_id = $2")
                .bind(user_id)
                .bind(thread_id)
                .execute(executor)
                .await?
        }
    };
    Ok(())
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

pub async fn set_group_settings(
    executor: impl PgExecutor<'_>,
    group_id: Uuid,
    s: &GroupSettings,
) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE groups SET name = $2, description = $3, language = $4, topics = $5, allow_anonymous = $6, first_post_approval = $7
         WHERE group_id = $1",
    )
    .bind(group_id)
    .bind(&s.name)
    .bind(&s.description)
    .bind(&s.language)
    .bind(&s.topics)
    .bind(s.allow_anonymous)
    .bind(s.first_post_approval)
    .execute(executor)
    .await?;
    Ok(())
}

pub struct GroupSettings {
    pub name: String,
    pub description: String,
    pub language: String,
    pub topics: Vec<String>,
    pub allow_anonymous: bool,
    pub first_post_approval: bool,
}

/// Someone to tell about group activity.
#[derive(Debug, sqlx::FromRow)]
pub struct Recipient {
    pub user_id: Uuid,
    pub email: String,
    pub name: String,
    pub locale: String,
}

pub async fn thread_subscribers(
    executor: impl PgExecutor<'_>,
    thread_id: Uuid,
    group_id: Uuid,
    author: Uuid,
) -> sqlx::Result<Vec<Recipient>> {
    sqlx::query_as(
        "SELECT u.user_id, u.email, u.name, u.locale
         FROM thread_subscriptions s
         JOIN users u ON u.user_id = s.user_id
         JOIN group_members m ON m.group_id = $2 AND m.user_id = s.user_id AND m.status = 'active'
         WHERE s.thread_id = $1 AND s.mode = 'subscribed' AND s.user_id <> $3
           AND u.deleted_at IS NULL AND u.blocked_at IS NULL",
    )
    .bind(thread_id)
    .bind(group_id)
    .bind(author)
    .fetch_all(executor)
    .await
}

pub async fn group_followers(
    executor: impl PgExecutor<'_>,
    group_id: Uuid,
    author: Uuid,
) -> sqlx::Result<Vec<Recipient>> {
    sqlx::query_as(
        "SELECT u.user_id, u.email, u.name, u.locale
         FROM group_members m JOIN users u USING (user_id)
         WHERE m.group_id = $1 AND m.status = 'active' AND m.following AND m.user_id <> $2
           AND u.deleted_at IS NULL AND u.blocked_at IS NULL",
    )
    .bind(group_id)
    .bind(author)
    .fetch_all(executor)
    .await
}

pub async fn mentioned_readers(
    executor: impl PgExecutor<'_>,
    handles: &[String],
    group_id: Uuid,
    author: Uuid,
    visibility: &str,
) -> sqlx::Result<Vec<Recipient>> {
    sqlx::query_as(
        "SELECT u.user_id, u.email, u.name, u.locale
         FROM users u
         LEFT JOIN group_members m ON m.group_id = $2 AND m.user_id = u.user_id
         WHERE u.handle = ANY ($1) AND u.user_id <> $3 AND u.deleted_at IS NULL AND u.blocked_at IS NULL
           AND (m.status = 'active' OR ($4 = 'public' AND m.status IS DISTINCT FROM 'banned'))",
    )
    .bind(handles)
    .bind(group_id)
    .bind(author)
    .bind(visibility)
    .fetch_all(executor)
    .await
}

/// Subscribes the author of a thread or reply (unless they muted it).
pub async fn subscribe_author(
    executor: impl PgExecutor<'_>,
    user_id: Uuid,
    thread_id: Uuid,
) -> sqlx::Result<()> {
    sqlx::query("INSERT INTO thread_subscriptions (user_id, thread_id, mode) VALUES ($1, $2, 'subscribed') ON CONFLICT DO NOTHING")
        .bind(user_id)
        .bind(thread_id)
        .execute(executor)
        .await?;
    Ok(())
}
