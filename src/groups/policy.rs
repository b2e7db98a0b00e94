//! Who may see and do what in a group. Every handler asks here; listing
//! queries apply the same rules in SQL (see `store::list_groups`).

pub use super::vocabulary::{GroupRole, MemberStatus, Visibility};
use crate::web::current_user::CurrentUser;

/// The viewer's relation to one group.
#[derive(Debug, Clone)]
pub struct Access<'a> {
    pub visibility: Visibility,
    pub viewer: Option<&'a CurrentUser>,
    /// `group_members.status` and `.role`, if the viewer has a row.
    pub status: Option<MemberStatus>,
    pub role: Option<GroupRole>,
}

impl Access<'_> {
    pub fn is_member(&self) -> bool {
        self.status == Some(MemberStatus::Active)
    }

    pub fn is_banned(&self) -> bool {
        self.status == Some(MemberStatus::Banned)
    }

    pub fn has_requested(&self) -> bool {
        self.status == Some(MemberStatus::Requested)
    }

    pub fn is_invited(&self) -> bool {
        self.status == Some(MemberStatus::Invited)
    }

    /// Owners and group moderators.
    pub fn is_group_moderator(&self) -> bool {
        self.is_member() && self.role.is_some_and(GroupRole::moderates)
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
            && self.status.is_none_or(|s| s == MemberStatus::Invited)
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

    /// Edit her own post: only while she may still post here (a member
    /// who left, or whose account is waiting, cannot rewrite history).
    pub fn can_edit_post(&self, author_is_viewer: bool, deleted: bool) -> bool {
        author_is_viewer && !deleted && self.can_post()
    }

    /// Delete her own post: any active member, even one who may not post
    /// any more — taking her words back must always be possible.
    pub fn can_delete_post(&self, author_is_viewer: bool, deleted: bool) -> bool {
        author_is_viewer && !deleted && self.is_member()
    }

    /// Turn supervision on for the group and set its rules: the owner of a
    /// secret group (case forms must never reach a group whose members a
    /// visitor could see or join).
    pub fn can_configure_supervision(&self) -> bool {
        self.is_member()
            && self.role == Some(GroupRole::Owner)
            && self.visibility == Visibility::Secret
    }

    /// Manage the group's membership (invite, approve requests, the class
    /// code) and see requests, invitations and bans: its moderators.
    pub fn can_manage_members(&self) -> bool {
        self.is_group_moderator()
    }

    /// Act on one member (approve, remove, ban, change her role): anyone
    /// the group's moderators manage except its owner, whom nobody removes.
    pub fn can_act_on_member(&self, target: GroupRole) -> bool {
        self.can_manage_members() && target != GroupRole::Owner
    }

    /// Change the group's settings (description, topics, approval rules).
    pub fn can_change_settings(&self) -> bool {
        self.is_group_moderator()
    }

    /// Follow the group or a thread of it (mail about new activity).
    pub fn can_follow(&self) -> bool {
        self.is_member()
    }

    pub fn can_leave(&self) -> bool {
        self.is_member() && self.role != Some(GroupRole::Owner)
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

#[cfg(test)]
mod tests {
    //! The group rules as tables: who the viewer is to the group, then the
    //! answers (the authorization walk in tests/ covers the routes).
    use super::*;
    use crate::members::Role;
    use crate::web::role::Approval;

    fn access<'a>(
        visibility: Visibility,
        viewer: Option<&'a CurrentUser>,
        status: Option<MemberStatus>,
        role: Option<GroupRole>,
    ) -> Access<'a> {
        Access {
            visibility,
            viewer,
            status,
            role,
        }
    }

    #[test]
    fn reading_posting_and_moderating() {
        use Visibility::*;
        let member = CurrentUser::for_tests(Role::Practitioner);
        let waiting = CurrentUser {
            approval: Approval::Pending,
            ..CurrentUser::for_tests(Role::Practitioner)
        };
        let site_moderator = CurrentUser::for_tests(Role::Moderator);
        // (group, viewer, status, role) → (see, read, post, moderate, see members)
        for (visibility, viewer, status, role, expected) in [
            (Public, None, None, None, (true, true, false, false, false)),
            (Closed, None, None, None, (true, false, false, false, false)),
            (
                Secret,
                None,
                None,
                None,
                (false, false, false, false, false),
            ),
            (
                Secret,
                Some(&member),
                Some(MemberStatus::Invited),
                None,
                (true, false, false, false, false),
            ),
            (
                Closed,
                Some(&member),
                Some(MemberStatus::Requested),
                None,
                (true, false, false, false, false),
            ),
            (
                Public,
                Some(&member),
                Some(MemberStatus::Banned),
                None,
                (true, false, false, false, false),
            ),
            (
                Closed,
                Some(&member),
                Some(MemberStatus::Active),
                Some(GroupRole::Member),
                (true, true, true, false, true),
            ),
            (
                Closed,
                Some(&waiting),
                Some(MemberStatus::Active),
                Some(GroupRole::Member),
                (true, true, false, false, true),
            ),
            (
                Secret,
                Some(&member),
                Some(MemberStatus::Active),
                Some(GroupRole::Owner),
                (true, true, true, true, true),
            ),
            (
                Public,
                Some(&site_moderator),
                None,
                None,
                (true, true, false, true, false),
            ),
            // A site moderator does not read a secret group's posts.
            (
                Secret,
                Some(&site_moderator),
                None,
                None,
                (false, false, false, false, false),
            ),
        ] {
            let a = access(visibility, viewer, status, role);
            let got = (
                a.can_see_group(),
                a.can_read(),
                a.can_post(),
                a.can_moderate(),
                a.can_see_members(),
            );
            assert_eq!(
                got,
                expected,
                "{visibility:?} {status:?} {role:?} {:?}",
                viewer.map(|v| v.role)
            );
        }
    }

    #[test]
    fn editing_and_deleting_ones_own_post() {
        let member = CurrentUser::for_tests(Role::Practitioner);
        let waiting = CurrentUser {
            approval: Approval::Pending,
            ..CurrentUser::for_tests(Role::Practitioner)
        };
        let active = access(
            Visibility::Closed,
            Some(&member),
            Some(MemberStatus::Active),
            Some(GroupRole::Member),
        );
        let active_waiting = access(
            Visibility::Closed,
            Some(&waiting),
            Some(MemberStatus::Active),
            Some(GroupRole::Member),
        );
        let left = access(Visibility::Closed, Some(&member), None, None);
        // (access, author is viewer, deleted) → (edit, delete)
        for (a, own, deleted, expected) in [
            (&active, true, false, (true, true)),
            (&active, false, false, (false, false)),
            (&active, true, true, (false, false)),
            // Waiting for approval: may not post, so may not edit — but may
            // always take her words back.
            (&active_waiting, true, false, (false, true)),
            (&left, true, false, (false, false)),
        ] {
            assert_eq!(
                (
                    a.can_edit_post(own, deleted),
                    a.can_delete_post(own, deleted)
                ),
                expected,
                "{a:?} own {own} deleted {deleted}"
            );
        }
    }

    #[test]
    fn joining_leaving_moving_and_creating() {
        use Visibility::*;
        let member = CurrentUser::for_tests(Role::Practitioner);
        let student = CurrentUser::for_tests(Role::Student);
        assert!(access(Public, Some(&member), None, None).can_join());
        assert!(!access(Closed, Some(&member), None, None).can_join());
        assert!(access(Closed, Some(&member), None, None).can_request());
        assert!(access(Secret, Some(&member), Some(MemberStatus::Invited), None).can_join());
        assert!(!access(Secret, Some(&member), None, None).can_join());
        assert!(!access(Public, None, None, None).can_join());
        assert!(
            !access(
                Public,
                Some(&member),
                Some(MemberStatus::Active),
                Some(GroupRole::Owner)
            )
            .can_leave()
        );
        assert!(
            access(
                Public,
                Some(&member),
                Some(MemberStatus::Active),
                Some(GroupRole::Member)
            )
            .can_leave()
        );
        let owner = access(
            Closed,
            Some(&member),
            Some(MemberStatus::Active),
            Some(GroupRole::Owner),
        );
        let other_owned = access(
            Public,
            Some(&member),
            Some(MemberStatus::Active),
            Some(GroupRole::Moderator),
        );
        let not_moderated = access(
            Public,
            Some(&member),
            Some(MemberStatus::Active),
            Some(GroupRole::Member),
        );
        assert!(can_move_thread(&owner, &other_owned, false));
        assert!(
            !can_move_thread(&owner, &owner, true),
            "not into the same group"
        );
        assert!(!can_move_thread(&owner, &not_moderated, false));
        assert!(can_create_group(&member));
        // Managing members: the group's moderators, never on its owner.
        let member_of = access(
            Closed,
            Some(&member),
            Some(MemberStatus::Active),
            Some(GroupRole::Member),
        );
        let invited = access(Closed, Some(&member), Some(MemberStatus::Invited), None);
        for (a, expected) in [
            (&owner, (true, true, false, true, true)),
            (&other_owned, (true, true, false, true, true)),
            (&member_of, (false, false, false, false, true)),
            (&invited, (false, false, false, false, false)),
        ] {
            let got = (
                a.can_manage_members(),
                a.can_act_on_member(GroupRole::Member),
                a.can_act_on_member(GroupRole::Owner),
                a.can_change_settings(),
                a.can_follow(),
            );
            assert_eq!(got, expected, "{a:?}");
        }
        // Supervision: the owner of a secret group, no one else.
        let secret_owner = access(
            Secret,
            Some(&member),
            Some(MemberStatus::Active),
            Some(GroupRole::Owner),
        );
        let closed_owner = access(
            Closed,
            Some(&member),
            Some(MemberStatus::Active),
            Some(GroupRole::Owner),
        );
        let secret_moderator = access(
            Secret,
            Some(&member),
            Some(MemberStatus::Active),
            Some(GroupRole::Moderator),
        );
        assert!(secret_owner.can_configure_supervision());
        assert!(!closed_owner.can_configure_supervision());
        assert!(!secret_moderator.can_configure_supervision());
        assert!(!access(Secret, Some(&member), None, None).can_configure_supervision());
        assert!(!can_create_group(&student));
    }
}
