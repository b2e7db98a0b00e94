//! `/search`: full-text search over the threads and posts the viewer may
//! read. Text and queries are normalised alike (lower-case Latin without
//! diacritics), so the script and diacritics of either do not matter.
//! The work per query is bounded: the newest 300 matches are ranked.

use sqlx::PgExecutor;
use uuid::Uuid;

use crate::text::search::normalize;

/// Ranking considers at most this many of the newest matches.
const CANDIDATES: i64 = 300;
pub const PER_PAGE: i64 = 20;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Hit {
    pub thread_id: Uuid,
    pub seq: i32,
    pub title: String,
    pub body: String,
    pub slug: String,
    pub group_name: String,
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

pub async fn search(
    executor: impl PgExecutor<'_>,
    ts_query: &str,
    viewer: Option<Uuid>,
    group: Option<&str>,
    page: i64,
) -> sqlx::Result<Vec<Hit>> {
    sqlx::query_as(
        r#"
        WITH candidates AS (
            SELECT p.thread_id, p.seq, t.title, p.body, g.slug, g.name AS group_name, p.anonymous,
                   u.name AS author_name, u.deleted_at IS NOT NULL AS author_deleted, p.created_at, p.search
            FROM posts p
            JOIN threads t ON t.thread_id = p.thread_id
            JOIN groups g ON g.group_id = t.group_id
            JOIN users u ON u.user_id = p.author_id
            LEFT JOIN group_members m ON m.group_id = g.group_id AND m.user_id = $2
            WHERE p.search @@ to_tsquery('simple', $1)
              AND p.deleted_at IS NULL AND NOT p.pending AND p.hidden_at IS NULL
              AND ((g.visibility = 'public' AND m.status IS DISTINCT FROM 'banned') OR m.status = 'active')
              AND ($3::text IS NULL OR g.slug = $3)
            ORDER BY p.created_at DESC
            LIMIT $4
        )
        SELECT thread_id, seq, title, body, slug, group_name, anonymous, author_name, author_deleted, created_at
        FROM candidates
        ORDER BY ts_rank(search, to_tsquery('simple', $1)) DESC, created_at DESC
        OFFSET $5 LIMIT $6
        "#,
    )
    .bind(ts_query)
    .bind(viewer)
    .bind(group)
    .bind(CANDIDATES)
    .bind(page * PER_PAGE)
    .bind(PER_PAGE + 1)
    .fetch_all(executor)
    .await
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
