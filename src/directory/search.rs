//! `/services` search: words (normalised like the indexed text, so script
//! and diacritics do not matter), filters by kind, target group, country
//! and municipality, and "near": ordered by distance from a point (the
//! browser's location or a municipality's seat) instead of by name. Pages
//! are keyset pages: the cursor is the last row's sort key and number.

use chrono::{DateTime, Utc};
use sqlx::{PgPool, Postgres, QueryBuilder};
use uuid::Uuid;

use super::vocabulary::ServiceKind;

pub const PER_PAGE: i64 = 25;

/// Great-circle distance in kilometres from ($lat, $lon) bound before it.
const EARTH_RADIUS_KM: f64 = 6371.0;

/// "Near" looks within these distances in turn before looking everywhere.
/// Without a box, "near me" without filters computes the distance to every
/// published service and sorts them all (20,000 in the bench's data set);
/// a box of latitudes (indexed) and longitudes around the point, with the
/// exact distance only for the rows inside it, answers from a few hundred
/// rows. The first radius that holds a full page gives exactly the nearest
/// page, since nothing outside the box is that close. Used only when no
/// filter narrows the search (see `run`).
const NEAR_RADII_KM: [f64; 3] = [10.0, 50.0, 200.0];

#[derive(Debug, Clone, Default)]
pub struct Query {
    /// A `to_tsquery` text from `groups::search::ts_query`.
    pub ts_query: Option<String>,
    pub kind: Option<ServiceKind>,
    pub target_group: Option<String>,
    pub country: Option<String>,
    pub municipality_id: Option<i32>,
    /// Order by distance from this point.
    pub near: Option<(f64, f64)>,
    pub after: Option<Cursor>,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Hit {
    pub service_id: Uuid,
    pub service_no: i64,
    pub sort_name: String,
    pub name: String,
    pub organization_name: String,
    pub kind: ServiceKind,
    pub target_groups: Vec<String>,
    pub municipality_name: String,
    pub municipality_name_cyrl: String,
    pub country_code: String,
    pub address: String,
    pub address_confidential: bool,
    pub phone: String,
    pub latitude: f64,
    pub longitude: f64,
    pub last_verified_at: Option<DateTime<Utc>>,
    pub is_demo: bool,
    pub distance_km: Option<f64>,
    /// The country's place in `policy::COUNTRIES`: without a place, results
    /// are ordered by country, then name (not alphabetically across five
    /// countries, which put Banja Luka first for someone in Serbia).
    pub country_rank: i32,
}

/// Where the previous page ended.
#[derive(Debug, Clone, PartialEq)]
pub enum Cursor {
    /// Country rank, sort name, number.
    Name(i32, String, i64),
    Distance(f64, i64),
}

impl Cursor {
    pub fn after(hit: &Hit) -> Cursor {
        match hit.distance_km {
            Some(distance) => Cursor::Distance(distance, hit.service_no),
            None => Cursor::Name(hit.country_rank, hit.sort_name.clone(), hit.service_no),
        }
    }

    pub fn encode(&self) -> String {
        match self {
            Cursor::Name(rank, name, no) => format!("n{no}~{rank}~{name}"),
            Cursor::Distance(distance, no) => format!("d{no}~{distance}"),
        }
    }

