//! After (and during) the event: attendance by the organisers' list or by
//! self check-in, the recording and materials, and feedback.

use std::collections::HashMap;

use axum::extract::{Path, State};
use axum::response::Response;
use serde::Deserialize;

use super::{managed_event, visible_event};
use crate::app::AppState;
use crate::events::emails::Notice;
use crate::events::forms::{FeedbackForm, RecordingForm};
use crate::events::policy::{self, EventFacts};
use crate::events::store::{self, EventView};
use crate::events::views::{AttendancePage, FeedbackPage, RecordingPage};
use crate::events::vocabulary::RegistrationStatus;
use crate::events::{attendance, feedback, participants};
use crate::text::web_link::web_link;
use crate::web::FormErrors;
use crate::web::current_user::SignedIn;
use crate::web::flash::redirect_with;
use crate::web::form_checks::check_length;
use crate::web::form_errors::unprocessable;
use crate::web::rate_limit::{self, Limit};
use crate::web::{AppError, AppResult, Form, Page, RequestContext};

fn back(state: &AppState, event: &EventView, key: &str) -> Response {
    redirect_with(
        &format!("/events/{}", event.event_id),
        key,
        state.config.secure_cookies(),
    )
}

pub async fn attendance_form(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path(id): Path<String>,
) -> AppResult<AttendancePage> {
    let event = managed_event(&state, &ctx, &user, &id).await?;
    let participants = participants::participants(&state.db, event.event_id)
        .await?
        .into_iter()
        .filter(|p| p.status == RegistrationStatus::Registered)
        .collect();
    let attended = attendance::attended(&state.db, event.event_id).await?;
    Ok(AttendancePage {
        page: Page::titled(&ctx, "event-attendance-title").in_section("events"),
        event,
        participants,
        attended,
    })
}

