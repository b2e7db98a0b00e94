//! The directory as Open Referral HSDS 3 service objects (in spirit: one
//! service with its organization and its one location nested), plus an
//! `x_kolega` extension object for what HSDS has no field for (kind,
//! target groups, municipality, confidentiality, hours as text, demo flag,
//! verification time).

use chrono::SecondsFormat;
use serde_json::{Value, json};

use crate::directory::store::Service;

/// Name of the extension object.
pub const EXTENSION: &str = "x_kolega";

/// One published service as an HSDS service object. A confidential
/// address is not published: location name, street and postal code are
/// empty, the coordinates are the municipality's seat (as stored).
pub fn service(s: &Service) -> Value {
    let hidden = |text: &str| if s.address_confidential { "" } else { text }.to_owned();
    let time = |at: chrono::DateTime<chrono::Utc>| at.to_rfc3339_opts(SecondsFormat::AutoSi, true);
    let phones = |number: &str| {
        if number.is_empty() {
            vec![]
        } else {
            vec![json!({ "number": number })]
        }
    };
    let described = |text: &str| {
        if text.is_empty() {
            vec![]
        } else {
            vec![json!({ "description": text })]
        }
    };
    json!({
        "id": s.service_id,
        "name": s.name,
        "description": s.description,
        "status": "active",
        "email": s.email,
        "url": s.url,
        "eligibility_description": s.eligibility,
        "fees_description": s.fees,
        "application_process": s.application_process,
        "languages": s.languages.iter().map(|code| json!({ "code": code })).collect::<Vec<_>>(),
        "last_modified": time(s.updated_at),
        "organization": {
            "id": s.organization_id,
            "name": s.organization_name,
            "description": s.organization_description,
            "website": s.organization_website,
            "email": s.organization_email,
            "legal_status": s.organization_legal_status,
            "phones": phones(&s.organization_phone),
        },
        "service_at_locations": [{
            "location": {
                "id": s.location_id,
                "location_type": "physical",
                "name": hidden(&s.location_name),
                "latitude": s.latitude,
                "longitude": s.longitude,
                "addresses": [{
                    "address_type": "physical",
                    "address_1": hidden(&s.address),
                    "city": s.municipality_name,
                    "postal_code": hidden(&s.postal_code),
                    "state_province": s.region,
                    "country": s.country_code,
                }],
                "accessibilities": described(&s.accessibility),
            }
        }],
        "phones": phones(&s.phone),
        "contacts": if s.contact_name.is_empty() { vec![] } else { vec![json!({ "name": s.contact_name })] },
        "schedules": described(&s.hours),
        EXTENSION: {
            "kind": s.kind,
            "target_groups": s.target_groups,
            "municipality": s.municipality_name,
            "country": s.country_code,
            "address_confidential": s.address_confidential,
            "hours": s.hours,
            "is_demo": s.is_demo,
            "last_verified_at": s.last_verified_at.map(time),
        }
    })
}

/// The line (1-based) each service of a JSON text starts on: the elements
/// of the top-level array, or of the array under a top-level "services"
/// (or "contents", as HSDS API pages put it) key. Only called on text that
/// parsed as JSON, so a simple scan that skips strings is enough.
pub fn element_lines(text: &str) -> Vec<usize> {
    let mut lines = Vec::new();
    let mut line = 1;
    let mut depth = 0usize;
    let mut target: Option<usize> = None;
    let mut expect_element = false;
    let mut in_string = false;
    let mut escaped = false;
    let mut string = String::new();
    let mut last_string = String::new();
    let mut key = String::new();
    for c in text.chars() {
        if c == '\n' {
            line += 1;
        }
        if in_string {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
                last_string = std::mem::take(&mut string);
            } else {
                string.push(c);
            }
            continue;
        }
        if c.is_whitespace() {
            continue;
        }
        if expect_element && Some(depth) == target && c != ']' {
            lines.push(line);
            expect_element = false;
        }
        match c {
            '"' => in_string = true,
            ':' if depth == 1 => key = std::mem::take(&mut last_string),
            ',' => {
                if Some(depth) == target {
                    expect_element = true;
                }
                if depth == 1 {
                    key.clear();
                }
            }
            '[' | '{' => {
                let root_array = depth == 0 && c == '[';
                let services = depth == 1 && c == '[' && (key == "services" || key == "contents");
                depth += 1;
                if target.is_none() && (root_array || services) {
                    target = Some(depth);
                    expect_element = true;
                }
            }
            ']' | '}' => {
                if Some(depth) == target && c == ']' {
                    expect_element = false;
                }
                depth = depth.saturating_sub(1);
            }
            _ => {}
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_where_each_service_starts() {
        assert_eq!(
            element_lines("[\n {\"a\": \"[,{\"},\n\n {\"b\": [1, 2]}\n]"),
            vec![2, 4]
        );
        let wrapped =
            "{\"meta\": [1, 2],\n \"services\": [\n  {},\n  {\"x\": {\"services\": []}}]}";
        assert_eq!(element_lines(wrapped), vec![3, 4]);
        assert_eq!(element_lines("[]"), Vec::<usize>::new());
    }
}
