//! Demo events for `kolega seed-demo`: the events of
//! `content/demo/events.json` (past and upcoming webinars with
//! registrations, a regional meeting, a round table in a municipality) and
//! its supervision groups with their meetings, written through the events
//! store and workflows. Dates are days from today, so the demo always has
//! an event behind it and some ahead. A past event's registrants attended
//! it and some left feedback. An event whose title exists already, or a
//! group whose slug does, is left alone, so running it twice adds nothing.

use chrono::{DateTime, Duration, Utc};
use serde::Deserialize;
use sqlx::PgPool;

use super::attendance;
use super::registration;
use super::store::{self, EventInput};
use super::vocabulary::{Audience, EventKind};
use crate::groups::store::{self as groups_store, NewGroup};
use crate::members::store::find_user_by_email;

/// The demo events, compiled in: the binary seeds without the repository.
pub const EVENTS_JSON: &str = include_str!("../../content/demo/events.json");

/// The whole file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoEvents {
    pub supervision_groups: Vec<DemoSupervisionGroup>,
    pub events: Vec<DemoEvent>,
}

/// A supervisor's secret group, whose meetings take case forms and notes.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoSupervisionGroup {
    pub slug: String,
    pub name: String,
    pub description: String,
    pub topics: Vec<String>,
    pub created_days_ago: i64,
    pub supervisor: String,
    pub members: Vec<String>,
    pub member_limit: Option<i32>,
    pub retention_months: i32,
}

/// One event; people are named by e-mail.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoEvent {
    pub kind: EventKind,
    pub title: String,
    /// Markdown.
    pub description: String,
    /// Days from today (negative: in the past), and the Belgrade time.
    pub starts_in_days: i64,
    pub at: String,
    pub hours_long: i64,
    pub speakers: String,
    pub capacity: Option<i32>,
    /// Online events have the demo meeting link.
    pub online: bool,
    pub place_address: String,
    pub city: String,
    pub points: i32,
    pub organiser: String,
    pub registrants: Vec<String>,
    /// A group's own event (its slug): only its members see it.
    #[serde(default)]
    pub group: Option<String>,
    /// For a past event: what some of those who attended thought of it.
    #[serde(default)]
    pub feedback: Vec<DemoFeedback>,
    /// For a past event: the link to its recording (demo courses attach it).
    #[serde(default)]
    pub recording_url: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoFeedback {
    pub from: String,
    pub rating: i16,
    pub comment: String,
}

/// The content of `content/demo/events.json`.
pub fn demo_events() -> serde_json::Result<DemoEvents> {
    serde_json::from_str(EVENTS_JSON)
}

/// Seeds the demo events and supervision groups; returns how many events
/// it created.
pub async fn seed(pool: &PgPool) -> anyhow::Result<usize> {
    let demo = demo_events()?;
    for group in &demo.supervision_groups {
        supervision_group(pool, group).await?;
    }
    let mut created = 0;
    for event in &demo.events {
        if add(pool, event).await? {
            created += 1;
        }
    }
    Ok(created)
}

/// Creates the supervision group unless its slug is taken.
async fn supervision_group(pool: &PgPool, demo: &DemoSupervisionGroup) -> anyhow::Result<()> {
    let Some(supervisor) = find_user_by_email(pool, &demo.supervisor).await? else {
        return Ok(());
    };
    if groups_store::find_group(pool, &demo.slug, None)
        .await?
        .is_some()
    {
        return Ok(());
    }
    let mut tx = pool.begin().await?;
    let group_id = groups_store::create_group(
        &mut tx,
        &NewGroup {
            slug: &demo.slug,
            name: &demo.name,
            description: &demo.description,
            visibility: crate::groups::vocabulary::Visibility::Secret,
            language: "sr",
            topics: &demo.topics,
            allow_anonymous: false,
            join_code: None,
        },
        supervisor.user_id,
        Utc::now() - Duration::days(demo.created_days_ago),
    )
    .await?;
    super::supervision::save_settings(
        &mut *tx,
        group_id,
        &super::supervision::Settings {
            supervision: true,
            member_limit: demo.member_limit,
            retention_months: demo.retention_months,
        },
    )
    .await?;
    for email in &demo.members {
        if let Some(member) = find_user_by_email(&mut *tx, email).await? {
            groups_store::activate_member(&mut tx, group_id, member.user_id, Utc::now()).await?;
        }
    }
    tx.commit().await?;
    Ok(())
}

/// Creates the event with its registrations unless one of that title
/// exists (or its organiser or group does not).
async fn add(pool: &PgPool, demo: &DemoEvent) -> anyhow::Result<bool> {
    let exists: bool = sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM events WHERE title = $1)")
        .bind(&demo.title)
        .fetch_one(pool)
        .await?;
    let Some(organiser) = find_user_by_email(pool, &demo.organiser).await? else {
        return Ok(false);
    };
    if exists {
        return Ok(false);
    }
    let group_id = match &demo.group {
        None => None,
        Some(slug) => match groups_store::find_group(pool, slug, None).await? {
            Some(group) => Some(group.group_id),
            None => return Ok(false),
        },
    };
    let starts_at = at(demo.starts_in_days, &demo.at)?;
    let input = EventInput {
        kind: demo.kind,
        title: demo.title.clone(),
        description: demo.description.clone(),
        starts_at,
        ends_at: starts_at + Duration::hours(demo.hours_long),
        language: "sr".into(),
        speakers: demo.speakers.clone(),
        audience: if group_id.is_some() {
            Audience::Group
        } else {
            Audience::Public
        },
        group_id,
        capacity: demo.capacity,
        registration_deadline: None,
        online_link: if demo.online {
            "https://meet.kolega.example/webinar".into()
        } else {
            String::new()
        },
        place_address: demo.place_address.clone(),
        city: demo.city.clone(),
        points: demo.points,
        accreditation_number: String::new(),
    };
    let mut tx = pool.begin().await?;
    let registered_at = input.starts_at.min(Utc::now()) - Duration::days(3);
    let event_id = store::create(&mut tx, &input, organiser.user_id, registered_at).await?;
    let past = input.ends_at < Utc::now();
    for email in &demo.registrants {
        let Some(member) = find_user_by_email(&mut *tx, email).await? else {
            continue;
        };
        registration::register(&mut tx, event_id, member.user_id, registered_at).await?;
        // A past event shows what follows one: attendance (with points) and feedback.
        if past {
            attendance::mark_attended(&mut tx, event_id, member.user_id, input.ends_at).await?;
            if let Some(feedback) = demo.feedback.iter().find(|f| &f.from == email) {
                super::feedback::save_feedback(
                    &mut *tx,
                    event_id,
                    member.user_id,
                    feedback.rating,
                    &feedback.comment,
                    input.ends_at,
                )
                .await?;
            }
        }
    }
    if past && !demo.recording_url.is_empty() {
        store::set_recording(&mut *tx, event_id, &demo.recording_url, "", input.ends_at).await?;
    }
    tx.commit().await?;
    Ok(true)
}

/// Today plus `days`, at `time` ("17:00") Belgrade time.
fn at(days: i64, time: &str) -> anyhow::Result<DateTime<Utc>> {
    let date = (Utc::now() + Duration::days(days))
        .format("%Y-%m-%d")
        .to_string();
    super::times::from_local(&date, time)
        .map_err(|_| anyhow::anyhow!("content/demo/events.json: a time like 17:00, not {time:?}"))
}
