//! The visitor home page's headline figures, kept for a few minutes: the
//! home page is the most visited page and counting every post and member
//! on each visit would make it one of the slowest. While the figures are
//! recounted the other requests wait for that one count instead of all
//! counting at once (the library's facet cache lacked this under load; see
//! README "Measured").

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
static KEPT: LazyLock<Mutex<Kept>> = LazyLock::new(Default::default);

pub async fn headline(pool: &PgPool, now: DateTime<Utc>) -> sqlx::Result<Headline> {
    let database = pool
        .connect_options()
        .get_database()
        .unwrap_or_default()
        .to_owned();
    // Held while counting: one request counts, the others wait for it.
    let mut kept = KEPT.lock().await;
    if let Some((at, figures)) = kept.get(&database) {
        if *at <= now && now - *at < FRESH_FOR {
            return Ok(figures.clone());
        }
    }
    let figures = store::headline(pool, now).await?;
    if kept.len() > 1_000 {
        kept.clear();
    }
    kept.insert(database, (now, figures.clone()));
    Ok(figures)
}
