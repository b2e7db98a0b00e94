//! The in-app list and the members' choices, in SQL.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sqlx::PgExecutor;
use uuid::Uuid;

use super::kinds::{Delivery, Kind};

/// An in-app entry as the list shows it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Entry {
    pub notification_id: i64,
    pub kind: String,
    pub title: String,
    pub link: String,
    pub group_name: Option<String>,
    pub created_at: DateTime<Utc>,
    pub read_at: Option<DateTime<Utc>>,
}

/// The newest entries older than `before` (a keyset cursor), one more than
/// `limit` so the caller knows whether a further page exists.
pub async fn list(
    executor: impl PgExecutor<'_>,
    user_id: Uuid,
    before: Option<i64>,
    limit: i64,
) -> sqlx::Result<Vec<Entry>> {
    sqlx::query_as(
        r#"
        SELECT n.notification_id, n.kind, n.title, n.link, g.name AS group_name, n.created_at, n.read_at
        FROM notifications n
        LEFT JOIN groups g ON g.group_id = n.group_id
        WHERE n.user_id = $1 AND ($2::bigint IS NULL OR n.notification_id < $2)
        ORDER BY n.notification_id DESC
        LIMIT $3
        "#,
    )
    .bind(user_id)
    .bind(before)
    .bind(limit + 1)
    .fetch_all(executor)
    .await
}

/// Marks one of the member's own entries read and returns where it links;
/// `None` if it is not theirs.
pub async fn open(
    executor: impl PgExecutor<'_>,
    user_id: Uuid,
    notification_id: i64,
    now: DateTime<Utc>,
) -> sqlx::Result<Option<String>> {
    sqlx::query_scalar(
        r#"
        UPDATE notifications SET read_at = COALESCE(read_at, $3)
        WHERE notification_id = $2 AND user_id = $1
        RETURNING link
        "#,
    )
    .bind(user_id)
    .bind(notification_id)
    .bind(now)
    .fetch_optional(executor)
    .await
}

pub async fn mark_all_read(
    executor: impl PgExecutor<'_>,
    user_id: Uuid,
    now: DateTime<Utc>,
) -> sqlx::Result<u64> {
    let done =
        sqlx::query("UPDATE notifications SET read_at = $2 WHERE user_id = $1 AND read_at IS NULL")
            .bind(user_id)
            .bind(now)
            .execute(executor)
            .await?;
    Ok(done.rows_affected())
}

/// The member's delivery for every kind (their choice or the default).
pub async fn deliveries(
    executor: impl PgExecutor<'_>,
    user_id: Uuid,
) -> sqlx::Result<HashMap<Kind, Delivery>> {
    let rows: Vec<(String, String)> =
        sqlx::query_as("SELECT kind, delivery FROM notification_settings WHERE user_id = $1")
            .bind(user_id)
            .fetch_all(executor)
            .await?;
    let chosen: HashMap<Kind, Delivery> = rows
        .iter()
        .filter_map(|(k, d)| Some((Kind::from_code(k)?, Delivery::from_code(d)?)))
        .collect();
    Ok(Kind::ALL
        .into_iter()
        .map(|kind| {
            let delivery = chosen
                .get(&kind)
                .copied()
                .unwrap_or(kind.default_delivery());
            (kind, delivery)
        })
        .collect())
}

/// Stores a choice (a default is stored as no row).
pub async fn set_delivery(
    executor: impl PgExecutor<'_>,
    user_id: Uuid,
    kind: Kind,
    delivery: Delivery,
) -> sqlx::Result<()> {
    if delivery == kind.default_delivery() {
        sqlx::query("DELETE FROM notification_settings WHERE user_id = $1 AND kind = $2")
            .bind(user_id)
            .bind(kind.code())
            .execute(executor)
            .await?;
    } else {
        sqlx::query(
            r#"
            INSERT INTO notification_settings (user_id, kind, delivery) VALUES ($1, $2, $3)
            ON CONFLICT (user_id, kind) DO UPDATE SET delivery = EXCLUDED.delivery
            "#,
        )
        .bind(user_id)
        .bind(kind.code())
        .bind(delivery.code())
        .execute(executor)
        .await?;
    }
    Ok(())
}

pub async fn digest_hour(executor: impl PgExecutor<'_>, user_id: Uuid) -> sqlx::Result<i16> {
    sqlx::query_scalar("SELECT digest_hour FROM users WHERE user_id = $1")
        .bind(user_id)
        .fetch_one(executor)
        .await
}

pub async fn set_digest_hour(
    executor: impl PgExecutor<'_>,
    user_id: Uuid,
    hour: i16,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE users SET digest_hour = $2 WHERE user_id = $1")
        .bind(user_id)
        .bind(hour)
        .execute(executor)
        .await?;
    Ok(())
}
