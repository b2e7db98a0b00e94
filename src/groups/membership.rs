//! The end of a membership: a member leaves, or a group moderator removes
//! or bans her. Whatever the membership gave ends with it, in the same
//! transaction: her unsent mail about the group is withdrawn (and its
//! entries leave her digest), and her registrations for the group's events
//! that have not started end, with one plain notice (`events::departure`).
//! Mail about the group's threads needs nothing more: it is addressed to
//! active members only, when it is queued.

use chrono::{DateTime, Utc};
use sqlx::PgConnection;
use uuid::Uuid;

use super::store;
use crate::events::departure::{self, LeftGroup};
use crate::events::emails::Departure;
use crate::web::AppResult;

/// How the membership ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    Left,
    Removed,
    /// Removed, and may not come back.
    Banned,
}

/// Ends `user_id`'s membership of the group named `group_name`.
pub async fn end(
    conn: &mut PgConnection,
    base_url: &str,
    group_id: Uuid,
    group_name: &str,
    user_id: Uuid,
    ending: Ending,
    now: DateTime<Utc>,
) -> AppResult<()> {
    match ending {
        Ending::Banned => store::ban_member(conn, group_id, user_id, now).await?,
        Ending::Left | Ending::Removed => store::remove_member(conn, group_id, user_id).await?,
    }
    // Withdrawn first, so the notice below is not withdrawn with the rest.
    crate::notify::withdraw::about_group(conn, user_id, group_id).await?;
    let departure = match ending {
        Ending::Left => Departure::Left,
        Ending::Removed | Ending::Banned => Departure::Removed,
    };
    let group = LeftGroup {
        group_id,
        name: group_name,
    };
    departure::end_for_group(conn, base_url, group, user_id, departure, now).await?;
    Ok(())
}
