//! SQL for members.

use sqlx::{PgConnection, PgExecutor};
use uuid::Uuid;

use super::Role;
use crate::text::search::slugify;

/// What the command line needs to know about a member.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct UserSummary {
    pub user_id: Uuid,
    pub email: String,
    pub name: String,
    pub handle: String,
    pub role: String,
}

pub struct NewUser<'a> {
    pub email: &'a str,
    pub name: &'a str,
    pub role: Role,
    pub password_hash: &'a str,
    pub locale: &'a str,
    pub verified: bool,
}

pub async fn find_user_by_email(
    executor: impl PgExecutor<'_>,
    email: &str,
) -> sqlx::Result<Option<UserSummary>> {
    sqlx::query_as("SELECT user_id, email, name, handle, role FROM users WHERE email = lower($1)")
        .bind(email)
        .fetch_optional(executor)
        .await
}

/// Creates a member with a handle derived from the name ("Ana Petrović" →
/// "ana-petrovic", then "ana-petrovic-2", …).
pub async fn create_user(conn: &mut PgConnection, user: &NewUser<'_>) -> sqlx::Result<UserSummary> {
    let handle = free_handle(&mut *conn, user.name).await?;
    sqlx::query_as(
        r#"
        INSERT INTO users (email, name, handle, role, password_hash, locale, email_verified_at)
        VALUES (lower($1), $2, $3, $4, $5, $6, CASE WHEN $7 THEN now() END)
        RETURNING user_id, email, name, handle, role
        "#,
    )
    .bind(user.email)
    .bind(user.name)
    .bind(&handle)
    .bind(user.role.as_str())
    .bind(user.password_hash)
    .bind(user.locale)
    .bind(user.verified)
    .fetch_one(conn)
    .await
}

async fn free_handle(conn: &mut PgConnection, name: &str) -> sqlx::Result<String> {
    let base = match slugify(name) {
        slug if slug.is_empty() => "clan".to_owned(),
        slug => slug.chars().take(40).collect(),
    };
    let taken: Vec<String> =
        sqlx::query_scalar("SELECT handle FROM users WHERE handle = $1 OR handle LIKE $1 || '-%'")
            .bind(&base)
            .fetch_all(conn)
            .await?;
    if !taken.contains(&base) {
        return Ok(base);
    }
    Ok((2..)
        .map(|n| format!("{base}-{n}"))
        .find(|h| !taken.contains(h))
        .expect("an unbounded range has a free number"))
}
