//! Checks any feature's form makes on a field, with the message that goes
//! beside it (see `FormErrors`).

use super::FormErrors;

pub fn check_length(errors: &mut FormErrors, field: &'static str, value: &str, max: usize) {
    if value.chars().count() > max {
        errors.add_text(
            field,
            crate::i18n::t_args(
                errors.locale(),
                "error-too-long",
                &crate::i18n::Args::new().with("max", max as i64),
            ),
        );
    }
}

/// A pragmatic check for contact addresses that Kolega shows but never
/// mails (the service map): one @, something before it, a dot in the
/// domain, no spaces, and not absurdly long.
pub fn looks_like_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains('@')
        && email.len() <= 254
        && !email.chars().any(|c| {
            c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '"' | ',' | ';')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_addresses() {
        assert!(looks_like_email("ana.petrovic@csr-vranje.rs"));
        assert!(!looks_like_email("ana"));
        assert!(!looks_like_email("ana@localhost"));
        assert!(!looks_like_email("a b@c.rs"));
        assert!(!looks_like_email("a@b.rs, c@d.rs"));
    }
}
