//! Editing and deleting one's own posts (earlier versions are kept for
//! moderators), and the moderators' thread tools: pin, lock, move.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use uuid::Uuid;

use super::{access, visible_group};
use crate::app::AppState;
use crate::groups::forms::PostForm;
use crate::groups::held;
use crate::groups::policy;
use crate::groups::store::{self, GroupView, PostRef, ThreadView};
use crate::groups::views::{EditPostPage, HistoryPage};
use crate::web::current_user::{CurrentUser, SignedIn};
use crate::web::flash::redirect_with;
use crate::web::form_errors::unprocessable;
use crate::web::redirect::see_other;
use crate::web::{AppError, AppResult, Form, FormErrors, Page, RequestContext};

/// The group, thread and post, if the viewer may read them.
async fn load(
    state: &AppState,
    ctx: &RequestContext,
    slug: &str,
    thread_id: &str,
    post_id: &str,
) -> AppResult<(GroupView, ThreadView, PostRef)> {
    let group = visible_group(state, ctx, slug).await?;
    if !access(&group, ctx.user.as_ref()).can_read() {
        return Err(AppError::NotFound);
    }
    let thread_id: Uuid = thread_id.parse().map_err(|_| AppError::NotFound)?;
    let post_id: Uuid = post_id.parse().map_err(|_| AppError::NotFound)?;
    let thread = store::find_thread(&state.db, group.group_id, thread_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let post = store::find_post(&state.db, thread_id, post_id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((group, thread, post))
}

/// Authors edit their own posts while they may still post in the group.
fn may_edit(group: &GroupView, user: &CurrentUser, post: &PostRef) -> bool {
    access(group, Some(user)).can_edit_post(post.author_id == user.user_id, post.deleted)
}

fn thread_link(slug: &str, thread: &ThreadView, seq: i32) -> String {
    let page = (seq as i64 - 1) / store::POSTS_PER_PAGE + 1;
    format!(
        "/groups/{slug}/t/{}?page={page}#post-{seq}",
        thread.thread_id
    )
}

pub async fn edit_form(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path((slug, thread_id, post_id)): Path<(String, String, String)>,
) -> AppResult<EditPostPage> {
    let (group, thread, post) = load(&state, &ctx, &slug, &thread_id, &post_id).await?;
    if !may_edit(&group, &user, &post) {
        return Err(AppError::Forbidden);
    }
    let form = PostForm {
        body: post.body.clone(),
        ..PostForm::default()
    };
    Ok(EditPostPage {
        page: Page::titled(&ctx, "post-edit-title").in_section("groups"),
        group,
        thread,
        post_id: post.post_id,
        form,
        errors: FormErrors::new(ctx.locale),
        warnings: Vec::new(),
    })
}

#[tracing::instrument(skip_all)]
pub async fn edit(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path((slug, thread_id, post_id)): Path<(String, String, String)>,
    Form(mut form): Form<PostForm>,
) -> AppResult<Response> {
    let (group, thread, post) = load(&state, &ctx, &slug, &thread_id, &post_id).await?;
    if !may_edit(&group, &user, &post) {
        return Err(AppError::Forbidden);
    }
    let (errors, warnings) = form.validate(ctx.locale, false);
    if !errors.is_empty() {
        let page = EditPostPage {
            page: Page::titled(&ctx, "post-edit-title").in_section("groups"),
            group,
            thread,
            post_id: post.post_id,
            form,
            errors,
            warnings,
        };
        return Ok(unprocessable(page));
    }
    let body_html = super::thread::render_post(&state, &form.body).await?;
    let mut tx = state.db.begin().await?;
    let title = if post.seq == 1 {
        thread.title.as_str()
    } else {
        ""
    };
    store::edit_post(
        &mut tx,
        &post,
        &form.body,
        &body_html,
        title,
        state.clock.now(),
    )
    .await?;
    tx.commit().await?;
    Ok(see_other(&thread_link(&slug, &thread, post.seq)).into_response())
}

pub async fn delete(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path((slug, thread_id, post_id)): Path<(String, String, String)>,
) -> AppResult<Response> {
    let (group, thread, post) = load(&state, &ctx, &slug, &thread_id, &post_id).await?;
    if !access(&group, Some(&user)).can_delete_post(post.author_id == user.user_id, post.deleted) {
        return Err(AppError::Forbidden);
    }
    let mut tx = state.db.begin().await?;
    store::delete_post(&mut tx, &post, state.clock.now()).await?;
    tx.commit().await?;
    Ok(see_other(&thread_link(&slug, &thread, post.seq)).into_response())
}

/// Earlier versions of a post, for moderators.
pub async fn history(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path((slug, thread_id, post_id)): Path<(String, String, String)>,
) -> AppResult<HistoryPage> {
    let (group, thread, post) = load(&state, &ctx, &slug, &thread_id, &post_id).await?;
    if !access(&group, Some(&user)).can_moderate() {
        return Err(AppError::Forbidden);
    }
    let revisions = store::revisions(&state.db, post.post_id).await?;
    Ok(HistoryPage {
        page: Page::titled(&ctx, "post-history-title").in_section("groups"),
        group,
        thread,
        current: post.body,
        revisions,
    })
}

#[derive(Deserialize)]
pub struct ThreadAction {
    action: String,
    #[serde(default)]
    target: String,
}

/// Pin, unpin, lock, unlock, or move a thread to another group the
/// moderator also moderates.
pub async fn moderate_thread(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path((slug, thread_id)): Path<(String, String)>,
    Form(form): Form<ThreadAction>,
) -> AppResult<Response> {
    let group = visible_group(&state, &ctx, &slug).await?;
    if !access(&group, Some(&user)).can_moderate() {
        return Err(AppError::Forbidden);
    }
    let thread_id: Uuid = thread_id.parse().map_err(|_| AppError::NotFound)?;
    let thread = store::find_thread(&state.db, group.group_id, thread_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let secure = state.config.secure_cookies();
    let here = format!("/groups/{slug}/t/{thread_id}");
    let (pinned, locked) = match form.action.as_str() {
        "pin" => (true, thread.locked),
        "unpin" => (false, thread.locked),
        "lock" => (thread.pinned, true),
        "unlock" => (thread.pinned, false),
        "move" => {
            let chosen = form.target.trim().to_owned();
            let target = store::find_group(&state.db, &chosen, Some(user.user_id)).await?;
            // One answer for a group that does not exist and one she may not
            // moderate, so the list cannot be used to probe for secret groups.
            let allowed = target.as_ref().is_some_and(|t| {
                policy::can_move_thread(
                    &access(&group, Some(&user)),
                    &access(t, Some(&user)),
                    t.group_id == group.group_id,
                )
            });
            let Some(target) = target.filter(|_| allowed) else {
                let key = if chosen.is_empty() {
                    "thread-move-choose"
                } else {
                    "thread-move-refused"
                };
                return super::thread::refused_move(
                    &state, &ctx, &user, group, thread, chosen, key,
                )
                .await;
            };
            let mut tx = state.db.begin().await?;
            store::move_thread(&mut tx, thread_id, group.group_id, target.group_id).await?;
            tx.commit().await?;
            return Ok(redirect_with(
                &format!("/groups/{}/t/{thread_id}", target.slug),
                "thread-moved",
                secure,
            ));
        }
        _ => return Err(AppError::BadRequest),
    };
    store::set_thread_flags(&state.db, thread_id, pinned, locked).await?;
    Ok(redirect_with(&here, "thread-updated", secure))
}

/// Approves a post that waited for a moderator; only now are people told.
pub async fn approve(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path((slug, thread_id, post_id)): Path<(String, String, String)>,
) -> AppResult<Response> {
    let (group, thread, post) = load(&state, &ctx, &slug, &thread_id, &post_id).await?;
    if !access(&group, Some(&user)).can_moderate() {
        return Err(AppError::Forbidden);
    }
    let mut tx = state.db.begin().await?;
    if let Some(waiting) = held::find(&mut *tx, post.post_id).await? {
        let now = state.clock.now();
        held::approve(&mut tx, &state.config.base_url, &group, &waiting, now).await?;
    }
    tx.commit().await?;
    Ok(redirect_with(
        &thread_link(&slug, &thread, post.seq),
        "post-approved",
        state.config.secure_cookies(),
    ))
}
