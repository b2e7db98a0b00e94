//! SQL for peer support.

use chrono::{DateTime, Duration, Utc};
use sqlx::{PgConnection, PgExecutor};
use uuid::Uuid;

use super::status::RequestStatus;
use super::topic::Topic;

/// Unanswered requests are sent to the team again after this long.
pub const RESEND_AFTER: Duration = Duration::hours(24);

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Request {
    pub support_request_id: Uuid,
    pub requester_id: Uuid,
    pub supporter_id: Option<Uuid>,
    pub status: RequestStatus,
    pub topic: Topic,
    pub language: String,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Message {
    pub author_id: Uuid,
    /// None: a deleted account ("former member").
    pub author_name: Option<String>,
    pub body: String,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Person {
    pub user_id: Uuid,
    pub name: String,
    pub email: String,
    pub locale: String,
}

// No message text: a request's words are read only through `messages`,
// which the routes call for the conversation's two people alone.
const REQUEST_COLUMNS: &str = "r.support_request_id, r.requester_id, r.supporter_id, r.status, r.topic, r.language, r.created_at";

/// What a new request is: its author's words, and what the team may see.
pub struct NewRequest<'a> {
    pub requester: Uuid,
    pub topic: Topic,
    pub language: &'a str,
    pub body: &'a str,
}

pub async fn create(
    conn: &mut PgConnection,
    request: &NewRequest<'_>,
    now: DateTime<Utc>,
) -> sqlx::Result<Uuid> {
    let id: Uuid = sqlx::query_scalar(
        "INSERT INTO support_requests (requester_id, status, topic, language, created_at, team_notified_at)
         VALUES ($1, 'open', $2, $3, $4, $4)
         RETURNING support_request_id",
    )
    .bind(request.requester)
    .bind(request.topic)
    .bind(request.language)
    .bind(now)
    .fetch_one(&mut *conn)
    .await?;
    add_message(conn, id, request.requester, request.body, now).await?;
    Ok(id)
}

pub async fn add_message(
    executor: impl PgExecutor<'_>,
    request: Uuid,
    author: Uuid,
    body: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query("INSERT INTO support_messages (support_request_id, author_id, body, created_at) VALUES ($1, $2, $3, $4)")
        .bind(request)
        .bind(author)
        .bind(body)
        .bind(now)
        .execute(executor)
        .await?;
    Ok(())
}

pub async fn find(executor: impl PgExecutor<'_>, id: Uuid) -> sqlx::Result<Option<Request>> {
    sqlx::query_as(&format!(
        "SELECT {REQUEST_COLUMNS} FROM support_requests r WHERE r.support_request_id = $1"
    ))
    .bind(id)
    .fetch_optional(executor)
    .await
}

/// The member's own requests and those they support.
pub async fn mine(executor: impl PgExecutor<'_>, user: Uuid) -> sqlx::Result<Vec<Request>> {
    sqlx::query_as(&format!(
        "SELECT {REQUEST_COLUMNS} FROM support_requests r
         WHERE r.requester_id = $1 OR r.supporter_id = $1 ORDER BY r.created_at DESC LIMIT 100"
    ))
    .bind(user)
    .fetch_all(executor)
    .await
}

/// Requests waiting for a supporter (the team's queue), longest waiting
/// first, without `supporter`'s own.
pub async fn open_requests(
    executor: impl PgExecutor<'_>,
    supporter: Uuid,
) -> sqlx::Result<Vec<Request>> {
    sqlx::query_as(&format!(
        "SELECT {REQUEST_COLUMNS} FROM support_requests r
         WHERE r.status = 'open' AND r.requester_id <> $1 ORDER BY r.created_at LIMIT 100"
    ))
    .bind(supporter)
    .fetch_all(executor)
    .await
}

/// Takes an open request; false if someone else was quicker.
pub async fn take(
    executor: impl PgExecutor<'_>,
    id: Uuid,
    supporter: Uuid,
    now: DateTime<Utc>,
) -> sqlx::Result<bool> {
    let result = sqlx::query(
        "UPDATE support_requests SET supporter_id = $2, status = 'taken', taken_at = $3
         WHERE support_request_id = $1 AND status = 'open' AND requester_id <> $2",
    )
    .bind(id)
    .bind(supporter)
    .bind(now)
    .execute(executor)
    .await?;
    Ok(result.rows_affected() == 1)
}

pub async fn close(executor: impl PgExecutor<'_>, id: Uuid) -> sqlx::Result<()> {
    sqlx::query("UPDATE support_requests SET status = 'closed' WHERE support_request_id = $1")
        .bind(id)
        .execute(executor)
        .await?;
    Ok(())
}

pub async fn messages(executor: impl PgExecutor<'_>, id: Uuid) -> sqlx::Result<Vec<Message>> {
    sqlx::query_as(
        "SELECT m.author_id, CASE WHEN u.deleted_at IS NULL THEN u.name END AS author_name, m.body, m.created_at
         FROM support_messages m JOIN users u ON u.user_id = m.author_id
         WHERE m.support_request_id = $1 ORDER BY m.created_at",
    )
    .bind(id)
    .fetch_all(executor)
    .await
}

pub async fn team(executor: impl PgExecutor<'_>) -> sqlx::Result<Vec<Person>> {
    sqlx::query_as(
        "SELECT user_id, name, email, locale FROM users
         WHERE peer_supporter AND deleted_at IS NULL AND blocked_at IS NULL",
    )
    .fetch_all(executor)
    .await
}

pub async fn person(executor: impl PgExecutor<'_>, user_id: Uuid) -> sqlx::Result<Person> {
    sqlx::query_as("SELECT user_id, name, email, locale FROM users WHERE user_id = $1")
        .bind(user_id)
        .fetch_one(executor)
        .await
}

pub async fn is_supporter(executor: impl PgExecutor<'_>, user_id: Uuid) -> sqlx::Result<bool> {
    sqlx::query_scalar("SELECT peer_supporter FROM users WHERE user_id = $1")
        .bind(user_id)
        .fetch_one(executor)
        .await
}

pub async fn set_supporter(
    executor: impl PgExecutor<'_>,
    user_id: Uuid,
    on: bool,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE users SET peer_supporter = $2 WHERE user_id = $1")
        .bind(user_id)
        .bind(on)
        .execute(executor)
        .await?;
    Ok(())
}

/// Open requests the team has not heard about for 24 hours; marks them told.
pub async fn due_for_resend(
    conn: &mut PgConnection,
    now: DateTime<Utc>,
) -> sqlx::Result<Vec<Uuid>> {
    sqlx::query_scalar(
        "UPDATE support_requests SET team_notified_at = $1
         WHERE support_request_id IN (
             SELECT support_request_id FROM support_requests
             WHERE status = 'open' AND team_notified_at <= $2
             FOR UPDATE SKIP LOCKED)
         RETURNING support_request_id",
    )
    .bind(now)
    .bind(now - RESEND_AFTER)
    .fetch_all(conn)
    .await
}
