//! Members' enrolments and progress: enrolling, the lesson last opened,
//! lessons done, and the member's courses for `/me/learning`.

use chrono::{DateTime, Utc};
use sqlx::{PgConnection, PgExecutor};
use uuid::Uuid;

use crate::courses::vocabulary::CourseStatus;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Enrolment {
    pub enrolled_at: DateTime<Utc>,
    pub last_lesson_id: Option<Uuid>,
    pub completed_at: Option<DateTime<Utc>>,
}

pub async fn enrolment(
    executor: impl PgExecutor<'_>,
    course_id: Uuid,
    user_id: Uuid,
) -> sqlx::Result<Option<Enrolment>> {
    sqlx::query_as(
        "SELECT enrolled_at, last_lesson_id, completed_at FROM enrolments
         WHERE course_id = $1 AND user_id = $2",
    )
    .bind(course_id)
    .bind(user_id)
    .fetch_optional(executor)
    .await
}

/// Enrols the member (once; enrolling again changes nothing).
pub async fn enrol(
    executor: impl PgExecutor<'_>,
    course_id: Uuid,
    user_id: Uuid,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO enrolments (course_id, user_id, enrolled_at) VALUES ($1, $2, $3)
         ON CONFLICT (course_id, user_id) DO NOTHING",
    )
    .bind(course_id)
    .bind(user_id)
    .bind(now)
    .execute(executor)
    .await?;
    Ok(())
}

/// Remembers the lesson the member is at, for "continue" on any device.
pub async fn set_last_lesson(
    executor: impl PgExecutor<'_>,
    course_id: Uuid,
    user_id: Uuid,
    lesson_id: Uuid,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE enrolments SET last_lesson_id = $3 WHERE course_id = $1 AND user_id = $2")
        .bind(course_id)
        .bind(user_id)
        .bind(lesson_id)
        .execute(executor)
        .await?;
    Ok(())
}

/// Marks the lesson done (once) and remembers it as the lesson she is at.
/// Whether it completes the course is `courses::completion`'s to decide, in
/// the same transaction.
pub async fn mark_done(
    conn: &mut PgConnection,
    course_id: Uuid,
    lesson_id: Uuid,
    user_id: Uuid,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO lesson_progress (lesson_id, user_id, done_at) VALUES ($1, $2, $3)
         ON CONFLICT (user_id, lesson_id) DO NOTHING",
    )
    .bind(lesson_id)
    .bind(user_id)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    set_last_lesson(&mut *conn, course_id, user_id, lesson_id).await
}

/// Lessons done and quizzes passed, of the course's lessons and quizzes
/// (a quiz with questions counts like a lesson).
pub(super) const DONE: &str = "(SELECT COUNT(*) FROM lesson_progress p JOIN lessons l ON l.lesson_id = p.lesson_id
      WHERE l.course_id = c.course_id AND p.user_id = $1)
    + (SELECT COUNT(DISTINCT a.module_id) FROM quiz_attempts a JOIN quizzes q ON q.module_id = a.module_id
      WHERE q.course_id = c.course_id AND a.user_id = $1 AND a.passed
        AND EXISTS (SELECT 1 FROM quiz_questions x WHERE x.module_id = q.module_id))";
pub(super) const TOTAL: &str = "(SELECT COUNT(*) FROM lessons l WHERE l.course_id = c.course_id)
    + (SELECT COUNT(*) FROM quizzes q WHERE q.course_id = c.course_id
        AND EXISTS (SELECT 1 FROM quiz_questions x WHERE x.module_id = q.module_id))";

/// (lessons done + quizzes passed, lessons + quizzes) for the member.
pub async fn progress(
    executor: impl PgExecutor<'_>,
    course_id: Uuid,
    user_id: Uuid,
) -> sqlx::Result<(i64, i64)> {
    sqlx::query_as(&format!(
        "SELECT {DONE}, {TOTAL} FROM courses c WHERE c.course_id = $2"
    ))
    .bind(user_id)
    .bind(course_id)
    .fetch_one(executor)
    .await
}

/// The lessons of the course the member has done.
pub async fn done_lessons(
    executor: impl PgExecutor<'_>,
    course_id: Uuid,
    user_id: Uuid,
) -> sqlx::Result<Vec<Uuid>> {
    sqlx::query_scalar(
        "SELECT p.lesson_id FROM lesson_progress p JOIN lessons l ON l.lesson_id = p.lesson_id
         WHERE l.course_id = $1 AND p.user_id = $2",
    )
    .bind(course_id)
    .bind(user_id)
    .fetch_all(executor)
    .await
}

/// A course on the member's `/me/learning`.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Learning {
    pub slug: String,
    pub title: String,
    pub language: String,
    pub status: CourseStatus,
    pub last_lesson_id: Option<Uuid>,
    pub first_lesson_id: Option<Uuid>,
    pub completed_at: Option<DateTime<Utc>>,
    pub done: i64,
    pub total: i64,
}

impl Learning {
    /// Where "continue" leads: the lesson last opened, or the first.
    pub fn continue_at(&self) -> Option<Uuid> {
        self.last_lesson_id.or(self.first_lesson_id)
    }
}

/// The member's courses that are still published and still for her (a
/// group's course leaves when she leaves the group), the most recently
/// started first.
pub async fn my_courses(
    executor: impl PgExecutor<'_>,
    user_id: Uuid,
) -> sqlx::Result<Vec<Learning>> {
    sqlx::query_as(&format!(
        "SELECT c.slug, c.title, c.language, c.status, e.last_lesson_id, e.completed_at,
            (SELECT l.lesson_id FROM lessons l JOIN course_modules m ON m.module_id = l.module_id
             WHERE l.course_id = c.course_id ORDER BY m.position, l.position LIMIT 1) AS first_lesson_id,
            {DONE} AS done, {TOTAL} AS total
         FROM enrolments e JOIN courses c ON c.course_id = e.course_id
         WHERE e.user_id = $1 AND c.status = 'published' AND {admits}
         ORDER BY e.enrolled_at DESC LIMIT 200",
        admits = super::course::audience_admits("$1")
    ))
    .bind(user_id)
    .fetch_all(executor)
    .await
}
