//! Flagging a post, and `/moderation`: the queue where group moderators and
//! site moderators approve or decline held posts, and hide or keep flagged
//! posts, and may warn the author or ban them from the group.

use axum::extract::{Path, State};
use axum::response::Response;
use serde::Deserialize;
use uuid::Uuid;

use super::{access, visible_group};
use crate::app::AppState;
use crate::groups::held;
use crate::groups::moderation::{self, REASONS};
use crate::groups::store;
use crate::groups::views::{FlagPage, ModerationPage};
use crate::web::current_user::{CurrentUser, SignedIn};
use crate::web::flash::redirect_with;
use crate::web::form_checks::check_length;
use crate::web::form_errors::unprocessable;
use crate::web::{AppError, AppResult, Form, FormErrors, Page, RequestContext};

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

async fn queue_page(
    state: &AppState,
    ctx: &RequestContext,
    user: &CurrentUser,
    declining: Option<(Uuid, String, FormErrors)>,
) -> AppResult<ModerationPage> {
    let site = user.is_moderator();
    Ok(ModerationPage {
        page: Page::titled(ctx, "moderation-title").in_section("moderation"),
        items: moderation::queue(&state.db, user.user_id, site).await?,
        held: held::queue(&state.db, user.user_id, site).await?,
        declining,
    })
}

pub async fn queue(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
) -> AppResult<ModerationPage> {
    queue_page(&state, &ctx, &user, None).await
}

#[derive(Deserialize)]
pub struct HeldDecisionForm {
    action: String,
    #[serde(default)]
    reason: String,
}

/// Approves or declines a held post from the queue; a decline needs a
/// reason, which the author is mailed.
pub async fn decide_held(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path(post_id): Path<Uuid>,
    Form(form): Form<HeldDecisionForm>,
) -> AppResult<Response> {
    let secure = state.config.secure_cookies();
    // Who may decide comes first, so the post's state tells no one else anything.
    let slug = held::group_slug_of(&state.db, post_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let group = store::find_group(&state.db, &slug, Some(user.user_id))
        .await?
        .ok_or(AppError::NotFound)?;
    if !access(&group, Some(&user)).can_decide_queue() {
        return Err(AppError::Forbidden);
    }
    let Some(waiting) = held::find(&state.db, post_id).await? else {
        // Decided by someone else meanwhile (or never held).
        return Ok(redirect_with("/moderation", "held-already-decided", secure));
    };
    let now = state.clock.now();
    let base_url = &state.config.base_url;
    let message = match form.action.as_str() {
        "approve" => {
            let mut tx = state.db.begin().await?;
            held::approve(&mut tx, base_url, &group, &waiting, now).await?;
            tx.commit().await?;
            "post-approved"
        }
        "decline" => {
            let reason = crate::text::one_line(form.reason.trim());
            let mut errors = FormErrors::new(ctx.locale);
            if reason.chars().count() < 3 {
                errors.add("reason", "held-error-reason");
            }
            check_length(&mut errors, "reason", &reason, 1000);
            if !errors.is_empty() {
                let page =
                    queue_page(&state, &ctx, &user, Some((post_id, form.reason, errors))).await?;
                return Ok(unprocessable(page));
            }
            let mut tx = state.db.begin().await?;
            held::decline(&mut tx, base_url, &waiting, user.user_id, &reason, now).await?;
            tx.commit().await?;
            "held-declined"
        }
        _ => return Err(AppError::BadRequest),
    };
    Ok(redirect_with("/moderation", message, secure))
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
    if !access(&group, Some(&user)).can_decide_queue() {
        return Err(AppError::Forbidden);
    }
    let hide = match form.action.as_str() {
        "hide" => true,
        "keep" => false,
        _ => return Err(AppError::BadRequest),
    };
    let decision = moderation::Decision {
        hide,
        warn: form.warn.is_some(),
        ban: form.ban.is_some(),
        note: form.note.trim().chars().take(1000).collect(),
    };
    let mut tx = state.db.begin().await?;
    let decided = moderation::decide(
        &mut tx,
        &state.config.base_url,
        &item,
        user.user_id,
        &decision,
        state.clock.now(),
    )
    .await?;
    tx.commit().await?;
    let message = match decided {
        None => "moderation-already-decided",
        Some(outcome) if outcome.hidden => "moderation-hidden",
        Some(outcome) if outcome.concerns_author() => "moderation-kept-author-told",
        Some(_) => "moderation-kept",
    };
    Ok(redirect_with(
        "/moderation",
        message,
        state.config.secure_cookies(),
    ))
}
