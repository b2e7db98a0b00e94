//! The cohorts' weekly reminder: a member behind the cohort's pace (her
//! share of lessons and quizzes done below the share of the cohort's time
//! gone) is told where she stands, at most once in 7 days, from the
//! cohort's start until its deadline, and never once she finished. Each
//! reminder is claimed by recording it in the statement that finds it
//! (`store::cohorts::claim_due_reminders`), in the transaction that queues
//! the mail: with several schedulers, or after a restart, it goes once.
//! The mail follows her choice for the "cohort reminder" kind.

use chrono::{DateTime, Utc};
use sqlx::PgPool;

use super::emails;
use super::store::cohorts;
use crate::notify::{Kind, Notification, Recipient, notify};

/// Queues every reminder that is due; returns how many.
pub async fn send_due(pool: &PgPool, base_url: &str, now: DateTime<Utc>) -> anyhow::Result<usize> {
    let mut tx = pool.begin().await?;
    let due = cohorts::claim_due_reminders(&mut tx, now).await?;
    for reminder in &due {
        let to = Recipient::new(
            reminder.user_id,
            &reminder.email,
            &reminder.name,
            &reminder.locale,
        );
        let link = format!("/courses/{}/cohorts/{}", reminder.slug, reminder.cohort_id);
        let mail = emails::cohort_reminder(&to.email_context(base_url), &to.name, reminder, &link);
        let notification = Notification::new(Kind::CohortReminder, link, mail);
        notify(&mut tx, base_url, &to, notification, now).await?;
    }
    tx.commit().await?;
    Ok(due.len())
}
