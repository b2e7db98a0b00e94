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

vocabulary! {
    /// What sort of service it is. The column has no CHECK constraint:
    /// this list is the one every way in (the form, the import, a
    /// suggestion) checks a kind against, so rows only ever hold these.
    pub enum ServiceKind key "service-kind-" {
        SocialWorkCentre = "social-work-centre",
        DayCare = "day-care",
        HomeCare = "home-care",
        Shelter = "shelter",
        SosLine = "sos-line",
        Counselling = "counselling",
        FosterCareSupport = "foster-care-support",
        SupportedHousing = "supported-housing",
        PersonalAssistance = "personal-assistance",
        SoupKitchen = "soup-kitchen",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::web::vocabulary::assert_in_every_catalogue;

    #[test]
    fn every_kind_has_its_name_in_every_catalogue() {
        assert_in_every_catalogue(ServiceKind::ALL.iter().map(|v| v.message_key()));
    }
}
