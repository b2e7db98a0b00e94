//! `/online`: "who's here" — the colleagues on Kolega in the last minutes
//! who chose to be shown by name, and how many others (members who did not,
//! and guests) are only counted. For members, like the directory.

use axum::extract::State;

use crate::app::AppState;
use crate::members::policy;
use crate::members::views::OnlinePage;
use crate::web::current_user::SignedIn;
use crate::web::{AppError, AppResult, Page, RequestContext};

pub async fn list(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
) -> AppResult<OnlinePage> {
    if !policy::can_see_colleagues(&user) {
        return Err(AppError::Forbidden);
    }
    let now = state.clock.now();
    let shown = state.presence.shown_members(&state.db, now).await?;
    // Counted fresh, not from the footer's cache, so the list and the
    // numbers beside it agree.
    state.presence.invalidate();
    let counts = state.presence.counts(&state.db, now).await;
    let others = (counts.members - shown.len() as i64).max(0);
    Ok(OnlinePage {
        page: Page::titled(&ctx, "online-title").in_section("members"),
        shown_self: shown.iter().any(|m| m.handle == user.handle),
        shown,
        others,
        guests: counts.guests,
    })
}
