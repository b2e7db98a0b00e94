//! Telling the person who moved up from the waitlist: after a member
//! cancels, after an organiser makes room, and when a registered member
//! deletes her account (`account_data`).

use chrono::{DateTime, Utc};
use sqlx::PgConnection;
use uuid::Uuid;

use crate::events::emails::{self, Notice};
use crate::events::store::EventView;
use crate::notify::tell;
use crate::web::AppResult;

/// Queues the "you have a place" notice for `user_id`.
pub async fn tell_promoted(
    conn: &mut PgConnection,
    base_url: &str,
    event: &EventView,
    user_id: Uuid,
    now: DateTime<Utc>,
) -> AppResult<()> {
    tell(conn, base_url, user_id, now, |e, name| {
        emails::notice(e, name, event, Notice::Promoted, true)
    })
    .await
}
