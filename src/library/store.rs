//! Resources in PostgreSQL: one resource, the review queue, submitting,
//! publishing, returning, the change log and the download counter.

use chrono::{DateTime, Utc};
use sqlx::{PgConnection, PgExecutor};
use uuid::Uuid;

use super::files::SavedFile;
use super::vocabulary::{ResourceKind, ResourceStatus};
use crate::text::search::normalize;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Resource {
    pub resource_id: Uuid,
    pub title: String,
    pub summary: String,
    pub kind: ResourceKind,
    pub topics: Vec<String>,
    pub language: String,
    pub script: String,
    pub audiences: Vec<String>,
    pub source_org: String,
    pub authors: String,
    pub year: Option<i32>,
    pub licence: String,
    pub external_url: String,
    pub status: ResourceStatus,
    pub members_only: bool,
    pub featured: bool,
    pub return_reason: String,
    pub submitted_by: Option<Uuid>,
    pub submitter_name: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub published_at: Option<DateTime<Utc>>,
    pub downloads: i64,
    pub translation_of: Option<Uuid>,
    pub superseded_by: Option<Uuid>,
    pub storage_key: Option<String>,
    pub content_type: Option<String>,
    pub size_bytes: Option<i64>,
}

impl Resource {
    pub fn has_file(&self) -> bool {
        self.storage_key.is_some()
    }

    /// The file's format as people name it ("PDF", "DOCX"), shown beside
    /// the download link so a reader on a slow line knows what she gets.
    pub fn file_format(&self) -> Option<&'static str> {
        use super::files::{DOCX, ODT, PDF, PPTX};
        Some(match self.content_type.as_deref()? {
            PDF => "PDF",
            DOCX => "DOCX",
            PPTX => "PPTX",
            ODT => "ODT",
            _ => return None,
        })
    }
}

const RESOURCE_QUERY: &str = "SELECT r.resource_id, r.title, r.summary, r.kind, r.topics, r.language, r.script,
    r.audiences, r.source_org, r.authors, r.year, r.licence, r.external_url, r.status, r.members_only, r.featured,
    r.return_reason, r.submitted_by,
    CASE WHEN u.deleted_at IS NULL THEN u.name END AS submitter_name, r.created_at, r.updated_at, r.published_at,
    r.downloads, r.translation_of, r.superseded_by, f.storage_key, f.content_type, f.size_bytes
    FROM resources r
    LEFT JOIN users u ON u.user_id = r.submitted_by
    LEFT JOIN stored_files f ON f.file_id = r.file_id";

pub async fn find(
    executor: impl PgExecutor<'_>,
    resource_id: Uuid,
) -> sqlx::Result<Option<Resource>> {
    sqlx::query_as(&format!("{RESOURCE_QUERY} WHERE r.resource_id = $1"))
        .bind(resource_id)
        .fetch_optional(executor)
        .await
}

/// Resources waiting for review, oldest first.
pub async fn review_queue(executor: impl PgExecutor<'_>) -> sqlx::Result<Vec<Resource>> {
    sqlx::query_as(&format!(
        "{RESOURCE_QUERY} WHERE r.status = 'submitted' ORDER BY r.updated_at LIMIT 200"
    ))
    .fetch_all(executor)
    .await
}

/// The member's own drafts, submissions and returned resources.
pub async fn mine(executor: impl PgExecutor<'_>, user_id: Uuid) -> sqlx::Result<Vec<Resource>> {
    sqlx::query_as(&format!(
        "{RESOURCE_QUERY} WHERE r.submitted_by = $1 AND r.status IN ('draft', 'submitted', 'returned')
         ORDER BY r.updated_at DESC LIMIT 100"
    ))
    .bind(user_id)
    .fetch_all(executor)
    .await
}

/// The newest published resources, for the feed.
pub async fn newest(executor: impl PgExecutor<'_>, limit: i64) -> sqlx::Result<Vec<Resource>> {
    sqlx::query_as(&format!(
        "{RESOURCE_QUERY} WHERE r.status = 'published' AND NOT r.members_only
         ORDER BY r.published_at DESC LIMIT $1"
    ))
    .bind(limit)
    .fetch_all(executor)
    .await
}

/// A featured resource as the home page lists it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Featured {
    pub resource_id: Uuid,
    pub title: String,
    pub summary: String,
    pub kind: ResourceKind,
    pub language: String,
}

/// Featured resources the viewer may see, newest featured first: published
/// and not replaced by a newer version (archived and superseded ones never),
/// members-only ones only for a signed-in member.
pub async fn featured(
    executor: impl PgExecutor<'_>,
    signed_in: bool,
    limit: i64,
) -> sqlx::Result<Vec<Featured>> {
    sqlx::query_as(
        "SELECT resource_id, title, summary, kind, language FROM resources
         WHERE featured AND status = 'published' AND superseded_by IS NULL AND (NOT members_only OR $1)
         ORDER BY featured_at DESC NULLS LAST, resource_id LIMIT $2",
    )
    .bind(signed_in)
    .bind(limit)
    .fetch_all(executor)
    .await
}

