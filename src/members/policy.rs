//! Who may do what with members. Every handler asks here.

use super::Role;
use crate::web::current_user::CurrentUser;

/// Change roles, block and unblock, change site settings.
pub fn can_administer(user: &CurrentUser) -> bool {
    user.is_admin()
}

/// Approve or decline applications when approval is required.
pub fn can_review_applications(user: &CurrentUser) -> bool {
    user.is_moderator()
}

/// Names of colleagues (the directory, "who's here") are for members who
/// confirmed their address, not for anyone who typed one in.
pub fn can_see_colleagues(user: &CurrentUser) -> bool {
    user.verified
}

/// Whether `actor` may see a colleague's profile that is blocked.
pub fn can_see_blocked(actor: &CurrentUser) -> bool {
    actor.is_moderator()
}

/// The roles an administrator can give.
pub fn assignable_roles() -> [Role; 5] {
    Role::ALL
}
