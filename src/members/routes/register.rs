//! `/register`: joining Kolega. The answer is the same whether or not the
//! address already has an account (no enumeration); its owner is e-mailed.

use axum::extract::State;
use axum::response::{IntoResponse, Response};

use super::account::{email_context, notice, queue};
use crate::app::AppState;
use crate::members::forms::RegisterForm;
use crate::members::store::{self, Background, NewUser};
use crate::members::tokens::{self, Purpose};
use crate::members::views::{Choices, RegisterPage};
use crate::members::{Role, emails, password};
use crate::web::form_errors::unprocessable;
use crate::web::rate_limit::{self, Limit};
use crate::web::{AppResult, Form, FormErrors, Page, RequestContext};

pub async fn show(ctx: RequestContext) -> RegisterPage {
    let form = RegisterForm {
        country: "RS".into(),
        profession: "practitioner".into(),
        ..RegisterForm::default()
    };
    RegisterPage {
        page: Page::titled(&ctx, "register-title"),
        form,
        errors: FormErrors::new(ctx.locale),
        choices: Choices,
    }
}

#[tracing::instrument(skip_all)]
pub async fn submit(
    State(state): State<AppState>,
    ctx: RequestContext,
    Form(mut form): Form<RegisterForm>,
) -> AppResult<Response> {
    let mut errors = form.validate(ctx.locale);
    let now = state.clock.now();
    if errors.is_empty()
        && !rate_limit::allow(&state.db, Limit::Registration, &ctx.client_ip, now).await?
    {
        errors.add_text("email", Limit::Registration.message(ctx.locale));
    }
    if !errors.is_empty() {
        form.password.clear();
        let page = RegisterPage {
            page: Page::titled(&ctx, "register-title"),
            form,
            errors,
            choices: Choices,
        };
        return Ok(unprocessable(page));
    }
    // Hashing happens for taken addresses too, so both answers take as long.
    let password_hash = password::hash(std::mem::take(&mut form.password)).await?;
    let e = email_context(&state, ctx.locale);
    let mut tx = state.db.begin().await?;
    match store::find_user_by_email(&mut *tx, &form.email).await? {
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
            let role = form
                .profession
                .parse::<Role>()
                .unwrap_or(Role::Practitioner);
            let new_user = NewUser {
                email: &form.email,
                name: &form.name,
                role,
                password_hash: &password_hash,
                locale: ctx.locale.tag(),
                verified: false,
            };
            let background = Background {
                profession: form.profession.clone(),
                country: form.country.clone(),
                city: form.city.clone(),
                institution: form.institution.clone(),
            };
            let created = store::create_member(&mut tx, &new_user, &background).await;
            match created {
                Ok(user) => {
                    let token = tokens::issue(
                        &mut *tx,
                        user.user_id,
                        Purpose::VerifyEmail,
                        &user.email,
                        now,
                    )
                    .await?;
                    queue(
                        &mut tx,
                        user.user_id,
                        emails::verify_address(&e, &user.email, &user.name, &token),
                        now,
                    )
                    .await?;
                }
                // Someone registered the same address a moment ago: the
                // answer stays the same, as for any taken address.
                Err(error) if crate::db::is_unique_violation(&error, "users_email_key") => {
                    tx.rollback().await?;
                    return Ok(check_your_email(&ctx));
                }
                Err(error) => return Err(error.into()),
            }
        }
    }
    tx.commit().await?;
    Ok(check_your_email(&ctx))
}

fn check_your_email(ctx: &RequestContext) -> Response {
    notice(
        ctx,
        "register-done-title",
        &["register-done-text", "register-done-spam"],
        Some(("nav-sign-in", "/login")),
    )
    .into_response()
}
