//! Organisers create, edit and cancel events. A change of time or place, or
//! a cancellation, is e-mailed to everyone registered or waiting.

use crate::web::Query;
use axum::extract::{Path, State};
use axum::response::Response;
use serde::Deserialize;
use uuid::Uuid;

use super::managed_event;
use crate::app::AppState;
use crate::events::emails::{self, Notice};
use crate::events::forms::EventForm;
use crate::events::people::{self, OrganisableGroup};
use crate::events::policy;
use crate::events::proposals;
use crate::events::store::{self, EventInput, EventView};
use crate::events::views::EventFormPage;
use crate::events::vocabulary::{
    Audience, EventKind, PersonRole, ProposalStatus, RegistrationStatus,
};
use crate::events::{participants, promotion, registration};
use crate::notify::{Kind, Notification, Recipient, notify};
use crate::web::current_user::{CurrentUser, SignedIn};
use crate::web::flash::redirect_with;
use crate::web::form_errors::unprocessable;
use crate::web::{AppError, AppResult, Form, FormErrors, Page, RequestContext};

/// The audiences this organiser may choose: everyone and members (teachers
/// and site moderators), and the groups they run.
async fn audiences(
    state: &AppState,
    user: &CurrentUser,
) -> AppResult<(bool, Vec<OrganisableGroup>)> {
    let groups = if user.can_participate() {
        people::organisable_groups(&state.db, user.user_id).await?
    } else {
        Vec::new()
    };
    Ok((policy::can_organise_open_events(user), groups))
}

