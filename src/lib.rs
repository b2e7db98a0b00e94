//! Kolega: a community platform for social-work practitioners, teachers and
//! students. This file only assembles the application from its features.

pub mod account_data;
pub mod app;
pub mod cli;
pub mod clock;
pub mod config;
pub mod courses;
pub mod db;
pub mod directory;
pub mod events;
pub mod groups;
pub mod i18n;
pub mod impact;
pub mod library;
pub mod members;
pub mod notify;
pub mod scheduler;
pub mod seed;
pub mod server;
pub mod site;
pub mod support;
pub mod text;
pub mod web;

use axum::Router;

pub use app::AppState;

/// Every feature's pages. Each feature's `routes::router()` is merged here.
pub fn pages() -> Router<AppState> {
    Router::new()
        .merge(site::routes::router())
        .merge(members::routes::router())
        .merge(account_data::routes::router())
        .merge(groups::routes::router())
        .merge(support::routes::router())
        .merge(events::routes::router())
        .merge(library::routes::router())
        .merge(courses::routes::router())
        .merge(directory::routes::router())
        .merge(impact::routes::router())
        .merge(notify::routes::router())
}

/// The whole application: the pages inside the shared shell, and static files.
pub fn router(state: AppState) -> Router {
    let assets = web::static_files::router(&state.config.static_dir);
    app::with_middleware(state, pages(), assets)
}
