//! Quizzes: a module's quiz settings, its questions and answers, and the
//! members' attempts (the order each was shown in, the answers chosen and
//! the score).

use chrono::{DateTime, Utc};
use sqlx::{PgConnection, PgExecutor};
use uuid::Uuid;

use crate::courses::quiz_forms::{QuestionInput, QuizInput};
use crate::courses::vocabulary::QuestionKind;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Quiz {
    pub module_id: Uuid,
    pub course_id: Uuid,
    pub pass_mark: i32,
    pub max_attempts: Option<i32>,
    pub cooldown_hours: i32,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Question {
    pub question_id: Uuid,
    pub module_id: Uuid,
    pub position: i32,
    pub kind: QuestionKind,
    pub prompt: String,
    pub feedback: String,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Answer {
    pub answer_id: Uuid,
    pub question_id: Uuid,
    pub text: String,
    pub correct: bool,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Attempt {
    pub attempt_id: Uuid,
    pub module_id: Uuid,
    pub started_at: DateTime<Utc>,
    pub question_order: Vec<Uuid>,
    pub answer_order: Vec<Uuid>,
    pub submitted_at: Option<DateTime<Utc>>,
    pub chosen: Vec<Uuid>,
    pub score: Option<i32>,
    pub passed: bool,
}

pub async fn find_quiz(
    executor: impl PgExecutor<'_>,
    module_id: Uuid,
) -> sqlx::Result<Option<Quiz>> {
    sqlx::query_as(
        "SELECT module_id, course_id, pass_mark, max_attempts, cooldown_hours
         FROM quizzes WHERE module_id = $1",
    )
    .bind(module_id)
    .fetch_optional(executor)
    .await
}

/// Creates the module's quiz or changes its settings.
pub async fn save_quiz(
    executor: impl PgExecutor<'_>,
    course_id: Uuid,
    module_id: Uuid,
    input: &QuizInput,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO quizzes (module_id, course_id, pass_mark, max_attempts, cooldown_hours)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (module_id) DO UPDATE SET pass_mark = EXCLUDED.pass_mark,
             max_attempts = EXCLUDED.max_attempts, cooldown_hours = EXCLUDED.cooldown_hours",
    )
    .bind(module_id)
    .bind(course_id)
    .bind(input.pass_mark)
    .bind(input.max_attempts)
    .bind(input.cooldown_hours)
    .execute(executor)
    .await?;
    Ok(())
}

/// The quiz's questions in the author's order, each with its answers.
pub async fn questions(
    conn: &mut PgConnection,
    module_id: Uuid,
) -> sqlx::Result<Vec<(Question, Vec<Answer>)>> {
    let questions: Vec<Question> = sqlx::query_as(
        "SELECT question_id, module_id, position, kind, prompt, feedback FROM quiz_questions
         WHERE module_id = $1 ORDER BY position",
    )
    .bind(module_id)
    .fetch_all(&mut *conn)
    .await?;
    let answers: Vec<Answer> = sqlx::query_as(
        "SELECT a.answer_id, a.question_id, a.text, a.correct FROM quiz_answers a
         JOIN quiz_questions q ON q.question_id = a.question_id
         WHERE q.module_id = $1 ORDER BY a.position",
    )
    .bind(module_id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(questions
        .into_iter()
        .map(|q| {
            let own = answers
                .iter()
                .filter(|a| a.question_id == q.question_id)
                .cloned()
                .collect();
            (q, own)
        })
        .collect())
}

async fn insert_answers(
    conn: &mut PgConnection,
    question_id: Uuid,
    input: &QuestionInput,
) -> sqlx::Result<()> {
    for (position, (text, correct)) in input.answers.iter().enumerate() {
        sqlx::query(
            "INSERT INTO quiz_answers (question_id, position, text, correct) VALUES ($1, $2, $3, $4)",
        )
        .bind(question_id)
        .bind(position as i32 + 1)
        .bind(text)
        .bind(correct)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// Appends a question (with its answers) at the end of the quiz.
pub async fn add_question(
    conn: &mut PgConnection,
    module_id: Uuid,
    input: &QuestionInput,
) -> sqlx::Result<Uuid> {
    let question_id: Uuid = sqlx::query_scalar(
        "INSERT INTO quiz_questions (module_id, position, kind, prompt, feedback)
         SELECT $1, COALESCE(MAX(position), 0) + 1, $2, $3, $4 FROM quiz_questions WHERE module_id = $1
         RETURNING question_id",
    )
    .bind(module_id)
    .bind(input.kind)
    .bind(&input.prompt)
    .bind(&input.feedback)
    .fetch_one(&mut *conn)
    .await?;
    insert_answers(conn, question_id, input).await?;
    Ok(question_id)
}

/// Rewrites a question and replaces its answers.
pub async fn update_question(
    conn: &mut PgConnection,
    question_id: Uuid,
    input: &QuestionInput,
) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE quiz_questions SET kind = $2, prompt = $3, feedback = $4 WHERE question_id = $1",
    )
    .bind(question_id)
    .bind(input.kind)
    .bind(&input.prompt)
    .bind(&input.feedback)
    .execute(&mut *conn)
    .await?;
    sqlx::query("DELETE FROM quiz_answers WHERE question_id = $1")
        .bind(question_id)
        .execute(&mut *conn)
        .await?;
    insert_answers(conn, question_id, input).await
}

pub async fn delete_question(
    executor: impl PgExecutor<'_>,
    module_id: Uuid,
    question_id: Uuid,
) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM quiz_questions WHERE module_id = $1 AND question_id = $2")
        .bind(module_id)
        .bind(question_id)
        .execute(executor)
        .await?;
    Ok(())
}

const ATTEMPT: &str = "SELECT attempt_id, module_id, started_at, question_order, answer_order,
    submitted_at, chosen, score, passed FROM quiz_attempts";

/// The member's attempt with this id; none when it is someone else's.
pub async fn find_attempt(
    executor: impl PgExecutor<'_>,
    module_id: Uuid,
    attempt_id: Uuid,
    user_id: Uuid,
) -> sqlx::Result<Option<Attempt>> {
    sqlx::query_as(&format!(
        "{ATTEMPT} WHERE module_id = $1 AND attempt_id = $2 AND user_id = $3"
    ))
    .bind(module_id)
    .bind(attempt_id)
    .bind(user_id)
    .fetch_optional(executor)
    .await
}

/// The member's attempts at the quiz, the latest first.
pub async fn attempts(
    executor: impl PgExecutor<'_>,
    module_id: Uuid,
    user_id: Uuid,
) -> sqlx::Result<Vec<Attempt>> {
    sqlx::query_as(&format!(
        "{ATTEMPT} WHERE module_id = $1 AND user_id = $2 ORDER BY started_at DESC, attempt_id"
    ))
    .bind(module_id)
    .bind(user_id)
    .fetch_all(executor)
    .await
}

/// Starts an attempt in the given order; false when one is open already
/// (a second "start" from another tab continues the first).
pub async fn start_attempt(
    executor: impl PgExecutor<'_>,
    attempt: &Attempt,
    user_id: Uuid,
) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "INSERT INTO quiz_attempts (attempt_id, module_id, user_id, started_at, question_order, answer_order)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (module_id, user_id) WHERE submitted_at IS NULL DO NOTHING",
    )
    .bind(attempt.attempt_id)
    .bind(attempt.module_id)
    .bind(user_id)
    .bind(attempt.started_at)
    .bind(&attempt.question_order)
    .bind(&attempt.answer_order)
    .execute(executor)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Records the answers and score of an open attempt; false (and nothing
/// changes) when it was submitted already.
pub async fn submit(
    executor: impl PgExecutor<'_>,
    attempt_id: Uuid,
    user_id: Uuid,
    (chosen, score, passed): (&[Uuid], i32, bool),
    now: DateTime<Utc>,
) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "UPDATE quiz_attempts SET submitted_at = $3, chosen = $4, score = $5, passed = $6
         WHERE attempt_id = $1 AND user_id = $2 AND submitted_at IS NULL",
    )
    .bind(attempt_id)
    .bind(user_id)
    .bind(now)
    .bind(chosen)
    .bind(score)
    .bind(passed)
    .execute(executor)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The modules of the course whose quiz has questions (those count in
/// progress and are offered to learners).
pub async fn quiz_modules(
    executor: impl PgExecutor<'_>,
    course_id: Uuid,
) -> sqlx::Result<Vec<Uuid>> {
    sqlx::query_scalar(
        "SELECT q.module_id FROM quizzes q WHERE q.course_id = $1
         AND EXISTS (SELECT 1 FROM quiz_questions x WHERE x.module_id = q.module_id)",
    )
    .bind(course_id)
    .fetch_all(executor)
    .await
}

/// The modules of the course whose quiz the member has passed.
pub async fn passed_modules(
    executor: impl PgExecutor<'_>,
    course_id: Uuid,
    user_id: Uuid,
) -> sqlx::Result<Vec<Uuid>> {
    sqlx::query_scalar(
        "SELECT DISTINCT a.module_id FROM quiz_attempts a JOIN quizzes q ON q.module_id = a.module_id
         WHERE q.course_id = $1 AND a.user_id = $2 AND a.passed",
    )
    .bind(course_id)
    .bind(user_id)
    .fetch_all(executor)
    .await
}
