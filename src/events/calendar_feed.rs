//! A member's private calendar feed: its secret address (made on first
//! use, renewable) and the events it lists.

use chrono::{DateTime, Utc};
use sqlx::PgExecutor;
use uuid::Uuid;

use super::store::{EVENT_QUERY, EventView};

/// The member's private calendar feed token, made on first use (reading
/// it writes nothing once it exists).
pub async fn calendar_token(
    pool: &sqlx::PgPool,
    user_id: Uuid,
    fresh_token: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<String> {
    let select = "SELECT token FROM calendar_feeds WHERE user_id = $1";
    if let Some(token) = sqlx::query_scalar(select)
        .bind(user_id)
        .fetch_optional(pool)
        .await?
    {
        return Ok(token);
    }
    sqlx::query(
        "INSERT INTO calendar_feeds (user_id, token, created_at) VALUES ($1, $2, $3)
         ON CONFLICT (user_id) DO NOTHING",
    )
    .bind(user_id)
    .bind(fresh_token)
    .bind(now)
    .execute(pool)
    .await?;
    sqlx::query_scalar(select)
        .bind(user_id)
        .fetch_one(pool)
        .await
}

/// Replaces the feed token: the old address stops working at once.
pub async fn renew_calendar_token(
    executor: impl PgExecutor<'_>,
    user_id: Uuid,
    token: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO calendar_feeds (user_id, token, created_at) VALUES ($1, $2, $3)
         ON CONFLICT (user_id) DO UPDATE SET token = EXCLUDED.token, created_at = EXCLUDED.created_at",
    )
    .bind(user_id)
    .bind(token)
    .bind(now)
    .execute(executor)
    .await?;
    Ok(())
}

/// Whose feed a token opens.
pub async fn calendar_owner(
    executor: impl PgExecutor<'_>,
    token: &str,
) -> sqlx::Result<Option<(Uuid, String)>> {
    sqlx::query_as(
        "SELECT u.user_id, u.locale FROM calendar_feeds f JOIN users u USING (user_id)
         WHERE f.token = $1 AND u.deleted_at IS NULL AND u.blocked_at IS NULL",
    )
    .bind(token)
    .fetch_optional(executor)
    .await
}

/// Events the member registered for (with a place), from a month ago on,
/// for their calendar feed. Cancelled events stay, marked cancelled, so
/// calendars remove them. A group's events are there only while she is a
/// member: after she leaves, even its past meetings leave her calendar.
pub async fn feed_events(
    executor: impl PgExecutor<'_>,
    user_id: Uuid,
    now: DateTime<Utc>,
) -> sqlx::Result<Vec<EventView>> {
    sqlx::query_as(&format!(
        "{EVENT_QUERY}
         JOIN event_registrations mine ON mine.event_id = e.event_id AND mine.user_id = $1
         WHERE mine.status = 'registered' AND e.ends_at > $2 - interval '31 days'
           AND (e.group_id IS NULL OR gm.status = 'active')
         ORDER BY e.starts_at
         LIMIT 500"
    ))
    .bind(user_id)
    .bind(now)
    .fetch_all(executor)
    .await
}
