//! Reading a delivery status notification (RFC 3464) as a mail server's
//! bounce mailbox passes it on: a `multipart/report` whose
//! `message/delivery-status` part says, per recipient, what happened.
//! Only that part is read. The other parts are for people (the notice) or
//! are the returned original (`message/rfc822`, `text/rfc822-headers`),
//! whose text is anything at all, a quoted bounce included, and must never
//! be taken for the report.
//!
//! mail-parser walks the MIME structure and undoes transfer encodings but
//! treats `message/delivery-status` as an opaque body, so its fields (a
//! per-message block, then one block per recipient, RFC 822-style header
//! lines separated by blank lines) are read here.

use mail_parser::{MessageParser, MimeHeaders};

/// What the reporting server did with the message for one recipient
/// (RFC 3464 §2.3.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Given up: the message was not delivered and will not be.
    Failed,
    /// Still being retried: a warning, not a refusal.
    Delayed,
    Delivered,
    /// Passed to a system that sends no reports.
    Relayed,
    /// Delivered to a list, which forwards it.
    Expanded,
}

impl Action {
    fn parse(text: &str) -> Option<Action> {
        let word = text.split_whitespace().next()?.to_ascii_lowercase();
        Some(match word.as_str() {
            "failed" => Action::Failed,
            "delayed" => Action::Delayed,
            "delivered" => Action::Delivered,
            "relayed" => Action::Relayed,
            "expanded" => Action::Expanded,
            _ => return None,
        })
    }
}

/// One per-recipient block of a report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecipientStatus {
    /// The address Kolega sent to, lower case.
    pub address: String,
    pub action: Action,
    /// The status code (`5.1.1`), if the block had a well-formed one.
    pub status: Option<String>,
}

/// What a recipient's status means for the address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// Given up with a permanent status (5.x.x): no more mail at once.
    Permanent,
    /// Given up with a transient status (4.x.x, after the server's own
    /// retries): counted like an SMTP refusal.
    Transient,
}

