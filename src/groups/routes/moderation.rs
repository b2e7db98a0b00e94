//! Flagging a post, and `/moderation`: the queue where group moderators and
//! site moderators hide or keep flagged posts, and may warn the author or
//! ban them from the group.

use axum::extract::{Path, State};
use axum::response::Response;
use serde::Deserialize;
use uuid::Uuid;

use super::{access, visible_group};
use crate::app::AppState;
use crate::groups::emails::{self, Outcome};
use crate::groups::membership::{self, Ending};
use crate::groups::moderation::{self, REASONS};
use crate::groups::store;
use crate::groups::views::{FlagPage, ModerationPage};
use crate::members::current_user::SignedIn;
use crate::members::store as members_store;
use crate::notify::{Kind, Notification, Recipient, notify};
use crate::web::flash::redirect_with;
use crate::web::{AppError, AppResult, Form, Page, RequestContext};

/// The flag form for one post.
pub async fn flag_form(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(_user): SignedIn,
    Path((slug, thread_id, post_id)): Path<(String, String, String)>,
) -> AppResult<FlagPage> {
    let group = visible_group(&state, &ctx, &slug).await?;
    if !access(&group, ctx.user.as_ref()).can_read() {
        return Err(AppError::NotFound);
    }
    let thread_id: Uuid = thread_id.parse().map_err(|_| AppError::NotFound)?;
    let post_id: Uuid = post_id.parse().map_err(|_| AppError::NotFound)?;
    let thread = store::find_thread(&state.db, group.group_id, thread_id)
        .await?
        .ok_or(AppError::NotFound)?;
    store::find_post(&state.db, thread_id, post_id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(FlagPage {
        page: Page::titled(&ctx, "flag-title").in_section("groups"),
        group,
        thread,
        post_id,
        reasons: REASONS,
    })
}

#[derive(Deserialize)]
pub struct FlagForm {
    reason: String,
    #[serde(default)]
    note: String,
}

pub async fn flag(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path((slug, thread_id, post_id)): Path<(String, String, String)>,
    Form(form): Form<FlagForm>,
) -> AppResult<Response> {
    let group = visible_group(&state, &ctx, &slug).await?;
    if !access(&group, Some(&user)).can_read() {
        return Err(AppError::NotFound);
    }
    let thread_id: Uuid = thread_id.parse().map_err(|_| AppError::NotFound)?;
    let post_id: Uuid = post_id.parse().map_err(|_| AppError::NotFound)?;
    store::find_thread(&state.db, group.group_id, thread_id)
        .await?
        .ok_or(AppError::NotFound)?;
    store::find_post(&state.db, thread_id, post_id)
        .await?
        .ok_or(AppError::NotFound)?;
    if !REASONS.contains(&form.reason.as_str()) {
        return Err(AppError::BadRequest);
    }
    let note: String = form.note.trim().chars().take(1000).collect();
    moderation::flag(
        &state.db,
        post_id,
        user.user_id,
        &form.reason,
        &note,
        state.clock.now(),
    )
    .await?;
    Ok(redirect_with(
        &format!("/groups/{slug}/t/{thread_id}"),
        "flag-thanks",
        state.config.secure_cookies(),
    ))
}

pub async fn queue(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
) -> AppResult<ModerationPage> {
    let items = moderation::queue(&state.db, user.user_id, user.is_moderator()).await?;
    Ok(ModerationPage {
        page: Page::titled(&ctx, "moderation-title").in_section("moderation"),
        items,
    })
}

#[derive(Deserialize)]
pub struct DecisionForm {
    action: String,
    #[serde(default)]
    warn: Option<String>,
    #[serde(default)]
    ban: Option<String>,
    #[serde(default)]
    note: String,
}

/// Hides or keeps a flagged post, and may warn the author or ban them from
/// the group; the author is told of whatever concerns them.
pub async fn decide(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    Path(flag_id): Path<Uuid>,
    Form(form): Form<DecisionForm>,
) -> AppResult<Response> {
    let item = moderation::find(&state.db, flag_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let group = store::find_group(&state.db, &item.group_slug, Some(user.user_id))
        .await?
        .ok_or(AppError::NotFound)?;
    if !(user.is_moderator() || access(&group, Some(&user)).is_group_moderator()) {
        return Err(AppError::Forbidden);
    }
    let hide = match form.action.as_str() {
        "hide" => true,
        "keep" => false,
        _ => return Err(AppError::BadRequest),
    };
    let note: String = form.note.trim().chars().take(1000).collect();
    let now = state.clock.now();
    // Moderators do not sanction themselves (a flag on their own post is
    // still hidden or kept).
    let about_someone_else = item.author_id != user.user_id;
    let outcome = Outcome {
        hidden: hide,
        warned: form.warn.is_some() && about_someone_else,
        banned: form.ban.is_some() && about_someone_else,
    };
    let mut tx = state.db.begin().await?;
    moderation::resolve(&mut tx, item.post_id, user.user_id, hide, &note, now).await?;
    if outcome.warned {
        moderation::warn(&mut *tx, &item, user.user_id, &note, now).await?;
    }
    if outcome.banned {
        membership::end(
            &mut tx,
            &state.config.base_url,
            item.group_id,
            &item.group_name,
            item.author_id,
            Ending::Banned,
            now,
        )
        .await?;
    }
    if outcome.concerns_author() {
        if let Some(author) = members_store::find_user_by_id(&mut *tx, item.author_id).await? {
            let locale = members_store::locale_of(&mut *tx, item.author_id).await?;
            let to = Recipient::new(item.author_id, &author.email, &author.name, locale.tag());
            let e = to.email_context(&state.config.base_url);
            let link = format!("/groups/{}/t/{}", item.group_slug, item.thread_id);
            let mail = emails::moderation_outcome(
                &e,
                &author.name,
                &item.group_name,
                &link,
                &note,
                outcome,
            );
            let notification =
                Notification::new(Kind::ModerationOutcome, link, mail).in_group(item.group_id);
            notify(&mut tx, &state.config.base_url, &to, notification, now).await?;
        }
    }
    tx.commit().await?;
    let message = match (hide, outcome.concerns_author()) {
        (true, _) => "moderation-hidden",
        (false, true) => "moderation-kept-author-told",
        (false, false) => "moderation-kept",
    };
    Ok(redirect_with(
        "/moderation",
        message,
        state.config.secure_cookies(),
    ))
}
