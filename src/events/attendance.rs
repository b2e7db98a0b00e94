//! Attendance and its consequences: a points-ledger entry with a
//! certificate code for every attended accredited event, and the member's
//! points per year and per licence period. The ledger also holds the points
//! of completed courses (written by `courses::completion`), which count in
//! the year and period of their completion.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use rand::Rng;
use sqlx::{PgConnection, PgExecutor};
use uuid::Uuid;

use super::vocabulary::EventKind;

/// Licences for social-protection professionals run six years.
pub const LICENCE_YEARS: i32 = 6;

/// Ten characters without look-alikes, to read off a printed certificate
/// (a course's certificate too).
pub fn certificate_code() -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    let mut rng = rand::thread_rng();
    (0..10)
        .map(|_| ALPHABET[rng.gen_range(0..ALPHABET.len())] as char)
        .collect()
}

/// Marks `user_id` as having attended (they must have a place), and
/// writes their points entry if the event is accredited. Returns false if
/// they had no place.
pub async fn mark_attended(
    conn: &mut PgConnection,
    event_id: Uuid,
    user_id: Uuid,
    now: DateTime<Utc>,
) -> sqlx::Result<bool> {
    let marked = sqlx::query(
        "UPDATE event_registrations SET attended_at = COALESCE(attended_at, $3)
         WHERE event_id = $1 AND user_id = $2 AND status = 'registered'",
    )
    .bind(event_id)
    .bind(user_id)
    .bind(now)
    .execute(&mut *conn)
    .await?
    .rows_affected()
        == 1;
    if marked {
        sqlx::query(
            "INSERT INTO points_entries (user_id, event_id, points, certificate_code, created_at)
             SELECT $2, event_id, points, $3, $4 FROM events WHERE event_id = $1 AND points > 0
             ON CONFLICT (user_id, event_id) DO NOTHING",
        )
        .bind(event_id)
        .bind(user_id)
        .bind(certificate_code())
        .bind(now)
        .execute(&mut *conn)
        .await?;
    }
    Ok(marked)
}

/// Takes back an attendance marked by mistake, with its points.
pub async fn unmark_attended(
    conn: &mut PgConnection,
    event_id: Uuid,
    user_id: Uuid,
) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE event_registrations SET attended_at = NULL WHERE event_id = $1 AND user_id = $2",
    )
    .bind(event_id)
    .bind(user_id)
    .execute(&mut *conn)
    .await?;
    sqlx::query("DELETE FROM points_entries WHERE event_id = $1 AND user_id = $2")
        .bind(event_id)
        .bind(user_id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Who attended, for the organisers' list.
pub async fn attended(executor: impl PgExecutor<'_>, event_id: Uuid) -> sqlx::Result<Vec<Uuid>> {
    sqlx::query_scalar(
        "SELECT user_id FROM event_registrations WHERE event_id = $1 AND attended_at IS NOT NULL",
    )
    .bind(event_id)
    .fetch_all(executor)
    .await
}

/// One line of the member's ledger: an attended event (`event_id`) or a
/// completed course (`course_slug`).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct LedgerEntry {
    pub event_id: Option<Uuid>,
    pub course_slug: Option<String>,
    pub title: String,
    /// The event's start; the course's completion.
    pub starts_at: DateTime<Utc>,
    pub points: i32,
    pub certificate_code: String,
}

impl LedgerEntry {
    /// Where the entry's title leads: the event or the course.
    pub fn href(&self) -> String {
        match (&self.event_id, &self.course_slug) {
            (Some(event), _) => format!("/events/{event}"),
            (None, Some(slug)) => format!("/courses/{slug}"),
            (None, None) => String::new(),
        }
    }

    /// The printable certificate: an event's under /me/certificates, a
    /// course's on the course.
    pub fn certificate_href(&self) -> String {
        match &self.course_slug {
            Some(slug) => format!("/courses/{slug}/certificate"),
            None => format!("/me/certificates/{}", self.certificate_code),
        }
    }
}

pub async fn ledger(
    executor: impl PgExecutor<'_>,
    user_id: Uuid,
) -> sqlx::Result<Vec<LedgerEntry>> {
    sqlx::query_as(
        "SELECT e.event_id, c.slug AS course_slug, COALESCE(e.title, c.title) AS title,
                COALESCE(e.starts_at, p.created_at) AS starts_at, p.points, p.certificate_code
         FROM points_entries p LEFT JOIN events e USING (event_id) LEFT JOIN courses c USING (course_id)
         WHERE p.user_id = $1 ORDER BY 4 DESC",
    )
    .bind(user_id)
    .fetch_all(executor)
    .await
}

/// The date the member's licence runs from, if they gave it.
pub async fn licence_since(
    executor: impl PgExecutor<'_>,
    user_id: Uuid,
) -> sqlx::Result<Option<NaiveDate>> {
    sqlx::query_scalar("SELECT licence_since FROM users WHERE user_id = $1")
        .bind(user_id)
        .fetch_one(executor)
        .await
}

pub async fn set_licence_since(
    executor: impl PgExecutor<'_>,
    user_id: Uuid,
    since: Option<NaiveDate>,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE users SET licence_since = $2 WHERE user_id = $1")
        .bind(user_id)
        .bind(since)
        .execute(executor)
        .await?;
    Ok(())
}

