//! A curator's decision on a resource, as one workflow over a transaction:
//! the status machine (submitted → published or returned to the submitter;
//! published ⇄ archived), links between versions, the members-only and
//! featured flags, the change log, and telling the submitter. Handlers
//! parse the form, call [`decide`] and render its answer; tests call it
//! without HTTP.

use chrono::{DateTime, Utc};
use sqlx::PgConnection;
use uuid::Uuid;

use super::emails;
use super::store::{self, Resource};
use super::vocabulary::ResourceStatus;
use crate::notify::{Kind, Notification, tell};
use crate::web::AppResult;

/// What the curator decided.
#[derive(Debug, Clone, Copy)]
pub enum Decision<'a> {
    Publish,
    /// Back to the submitter, with what to change (required).
    Return {
        reason: &'a str,
    },
    Archive,
    /// Which resource this one translates and which newer one replaces it.
    Links {
        translation_of: Option<Uuid>,
        superseded_by: Option<Uuid>,
    },
    Flags {
        members_only: bool,
        featured: bool,
    },
}

/// Why a decision was not taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// Returning needs a reason the submitter can act on.
    NoReason,
    /// The resource is no longer in a state the decision applies to (another
    /// curator decided first, or the page was old).
    StatusChanged,
}

/// Takes the decision in `tx`: on success the message key to show the
/// curator. The submitter of a published or returned resource is told (in
/// her language, by her notification settings) in the same transaction.
pub async fn decide(
    tx: &mut PgConnection,
    base_url: &str,
    resource: &Resource,
    curator: Uuid,
    decision: Decision<'_>,
    now: DateTime<Utc>,
) -> AppResult<Result<&'static str, Refused>> {
    let id = resource.resource_id;
    let (moved, message, told) = match decision {
        Decision::Publish => {
            let from = &[ResourceStatus::Submitted, ResourceStatus::Archived];
            let to = ResourceStatus::Published;
            let moved = store::set_status(&mut *tx, id, from, to, curator, "", now).await?;
            (moved, "library-published", Some((to, "")))
        }
        Decision::Return { reason } => {
            let reason = reason.trim();
            if reason.is_empty() {
                return Ok(Err(Refused::NoReason));
            }
            let moved = store::set_status(
                &mut *tx,
                id,
                &[ResourceStatus::Submitted],
                ResourceStatus::Returned,
                curator,
                reason,
                now,
            )
            .await?;
            (
                moved,
                "library-returned",
                Some((ResourceStatus::Returned, reason)),
            )
        }
        Decision::Archive => {
            let from = &[ResourceStatus::Published];
            let to = ResourceStatus::Archived;
            let moved = store::set_status(&mut *tx, id, from, to, curator, "", now).await?;
            (moved, "library-archived", None)
        }
        Decision::Links {
            translation_of,
            superseded_by,
        } => {
            store::set_links(&mut *tx, id, translation_of, superseded_by, curator, now).await?;
            (true, "library-saved", None)
        }
        Decision::Flags {
            members_only,
            featured,
        } => {
            store::set_flags(&mut *tx, id, members_only, featured, curator, now).await?;
            (true, "library-saved", None)
        }
    };
    if !moved {
        return Ok(Err(Refused::StatusChanged));
    }
    if let (Some((outcome, reason)), Some(submitter)) = (told, resource.submitted_by) {
        let link = format!("/library/{id}");
        tell(&mut *tx, base_url, submitter, now, |e, name| {
            let mail = emails::review_decision(e, name, outcome, &resource.title, reason, &link);
            Notification::new(Kind::ResourceReview, link.clone(), mail)
        })
        .await?;
    }
    Ok(Ok(message))
}
