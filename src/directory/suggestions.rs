//! Members' suggestions — a new service, or a correction to one — kept as
//! the proposed record (JSON) until a moderator accepts (perhaps after
//! editing) or refuses it with a reason ([`decide`], the whole workflow).

use chrono::{DateTime, Utc};
use sqlx::types::Json;
use sqlx::{PgConnection, PgExecutor};
use uuid::Uuid;

use super::emails;
use super::store::{self, Provenance, ServiceInput};
use super::vocabulary::SuggestionStatus;
use crate::notify::{Kind, Notification, tell};
use crate::web::AppResult;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Suggestion {
    pub suggestion_id: Uuid,
    /// `None`: a new service.
    pub service_id: Option<Uuid>,
    pub service_name: Option<String>,
    pub suggested_by: Option<Uuid>,
    pub suggester_name: Option<String>,
    pub fields: Json<ServiceInput>,
    pub note: String,
    pub status: SuggestionStatus,
    pub reason: String,
    pub created_at: DateTime<Utc>,
}

const SUGGESTION_QUERY: &str =
    "SELECT g.suggestion_id, g.service_id, s.name AS service_name, g.suggested_by,
    CASE WHEN u.deleted_at IS NULL THEN u.name END AS suggester_name, g.fields, g.note, g.status, g.reason, g.created_at
    FROM service_suggestions g
    LEFT JOIN services s USING (service_id)
    LEFT JOIN users u ON u.user_id = g.suggested_by";

pub async fn create(
    executor: impl PgExecutor<'_>,
    service_id: Option<Uuid>,
    suggested_by: Uuid,
    fields: &ServiceInput,
    note: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<Uuid> {
    sqlx::query_scalar(
        "INSERT INTO service_suggestions (service_id, suggested_by, fields, note, created_at)
         VALUES ($1, $2, $3, $4, $5) RETURNING suggestion_id",
    )
    .bind(service_id)
    .bind(suggested_by)
    .bind(Json(fields))
    .bind(note)
    .bind(now)
    .fetch_one(executor)
    .await
}

pub async fn find(
    executor: impl PgExecutor<'_>,
    suggestion_id: Uuid,
) -> sqlx::Result<Option<Suggestion>> {
    sqlx::query_as(&format!("{SUGGESTION_QUERY} WHERE g.suggestion_id = $1"))
        .bind(suggestion_id)
        .fetch_optional(executor)
        .await
}

/// Waiting suggestions, oldest first.
pub async fn pending(executor: impl PgExecutor<'_>) -> sqlx::Result<Vec<Suggestion>> {
    sqlx::query_as(&format!(
        "{SUGGESTION_QUERY} WHERE g.status = 'pending' ORDER BY g.created_at LIMIT 200"
    ))
    .fetch_all(executor)
    .await
}

/// The member's own suggestions, newest first.
pub async fn by_member(
    executor: impl PgExecutor<'_>,
    user_id: Uuid,
) -> sqlx::Result<Vec<Suggestion>> {
    sqlx::query_as(&format!(
        "{SUGGESTION_QUERY} WHERE g.suggested_by = $1 ORDER BY g.created_at DESC LIMIT 50"
    ))
    .bind(user_id)
    .fetch_all(executor)
    .await
}

/// What a curator decided on a suggestion.
#[derive(Debug, Clone)]
pub enum Decision {
    /// Take it, as the curator edited and checked it: the correction is
    /// applied to its service, or the new service is created (verified by her).
    Accept(Box<ServiceInput>),
    /// Refuse it, with a reason the member is told (required).
    Refuse { reason: String },
}

/// Why a decision was not taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    NoReason,
    /// Someone decided first (or the page was old).
    AlreadyDecided,
}

/// A curator's decision as one workflow over `tx`: applies an accepted
/// suggestion to the map, records the decision, and tells the member who
/// suggested it (in her language, with a link to the service). On success,
/// the status recorded (accepted or refused).
pub async fn decide(
    tx: &mut PgConnection,
    base_url: &str,
    suggestion: &Suggestion,
    decision: Decision,
    curator: Uuid,
    now: DateTime<Utc>,
) -> AppResult<Result<SuggestionStatus, Refused>> {
    // Only a refusal has a reason to tell.
    let (status, reason) = match &decision {
        Decision::Accept(_) => (SuggestionStatus::Accepted, String::new()),
        Decision::Refuse { reason } => (SuggestionStatus::Refused, reason.trim().to_owned()),
    };
    if status == SuggestionStatus::Refused && reason.is_empty() {
        return Ok(Err(Refused::NoReason));
    }
    // The decision is claimed before anything changes, so a second curator
    // (or a stale page) changes nothing even if the caller commits.
    let id = suggestion.suggestion_id;
    if !record_decision(&mut *tx, id, status, &reason, curator, now).await? {
        return Ok(Err(Refused::AlreadyDecided));
    }
    let (service_id, service_name) = match decision {
        Decision::Accept(input) => {
            let service_id = match suggestion.service_id {
                Some(service_id) => {
                    store::update(&mut *tx, service_id, &input, curator, now).await?;
                    service_id
                }
                None => {
                    let provenance = Provenance {
                        last_verified_at: Some(now),
                        verified_by: Some(curator),
                        ..Provenance::default()
                    };
                    store::create(&mut *tx, &input, &provenance, now).await?
                }
            };
            (Some(service_id), input.name)
        }
        Decision::Refuse { .. } => {
            let name = suggestion
                .service_name
                .clone()
                .unwrap_or_else(|| suggestion.fields.0.name.clone());
            (suggestion.service_id, name)
        }
    };
    if let Some(member) = suggestion.suggested_by {
        let link =
            service_id.map_or_else(|| "/services".to_owned(), |id| format!("/services/{id}"));
        tell(&mut *tx, base_url, member, now, |e, name| {
            let mail = emails::suggestion_decision(e, name, status, &service_name, &reason, &link);
            Notification::new(Kind::CorrectionReview, link.clone(), mail)
        })
        .await?;
    }
    Ok(Ok(status))
}

/// Records the decision; `false` if someone decided first.
async fn record_decision(
    conn: &mut PgConnection,
    suggestion_id: Uuid,
    status: SuggestionStatus,
    reason: &str,
    decided_by: Uuid,
    now: DateTime<Utc>,
) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "UPDATE service_suggestions SET status = $2, reason = $3, decided_by = $4, decided_at = $5
         WHERE suggestion_id = $1 AND status = 'pending'",
    )
    .bind(suggestion_id)
    .bind(status)
    .bind(reason)
    .bind(decided_by)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}
