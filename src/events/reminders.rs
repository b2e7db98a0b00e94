//! Reminders 24 hours and 1 hour before an event, to everyone with a place.
//! Each reminder is claimed by setting its time on the registration in the
//! same transaction that queues the mail, so it goes out once — with
//! several schedulers running, or after a restart. A cancelled event or a
//! cancelled registration is simply never claimed, nor is a registration
//! of someone no longer among the event's audience (see `store::IN_AUDIENCE`).
//!
//! A reminder says the time really left when it is queued ("in 3 minutes"
//! when the job ran late or the event was made just before it starts), and
//! once the event has started none goes out at all: "started 10 minutes
//! ago" helps nobody who has not joined already, and the registration mail
//! and the calendar entry have said when it was.

use chrono::{DateTime, Duration, Utc};
use sqlx::PgPool;
use uuid::Uuid;

use super::emails::{self, Notice};
use super::store::{self, IN_AUDIENCE};
use crate::notify::{Recipient, notify};

/// Which reminder: the column that records it, how long before the start
/// it is due, and its notice.
const REMINDERS: [(&str, i64, Notice); 2] = [
    ("reminded_day_at", 24 * 60, Notice::ReminderDay),
    ("reminded_hour_at", 60, Notice::ReminderHour),
];

/// Queues every reminder that is due; returns how many.
pub async fn send_due(pool: &PgPool, base_url: &str, now: DateTime<Utc>) -> anyhow::Result<usize> {
    let mut sent = 0;
    for (column, minutes, notice) in REMINDERS {
        let mut tx = pool.begin().await?;
        // Due: the start is within `minutes` and still ahead. A day
        // reminder that was missed until the last hour is skipped for the
        // hour reminder (claimed without mail) rather than sent late.
        let due: Vec<(Uuid, Uuid, String, String, String)> = sqlx::query_as(&format!(
            "UPDATE event_registrations r SET {column} = $1
             FROM events e, users u
             WHERE e.event_id = r.event_id AND u.user_id = r.user_id
               AND r.status = 'registered' AND r.{column} IS NULL
               AND e.cancelled_at IS NULL AND u.deleted_at IS NULL AND u.blocked_at IS NULL
               AND {IN_AUDIENCE}
               AND e.starts_at > $1 AND e.starts_at <= $1 + $2 * interval '1 minute'
             RETURNING r.event_id, r.user_id, u.email, u.name, u.locale"
        ))
        .bind(now)
        .bind(minutes as f64)
        .fetch_all(&mut *tx)
        .await?;
        for (event_id, user_id, email, name, locale) in due {
            let Some(event) = store::find(&mut *tx, event_id, Some(user_id)).await? else {
                continue;
            };
            if notice == Notice::ReminderDay && event.starts_at - now <= Duration::minutes(60) {
                continue;
            }
            let to = Recipient::new(user_id, &email, &name, &locale);
            let e = to.email_context(base_url);
            let mut notification = emails::reminder(&e, &name, &event, notice, now);
            notification.send_after = Some(event.starts_at - Duration::minutes(minutes));
            notify(&mut tx, base_url, &to, notification, now).await?;
            sent += 1;
        }
        tx.commit().await?;
    }
    Ok(sent)
}
