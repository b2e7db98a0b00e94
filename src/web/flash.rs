//! One-time messages after a redirect ("Your profile is saved."). The cookie
//! carries a catalogue key, never free text, so it cannot inject anything.

use axum::http::header;
use axum::response::{IntoResponse, Response};

use super::cookies;
use super::redirect::see_other;

pub const COOKIE: &str = "kolega_flash";

/// A redirect to `path` that shows the message `key` on the next page.
pub fn redirect_with(path: &str, key: &str, secure: bool) -> Response {
    let mut response = see_other(path).into_response();
    response.headers_mut().append(
        header::SET_COOKIE,
        cookies::set(COOKIE, key, Some(60), secure),
    );
    response
}

/// A flash key is a catalogue message id.
pub fn is_valid_key(key: &str) -> bool {
    !key.is_empty()
        && key.len() < 64
        && key
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}
