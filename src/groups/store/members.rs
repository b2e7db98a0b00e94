//! Memberships: joining, requests, invitations, roles, removal and bans,
//! keeping the group's member count in step.

use chrono::{DateTime, Utc};
use sqlx::{PgConnection, PgExecutor};
use uuid::Uuid;

use super::Recipient;
use crate::groups::vocabulary::{GroupRole, MemberStatus};

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

/// Locks a membership row until the transaction ends and answers its
/// status: a decision about it is then taken once.
pub async fn lock_membership(
    conn: &mut PgConnection,
    group_id: Uuid,
    user_id: Uuid,
) -> sqlx::Result<Option<MemberStatus>> {
    sqlx::query_scalar(
        "SELECT status FROM group_members WHERE group_id = $1 AND user_id = $2 FOR UPDATE",
    )
    .bind(group_id)
    .bind(user_id)
    .fetch_optional(conn)
    .await
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

/// A row on a group's members page.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MemberRow {
    pub user_id: Uuid,
    pub name: String,
    pub handle: String,
    pub email: String,
    pub locale: String,
    pub role: GroupRole,
    pub status: MemberStatus,
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
    role: GroupRole,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE group_members SET role = $3 WHERE group_id = $1 AND user_id = $2 AND role <> 'owner' AND status = 'active'")
        .bind(group_id)
        .bind(user_id)
        .bind(role)
        .execute(executor)
        .await?;
    Ok(())
}

/// A member by handle or e-mail address, for invitations.
pub async fn find_invitee(
    executor: impl PgExecutor<'_>,
    handle_or_email: &str,
) -> sqlx::Result<Option<Recipient>> {
    sqlx::query_as(
        "SELECT user_id, email, name, locale
         FROM users WHERE (handle = $1 OR email = lower($1)) AND deleted_at IS NULL AND blocked_at IS NULL",
    )
    .bind(handle_or_email.trim().trim_start_matches('@'))
    .fetch_optional(executor)
    .await
}

/// Whether the member belongs to the group today (an active membership:
/// not asked, invited or banned). Other features ask this before showing
/// what is for a group's members only (a group's course).
pub async fn is_active_member(
    executor: impl PgExecutor<'_>,
    group_id: Uuid,
    user_id: Uuid,
) -> sqlx::Result<bool> {
    sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM group_members
                        WHERE group_id = $1 AND user_id = $2 AND status = 'active')",
    )
    .bind(group_id)
    .bind(user_id)
    .fetch_one(executor)
    .await
}

/// The same question as [`is_active_member`] as an SQL condition, for a
/// listing query of another feature that filters in SQL: `group` and `user`
/// are the SQL expressions naming the group and the member.
pub fn active_member_sql(group: &str, user: &str) -> String {
    format!(
        "EXISTS (SELECT 1 FROM group_members active_member
                 WHERE active_member.group_id = {group} AND active_member.user_id = {user}
                   AND active_member.status = 'active')"
    )
}
