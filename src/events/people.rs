//! The members who organise or speak at an event, and the groups whose
//! events a member may organise.

use sqlx::{PgConnection, PgExecutor};
use uuid::Uuid;

use super::vocabulary::PersonRole;

/// A member organising or speaking at an event.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Person {
    pub name: String,
    pub handle: String,
    pub email: String,
    pub role: PersonRole,
}

pub async fn people(executor: impl PgExecutor<'_>, event_id: Uuid) -> sqlx::Result<Vec<Person>> {
    sqlx::query_as(
        "SELECT u.name, u.handle, u.email, p.role FROM event_people p JOIN users u USING (user_id)
         WHERE p.event_id = $1 AND u.deleted_at IS NULL ORDER BY p.role, u.name",
    )
    .bind(event_id)
    .fetch_all(executor)
    .await
}

/// Members with these handles: their ids, and the handles nobody has.
pub async fn resolve_handles(
    executor: impl PgExecutor<'_>,
    handles: &[String],
) -> sqlx::Result<(Vec<Uuid>, Vec<String>)> {
    let found: Vec<(Uuid, String)> = sqlx::query_as(
        "SELECT user_id, handle FROM users WHERE handle = ANY($1) AND deleted_at IS NULL",
    )
    .bind(handles)
    .fetch_all(executor)
    .await?;
    let unknown = handles
        .iter()
        .filter(|h| !found.iter().any(|(_, handle)| handle == *h))
        .cloned()
        .collect();
    Ok((found.into_iter().map(|(id, _)| id).collect(), unknown))
}

/// Replaces the event's member speakers.
pub async fn set_speakers(
    conn: &mut PgConnection,
    event_id: Uuid,
    speakers: &[Uuid],
) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM event_people WHERE event_id = $1 AND role = $2")
        .bind(event_id)
        .bind(PersonRole::Speaker)
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "INSERT INTO event_people (event_id, user_id, role) SELECT $1, unnest($2::uuid[]), $3
         ON CONFLICT DO NOTHING",
    )
    .bind(event_id)
    .bind(speakers)
    .bind(PersonRole::Speaker)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// A group whose events the member may organise (they own or moderate it).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OrganisableGroup {
    pub group_id: Uuid,
    pub slug: String,
    pub name: String,
}

pub async fn organisable_groups(
    executor: impl PgExecutor<'_>,
    user_id: Uuid,
) -> sqlx::Result<Vec<OrganisableGroup>> {
    sqlx::query_as(
        "SELECT g.group_id, g.slug, g.name FROM groups g JOIN group_members m USING (group_id)
         WHERE m.user_id = $1 AND m.status = 'active' AND m.role IN ('owner', 'moderator')
         ORDER BY g.name",
    )
    .bind(user_id)
    .fetch_all(executor)
    .await
}
