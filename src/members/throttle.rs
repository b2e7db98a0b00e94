//! Sign-in throttling: failed attempts are counted per e-mail address
//! (whether or not an account has it, so the limit reveals nothing) and per
//! client address, in PostgreSQL so every instance sees the same counts.
//!
//! An attempt is counted as a failure *before* the password is checked
//! (`reserve`), under advisory locks on the address and the client, and
//! forgiven when the password was right. Checking first and counting after
//! the (slow, argon2) password check would let every attempt sent at the
//! same moment through to the check: fifty guesses at once, not five.

use chrono::{DateTime, Duration, Utc};
use sqlx::{PgExecutor, PgPool};

use crate::web::rate_limit::lock_key;

pub const WINDOW: Duration = Duration::minutes(15);
pub const PER_ACCOUNT: i64 = 5;
pub const PER_IP: i64 = 20;

/// When sign-in may be tried again, if it is locked now.
async fn locked_until(
    executor: impl PgExecutor<'_>,
    email: &str,
    ip: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<Option<DateTime<Utc>>> {
    let since = now - WINDOW;
    let row: (Option<DateTime<Utc>>, Option<DateTime<Utc>>) = sqlx::query_as(
        r#"
        SELECT
          (SELECT min(failed_at) FROM (SELECT failed_at FROM login_failures
             WHERE email = $1 AND failed_at > $3 ORDER BY failed_at DESC LIMIT $4) AS recent
           HAVING count(*) >= $4),
          (SELECT min(failed_at) FROM (SELECT failed_at FROM login_failures
             WHERE ip = $2 AND failed_at > $3 ORDER BY failed_at DESC LIMIT $5) AS recent
           HAVING count(*) >= $5)
        "#,
    )
    .bind(email)
    .bind(ip)
    .bind(since)
    .bind(PER_ACCOUNT)
    .bind(PER_IP)
    .fetch_one(executor)
    .await?;
    // Locked until the oldest of the last N failures leaves the window.
    Ok([row.0, row.1]
        .into_iter()
        .flatten()
        .map(|oldest| oldest + WINDOW)
        .max())
}

/// One sign-in attempt, already counted as a failure until [`release`]d.
#[derive(Debug)]
#[must_use = "a right password must release the attempt"]
pub struct Attempt {
    login_failure_id: i64,
}

/// Counts one attempt for `email` from `ip`, or says until when sign-in is
/// locked (and counts nothing, so waiting always helps).
pub async fn reserve(
    pool: &PgPool,
    email: &str,
    ip: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<Result<Attempt, DateTime<Utc>>> {
    let mut tx = pool.begin().await?;
    // Always the address before the client: a request waiting for a client
    // lock holds only its address lock, so no two requests wait for each other.
    lock_key(&mut tx, "login-email", email).await?;
    lock_key(&mut tx, "login-ip", ip).await?;
    if let Some(until) = locked_until(&mut *tx, email, ip, now).await? {
        tx.rollback().await?;
        return Ok(Err(until));
    }
    let login_failure_id = sqlx::query_scalar(
        "WITH pruned AS (DELETE FROM login_failures WHERE failed_at < $3 - interval '1 day')
         INSERT INTO login_failures (email, ip, failed_at) VALUES ($1, $2, $3)
         RETURNING login_failure_id",
    )
    .bind(email)
    .bind(ip)
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(Ok(Attempt { login_failure_id }))
}

/// The password was right: the attempt was no failure.
pub async fn release(executor: impl PgExecutor<'_>, attempt: Attempt) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM login_failures WHERE login_failure_id = $1")
        .bind(attempt.login_failure_id)
        .execute(executor)
        .await?;
    Ok(())
}

/// A successful sign-in forgets the account's failures (its own attempt
/// among them).
pub async fn clear(
    executor: impl PgExecutor<'_>,
    email: &str,
    _attempt: Attempt,
) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM login_failures WHERE email = $1")
        .bind(email)
        .execute(executor)
        .await?;
    Ok(())
}
