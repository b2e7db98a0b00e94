//! `/courses/<slug>/figures`: the course's figures for its author and
//! moderators — enrolled, active in 30 days, completed, the median time to
//! complete, and the share answering each quiz question right. Counts
//! only: no member is named.

use axum::extract::{Path, State};

use super::visible_course;
use crate::app::AppState;
use crate::courses::cohort_views::FiguresPage;
use crate::courses::policy;
use crate::courses::store::figures;
use crate::web::current_user::SignedIn;
use crate::web::{AppError, AppResult, Page, RequestContext};

pub async fn show(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path(slug): Path<String>,
) -> AppResult<FiguresPage> {
    let course = visible_course(&state, &ctx, &slug).await?;
    if !policy::can_see_figures(course.is_by(user.user_id), Some(&user)) {
        return Err(AppError::Forbidden);
    }
    let mut conn = state.db.acquire().await?;
    let now = state.clock.now();
    Ok(FiguresPage {
        page: Page::titled(&ctx, "course-figures-title").in_section("courses"),
        figures: figures::figures(&mut *conn, course.course_id, now).await?,
        questions: figures::questions(&mut *conn, course.course_id).await?,
        course,
    })
}
