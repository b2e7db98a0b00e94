//! A member's city, free text in the profile, as a municipality seat of the
//! service map: matched by normalised name (script, case and diacritics do
//! not matter, so "Vranje", "vranje" and "Врање" agree), in the member's
//! country first, else anywhere the name is unambiguous. The municipalities
//! are the compiled-in reference data the database is loaded from at every
//! start, so this needs no query.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::directory::reference;
use crate::text::search::normalize;

/// A municipality's name (Latin and Cyrillic) and seat.
#[derive(Debug, Clone, PartialEq)]
pub struct Seat {
    pub name: String,
    pub name_cyrl: String,
    pub latitude: f64,
    pub longitude: f64,
}

struct Seats {
    /// (country code, normalised name) → seat.
    in_country: HashMap<(String, String), Seat>,
    /// Normalised name → every seat of that name, in any country.
    anywhere: HashMap<String, Vec<Seat>>,
}

static SEATS: LazyLock<Seats> = LazyLock::new(|| {
    let mut seats = Seats {
        in_country: HashMap::new(),
        anywhere: HashMap::new(),
    };
    for m in reference::municipalities() {
        let seat = Seat {
            name: m.name.clone(),
            name_cyrl: m.name_cyrl.clone(),
            latitude: m.latitude,
            longitude: m.longitude,
        };
        let mut keys = vec![normalize(&m.name)];
        let cyrillic = normalize(&m.name_cyrl);
        if !cyrillic.is_empty() && !keys.contains(&cyrillic) {
            keys.push(cyrillic);
        }
        for key in keys {
            seats
                .in_country
                .entry((m.country_code.clone(), key.clone()))
                .or_insert_with(|| seat.clone());
            seats.anywhere.entry(key).or_default().push(seat.clone());
        }
    }
    seats
});

/// The seat of the municipality named `city`, preferably in `country`.
pub fn seat(city: &str, country: &str) -> Option<Seat> {
    let name = normalize(city);
    if name.is_empty() {
        return None;
    }
    if let Some(seat) = SEATS.in_country.get(&(country.to_owned(), name.clone())) {
        return Some(seat.clone());
    }
    match SEATS.anywhere.get(&name).map(Vec::as_slice) {
        Some([only]) => Some(only.clone()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_city_is_found_in_either_script_and_without_diacritics() {
        let vranje = seat("Vranje", "RS").expect("Vranje");
        assert_eq!(seat("Врање", "RS"), Some(vranje.clone()));
        assert_eq!(seat("  vranje ", "RS"), Some(vranje.clone()));
        assert_eq!(seat("Nis", "RS").map(|s| s.name), Some("Niš".to_owned()));
        assert_eq!(seat("Čačak", "RS"), seat("cacak", "RS"));
        // The profile's country is another one: the name alone decides.
        assert_eq!(
            seat("Podgorica", "HR").map(|s| s.name),
            Some("Podgorica".into())
        );
    }

    #[test]
    fn unknown_or_empty_places_are_not_guessed() {
        assert_eq!(seat("", "RS"), None);
        assert_eq!(seat("Atlantida", "RS"), None);
        assert_eq!(seat("—", "RS"), None);
    }
}
