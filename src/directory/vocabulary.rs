//! The service map's closed word lists, as stored in its tables' CHECK
//! constraints (migrations/20261201000001_service_map.sql).

use crate::web::vocabulary::vocabulary;

vocabulary! {
    /// Whether a service is on the map.
    pub enum ServiceStatus {
        Published = "published",
        /// Taken off the map; curators still see it.
        Withdrawn = "withdrawn",
    }
}

vocabulary! {
    /// Where a member's suggestion stands.
    pub enum SuggestionStatus {
        /// Waiting for a curator.
        Pending = "pending",
        Accepted = "accepted",
        /// Refused, with a reason the member is told.
        Refused = "refused",
    }
}
