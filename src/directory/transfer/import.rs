//! Reading a directory file (CSV in the documented column set, or HSDS
//! JSON, told apart by content) into checked service records: every
//! record goes through `forms::problems`, the web form's rules, and every
//! problem is reported with the line it is on, so the moderator can fix
//! the file and nothing is written until all of it is right.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use serde_json::Value;
use sqlx::PgConnection;
use uuid::Uuid;

use super::columns::{self, COLUMNS, REQUIRED};
use super::csv::{self, Delimiter};
use super::encoding::{self, Decoded};
use super::{hsds, store};
use crate::directory::forms;
use crate::directory::policy::COUNTRIES;
use crate::directory::store::{self as directory_store, MunicipalityRow, Provenance, ServiceInput};
use crate::text::coordinates::coordinate;
use crate::text::search::normalize;

/// How many problems a preview lists (the count says how many there are).
pub const PROBLEMS_LISTED: usize = 200;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    HsdsJson,
}

impl Format {
    /// A JSON text starts with `[` or `{`; anything else is read as CSV
    /// (whose first line names columns, so it cannot start with either).
    pub fn of(text: &str) -> Format {
        match text.trim_start().chars().next() {
            Some('[' | '{') => Format::HsdsJson,
            _ => Format::Csv,
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::HsdsJson => "hsds-json",
        }
    }
}

/// Something wrong with the file, where it is and what to do about it.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// The line of the file (CSV: where the record starts; JSON: where the
    /// service object starts, or where the syntax breaks).
    pub line: Option<usize>,
    /// JSON: the service's position in the file (1-based).
    pub record: Option<usize>,
    /// The column (CSV) or field name; empty for the whole record or file.
    pub field: String,
    /// The catalogue key of the message.
    pub key: &'static str,
    /// The value at fault (or the allowed values), shortened.
    pub value: String,
}

fn shorten(text: &str) -> String {
    let mut short: String = text.chars().take(80).collect();
    if short.len() < text.len() {
        short.push('…');
    }
    short
}

/// One record as the file has it, before municipality names are looked up.
#[derive(Debug, Clone, Default)]
pub struct RawRecord {
    pub line: Option<usize>,
    pub record: Option<usize>,
    pub provenance: Provenance,
    pub country: String,
    pub municipality: String,
    pub input: ServiceInput,
}

/// One checked record, ready to write.
#[derive(Debug, Clone)]
pub struct Planned {
    pub line: Option<usize>,
    pub record: Option<usize>,
    /// A service with this id is in the directory: it is updated.
    pub exists: bool,
    pub municipality_name: String,
    pub input: ServiceInput,
    pub provenance: Provenance,
}

/// What importing a file would do, or why it cannot.
#[derive(Debug, Clone)]
pub struct Plan {
    pub format: Format,
    /// The delimiter a CSV file was read with.
    pub delimiter: Option<Delimiter>,
    pub records: Vec<Planned>,
    /// In the order of the file (by line, then record).
    pub problems: Vec<Problem>,
}

impl Plan {
    pub fn is_valid(&self) -> bool {
        self.problems.is_empty() && !self.records.is_empty()
    }
    /// Records without a problem of their own (a file with problems is
    /// not imported at all; this only says how much of it is usable).
    pub fn sound_count(&self) -> usize {
        let faulty: HashSet<(Option<usize>, Option<usize>)> =
            self.problems.iter().map(|p| (p.line, p.record)).collect();
        self.records
            .iter()
            .filter(|r| !faulty.contains(&(r.line, r.record)))
            .count()
    }
    pub fn new_count(&self) -> usize {
        self.records.iter().filter(|r| !r.exists).count()
    }
    pub fn updated_count(&self) -> usize {
        self.records.iter().filter(|r| r.exists).count()
    }
}

/// The uploaded bytes as text (see [`encoding::decode`]: UTF-8, UTF-16
/// with a byte-order mark, else Windows-1250; a NUL is refused), or the
/// problem with the line where it cannot be read.
pub fn decode(bytes: &[u8]) -> Result<Decoded, Problem> {
    encoding::decode(bytes).map_err(|fault| Problem {
        line: Some(fault.line),
        record: None,
        field: String::new(),
        key: "error-import-encoding",
        value: String::new(),
    })
}

