//! `Form<T>`: axum's form extractor, with malformed input turned into our
//! friendly 400 page instead of a plain-text rejection, and NUL characters
//! dropped (PostgreSQL text cannot hold them, so a `%00` in any field was
//! a 500 at the first query; no form of ours means anything by one).

use axum::body::{Body, to_bytes};
use axum::extract::{FromRequest, Request};
use axum::http::header;

use super::AppError;

pub struct Form<T>(pub T);

/// The most an urlencoded body may weigh here; the page shell has already
/// refused anything larger with the 413 page.
const BODY_LIMIT: usize = 2 * 1024 * 1024;

impl<T, S> FromRequest<S> for Form<T>
where
    axum::Form<T>: FromRequest<S>,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let request = without_nul(request).await?;
        axum::Form::<T>::from_request(request, state)
            .await
            .map(|axum::Form(value)| Form(value))
            .map_err(|_| AppError::BadRequest)
    }
}

/// The request with every NUL (`%00`, or a raw zero byte) taken out of its
/// query string and urlencoded body.
async fn without_nul(request: Request) -> Result<Request, AppError> {
    let (mut parts, body) = request.into_parts();
    if let Some(query) = parts.uri.query().filter(|q| q.contains("%00")) {
        let cleaned = query.replace("%00", "");
        let path = parts.uri.path();
        let uri = if cleaned.is_empty() {
            path.to_owned()
        } else {
            format!("{path}?{cleaned}")
        };
        parts.uri = uri.parse().map_err(|_| AppError::BadRequest)?;
    }
    let urlencoded = parts
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.starts_with("application/x-www-form-urlencoded"));
    if !urlencoded {
        return Ok(Request::from_parts(parts, body));
    }
    let bytes = to_bytes(body, BODY_LIMIT)
        .await
        .map_err(|_| AppError::PayloadTooLarge)?;
    let cleaned = strip_nul(&bytes);
    Ok(Request::from_parts(parts, Body::from(cleaned)))
}

/// `bytes` without `%00` sequences and zero bytes.
pub fn strip_nul(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i..].starts_with(b"%00") {
            i += 3;
        } else {
            if bytes[i] != 0 {
                out.push(bytes[i]);
            }
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::strip_nul;

    #[test]
    fn nul_characters_are_dropped_and_nothing_else() {
        assert_eq!(strip_nul(b"a=x%00y&b=%2500&c=\0z"), b"a=xy&b=%2500&c=z");
    }
}
