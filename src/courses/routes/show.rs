//! `/courses/<slug>`: the course, its syllabus, who it is for, "start" or
//! "continue", the member's progress; the author's and moderators' tools
//! and the status log.

use axum::extract::{Path, State};
use axum::response::Response;

use super::{course_path, visible_course};
use crate::app::AppState;
use crate::courses::policy;
use crate::courses::store::{self, cohorts, learning, quizzes, syllabus};
use crate::courses::views::CoursePage;
use crate::groups::store as groups_store;
use crate::web::current_user::SignedIn;
use crate::web::flash::redirect_with;
use crate::web::{AppError, AppResult, Page, RequestContext};

pub async fn show(
    State(state): State<AppState>,
    ctx: RequestContext,
    Path(slug): Path<String>,
) -> AppResult<CoursePage> {
    let course = visible_course(&state, &ctx, &slug).await?;
    let viewer = ctx.user.as_ref();
    let own = viewer.is_some_and(|u| course.is_by(u.user_id));
    let curates = policy::curates(viewer);
    let mut conn = state.db.acquire().await?;
    let (enrolment, progress, done, passed) = match viewer {
        Some(user) => {
            let id = (course.course_id, user.user_id);
            match learning::enrolment(&mut *conn, id.0, id.1).await? {
                Some(enrolment) => (
                    Some(enrolment),
                    learning::progress(&mut *conn, id.0, id.1).await?,
                    learning::done_lessons(&mut *conn, id.0, id.1).await?,
                    quizzes::passed_modules(&mut *conn, id.0, id.1).await?,
                ),
                None => (None, (0, 0), Vec::new(), Vec::new()),
            }
        }
        None => (None, (0, 0), Vec::new(), Vec::new()),
    };
    let enrolled = enrolment.is_some();
    let (status, audience) = (course.status, course.audience);
    let group = match course.group_id {
        Some(group_id) => {
            let viewer_id = viewer.map(|u| u.user_id);
            groups_store::find_group_by_id(&mut *conn, group_id, viewer_id)
                .await?
                .map(|g| (g.slug, g.name))
        }
        None => None,
    };
    Ok(CoursePage {
        group,
        cohorts: cohorts::of_course(&mut *conn, course.course_id).await?,
        can_run_cohort: viewer.is_some_and(|u| policy::can_run_cohort(u, own, status)),
        can_see_figures: policy::can_see_figures(own, viewer),
        page: Page::new(&ctx, course.title.clone())
            .with_content_title(&course.language)
            .in_section("courses"),
        syllabus: syllabus::syllabus(&mut conn, course.course_id).await?,
        topics: crate::library::store::topics(&mut *conn).await?,
        quizzes: quizzes::quiz_modules(&mut *conn, course.course_id).await?,
        passed,
        log: if own || curates {
            store::log_of(&mut *conn, course.course_id).await?
        } else {
            Vec::new()
        },
        can_read: policy::can_read_lessons(status, audience, own, enrolled, viewer),
        can_enrol: viewer.is_some() && !enrolled && policy::can_enrol(status),
        can_edit: viewer.is_some_and(|u| policy::can_edit(u, own, status)),
        can_submit: policy::can_send_for_review(own, status),
        curates,
        enrolment,
        progress,
        done,
        course,
    })
}

/// "Start": enrols the member and opens the first lesson.
pub async fn enrol(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let course = visible_course(&state, &ctx, &slug).await?;
    if !policy::can_enrol(course.status) {
        return Err(AppError::Conflict);
    }
    let now = state.clock.now();
    learning::enrol(&state.db, course.course_id, user.user_id, now).await?;
    let mut conn = state.db.acquire().await?;
    let first = syllabus::syllabus(&mut conn, course.course_id)
        .await?
        .into_iter()
        .flat_map(|(_, lessons)| lessons)
        .next();
    let to = match first {
        Some(lesson) => format!("{}/lessons/{}", course_path(&course), lesson.lesson_id),
        None => course_path(&course),
    };
    Ok(redirect_with(
        &to,
        "course-enrolled",
        state.config.secure_cookies(),
    ))
}
