//! Limits on how often one member, address or client may do something
//! costly or abusable: registering, asking for password resets, posting,
//! uploading, guessing check-in codes, suggesting services. Counted in
//! PostgreSQL, so N instances behind a load balancer enforce one limit, not
//! N (an in-process limiter such as tower_governor would multiply it).
//! Sign-in has its own, older throttle (`members::throttle`).
//!
//! A refused action is a form error beside the form, with the member's
//! text kept; nothing is counted for a form that fails its own checks.
//!
//! Check and count happen under a transaction-scoped advisory lock on the
//! (bucket, key): under READ COMMITTED, two requests counting at the same
//! time would both see room for one more and both go ahead (a single
//! count-then-insert statement too, as both read the same snapshot). The
//! lock makes them queue, per key only, on every instance alike.

use chrono::{DateTime, Duration, Utc};
use sqlx::{PgConnection, PgExecutor, PgPool};

use crate::i18n::{self, Args, Locale};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    /// New accounts from one client address.
    Registration,
    /// Reset mails asked for from one client address…
    PasswordResetByClient,
    /// …and to one address (so nobody is mail-bombed).
    PasswordResetByAddress,
    /// Threads and replies by one member.
    Posting,
    /// Library files by one member.
    Upload,
    /// Check-in codes tried by one member for one event.
    CheckIn,
    /// Service-map suggestions and corrections by one member.
    Suggestion,
}

impl Limit {
    fn bucket(self) -> &'static str {
        match self {
            Limit::Registration => "registration",
            Limit::PasswordResetByClient => "reset-client",
            Limit::PasswordResetByAddress => "reset-address",
            Limit::Posting => "posting",
            Limit::Upload => "upload",
            Limit::CheckIn => "check-in",
            Limit::Suggestion => "suggestion",
        }
    }

    /// How many in how long. Generous for people, tight for scripts.
    pub fn allowance(self) -> (i64, Duration) {
        match self {
            Limit::Registration => (10, Duration::hours(1)),
            Limit::PasswordResetByClient => (10, Duration::hours(1)),
            Limit::PasswordResetByAddress => (3, Duration::hours(1)),
            Limit::Posting => (20, Duration::minutes(10)),
            Limit::Upload => (20, Duration::hours(1)),
            Limit::CheckIn => (10, Duration::hours(1)),
            Limit::Suggestion => (30, Duration::hours(1)),
        }
    }

    /// What a refused person reads beside the field: the limit itself ("at
    /// most 10 an hour"), so she knows how long to wait and that her text
    /// is kept, rather than a vague "wait a little".
    pub fn message(self, locale: Locale) -> String {
        let (max, window) = self.allowance();
        let args = Args::new().with("max", max);
        if window == Duration::hours(1) {
            i18n::t_args(locale, "rate-limited-hour", &args)
        } else {
            let args = args.with("minutes", window.num_minutes());
            i18n::t_args(locale, "rate-limited-minutes", &args)
        }
    }
}

/// Counts one action under `key` and says whether it is within the limit.
/// An action over the limit is not counted, so waiting always helps.
/// Opens its own short transaction, so the count is committed before the
/// (possibly slow) action runs and other requests see it at once.
pub async fn allow(
    pool: &PgPool,
    limit: Limit,
    key: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<bool> {
    let (max, window) = limit.allowance();
    let mut tx = pool.begin().await?;
    lock_key(&mut tx, limit.bucket(), key).await?;
    // A statement of its own after the lock, so its snapshot includes every
    // action counted by whoever held the lock before.
    let allowed = sqlx::query_scalar(
        r#"
        WITH recent AS (
            SELECT count(*) AS n FROM rate_events
            WHERE bucket = $1 AND key = $2 AND at > $3 - $5 * interval '1 second'
        ), counted AS (
            INSERT INTO rate_events (bucket, key, at)
            SELECT $1, $2, $3 FROM recent WHERE n < $4
            RETURNING 1
        )
        SELECT EXISTS (SELECT 1 FROM counted)
        "#,
    )
    .bind(limit.bucket())
    .bind(key)
    .bind(now)
    .bind(max)
    .bind(window.num_seconds() as f64)
    .fetch_one(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(allowed)
}

/// Waits for, and holds until the end of the transaction, the advisory
/// lock of (`bucket`, `key`). Shared with the sign-in throttle.
pub async fn lock_key(conn: &mut PgConnection, bucket: &str, key: &str) -> sqlx::Result<()> {
    sqlx::query("SELECT pg_advisory_xact_lock(hashtextextended($1 || ':' || $2, 0))")
        .bind(bucket)
        .bind(key)
        .execute(conn)
        .await?;
    Ok(())
}

/// Forgets actions older than any window (run by the scheduler).
pub async fn prune(executor: impl PgExecutor<'_>, now: DateTime<Utc>) -> sqlx::Result<u64> {
    let done = sqlx::query("DELETE FROM rate_events WHERE at < $1 - interval '1 day'")
        .bind(now)
        .execute(executor)
        .await?;
    Ok(done.rows_affected())
}