    /// `None` for anything this code did not write (the first page then).
    pub fn decode(text: &str) -> Option<Cursor> {
        let (head, rest) = text.split_once('~')?;
        let no: i64 = head.get(1..)?.parse().ok()?;
        match head.get(..1)? {
            "n" => {
                let (rank, name) = rest.split_once('~')?;
                Some(Cursor::Name(rank.parse().ok()?, name.to_owned(), no))
            }
            "d" => rest
                .parse::<f64>()
                .ok()
                .filter(|d| d.is_finite())
                .map(|d| Cursor::Distance(d, no)),
            _ => None,
        }
    }
}

/// One page of hits, and one more row if there is a next page.
pub async fn run(pool: &PgPool, query: &Query) -> sqlx::Result<Vec<Hit>> {
    // A kind, target group, place or words leave few enough rows to order
    // them all by distance in one statement; the boxes pay off only for
    // "everything near me", where each empty box was a wasted query (the
    // bench measured shelters nearest Vranje at p99 262 ms with boxes).
    let narrowed = query.ts_query.is_some()
        || query.kind.is_some()
        || query.target_group.is_some()
        || query.municipality_id.is_some();
    if query.near.is_none() || narrowed {
        return page(pool, query, None).await;
    }
    let after = match query.after {
        Some(Cursor::Distance(distance, _)) => distance,
        _ => 0.0,
    };
    for radius in NEAR_RADII_KM.into_iter().filter(|radius| *radius > after) {
        let hits = page(pool, query, Some(radius)).await?;
        if hits.len() as i64 > PER_PAGE {
            return Ok(hits);
        }
    }
    page(pool, query, None).await
}

/// The latitudes and longitudes (degrees) within which every point at most
/// `radius_km` from (lat, lon) lies; no longitude limits near a pole or
/// across the antimeridian.
pub fn bounding_box(lat: f64, lon: f64, radius_km: f64) -> ((f64, f64), Option<(f64, f64)>) {
    // A hair wider than the exact box, so rounding never drops a row.
    let angle = radius_km / EARTH_RADIUS_KM * 1.01;
    let dlat = angle.to_degrees();
    let ratio = angle.sin() / lat.to_radians().cos();
    let longitudes = (lat.abs() + dlat < 89.0 && ratio < 1.0)
        .then(|| ratio.asin().to_degrees())
        .map(|dlon| (lon - dlon, lon + dlon))
        .filter(|(west, east)| *west > -180.0 && *east < 180.0);
    ((lat - dlat, lat + dlat), longitudes)
}

/// The country's place in the map's order (`policy::COUNTRIES`), in SQL.
const COUNTRY_RANK: &str =
    "coalesce(array_position(ARRAY['RS','ME','BA','MK','XK'], m.country_code), 99)";

/// How many services match (all pages together).
pub async fn count(pool: &PgPool, query: &Query) -> sqlx::Result<i64> {
    let mut sql: QueryBuilder<Postgres> = QueryBuilder::new("SELECT count(*)");
    push_filters(&mut sql, query);
    sql.build_query_scalar::<i64>()
        .persistent(false)
        .fetch_one(pool)
        .await
}

/// `FROM … WHERE …`: the published services the words and filters match.
fn push_filters(sql: &mut QueryBuilder<'_, Postgres>, query: &Query) {
    sql.push(
        " FROM services s JOIN organizations o USING (organization_id)
          JOIN municipalities m USING (municipality_id) WHERE s.status = 'published'",
    );
    if let Some(ts_query) = &query.ts_query {
        sql.push(" AND s.search @@ to_tsquery('simple', ");
        sql.push_bind(ts_query.clone());
        sql.push(")");
    }
    if let Some(kind) = query.kind {
        sql.push(" AND s.kind = ");
        sql.push_bind(kind);
    }
    if let Some(group) = &query.target_group {
        sql.push(" AND ");
        sql.push_bind(group.clone());
        sql.push(" = ANY (s.target_groups)");
    }
    if let Some(country) = &query.country {
        sql.push(" AND m.country_code = ");
        sql.push_bind(country.clone());
    }
    if let Some(municipality_id) = query.municipality_id {
        sql.push(" AND s.municipality_id = ");
        sql.push_bind(municipality_id);
    }
}

/// The page, among services at most `radius_km` away when given.
async fn page(pool: &PgPool, query: &Query, radius_km: Option<f64>) -> sqlx::Result<Vec<Hit>> {
    let mut sql: QueryBuilder<Postgres> = QueryBuilder::new("SELECT * FROM (SELECT s.service_id, s.service_no, s.sort_name, s.name,
        o.name AS organization_name, s.kind, s.target_groups, m.name AS municipality_name,
        m.name_cyrl AS municipality_name_cyrl, m.country_code, s.address, s.address_confidential, s.phone,
        s.latitude, s.longitude, s.last_verified_at, s.is_demo, ");
    sql.push(COUNTRY_RANK);
    sql.push(" AS country_rank, ");
    match query.near {
        Some((lat, lon)) => {
            sql.push(format!(
                "{EARTH_RADIUS_KM} * 2 * asin(least(1, sqrt(power(sin(radians(s.latitude - "
            ));
            sql.push_bind(lat);
            sql.push(") / 2), 2) + cos(radians(");
            sql.push_bind(lat);
            sql.push(")) * cos(radians(s.latitude)) * power(sin(radians(s.longitude - ");
            sql.push_bind(lon);
            sql.push(") / 2), 2))))");
        }
        None => {
            sql.push("NULL::float8");
        }
    }
    sql.push(" AS distance_km");
    push_filters(&mut sql, query);
    if let (Some((lat, lon)), Some(radius)) = (query.near, radius_km) {
        let ((south, north), longitudes) = bounding_box(lat, lon, radius);
        sql.push(" AND s.latitude BETWEEN ");
        sql.push_bind(south);
        sql.push(" AND ");
        sql.push_bind(north);
        if let Some((west, east)) = longitudes {
            sql.push(" AND s.longitude BETWEEN ");
            sql.push_bind(west);
            sql.push(" AND ");
            sql.push_bind(east);
        }
    }
    sql.push(") AS hits WHERE true");
    match (&query.after, query.near.is_some()) {
        (Some(Cursor::Distance(distance, no)), true) => {
            sql.push(" AND (distance_km, service_no) > (");
            sql.push_bind(*distance);
            sql.push(", ");
            sql.push_bind(*no);
            sql.push(")");
        }
        (Some(Cursor::Name(rank, name, no)), false) => {
            sql.push(" AND (country_rank, sort_name, service_no) > (");
            sql.push_bind(*rank);
            sql.push(", ");
            sql.push_bind(name.clone());
            sql.push(", ");
            sql.push_bind(*no);
            sql.push(")");
        }
        // A cursor of the other order starts from the beginning.
        _ => {}
    }
    if let (true, Some(radius)) = (query.near.is_some(), radius_km) {
        sql.push(" AND distance_km <= ");
        sql.push_bind(radius);
    }
    sql.push(if query.near.is_some() {
        " ORDER BY distance_km, service_no"
    } else {
        " ORDER BY country_rank, sort_name, service_no"
    });
    sql.push(" LIMIT ");
    sql.push_bind(PER_PAGE + 1);
    // Unnamed: planned with the real filters, not a generic plan.
    sql.build_query_as::<Hit>()
        .persistent(false)
        .fetch_all(pool)
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_box_holds_every_point_within_the_radius() {
        let distance = |(a, b): (f64, f64), (c, d): (f64, f64)| {
            let (a, b, c, d) = (
                a.to_radians(),
                b.to_radians(),
                c.to_radians(),
                d.to_radians(),
            );
            let h =
                ((c - a) / 2.0).sin().powi(2) + a.cos() * c.cos() * ((d - b) / 2.0).sin().powi(2);
            EARTH_RADIUS_KM * 2.0 * h.sqrt().min(1.0).asin()
        };
        for (lat, lon) in [
            (44.8, 20.46),
            (42.55, 21.9),
            (-33.9, 151.2),
            (0.0, 0.0),
            (66.0, 25.7),
        ] {
            for radius in NEAR_RADII_KM {
                let ((south, north), longitudes) = bounding_box(lat, lon, radius);
                let (west, east) = longitudes.expect("no pole or antimeridian here");
                // Points on the circle of that radius, in every direction.
                for step in 0..360 {
                    let bearing = f64::from(step).to_radians();
                    let angle = radius / EARTH_RADIUS_KM * 0.999;
                    let (p, l) = (lat.to_radians(), lon.to_radians());
                    let q = (p.sin() * angle.cos() + p.cos() * angle.sin() * bearing.cos()).asin();
                    let m = l
                        + (bearing.sin() * angle.sin() * p.cos())
                            .atan2(angle.cos() - p.sin() * q.sin());
                    let point = (q.to_degrees(), m.to_degrees());
                    assert!(distance((lat, lon), point) <= radius);
                    assert!((south..=north).contains(&point.0), "{point:?} {radius}");
                    assert!((west..=east).contains(&point.1), "{point:?} {radius}");
                }
            }
        }
        assert!(bounding_box(89.5, 0.0, 50.0).1.is_none(), "near the pole");
        assert!(
            bounding_box(0.0, 179.9, 50.0).1.is_none(),
            "across the antimeridian"
        );
    }

    #[test]
    fn cursors_read_back_and_nonsense_is_refused() {
        for cursor in [
            Cursor::Name(2, "centar za socijalni rad vranje".into(), 42),
            Cursor::Distance(12.345678901, 7),
        ] {
            assert_eq!(Cursor::decode(&cursor.encode()), Some(cursor));
        }
        for nonsense in [
            "",
            "x1~a",
            "d1~NaN",
            "d1~inf",
            "n~a",
            "nabc~a",
            "'; DROP TABLE services; --",
        ] {
            assert_eq!(Cursor::decode(nonsense), None, "{nonsense}");
        }
    }
}
