//! A member's part of peer support: what her data download holds of it,
//! and what deleting her account erases here (`account_data` calls both).
//!
//! Her conversations are the ones she asked for and the ones she took as
//! a supporter; the other person's name and words are part of them. An
//! open request of someone else, which a supporter may see in the queue,
//! is not hers and is not included.

use serde_json::{Value, json};
use sqlx::PgConnection;
use uuid::Uuid;

use crate::db::member_rows;

pub async fn export_for_member(conn: &mut PgConnection, user_id: Uuid) -> sqlx::Result<Value> {
    let peer_supporter: bool =
        sqlx::query_scalar("SELECT peer_supporter FROM users WHERE user_id = $1")
            .bind(user_id)
            .fetch_one(&mut *conn)
            .await?;
    // The other person is named as the conversation names them; a deleted
    // account is no one (null).
    let conversations = member_rows(
        conn,
        "SELECT CASE WHEN r.requester_id = $1 THEN 'requester' ELSE 'supporter' END AS role,
                r.status, r.created_at, r.taken_at,
                (SELECT CASE WHEN u.deleted_at IS NULL THEN u.name END FROM users u
                 WHERE u.user_id = CASE WHEN r.requester_id = $1 THEN r.supporter_id ELSE r.requester_id END)
                    AS other_person,
                (SELECT COALESCE(jsonb_agg(jsonb_build_object(
                            'from', CASE WHEN m.author_id = $1 THEN 'you'
                                         WHEN u.deleted_at IS NULL THEN u.name END,
                            'body', m.body, 'created_at', m.created_at)
                        ORDER BY m.created_at, m.support_message_id), '[]'::jsonb)
                 FROM support_messages m JOIN users u ON u.user_id = m.author_id
                 WHERE m.support_request_id = r.support_request_id) AS messages,
                r.created_at AS ord
         FROM support_requests r WHERE r.requester_id = $1 OR r.supporter_id = $1",
        user_id,
    )
    .await?;
    Ok(json!({
        "peer_supporter": peer_supporter,
        "conversations": conversations,
    }))
}

/// Erases the requests she made, with their conversations: they are about
/// her. What she wrote as a supporter stays in the other member's
/// conversation, shown as "former member"; she leaves the team.
pub async fn erase_member(conn: &mut PgConnection, user_id: Uuid) -> sqlx::Result<()> {
    for statement in [
        "DELETE FROM support_requests WHERE requester_id = $1",
        "UPDATE users SET peer_supporter = false WHERE user_id = $1",
    ] {
        sqlx::query(statement)
            .bind(user_id)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}
