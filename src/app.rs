//! Application state shared by every handler, and the middleware stack.

use std::any::Any;
use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::extract::DefaultBodyLimit;
use axum::http::{Request, StatusCode};
use axum::response::Response;
use sqlx::PgPool;
use tower::ServiceBuilder;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::compression::predicate::{DefaultPredicate, NotForContentType, Predicate};
use tower_http::request_id::{
    MakeRequestUuid, PropagateRequestIdLayer, RequestId, SetRequestIdLayer,
};
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::{DefaultOnResponse, TraceLayer};

use crate::clock::Clock;
use crate::config::Config;
use crate::library::files::FileStore;
use crate::members::presence::Presence;
use crate::web::error::ErrorPage;
use crate::web::security;

pub mod shell;

#[derive(Clone)]
pub struct AppState {
    pub db: PgPool,
    pub config: Arc<Config>,
    pub clock: Clock,
    pub presence: Arc<Presence>,
    /// Library files: a local directory or an S3-compatible bucket.
    pub files: FileStore,
    /// Request counts and latency for `/metrics`.
    pub metrics: Arc<crate::web::metrics::Metrics>,
    /// Paths whose POSTs the page shell lets through without the CSRF
    /// token: the features that own them say why (their hooks carry their
    /// own proof), and the app, which knows the features, collects them.
    pub csrf_exempt: &'static [&'static str],
}

impl AppState {
    pub fn new(db: PgPool, config: Config, clock: Clock) -> anyhow::Result<AppState> {
        Ok(AppState {
            db,
            files: FileStore::from_config(&config)?,
            config: Arc::new(config),
            clock,
            presence: Arc::default(),
            metrics: Arc::default(),
            csrf_exempt: crate::notify::routes::CSRF_EXEMPT,
        })
    }
}

/// The most any request body may weigh unless a route allows more.
const BODY_LIMIT: usize = 2 * 1024 * 1024;

/// Wraps the feature routes in the page shell and the tower-http layers.
/// `pages` get the full shell; `assets` only the outer layers (no cookies).
pub fn with_middleware(
    state: AppState,
    pages: Router<AppState>,
    assets: Router<AppState>,
) -> Router {
    let timeout = state.config.request_timeout;
    let pages = pages
        .fallback(|| async { crate::web::AppError::NotFound })
        .method_not_allowed_fallback(|| async { crate::web::AppError::MethodNotAllowed })
        .layer(
            ServiceBuilder::new()
                .layer(axum::middleware::from_fn_with_state(
                    state.clone(),
                    crate::web::metrics::record,
                ))
                .layer(axum::middleware::from_fn_with_state(
                    state.clone(),
                    shell::page_shell,
                ))
                .layer(TimeoutLayer::with_status_code(
                    StatusCode::REQUEST_TIMEOUT,
                    timeout,
                ))
                .layer(CatchPanicLayer::custom(panic_response))
                .layer(DefaultBodyLimit::max(BODY_LIMIT)),
        );
    let [csp, nosniff, referrer, frames, permissions] = security::layers();
    Router::new()
        .merge(assets)
        .merge(pages)
        .layer(
            ServiceBuilder::new()
                .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
                .layer(
                    TraceLayer::new_for_http()
                        .make_span_with(request_span)
                        .on_response(DefaultOnResponse::new().level(tracing::Level::INFO)),
                )
                .layer(PropagateRequestIdLayer::x_request_id())
                .layer(csp)
                .layer(nosniff)
                .layer(referrer)
                .layer(frames)
                .layer(permissions)
                // Audio and video are compressed already, and a gzipped
                // whole file would lose `Accept-Ranges` (players seek by it).
                .layer(
                    CompressionLayer::new().compress_when(
                        DefaultPredicate::new()
                            .and(NotForContentType::const_new("audio/"))
                            .and(NotForContentType::const_new("video/")),
                    ),
                ),
        )
        .with_state(state)
}

/// Every log line of a request carries its id, method and path.
fn request_span(request: &Request<Body>) -> tracing::Span {
    let request_id = request
        .extensions()
        .get::<RequestId>()
        .and_then(|id| id.header_value().to_str().ok())
        .unwrap_or("-");
    tracing::info_span!("request", id = %request_id, method = %request.method(), path = %request.uri().path())
}

/// A panic in a handler becomes the 500 page and a log line, never a
/// dropped connection.
fn panic_response(panic: Box<dyn Any + Send + 'static>) -> Response {
    let message = panic
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| panic.downcast_ref::<&str>().copied())
        .unwrap_or("(no message)");
    tracing::error!(panic = message, "a handler panicked");
    ErrorPage::Internal.response()
}
