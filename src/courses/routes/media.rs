//! `/courses/<slug>/lessons/<id>/media/<attachment>`: a lesson's uploaded
//! audio or video, to whoever may read the lesson (the lesson page's rule),
//! with byte ranges so the browser's player can start anywhere and seek.
//! The bytes stream from the store (a seek on disk, a ranged GET from the
//! bucket): serving a long video holds no more than a buffer of it.

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};

use super::lesson::may_read;
use super::{parse_id, visible_course};
use crate::app::AppState;
use crate::courses::media::extension;
use crate::courses::store::attachments;
use crate::courses::store::syllabus;
use crate::web::byte_range::ByteRange;
use crate::web::{AppError, AppResult, RequestContext};

pub async fn serve(
    State(state): State<AppState>,
    ctx: RequestContext,
    headers: HeaderMap,
    Path((slug, lesson_id, attachment_id)): Path<(String, String, String)>,
) -> AppResult<Response> {
    let course = visible_course(&state, &ctx, &slug).await?;
    let lesson = syllabus::find_lesson(&state.db, course.course_id, parse_id(&lesson_id)?)
        .await?
        .ok_or(AppError::NotFound)?;
    may_read(&state, &ctx, &course).await?;
    let attachment = attachments::find(&state.db, lesson.lesson_id, parse_id(&attachment_id)?)
        .await?
        .ok_or(AppError::NotFound)?;
    let (Some(key), Some(content_type), Some(size)) = (
        attachment.storage_key.as_deref(),
        attachment.content_type.as_deref(),
        attachment.size_bytes,
    ) else {
        return Err(AppError::NotFound);
    };
    let size = u64::try_from(size).unwrap_or_default();
    // Without validators of our own, an `If-Range` cannot be matched: the
    // RFC says to send the whole file then.
    let asked = headers
        .get(header::RANGE)
        .filter(|_| !headers.contains_key(header::IF_RANGE))
        .and_then(|v| v.to_str().ok());
    let range = ByteRange::of(asked, size);
    let (status, start, length) = match range {
        ByteRange::Whole => (StatusCode::OK, 0, size),
        ByteRange::Part { start, end } => (StatusCode::PARTIAL_CONTENT, start, end - start + 1),
        ByteRange::Unsatisfiable => {
            return Ok((
                StatusCode::RANGE_NOT_SATISFIABLE,
                [
                    (header::CONTENT_RANGE, format!("bytes */{size}")),
                    (header::ACCEPT_RANGES, "bytes".to_owned()),
                    (header::CONTENT_TYPE, "text/plain; charset=utf-8".to_owned()),
                ],
                "Range Not Satisfiable",
            )
                .into_response());
        }
    };
    let body: Body = state
        .files
        .open_range(key, start, length)
        .await
        .map_err(|error| {
            if error.kind() == std::io::ErrorKind::NotFound {
                // Ours to fix: a record points to no file.
                AppError::Internal(anyhow::anyhow!("stored media {key}: {error}"))
            } else {
                // The store (disk or bucket) failing: it may come back.
                AppError::StorageUnavailable(format!("stored media {key}: {error}"))
            }
        })?;
    let mut response = (status, body).into_response();
    let headers = response.headers_mut();
    let mut set = |name, value: String| {
        if let Ok(value) = value.parse() {
            headers.insert(name, value);
        }
    };
    set(header::CONTENT_TYPE, content_type.to_owned());
    set(header::CONTENT_LENGTH, length.to_string());
    set(header::ACCEPT_RANGES, "bytes".to_owned());
    set(
        header::CONTENT_DISPOSITION,
        disposition(
            &attachment.caption,
            attachment.file_name.as_deref(),
            content_type,
        ),
    );
    // Readers of a members-only course only: no shared cache keeps it.
    set(header::CACHE_CONTROL, "private, max-age=3600".to_owned());
    if status == StatusCode::PARTIAL_CONTENT {
        let end = start + length - 1;
        set(header::CONTENT_RANGE, format!("bytes {start}-{end}/{size}"));
    }
    Ok(response)
}

/// `inline` (played in the page; the download link saves it) with a name
/// of ASCII letters, digits and dashes from the caption or the uploaded
/// file's name, so no quote or slash in either can mislead a client.
fn disposition(caption: &str, file_name: Option<&str>, content_type: &str) -> String {
    let stem = file_name
        .map(|name| name.rsplit_once('.').map_or(name, |(stem, _)| stem))
        .unwrap_or_default();
    let source = if caption.is_empty() { stem } else { caption };
    let base: String = crate::text::search::slugify(source)
        .chars()
        .take(80)
        .collect();
    let base = if base.is_empty() {
        "snimak".to_owned()
    } else {
        base
    };
    format!("inline; filename=\"{base}.{}\"", extension(content_type))
}

#[cfg(test)]
mod tests {
    use super::disposition;

    #[test]
    fn the_name_offered_is_safe() {
        assert_eq!(
            disposition("", Some("Predavanje \"1\"/../x.mp4"), "video/mp4"),
            "inline; filename=\"predavanje-1-x.mp4\""
        );
        assert_eq!(
            disposition("Разговор са породицом", Some("a.webm"), "audio/mpeg"),
            "inline; filename=\"razgovor-sa-porodicom.mp3\""
        );
        assert_eq!(
            disposition("", None, "audio/wav"),
            "inline; filename=\"snimak.wav\""
        );
    }
}
