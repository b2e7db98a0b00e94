//! `/services`: search and filters, "near" a point or a municipality,
//! results as a list that works without JavaScript, and the map.

use crate::web::Query;
use axum::extract::State;
use axum::response::Response;
use serde::Deserialize;

use super::with_map_policy;
use crate::app::AppState;
use crate::directory::search::{self, Cursor, PER_PAGE};
use crate::directory::views::{ServicesPage, place_name};
use crate::directory::{emergency, policy, store};
use crate::groups::search::ts_query;
use crate::web::{AppResult, Page, RequestContext};

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct SearchParams {
    pub q: String,
    pub kind: String,
    pub group: String,
    pub country: String,
    pub municipality: String,
    /// A municipality whose seat the results are ordered by distance from.
    pub near: String,
    /// The browser's position ("near me"), when it shared it.
    pub lat: String,
    pub lon: String,
    pub after: String,
    /// The form's one place list: `mode` "in" filters by it, otherwise
    /// results are ordered by distance from it (`near`).
    pub place: String,
    pub mode: String,
}

impl SearchParams {
    /// This search's address with `after` set (or cleared).
    pub fn link(&self, after: &str) -> String {
        let query = serde_urlencoded::to_string([
            ("q", self.q.as_str()),
            ("kind", self.kind.as_str()),
            ("group", self.group.as_str()),
            ("country", self.country.as_str()),
            ("municipality", self.municipality.as_str()),
            ("near", self.near.as_str()),
            ("lat", self.lat.as_str()),
            ("lon", self.lon.as_str()),
            ("after", after),
        ])
        .unwrap_or_default();
        // Empty parameters only lengthen the address.
        let kept: Vec<&str> = query.split('&').filter(|p| !p.ends_with('=')).collect();
        format!("/services?{}", kept.join("&"))
    }
}

fn known<'a>(value: &'a str, list: &[&str]) -> Option<String> {
    list.contains(&value).then(|| value.to_owned())
}

fn coordinate(text: &str, range: std::ops::RangeInclusive<f64>) -> Option<f64> {
    text.trim()
        .parse::<f64>()
        .ok()
        .filter(|v| range.contains(v))
}

pub async fn search(
    State(state): State<AppState>,
    ctx: RequestContext,
    Query(mut params): Query<SearchParams>,
) -> AppResult<Response> {
    if !params.place.is_empty() {
        let place = std::mem::take(&mut params.place);
        if params.mode == "in" {
            params.municipality = place;
        } else {
            params.near = place;
        }
    }
    let municipalities = store::municipalities(&state.db).await?;
    let seat = |text: &str| {
        text.parse::<i32>()
            .ok()
            .and_then(|id| municipalities.iter().find(|m| m.municipality_id == id))
    };
    let near_place = seat(&params.near);
    let own_position = match (
        coordinate(&params.lat, -90.0..=90.0),
        coordinate(&params.lon, -180.0..=180.0),
    ) {
        (Some(lat), Some(lon)) => Some((lat, lon)),
        _ => None,
    };
    let near = own_position.or(near_place.map(|m| (m.latitude, m.longitude)));
    let query = search::Query {
        ts_query: ts_query(&params.q),
        kind: known(&params.kind, &policy::KINDS),
        target_group: known(&params.group, &policy::TARGET_GROUPS),
        country: known(&params.country, &policy::COUNTRIES),
        municipality_id: seat(&params.municipality).map(|m| m.municipality_id),
        near,
        after: Cursor::decode(&params.after),
    };
    let mut hits = search::run(&state.db, &query).await?;
    let has_more = hits.len() as i64 > PER_PAGE;
    hits.truncate(PER_PAGE as usize);
    let next_page = match hits.last() {
        Some(last) if has_more => Some(params.link(&Cursor::after(last).encode())),
        _ => None,
    };
    let page = Page::titled(&ctx, "services-title").in_section("services");
    let chosen_country = query.country.clone();
    let page = ServicesPage {
        emergency: emergency::by_country(&state.db, chosen_country.as_deref()).await?,
        first_page: query.after.is_some().then(|| params.link("")),
        next_page,
        near_name: match (own_position, near_place) {
            (Some(_), _) => Some(crate::i18n::t(ctx.locale, "services-near-you")),
            (None, Some(place)) => Some(place_name(&page, &place.name, &place.name_cyrl)),
            _ => None,
        },
        now: state.clock.now(),
        tiles_url: state.config.map_tiles_url.clone().unwrap_or_default(),
        hits,
        municipalities,
        params,
        page,
    };
    Ok(with_map_policy(&state.config, page))
}
