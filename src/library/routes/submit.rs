//! `/library/new`: a verified member submits a resource (a file or a link);
//! it stays a draft until they send it for review. Drafts and returned
//! resources can be edited by their submitter, anything by moderators.

use std::collections::HashMap;

use axum::extract::{Multipart, Path, State};
use axum::response::Response;

use super::visible_resource;
use crate::app::AppState;
use crate::library::files::{FileStore, SavedFile, UploadError};
use crate::library::forms::ResourceForm;
use crate::library::policy;
use crate::library::store::{self, Resource};
use crate::library::submission;
use crate::library::views::ResourceFormPage;
use crate::library::vocabulary::{ResourceAudience, ResourceKind};
use crate::web::current_user::{CurrentUser, SignedIn};
use crate::web::flash::redirect_with;
use crate::web::form_errors::unprocessable;
use crate::web::rate_limit::{self, Limit};
use crate::web::{AppError, AppResult, Form, FormErrors, Page, RequestContext};

/// Longest text field accepted from the multipart form.
const FIELD_LIMIT: usize = 64 * 1024;

async fn topics(state: &AppState) -> AppResult<Vec<(String, String, String)>> {
    Ok(store::topics(&state.db).await?)
}

async fn form_page(
    state: &AppState,
    ctx: &RequestContext,
    title: &str,
    action: String,
    form: ResourceForm,
    errors: FormErrors,
    with_file: bool,
) -> AppResult<ResourceFormPage> {
    Ok(ResourceFormPage {
        page: Page::titled(ctx, title).in_section("library"),
        action,
        form,
        errors,
        with_file,
        topics: topics(state).await?,
        kinds: ResourceKind::ALL,
        languages: &policy::LANGUAGES,
        audiences: ResourceAudience::ALL,
    })
}

pub async fn new_form(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
) -> AppResult<ResourceFormPage> {
    if !policy::can_submit(&user) {
        return Err(AppError::Forbidden);
    }
    let form = ResourceForm {
        language: "sr".into(),
        script: "latin".into(),
        audiences: vec!["professionals".into()],
        ..ResourceForm::default()
    };
    let action = format!("/library/new?csrf_token={}", ctx.csrf_token);
    form_page(
        &state,
        &ctx,
        "library-new-title",
        action,
        form,
        FormErrors::new(ctx.locale),
        true,
    )
    .await
}

/// The form's text fields and its file (already streamed into the store).
async fn read_multipart(
    store: &FileStore,
    mut multipart: Multipart,
) -> (
    HashMap<String, Vec<String>>,
    Option<Result<SavedFile, UploadError>>,
) {
    let mut fields: HashMap<String, Vec<String>> = HashMap::new();
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
        let name = field.name().unwrap_or_default().to_owned();
        if name == "file" {
            if field.file_name().is_some_and(|n| !n.is_empty()) {
                file = Some(store.save_upload(field).await);
            }
            continue;
        }
        let text = match field.text().await {
            // PostgreSQL text cannot hold NUL (as in `Form`, see web/form.rs).
            Ok(text) => text
                .chars()
                .filter(|c| *c != '\0')
                .take(FIELD_LIMIT)
                .collect(),
            Err(_) => String::new(),
        };
        fields.entry(name).or_default().push(text);
    }
    (fields, file)
}

