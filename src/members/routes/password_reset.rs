//! Forgotten passwords: `/password/forgot` sends a one-time link (valid for
//! an hour) if the address has an account — the page says the same either
//! way — and `/password/reset/<token>` sets a new password and ends every
//! session of the account.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};

use super::account::{email_context, notice, queue};
use crate::app::AppState;
use crate::i18n::Locale;
use crate::members::forms::{EmailOnlyForm, NewPasswordForm, check_email};
use crate::members::tokens::{self, Purpose};
use crate::members::views::{ForgotPage, ResetPage};
use crate::members::{emails, password, sessions, store};
use crate::web::flash::redirect_with;
use crate::web::form_errors::unprocessable;
use crate::web::rate_limit::{self, Limit};
use crate::web::{AppResult, Form, FormErrors, Page, RequestContext};

pub async fn show_forgot(ctx: RequestContext) -> ForgotPage {
    ForgotPage {
        page: Page::titled(&ctx, "forgot-title"),
        email: String::new(),
        errors: FormErrors::new(ctx.locale),
    }
}

#[tracing::instrument(skip_all)]
pub async fn submit_forgot(
    State(state): State<AppState>,
    ctx: RequestContext,
    Form(form): Form<EmailOnlyForm>,
) -> AppResult<Response> {
    let email = form.email.trim().to_lowercase();
    let mut errors = FormErrors::new(ctx.locale);
    check_email(&mut errors, "email", &email);
    let now = state.clock.now();
    // Keyed by the address typed, account or not, so the limit reveals nothing.
    if errors.is_empty() {
        let refused =
            if !rate_limit::allow(&state.db, Limit::PasswordResetByClient, &ctx.client_ip, now)
                .await?
            {
                Some(Limit::PasswordResetByClient)
            } else if !rate_limit::allow(&state.db, Limit::PasswordResetByAddress, &email, now)
                .await?
            {
                Some(Limit::PasswordResetByAddress)
            } else {
                None
            };
        if let Some(limit) = refused {
            errors.add_text("email", limit.message(ctx.locale));
        }
    }
    if !errors.is_empty() {
        return Ok(unprocessable(ForgotPage {
            page: Page::titled(&ctx, "forgot-title"),
            email,
            errors,
        }));
    }
    let mut tx = state.db.begin().await?;
    if let Some(login) = store::find_login(&mut *tx, &email)
        .await?
        .filter(|l| !l.blocked)
    {
        let locale = Locale::from_tag(&login.locale).unwrap_or(ctx.locale);
        tokens::void_all(&mut *tx, login.user_id, Purpose::ResetPassword, now).await?;
        let token = tokens::issue(
            &mut *tx,
            login.user_id,
            Purpose::ResetPassword,
            &login.email,
            now,
        )
        .await?;
        queue(
            &mut tx,
            login.user_id,
            emails::password_reset(
                &email_context(&state, locale),
                &login.email,
                &login.name,
                &token,
            ),
            now,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(notice(
        &ctx,
        "forgot-sent-title",
        &["forgot-sent-text"],
        Some(("nav-home", "/")),
    )
    .into_response())
}

pub async fn show_reset(
    State(state): State<AppState>,
    ctx: RequestContext,
    Path(token): Path<String>,
) -> AppResult<Response> {
    if tokens::peek(&state.db, &token, Purpose::ResetPassword, state.clock.now())
        .await?
        .is_none()
    {
        return Ok(expired(&ctx));
    }
    Ok(ResetPage {
        page: Page::titled(&ctx, "reset-title"),
        token,
        errors: FormErrors::new(ctx.locale),
    }
    .into_response())
}

#[tracing::instrument(skip_all)]
pub async fn submit_reset(
    State(state): State<AppState>,
    ctx: RequestContext,
    Path(token): Path<String>,
    Form(form): Form<NewPasswordForm>,
) -> AppResult<Response> {
    let now = state.clock.now();
    let Some(owner) = tokens::peek(&state.db, &token, Purpose::ResetPassword, now).await? else {
        return Ok(expired(&ctx));
    };
    let Some(user) = store::find_user_by_id(&state.db, owner.user_id).await? else {
        return Ok(expired(&ctx));
    };
    let mut errors = FormErrors::new(ctx.locale);
    if let Some(problem) = password::problem(&form.password, &user.email, &user.name) {
        errors.add("password", problem);
    } else if form.password != form.confirm {
        errors.add("confirm", "error-passwords-differ");
    }
    if !errors.is_empty() {
        return Ok(unprocessable(ResetPage {
            page: Page::titled(&ctx, "reset-title"),
            token,
            errors,
        }));
    }
    let hash = password::hash(form.password).await?;
    let mut tx = state.db.begin().await?;
    if tokens::consume(&mut *tx, &token, Purpose::ResetPassword, now)
        .await?
        .is_none()
    {
        return Ok(expired(&ctx));
    }
    store::set_password(&mut *tx, user.user_id, &hash, now).await?;
    sessions::delete_all_for_user(&mut *tx, user.user_id, None).await?;
    let e = email_context(&state, ctx.locale);
    queue(
        &mut tx,
        user.user_id,
        emails::password_changed(&e, &user.email, &user.name),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(redirect_with(
        "/login",
        "password-changed",
        state.config.secure_cookies(),
    ))
}

fn expired(ctx: &RequestContext) -> Response {
    notice(
        ctx,
        "reset-expired-title",
        &["reset-expired-text"],
        Some(("forgot-again", "/password/forgot")),
    )
    .into_response()
}
