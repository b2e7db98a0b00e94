//! Coverage: how many published services of each kind every municipality
//! of a country (or one of its regions) has, so the places with none stand
//! out — the association held its round tables exactly there. One query
//! for the whole table; municipalities without any service still appear.

use sqlx::PgExecutor;

use super::vocabulary::ServiceKind;
use crate::text::search::normalize;

/// One municipality's row: counts in the order of [`ServiceKind::ALL`].
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CoverageRow {
    pub municipality_id: i32,
    pub name: String,
    pub name_cyrl: String,
    pub region: String,
    pub counts: Vec<i64>,
}

impl CoverageRow {
    pub fn total(&self) -> i64 {
        self.counts.iter().sum()
    }
}

/// The table for `country`, narrowed to `region` when given; rows in
/// alphabetical order (diacritics folded, so "Šid" sits among the S's, not
/// after "Žitorađa").
pub async fn table(
    executor: impl PgExecutor<'_>,
    country: &str,
    region: Option<&str>,
) -> sqlx::Result<Vec<CoverageRow>> {
    // Counted first per (municipality, kind) from the partial index on
    // published services, then laid over every municipality × kind.
    let mut rows: Vec<CoverageRow> = sqlx::query_as(
        "WITH counts AS (
             SELECT s.municipality_id, s.kind, count(*) AS n
             FROM services s JOIN municipalities m USING (municipality_id)
             WHERE s.status = 'published' AND m.country_code = $2 AND ($3::text IS NULL OR m.region = $3)
             GROUP BY s.municipality_id, s.kind
         )
         SELECT m.municipality_id, m.name, m.name_cyrl, m.region,
                array_agg(coalesce(c.n, 0) ORDER BY k.position) AS counts
         FROM municipalities m
         CROSS JOIN unnest($1::text[]) WITH ORDINALITY AS k (kind, position)
         LEFT JOIN counts c ON c.municipality_id = m.municipality_id AND c.kind = k.kind
         WHERE m.country_code = $2 AND ($3::text IS NULL OR m.region = $3)
         GROUP BY m.municipality_id",
    )
    .bind(ServiceKind::ALL.iter().map(|kind| kind.as_str()).collect::<Vec<_>>())
    .bind(country)
    .bind(region)
    .fetch_all(executor)
    .await?;
    rows.sort_by_cached_key(|row| (normalize(&row.name), row.name.clone()));
    Ok(rows)
}

/// The regions of a country's municipalities, alphabetically.
pub async fn regions(executor: impl PgExecutor<'_>, country: &str) -> sqlx::Result<Vec<String>> {
    let mut regions: Vec<String> = sqlx::query_scalar(
        "SELECT DISTINCT region FROM municipalities WHERE country_code = $1 AND region <> ''",
    )
    .bind(country)
    .fetch_all(executor)
    .await?;
    regions.sort_by_cached_key(|region| (normalize(region), region.clone()));
    Ok(regions)
}

/// Per kind: services in all rows, and how many rows have none.
#[derive(Debug, Clone, PartialEq)]
pub struct KindSummary {
    pub kind: ServiceKind,
    pub services: i64,
    pub missing_in: usize,
}

pub fn summarize(rows: &[CoverageRow]) -> Vec<KindSummary> {
    ServiceKind::ALL
        .iter()
        .enumerate()
        .map(|(i, kind)| KindSummary {
            kind: *kind,
            services: rows
                .iter()
                .map(|r| r.counts.get(i).copied().unwrap_or(0))
                .sum(),
            missing_in: rows
                .iter()
                .filter(|r| r.counts.get(i).copied().unwrap_or(0) == 0)
                .count(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(name: &str, counts: &[i64]) -> CoverageRow {
        let mut all = vec![0; ServiceKind::ALL.len()];
        all[..counts.len()].copy_from_slice(counts);
        CoverageRow {
            municipality_id: 1,
            name: name.into(),
            name_cyrl: String::new(),
            region: String::new(),
            counts: all,
        }
    }

    #[test]
    fn the_summary_counts_services_and_the_places_without_them() {
        let rows = [
            row("Vranje", &[1, 2]),
            row("Bela Palanka", &[1]),
            row("Doljevac", &[]),
        ];
        let summary = summarize(&rows);
        assert_eq!(summary.len(), ServiceKind::ALL.len());
        assert_eq!((summary[0].services, summary[0].missing_in), (2, 1));
        assert_eq!((summary[1].services, summary[1].missing_in), (2, 2));
        assert_eq!((summary[2].services, summary[2].missing_in), (0, 3));
        assert_eq!(rows[0].total(), 3);
    }
}
