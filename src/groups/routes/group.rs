//! `/groups/<slug>`: the group page with its threads, and joining,
//! requesting to join and leaving.

use crate::web::Query;
use axum::extract::{Path, State};
use axum::response::Response;
use serde::Deserialize;
use uuid::Uuid;

use super::{access, visible_group};
use crate::app::AppState;
use crate::groups::membership::{self, Ending};
use crate::groups::views::{Abilities, GroupPage};
use crate::groups::{emails, store};
use crate::notify::{Kind, Notification, Recipient, notify};
use crate::text::markdown;
use crate::web::current_user::SignedIn;
use crate::web::flash::redirect_with;
use crate::web::{AppError, AppResult, Form, Page, RequestContext};

const THREADS_PER_PAGE: i64 = 30;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct GroupParams {
    after: Option<Uuid>,
}

pub async fn show(
    State(state): State<AppState>,
    ctx: RequestContext,
    Path(slug): Path<String>,
    Query(params): Query<GroupParams>,
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
        see_members: access.can_see_members(),
        settings: access.can_change_settings(),
        configure_supervision: access.can_configure_supervision(),
        signed_in: ctx.user.is_some(),
        waiting_notice: ctx.user.as_ref().and_then(|u| u.participation_notice()),
    };
    let viewer = ctx.user.as_ref().map(|u| u.user_id);
    let mut threads = if can.read {
        store::list_threads(
            &state.db,
            group.group_id,
            viewer,
            params.after,
            THREADS_PER_PAGE + 1,
            can.moderate,
        )
        .await?
    } else {
        Vec::new()
    };
    let next_page = (threads.len() as i64 > THREADS_PER_PAGE).then(|| {
        threads.truncate(THREADS_PER_PAGE as usize);
        let last = threads.last().map(|t| t.thread_id).unwrap_or_default();
        format!("/groups/{slug}?after={last}")
    });
    Ok(GroupPage {
        page: Page::new(&ctx, group.name.clone())
            .with_content_title(&group.language)
            .in_section("groups"),
        description_html: markdown::render_cached(&group.description),
        group,
        threads,
        next_page,
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
    if !crate::events::supervision::has_room(&state.db, group.group_id).await? {
        return Ok(redirect_with(
            &format!("/groups/{slug}"),
            "group-full",
            state.config.secure_cookies(),
        ));
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
    let now = state.clock.now();
    let mut tx = state.db.begin().await?;
    if store::request_membership(&mut *tx, group.group_id, user.user_id, &message, now).await? {
        let base_url = &state.config.base_url;
        for moderator in store::group_moderators(&mut *tx, group.group_id).await? {
            let to = Recipient::new(
                moderator.user_id,
                &moderator.email,
                &moderator.name,
                &moderator.locale,
            );
            let e = to.email_context(base_url);
            let mail = emails::join_request(&e, &to.name, &user.name, &group.name, &group.slug);
            let link = format!("/groups/{}/members", group.slug);
            let notification =
                Notification::new(Kind::JoinRequest, link, mail).in_group(group.group_id);
            notify(&mut tx, base_url, &to, notification, now).await?;
        }
    }
    tx.commit().await?;
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
    membership::end(
        &mut tx,
        &state.config.base_url,
        group.group_id,
        &group.name,
        user.user_id,
        Ending::Left,
        state.clock.now(),
    )
    .await?;
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
    if !access(&group, Some(&user)).can_follow() {
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
