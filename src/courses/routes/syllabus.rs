//! The syllabus, for the author of a draft and moderators: adding and
//! renaming modules, writing and editing lessons, and moving either up or
//! down with plain buttons (no JavaScript).

use axum::extract::{Path, State};
use axum::response::Response;
use serde::Deserialize;

use super::{attachments, course_path, editable_course, parse_id};
use crate::app::AppState;
use crate::courses::attachment_forms::AttachForm;
use crate::courses::forms::{LessonForm, ModuleForm};
use crate::courses::store::Course;
use crate::courses::store::syllabus::{self, Lesson, Module};
use crate::courses::views::{AttachPanel, LessonFormPage, ModuleFormPage};
use crate::courses::vocabulary::Direction;
use crate::web::current_user::SignedIn;
use crate::web::flash::redirect_with;
use crate::web::form_errors::unprocessable;
use crate::web::{AppError, AppResult, Form, FormErrors, Page, RequestContext};

fn back(state: &AppState, course: &Course, message: &str) -> Response {
    redirect_with(&course_path(course), message, state.config.secure_cookies())
}

async fn module_of(state: &AppState, course: &Course, id: &str) -> AppResult<Module> {
    syllabus::find_module(&state.db, course.course_id, parse_id(id)?)
        .await?
        .ok_or(AppError::NotFound)
}

async fn lesson_of(state: &AppState, course: &Course, id: &str) -> AppResult<Lesson> {
    syllabus::find_lesson(&state.db, course.course_id, parse_id(id)?)
        .await?
        .ok_or(AppError::NotFound)
}

fn module_page(
    ctx: &RequestContext,
    course: Course,
    action: String,
    form: ModuleForm,
    (errors, warnings): (FormErrors, Vec<String>),
) -> ModuleFormPage {
    ModuleFormPage {
        page: Page::titled(ctx, "course-module-title").in_section("courses"),
        course,
        action,
        form,
        errors,
        warnings,
    }
}

/// Adds a module (the form is on the course page; it comes back on its own
/// page when something is wrong).
pub async fn add_module(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path(slug): Path<String>,
    Form(mut form): Form<ModuleForm>,
) -> AppResult<Response> {
    let course = editable_course(&state, &ctx, &user, &slug).await?;
    match form.validate(ctx.locale) {
        Ok(title) => {
            syllabus::add_module(&state.db, course.course_id, &title).await?;
            Ok(back(&state, &course, "course-module-added"))
        }
        Err(refused) => {
            let action = format!("{}/modules", course_path(&course));
            Ok(unprocessable(module_page(
                &ctx, course, action, form, refused,
            )))
        }
    }
}

pub async fn module_form(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path((slug, module_id)): Path<(String, String)>,
) -> AppResult<ModuleFormPage> {
    let course = editable_course(&state, &ctx, &user, &slug).await?;
    let module = module_of(&state, &course, &module_id).await?;
    let action = format!("{}/modules/{}/edit", course_path(&course), module.module_id);
    let form = ModuleForm {
        title: module.title,
        ..ModuleForm::default()
    };
    let empty = (FormErrors::new(ctx.locale), Vec::new());
    Ok(module_page(&ctx, course, action, form, empty))
}

