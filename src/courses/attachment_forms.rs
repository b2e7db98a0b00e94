//! The forms that attach something to a lesson: a library resource (by its
//! address or id), an event's recording (picked from a list) and an
//! uploaded audio/video file; each with an optional caption. They are
//! checked here; whether the chosen thing may be attached is the route's
//! (it asks the store and the policy).

use serde::Deserialize;
use uuid::Uuid;

use crate::i18n::Locale;
use crate::text::personal_data;
use crate::web::FormErrors;
use crate::web::form_checks::check_length;

/// The longest caption beside an attachment.
const CAPTION_LIMIT: usize = 300;

/// What the author typed in the three forms, kept when one is refused.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct AttachForm {
    /// A library address (`…/library/<id>`) or the bare id.
    pub resource: String,
    pub resource_caption: String,
    pub event_id: String,
    pub recording_caption: String,
    pub media_caption: String,
}

/// The resource's id from what was pasted: its page's address (with or
/// without the site, with a query or `#…`) or the id alone.
pub fn resource_reference(text: &str) -> Option<Uuid> {
    let text = text.trim();
    let text = text.split(['?', '#']).next().unwrap_or_default();
    let text = text.trim_end_matches('/');
    let last = match text.rsplit_once("/library/") {
        Some((_, rest)) => rest.split('/').next().unwrap_or_default(),
        None => text,
    };
    last.parse().ok()
}

/// A caption cut to one line, or the error beside `field`. Readers see it
/// beside the attachment, so it passes the personal-data check; a caption
/// is one line, so whatever the check finds (a JMBG, a phone number, an
/// address) is refused there rather than asked about.
fn caption(locale: Locale, field: &'static str, text: &str) -> Result<String, FormErrors> {
    let text = crate::text::one_line(text);
    let mut errors = FormErrors::new(locale);
    check_length(&mut errors, field, &text, CAPTION_LIMIT);
    if let Some(finding) = personal_data::scan(&text).first() {
        errors.add(field, finding.message_key());
    }
    if errors.is_empty() {
        Ok(text)
    } else {
        Err(errors)
    }
}

impl AttachForm {
    /// The resource to attach and its caption.
    pub fn resource(&self, locale: Locale) -> Result<(Uuid, String), FormErrors> {
        let caption = caption(locale, "resource_caption", &self.resource_caption)?;
        match resource_reference(&self.resource) {
            Some(id) => Ok((id, caption)),
            None => {
                let mut errors = FormErrors::new(locale);
                errors.add("resource", "error-attachment-resource-address");
                Err(errors)
            }
        }
    }

    /// The event whose recording to attach, and the caption.
    pub fn recording(&self, locale: Locale) -> Result<(Uuid, String), FormErrors> {
        let caption = caption(locale, "recording_caption", &self.recording_caption)?;
        match self.event_id.trim().parse() {
            Ok(id) => Ok((id, caption)),
            Err(_) => {
                let mut errors = FormErrors::new(locale);
                errors.add("event_id", "error-attachment-recording");
                Err(errors)
            }
        }
    }

    /// The caption of an uploaded file.
    pub fn media_caption(&self, locale: Locale) -> Result<String, FormErrors> {
        caption(locale, "media_caption", &self.media_caption)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_resource_is_named_by_its_address_or_id() {
        let id = "0f3c2a8e-1d2b-4c5d-9e8f-0a1b2c3d4e5f";
        let expected: Uuid = id.parse().unwrap();
        for text in [
            id.to_owned(),
            format!(" {id} "),
            format!("/library/{id}"),
            format!("https://kolega.rs/library/{id}/"),
            format!("https://kolega.rs/library/{id}?ref=x#top"),
            format!("https://kolega.rs/library/{id}/download"),
        ] {
            assert_eq!(resource_reference(&text), Some(expected), "{text}");
        }
        for text in ["", "protokol", "/library/", "https://kolega.rs/library/abc"] {
            assert_eq!(resource_reference(text), None, "{text}");
        }
    }

    #[test]
    fn a_caption_is_one_line_without_personal_data() {
        let form = |caption: &str| AttachForm {
            media_caption: caption.into(),
            ..AttachForm::default()
        };
        assert_eq!(
            form("  Snimak\nrazgovora ")
                .media_caption(Locale::SrLatn)
                .unwrap(),
            "Snimak razgovora"
        );
        for caption in ["Dete, JMBG 0101990710008", "Zovite 064 123 4567"] {
            let errors = form(caption).media_caption(Locale::SrLatn).unwrap_err();
            assert!(errors.has("media_caption"), "{caption}");
        }
        assert!(
            form(&"a".repeat(301))
                .media_caption(Locale::SrLatn)
                .is_err()
        );
    }
}
