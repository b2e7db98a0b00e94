//! `/settings/export` (the member's archive) and `/settings/delete`
//! (deleting her account), both forms of the settings page, and an
//! administrator's block (`block`), which ends what she had in every feature.

use axum::Router;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};

use super::{block, download, erase};
use crate::app::AppState;
use crate::members::forms::PasswordOnlyForm;
use crate::members::{sessions, settings_page};
use crate::web::current_user::SignedIn;
use crate::web::flash::redirect_with;
use crate::web::{AppResult, Form, RequestContext, cookies};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/settings/export", get(export))
        .route("/settings/delete", post(delete_account))
        .route("/admin/members/{handle}/block", post(block::block))
}

/// Everything Kolega keeps about the member, as a ZIP download.
#[tracing::instrument(skip_all)]
pub async fn export(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
) -> AppResult<Response> {
    let now = state.clock.now();
    let mut tx = state.db.begin().await?;
    // One snapshot for every feature's part, and nothing written.
    sqlx::query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        .execute(&mut *tx)
        .await?;
    let data = download::gather(&mut tx, user.user_id, now).await?;
    tx.commit().await?;
    // Deflating a prolific member's posts is CPU work: off the async threads.
    let locale = ctx.locale;
    let archive = tokio::task::spawn_blocking(move || {
        download::pack(&data, locale, &user.name, &user.handle, now)
    })
    .await
    .map_err(anyhow::Error::from)??;
    let disposition = format!("attachment; filename=\"{}\"", archive.file_name);
    Ok((
        [
            (header::CONTENT_TYPE, "application/zip".to_owned()),
            (header::CONTENT_DISPOSITION, disposition),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        archive.bytes,
    )
        .into_response())
}

#[tracing::instrument(skip_all)]
pub async fn delete_account(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Form(form): Form<PasswordOnlyForm>,
) -> AppResult<Response> {
    let errors = settings_page::deletion_refused(&state, &ctx, &user, form.password).await?;
    if !errors.is_empty() {
        return settings_page::refused(&state, &ctx, &user, String::new(), errors).await;
    }
    let mut tx = state.db.begin().await?;
    erase::delete_account(
        &mut tx,
        user.user_id,
        &state.config.base_url,
        state.clock.now(),
    )
    .await?;
    tx.commit().await?;
    let secure = state.config.secure_cookies();
    let mut response = redirect_with("/", "account-deleted", secure);
    response
        .headers_mut()
        .append(header::SET_COOKIE, cookies::clear(sessions::COOKIE, secure));
    Ok(response)
}
