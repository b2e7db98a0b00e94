//! `Query<T>`: axum's query-string extractor, with a malformed query (a
//! repeated parameter, bad percent-encoding, a number that is not one)
//! turned into our friendly 400 page instead of a plain-text rejection.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;

use super::AppError;

pub struct Query<T>(pub T);

impl<T, S> FromRequestParts<S> for Query<T>
where
    axum::extract::Query<T>: FromRequestParts<S>,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        axum::extract::Query::<T>::from_request_parts(parts, state)
            .await
            .map(|axum::extract::Query(value)| Query(value))
            .map_err(|_| AppError::BadRequest)
    }
}
