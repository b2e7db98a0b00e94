//! Suggesting a new service or a correction (verified members), and a
//! moderator's direct edit — one form, three destinations. A suggestion
//! waits in the review queue; a moderator's edit is saved at once and
//! counts as a verification.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};

use super::visible_service;
use crate::app::AppState;
use crate::directory::forms::ServiceForm;
use crate::directory::store::{self, ServiceInput};
use crate::directory::views::ServiceFormPage;
use crate::directory::{policy, suggestions};
use crate::web::current_user::SignedIn;
use crate::web::flash::redirect_with;
use crate::web::form_errors::unprocessable;
use crate::web::rate_limit::{self, Limit};
use crate::web::{AppResult, Form, FormErrors, Page, RequestContext};

/// Which form this is: where it posts and what saving does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    New,
    Correction,
    Edit,
}

async fn form_page(
    state: &AppState,
    ctx: &RequestContext,
    purpose: Purpose,
    action: String,
    form: ServiceForm,
    errors: FormErrors,
) -> AppResult<ServiceFormPage> {
    let title = match purpose {
        Purpose::New => "services-new-title",
        Purpose::Correction => "services-suggest-title",
        Purpose::Edit => "services-edit-title",
    };
    Ok(ServiceFormPage {
        page: Page::titled(ctx, title).in_section("services"),
        action,
        with_note: purpose != Purpose::Edit,
        form,
        errors,
        municipalities: store::municipalities(&state.db).await?,
    })
}

pub async fn new_form(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
) -> AppResult<ServiceFormPage> {
    policy::require_participant(&user)?;
    let form = ServiceForm {
        input: ServiceInput {
            languages: vec!["sr".into()],
            ..ServiceInput::default()
        },
        ..ServiceForm::default()
    };
    form_page(
        &state,
        &ctx,
        Purpose::New,
        "/services/new".into(),
        form,
        FormErrors::new(ctx.locale),
    )
    .await
}

pub async fn correction_form(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path(id): Path<String>,
) -> AppResult<ServiceFormPage> {
    policy::require_participant(&user)?;
    let service = visible_service(&state, policy::curates(Some(&user)), &id).await?;
    let form = ServiceForm::from_input(&ServiceInput::from_service(&service));
    let action = format!("/services/{}/suggest", service.service_id);
    form_page(
        &state,
        &ctx,
        Purpose::Correction,
        action,
        form,
        FormErrors::new(ctx.locale),
    )
    .await
}

pub async fn edit_form(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path(id): Path<String>,
) -> AppResult<ServiceFormPage> {
    policy::require_curator(&user)?;
    let service = visible_service(&state, true, &id).await?;
    let form = ServiceForm::from_input(&ServiceInput::from_service(&service));
    let action = format!("/services/{}/edit", service.service_id);
    form_page(
        &state,
        &ctx,
        Purpose::Edit,
        action,
        form,
        FormErrors::new(ctx.locale),
    )
    .await
}

/// The checked record, or the form again with its messages (422).
async fn checked(
    state: &AppState,
    ctx: &RequestContext,
    purpose: Purpose,
    action: String,
    pairs: &[(String, String)],
    limited: Option<uuid::Uuid>,
) -> AppResult<Result<(ServiceInput, String), Response>> {
    let mut form = ServiceForm::from_pairs(pairs);
    let mut checked = super::validate_service_form(&state.db, ctx.locale, &mut form).await?;
    // Members' suggestions and corrections are limited; curators' edits are not.
    if let (Ok(_), Some(member)) = (&checked, limited) {
        let key = member.to_string();
        if !rate_limit::allow(&state.db, Limit::Suggestion, &key, state.clock.now()).await? {
            let mut errors = FormErrors::new(ctx.locale);
            errors.add_text("name", Limit::Suggestion.message(ctx.locale));
            checked = Err(errors);
        }
    }
    match checked {
        Ok(input) => Ok(Ok((input, form.note.clone()))),
        Err(errors) => {
            let page = form_page(state, ctx, purpose, action, form, errors).await?;
            Ok(Err(unprocessable(page)))
        }
    }
}

pub async fn create(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    policy::require_participant(&user)?;
    let (input, note) = match checked(
        &state,
        &ctx,
        Purpose::New,
        "/services/new".into(),
        &pairs,
        Some(user.user_id),
    )
    .await?
    {
        Ok(checked) => checked,
        Err(page) => return Ok(page),
    };
    suggestions::create(
        &state.db,
        None,
        user.user_id,
        &input,
        &note,
        state.clock.now(),
    )
    .await?;
    Ok(redirect_with(
        "/services",
        "services-suggestion-sent",
        state.config.secure_cookies(),
    ))
}

pub async fn correct(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    policy::require_participant(&user)?;
    let service = visible_service(&state, policy::curates(Some(&user)), &id).await?;
    let action = format!("/services/{}/suggest", service.service_id);
    let (input, note) = match checked(
        &state,
        &ctx,
        Purpose::Correction,
        action,
        &pairs,
        Some(user.user_id),
    )
    .await?
    {
        Ok(checked) => checked,
        Err(page) => return Ok(page),
    };
    suggestions::create(
        &state.db,
        Some(service.service_id),
        user.user_id,
        &input,
        &note,
        state.clock.now(),
    )
    .await?;
    Ok(redirect_with(
        &format!("/services/{}", service.service_id),
        "services-suggestion-sent",
        state.config.secure_cookies(),
    ))
}

pub async fn edit(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    policy::require_curator(&user)?;
    let service = visible_service(&state, true, &id).await?;
    let action = format!("/services/{}/edit", service.service_id);
    let (input, _) = match checked(&state, &ctx, Purpose::Edit, action, &pairs, None).await? {
        Ok(checked) => checked,
        Err(page) => return Ok(page),
    };
    let mut tx = state.db.begin().await?;
    store::update(
        &mut tx,
        service.service_id,
        &input,
        user.user_id,
        state.clock.now(),
    )
    .await?;
    tx.commit().await?;
    Ok(redirect_with(
        &format!("/services/{}", service.service_id),
        "services-saved",
        state.config.secure_cookies(),
    )
    .into_response())
}
