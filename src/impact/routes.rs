//! The impact page.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::routing::get;

use super::chart;
use super::store::{self, Figures, Monthly, SERIES};
use crate::app::AppState;
use crate::web::{AppResult, Page, RequestContext};

pub fn router() -> Router<AppState> {
    Router::new().route("/about/impact", get(impact))
}

#[derive(Template, WebTemplate)]
#[template(path = "impact/impact.html")]
pub struct ImpactPage {
    pub page: Page,
    pub figures: Figures,
    /// (series name, its months, the chart).
    pub trends: Vec<(&'static str, Monthly, String)>,
}

async fn impact(State(state): State<AppState>, ctx: RequestContext) -> AppResult<ImpactPage> {
    let now = state.clock.now();
    let mut trends = Vec::new();
    for (name, rows_sql) in SERIES {
        let months = store::monthly(&state.db, rows_sql, now).await?;
        // Bars are labelled "12/25"; the table gives the full month.
        let labels: Vec<(String, i64)> = months
            .iter()
            .map(|(month, n)| (short_month(month), *n))
            .collect();
        trends.push((name, months, chart::bars(&labels)));
    }
    Ok(ImpactPage {
        page: Page::titled(&ctx, "impact-title").in_section("about"),
        figures: store::figures(&state.db, now).await?,
        trends,
    })
}

/// "2026-12" → "12/26".
fn short_month(month: &str) -> String {
    match month.split_once('-') {
        Some((year, m)) => format!("{m}/{}", &year[year.len().saturating_sub(2)..]),
        None => month.to_owned(),
    }
}
