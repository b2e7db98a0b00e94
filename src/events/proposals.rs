//! Proposals: members propose a webinar or a topic (Kolega grows from its
//! members' needs), others support one with a single vote each, and
//! organisers turn a proposal into an event or close it with a reason.

use chrono::{DateTime, Utc};
use sqlx::{PgConnection, PgExecutor};
use uuid::Uuid;

use super::emails;
use super::vocabulary::{ProposalKind, ProposalStatus};
use crate::notify::{Kind, Notification, tell};
use crate::web::AppResult;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Proposal {
    pub proposal_id: Uuid,
    pub kind: ProposalKind,
    pub title: String,
    pub description: String,
    pub status: ProposalStatus,
    pub close_reason: String,
    pub event_id: Option<Uuid>,
    pub author_name: Option<String>,
    pub created_at: DateTime<Utc>,
    pub votes: i64,
    /// The viewer supports it.
    pub voted: bool,
}

impl Proposal {
    /// Still waiting for a decision: members may support it.
    pub fn is_open(&self) -> bool {
        self.status == ProposalStatus::Open
    }

    pub fn is_closed(&self) -> bool {
        self.status == ProposalStatus::Closed
    }
}

const PROPOSAL_QUERY: &str = "SELECT p.proposal_id, p.kind, p.title, p.description, p.status, p.close_reason,
    p.event_id, CASE WHEN u.deleted_at IS NULL THEN u.name END AS author_name, p.created_at,
    (SELECT count(*) FROM proposal_votes v WHERE v.proposal_id = p.proposal_id) AS votes,
    EXISTS (SELECT 1 FROM proposal_votes v WHERE v.proposal_id = p.proposal_id AND v.user_id = $1) AS voted
    FROM event_proposals p LEFT JOIN users u ON u.user_id = p.author_id";

/// Open proposals by votes (most supported first), then the latest decided.
pub async fn list(executor: impl PgExecutor<'_>, viewer: Uuid) -> sqlx::Result<Vec<Proposal>> {
    sqlx::query_as(&format!(
        "SELECT * FROM ({PROPOSAL_QUERY}) AS p
         ORDER BY p.status = 'open' DESC, CASE WHEN p.status = 'open' THEN p.votes END DESC NULLS LAST,
                  p.created_at DESC
         LIMIT 200"
    ))
    .bind(viewer)
    .fetch_all(executor)
    .await
}

pub async fn find(
    executor: impl PgExecutor<'_>,
    proposal_id: Uuid,
    viewer: Uuid,
) -> sqlx::Result<Option<Proposal>> {
    sqlx::query_as(&format!("{PROPOSAL_QUERY} WHERE p.proposal_id = $2"))
        .bind(viewer)
        .bind(proposal_id)
        .fetch_optional(executor)
        .await
}

pub async fn create(
    executor: impl PgExecutor<'_>,
    author: Uuid,
    kind: ProposalKind,
    title: &str,
    description: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<Uuid> {
    sqlx::query_scalar(
        "INSERT INTO event_proposals (author_id, kind, title, description, created_at)
         VALUES ($1, $2, $3, $4, $5) RETURNING proposal_id",
    )
    .bind(author)
    .bind(kind)
    .bind(title)
    .bind(description)
    .bind(now)
    .fetch_one(executor)
    .await
}

/// Adds or takes back the viewer's vote on an open proposal.
pub async fn set_vote(
    executor: impl PgExecutor<'_>,
    proposal_id: Uuid,
    user_id: Uuid,
    support: bool,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    let sql = if support {
        "INSERT INTO proposal_votes (proposal_id, user_id, created_at)
         SELECT proposal_id, $2, $3 FROM event_proposals WHERE proposal_id = $1 AND status = 'open'
         ON CONFLICT DO NOTHING"
    } else {
        "DELETE FROM proposal_votes WHERE proposal_id = $1 AND user_id = $2 AND $3::timestamptz IS NOT NULL"
    };
    sqlx::query(sql)
        .bind(proposal_id)
        .bind(user_id)
        .bind(now)
        .execute(executor)
        .await?;
    Ok(())
}

/// Closes an open proposal and tells its author why (unless she has left
/// Kolega), in one transaction; `false` if it was not open (closed or
/// scheduled already), and then nothing changes.
pub async fn close(
    tx: &mut PgConnection,
    base_url: &str,
    proposal_id: Uuid,
    reason: &str,
    now: DateTime<Utc>,
) -> AppResult<bool> {
    let Some((author, title)) = mark_closed(&mut *tx, proposal_id, reason).await? else {
        return Ok(false);
    };
    if let Some(author) = author {
        tell(&mut *tx, base_url, author, now, |e, name| {
            let link = "/events/proposals";
            let mail = emails::proposal_decision(
                e,
                name,
                ProposalStatus::Closed,
                &title,
                Some(reason),
                link,
            );
            Notification::new(Kind::ProposalDecision, link, mail)
        })
        .await?;
    }
    Ok(true)
}

/// Closes an open proposal; returns its author (if still a member) and
/// title, or `None` if it was not open.
async fn mark_closed(
    executor: impl PgExecutor<'_>,
    proposal_id: Uuid,
    reason: &str,
) -> sqlx::Result<Option<(Option<Uuid>, String)>> {
    sqlx::query_as(
        "UPDATE event_proposals SET status = 'closed', close_reason = $2 WHERE proposal_id = $1 AND status = 'open'
         RETURNING author_id, title",
    )
    .bind(proposal_id)
    .bind(reason)
    .fetch_optional(executor)
    .await
}

/// Marks the proposal as turned into `event_id`; returns the supporters
/// (voters and the author) to tell: e-mail, name and language.
pub async fn schedule(
    conn: &mut PgConnection,
    proposal_id: Uuid,
    event_id: Uuid,
) -> sqlx::Result<Vec<(Uuid, String, String, String)>> {
    let updated = sqlx::query(
        "UPDATE event_proposals SET status = 'scheduled', event_id = $2 WHERE proposal_id = $1 AND status = 'open'",
    )
    .bind(proposal_id)
    .bind(event_id)
    .execute(&mut *conn)
    .await?;
    if updated.rows_affected() == 0 {
        return Ok(Vec::new());
    }
    sqlx::query_as(
        "SELECT u.user_id, u.email, u.name, u.locale FROM users u
         WHERE u.deleted_at IS NULL AND u.user_id IN (
             SELECT user_id FROM proposal_votes WHERE proposal_id = $1
             UNION SELECT author_id FROM event_proposals WHERE proposal_id = $1)",
    )
    .bind(proposal_id)
    .fetch_all(&mut *conn)
    .await
}
