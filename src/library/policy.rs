//! Who may see, submit and curate resources.

use super::vocabulary::ResourceStatus;
use crate::web::current_user::CurrentUser;

pub const LANGUAGES: [&str; 7] = ["sr", "cnr", "bs", "hr", "mk", "sq", "en"];

/// Moderators and admins curate the library.
pub fn curates(viewer: Option<&CurrentUser>) -> bool {
    viewer.is_some_and(CurrentUser::is_moderator)
}

/// Share a resource: members who may take part (verified, approved).
pub fn can_submit(user: &CurrentUser) -> bool {
    user.can_participate()
}

/// Edit a resource: curators always; its submitter while it is hers to
/// change (a draft, or returned to her), not once it waits for review or is
/// published.
pub fn can_edit(user: &CurrentUser, submitted_by_viewer: bool, status: ResourceStatus) -> bool {
    curates(Some(user)) || (submitted_by_viewer && status.is_with_submitter())
}

/// Send a draft or a returned resource for review: only its submitter.
pub fn can_send_for_review(submitted_by_viewer: bool) -> bool {
    submitted_by_viewer
}

/// Whether the viewer may open a resource: published ones (members-only
/// ones for members), and their own drafts and submissions; curators see all.
pub fn can_see(
    status: ResourceStatus,
    members_only: bool,
    submitted_by_viewer: bool,
    viewer: Option<&CurrentUser>,
) -> bool {
    if curates(viewer) || submitted_by_viewer {
        return true;
    }
    status == ResourceStatus::Published && (!members_only || viewer.is_some())
}

/// Whether a visitor who may not open a resource should be told it is for
/// members (and offered to sign in) rather than "not found": only when it is
/// published and members-only, so drafts and rejected ones stay invisible.
pub fn asks_to_sign_in(
    status: ResourceStatus,
    members_only: bool,
    viewer: Option<&CurrentUser>,
) -> bool {
    viewer.is_none() && status == ResourceStatus::Published && members_only
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::members::Role;

    #[test]
    fn who_sees_edits_and_sends_a_resource() {
        let member = CurrentUser::for_tests(Role::Practitioner);
        let curator = CurrentUser::for_tests(Role::Moderator);
        // (status, members only, own, viewer) → may open
        for (status, members_only, own, viewer, expected) in [
            (ResourceStatus::Published, false, false, None, true),
            (ResourceStatus::Published, true, false, None, false),
            (ResourceStatus::Published, true, false, Some(&member), true),
            (ResourceStatus::Draft, false, false, Some(&member), false),
            (ResourceStatus::Draft, false, true, Some(&member), true),
            (
                ResourceStatus::Submitted,
                false,
                false,
                Some(&curator),
                true,
            ),
        ] {
            assert_eq!(
                can_see(status, members_only, own, viewer),
                expected,
                "{status:?} {members_only} {own}"
            );
        }
        assert!(asks_to_sign_in(ResourceStatus::Published, true, None));
        assert!(
            !asks_to_sign_in(ResourceStatus::Draft, true, None),
            "a draft stays invisible"
        );
        // (viewer, own, status) → may edit
        for (viewer, own, status, expected) in [
            (&member, true, ResourceStatus::Draft, true),
            (&member, true, ResourceStatus::Returned, true),
            (&member, true, ResourceStatus::Submitted, false),
            (&member, true, ResourceStatus::Published, false),
            (&member, false, ResourceStatus::Draft, false),
            (&curator, false, ResourceStatus::Published, true),
        ] {
            assert_eq!(
                can_edit(viewer, own, status),
                expected,
                "{:?} {own} {status:?}",
                viewer.role
            );
        }
        assert!(can_send_for_review(true) && !can_send_for_review(false));
        assert!(can_submit(&member));
        let unverified = CurrentUser {
            verified: false,
            ..CurrentUser::for_tests(Role::Practitioner)
        };
        assert!(!can_submit(&unverified));
    }
}
