//! The service form (a suggestion, a correction or a moderator's edit) and
//! the rules every service record obeys — the same rules the importer
//! applies to each line of a file, so a record is equally good however it
//! arrives. Also the emergency-number form.

use serde::Deserialize;

use super::policy::{LANGUAGES, TARGET_GROUPS};
use super::store::ServiceInput;
use super::vocabulary::ServiceKind;
use crate::i18n::Locale;
use crate::text::coordinates::coordinate;
use crate::web::FormErrors;
use crate::web::form_checks::looks_like_email;

/// The form as typed: numbers stay text so a mistake comes back as typed.
#[derive(Debug, Clone, Default)]
pub struct ServiceForm {
    pub input: ServiceInput,
    pub municipality: String,
    pub latitude: String,
    pub longitude: String,
    /// What changed and how the member knows (suggestions only).
    pub note: String,
}

impl ServiceForm {
    pub fn from_pairs(pairs: &[(String, String)]) -> ServiceForm {
        let one = |name: &str| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.trim().to_owned())
                .unwrap_or_default()
        };
        let many = |name: &str| {
            pairs
                .iter()
                .filter(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
                .collect::<Vec<_>>()
        };
        let text = |name: &str| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.replace("\r\n", "\n").trim().to_owned())
                .unwrap_or_default()
        };
        ServiceForm {
            input: ServiceInput {
                organization_name: one("organization_name"),
                organization_description: text("organization_description"),
                organization_website: one("organization_website"),
                organization_email: one("organization_email"),
                organization_phone: one("organization_phone"),
                organization_legal_status: one("organization_legal_status"),
                name: one("name"),
                description: text("description"),
                kind: one("kind"),
                target_groups: many("target_groups"),
                eligibility: text("eligibility"),
                fees: one("fees"),
                languages: many("languages"),
                hours: one("hours"),
                application_process: text("application_process"),
                email: one("email"),
                phone: one("phone"),
                url: one("url"),
                contact_name: one("contact_name"),
                location_name: one("location_name"),
                address: one("address"),
                postal_code: one("postal_code"),
                municipality_id: 0,
                address_confidential: one("address_confidential") == "true",
                latitude: None,
                longitude: None,
                accessibility: text("accessibility"),
            },
            municipality: one("municipality"),
            latitude: one("latitude"),
            longitude: one("longitude"),
            note: text("note"),
        }
    }

    pub fn from_input(input: &ServiceInput) -> ServiceForm {
        ServiceForm {
            municipality: input.municipality_id.to_string(),
            latitude: input.latitude.map(coordinate).unwrap_or_default(),
            longitude: input.longitude.map(coordinate).unwrap_or_default(),
            input: input.clone(),
            note: String::new(),
        }
    }

    pub fn has_group(&self, group: &str) -> bool {
        self.input.target_groups.iter().any(|g| g == group)
    }

    pub fn has_language(&self, language: &str) -> bool {
        self.input.languages.iter().any(|l| l == language)
    }

    /// Checks every field; `known_municipality` says whether an id exists.
    pub fn validate(
        &mut self,
        locale: Locale,
        known_municipality: impl Fn(i32) -> bool,
    ) -> Result<ServiceInput, FormErrors> {
        let mut errors = FormErrors::new(locale);
        self.input.municipality_id = self.municipality.parse().unwrap_or(0);
        self.input.latitude = None;
        self.input.longitude = None;
        let mut coordinate_problem = None;
        match (self.latitude.as_str(), self.longitude.as_str()) {
            ("", "") => {}
            (lat, lon) => match (parse_coordinate(lat), parse_coordinate(lon)) {
                (Some(lat), Some(lon)) => {
                    self.input.latitude = Some(lat);
                    self.input.longitude = Some(lon);
                }
                _ => coordinate_problem = Some("error-service-coordinates"),
            },
        }
        for (field, key) in problems(&self.input, known_municipality(self.input.municipality_id)) {
            if field == "latitude" {
                coordinate_problem.get_or_insert(key);
            } else {
                errors.add(field, key);
            }
        }
        if let Some(key) = coordinate_problem {
            errors.add("latitude", key);
        }
        crate::web::form_checks::check_length(&mut errors, "note", &self.note, 2_000);
        if errors.is_empty() {
            Ok(self.input.clone())
        } else {
            Err(errors)
        }
    }
}

/// A decimal number; a comma is accepted as the decimal mark.
fn parse_coordinate(text: &str) -> Option<f64> {
    text.trim()
        .replace(',', ".")
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
}

