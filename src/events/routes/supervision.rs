//! A supervision meeting's own page (`/events/<id>/supervision`): the cases
//! on its agenda and the supervisor's notes, every read logged; the case
//! form; and the group owner's settings with the access log
//! (`/groups/<slug>/supervision`).

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};

use super::visible_event;
use crate::app::AppState;
use crate::events::case_review::{self, Field, Review};
use crate::events::forms::{CaseForm, NotesForm, SettingsForm};
use crate::events::policy;
use crate::events::store::EventView;
use crate::events::supervision::{
    self, AGE_BANDS, DEFAULT_MEMBER_LIMIT, MUNICIPALITY_SIZES, NewCase, Settings,
};
use crate::events::views::{CaseFormPage, NotesFormPage, SupervisionPage, SupervisionSettingsPage};
use crate::groups::lookup::{access, visible_group};
use crate::text::markdown;
use crate::text::personal_data;
use crate::web::current_user::SignedIn;
use crate::web::flash::redirect_with;
use crate::web::form_checks::check_length;
use crate::web::form_errors::unprocessable;
use crate::web::{AppError, AppResult, Form, FormErrors, Page, RequestContext};

/// The meeting, if it is a supervision group's and the viewer is in the
/// group; whether the viewer is its supervisor.
async fn meeting(
    state: &AppState,
    ctx: &RequestContext,
    id: &str,
) -> AppResult<(EventView, Settings, bool)> {
    let event = visible_event(state, ctx, id).await?;
    let Some(group_id) = event.group_id else {
        return Err(AppError::NotFound);
    };
    let settings = supervision::settings(&state.db, group_id).await?;
    if !settings.supervision || !(event.in_group || event.organiser) {
        return Err(AppError::NotFound);
    }
    let supervisor = policy::can_lead_supervision(&event.facts());
    Ok((event, settings, supervisor))
}

pub async fn show(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path(id): Path<String>,
) -> AppResult<SupervisionPage> {
    let (event, settings, supervisor) = meeting(&state, &ctx, &id).await?;
    let group_id = event.group_id.unwrap_or_default();
    let now = state.clock.now();
    let cases = supervision::cases(&state.db, event.event_id).await?;
    let note = supervision::note(&state.db, event.event_id).await?;
    if !cases.is_empty() {
        supervision::log_read(
            &state.db,
            group_id,
            event.event_id,
            user.user_id,
            "cases",
            now,
        )
        .await?;
    }
    if note.is_some() {
        supervision::log_read(
            &state.db,
            group_id,
            event.event_id,
            user.user_id,
            "notes",
            now,
        )
        .await?;
    }
    Ok(SupervisionPage {
        page: Page::titled(&ctx, "supervision-title").in_section("events"),
        can_add_case: event.starts_at > now && event.cancelled_at.is_none(),
        can_write_notes: supervisor && event.starts_at <= now,
        deleted_after: supervision::deleted_after(event.ends_at, settings.retention_months),
        cases,
        note_html: note.as_deref().map(markdown::render),
        event,
    })
}

fn case_page(
    ctx: &RequestContext,
    event: EventView,
    form: CaseForm,
    errors: FormErrors,
    review: Option<Review>,
) -> CaseFormPage {
    CaseFormPage {
        page: Page::titled(ctx, "supervision-case-new").in_section("events"),
        event,
        form,
        errors,
        review,
        rewritten: false,
        age_bands: &AGE_BANDS,
        sizes: &MUNICIPALITY_SIZES,
    }
}

pub async fn case_form(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(_user): SignedIn,
    Path(id): Path<String>,
) -> AppResult<CaseFormPage> {
    let (event, _, _) = meeting(&state, &ctx, &id).await?;
    if event.starts_at <= state.clock.now() {
        return Err(AppError::Conflict);
    }
    Ok(case_page(
        &ctx,
        event,
        CaseForm::default(),
        FormErrors::new(ctx.locale),
        None,
    ))
}

