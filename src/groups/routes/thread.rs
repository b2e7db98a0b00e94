//! Threads: starting one, reading one (50 posts a page, jumping to the
//! first unread), replying. Every text passes the personal-data guard.

use crate::web::Query;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use uuid::Uuid;

use super::{access, visible_group};
use crate::app::AppState;
use crate::groups::forms::PostForm;
use crate::groups::held;
use crate::groups::mentions;
use crate::groups::notify::{self, Activity};
use crate::groups::policy;
use crate::groups::store::{self, GroupView, NewPost, POSTS_PER_PAGE};
use crate::groups::views::{MoveTarget, NewThreadPage, ThreadPage};
use crate::groups::vocabulary::Subscription;
use crate::text::markdown;
use crate::web::current_user::{CurrentUser, SignedIn};
use crate::web::form_errors::unprocessable;
use crate::web::rate_limit::{self, Limit};
use crate::web::redirect::see_other;
use crate::web::{AppError, AppResult, Form, FormErrors, Page, RequestContext};

pub async fn new_thread(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path(slug): Path<String>,
) -> AppResult<NewThreadPage> {
    let group = visible_group(&state, &ctx, &slug).await?;
    if !access(&group, Some(&user)).can_post() {
        return Err(AppError::Forbidden);
    }
    Ok(NewThreadPage {
        page: Page::titled(&ctx, "thread-new-title").in_section("groups"),
        group,
        form: PostForm::default(),
        errors: FormErrors::new(ctx.locale),
        warnings: Vec::new(),
    })
}