/// Collects a record's fields and the problems reading them.
struct Reader<'a> {
    line: Option<usize>,
    record: Option<usize>,
    problems: &'a mut Vec<Problem>,
}

impl Reader<'_> {
    fn problem(&mut self, field: &str, key: &'static str, value: &str) {
        self.problems.push(Problem {
            line: self.line,
            record: self.record,
            field: field.to_owned(),
            key,
            value: shorten(value),
        });
    }

    fn id(&mut self, field: &str, text: &str) -> Option<Uuid> {
        if text.is_empty() {
            return None;
        }
        let id = text.parse().ok();
        if id.is_none() {
            self.problem(field, "error-import-id", text);
        }
        id
    }

    fn flag(&mut self, field: &str, text: &str) -> bool {
        columns::parse_bool(text).unwrap_or_else(|| {
            self.problem(field, "error-import-flag", text);
            false
        })
    }

    fn time(&mut self, field: &str, text: &str) -> Option<DateTime<Utc>> {
        if text.is_empty() {
            return None;
        }
        let at = DateTime::parse_from_rfc3339(text)
            .ok()
            .map(|at| at.with_timezone(&Utc));
        if at.is_none() {
            self.problem(field, "error-import-time", text);
        }
        at
    }

    fn coordinate(&mut self, field: &str, text: &str) -> Option<f64> {
        if text.is_empty() {
            return None;
        }
        let value = text
            .replace(',', ".")
            .parse::<f64>()
            .ok()
            .filter(|v| v.is_finite());
        if value.is_none() {
            self.problem(field, "error-service-coordinates", text);
        }
        value
    }
}

/// A file read into records, before the checks against the directory.
#[derive(Debug, Clone)]
pub struct Parsed {
    pub format: Format,
    pub delimiter: Option<Delimiter>,
    pub records: Vec<RawRecord>,
    pub problems: Vec<Problem>,
}

/// Every record of a file, and what is wrong with the file's shape.
pub fn parse(text: &str) -> Parsed {
    let format = Format::of(text);
    let mut problems = Vec::new();
    let (delimiter, records) = match format {
        Format::Csv => {
            // The header must name known columns: the delimiter is the
            // one with which it does.
            let delimiter = Delimiter::detect(text, &COLUMNS);
            (Some(delimiter), parse_csv(text, delimiter, &mut problems))
        }
        Format::HsdsJson => (None, parse_json(text, &mut problems)),
    };
    if records.is_empty() && problems.is_empty() {
        problems.push(Problem {
            line: None,
            record: None,
            field: String::new(),
            key: "error-import-empty",
            value: String::new(),
        });
    }
    Parsed {
        format,
        delimiter,
        records,
        problems,
    }
}

