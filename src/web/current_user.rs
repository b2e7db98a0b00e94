//! The signed-in member, as every handler (and the page layout) sees
//! them. In the foundation because `RequestContext` and `Page` carry them;
//! the members feature loads them from the session (`members::sessions`).

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use uuid::Uuid;

use super::role::{Approval, Role};
use crate::i18n::Locale;
use crate::web::{AppError, RequestContext};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CurrentUser {
    pub user_id: Uuid,
    pub name: String,
    pub handle: String,
    pub email: String,
    pub role: Role,
    #[sqlx(try_from = "String")]
    pub locale: Locale,
    pub verified: bool,
    pub approval: Approval,
    /// Unread in-app notifications (counted up to 100), for the header.
    pub unread_notifications: i64,
    /// Flags and held posts waiting for this member as a moderator (site
    /// or group; up to 100), for the header.
    pub moderation_waiting: i64,
    #[sqlx(skip)]
    pub session_hash: Vec<u8>,
}

impl CurrentUser {
    /// A verified, approved member with `role`, for the policies' unit tests.
    #[cfg(test)]
    pub fn for_tests(role: Role) -> CurrentUser {
        CurrentUser {
            user_id: Uuid::new_v4(),
            name: "Test".into(),
            handle: "test".into(),
            email: "test@example.org".into(),
            role,
            locale: Locale::SrLatn,
            verified: true,
            approval: Approval::Approved,
            unread_notifications: 0,
            moderation_waiting: 0,
            session_hash: Vec::new(),
        }
    }

    pub fn is_admin(&self) -> bool {
        self.role == Role::Admin
    }

    /// Moderators and admins.
    pub fn is_moderator(&self) -> bool {
        matches!(self.role, Role::Moderator | Role::Admin)
    }

    pub fn is_approved(&self) -> bool {
        self.approval == Approval::Approved
    }

    /// Verified, but a moderator has not yet approved the account (where
    /// the site asks for approval).
    pub fn awaiting_approval(&self) -> bool {
        self.verified && self.approval == Approval::Pending
    }

    /// What a member still lacks before she may take part: the catalogue
    /// key of the notice that says so, or `None` when nothing is missing.
    pub fn participation_notice(&self) -> Option<&'static str> {
        if !self.verified {
            Some("notice-verify-first")
        } else if self.approval == Approval::Pending {
            Some("notice-awaiting-approval")
        } else if !self.is_approved() {
            Some("notice-not-approved")
        } else {
            None
        }
    }

    /// May post, register for events, create things: verified and approved.
    pub fn can_participate(&self) -> bool {
        self.verified && self.is_approved()
    }
}

/// An extractor for pages only members may see: visitors are sent to the
/// sign-in page and come back afterwards.
pub struct SignedIn(pub CurrentUser);

impl<S: Send + Sync> FromRequestParts<S> for SignedIn {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let ctx = RequestContext::from_request_parts(parts, state).await?;
        ctx.user.map(SignedIn).ok_or(AppError::Unauthorized)
    }
}
