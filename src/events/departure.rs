//! When a member stops belonging to an event's audience, what her
//! registrations gave her stops too. A group's events are for its members
//! (`policy::can_see`): once she left the group, or a moderator removed or
//! banned her, her places and waitlist spots for the group's events that
//! have not started are given up — the places go to the waitlist — so no
//! reminder, change notice, calendar entry or online link about them
//! reaches her any more. A blocked member can sign in to nothing, so she
//! gives up every upcoming event.
//!
//! She is told once, plainly: which events (named as mail may name them,
//! so a closed group's meeting by its kind and time only) and why. The
//! group's name is in it: she was a member, and the group's own mails name
//! it too (ARCHITECTURE §7: names and links, never content).
//!
//! What has happened stays: an attended event, its points and certificate
//! are her record; so is a registration for an event that has started.

use chrono::{DateTime, Utc};
use sqlx::PgConnection;
use uuid::Uuid;

use super::emails::{self, Departure};
use super::store;
use super::{promotion, registration};
use crate::notify::{Kind, Notification, tell};
use crate::web::AppResult;

/// The group whose membership ended.
#[derive(Debug, Clone, Copy)]
pub struct LeftGroup<'a> {
    pub group_id: Uuid,
    pub name: &'a str,
}

/// Ends `user_id`'s registrations for `group`'s events that have not
/// started by `now`, and tells her. Call it in the transaction that ends
/// the membership. Returns how many registrations ended.
pub async fn end_for_group(
    conn: &mut PgConnection,
    base_url: &str,
    group: LeftGroup<'_>,
    user_id: Uuid,
    departure: Departure,
    now: DateTime<Utc>,
) -> AppResult<usize> {
    end(conn, base_url, Some(group), user_id, departure, now).await
}

/// Ends every registration of a member being blocked for events that have
/// not started, and tells her. Call it before the block is recorded (the
/// notice is the last mail she gets; `notify` mails nobody blocked).
pub async fn end_for_blocked(
    conn: &mut PgConnection,
    base_url: &str,
    user_id: Uuid,
    now: DateTime<Utc>,
) -> AppResult<usize> {
    end(conn, base_url, None, user_id, Departure::Blocked, now).await
}

async fn end(
    conn: &mut PgConnection,
    base_url: &str,
    group: Option<LeftGroup<'_>>,
    user_id: Uuid,
    departure: Departure,
    now: DateTime<Utc>,
) -> AppResult<usize> {
    // In event order, so two departures never lock events crosswise.
    let upcoming: Vec<Uuid> = sqlx::query_scalar(
        "SELECT r.event_id FROM event_registrations r JOIN events e USING (event_id)
         WHERE r.user_id = $1 AND ($2::uuid IS NULL OR e.group_id = $2)
           AND e.starts_at > $3 AND r.attended_at IS NULL
         ORDER BY r.event_id",
    )
    .bind(user_id)
    .bind(group.map(|g| g.group_id))
    .bind(now)
    .fetch_all(&mut *conn)
    .await?;
    let mut ended = Vec::new();
    for event_id in upcoming {
        let (had, promoted) = registration::withdraw(conn, event_id, user_id).await?;
        if let Some(promoted) = promoted
            && let Some(event) = store::find(&mut *conn, event_id, Some(promoted)).await?
        {
            promotion::tell_promoted(conn, base_url, &event, promoted, now).await?;
        }
        // A cancelled event needs no word: she was told of the cancellation.
        if had.is_some()
            && let Some(event) = store::find(&mut *conn, event_id, None).await?
            && event.cancelled_at.is_none()
        {
            ended.push(event);
        }
    }
    if ended.is_empty() {
        return Ok(0);
    }
    ended.sort_by_key(|event| event.starts_at);
    tell(conn, base_url, user_id, now, |e, name| {
        let mail = emails::registrations_ended(e, name, departure, group.map(|g| g.name), &ended);
        let notification = Notification::new(Kind::EventRegistration, "/events", mail);
        match group {
            Some(group) => notification.in_group(group.group_id),
            None => notification,
        }
    })
    .await?;
    Ok(ended.len())
}
