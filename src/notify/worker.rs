//! The mail worker: claims due outbox messages, sends them, and retries
//! failures with exponential backoff until it gives up visibly.

use std::time::Duration as StdDuration;

use chrono::Duration;
use lettre::Message;
use lettre::message::{Mailbox, MultiPart, SinglePart, header};
use sqlx::PgPool;
use tokio::sync::watch;

use super::outbox::{self, ClaimedMessage};
use super::suppressions;
use super::transport::{Mailer, SendError};
use crate::clock::Clock;

/// After this many attempts a message is marked failed.
pub const MAX_ATTEMPTS: i32 = 8;
/// A claimed message is someone else's for this long (longer than any send).
const LEASE: Duration = Duration::minutes(10);
const BATCH: i64 = 20;

#[derive(Clone)]
pub struct Worker {
    pub pool: PgPool,
    pub mailer: Mailer,
    pub from: Mailbox,
    pub clock: Clock,
}

/// What one pass of the worker did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Pass {
    pub sent: usize,
    pub retried: usize,
    pub failed: usize,
}

impl Worker {
    /// Sends everything that is due now; returns what happened.
    pub async fn run_once(&self) -> sqlx::Result<Pass> {
        let mut pass = Pass::default();
        loop {
            let claimed = outbox::claim_due(&self.pool, self.clock.now(), LEASE, BATCH).await?;
            if claimed.is_empty() {
                return Ok(pass);
            }
            for message in &claimed {
                self.deliver(message, &mut pass).await?;
            }
        }
    }

    /// Runs until `shutdown` turns true, polling every `interval`.
    pub async fn run(self, interval: StdDuration, mut shutdown: watch::Receiver<bool>) {
        tracing::info!(every_s = interval.as_secs(), "mail worker started");
        while !*shutdown.borrow() {
            if let Err(error) = self.run_once().await {
                tracing::warn!(%error, "mail worker could not reach the database; will try again");
            }
            tokio::select! {
                _ = tokio::time::sleep(interval) => {}
                _ = shutdown.changed() => {}
            }
        }
        tracing::info!("mail worker stopped");
    }

    async fn deliver(&self, message: &ClaimedMessage, pass: &mut Pass) -> sqlx::Result<()> {
        let now = self.clock.now();
        // Suppressed after the mail was queued: only account-critical mail
        // (no notification kind) still goes.
        if message.suppressed && message.notification_kind.is_some() {
            tracing::info!(id = message.outbox_message_id, kind = %message.kind, "mail held back: the address bounces");
            outbox::mark_failed(&self.pool, message, HELD_BACK, None).await?;
            pass.failed += 1;
            return Ok(());
        }
        let outcome = match build_message(message, &self.from) {
            Ok(email) => self.mailer.send(email).await,
            Err(error) => Err(SendError::Permanent(error)),
        };
        match outcome {
            Ok(()) => {
                outbox::mark_sent(&self.pool, message, now).await?;
                if message.refusals > 0 {
                    suppressions::clear_refusals(&self.pool, &message.recipient).await?;
                }
                tracing::info!(id = message.outbox_message_id, kind = %message.kind, "mail sent");
                pass.sent += 1;
            }
            Err(SendError::Temporary(error)) if message.attempts < MAX_ATTEMPTS => {
                let retry_at = now + backoff(message.attempts);
                tracing::warn!(id = message.outbox_message_id, attempt = message.attempts, %retry_at, %error, "mail not sent; will retry");
                outbox::mark_failed(&self.pool, message, &error, Some(retry_at)).await?;
                pass.retried += 1;
            }
            Err(error) => {
                tracing::error!(id = message.outbox_message_id, kind = %message.kind, attempts = message.attempts, %error, "mail given up");
                outbox::mark_failed(&self.pool, message, &error.to_string(), None).await?;
                // The server refused the address, or kept failing until we
                // gave up: counted against the address.
                if matches!(error, SendError::Refused(_) | SendError::Temporary(_)) {
                    let stopped = suppressions::record_refusal(
                        &self.pool,
                        &message.recipient,
                        &error.to_string(),
                        now,
                    )
                    .await?;
                    if stopped {
                        tracing::warn!(
                            id = message.outbox_message_id,
                            "address refused repeatedly; no more notifications to it"
                        );
                    }
                }
                pass.failed += 1;
            }
        }
        Ok(())
    }
}

/// Why a message to a suppressed address was not sent (shown to operators).
pub const HELD_BACK: &str = "held back: the address bounced or was refused repeatedly";

/// 30 s, 1 min, 2 min, … capped at 2 hours.
pub fn backoff(attempt: i32) -> Duration {
    let exponent = attempt.clamp(1, 9) - 1;
    Duration::seconds((30 * 2_i64.pow(exponent as u32)).min(2 * 60 * 60))
}

/// A multipart (text + HTML, and the attachment if any) message. The Message-ID is derived from the
/// outbox id, so if a crash between hand-over and bookkeeping ever makes us
/// send a message again, mail systems see the same message.
fn build_message(message: &ClaimedMessage, from: &Mailbox) -> Result<Message, String> {
    let to: Mailbox = message
        .recipient
        .parse()
        .map_err(|e| format!("bad recipient: {e}"))?;
    let domain = from.email.domain().to_owned();
    let builder = Message::builder()
        .from(from.clone())
        .to(to)
        .subject(&message.subject)
        .message_id(Some(format!(
            "<kolega-{}@{domain}>",
            message.outbox_message_id
        )))
        .raw_header(raw_header("Content-Language", message.language.clone()));
    // RFC 2369 and RFC 8058: mail clients show an "unsubscribe" button that
    // POSTs `List-Unsubscribe=One-Click` to the URL, no sign-in needed.
    let builder = match &message.unsubscribe_url {
        Some(url) => builder
            .raw_header(raw_header("List-Unsubscribe", format!("<{url}>")))
            .raw_header(raw_header(
                "List-Unsubscribe-Post",
                "List-Unsubscribe=One-Click".to_owned(),
            )),
        None => builder,
    };
    builder.multipart(body(message)?).map_err(|e| e.to_string())
}

fn raw_header(name: &'static str, value: String) -> header::HeaderValue {
    header::HeaderValue::new(header::HeaderName::new_from_ascii_str(name), value)
}

fn body(message: &ClaimedMessage) -> Result<MultiPart, String> {
    let alternative = MultiPart::alternative()
        .singlepart(SinglePart::plain(message.body_text.clone()))
        .singlepart(SinglePart::html(message.body_html.clone()));
    let Some(attachment) = message.attachment() else {
        return Ok(alternative);
    };
    let content_type = header::ContentType::parse(&attachment.content_type)
        .map_err(|e| format!("bad attachment type: {e}"))?;
    Ok(MultiPart::mixed().multipart(alternative).singlepart(
        lettre::message::Attachment::new(attachment.name).body(attachment.body, content_type),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_and_is_capped() {
        assert_eq!(backoff(1), Duration::seconds(30));
        assert_eq!(backoff(2), Duration::seconds(60));
        assert_eq!(backoff(4), Duration::seconds(240));
        assert_eq!(backoff(20), Duration::hours(2));
    }
}