/// A supervisee puts a de-identified case on the agenda, before the
/// meeting. The de-identification guard runs first: a JMBG blocks saving;
/// names, ages, addresses, villages, phones and e-mails come back
/// highlighted, to be replaced by placeholders (one click, shown before
/// saving) or confirmed for exactly those spans. The text is never lost.
pub async fn add_case(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path(id): Path<String>,
    Form(mut form): Form<CaseForm>,
) -> AppResult<Response> {
    let (event, _, _) = meeting(&state, &ctx, &id).await?;
    if event.starts_at <= state.clock.now() {
        return Err(AppError::Conflict);
    }
    let fields = [
        Field::new("case-field-situation", &form.situation),
        Field::new("case-field-question", &form.question),
    ];
    if form.rewrite.is_some() {
        // Shown, not saved: the author reads the result and submits it.
        let [situation, question] = fields.map(|f| f.rewritten(ctx.locale));
        form.situation = situation;
        form.question = question;
        form.confirm_personal_data = None;
        form.confirm_spans.clear();
        let mut page = case_page(&ctx, event, form, FormErrors::new(ctx.locale), None);
        page.rewritten = true;
        return Ok(page.into_response());
    }
    let mut errors = FormErrors::new(ctx.locale);
    if !AGE_BANDS.contains(&form.age_band.as_str()) {
        errors.add("age_band", "error-case-age-band");
    }
    if !MUNICIPALITY_SIZES.contains(&form.municipality_size.as_str()) {
        errors.add("municipality_size", "error-case-municipality");
    }
    for (field, text) in [("situation", &form.situation), ("question", &form.question)] {
        if text.trim().chars().count() < 10 {
            errors.add(field, "error-case-too-short");
        }
        check_length(&mut errors, field, text, 10_000);
    }
    for (name, field) in ["situation", "question"].into_iter().zip(&fields) {
        if field.has_jmbg() {
            errors.add(name, "personal-data-jmbg");
        }
    }
    let review = case_review::review(ctx.locale, &fields);
    if review.as_ref().is_some_and(|r| r.confirmable) {
        let confirmed = form.confirm_personal_data.is_some()
            && form.confirm_spans == case_review::fingerprint(&fields);
        if !confirmed {
            // Ticked for other spans than these: the text has changed.
            let key = if form.confirm_personal_data.is_some() {
                "deident-confirm-changed"
            } else {
                "deident-confirm-needed"
            };
            errors.add("confirm_personal_data", key);
        }
    }
    if !errors.is_empty() {
        form.confirm_personal_data = None;
        return Ok(unprocessable(case_page(&ctx, event, form, errors, review)));
    }
    let case = NewCase {
        age_band: &form.age_band,
        municipality_size: &form.municipality_size,
        situation: form.situation.trim(),
        question: form.question.trim(),
    };
    supervision::add_case(
        &state.db,
        event.event_id,
        user.user_id,
        &case,
        state.clock.now(),
    )
    .await?;
    Ok(redirect_with(
        &format!("/events/{}/supervision", event.event_id),
        "supervision-case-added",
        state.config.secure_cookies(),
    ))
}

async fn supervised_meeting(
    state: &AppState,
    ctx: &RequestContext,
    id: &str,
) -> AppResult<EventView> {
    let (event, _, supervisor) = meeting(state, ctx, id).await?;
    if !supervisor {
        return Err(AppError::Forbidden);
    }
    if event.starts_at > state.clock.now() {
        return Err(AppError::Conflict);
    }
    Ok(event)
}

pub async fn notes_form(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(_user): SignedIn,
    Path(id): Path<String>,
) -> AppResult<NotesFormPage> {
    let event = supervised_meeting(&state, &ctx, &id).await?;
    let body = supervision::note(&state.db, event.event_id)
        .await?
        .unwrap_or_default();
    Ok(NotesFormPage {
        page: Page::titled(&ctx, "supervision-notes").in_section("events"),
        event,
        form: NotesForm { body },
        errors: FormErrors::new(ctx.locale),
    })
}

