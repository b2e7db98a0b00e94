//! `/notifications`: everything Kolega told the member, newest first.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use crate::app::AppState;
use crate::notify::store::{self, Entry};
use crate::web::current_user::SignedIn;
use crate::web::flash::redirect_with;
use crate::web::redirect::see_other;
use crate::web::{AppError, AppResult, Page, Query, RequestContext};

const PER_PAGE: i64 = 30;

#[derive(Template, WebTemplate)]
#[template(path = "notify/list.html")]
pub struct ListPage {
    pub page: Page,
    pub entries: Vec<Entry>,
    /// The cursor of the next (older) page, if there is one.
    pub older: Option<i64>,
    pub is_first_page: bool,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ListQuery {
    before: Option<i64>,
}

pub async fn show(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Query(query): Query<ListQuery>,
) -> AppResult<ListPage> {
    let mut entries = store::list(&state.db, user.user_id, query.before, PER_PAGE).await?;
    let older = if entries.len() as i64 > PER_PAGE {
        entries.truncate(PER_PAGE as usize);
        entries.last().map(|e| e.notification_id)
    } else {
        None
    };
    Ok(ListPage {
        page: Page::titled(&ctx, "notifications-title").in_section("notifications"),
        entries,
        older,
        is_first_page: query.before.is_none(),
    })
}

/// Opening an entry marks it read and goes where it points. Only the
/// member's own entries open; anyone else's id is "not found".
pub async fn open(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let id: i64 = id.parse().map_err(|_| AppError::NotFound)?;
    let link = store::open(&state.db, user.user_id, id, state.clock.now())
        .await?
        .ok_or(AppError::NotFound)?;
    // Stored links are site paths (checked when stored); never follow
    // anything else.
    let link = if link.starts_with('/') && !link.starts_with("//") {
        link
    } else {
        "/notifications".to_owned()
    };
    Ok(see_other(&link).into_response())
}

pub async fn read_one(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let id: i64 = id.parse().map_err(|_| AppError::NotFound)?;
    store::open(&state.db, user.user_id, id, state.clock.now())
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(see_other("/notifications").into_response())
}

pub async fn read_all(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
) -> AppResult<Response> {
    store::mark_all_read(&state.db, user.user_id, state.clock.now()).await?;
    Ok(redirect_with(
        "/notifications",
        "notifications-all-read",
        state.config.secure_cookies(),
    ))
}