#[tracing::instrument(skip_all, fields(slug))]
pub async fn create_thread(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path(slug): Path<String>,
    Form(mut form): Form<PostForm>,
) -> AppResult<Response> {
    let group = visible_group(&state, &ctx, &slug).await?;
    if !access(&group, Some(&user)).can_post() {
        return Err(AppError::Forbidden);
    }
    let (mut errors, warnings) = form.validate(ctx.locale, true);
    if errors.is_empty() && !may_post(&state, &user).await? {
        errors.add_text("body", Limit::Posting.message(ctx.locale));
    }
    if !errors.is_empty() {
        let page = NewThreadPage {
            page: Page::titled(&ctx, "thread-new-title").in_section("groups"),
            group,
            form,
            errors,
            warnings,
        };
        return Ok(unprocessable(page));
    }
    let now = state.clock.now();
    let anonymous = group.allow_anonymous && form.anonymous.is_some();
    let pending = needs_approval(&state, &group, &user).await?;
    let body_html = render_post(&state, &form.body).await?;
    let post = NewPost {
        pending,
        author: user.user_id,
        title: &form.title,
        anonymous,
        body: &form.body,
        body_html: &body_html,
    };
    let mut tx = state.db.begin().await?;
    let thread_id = store::create_thread(&mut tx, group.group_id, &form.title, &post, now).await?;
    store::subscribe_author(&mut *tx, user.user_id, thread_id).await?;
    let activity = Activity {
        group: &group,
        thread_id,
        thread_title: &form.title,
        seq: 1,
        author_id: user.user_id,
        anonymous,
        author_name: &user.name,
        body: &form.body,
    };
    if pending {
        held::tell_moderators(&mut tx, &state.config.base_url, &group, user.user_id, now).await?;
    } else {
        notify::new_thread(&mut tx, &state.config.base_url, &activity, now).await?;
    }
    tx.commit().await?;
    Ok(after_posting(
        &state,
        format!("/groups/{slug}/t/{thread_id}"),
        pending,
    ))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ThreadParams {
    page: Option<i64>,
    /// Start a reply quoting this post.
    quote: Option<Uuid>,
}

pub async fn show(
    State(state): State<AppState>,
    ctx: RequestContext,
    Path((slug, thread_id)): Path<(String, String)>,
    Query(params): Query<ThreadParams>,
) -> AppResult<Response> {
    let group = visible_group(&state, &ctx, &slug).await?;
    // A thread of a group one cannot read does not exist, as far as one can tell.
    let thread_id: Uuid = thread_id.parse().map_err(|_| AppError::NotFound)?;
    if !access(&group, ctx.user.as_ref()).can_read() {
        return Err(AppError::NotFound);
    }
    let viewer = ctx.user.as_ref().map(|u| u.user_id);
    let opened = store::open_thread(&state.db, group.group_id, thread_id, viewer)
        .await?
        .ok_or(AppError::NotFound)?;
    // A thread whose first post awaits approval exists only for its author
    // and the group's moderators.
    if opened.first_post_pending
        && viewer != opened.first_post_author
        && !access(&group, ctx.user.as_ref()).can_moderate()
    {
        return Err(AppError::NotFound);
    }
    let thread = opened.thread;
    let page_count = ((thread.post_count as i64 + POSTS_PER_PAGE - 1) / POSTS_PER_PAGE).max(1);
    let last_read = viewer.map(|_| opened.last_read_seq);
    let first_unread = last_read
        .filter(|&seq| seq < thread.post_count)
        .map(|seq| seq + 1);
    // Without a page asked for, open the page of the first unread post.
    let page_number = params
        .page
        .unwrap_or_else(|| first_unread.map_or(1, |seq| (seq as i64 - 1) / POSTS_PER_PAGE + 1))
        .clamp(1, page_count);
    let posts = store::posts_page(&state.db, thread_id, page_number).await?;
    // Moderators may see who wrote anonymous posts; every such look is logged.
    if let Some(user) = &ctx.user {
        let reveals_someone = posts
            .iter()
            .any(|p| p.anonymous && p.author_id != user.user_id);
        if reveals_someone && access(&group, Some(user)).can_moderate() {
            crate::groups::moderation::log_reveal(
                &state.db,
                thread_id,
                user.user_id,
                state.clock.now(),
            )
            .await?;
        }
    }
    // Re-reading what was read already writes nothing.
    if let (Some(user), Some(last)) = (&ctx.user, posts.last())
        && last.seq > opened.last_read_seq
    {
        store::mark_read(&state.db, user.user_id, thread_id, last.seq).await?;
    }
    let mut form = PostForm::default();
    if let Some(quoted) = params.quote
        && let Some(post) = store::find_post(&state.db, thread_id, quoted)
            .await?
            .filter(|p| !p.deleted)
    {
        form.body = quote(&post.body);
    }
    let mut page = thread_page(
        &ctx,
        group,
        thread,
        posts,
        page_number,
        page_count,
        first_unread,
        form,
        FormErrors::new(ctx.locale),
        Vec::new(),
    );
    page.subscription = opened.subscription;
    if let Some(user) = &ctx.user {
        page.move_targets = move_targets(&state, &page.group, user).await?;
    }
    Ok(page.into_response())
}

#[allow(clippy::too_many_arguments)]
fn thread_page(
    ctx: &RequestContext,
    group: GroupView,
    thread: store::ThreadView,
    posts: Vec<store::PostView>,
    page_number: i64,
    page_count: i64,
    first_unread: Option<i32>,
    form: PostForm,
    errors: FormErrors,
    warnings: Vec<String>,
) -> ThreadPage {
    let access = access(&group, ctx.user.as_ref());
    let can_post = access.can_post() && !thread.locked;
    let can_see_anonymous = access.can_moderate();
    let is_member = access.is_member();
    ThreadPage {
        page: Page::new(ctx, thread.title.clone())
            .with_content_title(&group.language)
            .in_section("groups"),
        group,
        thread,
        posts,
        page_number,
        page_count,
        first_unread,
        can_post,
        can_see_anonymous,
        viewer_id: ctx.user.as_ref().map(|u| u.user_id),
        subscription: None,
        is_member,
        form,
        errors,
        warnings,
        move_targets: Vec::new(),
        move_refused: None,
    }
}

/// The groups a moderator may move this thread to: those she may moderate,
/// by the same rule the move itself is checked with.
async fn move_targets(
    state: &AppState,
    group: &GroupView,
    user: &CurrentUser,
) -> AppResult<Vec<MoveTarget>> {
    let from = access(group, Some(user));
    if !from.can_moderate() {
        return Ok(Vec::new());
    }
    let groups = store::list_groups(&state.db, Some(user.user_id), None).await?;
    let mut targets: Vec<MoveTarget> = groups
        .iter()
        .filter(|g| {
            policy::can_move_thread(&from, &access(g, Some(user)), g.group_id == group.group_id)
        })
        .map(|g| MoveTarget {
            slug: g.slug.clone(),
            name: g.name.clone(),
        })
        .collect();
    targets.sort_by_cached_key(|t| crate::text::search::normalize(&t.name));
    Ok(targets)
}

/// The thread's first page again, with a refused move explained beside the
/// "move to" list (422), rather than a bare error page.
pub async fn refused_move(
    state: &AppState,
    ctx: &RequestContext,
    user: &CurrentUser,
    group: GroupView,
    thread: store::ThreadView,
    chosen: String,
    reason_key: &str,
) -> AppResult<Response> {
    let opened = store::open_thread(
        &state.db,
        group.group_id,
        thread.thread_id,
        Some(user.user_id),
    )
    .await?
    .ok_or(AppError::NotFound)?;
    let page_count = ((thread.post_count as i64 + POSTS_PER_PAGE - 1) / POSTS_PER_PAGE).max(1);
    let posts = store::posts_page(&state.db, thread.thread_id, 1).await?;
    let targets = move_targets(state, &group, user).await?;
    let mut page = thread_page(
        ctx,
        group,
        thread,
        posts,
        1,
        page_count,
        None,
        PostForm::default(),
        FormErrors::new(ctx.locale),
        Vec::new(),
    );
    page.subscription = opened.subscription;
    page.move_targets = targets;
    page.move_refused = Some((chosen, crate::i18n::t(ctx.locale, reason_key)));
    Ok(unprocessable(page))
}

#[tracing::instrument(skip_all)]
pub async fn reply(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path((slug, thread_id)): Path<(String, String)>,
    Form(mut form): Form<PostForm>,
) -> AppResult<Response> {
    let group = visible_group(&state, &ctx, &slug).await?;
    let thread_id: Uuid = thread_id.parse().map_err(|_| AppError::NotFound)?;
    let access = access(&group, Some(&user));
    if !access.can_read() {
        return Err(AppError::NotFound);
    }
    let thread = store::find_thread(&state.db, group.group_id, thread_id)
        .await?
        .ok_or(AppError::NotFound)?;
    if !access.can_post() || thread.locked {
        return Err(AppError::Forbidden);
    }
    let (mut errors, warnings) = form.validate(ctx.locale, false);
    if errors.is_empty() && !may_post(&state, &user).await? {
        errors.add_text("body", Limit::Posting.message(ctx.locale));
    }
    if !errors.is_empty() {
        let page_count = ((thread.post_count as i64 + POSTS_PER_PAGE - 1) / POSTS_PER_PAGE).max(1);
        let posts = store::posts_page(&state.db, thread_id, page_count).await?;
        let page = thread_page(
            &ctx, group, thread, posts, page_count, page_count, None, form, errors, warnings,
        );
        return Ok(unprocessable(page));
    }
    let now = state.clock.now();
    let anonymous = group.allow_anonymous && form.anonymous.is_some();
    let pending = needs_approval(&state, &group, &user).await?;
    let body_html = render_post(&state, &form.body).await?;
    let post = NewPost {
        pending,
        author: user.user_id,
        title: "",
        anonymous,
        body: &form.body,
        body_html: &body_html,
    };
    let mut tx = state.db.begin().await?;
    let seq = store::add_post(&mut tx, thread_id, &post, now).await?;
    store::subscribe_author(&mut *tx, user.user_id, thread_id).await?;
    let activity = Activity {
        group: &group,
        thread_id,
        thread_title: &thread.title,
        seq,
        author_id: user.user_id,
        anonymous,
        author_name: &user.name,
        body: &form.body,
    };
    if pending {
        held::tell_moderators(&mut tx, &state.config.base_url, &group, user.user_id, now).await?;
    } else {
        notify::reply(&mut tx, &state.config.base_url, &activity, now).await?;
    }
    tx.commit().await?;
    let page = (seq as i64 - 1) / POSTS_PER_PAGE + 1;
    Ok(after_posting(
        &state,
        format!("/groups/{slug}/t/{thread_id}?page={page}#post-{seq}"),
        pending,
    ))
}

/// Threads and replies share one limit per member (`web::rate_limit`).
async fn may_post(state: &AppState, user: &CurrentUser) -> AppResult<bool> {
    let key = user.user_id.to_string();
    Ok(rate_limit::allow(&state.db, Limit::Posting, &key, state.clock.now()).await?)
}

/// A Markdown quotation of a post, to start a reply with.
fn quote(body: &str) -> String {
    let quoted: String = body
        .lines()
        .take(20)
        .map(|line| format!("> {line}\n"))
        .collect();
    format!("{quoted}\n")
}

/// A post's HTML: mentions of members linked to their profiles, then
/// Markdown rendered and sanitised.
pub async fn render_post(state: &AppState, body: &str) -> AppResult<String> {
    let linked = mentions::link_mentions(&state.db, body).await?;
    Ok(markdown::render(&linked))
}

#[derive(Debug, Deserialize)]
pub struct SubscriptionForm {
    mode: String,
}

/// Subscribe (an e-mail for every reply), mute (none, not even as author),
/// or go back to the default.
pub async fn subscription(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path((slug, thread_id)): Path<(String, String)>,
    Form(form): Form<SubscriptionForm>,
) -> AppResult<Response> {
    let group = visible_group(&state, &ctx, &slug).await?;
    let thread_id: Uuid = thread_id.parse().map_err(|_| AppError::NotFound)?;
    if !access(&group, Some(&user)).can_read()
        || store::find_thread(&state.db, group.group_id, thread_id)
            .await?
            .is_none()
    {
        return Err(AppError::NotFound);
    }
    if !access(&group, Some(&user)).can_follow() {
        return Err(AppError::Forbidden);
    }
    let mode = match form.mode.as_str() {
        "subscribed" => Some(Subscription::Subscribed),
        "muted" => Some(Subscription::Muted),
        "none" => None,
        _ => return Err(AppError::BadRequest),
    };
    store::set_subscription(&state.db, user.user_id, thread_id, mode).await?;
    Ok(crate::web::flash::redirect_with(
        &format!("/groups/{slug}/t/{thread_id}"),
        "thread-subscription-saved",
        state.config.secure_cookies(),
    ))
}

/// A new member's first post waits for approval where the group asks for it.
async fn needs_approval(
    state: &AppState,
    group: &GroupView,
    user: &crate::web::current_user::CurrentUser,
) -> AppResult<bool> {
    if !group.first_post_approval || access(group, Some(user)).can_moderate() {
        return Ok(false);
    }
    Ok(!store::has_approved_post(&state.db, group.group_id, user.user_id).await?)
}

/// Back to the thread; a post waiting for approval says so.
fn after_posting(state: &AppState, location: String, pending: bool) -> Response {
    if pending {
        crate::web::flash::redirect_with(
            &location,
            "post-pending-saved",
            state.config.secure_cookies(),
        )
    } else {
        see_other(&location).into_response()
    }
}
