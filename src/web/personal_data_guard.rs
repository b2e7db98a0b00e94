//! The personal-data guard, as every form runs it on text that other
//! people will read: a JMBG is refused beside its field; a phone number,
//! an e-mail or a street address asks the author to confirm that it is not
//! a client's ("I checked"), and the form comes back with the warnings and
//! the text kept until she does. One function, so every form asks the same
//! question the same way (templates: `forms::personal_data_warnings` and
//! `forms::personal_data_confirm`).

use super::FormErrors;
use crate::i18n;
use crate::text::personal_data::{self, Finding};

/// The form field of the author's confirmation.
pub const CONFIRM_FIELD: &str = "confirm_personal_data";

/// Checks each `(field, text)`; adds refusals to `errors` and returns the
/// warnings to show (empty when there is nothing to ask about, or the
/// author has confirmed and nothing blocks).
pub fn check(
    errors: &mut FormErrors,
    texts: &[(&'static str, &str)],
    confirmed: bool,
) -> Vec<String> {
    let locale = errors.locale();
    let mut asks: Vec<Finding> = Vec::new();
    let mut blocked = false;
    for (field, text) in texts {
        for finding in personal_data::scan(text) {
            if finding.blocks_saving() {
                errors.add(field, finding.message_key());
                blocked = true;
            } else if !asks.contains(&finding) {
                asks.push(finding);
            }
        }
    }
    let unconfirmed = !asks.is_empty() && !confirmed;
    if unconfirmed {
        errors.add(CONFIRM_FIELD, "personal-data-confirm-needed");
    }
    if !unconfirmed && !blocked {
        return Vec::new();
    }
    asks.sort();
    asks.into_iter()
        .map(|finding| i18n::t(locale, finding.message_key()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;

    const JMBG: &str = "0101990710008";

    #[test]
    fn a_jmbg_is_refused_beside_its_field_even_when_confirmed() {
        let mut errors = FormErrors::new(Locale::SrLatn);
        check(&mut errors, &[("title", "Naslov"), ("body", JMBG)], true);
        assert!(errors.has("body"));
        assert!(!errors.has("title"));
    }

    #[test]
    fn a_phone_number_asks_once_and_passes_once_confirmed() {
        let mut errors = FormErrors::new(Locale::SrLatn);
        let warnings = check(&mut errors, &[("body", "Zovite 064 123 4567.")], false);
        assert_eq!(warnings.len(), 1);
        assert!(errors.has(CONFIRM_FIELD));

        let mut errors = FormErrors::new(Locale::SrLatn);
        let warnings = check(&mut errors, &[("body", "Zovite 064 123 4567.")], true);
        assert!(warnings.is_empty() && errors.is_empty());
    }

    #[test]
    fn ordinary_text_passes_without_a_question() {
        let mut errors = FormErrors::new(Locale::SrLatn);
        let warnings = check(
            &mut errors,
            &[("body", "Sastanak je 12. 3. u 10 časova.")],
            false,
        );
        assert!(warnings.is_empty() && errors.is_empty());
    }
}
