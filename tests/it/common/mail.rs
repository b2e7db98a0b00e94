//! A received e-mail, parsed for assertions.

use mail_parser::{MessageParser, MimeHeaders};

#[derive(Debug, Clone)]
pub struct ReceivedMail {
    pub envelope_to: Vec<String>,
    pub to: String,
    pub subject: String,
    pub text: String,
    pub html: String,
    pub message_id: String,
    pub content_language: String,
    /// Attached files: name and text.
    pub attachments: Vec<(String, String)>,
    pub raw: String,
}

impl ReceivedMail {
    pub fn parse(_from: &str, envelope_to: &[String], raw: &str) -> ReceivedMail {
        let message = MessageParser::default()
            .parse(raw.as_bytes())
            .expect("the message parses as MIME");
        let to = message
            .to()
            .and_then(|a| a.first())
            .and_then(|a| a.address())
            .unwrap_or_default()
            .to_owned();
        let header_text = |name: &str| {
            message
                .header_raw(name)
                .map(|v| v.trim().to_owned())
                .unwrap_or_default()
        };
        ReceivedMail {
            envelope_to: envelope_to.to_vec(),
            to,
            subject: message.subject().unwrap_or_default().to_owned(),
            text: message
                .body_text(0)
                .map(|t| t.into_owned())
                .unwrap_or_default(),
            html: message
                .body_html(0)
                .map(|t| t.into_owned())
                .unwrap_or_default(),
            message_id: message.message_id().unwrap_or_default().to_owned(),
            content_language: header_text("Content-Language"),
            attachments: message
                .attachments()
                .map(|part| {
                    (
                        part.attachment_name().unwrap_or_default().to_owned(),
                        String::from_utf8_lossy(part.contents()).into_owned(),
                    )
                })
                .collect(),
            raw: raw.to_owned(),
        }
    }

    /// A header's value as sent (folded lines joined), if present.
    pub fn header(&self, name: &str) -> Option<String> {
        let raw = self.raw.replace("\r\n", "\n");
        let head = raw.split("\n\n").next().unwrap_or_default();
        let unfolded = head.replace("\n ", " ").replace("\n\t", " ");
        unfolded.lines().find_map(|line| {
            let (key, value) = line.split_once(':')?;
            key.eq_ignore_ascii_case(name)
                .then(|| value.trim().to_owned())
        })
    }

    /// The first link in the plain-text body that starts with `prefix`.
    pub fn link_starting_with(&self, prefix: &str) -> Option<String> {
        self.text
            .split_whitespace()
            .find(|word| word.starts_with(prefix))
            .map(|word| word.trim_end_matches(['.', ',', ')', '>']).to_owned())
    }
}
