//! Every published service as CSV (the documented column set) or as a
//! JSON array of HSDS service objects, streamed: the directory is read in
//! pages of [`PAGE`] services by id, each page written out before the next
//! is read, so memory stays one page (a few hundred KB) however large the
//! directory is. Ordered by id, so two databases holding the same
//! directory export the same bytes.

use axum::body::Body;
use sqlx::PgPool;
use uuid::Uuid;

use super::columns::{self, COLUMNS};
use super::{csv, hsds, store};
use crate::directory::store::Service;

pub const PAGE: i64 = 500;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Json,
}

pub fn csv_header() -> String {
    csv::write_record(&COLUMNS)
}

pub fn csv_row(service: &Service) -> String {
    let values: Vec<String> = columns::values(service)
        .iter()
        .map(|v| columns::escape(v))
        .collect();
    let fields: Vec<&str> = values.iter().map(String::as_str).collect();
    csv::write_record(&fields)
}

/// The text of one page; `first` says whether it opens the file.
fn render(format: Format, services: &[Service], first: bool) -> String {
    let mut out = String::new();
    match format {
        Format::Csv => {
            for service in services {
                out.push_str(&csv_row(service));
            }
        }
        Format::Json => {
            for (i, service) in services.iter().enumerate() {
                if !(first && i == 0) {
                    out.push(',');
                }
                out.push('\n');
                out.push_str(&hsds::service(service).to_string());
            }
        }
    }
    out
}

struct Cursor {
    pool: PgPool,
    format: Format,
    /// The page read before the response started (so a database error
    /// there is a proper error page, not a cut-off download).
    pending: Option<Vec<Service>>,
    after: Option<Uuid>,
    first: bool,
    done: bool,
}

/// The response body: the first page (already read by the caller) and
/// the rest read as the client takes it.
pub fn body(pool: PgPool, format: Format, first_page: Vec<Service>) -> Body {
    let opening = match format {
        Format::Csv => csv_header(),
        Format::Json => "[".to_owned(),
    };
    let cursor = Cursor {
        pool,
        format,
        pending: Some(first_page),
        after: None,
        first: true,
        done: false,
    };
    let pages = futures_util::stream::unfold(cursor, |mut cursor| async move {
        if cursor.done {
            return None;
        }
        let page = match cursor.pending.take() {
            Some(page) => page,
            None => match store::published_page(&cursor.pool, cursor.after, PAGE).await {
                Ok(page) => page,
                Err(error) => {
                    // Headers are sent: all we can do is end the download
                    // visibly incomplete (the client sees a broken body).
                    tracing::error!(%error, "export stopped: cannot read the next page");
                    cursor.done = true;
                    return Some((Err(std::io::Error::other(error)), cursor));
                }
            },
        };
        let last_page = (page.len() as i64) < PAGE;
        let mut text = render(cursor.format, &page, cursor.first);
        cursor.first = cursor.first && page.is_empty();
        cursor.after = page.last().map(|s| s.service_id).or(cursor.after);
        if last_page {
            cursor.done = true;
            if cursor.format == Format::Json {
                text.push_str("\n]\n");
            }
        }
        Some((Ok(text), cursor))
    });
    let opening = futures_util::stream::once(async move { Ok::<String, std::io::Error>(opening) });
    Body::from_stream(futures_util::StreamExt::chain(opening, pages))
}
