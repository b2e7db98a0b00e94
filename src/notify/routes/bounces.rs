//! `POST /hooks/email-bounce`: where the mail system reports addresses that
//! bounced, with `Authorization: Bearer $KOLEGA_BOUNCE_TOKEN`. It takes
//! either a small JSON report (`{"email": …, "type": "hard"|"soft"|
//! "complaint", "reason": …}`, as mail providers' webhooks send), or the
//! delivery status notification (RFC 3464) a mail server sent back, as
//! its bounce mailbox can pipe it: the whole report message, or only its
//! `message/delivery-status` part when sent with that content type (see
//! `notify::dsn`). Only recipients the server gave up on count: a 5.x.x
//! failure and a complaint stop mail to the address at once; a soft
//! bounce or a 4.x.x failure counts like an SMTP refusal; a delay, a
//! delivery or a relay is no bounce at all. A body that is no report is
//! answered 400.

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use serde::Deserialize;

use crate::app::AppState;
use crate::notify::dsn::{self, Refusal};
use crate::notify::suppressions;
use crate::web::{AppError, AppResult};

#[derive(Debug, PartialEq, Eq)]
struct Bounce {
    address: String,
    hard: bool,
    reason: String,
}

#[derive(Deserialize)]
struct JsonReport {
    email: String,
    #[serde(rename = "type", default)]
    kind: String,
    #[serde(default)]
    reason: String,
}

pub async fn report(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> AppResult<StatusCode> {
    let Some(expected) = &state.config.bounce_token else {
        return Err(AppError::NotFound);
    };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or_default();
    if !same(given.as_bytes(), expected.as_bytes()) {
        return Err(AppError::Forbidden);
    }
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_ascii_lowercase();
    let bounces = if content_type.starts_with("application/json") {
        let report: JsonReport = serde_json::from_slice(&body).map_err(|_| AppError::BadRequest)?;
        if !report.email.contains('@') {
            return Err(AppError::BadRequest);
        }
        vec![Bounce {
            address: report.email.trim().to_lowercase(),
            hard: matches!(report.kind.as_str(), "hard" | "complaint" | ""),
            reason: report.reason,
        }]
    } else {
        let recipients = if content_type.starts_with("message/delivery-status")
            || content_type.starts_with("message/global-delivery-status")
        {
            dsn::parse_delivery_status(&String::from_utf8_lossy(&body))
        } else {
            dsn::parse_report(&body)
        };
        let recipients = recipients.map_err(|error| {
            tracing::info!(%error, "bounce report refused");
            AppError::BadRequest
        })?;
        recipients
            .into_iter()
            .filter_map(|r| {
                let refusal = r.refusal()?;
                Some(Bounce {
                    hard: refusal == Refusal::Permanent,
                    reason: r.status.unwrap_or_else(|| "failed".to_owned()),
                    address: r.address,
                })
            })
            .collect()
    };
    // A well-formed report of delays or deliveries leaves `bounces` empty:
    // answered like any other, with nothing to record.
    let now = state.clock.now();
    for bounce in &bounces {
        let reason = format!("bounce: {}", bounce.reason);
        if bounce.hard {
            suppressions::suppress(&state.db, &bounce.address, &reason, now).await?;
        } else {
            suppressions::record_refusal(&state.db, &bounce.address, &reason, now).await?;
        }
        tracing::info!(hard = bounce.hard, "bounce reported");
    }
    Ok(StatusCode::NO_CONTENT)
}

fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
