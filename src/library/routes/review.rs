//! `/library/review`: moderators open the queue, publish a submission or
//! return it with a reason (e-mailed to the submitter); published resources
//! can be archived, restricted to members, or featured.

use axum::extract::{Path, State};
use axum::response::Response;
use serde::Deserialize;

use super::visible_resource;
use crate::app::AppState;
use crate::library::review::{self, Decision, Refused};
use crate::library::views::ReviewPage;
use crate::library::{policy, store};
use crate::web::current_user::SignedIn;
use crate::web::flash::redirect_with;
use crate::web::{AppError, AppResult, Form, Page, RequestContext};

pub async fn queue(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
) -> AppResult<ReviewPage> {
    if !policy::curates(Some(&user)) {
        return Err(AppError::Forbidden);
    }
    Ok(ReviewPage {
        page: Page::titled(&ctx, "library-review-title").in_section("library"),
        queue: store::review_queue(&state.db).await?,
        mine: Vec::new(),
    })
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct DecisionForm {
    /// "publish", "return", "archive" or "flags".
    action: String,
    reason: String,
    members_only: Option<String>,
    featured: Option<String>,
    /// Another resource's id or address, or empty.
    translation_of: String,
    superseded_by: String,
}

/// The resource a pasted id or address names, if it exists and is not
/// `own`; `Err` when something was given that names nothing.
async fn linked(
    state: &AppState,
    text: &str,
    own: uuid::Uuid,
) -> AppResult<Result<Option<uuid::Uuid>, ()>> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(Ok(None));
    }
    let id = text
        .rsplit('/')
        .next()
        .and_then(|last| last.parse::<uuid::Uuid>().ok())
        .filter(|id| *id != own);
    match id {
        Some(id) if store::find(&state.db, id).await?.is_some() => Ok(Ok(Some(id))),
        _ => Ok(Err(())),
    }
}

pub async fn decide(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path(id): Path<String>,
    Form(form): Form<DecisionForm>,
) -> AppResult<Response> {
    let resource = visible_resource(&state, &ctx, &id).await?;
    if !policy::curates(Some(&user)) {
        return Err(AppError::Forbidden);
    }
    let own = resource.resource_id;
    let back = |message: &str| {
        redirect_with(
            &format!("/library/{own}"),
            message,
            state.config.secure_cookies(),
        )
    };
    let reason: String = form.reason.trim().chars().take(2000).collect();
    let decision = match form.action.as_str() {
        "publish" => Decision::Publish,
        "return" => Decision::Return { reason: &reason },
        "archive" => Decision::Archive,
        "links" => {
            let (Ok(translation_of), Ok(superseded_by)) = (
                linked(&state, &form.translation_of, own).await?,
                linked(&state, &form.superseded_by, own).await?,
            ) else {
                return Ok(back("error-library-link"));
            };
            Decision::Links {
                translation_of,
                superseded_by,
            }
        }
        "flags" => Decision::Flags {
            members_only: form.members_only.is_some(),
            featured: form.featured.is_some(),
        },
        _ => return Err(AppError::BadRequest),
    };
    let mut tx = state.db.begin().await?;
    let now = state.clock.now();
    match review::decide(
        &mut tx,
        &state.config.base_url,
        &resource,
        user.user_id,
        decision,
        now,
    )
    .await?
    {
        Ok(message) => {
            tx.commit().await?;
            crate::library::search::forget_counts();
            Ok(back(message))
        }
        Err(Refused::NoReason) => Ok(back("error-library-return-reason")),
        Err(Refused::StatusChanged) => Err(AppError::Conflict),
    }
}
