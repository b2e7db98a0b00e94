//! Deleting a member's account, feature by feature, in one transaction.
//! What each part erases and keeps is said where it is done (each
//! feature's `member_data::erase_member` and `members::lifecycle`), and the
//! settings page repeats it to the member (`settings-delete-*` in the
//! catalogues); `tests/it/data_export.rs` holds the two to each other.

use chrono::{DateTime, Utc};
use sqlx::PgConnection;
use uuid::Uuid;

use crate::web::AppResult;
use crate::{courses, events, groups, members, support};

pub async fn delete_account(
    conn: &mut PgConnection,
    user_id: Uuid,
    base_url: &str,
    now: DateTime<Utc>,
) -> AppResult<()> {
    // Features first: freeing an event place tells the next person on the
    // waitlist, and that notice must not be queued for the leaving member.
    groups::member_data::erase_member(conn, user_id).await?;
    events::member_data::erase_member(conn, user_id, base_url, now).await?;
    support::member_data::erase_member(conn, user_id).await?;
    courses::member_data::erase_member(conn, user_id).await?;
    // Library and service-map contributions stay as they are (see their
    // `member_data`): nothing of them to erase.
    members::lifecycle::delete_account(conn, user_id, now).await?;
    Ok(())
}
