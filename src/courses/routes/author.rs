//! `/courses/new` and `/courses/<slug>/edit`: teachers and site moderators
//! write a course (a draft until a moderator publishes it); the author
//! sends it for review.

use axum::extract::{Path, State};
use axum::response::Response;
use uuid::Uuid;

use super::{course_path, editable_course, visible_course};
use crate::app::AppState;
use crate::courses::forms::CourseForm;
use crate::courses::store::{self, Course, CourseInput};
use crate::courses::views::CourseFormPage;
use crate::courses::vocabulary::{Audience, Level};
use crate::courses::{policy, review};
use crate::groups::store as groups_store;
use crate::text::search::slugify;
use crate::web::current_user::{CurrentUser, SignedIn};
use crate::web::flash::redirect_with;
use crate::web::form_errors::unprocessable;
use crate::web::{AppError, AppResult, Form, FormErrors, Page, RequestContext};

async fn form_page(
    state: &AppState,
    ctx: &RequestContext,
    title: &str,
    action: String,
    form: CourseForm,
    (errors, warnings): (FormErrors, Vec<String>),
    current_group: Option<Uuid>,
) -> AppResult<CourseFormPage> {
    let user = ctx.user.as_ref().ok_or(AppError::Unauthorized)?;
    let mut groups = policy::teachable_groups(&state.db, user).await?;
    // The group an edited course is for stays choosable (a moderator
    // editing a teacher's class course does not teach the class).
    if let Some(current) = current_group.filter(|c| groups.iter().all(|g| g.group_id != *c)) {
        let viewer = Some(user.user_id);
        groups.extend(groups_store::find_group_by_id(&state.db, current, viewer).await?);
    }
    Ok(CourseFormPage {
        groups: groups
            .into_iter()
            .map(|g| (g.group_id.to_string(), g.name))
            .collect(),
        page: Page::titled(ctx, title).in_section("courses"),
        action,
        form,
        errors,
        warnings,
        topics: crate::library::store::topics(&state.db).await?,
        languages: &policy::LANGUAGES,
        levels: Level::ALL,
        audiences: Audience::ALL,
    })
}

async fn known_topics(state: &AppState) -> AppResult<Vec<String>> {
    let topics = crate::library::store::topics(&state.db).await?;
    Ok(topics.into_iter().map(|t| t.0).collect())
}

/// The groups the course may be for: those `user` teaches, and the one it
/// is for already (a moderator editing a teacher's class course keeps it).
async fn allowed_groups(
    state: &AppState,
    user: &CurrentUser,
    course: Option<&Course>,
) -> AppResult<Vec<Uuid>> {
    let mut groups: Vec<Uuid> = policy::teachable_groups(&state.db, user)
        .await?
        .into_iter()
        .map(|g| g.group_id)
        .collect();
    groups.extend(course.and_then(|c| c.group_id));
    Ok(groups)
}

pub async fn new_form(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
) -> AppResult<CourseFormPage> {
    if !policy::can_author(&user) {
        return Err(AppError::Forbidden);
    }
    let form = CourseForm {
        language: "sr".into(),
        level: Level::Introductory.as_str().into(),
        audience: Audience::Open.as_str().into(),
        estimated_hours: "2".into(),
        licence_points: "0".into(),
        ..CourseForm::default()
    };
    let empty = (FormErrors::new(ctx.locale), Vec::new());
    let action = "/courses/new".to_owned();
    form_page(&state, &ctx, "course-new-title", action, form, empty, None).await
}

/// An address for a new course from its title, unique among courses.
async fn free_slug(state: &AppState, title: &str) -> AppResult<String> {
    let base = match slugify(title) {
        slug if slug.is_empty() => "kurs".to_owned(),
        slug => slug.chars().take(80).collect(),
    };
    let mut slug = base.clone();
    let mut n = 2;
    while store::slug_taken(&state.db, &slug).await? {
        slug = format!("{base}-{n}");
        n += 1;
    }
    Ok(slug)
}

pub async fn create(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Form(fields): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    if !policy::can_author(&user) {
        return Err(AppError::Forbidden);
    }
    let mut form = CourseForm::from_fields(&fields);
    let groups = allowed_groups(&state, &user, None).await?;
    let input: CourseInput = match form.validate(ctx.locale, &known_topics(&state).await?, &groups)
    {
        Ok(input) => input,
        Err(refused) => {
            let action = "/courses/new".to_owned();
            let page = form_page(
                &state,
                &ctx,
                "course-new-title",
                action,
                form,
                refused,
                None,
            )
            .await?;
            return Ok(unprocessable(page));
        }
    };
    let now = state.clock.now();
    let mut attempts = 0;
    let slug = loop {
        let slug = free_slug(&state, &input.title).await?;
        let mut tx = state.db.begin().await?;
        match store::create(&mut tx, &slug, &input, user.user_id, now).await {
            Ok(_) => {
                tx.commit().await?;
                break slug;
            }
            // Another course of the same title took the address between
            // the check and the insert: look for the next free one.
            Err(error) if attempts < 3 && store::is_slug_conflict(&error) => attempts += 1,
            Err(error) => return Err(error.into()),
        }
    };
    Ok(redirect_with(
        &format!("/courses/{slug}"),
        "course-draft-saved",
        state.config.secure_cookies(),
    ))
}

pub async fn edit_form(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path(slug): Path<String>,
) -> AppResult<CourseFormPage> {
    let course = editable_course(&state, &ctx, &user, &slug).await?;
    let empty = (FormErrors::new(ctx.locale), Vec::new());
    let action = format!("{}/edit", course_path(&course));
    let form = CourseForm::from_course(&course);
    let current = course.group_id;
    form_page(
        &state,
        &ctx,
        "course-edit-title",
        action,
        form,
        empty,
        current,
    )
    .await
}

pub async fn update(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path(slug): Path<String>,
    Form(fields): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let course = editable_course(&state, &ctx, &user, &slug).await?;
    let mut form = CourseForm::from_fields(&fields);
    let groups = allowed_groups(&state, &user, Some(&course)).await?;
    let input = match form.validate(ctx.locale, &known_topics(&state).await?, &groups) {
        Ok(input) => input,
        Err(refused) => {
            let action = format!("{}/edit", course_path(&course));
            let current = course.group_id;
            let page = form_page(
                &state,
                &ctx,
                "course-edit-title",
                action,
                form,
                refused,
                current,
            )
            .await?;
            return Ok(unprocessable(page));
        }
    };
    store::update(&state.db, course.course_id, &input, state.clock.now()).await?;
    Ok(redirect_with(
        &course_path(&course),
        "course-saved",
        state.config.secure_cookies(),
    ))
}

/// The author sends her draft for review.
pub async fn submit(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let course = visible_course(&state, &ctx, &slug).await?;
    if !policy::can_send_for_review(course.is_by(user.user_id), course.status) {
        return Err(AppError::Forbidden);
    }
    let mut tx = state.db.begin().await?;
    let moved = review::send_for_review(&mut tx, &course, user.user_id, state.clock.now()).await?;
    tx.commit().await?;
    if !moved {
        return Err(AppError::Conflict);
    }
    Ok(redirect_with(
        &course_path(&course),
        "course-sent-for-review",
        state.config.secure_cookies(),
    ))
}
