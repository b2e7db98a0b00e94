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
//!
//! Pages follow one another by keyset: the next-page link carries an
//! opaque cursor ([`Cursor`]) holding the last hit's sort key and
//! `resource_no`, and the next page starts below it in the same order.
//! The window of a word search is chosen from all of its matches, not from
//! the page, so every page of one search reads the same window.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex};
use std::time::{Duration, Instant};

use base64::Engine;
use chrono::{DateTime, Utc};
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
    /// The `after` cursor of the previous page's next link, as given (empty
    /// for the first page; anything unreadable also means the first page).
    pub after: String,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Hit {
    pub resource_id: Uuid,
    pub title: String,
    pub summary: String,
    pub kind: super::vocabulary::ResourceKind,
    pub language: String,
    pub year: Option<i32>,
    pub source_org: String,
    pub downloads: i64,
    /// The rest of the sort key, for the next page's cursor.
    pub published_at: Option<DateTime<Utc>>,
    pub featured: bool,
    pub resource_no: i64,
    /// The relevance of a word search (0 in other orders).
    pub rank: f32,
}

/// A facet value with its count among the matches.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct FacetCount {
    pub facet: String,
    pub value: String,
    pub count: i64,
}

pub struct Results {
    /// One page of hits.
    pub hits: Vec<Hit>,
    pub facets: Vec<FacetCount>,
    /// The counts cover every match (not only the newest ones).
    pub complete: bool,
    /// The cursor of the next page, when there is one.
    pub next: Option<String>,
    /// This page follows an earlier one (a readable cursor was given).
    pub continued: bool,
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

/// The orders offered; relevance without words puts featured ones first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Order {
    Featured,
    Rank,
    Newest,
    Downloads,
}

impl Order {
    fn of(query: &Query) -> Order {
        match query.sort.as_str() {
            "newest" => Order::Newest,
            "downloads" => Order::Downloads,
            _ if query.ts_query.is_some() => Order::Rank,
            _ => Order::Featured,
        }
    }

    /// ORDER BY over a row of `m` with its `rank` column; each one ends in
    /// the unique `resource_no`, so the order is total and a keyset can
    /// continue it. Matches the browsing indexes (migrations 18 and 21).
    fn sql(self) -> &'static str {
        match self {
            Order::Featured => "featured DESC, published_at DESC, resource_no DESC",
            Order::Rank => "rank DESC, published_at DESC, resource_no DESC",
            Order::Newest => "published_at DESC, resource_no DESC",
            Order::Downloads => "downloads DESC, published_at DESC, resource_no DESC",
        }
    }

    /// The rows after the cursor: the same columns as [`Order::sql`], all
    /// descending, so one row comparison says it (and an index serves it).
    fn after_sql(self) -> &'static str {
        match self {
            Order::Featured => "(featured, published_at, resource_no) < ($10, $11, $12)",
            Order::Rank => "(rank, published_at, resource_no) < ($10, $11, $12)",
            Order::Newest => "(published_at, resource_no) < ($10, $11)",
            Order::Downloads => "(downloads, published_at, resource_no) < ($10, $11, $12)",
        }
    }

    /// The `rank` column. `ts_rank` gives a `real`, a cursor carries that
    /// `real` exactly (its bits), and the same row ranks the same on every
    /// page, so the comparison with the cursor is exact. Other orders do
    /// not rank: ranking every match is the cost of a search.
    fn rank_sql(self) -> &'static str {
        match self {
            Order::Rank => "ts_rank(search, to_tsquery('simple', $2))::real",
            _ => "0::real",
        }
    }
}

/// Where a page ended: the last hit's sort key in its order. Written into
/// the next-page link as URL-safe base64 of `tag.lead.micros.resource_no`;
/// it is read back only for the same order, and a cursor that does not read
/// (tampered, cut, of another order) means the first page, never an error.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Cursor {
    lead: Lead,
    published_at: DateTime<Utc>,
    resource_no: i64,
}

/// The first column of the sort key (newest order has none).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Lead {
    Featured(bool),
    Rank(f32),
    Newest,
    Downloads(i64),
}

