//! The impact figures, each one query. Only counts leave the database:
//! nothing about a closed or secret group but that its posts are counted.

use chrono::{DateTime, Duration, Utc};
use sqlx::PgPool;

#[derive(Debug, Clone, Default)]
pub struct Figures {
    pub members: i64,
    /// (role, count), every role shown even at zero.
    pub members_by_role: Vec<(String, i64)>,
    /// (country code, count), largest first.
    pub members_by_country: Vec<(String, i64)>,
    pub active_30_days: i64,
    pub groups: i64,
    pub posts: i64,
    /// (event kind, held, attendees) for webinars, supervision and regional meetings.
    pub events: Vec<(String, i64, i64)>,
    pub resources: i64,
    pub downloads: i64,
    pub services: i64,
    pub services_verified: i64,
}

/// One value per month, oldest first, as "YYYY-MM" in Europe/Belgrade.
pub type Monthly = Vec<(String, i64)>;

pub const ROLES: [&str; 5] = ["practitioner", "student", "teacher", "moderator", "admin"];
pub const EVENT_KINDS: [&str; 3] = ["webinar", "supervision", "regional_meeting"];

/// Members are verified accounts that were not deleted.
const MEMBER: &str = "deleted_at IS NULL AND email_verified_at IS NOT NULL";

pub async fn figures(pool: &PgPool, now: DateTime<Utc>) -> sqlx::Result<Figures> {
    let by_role: Vec<(String, i64)> = sqlx::query_as(&format!(
        "SELECT role, count(*) FROM users WHERE {MEMBER} GROUP BY role"
    ))
    .fetch_all(pool)
    .await?;
    let members_by_role = ROLES
        .iter()
        .map(|role| {
            let count = by_role
                .iter()
                .find(|(r, _)| r == role)
                .map_or(0, |(_, c)| *c);
            (role.to_string(), count)
        })
        .collect();
    let members_by_country = sqlx::query_as(&format!(
        "SELECT country, count(*) AS n FROM users WHERE {MEMBER} GROUP BY country ORDER BY n DESC, country"
    ))
    .fetch_all(pool)
    .await?;
    let members = sqlx::query_scalar(&format!("SELECT count(*) FROM users WHERE {MEMBER}"))
        .fetch_one(pool)
        .await?;
    // Active: signed in (a session seen) or wrote something in 30 days.
    let active_30_days = sqlx::query_scalar(
        "SELECT count(DISTINCT user_id) FROM (
             SELECT user_id FROM sessions WHERE last_seen_at > $1
             UNION SELECT author_id FROM posts WHERE created_at > $1 AND deleted_at IS NULL
         ) AS active JOIN users USING (user_id) WHERE users.deleted_at IS NULL",
    )
    .bind(now - Duration::days(30))
    .fetch_one(pool)
    .await?;
    let (groups, posts): (i64, i64) = sqlx::query_as(
        "SELECT (SELECT count(*) FROM groups), (SELECT count(*) FROM posts WHERE deleted_at IS NULL)",
    )
    .fetch_one(pool)
    .await?;
    let held: Vec<(String, i64, i64)> = sqlx::query_as(
        "SELECT e.kind, count(DISTINCT e.event_id),
                count(r.user_id) FILTER (WHERE r.attended_at IS NOT NULL)
         FROM events e LEFT JOIN event_registrations r USING (event_id)
         WHERE e.cancelled_at IS NULL AND e.ends_at <= $1
         GROUP BY e.kind",
    )
    .bind(now)
    .fetch_all(pool)
    .await?;
    let events = EVENT_KINDS
        .iter()
        .map(|kind| {
            held.iter()
                .find(|(k, _, _)| k == kind)
                .cloned()
                .unwrap_or((kind.to_string(), 0, 0))
        })
        .collect();
    let (resources, downloads): (i64, i64) = sqlx::query_as(
        "SELECT count(*), coalesce(sum(downloads), 0)::bigint FROM resources WHERE status = 'published'",
    )
    .fetch_one(pool)
    .await?;
    let (services, services_verified): (i64, i64) = sqlx::query_as(
        "SELECT count(*), count(*) FILTER (WHERE last_verified_at >= $1)
         FROM services WHERE status = 'published'",
    )
    .bind(crate::directory::policy::stale_before(now))
    .fetch_one(pool)
    .await?;
    Ok(Figures {
        members,
        members_by_role,
        members_by_country,
        active_30_days,
        groups,
        posts,
        events,
        resources,
        downloads,
        services,
        services_verified,
    })
}

/// The few headline figures the home page shows, counted as [`figures`]
/// counts them (events held: the kinds of [`EVENT_KINDS`]), in one statement.
#[derive(Debug, Clone, Default, sqlx::FromRow)]
pub struct Headline {
    pub members: i64,
    pub groups: i64,
    pub posts: i64,
    pub events_held: i64,
    pub resources: i64,
    pub services: i64,
}

pub async fn headline(pool: &PgPool, now: DateTime<Utc>) -> sqlx::Result<Headline> {
    sqlx::query_as(&format!(
        "SELECT (SELECT count(*) FROM users WHERE {MEMBER}) AS members,
                (SELECT count(*) FROM groups) AS groups,
                (SELECT count(*) FROM posts WHERE deleted_at IS NULL) AS posts,
                (SELECT count(*) FROM events
                 WHERE cancelled_at IS NULL AND ends_at <= $1 AND kind = ANY ($2)) AS events_held,
                (SELECT count(*) FROM resources WHERE status = 'published') AS resources,
                (SELECT count(*) FROM services WHERE status = 'published') AS services"
    ))
    .bind(now)
    .bind(&EVENT_KINDS[..])
    .fetch_one(pool)
    .await
}

/// What each monthly series counts: a table and its timestamp column.
pub const SERIES: [(&str, &str); 4] = [
    (
        "members",
        "SELECT created_at AS at FROM users WHERE deleted_at IS NULL AND email_verified_at IS NOT NULL",
    ),
    (
        "posts",
        "SELECT created_at AS at FROM posts WHERE deleted_at IS NULL",
    ),
    (
        "attendees",
        "SELECT e.starts_at AS at FROM event_registrations r JOIN events e USING (event_id)
         WHERE r.attended_at IS NOT NULL AND e.cancelled_at IS NULL",
    ),
    (
        "resources",
        "SELECT published_at AS at FROM resources WHERE status = 'published'",
    ),
];

/// The last twelve months of one series (months without any count as 0).
pub async fn monthly(pool: &PgPool, rows_sql: &str, now: DateTime<Utc>) -> sqlx::Result<Monthly> {
    sqlx::query_as(&format!(
        "WITH months AS (
             SELECT generate_series(
                 date_trunc('month', $1 AT TIME ZONE 'Europe/Belgrade') - interval '11 months',
                 date_trunc('month', $1 AT TIME ZONE 'Europe/Belgrade'),
                 interval '1 month') AS month
         ), counted AS (
             SELECT date_trunc('month', at AT TIME ZONE 'Europe/Belgrade') AS month, count(*) AS n
             FROM ({rows_sql}) AS rows
             WHERE at > $1 - interval '13 months' AND at <= $1
             GROUP BY 1
         )
         SELECT to_char(months.month, 'YYYY-MM'), coalesce(counted.n, 0)
         FROM months LEFT JOIN counted USING (month) ORDER BY months.month"
    ))
    .bind(now)
    .fetch_all(pool)
    .await
}
