//! Cross-site request forgery protection, checked centrally by the page
//! shell for every state-changing request. Two independent checks:
//! 1. the browser's own signals: `Sec-Fetch-Site` must be same-origin (or
//!    none), and an `Origin` header must name this site;
//! 2. a token: the `kolega_csrf` cookie must match the `csrf_token` field of
//!    the form (or the `csrf_token` query parameter for multipart uploads,
//!    or an `X-CSRF-Token` header), so a request with neither header is
//!    still refused unless it comes from our own page.

use axum::http::{HeaderMap, Method, header};

use super::cookies;

pub const FIELD: &str = "csrf_token";

pub fn is_state_changing(method: &Method) -> bool {
    !matches!(
        *method,
        Method::GET | Method::HEAD | Method::OPTIONS | Method::TRACE
    )
}

/// Whether the browser says the request came from another site.
pub fn is_cross_site(headers: &HeaderMap, base_url: &str) -> bool {
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok())
        && !matches!(site, "same-origin" | "none")
    {
        return true;
    }
    if let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) {
        if origin == base_url {
            return false;
        }
        let origin_host = origin.split_once("://").map(|(_, host)| host);
        let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
        return origin_host.is_none() || origin_host != host;
    }
    false
}

/// Whether the submitted token matches the cookie, in constant time.
pub fn token_matches(headers: &HeaderMap, submitted: Option<&str>) -> bool {
    let (Some(cookie), Some(submitted)) = (cookies::get(headers, cookies::CSRF), submitted) else {
        return false;
    };
    cookie.len() == submitted.len()
        && cookie
            .bytes()
            .zip(submitted.bytes())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0
}

/// The token from an urlencoded body, the query string or the header.
pub fn submitted_token(
    headers: &HeaderMap,
    query: Option<&str>,
    form_body: Option<&[u8]>,
) -> Option<String> {
    let from_pairs = |bytes: &[u8]| {
        form_urlencoded_pairs(bytes)
            .find(|(k, _)| k == FIELD)
            .map(|(_, v)| v)
    };
    form_body
        .and_then(from_pairs)
        .or_else(|| query.and_then(|q| from_pairs(q.as_bytes())))
        .or_else(|| {
            headers
                .get("x-csrf-token")
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        })
}

fn form_urlencoded_pairs(bytes: &[u8]) -> impl Iterator<Item = (String, String)> + '_ {
    serde_urlencoded::from_bytes::<Vec<(String, String)>>(bytes)
        .unwrap_or_default()
        .into_iter()
}