impl RecipientStatus {
    /// Only a recipient the server gave up on is a refusal. A delayed one
    /// is still being retried; delivered, relayed and expanded ones got
    /// through as far as anyone can tell.
    pub fn refusal(&self) -> Option<Refusal> {
        if self.action != Action::Failed {
            return None;
        }
        match self.status.as_deref().and_then(|s| s.chars().next()) {
            Some('5') => Some(Refusal::Permanent),
            _ => Some(Refusal::Transient),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum DsnError {
    #[error("not a MIME message")]
    NotAMessage,
    #[error("no message/delivery-status part in a multipart/report")]
    NoDeliveryStatus,
    #[error("no recipient with a final recipient address and an action")]
    NoRecipients,
}

/// The recipients of a whole report message (the bytes of the mail the
/// reporting server sent back).
pub fn parse_report(raw: &[u8]) -> Result<Vec<RecipientStatus>, DsnError> {
    let message = MessageParser::default()
        .parse(raw)
        .ok_or(DsnError::NotAMessage)?;
    let root = message.root_part();
    if is_delivery_status(root) {
        return parse_delivery_status(&String::from_utf8_lossy(root.contents()));
    }
    let is_report = root.content_type().is_some_and(|t| {
        t.ctype().eq_ignore_ascii_case("multipart")
            && t.subtype()
                .is_some_and(|s| s.eq_ignore_ascii_case("report"))
    });
    if !is_report {
        return Err(DsnError::NoDeliveryStatus);
    }
    // Only the report's own children: a returned original is a nested
    // message whose parts are never among them.
    let part = root
        .sub_parts()
        .unwrap_or_default()
        .iter()
        .filter_map(|id| message.part(*id))
        .find(|part| is_delivery_status(part))
        .ok_or(DsnError::NoDeliveryStatus)?;
    parse_delivery_status(&String::from_utf8_lossy(part.contents()))
}

fn is_delivery_status(part: &mail_parser::MessagePart<'_>) -> bool {
    part.content_type().is_some_and(|t| {
        t.ctype().eq_ignore_ascii_case("message")
            && t.subtype().is_some_and(|s| {
                // RFC 6533's form for internationalised addresses too.
                s.eq_ignore_ascii_case("delivery-status")
                    || s.eq_ignore_ascii_case("global-delivery-status")
            })
    })
}

/// The recipients of a `message/delivery-status` body.
pub fn parse_delivery_status(text: &str) -> Result<Vec<RecipientStatus>, DsnError> {
    let recipients: Vec<RecipientStatus> = blocks(text)
        .iter()
        .filter_map(|fields| recipient(fields))
        .collect();
    if recipients.is_empty() {
        return Err(DsnError::NoRecipients);
    }
    Ok(recipients)
}

/// A per-recipient block; `None` for the per-message block and for a
/// recipient block without an address or a known action.
fn recipient(fields: &[(String, String)]) -> Option<RecipientStatus> {
    let field = |name: &str| {
        fields
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    };
    // The address Kolega put in RCPT TO is the original recipient when the
    // server kept it; the final one may be where a forward led.
    let address = field("Original-Recipient")
        .and_then(address_of)
        .or_else(|| field("Final-Recipient").and_then(address_of))?;
    let action = Action::parse(field("Action")?)?;
    let status = field("Status")
        .and_then(|s| s.split_whitespace().next())
        .filter(|s| is_status_code(s))
        .map(str::to_owned);
    Some(RecipientStatus {
        address,
        action,
        status,
    })
}

/// `rfc822; Ana@Example.org` → `ana@example.org`.
fn address_of(value: &str) -> Option<String> {
    let (kind, address) = value.split_once(';')?;
    if !matches!(
        kind.trim().to_ascii_lowercase().as_str(),
        "rfc822" | "utf-8"
    ) {
        return None;
    }
    let address = address
        .trim()
        .trim_matches(['<', '>'])
        .trim()
        .to_lowercase();
    address.contains('@').then_some(address)
}

/// `class.subject.detail` (RFC 3463), e.g. `5.1.1` or `5.1.10`.
fn is_status_code(text: &str) -> bool {
    let parts: Vec<&str> = text.split('.').collect();
    parts.len() == 3
        && matches!(parts[0], "2" | "4" | "5")
        && parts[1..]
            .iter()
            .all(|p| (1..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
}

/// Blocks of `Name: value` fields separated by blank lines, with folded
/// lines (starting with a space or tab) joined to the field above.
fn blocks(text: &str) -> Vec<Vec<(String, String)>> {
    let mut blocks = Vec::new();
    let mut current: Vec<(String, String)> = Vec::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            if !current.is_empty() {
                blocks.push(std::mem::take(&mut current));
            }
        } else if line.starts_with([' ', '\t']) {
            if let Some((_, value)) = current.last_mut() {
                value.push(' ');
                value.push_str(line.trim());
            }
        } else if let Some((name, value)) = line.split_once(':') {
            current.push((name.trim().to_owned(), value.trim().to_owned()));
        }
    }
    if !current.is_empty() {
        blocks.push(current);
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_each_recipient_block_in_any_field_order() {
        let text = "Reporting-MTA: dns; mail.example.org\r\n\r\n\
            Final-Recipient: rfc822; Ana@Example.org\r\nAction: failed\r\nStatus: 5.1.1\r\n\r\n\
            Action: delayed\r\nFinal-Recipient: rfc822;<marko@example.org>\r\nStatus: 4.2.2 (mailbox full)\r\n\r\n\
            Original-Recipient: rfc822;jovan@example.org\r\nFinal-Recipient: rfc822; jovan@elsewhere.org\r\n\
            Action: delivered\r\nStatus: 2.0.0\r\n";
        let found = parse_delivery_status(text).unwrap();
        assert_eq!(
            found,
            vec![
                RecipientStatus {
                    address: "ana@example.org".into(),
                    action: Action::Failed,
                    status: Some("5.1.1".into()),
                },
                RecipientStatus {
                    address: "marko@example.org".into(),
                    action: Action::Delayed,
                    status: Some("4.2.2".into()),
                },
                RecipientStatus {
                    address: "jovan@example.org".into(),
                    action: Action::Delivered,
                    status: Some("2.0.0".into()),
                },
            ]
        );
        assert_eq!(found[0].refusal(), Some(Refusal::Permanent));
        assert_eq!(found[1].refusal(), None);
        assert_eq!(found[2].refusal(), None);
    }

    #[test]
    fn a_failure_after_the_servers_own_retries_is_transient() {
        let found = parse_delivery_status(
            "Final-Recipient: rfc822; ana@example.org\nAction: failed\nStatus: 4.4.7\n",
        )
        .unwrap();
        assert_eq!(found[0].refusal(), Some(Refusal::Transient));
    }

    #[test]
    fn text_that_is_no_report_is_refused() {
        assert_eq!(
            parse_delivery_status("just some text"),
            Err(DsnError::NoRecipients)
        );
        assert_eq!(
            parse_delivery_status("Final-Recipient: rfc822; nobody\nAction: failed\n"),
            Err(DsnError::NoRecipients)
        );
        assert!(parse_report(b"").is_err());
        assert_eq!(
            parse_report(b"Subject: hi\r\n\r\nFinal-Recipient: rfc822; a@b.rs\r\nAction: failed\r\nStatus: 5.1.1\r\n"),
            Err(DsnError::NoDeliveryStatus)
        );
    }
}
