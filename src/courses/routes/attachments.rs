//! A lesson's attachments, for whoever may edit the course: attaching a
//! library resource, an event's recording or an uploaded audio/video file
//! (checked by its content), removing one, and moving one up or down with
//! plain buttons. A refused form comes back on the lesson's edit page with
//! the message beside the field and the text kept (422).

use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::Response;

use super::syllabus::{MoveForm, lesson_page};
use super::{course_path, editable_course, parse_id};
use crate::app::AppState;
use crate::courses::attachment_forms::AttachForm;
use crate::courses::forms::LessonForm;
use crate::courses::media::{MAX_MEDIA_BYTES, MEDIA};
use crate::courses::policy;
use crate::courses::store::Course;
use crate::courses::store::attachments::{self, Target};
use crate::courses::store::syllabus::{self, Lesson};
use crate::courses::views::{AttachPanel, LessonFormPage};
use crate::courses::vocabulary::Direction;
use crate::library::files::{SavedFile, UploadError};
use crate::web::current_user::{CurrentUser, SignedIn};
use crate::web::flash::redirect_with;
use crate::web::form_errors::unprocessable;
use crate::web::rate_limit::{self, Limit};
use crate::web::{AppError, AppResult, Form, FormErrors, RequestContext};

/// Longest caption accepted from the multipart form before it is checked.
const FIELD_LIMIT: usize = 4 * 1024;

/// `/courses/<slug>/lessons/<id>/attachments`.
fn base(course: &Course, lesson: &Lesson) -> String {
    format!(
        "{}/lessons/{}/attachments",
        course_path(course),
        lesson.lesson_id
    )
}

/// The lesson's edit page, its anchor at the attachments.
fn edit_path(course: &Course, lesson: &Lesson) -> String {
    format!(
        "{}/lessons/{}/edit#attachments",
        course_path(course),
        lesson.lesson_id
    )
}

/// The attachments on the lesson's edit page, with the author's input.
pub(super) async fn panel(
    state: &AppState,
    ctx: &RequestContext,
    user: &CurrentUser,
    course: &Course,
    lesson: &Lesson,
    form: AttachForm,
    errors: FormErrors,
) -> AppResult<AttachPanel> {
    let any = policy::attaches_any_recording(user);
    let base = base(course, lesson);
    Ok(AttachPanel {
        attachments: attachments::list(&state.db, lesson.lesson_id).await?,
        recordings: attachments::recording_choices(&state.db, user.user_id, any).await?,
        form,
        errors,
        upload_action: format!("{base}/media?csrf_token={}", ctx.csrf_token),
        base,
        max_media_mb: MAX_MEDIA_BYTES / (1024 * 1024),
    })
}

