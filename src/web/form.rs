//! `Form<T>`: axum's form extractor, with malformed input turned into our
//! friendly 400 page instead of a plain-text rejection.

use axum::extract::{FromRequest, Request};

use super::AppError;

pub struct Form<T>(pub T);

impl<T, S> FromRequest<S> for Form<T>
where
    axum::Form<T>: FromRequest<S>,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        axum::Form::<T>::from_request(request, state)
            .await
            .map(|axum::Form(value)| Form(value))
            .map_err(|_| AppError::BadRequest)
    }
}
