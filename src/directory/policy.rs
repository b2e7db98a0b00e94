//! Who may do what on the service map, and its vocabularies. Everything
//! published is public; verified members suggest; moderators decide.

use chrono::{DateTime, Duration, Utc};

use crate::web::current_user::CurrentUser;
use crate::web::{AppError, AppResult};

/// Who a service is for (`service-group-<slug>`).
pub const TARGET_GROUPS: [&str; 9] = [
    "children",
    "youth",
    "families",
    "older-people",
    "disability",
    "violence-victims",
    "migrants",
    "roma",
    "homeless",
];

/// Languages a service may be offered in (`language-<code>` in the catalogue).
pub const LANGUAGES: [&str; 9] = ["sr", "cnr", "bs", "hr", "mk", "sq", "rom", "hu", "en"];

/// Countries of the map (`country-<code>`).
pub const COUNTRIES: [&str; 5] = ["RS", "ME", "BA", "MK", "XK"];

/// An entry not verified for this long may be out of date.
pub const STALE_AFTER_DAYS: i64 = 365;

pub fn is_stale(last_verified_at: Option<DateTime<Utc>>, now: DateTime<Utc>) -> bool {
    last_verified_at.is_none_or(|at| at < stale_before(now))
}

/// Entries verified before this moment are stale.
pub fn stale_before(now: DateTime<Utc>) -> DateTime<Utc> {
    now - Duration::days(STALE_AFTER_DAYS)
}

/// Verified members (not blocked) suggest new services and corrections.
pub fn can_suggest(viewer: Option<&CurrentUser>) -> bool {
    viewer.is_some_and(CurrentUser::can_participate)
}

/// Site moderators and admins review suggestions, edit, verify and import.
pub fn curates(viewer: Option<&CurrentUser>) -> bool {
    viewer.is_some_and(CurrentUser::is_moderator)
}

/// The emergency numbers shown to every visitor in need are the
/// administrators' to change: a wrong number there costs the most.
pub fn can_edit_emergency_numbers(user: &CurrentUser) -> bool {
    user.is_admin()
}

/// For handlers: "forbidden" unless the member may suggest.
pub fn require_participant(user: &CurrentUser) -> AppResult<()> {
    if can_suggest(Some(user)) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// For handlers: "forbidden" unless the member curates the map.
pub fn require_curator(user: &CurrentUser) -> AppResult<()> {
    if curates(Some(user)) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::web::role::Role;

    #[test]
    fn who_curates_and_who_edits_the_emergency_numbers() {
        // role → (suggest, curate, emergency numbers)
        for (role, expected) in [
            (Role::Student, (true, false, false)),
            (Role::Practitioner, (true, false, false)),
            (Role::Teacher, (true, false, false)),
            (Role::Moderator, (true, true, false)),
            (Role::Admin, (true, true, true)),
        ] {
            let user = CurrentUser::for_tests(role);
            let got = (
                can_suggest(Some(&user)),
                curates(Some(&user)),
                can_edit_emergency_numbers(&user),
            );
            assert_eq!(got, expected, "{role:?}");
        }
        let waiting = CurrentUser {
            verified: false,
            ..CurrentUser::for_tests(Role::Practitioner)
        };
        assert!(!can_suggest(Some(&waiting)), "unverified members only read");
        assert!(!can_suggest(None) && !curates(None));
    }
}
