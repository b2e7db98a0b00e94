//! Periodic jobs that run beside the mail worker (in `serve`, or in
//! `kolega worker`): re-sending unanswered peer-support requests, event
//! reminders, the cohorts' weekly reminders, the retention of supervision
//! cases and notes, the daily digests, and the text of new library files.
//! Each job claims its rows with `SKIP LOCKED`, so several instances can
//! run the scheduler at once.

use std::time::Duration;

use sqlx::PgPool;
use tokio::sync::watch;

use crate::clock::Clock;

/// Often enough for the one-hour event reminder to leave on time.
const EVERY: Duration = Duration::from_secs(60);
/// Leftovers of crashed uploads are looked for this often (it walks the store).
const SWEEP_EVERY: Duration = Duration::from_secs(3600);

pub async fn run(
    pool: PgPool,
    base_url: String,
    files: crate::library::files::FileStore,
    clock: Clock,
    request_timeout: Duration,
    mut shutdown: watch::Receiver<bool>,
) {
    // At start, then every SWEEP_EVERY.
    let mut last_sweep: Option<std::time::Instant> = None;
    while !*shutdown.borrow() {
        if last_sweep.is_none_or(|at| at.elapsed() >= SWEEP_EVERY) {
            last_sweep = Some(std::time::Instant::now());
            match files.sweep(&pool, request_timeout * 2).await {
                Ok(swept) if swept == Default::default() => {}
                Ok(swept) => tracing::info!(
                    temporary = swept.temporary,
                    unreferenced = swept.unreferenced,
                    "crashed uploads cleaned up"
                ),
                Err(error) => {
                    tracing::warn!(%error, "the file store could not be swept; will try again")
                }
            }
        }
        match crate::support::jobs::resend_unanswered(&pool, &base_url, clock.now()).await {
            Ok(0) => {}
            Ok(count) => {
                tracing::info!(count, "unanswered support requests sent to the team again")
            }
            Err(error) => tracing::warn!(%error, "the scheduler could not run; will try again"),
        }
        match crate::events::reminders::send_due(&pool, &base_url, clock.now()).await {
            Ok(0) => {}
            Ok(count) => tracing::info!(count, "event reminders queued"),
            Err(error) => {
                tracing::warn!(%error, "event reminders could not be sent; will try again")
            }
        }
        match crate::events::supervision::apply_retention(&pool, &base_url, clock.now()).await {
            Ok((0, 0)) => {}
            Ok((warned, deleted)) => {
                tracing::info!(warned, deleted, "supervision retention applied")
            }
            Err(error) => {
                tracing::warn!(%error, "supervision retention could not run; will try again")
            }
        }
        match crate::courses::reminders::send_due(&pool, &base_url, clock.now()).await {
            Ok(0) => {}
            Ok(count) => tracing::info!(count, "cohort reminders queued"),
            Err(error) => {
                tracing::warn!(%error, "cohort reminders could not be sent; will try again")
            }
        }
        match crate::notify::digest::send_due(&pool, &base_url, clock.now()).await {
            Ok(0) => {}
            Ok(count) => tracing::info!(count, "daily digests queued"),
            Err(error) => tracing::warn!(%error, "daily digests could not be sent; will try again"),
        }
        if let Err(error) = crate::web::rate_limit::prune(&pool, clock.now()).await {
            tracing::warn!(%error, "old rate-limit counts could not be pruned; will try again");
        }
        match crate::library::extract::extract_pending(&pool, &files, clock.now()).await {
            Ok(0) => {}
            Ok(count) => tracing::info!(count, "text extracted from library files"),
            Err(error) => tracing::warn!(%error, "library text extraction failed; will try again"),
        }
        tokio::select! {
            _ = tokio::time::sleep(EVERY) => {}
            _ = shutdown.changed() => {}
        }
    }
}
