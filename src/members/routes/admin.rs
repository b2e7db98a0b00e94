//! `/admin/members`: administrators list and search members, change roles,
//! block and unblock; moderators (and administrators) approve or decline
//! applications when the site requires approval.

use crate::web::Query;
use axum::extract::{Path, State};
use axum::response::Response;
use serde::Deserialize;

use super::account::{email_context, queue};
use crate::app::AppState;
use crate::members::admin_store::{self, AdminRow, Status};
use crate::members::views::{AdminPage, Choices};
use crate::members::{Role, emails, policy, sessions, store};
use crate::site::settings;
use crate::text::search::normalize;
use crate::web::current_user::{CurrentUser, SignedIn};
use crate::web::flash::redirect_with;
use crate::web::form_errors::unprocessable;
use crate::web::{AppError, AppResult, Form, FormErrors, Page, RequestContext};

const PAGE_SIZE: i64 = 50;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct AdminParams {
    q: String,
    status: String,
    page: i64,
}

pub async fn list(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Query(params): Query<AdminParams>,
) -> AppResult<AdminPage> {
    admin_page(&state, &ctx, &user, &params).await
}

async fn admin_page(
    state: &AppState,
    ctx: &RequestContext,
    user: &CurrentUser,
    params: &AdminParams,
) -> AppResult<AdminPage> {
    if !policy::can_review_applications(user) {
        return Err(AppError::Forbidden);
    }
    let can_administer = policy::can_administer(user);
    // Moderators only review applications.
    let status = match (params.status.as_str(), can_administer) {
        ("blocked", true) => Status::Blocked,
        ("all", true) | ("", true) => Status::All,
        _ => Status::Pending,
    };
    let page_number = params.page.max(0);
    let words = normalize(&params.q);
    let mut rows = admin_store::list(
        &state.db,
        &words,
        status,
        page_number * PAGE_SIZE,
        PAGE_SIZE + 1,
    )
    .await?;
    let has_more = rows.len() as i64 > PAGE_SIZE;
    rows.truncate(PAGE_SIZE as usize);
    let status_text = match status {
        Status::All => "all",
        Status::Pending => "pending",
        Status::Blocked => "blocked",
    };
    let link = |n: i64| {
        let query = serde_urlencoded::to_string([
            ("q", params.q.as_str()),
            ("status", status_text),
            ("page", &n.to_string()),
        ]);
        format!("/admin/members?{}", query.unwrap_or_default())
    };
    let issuer = settings::issuer(&state.db).await?;
    Ok(AdminPage {
        page: Page::titled(ctx, "admin-title").in_section("admin"),
        q: params.q.clone(),
        status: status_text.to_owned(),
        rows,
        next_page: has_more.then(|| link(page_number + 1)),
        previous_page: (page_number > 0).then(|| link(page_number - 1)),
        require_approval: settings::require_account_approval(&state.db).await?,
        // The default is shown as an empty field with the default as hint.
        issuer: if issuer == settings::DEFAULT_ISSUER {
            String::new()
        } else {
            issuer
        },
        settings_errors: FormErrors::new(ctx.locale),
        can_administer,
        choices: Choices,
    })
}

#[derive(Deserialize)]
pub struct RoleForm {
    role: String,
}

async fn target(state: &AppState, handle: &str) -> AppResult<AdminRow> {
    admin_store::find_by_handle(&state.db, handle)
        .await?
        .ok_or(AppError::NotFound)
}

fn require_admin(user: &CurrentUser) -> AppResult<()> {
    if policy::can_administer(user) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

fn back(state: &AppState, key: &str) -> Response {
    redirect_with("/admin/members", key, state.config.secure_cookies())
}

#[tracing::instrument(skip_all, fields(handle))]
pub async fn change_role(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    Path(handle): Path<String>,
    Form(form): Form<RoleForm>,
) -> AppResult<Response> {
    require_admin(&user)?;
    let role: Role = form.role.parse().map_err(|_| AppError::BadRequest)?;
    let member = target(&state, &handle).await?;
    let mut tx = state.db.begin().await?;
    // Serialise role changes, so two admins demoting each other at once
    // cannot leave the site without one.
    admin_store::lock_roles(&mut *tx).await?;
    if role != Role::Admin
        && policy::is_last_admin(member.role, admin_store::count_admins(&mut *tx).await?)
    {
        return Ok(back(&state, "admin-last-admin"));
    }
    admin_store::set_role(&mut *tx, member.user_id, role, state.clock.now()).await?;
    tx.commit().await?;
    Ok(back(&state, "admin-role-changed"))
}

#[tracing::instrument(skip_all, fields(handle))]
pub async fn unblock(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    Path(handle): Path<String>,
) -> AppResult<Response> {
    require_admin(&user)?;
    let member = target(&state, &handle).await?;
    admin_store::set_blocked(&state.db, member.user_id, false, state.clock.now()).await?;
    Ok(back(&state, "admin-unblocked"))
}

pub async fn approve(
    state: State<AppState>,
    user: SignedIn,
    handle: Path<String>,
) -> AppResult<Response> {
    decide(state, user, handle, true).await
}

pub async fn decline(
    state: State<AppState>,
    user: SignedIn,
    handle: Path<String>,
) -> AppResult<Response> {
    decide(state, user, handle, false).await
}

/// Approves or declines an application and e-mails the applicant either way.
#[tracing::instrument(skip_all, fields(handle, approved))]
async fn decide(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    Path(handle): Path<String>,
    approved: bool,
) -> AppResult<Response> {
    if !policy::can_review_applications(&user) {
        return Err(AppError::Forbidden);
    }
    let member = target(&state, &handle).await?;
    let now = state.clock.now();
    let locale = store::locale_of(&state.db, member.user_id).await?;
    let e = email_context(&state, locale);
    let mut tx = state.db.begin().await?;
    admin_store::set_approval(&mut *tx, member.user_id, approved, now).await?;
    if !approved {
        sessions::delete_all_for_user(&mut *tx, member.user_id, None).await?;
    }
    queue(
        &mut tx,
        member.user_id,
        emails::approval_decision(&e, &member.email, &member.name, approved),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(back(
        &state,
        if approved {
            "admin-approved"
        } else {
            "admin-declined"
        },
    ))
}

#[derive(Deserialize)]
pub struct SettingsForm {
    require_approval: Option<String>,
    /// The institution printed on certificates; empty for the default.
    #[serde(default)]
    issuer: String,
}

/// The longest issuer name: it must fit the certificate's heading line.
const MAX_ISSUER: usize = 160;

pub async fn save_settings(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Form(form): Form<SettingsForm>,
) -> AppResult<Response> {
    require_admin(&user)?;
    let issuer = form.issuer.trim();
    if issuer.chars().count() > MAX_ISSUER {
        let mut page = admin_page(&state, &ctx, &user, &AdminParams::default()).await?;
        page.issuer = form.issuer.clone();
        page.require_approval = form.require_approval.is_some();
        page.settings_errors.add("issuer", "admin-issuer-too-long");
        return Ok(unprocessable(page));
    }
    settings::set_require_account_approval(&state.db, form.require_approval.is_some()).await?;
    settings::set_issuer(&state.db, issuer).await?;
    Ok(back(&state, "admin-settings-saved"))
}
