//! Members' suggestions — a new service, or a correction to one — kept as
//! the proposed record (JSON) until a moderator accepts (perhaps after
//! editing) or refuses it with a reason.

use chrono::{DateTime, Utc};
use sqlx::types::Json;
use sqlx::{PgConnection, PgExecutor};
use uuid::Uuid;

use super::store::ServiceInput;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Suggestion {
    pub suggestion_id: Uuid,
    /// `None`: a new service.
    pub service_id: Option<Uuid>,
    pub service_name: Option<String>,
    pub suggested_by: Option<Uuid>,
    pub suggester_name: Option<String>,
    pub fields: Json<ServiceInput>,
    pub note: String,
    pub status: String,
    pub reason: String,
    pub created_at: DateTime<Utc>,
}

const SUGGESTION_QUERY: &str =
    "SELECT g.suggestion_id, g.service_id, s.name AS service_name, g.suggested_by,
    CASE WHEN u.deleted_at IS NULL THEN u.name END AS suggester_name, g.fields, g.note, g.status, g.reason, g.created_at
    FROM service_suggestions g
    LEFT JOIN services s USING (service_id)
    LEFT JOIN users u ON u.user_id = g.suggested_by";

pub async fn create(
    executor: impl PgExecutor<'_>,
    service_id: Option<Uuid>,
    suggested_by: Uuid,
    fields: &ServiceInput,
    note: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<Uuid> {
    sqlx::query_scalar(
        "INSERT INTO service_suggestions (service_id, suggested_by, fields, note, created_at)
         VALUES ($1, $2, $3, $4, $5) RETURNING suggestion_id",
    )
    .bind(service_id)
    .bind(suggested_by)
    .bind(Json(fields))
    .bind(note)
    .bind(now)
    .fetch_one(executor)
    .await
}

pub async fn find(
    executor: impl PgExecutor<'_>,
    suggestion_id: Uuid,
) -> sqlx::Result<Option<Suggestion>> {
    sqlx::query_as(&format!("{SUGGESTION_QUERY} WHERE g.suggestion_id = $1"))
        .bind(suggestion_id)
        .fetch_optional(executor)
        .await
}

/// Waiting suggestions, oldest first.
pub async fn pending(executor: impl PgExecutor<'_>) -> sqlx::Result<Vec<Suggestion>> {
    sqlx::query_as(&format!(
        "{SUGGESTION_QUERY} WHERE g.status = 'pending' ORDER BY g.created_at LIMIT 200"
    ))
    .fetch_all(executor)
    .await
}

/// The member's own suggestions, newest first.
pub async fn by_member(
    executor: impl PgExecutor<'_>,
    user_id: Uuid,
) -> sqlx::Result<Vec<Suggestion>> {
    sqlx::query_as(&format!(
        "{SUGGESTION_QUERY} WHERE g.suggested_by = $1 ORDER BY g.created_at DESC LIMIT 50"
    ))
    .bind(user_id)
    .fetch_all(executor)
    .await
}

/// Records the decision; `false` if someone decided first.
pub async fn decide(
    conn: &mut PgConnection,
    suggestion_id: Uuid,
    status: &str,
    reason: &str,
    decided_by: Uuid,
    now: DateTime<Utc>,
) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "UPDATE service_suggestions SET status = $2, reason = $3, decided_by = $4, decided_at = $5
         WHERE suggestion_id = $1 AND status = 'pending'",
    )
    .bind(suggestion_id)
    .bind(status)
    .bind(reason)
    .bind(decided_by)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}
