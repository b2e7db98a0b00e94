//! A course's figures for its author and moderators: how many enrolled,
//! were active in the last 30 days, completed, the median time to
//! complete, and for each quiz question the share of answers that were
//! right. Only counts leave these queries: no member is named.

use chrono::{DateTime, Duration, Utc};
use sqlx::PgExecutor;
use uuid::Uuid;

#[derive(Debug, Clone, Default, sqlx::FromRow)]
pub struct Figures {
    pub enrolled: i64,
    /// Enrolled members with a lesson done or a quiz attempt in 30 days.
    pub active: i64,
    pub completed: i64,
    /// The median of (completed − enrolled), in seconds; none before the
    /// first completion.
    pub median_seconds: Option<f64>,
}

pub async fn figures(
    executor: impl PgExecutor<'_>,
    course_id: Uuid,
    now: DateTime<Utc>,
) -> sqlx::Result<Figures> {
    sqlx::query_as(
        "SELECT count(*) AS enrolled,
                count(*) FILTER (WHERE EXISTS (
                    SELECT 1 FROM lesson_progress p JOIN lessons l ON l.lesson_id = p.lesson_id
                    WHERE l.course_id = e.course_id AND p.user_id = e.user_id AND p.done_at > $2)
                  OR EXISTS (
                    SELECT 1 FROM quiz_attempts a JOIN quizzes q ON q.module_id = a.module_id
                    WHERE q.course_id = e.course_id AND a.user_id = e.user_id AND a.started_at > $2))
                    AS active,
                count(*) FILTER (WHERE e.completed_at IS NOT NULL) AS completed,
                percentile_cont(0.5) WITHIN GROUP (
                    ORDER BY extract(epoch FROM e.completed_at - e.enrolled_at)::float8)
                    FILTER (WHERE e.completed_at IS NOT NULL) AS median_seconds
         FROM enrolments e WHERE e.course_id = $1",
    )
    .bind(course_id)
    .bind(now - Duration::days(30))
    .fetch_one(executor)
    .await
}

/// One quiz question and how its submitted answers went.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct QuestionFigures {
    pub module_title: String,
    pub prompt: String,
    /// Submitted attempts that showed the question.
    pub answered: i64,
    /// Of those, the ones that chose exactly its correct answers (as
    /// `quiz::is_right` scores them).
    pub answered_right: i64,
}

impl QuestionFigures {
    /// The share answered right, in whole percent; none before any answer.
    pub fn percent_right(&self) -> Option<i64> {
        (self.answered > 0).then(|| (self.answered_right * 100 + self.answered / 2) / self.answered)
    }
}

/// Every question of the course's quizzes, in the syllabus's order.
pub async fn questions(
    executor: impl PgExecutor<'_>,
    course_id: Uuid,
) -> sqlx::Result<Vec<QuestionFigures>> {
    sqlx::query_as(
        "SELECT m.title AS module_title, x.prompt,
                count(a.attempt_id) AS answered,
                count(a.attempt_id) FILTER (WHERE
                    ARRAY(SELECT y.answer_id FROM quiz_answers y
                          WHERE y.question_id = x.question_id AND y.answer_id = ANY (a.chosen)
                          ORDER BY y.answer_id)
                  = ARRAY(SELECT y.answer_id FROM quiz_answers y
                          WHERE y.question_id = x.question_id AND y.correct
                          ORDER BY y.answer_id)) AS answered_right
         FROM quiz_questions x
         JOIN course_modules m ON m.module_id = x.module_id
         LEFT JOIN quiz_attempts a ON a.module_id = x.module_id AND a.submitted_at IS NOT NULL
                                  AND x.question_id = ANY (a.question_order)
         WHERE m.course_id = $1
         GROUP BY m.position, x.position, x.question_id, m.title, x.prompt
         ORDER BY m.position, x.position, x.question_id",
    )
    .bind(course_id)
    .fetch_all(executor)
    .await
}
