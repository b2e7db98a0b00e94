//! One error type for handlers. It turns into a response that carries an
//! [`ErrorPage`] marker; the page shell, which knows the visitor's language,
//! renders the friendly page. Internals are logged, never shown.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

pub type AppResult<T> = Result<T, AppError>;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("bad request")]
    BadRequest,
    #[error("sign-in required")]
    Unauthorized,
    #[error("forbidden")]
    Forbidden,
    #[error("cross-site request refused")]
    CsrfRejected,
    #[error("not found")]
    NotFound,
    #[error("method not allowed")]
    MethodNotAllowed,
    #[error("conflict")]
    Conflict,
    #[error("request body too large")]
    PayloadTooLarge,
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    #[error("mail: {0}")]
    Mail(String),
    #[error("template: {0}")]
    Template(#[from] askama::Error),
    /// A store the page needs (the library's files) is not answering.
    #[error("storage unavailable: {0}")]
    StorageUnavailable(String),
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

/// Which friendly page to show; attached to error responses as an extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorPage {
    BadRequest,
    Unauthorized,
    Forbidden,
    CsrfRejected,
    NotFound,
    MethodNotAllowed,
    Conflict,
    PayloadTooLarge,
    Timeout,
    Internal,
    Unavailable,
    StorageUnavailable,
}

impl ErrorPage {
    pub fn status(self) -> StatusCode {
        match self {
            ErrorPage::BadRequest => StatusCode::BAD_REQUEST,
            ErrorPage::Unauthorized => StatusCode::UNAUTHORIZED,
            ErrorPage::Forbidden | ErrorPage::CsrfRejected => StatusCode::FORBIDDEN,
            ErrorPage::NotFound => StatusCode::NOT_FOUND,
            ErrorPage::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ErrorPage::Conflict => StatusCode::CONFLICT,
            ErrorPage::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ErrorPage::Timeout => StatusCode::REQUEST_TIMEOUT,
            ErrorPage::Internal => StatusCode::INTERNAL_SERVER_ERROR,
            ErrorPage::Unavailable | ErrorPage::StorageUnavailable => {
                StatusCode::SERVICE_UNAVAILABLE
            }
        }
    }

    /// The catalogue key prefix of this page's title and explanation.
    pub fn message_key(self) -> &'static str {
        match self {
            ErrorPage::BadRequest => "error-400",
            ErrorPage::Unauthorized => "error-401",
            ErrorPage::Forbidden => "error-403",
            ErrorPage::CsrfRejected => "error-csrf",
            ErrorPage::NotFound => "error-404",
            ErrorPage::MethodNotAllowed => "error-405",
            ErrorPage::Conflict => "error-409",
            ErrorPage::PayloadTooLarge => "error-413",
            ErrorPage::Timeout => "error-408",
            ErrorPage::Internal => "error-500",
            ErrorPage::Unavailable => "error-503",
            ErrorPage::StorageUnavailable => "error-storage",
        }
    }

    /// The page for a bare status from a layer that knows nothing of ours.
    pub fn for_status(status: StatusCode) -> Option<ErrorPage> {
        Some(match status {
            StatusCode::BAD_REQUEST
            | StatusCode::UNPROCESSABLE_ENTITY
            | StatusCode::UNSUPPORTED_MEDIA_TYPE => ErrorPage::BadRequest,
            StatusCode::FORBIDDEN => ErrorPage::Forbidden,
            StatusCode::NOT_FOUND => ErrorPage::NotFound,
            StatusCode::METHOD_NOT_ALLOWED => ErrorPage::MethodNotAllowed,
            StatusCode::PAYLOAD_TOO_LARGE => ErrorPage::PayloadTooLarge,
            StatusCode::REQUEST_TIMEOUT => ErrorPage::Timeout,
            StatusCode::SERVICE_UNAVAILABLE => ErrorPage::Unavailable,
            s if s.is_server_error() => ErrorPage::Internal,
            _ => return None,
        })
    }

    /// A bare response carrying this marker, for the shell to render.
    pub fn response(self) -> Response {
        let mut response = self.status().into_response();
        response.extensions_mut().insert(self);
        response
    }
}

impl AppError {
    fn page(&self) -> ErrorPage {
        match self {
            AppError::BadRequest => ErrorPage::BadRequest,
            AppError::Unauthorized => ErrorPage::Unauthorized,
            AppError::Forbidden => ErrorPage::Forbidden,
            AppError::CsrfRejected => ErrorPage::CsrfRejected,
            AppError::NotFound => ErrorPage::NotFound,
            AppError::MethodNotAllowed => ErrorPage::MethodNotAllowed,
            AppError::Conflict => ErrorPage::Conflict,
            AppError::PayloadTooLarge => ErrorPage::PayloadTooLarge,
            AppError::Database(error) if is_outage(error) => ErrorPage::Unavailable,
            AppError::StorageUnavailable(_) => ErrorPage::StorageUnavailable,
            AppError::Database(_)
            | AppError::Mail(_)
            | AppError::Template(_)
            | AppError::Internal(_) => ErrorPage::Internal,
        }
    }
}

/// Whether a database error means "the database is unreachable right now"
/// (show the 503 page and recover) rather than a bug.
pub fn is_outage(error: &sqlx::Error) -> bool {
    match error {
        sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed | sqlx::Error::Io(_) => true,
        sqlx::Error::Database(db) => {
            // 57P01..03: admin shutdown, crash shutdown, cannot connect now.
            db.code()
                .is_some_and(|code| code.starts_with("57P") || code.starts_with("08"))
        }
        _ => false,
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let page = self.page();
        if page.status().is_server_error() {
            tracing::error!(error = %self, "request failed");
        }
        page.response()
    }
}
