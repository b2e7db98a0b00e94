//! `/settings`: a member's own profile, language, directory listing, e-mail
//! address, password and sessions. Her data download and deleting the
//! account, which reach into every feature, are `account_data`'s.

use axum::extract::State;
use axum::response::Response;

use super::account::{clear_session_cookie, email_context, queue};
use crate::app::AppState;
use crate::members::forms::{ChangeEmailForm, ChangePasswordForm, ProfileForm, check_email};
use crate::members::settings_page::{password_matches, profile_form, refused, settings_page};
use crate::members::store::{self, OwnSettings};
use crate::members::tokens::{self, Purpose};
use crate::members::views::SettingsPage;
use crate::members::{emails, password, sessions};
use crate::web::current_user::SignedIn;
use crate::web::flash::redirect_with;
use crate::web::form_errors::unprocessable;
use crate::web::{AppResult, Form, FormErrors, RequestContext};

pub async fn show(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
) -> AppResult<SettingsPage> {
    let own = store::own_settings(&state.db, user.user_id).await?;
    Ok(settings_page(
        &ctx,
        &own,
        profile_form(&own),
        String::new(),
        FormErrors::new(ctx.locale),
    ))
}

#[tracing::instrument(skip_all)]
pub async fn save_profile(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Form(mut form): Form<ProfileForm>,
) -> AppResult<Response> {
    let errors = form.validate(ctx.locale);
    let own = store::own_settings(&state.db, user.user_id).await?;
    if !errors.is_empty() {
        return Ok(unprocessable(settings_page(
            &ctx,
            &own,
            form,
            String::new(),
            errors,
        )));
    }
    let updated = OwnSettings {
        name: form.name,
        bio: form.bio,
        expertise: form.expertise,
        institution: form.institution,
        city: form.city,
        country: form.country,
        locale: form.locale,
        listed_in_directory: form.listed_in_directory.is_some(),
        shown_online: form.shown_online.is_some(),
        email: own.email,
    };
    store::update_settings(&state.db, user.user_id, &updated, state.clock.now()).await?;
    Ok(redirect_with(
        "/settings",
        "settings-saved",
        state.config.secure_cookies(),
    ))
}

/// A new address is used only once it is confirmed from a link sent to it.
/// If another account has it, that account's owner is told instead, and the
/// page answers the same (no enumeration).
#[tracing::instrument(skip_all)]
pub async fn change_email(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Form(form): Form<ChangeEmailForm>,
) -> AppResult<Response> {
    let new_email = form.new_email.trim().to_lowercase();
    let mut errors = FormErrors::new(ctx.locale);
    check_email(&mut errors, "new_email", &new_email);
    if new_email == user.email {
        errors.add("new_email", "error-email-same");
    }
    if errors.is_empty() && !password_matches(&state, &user, form.password).await? {
        errors.add("email_password", "error-password-wrong");
    }
    if !errors.is_empty() {
        return refused(&state, &ctx, &user, new_email, errors).await;
    }
    let now = state.clock.now();
    let e = email_context(&state, user.locale);
    let mut tx = state.db.begin().await?;
    match store::find_user_by_email(&mut *tx, &new_email).await? {
        Some(owner) => {
            queue(
                &mut tx,
                owner.user_id,
                emails::address_taken(&e, &owner.email, &owner.name),
                now,
            )
            .await?
        }
        None => {
            let token = tokens::issue(
                &mut *tx,
                user.user_id,
                Purpose::VerifyEmail,
                &new_email,
                now,
            )
            .await?;
            queue(
                &mut tx,
                user.user_id,
                emails::verify_address(&e, &new_email, &user.name, &token),
                now,
            )
            .await?;
        }
    }
    tx.commit().await?;
    Ok(redirect_with(
        "/settings",
        "settings-email-sent",
        state.config.secure_cookies(),
    ))
}

#[tracing::instrument(skip_all)]
pub async fn change_password(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Form(form): Form<ChangePasswordForm>,
) -> AppResult<Response> {
    let mut errors = FormErrors::new(ctx.locale);
    if !password_matches(&state, &user, form.current_password).await? {
        errors.add("current_password", "error-password-wrong");
    } else if let Some(problem) = password::problem(&form.new_password, &user.email, &user.name) {
        errors.add("new_password", problem);
    }
    if !errors.is_empty() {
        return refused(&state, &ctx, &user, String::new(), errors).await;
    }
    let hash = password::hash(form.new_password).await?;
    let now = state.clock.now();
    let mut tx = state.db.begin().await?;
    store::set_password(&mut *tx, user.user_id, &hash, now).await?;
    // Other devices must sign in with the new password; this one stays.
    sessions::delete_all_for_user(&mut *tx, user.user_id, Some(&user.session_hash)).await?;
    let e = email_context(&state, user.locale);
    queue(
        &mut tx,
        user.user_id,
        emails::password_changed(&e, &user.email, &user.name),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(redirect_with(
        "/settings",
        "settings-password-changed",
        state.config.secure_cookies(),
    ))
}

pub async fn sign_out_everywhere(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
) -> AppResult<Response> {
    sessions::delete_all_for_user(&state.db, user.user_id, None).await?;
    let response = redirect_with(
        "/login",
        "signed-out-everywhere",
        state.config.secure_cookies(),
    );
    Ok(clear_session_cookie(response, &state))
}
