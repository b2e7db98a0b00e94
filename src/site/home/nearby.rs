//! Services near a member's city for the home page, kept a few minutes per
//! place: every member of one town asks the same question, and over 20,000
//! services it is the home page's costliest query (about 8 ms, most of a
//! member's home page in `cargo bench`). A new or newly checked service
//! shows within `FRESH_FOR`.

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};

use chrono::{DateTime, Duration, Utc};
use sqlx::PgPool;

use super::place::Seat;
use super::store::{self, NearService};

pub const FRESH_FOR: Duration = Duration::minutes(5);

/// (database, latitude, longitude) of the seat → when looked up, and what.
type Key = (String, u64, u64);
type Kept = HashMap<Key, (DateTime<Utc>, Vec<NearService>)>;
static KEPT: LazyLock<Mutex<Kept>> = LazyLock::new(Default::default);

pub async fn services_near(
    pool: &PgPool,
    seat: &Seat,
    radius_km: f64,
    verified_since: DateTime<Utc>,
    limit: i64,
    now: DateTime<Utc>,
) -> sqlx::Result<Vec<NearService>> {
    let database = pool
        .connect_options()
        .get_database()
        .unwrap_or_default()
        .to_owned();
    let key = (database, seat.latitude.to_bits(), seat.longitude.to_bits());
    if let Some((at, services)) = KEPT.lock().unwrap_or_else(|p| p.into_inner()).get(&key)
        && *at <= now
        && now - *at < FRESH_FOR
    {
        return Ok(services.clone());
    }
    let services = store::services_near(
        pool,
        (seat.latitude, seat.longitude),
        radius_km,
        verified_since,
        limit,
    )
    .await?;
    let mut kept = KEPT.lock().unwrap_or_else(|p| p.into_inner());
    if kept.len() > 10_000 {
        kept.clear();
    }
    kept.insert(key, (now, services.clone()));
    Ok(services)
}
