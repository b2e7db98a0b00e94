//! `/library` search: full-text over title, summary, authors, source and
//! extracted text (normalised like group search, so script and diacritics
//! do not matter), filters, facet counts and three orders.

use sqlx::PgExecutor;
use uuid::Uuid;

pub const PER_PAGE: i64 = 20;

/// What the visitor asked for; empty strings mean "any".
#[derive(Debug, Clone, Default)]
pub struct Query {
    /// A prefix tsquery (see `groups::search::ts_query`), or none.
    pub ts_query: Option<String>,
    pub kind: String,
    pub topic: String,
    pub language: String,
    pub audience: String,
    pub year: Option<i32>,
    /// "relevance", "newest" or "downloads".
    pub sort: String,
    pub signed_in: bool,
    pub page: i64,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Hit {
    pub resource_id: Uuid,
    pub title: String,
    pub summary: String,
    pub kind: String,
    pub language: String,
    pub year: Option<i32>,
    pub source_org: String,
    pub downloads: i64,
}

/// A facet value with its count among the matches.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct FacetCount {
    pub facet: String,
    pub value: String,
    pub count: i64,
}

/// Published resources the viewer may see that match the words and the
/// filters (the same for hits and facets).
const MATCHES: &str = "SELECT r.* FROM resources r
    WHERE r.status = 'published' AND (NOT r.members_only OR $1)
      AND ($2::text IS NULL OR r.search @@ to_tsquery('simple', $2))
      AND ($3 = '' OR r.kind = $3)
      AND ($4 = '' OR $4 = ANY (r.topics))
      AND ($5 = '' OR r.language = $5)
      AND ($6 = '' OR $6 = ANY (r.audiences))
      AND ($7::int IS NULL OR r.year = $7)";

pub async fn search(executor: impl PgExecutor<'_>, query: &Query) -> sqlx::Result<Vec<Hit>> {
    let order = match query.sort.as_str() {
        "newest" => "published_at DESC, resource_id",
        "downloads" => "downloads DESC, published_at DESC, resource_id",
        _ if query.ts_query.is_some() => {
            "ts_rank(search, to_tsquery('simple', $2)) DESC, published_at DESC, resource_id"
        }
        _ => "featured DESC, published_at DESC, resource_id",
    };
    sqlx::query_as(&format!(
        "SELECT resource_id, title, summary, kind, language, year, source_org, downloads
         FROM ({MATCHES}) AS m ORDER BY {order} OFFSET $8 LIMIT $9"
    ))
    .bind(query.signed_in)
    .bind(&query.ts_query)
    .bind(&query.kind)
    .bind(&query.topic)
    .bind(&query.language)
    .bind(&query.audience)
    .bind(query.year)
    .bind(query.page * PER_PAGE)
    .bind(PER_PAGE + 1)
    .persistent(false)
    .fetch_all(executor)
    .await
}

/// Counts per kind, topic, language, audience and year among the matches.
pub async fn facets(executor: impl PgExecutor<'_>, query: &Query) -> sqlx::Result<Vec<FacetCount>> {
    sqlx::query_as(&format!(
        "WITH m AS MATERIALIZED ({MATCHES})
         SELECT 'kind' AS facet, kind AS value, count(*) AS count FROM m GROUP BY kind
         UNION ALL SELECT 'topic', t, count(*) FROM m, unnest(m.topics) AS t GROUP BY t
         UNION ALL SELECT 'language', language, count(*) FROM m GROUP BY language
         UNION ALL SELECT 'audience', a, count(*) FROM m, unnest(m.audiences) AS a GROUP BY a
         UNION ALL SELECT 'year', year::text, count(*) FROM m WHERE year IS NOT NULL GROUP BY year
         ORDER BY facet, count DESC, value"
    ))
    .bind(query.signed_in)
    .bind(&query.ts_query)
    .bind(&query.kind)
    .bind(&query.topic)
    .bind(&query.language)
    .bind(&query.audience)
    .bind(query.year)
    .persistent(false)
    .fetch_all(executor)
    .await
}
