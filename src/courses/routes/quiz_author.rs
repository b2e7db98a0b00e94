//! A module's quiz, for whoever may edit the course: the settings (pass
//! mark, attempts, cool-down) and the questions with their answers, in
//! plain forms.

use axum::extract::{Path, State};
use axum::response::Response;

use super::{course_path, parse_id, visible_course};
use crate::app::AppState;
use crate::courses::policy;
use crate::courses::quiz_forms::{QuestionForm, QuizForm};
use crate::courses::quiz_views::{QuestionFormPage, QuizEditPage};
use crate::courses::store::Course;
use crate::courses::store::quizzes::{self, Quiz};
use crate::courses::store::syllabus::{self, Module};
use crate::courses::vocabulary::QuestionKind;
use crate::web::current_user::{CurrentUser, SignedIn};
use crate::web::flash::redirect_with;
use crate::web::form_errors::unprocessable;
use crate::web::{AppError, AppResult, Form, FormErrors, Page, RequestContext};

/// The course and module, if the member may edit the course.
async fn editable_module(
    state: &AppState,
    ctx: &RequestContext,
    user: &CurrentUser,
    (slug, module_id): (&str, &str),
) -> AppResult<(Course, Module)> {
    let course = visible_course(state, ctx, slug).await?;
    if !policy::can_edit_quiz(user, course.is_by(user.user_id), course.status) {
        return Err(AppError::Forbidden);
    }
    let module = syllabus::find_module(&state.db, course.course_id, parse_id(module_id)?)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((course, module))
}

fn edit_path(course: &Course, module: &Module) -> String {
    format!(
        "{}/modules/{}/quiz/edit",
        course_path(course),
        module.module_id
    )
}

async fn edit_page(
    state: &AppState,
    ctx: &RequestContext,
    (course, module): (Course, Module),
    quiz: Option<Quiz>,
    form: QuizForm,
    errors: FormErrors,
) -> AppResult<QuizEditPage> {
    let mut conn = state.db.acquire().await?;
    Ok(QuizEditPage {
        page: Page::titled(ctx, "course-quiz-edit-title").in_section("courses"),
        questions: quizzes::questions(&mut conn, module.module_id).await?,
        module_id: module.module_id,
        module_title: module.title,
        course,
        quiz,
        form,
        errors,
    })
}

pub async fn edit_form(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path((slug, module_id)): Path<(String, String)>,
) -> AppResult<QuizEditPage> {
    let found = editable_module(&state, &ctx, &user, (&slug, &module_id)).await?;
    let quiz = quizzes::find_quiz(&state.db, found.1.module_id).await?;
    let form = quiz.as_ref().map(QuizForm::from_quiz).unwrap_or(QuizForm {
        pass_mark: "60".into(),
        max_attempts: String::new(),
        cooldown_hours: "0".into(),
    });
    let errors = FormErrors::new(ctx.locale);
    edit_page(&state, &ctx, found, quiz, form, errors).await
}

/// Creates the quiz or saves its settings.
pub async fn save(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path((slug, module_id)): Path<(String, String)>,
    Form(form): Form<QuizForm>,
) -> AppResult<Response> {
    let (course, module) = editable_module(&state, &ctx, &user, (&slug, &module_id)).await?;
    match form.validate(ctx.locale) {
        Ok(input) => {
            quizzes::save_quiz(&state.db, course.course_id, module.module_id, &input).await?;
            let to = edit_path(&course, &module);
            Ok(redirect_with(
                &to,
                "course-saved",
                state.config.secure_cookies(),
            ))
        }
        Err(errors) => {
            let quiz = quizzes::find_quiz(&state.db, module.module_id).await?;
            let page = edit_page(&state, &ctx, (course, module), quiz, form, errors).await?;
            Ok(unprocessable(page))
        }
    }
}

fn question_page(
    ctx: &RequestContext,
    (course, module): (Course, Module),
    action: String,
    form: QuestionForm,
    (errors, warnings): (FormErrors, Vec<String>),
) -> QuestionFormPage {
    QuestionFormPage {
        page: Page::titled(ctx, "course-question-title").in_section("courses"),
        course,
        module_id: module.module_id,
        module_title: module.title,
        action,
        form,
        kinds: QuestionKind::ALL,
        errors,
        warnings,
    }
}