fn parse_csv(text: &str, delimiter: Delimiter, problems: &mut Vec<Problem>) -> Vec<RawRecord> {
    let rows = match csv::parse(text, delimiter) {
        Ok(rows) => rows,
        Err(line) => {
            problems.push(Problem {
                line: Some(line),
                record: None,
                field: String::new(),
                key: "error-import-encoding",
                value: String::new(),
            });
            return Vec::new();
        }
    };
    let Some((header, rows)) = rows.split_first() else {
        return Vec::new();
    };
    let names: Vec<String> = header
        .fields
        .iter()
        .map(|f| f.trim().to_lowercase())
        .collect();
    let mut reader = Reader {
        line: Some(header.line),
        record: None,
        problems: &mut *problems,
    };
    for (i, name) in names.iter().enumerate() {
        if !COLUMNS.contains(&name.as_str()) {
            reader.problem(name, "error-import-unknown-column", name);
        } else if names[..i].contains(name) {
            reader.problem(name, "error-import-duplicate-column", name);
        }
    }
    for required in REQUIRED {
        if !names.iter().any(|n| n == required) {
            reader.problem(required, "error-import-missing-column", required);
        }
    }
    // Until the header is right, what each value means is not known.
    if !reader.problems.is_empty() {
        return Vec::new();
    }
    let mut records = Vec::with_capacity(rows.len());
    for row in rows {
        let mut reader = Reader {
            line: Some(row.line),
            record: None,
            problems: &mut *problems,
        };
        if row.fields.len() > names.len() {
            let count = row.fields.len().to_string();
            reader.problem("", "error-import-extra-fields", &count);
        }
        let get = |column: &str| {
            names
                .iter()
                .position(|n| n == column)
                .and_then(|i| row.fields.get(i))
                .map(|v| columns::unescape(v.trim()).to_owned())
                .unwrap_or_default()
        };
        let provenance = Provenance {
            service_id: reader.id("service_id", &get("service_id")),
            organization_id: reader.id("organization_id", &get("organization_id")),
            location_id: reader.id("location_id", &get("location_id")),
            is_demo: reader.flag("is_demo", &get("is_demo")),
            last_verified_at: reader.time("last_verified_at", &get("last_verified_at")),
            verified_by: None,
        };
        let input = ServiceInput {
            organization_name: get("organization_name"),
            organization_description: get("organization_description"),
            organization_website: get("organization_website"),
            organization_email: get("organization_email"),
            organization_phone: get("organization_phone"),
            organization_legal_status: get("organization_legal_status"),
            name: get("name"),
            description: get("description"),
            kind: get("kind"),
            target_groups: columns::parse_list(&get("target_groups")),
            eligibility: get("eligibility"),
            fees: get("fees"),
            languages: columns::parse_list(&get("languages")),
            hours: get("hours"),
            application_process: get("application_process"),
            email: get("email"),
            phone: get("phone"),
            url: get("url"),
            contact_name: get("contact_name"),
            location_name: get("location_name"),
            address: get("address"),
            postal_code: get("postal_code"),
            municipality_id: 0,
            address_confidential: reader.flag("address_confidential", &get("address_confidential")),
            latitude: reader.coordinate("latitude", &get("latitude")),
            longitude: reader.coordinate("longitude", &get("longitude")),
            accessibility: get("accessibility"),
        };
        records.push(RawRecord {
            line: Some(row.line),
            record: None,
            provenance,
            country: get("country"),
            municipality: get("municipality"),
            input,
        });
    }
    records
}

fn parse_json(text: &str, problems: &mut Vec<Problem>) -> Vec<RawRecord> {
    let value: Value = match serde_json::from_str(text) {
        Ok(value) => value,
        Err(error) => {
            problems.push(Problem {
                line: Some(error.line()),
                record: None,
                field: String::new(),
                key: "error-import-json",
                value: shorten(&error.to_string()),
            });
            return Vec::new();
        }
    };
    let items = match &value {
        Value::Array(items) => Some(items),
        Value::Object(map) => map
            .get("services")
            .or_else(|| map.get("contents"))
            .and_then(Value::as_array),
        _ => None,
    };
    let Some(items) = items else {
        problems.push(Problem {
            line: Some(1),
            record: None,
            field: String::new(),
            key: "error-import-json-shape",
            value: String::new(),
        });
        return Vec::new();
    };
    let lines = hsds::element_lines(text);
    let lines = (lines.len() == items.len()).then_some(lines);
    items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let mut reader = Reader {
                line: lines.as_ref().map(|l| l[i]),
                record: Some(i + 1),
                problems: &mut *problems,
            };
            json_record(&mut reader, item)
        })
        .collect()
}

