//! `/groups/<slug>`: the group page with its threads, and joining,
//! requesting to join and leaving.

use axum::extract::{Path, State};
use axum::response::Response;
use serde::Deserialize;

use super::{access, visible_group};
use crate::app::AppState;
use crate::groups::store;
use crate::groups::views::{Abilities, GroupPage};
use crate::members::current_user::SignedIn;
use crate::text::markdown;
use crate::web::flash::redirect_with;
use crate::web::{AppError, AppResult, Form, Page, RequestContext};

const THREADS_SHOWN: i64 = 100;

pub async fn show(
    State(state): State<AppState>,
    ctx: RequestContext,
    Path(slug): Path<String>,
) -> AppResult<GroupPage> {
    let group = visible_group(&state, &ctx, &slug).await?;
    let access = access(&group, ctx.user.as_ref());
    let can = Abilities {
        read: access.can_read(),
        post: access.can_post(),
        join: access.can_join(),
        request: access.can_request(),
        leave: access.can_leave(),
        requested: access.has_requested(),
        moderate: access.can_moderate(),
        signed_in: ctx.user.is_some(),
        needs_verification: access.is_member() && !access.can_post(),
    };
    let threads = if can.read {
        store::list_threads(
            &state.db,
            group.group_id,
            ctx.user.as_ref().map(|u| u.user_id),
            THREADS_SHOWN,
        )
        .await?
    } else {
        Vec::new()
    };
    Ok(GroupPage {
        page: Page::new(&ctx, group.name.clone()).in_section("groups"),
        description_html: markdown::render(&group.description),
        group,
        threads,
        can,
    })
}

pub async fn join(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let group = visible_group(&state, &ctx, &slug).await?;
    if !access(&group, Some(&user)).can_join() {
        return Err(AppError::Forbidden);
    }
    let mut tx = state.db.begin().await?;
    store::activate_member(&mut tx, group.group_id, user.user_id, state.clock.now()).await?;
    tx.commit().await?;
    Ok(redirect_with(
        &format!("/groups/{slug}"),
        "group-joined",
        state.config.secure_cookies(),
    ))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RequestForm {
    message: String,
}

pub async fn request(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path(slug): Path<String>,
    Form(form): Form<RequestForm>,
) -> AppResult<Response> {
    let group = visible_group(&state, &ctx, &slug).await?;
    if !access(&group, Some(&user)).can_request() {
        return Err(AppError::Forbidden);
    }
    let message: String = form.message.trim().chars().take(1000).collect();
    store::request_membership(
        &state.db,
        group.group_id,
        user.user_id,
        &message,
        state.clock.now(),
    )
    .await?;
    Ok(redirect_with(
        &format!("/groups/{slug}"),
        "group-requested",
        state.config.secure_cookies(),
    ))
}

pub async fn leave(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let group = visible_group(&state, &ctx, &slug).await?;
    if !access(&group, Some(&user)).can_leave() {
        return Err(AppError::Forbidden);
    }
    let mut tx = state.db.begin().await?;
    store::leave(&mut tx, group.group_id, user.user_id).await?;
    tx.commit().await?;
    Ok(redirect_with(
        "/groups",
        "group-left",
        state.config.secure_cookies(),
    ))
}

#[derive(Debug, Deserialize)]
pub struct FollowForm {
    follow: String,
}

/// Following a group: an e-mail for every new thread in it.
pub async fn follow(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path(slug): Path<String>,
    Form(form): Form<FollowForm>,
) -> AppResult<Response> {
    let group = visible_group(&state, &ctx, &slug).await?;
    if !access(&group, Some(&user)).is_member() {
        return Err(AppError::Forbidden);
    }
    let following = form.follow == "yes";
    store::set_following(&state.db, group.group_id, user.user_id, following).await?;
    let key = if following {
        "group-following"
    } else {
        "group-not-following"
    };
    Ok(redirect_with(
        &format!("/groups/{slug}"),
        key,
        state.config.secure_cookies(),
    ))
}
