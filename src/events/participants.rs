//! Who registered for an event, as its organisers see them.

use chrono::{DateTime, Utc};
use sqlx::PgExecutor;
use uuid::Uuid;

use super::store::IN_AUDIENCE;
use super::vocabulary::RegistrationStatus;

/// A registration as organisers see it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Participant {
    pub user_id: Uuid,
    pub name: String,
    pub handle: String,
    pub email: String,
    pub locale: String,
    pub institution: String,
    pub status: RegistrationStatus,
    pub registered_at: DateTime<Utc>,
    /// She may still be told of the event: among its audience (see
    /// [`IN_AUDIENCE`]) and not blocked.
    pub reachable: bool,
}

/// Registered and waitlisted people, in the order they came.
pub async fn participants(
    executor: impl PgExecutor<'_>,
    event_id: Uuid,
) -> sqlx::Result<Vec<Participant>> {
    sqlx::query_as(&format!(
        "SELECT u.user_id, u.name, u.handle, u.email, u.locale, u.institution, r.status, r.registered_at,
                u.blocked_at IS NULL AND {IN_AUDIENCE} AS reachable
         FROM event_registrations r JOIN users u USING (user_id) JOIN events e USING (event_id)
         WHERE r.event_id = $1 AND r.status IN ('registered', 'waitlisted') AND u.deleted_at IS NULL
         ORDER BY r.status, r.registered_at"
    ))
    .bind(event_id)
    .fetch_all(executor)
    .await
}