/// The module's quiz; a question needs the settings saved first.
async fn quiz_of(state: &AppState, module: &Module) -> AppResult<Quiz> {
    quizzes::find_quiz(&state.db, module.module_id)
        .await?
        .ok_or(AppError::NotFound)
}

pub async fn new_question_form(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path((slug, module_id)): Path<(String, String)>,
) -> AppResult<QuestionFormPage> {
    let found = editable_module(&state, &ctx, &user, (&slug, &module_id)).await?;
    quiz_of(&state, &found.1).await?;
    let action = format!("{}/questions/new", quiz_base(&found));
    let empty = (FormErrors::new(ctx.locale), Vec::new());
    Ok(question_page(
        &ctx,
        found,
        action,
        QuestionForm::default(),
        empty,
    ))
}

fn quiz_base((course, module): &(Course, Module)) -> String {
    format!("{}/modules/{}/quiz", course_path(course), module.module_id)
}

pub async fn add_question(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path((slug, module_id)): Path<(String, String)>,
    Form(fields): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let found = editable_module(&state, &ctx, &user, (&slug, &module_id)).await?;
    quiz_of(&state, &found.1).await?;
    let mut form = QuestionForm::from_fields(&fields);
    match form.validate(ctx.locale) {
        Ok(input) => {
            let mut tx = state.db.begin().await?;
            quizzes::add_question(&mut tx, found.1.module_id, &input).await?;
            tx.commit().await?;
            let to = edit_path(&found.0, &found.1);
            Ok(redirect_with(
                &to,
                "course-question-saved",
                state.config.secure_cookies(),
            ))
        }
        Err(refused) => {
            let action = format!("{}/questions/new", quiz_base(&found));
            Ok(unprocessable(question_page(
                &ctx, found, action, form, refused,
            )))
        }
    }
}

pub async fn question_form(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path((slug, module_id, question_id)): Path<(String, String, String)>,
) -> AppResult<QuestionFormPage> {
    let found = editable_module(&state, &ctx, &user, (&slug, &module_id)).await?;
    let question_id = parse_id(&question_id)?;
    let mut conn = state.db.acquire().await?;
    let questions = quizzes::questions(&mut conn, found.1.module_id).await?;
    let (question, answers) = questions
        .iter()
        .find(|(q, _)| q.question_id == question_id)
        .ok_or(AppError::NotFound)?;
    let form = QuestionForm::from_question(question, answers);
    let action = format!("{}/questions/{question_id}/edit", quiz_base(&found));
    let empty = (FormErrors::new(ctx.locale), Vec::new());
    Ok(question_page(&ctx, found, action, form, empty))
}

pub async fn update_question(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path((slug, module_id, question_id)): Path<(String, String, String)>,
    Form(fields): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let found = editable_module(&state, &ctx, &user, (&slug, &module_id)).await?;
    let question_id = parse_id(&question_id)?;
    let mut tx = state.db.begin().await?;
    let exists = quizzes::questions(&mut tx, found.1.module_id)
        .await?
        .iter()
        .any(|(q, _)| q.question_id == question_id);
    if !exists {
        return Err(AppError::NotFound);
    }
    let mut form = QuestionForm::from_fields(&fields);
    match form.validate(ctx.locale) {
        Ok(input) => {
            quizzes::update_question(&mut tx, question_id, &input).await?;
            tx.commit().await?;
            let to = edit_path(&found.0, &found.1);
            Ok(redirect_with(
                &to,
                "course-question-saved",
                state.config.secure_cookies(),
            ))
        }
        Err(refused) => {
            let action = format!("{}/questions/{question_id}/edit", quiz_base(&found));
            Ok(unprocessable(question_page(
                &ctx, found, action, form, refused,
            )))
        }
    }
}

pub async fn delete_question(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path((slug, module_id, question_id)): Path<(String, String, String)>,
) -> AppResult<Response> {
    let (course, module) = editable_module(&state, &ctx, &user, (&slug, &module_id)).await?;
    let question_id = parse_id(&question_id)?;
    quizzes::delete_question(&state.db, module.module_id, question_id).await?;
    let to = edit_path(&course, &module);
    Ok(redirect_with(
        &to,
        "course-question-deleted",
        state.config.secure_cookies(),
    ))
}
