//! Cohorts in PostgreSQL: a cohort of a course, its members, their
//! progress (one row each for the teacher, aggregates for everyone else),
//! and the claim of the weekly reminders to those behind.

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::{PgConnection, PgExecutor};
use uuid::Uuid;

use super::course::audience_admits;
use super::learning::{DONE, TOTAL};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Cohort {
    pub cohort_id: Uuid,
    pub course_id: Uuid,
    pub title: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub deadline: NaiveDate,
    /// Its discussion group (closed, made with the cohort).
    pub group_id: Uuid,
    pub teacher_id: Option<Uuid>,
    pub teacher_name: Option<String>,
}

impl Cohort {
    pub fn is_taught_by(&self, user_id: Uuid) -> bool {
        self.teacher_id == Some(user_id)
    }
}

const COHORT_COLUMNS: &str =
    "h.cohort_id, h.course_id, h.title, h.starts_on, h.ends_on, h.deadline,
    h.group_id, h.teacher_id, CASE WHEN u.deleted_at IS NULL THEN u.name END AS teacher_name";

/// A checked cohort form.
#[derive(Debug, Clone)]
pub struct NewCohort {
    pub title: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub deadline: NaiveDate,
}

pub async fn create(
    executor: impl PgExecutor<'_>,
    cohort_id: Uuid,
    course_id: Uuid,
    cohort: &NewCohort,
    group_id: Uuid,
    teacher_id: Uuid,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO course_cohorts (cohort_id, course_id, title, starts_on, ends_on, deadline,
                                     group_id, teacher_id, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(cohort_id)
    .bind(course_id)
    .bind(&cohort.title)
    .bind(cohort.starts_on)
    .bind(cohort.ends_on)
    .bind(cohort.deadline)
    .bind(group_id)
    .bind(teacher_id)
    .bind(now)
    .execute(executor)
    .await?;
    Ok(())
}

/// The cohort of this course with this id.
pub async fn find(
    executor: impl PgExecutor<'_>,
    course_id: Uuid,
    cohort_id: Uuid,
) -> sqlx::Result<Option<Cohort>> {
    sqlx::query_as(&format!(
        "SELECT {COHORT_COLUMNS} FROM course_cohorts h LEFT JOIN users u ON u.user_id = h.teacher_id
         WHERE h.course_id = $1 AND h.cohort_id = $2"
    ))
    .bind(course_id)
    .bind(cohort_id)
    .fetch_optional(executor)
    .await
}

/// The course's cohorts, the latest start first.
pub async fn of_course(
    executor: impl PgExecutor<'_>,
    course_id: Uuid,
) -> sqlx::Result<Vec<Cohort>> {
    sqlx::query_as(&format!(
        "SELECT {COHORT_COLUMNS} FROM course_cohorts h LEFT JOIN users u ON u.user_id = h.teacher_id
         WHERE h.course_id = $1 ORDER BY h.starts_on DESC, h.cohort_id LIMIT 50"
    ))
    .bind(course_id)
    .fetch_all(executor)
    .await
}

pub async fn is_member(
    executor: impl PgExecutor<'_>,
    cohort_id: Uuid,
    user_id: Uuid,
) -> sqlx::Result<bool> {
    sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM cohort_members WHERE cohort_id = $1 AND user_id = $2)",
    )
    .bind(cohort_id)
    .bind(user_id)
    .fetch_one(executor)
    .await
}

/// Adds the member (once; joining again changes nothing).
pub async fn add_member(
    executor: impl PgExecutor<'_>,
    cohort_id: Uuid,
    user_id: Uuid,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO cohort_members (cohort_id, user_id, joined_at) VALUES ($1, $2, $3)
         ON CONFLICT (cohort_id, user_id) DO NOTHING",
    )
    .bind(cohort_id)
    .bind(user_id)
    .bind(now)
    .execute(executor)
    .await?;
    Ok(())
}

/// Lessons done and quizzes passed, and of how many, for the cohort's
/// member `cm` (the count of `learning::progress`).
fn done_of_member() -> String {
    DONE.replace("$1", "cm.user_id")
}

/// One member's progress, for the cohort's teacher only.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MemberProgress {
    pub name: String,
    pub done: i64,
    pub total: i64,
    pub completed_at: Option<DateTime<Utc>>,
    /// The last lesson done or quiz attempt in the course.
    pub last_activity: Option<DateTime<Utc>>,
}

