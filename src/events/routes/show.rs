//! `/events/<id>`: the event, registering and cancelling, and the list of
//! participants for organisers.

use axum::extract::{Path, State};
use axum::response::Response;

use super::visible_event;
use crate::app::AppState;
use crate::events::emails::{self, Notice};
use crate::events::registration::{self, Registered};
use crate::events::views::{EventPage, ParticipantsPage};
use crate::events::vocabulary::PersonRole;
use crate::events::{feedback, participants, people, policy, promotion};
use crate::notify::{Recipient, notify};
use crate::text::markdown;
use crate::web::current_user::SignedIn;
use crate::web::flash::redirect_with;
use crate::web::{AppError, AppResult, Page, RequestContext};

pub async fn show(
    State(state): State<AppState>,
    ctx: RequestContext,
    Path(id): Path<String>,
) -> AppResult<EventPage> {
    let event = visible_event(&state, &ctx, &id).await?;
    let facts = event.facts();
    let now = state.clock.now();
    let people = people::people(&state.db, event.event_id).await?;
    let manage = policy::can_manage(&facts, ctx.user.as_ref());
    let gave_feedback = match &ctx.user {
        Some(user) if event.attended => {
            feedback::has_feedback(&state.db, event.event_id, user.user_id).await?
        }
        _ => false,
    };
    let feedback = if manage && event.starts_at <= now {
        Some(feedback::feedback_summary(&state.db, event.event_id).await?)
    } else {
        None
    };
    Ok(EventPage {
        can_check_in: policy::can_check_in(&facts, now),
        gave_feedback,
        feedback,
        materials_html: markdown::render_cached(&event.materials),
        page: Page::new(&ctx, event.title.clone())
            .with_content_title(&event.language)
            .in_section("events"),
        description_html: markdown::render_cached(&event.description),
        can_register: policy::can_register(&facts, ctx.user.as_ref(), now),
        registration_open: policy::registration_open(&facts, now),
        waiting_notice: ctx.user.as_ref().and_then(|u| u.participation_notice()),
        // The link is for people with a place, and for those who run the event.
        show_link: event.is_online() && (event.is_registered() || manage),
        past: event.ends_at < now,
        can_manage: manage,
        organisers: people
            .iter()
            .filter(|p| p.role == PersonRole::Organiser)
            .cloned()
            .collect(),
        speakers: people
            .into_iter()
            .filter(|p| p.role == PersonRole::Speaker)
            .collect(),
        event,
    })
}

pub async fn register(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let event = visible_event(&state, &ctx, &id).await?;
    let now = state.clock.now();
    if !policy::can_register(&event.facts(), Some(&user), now) {
        return Err(AppError::Forbidden);
    }
    let mut tx = state.db.begin().await?;
    let outcome = registration::register(&mut tx, event.event_id, user.user_id, now).await?;
    let notice = match outcome {
        Registered::Place => Some(Notice::Registered),
        Registered::Waitlist => Some(Notice::Waitlisted),
        Registered::Already => None,
    };
    if let Some(notice) = notice {
        let to = Recipient {
            user_id: user.user_id,
            email: user.email.clone(),
            name: user.name.clone(),
            locale: user.locale,
        };
        let e = to.email_context(&state.config.base_url);
        let has_place = notice == Notice::Registered;
        let notification = emails::notice(&e, &user.name, &event, notice, has_place);
        notify(&mut tx, &state.config.base_url, &to, notification, now).await?;
    }
    tx.commit().await?;
    let message = match outcome {
        Registered::Waitlist => "event-waitlisted",
        _ => "event-registered",
    };
    Ok(redirect_with(
        &format!("/events/{}", event.event_id),
        message,
        state.config.secure_cookies(),
    ))
}

pub async fn unregister(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let event = visible_event(&state, &ctx, &id).await?;
    let now = state.clock.now();
    if event.starts_at <= now {
        return Err(AppError::Conflict);
    }
    let mut tx = state.db.begin().await?;
    let cancelled = registration::cancel(&mut tx, event.event_id, user.user_id, now).await?;
    if let Some(promoted) = cancelled.promoted {
        promotion::tell_promoted(&mut tx, &state.config.base_url, &event, promoted, now).await?;
    }
    tx.commit().await?;
    Ok(redirect_with(
        &format!("/events/{}", event.event_id),
        "event-unregistered",
        state.config.secure_cookies(),
    ))
}

pub async fn participants(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path(id): Path<String>,
) -> AppResult<ParticipantsPage> {
    let event = visible_event(&state, &ctx, &id).await?;
    if !policy::can_manage(&event.facts(), Some(&user)) {
        return Err(AppError::Forbidden);
    }
    let participants = participants::participants(&state.db, event.event_id).await?;
    Ok(ParticipantsPage {
        page: Page::titled(&ctx, "event-participants-title").in_section("events"),
        event,
        participants,
    })
}
