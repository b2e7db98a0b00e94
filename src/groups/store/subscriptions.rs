//! Who hears about group activity: following groups, subscribing to or
//! muting threads, and the recipients of each kind of news.

use sqlx::PgExecutor;
use uuid::Uuid;

use crate::groups::vocabulary::{Subscription, Visibility};

pub async fn set_following(
    executor: impl PgExecutor<'_>,
    group_id: Uuid,
    user_id: Uuid,
    following: bool,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE group_members SET following = $3 WHERE group_id = $1 AND user_id = $2 AND status = 'active'")
        .bind(group_id)
        .bind(user_id)
        .bind(following)
        .execute(executor)
        .await?;
    Ok(())
}

pub async fn set_subscription(
    executor: impl PgExecutor<'_>,
    user_id: Uuid,
    thread_id: Uuid,
    mode: Option<Subscription>,
) -> sqlx::Result<()> {
    match mode {
        Some(mode) => {
            sqlx::query(
                "INSERT INTO thread_subscriptions (user_id, thread_id, mode) VALUES ($1, $2, $3)
             ON CONFLICT (user_id, thread_id) DO UPDATE SET mode = EXCLUDED.mode",
            )
            .bind(user_id)
            .bind(thread_id)
            .bind(mode)
            .execute(executor)
            .await?
        }
        None => {
            sqlx::query("DELETE FROM thread_subscriptions WHERE user_id = $1 AND thread_id = $2")
                .bind(user_id)
                .bind(thread_id)
                .execute(executor)
                .await?
        }
    };
    Ok(())
}

/// Someone to tell about group activity.
#[derive(Debug, sqlx::FromRow)]
pub struct Recipient {
    pub user_id: Uuid,
    pub email: String,
    pub name: String,
    pub locale: String,
}

pub async fn thread_subscribers(
    executor: impl PgExecutor<'_>,
    thread_id: Uuid,
    group_id: Uuid,
    author: Uuid,
) -> sqlx::Result<Vec<Recipient>> {
    sqlx::query_as(
        "SELECT u.user_id, u.email, u.name, u.locale
         FROM thread_subscriptions s
         JOIN users u ON u.user_id = s.user_id
         JOIN group_members m ON m.group_id = $2 AND m.user_id = s.user_id AND m.status = 'active'
         WHERE s.thread_id = $1 AND s.mode = 'subscribed' AND s.user_id <> $3
           AND u.deleted_at IS NULL AND u.blocked_at IS NULL",
    )
    .bind(thread_id)
    .bind(group_id)
    .bind(author)
    .fetch_all(executor)
    .await
}

pub async fn group_followers(
    executor: impl PgExecutor<'_>,
    group_id: Uuid,
    author: Uuid,
) -> sqlx::Result<Vec<Recipient>> {
    sqlx::query_as(
        "SELECT u.user_id, u.email, u.name, u.locale
         FROM group_members m JOIN users u USING (user_id)
         WHERE m.group_id = $1 AND m.status = 'active' AND m.following AND m.user_id <> $2
           AND u.deleted_at IS NULL AND u.blocked_at IS NULL",
    )
    .bind(group_id)
    .bind(author)
    .fetch_all(executor)
    .await
}

pub async fn mentioned_readers(
    executor: impl PgExecutor<'_>,
    handles: &[String],
    group_id: Uuid,
    author: Uuid,
    visibility: Visibility,
) -> sqlx::Result<Vec<Recipient>> {
    sqlx::query_as(
        "SELECT u.user_id, u.email, u.name, u.locale
         FROM users u
         LEFT JOIN group_members m ON m.group_id = $2 AND m.user_id = u.user_id
         WHERE u.handle = ANY ($1) AND u.user_id <> $3 AND u.deleted_at IS NULL AND u.blocked_at IS NULL
           AND (m.status = 'active' OR ($4 = 'public' AND m.status IS DISTINCT FROM 'banned'))",
    )
    .bind(handles)
    .bind(group_id)
    .bind(author)
    .bind(visibility)
    .fetch_all(executor)
    .await
}

/// Subscribes the author of a thread or reply (unless they muted it).
pub async fn subscribe_author(
    executor: impl PgExecutor<'_>,
    user_id: Uuid,
    thread_id: Uuid,
) -> sqlx::Result<()> {
    sqlx::query("INSERT INTO thread_subscriptions (user_id, thread_id, mode) VALUES ($1, $2, 'subscribed') ON CONFLICT DO NOTHING")
        .bind(user_id)
        .bind(thread_id)
        .execute(executor)
        .await?;
    Ok(())
}
