//! Static files (CSS, icons, vendored front-end code) served from the
//! static directory with year-long caching; URLs carry a content hash, so a
//! new release is fetched at once.

use std::path::Path;
use std::sync::OnceLock;

use axum::Router;
use axum::http::{HeaderValue, header};
use sha2::{Digest, Sha256};
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;

static VERSION: OnceLock<String> = OnceLock::new();

pub fn router<S: Clone + Send + Sync + 'static>(dir: &Path) -> Router<S> {
    VERSION.get_or_init(|| content_hash(dir));
    Router::new().nest_service(
        "/static",
        tower::ServiceBuilder::new()
            .layer(SetResponseHeaderLayer::overriding(
                header::CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=31536000, immutable"),
            ))
            .service(ServeDir::new(dir)),
    )
}

pub fn versioned_url(path: &str) -> String {
    let version = VERSION.get().map(String::as_str).unwrap_or("dev");
    format!("/static/{path}?v={version}")
}

/// A short hash of every file's name and content.
fn content_hash(dir: &Path) -> String {
    let mut files = Vec::new();
    collect_files(dir, &mut files);
    files.sort();
    let mut hasher = Sha256::new();
    for file in files {
        hasher.update(file.to_string_lossy().as_bytes());
        hasher.update(std::fs::read(&file).unwrap_or_default());
    }
    hasher
        .finalize()
        .iter()
        .take(5)
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn collect_files(dir: &Path, files: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_files(&path, files);
        } else {
            files.push(path);
        }
    }
}
