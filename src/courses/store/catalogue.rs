//! The catalogue: published courses, searched by words in either script
//! and filtered by topic, language and level, a page at a time.

use sqlx::PgExecutor;

use uuid::Uuid;

use super::course::{COURSE_COLUMNS, Course, audience_admits};
use crate::courses::vocabulary::Level;

/// What the catalogue asks for. `words` are already normalised
/// (`text::search::normalize`), as `courses.search_text` is.
#[derive(Debug, Clone, Default)]
pub struct CatalogueQuery {
    pub words: Vec<String>,
    pub topic: Option<String>,
    pub language: Option<String>,
    pub level: Option<Level>,
    pub offset: i64,
    pub limit: i64,
    /// Who is looking: a group's course is listed to its members only.
    pub viewer: Option<Uuid>,
}

/// Published courses the viewer may know of, matching every word and
/// filter, newest first.
pub async fn search(
    executor: impl PgExecutor<'_>,
    query: &CatalogueQuery,
) -> sqlx::Result<Vec<Course>> {
    // Normalised text has only letters, digits and spaces, so a word needs
    // no escaping inside a LIKE pattern.
    let patterns: Vec<String> = query.words.iter().map(|w| format!("%{w}%")).collect();
    let admits = audience_admits("$7::uuid");
    sqlx::query_as(&format!(
        "SELECT {COURSE_COLUMNS} FROM courses c LEFT JOIN users u ON u.user_id = c.author_id
         WHERE c.status = 'published'
           AND c.search_text LIKE ALL ($1::text[])
           AND ($2::text IS NULL OR $2 = ANY (c.topics))
           AND ($3::text IS NULL OR c.language = $3)
           AND ($4::text IS NULL OR c.level = $4)
           AND {admits}
         ORDER BY c.published_at DESC, c.course_id
         OFFSET $5 LIMIT $6"
    ))
    .bind(&patterns)
    .bind(&query.topic)
    .bind(&query.language)
    .bind(query.level)
    .bind(query.offset)
    .bind(query.limit)
    .bind(query.viewer)
    .fetch_all(executor)
    .await
}
