//! The `/settings` page as its forms show it: first, and again with the
//! messages of a refused form (422). Its forms are handled in
//! `members::routes::settings`, and deleting the account in
//! `account_data`, which erases data across features and so cannot live
//! in members; both re-render the page through here.

use axum::response::Response;

use crate::app::AppState;
use crate::members::forms::ProfileForm;
use crate::members::store::{self, OwnSettings};
use crate::members::views::{Choices, SettingsPage};
use crate::members::{Role, admin_store, password, policy};
use crate::web::current_user::CurrentUser;
use crate::web::form_errors::unprocessable;
use crate::web::{AppResult, FormErrors, Page, RequestContext};

pub(crate) fn profile_form(own: &OwnSettings) -> ProfileForm {
    ProfileForm {
        name: own.name.clone(),
        bio: own.bio.clone(),
        expertise: own.expertise.clone(),
        institution: own.institution.clone(),
        city: own.city.clone(),
        country: own.country.clone(),
        locale: own.locale.clone(),
        listed_in_directory: own.listed_in_directory.then(|| "on".to_owned()),
        shown_online: own.shown_online.then(|| "on".to_owned()),
    }
}

pub(crate) fn settings_page(
    ctx: &RequestContext,
    own: &OwnSettings,
    profile: ProfileForm,
    new_email: String,
    errors: FormErrors,
) -> SettingsPage {
    SettingsPage {
        page: Page::titled(ctx, "settings-title").in_section("settings"),
        profile,
        email: own.email.clone(),
        new_email,
        errors,
        choices: Choices,
    }
}

/// The settings page again, with the messages of a refused form (status 422).
pub async fn refused(
    state: &AppState,
    ctx: &RequestContext,
    user: &CurrentUser,
    new_email: String,
    errors: FormErrors,
) -> AppResult<Response> {
    let own = store::own_settings(&state.db, user.user_id).await?;
    let page = settings_page(ctx, &own, profile_form(&own), new_email, errors);
    Ok(unprocessable(page))
}

pub async fn password_matches(
    state: &AppState,
    user: &CurrentUser,
    given: String,
) -> AppResult<bool> {
    let stored = store::password_hash(&state.db, user.user_id).await?;
    Ok(password::verify(given, stored).await)
}

/// Why the member may not delete her account now, as the form's messages
/// (empty: she may): the password must be hers, and the last
/// administrator must hand the role on first.
pub async fn deletion_refused(
    state: &AppState,
    ctx: &RequestContext,
    user: &CurrentUser,
    given_password: String,
) -> AppResult<FormErrors> {
    let mut errors = FormErrors::new(ctx.locale);
    if !password_matches(state, user, given_password).await? {
        errors.add("delete_password", "error-password-wrong");
    } else if user.role == Role::Admin
        && policy::is_last_admin(user.role, admin_store::count_admins(&state.db).await?)
    {
        errors.add("delete_password", "error-last-admin-delete");
    }
    Ok(errors)
}
