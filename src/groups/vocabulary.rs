//! The words of groups, typed: who may read a group, where a member stands
//! in it, her role, and how she follows a thread. Stored as text (the
//! columns' CHECK constraints in migrations/20261123000003_groups.sql and
//! 20261123000004_group_subscriptions.sql list the same words); shown
//! through the catalogue by `message_key`, so a misspelt word does not
//! compile.

use crate::web::vocabulary::vocabulary;

vocabulary! {
    /// Who may read a group and how one joins it (fixed at creation).
    pub enum Visibility key "visibility-" {
        /// Anyone can read; members join to post.
        Public = "public",
        /// Listed with name and description; content for members; joining needs approval.
        Closed = "closed",
        /// Not listed; by invitation only.
        Secret = "secret",
    }
}

impl Visibility {
    pub fn is_public(self) -> bool {
        self == Visibility::Public
    }

    /// What it means for readers and joining, in the catalogue.
    pub fn explanation_key(self) -> &'static str {
        match self {
            Visibility::Public => "visibility-explained-public",
            Visibility::Closed => "visibility-explained-closed",
            Visibility::Secret => "visibility-explained-secret",
        }
    }
}

vocabulary! {
    /// Where a member stands in a group (`group_members.status`).
    pub enum MemberStatus key "group-status-" {
        Active = "active",
        /// Asked to join a closed group; moderators decide.
        Requested = "requested",
        /// Invited to a (secret) group; joins by accepting.
        Invited = "invited",
        Banned = "banned",
    }
}

vocabulary! {
    /// A member's role in a group (`group_members.role`).
    pub enum GroupRole key "group-role-" {
        Owner = "owner",
        Moderator = "moderator",
        Member = "member",
    }
}

impl GroupRole {
    /// Owners and moderators look after the group.
    pub fn moderates(self) -> bool {
        matches!(self, GroupRole::Owner | GroupRole::Moderator)
    }
}

vocabulary! {
    /// How a member follows one thread (`thread_subscriptions.mode`).
    pub enum Subscription {
        /// Mailed about replies.
        Subscribed = "subscribed",
        /// Never mailed about it, even as its author or when mentioned.
        Muted = "muted",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::web::vocabulary::assert_in_every_catalogue;

    #[test]
    fn every_word_has_its_name_in_every_catalogue() {
        assert_in_every_catalogue(Visibility::ALL.iter().map(|v| v.message_key()));
        assert_in_every_catalogue(Visibility::ALL.iter().map(|v| v.explanation_key()));
        assert_in_every_catalogue(MemberStatus::ALL.iter().map(|v| v.message_key()));
        assert_in_every_catalogue(GroupRole::ALL.iter().map(|v| v.message_key()));
    }

    #[test]
    fn owners_and_moderators_moderate_members_do_not() {
        assert!(GroupRole::Owner.moderates() && GroupRole::Moderator.moderates());
        assert!(!GroupRole::Member.moderates());
    }
}
