//! `/support`: ask for help privately; `/support/queue`: the team's open
//! requests; `/support/<id>`: the private conversation; `/support/team`:
//! moderators choose the peer supporters.

use axum::Router;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::Deserialize;
use uuid::Uuid;

use super::forms::{ReplyForm, RequestForm};
use super::status::RequestStatus;
use super::store::NewRequest;
use super::views::{ConversationPage, QueuePage, SupportPage, TeamPage, Waiting};
use super::{emails, policy, store};
use crate::app::AppState;
use crate::notify::email::EmailContext;
use crate::notify::{Notification, Recipient, notify};
use crate::web::current_user::{CurrentUser, SignedIn};
use crate::web::flash::redirect_with;
use crate::web::form_errors::unprocessable;
use crate::web::redirect::see_other;
use crate::web::{AppError, AppResult, Form, FormErrors, Page, RequestContext};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/support", get(index).post(create))
        .route("/support/queue", get(queue))
        .route("/support/team", get(team).post(set_team))
        .route("/support/{id}", get(conversation))
        .route("/support/{id}/take", post(take))
        .route("/support/{id}/reply", post(reply))
        .route("/support/{id}/close", post(close))
}

/// Tells `person`; `build` writes the notification in their language.
pub(crate) async fn tell(
    conn: &mut sqlx::PgConnection,
    base_url: &str,
    person: &store::Person,
    build: impl FnOnce(&EmailContext) -> Notification,
    now: chrono::DateTime<chrono::Utc>,
) -> AppResult<()> {
    let to = Recipient::new(person.user_id, &person.email, &person.name, &person.locale);
    let notification = build(&to.email_context(base_url));
    notify(conn, base_url, &to, notification, now).await
}

async fn index_page(
    state: &AppState,
    ctx: &RequestContext,
    user: &CurrentUser,
    form: RequestForm,
    warnings: Vec<String>,
    errors: FormErrors,
) -> AppResult<SupportPage> {
    Ok(SupportPage {
        page: Page::titled(ctx, "support-title").in_section("support"),
        form,
        warnings,
        errors,
        requests: store::mine(&state.db, user.user_id).await?,
        is_supporter: store::is_supporter(&state.db, user.user_id).await?,
        viewer: user.user_id,
    })
}

pub async fn index(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
) -> AppResult<SupportPage> {
    // The conversation is offered in the language she reads Kolega in.
    let form = RequestForm {
        language: ctx.locale.content_language().to_owned(),
        ..RequestForm::default()
    };
    index_page(
        &state,
        &ctx,
        &user,
        form,
        Vec::new(),
        FormErrors::new(ctx.locale),
    )
    .await
}

#[tracing::instrument(skip_all)]
pub async fn create(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Form(mut form): Form<RequestForm>,
) -> AppResult<Response> {
    if form.language.is_empty() {
        form.language = ctx.locale.content_language().to_owned();
    }
    let mut errors = FormErrors::new(ctx.locale);
    let (warnings, topic) = form.validate(&mut errors);
    let Some(topic) = topic.filter(|_| errors.is_empty()) else {
        let page = index_page(&state, &ctx, &user, form, warnings, errors).await?;
        return Ok(unprocessable(page));
    };
    let now = state.clock.now();
    let mut tx = state.db.begin().await?;
    let request = NewRequest {
        requester: user.user_id,
        topic,
        language: &form.language,
        body: form.body.trim(),
    };
    let id = store::create(&mut tx, &request, now).await?;
    for member in store::team(&mut *tx)
        .await?
        .iter()
        .filter(|m| m.user_id != user.user_id)
    {
        let build = |e: &EmailContext| emails::team_request(e, &member.name, false);
        tell(&mut tx, &state.config.base_url, member, build, now).await?;
    }
    tx.commit().await?;
    Ok(redirect_with(
        &format!("/support/{id}"),
        "support-sent",
        state.config.secure_cookies(),
    ))
}

async fn require_supporter(state: &AppState, user: &CurrentUser) -> AppResult<()> {
    policy::require_supporter(store::is_supporter(&state.db, user.user_id).await?)
}

pub async fn queue(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
) -> AppResult<QueuePage> {
    require_supporter(&state, &user).await?;
    let now = state.clock.now();
    let requests = store::open_requests(&state.db, user.user_id)
        .await?
        .into_iter()
        .map(|request| Waiting::new(request, now))
        .collect();
    Ok(QueuePage {
        page: Page::titled(&ctx, "support-queue-title").in_section("support"),
        requests,
    })
}

