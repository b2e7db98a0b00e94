//! Registering and cancelling. Both lock the event's row first, so two
//! people asking for the last place at the same moment are served one after
//! the other: exactly one gets it, the other goes onto the waitlist.

use chrono::{DateTime, Utc};
use sqlx::PgConnection;
use uuid::Uuid;

use super::vocabulary::RegistrationStatus;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Registered {
    /// A place is theirs.
    Place,
    /// The event is full; they wait in line.
    Waitlist,
    /// They had a place or a spot in line already; nothing changed.
    Already,
}

/// Registers `user_id`, or puts them on the waitlist when the event is full.
/// Whether registration is open is the caller's check (policy), made before.
pub async fn register(
    conn: &mut PgConnection,
    event_id: Uuid,
    user_id: Uuid,
    now: DateTime<Utc>,
) -> sqlx::Result<Registered> {
    let capacity: Option<i32> =
        sqlx::query_scalar("SELECT capacity FROM events WHERE event_id = $1 FOR UPDATE")
            .bind(event_id)
            .fetch_one(&mut *conn)
            .await?;
    let current: Option<RegistrationStatus> = sqlx::query_scalar(
        "SELECT status FROM event_registrations WHERE event_id = $1 AND user_id = $2",
    )
    .bind(event_id)
    .bind(user_id)
    .fetch_optional(&mut *conn)
    .await?;
    if matches!(
        current,
        Some(RegistrationStatus::Registered | RegistrationStatus::Waitlisted)
    ) {
        return Ok(Registered::Already);
    }
    let taken: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM event_registrations WHERE event_id = $1 AND status = 'registered'",
    )
    .bind(event_id)
    .fetch_one(&mut *conn)
    .await?;
    let outcome = match capacity {
        Some(capacity) if taken >= capacity as i64 => Registered::Waitlist,
        _ => Registered::Place,
    };
    sqlx::query(
        "INSERT INTO event_registrations (event_id, user_id, status, registered_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (event_id, user_id) DO UPDATE
         SET status = EXCLUDED.status, registered_at = EXCLUDED.registered_at, cancelled_at = NULL,
             reminded_day_at = NULL, reminded_hour_at = NULL",
    )
    .bind(event_id)
    .bind(user_id)
    .bind(match outcome {
        Registered::Waitlist => RegistrationStatus::Waitlisted,
        _ => RegistrationStatus::Registered,
    })
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(outcome)
}

/// What a cancellation changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cancelled {
    /// They had a place or a spot in line (otherwise nothing changed).
    pub was_listed: bool,
    /// The first person on the waitlist, who now has the freed place.
    pub promoted: Option<Uuid>,
}

/// Cancels `user_id`'s registration. A freed place goes at once to the
/// first person on the waitlist.
pub async fn cancel(
    conn: &mut PgConnection,
    event_id: Uuid,
    user_id: Uuid,
    now: DateTime<Utc>,
) -> sqlx::Result<Cancelled> {
    sqlx::query("SELECT 1 FROM events WHERE event_id = $1 FOR UPDATE")
        .bind(event_id)
        .execute(&mut *conn)
        .await?;
    let previous: Option<RegistrationStatus> = sqlx::query_scalar(
        "UPDATE event_registrations r SET status = 'cancelled', cancelled_at = $3
         FROM (SELECT status FROM event_registrations WHERE event_id = $1 AND user_id = $2) AS before
         WHERE r.event_id = $1 AND r.user_id = $2 AND r.status IN ('registered', 'waitlisted')
         RETURNING before.status",
    )
    .bind(event_id)
    .bind(user_id)
    .bind(now)
    .fetch_optional(&mut *conn)
    .await?;
    let promoted = if previous == Some(RegistrationStatus::Registered) {
        promote_first(conn, event_id).await?
    } else {
        None
    };
    Ok(Cancelled {
        was_listed: previous.is_some(),
        promoted,
    })
}

/// Takes `user_id` off an event altogether, because she is no longer among
/// its audience (she left its group, was removed from it, or was blocked).
/// Unlike [`cancel`], nothing of the registration stays: a cancelled row
/// would still tie her to a closed group's meeting (in her data download,
/// say). An attended registration is her record and stays. A freed place
/// goes at once to the first on the waitlist. Returns what she had
/// (a place or a spot in line; `None` for nothing or a cancelled row)
/// and who moved up.
pub async fn withdraw(
    conn: &mut PgConnection,
    event_id: Uuid,
    user_id: Uuid,
) -> sqlx::Result<(Option<RegistrationStatus>, Option<Uuid>)> {
    sqlx::query("SELECT 1 FROM events WHERE event_id = $1 FOR UPDATE")
        .bind(event_id)
        .execute(&mut *conn)
        .await?;
    let previous: Option<RegistrationStatus> = sqlx::query_scalar(
        "DELETE FROM event_registrations
         WHERE event_id = $1 AND user_id = $2 AND attended_at IS NULL
         RETURNING status",
    )
    .bind(event_id)
    .bind(user_id)
    .fetch_optional(&mut *conn)
    .await?;
    let promoted = if previous == Some(RegistrationStatus::Registered) {
        promote_first(conn, event_id).await?
    } else {
        None
    };
    Ok((
        previous.filter(|status| *status != RegistrationStatus::Cancelled),
        promoted,
    ))
}

/// Gives a free place to the first on the waitlist, if there is a free
/// place and someone waiting. The caller holds the event's row lock.
async fn promote_first(conn: &mut PgConnection, event_id: Uuid) -> sqlx::Result<Option<Uuid>> {
    sqlx::query_scalar(
        "UPDATE event_registrations SET status = 'registered'
         WHERE event_id = $1 AND user_id = (
             SELECT user_id FROM event_registrations
             WHERE event_id = $1 AND status = 'waitlisted'
             ORDER BY registered_at, user_id LIMIT 1)
           AND (SELECT capacity FROM events WHERE event_id = $1) IS DISTINCT FROM NULL
           AND (SELECT count(*) FROM event_registrations WHERE event_id = $1 AND status = 'registered')
               < (SELECT capacity FROM events WHERE event_id = $1)
         RETURNING user_id",
    )
    .bind(event_id)
    .fetch_optional(&mut *conn)
    .await
}

/// Fills every free place from the waitlist (after an organiser raised the
/// capacity); returns who got one. Locks the event's row.
pub async fn fill_free_places(conn: &mut PgConnection, event_id: Uuid) -> sqlx::Result<Vec<Uuid>> {
    sqlx::query("SELECT 1 FROM events WHERE event_id = $1 FOR UPDATE")
        .bind(event_id)
        .execute(&mut *conn)
        .await?;
    let mut promoted = Vec::new();
    while let Some(user_id) = promote_first(conn, event_id).await? {
        promoted.push(user_id);
    }
    Ok(promoted)
}
