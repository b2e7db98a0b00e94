//! The database: the connection pool, migrations, and the private
//! PostgreSQL cluster that runs when no `DATABASE_URL` is given.

pub mod embedded;
mod unix;

use std::str::FromStr;
use std::time::Duration;

use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

/// Migrations compiled into the binary.
pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// A small pool: on two cores a handful of connections beats many.
pub async fn connect(options: PgConnectOptions, max_connections: u32) -> sqlx::Result<PgPool> {
    // JIT compilation costs tens of milliseconds and pays off only for long
    // analytic queries; a page's queries take a few milliseconds, and a
    // search whose estimate crosses jit_above_cost would be made slower.
    let options = options.options([("jit", "off")]);
    PgPoolOptions::new()
        .max_connections(max_connections)
        .min_connections(0)
        .acquire_timeout(Duration::from_secs(5))
        .connect_with(options)
        .await
}

/// The rows of `select` — a query whose `$1` is a member and whose `ord`
/// column orders them — as a JSON array of objects named by its columns
/// (`ord` left out). Each feature's part of a member's data download is
/// written this way, so a column added there is in the download at once.
pub async fn member_rows(
    conn: &mut PgConnection,
    select: &str,
    member: Uuid,
) -> sqlx::Result<serde_json::Value> {
    sqlx::query_scalar(&format!(
        "SELECT COALESCE(jsonb_agg(to_jsonb(r) - 'ord' ORDER BY r.ord), '[]'::jsonb) FROM ({select}) AS r"
    ))
    .bind(member)
    .fetch_one(conn)
    .await
}

pub fn options_from_url(url: &str) -> sqlx::Result<PgConnectOptions> {
    PgConnectOptions::from_str(url)
}

/// The schema. The reference data that lives beside the code (the service
/// map's municipalities) is the features' to load: the composition root
/// (`server`, the test harness) calls `directory::reference::load` next.
pub async fn migrate(pool: &PgPool) -> Result<(), sqlx::migrate::MigrateError> {
    MIGRATOR.run(pool).await
}

/// Whether a sqlx error is a violation of the named unique constraint, so a
/// handler can turn it into a message beside the right field.
pub fn is_unique_violation(error: &sqlx::Error, constraint: &str) -> bool {
    match error {
        sqlx::Error::Database(db) => {
            db.is_unique_violation() && db.constraint() == Some(constraint)
        }
        _ => false,
    }
}

/// Whether the database answers a trivial query.
pub async fn ping(pool: &PgPool) -> sqlx::Result<()> {
    sqlx::query_scalar::<_, i32>("SELECT 1")
        .fetch_one(pool)
        .await
        .map(|_| ())
}
