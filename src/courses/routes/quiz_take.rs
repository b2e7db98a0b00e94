//! Taking a module's quiz (enrolled members): the quiz page continues the
//! open attempt or shows the last result and whether another attempt is
//! allowed; starting shuffles the questions and answers for this attempt
//! and keeps the order; submitting scores on the server, once.

use axum::extract::{Path, State};
use axum::response::Response;
use uuid::Uuid;

use super::{course_path, parse_id, visible_course};
use crate::app::AppState;
use crate::courses::completion;
use crate::courses::policy::{self, NextAttempt};
use crate::courses::quiz::{self, shuffled};
use crate::courses::quiz_views::{Marked, Outcome, QuizPage, Shown};
use crate::courses::store::quizzes::{self, Answer, Attempt, Question, Quiz};
use crate::courses::store::syllabus::{self, Module};
use crate::courses::store::{Course, learning};
use crate::courses::vocabulary::QuestionKind;
use crate::web::current_user::{CurrentUser, SignedIn};
use crate::web::flash::redirect_with;
use crate::web::{AppError, AppResult, Form, Page, RequestContext};

type Questions = Vec<(Question, Vec<Answer>)>;

/// The course, module and quiz, if the member may take it.
async fn takeable(
    state: &AppState,
    ctx: &RequestContext,
    user: &CurrentUser,
    (slug, module_id): (&str, &str),
) -> AppResult<(Course, Module, Quiz)> {
    let course = visible_course(state, ctx, slug).await?;
    let module = syllabus::find_module(&state.db, course.course_id, parse_id(module_id)?)
        .await?
        .ok_or(AppError::NotFound)?;
    let quiz = quizzes::find_quiz(&state.db, module.module_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let enrolled = learning::enrolment(&state.db, course.course_id, user.user_id)
        .await?
        .is_some();
    if !policy::can_take_quiz(course.status, enrolled, Some(user)) {
        return Err(AppError::Forbidden);
    }
    Ok((course, module, quiz))
}

fn quiz_path(course: &Course, module: &Module) -> String {
    format!("{}/modules/{}/quiz", course_path(course), module.module_id)
}

/// The attempt's questions in its order; deleted ones are gone, and one
/// added since waits for the next attempt.
fn in_order<'a>(attempt: &Attempt, questions: &'a Questions) -> Vec<&'a (Question, Vec<Answer>)> {
    attempt
        .question_order
        .iter()
        .filter_map(|id| questions.iter().find(|(q, _)| q.question_id == *id))
        .collect()
}

fn shown(attempt: &Attempt, questions: &Questions) -> Vec<Shown> {
    let at = |id: Uuid| {
        attempt
            .answer_order
            .iter()
            .position(|x| *x == id)
            .unwrap_or(usize::MAX)
    };
    in_order(attempt, questions)
        .into_iter()
        .map(|(q, answers)| {
            let mut answers: Vec<(Uuid, String)> = answers
                .iter()
                .map(|a| (a.answer_id, a.text.clone()))
                .collect();
            answers.sort_by_key(|(id, _)| at(*id));
            Shown {
                question_id: q.question_id,
                prompt: q.prompt.clone(),
                multiple: q.kind == QuestionKind::Multiple,
                answers,
            }
        })
        .collect()
}

/// Each question of the attempt, marked against the answers chosen, with
/// its correct answers and those chosen (for the score).
type Checked = (Marked, Vec<Uuid>, Vec<Uuid>);

fn marked(attempt: &Attempt, chosen: &[Uuid], questions: &Questions) -> Vec<Checked> {
    in_order(attempt, questions)
        .into_iter()
        .map(|(q, answers)| {
            let correct: Vec<Uuid> = answers
                .iter()
                .filter(|a| a.correct)
                .map(|a| a.answer_id)
                .collect();
            let mine: Vec<Uuid> = answers
                .iter()
                .map(|a| a.answer_id)
                .filter(|id| chosen.contains(id))
                .collect();
            let right = quiz::is_right(&quiz::Marked {
                correct: &correct,
                chosen: &mine,
            });
            let view = Marked {
                prompt: q.prompt.clone(),
                right,
                feedback: q.feedback.clone(),
            };
            (view, correct, mine)
        })
        .collect()
}

fn outcome(attempt: &Attempt, questions: &Questions) -> Outcome {
    Outcome {
        score: attempt.score.unwrap_or(0),
        passed: attempt.passed,
        questions: marked(attempt, &attempt.chosen, questions)
            .into_iter()
            .map(|(m, _, _)| m)
            .collect(),
    }
}

/// Whether another attempt may start now.
fn next_for(quiz: &Quiz, attempts: &[Attempt], now: chrono::DateTime<chrono::Utc>) -> NextAttempt {
    let last = attempts.iter().filter_map(|a| a.submitted_at).max();
    let used = attempts.len() as i64;
    policy::next_attempt(used, quiz.max_attempts, last, quiz.cooldown_hours, now)
}

