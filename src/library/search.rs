//! `/library` search: full-text over title, summary, authors, source and
//! extracted text (normalised like group search, so script and diacritics
//! do not matter), filters, facet counts and three orders.
//!
//! The work per query is bounded the way group search bounds it: words are
//! looked for in growing windows of the newest resources
//! (`resources.resource_no`), stopping at the first window holding enough
//! matches; hits and facet counts come from that window, and the page says
//! when the counts cover only the newest matches. Browsing without words
//! reads the newest resources through an index, and its exact facet counts
//! are kept for a minute.

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};
use std::time::{Duration, Instant};

use sqlx::{PgConnection, PgPool, Row};
use uuid::Uuid;

pub const PER_PAGE: i64 = 20;

/// A window holding this many matches ends the search.
const ENOUGH: i64 = 500;
/// How many of the newest resources each try looks at; the last, all.
const WINDOWS: [Option<i64>; 3] = [Some(2_000), Some(20_000), None];
/// Facet counts of word-less browsing are this fresh at worst.
const FACETS_FRESH_FOR: Duration = Duration::from_secs(60);

/// What the visitor asked for; empty strings mean "any".
#[derive(Debug, Clone, Default, Hash, PartialEq, Eq)]
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

pub struct Results {
    /// One page of hits, and one more if there is a next page.
    pub hits: Vec<Hit>,
    pub facets: Vec<FacetCount>,
    /// The counts cover every match (not only the newest ones).
    pub complete: bool,
}

/// Published resources the viewer may see that match the words, the
/// filters and the window (`resource_no > $8`).
const MATCHES: &str =
    "SELECT r.resource_id, r.title, r.summary, r.kind, r.language, r.year, r.source_org,
           r.downloads, r.published_at, r.featured, r.topics, r.audiences, r.search, r.resource_no
    FROM resources r
    WHERE r.status = 'published' AND (NOT r.members_only OR $1)
      AND ($2::text IS NULL OR r.search @@ to_tsquery('simple', $2))
      AND ($3 = '' OR r.kind = $3)
      AND ($4 = '' OR $4 = ANY (r.topics))
      AND ($5 = '' OR r.language = $5)
      AND ($6 = '' OR $6 = ANY (r.audiences))
      AND ($7::int IS NULL OR r.year = $7)
      AND r.resource_no > $8";

fn order_by(query: &Query) -> &'static str {
    match query.sort.as_str() {
        "newest" => "published_at DESC, resource_no DESC",
        "downloads" => "downloads DESC, published_at DESC, resource_no DESC",
        _ if query.ts_query.is_some() => {
            "ts_rank(search, to_tsquery('simple', $2)) DESC, published_at DESC, resource_no DESC"
        }
        _ => "featured DESC, published_at DESC, resource_no DESC",
    }
}

pub async fn run(pool: &PgPool, query: &Query) -> sqlx::Result<Results> {
    if query.ts_query.is_none() {
        let mut conn = pool.acquire().await?;
        let hits = browse_page(&mut conn, query).await?;
        let facets = browse_facets(&mut conn, query).await?;
        return Ok(Results {
            hits,
            facets,
            complete: true,
        });
    }
    let newest: Option<i64> = sqlx::query_scalar("SELECT max(resource_no) FROM resources")
        .fetch_one(pool)
        .await?;
    let newest = newest.unwrap_or(0);
    let mut tx = pool.begin().await?;
    let mut after = 0;
    let mut found = Window {
        hits: Vec::new(),
        matches: 0,
        facets: Vec::new(),
    };
    for (try_number, window) in WINDOWS.into_iter().enumerate() {
        after = window.map_or(0, |size| newest - size);
        // PostgreSQL cannot tell how common a prefix is, so it is told how
        // to read each window: the first one row by row (a common word is
        // found on every other row, and reading the whole index entry of
        // such a word costs more than the window); a wider one only for a
        // rarer word, through the full-text index intersected with the
        // window; the last one has no range, so the index alone.
        let (bitmap, index) = match (try_number, window) {
            (0, Some(_)) => ("off", "on"),
            (_, Some(_)) => ("on", "off"),
            (_, None) => ("on", "on"),
        };
        for setting in [
            format!("SET LOCAL enable_bitmapscan = {bitmap}"),
            format!("SET LOCAL enable_indexscan = {index}"),
        ] {
            sqlx::query(&setting).execute(&mut *tx).await?;
        }
        found = page_after(&mut tx, query, after).await?;
        if found.matches >= ENOUGH || after <= 0 {
            break;
        }
    }
    tx.commit().await?;
    Ok(Results {
        hits: found.hits,
        facets: found.facets,
        complete: after <= 0,
    })
}