impl Cursor {
    fn after(order: Order, hit: &Hit) -> Option<Cursor> {
        let lead = match order {
            Order::Featured => Lead::Featured(hit.featured),
            Order::Rank => Lead::Rank(hit.rank),
            Order::Newest => Lead::Newest,
            Order::Downloads => Lead::Downloads(hit.downloads),
        };
        // A published resource always has its date (publishing sets it).
        Some(Cursor {
            lead,
            published_at: hit.published_at?,
            resource_no: hit.resource_no,
        })
    }

    fn encode(&self) -> String {
        let (tag, lead) = match self.lead {
            Lead::Featured(featured) => ("f", u8::from(featured).to_string()),
            // The bits, so the rank comes back exactly as PostgreSQL gave it.
            Lead::Rank(rank) => ("r", format!("{:x}", rank.to_bits())),
            Lead::Newest => ("n", String::new()),
            Lead::Downloads(downloads) => ("d", downloads.to_string()),
        };
        let text = format!(
            "{tag}.{lead}.{}.{}",
            self.published_at.timestamp_micros(),
            self.resource_no
        );
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(text)
    }

    fn decode(text: &str, order: Order) -> Option<Cursor> {
        let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(text.trim())
            .ok()?;
        let text = String::from_utf8(bytes).ok()?;
        let mut parts = text.split('.');
        let (tag, lead, micros, number) =
            (parts.next()?, parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() {
            return None;
        }
        let lead = match (order, tag) {
            (Order::Featured, "f") => Lead::Featured(match lead {
                "0" => false,
                "1" => true,
                _ => return None,
            }),
            (Order::Rank, "r") => {
                let rank = f32::from_bits(u32::from_str_radix(lead, 16).ok()?);
                // A NaN or infinity never comes from ts_rank.
                if !rank.is_finite() {
                    return None;
                }
                Lead::Rank(rank)
            }
            (Order::Newest, "n") if lead.is_empty() => Lead::Newest,
            (Order::Downloads, "d") => Lead::Downloads(lead.parse().ok()?),
            _ => return None,
        };
        let published_at = DateTime::from_timestamp_micros(micros.parse().ok()?)?;
        // PostgreSQL refuses a timestamp beyond its range, and sqlx one it
        // cannot count in microseconds from 2000: keep to sane years.
        if !(1900..=9999).contains(&chrono::Datelike::year(&published_at)) {
            return None;
        }
        Some(Cursor {
            lead,
            published_at,
            resource_no: number.parse().ok()?,
        })
    }
}

/// The keyset condition (`$10`…) and its values, or `true` on the first page.
fn after_sql(order: Order, after: Option<&Cursor>) -> &'static str {
    after.map_or("true", |_| order.after_sql())
}

fn bind_after<'q>(
    sql: sqlx::query::Query<'q, sqlx::Postgres, sqlx::postgres::PgArguments>,
    after: Option<&Cursor>,
) -> sqlx::query::Query<'q, sqlx::Postgres, sqlx::postgres::PgArguments> {
    let Some(cursor) = after else { return sql };
    let sql = match cursor.lead {
        Lead::Featured(featured) => sql.bind(featured),
        Lead::Rank(rank) => sql.bind(rank),
        Lead::Newest => sql,
        Lead::Downloads(downloads) => sql.bind(downloads),
    };
    sql.bind(cursor.published_at).bind(cursor.resource_no)
}

/// Cuts the extra hit off and makes the next page's cursor from the last one.
fn next_page(order: Order, hits: &mut Vec<Hit>) -> Option<String> {
    if hits.len() as i64 <= PER_PAGE {
        return None;
    }
    hits.truncate(PER_PAGE as usize);
    hits.last()
        .and_then(|hit| Cursor::after(order, hit))
        .map(|cursor| cursor.encode())
}

