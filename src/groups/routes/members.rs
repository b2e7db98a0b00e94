//! `/groups/<slug>/members`: who is in the group; for group moderators also
//! requests to approve or decline, invitations, removing and banning, and
//! the class join code.

use axum::extract::{Path, State};
use axum::response::Response;
use serde::Deserialize;

use super::{access, new_join_code, visible_group};
use crate::app::AppState;
use crate::groups::emails;
use crate::groups::join_requests;
use crate::groups::membership::{self, Ending};
use crate::groups::store::{self, GroupView, MemberRow};
use crate::groups::views::GroupMembersPage;
use crate::groups::vocabulary::{GroupRole, MemberStatus};
use crate::members::forms::check_email;
use crate::notify::{Kind, Notification, Recipient, notify};
use crate::web::current_user::{CurrentUser, SignedIn};
use crate::web::flash::redirect_with;
use crate::web::form_errors::unprocessable;
use crate::web::{AppError, AppResult, Form, FormErrors, Page, RequestContext};

pub async fn list(
    State(state): State<AppState>,
    ctx: RequestContext,
    Path(slug): Path<String>,
) -> AppResult<GroupMembersPage> {
    let group = visible_group(&state, &ctx, &slug).await?;
    members_page(
        &state,
        &ctx,
        group,
        String::new(),
        FormErrors::new(ctx.locale),
    )
    .await
}

async fn members_page(
    state: &AppState,
    ctx: &RequestContext,
    group: GroupView,
    who: String,
    errors: FormErrors,
) -> AppResult<GroupMembersPage> {
    let access = access(&group, ctx.user.as_ref());
    if !access.can_see_members() {
        // A visitor may be a member once signed in: offer the sign-in page,
        // as other members-only pages do, rather than a bare refusal.
        if ctx.user.is_none() {
            return Err(AppError::Unauthorized);
        }
        if !access.can_read() {
            return Err(AppError::NotFound);
        }
        return Err(AppError::Forbidden);
    }
    let moderate = access.can_manage_members();
    let mut rows = store::group_members(&state.db, group.group_id).await?;
    // Requests, invitations and bans are the moderators' business.
    if !moderate {
        rows.retain(|row| row.status == MemberStatus::Active);
    }
    Ok(GroupMembersPage {
        page: Page::titled(ctx, "group-members-title").in_section("groups"),
        group,
        rows,
        moderate,
        who,
        errors,
    })
}

/// The group and the member acted on, if the actor moderates the group.
async fn moderated(
    state: &AppState,
    ctx: &RequestContext,
    actor: &CurrentUser,
    slug: &str,
    handle: &str,
) -> AppResult<(GroupView, MemberRow)> {
    let group = visible_group(state, ctx, slug).await?;
    let access = access(&group, Some(actor));
    if !access.can_manage_members() {
        return Err(AppError::Forbidden);
    }
    let member = store::group_member(&state.db, group.group_id, handle)
        .await?
        .ok_or(AppError::NotFound)?;
    if !access.can_act_on_member(member.role) {
        return Err(AppError::Forbidden);
    }
    Ok((group, member))
}

fn back(state: &AppState, slug: &str, key: &str) -> Response {
    redirect_with(
        &format!("/groups/{slug}/members"),
        key,
        state.config.secure_cookies(),
    )
}

pub async fn approve(
    state: State<AppState>,
    ctx: RequestContext,
    user: SignedIn,
    path: Path<(String, String)>,
) -> AppResult<Response> {
    decide(state, ctx, user, path, true).await
}

pub async fn decline(
    state: State<AppState>,
    ctx: RequestContext,
    user: SignedIn,
    path: Path<(String, String)>,
) -> AppResult<Response> {
    decide(state, ctx, user, path, false).await
}

/// Approves or declines a request to join; the requester is e-mailed either way.
async fn decide(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path((slug, handle)): Path<(String, String)>,
    approved: bool,
) -> AppResult<Response> {
    let (group, member) = moderated(&state, &ctx, &user, &slug, &handle).await?;
    if member.status != MemberStatus::Requested {
        return Err(AppError::Conflict);
    }
    if approved && !crate::events::supervision::has_room(&state.db, group.group_id).await? {
        return Ok(back(&state, &slug, "group-full"));
    }
    let (base_url, now) = (&state.config.base_url, state.clock.now());
    let mut tx = state.db.begin().await?;
    if !join_requests::decide(&mut tx, base_url, &group, &member, approved, now).await? {
        return Err(AppError::Conflict);
    }
    tx.commit().await?;
    Ok(back(
        &state,
        &slug,
        if approved {
            "group-request-approved"
        } else {
            "group-request-declined"
        },
    ))
}

