//! Events in PostgreSQL: listing what a viewer may see, one event with the
//! viewer's relation to it, creating, changing and cancelling. Who
//! organises and speaks is in `people`, who registered in `participants`,
//! the private calendar feed in `calendar_feed`.

use chrono::{DateTime, Utc};
use sqlx::{PgConnection, PgExecutor};
use uuid::Uuid;

use super::policy::EventFacts;
use super::vocabulary::{Audience, EventKind, PersonRole, RegistrationStatus};

/// An event with its counts and the viewer's relation to it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct EventView {
    pub event_id: Uuid,
    pub kind: EventKind,
    pub title: String,
    pub description: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub language: String,
    pub speakers: String,
    pub audience: Audience,
    pub group_id: Option<Uuid>,
    pub group_slug: Option<String>,
    pub group_name: Option<String>,
    pub group_visibility: Option<String>,
    /// The event's group keeps supervision (case forms and notes); its
    /// meetings' supervision page exists only then.
    pub group_supervision: bool,
    pub capacity: Option<i32>,
    pub registration_deadline: Option<DateTime<Utc>>,
    pub online_link: String,
    pub place_address: String,
    pub city: String,
    pub points: i32,
    /// Empty when the event has no accreditation.
    pub accreditation_number: String,
    pub sequence: i32,
    pub updated_at: DateTime<Utc>,
    pub cancelled_at: Option<DateTime<Utc>>,
    pub cancel_reason: String,
    pub checkin_code: String,
    pub recording_url: String,
    pub materials: String,
    pub registered_count: i64,
    pub waitlist_count: i64,
    /// The viewer attended (marked by organisers or checked in).
    pub attended: bool,
    /// The viewer's registration, if she has one.
    pub my_status: Option<RegistrationStatus>,
    pub in_group: bool,
    pub moderates_group: bool,
    pub organiser: bool,
}

impl EventView {
    pub fn facts(&self) -> EventFacts {
        EventFacts {
            audience: self.audience,
            in_group: self.in_group,
            moderates_group: self.moderates_group,
            organiser: self.organiser,
            starts_at: self.starts_at,
            ends_at: self.ends_at,
            registration_deadline: self.registration_deadline,
            cancelled: self.cancelled_at.is_some(),
            registered: self.is_registered(),
            attended: self.attended,
        }
    }

    pub fn is_registered(&self) -> bool {
        self.my_status == Some(RegistrationStatus::Registered)
    }

    /// A supervision meeting (of a group that keeps supervision, it has a
    /// page for case forms and notes).
    pub fn is_supervision(&self) -> bool {
        self.kind == EventKind::Supervision
    }

    pub fn is_waitlisted(&self) -> bool {
        self.my_status == Some(RegistrationStatus::Waitlisted)
    }

    /// Places left, if the event has a limit.
    pub fn places_left(&self) -> Option<i64> {
        self.capacity
            .map(|capacity| (capacity as i64 - self.registered_count).max(0))
    }

    /// Every place is taken: whoever registers now joins the waitlist.
    pub fn is_full(&self) -> bool {
        self.places_left() == Some(0)
    }

    pub fn is_online(&self) -> bool {
        !self.online_link.is_empty()
    }

    /// "Kralja Milana 12, Niš", or what there is of it.
    pub fn place(&self) -> String {
        [self.place_address.as_str(), self.city.as_str()]
            .into_iter()
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// An event of a closed or secret group (a supervision meeting, say):
    /// outside the group's pages it is named by its kind and time only.
    pub fn is_confidential(&self) -> bool {
        self.group_visibility
            .as_deref()
            .is_some_and(|visibility| visibility != "public")
    }
}

/// Columns of [`EventView`] for viewer `$1`; `e` is the event, `g` its group.
pub(super) const EVENT_QUERY: &str = "SELECT e.event_id, e.kind, e.title, e.description, e.starts_at, e.ends_at, e.language,
    e.speakers, e.audience, e.group_id, g.slug AS group_slug, g.name AS group_name,
    g.visibility AS group_visibility, COALESCE(g.supervision, false) AS group_supervision, e.capacity,
    e.registration_deadline, e.online_link, e.place_address, e.city, e.points, e.accreditation_number, e.sequence, e.updated_at,
    e.cancelled_at, e.cancel_reason, e.checkin_code, e.recording_url, e.materials,
    COALESCE((SELECT r.attended_at IS NOT NULL FROM event_registrations r
              WHERE r.event_id = e.event_id AND r.user_id = $1), false) AS attended,
    (SELECT count(*) FROM event_registrations r WHERE r.event_id = e.event_id AND r.status = 'registered') AS registered_count,
    (SELECT count(*) FROM event_registrations r WHERE r.event_id = e.event_id AND r.status = 'waitlisted') AS waitlist_count,
    (SELECT r.status FROM event_registrations r WHERE r.event_id = e.event_id AND r.user_id = $1) AS my_status,
    COALESCE(gm.status = 'active', false) AS in_group,
    COALESCE(gm.status = 'active' AND gm.role IN ('owner', 'moderator'), false) AS moderates_group,
    (e.created_by = $1 OR EXISTS (SELECT 1 FROM event_people p WHERE p.event_id = e.event_id AND p.user_id = $1
                                  AND p.role = 'organiser')) IS TRUE AS organiser
    FROM events e
    LEFT JOIN groups g ON g.group_id = e.group_id
    LEFT JOIN group_members gm ON gm.group_id = e.group_id AND gm.user_id = $1";

/// SQL: the member `r.user_id` is still among the audience of event `e`:
/// it is not a group's, or she is an active member of its group. Departing
/// ends her registrations (`super::departure`); this keeps any that remain
/// (for an event that has already started, say) from bringing her news of
/// a group she has left — a recording, a reminder, a change.
pub const IN_AUDIENCE: &str = "(e.group_id IS NULL OR EXISTS (
    SELECT 1 FROM group_members audience
    WHERE audience.group_id = e.group_id AND audience.user_id = r.user_id AND audience.status = 'active'))";

