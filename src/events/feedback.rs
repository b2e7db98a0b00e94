//! What attendees say about an event: a rating and a comment each, and
//! the summary organisers read on the event page.

use chrono::{DateTime, Utc};
use sqlx::PgExecutor;
use uuid::Uuid;

/// Ratings and comments of attendees, for organisers.
#[derive(Debug, Clone, Default)]
pub struct FeedbackSummary {
    pub count: i64,
    pub average: f64,
    pub comments: Vec<String>,
}

impl FeedbackSummary {
    pub fn average_text(&self) -> String {
        format!("{:.1}", self.average)
    }
}

pub async fn feedback_summary(
    executor: impl PgExecutor<'_>,
    event_id: Uuid,
) -> sqlx::Result<FeedbackSummary> {
    let rows: Vec<(i16, String)> = sqlx::query_as(
        "SELECT rating, comment FROM event_feedback WHERE event_id = $1 ORDER BY created_at",
    )
    .bind(event_id)
    .fetch_all(executor)
    .await?;
    let count = rows.len() as i64;
    let total: i64 = rows.iter().map(|(rating, _)| *rating as i64).sum();
    Ok(FeedbackSummary {
        count,
        average: if count > 0 {
            total as f64 / count as f64
        } else {
            0.0
        },
        comments: rows
            .into_iter()
            .map(|(_, comment)| comment)
            .filter(|c| !c.is_empty())
            .collect(),
    })
}

pub async fn save_feedback(
    executor: impl PgExecutor<'_>,
    event_id: Uuid,
    user_id: Uuid,
    rating: i16,
    comment: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO event_feedback (event_id, user_id, rating, comment, created_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (event_id, user_id) DO UPDATE SET rating = EXCLUDED.rating, comment = EXCLUDED.comment",
    )
    .bind(event_id)
    .bind(user_id)
    .bind(rating)
    .bind(comment)
    .bind(now)
    .execute(executor)
    .await?;
    Ok(())
}

pub async fn has_feedback(
    executor: impl PgExecutor<'_>,
    event_id: Uuid,
    user_id: Uuid,
) -> sqlx::Result<bool> {
    sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM event_feedback WHERE event_id = $1 AND user_id = $2)",
    )
    .bind(event_id)
    .bind(user_id)
    .fetch_one(executor)
    .await
}
