//! Who may write, review, see and take courses. Every handler asks here.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use sqlx::PgExecutor;

use super::store::Course;
use super::vocabulary::{Audience, CourseStatus};
use crate::groups::{self, store::GroupView};
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
/// listed to visitors too, with a note to sign in) except a group's course,
/// which exists only for the group's active members (`in_group`); drafts,
/// courses in review and archived ones for their author and moderators only
/// (moderators review group courses too).
pub fn can_see(
    status: CourseStatus,
    audience: Audience,
    own: bool,
    in_group: bool,
    viewer: Option<&CurrentUser>,
) -> bool {
    if own || curates(viewer) {
        return true;
    }
    status == CourseStatus::Published && (audience != Audience::Group || in_group)
}

/// Whether the viewer is an active member of the group a group course is
/// for (false for any other course, and for visitors). The groups feature
/// answers: membership is its business.
pub async fn in_course_group(
    executor: impl PgExecutor<'_>,
    course: &Course,
    viewer: Option<&CurrentUser>,
) -> sqlx::Result<bool> {
    match (course.group_id, viewer) {
        (Some(group_id), Some(user)) => {
            groups::store::is_active_member(executor, group_id, user.user_id).await
        }
        _ => Ok(false),
    }
}

/// The groups a course may be written for by `user`: those she owns or
/// moderates (a teacher's class groups), as the groups feature sees them.
pub async fn teachable_groups(
    executor: impl PgExecutor<'_>,
    user: &CurrentUser,
) -> sqlx::Result<Vec<GroupView>> {
    let groups = groups::store::list_groups(executor, Some(user.user_id), None).await?;
    Ok(groups
        .into_iter()
        .filter(|g| groups::lookup::access(g, Some(user)).can_manage_members())
        .collect())
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
            // A group course is only ever reached by the group's members
            // (`can_see`); like a members-only one, it is read once enrolled.
            Audience::Members | Audience::Group => viewer.is_some() && enrolled,
        }
}

/// Attach a library resource to a lesson: only a published one, and a
/// members-only resource never to an open course (its visitors could not
/// open it; the author is told so rather than the link quietly failing).
pub fn can_attach_resource(published: bool, members_only: bool, audience: Audience) -> bool {
    published && (!members_only || audience == Audience::Members)
}

/// Attach any public event's recording (not only her own events'):
/// site moderators.
pub fn attaches_any_recording(user: &CurrentUser) -> bool {
    curates(Some(user))
}

/// Write a module's quiz (settings, questions, answers): whoever may edit
/// the course.
pub fn can_edit_quiz(user: &CurrentUser, own: bool, status: CourseStatus) -> bool {
    can_edit(user, own, status)
}

/// Take a quiz: enrolled members of a published course (the score is part
/// of their progress, so there is no taking without enrolment).
pub fn can_take_quiz(status: CourseStatus, enrolled: bool, viewer: Option<&CurrentUser>) -> bool {
    viewer.is_some() && enrolled && status == CourseStatus::Published
}

/// Run a course as a cohort (and become its teacher): the course's author
/// or a site moderator, once the course is published.
pub fn can_run_cohort(user: &CurrentUser, own: bool, status: CourseStatus) -> bool {
    user.can_participate() && (own || curates(Some(user))) && status == CourseStatus::Published
}

/// Join a cohort: a member who may take part (she joins its discussion
/// group too), while the course is published and the deadline not passed.
pub fn can_join_cohort(
    user: &CurrentUser,
    status: CourseStatus,
    deadline: NaiveDate,
    today: NaiveDate,
) -> bool {
    user.can_participate() && status == CourseStatus::Published && today <= deadline
}

/// Each member's progress in a cohort is for its teacher alone; everyone
/// else (other members, moderators, the course's author) sees aggregates.
pub fn sees_each_member(teacher: Option<uuid::Uuid>, viewer: Option<&CurrentUser>) -> bool {
    viewer.is_some_and(|v| teacher == Some(v.user_id))
}

/// A course's figures (aggregates, no names): its author and moderators.
pub fn can_see_figures(own: bool, viewer: Option<&CurrentUser>) -> bool {
    own || curates(viewer)
}

/// Whether a member may start another attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NextAttempt {
    Allowed,
    /// Every attempt the author allows is used.
    UsedUp,
    /// The cool-down after the last attempt runs until then.
    CoolingDown(DateTime<Utc>),
}