/// An HSDS service object (with our extension, when it has one).
fn json_record(reader: &mut Reader<'_>, item: &Value) -> RawRecord {
    let line = reader.line;
    let record = reader.record;
    if !item.is_object() {
        reader.problem("", "error-import-json-shape", "");
        return RawRecord {
            line,
            record,
            ..RawRecord::default()
        };
    }
    let mut text = |pointer: &str, field: &str| -> String {
        match item.pointer(pointer) {
            None | Some(Value::Null) => String::new(),
            Some(Value::String(s)) if s.contains('\0') => {
                reader.problem(field, "error-import-encoding", "\\u0000");
                String::new()
            }
            Some(Value::String(s)) => s.trim().to_owned(),
            Some(Value::Number(n)) => n.to_string(),
            Some(Value::Bool(b)) => b.to_string(),
            Some(_) => {
                reader.problem(field, "error-import-type", pointer);
                String::new()
            }
        }
    };
    let x = |key: &str| format!("/{}/{key}", hsds::EXTENSION);
    let place = "/service_at_locations/0/location";
    let address = "/service_at_locations/0/location/addresses/0";
    let service_id = text("/id", "id");
    let organization_id = text("/organization/id", "organization.id");
    let location_id = text(&format!("{place}/id"), "location.id");
    let is_demo = text(&x("is_demo"), "is_demo");
    let last_verified_at = text(&x("last_verified_at"), "last_verified_at");
    let confidential = text(&x("address_confidential"), "address_confidential");
    let latitude = text(&format!("{place}/latitude"), "latitude");
    let longitude = text(&format!("{place}/longitude"), "longitude");
    let mut hours = text(&x("hours"), "hours");
    if hours.is_empty() {
        hours = text("/schedules/0/description", "schedules");
    }
    let mut country = text(&x("country"), "country");
    if country.is_empty() {
        country = text(&format!("{address}/country"), "country");
    }
    let mut municipality = text(&x("municipality"), "municipality");
    if municipality.is_empty() {
        municipality = text(&format!("{address}/city"), "municipality");
    }
    let mut input = ServiceInput {
        organization_name: text("/organization/name", "organization.name"),
        organization_description: text("/organization/description", "organization.description"),
        organization_website: text("/organization/website", "organization.website"),
        organization_email: text("/organization/email", "organization.email"),
        organization_phone: text("/organization/phones/0/number", "organization.phones"),
        organization_legal_status: text("/organization/legal_status", "organization.legal_status"),
        name: text("/name", "name"),
        description: text("/description", "description"),
        kind: text(&x("kind"), "kind"),
        eligibility: text("/eligibility_description", "eligibility_description"),
        fees: text("/fees_description", "fees_description"),
        hours,
        application_process: text("/application_process", "application_process"),
        email: text("/email", "email"),
        phone: text("/phones/0/number", "phones"),
        url: text("/url", "url"),
        contact_name: text("/contacts/0/name", "contacts"),
        location_name: text(&format!("{place}/name"), "location.name"),
        address: text(&format!("{address}/address_1"), "address_1"),
        postal_code: text(&format!("{address}/postal_code"), "postal_code"),
        accessibility: text(
            &format!("{place}/accessibilities/0/description"),
            "accessibilities",
        ),
        ..ServiceInput::default()
    };
    input.target_groups = slugs(
        reader,
        item.pointer(&x("target_groups")),
        "target_groups",
        None,
    );
    input.languages = slugs(
        reader,
        item.pointer("/languages"),
        "languages",
        Some("code"),
    );
    if item
        .pointer("/service_at_locations")
        .and_then(Value::as_array)
        .is_some_and(|places| places.len() > 1)
    {
        reader.problem("service_at_locations", "error-import-one-location", "");
    }
    input.address_confidential = reader.flag("address_confidential", &confidential);
    input.latitude = reader.coordinate("latitude", &latitude);
    input.longitude = reader.coordinate("longitude", &longitude);
    let provenance = Provenance {
        service_id: reader.id("id", &service_id),
        organization_id: reader.id("organization.id", &organization_id),
        location_id: reader.id("location.id", &location_id),
        is_demo: reader.flag("is_demo", &is_demo),
        last_verified_at: reader.time("last_verified_at", &last_verified_at),
        verified_by: None,
    };
    RawRecord {
        line,
        record,
        provenance,
        country,
        municipality,
        input,
    }
}

/// A list of slugs: an array of strings (or of objects with `key`), or
/// one `;`-separated string.
fn slugs(
    reader: &mut Reader<'_>,
    value: Option<&Value>,
    field: &str,
    key: Option<&str>,
) -> Vec<String> {
    match value {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::String(s)) => columns::parse_list(s),
        Some(Value::Array(items)) => {
            let mut out = Vec::new();
            for item in items {
                let slug = match (item, key) {
                    (Value::String(s), _) => Some(s.trim().to_owned()),
                    (Value::Object(map), Some(key)) => map
                        .get(key)
                        .and_then(Value::as_str)
                        .map(|s| s.trim().to_owned()),
                    _ => None,
                };
                match slug {
                    Some(slug) if !slug.is_empty() => out.push(slug),
                    Some(_) => {}
                    None => reader.problem(field, "error-import-type", field),
                }
            }
            out
        }
        Some(_) => {
            reader.problem(field, "error-import-type", field);
            Vec::new()
        }
    }
}

