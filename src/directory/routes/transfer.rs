//! `/services/export.csv` and `/services/export.json`: the published
//! directory for anyone to reuse, at stable addresses. `/services/import`:
//! a moderator uploads a CSV or HSDS JSON file and sees what it would do —
//! new and updated services, or every problem with its line — and nothing
//! is written until they confirm a file without problems.
//!
//! The upload is kept in `service_imports` between preview and confirm
//! (with its SHA-256, which the preview's confirm form carries): a file
//! input cannot be re-posted by the browser, and a 10 MB file in a hidden
//! field would be a page of 10 MB. Confirming imports exactly the text
//! that was previewed, checked again inside the one transaction that
//! writes it all.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Multipart, Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::Duration;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::app::AppState;
use crate::directory::policy;
use crate::directory::transfer::columns::COLUMNS;
use crate::directory::transfer::csv::Delimiter;
use crate::directory::transfer::encoding::TextEncoding;
use crate::directory::transfer::export::{self, PAGE};
use crate::directory::transfer::import::{self, PROBLEMS_LISTED, Plan, Planned, Problem};
use crate::directory::transfer::store;
use crate::web::current_user::SignedIn;
use crate::web::flash::redirect_with;
use crate::web::{AppError, AppResult, Form, Page, RequestContext};

/// The largest file accepted (about 20,000 services with long texts).
pub const MAX_IMPORT_BYTES: usize = 10 * 1024 * 1024;

/// How many of a valid file's records the preview lists.
const RECORDS_LISTED: usize = 100;

/// An unconfirmed upload is kept this long.
const UPLOAD_KEPT_HOURS: i64 = 24;

pub async fn export_csv(State(state): State<AppState>) -> AppResult<Response> {
    export(&state, export::Format::Csv).await
}

pub async fn export_json(State(state): State<AppState>) -> AppResult<Response> {
    export(&state, export::Format::Json).await
}

async fn export(state: &AppState, format: export::Format) -> AppResult<Response> {
    let first_page = store::published_page(&state.db, None, PAGE).await?;
    let date = state
        .clock
        .now()
        .with_timezone(&chrono_tz::Europe::Belgrade)
        .format("%Y-%m-%d");
    let (content_type, extension) = match format {
        export::Format::Csv => ("text/csv; charset=utf-8", "csv"),
        export::Format::Json => ("application/json", "json"),
    };
    let disposition = format!("attachment; filename=\"kolega-services-{date}.{extension}\"");
    Ok((
        [
            (header::CONTENT_TYPE, content_type.to_owned()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        export::body(state.db.clone(), format, first_page),
    )
        .into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "directory/import.html")]
pub struct ImportPage {
    pub page: Page,
    pub action: String,
    /// Why the last upload could not be read at all (a catalogue key).
    pub error: Option<String>,
    pub max_megabytes: usize,
}

impl ImportPage {
    pub fn columns(&self) -> &'static [&'static str] {
        &COLUMNS
    }
}

fn import_page(ctx: &RequestContext, error: Option<&str>) -> ImportPage {
    ImportPage {
        page: Page::titled(ctx, "services-import-title").in_section("services"),
        action: format!("/services/import?csrf_token={}", ctx.csrf_token),
        error: error.map(str::to_owned),
        max_megabytes: MAX_IMPORT_BYTES / (1024 * 1024),
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "directory/import_preview.html")]
pub struct ImportPreviewPage {
    pub page: Page,
    pub file_name: String,
    pub format: &'static str,
    /// How the upload's bytes were read (not known when a stored upload
    /// is checked again on confirming).
    pub encoding: Option<TextEncoding>,
    pub delimiter: Option<Delimiter>,
    pub new_count: usize,
    pub updated_count: usize,
    pub record_count: usize,
    /// Records without a problem of their own.
    pub sound_count: usize,
    pub records: Vec<Planned>,
    pub problem_count: usize,
    pub problems: Vec<Problem>,
    /// Set when the file is valid: the confirm form's target and check.
    pub import_id: Option<Uuid>,
    pub sha256: String,
}

impl ImportPreviewPage {
    pub fn is_json(&self) -> bool {
        self.format == "hsds-json"
    }

    pub fn line(&self, line: &Option<usize>) -> String {
        line.map_or_else(|| "—".to_owned(), |l| l.to_string())
    }

    /// "Read as Windows-1250, fields separated by semicolons": so a
    /// moderator whose names look wrong knows why.
    pub fn reading(&self) -> Option<String> {
        let encoding = self.encoding?.name();
        let kind = match self.delimiter {
            Some(delimiter) => delimiter.slug(),
            None if self.is_json() => "json",
            None => return None,
        };
        Some(self.page.t1(
            &format!("services-import-read-{kind}"),
            "encoding",
            encoding,
        ))
    }
}

fn preview_page(
    ctx: &RequestContext,
    file_name: &str,
    encoding: Option<TextEncoding>,
    plan: Plan,
    saved: Option<(Uuid, String)>,
) -> ImportPreviewPage {
    let mut problems = plan.problems.clone();
    let problem_count = problems.len();
    problems.truncate(PROBLEMS_LISTED);
    let (import_id, sha256) = saved.map_or((None, String::new()), |(id, sha)| (Some(id), sha));
    ImportPreviewPage {
        page: Page::titled(ctx, "services-import-preview-title").in_section("services"),
        file_name: file_name.to_owned(),
        format: plan.format.slug(),
        encoding,
        delimiter: plan.delimiter,
        new_count: plan.new_count(),
        updated_count: plan.updated_count(),
        record_count: plan.records.len(),
        sound_count: plan.sound_count(),
        records: plan.records.into_iter().take(RECORDS_LISTED).collect(),
        problem_count,
        problems,
        import_id,
        sha256,
    }
}

/// A preview with problems is a form with errors: 422.
fn preview_response(page: ImportPreviewPage) -> Response {
    let status = if page.import_id.is_some() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    (status, page).into_response()
}

pub async fn form(ctx: RequestContext, SignedIn(user): SignedIn) -> AppResult<ImportPage> {
    policy::require_curator(&user)?;
    Ok(import_page(&ctx, None))
}

enum Upload {
    File { name: String, bytes: Vec<u8> },
    Missing,
    TooLarge,
    Broken,
}

/// The form's `file` field, read up to [`MAX_IMPORT_BYTES`].
async fn read_upload(mut multipart: Multipart) -> Upload {
    let failed = |error: axum::extract::multipart::MultipartError| {
        if error.status() == StatusCode::PAYLOAD_TOO_LARGE {
            Upload::TooLarge
        } else {
            Upload::Broken
        }
    };
    loop {
        let mut field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => return Upload::Missing,
            Err(error) => return failed(error),
        };
        if field.name() != Some("file") {
            continue;
        }
        let name: String = field
            .file_name()
            .unwrap_or_default()
            .chars()
            .filter(|c| !c.is_control())
            .take(200)
            .collect();
        let mut bytes = Vec::new();
        loop {
            match field.chunk().await {
                Ok(Some(chunk)) => {
                    if bytes.len() + chunk.len() > MAX_IMPORT_BYTES {
                        return Upload::TooLarge;
                    }
                    bytes.extend_from_slice(&chunk);
                }
                Ok(None) => break,
                Err(error) => return failed(error),
            }
        }
        if bytes.is_empty() {
            return Upload::Missing;
        }
        return Upload::File { name, bytes };
    }
}

