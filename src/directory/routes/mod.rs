//! The service map's pages.

mod coverage;
mod emergency;
mod list;

mod review;
mod show;
mod suggest;
mod transfer;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use uuid::Uuid;

use super::store::{self, Service};
use super::vocabulary::ServiceStatus;
use crate::app::AppState;
use crate::config::Config;
use crate::web::security::CONTENT_SECURITY_POLICY;
use crate::web::{AppError, AppResult};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/services", get(list::search))
        .route(
            "/services/new",
            get(suggest::new_form).post(suggest::create),
        )
        .route("/services/coverage", get(coverage::show))
        .route("/services/review", get(review::queue))
        .route(
            "/services/review/{suggestion_id}",
            get(review::show).post(review::decide),
        )
        .route("/services/export.csv", get(transfer::export_csv))
        .route("/services/export.json", get(transfer::export_json))
        .route(
            "/services/import",
            get(transfer::form)
                .post(transfer::upload)
                .layer(DefaultBodyLimit::max(
                    transfer::MAX_IMPORT_BYTES + 64 * 1024,
                )),
        )
        .route("/services/import/{import_id}", post(transfer::confirm))
        .route("/services/{service_id}", get(show::show))
        .route(
            "/services/{service_id}/suggest",
            get(suggest::correction_form).post(suggest::correct),
        )
        .route(
            "/services/{service_id}/edit",
            get(suggest::edit_form).post(suggest::edit),
        )
        .route("/services/{service_id}/verify", post(show::verify))
        .route(
            "/admin/emergency-numbers",
            get(emergency::list).post(emergency::add),
        )
        .route(
            "/admin/emergency-numbers/{number_id}",
            post(emergency::change),
        )
        .route(
            "/admin/emergency-numbers/{number_id}/delete",
            post(emergency::remove),
        )
}

/// Checks a posted service form: its rules, and that the municipality it
/// names exists (one lookup, not the whole list). Shared by suggestions,
/// corrections, moderators' edits and accepting a suggestion.
async fn validate_service_form(
    executor: impl sqlx::PgExecutor<'_>,
    locale: crate::i18n::Locale,
    form: &mut super::forms::ServiceForm,
) -> AppResult<Result<store::ServiceInput, crate::web::FormErrors>> {
    let exists = match form.municipality.trim().parse::<i32>() {
        Ok(id) => store::find_municipality(executor, id).await?.is_some(),
        Err(_) => false,
    };
    Ok(form.validate(locale, |_| exists))
}

/// A published service, or any service for curators; "not found" otherwise.
async fn visible_service(state: &AppState, viewer_curates: bool, id: &str) -> AppResult<Service> {
    let service_id: Uuid = id.parse().map_err(|_| AppError::NotFound)?;
    let service = store::find(&state.db, service_id)
        .await?
        .ok_or(AppError::NotFound)?;
    if service.status == ServiceStatus::Published || viewer_curates {
        Ok(service)
    } else {
        Err(AppError::NotFound)
    }
}

/// Map pages may load tiles from the configured tile server; every other
/// rule of the site's policy stays.
pub fn with_map_policy(config: &Config, page: impl IntoResponse) -> Response {
    let mut response = page.into_response();
    let origin = config
        .map_tiles_url
        .as_deref()
        .and_then(crate::config::tile_origin);
    if let Some(origin) = origin {
        let policy = CONTENT_SECURITY_POLICY.replace(
            "img-src 'self' data:",
            &format!("img-src 'self' data: {origin}"),
        );
        if let Ok(value) = HeaderValue::from_str(&policy) {
            response
                .headers_mut()
                .insert(header::CONTENT_SECURITY_POLICY, value);
        }
    }
    response
}
