//! The library's closed word lists, as stored in the resources table's
//! CHECK constraints (migrations/20261123000016_library.sql).

use crate::web::vocabulary::vocabulary;

vocabulary! {
    /// What sort of resource it is.
    pub enum ResourceKind key "resource-kind-" {
        Protocol = "protocol",
        Guideline = "guideline",
        /// A brochure for citizens.
        Brochure = "brochure",
        Research = "research",
        Training = "training",
        Translation = "translation",
        Form = "form",
        Recording = "recording",
    }
}

vocabulary! {
    /// Where a resource stands in review.
    pub enum ResourceStatus key "resource-status-" {
        /// Its submitter is still writing it.
        Draft = "draft",
        /// Waiting for a curator.
        Submitted = "submitted",
        /// Sent back to its submitter with a reason.
        Returned = "returned",
        Published = "published",
        Archived = "archived",
    }
}

impl ResourceStatus {
    /// Still its submitter's to change: a draft, or returned to her.
    pub fn is_with_submitter(self) -> bool {
        matches!(self, ResourceStatus::Draft | ResourceStatus::Returned)
    }
}

vocabulary! {
    /// Whom a resource is written for. A resource has several: they are
    /// stored as a text array, which keeps them text in the row (this list
    /// is what forms may choose from).
    pub enum ResourceAudience key "resource-audience-" {
        Professionals = "professionals",
        Students = "students",
        Citizens = "citizens",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::web::vocabulary::assert_in_every_catalogue;

    #[test]
    fn every_word_shown_has_its_name_in_every_catalogue() {
        assert_in_every_catalogue(ResourceKind::ALL.iter().map(|v| v.message_key()));
        assert_in_every_catalogue(ResourceStatus::ALL.iter().map(|v| v.message_key()));
        assert_in_every_catalogue(ResourceAudience::ALL.iter().map(|v| v.message_key()));
    }
}
