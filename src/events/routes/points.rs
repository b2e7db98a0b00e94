//! `/me/points`: my licence points per year and per licence period, each
//! with its event or course and certificate; the printable certificate; and
//! the public page that verifies a certificate, an event's or a course's, by
//! its code.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::NaiveDate;
use serde::Deserialize;

use crate::app::AppState;
use crate::courses::store::completion;
use crate::courses::views::CourseVerificationPage;
use crate::events::attendance;
use crate::events::views::{CertificatePage, PointsPage, UnknownCertificatePage, VerificationPage};
use crate::site::settings;
use crate::web::current_user::SignedIn;
use crate::web::flash::redirect_with;
use crate::web::form_errors::unprocessable;
use crate::web::{AppError, AppResult, Form, FormErrors, Page, RequestContext};

async fn points_page(
    state: &AppState,
    ctx: &RequestContext,
    user_id: uuid::Uuid,
    licence_since: String,
    errors: FormErrors,
) -> AppResult<PointsPage> {
    let entries = attendance::ledger(&state.db, user_id).await?;
    let today = state
        .clock
        .now()
        .with_timezone(&chrono_tz::Europe::Belgrade)
        .date_naive();
    let since = attendance::licence_since(&state.db, user_id).await?;
    Ok(PointsPage {
        page: Page::titled(ctx, "points-title").in_section("events"),
        years: attendance::per_year(&entries),
        periods: since
            .map(|since| attendance::per_period(&entries, since, today))
            .unwrap_or_default(),
        supervision_hours: attendance::supervision_hours(&state.db, user_id).await?,
        entries,
        licence_since: if licence_since.is_empty() {
            since.map(|d| d.to_string()).unwrap_or_default()
        } else {
            licence_since
        },
        errors,
    })
}

pub async fn show(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
) -> AppResult<PointsPage> {
    points_page(
        &state,
        &ctx,
        user.user_id,
        String::new(),
        FormErrors::new(ctx.locale),
    )
    .await
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct LicenceForm {
    licence_since: String,
}

pub async fn save_licence(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Form(form): Form<LicenceForm>,
) -> AppResult<Response> {
    let text = form.licence_since.trim().to_owned();
    let date = match text.as_str() {
        "" => None,
        _ => match NaiveDate::parse_from_str(&text, "%Y-%m-%d") {
            Ok(date) if date.format("%Y").to_string().as_str() >= "1990" => Some(date),
            _ => {
                let mut errors = FormErrors::new(ctx.locale);
                errors.add("licence_since", "error-licence-date");
                let page = points_page(&state, &ctx, user.user_id, text, errors).await?;
                return Ok(unprocessable(page));
            }
        },
    };
    attendance::set_licence_since(&state.db, user.user_id, date).await?;
    Ok(redirect_with(
        "/me/points",
        "points-licence-saved",
        state.config.secure_cookies(),
    ))
}

/// Codes are printed in capitals, but people type them as they like:
/// surrounding spaces and the case do not matter.
fn normalise_code(code: &str) -> String {
    code.trim().to_uppercase()
}

/// The member's own printable certificate; a course's code leads to the
/// course's certificate.
pub async fn certificate(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path(code): Path<String>,
) -> AppResult<Response> {
    let code = normalise_code(&code);
    let Some(certificate) = attendance::certificate(&state.db, &code)
        .await?
        .filter(|c| c.user_id == user.user_id)
    else {
        let course = completion::certificate(&state.db, &code)
            .await?
            .filter(|c| c.user_id == user.user_id)
            .ok_or(AppError::NotFound)?;
        return Ok(Redirect::to(&format!("/courses/{}/certificate", course.slug)).into_response());
    };
    Ok(CertificatePage {
        page: Page::titled(&ctx, "certificate-title").in_section("events"),
        verify_url: format!(
            "{}/certificates/{}",
            state.config.base_url.trim_end_matches('/'),
            certificate.certificate_code
        ),
        issuer: settings::issuer(&state.db).await?,
        certificate,
    }
    .into_response())
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct VerifyQuery {
    code: String,
}

/// The verification form's target: on to the code's own address.
pub async fn verify_form(Query(query): Query<VerifyQuery>) -> Redirect {
    let code = normalise_code(&query.code);
    // Codes are letters and digits only; anything else cannot match, and
    // must not be spliced into a path.
    let code: String = code.chars().filter(char::is_ascii_alphanumeric).collect();
    Redirect::to(&format!("/certificates/{code}"))
}

/// Anyone may check a certificate, an event's or a course's: name, event
/// or course, date and points only. An unknown code says so plainly, with
/// the form to try again.
pub async fn verify(
    State(state): State<AppState>,
    ctx: RequestContext,
    Path(code): Path<String>,
) -> AppResult<Response> {
    let code = normalise_code(&code);
    if let Some(certificate) = attendance::certificate(&state.db, &code).await? {
        return Ok(VerificationPage {
            page: Page::titled(&ctx, "certificate-verify-title"),
            certificate,
        }
        .into_response());
    }
    Ok(match completion::certificate(&state.db, &code).await? {
        Some(certificate) => CourseVerificationPage {
            page: Page::titled(&ctx, "certificate-verify-title"),
            certificate,
        }
        .into_response(),
        None => (
            StatusCode::NOT_FOUND,
            UnknownCertificatePage {
                page: Page::titled(&ctx, "certificate-unknown-title"),
                code,
            },
        )
            .into_response(),
    })
}
