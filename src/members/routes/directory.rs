//! `/members`: the directory of colleagues, and `/members/<handle>`: a
//! colleague's profile. Both are for signed-in members only.

use crate::web::Query;
use axum::extract::{Path, State};
use serde::Deserialize;
use uuid::Uuid;

use crate::app::AppState;
use crate::members::profile::{is_country, is_profession};
use crate::members::store::{self, DirectoryQuery};
use crate::members::views::{Choices, DirectoryPage, ProfilePage};
use crate::members::{Role, admin_store, policy};
use crate::text::search::normalize;
use crate::web::current_user::SignedIn;
use crate::web::{AppError, AppResult, Page, RequestContext};

const PAGE_SIZE: i64 = 20;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct DirectoryParams {
    q: String,
    role: String,
    country: String,
    after: Option<Uuid>,
}

pub async fn list(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Query(params): Query<DirectoryParams>,
) -> AppResult<DirectoryPage> {
    if !policy::can_see_colleagues(&user) {
        return Err(AppError::Forbidden);
    }
    let role_ok = is_profession(&params.role) || params.role.parse::<Role>().is_ok();
    let query = DirectoryQuery {
        words: normalize(&params.q),
        role: role_ok.then(|| params.role.clone()),
        country: is_country(&params.country).then(|| params.country.clone()),
        after: params.after,
        limit: PAGE_SIZE + 1,
    };
    let mut members = store::directory(&state.db, &query).await?;
    let next_page = (members.len() as i64 > PAGE_SIZE).then(|| {
        members.truncate(PAGE_SIZE as usize);
        let last = members.last().map(|m| m.user_id).unwrap_or_default();
        let query = serde_urlencoded::to_string([
            ("q", params.q.as_str()),
            ("role", params.role.as_str()),
            ("country", params.country.as_str()),
            ("after", &last.to_string()),
        ])
        .unwrap_or_default();
        format!("/members?{query}")
    });
    Ok(DirectoryPage {
        page: Page::titled(&ctx, "directory-title").in_section("members"),
        q: params.q,
        role: params.role,
        country: params.country,
        members,
        next_page,
        choices: Choices,
    })
}

pub async fn profile(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(viewer): SignedIn,
    Path(handle): Path<String>,
) -> AppResult<ProfilePage> {
    let profile = store::profile_by_handle(&state.db, &handle)
        .await?
        .ok_or(AppError::NotFound)?;
    if !policy::can_see_profile(&viewer, &handle) {
        return Err(AppError::Forbidden);
    }
    if !policy::can_see_blocked(&viewer) {
        let blocked = admin_store::find_by_handle(&state.db, &handle)
            .await?
            .is_none_or(|row| row.blocked);
        if blocked {
            return Err(AppError::NotFound);
        }
    }
    Ok(ProfilePage {
        page: Page::new(&ctx, profile.name.clone()).in_section("members"),
        is_own: profile.user_id == viewer.user_id,
        profile,
    })
}
