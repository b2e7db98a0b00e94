//! SQL for members: accounts, profiles, the directory and administration.

use chrono::{DateTime, Utc};
use sqlx::{PgConnection, PgExecutor};
use uuid::Uuid;

use super::profile::Profile;
use super::{Approval, Role};
use crate::text::search::{normalize, slugify};

/// What the command line and administrators need to know about a member.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct UserSummary {
    pub user_id: Uuid,
    pub email: String,
    pub name: String,
    pub handle: String,
    pub role: Role,
}

pub struct NewUser<'a> {
    pub email: &'a str,
    pub name: &'a str,
    pub role: Role,
    pub password_hash: &'a str,
    pub locale: &'a str,
    pub verified: bool,
}

/// Registration details beyond [`NewUser`].
#[derive(Debug, Clone, Default)]
pub struct Background {
    pub profession: String,
    pub country: String,
    pub city: String,
    pub institution: String,
}

/// What sign-in needs to decide.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct LoginRecord {
    pub user_id: Uuid,
    pub email: String,
    pub name: String,
    pub password_hash: String,
    pub blocked: bool,
    pub approval: Approval,
    pub verified: bool,
    pub locale: String,
}

pub async fn find_user_by_email(
    executor: impl PgExecutor<'_>,
    email: &str,
) -> sqlx::Result<Option<UserSummary>> {
    sqlx::query_as("SELECT user_id, email, name, handle, role FROM users WHERE email = lower($1) AND deleted_at IS NULL")
        .bind(email)
        .fetch_optional(executor)
        .await
}

pub async fn find_user_by_id(
    executor: impl PgExecutor<'_>,
    user_id: Uuid,
) -> sqlx::Result<Option<UserSummary>> {
    sqlx::query_as("SELECT user_id, email, name, handle, role FROM users WHERE user_id = $1 AND deleted_at IS NULL")
        .bind(user_id)
        .fetch_optional(executor)
        .await
}

pub async fn find_login(
    executor: impl PgExecutor<'_>,
    email: &str,
) -> sqlx::Result<Option<LoginRecord>> {
    sqlx::query_as(
        "SELECT user_id, email, name, password_hash, blocked_at IS NOT NULL AS blocked, approval,
                email_verified_at IS NOT NULL AS verified, locale
         FROM users WHERE email = lower($1) AND deleted_at IS NULL",
    )
    .bind(email)
    .fetch_optional(executor)
    .await
}

/// Creates a member with a handle derived from the name ("Ana Petrović" →
/// "ana-petrovic", then "ana-petrovic-2", …).
pub async fn create_user(conn: &mut PgConnection, user: &NewUser<'_>) -> sqlx::Result<UserSummary> {
    create_member(
        conn,
        user,
        &Background {
            profession: profession_for(user.role).into(),
            country: "RS".into(),
            ..Background::default()
        },
    )
    .await
}

fn profession_for(role: Role) -> &'static str {
    match role {
        Role::Student => "student",
        Role::Teacher => "teacher",
        _ => "practitioner",
    }
}

pub async fn create_member(
    conn: &mut PgConnection,
    user: &NewUser<'_>,
    background: &Background,
) -> sqlx::Result<UserSummary> {
    let handle = free_handle(&mut *conn, user.name).await?;
    sqlx::query_as(
        r#"
        INSERT INTO users (email, name, handle, role, password_hash, locale, email_verified_at,
                           profession, country, city, institution, search_text, guidelines_accepted_at)
        VALUES (lower($1), $2, $3, $4, $5, $6, CASE WHEN $7 THEN now() END,
                $8, $9, $10, $11, $12, now())
        RETURNING user_id, email, name, handle, role
        "#,
    )
    .bind(user.email)
    .bind(user.name)
    .bind(&handle)
    .bind(user.role)
    .bind(user.password_hash)
    .bind(user.locale)
    .bind(user.verified)
    .bind(&background.profession)
    .bind(&background.country)
    .bind(&background.city)
    .bind(&background.institution)
    .bind(search_text(user.name, &background.institution, &background.city))
    .fetch_one(conn)
    .await
}

/// The directory searches this: name, institution and city, normalised.
pub fn search_text(name: &str, institution: &str, city: &str) -> String {
    normalize(&format!("{name} {institution} {city}"))
}

/// A handle nobody has. Two people of the same name joining at the same
/// moment would pick the same one: the transaction-scoped advisory lock on
/// the base handle makes the second wait until the first has committed.
async fn free_handle(conn: &mut PgConnection, name: &str) -> sqlx::Result<String> {
    let base = match slugify(name) {
        slug if slug.is_empty() => "clan".to_owned(),
        slug => slug.chars().take(40).collect(),
    };
    sqlx::query("SELECT pg_advisory_xact_lock(hashtext('handle:' || $1))")
        .bind(&base)
        .execute(&mut *conn)
        .await?;
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

/// Marks `email` verified for the member (it may be a new address being
/// confirmed). `approval` is what a newly verified member's approval
/// becomes when it was not decided before.
pub async fn mark_verified(
    executor: impl PgExecutor<'_>,
    user_id: Uuid,
    email: &str,
    needs_approval: bool,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE users SET email = $2, email_verified_at = $3, updated_at = $3,
                approval = CASE WHEN email_verified_at IS NULL AND $4 THEN 'pending' ELSE approval END
         WHERE user_id = $1",
    )
    .bind(user_id)
    .bind(email)
    .bind(now)
    .bind(needs_approval)
    .execute(executor)
    .await?;
    Ok(())
}

