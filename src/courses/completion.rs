//! Completing a course: when a member has done every lesson and passed
//! every quiz (with questions) of a published course, her enrolment is
//! completed once, with a certificate code, and the course's licence points
//! go into the ledger once, under the source 'course'.
//!
//! Called inside the transaction of the lesson marked done or the quiz
//! passed, so the step and its consequence commit together. The enrolment
//! row is locked first: two final steps racing take turns, the second sees
//! the first's, and the conditional update (`completed_at IS NULL`) plus the
//! ledger's unique (member, course) keep the points to one entry.
//!
//! A completion is never taken back: a lesson or quiz the author adds later
//! shows as not done in the progress, but the course stays completed, with
//! its points and certificate.

use chrono::{DateTime, Utc};
use sqlx::PgConnection;
use uuid::Uuid;

use crate::courses::store::{completion, learning};
use crate::courses::vocabulary::CourseStatus;
use crate::events::attendance::certificate_code;

/// What a completion just recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completed {
    pub certificate_code: String,
    /// The points written to the ledger; `None` for a course without points.
    pub points: Option<i32>,
}

/// Completes the member's enrolment if every step of the course is done;
/// `Some` only for the call that completed it.
pub async fn record_if_complete(
    conn: &mut PgConnection,
    course_id: Uuid,
    user_id: Uuid,
    now: DateTime<Utc>,
) -> sqlx::Result<Option<Completed>> {
    let Some((status, completed_at)) =
        completion::lock_enrolment(&mut *conn, course_id, user_id).await?
    else {
        return Ok(None);
    };
    if status != CourseStatus::Published || completed_at.is_some() {
        return Ok(None);
    }
    let (done, total) = learning::progress(&mut *conn, course_id, user_id).await?;
    if total == 0 || done < total {
        return Ok(None);
    }
    let Some(code) =
        completion::mark_completed(&mut *conn, course_id, user_id, &certificate_code(), now)
            .await?
    else {
        return Ok(None);
    };
    let points = completion::award_points(&mut *conn, course_id, user_id, &code, now).await?;
    Ok(Some(Completed {
        certificate_code: code,
        points,
    }))
}
