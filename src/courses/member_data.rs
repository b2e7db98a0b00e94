//! A member's part of the courses, for her data download (`account_data`)
//! and her account's deletion. Her learning (enrolments, lessons done,
//! quiz attempts, the cohorts she joined) is hers and goes with her account; the courses she wrote
//! stay for those taking them, shown without her name.

use serde_json::{Value, json};
use sqlx::PgConnection;
use uuid::Uuid;

use crate::db::member_rows;

pub async fn export_for_member(conn: &mut PgConnection, user_id: Uuid) -> sqlx::Result<Value> {
    let enrolments = member_rows(
        conn,
        "SELECT c.title AS course, e.enrolled_at, e.completed_at, e.certificate_code,
                (SELECT p.points FROM points_entries p
                 WHERE p.user_id = e.user_id AND p.course_id = e.course_id) AS points,
                (SELECT count(*) FROM lesson_progress p JOIN lessons l USING (lesson_id)
                 WHERE p.user_id = e.user_id AND l.course_id = e.course_id) AS done_lessons,
                e.enrolled_at AS ord
         FROM enrolments e JOIN courses c USING (course_id) WHERE e.user_id = $1",
        user_id,
    )
    .await?;
    let lessons_done = member_rows(
        conn,
        "SELECT c.title AS course, l.title AS lesson, p.done_at, p.done_at AS ord
         FROM lesson_progress p JOIN lessons l USING (lesson_id) JOIN courses c USING (course_id)
         WHERE p.user_id = $1",
        user_id,
    )
    .await?;
    let quiz_attempts = member_rows(
        conn,
        "SELECT c.title AS course, m.title AS module, a.started_at, a.submitted_at, a.score,
                a.passed, a.started_at AS ord
         FROM quiz_attempts a JOIN course_modules m USING (module_id) JOIN courses c USING (course_id)
         WHERE a.user_id = $1",
        user_id,
    )
    .await?;
    let cohorts = member_rows(
        conn,
        "SELECT c.title AS course, h.title AS cohort, h.starts_on, h.ends_on, m.joined_at,
                m.reminded_at AS last_reminded_at, m.joined_at AS ord
         FROM cohort_members m JOIN course_cohorts h USING (cohort_id) JOIN courses c USING (course_id)
         WHERE m.user_id = $1",
        user_id,
    )
    .await?;
    let written = member_rows(
        conn,
        "SELECT title, summary, status, language, level, created_at, created_at AS ord
         FROM courses WHERE author_id = $1",
        user_id,
    )
    .await?;
    Ok(json!({
        "enrolments": enrolments,
        "lessons_done": lessons_done,
        "quiz_attempts": quiz_attempts,
        "cohorts": cohorts,
        "courses_written": written,
    }))
}

/// Erases her learning record; the courses she wrote stay.
pub async fn erase_member(conn: &mut PgConnection, user_id: Uuid) -> sqlx::Result<()> {
    for statement in [
        "DELETE FROM cohort_members WHERE user_id = $1",
        "DELETE FROM quiz_attempts WHERE user_id = $1",
        "DELETE FROM lesson_progress WHERE user_id = $1",
        "DELETE FROM enrolments WHERE user_id = $1",
    ] {
        sqlx::query(statement)
            .bind(user_id)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}
