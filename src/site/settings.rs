//! Site settings administrators change at run time (stored in PostgreSQL so
//! every instance sees the same value).

use sqlx::PgExecutor;

const REQUIRE_ACCOUNT_APPROVAL: &str = "require_account_approval";
const ISSUER: &str = "issuer";

/// Who issues certificates when no administrator has named an institution.
pub const DEFAULT_ISSUER: &str = "Kolega";

/// The institution printed as the issuer of attendance certificates.
pub async fn issuer(executor: impl PgExecutor<'_>) -> sqlx::Result<String> {
    let value: Option<serde_json::Value> =
        sqlx::query_scalar("SELECT value FROM site_settings WHERE key = $1")
            .bind(ISSUER)
            .fetch_optional(executor)
            .await?;
    Ok(value
        .as_ref()
        .and_then(|v| v.as_str())
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .unwrap_or(DEFAULT_ISSUER)
        .to_owned())
}

pub async fn set_issuer(executor: impl PgExecutor<'_>, name: &str) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO site_settings (key, value) VALUES ($1, $2)
         ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
    )
    .bind(ISSUER)
    .bind(serde_json::Value::String(name.trim().to_owned()))
    .execute(executor)
    .await?;
    Ok(())
}

/// Whether new accounts wait for a moderator's approval after verification
/// (off by default; on for a closed professional community).
pub async fn require_account_approval(executor: impl PgExecutor<'_>) -> sqlx::Result<bool> {
    let value: Option<serde_json::Value> =
        sqlx::query_scalar("SELECT value FROM site_settings WHERE key = $1")
            .bind(REQUIRE_ACCOUNT_APPROVAL)
            .fetch_optional(executor)
            .await?;
    Ok(value.and_then(|v| v.as_bool()).unwrap_or(false))
}

pub async fn set_require_account_approval(
    executor: impl PgExecutor<'_>,
    on: bool,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO site_settings (key, value) VALUES ($1, $2)
         ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
    )
    .bind(REQUIRE_ACCOUNT_APPROVAL)
    .bind(serde_json::Value::Bool(on))
    .execute(executor)
    .await?;
    Ok(())
}
