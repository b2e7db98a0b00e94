//! Who may write, review, see and take courses. Every handler asks here.

use super::vocabulary::{Audience, CourseStatus};
use crate::members::Role;
use crate::web::current_user::CurrentUser;

/// Languages a course may be written in (the library's).
pub use crate::library::policy::LANGUAGES;

/// Site moderators and admins review and curate courses.
pub fn curates(viewer: Option<&CurrentUser>) -> bool {
    viewer.is_some_and(CurrentUser::is_moderator)
}

/// Write a new course: teachers and site moderators who may take part.
pub fn can_author(user: &CurrentUser) -> bool {
    user.can_participate() && (user.role == Role::Teacher || user.is_moderator())
}

/// Open a course's page: published ones for everyone (members-only ones are
/// listed to visitors too, with a note to sign in); drafts, courses in
/// review and archived ones for their author and moderators only.
pub fn can_see(status: CourseStatus, own: bool, viewer: Option<&CurrentUser>) -> bool {
    status == CourseStatus::Published || own || curates(viewer)
}

/// Change the course, its modules and lessons: its author while it is a
/// draft (not in review, not once published); moderators always.
pub fn can_edit(user: &CurrentUser, own: bool, status: CourseStatus) -> bool {
    curates(Some(user)) || (own && status == CourseStatus::Draft)
}

/// Send a draft for review: only its author.
pub fn can_send_for_review(own: bool, status: CourseStatus) -> bool {
    own && status == CourseStatus::Draft
}

/// Enrol (and keep progress): any signed-in member, in a published course.
pub fn can_enrol(status: CourseStatus) -> bool {
    status == CourseStatus::Published
}

/// Read the lessons: the author and moderators always (drafts too); in a
/// published course everyone when it is open, enrolled members when it is
/// for members.
pub fn can_read_lessons(
    status: CourseStatus,
    audience: Audience,
    own: bool,
    enrolled: bool,
    viewer: Option<&CurrentUser>,
) -> bool {
    if own || curates(viewer) {
        return true;
    }
    status == CourseStatus::Published
        && match audience {
            Audience::Open => true,
            Audience::Members => viewer.is_some() && enrolled,
        }
}

#[cfg(test)]
mod tests {
    use super::*;
    use CourseStatus::{Archived, Draft, InReview, Published};

    #[test]
    fn who_writes_courses() {
        for (role, expected) in [
            (Role::Practitioner, false),
            (Role::Student, false),
            (Role::Teacher, true),
            (Role::Moderator, true),
            (Role::Admin, true),
        ] {
            assert_eq!(
                can_author(&CurrentUser::for_tests(role)),
                expected,
                "{role}"
            );
        }
        let unverified = CurrentUser {
            verified: false,
            ..CurrentUser::for_tests(Role::Teacher)
        };
        assert!(!can_author(&unverified));
    }

    #[test]
    fn who_sees_edits_and_sends_a_course() {
        let student = CurrentUser::for_tests(Role::Student);
        let teacher = CurrentUser::for_tests(Role::Teacher);
        let moderator = CurrentUser::for_tests(Role::Moderator);
        // (status, own, viewer) → may open the course page
        for (status, own, viewer, expected) in [
            (Published, false, None, true),
            (Draft, false, None, false),
            (Draft, false, Some(&student), false),
            (InReview, false, Some(&student), false),
            (Archived, false, Some(&student), false),
            (Draft, true, Some(&teacher), true),
            (InReview, false, Some(&moderator), true),
        ] {
            assert_eq!(can_see(status, own, viewer), expected, "{status:?} {own}");
        }
        // (viewer, own, status) → may edit
        for (viewer, own, status, expected) in [
            (&teacher, true, Draft, true),
            (&teacher, true, InReview, false),
            (&teacher, true, Published, false),
            (&teacher, false, Draft, false),
            (&moderator, false, Published, true),
        ] {
            assert_eq!(can_edit(viewer, own, status), expected, "{own} {status:?}");
        }
        for (own, status, expected) in [
            (true, Draft, true),
            (true, InReview, false),
            (true, Published, false),
            (false, Draft, false),
        ] {
            assert_eq!(
                can_send_for_review(own, status),
                expected,
                "{own} {status:?}"
            );
        }
        assert!(can_enrol(Published) && !can_enrol(Draft) && !can_enrol(Archived));
    }

    #[test]
    fn who_reads_the_lessons() {
        let student = CurrentUser::for_tests(Role::Student);
        let moderator = CurrentUser::for_tests(Role::Moderator);
        // (status, audience, own, enrolled, viewer) → may read
        for (status, audience, own, enrolled, viewer, expected) in [
            (Published, Audience::Open, false, false, None, true),
            (Published, Audience::Members, false, false, None, false),
            (
                Published,
                Audience::Members,
                false,
                false,
                Some(&student),
                false,
            ),
            (
                Published,
                Audience::Members,
                false,
                true,
                Some(&student),
                true,
            ),
            (Draft, Audience::Open, false, false, Some(&student), false),
            (Draft, Audience::Members, true, false, Some(&student), true),
            (
                InReview,
                Audience::Members,
                false,
                false,
                Some(&moderator),
                true,
            ),
            (Archived, Audience::Open, false, true, Some(&student), false),
        ] {
            assert_eq!(
                can_read_lessons(status, audience, own, enrolled, viewer),
                expected,
                "{status:?} {audience:?} {own} {enrolled}"
            );
        }
    }
}
