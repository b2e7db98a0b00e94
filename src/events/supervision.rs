//! Supervision groups: a secret group whose owner is the supervisor. Its
//! meetings (events of kind "supervision" for the group) collect case
//! dilemmas through a de-identifying form before the meeting and the
//! supervisor's notes after it. Every read is logged for the supervisor;
//! cases and notes are deleted after the group's retention period, with a
//! warning a week before. Nothing of it is searchable, listed or mailed.

use chrono::{DateTime, Duration, Utc};
use sqlx::{PgExecutor, PgPool};
use uuid::Uuid;

use crate::i18n::Args;
use crate::notify::email::SimpleEmail;
use crate::notify::{Kind, Notification, Recipient, notify};

pub const AGE_BANDS: [&str; 6] = ["0-5", "6-11", "12-17", "18-25", "26-64", "65plus"];
pub const MUNICIPALITY_SIZES: [&str; 4] = ["village", "small", "medium", "city"];
pub const DEFAULT_MEMBER_LIMIT: i32 = 8;

/// A supervision group's settings.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Settings {
    pub supervision: bool,
    pub member_limit: Option<i32>,
    pub retention_months: i32,
}

pub async fn settings(executor: impl PgExecutor<'_>, group_id: Uuid) -> sqlx::Result<Settings> {
    sqlx::query_as(
        "SELECT supervision, member_limit, retention_months FROM groups WHERE group_id = $1",
    )
    .bind(group_id)
    .fetch_one(executor)
    .await
}

pub async fn save_settings(
    executor: impl PgExecutor<'_>,
    group_id: Uuid,
    settings: &Settings,
) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE groups SET supervision = $2, member_limit = $3, retention_months = $4 WHERE group_id = $1",
    )
    .bind(group_id)
    .bind(settings.supervision)
    .bind(settings.member_limit)
    .bind(settings.retention_months)
    .execute(executor)
    .await?;
    Ok(())
}

/// Whether one more supervisee fits (the supervisor does not count).
pub async fn has_room(executor: impl PgExecutor<'_>, group_id: Uuid) -> sqlx::Result<bool> {
    sqlx::query_scalar(
        "SELECT NOT g.supervision OR g.member_limit IS NULL OR
                (SELECT count(*) FROM group_members m
                 WHERE m.group_id = g.group_id AND m.status = 'active' AND m.role <> 'owner') < g.member_limit
         FROM groups g WHERE g.group_id = $1",
    )
    .bind(group_id)
    .fetch_one(executor)
    .await
}

/// A case dilemma as the group sees it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Case {
    pub case_id: Uuid,
    pub author_name: Option<String>,
    pub age_band: String,
    pub municipality_size: String,
    pub situation: String,
    pub question: String,
    pub created_at: DateTime<Utc>,
}

impl Case {
    pub fn situation_html(&self) -> String {
        crate::text::markdown::render(&self.situation)
    }

    pub fn question_html(&self) -> String {
        crate::text::markdown::render(&self.question)
    }
}

pub async fn cases(executor: impl PgExecutor<'_>, event_id: Uuid) -> sqlx::Result<Vec<Case>> {
    sqlx::query_as(
        "SELECT c.case_id, CASE WHEN u.deleted_at IS NULL THEN u.name END AS author_name, c.age_band, c.municipality_size, c.situation, c.question, c.created_at
         FROM supervision_cases c LEFT JOIN users u ON u.user_id = c.author_id
         WHERE c.event_id = $1 ORDER BY c.created_at",
    )
    .bind(event_id)
    .fetch_all(executor)
    .await
}

pub struct NewCase<'a> {
    pub age_band: &'a str,
    pub municipality_size: &'a str,
    pub situation: &'a str,
    pub question: &'a str,
}

pub async fn add_case(
    executor: impl PgExecutor<'_>,
    event_id: Uuid,
    author: Uuid,
    case: &NewCase<'_>,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO supervision_cases (event_id, author_id, age_band, municipality_size, situation, question, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(event_id)
    .bind(author)
    .bind(case.age_band)
    .bind(case.municipality_size)
    .bind(case.situation)
    .bind(case.question)
    .bind(now)
    .execute(executor)
    .await?;
    Ok(())
}

pub async fn note(executor: impl PgExecutor<'_>, event_id: Uuid) -> sqlx::Result<Option<String>> {
    sqlx::query_scalar("SELECT body FROM supervision_notes WHERE event_id = $1")
        .bind(event_id)
        .fetch_optional(executor)
        .await
}

pub async fn save_note(
    executor: impl PgExecutor<'_>,
    event_id: Uuid,
    author: Uuid,
    body: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO supervision_notes (event_id, author_id, body, updated_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (event_id) DO UPDATE SET body = EXCLUDED.body, author_id = EXCLUDED.author_id,
                                              updated_at = EXCLUDED.updated_at",
    )
    .bind(event_id)
    .bind(author)
    .bind(body)
    .bind(now)
    .execute(executor)
    .await?;
    Ok(())
}

