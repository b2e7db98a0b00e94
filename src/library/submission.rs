//! A member's submission, once its form is sound: the draft and its file
//! are saved together, and sent for review by its submitter. The file is
//! already in the store when the form is read (uploads stream there); if
//! the database then refuses the record, the file is removed again, so
//! nothing half-written is ever kept.

use chrono::{DateTime, Utc};
use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

use super::files::{FileStore, SavedFile};
use super::store::{self, ResourceInput};
use super::vocabulary::ResourceStatus;

/// Saves a new draft with its uploaded file, if any, in one transaction;
/// answers its id. On a database error the uploaded file is removed.
pub async fn save_draft(
    db: &PgPool,
    files: &FileStore,
    upload: Option<&SavedFile>,
    input: &ResourceInput,
    submitter: Uuid,
    now: DateTime<Utc>,
) -> sqlx::Result<Uuid> {
    let saved = async {
        let mut tx = db.begin().await?;
        let file_id = match upload {
            Some(upload) => Some(store::save_file(&mut tx, upload, now).await?),
            None => None,
        };
        let id = store::create(&mut tx, input, file_id, submitter, now).await?;
        tx.commit().await?;
        Ok(id)
    }
    .await;
    if saved.is_err()
        && let Some(upload) = upload
    {
        files.remove(&upload.storage_key).await;
    }
    saved
}

/// Sends a draft, or a resource returned to its submitter, for review.
/// `false` if it is neither any more (sent already, or decided).
pub async fn send_for_review(
    conn: &mut PgConnection,
    resource_id: Uuid,
    submitter: Uuid,
    now: DateTime<Utc>,
) -> sqlx::Result<bool> {
    let waiting = [ResourceStatus::Draft, ResourceStatus::Returned];
    store::set_status(
        conn,
        resource_id,
        &waiting,
        ResourceStatus::Submitted,
        submitter,
        "",
        now,
    )
    .await
}
