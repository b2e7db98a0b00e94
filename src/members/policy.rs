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

/// A colleague's profile: for members who confirmed their address (as the
/// directory is), and one's own always.
pub fn can_see_profile(viewer: &CurrentUser, handle: &str) -> bool {
    can_see_colleagues(viewer) || viewer.handle == handle
}

/// Whether `actor` may see a colleague's profile that is blocked.
pub fn can_see_blocked(actor: &CurrentUser) -> bool {
    actor.is_moderator()
}

/// Whether a member with `role` who stops being an administrator (her role
/// changed, her account deleted) would leave the site with none, given
/// `admins` administrators now. The one rule for both ways of leaving.
pub fn is_last_admin(role: Role, admins: i64) -> bool {
    role == Role::Admin && admins <= 1
}

/// The roles an administrator can give.
pub fn assignable_roles() -> &'static [Role] {
    Role::ALL
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_for_members_as_tables() {
        for (role, admins, expected) in [
            (Role::Admin, 1, true),
            (Role::Admin, 0, true),
            (Role::Admin, 2, false),
            (Role::Moderator, 1, false),
        ] {
            assert_eq!(
                is_last_admin(role, admins),
                expected,
                "{role:?} of {admins}"
            );
        }
        for (role, verified, administer, review, colleagues) in [
            (Role::Admin, true, true, true, true),
            (Role::Moderator, true, false, true, true),
            (Role::Teacher, true, false, false, true),
            (Role::Practitioner, false, false, false, false),
        ] {
            let user = CurrentUser {
                verified,
                ..CurrentUser::for_tests(role)
            };
            assert_eq!(can_administer(&user), administer, "{role:?}");
            assert_eq!(can_review_applications(&user), review, "{role:?}");
            assert_eq!(can_see_blocked(&user), review, "{role:?}");
            assert_eq!(
                can_see_colleagues(&user),
                colleagues,
                "{role:?} verified {verified}"
            );
            assert_eq!(can_see_profile(&user, "neko-drugi"), colleagues);
            assert!(can_see_profile(&user, &user.handle.clone()), "her own");
        }
    }
}
