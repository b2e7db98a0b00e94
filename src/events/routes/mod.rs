//! The events feature's pages.

pub mod after;
mod calendar;
mod list;
mod manage;
mod points;
pub mod proposals;
mod show;
pub mod supervision;

use axum::Router;
use axum::routing::{get, post};
use uuid::Uuid;

use super::policy;
use super::store::{self, EventView};
use crate::app::AppState;
use crate::web::current_user::CurrentUser;
use crate::web::{AppError, AppResult, RequestContext};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/events", get(list::list))
        .route("/events/new", get(manage::new_event).post(manage::create))
        .route("/events/calendar-feed", post(calendar::renew_feed))
        .route("/events/proposals", get(proposals::list))
        .route(
            "/events/proposals/new",
            get(proposals::new_form).post(proposals::create),
        )
        .route(
            "/events/proposals/{proposal_id}/vote",
            post(proposals::vote),
        )
        .route(
            "/events/proposals/{proposal_id}/close",
            post(proposals::close),
        )
        .route("/events/{event_id}", get(show::show))
        .route("/events/{event_id}/register", post(show::register))
        .route("/events/{event_id}/unregister", post(show::unregister))
        .route("/events/{event_id}/participants", get(show::participants))
        .route("/events/{event_id}/calendar.ics", get(calendar::event_file))
        .route(
            "/events/{event_id}/edit",
            get(manage::edit_form).post(manage::update),
        )
        .route("/events/{event_id}/cancel", post(manage::cancel))
        .route(
            "/events/{event_id}/attendance",
            get(after::attendance_form).post(after::save_attendance),
        )
        .route("/events/{event_id}/check-in", post(after::check_in))
        .route(
            "/events/{event_id}/recording",
            get(after::recording_form).post(after::save_recording),
        )
        .route(
            "/events/{event_id}/feedback",
            get(after::feedback_form).post(after::save_feedback),
        )
        .route("/events/{event_id}/supervision", get(supervision::show))
        .route(
            "/events/{event_id}/cases/new",
            get(supervision::case_form).post(supervision::add_case),
        )
        .route(
            "/events/{event_id}/notes",
            get(supervision::notes_form).post(supervision::save_notes),
        )
        .route(
            "/groups/{slug}/supervision",
            get(supervision::settings_form).post(supervision::save_settings),
        )
        .route("/me/points", get(points::show).post(points::save_licence))
        .route("/me/certificates/{code}", get(points::certificate))
        .route("/certificates", get(points::verify_form))
        .route("/certificates/{code}", get(points::verify))
        .route("/calendar/{file}", get(calendar::feed))
}

/// The event, if the viewer may manage it (edit, cancel, see participants).
async fn managed_event(
    state: &AppState,
    ctx: &RequestContext,
    user: &CurrentUser,
    id: &str,
) -> AppResult<EventView> {
    let event = visible_event(state, ctx, id).await?;
    if !policy::can_manage(&event.facts(), Some(user)) {
        return Err(AppError::Forbidden);
    }
    Ok(event)
}

/// The event, if it exists and the viewer may know it does; otherwise 404
/// (so an event of a group one is not in cannot be told from a missing one).
async fn visible_event(state: &AppState, ctx: &RequestContext, id: &str) -> AppResult<EventView> {
    let event_id: Uuid = id.parse().map_err(|_| AppError::NotFound)?;
    let viewer = ctx.user.as_ref().map(|u| u.user_id);
    let event = store::find(&state.db, event_id, viewer)
        .await?
        .ok_or(AppError::NotFound)?;
    if !policy::can_see(&event.facts(), ctx.user.as_ref()) {
        return Err(AppError::NotFound);
    }
    Ok(event)
}
