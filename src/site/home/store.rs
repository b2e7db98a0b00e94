//! SQL of the home page's blocks: each block is one query, and each query
//! takes the viewer and decides in SQL what they may see (the same rules as
//! `events::store::list`, `groups::store::list_threads` and
//! `library::policy`), so nothing of a group or event the viewer is not
//! part of ever leaves the database. Also the member's chosen topics.

use chrono::{DateTime, Utc};
use sqlx::{PgConnection, PgExecutor};
use uuid::Uuid;

use crate::directory::search::bounding_box;
use crate::directory::vocabulary::ServiceKind;
use crate::events::vocabulary::EventKind;
use crate::library::vocabulary::ResourceKind;

/// What the member blocks need to know about the member: the profile's
/// place, the followed topics and this year's licence points.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MemberFacts {
    pub city: String,
    pub country: String,
    /// Slugs of the followed topics, and their Serbian and English names,
    /// in the order of the Serbian names.
    pub topics: Vec<String>,
    pub topic_names_sr: Vec<String>,
    pub topic_names_en: Vec<String>,
    pub points: i64,
}

/// `year` is [from, until), the Belgrade calendar year in UTC.
pub async fn member_facts(
    executor: impl PgExecutor<'_>,
    user_id: Uuid,
    year: (DateTime<Utc>, DateTime<Utc>),
) -> sqlx::Result<MemberFacts> {
    // Points count in the year the event took place or the course was
    // completed (the entry's date), as /me/points does.
    sqlx::query_as(
        "SELECT u.city, u.country,
                ARRAY(SELECT l.slug FROM member_topics t JOIN library_topics l ON l.slug = t.topic_slug
                      WHERE t.user_id = u.user_id ORDER BY l.name_sr) AS topics,
                ARRAY(SELECT l.name_sr FROM member_topics t JOIN library_topics l ON l.slug = t.topic_slug
                      WHERE t.user_id = u.user_id ORDER BY l.name_sr) AS topic_names_sr,
                ARRAY(SELECT l.name_en FROM member_topics t JOIN library_topics l ON l.slug = t.topic_slug
                      WHERE t.user_id = u.user_id ORDER BY l.name_sr) AS topic_names_en,
                (SELECT COALESCE(sum(p.points), 0)::bigint
                 FROM points_entries p LEFT JOIN events e USING (event_id)
                 WHERE p.user_id = u.user_id AND COALESCE(e.starts_at, p.created_at) >= $2
                   AND COALESCE(e.starts_at, p.created_at) < $3) AS points
         FROM users u WHERE u.user_id = $1",
    )
    .bind(user_id)
    .bind(year.0)
    .bind(year.1)
    .fetch_one(executor)
    .await
}

/// An event the member registered for (or waits for a place at).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MyEvent {
    pub event_id: Uuid,
    pub kind: EventKind,
    pub title: String,
    /// The language it is written in, so the title reads in the reader's script.
    pub language: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub city: String,
    pub online: bool,
    pub waitlisted: bool,
    /// An event of a closed or secret group (a supervision meeting): named
    /// by its kind and time only, as calendars and e-mails do.
    pub confidential: bool,
}

/// The member's next events, soonest first: registered or waitlisted, not
/// cancelled, not over, and still visible to them (a group's event only
/// while they are in the group, or organise it).
pub async fn my_next_events(
    executor: impl PgExecutor<'_>,
    user_id: Uuid,
    now: DateTime<Utc>,
    limit: i64,
) -> sqlx::Result<Vec<MyEvent>> {
    sqlx::query_as(
        "SELECT e.event_id, e.kind, e.title, e.language, e.starts_at, e.ends_at, e.city,
                e.online_link <> '' AS online, r.status = 'waitlisted' AS waitlisted,
                COALESCE(g.visibility <> 'public', false) AS confidential
         FROM event_registrations r
         JOIN events e ON e.event_id = r.event_id
         LEFT JOIN groups g ON g.group_id = e.group_id
         LEFT JOIN group_members gm ON gm.group_id = e.group_id AND gm.user_id = r.user_id
         WHERE r.user_id = $1 AND r.status IN ('registered', 'waitlisted')
           AND e.cancelled_at IS NULL AND e.ends_at > $2
           AND (e.audience <> 'group' OR gm.status = 'active' OR e.created_by = $1
                OR EXISTS (SELECT 1 FROM event_people p WHERE p.event_id = e.event_id AND p.user_id = $1))
         ORDER BY e.starts_at, e.event_id
         LIMIT $3",
    )
    .bind(user_id)
    .bind(now)
    .bind(limit)
    .fetch_all(executor)
    .await
}