fn form_page(
    ctx: &RequestContext,
    title: &str,
    action: String,
    form: EventForm,
    errors: FormErrors,
    (open_audiences, groups): (bool, Vec<OrganisableGroup>),
) -> EventFormPage {
    EventFormPage {
        page: Page::titled(ctx, title).in_section("events"),
        action,
        form,
        errors,
        kinds: EventKind::ALL,
        open_audiences,
        groups,
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct NewEventParams {
    /// Start from this proposal: its title and description, and its
    /// supporters are told when the event is published.
    proposal: Option<Uuid>,
}

pub async fn new_event(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Query(params): Query<NewEventParams>,
) -> AppResult<EventFormPage> {
    let choices = audiences(&state, &user).await?;
    if !choices.0 && choices.1.is_empty() {
        return Err(AppError::Forbidden);
    }
    let proposal = match params.proposal {
        Some(id) if choices.0 => proposals::find(&state.db, id, user.user_id)
            .await?
            .filter(proposals::Proposal::is_open),
        _ => None,
    };
    let form = EventForm {
        title: proposal
            .as_ref()
            .map(|p| p.title.clone())
            .unwrap_or_default(),
        description: proposal
            .as_ref()
            .map(|p| p.description.clone())
            .unwrap_or_default(),
        proposal: proposal
            .as_ref()
            .map(|p| p.proposal_id.to_string())
            .unwrap_or_default(),
        kind: EventKind::Webinar.as_str().into(),
        language: "sr".into(),
        audience: if choices.0 {
            Audience::Public.as_str().into()
        } else {
            choices.1[0].slug.clone()
        },
        points: "0".into(),
        ..EventForm::default()
    };
    Ok(form_page(
        &ctx,
        "event-new-title",
        "/events/new".into(),
        form,
        FormErrors::new(ctx.locale),
        choices,
    ))
}

/// Which group the form's audience names, if the organiser may use it;
/// `Err` when they chose an audience they may not.
fn chosen_group(
    form: &EventForm,
    (open_audiences, groups): &(bool, Vec<OrganisableGroup>),
) -> Result<Option<uuid::Uuid>, AppError> {
    match Audience::parse(&form.audience) {
        Some(Audience::Public | Audience::Members) if *open_audiences => Ok(None),
        Some(Audience::Public | Audience::Members) => Err(AppError::Forbidden),
        _ => Ok(groups
            .iter()
            .find(|g| g.slug == form.audience)
            .map(|g| g.group_id)),
    }
}

#[tracing::instrument(skip_all)]
pub async fn create(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Form(mut form): Form<EventForm>,
) -> AppResult<Response> {
    let choices = audiences(&state, &user).await?;
    if !choices.0 && choices.1.is_empty() {
        return Err(AppError::Forbidden);
    }
    let group_id = chosen_group(&form, &choices)?;
    let (input, speakers) = match checked(&state, &ctx, &mut form, group_id, None).await? {
        Ok(checked) => checked,
        Err(errors) => {
            let page = form_page(
                &ctx,
                "event-new-title",
                "/events/new".into(),
                form,
                errors,
                choices,
            );
            return Ok(unprocessable(page));
        }
    };
    let now = state.clock.now();
    let mut tx = state.db.begin().await?;
    let event_id = store::create(&mut tx, &input, user.user_id, now).await?;
    people::set_speakers(&mut tx, event_id, &speakers).await?;
    // Published from a proposal: everyone who supported it hears of it.
    if let (true, Ok(proposal_id)) = (choices.0, form.proposal.parse::<Uuid>()) {
        for (user_id, email, name, locale) in
            proposals::schedule(&mut tx, proposal_id, event_id).await?
        {
            let to = Recipient::new(user_id, &email, &name, &locale);
            let link = format!("/events/{event_id}");
            let mail = crate::events::emails::proposal_decision(
                &to.email_context(&state.config.base_url),
                &name,
                ProposalStatus::Scheduled,
                &input.title,
                None,
                &link,
            );
            let notification = Notification::new(Kind::ProposalDecision, link, mail);
            notify(&mut tx, &state.config.base_url, &to, notification, now).await?;
        }
    }
    tx.commit().await?;
    Ok(redirect_with(
        &format!("/events/{event_id}"),
        "event-created",
        state.config.secure_cookies(),
    ))
}

/// The form's values checked, with its member speakers found by handle.
/// `stored_start`: the start of the event being edited.
async fn checked(
    state: &AppState,
    ctx: &RequestContext,
    form: &mut EventForm,
    group_id: Option<Uuid>,
    stored_start: Option<chrono::DateTime<chrono::Utc>>,
) -> AppResult<Result<(EventInput, Vec<Uuid>), FormErrors>> {
    let handles = form.speaker_handles();
    let (speakers, unknown) = people::resolve_handles(&state.db, &handles).await?;
    let now = state.clock.now();
    let mut result = form.validate(ctx.locale, group_id, now, stored_start);
    if !unknown.is_empty() {
        let message = crate::i18n::t_args(
            ctx.locale,
            "error-event-speaker-unknown",
            &crate::i18n::Args::new().with("handles", unknown.join(", ")),
        );
        let mut errors = result.err().unwrap_or_else(|| FormErrors::new(ctx.locale));
        errors.add_text("member_speakers", message);
        result = Err(errors);
    }
    Ok(result.map(|input| (input, speakers)))
}

pub async fn edit_form(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path(id): Path<String>,
) -> AppResult<EventFormPage> {
    let event = managed_event(&state, &ctx, &user, &id).await?;
    if event.cancelled_at.is_some() {
        return Err(AppError::Conflict);
    }
    let choices = (false, Vec::new());
    Ok(form_page(
        &ctx,
        "event-edit-title",
        format!("/events/{}/edit", event.event_id),
        EventForm {
            member_speakers: people::people(&state.db, event.event_id)
                .await?
                .iter()
                .filter(|p| p.role == PersonRole::Speaker)
                .map(|p| format!("@{}", p.handle))
                .collect::<Vec<_>>()
                .join(", "),
            ..EventForm::from_event(&event)
        },
        FormErrors::new(ctx.locale),
        choices,
    ))
}

#[tracing::instrument(skip_all)]
pub async fn update(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path(id): Path<String>,
    Form(mut form): Form<EventForm>,
) -> AppResult<Response> {
    let event = managed_event(&state, &ctx, &user, &id).await?;
    if event.cancelled_at.is_some() {
        return Err(AppError::Conflict);
    }
    // The audience is fixed once people have registered for it.
    form.audience = match &event.group_slug {
        Some(slug) => slug.clone(),
        None => event.audience.as_str().to_owned(),
    };
    let action = format!("/events/{}/edit", event.event_id);
    let stored_start = Some(event.starts_at);
    let (input, speakers) =
        match checked(&state, &ctx, &mut form, event.group_id, stored_start).await? {
            Ok(checked) => checked,
            Err(errors) => {
                let page = form_page(
                    &ctx,
                    "event-edit-title",
                    action,
                    form,
                    errors,
                    (false, Vec::new()),
                );
                return Ok(unprocessable(page));
            }
        };
    let now = state.clock.now();
    let mut tx = state.db.begin().await?;
    let moved = store::update(&mut tx, event.event_id, &input, now).await?;
    people::set_speakers(&mut tx, event.event_id, &speakers).await?;
    let promoted = registration::fill_free_places(&mut tx, event.event_id).await?;
    let updated = store::find(&mut *tx, event.event_id, Some(user.user_id))
        .await?
        .ok_or(AppError::NotFound)?;
    for user_id in promoted {
        promotion::tell_promoted(&mut tx, &state.config.base_url, &updated, user_id, now).await?;
    }
    if moved {
        tell_everyone(&state, &mut tx, &updated, Notice::Changed, false).await?;
    }
    tx.commit().await?;
    Ok(redirect_with(
        &format!("/events/{}", event.event_id),
        "event-saved",
        state.config.secure_cookies(),
    ))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CancelForm {
    reason: String,
}

pub async fn cancel(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path(id): Path<String>,
    Form(form): Form<CancelForm>,
) -> AppResult<Response> {
    let event = managed_event(&state, &ctx, &user, &id).await?;
    let reason: String = form.reason.trim().chars().take(1000).collect();
    let now = state.clock.now();
    let mut tx = state.db.begin().await?;
    if store::cancel(&mut *tx, event.event_id, &reason, now).await? {
        let cancelled = store::find(&mut *tx, event.event_id, Some(user.user_id))
            .await?
            .ok_or(AppError::NotFound)?;
        tell_everyone(&state, &mut tx, &cancelled, Notice::Cancelled, false).await?;
    }
    tx.commit().await?;
    Ok(redirect_with(
        &format!("/events/{}", event.event_id),
        "event-cancelled",
        state.config.secure_cookies(),
    ))
}

/// Mails `notice` to everyone registered or on the waitlist (or only to
/// those with a place) who may still hear of the event, each in their
/// language; the online link only to people with a place.
pub(super) async fn tell_everyone(
    state: &AppState,
    conn: &mut sqlx::PgConnection,
    event: &EventView,
    notice: Notice,
    only_with_place: bool,
) -> AppResult<()> {
    let now = state.clock.now();
    for person in participants::participants(&mut *conn, event.event_id).await? {
        if !person.reachable || (only_with_place && person.status != RegistrationStatus::Registered)
        {
            continue;
        }
        let to = Recipient::new(person.user_id, &person.email, &person.name, &person.locale);
        let e = to.email_context(&state.config.base_url);
        let has_place = person.status == RegistrationStatus::Registered;
        let notification = emails::notice(&e, &person.name, event, notice, has_place);
        notify(&mut *conn, &state.config.base_url, &to, notification, now).await?;
    }
    Ok(())
}
