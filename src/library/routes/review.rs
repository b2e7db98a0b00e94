//! `/library/review`: moderators open the queue, publish a submission or
//! return it with a reason (e-mailed to the submitter); published resources
//! can be archived, restricted to members, or featured.

use axum::extract::{Path, State};
use axum::response::Response;
use serde::Deserialize;

use super::visible_resource;
use crate::app::AppState;
use crate::library::views::ReviewPage;
use crate::library::{emails, policy, store};
use crate::notify::{Kind, Notification, tell};
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
    let reason: String = form.reason.trim().chars().take(2000).collect();
    let now = state.clock.now();
    let mut tx = state.db.begin().await?;
    let (moved, message, mail) = match form.action.as_str() {
        "publish" => {
            let moved = store::set_status(
                &mut tx,
                resource.resource_id,
                &["submitted", "archived"],
                "published",
                user.user_id,
                "",
                now,
            )
            .await?;
            (moved, "library-published", Some("published"))
        }
        "return" => {
            if reason.is_empty() {
                return Ok(redirect_with(
                    &format!("/library/{}", resource.resource_id),
                    "error-library-return-reason",
                    state.config.secure_cookies(),
                ));
            }
            let moved = store::set_status(
                &mut tx,
                resource.resource_id,
                &["submitted"],
                "returned",
                user.user_id,
                &reason,
                now,
            )
            .await?;
            (moved, "library-returned", Some("returned"))
        }
        "archive" => {
            let moved = store::set_status(
                &mut tx,
                resource.resource_id,
                &["published"],
                "archived",
                user.user_id,
                "",
                now,
            )
            .await?;
            (moved, "library-archived", None)
        }
        "links" => {
            let own = resource.resource_id;
            let (Ok(translation_of), Ok(superseded_by)) = (
                linked(&state, &form.translation_of, own).await?,
                linked(&state, &form.superseded_by, own).await?,
            ) else {
                return Ok(redirect_with(
                    &format!("/library/{own}"),
                    "error-library-link",
                    state.config.secure_cookies(),
                ));
            };
            store::set_links(
                &mut tx,
                own,
                translation_of,
                superseded_by,
                user.user_id,
                now,
            )
            .await?;
            (true, "library-saved", None)
        }
        "flags" => {
            store::set_flags(
                &mut tx,
                resource.resource_id,
                form.members_only.is_some(),
                form.featured.is_some(),
                user.user_id,
                now,
            )
            .await?;
            (true, "library-saved", None)
        }
        _ => return Err(AppError::BadRequest),
    };
    if !moved {
        return Err(AppError::Conflict);
    }
    if let (Some(decision), Some(submitter)) = (mail, resource.submitted_by) {
        let link = format!("/library/{}", resource.resource_id);
        tell(
            &mut tx,
            &state.config.base_url,
            submitter,
            now,
            |e, name| {
                let mail =
                    emails::review_decision(e, name, decision, &resource.title, &reason, &link);
                Notification::new(Kind::ResourceReview, link.clone(), mail)
            },
        )
        .await?;
    }
    tx.commit().await?;
    crate::library::search::forget_counts();
    Ok(redirect_with(
        &format!("/library/{}", resource.resource_id),
        message,
        state.config.secure_cookies(),
    ))
}