/// Hours of supervision meetings the member attended.
pub async fn supervision_hours(executor: impl PgExecutor<'_>, user_id: Uuid) -> sqlx::Result<f64> {
    sqlx::query_scalar(
        "SELECT COALESCE(sum(extract(epoch FROM e.ends_at - e.starts_at)) / 3600, 0)::float8
         FROM event_registrations r JOIN events e USING (event_id)
         WHERE r.user_id = $1 AND r.attended_at IS NOT NULL AND e.kind = 'supervision'",
    )
    .bind(user_id)
    .fetch_one(executor)
    .await
}

/// Points summed per calendar year (Belgrade dates), newest first.
pub fn per_year(entries: &[LedgerEntry]) -> Vec<(i32, i32)> {
    let mut years: Vec<(i32, i32)> = Vec::new();
    for entry in entries {
        let year = entry
            .starts_at
            .with_timezone(&chrono_tz::Europe::Belgrade)
            .year();
        match years.iter_mut().find(|(y, _)| *y == year) {
            Some((_, sum)) => *sum += entry.points,
            None => years.push((year, entry.points)),
        }
    }
    years.sort_by_key(|entry| std::cmp::Reverse(entry.0));
    years
}

/// A licence period and the points earned in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Period {
    pub from: NaiveDate,
    /// Exclusive.
    pub until: NaiveDate,
    pub points: i32,
}

impl Period {
    /// "1. 1. 2026. – 31. 12. 2031."
    pub fn label(&self) -> String {
        let last = self.until.pred_opt().unwrap_or(self.until);
        format!(
            "{} – {}",
            self.from.format("%-d. %-m. %Y."),
            last.format("%-d. %-m. %Y.")
        )
    }
}

/// Points per six-year licence period counted from `since`, from the first
/// period through the one containing `today`, newest first.
pub fn per_period(entries: &[LedgerEntry], since: NaiveDate, today: NaiveDate) -> Vec<Period> {
    let mut periods = Vec::new();
    let mut from = since;
    while from <= today {
        let until = from
            .with_year(from.year() + LICENCE_YEARS)
            .unwrap_or(NaiveDate::MAX);
        let points = entries
            .iter()
            .filter(|e| {
                let day = e
                    .starts_at
                    .with_timezone(&chrono_tz::Europe::Belgrade)
                    .date_naive();
                from <= day && day < until
            })
            .map(|e| e.points)
            .sum();
        periods.push(Period {
            from,
            until,
            points,
        });
        from = until;
    }
    periods.reverse();
    periods
}

/// What the public verification page may say about a certificate: name,
/// event, date and points — nothing else.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Certificate {
    pub user_id: Uuid,
    pub name: String,
    pub title: String,
    pub kind: EventKind,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub points: i32,
    pub certificate_code: String,
    pub speakers: String,
    /// An event of a closed or secret group: named by its kind only.
    pub confidential: bool,
    /// The event's organisers, each with their institution:
    /// "Ana Petrović (CSR Niš), Marko Ilić".
    pub organisers: String,
    /// Empty when the event has no accreditation.
    pub accreditation_number: String,
}

pub async fn certificate(
    executor: impl PgExecutor<'_>,
    code: &str,
) -> sqlx::Result<Option<Certificate>> {
    sqlx::query_as(
        "SELECT p.user_id, u.name, e.title, e.kind, e.starts_at, e.ends_at, p.points, p.certificate_code, e.speakers,
                COALESCE(g.visibility <> 'public', false) AS confidential,
                COALESCE((SELECT string_agg(o.name || CASE WHEN o.institution <> '' THEN ' (' || o.institution || ')' ELSE '' END,
                                            ', ' ORDER BY o.name)
                          FROM event_people ep JOIN users o ON o.user_id = ep.user_id
                          WHERE ep.event_id = e.event_id AND ep.role = 'organiser' AND o.deleted_at IS NULL), '') AS organisers,
                e.accreditation_number
         FROM points_entries p JOIN events e USING (event_id) JOIN users u ON u.user_id = p.user_id
         LEFT JOIN groups g ON g.group_id = e.group_id
         WHERE p.certificate_code = $1 AND u.deleted_at IS NULL",
    )
    .bind(code)
    .fetch_optional(executor)
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(day: &str, points: i32) -> LedgerEntry {
        LedgerEntry {
            event_id: Some(Uuid::nil()),
            course_slug: None,
            title: String::new(),
            starts_at: format!("{day}T10:00:00Z").parse().unwrap(),
            points,
            certificate_code: String::new(),
        }
    }

    #[test]
    fn points_add_up_per_year_and_per_licence_period() {
        let entries = [
            entry("2026-11-20", 4),
            entry("2026-03-01", 3),
            entry("2025-12-31", 2),
            entry("2019-05-01", 8),
        ];
        assert_eq!(per_year(&entries), vec![(2026, 7), (2025, 2), (2019, 8)]);
        let date = |s: &str| s.parse::<NaiveDate>().unwrap();
        let periods = per_period(&entries, date("2020-01-01"), date("2026-11-23"));
        assert_eq!(
            periods,
            vec![
                Period {
                    from: date("2026-01-01"),
                    until: date("2032-01-01"),
                    points: 7
                },
                Period {
                    from: date("2020-01-01"),
                    until: date("2026-01-01"),
                    points: 2
                },
            ]
        );
    }

    #[test]
    fn certificate_codes_are_readable() {
        let code = certificate_code();
        assert_eq!(code.len(), 10);
        assert!(!code.contains(['0', 'O', '1', 'I', 'L']));
    }
}
