//! Periodic peer-support work: unanswered requests go to the team again
//! after 24 hours.

use chrono::{DateTime, Utc};
use sqlx::PgPool;

use super::{emails, store};
use crate::notify::email::EmailContext;

/// Re-sends unanswered requests to the team; returns how many.
pub async fn resend_unanswered(
    pool: &PgPool,
    base_url: &str,
    now: DateTime<Utc>,
) -> anyhow::Result<usize> {
    let mut tx = pool.begin().await?;
    let due = store::due_for_resend(&mut tx, now).await?;
    if !due.is_empty() {
        for member in store::team(&mut *tx).await? {
            let build = |e: &EmailContext| emails::team_request(e, &member.name, true);
            super::routes::tell(&mut tx, base_url, &member, build, now).await?;
        }
    }
    tx.commit().await?;
    Ok(due.len())
}
