//! `/admin/emergency-numbers`: admins keep the "I need help now" numbers —
//! add, change or remove one. Everyone sees them on `/` and `/services`.

use axum::extract::{Path, State};
use axum::response::Response;

use crate::app::AppState;
use crate::directory::emergency::{self, KINDS, NewNumber};
use crate::directory::forms::NumberForm;
use crate::directory::policy::{self, COUNTRIES};
use crate::directory::views::EmergencyNumbersPage;
use crate::web::current_user::{CurrentUser, SignedIn};
use crate::web::flash::redirect_with;
use crate::web::form_errors::unprocessable;
use crate::web::{AppError, AppResult, Form, FormErrors, Page, RequestContext};

const PAGE: &str = "/admin/emergency-numbers";

fn admin_only(user: &CurrentUser) -> AppResult<()> {
    if policy::can_edit_emergency_numbers(user) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

async fn page(
    state: &AppState,
    ctx: &RequestContext,
    form: NumberForm,
    errors: FormErrors,
) -> AppResult<EmergencyNumbersPage> {
    Ok(EmergencyNumbersPage {
        page: Page::titled(ctx, "emergency-admin-title"),
        numbers: emergency::all(&state.db).await?,
        form,
        errors,
    })
}

pub async fn list(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
) -> AppResult<EmergencyNumbersPage> {
    admin_only(&user)?;
    page(
        &state,
        &ctx,
        NumberForm::default(),
        FormErrors::new(ctx.locale),
    )
    .await
}

pub async fn add(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Form(mut form): Form<NumberForm>,
) -> AppResult<Response> {
    admin_only(&user)?;
    form.number_id = None;
    save(state, ctx, form).await
}

pub async fn change(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path(number_id): Path<i32>,
    Form(mut form): Form<NumberForm>,
) -> AppResult<Response> {
    admin_only(&user)?;
    form.number_id = Some(number_id);
    save(state, ctx, form).await
}

pub async fn remove(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    Path(number_id): Path<i32>,
) -> AppResult<Response> {
    admin_only(&user)?;
    if !emergency::remove(&state.db, number_id).await? {
        return Err(AppError::NotFound);
    }
    Ok(redirect_with(
        PAGE,
        "emergency-admin-removed",
        state.config.secure_cookies(),
    ))
}

/// A phone number as people write it: digits, spaces, `/`, `-`, a leading `+`.
fn is_phone_number(text: &str) -> bool {
    let digits = text.chars().filter(char::is_ascii_digit).count();
    (2..=20).contains(&digits)
        && text.chars().enumerate().all(|(i, c)| {
            c.is_ascii_digit() || matches!(c, ' ' | '/' | '-') || (c == '+' && i == 0)
        })
}

async fn save(state: AppState, ctx: RequestContext, mut form: NumberForm) -> AppResult<Response> {
    for field in [
        &mut form.country,
        &mut form.kind,
        &mut form.number,
        &mut form.label_sr,
        &mut form.label_en,
        &mut form.position,
    ] {
        *field = field.trim().to_owned();
    }
    let mut errors = FormErrors::new(ctx.locale);
    if !COUNTRIES.contains(&form.country.as_str()) {
        errors.add("country", "error-emergency-country");
    }
    if !KINDS.contains(&form.kind.as_str()) {
        errors.add("kind", "error-emergency-kind");
    }
    if !is_phone_number(&form.number) {
        errors.add("number", "error-emergency-number");
    }
    for (field, label) in [("label_sr", &form.label_sr), ("label_en", &form.label_en)] {
        if !(2..=120).contains(&label.chars().count()) {
            errors.add(field, "error-emergency-label");
        }
    }
    let position = if form.position.is_empty() {
        Some(0)
    } else {
        form.position
            .parse::<i32>()
            .ok()
            .filter(|p| (0..=999).contains(p))
    };
    if position.is_none() {
        errors.add("position", "error-emergency-position");
    }
    if !errors.is_empty() {
        return Ok(unprocessable(page(&state, &ctx, form, errors).await?));
    }
    let number = NewNumber {
        country: &form.country,
        kind: &form.kind,
        number: &form.number,
        label_sr: &form.label_sr,
        label_en: &form.label_en,
        position: position.unwrap_or(0),
    };
    match form.number_id {
        Some(id) => {
            if !emergency::update(&state.db, id, &number).await? {
                return Err(AppError::NotFound);
            }
        }
        None => emergency::add(&state.db, &number).await?,
    }
    Ok(redirect_with(
        PAGE,
        "emergency-admin-saved",
        state.config.secure_cookies(),
    ))
}
