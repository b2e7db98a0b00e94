//! What a suggested correction really changes, for the moderator who
//! reviews it: each changed field by its name in the reader's language,
//! with the value as it stands and the value proposed.
//!
//! Values are compared normalised — trimmed, Windows line ends as one, any
//! empty value the same, lists as sets, coordinates to about a centimetre —
//! because a record imported from a spreadsheet and the same record sent
//! back through the form differ in exactly those ways without anyone having
//! changed anything.

use super::policy;
use super::store::{MunicipalityRow, ServiceInput};
use crate::web::Page;

/// One changed field, ready to show (empty values are shown as empty).
#[derive(Debug, Clone, PartialEq)]
pub struct FieldChange {
    pub label: String,
    pub old: String,
    pub new: String,
}

/// A value as compared and shown.
fn normalise(text: &str) -> String {
    text.replace("\r\n", "\n").trim().to_owned()
}

/// A list as a set, in the catalogue's order (`order`), named in the reader's
/// language.
fn list(page: &Page, prefix: &str, order: &[&str], values: &[String]) -> String {
    let mut names: Vec<String> = order
        .iter()
        .filter(|code| values.iter().any(|v| v.trim() == **code))
        .map(|code| page.tp(prefix, code))
        .collect();
    // Codes the catalogue no longer knows still count, shown as they are.
    let mut unknown: Vec<String> = values
        .iter()
        .map(|v| v.trim().to_owned())
        .filter(|v| !v.is_empty() && !order.contains(&v.as_str()))
        .collect();
    unknown.sort();
    unknown.dedup();
    names.extend(unknown);
    names.join(", ")
}

fn municipality(page: &Page, municipalities: &[MunicipalityRow], id: i32) -> String {
    municipalities
        .iter()
        .find(|m| m.municipality_id == id)
        .map(|m| {
            format!(
                "{} ({})",
                super::views::place_name(page, &m.name, &m.name_cyrl),
                m.country_code
            )
        })
        .unwrap_or_default()
}

/// Where a record stands on the map: its own point, or the municipality's
/// seat when it gives none.
fn point(input: &ServiceInput, municipalities: &[MunicipalityRow]) -> Option<(f64, f64)> {
    match (input.latitude, input.longitude) {
        (Some(lat), Some(lon)) => Some((lat, lon)),
        _ => municipalities
            .iter()
            .find(|m| m.municipality_id == input.municipality_id)
            .map(|m| (m.latitude, m.longitude)),
    }
}

fn same_point(a: Option<(f64, f64)>, b: Option<(f64, f64)>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => (a.0 - b.0).abs() < 1e-7 && (a.1 - b.1).abs() < 1e-7,
        (None, None) => true,
        _ => false,
    }
}

fn show_point(p: Option<(f64, f64)>) -> String {
    p.map(|(lat, lon)| format!("{lat:.6}, {lon:.6}"))
        .unwrap_or_default()
}

/// The fields `proposed` changes in `current`, in the form's order.
pub fn changes(
    page: &Page,
    current: &ServiceInput,
    proposed: &ServiceInput,
    municipalities: &[MunicipalityRow],
) -> Vec<FieldChange> {
    let mut out = Vec::new();
    let mut push = |label: String, old: String, new: String| {
        if old != new {
            out.push(FieldChange { label, old, new });
        }
    };
    let provider = |key: &str| format!("{} — {}", page.t("services-section-provider"), page.t(key));
    macro_rules! text {
        ($label:expr, $field:ident) => {
            push(
                $label,
                normalise(&current.$field),
                normalise(&proposed.$field),
            )
        };
    }
    text!(page.t("services-field-organization"), organization_name);
    text!(
        page.t("services-field-legal-status"),
        organization_legal_status
    );
    text!(
        page.t("services-field-organization-description"),
        organization_description
    );
    text!(provider("services-field-website"), organization_website);
    text!(provider("services-field-email"), organization_email);
    text!(provider("services-field-phone"), organization_phone);
    text!(page.t("services-field-name"), name);
    let kind = |k: &str| {
        let k = k.trim();
        if k.is_empty() {
            String::new()
        } else {
            page.tp("service-kind-", k)
        }
    };
    push(
        page.t("services-kind"),
        kind(&current.kind),
        kind(&proposed.kind),
    );
    text!(page.t("services-field-description"), description);
    push(
        page.t("services-group"),
        list(
            page,
            "service-group-",
            &policy::TARGET_GROUPS,
            &current.target_groups,
        ),
        list(
            page,
            "service-group-",
            &policy::TARGET_GROUPS,
            &proposed.target_groups,
        ),
    );
    text!(page.t("services-eligibility"), eligibility);
    text!(page.t("services-fees"), fees);
    push(
        page.t("services-languages"),
        list(
            page,
            "service-language-",
            &policy::LANGUAGES,
            &current.languages,
        ),
        list(
            page,
            "service-language-",
            &policy::LANGUAGES,
            &proposed.languages,
        ),
    );
    text!(page.t("services-hours"), hours);
    text!(page.t("services-how-to-apply"), application_process);
    text!(page.t("services-field-phone"), phone);
    text!(page.t("services-field-email"), email);
    text!(page.t("services-field-website"), url);
    text!(page.t("services-contact-person"), contact_name);
    push(
        page.t("services-field-municipality"),
        municipality(page, municipalities, current.municipality_id),
        municipality(page, municipalities, proposed.municipality_id),
    );
    text!(page.t("services-field-location-name"), location_name);
    text!(page.t("services-field-address"), address);
    text!(page.t("services-field-postal-code"), postal_code);
    let yes_no = |b: bool| page.t(if b { "services-yes" } else { "services-no" });
    push(
        page.t("services-change-confidential"),
        yes_no(current.address_confidential),
        yes_no(proposed.address_confidential),
    );
    let (old_point, new_point) = (
        point(current, municipalities),
        point(proposed, municipalities),
    );
    if !same_point(old_point, new_point) {
        push(
            page.t("services-change-coordinates"),
            show_point(old_point),
            show_point(new_point),
        );
    }
    text!(page.t("services-accessibility"), accessibility);
    out
}
