//! Taking back what has not reached a member yet. When her membership of a
//! group ends (she left, or was removed or banned), mail about the group
//! still waiting in the outbox — a reminder queued ahead, a change notice
//! the worker has not sent — is not hers any more, and her entries about it
//! leave the digest. When she is blocked, all her notification mail goes.
//! The rows are deleted rather than marked: an unsent mail about a group she
//! left is nothing she should find later in her data download either.
//! The in-app entries stay: they were hers before the change.

use sqlx::PgConnection;
use uuid::Uuid;

/// Withdraws `user_id`'s unsent mail about `group_id`; returns how many.
pub async fn about_group(
    conn: &mut PgConnection,
    user_id: Uuid,
    group_id: Uuid,
) -> sqlx::Result<u64> {
    let withdrawn = sqlx::query(
        "DELETE FROM outbox_messages WHERE user_id = $1 AND group_id = $2 AND status = 'pending'",
    )
    .bind(user_id)
    .bind(group_id)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    sqlx::query(
        "UPDATE notifications SET digest_pending = false
         WHERE user_id = $1 AND group_id = $2 AND digest_pending",
    )
    .bind(user_id)
    .bind(group_id)
    .execute(&mut *conn)
    .await?;
    Ok(withdrawn)
}

/// Withdraws every unsent notification mail of `user_id` (account-critical
/// mail, such as a password reset she asked for, still goes); returns how
/// many.
pub async fn everything(conn: &mut PgConnection, user_id: Uuid) -> sqlx::Result<u64> {
    let withdrawn = sqlx::query(
        "DELETE FROM outbox_messages
         WHERE user_id = $1 AND status = 'pending' AND notification_kind IS NOT NULL",
    )
    .bind(user_id)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    sqlx::query(
        "UPDATE notifications SET digest_pending = false WHERE user_id = $1 AND digest_pending",
    )
    .bind(user_id)
    .execute(&mut *conn)
    .await?;
    Ok(withdrawn)
}
