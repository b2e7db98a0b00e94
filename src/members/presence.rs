//! "Who's online": members and guests active in the last five minutes, as
//! the seeds' sites show in their footer. Activity is written at most once a
//! minute per visitor, and the counts are cached for half a minute, so the
//! footer costs nothing noticeable.

use std::collections::HashMap;
use std::sync::Mutex;

use chrono::{DateTime, Duration, Utc};
use sha2::{Digest, Sha256};
use sqlx::PgPool;
use uuid::Uuid;

pub const WINDOW: Duration = Duration::minutes(5);
const WRITE_EVERY: Duration = Duration::minutes(1);
const CACHE_FOR: Duration = Duration::seconds(30);

/// The footer's counts, in the foundation beside the request they ride on.
pub use crate::web::context::OnlineCounts;

/// A colleague on the "who's here" list.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OnlineMember {
    pub name: String,
    pub handle: String,
}

#[derive(Default)]
pub struct Presence {
    last_written: Mutex<HashMap<String, DateTime<Utc>>>,
    cached: Mutex<Option<(DateTime<Utc>, OnlineCounts)>>,
}

/// Who is being counted.
pub enum Visitor<'a> {
    Member(Uuid),
    /// A returning browser, known by its CSRF cookie.
    Guest(&'a str),
}

fn guest_key(csrf_cookie: &str) -> String {
    let digest = Sha256::digest(csrf_cookie.as_bytes());
    let hex: String = digest.iter().take(12).map(|b| format!("{b:02x}")).collect();
    format!("g:{hex}")
}

impl Presence {
    pub async fn record(
        &self,
        db: &PgPool,
        visitor: Visitor<'_>,
        now: DateTime<Utc>,
    ) -> sqlx::Result<()> {
        let (key, user_id) = match visitor {
            Visitor::Member(user_id) => (format!("m:{user_id}"), Some(user_id)),
            Visitor::Guest(cookie) => (guest_key(cookie), None),
        };
        {
            let mut written = self.last_written.lock().unwrap_or_else(|p| p.into_inner());
            if written.get(&key).is_some_and(|&at| now - at < WRITE_EVERY) {
                return Ok(());
            }
            if written.len() > 50_000 {
                written.retain(|_, at| now - *at < WINDOW);
            }
            written.insert(key.clone(), now);
        }
        sqlx::query(
            "INSERT INTO presence (visitor_key, user_id, last_seen_at) VALUES ($1, $2, $3)
             ON CONFLICT (visitor_key) DO UPDATE SET last_seen_at = EXCLUDED.last_seen_at",
        )
        .bind(key)
        .bind(user_id)
        .bind(now)
        .execute(db)
        .await?;
        Ok(())
    }

    pub async fn counts(&self, db: &PgPool, now: DateTime<Utc>) -> OnlineCounts {
        if let Some((at, counts)) = *self.cached.lock().unwrap_or_else(|p| p.into_inner())
            && now - at < CACHE_FOR
            && now >= at
        {
            return counts;
        }
        let fresh: sqlx::Result<(i64, i64)> = sqlx::query_as(
            "SELECT count(DISTINCT user_id), count(*) FILTER (WHERE user_id IS NULL)
             FROM presence WHERE last_seen_at > $1",
        )
        .bind(now - WINDOW)
        .fetch_one(db)
        .await;
        match fresh {
            Ok((members, guests)) => {
                let counts = OnlineCounts { members, guests };
                *self.cached.lock().unwrap_or_else(|p| p.into_inner()) = Some((now, counts));
                counts
            }
            Err(error) => {
                tracing::warn!(%error, "cannot count who is online");
                OnlineCounts::default()
            }
        }
    }

    /// Members active in the last minutes who chose to be shown by name
    /// (`shown_online`), by name. Not cached: only the "who's here" page
    /// asks, not every footer.
    pub async fn shown_members(
        &self,
        db: &PgPool,
        now: DateTime<Utc>,
    ) -> sqlx::Result<Vec<OnlineMember>> {
        sqlx::query_as(
            "SELECT u.name, u.handle FROM presence p JOIN users u ON u.user_id = p.user_id
             WHERE p.last_seen_at > $1 AND u.shown_online
               AND u.deleted_at IS NULL AND u.blocked_at IS NULL
             ORDER BY u.name LIMIT 500",
        )
        .bind(now - WINDOW)
        .fetch_all(db)
        .await
    }

    /// A guest who signs in is now counted as a member, not twice.
    pub async fn forget_guest(&self, db: &PgPool, csrf_cookie: &str) -> sqlx::Result<()> {
        let key = guest_key(csrf_cookie);
        self.last_written
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .remove(&key);
        sqlx::query("DELETE FROM presence WHERE visitor_key = $1")
            .bind(key)
            .execute(db)
            .await?;
        Ok(())
    }

    /// Forgets the cached counts (after a sign-in, so the footer is right at once).
    pub fn invalidate(&self) {
        *self.cached.lock().unwrap_or_else(|p| p.into_inner()) = None;
    }
}
