//! Calendars: one event's `.ics`, and each member's private feed
//! (`/calendar/<secret>.ics`) of the events they registered for, which
//! Google Calendar, Outlook and Thunderbird can subscribe to.

use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};

use super::visible_event;
use crate::app::AppState;
use crate::events::calendar_feed;
use crate::events::emails::{self, EntryText};
use crate::i18n::Locale;
use crate::notify::email::EmailContext;
use crate::web::current_user::SignedIn;
use crate::web::flash::redirect_with;
use crate::web::{AppError, AppResult, RequestContext};

fn calendar_response(body: String, file_name: &str) -> Response {
    (
        [
            (
                header::CONTENT_TYPE,
                "text/calendar; charset=utf-8".to_owned(),
            ),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{file_name}\""),
            ),
            // Private to the one who asked: the link is in it for registrants.
            (header::CACHE_CONTROL, "private, no-store".to_owned()),
        ],
        body,
    )
        .into_response()
}

pub async fn event_file(
    State(state): State<AppState>,
    ctx: RequestContext,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let event = visible_event(&state, &ctx, &id).await?;
    let e = EmailContext::new(ctx.locale, &state.config.base_url);
    let body = emails::calendar_entry(&e, &event, event.is_registered(), "PUBLISH");
    Ok(calendar_response(body, "dogadjaj.ics"))
}

pub async fn feed(State(state): State<AppState>, Path(file): Path<String>) -> AppResult<Response> {
    let token = file.strip_suffix(".ics").ok_or(AppError::NotFound)?;
    let (user_id, locale) = calendar_feed::calendar_owner(&state.db, token)
        .await?
        .ok_or(AppError::NotFound)?;
    let locale = Locale::from_tag(&locale).unwrap_or_default();
    let e = EmailContext::new(locale, &state.config.base_url);
    let events = calendar_feed::feed_events(&state.db, user_id, state.clock.now()).await?;
    let texts: Vec<EntryText> = events
        .iter()
        .map(|event| EntryText::new(&e, event, true))
        .collect();
    let entries: Vec<_> = texts
        .iter()
        .zip(&events)
        .map(|(text, event)| text.entry(event))
        .collect();
    let body = crate::events::ics::calendar(&e.t("calendar-feed-name"), Some("PUBLISH"), &entries);
    Ok(calendar_response(body, "kolega.ics"))
}

/// A new feed address; the old one stops working.
pub async fn renew_feed(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
) -> AppResult<Response> {
    calendar_feed::renew_calendar_token(
        &state.db,
        user.user_id,
        &crate::web::context::new_token(),
        state.clock.now(),
    )
    .await?;
    Ok(redirect_with(
        "/events",
        "calendar-feed-renewed",
        state.config.secure_cookies(),
    ))
}
