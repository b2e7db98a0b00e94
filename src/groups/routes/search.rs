//! `/search?q=…&group=…`: threads and posts the viewer may read.

use crate::web::Query;
use axum::extract::State;
use serde::Deserialize;

use crate::app::AppState;
use crate::groups::search::{self, Hit, PER_PAGE};
use crate::groups::store;
use crate::groups::views::{SearchPage, SearchResult};
use crate::web::{AppResult, Page, RequestContext};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SearchParams {
    q: String,
    group: String,
    page: i64,
}

pub async fn search(
    State(state): State<AppState>,
    ctx: RequestContext,
    Query(params): Query<SearchParams>,
) -> AppResult<SearchPage> {
    let viewer = ctx.user.as_ref().map(|u| u.user_id);
    let groups = store::list_groups(&state.db, viewer, None).await?;
    let page_number = params.page.clamp(0, 50);
    let group = groups
        .iter()
        .find(|g| g.slug == params.group)
        .map(|g| g.slug.as_str());
    let mut hits: Vec<Hit> = match search::ts_query(&params.q) {
        Some(query) => search::search(&state.db, &query, viewer, group, page_number).await?,
        None => Vec::new(),
    };
    let has_more = hits.len() as i64 > PER_PAGE;
    hits.truncate(PER_PAGE as usize);
    let page = Page::titled(&ctx, "search-title").in_section("groups");
    let results = hits
        .into_iter()
        .map(|hit| SearchResult {
            link: format!(
                "/groups/{}/t/{}?page={}#post-{}",
                hit.slug,
                hit.thread_id,
                (hit.seq as i64 - 1) / store::POSTS_PER_PAGE + 1,
                hit.seq
            ),
            author: if hit.anonymous {
                page.t("anonymous-colleague")
            } else if hit.author_deleted {
                page.t("former-member")
            } else {
                hit.author_name.clone()
            },
            snippet_html: search::snippet(
                &format!(
                    "{} {}",
                    if hit.seq == 1 { hit.title.as_str() } else { "" },
                    hit.body
                ),
                &params.q,
            ),
            hit,
        })
        .collect();
    let link = |n: i64| {
        let query = serde_urlencoded::to_string([
            ("q", params.q.as_str()),
            ("group", params.group.as_str()),
            ("page", &n.to_string()),
        ]);
        format!("/search?{}", query.unwrap_or_default())
    };
    Ok(SearchPage {
        page,
        searched: !params.q.trim().is_empty(),
        group: params.group.clone(),
        groups,
        results,
        next_page: has_more.then(|| link(page_number + 1)),
        previous_page: (page_number > 0).then(|| link(page_number - 1)),
        q: params.q,
    })
}