pub async fn set_password(
    executor: impl PgExecutor<'_>,
    user_id: Uuid,
    password_hash: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE users SET password_hash = $2, updated_at = $3 WHERE user_id = $1")
        .bind(user_id)
        .bind(password_hash)
        .bind(now)
        .execute(executor)
        .await?;
    Ok(())
}

pub async fn password_hash(executor: impl PgExecutor<'_>, user_id: Uuid) -> sqlx::Result<String> {
    sqlx::query_scalar("SELECT password_hash FROM users WHERE user_id = $1")
        .bind(user_id)
        .fetch_one(executor)
        .await
}

pub async fn set_locale(
    executor: impl PgExecutor<'_>,
    user_id: Uuid,
    locale: &str,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE users SET locale = $2 WHERE user_id = $1")
        .bind(user_id)
        .bind(locale)
        .execute(executor)
        .await?;
    Ok(())
}

const PROFILE_COLUMNS: &str =
    "user_id, name, handle, role, profession, institution, city, country, expertise, bio";

pub async fn profile_by_handle(
    executor: impl PgExecutor<'_>,
    handle: &str,
) -> sqlx::Result<Option<Profile>> {
    sqlx::query_as(&format!(
        "SELECT {PROFILE_COLUMNS} FROM users WHERE handle = $1 AND deleted_at IS NULL"
    ))
    .bind(handle)
    .fetch_optional(executor)
    .await
}

pub async fn profile_by_id(executor: impl PgExecutor<'_>, user_id: Uuid) -> sqlx::Result<Profile> {
    sqlx::query_as(&format!(
        "SELECT {PROFILE_COLUMNS} FROM users WHERE user_id = $1"
    ))
    .bind(user_id)
    .fetch_one(executor)
    .await
}

/// The member's own editable settings.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OwnSettings {
    pub name: String,
    pub email: String,
    pub bio: String,
    pub expertise: String,
    pub institution: String,
    pub city: String,
    pub country: String,
    pub locale: String,
    pub listed_in_directory: bool,
    pub shown_online: bool,
}

pub async fn own_settings(
    executor: impl PgExecutor<'_>,
    user_id: Uuid,
) -> sqlx::Result<OwnSettings> {
    sqlx::query_as(
        "SELECT name, email, bio, expertise, institution, city, country, locale, listed_in_directory,
                shown_online
         FROM users WHERE user_id = $1",
    )
    .bind(user_id)
    .fetch_one(executor)
    .await
}

pub async fn update_settings(
    executor: impl PgExecutor<'_>,
    user_id: Uuid,
    s: &OwnSettings,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE users SET name = $2, bio = $3, expertise = $4, institution = $5, city = $6, country = $7,
                locale = $8, listed_in_directory = $9, search_text = $10, updated_at = $11,
                shown_online = $12
         WHERE user_id = $1",
    )
    .bind(user_id)
    .bind(&s.name)
    .bind(&s.bio)
    .bind(&s.expertise)
    .bind(&s.institution)
    .bind(&s.city)
    .bind(&s.country)
    .bind(&s.locale)
    .bind(s.listed_in_directory)
    .bind(search_text(&s.name, &s.institution, &s.city))
    .bind(now)
    .bind(s.shown_online)
    .execute(executor)
    .await?;
    Ok(())
}

/// Directory filters, all optional.
#[derive(Debug, Clone, Default)]
pub struct DirectoryQuery {
    /// Already normalised with [`normalize`].
    pub words: String,
    pub role: Option<String>,
    pub country: Option<String>,
    /// Keyset cursor: the last member of the previous page.
    pub after: Option<Uuid>,
    pub limit: i64,
}

/// Listed, active members matching the query, by name.
pub async fn directory(
    executor: impl PgExecutor<'_>,
    query: &DirectoryQuery,
) -> sqlx::Result<Vec<Profile>> {
    sqlx::query_as(&format!(
        r#"
        SELECT {PROFILE_COLUMNS} FROM users
        WHERE deleted_at IS NULL AND blocked_at IS NULL AND listed_in_directory
          AND email_verified_at IS NOT NULL AND approval = 'approved'
          AND ($1 = '' OR search_text LIKE '%' || $1 || '%')
          AND ($2::text IS NULL OR role = $2 OR profession = $2)
          AND ($3::text IS NULL OR country = $3)
          AND ($4::uuid IS NULL OR (name, user_id) > (SELECT name, user_id FROM users WHERE user_id = $4))
        ORDER BY name, user_id
        LIMIT $5
        "#
    ))
    .bind(&query.words)
    .bind(&query.role)
    .bind(&query.country)
    .bind(query.after)
    .bind(query.limit)
    // Planned with the actual words: then the trigram index serves a rare
    // name and the name order serves a common word or none.
    .persistent(false)
    .fetch_all(executor)
    .await
}

pub async fn approval_of(executor: impl PgExecutor<'_>, user_id: Uuid) -> sqlx::Result<Approval> {
    sqlx::query_scalar("SELECT approval FROM users WHERE user_id = $1")
        .bind(user_id)
        .fetch_one(executor)
        .await
}

/// The member's interface language, for e-mails sent to them.
pub async fn locale_of(
    executor: impl PgExecutor<'_>,
    user_id: Uuid,
) -> sqlx::Result<crate::i18n::Locale> {
    let tag: String = sqlx::query_scalar("SELECT locale FROM users WHERE user_id = $1")
        .bind(user_id)
        .fetch_one(executor)
        .await?;
    Ok(crate::i18n::Locale::from_tag(&tag).unwrap_or_default())
}