pub async fn find(
    executor: impl PgExecutor<'_>,
    event_id: Uuid,
    viewer: Option<Uuid>,
) -> sqlx::Result<Option<EventView>> {
    sqlx::query_as(&format!("{EVENT_QUERY} WHERE e.event_id = $2"))
        .bind(viewer)
        .bind(event_id)
        .fetch_optional(executor)
        .await
}

/// Filters of `/events`, all optional.
#[derive(Debug, Clone, Default)]
pub struct ListQuery {
    pub past: bool,
    pub kind: Option<EventKind>,
    pub language: Option<String>,
    pub city: Option<String>,
    pub group_slug: Option<String>,
    pub signed_in: bool,
    pub limit: i64,
    pub offset: i64,
}

/// Events the viewer may see, upcoming soonest first or past latest first.
/// Visibility is decided here in SQL exactly as [`super::policy::can_see`]
/// decides it for one event.
pub async fn list(
    executor: impl PgExecutor<'_>,
    viewer: Option<Uuid>,
    query: &ListQuery,
    now: DateTime<Utc>,
) -> sqlx::Result<Vec<EventView>> {
    let order = if query.past {
        "e.starts_at DESC"
    } else {
        "e.starts_at"
    };
    sqlx::query_as(&format!(
        "{EVENT_QUERY}
         WHERE (e.audience = 'public' OR (e.audience = 'members' AND $2)
                OR gm.status = 'active'
                OR e.created_by = $1
                OR EXISTS (SELECT 1 FROM event_people p WHERE p.event_id = e.event_id AND p.user_id = $1))
           AND (CASE WHEN $3 THEN e.ends_at < $4 ELSE e.ends_at >= $4 END)
           AND ($5::text IS NULL OR e.kind = $5::text)
           AND ($6::text IS NULL OR e.language = $6)
           AND ($7::text IS NULL OR lower(e.city) = lower($7))
           AND ($8::text IS NULL OR g.slug = $8)
         ORDER BY {order}, e.event_id
         OFFSET $9 LIMIT $10"
    ))
    .bind(viewer)
    .bind(query.signed_in)
    .bind(query.past)
    .bind(now)
    .bind(query.kind)
    .bind(&query.language)
    .bind(&query.city)
    .bind(&query.group_slug)
    .bind(query.offset)
    .bind(query.limit)
    .fetch_all(executor)
    .await
}

/// Cities of events the filter can offer.
pub async fn cities(executor: impl PgExecutor<'_>) -> sqlx::Result<Vec<String>> {
    sqlx::query_scalar(
        "SELECT DISTINCT city FROM events WHERE city <> '' AND audience <> 'group' ORDER BY city",
    )
    .fetch_all(executor)
    .await
}

/// What an organiser enters.
#[derive(Debug, Clone)]
pub struct EventInput {
    pub kind: EventKind,
    pub title: String,
    pub description: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub language: String,
    pub speakers: String,
    pub audience: Audience,
    pub group_id: Option<Uuid>,
    pub capacity: Option<i32>,
    pub registration_deadline: Option<DateTime<Utc>>,
    pub online_link: String,
    pub place_address: String,
    pub city: String,
    pub points: i32,
    pub accreditation_number: String,
}

