//! A member's part of the service map, for her data download
//! (`account_data`). Deleting her account erases nothing here: her
//! suggestions stay for the moderators, shown as "former member".

use serde_json::{Value, json};
use sqlx::PgConnection;
use uuid::Uuid;

use crate::db::member_rows;

pub async fn export_for_member(conn: &mut PgConnection, user_id: Uuid) -> sqlx::Result<Value> {
    let suggestions = member_rows(
        conn,
        "SELECT s.name AS service, g.fields, g.note, g.status, g.reason, g.created_at, g.decided_at,
                g.created_at AS ord
         FROM service_suggestions g LEFT JOIN services s USING (service_id) WHERE g.suggested_by = $1",
        user_id,
    )
    .await?;
    let imports = member_rows(
        conn,
        "SELECT file_name AS file, format, created_at, imported_at, created_count, updated_count,
                created_at AS ord
         FROM service_imports WHERE uploaded_by = $1",
        user_id,
    )
    .await?;
    let verified = member_rows(
        conn,
        "SELECT name AS service, last_verified_at, service_no AS ord
         FROM services WHERE last_verified_by = $1",
        user_id,
    )
    .await?;
    Ok(json!({
        "suggestions": suggestions,
        "imports": imports,
        "services_verified": verified,
    }))
}
