//! `/library`: search with filters, facet counts and three orders; the
//! member's own drafts; and `/library/feed.atom`, the newest resources.

use crate::web::Query;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use crate::app::AppState;
use crate::groups::search::ts_query;
use crate::library::search;
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
    /// The keyset cursor of a next-page link (opaque; see `search::Cursor`).
    /// A text, so that no value of it is refused before the search reads it.
    after: String,
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
        after: params.after.clone(),
    };
    let results = search::run(&state.db, &query).await?;
    let mine = match &ctx.user {
        Some(user) => store::mine(&state.db, user.user_id).await?,
        None => Vec::new(),
    };
    // The same search from its start (no cursor) or after a cursor.
    let link = |after: Option<&str>| {
        let mut pairs = vec![
            ("q", params.q.as_str()),
            ("kind", params.kind.as_str()),
            ("topic", params.topic.as_str()),
            ("language", params.language.as_str()),
            ("audience", params.audience.as_str()),
            ("year", params.year.as_str()),
            ("sort", params.sort.as_str()),
        ];
        pairs.extend(after.map(|after| ("after", after)));
        let query = serde_urlencoded::to_string(pairs);
        format!("/library?{}", query.unwrap_or_default())
    };
    Ok(LibraryPage {
        page: Page::titled(&ctx, "library-title").in_section("library"),
        next_page: results.next.as_deref().map(|after| link(Some(after))),
        // A keyset goes forward only: instead of "previous", a page after
        // the first links back to the first (a reversed keyset would need
        // every order twice for a link few use).
        first_page: results.continued.then(|| link(None)),
        hits: results.hits,
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
        // The feed changed when any entry in it last changed (an edit of an
        // older resource too), not when the newest one was published.
        updated: resources
            .iter()
            .map(|r| r.updated_at)
            .max()
            .unwrap_or_else(|| state.clock.now()),
        resources,
    })?;
    Ok((
        [(header::CONTENT_TYPE, "application/atom+xml; charset=utf-8")],
        body,
    )
        .into_response())
}
