//! `/services/<id>`: everything about a service, its place on the map,
//! contacts as links, when it was last verified; moderators mark it
//! verified from here.

use axum::extract::{Path, State};
use axum::response::Response;

use super::{visible_service, with_map_policy};
use crate::app::AppState;
use crate::directory::views::ServicePage;
use crate::directory::{policy, store};
use crate::text::markdown;
use crate::web::current_user::SignedIn;
use crate::web::flash::redirect_with;
use crate::web::{AppError, AppResult, Page, RequestContext};

pub async fn show(
    State(state): State<AppState>,
    ctx: RequestContext,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let curates = policy::curates(ctx.user.as_ref());
    let service = visible_service(&state, curates, &id).await?;
    let page = ServicePage {
        page: Page::new(&ctx, service.name.clone()).in_section("services"),
        description_html: markdown::render(&service.description),
        stale: policy::is_stale(service.last_verified_at, state.clock.now()),
        can_suggest: policy::can_suggest(ctx.user.as_ref()),
        curates,
        tiles_url: state.config.map_tiles_url.clone().unwrap_or_default(),
        service,
    };
    Ok(with_map_policy(&state.config, page))
}

pub async fn verify(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    Path(id): Path<String>,
) -> AppResult<Response> {
    if !policy::curates(Some(&user)) {
        return Err(AppError::Forbidden);
    }
    let service = visible_service(&state, true, &id).await?;
    store::mark_verified(
        &state.db,
        service.service_id,
        user.user_id,
        state.clock.now(),
    )
    .await?;
    Ok(redirect_with(
        &format!("/services/{}", service.service_id),
        "services-verified",
        state.config.secure_cookies(),
    ))
}