pub async fn run(pool: &PgPool, query: &Query) -> sqlx::Result<Results> {
    let order = Order::of(query);
    let cursor = Cursor::decode(&query.after, order);
    if query.ts_query.is_none() {
        let mut conn = pool.acquire().await?;
        let mut hits = browse_page(&mut conn, query, order, cursor.as_ref()).await?;
        let database = pool
            .connect_options()
            .get_database()
            .unwrap_or_default()
            .to_owned();
        let facets = browse_facets(&mut conn, &database, query).await?;
        return Ok(Results {
            next: next_page(order, &mut hits),
            hits,
            facets,
            complete: true,
            continued: cursor.is_some(),
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
        found = page_after(&mut tx, query, after, order, cursor.as_ref()).await?;
        if found.matches >= ENOUGH || after <= 0 {
            break;
        }
    }
    tx.commit().await?;
    let mut hits = found.hits;
    Ok(Results {
        next: next_page(order, &mut hits),
        hits,
        facets: found.facets,
        complete: after <= 0,
        continued: cursor.is_some(),
    })
}

/// Counts per kind, topic, language, audience and year of the rows of `m`.
const FACETS_OF_M: &str =
    "SELECT 'kind' AS facet, kind AS value, count(*) AS count FROM m GROUP BY kind
    UNION ALL SELECT 'topic', t, count(*) FROM m, unnest(m.topics) AS t GROUP BY t
    UNION ALL SELECT 'language', language, count(*) FROM m GROUP BY language
    UNION ALL SELECT 'audience', a, count(*) FROM m, unnest(m.audiences) AS a GROUP BY a
    UNION ALL SELECT 'year', year::text, count(*) FROM m WHERE year IS NOT NULL GROUP BY year";

/// One window's answer: a page of hits (and one more if there is a next
/// page), how many matches there are, and their facet counts — one
/// statement, so the matches are read once.
struct Window {
    hits: Vec<Hit>,
    matches: i64,
    facets: Vec<FacetCount>,
}

/// The page below `cursor` among the matches numbered above `after` (the
/// window); the count and facets are of all of the window's matches.
async fn page_after(
    conn: &mut PgConnection,
    query: &Query,
    after: i64,
    order: Order,
    cursor: Option<&Cursor>,
) -> sqlx::Result<Window> {
    let (rank, below, order) = (order.rank_sql(), after_sql(order, cursor), order.sql());
    // Materialised without a LIMIT (see group search): PostgreSQL then
    // picks the full-text index or the window, whichever is smaller. The
    // cursor narrows only the page, so the window is chosen from all of
    // the matches and stays the same from page to page.
    let sql = format!(
        "WITH m AS MATERIALIZED ({MATCHES}),
         page AS (SELECT *, row_number() OVER (ORDER BY {order}) AS position
                  FROM (SELECT *, {rank} AS rank FROM m) AS ranked
                  WHERE {below} ORDER BY {order} LIMIT $9)
         SELECT page.resource_id, page.title, page.summary, page.kind, page.language, page.year,
                page.source_org, page.downloads, page.published_at, page.featured,
                page.resource_no, page.rank, (SELECT count(*) FROM m) AS matches,
                (SELECT COALESCE(json_agg(f), '[]') FROM ({FACETS_OF_M}) AS f) AS facets
         FROM (SELECT 1) AS always LEFT JOIN page ON true
         ORDER BY page.position"
    );
    let rows = bind_query(sqlx::query(&sql), query, after).bind(PER_PAGE + 1);
    let rows = bind_after(rows, cursor)
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

/// A page (and one more hit if there is a next page) of the resources
/// matching the filters below `cursor`, read through the browsing indexes:
/// the keyset condition is a bound of the index scan, so a later page
/// costs what the first does.
async fn browse_page(
    conn: &mut PgConnection,
    query: &Query,
    order: Order,
    cursor: Option<&Cursor>,
) -> sqlx::Result<Vec<Hit>> {
    let (rank, below, order) = (order.rank_sql(), after_sql(order, cursor), order.sql());
    let sql = format!(
        "SELECT resource_id, title, summary, kind, language, year, source_org, downloads,
                published_at, featured, resource_no, {rank} AS rank
         FROM ({MATCHES}) AS m WHERE {below} ORDER BY {order} LIMIT $9"
    );
    // Planned with the actual filters: a plan made for "any filter" reads
    // every resource and sorts them.
    let rows = bind_query(sqlx::query(&sql), query, 0).bind(PER_PAGE + 1);
    let rows = bind_after(rows, cursor)
        .persistent(false)
        .fetch_all(&mut *conn)
        .await?;
    rows.iter()
        .map(<Hit as sqlx::FromRow<_>>::from_row)
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
        .map(<FacetCount as sqlx::FromRow<_>>::from_row)
        .collect()
}

/// The database (tests run many side by side in one process), then the
/// viewer and the filters.
type FacetKey = (String, bool, String, String, String, String, Option<i32>);
type KeptFacets = HashMap<FacetKey, (Instant, Vec<FacetCount>)>;
static BROWSE_FACETS: LazyLock<Mutex<KeptFacets>> = LazyLock::new(Default::default);

/// One gate per set of filters, so that when the counts are missing or stale
/// one request computes them while the others wait (or take the stale ones)
/// instead of all running the same aggregate at once: the bench measured
/// 16 simultaneous recomputations at p99 4.9 s.
static FACETS_IN_FLIGHT: LazyLock<Mutex<HashMap<FacetKey, Arc<tokio::sync::Mutex<()>>>>> =
    LazyLock::new(Default::default);

fn cached_facets(key: &FacetKey, fresh_only: bool) -> Option<Vec<FacetCount>> {
    let cache = BROWSE_FACETS.lock().unwrap_or_else(|p| p.into_inner());
    let (at, counts) = cache.get(key)?;
    (!fresh_only || at.elapsed() < FACETS_FRESH_FOR).then(|| counts.clone())
}

/// Exact counts for browsing without words, kept for a minute per set of
/// filters (a new resource shows in the counts within that minute).
async fn browse_facets(
    conn: &mut PgConnection,
    database: &str,
    query: &Query,
) -> sqlx::Result<Vec<FacetCount>> {
    let key: FacetKey = (
        database.to_owned(),
        query.signed_in,
        query.kind.clone(),
        query.topic.clone(),
        query.language.clone(),
        query.audience.clone(),
        query.year,
    );
    if let Some(counts) = cached_facets(&key, true) {
        return Ok(counts);
    }
    let gate = {
        let mut gates = FACETS_IN_FLIGHT.lock().unwrap_or_else(|p| p.into_inner());
        if gates.len() > 1_000 {
            gates.clear();
        }
        gates.entry(key.clone()).or_default().clone()
    };
    let _computing = match gate.try_lock() {
        Ok(guard) => guard,
        // Someone is computing: a minute-old answer now beats waiting.
        Err(_) => match cached_facets(&key, false) {
            Some(stale) => return Ok(stale),
            None => gate.lock().await,
        },
    };
    // It may have been computed while this request waited.
    if let Some(counts) = cached_facets(&key, true) {
        return Ok(counts);
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

#[cfg(test)]
mod tests {
    use super::*;

    fn at(micros: i64) -> DateTime<Utc> {
        DateTime::from_timestamp_micros(micros).unwrap()
    }

    #[test]
    fn a_cursor_reads_back_exactly_in_its_own_order_only() {
        let published_at = at(1_767_225_600_123_456);
        for (order, lead) in [
            (Order::Featured, Lead::Featured(true)),
            (Order::Featured, Lead::Featured(false)),
            (Order::Rank, Lead::Rank(0.060_792_7)),
            (Order::Rank, Lead::Rank(f32::MIN_POSITIVE / 3.0)),
            (Order::Newest, Lead::Newest),
            (Order::Downloads, Lead::Downloads(i64::MAX)),
        ] {
            let cursor = Cursor {
                lead,
                published_at,
                resource_no: 42,
            };
            let text = cursor.encode();
            assert_eq!(Cursor::decode(&text, order), Some(cursor), "{order:?}");
            assert!(
                text.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'),
                "{text} needs no escaping in a link"
            );
            for other in [
                Order::Featured,
                Order::Rank,
                Order::Newest,
                Order::Downloads,
            ] {
                if other != order {
                    assert_eq!(Cursor::decode(&text, other), None, "{order:?} as {other:?}");
                }
            }
        }
    }

    #[test]
    fn an_unreadable_cursor_is_none() {
        let b64 = |text: &str| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(text);
        for text in [
            String::new(),
            "garbage!".to_owned(),
            b64("n..1"),
            b64("n.5.1.1"),
            b64("f.yes.1.1"),
            b64("r.7f800000.1.1"),
            b64("r.zz.1.1"),
            b64("d.1.1.1.1"),
            b64("d.1.1.x"),
            b64("n..-99999999999999999.1"),
            b64("n..253402300800000000.1"),
        ] {
            for order in [
                Order::Newest,
                Order::Featured,
                Order::Rank,
                Order::Downloads,
            ] {
                assert_eq!(Cursor::decode(&text, order), None, "{text}");
            }
        }
    }
}
