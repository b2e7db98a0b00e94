//! The members feature's part of a member's data download and of deleting
//! her account: the account, sessions, e-mail, notifications and followed
//! topics. `account_data` adds each feature's part and says what deletion
//! keeps ("former member") and what it erases.

use chrono::{DateTime, Utc};
use serde_json::{Value, json};
use sqlx::PgConnection;
use uuid::Uuid;

/// The account and what hangs on it, as JSON (the download's first
/// sections; each feature adds its own in `account_data`). No secrets: no
/// password hash, no session or link tokens.
pub async fn export(conn: &mut PgConnection, user_id: Uuid) -> sqlx::Result<Value> {
    let account: Value = sqlx::query_scalar(
        "SELECT to_jsonb(a) FROM (
            SELECT email, name, handle, role, profession, country, city, institution, bio, expertise,
                   locale, listed_in_directory, shown_online, approval, email_verified_at, guidelines_accepted_at,
                   blocked_at, created_at, updated_at
            FROM users WHERE user_id = $1) AS a",
    )
    .bind(user_id)
    .fetch_one(&mut *conn)
    .await?;
    let sessions: Value = sqlx::query_scalar(
        "SELECT COALESCE(jsonb_agg(jsonb_build_object('created_at', created_at, 'last_seen_at', last_seen_at,
                'expires_at', expires_at, 'remember', remember) ORDER BY created_at), '[]'::jsonb)
         FROM sessions WHERE user_id = $1",
    )
    .bind(user_id)
    .fetch_one(&mut *conn)
    .await?;
    // The mail written for her, by the member the outbox row names — never
    // by address: the address she has now may have been someone else's,
    // and what was sent to it then (an invitation naming a secret group)
    // is not hers. Mail to an address with no account names nobody.
    let emails: Value = sqlx::query_scalar(
        "SELECT COALESCE(jsonb_agg(jsonb_build_object('subject', o.subject, 'kind', o.kind,
                'status', o.status, 'created_at', o.created_at)
                ORDER BY o.created_at, o.outbox_message_id), '[]'::jsonb)
         FROM outbox_messages o WHERE o.user_id = $1",
    )
    .bind(user_id)
    .fetch_one(&mut *conn)
    .await?;
    // Her registrations: events she is signed up or waiting for, and those
    // she attended (her record). Leaving a group ends its upcoming ones
    // altogether (`events::departure`), so none of those are here.
    let registrations: Value = sqlx::query_scalar(
        "SELECT COALESCE(jsonb_agg(jsonb_build_object('event_id', e.event_id, 'title', e.title,
                'kind', e.kind, 'starts_at', e.starts_at, 'status', r.status,
                'registered_at', r.registered_at, 'attended_at', r.attended_at)
                ORDER BY e.starts_at, e.event_id), '[]'::jsonb)
         FROM event_registrations r JOIN events e USING (event_id) WHERE r.user_id = $1",
    )
    .bind(user_id)
    .fetch_one(&mut *conn)
    .await?;
    let topics: Vec<String> = sqlx::query_scalar(
        "SELECT topic_slug FROM member_topics WHERE user_id = $1 ORDER BY topic_slug",
    )
    .bind(user_id)
    .fetch_all(&mut *conn)
    .await?;
    let notifications: Value = sqlx::query_scalar(
        "SELECT jsonb_build_object(
            'digest_hour', (SELECT digest_hour FROM users WHERE user_id = $1),
            'settings', (SELECT COALESCE(jsonb_object_agg(kind, delivery), '{}'::jsonb)
                         FROM notification_settings WHERE user_id = $1),
            'received', (SELECT COALESCE(jsonb_agg(jsonb_build_object('kind', kind, 'title', title,
                             'link', link, 'created_at', created_at, 'read_at', read_at)
                             ORDER BY notification_id), '[]'::jsonb)
                         FROM notifications WHERE user_id = $1))",
    )
    .bind(user_id)
    .fetch_one(&mut *conn)
    .await?;
    Ok(json!({
        "notifications": notifications,
        "account": account,
        "sessions": sessions,
        "emails_sent_to_you": emails,
        "event_registrations": registrations,
        "library_topics_followed": topics,
    }))
}

/// Erases who the member was — name, address, handle, password, profile —
/// and what hangs on the account here, and ends her sessions. The row
/// stays, anonymised, so what she wrote can be shown as "former member".
/// Other features erase their part in `account_data::erase`.
pub async fn delete_account(
    conn: &mut PgConnection,
    user_id: Uuid,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    let tombstone = format!("former-{}", &user_id.simple().to_string()[..12]);
    // The address itself is personal data, bounce records and failed
    // sign-ins under it included.
    for statement in [
        "DELETE FROM email_suppressions WHERE address = (SELECT email FROM users WHERE user_id = $1)",
        "DELETE FROM login_failures WHERE lower(email) = (SELECT email FROM users WHERE user_id = $1)",
    ] {
        sqlx::query(statement)
            .bind(user_id)
            .execute(&mut *conn)
            .await?;
    }
    sqlx::query(
        "UPDATE users SET
            email = $2 || '@deleted.invalid', name = '', handle = $2, password_hash = '!',
            bio = '', expertise = '', institution = '', city = '', search_text = '',
            listed_in_directory = false, shown_online = false, deleted_at = $3, updated_at = $3
         WHERE user_id = $1",
    )
    .bind(user_id)
    .bind(&tombstone)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    for statement in [
        "DELETE FROM sessions WHERE user_id = $1",
        "DELETE FROM account_tokens WHERE user_id = $1",
        "DELETE FROM presence WHERE user_id = $1",
        "DELETE FROM member_topics WHERE user_id = $1",
        "DELETE FROM notifications WHERE user_id = $1",
        "DELETE FROM notification_settings WHERE user_id = $1",
        // Her mail history (addresses, subjects, bodies) goes too, and mail
        // still waiting (a reminder queued ahead) is not sent after she left.
        "DELETE FROM outbox_messages WHERE user_id = $1",
    ] {
        sqlx::query(statement)
            .bind(user_id)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}
