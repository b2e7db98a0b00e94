//! The page shell: one middleware around every route that
//! - works out the request context (language, CSRF token),
//! - refuses state-changing requests that fail the CSRF checks,
//! - renders friendly, localized error pages for error responses,
//! - sets the CSRF cookie for new visitors.

use askama::Template;
use axum::body::{Body, to_bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Redirect, Response};

use std::net::SocketAddr;

use axum::extract::ConnectInfo;

use super::error::ErrorPage;
use super::{Page, RequestContext, client_address, cookies, csrf, flash};
use crate::app::AppState;
use crate::members::presence::Visitor;
use crate::members::sessions;

/// The most an urlencoded form may weigh (uploads are multipart).
const FORM_LIMIT: usize = 1024 * 1024;

pub async fn page_shell(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let path = request
        .uri()
        .path_and_query()
        .map(|p| p.as_str().to_owned())
        .unwrap_or_else(|| "/".to_owned());
    let (mut ctx, new_token) = RequestContext::from_headers(request.headers(), path);
    ctx.client_ip = client_ip(&request, state.config.trusted_proxies);
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
                return finish(&ctx, ErrorPage::Unavailable.response(), new_token, &state);
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
        match verify_csrf(request, &state.config.base_url).await {
            Ok(checked) => request = checked,
            Err(page) => return finish(&ctx, page.response(), new_token, &state),
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
    finish(&ctx, response, new_token, &state)
}

/// The client's address (see `web::client_address`): the peer, or the
/// entry the trusted proxies (`KOLEGA_TRUST_PROXY`) wrote in `X-Forwarded-For`.
fn client_ip(request: &Request, trusted_hops: usize) -> String {
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(address)| address.ip());
    client_address::client_address(peer, request.headers(), trusted_hops)
        .map_or_else(|| "unknown".to_owned(), |ip| ip.to_string())
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

async fn verify_csrf(request: Request, base_url: &str) -> Result<Request, ErrorPage> {
    if csrf::is_cross_site(request.headers(), base_url) {
        return Err(ErrorPage::CsrfRejected);
    }
    let is_form = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    if !is_form {
        // Multipart uploads carry the token in the query string; their
        // bodies are left untouched for the handler to stream.
        let submitted = csrf::submitted_token(request.headers(), request.uri().query(), None);
        return if csrf::token_matches(request.headers(), submitted.as_deref()) {
            Ok(request)
        } else {
            Err(ErrorPage::CsrfRejected)
        };
    }
    let (parts, body) = request.into_parts();
    let bytes = to_bytes(body, FORM_LIMIT)
        .await
        .map_err(|_| ErrorPage::PayloadTooLarge)?;
    let submitted = csrf::submitted_token(&parts.headers, parts.uri.query(), Some(&bytes));
    if !csrf::token_matches(&parts.headers, submitted.as_deref()) {
        return Err(ErrorPage::CsrfRejected);
    }
    Ok(Request::from_parts(parts, Body::from(bytes)))
}

fn finish(ctx: &RequestContext, response: Response, new_token: bool, state: &AppState) -> Response {
    let mut response = match error_page_for(&response) {
        Some(page) => render_error(ctx, page, response),
        None => response,
    };
    if new_token {
        let cookie = cookies::set(
            cookies::CSRF,
            &ctx.csrf_token,
            None,
            state.config.secure_cookies(),
        );
        response.headers_mut().append(header::SET_COOKIE, cookie);
    }
    response
}

/// Error responses we render: ours (marked) and bare ones from layers.
fn error_page_for(response: &Response) -> Option<ErrorPage> {
    if let Some(page) = response.extensions().get::<ErrorPage>() {
        return Some(*page);
    }
    let bare = !response.headers().contains_key(header::CONTENT_TYPE);
    if bare && response.status().as_u16() >= 400 {
        ErrorPage::for_status(response.status())
    } else {
        None
    }
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorTemplate {
    page: Page,
    code: u16,
    explanation: String,
    is_csrf: bool,
}

fn render_error(ctx: &RequestContext, page: ErrorPage, original: Response) -> Response {
    if page == ErrorPage::Unauthorized {
        let next: String = form_urlencoded_component(&ctx.path);
        return Redirect::to(&format!("/login?next={next}")).into_response();
    }
    let key = page.message_key();
    let template = ErrorTemplate {
        page: Page::titled(ctx, &format!("{key}-title")),
        code: page.status().as_u16(),
        explanation: crate::i18n::t(ctx.locale, &format!("{key}-text")),
        is_csrf: page == ErrorPage::CsrfRejected,
    };
    let mut response = match template.render() {
        Ok(html) => (page.status(), Html(html)).into_response(),
        Err(error) => {
            tracing::error!(%error, "the error page itself failed to render");
            (StatusCode::INTERNAL_SERVER_ERROR, "Internal error").into_response()
        }
    };
    // Keep what layers below said about the response (e.g. `Allow` on 405).
    if let Some(allow) = original.headers().get(header::ALLOW) {
        response.headers_mut().insert(header::ALLOW, allow.clone());
    }
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

fn form_urlencoded_component(text: &str) -> String {
    serde_urlencoded::to_string([("", text)])
        .map(|s| s.trim_start_matches('=').to_owned())
        .unwrap_or_default()
}
