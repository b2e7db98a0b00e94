//! The courses' pages.

mod attachments;
mod author;
mod catalogue;
mod certificate;
mod cohorts;
mod decide;
mod figures;
mod learning;
mod lesson;
mod media;
mod quiz_author;
mod quiz_take;
mod show;
mod syllabus;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use uuid::Uuid;

use super::policy;
use super::store::{self, Course};
use crate::app::AppState;
use crate::web::current_user::CurrentUser;
use crate::web::{AppError, AppResult, RequestContext};

pub fn router() -> Router<AppState> {
    // A lesson's audio or video may be up to 100 MB; the store counts the
    // bytes itself and refuses a larger file with a message.
    let media_limit = DefaultBodyLimit::max(super::media::MAX_MEDIA_BYTES as usize + 1024 * 1024);
    Router::new()
        .route("/courses", get(catalogue::list))
        .route("/courses/new", get(author::new_form).post(author::create))
        .route("/courses/{slug}", get(show::show))
        .route(
            "/courses/{slug}/edit",
            get(author::edit_form).post(author::update),
        )
        .route("/courses/{slug}/submit", post(author::submit))
        .route("/courses/{slug}/decide", post(decide::decide))
        .route("/courses/{slug}/enrol", post(show::enrol))
        .route("/courses/{slug}/certificate", get(certificate::show))
        .route("/courses/{slug}/figures", get(figures::show))
        .route(
            "/courses/{slug}/cohorts/new",
            get(cohorts::new_form).post(cohorts::create),
        )
        .route("/courses/{slug}/cohorts/{cohort_id}", get(cohorts::show))
        .route(
            "/courses/{slug}/cohorts/{cohort_id}/join",
            post(cohorts::join),
        )
        .route("/courses/{slug}/modules", post(syllabus::add_module))
        .route(
            "/courses/{slug}/modules/{module_id}/edit",
            get(syllabus::module_form).post(syllabus::rename_module),
        )
        .route(
            "/courses/{slug}/modules/{module_id}/move",
            post(syllabus::move_module),
        )
        .route(
            "/courses/{slug}/modules/{module_id}/lessons/new",
            get(syllabus::new_lesson_form).post(syllabus::add_lesson),
        )
        .route("/courses/{slug}/lessons/{lesson_id}", get(lesson::show))
        .route(
            "/courses/{slug}/lessons/{lesson_id}/edit",
            get(syllabus::lesson_form).post(syllabus::update_lesson),
        )
        .route(
            "/courses/{slug}/lessons/{lesson_id}/move",
            post(syllabus::move_lesson),
        )
        .route(
            "/courses/{slug}/lessons/{lesson_id}/attachments/resource",
            post(attachments::attach_resource),
        )
        .route(
            "/courses/{slug}/lessons/{lesson_id}/attachments/recording",
            post(attachments::attach_recording),
        )
        .route(
            "/courses/{slug}/lessons/{lesson_id}/attachments/media",
            post(attachments::upload_media).layer(media_limit),
        )
        .route(
            "/courses/{slug}/lessons/{lesson_id}/attachments/{attachment_id}/move",
            post(attachments::move_attachment),
        )
        .route(
            "/courses/{slug}/lessons/{lesson_id}/attachments/{attachment_id}/delete",
            post(attachments::remove),
        )
        .route(
            "/courses/{slug}/lessons/{lesson_id}/media/{attachment_id}",
            get(media::serve),
        )
        .route(
            "/courses/{slug}/lessons/{lesson_id}/done",
            post(lesson::done),
        )
        .route(
            "/courses/{slug}/modules/{module_id}/quiz",
            get(quiz_take::show),
        )
        .route(
            "/courses/{slug}/modules/{module_id}/quiz/start",
            post(quiz_take::start),
        )
        .route(
            "/courses/{slug}/modules/{module_id}/quiz/attempts/{attempt_id}",
            post(quiz_take::submit),
        )
        .route(
            "/courses/{slug}/modules/{module_id}/quiz/edit",
            get(quiz_author::edit_form).post(quiz_author::save),
        )
        .route(
            "/courses/{slug}/modules/{module_id}/quiz/questions/new",
            get(quiz_author::new_question_form).post(quiz_author::add_question),
        )
        .route(
            "/courses/{slug}/modules/{module_id}/quiz/questions/{question_id}/edit",
            get(quiz_author::question_form).post(quiz_author::update_question),
        )
        .route(
            "/courses/{slug}/modules/{module_id}/quiz/questions/{question_id}/delete",
            post(quiz_author::delete_question),
        )
        .route("/me/learning", get(learning::show))
}

/// The course, if the viewer may see it; "not found" otherwise (neither a
/// draft's existence nor a group course's is revealed).
async fn visible_course(state: &AppState, ctx: &RequestContext, slug: &str) -> AppResult<Course> {
    let course = store::find_by_slug(&state.db, slug)
        .await?
        .ok_or(AppError::NotFound)?;
    let viewer = ctx.user.as_ref();
    let own = viewer.is_some_and(|u| course.is_by(u.user_id));
    let in_group = policy::in_course_group(&state.db, &course, viewer).await?;
    if policy::can_see(course.status, course.audience, own, in_group, viewer) {
        Ok(course)
    } else {
        Err(AppError::NotFound)
    }
}

/// The course, if the member may change it (its syllabus too).
async fn editable_course(
    state: &AppState,
    ctx: &RequestContext,
    user: &CurrentUser,
    slug: &str,
) -> AppResult<Course> {
    let course = visible_course(state, ctx, slug).await?;
    if policy::can_edit(user, course.is_by(user.user_id), course.status) {
        Ok(course)
    } else {
        Err(AppError::Forbidden)
    }
}

/// An id from the address; "not found" when it is not one.
fn parse_id(text: &str) -> AppResult<Uuid> {
    text.parse().map_err(|_| AppError::NotFound)
}

/// Where the course's page is.
fn course_path(course: &Course) -> String {
    format!("/courses/{}", course.slug)
}
