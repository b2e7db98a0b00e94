//! `/services/review`: moderators see members' suggestions and the entries
//! nobody has verified for a year; a suggestion is accepted (after any
//! edits the moderator makes) or refused with a reason, and the member is
//! told by e-mail either way.

use axum::extract::{Path, State};
use axum::response::Response;
use uuid::Uuid;

use crate::app::AppState;
use crate::directory::forms::ServiceForm;
use crate::directory::policy;
use crate::directory::store;
use crate::directory::suggestions::{self, Decision, Refused, Suggestion};
use crate::directory::views::{ReviewQueuePage, SuggestionPage};
use crate::directory::vocabulary::SuggestionStatus;
use crate::web::current_user::SignedIn;
use crate::web::flash::redirect_with;
use crate::web::form_errors::unprocessable;
use crate::web::{AppError, AppResult, Form, FormErrors, Page, RequestContext};

/// How many stale entries the queue lists (the count says how many there are).
const STALE_LISTED: i64 = 50;

pub async fn queue(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
) -> AppResult<ReviewQueuePage> {
    policy::require_curator(&user)?;
    let before = policy::stale_before(state.clock.now());
    Ok(ReviewQueuePage {
        page: Page::titled(&ctx, "services-review-title").in_section("services"),
        suggestions: suggestions::pending(&state.db).await?,
        stale_count: store::count_stale(&state.db, before).await?,
        stale: store::stale(&state.db, before, STALE_LISTED).await?,
    })
}

async fn pending_suggestion(state: &AppState, id: &str) -> AppResult<Suggestion> {
    let suggestion_id: Uuid = id.parse().map_err(|_| AppError::NotFound)?;
    suggestions::find(&state.db, suggestion_id)
        .await?
        .ok_or(AppError::NotFound)
}

async fn suggestion_page(
    state: &AppState,
    ctx: &RequestContext,
    suggestion: Suggestion,
    form: ServiceForm,
    errors: FormErrors,
    reason: String,
) -> AppResult<SuggestionPage> {
    let current = match suggestion.service_id {
        Some(id) => store::find(&state.db, id).await?,
        None => None,
    };
    Ok(SuggestionPage {
        page: Page::titled(ctx, "services-suggestion-title").in_section("services"),
        current,
        municipalities: store::municipalities(&state.db).await?,
        suggestion,
        form,
        errors,
        reason,
    })
}

pub async fn show(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path(id): Path<String>,
) -> AppResult<SuggestionPage> {
    policy::require_curator(&user)?;
    let suggestion = pending_suggestion(&state, &id).await?;
    let form = ServiceForm::from_input(&suggestion.fields.0);
    suggestion_page(
        &state,
        &ctx,
        suggestion,
        form,
        FormErrors::new(ctx.locale),
        String::new(),
    )
    .await
}

pub async fn decide(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    policy::require_curator(&user)?;
    let suggestion = pending_suggestion(&state, &id).await?;
    if suggestion.status != SuggestionStatus::Pending {
        return Err(AppError::Conflict);
    }
    let value = |name: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim().to_owned())
            .unwrap_or_default()
    };
    let reason: String = value("reason").chars().take(2_000).collect();
    let now = state.clock.now();
    let mut tx = state.db.begin().await?;
    let decision = match value("action").as_str() {
        "accept" => {
            let mut form = ServiceForm::from_pairs(&pairs);
            match super::validate_service_form(&mut *tx, ctx.locale, &mut form).await? {
                Ok(input) => Decision::Accept(Box::new(input)),
                Err(errors) => {
                    drop(tx);
                    let page =
                        suggestion_page(&state, &ctx, suggestion, form, errors, reason).await?;
                    return Ok(unprocessable(page));
                }
            }
        }
        "refuse" => Decision::Refuse {
            reason: reason.clone(),
        },
        _ => return Err(AppError::BadRequest),
    };
    let base_url = &state.config.base_url;
    let status =
        match suggestions::decide(&mut tx, base_url, &suggestion, decision, user.user_id, now)
            .await?
        {
            Ok(status) => status,
            Err(Refused::AlreadyDecided) => return Err(AppError::Conflict),
            Err(Refused::NoReason) => {
                drop(tx);
                let form = ServiceForm::from_pairs(&pairs);
                let mut errors = FormErrors::new(ctx.locale);
                errors.add("reason", "error-services-refuse-reason");
                let page = suggestion_page(&state, &ctx, suggestion, form, errors, reason).await?;
                return Ok(unprocessable(page));
            }
        };
    tx.commit().await?;
    let message = format!("services-suggestion-{status}");
    Ok(redirect_with(
        "/services/review",
        &message,
        state.config.secure_cookies(),
    ))
}
