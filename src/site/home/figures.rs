//! The visitor home page's headline figures, kept for a few minutes: the
//! home page is the most visited page and counting every post and member
//! on each visit would make it one of the slowest. While the figures are
//! recounted the other requests show the previous ones instead of all
//! counting at once.

use std::collections::HashMap;
use std::sync::LazyLock;

use chrono::{DateTime, Duration, Utc};
use sqlx::PgPool;
use tokio::sync::Mutex;

use crate::impact::store::{self, Headline};

/// How long counted figures are shown (by the application's clock).
pub const FRESH_FOR: Duration = Duration::minutes(5);

/// Per database (tests run many side by side in one process): when the
/// figures were counted, and the figures.
type Kept = HashMap<String, (DateTime<Utc>, Headline)>;
static KEPT: LazyLock<std::sync::Mutex<Kept>> = LazyLock::new(Default::default);
/// Held by the one request that counts.
static COUNTING: LazyLock<Mutex<()>> = LazyLock::new(Default::default);

fn kept(database: &str, now: DateTime<Utc>, fresh_only: bool) -> Option<Headline> {
    let kept = KEPT.lock().unwrap_or_else(|p| p.into_inner());
    let (at, figures) = kept.get(database)?;
    let fresh = *at <= now && now - *at < FRESH_FOR;
    (fresh || !fresh_only).then(|| figures.clone())
}

pub async fn headline(pool: &PgPool, now: DateTime<Utc>) -> sqlx::Result<Headline> {
    let database = pool
        .connect_options()
        .get_database()
        .unwrap_or_default()
        .to_owned();
    if let Some(figures) = kept(&database, now, true) {
        return Ok(figures);
    }
    // One request counts (about 2 s over a million posts); the others show
    // the figures of a few minutes ago meanwhile, or, on a cold start,
    // wait for that one count.
    let _counting = match COUNTING.try_lock() {
        Ok(guard) => guard,
        Err(_) => match kept(&database, now, false) {
            Some(stale) => return Ok(stale),
            None => COUNTING.lock().await,
        },
    };
    if let Some(figures) = kept(&database, now, true) {
        return Ok(figures);
    }
    let figures = store::headline(pool, now).await?;
    let mut kept = KEPT.lock().unwrap_or_else(|p| p.into_inner());
    if kept.len() > 1_000 {
        kept.clear();
    }
    kept.insert(database, (now, figures.clone()));
    Ok(figures)
}