/// Counts per kind, topic, language, audience and year of the rows of `m`.
const FACETS_OF_M: &str =
    "SELECT 'kind' AS facet, kind AS value, count(*) AS count FROM m GROUP BY kind
    UNION ALL SELECT 'topic', t, count(*) FROM m, unnest(m.topics) AS t GROUP BY t
    UNION ALL SELECT 'language', language, count(*) FROM m GROUP BY language
    UNION ALL SELECT 'audience', a, count(*) FROM m, unnest(m.audiences) AS a GROUP BY a
    UNION ALL SELECT 'year', year::text, count(*) FROM m WHERE year IS NOT NULL GROUP BY year";

/// One window's answer: a page of hits, how many matches there are, and
/// their facet counts — one statement, so the matches are read once.
struct Window {
    hits: Vec<Hit>,
    matches: i64,
    facets: Vec<FacetCount>,
}

async fn page_after(conn: &mut PgConnection, query: &Query, after: i64) -> sqlx::Result<Window> {
    let order = order_by(query);
    // Materialised without a LIMIT (see group search): PostgreSQL then
    // picks the full-text index or the window, whichever is smaller.
    let sql = format!(
        "WITH m AS MATERIALIZED ({MATCHES}),
         page AS (SELECT *, row_number() OVER (ORDER BY {order}) AS position
                  FROM m ORDER BY {order} OFFSET $9 LIMIT $10)
         SELECT page.resource_id, page.title, page.summary, page.kind, page.language, page.year,
                page.source_org, page.downloads, (SELECT count(*) FROM m) AS matches,
                (SELECT COALESCE(json_agg(f), '[]') FROM ({FACETS_OF_M}) AS f) AS facets
         FROM (SELECT 1) AS always LEFT JOIN page ON true
         ORDER BY page.position"
    );
    let rows = bind_query(sqlx::query(&sql), query, after)
        .bind(query.page * PER_PAGE)
        .bind(PER_PAGE + 1)
        .persistent(false)
        .fetch_all(&mut *conn)
        .await?;
    let mut window = Window {
        hits: Vec::new(),
        matches: 0,
        facets: Vec::new(),
    };
    for row in &rows {
        window.matches = row.try_get("matches")?;
        let facets: sqlx::types::Json<Vec<JsonFacet>> = row.try_get("facets")?;
        window.facets = facets
            .0
            .into_iter()
            .map(|f| FacetCount {
                facet: f.facet,
                value: f.value,
                count: f.count,
            })
            .collect();
        let id: Option<Uuid> = row.try_get("resource_id")?;
        if id.is_some() {
            window.hits.push(<Hit as sqlx::FromRow<_>>::from_row(row)?);
        }
    }
    window.facets.sort_by(|a, b| {
        (
            a.facet.as_str(),
            std::cmp::Reverse(a.count),
            a.value.as_str(),
        )
            .cmp(&(
                b.facet.as_str(),
                std::cmp::Reverse(b.count),
                b.value.as_str(),
            ))
    });
    Ok(window)
}

#[derive(serde::Deserialize)]
struct JsonFacet {
    facet: String,
    value: String,
    count: i64,
}

