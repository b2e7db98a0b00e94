//! `/courses/<slug>/lessons/<id>`: one lesson with its attachments, "mark
//! done", and the previous and next lessons. Members-only courses need enrolment; drafts
//! are their author's and moderators' only.

use axum::extract::{Path, State};
use axum::response::Response;

use super::{course_path, parse_id, visible_course};
use crate::app::AppState;
use crate::courses::store::syllabus::{self, LessonTitle};
use crate::courses::store::{Course, attachments, learning, quizzes};
use crate::courses::views::LessonPage;
use crate::courses::{completion, policy};
use crate::web::current_user::SignedIn;
use crate::web::flash::redirect_with;
use crate::web::{AppError, AppResult, Page, RequestContext};

/// Whether the viewer may read the course's lessons; a visitor at a
/// members-only course is asked to sign in, a member not enrolled is refused.
pub(super) async fn may_read(
    state: &AppState,
    ctx: &RequestContext,
    course: &Course,
) -> AppResult<bool> {
    let viewer = ctx.user.as_ref();
    let own = viewer.is_some_and(|u| course.is_by(u.user_id));
    let enrolled = match viewer {
        Some(user) => learning::enrolment(&state.db, course.course_id, user.user_id)
            .await?
            .is_some(),
        None => false,
    };
    let readable = policy::can_read_lessons(course.status, course.audience, own, enrolled, viewer);
    match (readable, viewer) {
        (true, _) => Ok(enrolled),
        (false, None) => Err(AppError::Unauthorized),
        (false, Some(_)) => Err(AppError::Forbidden),
    }
}

pub async fn show(
    State(state): State<AppState>,
    ctx: RequestContext,
    Path((slug, lesson_id)): Path<(String, String)>,
) -> AppResult<LessonPage> {
    let course = visible_course(&state, &ctx, &slug).await?;
    let lesson_id = parse_id(&lesson_id)?;
    let lesson = syllabus::find_lesson(&state.db, course.course_id, lesson_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let enrolled = may_read(&state, &ctx, &course).await?;
    let mut conn = state.db.acquire().await?;
    let outline = syllabus::syllabus(&mut conn, course.course_id).await?;
    let module_title = outline
        .iter()
        .find(|(m, _)| m.module_id == lesson.module_id)
        .map(|(m, _)| m.title.clone())
        .unwrap_or_default();
    let last_of_module = outline
        .iter()
        .find(|(m, _)| m.module_id == lesson.module_id)
        .and_then(|(_, lessons)| lessons.last())
        .is_some_and(|l| l.lesson_id == lesson_id);
    let order: Vec<LessonTitle> = outline.into_iter().flat_map(|(_, l)| l).collect();
    let at = order.iter().position(|l| l.lesson_id == lesson_id);
    let previous = at.and_then(|i| i.checked_sub(1)).and_then(|i| order.get(i));
    let next = at.and_then(|i| order.get(i + 1));
    let mut done = false;
    let mut quiz_after = None;
    if let (Some(user), true) = (&ctx.user, enrolled) {
        let with_quiz = quizzes::quiz_modules(&mut *conn, course.course_id).await?;
        if last_of_module && with_quiz.contains(&lesson.module_id) {
            quiz_after = Some(lesson.module_id);
        }
        // Opening a lesson is where "continue" picks up, on any device.
        learning::set_last_lesson(&mut *conn, course.course_id, user.user_id, lesson_id).await?;
        done = learning::done_lessons(&mut *conn, course.course_id, user.user_id)
            .await?
            .contains(&lesson_id);
    }
    let signed_in = ctx.user.is_some();
    let mut carried = attachments::list(&mut *conn, lesson_id).await?;
    carried.retain(|a| a.shown_to(signed_in));
    Ok(LessonPage {
        page: Page::new(&ctx, lesson.title.clone())
            .with_content_title(&course.language)
            .in_section("courses"),
        can_mark: ctx.user.is_some() && policy::can_enrol(course.status),
        previous: previous.cloned(),
        next: next.cloned(),
        module_title,
        done,
        quiz_after,
        attachments: carried,
        lesson,
        course,
    })
}

/// "Mark done": enrols the member if she was not yet (an open course can
/// be read without), records the lesson and moves on to the next one.
pub async fn done(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path((slug, lesson_id)): Path<(String, String)>,
) -> AppResult<Response> {
    let course = visible_course(&state, &ctx, &slug).await?;
    let lesson_id = parse_id(&lesson_id)?;
    syllabus::find_lesson(&state.db, course.course_id, lesson_id)
        .await?
        .ok_or(AppError::NotFound)?;
    may_read(&state, &ctx, &course).await?;
    if !policy::can_enrol(course.status) {
        return Err(AppError::Conflict);
    }
    let now = state.clock.now();
    let mut tx = state.db.begin().await?;
    learning::enrol(&mut *tx, course.course_id, user.user_id, now).await?;
    learning::mark_done(&mut tx, course.course_id, lesson_id, user.user_id, now).await?;
    let completed = completion::record_if_complete(&mut tx, course.course_id, user.user_id, now)
        .await?
        .is_some();
    let order: Vec<LessonTitle> = syllabus::syllabus(&mut tx, course.course_id)
        .await?
        .into_iter()
        .flat_map(|(_, l)| l)
        .collect();
    tx.commit().await?;
    let next = order
        .iter()
        .position(|l| l.lesson_id == lesson_id)
        .and_then(|i| order.get(i + 1));
    // The step that completes the course leads to the course's page, where
    // the completion and the certificate are.
    let (to, message) = match next {
        _ if completed => (course_path(&course), "course-completed-message"),
        Some(next) => (
            format!("{}/lessons/{}", course_path(&course), next.lesson_id),
            "course-lesson-done",
        ),
        None => (course_path(&course), "course-lesson-done"),
    };
    Ok(redirect_with(&to, message, state.config.secure_cookies()))
}
