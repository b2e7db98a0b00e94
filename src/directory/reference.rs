//! Municipalities of Serbia, Montenegro, Bosnia and Herzegovina, North
//! Macedonia and Kosovo with the coordinates of their seats, compiled into
//! the binary from `reference/municipalities.csv` and brought into the
//! database at every start (a few hundred rows in one statement), so a
//! correction to the file reaches every installation.

use sqlx::PgPool;

const MUNICIPALITIES_CSV: &str = include_str!("reference/municipalities.csv");

#[derive(Debug, Clone, PartialEq)]
pub struct Municipality {
    pub country_code: String,
    pub region: String,
    pub name: String,
    pub name_cyrl: String,
    pub latitude: f64,
    pub longitude: f64,
}

/// The rows of the compiled-in file.
pub fn municipalities() -> Vec<Municipality> {
    use crate::directory::transfer::csv::{self, Delimiter};
    csv::parse(MUNICIPALITIES_CSV, Delimiter::Comma)
        .unwrap_or_default()
        .into_iter()
        .skip(1)
        .filter_map(|record| {
            let [country, region, name, name_cyrl, lat, lon] = record.fields.as_slice() else {
                return None;
            };
            Some(Municipality {
                country_code: country.clone(),
                region: region.clone(),
                name: name.clone(),
                name_cyrl: name_cyrl.clone(),
                latitude: lat.parse().ok()?,
                longitude: lon.parse().ok()?,
            })
        })
        .collect()
}

/// Inserts new municipalities and updates changed ones.
pub async fn load(pool: &PgPool) -> sqlx::Result<()> {
    let rows = municipalities();
    let column = |f: fn(&Municipality) -> String| rows.iter().map(f).collect::<Vec<_>>();
    sqlx::query(
        "INSERT INTO municipalities (country_code, region, name, name_cyrl, latitude, longitude)
         SELECT * FROM UNNEST($1::text[], $2::text[], $3::text[], $4::text[], $5::float8[], $6::float8[])
         ON CONFLICT (country_code, name) DO UPDATE
         SET region = EXCLUDED.region, name_cyrl = EXCLUDED.name_cyrl,
             latitude = EXCLUDED.latitude, longitude = EXCLUDED.longitude
         WHERE (municipalities.region, municipalities.name_cyrl, municipalities.latitude, municipalities.longitude)
               IS DISTINCT FROM (EXCLUDED.region, EXCLUDED.name_cyrl, EXCLUDED.latitude, EXCLUDED.longitude)",
    )
    .bind(column(|m| m.country_code.clone()))
    .bind(column(|m| m.region.clone()))
    .bind(column(|m| m.name.clone()))
    .bind(column(|m| m.name_cyrl.clone()))
    .bind(rows.iter().map(|m| m.latitude).collect::<Vec<_>>())
    .bind(rows.iter().map(|m| m.longitude).collect::<Vec<_>>())
    .execute(pool)
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_of_the_reference_file_is_read() {
        let lines = MUNICIPALITIES_CSV
            .lines()
            .skip(1)
            .filter(|l| !l.trim().is_empty())
            .count();
        let rows = municipalities();
        assert_eq!(
            rows.len(),
            lines,
            "a line that does not parse would be lost"
        );
        for name in [
            "Vranje",
            "Šid",
            "Podgorica",
            "Sarajevo",
            "Banja Luka",
            "Skopje",
        ] {
            assert!(rows.iter().any(|m| m.name == name), "{name}");
        }
    }
}
