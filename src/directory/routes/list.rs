//! `/services`: search and filters, "near" a point or a municipality,
//! results as a list that works without JavaScript, and the map.

use crate::web::Query;
use axum::extract::State;
use axum::http::{HeaderMap, header};
use axum::response::Response;

use super::with_map_policy;
use crate::app::AppState;
use crate::directory::search::{self, Cursor, PER_PAGE};
use crate::directory::search_params::SearchParams;
use crate::directory::views::{ServicesPage, place_name};
use crate::directory::vocabulary::ServiceKind;
use crate::directory::{emergency, policy, store};
use crate::groups::search::ts_query;
use crate::web::{AppResult, Page, RequestContext, cookies};

/// The last place a visitor chose, so the list (and the "nearest shelter"
/// links) start from it next time.
const PLACE_COOKIE: &str = "kolega_place";
/// Remembered for half a year.
const PLACE_REMEMBERED_SECONDS: i64 = 183 * 24 * 60 * 60;

/// What to do with the remembered place after this search.
enum Remember {
    Keep,
    Set(i32),
    Forget,
}

fn known(value: &str, list: &[&str]) -> Option<String> {
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
    headers: HeaderMap,
    Query(mut params): Query<SearchParams>,
) -> AppResult<Response> {
    let mut remember = Remember::Keep;
    match params.place.take() {
        Some(place) if place.is_empty() => remember = Remember::Forget,
        Some(place) if params.mode == "in" => params.municipality = place,
        Some(place) => params.near = place,
        None => {}
    }
    let municipalities = store::municipalities(&state.db).await?;
    let seat = |text: &str| {
        text.parse::<i32>()
            .ok()
            .and_then(|id| municipalities.iter().find(|m| m.municipality_id == id))
    };
    let no_place_asked = params.near.is_empty()
        && params.municipality.is_empty()
        && params.lat.is_empty()
        && params.lon.is_empty();
    if no_place_asked && matches!(remember, Remember::Keep) {
        // Nothing chosen this time: start from the place chosen before.
        if let Some(id) = cookies::get(&headers, PLACE_COOKIE).and_then(&seat) {
            params.near = id.municipality_id.to_string();
        }
    }
    let chosen = seat(&params.near).or(seat(&params.municipality));
    if let (Some(place), Remember::Keep) = (chosen, &remember) {
        remember = Remember::Set(place.municipality_id);
    }
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
        kind: ServiceKind::parse(&params.kind),
        target_group: known(&params.group, &policy::TARGET_GROUPS),
        country: known(&params.country, &policy::COUNTRIES),
        municipality_id: seat(&params.municipality).map(|m| m.municipality_id),
        near,
        after: Cursor::decode(&params.after),
    };
    let mut hits = search::run(&state.db, &query).await?;
    let total = search::count(&state.db, &query).await?;
    let has_more = hits.len() as i64 > PER_PAGE;
    hits.truncate(PER_PAGE as usize);
    let next_page = match hits.last() {
        Some(last) if has_more => Some(params.link(&Cursor::after(last).encode())),
        _ => None,
    };
    let page = Page::titled(&ctx, "services-title").in_section("services");
    let chosen_country = query
        .country
        .clone()
        .or(chosen.map(|m| m.country_code.clone()));
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
        total,
        place_chosen: chosen.is_some() || own_position.is_some(),
        municipalities,
        params,
        page,
    };
    let mut response = with_map_policy(&state.config, page);
    let secure = state.config.secure_cookies();
    let cookie = match remember {
        Remember::Set(id) => Some(cookies::set(
            PLACE_COOKIE,
            &id.to_string(),
            Some(PLACE_REMEMBERED_SECONDS),
            secure,
        )),
        Remember::Forget => Some(cookies::clear(PLACE_COOKIE, secure)),
        Remember::Keep => None,
    };
    if let Some(cookie) = cookie {
        response.headers_mut().append(header::SET_COOKIE, cookie);
    }
    Ok(response)
}