/// What the database knows that the checks need.
#[derive(Debug, Default)]
pub struct Context {
    pub municipalities: Vec<MunicipalityRow>,
    /// Ids of the file's services that are in the directory already.
    pub existing: HashSet<Uuid>,
    /// For the file's location ids: the service each belongs to now.
    pub location_owners: HashMap<Uuid, Uuid>,
}

impl Context {
    pub async fn load(conn: &mut PgConnection, records: &[RawRecord]) -> sqlx::Result<Context> {
        let ids: Vec<Uuid> = records
            .iter()
            .filter_map(|r| r.provenance.service_id)
            .collect();
        let locations: Vec<Uuid> = records
            .iter()
            .filter_map(|r| r.provenance.location_id)
            .collect();
        Ok(Context {
            municipalities: directory_store::municipalities(&mut *conn).await?,
            existing: store::existing_services(&mut *conn, &ids).await?,
            location_owners: store::location_owners(&mut *conn, &locations).await?,
        })
    }
}

/// Municipalities by country and name: the exact name first, then the
/// normalised Latin or Cyrillic one ("Čačak", "cacak" and "Чачак" alike).
struct Places<'a> {
    exact: HashMap<(&'a str, &'a str), &'a MunicipalityRow>,
    normalized: HashMap<(&'a str, String), &'a MunicipalityRow>,
}

impl<'a> Places<'a> {
    fn new(rows: &'a [MunicipalityRow]) -> Places<'a> {
        let mut places = Places {
            exact: HashMap::new(),
            normalized: HashMap::new(),
        };
        for row in rows {
            places
                .exact
                .insert((row.country_code.as_str(), row.name.as_str()), row);
            for name in [&row.name, &row.name_cyrl] {
                if !name.is_empty() {
                    places
                        .normalized
                        .entry((row.country_code.as_str(), normalize(name)))
                        .or_insert(row);
                }
            }
        }
        places
    }

    fn find(&self, country: &str, name: &str) -> Option<&'a MunicipalityRow> {
        self.exact
            .get(&(country, name))
            .or_else(|| self.normalized.get(&(country, normalize(name))))
            .copied()
    }
}

