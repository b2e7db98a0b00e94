//! `/admin/members/<handle>/block`: an administrator blocks a member. Like
//! deleting an account, a block reaches into several features — her unsent
//! mail is withdrawn (notify) and her places at events that have not
//! started go to others (events) — so it is put together here, beside the
//! features, rather than in members, which the features use.

use axum::extract::{Path, State};
use axum::response::Response;

use crate::app::AppState;
use crate::members::{admin_store, policy, sessions};
use crate::web::current_user::SignedIn;
use crate::web::flash::redirect_with;
use crate::web::{AppError, AppResult};

#[tracing::instrument(skip_all, fields(handle))]
pub async fn block(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    Path(handle): Path<String>,
) -> AppResult<Response> {
    if !policy::can_administer(&user) {
        return Err(AppError::Forbidden);
    }
    let member = admin_store::find_by_handle(&state.db, &handle)
        .await?
        .ok_or(AppError::NotFound)?;
    let back = |key| redirect_with("/admin/members", key, state.config.secure_cookies());
    if member.user_id == user.user_id {
        return Ok(back("admin-cannot-block-self"));
    }
    let now = state.clock.now();
    let mut tx = state.db.begin().await?;
    // Nothing more reaches her: her unsent notification mail is withdrawn,
    // and her places at events that have not started go to others, with
    // one last notice (before the block is recorded: `notify` mails no
    // blocked member).
    crate::notify::withdraw::everything(&mut tx, member.user_id).await?;
    crate::events::departure::end_for_blocked(&mut tx, &state.config.base_url, member.user_id, now)
        .await?;
    admin_store::set_blocked(&mut *tx, member.user_id, true, now).await?;
    // A blocked member's sessions end at once.
    sessions::delete_all_for_user(&mut *tx, member.user_id, None).await?;
    tx.commit().await?;
    Ok(back("admin-blocked"))
}
