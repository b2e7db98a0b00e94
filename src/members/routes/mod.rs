//! The members feature's pages.

mod account;
mod admin;
mod directory;
mod login;
mod online;
mod password_reset;
mod register;
mod settings;
mod verify;

use axum::Router;
use axum::routing::{get, post};

use crate::app::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/register", get(register::show).post(register::submit))
        .route("/verify", get(verify::status))
        .route("/verify/resend", post(verify::resend))
        .route("/verify/{token}", get(verify::confirm))
        .route("/login", get(login::show).post(login::submit))
        .route("/logout", post(login::logout))
        .route(
            "/password/forgot",
            get(password_reset::show_forgot).post(password_reset::submit_forgot),
        )
        .route(
            "/password/reset/{token}",
            get(password_reset::show_reset).post(password_reset::submit_reset),
        )
        .route("/settings", get(settings::show))
        .route("/settings/profile", post(settings::save_profile))
        .route("/settings/email", post(settings::change_email))
        .route("/settings/password", post(settings::change_password))
        .route("/settings/sessions", post(settings::sign_out_everywhere))
        .route("/members", get(directory::list))
        .route("/members/{handle}", get(directory::profile))
        .route("/online", get(online::list))
        .route("/admin/members", get(admin::list))
        .route("/admin/members/{handle}/role", post(admin::change_role))
        .route("/admin/members/{handle}/unblock", post(admin::unblock))
        .route("/admin/members/{handle}/approve", post(admin::approve))
        .route("/admin/members/{handle}/decline", post(admin::decline))
        .route("/admin/settings", post(admin::save_settings))
}
