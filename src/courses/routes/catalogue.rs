//! `/courses`: the catalogue of published courses, searched in either
//! script and filtered by topic, language and level, 20 to a page.

use axum::extract::State;
use serde::Deserialize;

use crate::app::AppState;
use crate::courses::policy;
use crate::courses::store::{self, catalogue::CatalogueQuery};
use crate::courses::views::CataloguePage;
use crate::courses::vocabulary::Level;
use crate::text::search::normalize;
use crate::web::{AppResult, Page, Query, RequestContext};

const PAGE_SIZE: i64 = 20;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CatalogueParams {
    q: String,
    topic: String,
    language: String,
    level: String,
    page: String,
}

fn some(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

pub async fn list(
    State(state): State<AppState>,
    ctx: RequestContext,
    Query(params): Query<CatalogueParams>,
) -> AppResult<CataloguePage> {
    let number: i64 = params.page.parse().unwrap_or(1).clamp(1, 10_000);
    let level = Level::parse(&params.level);
    let query = CatalogueQuery {
        words: normalize(&params.q)
            .split(' ')
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect(),
        topic: some(&params.topic),
        language: some(&params.language),
        level,
        offset: (number - 1) * PAGE_SIZE,
        // One more than shown tells whether there is a next page.
        limit: PAGE_SIZE + 1,
        viewer: ctx.user.as_ref().map(|u| u.user_id),
    };
    let mut courses = store::catalogue::search(&state.db, &query).await?;
    let more = courses.len() as i64 > PAGE_SIZE;
    courses.truncate(PAGE_SIZE as usize);
    let link = |n: i64| {
        let query = serde_urlencoded::to_string([
            ("q", params.q.as_str()),
            ("topic", params.topic.as_str()),
            ("language", params.language.as_str()),
            ("level", params.level.as_str()),
            ("page", &n.to_string()),
        ]);
        format!("/courses?{}", query.unwrap_or_default())
    };
    let viewer = ctx.user.as_ref();
    let waiting = match viewer {
        Some(_) if policy::curates(viewer) => store::unpublished(&state.db, None).await?,
        Some(user) if policy::can_author(user) => {
            store::unpublished(&state.db, Some(user.user_id)).await?
        }
        _ => Vec::new(),
    };
    Ok(CataloguePage {
        page: Page::titled(&ctx, "courses-title").in_section("courses"),
        can_author: viewer.is_some_and(policy::can_author),
        q: params.q.clone(),
        topic: params.topic.clone(),
        language: params.language.clone(),
        level: level.map(|l| l.as_str().to_owned()).unwrap_or_default(),
        courses,
        topics: crate::library::store::topics(&state.db).await?,
        languages: &policy::LANGUAGES,
        levels: Level::ALL,
        previous_page: (number > 1).then(|| link(number - 1)),
        next_page: more.then(|| link(number + 1)),
        waiting,
    })
}