/// Checks every record with the web form's rules, resolves municipalities
/// and ids, and says what importing would do.
pub fn check(parsed: Parsed, context: &Context) -> Plan {
    let Parsed {
        format,
        delimiter,
        records: raw,
        mut problems,
    } = parsed;
    let places = Places::new(&context.municipalities);
    let mut seen_services: HashMap<Uuid, Option<usize>> = HashMap::new();
    let mut seen_locations: HashMap<Uuid, Option<usize>> = HashMap::new();
    let mut organizations: HashMap<Uuid, (Option<usize>, [String; 6])> = HashMap::new();
    let mut records = Vec::with_capacity(raw.len());
    for mut r in raw {
        let mut reader = Reader {
            line: r.line,
            record: r.record,
            problems: &mut problems,
        };
        let country = r.country.trim().to_uppercase();
        let place = places.find(&country, &r.municipality);
        if !COUNTRIES.contains(&country.as_str()) {
            reader.problem("country", "error-import-country", &r.country);
        }
        r.input.municipality_id = place.map_or(0, |m| m.municipality_id);
        for (field, key) in forms::problems(&r.input, place.is_some()) {
            let (key, value) = match (field, key) {
                ("municipality", _) => (
                    "error-import-municipality",
                    format!("{} ({})", r.municipality, r.country),
                ),
                ("kind", _) => ("error-import-kind", r.input.kind.clone()),
                ("target_groups", _) => (
                    "error-import-target-groups",
                    r.input.target_groups.join(";"),
                ),
                ("languages", _) => ("error-import-languages", r.input.languages.join(";")),
                (field, key) => (key, field_value(&r.input, field)),
            };
            reader.problem(field, key, &value);
        }
        let where_first = |line: Option<usize>| line.map_or_else(String::new, |l| l.to_string());
        if let Some(id) = r.provenance.service_id
            && let Some(first) = seen_services.insert(id, r.line)
        {
            reader.problem("service_id", "error-import-duplicate", &where_first(first));
        }
        if let Some(id) = r.provenance.location_id {
            if let Some(first) = seen_locations.insert(id, r.line) {
                reader.problem("location_id", "error-import-duplicate", &where_first(first));
            }
            if let Some(owner) = context.location_owners.get(&id)
                && Some(*owner) != r.provenance.service_id
            {
                reader.problem(
                    "location_id",
                    "error-import-location-taken",
                    &id.to_string(),
                );
            }
        }
        if let Some(id) = r.provenance.organization_id {
            let i = &r.input;
            let details = [
                i.organization_name.clone(),
                i.organization_description.clone(),
                i.organization_website.clone(),
                i.organization_email.clone(),
                i.organization_phone.clone(),
                i.organization_legal_status.clone(),
            ];
            match organizations.get(&id) {
                Some((first, known)) if *known != details => {
                    let first = where_first(*first);
                    reader.problem(
                        "organization_id",
                        "error-import-organization-differs",
                        &first,
                    );
                }
                Some(_) => {}
                None => {
                    organizations.insert(id, (r.line, details));
                }
            }
        }
        records.push(Planned {
            line: r.line,
            record: r.record,
            exists: r
                .provenance
                .service_id
                .is_some_and(|id| context.existing.contains(&id)),
            municipality_name: place.map(|m| m.name.clone()).unwrap_or_default(),
            input: r.input,
            provenance: r.provenance,
        });
    }
    // Reading and checking find a record's problems in two passes; the
    // moderator fixes the file from top to bottom. The sort is stable, so
    // a record's problems keep the order of its columns.
    problems.sort_by_key(|p| (p.line, p.record));
    Plan {
        format,
        delimiter,
        records,
        problems,
    }
}

/// The value a form rule refused, to show beside the message.
fn field_value(input: &ServiceInput, field: &str) -> String {
    match field {
        "organization_name" => input.organization_name.clone(),
        "organization_website" => input.organization_website.clone(),
        "organization_email" => input.organization_email.clone(),
        "organization_phone" => input.organization_phone.clone(),
        "name" => input.name.clone(),
        "email" => input.email.clone(),
        "phone" => input.phone.clone(),
        "url" => input.url.clone(),
        "latitude" => format!(
            "{}, {}",
            input.latitude.map(coordinate).unwrap_or_default(),
            input.longitude.map(coordinate).unwrap_or_default()
        ),
        _ => String::new(),
    }
}

/// Reads and checks a whole file against the database.
pub async fn plan(conn: &mut PgConnection, text: &str) -> sqlx::Result<Plan> {
    let parsed = parse(text);
    let context = Context::load(conn, &parsed.records).await?;
    Ok(check(parsed, &context))
}

