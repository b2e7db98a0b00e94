//! `/login` and `/logout`. A failed sign-in never says whether the address
//! has an account; failures are limited per address and per client.

use crate::web::Query;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::account::{clear_session_cookie, start_session};
use crate::app::AppState;
use crate::i18n::Args;
use crate::members::forms::LoginForm;
use crate::members::views::LoginPage;
use crate::members::{Approval, password, sessions, store, throttle};
use crate::web::flash::redirect_with;
use crate::web::form_errors::unprocessable;
use crate::web::redirect::safe_next;
use crate::web::{AppResult, Form, Page, RequestContext};

#[derive(Deserialize)]
pub struct NextQuery {
    next: Option<String>,
}

pub async fn show(ctx: RequestContext, Query(query): Query<NextQuery>) -> LoginPage {
    let form = LoginForm {
        next: query.next,
        ..LoginForm::default()
    };
    LoginPage {
        page: Page::titled(&ctx, "login-title"),
        form,
        error: None,
    }
}

#[tracing::instrument(skip_all)]
pub async fn submit(
    State(state): State<AppState>,
    ctx: RequestContext,
    Form(mut form): Form<LoginForm>,
) -> AppResult<Response> {
    form.email = form.email.trim().to_lowercase();
    let now = state.clock.now();
    let refuse = |form: LoginForm, message: String| {
        let form = LoginForm {
            password: String::new(),
            ..form
        };
        unprocessable(LoginPage {
            page: Page::titled(&ctx, "login-title"),
            form,
            error: Some(message),
        })
    };
    // Counted before the password check, so attempts sent all at once
    // cannot all reach it (see `members::throttle`).
    let attempt = match throttle::reserve(&state.db, &form.email, &ctx.client_ip, now).await? {
        Ok(attempt) => attempt,
        Err(until) => {
            let page = Page::titled(&ctx, "login-title");
            let message = crate::i18n::t_args(
                ctx.locale,
                "login-locked",
                &Args::new().with("time", page.time(&until)),
            );
            return Ok(refuse(form, message));
        }
    };
    let record = store::find_login(&state.db, &form.email).await?;
    let stored_hash = record
        .as_ref()
        .map_or_else(|| password::DECOY_HASH.clone(), |r| r.password_hash.clone());
    let password_ok = password::verify(std::mem::take(&mut form.password), stored_hash).await;
    let Some(record) = record.filter(|_| password_ok) else {
        // The attempt stays counted as a failure.
        let message = crate::i18n::t(ctx.locale, "login-failed");
        return Ok(refuse(form, message));
    };
    // The password was right: saying why the account cannot sign in now
    // reveals nothing to someone who does not already know it.
    if record.blocked || record.approval == Approval::Declined {
        throttle::release(&state.db, attempt).await?;
        let key = if record.blocked {
            "login-blocked"
        } else {
            "login-declined"
        };
        return Ok(refuse(form, crate::i18n::t(ctx.locale, key)));
    }
    throttle::clear(&state.db, &form.email, attempt).await?;
    let next = safe_next(form.next.as_deref(), "/");
    let next = if !record.verified { "/verify" } else { next };
    start_session(&state, &ctx, record.user_id, form.remember.is_some(), next).await
}

pub async fn logout(State(state): State<AppState>, ctx: RequestContext) -> AppResult<Response> {
    if let Some(user) = &ctx.user {
        sessions::delete(&state.db, &user.session_hash).await?;
    }
    let response = redirect_with("/", "signed-out", state.config.secure_cookies()).into_response();
    Ok(clear_session_cookie(response, &state))
}
