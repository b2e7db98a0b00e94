//! `/courses/<slug>/certificate`: the member's printable certificate of a
//! course she completed (hers only: anyone else, even another member who
//! completed it, gets "not found" here and reads their own). The public
//! check of its code is `/certificates/<code>`, shared with the events'.

use axum::extract::{Path, State};

use crate::app::AppState;
use crate::courses::store::{self, completion};
use crate::courses::views::CourseCertificatePage;
use crate::site::settings;
use crate::web::current_user::SignedIn;
use crate::web::{AppError, AppResult, Page, RequestContext};

/// Not through `visible_course`: a course archived after she completed it
/// keeps her certificate.
pub async fn show(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path(slug): Path<String>,
) -> AppResult<CourseCertificatePage> {
    let course = store::find_by_slug(&state.db, &slug)
        .await?
        .ok_or(AppError::NotFound)?;
    let certificate = completion::certificate_of(&state.db, course.course_id, user.user_id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(CourseCertificatePage {
        page: Page::titled(&ctx, "course-certificate-title").in_section("courses"),
        verify_url: format!(
            "{}/certificates/{}",
            state.config.base_url.trim_end_matches('/'),
            certificate.certificate_code
        ),
        issuer: settings::issuer(&state.db).await?,
        certificate,
    })
}
