use std::time::Duration;

use axum::Router;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::Deserialize;

use super::views::ContentTemplate;
use super::{content, home, topics};
use crate::app::AppState;
use crate::i18n::Locale;
use crate::web::redirect::{safe_next, see_other};
use crate::web::{AppError, AppResult, Form, Page, RequestContext, cookies};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/", get(home::home))
        .route("/settings/topics", get(topics::show).post(topics::save))
        .route("/{slug}", get(content_page))
        .route("/language", post(switch_language))
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .route("/metrics", get(crate::web::metrics::show))
}

#[tracing::instrument(skip_all, fields(slug))]
async fn content_page(ctx: RequestContext, Path(slug): Path<String>) -> AppResult<ContentTemplate> {
    let page = content::find(&slug).ok_or(AppError::NotFound)?;
    Ok(ContentTemplate {
        page: Page::titled(&ctx, page.title_key),
        body_html: content::html(page, ctx.locale),
    })
}

#[derive(Deserialize)]
struct LanguageChoice {
    lang: String,
    next: Option<String>,
}

/// Remembers the chosen language for a year and goes back where the
/// visitor was.
async fn switch_language(
    State(state): State<AppState>,
    ctx: RequestContext,
    Form(choice): Form<LanguageChoice>,
) -> AppResult<Response> {
    let locale = Locale::from_tag(&choice.lang).ok_or(AppError::BadRequest)?;
    // A member's choice is kept in their account, so it follows them.
    if let Some(user) = &ctx.user {
        crate::members::store::set_locale(&state.db, user.user_id, locale.tag()).await?;
    }
    let mut response = see_other(safe_next(choice.next.as_deref(), "/")).into_response();
    let cookie = cookies::set(
        cookies::LANGUAGE,
        locale.tag(),
        Some(365 * 24 * 3600),
        state.config.secure_cookies(),
    );
    response.headers_mut().append(header::SET_COOKIE, cookie);
    Ok(response)
}

/// The process is alive.
async fn healthz() -> Response {
    plain(StatusCode::OK, "ok\n")
}

/// The database answers.
async fn readyz(State(state): State<AppState>) -> Response {
    let check = crate::db::ping(&state.db);
    match tokio::time::timeout(Duration::from_secs(3), check).await {
        Ok(Ok(_)) => plain(StatusCode::OK, "ready\n"),
        _ => plain(StatusCode::SERVICE_UNAVAILABLE, "database unavailable\n"),
    }
}

fn plain(status: StatusCode, body: &'static str) -> Response {
    (
        status,
        [
            (header::CONTENT_TYPE, "text/plain; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        body,
    )
        .into_response()
}
