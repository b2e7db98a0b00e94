//! One course: finding, creating, editing, its status and its log.

use chrono::{DateTime, Utc};
use sqlx::{PgConnection, PgExecutor};
use uuid::Uuid;

use crate::courses::vocabulary::{Audience, CourseStatus, Level};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Course {
    pub course_id: Uuid,
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub description: String,
    pub description_html: String,
    pub language: String,
    pub level: Level,
    pub estimated_hours: i32,
    pub licence_points: i32,
    pub topics: Vec<String>,
    pub audience: Audience,
    /// The group a group course is for (set exactly when `audience` is Group).
    pub group_id: Option<Uuid>,
    pub status: CourseStatus,
    pub return_reason: String,
    pub author_id: Option<Uuid>,
    pub author_name: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub published_at: Option<DateTime<Utc>>,
}

impl Course {
    pub fn is_by(&self, user_id: Uuid) -> bool {
        self.author_id == Some(user_id)
    }

    pub fn is_published(&self) -> bool {
        self.status == CourseStatus::Published
    }

    pub fn is_in_review(&self) -> bool {
        self.status == CourseStatus::InReview
    }

    pub fn is_archived(&self) -> bool {
        self.status == CourseStatus::Archived
    }

    pub fn for_members(&self) -> bool {
        self.audience == Audience::Members
    }

    pub fn for_group(&self) -> bool {
        self.audience == Audience::Group
    }
}

pub(super) const COURSE_COLUMNS: &str = "c.course_id, c.slug, c.title, c.summary, c.description,
    c.description_html, c.language, c.level, c.estimated_hours, c.licence_points, c.topics,
    c.audience, c.group_id, c.status, c.return_reason, c.author_id,
    CASE WHEN u.deleted_at IS NULL THEN u.name END AS author_name,
    c.created_at, c.updated_at, c.published_at";

/// Whether the viewer whose id is the SQL expression `viewer` (NULL for a
/// visitor) may know of course `c`, as far as its audience goes: a group
/// course exists only for its author and the group's active members
/// (`policy::can_see` with `in_group`, in SQL, for the listing queries).
pub(super) fn audience_admits(viewer: &str) -> String {
    format!(
        "(c.audience <> 'group' OR c.author_id = {viewer} OR {})",
        crate::groups::store::active_member_sql("c.group_id", viewer)
    )
}

/// What the course form saves (already checked).
#[derive(Debug, Clone)]
pub struct CourseInput {
    pub title: String,
    pub summary: String,
    pub description: String,
    pub description_html: String,
    pub language: String,
    pub level: Level,
    pub estimated_hours: i32,
    pub licence_points: i32,
    pub topics: Vec<String>,
    pub audience: Audience,
    /// The group of a group course (checked: one the author teaches).
    pub group_id: Option<Uuid>,
    /// Title, summary and description, normalised for search.
    pub search_text: String,
}

pub async fn find_by_slug(
    executor: impl PgExecutor<'_>,
    slug: &str,
) -> sqlx::Result<Option<Course>> {
    sqlx::query_as(&format!(
        "SELECT {COURSE_COLUMNS} FROM courses c LEFT JOIN users u ON u.user_id = c.author_id
         WHERE c.slug = $1"
    ))
    .bind(slug)
    .fetch_optional(executor)
    .await
}

/// Whether a course of this title exists (the demo seed's "already there").
pub async fn title_taken(executor: impl PgExecutor<'_>, title: &str) -> sqlx::Result<bool> {
    sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM courses WHERE title = $1)")
        .bind(title)
        .fetch_one(executor)
        .await
}

/// Whether a course already has this address.
pub async fn slug_taken(executor: impl PgExecutor<'_>, slug: &str) -> sqlx::Result<bool> {
    sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM courses WHERE slug = $1)")
        .bind(slug)
        .fetch_one(executor)
        .await
}

/// Whether an insert failed because the address is taken.
pub fn is_slug_conflict(error: &sqlx::Error) -> bool {
    error
        .as_database_error()
        .and_then(|e| e.constraint())
        .is_some_and(|name| name == "courses_slug_key")
}

/// A new draft; its creation is the first line of its log.
pub async fn create(
    conn: &mut PgConnection,
    slug: &str,
    input: &CourseInput,
    author_id: Uuid,
    now: DateTime<Utc>,
) -> sqlx::Result<Uuid> {
    let course_id: Uuid = sqlx::query_scalar(
        "INSERT INTO courses (slug, title, summary, description, description_html, language, level,
            estimated_hours, licence_points, topics, audience, author_id, search_text, created_at, updated_at,
            group_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14, $15)
         RETURNING course_id",
    )
    .bind(slug)
    .bind(&input.title)
    .bind(&input.summary)
    .bind(&input.description)
    .bind(&input.description_html)
    .bind(&input.language)
    .bind(input.level)
    .bind(input.estimated_hours)
    .bind(input.licence_points)
    .bind(&input.topics)
    .bind(input.audience)
    .bind(author_id)
    .bind(&input.search_text)
    .bind(now)
    .bind(input.group_id)
    .fetch_one(&mut *conn)
    .await?;
    log(&mut *conn, course_id, Some(author_id), "", "draft", "", now).await?;
    Ok(course_id)
}

