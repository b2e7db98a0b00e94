//! Who may see, submit and curate resources.

use crate::members::current_user::CurrentUser;

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
