//! The page shell's parts that need no feature: the client's address, the
//! CSRF check of a state-changing request, friendly localized error pages
//! for error responses, and the CSRF cookie for new visitors. The
//! middleware that puts them together with the members' sessions and
//! presence is the app's (`app::shell`).

use askama::Template;
use axum::body::{Body, to_bytes};
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};

use std::net::SocketAddr;

use axum::extract::ConnectInfo;

use super::error::ErrorPage;
use super::{Page, RequestContext, client_address, cookies, csrf};
use crate::app::AppState;

/// The most an urlencoded form may weigh (uploads are multipart).
const FORM_LIMIT: usize = 1024 * 1024;

/// The client's address (see `web::client_address`): the peer, or the
/// entry the trusted proxies (`KOLEGA_TRUST_PROXY`) wrote in `X-Forwarded-For`.
pub fn client_ip(request: &Request, trusted_hops: usize) -> String {
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(address)| address.ip());
    client_address::client_address(peer, request.headers(), trusted_hops)
        .map_or_else(|| "unknown".to_owned(), |ip| ip.to_string())
}

pub async fn verify_csrf(request: Request, base_url: &str) -> Result<Request, ErrorPage> {
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

pub fn finish(
    ctx: &RequestContext,
    response: Response,
    new_token: bool,
    state: &AppState,
) -> Response {
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
