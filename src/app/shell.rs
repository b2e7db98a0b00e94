//! The page shell: one middleware around every page that
//! - works out the request context (language, CSRF token, the signed-in
//!   member from their session, who's online),
//! - refuses state-changing requests that fail the CSRF checks (except the
//!   features' hooks in `AppState::csrf_exempt`),
//! - renders friendly, localized error pages for error responses,
//! - sets the CSRF cookie for new visitors.
//!
//! It is the app's because it joins the foundation (`web::shell`) with the
//! members feature's sessions and presence.

use axum::extract::{Request, State};
use axum::http::{Method, header};
use axum::middleware::Next;
use axum::response::Response;

use super::AppState;
use crate::members::presence::Visitor;
use crate::members::sessions;
use crate::web::error::ErrorPage;
use crate::web::{RequestContext, cookies, csrf, flash, shell};

pub async fn page_shell(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let path = request
        .uri()
        .path_and_query()
        .map(|p| p.as_str().to_owned())
        .unwrap_or_else(|| "/".to_owned());
    let (mut ctx, new_token) = RequestContext::from_headers(request.headers(), path);
    ctx.client_ip = shell::client_ip(&request, state.config.trusted_proxies);
    ctx.is_read = matches!(*request.method(), Method::GET | Method::HEAD);
    let flash_key = cookies::get(request.headers(), flash::COOKIE)
        .filter(|key| flash::is_valid_key(key))
        .map(str::to_owned);
    let mut clear_session = false;
    if let Some(token) = cookies::get(request.headers(), sessions::COOKIE) {
        match sessions::load(&state.db, token, state.clock.now()).await {
            Ok(Some(user)) => {
                ctx.locale = user.locale;
                ctx.user = Some(user);
            }
            Ok(None) => clear_session = true,
            Err(error) => {
                tracing::warn!(%error, "cannot look up the session");
                return shell::finish(&ctx, ErrorPage::Unavailable.response(), new_token, &state);
            }
        }
    }
    ctx.flash = flash_key
        .as_deref()
        .map(|key| crate::i18n::t(ctx.locale, key));
    if !matches!(request.uri().path(), "/healthz" | "/readyz") {
        note_presence(&state, &mut ctx, new_token).await;
    }

    let mut request = request;
    if csrf::is_state_changing(request.method())
        && !state.csrf_exempt.contains(&request.uri().path())
    {
        match shell::verify_csrf(request, &state.config.base_url).await {
            Ok(checked) => request = checked,
            Err(page) => return shell::finish(&ctx, page.response(), new_token, &state),
        }
    }
    request.extensions_mut().insert(ctx.clone());
    let mut response = next.run(request).await;
    // A flash is shown once: on the first page rendered after it was set.
    let sets_flash = response
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .any(|c| c.as_bytes().starts_with(flash::COOKIE.as_bytes()));
    if flash_key.is_some() && !sets_flash && !response.status().is_redirection() {
        response.headers_mut().append(
            header::SET_COOKIE,
            cookies::clear(flash::COOKIE, state.config.secure_cookies()),
        );
    }
    if clear_session
        && !response
            .headers()
            .get_all(header::SET_COOKIE)
            .iter()
            .any(|c| c.as_bytes().starts_with(sessions::COOKIE.as_bytes()))
    {
        response.headers_mut().append(
            header::SET_COOKIE,
            cookies::clear(sessions::COOKIE, state.config.secure_cookies()),
        );
    }
    shell::finish(&ctx, response, new_token, &state)
}

/// Counts the visitor for "who's online" and fetches the counts for the footer.
async fn note_presence(state: &AppState, ctx: &mut RequestContext, new_token: bool) {
    let now = state.clock.now();
    let visitor = match &ctx.user {
        Some(user) => Some(Visitor::Member(user.user_id)),
        None if !new_token => Some(Visitor::Guest(&ctx.csrf_token)),
        None => None,
    };
    if let Some(visitor) = visitor
        && let Err(error) = state.presence.record(&state.db, visitor, now).await
    {
        tracing::debug!(%error, "cannot record presence");
    }
    ctx.online = state.presence.counts(&state.db, now).await;
}
