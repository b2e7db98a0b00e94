//! Whether an e-mail address is one the mailer can actually send to. Every
//! form that takes an address someone will be mailed at checks it here, so
//! an address the SMTP layer would refuse for good (`ana@x..rs`,
//! `a..b@x.rs`) is refused beside the field instead, while the member can
//! still correct it.
//!
//! The parser is lettre's own (`lettre::Address`, RFC 5321/5322 dot-atoms
//! through the `email_address` crate: no empty label in the domain, no
//! empty atom in the local part), so what passes here is what the
//! transport accepts. On top of it, rules for what the mailer can deliver
//! in practice:
//! - ASCII only. lettre sends a non-ASCII address only when the relay
//!   offers SMTPUTF8 (RFC 6531) and fails the message for good otherwise;
//!   many institutional servers do not offer it, and `ana.petrović@…` is a
//!   different mailbox from `ana.petrovic@…`, so it is refused with a
//!   message that says why rather than quietly rewritten.
//! - A dot in the domain and no IP literal: a member's mailbox is on a
//!   public domain, never `localhost` or `[10.0.0.1]`.
//! - No quoted local part or characters that list-like input brings
//!   (`"`, `<`, `>`, `,`, `;`, spaces): valid for lettre, but never an
//!   address a person meant to type, and often a pasted list.
//! - At most 254 characters (the RFC 5321 path limit less the brackets).

use std::net::IpAddr;

/// The longest address SMTP carries (RFC 5321 §4.5.3.1.3, less `<>`).
pub const MAX_LENGTH: usize = 254;

/// `None` if the mailer can send to `address`, else the catalogue key of
/// the message to show beside the field.
pub fn problem(address: &str) -> Option<&'static str> {
    if address.is_empty() || address.len() > MAX_LENGTH {
        return Some("error-email-invalid");
    }
    if !address.is_ascii() {
        return Some("error-email-ascii");
    }
    if address.chars().any(|c| {
        c.is_ascii_whitespace()
            || c.is_ascii_control()
            || matches!(c, '"' | '<' | '>' | ',' | ';' | '\\')
    }) {
        return Some("error-email-invalid");
    }
    let Ok(parsed) = address.parse::<lettre::Address>() else {
        return Some("error-email-invalid");
    };
    let domain = parsed.domain();
    if !domain.contains('.') || domain.starts_with('[') || domain.parse::<IpAddr>().is_ok() {
        return Some("error-email-invalid");
    }
    None
}

/// Whether the mailer can send to `address`.
pub fn is_deliverable(address: &str) -> bool {
    problem(address).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lettre_itself_refuses_empty_labels_and_atoms() {
        // The reason this module leans on lettre: its parser already refuses
        // both, so the forms and the transport agree.
        for refused in [
            "ana@x..rs",
            "a..b@x.rs",
            ".ana@x.rs",
            "ana.@x.rs",
            "ana@x.rs.",
        ] {
            assert!(
                refused.parse::<lettre::Address>().is_err(),
                "lettre takes {refused}"
            );
            assert_eq!(problem(refused), Some("error-email-invalid"), "{refused}");
        }
    }

    #[test]
    fn ordinary_addresses_pass() {
        for fine in [
            "ana.petrovic@csr-vranje.rs",
            "jelena+kolega@gmail.com",
            "o'brien@example.org",
            "info@centar.co.rs",
            "A.Jovanovic@CSR-Nis.gov.rs",
        ] {
            assert_eq!(problem(fine), None, "{fine}");
        }
    }

    #[test]
    fn what_the_mailer_cannot_deliver_is_refused() {
        assert_eq!(problem("ana.petrović@csr.rs"), Some("error-email-ascii"));
        assert_eq!(problem("ana@čačak.rs"), Some("error-email-ascii"));
        for refused in [
            "",
            "ana",
            "ana@localhost",
            "ana@[127.0.0.1]",
            "ana@127.0.0.1",
            "a b@c.rs",
            "\"a b\"@c.rs",
            "a@b.rs, c@d.rs",
            "<ana@csr.rs>",
            "ana@@csr.rs",
            "@csr.rs",
            "ana@",
        ] {
            assert_eq!(problem(refused), Some("error-email-invalid"), "{refused:?}");
        }
        let long = format!("{}@{}.rs", "a".repeat(64), "b".repeat(190));
        assert_eq!(problem(&long), Some("error-email-invalid"));
    }
}
