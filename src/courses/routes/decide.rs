//! `/courses/<slug>/decide`: a site moderator publishes a course in review,
//! returns it to its author with a reason, or archives a published one.

use axum::extract::{Path, State};
use axum::response::Response;
use serde::Deserialize;

use super::{course_path, visible_course};
use crate::app::AppState;
use crate::courses::policy;
use crate::courses::review::{self, Decision, Refused};
use crate::web::current_user::SignedIn;
use crate::web::flash::redirect_with;
use crate::web::{AppError, AppResult, Form, RequestContext};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct DecisionForm {
    /// "publish", "return" or "archive".
    action: String,
    reason: String,
}

pub async fn decide(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path(slug): Path<String>,
    Form(form): Form<DecisionForm>,
) -> AppResult<Response> {
    let course = visible_course(&state, &ctx, &slug).await?;
    if !policy::curates(Some(&user)) {
        return Err(AppError::Forbidden);
    }
    let reason: String = form.reason.trim().chars().take(2000).collect();
    let decision = match form.action.as_str() {
        "publish" => Decision::Publish,
        "return" => Decision::Return { reason: &reason },
        "archive" => Decision::Archive,
        _ => return Err(AppError::BadRequest),
    };
    let back = |message: &str| {
        redirect_with(
            &course_path(&course),
            message,
            state.config.secure_cookies(),
        )
    };
    let mut tx = state.db.begin().await?;
    let base_url = &state.config.base_url;
    let now = state.clock.now();
    match review::decide(&mut tx, base_url, &course, user.user_id, decision, now).await? {
        Ok(message) => {
            tx.commit().await?;
            Ok(back(message))
        }
        Err(Refused::NoReason) => Ok(back("error-course-return-reason")),
        Err(Refused::StatusChanged) => Err(AppError::Conflict),
    }
}
