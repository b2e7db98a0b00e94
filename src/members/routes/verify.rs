//! E-mail verification: `/verify/<token>` from the e-mail, and `/verify`
//! where a signed-in member who has not verified yet can ask again.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};

use super::account::{email_context, notice, queue};
use crate::app::AppState;
use crate::members::tokens::{self, Purpose};
use crate::members::{Approval, emails, store};
use crate::site::settings;
use crate::web::current_user::SignedIn;
use crate::web::flash::redirect_with;
use crate::web::redirect::see_other;
use crate::web::{AppResult, RequestContext};

#[tracing::instrument(skip_all)]
pub async fn confirm(
    State(state): State<AppState>,
    ctx: RequestContext,
    Path(token): Path<String>,
) -> AppResult<Response> {
    let now = state.clock.now();
    let mut tx = state.db.begin().await?;
    let Some(owner) = tokens::consume(&mut *tx, &token, Purpose::VerifyEmail, now).await? else {
        let mut page = notice(&ctx, "verify-invalid-title", &["verify-invalid-text"], None);
        page.offer_resend = ctx.user.as_ref().is_some_and(|u| !u.verified);
        if ctx.user.is_none() {
            page.link = Some((page.page.t("nav-sign-in"), "/login".into()));
        }
        return Ok(page.into_response());
    };
    let needs_approval = settings::require_account_approval(&mut *tx).await?;
    if let Err(error) =
        store::mark_verified(&mut *tx, owner.user_id, &owner.email, needs_approval, now).await
    {
        if crate::db::is_unique_violation(&error, "users_email_key") {
            return Ok(
                notice(&ctx, "verify-taken-title", &["verify-taken-text"], None).into_response(),
            );
        }
        return Err(error.into());
    }
    let approval = store::approval_of(&mut *tx, owner.user_id).await?;
    tx.commit().await?;
    let next = if ctx.user.is_some() {
        ("nav-home", "/")
    } else {
        ("nav-sign-in", "/login")
    };
    let text = if approval == Approval::Pending {
        "verify-done-pending"
    } else {
        "verify-done-text"
    };
    Ok(notice(&ctx, "verify-done-title", &[text], Some(next)).into_response())
}

/// For a signed-in member who has not verified their address yet.
pub async fn status(ctx: RequestContext, SignedIn(user): SignedIn) -> Response {
    if user.verified {
        return see_other("/").into_response();
    }
    let mut page = notice(&ctx, "verify-needed-title", &["verify-needed-text"], None);
    page.paragraphs.push(user.email.clone());
    page.offer_resend = true;
    page.into_response()
}

#[tracing::instrument(skip_all)]
pub async fn resend(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
) -> AppResult<Response> {
    let secure = state.config.secure_cookies();
    if user.verified {
        return Ok(see_other("/").into_response());
    }
    let now = state.clock.now();
    let mut tx = state.db.begin().await?;
    tokens::void_all(&mut *tx, user.user_id, Purpose::VerifyEmail, now).await?;
    let token = tokens::issue(
        &mut *tx,
        user.user_id,
        Purpose::VerifyEmail,
        &user.email,
        now,
    )
    .await?;
    let e = email_context(&state, user.locale);
    queue(
        &mut tx,
        user.user_id,
        emails::verify_address(&e, &user.email, &user.name, &token),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(redirect_with("/verify", "verify-resent", secure))
}