/// The request, if the viewer is one of its two people; "not found" to
/// anyone else, administrators included.
async fn own_request(state: &AppState, user: &CurrentUser, id: &str) -> AppResult<store::Request> {
    let id: Uuid = id.parse().map_err(|_| AppError::NotFound)?;
    let request = store::find(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    policy::require_reader(&request, user.user_id)?;
    Ok(request)
}

pub async fn conversation(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path(id): Path<String>,
) -> AppResult<ConversationPage> {
    let request = own_request(&state, &user, &id).await?;
    let errors = FormErrors::new(ctx.locale);
    conversation_page(
        &state,
        &ctx,
        &user,
        request,
        ReplyForm::default(),
        Vec::new(),
        errors,
    )
    .await
}

async fn conversation_page(
    state: &AppState,
    ctx: &RequestContext,
    user: &CurrentUser,
    request: store::Request,
    form: ReplyForm,
    warnings: Vec<String>,
    errors: FormErrors,
) -> AppResult<ConversationPage> {
    let messages = store::messages(&state.db, request.support_request_id).await?;
    Ok(ConversationPage {
        page: Page::titled(ctx, "support-conversation-title").in_section("support"),
        request,
        messages,
        viewer: user.user_id,
        form,
        warnings,
        errors,
    })
}

pub async fn take(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    Path(id): Path<Uuid>,
) -> AppResult<Response> {
    require_supporter(&state, &user).await?;
    let now = state.clock.now();
    let mut tx = state.db.begin().await?;
    if !store::take(&mut *tx, id, user.user_id, now).await? {
        return Ok(redirect_with(
            "/support/queue",
            "support-already-taken",
            state.config.secure_cookies(),
        ));
    }
    let request = store::find(&mut *tx, id).await?.ok_or(AppError::NotFound)?;
    let requester = store::person(&mut *tx, request.requester_id).await?;
    let path = format!("/support/{id}");
    let build = |e: &EmailContext| emails::taken(e, &requester.name, &path);
    tell(&mut tx, &state.config.base_url, &requester, build, now).await?;
    tx.commit().await?;
    Ok(see_other(&path).into_response())
}

pub async fn reply(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path(id): Path<String>,
    Form(form): Form<ReplyForm>,
) -> AppResult<Response> {
    let request = own_request(&state, &user, &id).await?;
    if request.status == RequestStatus::Closed {
        return Err(AppError::Conflict);
    }
    let mut errors = FormErrors::new(ctx.locale);
    let warnings = form.validate(&mut errors);
    if !errors.is_empty() {
        let page = conversation_page(&state, &ctx, &user, request, form, warnings, errors).await?;
        return Ok(unprocessable(page));
    }
    let now = state.clock.now();
    let mut tx = state.db.begin().await?;
    store::add_message(
        &mut *tx,
        request.support_request_id,
        user.user_id,
        form.body.trim(),
        now,
    )
    .await?;
    let other = if request.requester_id == user.user_id {
        request.supporter_id
    } else {
        Some(request.requester_id)
    };
    let path = format!("/support/{}", request.support_request_id);
    if let Some(other) = other {
        let person = store::person(&mut *tx, other).await?;
        let build = |e: &EmailContext| emails::new_message(e, &person.name, &path);
        tell(&mut tx, &state.config.base_url, &person, build, now).await?;
    }
    tx.commit().await?;
    Ok(see_other(&path).into_response())
}

pub async fn close(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let request = own_request(&state, &user, &id).await?;
    store::close(&state.db, request.support_request_id).await?;
    Ok(redirect_with(
        "/support",
        "support-closed",
        state.config.secure_cookies(),
    ))
}

pub async fn team(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
) -> AppResult<TeamPage> {
    policy::require_team_manager(user.is_moderator())?;
    Ok(TeamPage {
        page: Page::titled(&ctx, "support-team-title").in_section("support"),
        team: store::team(&state.db).await?,
    })
}

#[derive(Deserialize)]
pub struct TeamForm {
    handle: String,
    on: String,
}

pub async fn set_team(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    Form(form): Form<TeamForm>,
) -> AppResult<Response> {
    policy::require_team_manager(user.is_moderator())?;
    let handle = form.handle.trim().trim_start_matches('@');
    let member = crate::members::store::profile_by_handle(&state.db, handle).await?;
    let key = match member {
        Some(member) => {
            store::set_supporter(&state.db, member.user_id, form.on == "yes").await?;
            "support-team-saved"
        }
        None => "support-team-unknown",
    };
    Ok(redirect_with(
        "/support/team",
        key,
        state.config.secure_cookies(),
    ))
}