/// What is wrong with a record, as (field, catalogue key), in form order.
/// Lists are cleaned of unknown values first (a tampered checkbox is
/// dropped, not an error).
pub fn problems(
    input: &ServiceInput,
    municipality_known: bool,
) -> Vec<(&'static str, &'static str)> {
    let mut found = Vec::new();
    let mut check = |ok: bool, field: &'static str, key: &'static str| {
        if !ok {
            found.push((field, key));
        }
    };
    let len = |text: &str| text.chars().count();
    check(
        (2..=300).contains(&len(&input.organization_name)),
        "organization_name",
        "error-service-organization",
    );
    check(
        optional_url(&input.organization_website),
        "organization_website",
        "error-service-url",
    );
    check(
        optional_email(&input.organization_email),
        "organization_email",
        "error-email-invalid",
    );
    check(
        optional_phone(&input.organization_phone),
        "organization_phone",
        "error-service-phone",
    );
    check(
        len(&input.organization_legal_status) <= 300
            && len(&input.organization_description) <= 5_000,
        "organization_description",
        "error-service-too-long",
    );
    check(
        (3..=300).contains(&len(&input.name)),
        "name",
        "error-service-name",
    );
    check(
        len(&input.description) <= 5_000,
        "description",
        "error-service-too-long",
    );
    check(
        ServiceKind::parse(&input.kind).is_some(),
        "kind",
        "error-service-kind",
    );
    check(
        !input.target_groups.is_empty()
            && input
                .target_groups
                .iter()
                .all(|g| TARGET_GROUPS.contains(&g.as_str())),
        "target_groups",
        "error-service-target-groups",
    );
    check(
        input
            .languages
            .iter()
            .all(|l| LANGUAGES.contains(&l.as_str())),
        "languages",
        "error-service-languages",
    );
    for (field, value, max) in [
        ("eligibility", &input.eligibility, 2_000),
        ("fees", &input.fees, 300),
        ("hours", &input.hours, 300),
        ("application_process", &input.application_process, 2_000),
        ("contact_name", &input.contact_name, 300),
    ] {
        check(len(value) <= max, field, "error-service-too-long");
    }
    check(optional_email(&input.email), "email", "error-email-invalid");
    check(optional_phone(&input.phone), "phone", "error-service-phone");
    check(optional_url(&input.url), "url", "error-service-url");
    check(
        !(input.email.is_empty() && input.phone.is_empty() && input.url.is_empty()),
        "phone",
        "error-service-contact",
    );
    for (field, value) in [
        ("location_name", &input.location_name),
        ("address", &input.address),
        ("postal_code", &input.postal_code),
    ] {
        check(len(value) <= 300, field, "error-service-too-long");
    }
    check(
        municipality_known,
        "municipality",
        "error-service-municipality",
    );
    check(
        match (input.latitude, input.longitude) {
            (None, None) => true,
            (Some(lat), Some(lon)) => {
                (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon)
            }
            _ => false,
        },
        "latitude",
        "error-service-coordinates",
    );
    check(
        len(&input.accessibility) <= 2_000,
        "accessibility",
        "error-service-too-long",
    );
    found
}

fn optional_email(text: &str) -> bool {
    text.is_empty() || looks_like_email(text)
}

/// Digits with the usual separators ("+381 17 123-456", "(011) 123 456").
fn optional_phone(text: &str) -> bool {
    text.is_empty()
        || (text.chars().filter(char::is_ascii_digit).count() >= 3
            && text.chars().count() <= 40
            && text.chars().all(|c| {
                c.is_ascii_digit() || matches!(c, ' ' | '+' | '-' | '/' | '(' | ')' | '.')
            }))
}

fn optional_url(text: &str) -> bool {
    text.is_empty()
        || ((text.starts_with("https://") || text.starts_with("http://"))
            && text.len() <= 1_000
            && !text.chars().any(|c| c.is_whitespace() || c.is_control()))
}

/// The `tel:` form of a phone number: digits and a leading plus only.
pub fn tel_href(phone: &str) -> String {
    let mut out = String::from("tel:");
    for (i, c) in phone.chars().enumerate() {
        if c.is_ascii_digit() || (c == '+' && i == 0) {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn valid() -> ServiceInput {
        ServiceInput {
            organization_name: "Centar za socijalni rad Vranje".into(),
            name: "Savetovalište za porodicu".into(),
            kind: "counselling".into(),
            target_groups: vec!["families".into()],
            phone: "+381 17 421 000".into(),
            municipality_id: 1,
            ..ServiceInput::default()
        }
    }

    #[test]
    fn a_complete_record_has_no_problems() {
        assert_eq!(problems(&valid(), true), vec![]);
    }

    #[test]
    fn each_rule_names_its_field() {
        type Case = (fn(&mut ServiceInput), &'static str);
        let cases: Vec<Case> = vec![
            (|i| i.name = "x".into(), "name"),
            (|i| i.kind = "casino".into(), "kind"),
            (|i| i.target_groups = vec![], "target_groups"),
            (|i| i.phone = "call us".into(), "phone"),
            (|i| i.email = "not-an-address".into(), "email"),
            (|i| i.url = "javascript:alert(1)".into(), "url"),
            (|i| i.latitude = Some(95.0), "latitude"),
            (|i| i.phone = String::new(), "phone"),
        ];
        for (spoil, field) in cases {
            let mut input = valid();
            spoil(&mut input);
            let found = problems(&input, true);
            assert!(found.iter().any(|(f, _)| *f == field), "{field}: {found:?}");
        }
        assert_eq!(
            problems(&valid(), false),
            vec![("municipality", "error-service-municipality")]
        );
    }

    #[test]
    fn phone_links_keep_only_what_dials() {
        assert_eq!(tel_href("+381 (17) 421-000"), "tel:+38117421000");
        assert_eq!(tel_href("0800 100 007"), "tel:0800100007");
    }
}

/// An emergency number as an admin adds or changes it
/// (`/admin/emergency-numbers`); checked where it is saved.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct NumberForm {
    /// Set from the address when changing a number.
    #[serde(skip)]
    pub number_id: Option<i32>,
    pub country: String,
    pub kind: String,
    pub number: String,
    pub label_sr: String,
    pub label_en: String,
    pub position: String,
}