pub async fn show(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path((slug, module_id)): Path<(String, String)>,
) -> AppResult<QuizPage> {
    let (course, module, quiz) = takeable(&state, &ctx, &user, (&slug, &module_id)).await?;
    let mut conn = state.db.acquire().await?;
    let questions = quizzes::questions(&mut conn, module.module_id).await?;
    let attempts = quizzes::attempts(&mut *conn, module.module_id, user.user_id).await?;
    let open = attempts
        .iter()
        .find(|a| a.submitted_at.is_none())
        .map(|a| (a.attempt_id, shown(a, &questions)));
    let last = attempts.iter().find(|a| a.submitted_at.is_some());
    Ok(QuizPage {
        page: Page::new(&ctx, module.title.clone())
            .with_content_title(&course.language)
            .in_section("courses"),
        question_count: questions.len(),
        outcome: last.map(|a| outcome(a, &questions)),
        passed: attempts.iter().any(|a| a.passed),
        used: attempts.len() as i64,
        next: next_for(&quiz, &attempts, state.clock.now()),
        module_title: module.title,
        course,
        quiz,
        open,
    })
}

/// Starts an attempt (or continues the open one), its order shuffled from
/// the attempt's own id.
pub async fn start(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path((slug, module_id)): Path<(String, String)>,
) -> AppResult<Response> {
    let (course, module, quiz) = takeable(&state, &ctx, &user, (&slug, &module_id)).await?;
    let to = quiz_path(&course, &module);
    let secure = state.config.secure_cookies();
    let mut tx = state.db.begin().await?;
    let questions = quizzes::questions(&mut tx, module.module_id).await?;
    if questions.is_empty() {
        return Err(AppError::Conflict);
    }
    let attempts = quizzes::attempts(&mut *tx, module.module_id, user.user_id).await?;
    if attempts.iter().any(|a| a.submitted_at.is_none()) {
        return Ok(redirect_with(&to, "course-quiz-continued", secure));
    }
    let now = state.clock.now();
    if next_for(&quiz, &attempts, now) != NextAttempt::Allowed {
        return Ok(redirect_with(&to, "course-quiz-not-now", secure));
    }
    let attempt_id = Uuid::new_v4();
    let seed = quiz::seed_of(attempt_id);
    let question_order = shuffled(questions.iter().map(|(q, _)| q.question_id).collect(), seed);
    // Each question's answers get their own mix of the attempt's seed.
    let answer_order = questions
        .iter()
        .enumerate()
        .flat_map(|(i, (_, answers))| {
            let ids = answers.iter().map(|a| a.answer_id).collect();
            shuffled(ids, seed.wrapping_add(i as u64 + 1))
        })
        .collect();
    let attempt = Attempt {
        attempt_id,
        module_id: module.module_id,
        started_at: now,
        question_order,
        answer_order,
        submitted_at: None,
        chosen: Vec::new(),
        score: None,
        passed: false,
    };
    quizzes::start_attempt(&mut *tx, &attempt, user.user_id).await?;
    tx.commit().await?;
    Ok(redirect_with(&to, "course-quiz-started", secure))
}

/// Scores the attempt from the answers ticked and records it; a second
/// submission of the same attempt changes nothing.
pub async fn submit(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path((slug, module_id, attempt_id)): Path<(String, String, String)>,
    Form(fields): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let (course, module, quiz) = takeable(&state, &ctx, &user, (&slug, &module_id)).await?;
    let attempt_id = parse_id(&attempt_id)?;
    let to = quiz_path(&course, &module);
    let secure = state.config.secure_cookies();
    let mut tx = state.db.begin().await?;
    let attempt = quizzes::find_attempt(&mut *tx, module.module_id, attempt_id, user.user_id)
        .await?
        .ok_or(AppError::NotFound)?;
    if attempt.submitted_at.is_some() {
        return Ok(redirect_with(&to, "course-quiz-submitted-already", secure));
    }
    let questions = quizzes::questions(&mut tx, module.module_id).await?;
    // Only answers of this quiz's questions count; anything else is ignored.
    let chosen: Vec<Uuid> = fields
        .iter()
        .filter(|(name, _)| name.starts_with("q_"))
        .filter_map(|(_, value)| value.parse().ok())
        .filter(|id| {
            questions
                .iter()
                .any(|(_, answers)| answers.iter().any(|a| a.answer_id == *id))
        })
        .collect();
    let checked = marked(&attempt, &chosen, &questions);
    let marks: Vec<quiz::Marked> = checked
        .iter()
        .map(|(_, correct, mine)| quiz::Marked {
            correct,
            chosen: mine,
        })
        .collect();
    let score = quiz::score(&marks);
    let passed = score >= quiz.pass_mark;
    let now = state.clock.now();
    quizzes::submit(
        &mut *tx,
        attempt_id,
        user.user_id,
        (&chosen, score, passed),
        now,
    )
    .await?;
    let completed = passed
        && completion::record_if_complete(&mut tx, course.course_id, user.user_id, now)
            .await?
            .is_some();
    tx.commit().await?;
    // Back to the quiz's feedback either way; the message says when the
    // pass completed the course.
    let message = match (passed, completed) {
        (true, true) => "course-quiz-passed-completed-message",
        (true, false) => "course-quiz-passed-message",
        (false, _) => "course-quiz-failed-message",
    };
    Ok(redirect_with(&to, message, secure))
}