/// A new attempt is allowed while attempts remain (`limit` None: no limit)
/// and once `cooldown_hours` have passed since the last one was submitted.
pub fn next_attempt(
    used: i64,
    limit: Option<i32>,
    last_submitted: Option<DateTime<Utc>>,
    cooldown_hours: i32,
    now: DateTime<Utc>,
) -> NextAttempt {
    if limit.is_some_and(|limit| used >= i64::from(limit)) {
        return NextAttempt::UsedUp;
    }
    match last_submitted {
        Some(last) if cooldown_hours > 0 => {
            let until = last + Duration::hours(i64::from(cooldown_hours));
            if now < until {
                NextAttempt::CoolingDown(until)
            } else {
                NextAttempt::Allowed
            }
        }
        _ => NextAttempt::Allowed,
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
            for audience in [Audience::Open, Audience::Members] {
                assert_eq!(
                    can_see(status, audience, own, false, viewer),
                    expected,
                    "{status:?} {own}"
                );
            }
        }
        // A group's course: (status, own, in the group, viewer) → may open it.
        for (status, own, in_group, viewer, expected) in [
            (Published, false, false, None, false),
            (Published, false, false, Some(&student), false),
            (Published, false, true, Some(&student), true),
            (Draft, false, true, Some(&student), false),
            (Published, true, false, Some(&teacher), true),
            (InReview, false, false, Some(&moderator), true),
        ] {
            assert_eq!(
                can_see(status, Audience::Group, own, in_group, viewer),
                expected,
                "group course {status:?} {own} {in_group}"
            );
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

    #[test]
    fn which_resources_a_lesson_may_carry() {
        use Audience::{Members, Open};
        // (published, members only, course audience) → may attach
        for (published, members_only, audience, expected) in [
            (true, false, Open, true),
            (true, false, Members, true),
            (true, true, Members, true),
            (true, true, Open, false),
            (false, false, Open, false),
            (false, false, Members, false),
        ] {
            assert_eq!(
                can_attach_resource(published, members_only, audience),
                expected,
                "{published} {members_only} {audience:?}"
            );
        }
    }

    #[test]
    fn who_writes_and_takes_quizzes() {
        let student = CurrentUser::for_tests(Role::Student);
        let teacher = CurrentUser::for_tests(Role::Teacher);
        let moderator = CurrentUser::for_tests(Role::Moderator);
        for (viewer, own, status, expected) in [
            (&teacher, true, Draft, true),
            (&teacher, true, Published, false),
            (&teacher, false, Draft, false),
            (&student, false, Published, false),
            (&moderator, false, Published, true),
        ] {
            assert_eq!(
                can_edit_quiz(viewer, own, status),
                expected,
                "{own} {status:?}"
            );
        }
        for (status, enrolled, viewer, expected) in [
            (Published, true, Some(&student), true),
            (Published, false, Some(&student), false),
            (Published, true, None, false),
            (Draft, true, Some(&student), false),
            (Archived, true, Some(&student), false),
            (Published, false, Some(&moderator), false),
        ] {
            assert_eq!(
                can_take_quiz(status, enrolled, viewer),
                expected,
                "{status:?} {enrolled}"
            );
        }
    }

    #[test]
    fn who_runs_joins_and_follows_cohorts() {
        let student = CurrentUser::for_tests(Role::Student);
        let teacher = CurrentUser::for_tests(Role::Teacher);
        let moderator = CurrentUser::for_tests(Role::Moderator);
        // (viewer, own, status) → may run a cohort
        for (viewer, own, status, expected) in [
            (&teacher, true, Published, true),
            (&teacher, true, Draft, false),
            (&teacher, false, Published, false),
            (&student, false, Published, false),
            (&moderator, false, Published, true),
        ] {
            assert_eq!(
                can_run_cohort(viewer, own, status),
                expected,
                "{own} {status:?}"
            );
        }
        let day = |d: u32| NaiveDate::from_ymd_opt(2026, 12, d).unwrap();
        assert!(can_join_cohort(&student, Published, day(20), day(20)));
        assert!(!can_join_cohort(&student, Published, day(20), day(21)));
        assert!(!can_join_cohort(&student, Archived, day(20), day(1)));
        let unverified = CurrentUser {
            verified: false,
            ..CurrentUser::for_tests(Role::Student)
        };
        assert!(!can_join_cohort(&unverified, Published, day(20), day(1)));
        assert!(sees_each_member(Some(teacher.user_id), Some(&teacher)));
        assert!(!sees_each_member(Some(teacher.user_id), Some(&moderator)));
        assert!(!sees_each_member(Some(teacher.user_id), None));
        assert!(can_see_figures(true, Some(&teacher)));
        assert!(can_see_figures(false, Some(&moderator)));
        assert!(!can_see_figures(false, Some(&student)) && !can_see_figures(false, None));
    }

    #[test]
    fn when_another_attempt_is_allowed() {
        let now = DateTime::parse_from_rfc3339("2026-12-08T12:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let hours_ago = |h: i64| Some(now - Duration::hours(h));
        // (used, limit, last submitted, cool-down hours) → outcome
        for (used, limit, last, cooldown, expected) in [
            (0, Some(2), None, 24, NextAttempt::Allowed),
            (1, Some(2), hours_ago(1), 0, NextAttempt::Allowed),
            (
                1,
                Some(2),
                hours_ago(1),
                24,
                NextAttempt::CoolingDown(now + Duration::hours(23)),
            ),
            (1, Some(2), hours_ago(24), 24, NextAttempt::Allowed),
            (2, Some(2), hours_ago(48), 24, NextAttempt::UsedUp),
            (2, Some(2), hours_ago(1), 24, NextAttempt::UsedUp),
            (50, None, hours_ago(30), 24, NextAttempt::Allowed),
            (
                50,
                None,
                hours_ago(2),
                3,
                NextAttempt::CoolingDown(now + Duration::hours(1)),
            ),
        ] {
            assert_eq!(
                next_attempt(used, limit, last, cooldown, now),
                expected,
                "{used} {limit:?} {cooldown}"
            );
        }
    }
}