/// The edit page again, a form refused (422; 503 when the store failed).
async fn refused(
    state: &AppState,
    ctx: &RequestContext,
    user: &CurrentUser,
    (course, lesson): (Course, Lesson),
    form: AttachForm,
    errors: FormErrors,
) -> AppResult<Response> {
    let module = syllabus::find_module(&state.db, course.course_id, lesson.module_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let panel = panel(state, ctx, user, &course, &lesson, form, errors).await?;
    let action = format!("{}/lessons/{}/edit", course_path(&course), lesson.lesson_id);
    let lesson_form = LessonForm {
        title: lesson.title,
        body: lesson.body,
        ..LessonForm::default()
    };
    let empty = (FormErrors::new(ctx.locale), Vec::new());
    let page: LessonFormPage = lesson_page(
        ctx,
        course,
        module.title,
        action,
        lesson_form,
        empty,
        Some(panel),
    );
    Ok(unprocessable(page))
}

/// The course (if she may edit it) and its lesson.
async fn editable_lesson(
    state: &AppState,
    ctx: &RequestContext,
    user: &CurrentUser,
    slug: &str,
    lesson_id: &str,
) -> AppResult<(Course, Lesson)> {
    let course = editable_course(state, ctx, user, slug).await?;
    let lesson = syllabus::find_lesson(&state.db, course.course_id, parse_id(lesson_id)?)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((course, lesson))
}

fn back_to_edit(state: &AppState, course: &Course, lesson: &Lesson, message: &str) -> Response {
    redirect_with(
        &edit_path(course, lesson),
        message,
        state.config.secure_cookies(),
    )
}

/// Attaches a published library resource the course's readers may open.
pub async fn attach_resource(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path((slug, lesson_id)): Path<(String, String)>,
    Form(form): Form<AttachForm>,
) -> AppResult<Response> {
    let (course, lesson) = editable_lesson(&state, &ctx, &user, &slug, &lesson_id).await?;
    let (resource_id, caption) = match form.resource(ctx.locale) {
        Ok(chosen) => chosen,
        Err(errors) => return refused(&state, &ctx, &user, (course, lesson), form, errors).await,
    };
    let resource = crate::library::store::find(&state.db, resource_id).await?;
    let problem = match &resource {
        None => Some("error-attachment-resource-unknown"),
        Some(r) if r.status != crate::library::vocabulary::ResourceStatus::Published => {
            Some("error-attachment-resource-unknown")
        }
        Some(r) if !policy::can_attach_resource(true, r.members_only, course.audience) => {
            Some("error-attachment-resource-members-only")
        }
        Some(_) => None,
    };
    if let Some(key) = problem {
        let mut errors = FormErrors::new(ctx.locale);
        errors.add("resource", key);
        return refused(&state, &ctx, &user, (course, lesson), form, errors).await;
    }
    let mut conn = state.db.acquire().await?;
    let target = Target::Resource(resource_id);
    attachments::add(
        &mut conn,
        lesson.lesson_id,
        target,
        &caption,
        state.clock.now(),
    )
    .await?;
    Ok(back_to_edit(
        &state,
        &course,
        &lesson,
        "course-attachment-added",
    ))
}

/// Attaches the recording of a public event she organises (moderators:
/// any public event) that has one.
pub async fn attach_recording(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path((slug, lesson_id)): Path<(String, String)>,
    Form(form): Form<AttachForm>,
) -> AppResult<Response> {
    let (course, lesson) = editable_lesson(&state, &ctx, &user, &slug, &lesson_id).await?;
    let chosen = form.recording(ctx.locale);
    let (event_id, caption) = match chosen {
        Ok(chosen) => chosen,
        Err(errors) => return refused(&state, &ctx, &user, (course, lesson), form, errors).await,
    };
    let any = policy::attaches_any_recording(&user);
    let choices = attachments::recording_choices(&state.db, user.user_id, any).await?;
    if !choices.iter().any(|c| c.event_id == event_id) {
        let mut errors = FormErrors::new(ctx.locale);
        errors.add("event_id", "error-attachment-recording");
        return refused(&state, &ctx, &user, (course, lesson), form, errors).await;
    }
    let mut conn = state.db.acquire().await?;
    let target = Target::Recording(event_id);
    attachments::add(
        &mut conn,
        lesson.lesson_id,
        target,
        &caption,
        state.clock.now(),
    )
    .await?;
    Ok(back_to_edit(
        &state,
        &course,
        &lesson,
        "course-attachment-added",
    ))
}

/// The caption and the file (already streamed into the store, or refused).
async fn read_upload(
    state: &AppState,
    mut multipart: Multipart,
) -> (AttachForm, Option<Result<SavedFile, UploadError>>) {
    let mut form = AttachForm::default();
    let mut file = None;
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(error) => {
                file.get_or_insert(Err(UploadError::Interrupted(error.to_string())));
                break;
            }
        };
        match field.name().unwrap_or_default() {
            // The first file chosen; an empty file input sends no name.
            "media" if field.file_name().is_some_and(|n| !n.is_empty()) && file.is_none() => {
                file = Some(state.files.save_upload_as(field, MEDIA).await);
            }
            "media_caption" => {
                // PostgreSQL text cannot hold NUL (as in `Form`).
                form.media_caption = field
                    .text()
                    .await
                    .unwrap_or_default()
                    .chars()
                    .filter(|c| *c != '\0')
                    .take(FIELD_LIMIT)
                    .collect();
            }
            _ => {}
        }
    }
    (form, file)
}

fn upload_message(error: &UploadError) -> &'static str {
    match error {
        UploadError::TooLarge => "error-media-too-large",
        UploadError::WrongType => "error-media-type",
        UploadError::Empty => "error-upload-empty",
        UploadError::Interrupted(_) => "error-upload-interrupted",
        UploadError::Store(_) => "error-upload-store",
    }
}

