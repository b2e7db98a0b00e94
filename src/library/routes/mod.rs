//! The library's pages.

mod list;
mod review;
mod show;
mod submit;
mod topics;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use uuid::Uuid;

use super::files::MAX_UPLOAD_BYTES;
use super::policy;
use super::store::{self, Resource};
use crate::app::AppState;
use crate::web::{AppError, AppResult, RequestContext};

pub fn router() -> Router<AppState> {
    // The form may carry a file of up to 25 MB; the store counts the bytes
    // itself and refuses a larger one with a message.
    let upload_limit = DefaultBodyLimit::max(MAX_UPLOAD_BYTES as usize + 1024 * 1024);
    Router::new()
        .route("/library", get(list::search))
        .route("/library/feed.atom", get(list::feed))
        .route(
            "/library/new",
            get(submit::new_form)
                .post(submit::create)
                .layer(upload_limit),
        )
        .route("/library/review", get(review::queue))
        .route("/library/topics", get(topics::list).post(topics::add))
        .route("/library/topics/{slug}", post(topics::rename))
        .route("/library/{resource_id}", get(show::show))
        .route("/library/{resource_id}/download", get(show::download))
        .route("/library/{resource_id}/preview", get(show::preview))
        .route("/library/{resource_id}/print", get(show::print))
        .route(
            "/library/{resource_id}/edit",
            get(submit::edit_form).post(submit::update),
        )
        .route("/library/{resource_id}/submit", post(submit::submit))
        .route("/library/{resource_id}/decide", post(review::decide))
}

/// The resource, if the viewer may see it; "not found" otherwise.
async fn visible_resource(state: &AppState, ctx: &RequestContext, id: &str) -> AppResult<Resource> {
    match viewable_resource(state, ctx, id).await? {
        Viewable::Open(resource) => Ok(resource),
        Viewable::ForMembers(_) => Err(AppError::NotFound),
    }
}

/// What a viewer gets when opening a resource's page.
enum Viewable {
    Open(Resource),
    /// Published for members only, and the viewer is not signed in.
    ForMembers(Resource),
}

async fn viewable_resource(
    state: &AppState,
    ctx: &RequestContext,
    id: &str,
) -> AppResult<Viewable> {
    let resource_id: Uuid = id.parse().map_err(|_| AppError::NotFound)?;
    let resource = store::find(&state.db, resource_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let viewer = ctx.user.as_ref();
    let own = viewer.is_some_and(|u| Some(u.user_id) == resource.submitted_by);
    if policy::can_see(resource.status, resource.members_only, own, viewer) {
        Ok(Viewable::Open(resource))
    } else if policy::asks_to_sign_in(resource.status, resource.members_only, viewer) {
        Ok(Viewable::ForMembers(resource))
    } else {
        Err(AppError::NotFound)
    }
}