pub async fn rename_module(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path((slug, module_id)): Path<(String, String)>,
    Form(mut form): Form<ModuleForm>,
) -> AppResult<Response> {
    let course = editable_course(&state, &ctx, &user, &slug).await?;
    let module = module_of(&state, &course, &module_id).await?;
    match form.validate(ctx.locale) {
        Ok(title) => {
            syllabus::rename_module(&state.db, module.module_id, &title).await?;
            Ok(back(&state, &course, "course-saved"))
        }
        Err(refused) => {
            let action = format!("{}/modules/{}/edit", course_path(&course), module.module_id);
            Ok(unprocessable(module_page(
                &ctx, course, action, form, refused,
            )))
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct MoveForm {
    /// "up" or "down".
    pub(super) direction: String,
}

pub async fn move_module(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path((slug, module_id)): Path<(String, String)>,
    Form(form): Form<MoveForm>,
) -> AppResult<Response> {
    let course = editable_course(&state, &ctx, &user, &slug).await?;
    let module = module_of(&state, &course, &module_id).await?;
    let direction = Direction::parse(&form.direction).ok_or(AppError::BadRequest)?;
    syllabus::move_module(&state.db, course.course_id, module.module_id, direction).await?;
    Ok(back(&state, &course, "course-moved"))
}

pub(super) fn lesson_page(
    ctx: &RequestContext,
    course: Course,
    module_title: String,
    action: String,
    form: LessonForm,
    (errors, warnings): (FormErrors, Vec<String>),
    attachments: Option<AttachPanel>,
) -> LessonFormPage {
    LessonFormPage {
        page: Page::titled(ctx, "course-lesson-form-title").in_section("courses"),
        course,
        module_title,
        action,
        form,
        errors,
        warnings,
        attachments,
    }
}

pub async fn new_lesson_form(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path((slug, module_id)): Path<(String, String)>,
) -> AppResult<LessonFormPage> {
    let course = editable_course(&state, &ctx, &user, &slug).await?;
    let module = module_of(&state, &course, &module_id).await?;
    let action = format!(
        "{}/modules/{}/lessons/new",
        course_path(&course),
        module.module_id
    );
    let empty = (FormErrors::new(ctx.locale), Vec::new());
    let form = LessonForm::default();
    Ok(lesson_page(
        &ctx,
        course,
        module.title,
        action,
        form,
        empty,
        None,
    ))
}

pub async fn add_lesson(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path((slug, module_id)): Path<(String, String)>,
    Form(mut form): Form<LessonForm>,
) -> AppResult<Response> {
    let course = editable_course(&state, &ctx, &user, &slug).await?;
    let module = module_of(&state, &course, &module_id).await?;
    let input = match form.validate(ctx.locale) {
        Ok(input) => input,
        Err(refused) => {
            let action = format!(
                "{}/modules/{}/lessons/new",
                course_path(&course),
                module.module_id
            );
            let page = lesson_page(&ctx, course, module.title, action, form, refused, None);
            return Ok(unprocessable(page));
        }
    };
    let (title, body, html) = (&input.title, &input.body, &input.body_html);
    let now = state.clock.now();
    let (course_id, module_id) = (course.course_id, module.module_id);
    syllabus::add_lesson(&state.db, course_id, module_id, title, body, html, now).await?;
    Ok(back(&state, &course, "course-lesson-saved"))
}

pub async fn lesson_form(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path((slug, lesson_id)): Path<(String, String)>,
) -> AppResult<LessonFormPage> {
    let course = editable_course(&state, &ctx, &user, &slug).await?;
    let lesson = lesson_of(&state, &course, &lesson_id).await?;
    let module = module_of(&state, &course, &lesson.module_id.to_string()).await?;
    let action = format!("{}/lessons/{}/edit", course_path(&course), lesson.lesson_id);
    let blank = (AttachForm::default(), FormErrors::new(ctx.locale));
    let panel = attachments::panel(&state, &ctx, &user, &course, &lesson, blank.0, blank.1).await?;
    let form = LessonForm {
        title: lesson.title,
        body: lesson.body,
        ..LessonForm::default()
    };
    let empty = (FormErrors::new(ctx.locale), Vec::new());
    Ok(lesson_page(
        &ctx,
        course,
        module.title,
        action,
        form,
        empty,
        Some(panel),
    ))
}

pub async fn update_lesson(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path((slug, lesson_id)): Path<(String, String)>,
    Form(mut form): Form<LessonForm>,
) -> AppResult<Response> {
    let course = editable_course(&state, &ctx, &user, &slug).await?;
    let lesson = lesson_of(&state, &course, &lesson_id).await?;
    let input = match form.validate(ctx.locale) {
        Ok(input) => input,
        Err(refused) => {
            let module = module_of(&state, &course, &lesson.module_id.to_string()).await?;
            let action = format!("{}/lessons/{}/edit", course_path(&course), lesson.lesson_id);
            let blank = (AttachForm::default(), FormErrors::new(ctx.locale));
            let panel =
                attachments::panel(&state, &ctx, &user, &course, &lesson, blank.0, blank.1).await?;
            let page = lesson_page(
                &ctx,
                course,
                module.title,
                action,
                form,
                refused,
                Some(panel),
            );
            return Ok(unprocessable(page));
        }
    };
    let (title, body, html) = (&input.title, &input.body, &input.body_html);
    let now = state.clock.now();
    syllabus::update_lesson(&state.db, lesson.lesson_id, title, body, html, now).await?;
    Ok(back(&state, &course, "course-lesson-saved"))
}

pub async fn move_lesson(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path((slug, lesson_id)): Path<(String, String)>,
    Form(form): Form<MoveForm>,
) -> AppResult<Response> {
    let course: Course = editable_course(&state, &ctx, &user, &slug).await?;
    let lesson = lesson_of(&state, &course, &lesson_id).await?;
    let direction = Direction::parse(&form.direction).ok_or(AppError::BadRequest)?;
    syllabus::move_lesson(&state.db, lesson.lesson_id, direction).await?;
    Ok(back(&state, &course, "course-moved"))
}
