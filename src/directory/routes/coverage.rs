//! `/services/coverage`: municipalities × kinds of service, with the
//! number of published services in each cell (linking to the list) and a
//! visible gap where there are none — for decision makers planning where
//! services are missing. Public; `country` (default RS) and `region`
//! filters, anything unknown quietly ignored.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{RawQuery, State};

use crate::app::AppState;
use crate::directory::coverage::{self, CoverageRow, KindSummary};
use crate::directory::policy;
use crate::directory::views::place_name;
use crate::directory::vocabulary::ServiceKind;
use crate::i18n::{self, Args};
use crate::web::{AppResult, Page, RequestContext};

pub const DEFAULT_COUNTRY: &str = "RS";

#[derive(Debug, Default)]
pub struct CoverageParams {
    pub country: String,
    pub region: String,
}

impl CoverageParams {
    /// Read by hand so that a repeated, unknown or undecodable parameter
    /// is ignored rather than refused: the first value of each one counts.
    pub fn parse(query: Option<&str>) -> CoverageParams {
        let pairs: Vec<(String, String)> =
            serde_urlencoded::from_str(query.unwrap_or_default()).unwrap_or_default();
        let first = |name: &str| {
            pairs
                .iter()
                .find(|(key, _)| key == name)
                .map(|(_, value)| value.trim().to_owned())
                .unwrap_or_default()
        };
        CoverageParams {
            country: first("country"),
            region: first("region"),
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "directory/coverage.html")]
pub struct CoveragePage {
    pub page: Page,
    pub country: &'static str,
    /// The chosen region, when it is one of the country's.
    pub region: Option<String>,
    pub regions: Vec<String>,
    pub rows: Vec<CoverageRow>,
    pub summary: Vec<KindSummary>,
}

impl CoveragePage {
    pub fn kinds(&self) -> &'static [ServiceKind] {
        ServiceKind::ALL
    }

    pub fn countries(&self) -> &'static [&'static str] {
        &policy::COUNTRIES
    }

    pub fn is_region(&self, region: &str) -> bool {
        self.region.as_deref() == Some(region)
    }

    pub fn place_name(&self, row: &CoverageRow) -> String {
        place_name(&self.page, &row.name, &row.name_cyrl)
    }

    /// The `kind` column (by position) of `row`, and its kind's slug.
    pub fn cells<'a>(&self, row: &'a CoverageRow) -> impl Iterator<Item = (ServiceKind, i64)> + 'a {
        ServiceKind::ALL
            .iter()
            .copied()
            .zip(row.counts.iter().copied())
    }

    pub fn grand_total(&self) -> i64 {
        self.summary.iter().map(|s| s.services).sum()
    }

    /// "Dnevni boravak nedostaje u 5 od 7 opština."
    pub fn summary_line(&self, kind: &KindSummary) -> String {
        let total = self.rows.len() as i64;
        let name = self.page.t(kind.kind.message_key());
        let key = if kind.missing_in == 0 {
            "services-coverage-everywhere"
        } else {
            "services-coverage-missing"
        };
        let args = Args::new()
            .with("kind", name)
            .with("missing", kind.missing_in as i64)
            .with("total", total);
        i18n::t_args(self.page.locale, key, &args)
    }

    /// What the table shows: the country, and the region when chosen.
    pub fn caption(&self) -> String {
        let place = match &self.region {
            Some(region) => format!(
                "{}, {}",
                self.page.tp("country-", self.country),
                self.page.reference(region)
            ),
            None => self.page.tp("country-", self.country),
        };
        self.page.t1("services-coverage-caption", "place", place)
    }
}

pub async fn show(
    State(state): State<AppState>,
    ctx: RequestContext,
    RawQuery(query): RawQuery,
) -> AppResult<CoveragePage> {
    let params = CoverageParams::parse(query.as_deref());
    let country = policy::COUNTRIES
        .iter()
        .copied()
        .find(|c| c.eq_ignore_ascii_case(&params.country))
        .unwrap_or(DEFAULT_COUNTRY);
    let regions = coverage::regions(&state.db, country).await?;
    let region = regions.iter().find(|r| **r == params.region).cloned();
    let rows = coverage::table(&state.db, country, region.as_deref()).await?;
    let summary = coverage::summarize(&rows);
    Ok(CoveragePage {
        page: Page::titled(&ctx, "services-coverage-title").in_section("services"),
        country,
        region,
        regions,
        rows,
        summary,
    })
}
