//! Where a request for support stands, as the support_requests table's
//! CHECK constraint lists it (migrations/20261123000007_peer_support.sql).

use crate::web::vocabulary::vocabulary;

vocabulary! {
    /// Where a request for support stands.
    pub enum RequestStatus key "support-status-" {
        /// Waiting for someone of the team to take it.
        Open = "open",
        /// A supporter took it; the two are talking.
        Taken = "taken",
        Closed = "closed",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::web::vocabulary::assert_in_every_catalogue;

    #[test]
    fn every_status_has_its_name_in_every_catalogue() {
        assert_in_every_catalogue(RequestStatus::ALL.iter().map(|v| v.message_key()));
    }
}
