//! The notification pages: the in-app list, the settings, one-click
//! unsubscribe, and the hook a mail system reports bounces to.

mod bounces;
mod list;
mod settings;
mod unsubscribe;

use axum::Router;
use axum::routing::{get, post};

use crate::app::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/notifications", get(list::show))
        .route("/notifications/read-all", post(list::read_all))
        .route("/notifications/{id}", get(list::open))
        .route("/notifications/{id}/read", post(list::read_one))
        .route(
            "/settings/notifications",
            get(settings::show).post(settings::save),
        )
        .route("/settings/notifications/resume", post(settings::resume))
        .route(
            "/unsubscribe",
            get(unsubscribe::confirm).post(unsubscribe::one_click),
        )
        .route("/hooks/email-bounce", post(bounces::report))
}

/// Paths whose POSTs come from outside a browser session and carry their
/// own proof instead of the CSRF token: a signed unsubscribe token (RFC
/// 8058 POSTs come from mail providers, without cookies) or the bounce
/// hook's bearer token. The app hands the list to the page shell
/// (`AppState::csrf_exempt`), so the shell needs no feature.
pub const CSRF_EXEMPT: &[&str] = &["/unsubscribe", "/hooks/email-bounce"];
