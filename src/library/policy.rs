//! Who may see, submit and curate resources.

use crate::web::current_user::CurrentUser;

pub const KINDS: [&str; 8] = [
    "protocol",
    "guideline",
    "brochure",
    "research",
    "training",
    "translation",
    "form",
    "recording",
];
pub const AUDIENCES: [&str; 3] = ["professionals", "students", "citizens"];
pub const LANGUAGES: [&str; 7] = ["sr", "cnr", "bs", "hr", "mk", "sq", "en"];

/// Moderators and admins curate the library.
pub fn curates(viewer: Option<&CurrentUser>) -> bool {
    viewer.is_some_and(CurrentUser::is_moderator)
}

/// Whether the viewer may open a resource: published ones (members-only
/// ones for members), and their own drafts and submissions; curators see all.
pub fn can_see(
    status: &str,
    members_only: bool,
    submitted_by_viewer: bool,
    viewer: Option<&CurrentUser>,
) -> bool {
    if curates(viewer) || submitted_by_viewer {
        return true;
    }
    status == "published" && (!members_only || viewer.is_some())
}

/// Whether a visitor who may not open a resource should be told it is for
/// members (and offered to sign in) rather than "not found": only when it is
/// published and members-only, so drafts and rejected ones stay invisible.
pub fn asks_to_sign_in(status: &str, members_only: bool, viewer: Option<&CurrentUser>) -> bool {
    viewer.is_none() && status == "published" && members_only
}