/// At most this many of a group's most recently active threads are looked
/// at per group (so a very busy group costs no more than this).
const THREADS_LOOKED_AT: i64 = 200;

/// A group of the member's with threads they have not read to the end.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct GroupActivity {
    pub slug: String,
    pub name: String,
    /// The group's language (its threads' titles are read in it).
    pub language: String,
    pub unread_threads: i64,
    pub latest_at: DateTime<Utc>,
    pub latest_thread_id: Uuid,
    pub latest_title: String,
}

/// Per group the member is an active member of: how many threads with
/// activity since `since` have posts newer than the member's reading
/// position, and the newest such thread; groups with the newest activity
/// first. A thread whose first post awaits approval counts only for its
/// author and the moderators, as on the group page. Only active
/// memberships count: nothing of a group the member is not in (or was
/// banned from, or only asked to join) appears.
///
/// Cost: without the window every thread of the member's groups would be
/// looked at on each visit, and as a plain join the planner scanned the
/// whole `threads` table. The lateral subquery walks each group's newest
/// threads in `threads_group_activity_idx` and the read position is one
/// primary-key probe per thread: a member of 14 groups of 500 threads each
/// (50,000 threads, 250,000 posts) costs 4 ms, against 50–100 ms before.
pub async fn unread_activity(
    executor: impl PgExecutor<'_>,
    user_id: Uuid,
    site_moderator: bool,
    since: DateTime<Utc>,
    limit: i64,
) -> sqlx::Result<Vec<GroupActivity>> {
    sqlx::query_as(
        "SELECT g.slug, g.name, g.language, count(*) AS unread_threads, max(t.last_post_at) AS latest_at,
                (array_agg(t.thread_id ORDER BY t.last_post_at DESC, t.thread_id DESC))[1] AS latest_thread_id,
                (array_agg(t.title ORDER BY t.last_post_at DESC, t.thread_id DESC))[1] AS latest_title
         FROM group_members m
         JOIN groups g ON g.group_id = m.group_id
         CROSS JOIN LATERAL (
             SELECT t.thread_id, t.title, t.last_post_at, t.post_count FROM threads t
             WHERE t.group_id = m.group_id AND t.last_post_at > $4
             ORDER BY t.last_post_at DESC
             LIMIT $5) AS t
         WHERE m.user_id = $1 AND m.status = 'active'
           AND t.post_count > COALESCE((SELECT r.last_read_seq FROM thread_reads r
                                        WHERE r.user_id = $1 AND r.thread_id = t.thread_id), 0)
           AND (m.role IN ('owner', 'moderator') OR $2
                OR NOT EXISTS (SELECT 1 FROM posts fp WHERE fp.thread_id = t.thread_id AND fp.seq = 1
                               AND fp.pending AND fp.author_id <> $1))
         GROUP BY g.group_id
         ORDER BY latest_at DESC, g.group_id
         LIMIT $3",
    )
    .bind(user_id)
    .bind(site_moderator)
    .bind(limit)
    .bind(since)
    .bind(THREADS_LOOKED_AT)
    .fetch_all(executor)
    .await
}

/// A published resource in a short list.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct NewResource {
    pub resource_id: Uuid,
    pub title: String,
    pub language: String,
    pub kind: ResourceKind,
    pub published_at: DateTime<Utc>,
}

/// The newest published resources (members-only ones included: the viewer
/// is a member) since `since`, in any of `topics`, or in any topic when
/// `topics` is `None`; superseded versions never.
pub async fn new_resources(
    executor: impl PgExecutor<'_>,
    topics: Option<&[String]>,
    since: DateTime<Utc>,
    limit: i64,
) -> sqlx::Result<Vec<NewResource>> {
    sqlx::query_as(
        "SELECT resource_id, title, language, kind, published_at FROM resources
         WHERE status = 'published' AND superseded_by IS NULL AND published_at > $2
           AND ($1::text[] IS NULL OR topics && $1)
         ORDER BY published_at DESC, resource_no DESC
         LIMIT $3",
    )
    .bind(topics)
    .bind(since)
    .bind(limit)
    .fetch_all(executor)
    .await
}

