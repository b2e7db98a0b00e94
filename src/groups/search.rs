//! `/search`: full-text search over the threads and posts the viewer may
//! read. Text and queries are normalised alike (lower-case Latin without
//! diacritics), so the script and diacritics of either do not matter.
//! The work per query is bounded: the newest 300 matches are ranked, and
//! they are looked for in growing windows of the newest posts, so a word
//! found in every other post costs a few thousand index entries, not a
//! million (see [`WINDOWS`]).

use sqlx::{FromRow, PgExecutor, PgPool, Row};
use uuid::Uuid;

use crate::text::search::normalize;

/// Ranking considers at most this many of the newest matches.
const CANDIDATES: i64 = 300;

/// How many of the newest posts each try looks at; the last try looks at
/// all. A common word fills its candidates in the first window; a rare
/// one reaches the last, where the full-text index finds its few matches
/// cheaply. Each window is eight times the one before, so the work is at
/// most a small multiple of what the final window alone would cost.
const WINDOWS: [Option<i64>; 3] = [Some(4_000), Some(32_000), None];
pub const PER_PAGE: i64 = 20;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Hit {
    pub thread_id: Uuid,
    pub seq: i32,
    pub title: String,
    pub body: String,
    pub slug: String,
    pub group_name: String,
    /// The group's language, so the hit reads in the reader's script.
    pub group_language: String,
    pub anonymous: bool,
    pub author_name: String,
    pub author_deleted: bool,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

/// The search terms of a query: normalised words, one-letter words dropped
/// (unless alone), and a light stem — Serbian inflects by the ending, so
/// "nasilje" should find "nasilja" and "nasiljem": trailing vowels of longer
/// words are cut and the rest matched as a prefix.
pub fn terms(query: &str) -> Vec<String> {
    let words: Vec<String> = normalize(query)
        .split(' ')
        .filter(|w| !w.is_empty() && w.chars().all(char::is_alphanumeric))
        .map(str::to_owned)
        .collect();
    let long_enough = words.iter().any(|w| w.chars().count() > 1);
    words
        .into_iter()
        .filter(|w| !long_enough || w.chars().count() > 1)
        .take(8)
        .map(|w| {
            if w.chars().count() >= 5 {
                let stem = w.trim_end_matches(['a', 'e', 'i', 'o', 'u']);
                if stem.chars().count() >= 4 {
                    stem.to_owned()
                } else {
                    w
                }
            } else {
                w
            }
        })
        .collect()
}

/// A prefix query over the terms of `query`, or `None` if it has none.
pub fn ts_query(query: &str) -> Option<String> {
    let terms: Vec<String> = terms(query).into_iter().map(|t| format!("{t}:*")).collect();
    (!terms.is_empty()).then(|| terms.join(" & "))
}

/// One page of hits, best first, and one more if there is a next page.
pub async fn search(
    pool: &PgPool,
    ts_query: &str,
    viewer: Option<Uuid>,
    group: Option<&str>,
    page: i64,
) -> sqlx::Result<Vec<Hit>> {
    let newest: Option<i64> = sqlx::query_scalar("SELECT max(post_no) FROM posts")
        .fetch_one(pool)
        .await?;
    let Some(newest) = newest else {
        return Ok(Vec::new());
    };
    let mut window_hits = WindowHits::default();
    for (try_number, window) in WINDOWS.into_iter().enumerate() {
        let after = window.map_or(0, |size| newest - size);
        let mut tx = pool.begin().await?;
        if try_number > 0 && window.is_some() {
            // A wider window is tried only for a word rare among the newest
            // posts, but PostgreSQL cannot tell how rare a prefix is: it
            // would read the window's posts one by one (tens of thousands).
            // Bitmap scans make it intersect the full-text index with the
            // window instead.
            sqlx::query("SET LOCAL enable_indexscan = off")
                .execute(&mut *tx)
                .await?;
        }
        window_hits = search_after(&mut *tx, ts_query, viewer, group, page, after).await?;
        tx.commit().await?;
        // A window with enough matches ends the search even if the viewer
        // may read few of them: widening further would read every match
        // of a common word in groups closed to the viewer.
        let enough = window_hits.visible >= CANDIDATES || window_hits.matches >= CANDIDATES;
        if enough || after <= 0 {
            break;
        }
    }
    Ok(window_hits.hits)
}

#[derive(Debug, Default)]
struct WindowHits {
    hits: Vec<Hit>,
    /// Matches among the window's posts.
    matches: i64,
    /// Of those, matches the viewer may read (at most [`CANDIDATES`]).
    visible: i64,
}

/// Like [`search`], among posts numbered above `after`.
async fn search_after(
    executor: impl PgExecutor<'_>,
    ts_query: &str,
    viewer: Option<Uuid>,
    group: Option<&str>,
    page: i64,
    after: i64,
) -> sqlx::Result<WindowHits> {
    // `matches` is materialised without a LIMIT on purpose: with one,
    // PostgreSQL walks the newest posts hoping to meet matches soon, which
    // for a rare word means reading all million posts. Without it, it picks
    // the full-text index or the window's range, whichever is smaller.
    // The last row carries the counts even when no hit is visible.
    let rows = sqlx::query(
        r#"
        WITH matches AS MATERIALIZED (
            SELECT p.post_id, p.group_id, p.search, p.post_no
            FROM posts p
            WHERE p.search @@ to_tsquery('simple', $1) AND p.post_no > $7
              AND p.deleted_at IS NULL AND NOT p.pending AND p.hidden_at IS NULL
        ), candidates AS (
            SELECT p.post_id, ts_rank(p.search, to_tsquery('simple', $1)) AS rank, p.post_no
            FROM matches p
            JOIN groups g ON g.group_id = p.group_id
            LEFT JOIN group_members m ON m.group_id = g.group_id AND m.user_id = $2
            WHERE ((g.visibility = 'public' AND m.status IS DISTINCT FROM 'banned') OR m.status = 'active')
              AND ($3::text IS NULL OR g.slug = $3)
            ORDER BY p.post_no DESC
            LIMIT $4
        ), page AS (
            SELECT post_id, rank, post_no FROM candidates
            ORDER BY rank DESC, post_no DESC
            OFFSET $5 LIMIT $6
        ), hits AS (
            SELECT p.thread_id, p.seq, t.title, p.body, g.slug, g.name AS group_name,
                   g.language AS group_language, p.anonymous,
                   u.name AS author_name, u.deleted_at IS NOT NULL AS author_deleted, p.created_at,
                   page.rank, page.post_no
            FROM page
            JOIN posts p ON p.post_id = page.post_id
            JOIN threads t ON t.thread_id = p.thread_id
            JOIN groups g ON g.group_id = p.group_id
            JOIN users u ON u.user_id = p.author_id
        )
        SELECT hits.*, (SELECT count(*) FROM matches) AS matches, (SELECT count(*) FROM candidates) AS found
        FROM (SELECT 1) AS always
        LEFT JOIN hits ON true
        ORDER BY hits.rank DESC NULLS LAST, hits.post_no DESC
        "#,
    )
    .bind(ts_query)
    .bind(viewer)
    .bind(group)
    .bind(CANDIDATES)
    .bind(page * PER_PAGE)
    .bind(PER_PAGE + 1)
    .bind(after)
    // Planned afresh with the actual words and window: a plan cached for
    // one word would be the wrong plan for a word a thousand times rarer.
    .persistent(false)
    .fetch_all(executor)
    .await?;
    let mut result = WindowHits::default();
    for row in &rows {
        result.matches = row.try_get("matches")?;
        result.visible = row.try_get("found")?;
        let thread_id: Option<Uuid> = row.try_get("thread_id")?;
        if thread_id.is_some() {
            result.hits.push(Hit::from_row(row)?);
        }
    }
    Ok(result)
}

/// A piece of `text` around the first word matching the query, as HTML
/// with the matching words in `<mark>`.
pub fn snippet(text: &str, query: &str) -> String {
    let terms = terms(query);
    let words: Vec<&str> = text.split_whitespace().collect();
    let matches = |word: &str| {
        let normalized = normalize(word);
        !normalized.is_empty()
            && terms
                .iter()
                .any(|t| normalized.split(' ').any(|w| w.starts_with(t.as_str())))
    };
    let first = words.iter().position(|w| matches(w)).unwrap_or(0);
    let start = first.saturating_sub(12);
    let end = (first + 18).min(words.len());
    let mut html = String::new();
    if start > 0 {
        html.push_str("… ");
    }
    for (i, word) in words[start..end].iter().enumerate() {
        if i > 0 {
            html.push(' ');
        }
        let escaped = escape(word);
        if matches(word) {
            html.push_str(&format!("<mark>{escaped}</mark>"));
        } else {
            html.push_str(&escaped);
        }
    }
    if end < words.len() {
        html.push_str(" …");
    }
    html
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_are_normalised_prefixes() {
        assert_eq!(
            ts_query("Nasilje u porodici").as_deref(),
            Some("nasilj:* & porodic:*")
        );
        assert_eq!(
            ts_query("насиље у породици"),
            ts_query("nasilje u porodici")
        );
        assert_eq!(ts_query("  !!! "), None);
        assert_eq!(ts_query("a & b | !c").as_deref(), Some("a:* & b:* & c:*"));
        assert_eq!(ts_query("CSR deca").as_deref(), Some("csr:* & deca:*"));
    }

    #[test]
    fn snippets_mark_matches_and_escape_html() {
        let html = snippet(
            "Procena rizika kod <b>nasilja</b> u porodici je ključna.",
            "насиље",
        );
        assert!(
            html.contains("<mark>&lt;b&gt;nasilja&lt;/b&gt;</mark>"),
            "{html}"
        );
        assert!(!html.contains("<b>"));
    }
}
