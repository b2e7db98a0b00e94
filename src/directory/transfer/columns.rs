//! The directory's CSV column set (documented in README.md, "Service map:
//! import and export"): one row per service at its location, the
//! organization's details repeated on each of its services' rows.

use chrono::SecondsFormat;

use crate::directory::store::Service;

/// Every column, in the order the export writes them. An import may list
/// them in any order and leave any out (an absent column is empty).
pub const COLUMNS: [&str; 33] = [
    "service_id",
    "organization_id",
    "organization_name",
    "organization_description",
    "organization_website",
    "organization_email",
    "organization_phone",
    "organization_legal_status",
    "name",
    "description",
    "kind",
    "target_groups",
    "eligibility",
    "fees",
    "languages",
    "hours",
    "application_process",
    "email",
    "phone",
    "url",
    "contact_name",
    "location_id",
    "location_name",
    "address",
    "postal_code",
    "country",
    "municipality",
    "address_confidential",
    "latitude",
    "longitude",
    "accessibility",
    "last_verified_at",
    "is_demo",
];

/// Columns an import cannot do without.
pub const REQUIRED: [&str; 3] = ["name", "country", "municipality"];

/// Lists (target groups, languages) are slugs joined with this.
pub const LIST_SEPARATOR: char = ';';

/// The values of one service's row. A confidential address is not
/// published: its location name, street and postal code are left empty
/// (the coordinates are already the municipality's seat).
pub fn values(s: &Service) -> Vec<String> {
    let hidden = |text: &str| {
        if s.address_confidential {
            String::new()
        } else {
            text.to_owned()
        }
    };
    let list = |items: &[String]| items.join(&LIST_SEPARATOR.to_string());
    vec![
        s.service_id.to_string(),
        s.organization_id.to_string(),
        s.organization_name.clone(),
        s.organization_description.clone(),
        s.organization_website.clone(),
        s.organization_email.clone(),
        s.organization_phone.clone(),
        s.organization_legal_status.clone(),
        s.name.clone(),
        s.description.clone(),
        s.kind.as_str().to_owned(),
        list(&s.target_groups),
        s.eligibility.clone(),
        s.fees.clone(),
        list(&s.languages),
        s.hours.clone(),
        s.application_process.clone(),
        s.email.clone(),
        s.phone.clone(),
        s.url.clone(),
        s.contact_name.clone(),
        s.location_id.to_string(),
        hidden(&s.location_name),
        hidden(&s.address),
        hidden(&s.postal_code),
        s.country_code.clone(),
        s.municipality_name.clone(),
        s.address_confidential.to_string(),
        s.latitude.to_string(),
        s.longitude.to_string(),
        s.accessibility.clone(),
        s.last_verified_at
            .map(|at| at.to_rfc3339_opts(SecondsFormat::AutoSi, true))
            .unwrap_or_default(),
        s.is_demo.to_string(),
    ]
}

/// `csv::write_record` puts an apostrophe before a value that starts with
/// = + - @ (so a spreadsheet shows it rather than runs it). A value that
/// already starts with apostrophes before such a sign gets one more here,
/// so [`unescape`] can always take exactly one away and a round trip is
/// exact.
pub fn escape(value: &str) -> String {
    if value.starts_with('\'')
        && value
            .trim_start_matches('\'')
            .starts_with(['=', '+', '-', '@'])
    {
        format!("'{value}")
    } else {
        value.to_owned()
    }
}

/// Undoes the spreadsheet defusing of `csv::write_record` and [`escape`].
pub fn unescape(value: &str) -> &str {
    match value.strip_prefix('\'') {
        Some(rest)
            if rest
                .trim_start_matches('\'')
                .starts_with(['=', '+', '-', '@']) =>
        {
            rest
        }
        _ => value,
    }
}

/// "true"/"false" as written, and the usual spellings people type.
pub fn parse_bool(text: &str) -> Option<bool> {
    match text.trim().to_lowercase().as_str() {
        "" | "false" | "0" | "no" | "ne" | "n" => Some(false),
        "true" | "1" | "yes" | "da" | "y" => Some(true),
        _ => None,
    }
}

/// A `;`-separated list of slugs, without blanks.
pub fn parse_list(text: &str) -> Vec<String> {
    text.split(LIST_SEPARATOR)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::directory::transfer::csv;

    #[test]
    fn defused_values_come_back_exactly() {
        for value in [
            "=SUM(A1)",
            "'=x",
            "''+y",
            "-abc",
            "-5",
            "+381 11 123",
            "@home",
            "'plain",
            "plain",
            "",
        ] {
            let line = csv::write_record(&[&escape(value), "end"]);
            let back = &csv::parse(&line, csv::Delimiter::Comma).unwrap()[0].fields[0];
            assert_eq!(unescape(back), value, "{value}");
        }
    }

    #[test]
    fn lists_and_flags() {
        assert_eq!(parse_list(" children; youth ;;"), vec!["children", "youth"]);
        assert_eq!(parse_bool("TRUE"), Some(true));
        assert_eq!(parse_bool(""), Some(false));
        assert_eq!(parse_bool("maybe"), None);
    }
}