fn sha256_hex(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[tracing::instrument(skip_all, fields(user_id = %user.user_id))]
pub async fn upload(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    multipart: Multipart,
) -> AppResult<Response> {
    policy::require_curator(&user)?;
    let (file_name, bytes) = match read_upload(multipart).await {
        Upload::File { name, bytes } => (name, bytes),
        Upload::Missing => {
            let page = import_page(&ctx, Some("error-import-no-file"));
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
        Upload::TooLarge => {
            let page = import_page(&ctx, Some("error-import-too-large"));
            return Ok((StatusCode::PAYLOAD_TOO_LARGE, page).into_response());
        }
        Upload::Broken => {
            let page = import_page(&ctx, Some("error-import-broken-upload"));
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    };
    let (text, encoding) = match import::decode(&bytes) {
        Ok(decoded) => (decoded.text, decoded.encoding),
        Err(problem) => {
            let plan = Plan {
                format: import::Format::Csv,
                delimiter: None,
                records: Vec::new(),
                problems: vec![problem],
            };
            let page = preview_page(&ctx, &file_name, None, plan, None);
            return Ok(preview_response(page));
        }
    };
    drop(bytes);
    let now = state.clock.now();
    let mut conn = state.db.acquire().await?;
    let plan = import::plan(&mut conn, &text).await?;
    let saved = if plan.is_valid() {
        store::forget_uploads(&mut *conn, now - Duration::hours(UPLOAD_KEPT_HOURS)).await?;
        let sha256 = sha256_hex(&text);
        let import_id = store::save_upload(
            &mut *conn,
            user.user_id,
            &file_name,
            plan.format.slug(),
            &text,
            &sha256,
            now,
        )
        .await?;
        Some((import_id, sha256))
    } else {
        None
    };
    Ok(preview_response(preview_page(
        &ctx,
        &file_name,
        Some(encoding),
        plan,
        saved,
    )))
}

#[tracing::instrument(skip_all, fields(user_id = %user.user_id, import_id = %id))]
pub async fn confirm(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    policy::require_curator(&user)?;
    let import_id: Uuid = id.parse().map_err(|_| AppError::NotFound)?;
    let sha256 = pairs
        .iter()
        .find(|(k, _)| k == "sha256")
        .map(|(_, v)| v.trim().to_owned())
        .unwrap_or_default();
    let now = state.clock.now();
    let mut tx = state.db.begin().await?;
    let upload = store::lock_upload(&mut tx, import_id, user.user_id)
        .await?
        .ok_or(AppError::NotFound)?;
    if upload.imported_at.is_some()
        || upload.sha256 != sha256
        || sha256_hex(&upload.content) != sha256
    {
        return Err(AppError::Conflict);
    }
    // Checked again: the directory may have changed since the preview.
    let plan = import::plan(&mut tx, &upload.content).await?;
    if !plan.is_valid() {
        drop(tx);
        return Ok(preview_response(preview_page(
            &ctx,
            &upload.file_name,
            None,
            plan,
            None,
        )));
    }
    import::write(&mut tx, &plan, now).await?;
    let created = i32::try_from(plan.new_count()).unwrap_or(i32::MAX);
    let updated = i32::try_from(plan.updated_count()).unwrap_or(i32::MAX);
    store::mark_imported(&mut *tx, import_id, created, updated, now).await?;
    tx.commit().await?;
    tracing::info!(created, updated, "directory file imported");
    Ok(redirect_with(
        "/services",
        "services-import-done",
        state.config.secure_cookies(),
    ))
}
