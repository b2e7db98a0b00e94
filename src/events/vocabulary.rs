//! The events' closed word lists, as stored in their tables' CHECK
//! constraints (migrations/20261123000012_events.sql and
//! 20261123000014_event_proposals.sql).

use crate::web::vocabulary::vocabulary;

vocabulary! {
    /// What sort of event it is.
    pub enum EventKind key "event-kind-" {
        Webinar = "webinar",
        Supervision = "supervision",
        RegionalMeeting = "regional_meeting",
        RoundTable = "round_table",
        Training = "training",
        Conference = "conference",
    }
}

vocabulary! {
    /// Who may see an event and register for it.
    pub enum Audience key "event-audience-" {
        Public = "public",
        Members = "members",
        /// The members of the event's group.
        Group = "group",
    }
}

vocabulary! {
    /// What a member does at an event besides attending.
    pub enum PersonRole {
        Organiser = "organiser",
        Speaker = "speaker",
    }
}

vocabulary! {
    /// Where a member's registration stands.
    pub enum RegistrationStatus key "registration-status-" {
        /// She has a place.
        Registered = "registered",
        /// The event was full; she waits in line for a place.
        Waitlisted = "waitlisted",
        Cancelled = "cancelled",
    }
}

vocabulary! {
    /// What a member proposes.
    pub enum ProposalKind key "proposal-kind-" {
        Webinar = "webinar",
        Topic = "topic",
    }
}

vocabulary! {
    /// Where a proposal stands.
    pub enum ProposalStatus key "proposal-status-" {
        Open = "open",
        /// An event was made of it.
        Scheduled = "scheduled",
        Closed = "closed",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::web::vocabulary::assert_in_every_catalogue;

    #[test]
    fn every_word_shown_has_its_name_in_every_catalogue() {
        assert_in_every_catalogue(EventKind::ALL.iter().map(|v| v.message_key()));
        assert_in_every_catalogue(Audience::ALL.iter().map(|v| v.message_key()));
        assert_in_every_catalogue(RegistrationStatus::ALL.iter().map(|v| v.message_key()));
        assert_in_every_catalogue(ProposalKind::ALL.iter().map(|v| v.message_key()));
        assert_in_every_catalogue(ProposalStatus::ALL.iter().map(|v| v.message_key()));
    }
}
