//! What every handler knows about the request it serves: the interface
//! language and the visitor's CSRF token. Computed once by the page shell.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, header};
use base64::Engine;
use rand::RngCore;

use super::AppError;
use super::cookies;
use crate::i18n::Locale;
use crate::web::current_user::CurrentUser;

#[derive(Debug, Clone)]
pub struct RequestContext {
    pub locale: Locale,
    /// The token forms must send back (see `web::csrf`).
    pub csrf_token: String,
    /// Path and query of this request, for "back" links and `next=`.
    pub path: String,
    /// The signed-in member, if any.
    pub user: Option<CurrentUser>,
    /// The client's address, for per-IP limits.
    pub client_ip: String,
    /// Members and guests active in the last five minutes.
    pub online: OnlineCounts,
    /// A one-time message from the previous page, already translated.
    pub flash: Option<String>,
    /// A GET (or HEAD): the page can be linked to again as it is, with
    /// `?izvorno=1` say; a form re-shown after a POST cannot.
    pub is_read: bool,
}

/// Members and guests active in the last five minutes, for the footer
/// (counted by `members::presence`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OnlineCounts {
    pub members: i64,
    pub guests: i64,
}

impl RequestContext {
    pub fn from_headers(headers: &HeaderMap, path: String) -> (RequestContext, bool) {
        let locale = cookies::get(headers, cookies::LANGUAGE)
            .and_then(Locale::from_tag)
            .or_else(|| {
                headers
                    .get(header::ACCEPT_LANGUAGE)
                    .and_then(|v| v.to_str().ok())
                    .and_then(Locale::from_accept_language)
            })
            .unwrap_or_default();
        let existing = cookies::get(headers, cookies::CSRF).filter(|t| is_well_formed_token(t));
        let is_new = existing.is_none();
        let csrf_token = existing.map(str::to_owned).unwrap_or_else(new_token);
        (
            RequestContext {
                locale,
                csrf_token,
                path,
                user: None,
                client_ip: String::new(),
                online: OnlineCounts::default(),
                flash: None,
                is_read: true,
            },
            is_new,
        )
    }
}

/// 32 random bytes, URL-safe base64.
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

fn is_well_formed_token(token: &str) -> bool {
    token.len() == 43
        && token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

impl<S: Send + Sync> FromRequestParts<S> for RequestContext {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<RequestContext>()
            .cloned()
            .ok_or_else(|| {
                AppError::Internal(anyhow::anyhow!(
                    "the page shell middleware is not installed"
                ))
            })
    }
}
