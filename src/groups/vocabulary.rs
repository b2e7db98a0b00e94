//! The words of groups, typed: who may read a group, where a member stands
//! in it, her role, and how she follows a thread. Stored as text (the
//! columns' CHECK constraints list the same words); shown through the
//! catalogue by `message_key`, so a misspelt word does not compile.

use serde::Deserialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "lowercase")]
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
    pub const ALL: [Visibility; 3] = [Visibility::Public, Visibility::Closed, Visibility::Secret];

    pub fn parse(text: &str) -> Option<Visibility> {
        Visibility::ALL.into_iter().find(|v| v.as_str() == text)
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

    /// Its name in the catalogue ("Otvorena", "Zatvorena", "Tajna").
    pub fn message_key(self) -> &'static str {
        match self {
            Visibility::Public => "visibility-public",
            Visibility::Closed => "visibility-closed",
            Visibility::Secret => "visibility-secret",
        }
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

/// Where a member stands in a group (`group_members.status`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "lowercase")]
pub enum MemberStatus {
    Active,
    /// Asked to join a closed group; moderators decide.
    Requested,
    /// Invited to a (secret) group; joins by accepting.
    Invited,
    Banned,
}

impl MemberStatus {
    pub fn message_key(self) -> &'static str {
        match self {
            MemberStatus::Active => "group-status-active",
            MemberStatus::Requested => "group-status-requested",
            MemberStatus::Invited => "group-status-invited",
            MemberStatus::Banned => "group-status-banned",
        }
    }
}

/// A member's role in a group (`group_members.role`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "lowercase")]
#[serde(rename_all = "lowercase")]
pub enum GroupRole {
    Owner,
    Moderator,
    Member,
}

impl GroupRole {
    /// Owners and moderators look after the group.
    pub fn moderates(self) -> bool {
        matches!(self, GroupRole::Owner | GroupRole::Moderator)
    }

    pub fn message_key(self) -> &'static str {
        match self {
            GroupRole::Owner => "group-role-owner",
            GroupRole::Moderator => "group-role-moderator",
            GroupRole::Member => "group-role-member",
        }
    }
}

/// How a member follows one thread (`thread_subscriptions.mode`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "lowercase")]
#[serde(rename_all = "lowercase")]
pub enum Subscription {
    /// Mailed about replies.
    Subscribed,
    /// Never mailed about it, even as its author or when mentioned.
    Muted,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_visibility_reads_back_from_its_own_word() {
        for visibility in Visibility::ALL {
            assert_eq!(Visibility::parse(visibility.as_str()), Some(visibility));
            assert!(visibility.message_key().ends_with(visibility.as_str()));
            assert!(visibility.explanation_key().ends_with(visibility.as_str()));
        }
        assert_eq!(Visibility::parse("Public"), None);
    }

    #[test]
    fn owners_and_moderators_moderate_members_do_not() {
        assert!(GroupRole::Owner.moderates() && GroupRole::Moderator.moderates());
        assert!(!GroupRole::Member.moderates());
    }
}
