//! Sign-in throttling: failed attempts are counted per e-mail address
//! (whether or not an account has it, so the limit reveals nothing) and per
//! client address, in PostgreSQL so every instance sees the same counts.

use chrono::{DateTime, Duration, Utc};
use sqlx::PgExecutor;

pub const WINDOW: Duration = Duration::minutes(15);
pub const PER_ACCOUNT: i64 = 5;
pub const PER_IP: i64 = 20;

/// When sign-in may be tried again, if it is locked now.
pub async fn locked_until(
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

pub async fn record_failure(
    executor: impl PgExecutor<'_>,
    email: &str,
    ip: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query(
        "WITH pruned AS (DELETE FROM login_failures WHERE failed_at < $3 - interval '1 day')
         INSERT INTO login_failures (email, ip, failed_at) VALUES ($1, $2, $3)",
    )
    .bind(email)
    .bind(ip)
    .bind(now)
    .execute(executor)
    .await?;
    Ok(())
}

/// A successful sign-in forgets the account's failures.
pub async fn clear(executor: impl PgExecutor<'_>, email: &str) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM login_failures WHERE email = $1")
        .bind(email)
        .execute(executor)
        .await?;
    Ok(())
}
