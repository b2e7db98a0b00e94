//! A member's part of the events: what her data download holds of it, and
//! what deleting her account erases here (`account_data` calls both).
//!
//! A group event's title is given only while she may read the group (as
//! for the group's threads); its kind and time always.

use chrono::{DateTime, Utc};
use serde_json::{Value, json};
use sqlx::PgConnection;
use uuid::Uuid;

use crate::db::member_rows;
use crate::events::{promotion, registration, store};
use crate::groups::member_data::READABLE_GROUPS;
use crate::web::AppResult;

pub async fn export_for_member(conn: &mut PgConnection, user_id: Uuid) -> sqlx::Result<Value> {
    let event = format!(
        "CASE WHEN e.group_id IS NULL OR e.group_id IN ({READABLE_GROUPS}) THEN e.title END AS event"
    );
    let (licence_since, calendar_feed_since): (Option<chrono::NaiveDate>, Option<DateTime<Utc>>) =
        sqlx::query_as(
            "SELECT licence_since, (SELECT created_at FROM calendar_feeds WHERE user_id = $1)
             FROM users WHERE user_id = $1",
        )
        .bind(user_id)
        .fetch_one(&mut *conn)
        .await?;
    let registrations = member_rows(
        conn,
        &format!(
            "SELECT e.event_id, {event}, e.kind, e.starts_at, e.ends_at, r.status, r.registered_at, r.cancelled_at,
                    r.attended_at, e.starts_at AS ord
             FROM event_registrations r JOIN events e USING (event_id) WHERE r.user_id = $1"
        ),
        user_id,
    )
    .await?;
    let points = member_rows(
        conn,
        &format!(
            "SELECT p.source, {event}, e.kind, e.starts_at, c.title AS course, p.points,
                    p.certificate_code, p.created_at, p.created_at AS ord
             FROM points_entries p LEFT JOIN events e USING (event_id) LEFT JOIN courses c USING (course_id)
             WHERE p.user_id = $1"
        ),
        user_id,
    )
    .await?;
    let feedback = member_rows(
        conn,
        &format!(
            "SELECT {event}, e.kind, f.rating, f.comment, f.created_at, f.created_at AS ord
             FROM event_feedback f JOIN events e USING (event_id) WHERE f.user_id = $1"
        ),
        user_id,
    )
    .await?;
    let roles = member_rows(
        conn,
        &format!(
            "SELECT {event}, e.kind, e.starts_at, x.role, e.starts_at AS ord
             FROM (SELECT event_id, role FROM event_people WHERE user_id = $1
                   UNION SELECT event_id, 'creator' FROM events WHERE created_by = $1) AS x
             JOIN events e USING (event_id)"
        ),
        user_id,
    )
    .await?;
    let proposals = member_rows(
        conn,
        "SELECT kind, title, description, status, close_reason, created_at, created_at AS ord
         FROM event_proposals WHERE author_id = $1",
        user_id,
    )
    .await?;
    let votes = member_rows(
        conn,
        "SELECT p.title AS proposal, v.created_at, v.created_at AS ord
         FROM proposal_votes v JOIN event_proposals p USING (proposal_id) WHERE v.user_id = $1",
        user_id,
    )
    .await?;
    let cases = member_rows(
        conn,
        &format!(
            "SELECT {event}, e.starts_at, c.age_band, c.municipality_size, c.situation, c.question,
                    c.created_at, c.created_at AS ord
             FROM supervision_cases c JOIN events e USING (event_id) WHERE c.author_id = $1"
        ),
        user_id,
    )
    .await?;
    let notes = member_rows(
        conn,
        &format!(
            "SELECT {event}, e.starts_at, n.body, n.updated_at, n.updated_at AS ord
             FROM supervision_notes n JOIN events e USING (event_id) WHERE n.author_id = $1"
        ),
        user_id,
    )
    .await?;
    let reads = member_rows(
        conn,
        r#"SELECT g.name AS "group", r.what, r.read_at, r.read_at AS ord
           FROM supervision_reads r JOIN groups g USING (group_id) WHERE r.reader_id = $1"#,
        user_id,
    )
    .await?;
    Ok(json!({
        "licence_since": licence_since,
        "calendar_feed_since": calendar_feed_since,
        "registrations": registrations,
        "points_and_certificates": points,
        "feedback_given": feedback,
        "event_roles": roles,
        "proposals": proposals,
        "proposal_votes": votes,
        "supervision_cases": cases,
        "supervision_notes": notes,
        "supervision_reads": reads,
    }))
}

/// Cancels her places at events still ahead (each freed place goes to the
/// next on the waitlist, who is told) and erases her registrations, licence
/// points with their certificates, licence date, calendar feed, organiser
/// and speaker roles and proposal votes. That she attended a past event
/// stays, only as a row of the anonymised account that the attendance
/// figures count. Feedback, proposals and supervision cases and notes stay,
/// shown as "former member" where a name was shown.
pub async fn erase_member(
    conn: &mut PgConnection,
    user_id: Uuid,
    base_url: &str,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let ahead: Vec<Uuid> = sqlx::query_scalar(
        "SELECT r.event_id FROM event_registrations r JOIN events e USING (event_id)
         WHERE r.user_id = $1 AND r.status IN ('registered', 'waitlisted') AND e.starts_at > $2
         ORDER BY e.starts_at, r.event_id",
    )
    .bind(user_id)
    .bind(now)
    .fetch_all(&mut *conn)
    .await?;
    for event_id in ahead {
        let cancelled = registration::cancel(conn, event_id, user_id, now).await?;
        if let Some(promoted) = cancelled.promoted
            && let Some(event) = store::find(&mut *conn, event_id, Some(promoted)).await?
        {
            promotion::tell_promoted(conn, base_url, &event, promoted, now).await?;
        }
    }
    for statement in [
        "DELETE FROM event_registrations WHERE user_id = $1 AND attended_at IS NULL",
        "DELETE FROM points_entries WHERE user_id = $1",
        "DELETE FROM event_people WHERE user_id = $1",
        "DELETE FROM calendar_feeds WHERE user_id = $1",
        "DELETE FROM proposal_votes WHERE user_id = $1",
        "UPDATE users SET licence_since = NULL WHERE user_id = $1",
    ] {
        sqlx::query(statement)
            .bind(user_id)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}