/// The supervisor's notes after the meeting, visible only in the group.
pub async fn save_notes(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path(id): Path<String>,
    Form(form): Form<NotesForm>,
) -> AppResult<Response> {
    let event = supervised_meeting(&state, &ctx, &id).await?;
    let mut errors = FormErrors::new(ctx.locale);
    if form.body.trim().is_empty() {
        errors.add("body", "error-post-empty");
    }
    check_length(&mut errors, "body", &form.body, 50_000);
    if personal_data::scan(&form.body)
        .iter()
        .any(|f| f.blocks_saving())
    {
        errors.add("body", "personal-data-jmbg");
    }
    if !errors.is_empty() {
        return Ok(unprocessable(NotesFormPage {
            page: Page::titled(&ctx, "supervision-notes").in_section("events"),
            event,
            form,
            errors,
        }));
    }
    supervision::save_note(
        &state.db,
        event.event_id,
        user.user_id,
        &form.body,
        state.clock.now(),
    )
    .await?;
    Ok(redirect_with(
        &format!("/events/{}/supervision", event.event_id),
        "supervision-notes-saved",
        state.config.secure_cookies(),
    ))
}

async fn owned_secret_group(
    state: &AppState,
    ctx: &RequestContext,
    slug: &str,
) -> AppResult<crate::groups::store::GroupView> {
    let group = visible_group(state, ctx, slug).await?;
    if !access(&group, ctx.user.as_ref()).can_configure_supervision() {
        return Err(AppError::Forbidden);
    }
    Ok(group)
}

pub async fn settings_form(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(_user): SignedIn,
    Path(slug): Path<String>,
) -> AppResult<SupervisionSettingsPage> {
    let group = owned_secret_group(&state, &ctx, &slug).await?;
    let settings = supervision::settings(&state.db, group.group_id).await?;
    let form = SettingsForm {
        supervision: settings.supervision.then(|| "yes".to_owned()),
        member_limit: settings
            .member_limit
            .unwrap_or(DEFAULT_MEMBER_LIMIT)
            .to_string(),
        retention_months: settings.retention_months.to_string(),
    };
    Ok(SupervisionSettingsPage {
        page: Page::titled(&ctx, "supervision-settings").in_section("groups"),
        reads: supervision::reads(&state.db, group.group_id).await?,
        group,
        form,
        errors: FormErrors::new(ctx.locale),
    })
}

pub async fn save_settings(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(_user): SignedIn,
    Path(slug): Path<String>,
    Form(form): Form<SettingsForm>,
) -> AppResult<Response> {
    let group = owned_secret_group(&state, &ctx, &slug).await?;
    let mut errors = FormErrors::new(ctx.locale);
    let limit = form
        .member_limit
        .trim()
        .parse::<i32>()
        .ok()
        .filter(|n| (1..=50).contains(n));
    if limit.is_none() {
        errors.add("member_limit", "error-supervision-limit");
    }
    let retention = form
        .retention_months
        .trim()
        .parse::<i32>()
        .ok()
        .filter(|n| (1..=120).contains(n));
    if retention.is_none() {
        errors.add("retention_months", "error-supervision-retention");
    }
    let (Some(member_limit), Some(retention_months), true) = (limit, retention, errors.is_empty())
    else {
        return Ok(unprocessable(SupervisionSettingsPage {
            page: Page::titled(&ctx, "supervision-settings").in_section("groups"),
            reads: supervision::reads(&state.db, group.group_id).await?,
            group,
            form,
            errors,
        }));
    };
    let settings = Settings {
        supervision: form.supervision.is_some(),
        member_limit: Some(member_limit),
        retention_months,
    };
    supervision::save_settings(&state.db, group.group_id, &settings).await?;
    Ok(redirect_with(
        &format!("/groups/{slug}/supervision"),
        "supervision-settings-saved",
        state.config.secure_cookies(),
    ))
}
