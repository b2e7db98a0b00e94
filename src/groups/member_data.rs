//! A member's part of the groups: what her data download holds of it, and
//! what deleting her account erases here (`account_data` calls both).
//!
//! The download holds what she wrote and what is kept about her, never
//! more of other people's words than she may read today: the title of a
//! thread someone else started in a group she has left or was banned from
//! is left out (`null`), her own posts in it are not.

use serde_json::{Value, json};
use sqlx::PgConnection;
use uuid::Uuid;

use crate::db::member_rows;

/// Groups whose threads member `$1` may read today (as `policy::can_read`);
/// events use it for the titles of group events.
pub const READABLE_GROUPS: &str = "SELECT g.group_id FROM groups g
    LEFT JOIN group_members m ON m.group_id = g.group_id AND m.user_id = $1
    WHERE (g.visibility = 'public' AND m.status IS DISTINCT FROM 'banned') OR m.status = 'active'";

pub async fn export_for_member(conn: &mut PgConnection, user_id: Uuid) -> sqlx::Result<Value> {
    let thread_title = format!(
        "CASE WHEN t.author_id = $1 OR t.group_id IN ({READABLE_GROUPS}) THEN t.title END AS thread"
    );
    let memberships = member_rows(
        conn,
        r#"SELECT g.name AS "group", g.visibility, m.role, m.status, m.following,
                  m.message AS join_message, m.created_at AS since, m.created_at AS ord
           FROM group_members m JOIN groups g USING (group_id) WHERE m.user_id = $1"#,
        user_id,
    )
    .await?;
    let threads = member_rows(
        conn,
        r#"SELECT g.name AS "group", t.title, t.anonymous, t.created_at, t.post_count AS posts,
                  t.pinned, t.locked, t.created_at AS ord
           FROM threads t JOIN groups g USING (group_id) WHERE t.author_id = $1"#,
        user_id,
    )
    .await?;
    // Deleted posts keep their text among the revisions (for moderators);
    // it is hers, so it is here too.
    let posts = member_rows(
        conn,
        &format!(
            r#"SELECT g.name AS "group", {thread_title}, p.anonymous, p.body, p.created_at,
                      p.edited_at, p.deleted_at, p.hidden_at, p.pending AS awaiting_approval,
                      (SELECT COALESCE(jsonb_agg(jsonb_build_object('body', r.body, 'replaced_at', r.replaced_at)
                                                 ORDER BY r.replaced_at), '[]'::jsonb)
                       FROM post_revisions r WHERE r.post_id = p.post_id) AS earlier_versions,
                      p.post_no AS ord
               FROM posts p JOIN threads t ON t.thread_id = p.thread_id JOIN groups g ON g.group_id = p.group_id
               WHERE p.author_id = $1"#
        ),
        user_id,
    )
    .await?;
    let followed_threads = member_rows(
        conn,
        &format!(
            r#"SELECT g.name AS "group", {thread_title}, s.mode, l.last_read_seq AS last_read_post, t.thread_id AS ord
               FROM threads t JOIN groups g ON g.group_id = t.group_id
               LEFT JOIN thread_subscriptions s ON s.thread_id = t.thread_id AND s.user_id = $1
               LEFT JOIN thread_reads l ON l.thread_id = t.thread_id AND l.user_id = $1
               WHERE s.user_id IS NOT NULL OR l.user_id IS NOT NULL"#
        ),
        user_id,
    )
    .await?;
    let reports = member_rows(
        conn,
        &format!(
            r#"SELECT g.name AS "group", {thread_title}, f.reason, f.note, f.created_at,
                      f.resolved_at, f.outcome, f.created_at AS ord
               FROM flags f JOIN posts p USING (post_id) JOIN threads t ON t.thread_id = p.thread_id
               JOIN groups g ON g.group_id = p.group_id WHERE f.reporter_id = $1"#
        ),
        user_id,
    )
    .await?;
    let warnings = member_rows(
        conn,
        r#"SELECT g.name AS "group", w.note, w.created_at, w.created_at AS ord
           FROM group_warnings w JOIN groups g USING (group_id) WHERE w.user_id = $1"#,
        user_id,
    )
    .await?;
    let reveals = member_rows(
        conn,
        &format!(
            r#"SELECT g.name AS "group", {thread_title}, a.viewed_at, a.viewed_at AS ord
               FROM anonymity_reveals a JOIN threads t USING (thread_id) JOIN groups g ON g.group_id = t.group_id
               WHERE a.viewer_id = $1"#
        ),
        user_id,
    )
    .await?;
    Ok(json!({
        "memberships": memberships,
        "threads": threads,
        "posts": posts,
        "followed_threads": followed_threads,
        "reports_made": reports,
        "warnings_received": warnings,
        "anonymous_authors_revealed": reveals,
    }))
}

/// Ends her memberships (of every status, ownership included) and forgets
/// what she read and followed. Her threads and posts stay, shown as
/// "former member"; moderators' records (her reports, warnings she was
/// given, anonymous authors she looked up) stay with the anonymised account.
pub async fn erase_member(conn: &mut PgConnection, user_id: Uuid) -> sqlx::Result<()> {
    sqlx::query(
        "WITH gone AS (DELETE FROM group_members WHERE user_id = $1 RETURNING group_id, status)
         UPDATE groups g SET member_count = g.member_count - 1
         FROM gone WHERE g.group_id = gone.group_id AND gone.status = 'active'",
    )
    .bind(user_id)
    .execute(&mut *conn)
    .await?;
    for statement in [
        "DELETE FROM thread_subscriptions WHERE user_id = $1",
        "DELETE FROM thread_reads WHERE user_id = $1",
    ] {
        sqlx::query(statement)
            .bind(user_id)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}
