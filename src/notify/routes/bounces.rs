//! `POST /hooks/email-bounce`: where the mail system reports addresses that
//! bounced, with `Authorization: Bearer $KOLEGA_BOUNCE_TOKEN`. It takes
//! either a small JSON report (`{"email": …, "type": "hard"|"soft"|
//! "complaint", "reason": …}`, as mail providers' webhooks send) or the
//! delivery status notification itself (RFC 3464), as a mail server's
//! bounce mailbox can pipe it: `Final-Recipient` and `Status` are read
//! from it. Hard bounces and complaints stop mail to the address at once;
//! soft ones count like SMTP refusals.

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use serde::Deserialize;

use crate::app::AppState;
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
    let is_json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    let bounces = if is_json {
        let report: JsonReport = serde_json::from_slice(&body).map_err(|_| AppError::BadRequest)?;
        vec![Bounce {
            address: report.email.trim().to_lowercase(),
            hard: matches!(report.kind.as_str(), "hard" | "complaint" | ""),
            reason: report.reason,
        }]
    } else {
        delivery_status(&String::from_utf8_lossy(&body))
    };
    if bounces.is_empty() || bounces.iter().any(|b| !b.address.contains('@')) {
        return Err(AppError::BadRequest);
    }
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

/// The failed recipients of an RFC 3464 report: each `Final-Recipient`
/// with the `Action: failed` / `Status` that follows it. 5.x.x is a hard
/// bounce, 4.x.x a soft one; delayed or delivered recipients are skipped.
fn delivery_status(text: &str) -> Vec<Bounce> {
    let mut found = Vec::new();
    let mut current: Option<(String, Option<String>)> = None;
    let mut finish = |current: &mut Option<(String, Option<String>)>| {
        if let Some((address, Some(status))) = current.take() {
            if status.starts_with('5') || status.starts_with('4') {
                found.push(Bounce {
                    hard: status.starts_with('5'),
                    address,
                    reason: status,
                });
            }
        }
    };
    for line in text.lines() {
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim();
        match name.trim().to_ascii_lowercase().as_str() {
            "final-recipient" => {
                finish(&mut current);
                let address = value.rsplit(';').next().unwrap_or(value).trim();
                current = Some((address.trim_matches(['<', '>']).to_lowercase(), None));
            }
            "status" => {
                if let Some((_, status)) = current.as_mut() {
                    *status = Some(value.split_whitespace().next().unwrap_or("").to_owned());
                }
            }
            _ => {}
        }
    }
    finish(&mut current);
    found
}

fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_failed_recipients_from_a_delivery_status_notification() {
        let dsn = "Reporting-MTA: dns; mail.example.org\r\n\r\n\
            Final-Recipient: rfc822; Ana@Example.org\r\nAction: failed\r\nStatus: 5.1.1\r\n\r\n\
            Final-Recipient: rfc822;<marko@example.org>\r\nAction: delayed\r\nStatus: 4.2.2 (mailbox full)\r\n\r\n\
            Final-Recipient: rfc822; jovan@example.org\r\nAction: delivered\r\nStatus: 2.0.0\r\n";
        assert_eq!(
            delivery_status(dsn),
            vec![
                Bounce {
                    address: "ana@example.org".into(),
                    hard: true,
                    reason: "5.1.1".into()
                },
                Bounce {
                    address: "marko@example.org".into(),
                    hard: false,
                    reason: "4.2.2".into()
                },
            ]
        );
        assert!(delivery_status("just some text").is_empty());
    }
}