/// Writes a read of the meeting's cases or notes into the access log.
pub async fn log_read(
    executor: impl PgExecutor<'_>,
    group_id: Uuid,
    event_id: Uuid,
    reader: Uuid,
    what: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO supervision_reads (group_id, event_id, reader_id, what, read_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(group_id)
    .bind(event_id)
    .bind(reader)
    .bind(what)
    .bind(now)
    .execute(executor)
    .await?;
    Ok(())
}

/// A line of the access log.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Read {
    pub reader_name: Option<String>,
    pub event_title: Option<String>,
    pub what: String,
    pub read_at: DateTime<Utc>,
}

pub async fn reads(executor: impl PgExecutor<'_>, group_id: Uuid) -> sqlx::Result<Vec<Read>> {
    sqlx::query_as(
        "SELECT CASE WHEN u.deleted_at IS NULL THEN u.name END AS reader_name, e.title AS event_title, r.what, r.read_at
         FROM supervision_reads r
         LEFT JOIN users u ON u.user_id = r.reader_id
         LEFT JOIN events e ON e.event_id = r.event_id
         WHERE r.group_id = $1 ORDER BY r.read_at DESC LIMIT 300",
    )
    .bind(group_id)
    .fetch_all(executor)
    .await
}

/// Deletes the cases and notes of meetings whose retention period is over,
/// and warns each group's supervisor a week before. Returns (warned,
/// deleted meetings).
pub async fn apply_retention(
    pool: &PgPool,
    base_url: &str,
    now: DateTime<Utc>,
) -> anyhow::Result<(usize, u64)> {
    let mut tx = pool.begin().await?;
    // Warn once, a week ahead, and only where there is something to lose.
    #[allow(clippy::type_complexity)]
    let due: Vec<(Uuid, Uuid, String, DateTime<Utc>, Uuid, String, String, String)> = sqlx::query_as(
        "UPDATE events e SET retention_warned_at = $1
         FROM groups g, group_members m, users u
         WHERE g.group_id = e.group_id AND g.supervision AND e.retention_warned_at IS NULL
           AND m.group_id = g.group_id AND m.role = 'owner' AND m.status = 'active' AND u.user_id = m.user_id
           AND e.ends_at + make_interval(months => g.retention_months) - interval '7 days' <= $1
           AND (EXISTS (SELECT 1 FROM supervision_cases c WHERE c.event_id = e.event_id)
                OR EXISTS (SELECT 1 FROM supervision_notes n WHERE n.event_id = e.event_id))
         RETURNING e.event_id, g.group_id, g.name, e.ends_at + make_interval(months => g.retention_months),
                   u.user_id, u.email, u.name, u.locale",
    )
    .bind(now)
    .fetch_all(&mut *tx)
    .await?;
    for (event_id, group_id, group_name, delete_at, user_id, email, name, locale) in &due {
        let to = Recipient::new(*user_id, email, name, locale);
        let e = to.email_context(base_url);
        let args = Args::new().with("group", group_name.clone()).with(
            "date",
            delete_at
                .with_timezone(&chrono_tz::Europe::Belgrade)
                .format("%-d. %-m. %Y.")
                .to_string(),
        );
        let link = format!("/events/{event_id}/supervision");
        let mail = SimpleEmail {
            kind: "supervision_retention",
            subject: e.t_args("email-retention-subject", &args),
            greeting: e.greeting(name),
            paragraphs: vec![e.t_args("email-retention-body", &args)],
            action: Some((e.t("email-open-event"), e.link(&link))),
        };
        let notification =
            Notification::new(Kind::RetentionWarning, link, mail).in_group(*group_id);
        notify(&mut tx, base_url, &to, notification, now).await?;
    }
    let expired = "SELECT e.event_id FROM events e JOIN groups g ON g.group_id = e.group_id
                   WHERE g.supervision AND e.ends_at + make_interval(months => g.retention_months) <= $1";
    let deleted_cases = sqlx::query(&format!(
        "DELETE FROM supervision_cases WHERE event_id IN ({expired})"
    ))
    .bind(now)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    let deleted_notes = sqlx::query(&format!(
        "DELETE FROM supervision_notes WHERE event_id IN ({expired})"
    ))
    .bind(now)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    tx.commit().await?;
    Ok((due.len(), deleted_cases + deleted_notes))
}

/// When the meeting's cases and notes will be deleted.
pub fn deleted_after(ends_at: DateTime<Utc>, retention_months: i32) -> DateTime<Utc> {
    ends_at
        .checked_add_months(chrono::Months::new(retention_months.max(1) as u32))
        .unwrap_or(ends_at + Duration::days(365))
}