pub async fn remove(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path((slug, handle)): Path<(String, String)>,
) -> AppResult<Response> {
    let (group, member) = moderated(&state, &ctx, &user, &slug, &handle).await?;
    end_membership(&state, &group, &member, Ending::Removed).await?;
    Ok(back(&state, &slug, "group-member-removed"))
}

pub async fn ban(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path((slug, handle)): Path<(String, String)>,
) -> AppResult<Response> {
    let (group, member) = moderated(&state, &ctx, &user, &slug, &handle).await?;
    end_membership(&state, &group, &member, Ending::Banned).await?;
    Ok(back(&state, &slug, "group-member-banned"))
}

async fn end_membership(
    state: &AppState,
    group: &GroupView,
    member: &MemberRow,
    ending: Ending,
) -> AppResult<()> {
    let mut tx = state.db.begin().await?;
    membership::end(
        &mut tx,
        &state.config.base_url,
        group.group_id,
        &group.name,
        member.user_id,
        ending,
        state.clock.now(),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

#[derive(Deserialize)]
pub struct RoleForm {
    role: GroupRole,
}

pub async fn set_role(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path((slug, handle)): Path<(String, String)>,
    Form(form): Form<RoleForm>,
) -> AppResult<Response> {
    let (group, member) = moderated(&state, &ctx, &user, &slug, &handle).await?;
    // Ownership is not handed over here.
    let role = match form.role {
        GroupRole::Owner => return Err(AppError::BadRequest),
        role => role,
    };
    store::set_member_role(&state.db, group.group_id, member.user_id, role).await?;
    Ok(back(&state, &slug, "group-role-changed"))
}

#[derive(Deserialize)]
pub struct InviteForm {
    who: String,
}

/// Invites a member by handle or e-mail. The answer is the same whether or
/// not such a member exists, so the form cannot be used to probe addresses.
pub async fn invite(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path(slug): Path<String>,
    Form(form): Form<InviteForm>,
) -> AppResult<Response> {
    let group = visible_group(&state, &ctx, &slug).await?;
    if !access(&group, Some(&user)).can_manage_members() {
        return Err(AppError::Forbidden);
    }
    // An address the mailer could never send to is refused beside the
    // field. That says only how the address is written, never whether a
    // member has it, so the form still cannot probe addresses.
    let who = form.who.trim();
    if who.trim_start_matches('@').contains('@') {
        let mut errors = FormErrors::new(ctx.locale);
        check_email(&mut errors, "who", &who.to_lowercase());
        if !errors.is_empty() {
            let page = members_page(&state, &ctx, group, who.to_owned(), errors).await?;
            return Ok(unprocessable(page));
        }
    }
    let now = state.clock.now();
    let mut tx = state.db.begin().await?;
    if let Some(invitee) = store::find_invitee(&mut *tx, &form.who).await?
        && store::invite(&mut *tx, group.group_id, invitee.user_id, now).await?
    {
        let to = Recipient::new(
            invitee.user_id,
            &invitee.email,
            &invitee.name,
            &invitee.locale,
        );
        let e = to.email_context(&state.config.base_url);
        let mail = emails::invitation(&e, &invitee.name, &user.name, &group.name, &group.slug);
        let link = format!("/groups/{}", group.slug);
        let notification =
            Notification::new(Kind::GroupInvitation, link, mail).in_group(group.group_id);
        notify(&mut tx, &state.config.base_url, &to, notification, now).await?;
    }
    tx.commit().await?;
    Ok(back(&state, &slug, "group-invited"))
}

#[derive(Deserialize)]
pub struct CodeForm {
    action: String,
}

/// Regenerates or disables a class group's join code.
pub async fn join_code(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path(slug): Path<String>,
    Form(form): Form<CodeForm>,
) -> AppResult<Response> {
    let group = visible_group(&state, &ctx, &slug).await?;
    if !access(&group, Some(&user)).can_manage_members() {
        return Err(AppError::Forbidden);
    }
    let code = match form.action.as_str() {
        "regenerate" => Some(new_join_code()),
        "disable" => None,
        _ => return Err(AppError::BadRequest),
    };
    store::set_join_code(&state.db, group.group_id, code.as_deref()).await?;
    Ok(back(&state, &slug, "group-code-changed"))
}