/// A page of the newest (or most downloaded) resources matching the
/// filters, read through the browsing indexes.
async fn browse_page(conn: &mut PgConnection, query: &Query) -> sqlx::Result<Vec<Hit>> {
    let order = order_by(query);
    let sql = format!(
        "SELECT resource_id, title, summary, kind, language, year, source_org, downloads
         FROM ({MATCHES}) AS m ORDER BY {order} OFFSET $9 LIMIT $10"
    );
    // Planned with the actual filters: a plan made for "any filter" reads
    // every resource and sorts them.
    let rows = bind_query(sqlx::query(&sql), query, 0)
        .bind(query.page * PER_PAGE)
        .bind(PER_PAGE + 1)
        .persistent(false)
        .fetch_all(&mut *conn)
        .await?;
    rows.iter()
        .map(|row| <Hit as sqlx::FromRow<_>>::from_row(row))
        .collect()
}

fn bind_query<'q>(
    sql: sqlx::query::Query<'q, sqlx::Postgres, sqlx::postgres::PgArguments>,
    query: &'q Query,
    after: i64,
) -> sqlx::query::Query<'q, sqlx::Postgres, sqlx::postgres::PgArguments> {
    sql.bind(query.signed_in)
        .bind(&query.ts_query)
        .bind(&query.kind)
        .bind(&query.topic)
        .bind(&query.language)
        .bind(&query.audience)
        .bind(query.year)
        .bind(after)
}

/// Counts per kind, topic, language, audience and year among the matches
/// numbered above `after`.
async fn facets_after(
    conn: &mut PgConnection,
    query: &Query,
    after: i64,
) -> sqlx::Result<Vec<FacetCount>> {
    let sql = format!(
        "WITH m AS MATERIALIZED ({MATCHES})
         SELECT 'kind' AS facet, kind AS value, count(*) AS count FROM m GROUP BY kind
         UNION ALL SELECT 'topic', t, count(*) FROM m, unnest(m.topics) AS t GROUP BY t
         UNION ALL SELECT 'language', language, count(*) FROM m GROUP BY language
         UNION ALL SELECT 'audience', a, count(*) FROM m, unnest(m.audiences) AS a GROUP BY a
         UNION ALL SELECT 'year', year::text, count(*) FROM m WHERE year IS NOT NULL GROUP BY year
         ORDER BY facet, count DESC, value"
    );
    let rows = bind_query(sqlx::query(&sql), query, after)
        .persistent(false)
        .fetch_all(&mut *conn)
        .await?;
    rows.iter()
        .map(|row| <FacetCount as sqlx::FromRow<_>>::from_row(row))
        .collect()
}

type FacetKey = (bool, String, String, String, String, Option<i32>);
static BROWSE_FACETS: LazyLock<Mutex<HashMap<FacetKey, (Instant, Vec<FacetCount>)>>> =
    LazyLock::new(Default::default);

/// Exact counts for browsing without words, kept for a minute per set of
/// filters (a new resource shows in the counts within that minute).
async fn browse_facets(conn: &mut PgConnection, query: &Query) -> sqlx::Result<Vec<FacetCount>> {
    let key: FacetKey = (
        query.signed_in,
        query.kind.clone(),
        query.topic.clone(),
        query.language.clone(),
        query.audience.clone(),
        query.year,
    );
    if let Some((at, counts)) = BROWSE_FACETS
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .get(&key)
    {
        if at.elapsed() < FACETS_FRESH_FOR {
            return Ok(counts.clone());
        }
    }
    let counts = facets_after(conn, query, 0).await?;
    let mut cache = BROWSE_FACETS.lock().unwrap_or_else(|p| p.into_inner());
    if cache.len() > 1_000 {
        cache.clear();
    }
    cache.insert(key, (Instant::now(), counts.clone()));
    Ok(counts)
}

/// Forgets the kept counts (after publishing, so the counts are right at once).
pub fn forget_counts() {
    BROWSE_FACETS
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .clear();
}
