//! One-time links sent by e-mail: e-mail verification (48 hours) and
//! password reset (1 hour). Only a hash of the token is stored; a token
//! works once.

use chrono::{DateTime, Duration, Utc};
use sqlx::PgExecutor;
use uuid::Uuid;

use super::sessions::hash;
use crate::web::context::new_token;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    VerifyEmail,
    ResetPassword,
}

impl Purpose {
    fn as_str(self) -> &'static str {
        match self {
            Purpose::VerifyEmail => "verify_email",
            Purpose::ResetPassword => "reset_password",
        }
    }

    pub fn lifetime(self) -> Duration {
        match self {
            Purpose::VerifyEmail => Duration::hours(48),
            Purpose::ResetPassword => Duration::hours(1),
        }
    }
}

/// A token's owner and the address it was sent to.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct TokenOwner {
    pub user_id: Uuid,
    pub email: String,
}

/// Issues a token for `email` (the address being verified, or the account's).
pub async fn issue(
    executor: impl PgExecutor<'_>,
    user_id: Uuid,
    purpose: Purpose,
    email: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<String> {
    let token = new_token();
    sqlx::query(
        "INSERT INTO account_tokens (token_hash, user_id, purpose, email, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(hash(&token))
    .bind(user_id)
    .bind(purpose.as_str())
    .bind(email)
    .bind(now)
    .bind(now + purpose.lifetime())
    .execute(executor)
    .await?;
    Ok(token)
}

/// The owner of a valid, unused token, without using it up.
pub async fn peek(
    executor: impl PgExecutor<'_>,
    token: &str,
    purpose: Purpose,
    now: DateTime<Utc>,
) -> sqlx::Result<Option<TokenOwner>> {
    sqlx::query_as(
        "SELECT user_id, email FROM account_tokens
         WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3",
    )
    .bind(hash(token))
    .bind(purpose.as_str())
    .bind(now)
    .fetch_optional(executor)
    .await
}

/// Uses a token up; `None` if it is unknown, used or expired.
pub async fn consume(
    executor: impl PgExecutor<'_>,
    token: &str,
    purpose: Purpose,
    now: DateTime<Utc>,
) -> sqlx::Result<Option<TokenOwner>> {
    sqlx::query_as(
        "UPDATE account_tokens SET used_at = $3
         WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3
         RETURNING user_id, email",
    )
    .bind(hash(token))
    .bind(purpose.as_str())
    .bind(now)
    .fetch_optional(executor)
    .await
}

/// Voids a member's outstanding tokens of one kind (after a new one is sent
/// or the password changed).
pub async fn void_all(
    executor: impl PgExecutor<'_>,
    user_id: Uuid,
    purpose: Purpose,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE account_tokens SET used_at = $3 WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL")
        .bind(user_id)
        .bind(purpose.as_str())
        .bind(now)
        .execute(executor)
        .await?;
    Ok(())
}