pub async fn create(
    conn: &mut PgConnection,
    input: &EventInput,
    organiser: Uuid,
    now: DateTime<Utc>,
) -> sqlx::Result<Uuid> {
    let event_id: Uuid = sqlx::query_scalar(
        "INSERT INTO events (kind, title, description, starts_at, ends_at, language, speakers, audience, group_id,
                             capacity, registration_deadline, online_link, place_address, city, points,
                             created_by, created_at, updated_at, accreditation_number)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $17, $18)
         RETURNING event_id",
    )
    .bind(input.kind)
    .bind(&input.title)
    .bind(&input.description)
    .bind(input.starts_at)
    .bind(input.ends_at)
    .bind(&input.language)
    .bind(&input.speakers)
    .bind(input.audience)
    .bind(input.group_id)
    .bind(input.capacity)
    .bind(input.registration_deadline)
    .bind(&input.online_link)
    .bind(&input.place_address)
    .bind(&input.city)
    .bind(input.points)
    .bind(organiser)
    .bind(now)
    .bind(&input.accreditation_number)
    .fetch_one(&mut *conn)
    .await?;
    sqlx::query("INSERT INTO event_people (event_id, user_id, role) VALUES ($1, $2, $3)")
        .bind(event_id)
        .bind(organiser)
        .bind(PersonRole::Organiser)
        .execute(&mut *conn)
        .await?;
    Ok(event_id)
}

/// Saves an organiser's changes. A change of time or place raises the
/// event's sequence (calendars apply the newer one) and is returned, so
/// registrants can be told.
pub async fn update(
    conn: &mut PgConnection,
    event_id: Uuid,
    input: &EventInput,
    now: DateTime<Utc>,
) -> sqlx::Result<bool> {
    let moved: bool = sqlx::query_scalar(
        "SELECT starts_at <> $2 OR ends_at <> $3 OR online_link <> $4 OR place_address <> $5 OR city <> $6
         FROM events WHERE event_id = $1 FOR UPDATE",
    )
    .bind(event_id)
    .bind(input.starts_at)
    .bind(input.ends_at)
    .bind(&input.online_link)
    .bind(&input.place_address)
    .bind(&input.city)
    .fetch_one(&mut *conn)
    .await?;
    sqlx::query(
        "UPDATE events SET kind = $2, title = $3, description = $4, starts_at = $5, ends_at = $6, language = $7,
                speakers = $8, capacity = $9, registration_deadline = $10, online_link = $11,
                place_address = $12, city = $13, points = $14, updated_at = $15,
                sequence = sequence + CASE WHEN $16 THEN 1 ELSE 0 END, accreditation_number = $17
         WHERE event_id = $1",
    )
    .bind(event_id)
    .bind(input.kind)
    .bind(&input.title)
    .bind(&input.description)
    .bind(input.starts_at)
    .bind(input.ends_at)
    .bind(&input.language)
    .bind(&input.speakers)
    .bind(input.capacity)
    .bind(input.registration_deadline)
    .bind(&input.online_link)
    .bind(&input.place_address)
    .bind(&input.city)
    .bind(input.points)
    .bind(now)
    .bind(moved)
    .bind(&input.accreditation_number)
    .execute(&mut *conn)
    .await?;
    if moved {
        // The reminders follow the new time.
        sqlx::query(
            "UPDATE event_registrations SET reminded_day_at = NULL, reminded_hour_at = NULL WHERE event_id = $1",
        )
        .bind(event_id)
        .execute(&mut *conn)
        .await?;
    }
    Ok(moved)
}

/// Sets the recording link and materials. Returns whether the recording
/// link is new (so registrants are told once, not on every correction).
pub async fn set_recording(
    executor: impl PgExecutor<'_>,
    event_id: Uuid,
    recording_url: &str,
    materials: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<bool> {
    sqlx::query_scalar(
        "UPDATE events e SET recording_url = $2, materials = $3, updated_at = $4
         FROM (SELECT recording_url FROM events WHERE event_id = $1) AS before
         WHERE e.event_id = $1
         RETURNING before.recording_url = '' AND $2 <> ''",
    )
    .bind(event_id)
    .bind(recording_url)
    .bind(materials)
    .bind(now)
    .fetch_one(executor)
    .await
}

/// Cancels the event. Returns false if it was cancelled already.
pub async fn cancel(
    executor: impl PgExecutor<'_>,
    event_id: Uuid,
    reason: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<bool> {
    let result = sqlx::query(
        "UPDATE events SET cancelled_at = $2, cancel_reason = $3, updated_at = $2, sequence = sequence + 1
         WHERE event_id = $1 AND cancelled_at IS NULL",
    )
    .bind(event_id)
    .bind(now)
    .bind(reason)
    .execute(executor)
    .await?;
    Ok(result.rows_affected() == 1)
}