/// A service near the member's place.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct NearService {
    pub service_id: Uuid,
    pub name: String,
    pub kind: ServiceKind,
    pub municipality_name: String,
    pub municipality_name_cyrl: String,
    /// Empty for a confidential address (a shelter's): it never leaves the database.
    pub address: String,
    pub is_demo: bool,
    pub last_verified_at: DateTime<Utc>,
    pub distance_km: f64,
}

/// Published services at most `radius_km` from (lat, lon) and verified
/// since `verified_since`, nearest first. The box of latitudes (indexed)
/// and longitudes keeps the exact distance to the rows inside it.
pub async fn services_near(
    executor: impl PgExecutor<'_>,
    (lat, lon): (f64, f64),
    radius_km: f64,
    verified_since: DateTime<Utc>,
    limit: i64,
) -> sqlx::Result<Vec<NearService>> {
    let ((south, north), longitudes) = bounding_box(lat, lon, radius_km);
    let (west, east) = longitudes.unzip();
    sqlx::query_as(
        "SELECT service_id, name, kind, municipality_name, municipality_name_cyrl, address, is_demo,
                last_verified_at, distance_km
         FROM (SELECT s.service_id, s.service_no, s.name, s.kind, m.name AS municipality_name,
                      m.name_cyrl AS municipality_name_cyrl,
                      CASE WHEN s.address_confidential THEN '' ELSE s.address END AS address,
                      s.is_demo, s.last_verified_at,
                      6371.0 * 2 * asin(least(1, sqrt(power(sin(radians(s.latitude - $1) / 2), 2)
                          + cos(radians($1)) * cos(radians(s.latitude))
                            * power(sin(radians(s.longitude - $2) / 2), 2)))) AS distance_km
               FROM services s JOIN municipalities m USING (municipality_id)
               WHERE s.status = 'published' AND s.last_verified_at >= $4
                 AND s.latitude BETWEEN $5 AND $6
                 AND ($7::float8 IS NULL OR s.longitude BETWEEN $7 AND $8)) AS near
         WHERE distance_km <= $3
         ORDER BY distance_km, service_no
         LIMIT $9",
    )
    .bind(lat)
    .bind(lon)
    .bind(radius_km)
    .bind(verified_since)
    .bind(south)
    .bind(north)
    .bind(west)
    .bind(east)
    .bind(limit)
    .fetch_all(executor)
    .await
}

/// A public webinar for the visitor's home page.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PublicWebinar {
    pub event_id: Uuid,
    pub title: String,
    pub language: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub online: bool,
    pub city: String,
    pub points: i32,
}

/// Upcoming (or running) webinars open to everyone, soonest first: never a
/// members-only or a group's event, never a cancelled one.
pub async fn public_webinars(
    executor: impl PgExecutor<'_>,
    now: DateTime<Utc>,
    limit: i64,
) -> sqlx::Result<Vec<PublicWebinar>> {
    sqlx::query_as(
        "SELECT event_id, title, language, starts_at, ends_at, online_link <> '' AS online, city, points
         FROM events
         WHERE audience = 'public' AND kind = 'webinar' AND cancelled_at IS NULL AND ends_at > $1
         ORDER BY starts_at, event_id
         LIMIT $2",
    )
    .bind(now)
    .bind(limit)
    .fetch_all(executor)
    .await
}

/// Every library topic's slug (to check a submitted choice against).
pub async fn topic_slugs(executor: impl PgExecutor<'_>) -> sqlx::Result<Vec<String>> {
    sqlx::query_scalar("SELECT slug FROM library_topics")
        .fetch_all(executor)
        .await
}

/// The topics a member follows.
pub async fn member_topics(
    executor: impl PgExecutor<'_>,
    user_id: Uuid,
) -> sqlx::Result<Vec<String>> {
    sqlx::query_scalar(
        "SELECT topic_slug FROM member_topics WHERE user_id = $1 ORDER BY topic_slug",
    )
    .bind(user_id)
    .fetch_all(executor)
    .await
}

/// Replaces the member's topics with `topics` (known slugs; the caller
/// checks them). Kept topics keep the date they were first chosen.
pub async fn set_member_topics(
    conn: &mut PgConnection,
    user_id: Uuid,
    topics: &[String],
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM member_topics WHERE user_id = $1 AND NOT (topic_slug = ANY ($2))")
        .bind(user_id)
        .bind(topics)
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "INSERT INTO member_topics (user_id, topic_slug, created_at)
         SELECT $1, slug, $3 FROM unnest($2::text[]) AS slug
         ON CONFLICT (user_id, topic_slug) DO NOTHING",
    )
    .bind(user_id)
    .bind(topics)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(())
}
