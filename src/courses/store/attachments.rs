//! A lesson's attachments, in their order: listing them with what each
//! points to, adding, removing and moving them; and the choices an author
//! has (published resources, public events with a recording).

use chrono::{DateTime, Utc};
use sqlx::{PgConnection, PgExecutor};
use uuid::Uuid;

use crate::courses::vocabulary::{AttachmentKind, Direction};
use crate::library::files::SavedFile;

/// An attachment with what it points to (the columns of its kind are set).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Attachment {
    pub attachment_id: Uuid,
    pub lesson_id: Uuid,
    pub position: i32,
    pub kind: AttachmentKind,
    pub caption: String,
    pub resource_id: Option<Uuid>,
    pub resource_title: Option<String>,
    /// Still published (an archived resource is not offered to readers).
    pub resource_published: bool,
    pub resource_members_only: bool,
    pub event_id: Option<Uuid>,
    pub event_title: Option<String>,
    pub event_starts_at: Option<DateTime<Utc>>,
    pub recording_url: Option<String>,
    pub storage_key: Option<String>,
    pub file_name: Option<String>,
    pub content_type: Option<String>,
    pub size_bytes: Option<i64>,
}

impl Attachment {
    pub fn is_resource(&self) -> bool {
        self.kind == AttachmentKind::Resource
    }

    pub fn is_recording(&self) -> bool {
        self.kind == AttachmentKind::Recording
    }

    pub fn is_media(&self) -> bool {
        self.kind == AttachmentKind::Media
    }

    /// What it is called in the author's list: the file's, resource's or
    /// event's name.
    pub fn label(&self) -> &str {
        let name = match self.kind {
            AttachmentKind::Resource => &self.resource_title,
            AttachmentKind::Recording => &self.event_title,
            AttachmentKind::Media => &self.file_name,
        };
        name.as_deref().unwrap_or_default()
    }

    pub fn is_video(&self) -> bool {
        self.content_type
            .as_deref()
            .is_some_and(crate::courses::media::is_video)
    }

    /// Whether a reader sees it: a resource still published (members-only
    /// ones to signed-in readers only), a recording still there, any media.
    pub fn shown_to(&self, signed_in: bool) -> bool {
        match self.kind {
            AttachmentKind::Resource => {
                self.resource_published && (!self.resource_members_only || signed_in)
            }
            AttachmentKind::Recording => {
                self.recording_url.as_deref().is_some_and(|u| !u.is_empty())
            }
            AttachmentKind::Media => self.storage_key.is_some(),
        }
    }
}

const ATTACHMENT_QUERY: &str = "SELECT a.attachment_id, a.lesson_id, a.position, a.kind, a.caption,
    a.resource_id, r.title AS resource_title, COALESCE(r.status = 'published', false) AS resource_published,
    COALESCE(r.members_only, false) AS resource_members_only,
    a.event_id, e.title AS event_title, e.starts_at AS event_starts_at, e.recording_url,
    f.storage_key, f.file_name, f.content_type, f.size_bytes
    FROM lesson_attachments a
    LEFT JOIN resources r ON r.resource_id = a.resource_id
    LEFT JOIN events e ON e.event_id = a.event_id
    LEFT JOIN stored_files f ON f.file_id = a.file_id";

/// The lesson's attachments in order.
pub async fn list(executor: impl PgExecutor<'_>, lesson_id: Uuid) -> sqlx::Result<Vec<Attachment>> {
    sqlx::query_as(&format!(
        "{ATTACHMENT_QUERY} WHERE a.lesson_id = $1 ORDER BY a.position"
    ))
    .bind(lesson_id)
    .fetch_all(executor)
    .await
}

pub async fn find(
    executor: impl PgExecutor<'_>,
    lesson_id: Uuid,
    attachment_id: Uuid,
) -> sqlx::Result<Option<Attachment>> {
    sqlx::query_as(&format!(
        "{ATTACHMENT_QUERY} WHERE a.lesson_id = $1 AND a.attachment_id = $2"
    ))
    .bind(lesson_id)
    .bind(attachment_id)
    .fetch_optional(executor)
    .await
}

/// What an attachment points to.
pub enum Target<'a> {
    Resource(Uuid),
    Recording(Uuid),
    Media(&'a SavedFile),
}