/// What a member or moderator enters about a resource.
#[derive(Debug, Clone)]
pub struct ResourceInput {
    pub title: String,
    pub summary: String,
    pub kind: ResourceKind,
    pub topics: Vec<String>,
    pub language: String,
    pub script: String,
    pub audiences: Vec<String>,
    pub source_org: String,
    pub authors: String,
    pub year: Option<i32>,
    pub licence: String,
    pub external_url: String,
}

/// The searchable text of a resource, normalised like queries are.
fn search_document(input: &ResourceInput, extracted: &str) -> String {
    normalize(&format!(
        "{} {} {} {} {}",
        input.title, input.summary, input.authors, input.source_org, extracted
    ))
}

pub async fn save_file(
    conn: &mut PgConnection,
    file: &SavedFile,
    now: DateTime<Utc>,
) -> sqlx::Result<Uuid> {
    sqlx::query_scalar(
        "INSERT INTO stored_files (storage_key, file_name, content_type, size_bytes, sha256, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING file_id",
    )
    .bind(&file.storage_key)
    .bind(&file.file_name)
    .bind(file.content_type)
    .bind(file.size_bytes)
    .bind(&file.sha256)
    .bind(now)
    .fetch_one(conn)
    .await
}

/// A new draft.
pub async fn create(
    conn: &mut PgConnection,
    input: &ResourceInput,
    file_id: Option<Uuid>,
    submitter: Uuid,
    now: DateTime<Utc>,
) -> sqlx::Result<Uuid> {
    let resource_id: Uuid = sqlx::query_scalar(
        "INSERT INTO resources (title, summary, kind, topics, language, script, audiences, source_org, authors,
                                year, licence, external_url, file_id, submitted_by, created_at, updated_at, search)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15, to_tsvector('simple', $16))
         RETURNING resource_id",
    )
    .bind(&input.title)
    .bind(&input.summary)
    .bind(input.kind)
    .bind(&input.topics)
    .bind(&input.language)
    .bind(&input.script)
    .bind(&input.audiences)
    .bind(&input.source_org)
    .bind(&input.authors)
    .bind(input.year)
    .bind(&input.licence)
    .bind(&input.external_url)
    .bind(file_id)
    .bind(submitter)
    .bind(now)
    .bind(search_document(input, ""))
    .fetch_one(&mut *conn)
    .await?;
    log_change(&mut *conn, resource_id, submitter, "created", now).await?;
    Ok(resource_id)
}

/// Saves edited metadata (by the submitter of a draft, or a moderator).
pub async fn update(
    conn: &mut PgConnection,
    resource_id: Uuid,
    input: &ResourceInput,
    editor: Uuid,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE resources SET title = $2, summary = $3, kind = $4, topics = $5, language = $6, script = $7,
                audiences = $8, source_org = $9, authors = $10, year = $11, licence = $12, external_url = $13,
                updated_at = $14, search = to_tsvector('simple', $15 || ' ' || $16)
         WHERE resource_id = $1",
    )
    .bind(resource_id)
    .bind(&input.title)
    .bind(&input.summary)
    .bind(input.kind)
    .bind(&input.topics)
    .bind(&input.language)
    .bind(&input.script)
    .bind(&input.audiences)
    .bind(&input.source_org)
    .bind(&input.authors)
    .bind(input.year)
    .bind(&input.licence)
    .bind(&input.external_url)
    .bind(now)
    .bind(search_document(input, ""))
    .bind(extracted_text(&mut *conn, resource_id).await?)
    .execute(&mut *conn)
    .await?;
    log_change(&mut *conn, resource_id, editor, "metadata edited", now).await
}

async fn extracted_text(conn: &mut PgConnection, resource_id: Uuid) -> sqlx::Result<String> {
    let text: String =
        sqlx::query_scalar("SELECT extracted_text FROM resources WHERE resource_id = $1")
            .bind(resource_id)
            .fetch_one(conn)
            .await?;
    Ok(normalize(&text))
}