/// Saves the organisers' list: a checkbox `attended-<user id>` per person.
pub async fn save_attendance(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path(id): Path<String>,
    Form(form): Form<HashMap<String, String>>,
) -> AppResult<Response> {
    let event = managed_event(&state, &ctx, &user, &id).await?;
    if event.starts_at > state.clock.now() || event.cancelled_at.is_some() {
        return Err(AppError::Conflict);
    }
    let now = state.clock.now();
    let mut tx = state.db.begin().await?;
    for person in participants::participants(&mut *tx, event.event_id).await? {
        if person.status != RegistrationStatus::Registered {
            continue;
        }
        if form.contains_key(&format!("attended-{}", person.user_id)) {
            attendance::mark_attended(&mut tx, event.event_id, person.user_id, now).await?;
        } else {
            attendance::unmark_attended(&mut tx, event.event_id, person.user_id).await?;
        }
    }
    tx.commit().await?;
    Ok(back(&state, &event, "event-attendance-saved"))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CheckInForm {
    code: String,
}

/// A participant checks in with the code shown during the event.
pub async fn check_in(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path(id): Path<String>,
    Form(form): Form<CheckInForm>,
) -> AppResult<Response> {
    let event = visible_event(&state, &ctx, &id).await?;
    let now = state.clock.now();
    // A second check-in (a double tap, a second phone) is harmless and
    // answers as the first did, so being present already does not refuse it.
    let facts = EventFacts {
        attended: false,
        ..event.facts()
    };
    if !policy::can_check_in(&facts, now) {
        return Err(AppError::Forbidden);
    }
    // Codes are short enough to read aloud, so guessing is limited instead.
    let key = format!("{}:{}", user.user_id, event.event_id);
    if !rate_limit::allow(&state.db, Limit::CheckIn, &key, now).await? {
        return Ok(back(&state, &event, "event-checkin-too-many"));
    }
    if !form.code.trim().eq_ignore_ascii_case(&event.checkin_code) {
        return Ok(back(&state, &event, "event-checkin-wrong-code"));
    }
    let mut tx = state.db.begin().await?;
    attendance::mark_attended(&mut tx, event.event_id, user.user_id, now).await?;
    tx.commit().await?;
    Ok(back(&state, &event, "event-checked-in"))
}

pub async fn recording_form(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path(id): Path<String>,
) -> AppResult<RecordingPage> {
    let event = managed_event(&state, &ctx, &user, &id).await?;
    let form = RecordingForm {
        recording_url: event.recording_url.clone(),
        materials: event.materials.clone(),
    };
    Ok(RecordingPage {
        page: Page::titled(&ctx, "event-recording-title").in_section("events"),
        event,
        form,
        errors: FormErrors::new(ctx.locale),
    })
}

/// Organisers add the recording link and materials; the first time there
/// is a recording, everyone registered is told.
pub async fn save_recording(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path(id): Path<String>,
    Form(mut form): Form<RecordingForm>,
) -> AppResult<Response> {
    let event = managed_event(&state, &ctx, &user, &id).await?;
    form.recording_url = form.recording_url.trim().to_owned();
    let mut errors = FormErrors::new(ctx.locale);
    let url = match form.recording_url.as_str() {
        "" => String::new(),
        text => web_link(text).unwrap_or_else(|key| {
            errors.add("recording_url", key);
            String::new()
        }),
    };
    check_length(&mut errors, "recording_url", &url, 500);
    check_length(&mut errors, "materials", &form.materials, 20_000);
    if !errors.is_empty() {
        return Ok(unprocessable(RecordingPage {
            page: Page::titled(&ctx, "event-recording-title").in_section("events"),
            event,
            form,
            errors,
        }));
    }
    let now = state.clock.now();
    let mut tx = state.db.begin().await?;
    let first_recording =
        store::set_recording(&mut *tx, event.event_id, &url, &form.materials, now).await?;
    if first_recording {
        let updated = store::find(&mut *tx, event.event_id, Some(user.user_id))
            .await?
            .ok_or(AppError::NotFound)?;
        super::manage::tell_everyone(&state, &mut tx, &updated, Notice::Recording, true).await?;
    }
    tx.commit().await?;
    Ok(back(&state, &event, "event-recording-saved"))
}

/// The event, if the viewer attended it and it has started.
async fn attended_event(state: &AppState, ctx: &RequestContext, id: &str) -> AppResult<EventView> {
    let event = visible_event(state, ctx, id).await?;
    if !policy::can_follow_up(&event.facts(), state.clock.now()) {
        return Err(AppError::Forbidden);
    }
    Ok(event)
}

pub async fn feedback_form(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(_user): SignedIn,
    Path(id): Path<String>,
) -> AppResult<FeedbackPage> {
    let event = attended_event(&state, &ctx, &id).await?;
    Ok(FeedbackPage {
        page: Page::titled(&ctx, "event-feedback-title").in_section("events"),
        event,
        form: FeedbackForm::default(),
        errors: FormErrors::new(ctx.locale),
    })
}

/// Attendees rate the event (1–5) and comment, once it has started.
pub async fn save_feedback(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path(id): Path<String>,
    Form(form): Form<FeedbackForm>,
) -> AppResult<Response> {
    let event = attended_event(&state, &ctx, &id).await?;
    let rating = form
        .rating
        .parse::<i16>()
        .ok()
        .filter(|r| (1..=5).contains(r));
    let mut errors = FormErrors::new(ctx.locale);
    if rating.is_none() {
        errors.add("rating", "error-feedback-rating");
    }
    check_length(&mut errors, "comment", &form.comment, 2000);
    let (Some(rating), true) = (rating, errors.is_empty()) else {
        return Ok(unprocessable(FeedbackPage {
            page: Page::titled(&ctx, "event-feedback-title").in_section("events"),
            event,
            form,
            errors,
        }));
    };
    feedback::save_feedback(
        &state.db,
        event.event_id,
        user.user_id,
        rating,
        form.comment.trim(),
        state.clock.now(),
    )
    .await?;
    Ok(back(&state, &event, "event-feedback-thanks"))
}