pub async fn member_progress(
    executor: impl PgExecutor<'_>,
    cohort_id: Uuid,
) -> sqlx::Result<Vec<MemberProgress>> {
    sqlx::query_as(&format!(
        "SELECT u.name, {done} AS done, {TOTAL} AS total, e.completed_at,
            GREATEST(
              (SELECT max(p.done_at) FROM lesson_progress p JOIN lessons l ON l.lesson_id = p.lesson_id
               WHERE l.course_id = c.course_id AND p.user_id = cm.user_id),
              (SELECT max(COALESCE(a.submitted_at, a.started_at)) FROM quiz_attempts a
               JOIN quizzes q ON q.module_id = a.module_id
               WHERE q.course_id = c.course_id AND a.user_id = cm.user_id)) AS last_activity
         FROM cohort_members cm
         JOIN course_cohorts h ON h.cohort_id = cm.cohort_id
         JOIN courses c ON c.course_id = h.course_id
         JOIN users u ON u.user_id = cm.user_id
         LEFT JOIN enrolments e ON e.course_id = c.course_id AND e.user_id = cm.user_id
         WHERE cm.cohort_id = $1 AND u.deleted_at IS NULL
         ORDER BY u.name, u.user_id",
        done = done_of_member()
    ))
    .bind(cohort_id)
    .fetch_all(executor)
    .await
}

/// What everyone in the cohort may know: how many joined, how many
/// finished, and the average share done (percent; none without members).
#[derive(Debug, Clone, Default, sqlx::FromRow)]
pub struct Aggregates {
    pub enrolled: i64,
    pub finished: i64,
    pub average_percent: Option<i32>,
}

pub async fn aggregates(
    executor: impl PgExecutor<'_>,
    cohort_id: Uuid,
) -> sqlx::Result<Aggregates> {
    sqlx::query_as(&format!(
        "SELECT count(*) AS enrolled,
                count(*) FILTER (WHERE completed_at IS NOT NULL) AS finished,
                round(avg(CASE WHEN total > 0 THEN 100.0 * done / total ELSE 0 END))::int
                    AS average_percent
         FROM (SELECT {done} AS done, {TOTAL} AS total, e.completed_at
               FROM cohort_members cm
               JOIN course_cohorts h ON h.cohort_id = cm.cohort_id
               JOIN courses c ON c.course_id = h.course_id
               JOIN users u ON u.user_id = cm.user_id
               LEFT JOIN enrolments e ON e.course_id = c.course_id AND e.user_id = cm.user_id
               WHERE cm.cohort_id = $1 AND u.deleted_at IS NULL) members",
        done = done_of_member()
    ))
    .bind(cohort_id)
    .fetch_one(executor)
    .await
}

/// A reminder claimed for sending.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DueReminder {
    pub cohort_id: Uuid,
    pub cohort_title: String,
    pub deadline: NaiveDate,
    pub slug: String,
    pub course_title: String,
    pub user_id: Uuid,
    pub email: String,
    pub name: String,
    pub locale: String,
    pub done: i64,
    pub total: i64,
}

/// Claims every reminder due at `now`: members of a cohort running today
/// (Belgrade's date, from its start to its deadline) of a published
/// course still for them (a group's course: still in the group), not
/// finished, whose share done is below the share of the
/// cohort's time gone, and not reminded in the last 7 days. The claim is
/// the UPDATE that records the reminder, so a second scheduler running
/// the same statement finds the row taken (PostgreSQL re-checks the
/// condition on the updated row) and sends nothing.
pub async fn claim_due_reminders(
    conn: &mut PgConnection,
    now: DateTime<Utc>,
) -> sqlx::Result<Vec<DueReminder>> {
    sqlx::query_as(&format!(
        "WITH today AS (SELECT ($1::timestamptz AT TIME ZONE 'Europe/Belgrade')::date AS day)
         UPDATE cohort_members cm SET reminded_at = $1
         FROM course_cohorts h, courses c, users u, enrolments e, today
         WHERE h.cohort_id = cm.cohort_id AND c.course_id = h.course_id
           AND u.user_id = cm.user_id AND e.course_id = c.course_id AND e.user_id = cm.user_id
           AND c.status = 'published' AND e.completed_at IS NULL AND {admits}
           AND u.deleted_at IS NULL AND u.blocked_at IS NULL
           AND today.day BETWEEN h.starts_on AND h.deadline
           AND (cm.reminded_at IS NULL OR cm.reminded_at <= $1 - interval '7 days')
           AND {TOTAL} > 0
           AND ({done})::float8 / {TOTAL}
               < LEAST(1.0, (today.day - h.starts_on)::float8 / (h.ends_on - h.starts_on))
         RETURNING h.cohort_id, h.title AS cohort_title, h.deadline, c.slug, c.title AS course_title,
                   u.user_id, u.email, u.name, u.locale, {done} AS done, {TOTAL} AS total",
        done = done_of_member(),
        admits = audience_admits("cm.user_id")
    ))
    .bind(now)
    .fetch_all(conn)
    .await
}
