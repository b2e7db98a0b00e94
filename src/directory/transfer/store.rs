//! SQL of import and export: published services in pages for the export,
//! what the importer needs to know about ids, replacing an imported
//! record, and the uploads waiting for confirmation (`service_imports`).

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use sqlx::{PgConnection, PgExecutor};
use uuid::Uuid;

use crate::directory::record;
use crate::directory::store::{self, Provenance, SERVICE_QUERY, Service, ServiceInput};

/// Published services with ids after `after`, by id: the export reads the
/// directory in such pages, so its memory stays one page whatever the
/// directory's size, and no connection is held for the whole download.
pub async fn published_page(
    executor: impl PgExecutor<'_>,
    after: Option<Uuid>,
    limit: i64,
) -> sqlx::Result<Vec<Service>> {
    sqlx::query_as(&format!(
        "{SERVICE_QUERY} WHERE s.status = 'published' AND ($1::uuid IS NULL OR s.service_id > $1)
         ORDER BY s.service_id LIMIT $2"
    ))
    .bind(after)
    .bind(limit)
    .fetch_all(executor)
    .await
}

pub async fn existing_services(
    executor: impl PgExecutor<'_>,
    ids: &[Uuid],
) -> sqlx::Result<HashSet<Uuid>> {
    let found: Vec<Uuid> =
        sqlx::query_scalar("SELECT service_id FROM services WHERE service_id = ANY($1)")
            .bind(ids)
            .fetch_all(executor)
            .await?;
    Ok(found.into_iter().collect())
}

/// location id → the service it belongs to, for the given location ids.
pub async fn location_owners(
    executor: impl PgExecutor<'_>,
    ids: &[Uuid],
) -> sqlx::Result<HashMap<Uuid, Uuid>> {
    let found: Vec<(Uuid, Uuid)> =
        sqlx::query_as("SELECT location_id, service_id FROM services WHERE location_id = ANY($1)")
            .bind(ids)
            .fetch_all(executor)
            .await?;
    Ok(found.into_iter().collect())
}

/// Replaces an existing service with a file's record: its organization
/// and location ids become the file's, and the verification time is the
/// file's (who verified is kept only when the time is unchanged). The
/// status is left as it is: a file does not bring back a withdrawn entry.
pub async fn update_imported(
    conn: &mut PgConnection,
    service_id: Uuid,
    input: &ServiceInput,
    provenance: &Provenance,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    let place = store::find_municipality(&mut *conn, input.municipality_id)
        .await?
        .ok_or(sqlx::Error::RowNotFound)?;
    let organization_id =
        store::save_organization(&mut *conn, input, provenance.organization_id, now).await?;
    // Who verified is kept only when the time is unchanged: the CASE reads
    // the row's time before this update.
    let sql = format!(
        "UPDATE services SET organization_id = $2, location_id = coalesce($3, location_id), is_demo = $4,
            last_verified_by = CASE WHEN last_verified_at IS NOT DISTINCT FROM $5 THEN last_verified_by END,
            last_verified_at = $5, updated_at = $6, {}
         WHERE service_id = $1",
        record::assignments(7),
    );
    let query = sqlx::query(&sql)
        .bind(service_id)
        .bind(organization_id)
        .bind(provenance.location_id)
        .bind(provenance.is_demo)
        .bind(provenance.last_verified_at)
        .bind(now);
    record::bind(query, input, &place)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// An upload waiting for its moderator's confirmation.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Upload {
    pub import_id: Uuid,
    pub uploaded_by: Uuid,
    pub file_name: String,
    pub content: String,
    pub sha256: String,
    pub imported_at: Option<DateTime<Utc>>,
}

pub async fn save_upload(
    executor: impl PgExecutor<'_>,
    uploaded_by: Uuid,
    file_name: &str,
    format: &str,
    content: &str,
    sha256: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<Uuid> {
    sqlx::query_scalar(
        "INSERT INTO service_imports (uploaded_by, file_name, format, content, sha256, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING import_id",
    )
    .bind(uploaded_by)
    .bind(file_name)
    .bind(format)
    .bind(content)
    .bind(sha256)
    .bind(now)
    .fetch_one(executor)
    .await
}

/// Unconfirmed uploads older than `before` are forgotten.
pub async fn forget_uploads(
    executor: impl PgExecutor<'_>,
    before: DateTime<Utc>,
) -> sqlx::Result<u64> {
    let done =
        sqlx::query("DELETE FROM service_imports WHERE imported_at IS NULL AND created_at < $1")
            .bind(before)
            .execute(executor)
            .await?;
    Ok(done.rows_affected())
}

/// The moderator's own upload, locked until the transaction ends (so a
/// second click on "import" waits, then finds it imported).
pub async fn lock_upload(
    conn: &mut PgConnection,
    import_id: Uuid,
    uploaded_by: Uuid,
) -> sqlx::Result<Option<Upload>> {
    sqlx::query_as(
        "SELECT import_id, uploaded_by, file_name, content, sha256, imported_at FROM service_imports
         WHERE import_id = $1 AND uploaded_by = $2 FOR UPDATE",
    )
    .bind(import_id)
    .bind(uploaded_by)
    .fetch_optional(&mut *conn)
    .await
}

/// The file's text is no longer needed; the row stays as the record.
pub async fn mark_imported(
    executor: impl PgExecutor<'_>,
    import_id: Uuid,
    created: i32,
    updated: i32,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE service_imports SET imported_at = $2, created_count = $3, updated_count = $4, content = ''
         WHERE import_id = $1",
    )
    .bind(import_id)
    .bind(now)
    .bind(created)
    .bind(updated)
    .execute(executor)
    .await?;
    Ok(())
}
