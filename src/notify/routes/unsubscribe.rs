//! `/unsubscribe?token=…`: the link in every notification mail. GET asks
//! (mail scanners open links, and opening must not change anything); POST
//! does it, both from the page's button and as RFC 8058's one-click POST
//! that mail providers send with `List-Unsubscribe=One-Click`. The signed
//! token is the proof, so neither needs a session or a CSRF token.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use serde::Deserialize;

use crate::app::AppState;
use crate::notify::kinds::{Delivery, Kind};
use crate::notify::store;
use crate::notify::unsubscribe::{self, Target};
use crate::web::{AppError, AppResult, Page, Query, RequestContext};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct TokenQuery {
    token: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "notify/unsubscribe.html")]
pub struct UnsubscribePage {
    pub page: Page,
    pub target: Target,
    pub token: String,
    /// Done (after the POST), or still to confirm.
    pub done: bool,
}

impl UnsubscribePage {
    /// What the member stops getting, in their words.
    pub fn what(&self) -> String {
        match self.target {
            Target::Kind(kind) => self.page.tp("notify-kind-", kind.code()),
            Target::Digest => self.page.t("unsubscribe-digest"),
        }
    }
}

async fn verified(state: &AppState, token: &str) -> AppResult<(uuid::Uuid, Target)> {
    let key = unsubscribe::signing_key(&state.db).await?;
    unsubscribe::verify(&key, token)
        .filter(|(_, target)| !matches!(target, Target::Kind(kind) if !kind.is_switchable()))
        .ok_or(AppError::BadRequest)
}

pub async fn confirm(
    State(state): State<AppState>,
    ctx: RequestContext,
    Query(query): Query<TokenQuery>,
) -> AppResult<UnsubscribePage> {
    let (_, target) = verified(&state, &query.token).await?;
    Ok(UnsubscribePage {
        page: Page::titled(&ctx, "unsubscribe-title"),
        target,
        token: query.token,
        done: false,
    })
}

pub async fn one_click(
    State(state): State<AppState>,
    ctx: RequestContext,
    Query(query): Query<TokenQuery>,
) -> AppResult<UnsubscribePage> {
    let (user_id, target) = verified(&state, &query.token).await?;
    // A member who has since left has nothing left to unsubscribe from.
    if crate::members::store::find_user_by_id(&state.db, user_id)
        .await?
        .is_some()
    {
        let kinds: Vec<Kind> = match target {
            Target::Kind(kind) => vec![kind],
            Target::Digest => store::deliveries(&state.db, user_id)
                .await?
                .into_iter()
                .filter(|(_, delivery)| *delivery == Delivery::Digest)
                .map(|(kind, _)| kind)
                .collect(),
        };
        let mut tx = state.db.begin().await?;
        for kind in kinds {
            store::set_delivery(&mut *tx, user_id, kind, Delivery::Never).await?;
        }
        tx.commit().await?;
        tracing::info!(what = target.code(), "unsubscribed from a mail link");
    }
    Ok(UnsubscribePage {
        page: Page::titled(&ctx, "unsubscribe-done-title"),
        target,
        token: query.token,
        done: true,
    })
}
