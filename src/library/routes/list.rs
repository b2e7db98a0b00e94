//! `/library`: search with filters, facet counts and three orders; the
//! member's own drafts; and `/library/feed.atom`, the newest resources.

use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use crate::app::AppState;
use crate::groups::search::ts_query;
use crate::library::search::{self, PER_PAGE};
use crate::library::store;
use crate::library::views::{Feed, LibraryPage};
use crate::web::{AppResult, Page, RequestContext};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SearchParams {
    q: String,
    kind: String,
    topic: String,
    language: String,
    audience: String,
    year: String,
    sort: String,
    page: i64,
}

pub async fn search(
    State(state): State<AppState>,
    ctx: RequestContext,
    Query(params): Query<SearchParams>,
) -> AppResult<LibraryPage> {
    let query = search::Query {
        ts_query: ts_query(&params.q),
        kind: params.kind.clone(),
        topic: params.topic.clone(),
        language: params.language.clone(),
        audience: params.audience.clone(),
        year: params.year.trim().parse().ok(),
        sort: params.sort.clone(),
        signed_in: ctx.user.is_some(),
        page: params.page.clamp(0, 50),
    };
    let results = search::run(&state.db, &query).await?;
    let mut hits = results.hits;
    let has_more = hits.len() as i64 > PER_PAGE;
    hits.truncate(PER_PAGE as usize);
    let mine = match &ctx.user {
        Some(user) => store::mine(&state.db, user.user_id).await?,
        None => Vec::new(),
    };
    let link = |n: i64| {
        let query = serde_urlencoded::to_string([
            ("q", params.q.as_str()),
            ("kind", params.kind.as_str()),
            ("topic", params.topic.as_str()),
            ("language", params.language.as_str()),
            ("audience", params.audience.as_str()),
            ("year", params.year.as_str()),
            ("sort", params.sort.as_str()),
            ("page", &n.to_string()),
        ]);
        format!("/library?{}", query.unwrap_or_default())
    };
    Ok(LibraryPage {
        page: Page::titled(&ctx, "library-title").in_section("library"),
        next_page: has_more.then(|| link(query.page + 1)),
        previous_page: (query.page > 0).then(|| link(query.page - 1)),
        hits,
        facets: LibraryPage::group_facets(results.facets),
        counts_complete: results.complete,
        topic_names: store::topics(&state.db).await?,
        mine,
        q: params.q,
        kind: params.kind,
        topic: params.topic,
        language: params.language,
        audience: params.audience,
        year: params.year,
        sort: params.sort,
    })
}

/// An Atom feed of the 50 newest public resources.
pub async fn feed(State(state): State<AppState>) -> AppResult<Response> {
    let resources = store::newest(&state.db, 50).await?;
    let body = askama::Template::render(&Feed {
        base_url: state.config.base_url.clone(),
        updated: resources
            .first()
            .and_then(|r| r.published_at)
            .unwrap_or_else(|| state.clock.now()),
        resources,
    })?;
    Ok((
        [(header::CONTENT_TYPE, "application/atom+xml; charset=utf-8")],
        body,
    )
        .into_response())
}