/// Appends an attachment at the end of the lesson's list (a media file
/// gets its `stored_files` row in the same transaction).
pub async fn add(
    conn: &mut PgConnection,
    lesson_id: Uuid,
    target: Target<'_>,
    caption: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<Uuid> {
    let (kind, resource_id, event_id, file_id) = match target {
        Target::Resource(id) => (AttachmentKind::Resource, Some(id), None, None),
        Target::Recording(id) => (AttachmentKind::Recording, None, Some(id), None),
        Target::Media(file) => {
            let file_id = crate::library::store::save_file(&mut *conn, file, now).await?;
            (AttachmentKind::Media, None, None, Some(file_id))
        }
    };
    sqlx::query_scalar(
        "INSERT INTO lesson_attachments (lesson_id, position, kind, caption, resource_id, event_id, file_id, created_at)
         SELECT $1, COALESCE(MAX(position), 0) + 1, $2, $3, $4, $5, $6, $7
         FROM lesson_attachments WHERE lesson_id = $1
         RETURNING attachment_id",
    )
    .bind(lesson_id)
    .bind(kind)
    .bind(caption)
    .bind(resource_id)
    .bind(event_id)
    .bind(file_id)
    .bind(now)
    .fetch_one(&mut *conn)
    .await
}

/// Removes an attachment (and a media file's row); the storage key of the
/// file to remove from the store once committed, if it was media.
pub async fn remove(
    conn: &mut PgConnection,
    lesson_id: Uuid,
    attachment_id: Uuid,
) -> sqlx::Result<Option<String>> {
    let file_id: Option<Option<Uuid>> = sqlx::query_scalar(
        "DELETE FROM lesson_attachments WHERE lesson_id = $1 AND attachment_id = $2 RETURNING file_id",
    )
    .bind(lesson_id)
    .bind(attachment_id)
    .fetch_optional(&mut *conn)
    .await?;
    let Some(Some(file_id)) = file_id else {
        return Ok(None);
    };
    sqlx::query_scalar("DELETE FROM stored_files WHERE file_id = $1 RETURNING storage_key")
        .bind(file_id)
        .fetch_optional(&mut *conn)
        .await
}

/// Swaps an attachment with its neighbour; nothing happens at either end.
pub async fn move_attachment(
    executor: impl PgExecutor<'_>,
    lesson_id: Uuid,
    attachment_id: Uuid,
    direction: Direction,
) -> sqlx::Result<()> {
    sqlx::query(
        "WITH me AS (SELECT attachment_id, position FROM lesson_attachments
                     WHERE attachment_id = $2 AND lesson_id = $1),
              other AS (SELECT a.attachment_id, a.position FROM lesson_attachments a, me
                        WHERE a.lesson_id = $1
                          AND CASE WHEN $3 THEN a.position < me.position ELSE a.position > me.position END
                        ORDER BY CASE WHEN $3 THEN -a.position ELSE a.position END LIMIT 1)
         UPDATE lesson_attachments x SET position = CASE WHEN x.attachment_id = me.attachment_id
                                                         THEN other.position ELSE me.position END
         FROM me, other WHERE x.attachment_id IN (me.attachment_id, other.attachment_id)",
    )
    .bind(lesson_id)
    .bind(attachment_id)
    .bind(direction == Direction::Up)
    .execute(executor)
    .await?;
    Ok(())
}

/// A public event with a recording, as the author's choice lists it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct RecordingChoice {
    pub event_id: Uuid,
    pub title: String,
    pub starts_at: DateTime<Utc>,
}

/// The recordings an author may attach: public, not cancelled events with
/// a recording link, which she organises (site moderators: any). The
/// event's page shows the link to its participants only; its organisers
/// (or a moderator) decide to show it to a course's readers.
pub async fn recording_choices(
    executor: impl PgExecutor<'_>,
    user_id: Uuid,
    any_event: bool,
) -> sqlx::Result<Vec<RecordingChoice>> {
    sqlx::query_as(
        "SELECT e.event_id, e.title, e.starts_at FROM events e
         WHERE e.audience = 'public' AND e.cancelled_at IS NULL AND e.recording_url <> ''
           AND ($2 OR e.created_by = $1 OR EXISTS (
                SELECT 1 FROM event_people p WHERE p.event_id = e.event_id AND p.user_id = $1
                AND p.role = 'organiser'))
         ORDER BY e.starts_at DESC LIMIT 100",
    )
    .bind(user_id)
    .bind(any_event)
    .fetch_all(executor)
    .await
}

/// A public event with a recording, by its exact title (demo content).
pub async fn recorded_event_titled(
    executor: impl PgExecutor<'_>,
    title: &str,
) -> sqlx::Result<Option<Uuid>> {
    sqlx::query_scalar(
        "SELECT event_id FROM events
         WHERE title = $1 AND audience = 'public' AND recording_url <> ''
         ORDER BY starts_at DESC LIMIT 1",
    )
    .bind(title)
    .fetch_optional(executor)
    .await
}
