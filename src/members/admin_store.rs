//! SQL for administering members: the list, roles, blocking and approval.

use chrono::{DateTime, Utc};
use sqlx::PgExecutor;
use uuid::Uuid;

use super::{Approval, Role};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AdminRow {
    pub user_id: Uuid,
    pub name: String,
    pub handle: String,
    pub email: String,
    pub role: Role,
    pub institution: String,
    pub city: String,
    pub verified: bool,
    pub approval: Approval,
    pub blocked: bool,
    pub created_at: DateTime<Utc>,
}

/// Which members an administrator is looking at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    All,
    Pending,
    Blocked,
}

pub async fn list(
    executor: impl PgExecutor<'_>,
    words: &str,
    status: Status,
    offset: i64,
    limit: i64,
) -> sqlx::Result<Vec<AdminRow>> {
    sqlx::query_as(
        r#"
        SELECT user_id, name, handle, email, role, institution, city,
               email_verified_at IS NOT NULL AS verified, approval,
               blocked_at IS NOT NULL AS blocked, created_at
        FROM users
        WHERE deleted_at IS NULL
          AND ($1 = '' OR search_text LIKE '%' || $1 || '%' OR email LIKE '%' || $1 || '%')
          AND ($2 <> 'pending' OR approval = 'pending')
          AND ($2 <> 'blocked' OR blocked_at IS NOT NULL)
        ORDER BY created_at DESC, user_id
        OFFSET $3 LIMIT $4
        "#,
    )
    .bind(words)
    .bind(match status {
        Status::All => "all",
        Status::Pending => "pending",
        Status::Blocked => "blocked",
    })
    .bind(offset)
    .bind(limit)
    .fetch_all(executor)
    .await
}

pub async fn find_by_handle(
    executor: impl PgExecutor<'_>,
    handle: &str,
) -> sqlx::Result<Option<AdminRow>> {
    sqlx::query_as(
        "SELECT user_id, name, handle, email, role, institution, city,
                email_verified_at IS NOT NULL AS verified, approval,
                blocked_at IS NOT NULL AS blocked, created_at
         FROM users WHERE handle = $1 AND deleted_at IS NULL",
    )
    .bind(handle)
    .fetch_optional(executor)
    .await
}

/// Active administrators (the last one cannot step down).
pub async fn count_admins(executor: impl PgExecutor<'_>) -> sqlx::Result<i64> {
    sqlx::query_scalar("SELECT count(*) FROM users WHERE role = 'admin' AND deleted_at IS NULL AND blocked_at IS NULL")
        .fetch_one(executor)
        .await
}

pub async fn set_role(
    executor: impl PgExecutor<'_>,
    user_id: Uuid,
    role: Role,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE users SET role = $2, updated_at = $3 WHERE user_id = $1")
        .bind(user_id)
        .bind(role)
        .bind(now)
        .execute(executor)
        .await?;
    Ok(())
}

pub async fn set_blocked(
    executor: impl PgExecutor<'_>,
    user_id: Uuid,
    blocked: bool,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE users SET blocked_at = CASE WHEN $2 THEN $3 END, updated_at = $3 WHERE user_id = $1")
        .bind(user_id)
        .bind(blocked)
        .bind(now)
        .execute(executor)
        .await?;
    Ok(())
}

pub async fn set_approval(
    executor: impl PgExecutor<'_>,
    user_id: Uuid,
    approved: bool,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE users SET approval = $2, updated_at = $3 WHERE user_id = $1")
        .bind(user_id)
        .bind(if approved {
            Approval::Approved
        } else {
            Approval::Declined
        })
        .bind(now)
        .execute(executor)
        .await?;
    Ok(())
}

/// Serialises role changes for the rest of the transaction, so two
/// administrators demoting each other at once cannot leave the site without one.
pub async fn lock_roles(executor: impl PgExecutor<'_>) -> sqlx::Result<()> {
    sqlx::query("LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE")
        .execute(executor)
        .await?;
    Ok(())
}
