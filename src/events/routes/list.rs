//! `/events`: upcoming or past events the viewer may see, with filters.

use crate::web::Query;
use axum::extract::State;
use serde::Deserialize;

use crate::app::AppState;
use crate::events::store::{self, ListQuery};
use crate::events::views::EventListPage;
use crate::events::vocabulary::EventKind;
use crate::events::{calendar_feed, people, policy};
use crate::web::{AppResult, Page, RequestContext};

const PER_PAGE: i64 = 30;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ListParams {
    when: String,
    kind: String,
    language: String,
    city: String,
    group: String,
    page: i64,
}

fn chosen(value: &str) -> Option<String> {
    let value = value.trim();
    (!value.is_empty()).then(|| value.to_owned())
}

pub async fn list(
    State(state): State<AppState>,
    ctx: RequestContext,
    Query(params): Query<ListParams>,
) -> AppResult<EventListPage> {
    let viewer = ctx.user.as_ref().map(|u| u.user_id);
    let page_number = params.page.clamp(0, 100);
    let query = ListQuery {
        past: params.when == "past",
        kind: EventKind::parse(&params.kind),
        language: chosen(&params.language),
        city: chosen(&params.city),
        group_slug: chosen(&params.group),
        signed_in: ctx.user.is_some(),
        limit: PER_PAGE + 1,
        offset: page_number * PER_PAGE,
    };
    let mut events = store::list(&state.db, viewer, &query, state.clock.now()).await?;
    let has_more = events.len() as i64 > PER_PAGE;
    events.truncate(PER_PAGE as usize);
    let can_organise = match &ctx.user {
        Some(user) => {
            policy::can_organise_open_events(user)
                || (user.can_participate()
                    && !people::organisable_groups(&state.db, user.user_id)
                        .await?
                        .is_empty())
        }
        None => false,
    };
    let feed_url = match &ctx.user {
        Some(user) => {
            let token = calendar_feed::calendar_token(
                &state.db,
                user.user_id,
                &crate::web::context::new_token(),
                state.clock.now(),
            )
            .await?;
            Some(format!("{}/calendar/{token}.ics", state.config.base_url))
        }
        None => None,
    };
    let link = |n: i64| {
        let query = serde_urlencoded::to_string([
            ("when", params.when.as_str()),
            ("kind", params.kind.as_str()),
            ("language", params.language.as_str()),
            ("city", params.city.as_str()),
            ("group", params.group.as_str()),
            ("page", &n.to_string()),
        ]);
        format!("/events?{}", query.unwrap_or_default())
    };
    // The group filter offers the viewer's own groups.
    let my_groups = match viewer {
        Some(viewer) => crate::groups::store::list_groups(&state.db, Some(viewer), None)
            .await?
            .into_iter()
            .filter(|g| g.is_member())
            .map(|g| (g.slug, g.name))
            .collect(),
        None => Vec::new(),
    };
    Ok(EventListPage {
        my_groups,
        page: Page::titled(&ctx, "events-title").in_section("events"),
        cities: store::cities(&state.db).await?,
        events,
        past: query.past,
        kind: params.kind.clone(),
        language: params.language.clone(),
        city: params.city.clone(),
        group: params.group.clone(),
        next_page: has_more.then(|| link(page_number + 1)),
        previous_page: (page_number > 0).then(|| link(page_number - 1)),
        can_organise,
        kinds: EventKind::ALL,
        feed_url,
    })
}
