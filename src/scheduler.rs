//! Periodic jobs that run beside the mail worker (in `serve`, or in
//! `kolega worker`): for now, re-sending unanswered peer-support requests.
//! Each job claims its rows with `SKIP LOCKED`, so several instances can
//! run the scheduler at once.

use std::time::Duration;

use sqlx::PgPool;
use tokio::sync::watch;

use crate::clock::Clock;

const EVERY: Duration = Duration::from_secs(300);

pub async fn run(
    pool: PgPool,
    base_url: String,
    clock: Clock,
    mut shutdown: watch::Receiver<bool>,
) {
    while !*shutdown.borrow() {
        match crate::support::jobs::resend_unanswered(&pool, &base_url, clock.now()).await {
            Ok(0) => {}
            Ok(count) => {
                tracing::info!(count, "unanswered support requests sent to the team again")
            }
            Err(error) => tracing::warn!(%error, "the scheduler could not run; will try again"),
        }
        tokio::select! {
            _ = tokio::time::sleep(EVERY) => {}
            _ = shutdown.changed() => {}
        }
    }
}
