//! "I need help now": the emergency numbers of each country of the map
//! (police, ambulance, national lines for violence against women and
//! children), kept by admins as data and shown on the home page and on
//! `/services` as `tel:` links, with the viewer's country first.

use sqlx::PgPool;

use super::policy::COUNTRIES;
use crate::i18n::Locale;

/// Kinds of number (`emergency-kind-<slug>` in the catalogue).
pub const KINDS: [&str; 6] = [
    "emergency",
    "police",
    "ambulance",
    "fire",
    "violence",
    "children",
];

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct EmergencyNumber {
    pub number_id: i32,
    pub country: String,
    pub kind: String,
    pub number: String,
    pub label_sr: String,
    pub label_en: String,
    pub position: i32,
}

impl EmergencyNumber {
    /// The label in the page's language (Cyrillic by transliteration).
    pub fn label(&self, locale: Locale) -> String {
        match locale {
            Locale::En => self.label_en.clone(),
            Locale::SrCyrl => crate::text::translit::to_cyrillic(&self.label_sr),
            Locale::SrLatn => self.label_sr.clone(),
        }
    }

    /// The number as a `tel:` address: digits (and a leading +) only.
    pub fn tel(&self) -> String {
        self.number
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '+')
            .collect()
    }
}

/// One country's numbers, in the admins' order.
#[derive(Debug, Clone)]
pub struct CountryNumbers {
    pub country: String,
    pub numbers: Vec<EmergencyNumber>,
}

pub async fn all(db: &PgPool) -> sqlx::Result<Vec<EmergencyNumber>> {
    sqlx::query_as(
        "SELECT number_id, country, kind, number, label_sr, label_en, position
         FROM emergency_numbers ORDER BY country, position, number_id",
    )
    .fetch_all(db)
    .await
}

/// The numbers grouped by country: `first` (the viewer's country, when
/// known) leads, the others follow in the map's order.
pub async fn by_country(db: &PgPool, first: Option<&str>) -> sqlx::Result<Vec<CountryNumbers>> {
    Ok(group(all(db).await?, first))
}

fn group(numbers: Vec<EmergencyNumber>, first: Option<&str>) -> Vec<CountryNumbers> {
    let rank = |country: &str| {
        let known = COUNTRIES.iter().position(|c| *c == country);
        (Some(country) != first, known.unwrap_or(COUNTRIES.len()))
    };
    let mut groups: Vec<CountryNumbers> = Vec::new();
    for number in numbers {
        match groups.iter_mut().find(|g| g.country == number.country) {
            Some(group) => group.numbers.push(number),
            None => groups.push(CountryNumbers {
                country: number.country.clone(),
                numbers: vec![number],
            }),
        }
    }
    groups.sort_by_key(|g| rank(&g.country));
    groups
}

pub struct NewNumber<'a> {
    pub country: &'a str,
    pub kind: &'a str,
    pub number: &'a str,
    pub label_sr: &'a str,
    pub label_en: &'a str,
    pub position: i32,
}

pub async fn add(db: &PgPool, n: &NewNumber<'_>) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO emergency_numbers (country, kind, number, label_sr, label_en, position)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(n.country)
    .bind(n.kind)
    .bind(n.number)
    .bind(n.label_sr)
    .bind(n.label_en)
    .bind(n.position)
    .execute(db)
    .await?;
    Ok(())
}

/// Whether a number with this id was there to change.
pub async fn update(db: &PgPool, number_id: i32, n: &NewNumber<'_>) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "UPDATE emergency_numbers SET country = $2, kind = $3, number = $4,
                label_sr = $5, label_en = $6, position = $7
         WHERE number_id = $1",
    )
    .bind(number_id)
    .bind(n.country)
    .bind(n.kind)
    .bind(n.number)
    .bind(n.label_sr)
    .bind(n.label_en)
    .bind(n.position)
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn remove(db: &PgPool, number_id: i32) -> sqlx::Result<bool> {
    let done = sqlx::query("DELETE FROM emergency_numbers WHERE number_id = $1")
        .bind(number_id)
        .execute(db)
        .await?;
    Ok(done.rows_affected() == 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn number(country: &str, position: i32) -> EmergencyNumber {
        EmergencyNumber {
            number_id: position,
            country: country.into(),
            kind: "police".into(),
            number: "0800 100 600".into(),
            label_sr: "Policija".into(),
            label_en: "Police".into(),
            position,
        }
    }

    #[test]
    fn the_viewers_country_comes_first_then_the_maps_order() {
        let numbers = vec![
            number("BA", 1),
            number("MK", 2),
            number("RS", 3),
            number("RS", 4),
        ];
        let order: Vec<String> = group(numbers.clone(), Some("MK"))
            .into_iter()
            .map(|g| g.country)
            .collect();
        assert_eq!(order, ["MK", "RS", "BA"]);
        let groups = group(numbers, None);
        assert_eq!(groups[0].country, "RS");
        assert_eq!(groups[0].numbers.len(), 2);
    }

    #[test]
    fn a_tel_link_keeps_only_digits() {
        assert_eq!(number("RS", 1).tel(), "0800100600");
    }
}
