//! A member's part of the library, for her data download (`account_data`).
//! Deleting her account erases nothing here: what she submitted stays in
//! the library, shown as "former member" where a name was shown.

use serde_json::{Value, json};
use sqlx::PgConnection;
use uuid::Uuid;

use crate::db::member_rows;

pub async fn export_for_member(conn: &mut PgConnection, user_id: Uuid) -> sqlx::Result<Value> {
    let submissions = member_rows(
        conn,
        "SELECT r.title, r.summary, r.kind, r.status, r.topics, r.language, r.authors, r.source_org,
                r.year, r.licence, r.external_url, f.file_name AS file, r.return_reason, r.created_at,
                r.published_at, r.downloads, r.resource_no AS ord
         FROM resources r LEFT JOIN stored_files f USING (file_id) WHERE r.submitted_by = $1",
        user_id,
    )
    .await?;
    // A moderator's changes name the resource only where she may still see
    // it: published, or her own.
    let changes = member_rows(
        conn,
        "SELECT CASE WHEN r.status = 'published' OR r.submitted_by = $1 THEN r.title END AS resource,
                c.change, c.changed_at, c.resource_change_id AS ord
         FROM resource_changes c JOIN resources r USING (resource_id) WHERE c.user_id = $1",
        user_id,
    )
    .await?;
    Ok(json!({
        "submissions": submissions,
        "changes_made": changes,
    }))
}