/// Writes every record of a valid plan: new services are created with the
/// file's ids, existing ones replaced. The caller owns the transaction, so
/// it is all or nothing.
pub async fn write(conn: &mut PgConnection, plan: &Plan, now: DateTime<Utc>) -> sqlx::Result<()> {
    for record in &plan.records {
        match (record.exists, record.provenance.service_id) {
            (true, Some(service_id)) => {
                store::update_imported(
                    &mut *conn,
                    service_id,
                    &record.input,
                    &record.provenance,
                    now,
                )
                .await?
            }
            _ => {
                directory_store::create(&mut *conn, &record.input, &record.provenance, now).await?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn context() -> Context {
        Context {
            municipalities: vec![MunicipalityRow {
                municipality_id: 7,
                country_code: "RS".into(),
                region: "Pčinjski".into(),
                name: "Vranje".into(),
                name_cyrl: "Врање".into(),
                latitude: 42.55,
                longitude: 21.9,
            }],
            ..Context::default()
        }
    }

    fn plan_of(text: &str) -> Plan {
        check(parse(text), &context())
    }

    #[test]
    fn municipality_names_match_in_either_script() {
        let head = "name,organization_name,kind,target_groups,phone,country,municipality\n";
        for place in ["Vranje", "vranje", "Врање", "VRANJE"] {
            let plan = plan_of(&format!(
                "{head}Savetovalište,Centar,counselling,families,011 123 456,RS,{place}\n"
            ));
            assert!(plan.is_valid(), "{place}: {:?}", plan.problems);
            assert_eq!(plan.records[0].input.municipality_id, 7);
        }
        let plan = plan_of(&format!(
            "{head}Savetovalište,Centar,counselling,families,011 123 456,ME,Vranje\n"
        ));
        assert_eq!(plan.problems[0].field, "municipality");
    }

    #[test]
    fn a_bad_header_is_reported_once_and_rows_are_not_guessed() {
        let plan = plan_of("name,municipalty\nx,y\n");
        let fields: Vec<&str> = plan.problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(fields, vec!["municipalty", "country", "municipality"]);
        assert!(plan.problems.iter().all(|p| p.line == Some(1)));
    }

    #[test]
    fn broken_json_says_where() {
        let plan = plan_of("[\n {\"name\": \"x\",,}\n]");
        assert_eq!(plan.problems.len(), 1);
        assert_eq!(plan.problems[0].key, "error-import-json");
        assert_eq!(plan.problems[0].line, Some(2));
        let plan = plan_of("{\"items\": []}");
        assert_eq!(plan.problems[0].key, "error-import-json-shape");
    }

    #[test]
    fn unreadable_bytes_are_a_message() {
        let problem = decode(b"name\n\na\0\n").unwrap_err();
        assert_eq!(
            (problem.key, problem.line),
            ("error-import-encoding", Some(3)),
            "PostgreSQL cannot store NUL"
        );
        let problem = decode(b"\xef\xbb\xbfname\n\xe8a\n").unwrap_err();
        assert_eq!(problem.line, Some(2), "not UTF-8 after a UTF-8 mark");
        let plan = plan_of("[{\"name\": \"a\\u0000b\"}]");
        assert!(
            plan.problems
                .iter()
                .any(|p| p.key == "error-import-encoding")
        );
    }

    #[test]
    fn a_semicolon_file_with_decimal_commas_is_read() {
        let plan = plan_of(
            "name;organization_name;kind;target_groups;phone;country;municipality;latitude;longitude\r\n\
             Savetovalište;Centar, Vranje;counselling;families;children;011 123 456;RS;Vranje;42,55;21,9\r\n",
        );
        assert_eq!(plan.delimiter, Some(Delimiter::Semicolon));
        assert!(plan.problems.iter().all(|p| p.field != "target_groups"));
        // "families;children" unquoted is two fields under `;`: the row
        // has one value too many, and says so on its line.
        assert_eq!(plan.problems[0].key, "error-import-extra-fields");
        assert_eq!(plan.problems[0].line, Some(2));
        let plan = plan_of(
            "name;organization_name;kind;target_groups;phone;country;municipality;latitude;longitude\r\n\
             Savetovalište;Centar, Vranje;counselling;\"families;children\";011 123 456;RS;Vranje;42,55;21,9\r\n",
        );
        assert!(plan.is_valid(), "{:?}", plan.problems);
        let record = &plan.records[0].input;
        assert_eq!(record.organization_name, "Centar, Vranje");
        assert_eq!(record.target_groups, vec!["families", "children"]);
        assert_eq!(
            (record.latitude, record.longitude),
            (Some(42.55), Some(21.9))
        );
    }

    #[test]
    fn problems_are_listed_by_line_and_usable_records_counted() {
        // Line 2 has a problem found while checking (the phone), line 3
        // one found while reading (the flag): the list is by line.
        let plan = plan_of(
            "name,organization_name,kind,target_groups,phone,country,municipality,is_demo\n\
             Savetovalište,Centar,counselling,families,pozovite,RS,Vranje,false\n\
             Savetovalište,Centar,counselling,families,011 123 456,RS,Vranje,možda\n\
             Savetovalište,Centar,counselling,families,011 123 456,RS,Vranje,true\n",
        );
        let lines: Vec<Option<usize>> = plan.problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, vec![Some(2), Some(3)], "{:?}", plan.problems);
        assert_eq!((plan.records.len(), plan.sound_count()), (3, 1));
    }
}
