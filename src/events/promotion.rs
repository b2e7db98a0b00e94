//! Telling the person who moved up from the waitlist: after a member
//! cancels, after an organiser makes room, and when a registered member
//! deletes her account (`account_data`).

use chrono::{DateTime, Utc};
use sqlx::PgConnection;
use uuid::Uuid;

use crate::events::emails::{self, Notice};
use crate::events::store::EventView;
use crate::members::store as members_store;
use crate::notify::{Recipient, notify};
use crate::web::AppResult;

/// Queues the "you have a place" notice for `user_id`.
pub async fn tell_promoted(
    conn: &mut PgConnection,
    base_url: &str,
    event: &EventView,
    user_id: Uuid,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let Some(person) = members_store::find_user_by_id(&mut *conn, user_id).await? else {
        return Ok(());
    };
    let locale = members_store::locale_of(&mut *conn, user_id).await?;
    let to = Recipient::new(user_id, &person.email, &person.name, locale.tag());
    let e = to.email_context(base_url);
    let notification = emails::notice(&e, &person.name, event, Notice::Promoted, true);
    notify(conn, base_url, &to, notification, now).await?;
    Ok(())
}
