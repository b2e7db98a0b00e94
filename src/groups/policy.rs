//! Who may see and do what in a group. Every handler asks here; listing
//! queries apply the same rules in SQL (see `store::list_groups`).

use serde::Deserialize;

use crate::web::current_user::CurrentUser;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Visibility {
    /// Anyone can read; members join to post.
    Public,
    /// Listed with name and description; content for members; joining needs approval.
    Closed,
    /// Not listed; by invitation only.
    Secret,
}

impl Visibility {
    pub fn parse(text: &str) -> Option<Visibility> {
        match text {
            "public" => Some(Visibility::Public),
            "closed" => Some(Visibility::Closed),
            "secret" => Some(Visibility::Secret),
            _ => None,
        }
    }

    pub fn is_public(self) -> bool {
        self == Visibility::Public
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Visibility::Public => "public",
            Visibility::Closed => "closed",
            Visibility::Secret => "secret",
        }
    }
}

/// The viewer's relation to one group.
#[derive(Debug, Clone)]
pub struct Access<'a> {
    pub visibility: Visibility,
    pub viewer: Option<&'a CurrentUser>,
    /// `group_members.status` and `.role`, if the viewer has a row.
    pub status: Option<&'a str>,
    pub role: Option<&'a str>,
}

impl Access<'_> {
    pub fn is_member(&self) -> bool {
        self.status == Some("active")
    }

    pub fn is_banned(&self) -> bool {
        self.status == Some("banned")
    }

    pub fn has_requested(&self) -> bool {
        self.status == Some("requested")
    }

    pub fn is_invited(&self) -> bool {
        self.status == Some("invited")
    }

    /// Owners and group moderators.
    pub fn is_group_moderator(&self) -> bool {
        self.is_member() && matches!(self.role, Some("owner" | "moderator"))
    }

    /// Whether the group may be shown at all (name, description). Secret
    /// groups exist only for their members and invitees; to anyone else
    /// they are "not found".
    pub fn can_see_group(&self) -> bool {
        self.visibility != Visibility::Secret || self.is_member() || self.is_invited()
    }

    /// Threads and posts.
    pub fn can_read(&self) -> bool {
        match self.visibility {
            Visibility::Public => !self.is_banned(),
            Visibility::Closed | Visibility::Secret => self.is_member(),
        }
    }

    /// Start threads and reply: an active, verified and approved member.
    pub fn can_post(&self) -> bool {
        self.is_member() && self.viewer.is_some_and(CurrentUser::can_participate)
    }

    /// Join at once: public groups, and secret groups one is invited to —
    /// once the account may take part (verified, and approved where the
    /// site asks for approval).
    pub fn can_join(&self) -> bool {
        self.may_take_part()
            && self.status.is_none_or(|s| s == "invited")
            && (self.visibility == Visibility::Public || self.is_invited())
    }

    /// Ask to join: closed groups, on the same condition.
    pub fn can_request(&self) -> bool {
        self.may_take_part() && self.status.is_none() && self.visibility == Visibility::Closed
    }

    fn may_take_part(&self) -> bool {
        self.viewer.is_some_and(CurrentUser::can_participate)
    }

    /// Who belongs to the group is for its members: in a small support
    /// group the list could otherwise point at the author of an anonymous
    /// post. The group page links to the list only for them.
    pub fn can_see_members(&self) -> bool {
        self.is_member()
    }

    pub fn can_leave(&self) -> bool {
        self.is_member() && self.role != Some("owner")
    }

    /// Decide on what waits in `/moderation` for this group (held posts,
    /// flags): its own moderators, and site moderators for every group.
    pub fn can_decide_queue(&self) -> bool {
        self.is_group_moderator() || self.viewer.is_some_and(CurrentUser::is_moderator)
    }

    /// Approve requests, pin and lock threads, see anonymous authors.
    pub fn can_moderate(&self) -> bool {
        self.is_group_moderator()
            || (self.viewer.is_some_and(CurrentUser::is_moderator) && self.can_read())
    }
}

/// Move a thread from one group to another: the moderator must be able to
/// moderate both (the thread page lists only such targets, and the server
/// asks again, since a form can name any group).
pub fn can_move_thread(from: &Access<'_>, to: &Access<'_>, same_group: bool) -> bool {
    !same_group && from.can_moderate() && to.can_moderate()
}

/// Verified practitioners, teachers and moderators create groups; students join them.
pub fn can_create_group(user: &CurrentUser) -> bool {
    user.can_participate() && user.role != crate::members::Role::Student
}