/// Uploads an audio or video file: kept only when its content is one of
/// the media types and the caption is fine; otherwise nothing is stored.
pub async fn upload_media(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path((slug, lesson_id)): Path<(String, String)>,
    multipart: Multipart,
) -> AppResult<Response> {
    let (course, lesson) = editable_lesson(&state, &ctx, &user, &slug, &lesson_id).await?;
    let (form, upload) = read_upload(&state, multipart).await;
    let mut errors = FormErrors::new(ctx.locale);
    let caption = form.media_caption(ctx.locale);
    if let Err(caption_errors) = &caption {
        for (field, text) in caption_errors.all() {
            errors.add_text(field, text.to_owned());
        }
    }
    let mut store_failed = false;
    let saved = match upload {
        Some(Ok(saved)) => Some(saved),
        Some(Err(error)) => {
            if let UploadError::Store(cause) = &error {
                tracing::error!(error = %cause, "a lesson's media could not be stored");
                store_failed = true;
            }
            errors.add("media", upload_message(&error));
            None
        }
        None => {
            errors.add("media", "error-media-missing");
            None
        }
    };
    if errors.is_empty() {
        let key = user.user_id.to_string();
        if !rate_limit::allow(&state.db, Limit::Upload, &key, state.clock.now()).await? {
            errors.add_text("media", Limit::Upload.message(ctx.locale));
        }
    }
    let (Some(saved), Ok(caption), true) = (&saved, &caption, errors.is_empty()) else {
        // Nothing is kept from a refused form: a file that passed goes too.
        if let Some(saved) = &saved {
            state.files.remove(&saved.storage_key).await;
        }
        let mut response = refused(&state, &ctx, &user, (course, lesson), form, errors).await?;
        if store_failed {
            *response.status_mut() = StatusCode::SERVICE_UNAVAILABLE;
        }
        return Ok(response);
    };
    let added = async {
        let mut tx = state.db.begin().await?;
        let now = state.clock.now();
        attachments::add(
            &mut tx,
            lesson.lesson_id,
            Target::Media(saved),
            caption,
            now,
        )
        .await?;
        tx.commit().await
    }
    .await;
    if let Err(error) = added {
        state.files.remove(&saved.storage_key).await;
        return Err(error.into());
    }
    Ok(back_to_edit(
        &state,
        &course,
        &lesson,
        "course-attachment-added",
    ))
}

/// Removes an attachment (an uploaded file leaves the store too).
pub async fn remove(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path((slug, lesson_id, attachment_id)): Path<(String, String, String)>,
) -> AppResult<Response> {
    let (course, lesson) = editable_lesson(&state, &ctx, &user, &slug, &lesson_id).await?;
    let attachment_id = parse_id(&attachment_id)?;
    let mut tx = state.db.begin().await?;
    let found = attachments::find(&mut *tx, lesson.lesson_id, attachment_id).await?;
    if found.is_none() {
        return Err(AppError::NotFound);
    }
    let file = attachments::remove(&mut tx, lesson.lesson_id, attachment_id).await?;
    tx.commit().await?;
    if let Some(storage_key) = file {
        state.files.remove(&storage_key).await;
    }
    Ok(back_to_edit(
        &state,
        &course,
        &lesson,
        "course-attachment-removed",
    ))
}

pub async fn move_attachment(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path((slug, lesson_id, attachment_id)): Path<(String, String, String)>,
    Form(form): Form<MoveForm>,
) -> AppResult<Response> {
    let (course, lesson) = editable_lesson(&state, &ctx, &user, &slug, &lesson_id).await?;
    let attachment_id = parse_id(&attachment_id)?;
    let direction = Direction::parse(&form.direction).ok_or(AppError::BadRequest)?;
    attachments::find(&state.db, lesson.lesson_id, attachment_id)
        .await?
        .ok_or(AppError::NotFound)?;
    attachments::move_attachment(&state.db, lesson.lesson_id, attachment_id, direction).await?;
    Ok(back_to_edit(&state, &course, &lesson, "course-moved"))
}
