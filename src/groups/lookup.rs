//! A group as a viewer may know it: their access to it, and the group
//! itself only if they may know it exists. Outside `routes` because other
//! features (events' supervision pages) look groups up the same way.

use super::policy::Access;
use super::store::{self, GroupView};
use crate::app::AppState;
use crate::web::current_user::CurrentUser;
use crate::web::{AppError, AppResult, RequestContext};

/// The viewer's access to a group.
pub fn access<'a>(group: &'a GroupView, viewer: Option<&'a CurrentUser>) -> Access<'a> {
    Access {
        visibility: group.visibility,
        viewer,
        status: group.status,
        role: group.role,
    }
}

/// The group, if the viewer may know it exists; "not found" otherwise, so a
/// secret group's name never leaks.
pub async fn visible_group(
    state: &AppState,
    ctx: &RequestContext,
    slug: &str,
) -> AppResult<GroupView> {
    let viewer = ctx.user.as_ref().map(|u| u.user_id);
    let group = store::find_group(&state.db, slug, viewer)
        .await?
        .ok_or(AppError::NotFound)?;
    if access(&group, ctx.user.as_ref()).can_see_group() {
        Ok(group)
    } else {
        Err(AppError::NotFound)
    }
}
