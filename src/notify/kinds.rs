//! The kinds of notification a member can get, each with its default
//! delivery. A kind's code is stored (settings, in-app entries, outbox rows)
//! and appears in unsubscribe links, so codes never change.
//!
//! Account-critical mail (address verification, password reset, password
//! changed, account approval) is not a notification kind: it always goes,
//! by e-mail only, and has no unsubscribe link.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Reply,
    Mention,
    NewThread,
    JoinRequest,
    /// A post waits for the approval of a group the member moderates.
    PostHeld,
    JoinDecision,
    GroupInvitation,
    ModerationOutcome,
    EventRegistration,
    EventChange,
    EventReminder,
    EventRecording,
    ProposalDecision,
    ResourceReview,
    /// A moderator's decision on a course the member wrote.
    CourseReview,
    /// A cohort's weekly reminder to a member behind its pace.
    CohortReminder,
    CorrectionReview,
    SupportRequest,
    SupportReply,
    RetentionWarning,
}

/// How a member wants to hear of a kind by e-mail. The in-app list gets
/// every notification whatever the choice: it is where "never" still
/// leaves a trace the member can look at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delivery {
    Immediately,
    Digest,
    Never,
}

impl Delivery {
    pub const ALL: [Delivery; 3] = [Delivery::Immediately, Delivery::Digest, Delivery::Never];

    pub fn code(self) -> &'static str {
        match self {
            Delivery::Immediately => "immediately",
            Delivery::Digest => "digest",
            Delivery::Never => "never",
        }
    }

    pub fn from_code(code: &str) -> Option<Delivery> {
        Delivery::ALL.into_iter().find(|d| d.code() == code)
    }
}

impl Kind {
    pub const ALL: [Kind; 20] = [
        Kind::Reply,
        Kind::Mention,
        Kind::NewThread,
        Kind::JoinRequest,
        Kind::PostHeld,
        Kind::JoinDecision,
        Kind::GroupInvitation,
        Kind::ModerationOutcome,
        Kind::EventRegistration,
        Kind::EventChange,
        Kind::EventReminder,
        Kind::EventRecording,
        Kind::ProposalDecision,
        Kind::ResourceReview,
        Kind::CourseReview,
        Kind::CohortReminder,
        Kind::CorrectionReview,
        Kind::SupportRequest,
        Kind::SupportReply,
        Kind::RetentionWarning,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Kind::Reply => "reply",
            Kind::Mention => "mention",
            Kind::NewThread => "new_thread",
            Kind::JoinRequest => "join_request",
            Kind::PostHeld => "post_held",
            Kind::JoinDecision => "join_decision",
            Kind::GroupInvitation => "group_invitation",
            Kind::ModerationOutcome => "moderation_outcome",
            Kind::EventRegistration => "event_registration",
            Kind::EventChange => "event_change",
            Kind::EventReminder => "event_reminder",
            Kind::EventRecording => "event_recording",
            Kind::ProposalDecision => "proposal_decision",
            Kind::ResourceReview => "resource_review",
            Kind::CourseReview => "course_review",
            Kind::CohortReminder => "cohort_reminder",
            Kind::CorrectionReview => "correction_review",
            Kind::SupportRequest => "support_request",
            Kind::SupportReply => "support_reply",
            Kind::RetentionWarning => "retention_warning",
        }
    }

    pub fn from_code(code: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// What a member gets before choosing. New threads in a followed
    /// group can be many, so they wait for the digest; everything that
    /// answers the member or needs them soon goes at once.
    pub fn default_delivery(self) -> Delivery {
        match self {
            Kind::NewThread => Delivery::Digest,
            _ => Delivery::Immediately,
        }
    }

    /// The retention warning tells a supervisor that case notes are about to
    /// be deleted for good; missing it loses data, so it cannot be turned
    /// off or delayed.
    pub fn is_switchable(self) -> bool {
        self != Kind::RetentionWarning
    }

    /// The settings page's heading the kind is listed under.
    pub fn section(self) -> &'static str {
        match self {
            Kind::Reply
            | Kind::Mention
            | Kind::NewThread
            | Kind::JoinRequest
            | Kind::PostHeld
            | Kind::JoinDecision
            | Kind::GroupInvitation
            | Kind::ModerationOutcome => "groups",
            Kind::EventRegistration
            | Kind::EventChange
            | Kind::EventReminder
            | Kind::EventRecording
            | Kind::ProposalDecision
            | Kind::RetentionWarning => "events",
            Kind::ResourceReview | Kind::CourseReview | Kind::CorrectionReview => "contributions",
            Kind::SupportRequest | Kind::SupportReply => "support",
            Kind::CohortReminder => "courses",
        }
    }
}

pub const SECTIONS: [&str; 5] = ["groups", "events", "courses", "contributions", "support"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_read_back() {
        for kind in Kind::ALL {
            assert_eq!(Kind::from_code(kind.code()), Some(kind));
            assert!(SECTIONS.contains(&kind.section()));
        }
        let mut codes: Vec<_> = Kind::ALL.iter().map(|k| k.code()).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), Kind::ALL.len());
        assert_eq!(Kind::from_code("verify_email"), None);
    }
}