/// Moves a resource from one status to another; false if it was not in
/// `from` (someone else acted first).
pub async fn set_status(
    conn: &mut PgConnection,
    resource_id: Uuid,
    from: &[ResourceStatus],
    to: ResourceStatus,
    who: Uuid,
    reason: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<bool> {
    let from: Vec<&str> = from.iter().map(|status| status.as_str()).collect();
    let changed = sqlx::query(
        "UPDATE resources SET status = $3, updated_at = $4,
                return_reason = CASE WHEN $3 = 'returned' THEN $5 ELSE return_reason END,
                published_at = CASE WHEN $3 = 'published' THEN COALESCE(published_at, $4) ELSE published_at END
         WHERE resource_id = $1 AND status = ANY($2)",
    )
    .bind(resource_id)
    .bind(&from)
    .bind(to)
    .bind(now)
    .bind(reason)
    .execute(&mut *conn)
    .await?
    .rows_affected()
        == 1;
    if changed {
        log_change(&mut *conn, resource_id, who, &format!("status: {to}"), now).await?;
    }
    Ok(changed)
}

pub async fn set_flags(
    conn: &mut PgConnection,
    resource_id: Uuid,
    members_only: bool,
    featured: bool,
    who: Uuid,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    // featured_at keeps the moment it was first featured, so saving the
    // flags again does not move it to the top of the home page.
    sqlx::query(
        "UPDATE resources SET members_only = $2, featured = $3, updated_at = $4,
                featured_at = CASE WHEN NOT $3 THEN NULL WHEN featured THEN featured_at ELSE $4 END
         WHERE resource_id = $1",
    )
    .bind(resource_id)
    .bind(members_only)
    .bind(featured)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    log_change(
        &mut *conn,
        resource_id,
        who,
        &format!("members only: {members_only}, featured: {featured}"),
        now,
    )
    .await
}

async fn log_change(
    executor: impl PgExecutor<'_>,
    resource_id: Uuid,
    who: Uuid,
    change: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO resource_changes (resource_id, user_id, change, changed_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(resource_id)
    .bind(who)
    .bind(change)
    .bind(now)
    .execute(executor)
    .await?;
    Ok(())
}

/// A line of a resource's change log.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Change {
    pub who: Option<String>,
    pub change: String,
    pub changed_at: DateTime<Utc>,
}

pub async fn changes(
    executor: impl PgExecutor<'_>,
    resource_id: Uuid,
) -> sqlx::Result<Vec<Change>> {
    sqlx::query_as(
        "SELECT u.name AS who, c.change, c.changed_at FROM resource_changes c LEFT JOIN users u USING (user_id)
         WHERE c.resource_id = $1 ORDER BY c.changed_at, c.resource_change_id",
    )
    .bind(resource_id)
    .fetch_all(executor)
    .await
}

pub async fn count_download(executor: impl PgExecutor<'_>, resource_id: Uuid) -> sqlx::Result<()> {
    sqlx::query("UPDATE resources SET downloads = downloads + 1 WHERE resource_id = $1")
        .bind(resource_id)
        .execute(executor)
        .await?;
    Ok(())
}

/// Another resource a record points to or is pointed to by.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Related {
    /// "original", "translation", "newer" or "older".
    pub relation: String,
    pub resource_id: Uuid,
    pub title: String,
    pub language: String,
}

/// The original it translates, its translations, and newer and older
/// versions — published ones only.
pub async fn related(
    executor: impl PgExecutor<'_>,
    resource_id: Uuid,
) -> sqlx::Result<Vec<Related>> {
    sqlx::query_as(
        "SELECT 'original' AS relation, o.resource_id, o.title, o.language
           FROM resources r JOIN resources o ON o.resource_id = r.translation_of
           WHERE r.resource_id = $1 AND o.status = 'published'
         UNION ALL SELECT 'translation', t.resource_id, t.title, t.language
           FROM resources t WHERE t.translation_of = $1 AND t.status = 'published'
         UNION ALL SELECT 'newer', n.resource_id, n.title, n.language
           FROM resources r JOIN resources n ON n.resource_id = r.superseded_by
           WHERE r.resource_id = $1 AND n.status = 'published'
         UNION ALL SELECT 'older', p.resource_id, p.title, p.language
           FROM resources p WHERE p.superseded_by = $1 AND p.status IN ('published', 'archived')",
    )
    .bind(resource_id)
    .fetch_all(executor)
    .await
}

/// Marks a resource as a translation of another and/or superseded by a
/// newer one (either may be cleared).
pub async fn set_links(
    conn: &mut PgConnection,
    resource_id: Uuid,
    translation_of: Option<Uuid>,
    superseded_by: Option<Uuid>,
    who: Uuid,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE resources SET translation_of = $2, superseded_by = $3, updated_at = $4 WHERE resource_id = $1",
    )
    .bind(resource_id)
    .bind(translation_of)
    .bind(superseded_by)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    log_change(
        &mut *conn,
        resource_id,
        who,
        "translation and version links",
        now,
    )
    .await
}

/// Every topic: (slug, Serbian name, English name).
pub async fn topics(executor: impl PgExecutor<'_>) -> sqlx::Result<Vec<(String, String, String)>> {
    sqlx::query_as("SELECT slug, name_sr, name_en FROM library_topics ORDER BY name_sr")
        .fetch_all(executor)
        .await
}

/// Adds a topic, or renames the one with this slug.
pub async fn save_topic(
    executor: impl PgExecutor<'_>,
    slug: &str,
    name_sr: &str,
    name_en: &str,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO library_topics (slug, name_sr, name_en) VALUES ($1, $2, $3)
         ON CONFLICT (slug) DO UPDATE SET name_sr = EXCLUDED.name_sr, name_en = EXCLUDED.name_en",
    )
    .bind(slug)
    .bind(name_sr)
    .bind(name_en)
    .execute(executor)
    .await?;
    Ok(())
}
