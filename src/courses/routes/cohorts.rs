//! `/courses/<slug>/cohorts/…`: the author (or a moderator) runs a
//! published course as a cohort; members join it; its page shows the
//! dates, the discussion group, and progress — each member's to the
//! cohort's teacher, aggregates to everyone else.

use axum::extract::{Path, State};
use axum::response::Response;
use chrono_tz::Europe::Belgrade;

use super::{course_path, parse_id, visible_course};
use crate::app::AppState;
use crate::courses::cohort_forms::CohortForm;
use crate::courses::cohort_views::{CohortFormPage, CohortPage};
use crate::courses::store::Course;
use crate::courses::store::cohorts::{self, Cohort};
use crate::courses::{cohorts as workflow, policy};
use crate::groups::store as groups_store;
use crate::web::current_user::{CurrentUser, SignedIn};
use crate::web::flash::redirect_with;
use crate::web::form_errors::unprocessable;
use crate::web::{AppError, AppResult, Form, FormErrors, Page, RequestContext};

/// The course, if `user` may run it as a cohort.
async fn runnable_course(
    state: &AppState,
    ctx: &RequestContext,
    user: &CurrentUser,
    slug: &str,
) -> AppResult<Course> {
    let course = visible_course(state, ctx, slug).await?;
    if policy::can_run_cohort(user, course.is_by(user.user_id), course.status) {
        Ok(course)
    } else {
        Err(AppError::Forbidden)
    }
}

fn form_page(
    ctx: &RequestContext,
    course: Course,
    form: CohortForm,
    (errors, warnings): (FormErrors, Vec<String>),
) -> CohortFormPage {
    CohortFormPage {
        page: Page::titled(ctx, "cohort-new-title").in_section("courses"),
        action: format!("{}/cohorts/new", course_path(&course)),
        course,
        form,
        errors,
        warnings,
    }
}

pub async fn new_form(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path(slug): Path<String>,
) -> AppResult<CohortFormPage> {
    let course = runnable_course(&state, &ctx, &user, &slug).await?;
    let empty = (FormErrors::new(ctx.locale), Vec::new());
    Ok(form_page(&ctx, course, CohortForm::default(), empty))
}

#[tracing::instrument(skip_all)]
pub async fn create(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path(slug): Path<String>,
    Form(mut form): Form<CohortForm>,
) -> AppResult<Response> {
    let course = runnable_course(&state, &ctx, &user, &slug).await?;
    let cohort = match form.validate(ctx.locale) {
        Ok(cohort) => cohort,
        Err(refused) => return Ok(unprocessable(form_page(&ctx, course, form, refused))),
    };
    let mut tx = state.db.begin().await?;
    let now = state.clock.now();
    let cohort_id = workflow::create(&mut tx, &course, user.user_id, &cohort, now).await?;
    tx.commit().await?;
    Ok(redirect_with(
        &format!("{}/cohorts/{cohort_id}", course_path(&course)),
        "cohort-created",
        state.config.secure_cookies(),
    ))
}

/// The course and its cohort, if the viewer may see the course.
async fn visible_cohort(
    state: &AppState,
    ctx: &RequestContext,
    slug: &str,
    cohort_id: &str,
) -> AppResult<(Course, Cohort)> {
    let course = visible_course(state, ctx, slug).await?;
    let cohort = cohorts::find(&state.db, course.course_id, parse_id(cohort_id)?)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((course, cohort))
}

pub async fn show(
    State(state): State<AppState>,
    ctx: RequestContext,
    Path((slug, cohort_id)): Path<(String, String)>,
) -> AppResult<CohortPage> {
    let (course, cohort) = visible_cohort(&state, &ctx, &slug, &cohort_id).await?;
    let viewer = ctx.user.as_ref();
    let mut conn = state.db.acquire().await?;
    let member = match viewer {
        Some(user) => cohorts::is_member(&mut *conn, cohort.cohort_id, user.user_id).await?,
        None => false,
    };
    let today = state.clock.now().with_timezone(&Belgrade).date_naive();
    let sees_each = policy::sees_each_member(cohort.teacher_id, viewer);
    let group = groups_store::find_group_by_id(&mut *conn, cohort.group_id, None)
        .await?
        .map(|g| (g.slug, g.name));
    Ok(CohortPage {
        page: Page::new(&ctx, cohort.title.clone()).in_section("courses"),
        aggregates: cohorts::aggregates(&mut *conn, cohort.cohort_id).await?,
        members: if sees_each {
            cohorts::member_progress(&mut *conn, cohort.cohort_id).await?
        } else {
            Vec::new()
        },
        sees_each,
        member,
        can_join: !member
            && viewer
                .is_some_and(|u| policy::can_join_cohort(u, course.status, cohort.deadline, today)),
        group,
        course,
        cohort,
    })
}

/// The member joins: enrolled, in the cohort and in its discussion group.
pub async fn join(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path((slug, cohort_id)): Path<(String, String)>,
) -> AppResult<Response> {
    let (course, cohort) = visible_cohort(&state, &ctx, &slug, &cohort_id).await?;
    let today = state.clock.now().with_timezone(&Belgrade).date_naive();
    if !policy::can_join_cohort(&user, course.status, cohort.deadline, today) {
        return Err(AppError::Forbidden);
    }
    let mut tx = state.db.begin().await?;
    workflow::join(&mut tx, &cohort, user.user_id, state.clock.now()).await?;
    tx.commit().await?;
    Ok(redirect_with(
        &format!("{}/cohorts/{}", course_path(&course), cohort.cohort_id),
        "cohort-joined",
        state.config.secure_cookies(),
    ))
}
