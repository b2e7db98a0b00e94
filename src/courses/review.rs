//! The review of a course, as one workflow over a transaction: the author
//! sends a draft for review; a moderator publishes it, returns it to draft
//! with a reason, or archives a published one (and may publish an archived
//! one again). Each change is logged in `course_log`, and the author is
//! told of a publication or a return (in her language, by her notification
//! settings) in the same transaction. Handlers parse the form, call
//! [`send_for_review`] or [`decide`] and render the answer; tests call them
//! without HTTP.

use chrono::{DateTime, Utc};
use sqlx::PgConnection;
use uuid::Uuid;

use super::emails;
use super::store::{self, Course};
use super::vocabulary::CourseStatus::{self, Archived, Draft, InReview, Published};
use crate::notify::{Kind, Notification, tell};
use crate::web::AppResult;

/// What the moderator decided.
#[derive(Debug, Clone, Copy)]
pub enum Decision<'a> {
    Publish,
    /// Back to the author as a draft, with what to change (required).
    Return {
        reason: &'a str,
    },
    Archive,
}

/// Why a decision was not taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// Returning needs a reason the author can act on.
    NoReason,
    /// The course is no longer in a state the decision applies to (another
    /// moderator decided first, or the page was old).
    StatusChanged,
}

/// The author sends her draft for review; `false` when it is no longer a
/// draft.
pub async fn send_for_review(
    tx: &mut PgConnection,
    course: &Course,
    author: Uuid,
    now: DateTime<Utc>,
) -> AppResult<bool> {
    Ok(store::set_status(tx, course.course_id, &[Draft], InReview, author, "", now).await?)
}

/// Takes the decision in `tx`: on success the message key to show the
/// moderator.
pub async fn decide(
    tx: &mut PgConnection,
    base_url: &str,
    course: &Course,
    moderator: Uuid,
    decision: Decision<'_>,
    now: DateTime<Utc>,
) -> AppResult<Result<&'static str, Refused>> {
    let (from, to, reason, message, told): (&[CourseStatus], _, &str, _, _) = match decision {
        Decision::Publish => (
            &[InReview, Archived],
            Published,
            "",
            "course-published",
            Some("published"),
        ),
        Decision::Return { reason } => {
            let reason = reason.trim();
            if reason.is_empty() {
                return Ok(Err(Refused::NoReason));
            }
            (
                &[InReview],
                Draft,
                reason,
                "course-returned",
                Some("returned"),
            )
        }
        Decision::Archive => (&[Published], Archived, "", "course-archived", None),
    };
    let id = course.course_id;
    if !store::set_status(&mut *tx, id, from, to, moderator, reason, now).await? {
        return Ok(Err(Refused::StatusChanged));
    }
    if let (Some(outcome), Some(author)) = (told, course.author_id) {
        let link = format!("/courses/{}", course.slug);
        tell(&mut *tx, base_url, author, now, |e, name| {
            let mail = emails::review_decision(e, name, outcome, &course.title, reason, &link);
            // The review of what a member wrote for others: the same
            // setting as the library's reviews.
            Notification::new(Kind::CourseReview, link.clone(), mail)
        })
        .await?;
    }
    Ok(Ok(message))
}
