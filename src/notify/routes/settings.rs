//! `/settings/notifications`: per kind, e-mail at once, in the daily digest
//! or never; the digest's hour; and, when the member's address bounced, a
//! notice with a way to start again.

use std::collections::HashMap;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::response::{IntoResponse, Response};

use crate::app::AppState;
use crate::notify::kinds::{Delivery, Kind, SECTIONS};
use crate::notify::store;
use crate::notify::suppressions::{self, Suppression};
use crate::web::current_user::SignedIn;
use crate::web::flash::redirect_with;
use crate::web::form_errors::unprocessable;
use crate::web::{AppResult, Form, FormErrors, Page, RequestContext};

/// The form's field for the digest hour (kind codes name the others).
const HOUR_FIELD: &str = "digest_hour";

#[derive(Template, WebTemplate)]
#[template(path = "notify/settings.html")]
pub struct SettingsPage {
    pub page: Page,
    /// Per section, its kinds and the value shown for each.
    pub sections: Vec<(&'static str, Vec<(Kind, String)>)>,
    pub deliveries: [Delivery; 3],
    pub digest_hour: String,
    pub email: String,
    pub suppression: Option<Suppression>,
    pub errors: FormErrors,
}

impl SettingsPage {
    pub fn hours(&self) -> Vec<String> {
        (0..24).map(|h| h.to_string()).collect()
    }
}

pub async fn show(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
) -> AppResult<SettingsPage> {
    let deliveries = store::deliveries(&state.db, user.user_id).await?;
    let hour = store::digest_hour(&state.db, user.user_id).await?;
    let shown: HashMap<Kind, String> = deliveries
        .into_iter()
        .map(|(kind, delivery)| (kind, delivery.code().to_owned()))
        .collect();
    page(
        &state,
        &ctx,
        &user.email,
        &shown,
        hour.to_string(),
        FormErrors::new(ctx.locale),
    )
    .await
}

async fn page(
    state: &AppState,
    ctx: &RequestContext,
    email: &str,
    shown: &HashMap<Kind, String>,
    digest_hour: String,
    errors: FormErrors,
) -> AppResult<SettingsPage> {
    let sections = SECTIONS
        .iter()
        .map(|section| {
            let kinds = Kind::ALL
                .into_iter()
                .filter(|k| k.section() == *section)
                .map(|k| (k, shown.get(&k).cloned().unwrap_or_default()))
                .collect();
            (*section, kinds)
        })
        .collect();
    Ok(SettingsPage {
        page: Page::titled(ctx, "notify-settings-title").in_section("settings"),
        sections,
        deliveries: Delivery::ALL,
        digest_hour,
        email: email.to_owned(),
        suppression: suppressions::find(&state.db, email).await?,
        errors,
    })
}

/// Saves every kind and the hour at once; a value that is not one of the
/// choices comes back with the member's other choices kept.
pub async fn save(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Form(form): Form<HashMap<String, String>>,
) -> AppResult<Response> {
    let mut errors = FormErrors::new(ctx.locale);
    let mut chosen = Vec::new();
    for kind in Kind::ALL.into_iter().filter(|k| k.is_switchable()) {
        match form.get(kind.code()).map(|v| Delivery::from_code(v)) {
            Some(Some(delivery)) => chosen.push((kind, delivery)),
            // A kind left out of the form keeps its setting.
            None => {}
            Some(None) => errors.add(kind.code(), "notify-delivery-invalid"),
        }
    }
    let hour_text = form.get(HOUR_FIELD).cloned().unwrap_or_default();
    let hour = hour_text
        .trim()
        .parse::<i16>()
        .ok()
        .filter(|h| (0..24).contains(h));
    if hour.is_none() {
        errors.add(HOUR_FIELD, "notify-digest-hour-invalid");
    }
    let Some(hour) = hour.filter(|_| errors.is_empty()) else {
        let mut shown: HashMap<Kind, String> = store::deliveries(&state.db, user.user_id)
            .await?
            .into_iter()
            .map(|(kind, delivery)| (kind, delivery.code().to_owned()))
            .collect();
        for kind in Kind::ALL {
            if let Some(value) = form.get(kind.code()) {
                shown.insert(kind, value.clone());
            }
        }
        let page = page(&state, &ctx, &user.email, &shown, hour_text, errors).await?;
        return Ok(unprocessable(page));
    };
    let mut tx = state.db.begin().await?;
    for (kind, delivery) in chosen {
        store::set_delivery(&mut *tx, user.user_id, kind, delivery).await?;
    }
    store::set_digest_hour(&mut *tx, user.user_id, hour).await?;
    tx.commit().await?;
    Ok(redirect_with(
        "/settings/notifications",
        "notify-settings-saved",
        state.config.secure_cookies(),
    ))
}

/// "My mailbox works again": lifts the stop on the member's own address.
pub async fn resume(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
) -> AppResult<Response> {
    suppressions::lift(&state.db, &user.email).await?;
    Ok(redirect_with(
        "/settings/notifications",
        "notify-resumed",
        state.config.secure_cookies(),
    )
    .into_response())
}
