//! Groups: listing what a viewer may see, finding one, creating it, its
//! settings and class code. Listing queries take the viewer and filter in
//! SQL, with the same rules as `policy`.

use chrono::{DateTime, Utc};
use sqlx::{PgConnection, PgExecutor};
use uuid::Uuid;

use crate::groups::vocabulary::{GroupRole, MemberStatus, Visibility};

/// A group as a viewer sees it, with the viewer's membership.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct GroupView {
    pub group_id: Uuid,
    pub slug: String,
    pub name: String,
    pub description: String,
    pub visibility: Visibility,
    pub language: String,
    pub topics: Vec<String>,
    pub allow_anonymous: bool,
    pub first_post_approval: bool,
    pub join_code: Option<String>,
    pub member_count: i32,
    pub thread_count: i32,
    pub last_activity_at: DateTime<Utc>,
    pub status: Option<MemberStatus>,
    pub role: Option<GroupRole>,
    pub following: Option<bool>,
}

impl GroupView {
    /// Whether the viewer is an active member.
    pub fn is_member(&self) -> bool {
        self.status == Some(MemberStatus::Active)
    }

    pub fn is_owner(&self) -> bool {
        self.is_member() && self.role == Some(GroupRole::Owner)
    }
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
    pub visibility: Visibility,
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

pub async fn find_group_by_join_code(
    executor: impl PgExecutor<'_>,
    code: &str,
) -> sqlx::Result<Option<(Uuid, String)>> {
    sqlx::query_as("SELECT group_id, slug FROM groups WHERE join_code = $1")
        .bind(code)
        .fetch_optional(executor)
        .await
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

/// A group by its id, as `viewer` sees it (with her membership).
pub async fn find_group_by_id(
    executor: impl PgExecutor<'_>,
    group_id: Uuid,
    viewer: Option<Uuid>,
) -> sqlx::Result<Option<GroupView>> {
    sqlx::query_as(&format!(
        "SELECT {GROUP_COLUMNS}
         FROM groups g
         LEFT JOIN group_members m ON m.group_id = g.group_id AND m.user_id = $2
         WHERE g.group_id = $1"
    ))
    .bind(group_id)
    .bind(viewer)
    .fetch_optional(executor)
    .await
}
