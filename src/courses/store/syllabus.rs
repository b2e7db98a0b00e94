//! A course's modules and lessons, in their order, and moving them.

use chrono::{DateTime, Utc};
use sqlx::{PgConnection, PgExecutor};
use uuid::Uuid;

use crate::courses::vocabulary::Direction;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Module {
    pub module_id: Uuid,
    pub position: i32,
    pub title: String,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Lesson {
    pub lesson_id: Uuid,
    pub module_id: Uuid,
    pub course_id: Uuid,
    pub position: i32,
    pub title: String,
    pub body: String,
    pub body_html: String,
}

/// A lesson as the syllabus lists it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct LessonTitle {
    pub lesson_id: Uuid,
    pub module_id: Uuid,
    pub title: String,
}

/// The modules, in order, each with its lessons in order.
pub async fn syllabus(
    conn: &mut PgConnection,
    course_id: Uuid,
) -> sqlx::Result<Vec<(Module, Vec<LessonTitle>)>> {
    let modules: Vec<Module> = sqlx::query_as(
        "SELECT module_id, position, title FROM course_modules WHERE course_id = $1 ORDER BY position",
    )
    .bind(course_id)
    .fetch_all(&mut *conn)
    .await?;
    let lessons: Vec<LessonTitle> = sqlx::query_as(
        "SELECT l.lesson_id, l.module_id, l.title FROM lessons l
         JOIN course_modules m ON m.module_id = l.module_id
         WHERE l.course_id = $1 ORDER BY m.position, l.position",
    )
    .bind(course_id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(modules
        .into_iter()
        .map(|module| {
            let own = lessons
                .iter()
                .filter(|l| l.module_id == module.module_id)
                .cloned()
                .collect();
            (module, own)
        })
        .collect())
}

pub async fn find_module(
    executor: impl PgExecutor<'_>,
    course_id: Uuid,
    module_id: Uuid,
) -> sqlx::Result<Option<Module>> {
    sqlx::query_as(
        "SELECT module_id, position, title FROM course_modules WHERE course_id = $1 AND module_id = $2",
    )
    .bind(course_id)
    .bind(module_id)
    .fetch_optional(executor)
    .await
}

/// Appends a module at the end of the course.
pub async fn add_module(
    executor: impl PgExecutor<'_>,
    course_id: Uuid,
    title: &str,
) -> sqlx::Result<Uuid> {
    sqlx::query_scalar(
        "INSERT INTO course_modules (course_id, position, title)
         SELECT $1, COALESCE(MAX(position), 0) + 1, $2 FROM course_modules WHERE course_id = $1
         RETURNING module_id",
    )
    .bind(course_id)
    .bind(title)
    .fetch_one(executor)
    .await
}

pub async fn rename_module(
    executor: impl PgExecutor<'_>,
    module_id: Uuid,
    title: &str,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE course_modules SET title = $2 WHERE module_id = $1")
        .bind(module_id)
        .bind(title)
        .execute(executor)
        .await?;
    Ok(())
}

/// Swaps a module with its neighbour; nothing happens at either end.
pub async fn move_module(
    executor: impl PgExecutor<'_>,
    course_id: Uuid,
    module_id: Uuid,
    direction: Direction,
) -> sqlx::Result<()> {
    // The neighbour is the nearest position before (up) or after (down);
    // both rows change in one statement, the uniqueness checked at commit.
    sqlx::query(
        "WITH me AS (SELECT module_id, position FROM course_modules WHERE module_id = $2 AND course_id = $1),
              other AS (SELECT m.module_id, m.position FROM course_modules m, me
                        WHERE m.course_id = $1
                          AND CASE WHEN $3 THEN m.position < me.position ELSE m.position > me.position END
                        ORDER BY CASE WHEN $3 THEN -m.position ELSE m.position END LIMIT 1)
         UPDATE course_modules c SET position = CASE WHEN c.module_id = me.module_id THEN other.position
                                                     ELSE me.position END
         FROM me, other WHERE c.module_id IN (me.module_id, other.module_id)",
    )
    .bind(course_id)
    .bind(module_id)
    .bind(direction == Direction::Up)
    .execute(executor)
    .await?;
    Ok(())
}

pub async fn find_lesson(
    executor: impl PgExecutor<'_>,
    course_id: Uuid,
    lesson_id: Uuid,
) -> sqlx::Result<Option<Lesson>> {
    sqlx::query_as(
        "SELECT lesson_id, module_id, course_id, position, title, body, body_html
         FROM lessons WHERE course_id = $1 AND lesson_id = $2",
    )
    .bind(course_id)
    .bind(lesson_id)
    .fetch_optional(executor)
    .await
}

/// Appends a lesson at the end of its module.
pub async fn add_lesson(
    executor: impl PgExecutor<'_>,
    course_id: Uuid,
    module_id: Uuid,
    title: &str,
    body: &str,
    body_html: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<Uuid> {
    sqlx::query_scalar(
        "INSERT INTO lessons (module_id, course_id, position, title, body, body_html, created_at, updated_at)
         SELECT $1, $2, COALESCE(MAX(position), 0) + 1, $3, $4, $5, $6, $6 FROM lessons WHERE module_id = $1
         RETURNING lesson_id",
    )
    .bind(module_id)
    .bind(course_id)
    .bind(title)
    .bind(body)
    .bind(body_html)
    .bind(now)
    .fetch_one(executor)
    .await
}

pub async fn update_lesson(
    executor: impl PgExecutor<'_>,
    lesson_id: Uuid,
    title: &str,
    body: &str,
    body_html: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE lessons SET title = $2, body = $3, body_html = $4, updated_at = $5 WHERE lesson_id = $1",
    )
    .bind(lesson_id)
    .bind(title)
    .bind(body)
    .bind(body_html)
    .bind(now)
    .execute(executor)
    .await?;
    Ok(())
}

/// Swaps a lesson with its neighbour in the same module.
pub async fn move_lesson(
    executor: impl PgExecutor<'_>,
    lesson_id: Uuid,
    direction: Direction,
) -> sqlx::Result<()> {
    sqlx::query(
        "WITH me AS (SELECT lesson_id, module_id, position FROM lessons WHERE lesson_id = $1),
              other AS (SELECT l.lesson_id, l.position FROM lessons l, me
                        WHERE l.module_id = me.module_id
                          AND CASE WHEN $2 THEN l.position < me.position ELSE l.position > me.position END
                        ORDER BY CASE WHEN $2 THEN -l.position ELSE l.position END LIMIT 1)
         UPDATE lessons x SET position = CASE WHEN x.lesson_id = me.lesson_id THEN other.position
                                              ELSE me.position END
         FROM me, other WHERE x.lesson_id IN (me.lesson_id, other.lesson_id)",
    )
    .bind(lesson_id)
    .bind(direction == Direction::Up)
    .execute(executor)
    .await?;
    Ok(())
}
