//! `/me/learning`: the member's courses with her progress and where to
//! continue.

use axum::extract::State;

use crate::app::AppState;
use crate::courses::store::learning;
use crate::courses::views::LearningPage;
use crate::web::current_user::SignedIn;
use crate::web::{AppResult, Page, RequestContext};

pub async fn show(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
) -> AppResult<LearningPage> {
    Ok(LearningPage {
        page: Page::titled(&ctx, "learning-title").in_section("courses"),
        courses: learning::my_courses(&state.db, user.user_id).await?,
    })
}
