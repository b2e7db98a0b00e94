//! A course's completion in PostgreSQL: the enrolment locked while the
//! completion is decided, `completed_at` and the certificate code set once,
//! the course's points written to the ledger (`points_entries`, source
//! 'course') once, and the certificate read back by its code.

use chrono::{DateTime, Utc};
use sqlx::{PgConnection, PgExecutor};
use uuid::Uuid;

use crate::courses::vocabulary::CourseStatus;

/// The enrolment, locked for the rest of the transaction, as
/// (course status, completed_at). Two requests finishing the course's last
/// two steps at once take turns here, so the second one counts the first
/// one's step (committed by then) and the course is completed by one of them.
pub async fn lock_enrolment(
    conn: &mut PgConnection,
    course_id: Uuid,
    user_id: Uuid,
) -> sqlx::Result<Option<(CourseStatus, Option<DateTime<Utc>>)>> {
    sqlx::query_as(
        "SELECT c.status, e.completed_at FROM enrolments e JOIN courses c USING (course_id)
         WHERE e.course_id = $1 AND e.user_id = $2
         FOR UPDATE OF e",
    )
    .bind(course_id)
    .bind(user_id)
    .fetch_optional(conn)
    .await
}

/// Marks the enrolment completed with its certificate code, unless it was
/// already: the code, when this call is the one that completed it.
pub async fn mark_completed(
    executor: impl PgExecutor<'_>,
    course_id: Uuid,
    user_id: Uuid,
    code: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<Option<String>> {
    sqlx::query_scalar(
        "UPDATE enrolments SET completed_at = $3, certificate_code = $4
         WHERE course_id = $1 AND user_id = $2 AND completed_at IS NULL
         RETURNING certificate_code",
    )
    .bind(course_id)
    .bind(user_id)
    .bind(now)
    .bind(code)
    .fetch_optional(executor)
    .await
}

/// Writes the course's licence points (if it gives any) to the member's
/// ledger under the certificate's code; a second call writes nothing.
/// The points written, if any.
pub async fn award_points(
    executor: impl PgExecutor<'_>,
    course_id: Uuid,
    user_id: Uuid,
    code: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<Option<i32>> {
    sqlx::query_scalar(
        "INSERT INTO points_entries (user_id, course_id, source, points, certificate_code, created_at)
         SELECT $2, course_id, 'course', licence_points, $3, $4 FROM courses
         WHERE course_id = $1 AND licence_points > 0
         ON CONFLICT (user_id, course_id) DO NOTHING
         RETURNING points",
    )
    .bind(course_id)
    .bind(user_id)
    .bind(code)
    .bind(now)
    .fetch_optional(executor)
    .await
}

/// A course's certificate: what the member prints and what anyone checking
/// its code sees (name, course, points, date).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CourseCertificate {
    pub user_id: Uuid,
    pub name: String,
    pub slug: String,
    pub title: String,
    pub language: String,
    pub estimated_hours: i32,
    pub author_name: Option<String>,
    /// The points given at completion (0 for a course without points).
    pub points: i32,
    pub completed_at: DateTime<Utc>,
    pub certificate_code: String,
}

const CERTIFICATE: &str =
    "SELECT e.user_id, u.name, c.slug, c.title, c.language, c.estimated_hours,
        a.name AS author_name, COALESCE(p.points, 0) AS points, e.completed_at, e.certificate_code
     FROM enrolments e JOIN courses c USING (course_id) JOIN users u ON u.user_id = e.user_id
     LEFT JOIN users a ON a.user_id = c.author_id AND a.deleted_at IS NULL
     LEFT JOIN points_entries p ON p.user_id = e.user_id AND p.course_id = e.course_id
     WHERE e.completed_at IS NOT NULL AND e.certificate_code IS NOT NULL AND u.deleted_at IS NULL";

/// The certificate with this code, if there is one.
pub async fn certificate(
    executor: impl PgExecutor<'_>,
    code: &str,
) -> sqlx::Result<Option<CourseCertificate>> {
    sqlx::query_as(&format!("{CERTIFICATE} AND e.certificate_code = $1"))
        .bind(code)
        .fetch_optional(executor)
        .await
}

/// The member's certificate for the course, once she has completed it.
pub async fn certificate_of(
    executor: impl PgExecutor<'_>,
    course_id: Uuid,
    user_id: Uuid,
) -> sqlx::Result<Option<CourseCertificate>> {
    sqlx::query_as(&format!(
        "{CERTIFICATE} AND e.course_id = $1 AND e.user_id = $2"
    ))
    .bind(course_id)
    .bind(user_id)
    .fetch_optional(executor)
    .await
}
