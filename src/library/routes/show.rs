//! `/library/<id>`: the record, "cite this", and the streamed download.

use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

use super::{Viewable, viewable_resource, visible_resource};
use crate::app::AppState;
use crate::library::files::{PDF, content_disposition};
use crate::library::views::{MembersOnlyPage, PrintPage, ResourcePage};
use crate::library::vocabulary::ResourceStatus;
use crate::library::{cite, policy, store};
use crate::text::markdown;
use crate::web::{AppError, AppResult, Page, RequestContext};

pub async fn show(
    State(state): State<AppState>,
    ctx: RequestContext,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let resource = match viewable_resource(&state, &ctx, &id).await? {
        Viewable::Open(resource) => resource,
        // A link shared from a public page: say what it is and how to get in,
        // rather than "not found". Nothing of the resource itself is shown.
        Viewable::ForMembers(resource) => {
            let page = MembersOnlyPage {
                page: Page::titled(&ctx, "library-members-only-title"),
                next: format!("/library/{}", resource.resource_id),
            };
            return Ok((StatusCode::FORBIDDEN, page).into_response());
        }
    };
    let curates = policy::curates(ctx.user.as_ref());
    let own = ctx
        .user
        .as_ref()
        .is_some_and(|u| Some(u.user_id) == resource.submitted_by);
    let url = format!("{}/library/{}", state.config.base_url, resource.resource_id);
    Ok(ResourcePage {
        page: Page::new(&ctx, resource.title.clone())
            .with_content_title(&resource.language)
            .in_section("library"),
        summary_html: markdown::render(&resource.summary),
        citation: cite::apa(&resource, &url),
        related: store::related(&state.db, resource.resource_id).await?,
        changes: if curates {
            store::changes(&state.db, resource.resource_id).await?
        } else {
            Vec::new()
        },
        can_edit: curates || (own && resource.status.is_with_submitter()),
        can_submit: own && resource.status.is_with_submitter(),
        curates,
        resource,
    }
    .into_response())
}

/// Streams the file (never held whole in memory) with its real type and a
/// safe name, and counts the download.
pub async fn download(
    State(state): State<AppState>,
    ctx: RequestContext,
    Path(id): Path<String>,
) -> AppResult<Response> {
    stream_file(&state, &ctx, &id, false).await
}

/// A PDF shown in the browser rather than saved (not counted as a download).
pub async fn preview(
    State(state): State<AppState>,
    ctx: RequestContext,
    Path(id): Path<String>,
) -> AppResult<Response> {
    stream_file(&state, &ctx, &id, true).await
}

/// The record on its own, for printing.
pub async fn print(
    State(state): State<AppState>,
    ctx: RequestContext,
    Path(id): Path<String>,
) -> AppResult<PrintPage> {
    let resource = visible_resource(&state, &ctx, &id).await?;
    let url = format!("{}/library/{}", state.config.base_url, resource.resource_id);
    Ok(PrintPage {
        page: Page::new(&ctx, resource.title.clone()),
        summary_html: markdown::render(&resource.summary),
        citation: cite::apa(&resource, &url),
        url,
        resource,
    })
}

async fn stream_file(
    state: &AppState,
    ctx: &RequestContext,
    id: &str,
    inline: bool,
) -> AppResult<Response> {
    let resource = visible_resource(state, ctx, id).await?;
    let (Some(key), Some(content_type)) = (&resource.storage_key, &resource.content_type) else {
        return Err(AppError::NotFound);
    };
    let body = state.files.open(key).await.map_err(|error| {
        if error.kind() == std::io::ErrorKind::NotFound {
            // Ours to fix: a record points to no file.
            AppError::Internal(anyhow::anyhow!("stored file {key}: {error}"))
        } else {
            // The store (disk or bucket) failing: it may come back.
            AppError::StorageUnavailable(format!("stored file {key}: {error}"))
        }
    })?;
    if inline && content_type != PDF {
        return Err(AppError::NotFound);
    }
    if resource.status == ResourceStatus::Published && !inline {
        store::count_download(&state.db, resource.resource_id).await?;
    }
    let disposition = content_disposition(&resource.title, content_type);
    let disposition = if inline {
        disposition.replacen("attachment", "inline", 1)
    } else {
        disposition
    };
    let mut headers = vec![
        (header::CONTENT_TYPE, content_type.clone()),
        (header::CONTENT_DISPOSITION, disposition),
    ];
    if let Some(size) = resource.size_bytes {
        headers.push((header::CONTENT_LENGTH, size.to_string()));
    }
    let mut response = body.into_response();
    for (name, value) in headers {
        if let Ok(value) = value.parse() {
            response.headers_mut().insert(name, value);
        }
    }
    Ok(response)
}
