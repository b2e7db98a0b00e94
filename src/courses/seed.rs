//! Demo courses for `kolega seed-demo`: the courses of
//! `content/demo/courses.json` (one in Serbian Latin, one written in
//! Cyrillic, one in English), each checked by the same form checks an
//! author's course passes (the personal-data guard among them), saved
//! through the courses store, published by the demo moderator, and taken
//! by a few demo members with some lessons done. A lesson may carry a demo
//! event's recording. A course whose title
//! exists already is left alone, so running it twice adds nothing.

use anyhow::{Context, bail};
use chrono::{Duration, Utc};
use serde::Deserialize;
use sqlx::PgPool;

use super::completion;
use super::forms::{CourseForm, LessonForm};
use super::store;
use super::vocabulary::CourseStatus;
use crate::i18n::Locale;
use crate::members::store::find_user_by_email;
use crate::text::search::slugify;

/// The demo courses, compiled in: the binary seeds without the repository.
pub const COURSES_JSON: &str = include_str!("../../content/demo/courses.json");

/// Who publishes the demo courses.
const MODERATOR: &str = "milica.jovanovic@kolega.example";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoCourses {
    pub courses: Vec<DemoCourse>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoCourse {
    pub title: String,
    pub summary: String,
    /// Markdown.
    pub description: String,
    pub language: String,
    pub level: String,
    pub estimated_hours: i32,
    pub licence_points: i32,
    pub topics: Vec<String>,
    pub audience: String,
    /// The author's e-mail.
    pub author: String,
    pub modules: Vec<DemoModule>,
    pub enrolled: Vec<DemoEnrolment>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoModule {
    pub title: String,
    pub lessons: Vec<DemoLesson>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoLesson {
    pub title: String,
    /// Markdown.
    pub body: String,
    /// A demo event's recording attached to the lesson.
    #[serde(default)]
    pub recording: Option<DemoRecording>,
}

/// An event (by its title in `content/demo/events.json`) whose recording
/// the lesson carries, with the author's caption.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoRecording {
    pub event: String,
    pub caption: String,
}

/// A demo member taking the course, with her first lessons done.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoEnrolment {
    pub member: String,
    pub lessons_done: usize,
}

pub fn courses() -> anyhow::Result<Vec<DemoCourse>> {
    let file: DemoCourses =
        serde_json::from_str(COURSES_JSON).context("content/demo/courses.json")?;
    Ok(file.courses)
}

/// Seeds the demo courses; returns how many it created.
pub async fn seed(pool: &PgPool) -> anyhow::Result<usize> {
    let Some(moderator) = find_user_by_email(pool, MODERATOR).await? else {
        return Ok(0);
    };
    let topics: Vec<String> = crate::library::store::topics(pool)
        .await?
        .into_iter()
        .map(|t| t.0)
        .collect();
    let mut created = 0;
    for (n, demo) in courses()?.into_iter().enumerate() {
        let exists = store::title_taken(pool, &demo.title).await?;
        let Some(author) = find_user_by_email(pool, &demo.author).await? else {
            continue;
        };
        if exists {
            continue;
        }
        let mut form = CourseForm {
            title: demo.title.clone(),
            summary: demo.summary.clone(),
            description: demo.description.clone(),
            language: demo.language.clone(),
            level: demo.level.clone(),
            estimated_hours: demo.estimated_hours.to_string(),
            licence_points: demo.licence_points.to_string(),
            topics: demo.topics.clone(),
            audience: demo.audience.clone(),
            // The demo courses are for no one group.
            group_id: String::new(),
            confirmed: false,
        };
        let input = match form.validate(Locale::En, &topics, &[]) {
            Ok(input) => input,
            Err((errors, warnings)) => bail!(
                "content/demo/courses.json, \"{}\": {errors:?} {warnings:?}",
                demo.title
            ),
        };
        // Written some weeks ago, published a few days later.
        let written = Utc::now() - Duration::days(40 - 10 * n as i64);
        let mut tx = pool.begin().await?;
        let slug = slugify(&demo.title).chars().take(80).collect::<String>();
        let course_id = store::create(&mut tx, &slug, &input, author.user_id, written).await?;
        let mut lesson_ids = Vec::new();
        for module in &demo.modules {
            let module_id = store::syllabus::add_module(&mut *tx, course_id, &module.title).await?;
            for lesson in &module.lessons {
                let mut form = LessonForm {
                    title: lesson.title.clone(),
                    body: lesson.body.clone(),
                    confirm_personal_data: None,
                };
                let Ok(checked) = form.validate(Locale::En) else {
                    bail!(
                        "content/demo/courses.json, lesson \"{}\" does not pass the lesson form's checks",
                        lesson.title
                    );
                };
                let id = store::syllabus::add_lesson(
                    &mut *tx,
                    course_id,
                    module_id,
                    &checked.title,
                    &checked.body,
                    &checked.body_html,
                    written,
                )
                .await?;
                lesson_ids.push(id);
                if let Some(recording) = &lesson.recording {
                    // The events are seeded first; without them the lesson
                    // simply carries nothing.
                    let event =
                        store::attachments::recorded_event_titled(&mut *tx, &recording.event)
                            .await?;
                    if let Some(event_id) = event {
                        let target = store::attachments::Target::Recording(event_id);
                        store::attachments::add(&mut tx, id, target, &recording.caption, written)
                            .await?;
                    }
                }
            }
        }
        let (author_id, moderator_id) = (author.user_id, moderator.user_id);
        let sent = written + Duration::days(1);
        store::set_status(
            &mut tx,
            course_id,
            &[CourseStatus::Draft],
            CourseStatus::InReview,
            author_id,
            "",
            sent,
        )
        .await?;
        let published = written + Duration::days(3);
        let from = [CourseStatus::InReview];
        store::set_status(
            &mut tx,
            course_id,
            &from,
            CourseStatus::Published,
            moderator_id,
            "",
            published,
        )
        .await?;
        for taking in &demo.enrolled {
            let Some(member) = find_user_by_email(pool, &taking.member).await? else {
                continue;
            };
            let enrolled = published + Duration::days(1);
            store::learning::enrol(&mut *tx, course_id, member.user_id, enrolled).await?;
            for (k, lesson) in lesson_ids.iter().take(taking.lessons_done).enumerate() {
                let done = enrolled + Duration::days(k as i64 + 1);
                store::learning::mark_done(&mut tx, course_id, *lesson, member.user_id, done)
                    .await?;
                completion::record_if_complete(&mut tx, course_id, member.user_id, done).await?;
            }
        }
        tx.commit().await?;
        created += 1;
    }
    Ok(created)
}
