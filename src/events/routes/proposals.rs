//! `/events/proposals`: propose a webinar or a topic, support proposals
//! with one vote, and (organisers) close one with a reason. Turning one
//! into an event goes through `/events/new?proposal=<id>`.

use axum::extract::{Path, State};
use axum::response::Response;
use serde::Deserialize;
use uuid::Uuid;

use crate::app::AppState;
use crate::events::forms::ProposalForm;
use crate::events::policy;
use crate::events::proposals;
use crate::events::views::{ProposalFormPage, ProposalsPage};
use crate::events::vocabulary::ProposalKind;
use crate::web::current_user::SignedIn;
use crate::web::flash::redirect_with;
use crate::web::form_checks::check_length;
use crate::web::form_errors::unprocessable;
use crate::web::{
    AppError, AppResult, Form, FormErrors, Page, RequestContext, personal_data_guard,
};

pub async fn list(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
) -> AppResult<ProposalsPage> {
    Ok(ProposalsPage {
        page: Page::titled(&ctx, "proposals-title").in_section("events"),
        proposals: proposals::list(&state.db, user.user_id).await?,
        can_vote: user.can_participate(),
        can_organise: policy::can_organise_open_events(&user),
    })
}

fn form_page(
    ctx: &RequestContext,
    form: ProposalForm,
    warnings: Vec<String>,
    errors: FormErrors,
) -> ProposalFormPage {
    ProposalFormPage {
        page: Page::titled(ctx, "proposal-new-title").in_section("events"),
        form,
        warnings,
        errors,
        kinds: ProposalKind::ALL,
    }
}

pub async fn new_form(
    ctx: RequestContext,
    SignedIn(user): SignedIn,
) -> AppResult<ProposalFormPage> {
    if !policy::can_propose(&user) {
        return Err(AppError::Forbidden);
    }
    let form = ProposalForm {
        kind: ProposalKind::Webinar.as_str().into(),
        ..ProposalForm::default()
    };
    Ok(form_page(
        &ctx,
        form,
        Vec::new(),
        FormErrors::new(ctx.locale),
    ))
}

pub async fn create(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Form(mut form): Form<ProposalForm>,
) -> AppResult<Response> {
    if !policy::can_propose(&user) {
        return Err(AppError::Forbidden);
    }
    form.title = form.title.trim().to_owned();
    let mut errors = FormErrors::new(ctx.locale);
    let kind = ProposalKind::parse(&form.kind);
    if kind.is_none() {
        errors.add("kind", "error-proposal-kind");
    }
    if form.title.chars().count() < 5 {
        errors.add("title", "error-proposal-title");
    }
    check_length(&mut errors, "title", &form.title, 200);
    check_length(&mut errors, "description", &form.description, 5_000);
    // Every member reads a proposal: the personal-data guard, as on posts.
    let warnings = personal_data_guard::check(
        &mut errors,
        &[("title", &form.title), ("description", &form.description)],
        form.confirm_personal_data.is_some(),
    );
    let Some(kind) = kind.filter(|_| errors.is_empty()) else {
        return Ok(unprocessable(form_page(&ctx, form, warnings, errors)));
    };
    let now = state.clock.now();
    let mut tx = state.db.begin().await?;
    let proposal_id = proposals::create(
        &mut *tx,
        user.user_id,
        kind,
        &form.title,
        &form.description,
        now,
    )
    .await?;
    // The author supports their own proposal.
    proposals::set_vote(&mut *tx, proposal_id, user.user_id, true, now).await?;
    tx.commit().await?;
    Ok(redirect_with(
        "/events/proposals",
        "proposal-created",
        state.config.secure_cookies(),
    ))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct VoteForm {
    support: String,
}

pub async fn vote(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    Path(id): Path<String>,
    Form(form): Form<VoteForm>,
) -> AppResult<Response> {
    let proposal_id: Uuid = id.parse().map_err(|_| AppError::NotFound)?;
    if !policy::can_propose(&user) {
        return Err(AppError::Forbidden);
    }
    proposals::find(&state.db, proposal_id, user.user_id)
        .await?
        .ok_or(AppError::NotFound)?;
    proposals::set_vote(
        &state.db,
        proposal_id,
        user.user_id,
        form.support == "yes",
        state.clock.now(),
    )
    .await?;
    Ok(redirect_with(
        "/events/proposals",
        "proposal-voted",
        state.config.secure_cookies(),
    ))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CloseForm {
    reason: String,
}

/// Organisers close a proposal with a reason; the author is told why.
pub async fn close(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    Path(id): Path<String>,
    Form(form): Form<CloseForm>,
) -> AppResult<Response> {
    let proposal_id: Uuid = id.parse().map_err(|_| AppError::NotFound)?;
    if !policy::can_organise_open_events(&user) {
        return Err(AppError::Forbidden);
    }
    let reason: String = form.reason.trim().chars().take(1000).collect();
    let mut tx = state.db.begin().await?;
    let now = state.clock.now();
    proposals::close(&mut tx, &state.config.base_url, proposal_id, &reason, now).await?;
    tx.commit().await?;
    Ok(redirect_with(
        "/events/proposals",
        "proposal-closed",
        state.config.secure_cookies(),
    ))
}
