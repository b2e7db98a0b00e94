//! The columns a service's record fills, and their values from a
//! [`ServiceInput`]: one list, bound in one place, for creating a service,
//! a curator's update and an import's. Each statement puts its own columns
//! (ids, provenance, times) first and the record after them, so a column
//! added to the record is added here once and cannot drift out of step
//! between the three.

use sqlx::Postgres;
use sqlx::postgres::PgArguments;
use sqlx::query::Query;

use super::store::{MunicipalityRow, ServiceInput};
use crate::text::search::normalize;

/// The record's columns, in the order [`bind`] binds their values.
const COLUMNS: [&str; 23] = [
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
    "location_name",
    "address",
    "postal_code",
    "municipality_id",
    "address_confidential",
    "latitude",
    "longitude",
    "accessibility",
    "search",
    "sort_name",
];

/// The value of `column` from parameter `$n`, as SQL.
fn value(column: &str, n: usize) -> String {
    match column {
        // The search text is stored as its vector.
        "search" => format!("to_tsvector('simple', ${n})"),
        _ => format!("${n}"),
    }
}

/// "name, description, …": the record's columns, for an INSERT.
pub(crate) fn insert_columns() -> String {
    COLUMNS.join(", ")
}

/// "$8, $9, …": the record's values for an INSERT, the first at `$first`.
pub(crate) fn insert_values(first: usize) -> String {
    COLUMNS
        .iter()
        .enumerate()
        .map(|(i, column)| value(column, first + i))
        .collect::<Vec<_>>()
        .join(", ")
}

/// "name = $4, description = $5, …": the record's assignments for an
/// UPDATE, the first value at `$first`.
pub(crate) fn assignments(first: usize) -> String {
    COLUMNS
        .iter()
        .enumerate()
        .map(|(i, column)| format!("{column} = {}", value(column, first + i)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Binds the record's values after whatever `query` has bound already, in
/// the order of [`COLUMNS`]. `place` is the service's municipality, which
/// its point, search text and confidential address depend on.
pub(crate) fn bind<'q>(
    query: Query<'q, Postgres, PgArguments>,
    input: &'q ServiceInput,
    place: &MunicipalityRow,
) -> Query<'q, Postgres, PgArguments> {
    let (latitude, longitude) = point(input, place);
    query
        .bind(&input.name)
        .bind(&input.description)
        .bind(&input.kind)
        .bind(&input.target_groups)
        .bind(&input.eligibility)
        .bind(&input.fees)
        .bind(&input.languages)
        .bind(&input.hours)
        .bind(&input.application_process)
        .bind(&input.email)
        .bind(&input.phone)
        .bind(&input.url)
        .bind(&input.contact_name)
        .bind(&input.location_name)
        .bind(&input.address)
        .bind(&input.postal_code)
        .bind(input.municipality_id)
        .bind(input.address_confidential)
        .bind(latitude)
        .bind(longitude)
        .bind(&input.accessibility)
        .bind(search_document(input, place))
        .bind(normalize(&input.name))
}

/// The normalised text a service is found by: its words, its
/// organization's, its place's in both scripts, and its kind's name in
/// every interface language ("sklonište" finds a shelter named otherwise).
fn search_document(input: &ServiceInput, place: &MunicipalityRow) -> String {
    let kind_names = crate::i18n::Locale::ALL
        .iter()
        .map(|locale| crate::i18n::t(*locale, &format!("service-kind-{}", input.kind)))
        .collect::<Vec<_>>()
        .join(" ");
    normalize(&format!(
        "{} {} {} {} {} {} {} {}",
        input.name,
        input.description,
        input.organization_name,
        input.location_name,
        if input.address_confidential {
            ""
        } else {
            &input.address
        },
        place.name,
        place.name_cyrl,
        kind_names
    ))
}

/// A confidential address shows only the town: its point is the seat.
fn point(input: &ServiceInput, place: &MunicipalityRow) -> (f64, f64) {
    match (input.address_confidential, input.latitude, input.longitude) {
        (false, Some(lat), Some(lon)) => (lat, lon),
        _ => (place.latitude, place.longitude),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_statements_list_the_columns_with_their_parameters_in_order() {
        assert!(insert_columns().starts_with("name, description, kind, target_groups"));
        assert!(insert_columns().ends_with("accessibility, search, sort_name"));
        let values = insert_values(8);
        assert!(values.starts_with("$8, $9, $10"));
        assert!(values.ends_with("$28, to_tsvector('simple', $29), $30"));
        let sets = assignments(4);
        assert!(sets.starts_with("name = $4, description = $5"));
        assert!(sets.ends_with("search = to_tsvector('simple', $25), sort_name = $26"));
    }
}
