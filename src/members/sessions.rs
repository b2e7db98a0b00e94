//! Sessions in PostgreSQL. The cookie holds a random token; the table holds
//! only its SHA-256, so a leaked database does not sign anyone in. Sign-in
//! always creates a new session (no fixation); sign-out, "sign out
//! everywhere", a password reset and blocking delete rows.

use chrono::{DateTime, Duration, Utc};
use sha2::{Digest, Sha256};
use sqlx::PgExecutor;
use uuid::Uuid;

use crate::web::context::new_token;
use crate::web::current_user::CurrentUser;

pub const COOKIE: &str = "kolega_session";
/// "Remember me": thirty days, renewed while used.
pub const REMEMBERED_FOR: Duration = Duration::days(30);
/// Otherwise: a browser-session cookie, and twelve idle hours on the server.
pub const IDLE_LIMIT: Duration = Duration::hours(12);
/// `last_seen_at` is written at most this often per session.
const TOUCH_EVERY: Duration = Duration::minutes(1);

pub fn hash(token: &str) -> Vec<u8> {
    Sha256::digest(token.as_bytes()).to_vec()
}

fn lifetime(remember: bool) -> Duration {
    if remember { REMEMBERED_FOR } else { IDLE_LIMIT }
}

/// Creates a session and returns the token for the cookie.
pub async fn create(
    executor: impl PgExecutor<'_>,
    user_id: Uuid,
    remember: bool,
    now: DateTime<Utc>,
) -> sqlx::Result<String> {
    let token = new_token();
    sqlx::query(
        "INSERT INTO sessions (session_hash, user_id, remember, created_at, last_seen_at, expires_at)
         VALUES ($1, $2, $3, $4, $4, $5)",
    )
    .bind(hash(&token))
    .bind(user_id)
    .bind(remember)
    .bind(now)
    .bind(now + lifetime(remember))
    .execute(executor)
    .await?;
    Ok(token)
}

/// The member behind a session token, if the session is alive and the
/// member neither blocked nor deleted. Keeps an active session alive.
pub async fn load(
    pool: &sqlx::PgPool,
    token: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<Option<CurrentUser>> {
    let session_hash = hash(token);
    let found: Option<(CurrentUser, DateTime<Utc>, bool)> = sqlx::query_as(
        r#"
        SELECT u.user_id, u.name, u.handle, u.email, u.role, u.locale,
               u.email_verified_at IS NOT NULL AS verified, u.approval,
               (SELECT count(*) FROM (SELECT 1 FROM notifications n
                                      WHERE n.user_id = u.user_id AND n.read_at IS NULL
                                      LIMIT 100) AS unread) AS unread_notifications,
               moderation_waiting(u.user_id, u.role IN ('moderator', 'admin')) AS moderation_waiting,
               s.last_seen_at, s.remember
        FROM sessions s
        JOIN users u USING (user_id)
        WHERE s.session_hash = $1 AND s.expires_at > $2
          AND u.blocked_at IS NULL AND u.deleted_at IS NULL
        "#,
    )
    .bind(&session_hash)
    .bind(now)
    .fetch_optional(pool)
    .await?
    .map(|row: CurrentUserRow| (row.user, row.last_seen_at, row.remember));
    let Some((mut user, last_seen, remember)) = found else {
        return Ok(None);
    };
    if now - last_seen > TOUCH_EVERY {
        sqlx::query(
            "UPDATE sessions SET last_seen_at = $2, expires_at = $3 WHERE session_hash = $1",
        )
        .bind(&session_hash)
        .bind(now)
        .bind(now + lifetime(remember))
        .execute(pool)
        .await?;
    }
    user.session_hash = session_hash;
    Ok(Some(user))
}

#[derive(sqlx::FromRow)]
struct CurrentUserRow {
    #[sqlx(flatten)]
    user: CurrentUser,
    last_seen_at: DateTime<Utc>,
    remember: bool,
}

pub async fn delete(executor: impl PgExecutor<'_>, session_hash: &[u8]) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM sessions WHERE session_hash = $1")
        .bind(session_hash)
        .execute(executor)
        .await?;
    Ok(())
}

/// Ends every session of a member, except `keep` if given.
pub async fn delete_all_for_user(
    executor: impl PgExecutor<'_>,
    user_id: Uuid,
    keep: Option<&[u8]>,
) -> sqlx::Result<u64> {
    let result = sqlx::query(
        "DELETE FROM sessions WHERE user_id = $1 AND ($2::bytea IS NULL OR session_hash <> $2)",
    )
    .bind(user_id)
    .bind(keep)
    .execute(executor)
    .await?;
    Ok(result.rows_affected())
}

pub async fn count_for_user(
    executor: impl PgExecutor<'_>,
    user_id: Uuid,
    now: DateTime<Utc>,
) -> sqlx::Result<i64> {
    sqlx::query_scalar("SELECT count(*) FROM sessions WHERE user_id = $1 AND expires_at > $2")
        .bind(user_id)
        .bind(now)
        .fetch_one(executor)
        .await
}
