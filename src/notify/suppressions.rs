//! Addresses Kolega stops mailing: a hard bounce stops them at once; SMTP
//! refusals (and soft bounces) count up, and the third in a row stops them.
//! A delivered mail wipes the count. The member sees a notice in their
//! notification settings and can ask Kolega to try again.
//! Account-critical mail (password reset, verification) still goes: the
//! member asked for it, and it is how they find out their mailbox works.

use chrono::{DateTime, Utc};
use sqlx::PgExecutor;

/// Refusals in a row after which an address is suppressed.
pub const REFUSALS_TO_SUPPRESS: i32 = 3;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Suppression {
    pub refusals: i32,
    pub last_error: String,
    pub suppressed_at: Option<DateTime<Utc>>,
}

/// Counts one refusal; returns whether the address is now suppressed.
pub async fn record_refusal(
    executor: impl PgExecutor<'_>,
    address: &str,
    error: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<bool> {
    sqlx::query_scalar(
        r#"
        INSERT INTO email_suppressions AS s (address, refusals, last_error, last_refusal_at, suppressed_at)
        VALUES (lower($1), 1, $2, $3, CASE WHEN 1 >= $4 THEN $3 END)
        ON CONFLICT (address) DO UPDATE
        SET refusals = s.refusals + 1,
            last_error = EXCLUDED.last_error,
            last_refusal_at = EXCLUDED.last_refusal_at,
            suppressed_at = COALESCE(s.suppressed_at, CASE WHEN s.refusals + 1 >= $4 THEN $3 END)
        RETURNING suppressed_at IS NOT NULL
        "#,
    )
    .bind(address)
    .bind(truncate(error))
    .bind(now)
    .bind(REFUSALS_TO_SUPPRESS)
    .fetch_one(executor)
    .await
}

/// A hard bounce (or a spam complaint): no more mail at once.
pub async fn suppress(
    executor: impl PgExecutor<'_>,
    address: &str,
    error: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query(
        r#"
        INSERT INTO email_suppressions AS s (address, refusals, last_error, last_refusal_at, suppressed_at)
        VALUES (lower($1), 1, $2, $3, $3)
        ON CONFLICT (address) DO UPDATE
        SET refusals = s.refusals + 1, last_error = EXCLUDED.last_error,
            last_refusal_at = EXCLUDED.last_refusal_at,
            suppressed_at = COALESCE(s.suppressed_at, EXCLUDED.suppressed_at)
        "#,
    )
    .bind(address)
    .bind(truncate(error))
    .bind(now)
    .execute(executor)
    .await?;
    Ok(())
}

/// A mail got through: earlier refusals were passing trouble.
pub async fn clear_refusals(executor: impl PgExecutor<'_>, address: &str) -> sqlx::Result<()> {
    sqlx::query(
        "DELETE FROM email_suppressions WHERE address = lower($1) AND suppressed_at IS NULL",
    )
    .bind(address)
    .execute(executor)
    .await?;
    Ok(())
}

/// The member says their mailbox works again.
pub async fn lift(executor: impl PgExecutor<'_>, address: &str) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM email_suppressions WHERE address = lower($1)")
        .bind(address)
        .execute(executor)
        .await?;
    Ok(())
}

pub async fn find(
    executor: impl PgExecutor<'_>,
    address: &str,
) -> sqlx::Result<Option<Suppression>> {
    sqlx::query_as(
        "SELECT refusals, last_error, suppressed_at FROM email_suppressions WHERE address = lower($1)",
    )
    .bind(address)
    .fetch_optional(executor)
    .await
}

fn truncate(error: &str) -> String {
    error.chars().take(500).collect()
}