pub async fn create(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    multipart: Multipart,
) -> AppResult<Response> {
    if !policy::can_submit(&user) {
        return Err(AppError::Forbidden);
    }
    let files = &state.files;
    let (fields, upload) = read_multipart(files, multipart).await;
    let mut form = ResourceForm::from_fields(&fields);
    let known: Vec<String> = topics(&state).await?.into_iter().map(|t| t.0).collect();
    let (saved, upload_error) = match upload {
        Some(Ok(saved)) => (Some(saved), None),
        // The disk is full or the bucket refuses: the member keeps the form
        // and is told it is our side (503); nothing half-written is kept.
        Some(Err(UploadError::Store(error))) => {
            tracing::error!(%error, "an upload could not be stored");
            (None, Some(UploadError::Store(error)))
        }
        Some(Err(error)) => (None, Some(error)),
        None => (None, None),
    };
    // A refused file was still a file: its own message says what is wrong.
    let checked = form.validate(
        ctx.locale,
        &known,
        saved.is_some() || upload_error.is_some(),
    );
    let refused = |mut errors: FormErrors| {
        if let Some(error) = &upload_error {
            errors.add("file", upload_message(error));
        }
        errors
    };
    // Counted only for a submission that is otherwise fine.
    let checked = match checked {
        Ok(input) if upload_error.is_none() => {
            let key = user.user_id.to_string();
            if rate_limit::allow(&state.db, Limit::Upload, &key, state.clock.now()).await? {
                Ok(input)
            } else {
                let mut errors = FormErrors::new(ctx.locale);
                errors.add_text("file", Limit::Upload.message(ctx.locale));
                Err(errors)
            }
        }
        other => other,
    };
    let input = match (checked, &upload_error) {
        (Ok(input), None) => input,
        (result, _) => {
            // Nothing is kept from a refused form: the file goes too.
            if let Some(saved) = &saved {
                files.remove(&saved.storage_key).await;
            }
            let errors = refused(result.err().unwrap_or_else(|| FormErrors::new(ctx.locale)));
            let action = format!("/library/new?csrf_token={}", ctx.csrf_token);
            let page = form_page(
                &state,
                &ctx,
                "library-new-title",
                action,
                form,
                errors,
                true,
            )
            .await?;
            let mut response = unprocessable(page);
            if matches!(upload_error, Some(UploadError::Store(_))) {
                *response.status_mut() = axum::http::StatusCode::SERVICE_UNAVAILABLE;
            }
            return Ok(response);
        }
    };
    let now = state.clock.now();
    let resource_id =
        submission::save_draft(&state.db, files, saved.as_ref(), &input, user.user_id, now).await?;
    Ok(redirect_with(
        &format!("/library/{resource_id}"),
        "library-draft-saved",
        state.config.secure_cookies(),
    ))
}

fn upload_message(error: &UploadError) -> &'static str {
    match error {
        UploadError::TooLarge => "error-upload-too-large",
        UploadError::WrongType => "error-upload-type",
        UploadError::Empty => "error-upload-empty",
        UploadError::Interrupted(_) => "error-upload-interrupted",
        UploadError::Store(_) => "error-upload-store",
    }
}

/// The resource, if the viewer may edit it.
async fn editable(
    state: &AppState,
    ctx: &RequestContext,
    user: &CurrentUser,
    id: &str,
) -> AppResult<Resource> {
    let resource = visible_resource(state, ctx, id).await?;
    let own = Some(user.user_id) == resource.submitted_by;
    if policy::can_edit(user, own, resource.status) {
        Ok(resource)
    } else {
        Err(AppError::Forbidden)
    }
}

pub async fn edit_form(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path(id): Path<String>,
) -> AppResult<ResourceFormPage> {
    let resource = editable(&state, &ctx, &user, &id).await?;
    let action = format!("/library/{}/edit", resource.resource_id);
    let form = ResourceForm::from_resource(&resource);
    form_page(
        &state,
        &ctx,
        "library-edit-title",
        action,
        form,
        FormErrors::new(ctx.locale),
        false,
    )
    .await
}

/// Saves edited metadata (the file stays); every change is logged.
pub async fn update(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path(id): Path<String>,
    Form(fields): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let resource = editable(&state, &ctx, &user, &id).await?;
    let mut grouped: HashMap<String, Vec<String>> = HashMap::new();
    for (name, value) in fields {
        grouped.entry(name).or_default().push(value);
    }
    let mut form = ResourceForm::from_fields(&grouped);
    let known: Vec<String> = topics(&state).await?.into_iter().map(|t| t.0).collect();
    let input = match form.validate(ctx.locale, &known, resource.has_file()) {
        Ok(input) => input,
        Err(errors) => {
            let action = format!("/library/{}/edit", resource.resource_id);
            let page = form_page(
                &state,
                &ctx,
                "library-edit-title",
                action,
                form,
                errors,
                false,
            )
            .await?;
            return Ok(unprocessable(page));
        }
    };
    let mut tx = state.db.begin().await?;
    store::update(
        &mut tx,
        resource.resource_id,
        &input,
        user.user_id,
        state.clock.now(),
    )
    .await?;
    tx.commit().await?;
    Ok(redirect_with(
        &format!("/library/{}", resource.resource_id),
        "library-saved",
        state.config.secure_cookies(),
    ))
}

/// The submitter sends a draft (or a returned resource) for review.
pub async fn submit(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let resource = visible_resource(&state, &ctx, &id).await?;
    if !policy::can_send_for_review(resource.submitted_by == Some(user.user_id)) {
        return Err(AppError::Forbidden);
    }
    let mut tx = state.db.begin().await?;
    let now = state.clock.now();
    let moved =
        submission::send_for_review(&mut tx, resource.resource_id, user.user_id, now).await?;
    tx.commit().await?;
    if !moved {
        return Err(AppError::Conflict);
    }
    Ok(redirect_with(
        &format!("/library/{}", resource.resource_id),
        "library-submitted",
        state.config.secure_cookies(),
    ))
}