pub async fn update(
    executor: impl PgExecutor<'_>,
    course_id: Uuid,
    input: &CourseInput,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE courses SET title = $2, summary = $3, description = $4, description_html = $5,
            language = $6, level = $7, estimated_hours = $8, licence_points = $9, topics = $10,
            audience = $11, search_text = $12, updated_at = $13, group_id = $14
         WHERE course_id = $1",
    )
    .bind(course_id)
    .bind(&input.title)
    .bind(&input.summary)
    .bind(&input.description)
    .bind(&input.description_html)
    .bind(&input.language)
    .bind(input.level)
    .bind(input.estimated_hours)
    .bind(input.licence_points)
    .bind(&input.topics)
    .bind(input.audience)
    .bind(&input.search_text)
    .bind(now)
    .bind(input.group_id)
    .execute(executor)
    .await?;
    Ok(())
}

/// Moves the course from one of `from` to `to` and logs it; `false` when
/// it was in none of `from` (someone else decided first). The row is locked
/// by the UPDATE, so two moderators make one decision.
pub async fn set_status(
    conn: &mut PgConnection,
    course_id: Uuid,
    from: &[CourseStatus],
    to: CourseStatus,
    actor: Uuid,
    reason: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<bool> {
    let from_words: Vec<&str> = from.iter().map(|s| s.as_str()).collect();
    let before: Option<CourseStatus> = sqlx::query_scalar(
        "UPDATE courses c SET status = $3, updated_at = $5,
            return_reason = CASE WHEN $3 = 'draft' THEN $4 ELSE '' END,
            published_at = CASE WHEN $3 = 'published' THEN COALESCE(c.published_at, $5)
                                ELSE c.published_at END
         FROM (SELECT course_id, status FROM courses WHERE course_id = $1 FOR UPDATE) old
         WHERE c.course_id = old.course_id AND old.status = ANY($2)
         RETURNING old.status",
    )
    .bind(course_id)
    .bind(&from_words)
    .bind(to)
    .bind(reason)
    .bind(now)
    .fetch_optional(&mut *conn)
    .await?;
    let Some(before) = before else {
        return Ok(false);
    };
    log(
        &mut *conn,
        course_id,
        Some(actor),
        before.as_str(),
        to.as_str(),
        reason,
        now,
    )
    .await?;
    Ok(true)
}

async fn log(
    executor: impl PgExecutor<'_>,
    course_id: Uuid,
    actor: Option<Uuid>,
    from: &str,
    to: &str,
    reason: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO course_log (course_id, actor_id, from_status, to_status, reason, at)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(course_id)
    .bind(actor)
    .bind(from)
    .bind(to)
    .bind(reason)
    .bind(now)
    .execute(executor)
    .await?;
    Ok(())
}

/// One line of a course's log.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct LogEntry {
    pub who: Option<String>,
    pub to_status: CourseStatus,
    pub reason: String,
    pub at: DateTime<Utc>,
}

/// The log, oldest first.
pub async fn log_of(executor: impl PgExecutor<'_>, course_id: Uuid) -> sqlx::Result<Vec<LogEntry>> {
    sqlx::query_as(
        "SELECT CASE WHEN u.deleted_at IS NULL THEN u.name END AS who, l.to_status, l.reason, l.at
         FROM course_log l LEFT JOIN users u ON u.user_id = l.actor_id
         WHERE l.course_id = $1 ORDER BY l.at, l.entry_id",
    )
    .bind(course_id)
    .fetch_all(executor)
    .await
}

/// Courses waiting for review (for moderators) or the author's own
/// unpublished ones, newest change first.
pub async fn unpublished(
    executor: impl PgExecutor<'_>,
    author: Option<Uuid>,
) -> sqlx::Result<Vec<Course>> {
    sqlx::query_as(&format!(
        "SELECT {COURSE_COLUMNS} FROM courses c LEFT JOIN users u ON u.user_id = c.author_id
         WHERE CASE WHEN $1::uuid IS NULL THEN c.status = 'in_review'
                    ELSE c.author_id = $1 AND c.status <> 'published' END
         ORDER BY c.updated_at DESC LIMIT 100"
    ))
    .bind(author)
    .fetch_all(executor)
    .await
}
