//! The outbox table. Workers claim due messages with `FOR UPDATE SKIP LOCKED`
//! and a lease, so several workers (in several instances) never send one
//! message twice at the same time.

use chrono::{DateTime, Duration, Utc};
use sqlx::{PgExecutor, PgPool};
use uuid::Uuid;

/// A rendered message waiting to be queued.
#[derive(Debug, Clone)]
pub struct NewMessage {
    pub kind: String,
    pub recipient: String,
    pub language: String,
    pub subject: String,
    pub body_text: String,
    pub body_html: String,
    pub send_after: Option<DateTime<Utc>>,
    pub attachment: Option<Attachment>,
    /// Set for a notification's mail (see `notify::send`); `None` for
    /// account-critical mail.
    pub notification_kind: Option<String>,
    /// The one-click unsubscribe URL (RFC 8058 `List-Unsubscribe`).
    pub unsubscribe_url: Option<String>,
    /// The member the mail was written for. Her data download lists the
    /// mail by this, never by address: an address can pass from one member
    /// to another (a centre's institutional address handed to a newcomer),
    /// and mail written before that is not the newcomer's.
    pub user_id: Option<Uuid>,
    /// The group a notification's mail is about, so it can be withdrawn
    /// while unsent when her membership ends (see `notify::withdraw`).
    pub group_id: Option<Uuid>,
}

/// A text file sent with a message (an event's `.ics`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    pub name: String,
    pub content_type: String,
    pub body: String,
}

/// A message a worker has claimed.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ClaimedMessage {
    pub outbox_message_id: i64,
    pub kind: String,
    pub recipient: String,
    pub language: String,
    pub subject: String,
    pub body_text: String,
    pub body_html: String,
    pub attempts: i32,
    pub claim_token: Uuid,
    pub attachment_name: Option<String>,
    pub attachment_type: Option<String>,
    pub attachment_body: Option<String>,
    pub notification_kind: Option<String>,
    pub unsubscribe_url: Option<String>,
    /// The recipient's address bounced or was refused too often.
    pub suppressed: bool,
    /// Refusals counted against the address so far.
    pub refusals: i32,
}

impl ClaimedMessage {
    pub fn attachment(&self) -> Option<Attachment> {
        Some(Attachment {
            name: self.attachment_name.clone()?,
            content_type: self.attachment_type.clone()?,
            body: self.attachment_body.clone()?,
        })
    }
}

/// Queues a message; call it with the transaction of the change that caused
/// it. `now` is the application clock's time (due unless `send_after` is later).
pub async fn enqueue(
    executor: impl PgExecutor<'_>,
    message: &NewMessage,
    now: DateTime<Utc>,
) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        r#"
        INSERT INTO outbox_messages (kind, recipient, language, subject, body_text, body_html, send_after, created_at,
                                     attachment_name, attachment_type, attachment_body,
                                     notification_kind, unsubscribe_url, user_id, group_id)
        VALUES ($1, $2, $3, $4, $5, $6, COALESCE($7, $8), $8, $9, $10, $11, $12, $13, $14, $15)
        RETURNING outbox_message_id
        "#,
    )
    .bind(&message.kind)
    .bind(&message.recipient)
    .bind(&message.language)
    .bind(&message.subject)
    .bind(&message.body_text)
    .bind(&message.body_html)
    .bind(message.send_after)
    .bind(now)
    .bind(message.attachment.as_ref().map(|a| &a.name))
    .bind(message.attachment.as_ref().map(|a| &a.content_type))
    .bind(message.attachment.as_ref().map(|a| &a.body))
    .bind(&message.notification_kind)
    .bind(&message.unsubscribe_url)
    .bind(message.user_id)
    .bind(message.group_id)
    .fetch_one(executor)
    .await
}

/// Claims up to `limit` due messages for `lease`. The row lock keeps other
/// workers off while claiming; the lease keeps them off while sending.
pub async fn claim_due(
    pool: &PgPool,
    now: DateTime<Utc>,
    lease: Duration,
    limit: i64,
) -> sqlx::Result<Vec<ClaimedMessage>> {
    sqlx::query_as(
        r#"
        UPDATE outbox_messages AS m
        SET claimed_until = $1 + $2 * interval '1 second',
            claim_token = gen_random_uuid(),
            attempts = m.attempts + 1
        FROM (
            SELECT outbox_message_id
            FROM outbox_messages
            WHERE status = 'pending'
              AND send_after <= $1
              AND (claimed_until IS NULL OR claimed_until < $1)
            ORDER BY send_after, outbox_message_id
            LIMIT $3
            FOR UPDATE SKIP LOCKED
        ) AS due
        WHERE m.outbox_message_id = due.outbox_message_id
        RETURNING m.outbox_message_id, m.kind, m.recipient, m.language, m.subject,
                  m.body_text, m.body_html, m.attempts, m.claim_token,
                  m.attachment_name, m.attachment_type, m.attachment_body,
                  m.notification_kind, m.unsubscribe_url,
                  EXISTS (SELECT 1 FROM email_suppressions s
                          WHERE s.address = lower(m.recipient) AND s.suppressed_at IS NOT NULL) AS suppressed,
                  COALESCE((SELECT s.refusals FROM email_suppressions s
                            WHERE s.address = lower(m.recipient)), 0) AS refusals
        "#,
    )
    .bind(now)
    .bind(lease.num_seconds() as f64)
    .bind(limit)
    .fetch_all(pool)
    .await
}

/// Marks a claimed message sent. Returns false if the claim was lost.
pub async fn mark_sent(
    pool: &PgPool,
    message: &ClaimedMessage,
    now: DateTime<Utc>,
) -> sqlx::Result<bool> {
    let result = sqlx::query(
        r#"
        UPDATE outbox_messages
        SET status = 'sent', sent_at = $3, claimed_until = NULL, last_error = NULL
        WHERE outbox_message_id = $1 AND claim_token = $2
        "#,
    )
    .bind(message.outbox_message_id)
    .bind(message.claim_token)
    .bind(now)
    .execute(pool)
    .await?;
    Ok(result.rows_affected() == 1)
}

/// Records a failed attempt: tries again at `retry_at`, or gives up for good
/// when `retry_at` is `None`.
pub async fn mark_failed(
    pool: &PgPool,
    message: &ClaimedMessage,
    error: &str,
    retry_at: Option<DateTime<Utc>>,
) -> sqlx::Result<()> {
    sqlx::query(
        r#"
        UPDATE outbox_messages
        SET status = CASE WHEN $3::timestamptz IS NULL THEN 'failed' ELSE 'pending' END,
            send_after = COALESCE($3, send_after),
            claimed_until = NULL,
            last_error = $4
        WHERE outbox_message_id = $1 AND claim_token = $2
        "#,
    )
    .bind(message.outbox_message_id)
    .bind(message.claim_token)
    .bind(retry_at)
    .bind(error)
    .execute(pool)
    .await?;
    Ok(())
}

/// Counts of messages by status, for the operator and for tests.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct OutboxCounts {
    pub pending: i64,
    pub sent: i64,
    pub failed: i64,
}

pub async fn counts(executor: impl PgExecutor<'_>) -> sqlx::Result<OutboxCounts> {
    let (pending, sent, failed) = sqlx::query_as(
        r#"
        SELECT count(*) FILTER (WHERE status = 'pending'),
               count(*) FILTER (WHERE status = 'sent'),
               count(*) FILTER (WHERE status = 'failed')
        FROM outbox_messages
        "#,
    )
    .fetch_one(executor)
    .await?;
    Ok(OutboxCounts {
        pending,
        sent,
        failed,
    })
}
