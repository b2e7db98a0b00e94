//! The authorisation walk: every route the app serves × every kind of
//! viewer (visitor, unverified member, member, group moderator, site
//! moderator, admin, blocked member), checked against a table of what each
//! may do.
//!
//! Where the route list comes from. axum's `Router` cannot list its routes,
//! so `tests/it/common/routes.rs` reads them from the source that builds the
//! router: every `.route(` call in every file under `src/` (path literal
//! and the methods of its method router, multi-line chains included); any
//! `.route(` it cannot parse, and any other way of adding routes (`.nest(`,
//! `.route_service(`, …) except the known `/static` mount, fails the test.
//! The parsed table is then proved against the real router:
//! - the number of `.route(` occurrences in `src/` equals the number parsed,
//!   and the table is not suspiciously small;
//! - for every parsed path (parameters filled with a junk value), a request
//!   with a method no route uses answers 405 with an `Allow` header that
//!   lists exactly the parsed methods (+HEAD for GET): 405 proves the path
//!   is routed (the fallback answers 404), `Allow` proves the methods;
//! - a path that surely does not exist answers 404 to the same request (so
//!   the 405 is not the app's answer to everything).
//!
//! What is expected. [`EXPECTATIONS`] gives, per (method, pattern, target),
//! one expectation per viewer; [`default_rule`] covers whole areas
//! (`/admin/…`: admins only; review and moderation queues: site moderators
//! and admins). A parsed route with neither fails the test, so a new route
//! forces someone to decide who may use it. Path parameters are filled with
//! real entities created below (a public and a closed group with threads,
//! posts and a flag, an event, a supervision meeting, a library resource, a
//! service and a suggestion, a support request, a notification, …) so that
//! handlers reach their permission checks instead of 404ing on junk ids.
//!
//! Properties checked for every route × viewer: never a 5xx; the table's
//! expectation; a blocked member's session is worth nothing (every answer
//! equals the visitor's); a refused request never shows the closed group's
//! content. GETs run first for everyone, then the POSTs (with the CSRF token
//! and a minimal well-formed form), least privileged viewers first and
//! session-ending actions last, so that one viewer's actions do not change
//! what the next one is allowed.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Instant;

use crate::common::events::{webinar, with};
use crate::common::routes::{self, ParsedRoute};
use crate::common::test_app::BASE_URL;
use crate::common::{TestApp, TestResponse};
use axum::body::Body;
use axum::http::{Method, StatusCode};
use kolega::groups::vocabulary::Visibility;
use kolega::members::Role;
use kolega::members::store::{Background, NewUser};

/// The viewers, in the order of the expectation strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Who {
    Visitor,
    Unverified,
    Member,
    GroupModerator,
    SiteModerator,
    Admin,
    Blocked,
}

const EVERYONE: [Who; 7] = [
    Who::Visitor,
    Who::Unverified,
    Who::Member,
    Who::GroupModerator,
    Who::SiteModerator,
    Who::Admin,
    Who::Blocked,
];

/// One viewer's expected outcome, written as one letter:
/// - `O` allowed: a GET answers 2xx or a 3xx not to the sign-in page; a
///   POST reaches its action (2xx/3xx, or a form error / conflict 4xx, but
///   not 403 and not the sign-in page);
/// - `S` sign-in required: 303 to `/login?next=…`;
/// - `N` refused: 403, 404 (where the app hides that something exists), or
///   another 4xx, or a redirect to `/login` or `/verify`; never 2xx and
///   never another 3xx;
/// - `A` anything but a 5xx (the outcome depends on the input, e.g. a
///   sign-in form or a token link).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    Allowed,
    SignIn,
    Refused,
    Any,
}

fn parse_expectations(letters: &str) -> [Expect; 7] {
    let parsed: Vec<Expect> = letters
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            'O' => Expect::Allowed,
            'S' => Expect::SignIn,
            'N' => Expect::Refused,
            'A' => Expect::Any,
            other => panic!("unknown expectation letter {other:?} in {letters:?}"),
        })
        .collect();
    parsed
        .try_into()
        .unwrap_or_else(|_| panic!("{letters:?}: one letter per viewer (7)"))
}

// Column order: Visitor, Unverified, Member, GroupModerator, SiteModerator,
// Admin, Blocked.
const PUBLIC: &str = "OOOOOOO";
const MEMBERS: &str = "SOOOOOS";
const PARTICIPANTS: &str = "SNOOOOS";
const SITE_MODERATORS: &str = "SNNNOOS";
const ADMINS: &str = "SNNNNOS";
const NOBODY: &str = "SNNNNNS";
const ANY: &str = "AAAAAAA";

/// Targets: which entity fills a route's parameters. Group routes are
/// walked twice, in the public and in the closed group.
const PUBLIC_GROUP: &str = "public group";
const CLOSED_GROUP: &str = "closed group";
const ONLY: &str = "";

/// (method, pattern, target, expectations): the decisions. The group
/// moderator owns both groups; the member and the blocked member are
/// members of both; the site moderator and the admin are in neither.
const EXPECTATIONS: &[(&str, &str, &str, &str)] = &[
    // The site.
    ("GET", "/", ONLY, PUBLIC),
    ("GET", "/{slug}", ONLY, PUBLIC),
    ("POST", "/language", ONLY, PUBLIC),
    ("GET", "/healthz", ONLY, PUBLIC),
    ("GET", "/readyz", ONLY, PUBLIC),
    // Allowed by client address (`KOLEGA_METRICS_ALLOW`; the test client is
    // on the loopback), not by account.
    ("GET", "/metrics", ONLY, ANY),
    ("GET", "/about/impact", ONLY, PUBLIC),
    ("GET", "/settings/topics", ONLY, MEMBERS),
    ("POST", "/settings/topics", ONLY, MEMBERS),
    ("GET", "/search", ONLY, PUBLIC),
    // Accounts.
    ("GET", "/register", ONLY, PUBLIC),
    ("POST", "/register", ONLY, ANY),
    ("GET", "/verify", ONLY, ANY),
    ("POST", "/verify/resend", ONLY, ANY),
    ("GET", "/verify/{token}", ONLY, ANY),
    ("GET", "/login", ONLY, PUBLIC),
    ("POST", "/login", ONLY, ANY),
    ("POST", "/logout", ONLY, ANY),
    ("GET", "/password/forgot", ONLY, PUBLIC),
    ("POST", "/password/forgot", ONLY, ANY),
    ("GET", "/password/reset/{token}", ONLY, ANY),
    ("POST", "/password/reset/{token}", ONLY, ANY),
    ("GET", "/settings", ONLY, MEMBERS),
    ("POST", "/settings/profile", ONLY, MEMBERS),
    ("POST", "/settings/email", ONLY, MEMBERS),
    ("POST", "/settings/password", ONLY, MEMBERS),
    // "Sign out everywhere" ends this session too: back to /login.
    ("POST", "/settings/sessions", ONLY, "SAAAAAS"),
    ("GET", "/settings/export", ONLY, MEMBERS),
    ("POST", "/settings/delete", ONLY, MEMBERS),
    // Colleagues' names, institutions and towns only for confirmed addresses
    // (an unverified member still sees their own profile).
    ("GET", "/members", ONLY, PARTICIPANTS),
    ("GET", "/online", ONLY, PARTICIPANTS),
    ("GET", "/members/{handle}", ONLY, PARTICIPANTS),
    // Notifications.
    ("GET", "/notifications", ONLY, MEMBERS),
    ("POST", "/notifications/read-all", ONLY, MEMBERS),
    // The member's own notification: nobody else's.
    ("GET", "/notifications/{id}", ONLY, "SNONNNS"),
    ("POST", "/notifications/{id}/read", ONLY, "SNONNNS"),
    ("GET", "/settings/notifications", ONLY, MEMBERS),
    ("POST", "/settings/notifications", ONLY, MEMBERS),
    ("POST", "/settings/notifications/resume", ONLY, MEMBERS),
    ("GET", "/unsubscribe", ONLY, ANY),
    ("POST", "/unsubscribe", ONLY, ANY),
    ("POST", "/hooks/email-bounce", ONLY, ANY),
    // Groups.
    ("GET", "/groups", ONLY, PUBLIC),
    ("GET", "/groups/new", ONLY, PARTICIPANTS),
    ("POST", "/groups/new", ONLY, PARTICIPANTS),
    ("GET", "/groups/join", ONLY, MEMBERS),
    ("POST", "/groups/join", ONLY, MEMBERS),
    ("GET", "/groups/{slug}", PUBLIC_GROUP, PUBLIC),
    ("GET", "/groups/{slug}", CLOSED_GROUP, PUBLIC),
    // Any signed-in member may join a public group or ask to join a closed
    // one, unverified too (posting needs a verified account); members and
    // the owner cannot join again, the owner cannot leave.
    // Joining (and so following, subscribing and leaving) waits until the
    // account may take part: an unverified member is refused.
    ("POST", "/groups/{slug}/join", PUBLIC_GROUP, "SNNNOOS"),
    ("POST", "/groups/{slug}/join", CLOSED_GROUP, NOBODY),
    ("POST", "/groups/{slug}/request", PUBLIC_GROUP, NOBODY),
    ("POST", "/groups/{slug}/request", CLOSED_GROUP, "SNNNOOS"),
    ("POST", "/groups/{slug}/leave", PUBLIC_GROUP, "SNONOOS"),
    ("POST", "/groups/{slug}/leave", CLOSED_GROUP, "SNONNNS"),
    ("POST", "/groups/{slug}/follow", PUBLIC_GROUP, PARTICIPANTS),
    ("POST", "/groups/{slug}/follow", CLOSED_GROUP, "SNOONNS"),
    // The members list is for the group's members; a visitor is sent to
    // sign in (she may be one), other members are refused.
    ("GET", "/groups/{slug}/members", PUBLIC_GROUP, "SNOONNS"),
    ("GET", "/groups/{slug}/members", CLOSED_GROUP, "SNOONNS"),
    (
        "POST",
        "/groups/{slug}/members/invite",
        PUBLIC_GROUP,
        "SNNONNS",
    ),
    (
        "POST",
        "/groups/{slug}/members/invite",
        CLOSED_GROUP,
        "SNNONNS",
    ),
    (
        "POST",
        "/groups/{slug}/members/code",
        PUBLIC_GROUP,
        "SNNONNS",
    ),
    (
        "POST",
        "/groups/{slug}/members/code",
        CLOSED_GROUP,
        "SNNONNS",
    ),
    (
        "POST",
        "/groups/{slug}/members/{handle}/approve",
        PUBLIC_GROUP,
        "SNNONNS",
    ),
    (
        "POST",
        "/groups/{slug}/members/{handle}/approve",
        CLOSED_GROUP,
        "SNNONNS",
    ),
    (
        "POST",
        "/groups/{slug}/members/{handle}/decline",
        PUBLIC_GROUP,
        "SNNONNS",
    ),
    (
        "POST",
        "/groups/{slug}/members/{handle}/decline",
        CLOSED_GROUP,
        "SNNONNS",
    ),
    (
        "POST",
        "/groups/{slug}/members/{handle}/remove",
        PUBLIC_GROUP,
        "SNNONNS",
    ),
    (
        "POST",
        "/groups/{slug}/members/{handle}/remove",
        CLOSED_GROUP,
        "SNNONNS",
    ),
    (
        "POST",
        "/groups/{slug}/members/{handle}/ban",
        PUBLIC_GROUP,
        "SNNONNS",
    ),
    (
        "POST",
        "/groups/{slug}/members/{handle}/ban",
        CLOSED_GROUP,
        "SNNONNS",
    ),
    (
        "POST",
        "/groups/{slug}/members/{handle}/role",
        PUBLIC_GROUP,
        "SNNONNS",
    ),
    (
        "POST",
        "/groups/{slug}/members/{handle}/role",
        CLOSED_GROUP,
        "SNNONNS",
    ),
    ("GET", "/groups/{slug}/new-thread", PUBLIC_GROUP, "SNOONNS"),
    ("GET", "/groups/{slug}/new-thread", CLOSED_GROUP, "SNOONNS"),
    ("POST", "/groups/{slug}/new-thread", PUBLIC_GROUP, "SNOONNS"),
    ("POST", "/groups/{slug}/new-thread", CLOSED_GROUP, "SNOONNS"),
    ("GET", "/groups/{slug}/t/{thread_id}", PUBLIC_GROUP, PUBLIC),
    (
        "GET",
        "/groups/{slug}/t/{thread_id}",
        CLOSED_GROUP,
        "NNOONNN",
    ),
    (
        "POST",
        "/groups/{slug}/t/{thread_id}/reply",
        PUBLIC_GROUP,
        "SNOONNS",
    ),
    (
        "POST",
        "/groups/{slug}/t/{thread_id}/reply",
        CLOSED_GROUP,
        "SNOONNS",
    ),
    (
        "POST",
        "/groups/{slug}/t/{thread_id}/subscription",
        PUBLIC_GROUP,
        PARTICIPANTS,
    ),
    (
        "POST",
        "/groups/{slug}/t/{thread_id}/subscription",
        CLOSED_GROUP,
        "SNOONNS",
    ),
    (
        "POST",
        "/groups/{slug}/t/{thread_id}/moderate",
        PUBLIC_GROUP,
        "SNNOOOS",
    ),
    (
        "POST",
        "/groups/{slug}/t/{thread_id}/moderate",
        CLOSED_GROUP,
        "SNNONNS",
    ),
    (
        "GET",
        "/groups/{slug}/t/{thread_id}/p/{post_id}/edit",
        PUBLIC_GROUP,
        "SNNONNS",
    ),
    (
        "GET",
        "/groups/{slug}/t/{thread_id}/p/{post_id}/edit",
        CLOSED_GROUP,
        "SNNONNS",
    ),
    (
        "POST",
        "/groups/{slug}/t/{thread_id}/p/{post_id}/edit",
        PUBLIC_GROUP,
        "SNNONNS",
    ),
    (
        "POST",
        "/groups/{slug}/t/{thread_id}/p/{post_id}/edit",
        CLOSED_GROUP,
        "SNNONNS",
    ),
    (
        "POST",
        "/groups/{slug}/t/{thread_id}/p/{post_id}/delete",
        PUBLIC_GROUP,
        "SNNONNS",
    ),
    (
        "POST",
        "/groups/{slug}/t/{thread_id}/p/{post_id}/delete",
        CLOSED_GROUP,
        "SNNONNS",
    ),
    (
        "POST",
        "/groups/{slug}/t/{thread_id}/p/{post_id}/approve",
        PUBLIC_GROUP,
        "SNNOAAS",
    ),
    (
        "POST",
        "/groups/{slug}/t/{thread_id}/p/{post_id}/approve",
        CLOSED_GROUP,
        "SNNONNS",
    ),
    (
        "GET",
        "/groups/{slug}/t/{thread_id}/p/{post_id}/flag",
        PUBLIC_GROUP,
        MEMBERS,
    ),
    (
        "GET",
        "/groups/{slug}/t/{thread_id}/p/{post_id}/flag",
        CLOSED_GROUP,
        "SNOONNS",
    ),
    (
        "POST",
        "/groups/{slug}/t/{thread_id}/p/{post_id}/flag",
        PUBLIC_GROUP,
        MEMBERS,
    ),
    (
        "POST",
        "/groups/{slug}/t/{thread_id}/p/{post_id}/flag",
        CLOSED_GROUP,
        "SNOONNS",
    ),
    (
        "GET",
        "/groups/{slug}/t/{thread_id}/p/{post_id}/history",
        PUBLIC_GROUP,
        "SNNOOOS",
    ),
    (
        "GET",
        "/groups/{slug}/t/{thread_id}/p/{post_id}/history",
        CLOSED_GROUP,
        "SNNONNS",
    ),
    ("GET", "/groups/{slug}/settings", PUBLIC_GROUP, "SNNONNS"),
    ("GET", "/groups/{slug}/settings", CLOSED_GROUP, "SNNONNS"),
    ("POST", "/groups/{slug}/settings", PUBLIC_GROUP, "SNNONNS"),
    ("POST", "/groups/{slug}/settings", CLOSED_GROUP, "SNNONNS"),
    // The queue is every member's, with the flags of the groups they
    // moderate (all of them for site moderators): see `queue_shows`.
    ("GET", "/moderation", ONLY, MEMBERS),
    ("POST", "/moderation/{flag_id}", ONLY, "SNNOOOS"),
    // A held post: its group's moderators and site staff decide.
    ("POST", "/moderation/held/{post_id}", ONLY, "SNNOOOS"),
    // Peer support: a request is its two people's alone, administrators
    // included; the queue is the supporters' (none of the viewers).
    ("GET", "/support", ONLY, MEMBERS),
    ("POST", "/support", ONLY, MEMBERS),
    ("GET", "/support/queue", ONLY, NOBODY),
    ("GET", "/support/team", ONLY, SITE_MODERATORS),
    ("POST", "/support/team", ONLY, SITE_MODERATORS),
    ("GET", "/support/{id}", ONLY, "SNONNNS"),
    ("POST", "/support/{id}/take", ONLY, NOBODY),
    ("POST", "/support/{id}/reply", ONLY, "SNONNNS"),
    ("POST", "/support/{id}/close", ONLY, "SNONNNS"),
    // Events: a public webinar by an organiser none of the viewers is.
    ("GET", "/events", ONLY, PUBLIC),
    // Teachers and site moderators organise open events, group moderators
    // their groups' events.
    ("GET", "/events/new", ONLY, "SNNOOOS"),
    ("POST", "/events/new", ONLY, "SNNOOOS"),
    ("POST", "/events/calendar-feed", ONLY, MEMBERS),
    ("GET", "/events/proposals", ONLY, MEMBERS),
    ("GET", "/events/proposals/new", ONLY, PARTICIPANTS),
    ("POST", "/events/proposals/new", ONLY, PARTICIPANTS),
    (
        "POST",
        "/events/proposals/{proposal_id}/vote",
        ONLY,
        PARTICIPANTS,
    ),
    (
        "POST",
        "/events/proposals/{proposal_id}/close",
        ONLY,
        "SNNNOOS",
    ),
    ("GET", "/events/{event_id}", ONLY, PUBLIC),
    ("POST", "/events/{event_id}/register", ONLY, PARTICIPANTS),
    ("POST", "/events/{event_id}/unregister", ONLY, MEMBERS),
    (
        "GET",
        "/events/{event_id}/participants",
        ONLY,
        SITE_MODERATORS,
    ),
    ("GET", "/events/{event_id}/calendar.ics", ONLY, PUBLIC),
    ("GET", "/events/{event_id}/edit", ONLY, SITE_MODERATORS),
    ("POST", "/events/{event_id}/edit", ONLY, SITE_MODERATORS),
    ("POST", "/events/{event_id}/cancel", ONLY, SITE_MODERATORS),
    (
        "GET",
        "/events/{event_id}/attendance",
        ONLY,
        SITE_MODERATORS,
    ),
    (
        "POST",
        "/events/{event_id}/attendance",
        ONLY,
        SITE_MODERATORS,
    ),
    // Check-in takes the code shown at the meeting while it runs; the
    // outcome for a signed-in participant depends on time and code.
    ("POST", "/events/{event_id}/check-in", ONLY, "SNAAAAS"),
    ("GET", "/events/{event_id}/recording", ONLY, SITE_MODERATORS),
    (
        "POST",
        "/events/{event_id}/recording",
        ONLY,
        SITE_MODERATORS,
    ),
    ("GET", "/events/{event_id}/feedback", ONLY, "SNANNNS"),
    ("POST", "/events/{event_id}/feedback", ONLY, "SNANNNS"),
    // Supervision: the supervisor's and the supervisees' alone (none of
    // the viewers), site staff included.
    ("GET", "/events/{event_id}/supervision", ONLY, "SNNNNNS"),
    ("GET", "/events/{event_id}/cases/new", ONLY, "SNNNNNS"),
    ("POST", "/events/{event_id}/cases/new", ONLY, "SNNNNNS"),
    ("GET", "/events/{event_id}/notes", ONLY, "SNNNNNS"),
    ("POST", "/events/{event_id}/notes", ONLY, "SNNNNNS"),
    ("GET", "/groups/{slug}/supervision", ONLY, "SNNNNNS"),
    ("POST", "/groups/{slug}/supervision", ONLY, "SNNNNNS"),
    ("GET", "/me/points", ONLY, MEMBERS),
    ("POST", "/me/points", ONLY, MEMBERS),
    // The member's own certificate page; anyone may verify a code.
    ("GET", "/me/certificates/{code}", ONLY, "SNONNNS"),
    ("GET", "/certificates/{code}", ONLY, PUBLIC),
    // The verification form: a code typed in leads to its page.
    ("GET", "/certificates", ONLY, PUBLIC),
    // The member's calendar feed: the address is the key.
    ("GET", "/calendar/{file}", ONLY, PUBLIC),
    // The library: a published resource by an organiser.
    ("GET", "/library", ONLY, PUBLIC),
    ("GET", "/library/feed.atom", ONLY, PUBLIC),
    ("GET", "/library/new", ONLY, PARTICIPANTS),
    ("POST", "/library/new", ONLY, PARTICIPANTS),
    ("GET", "/library/topics", ONLY, SITE_MODERATORS),
    ("POST", "/library/topics", ONLY, SITE_MODERATORS),
    ("POST", "/library/topics/{slug}", ONLY, SITE_MODERATORS),
    ("GET", "/library/{resource_id}", ONLY, PUBLIC),
    ("GET", "/library/{resource_id}/download", ONLY, PUBLIC),
    ("GET", "/library/{resource_id}/preview", ONLY, PUBLIC),
    ("GET", "/library/{resource_id}/print", ONLY, PUBLIC),
    ("GET", "/library/{resource_id}/edit", ONLY, SITE_MODERATORS),
    ("POST", "/library/{resource_id}/edit", ONLY, SITE_MODERATORS),
    // Submitting for review is the submitter's (the organiser's).
    ("POST", "/library/{resource_id}/submit", ONLY, NOBODY),
    (
        "POST",
        "/library/{resource_id}/decide",
        ONLY,
        SITE_MODERATORS,
    ),
    // Courses: a published open course by the organiser (a teacher), with
    // one module and one lesson.
    ("GET", "/courses", ONLY, PUBLIC),
    ("GET", "/courses/new", ONLY, SITE_MODERATORS),
    ("POST", "/courses/new", ONLY, SITE_MODERATORS),
    ("GET", "/courses/{slug}", ONLY, PUBLIC),
    ("GET", "/courses/{slug}/edit", ONLY, SITE_MODERATORS),
    ("POST", "/courses/{slug}/edit", ONLY, SITE_MODERATORS),
    // Sending for review is the author's, and only of a draft.
    ("POST", "/courses/{slug}/submit", ONLY, NOBODY),
    ("POST", "/courses/{slug}/decide", ONLY, SITE_MODERATORS),
    ("POST", "/courses/{slug}/enrol", ONLY, MEMBERS),
    // Her certificate of a course she completed: nobody here has completed
    // the world's course (tests/it/courses/completion.rs has the owner's).
    ("GET", "/courses/{slug}/certificate", ONLY, NOBODY),
    // Figures and cohorts: the organiser's course has one cohort (deadline
    // far ahead). Its author and moderators see the figures and run
    // cohorts; everyone who sees the course sees a cohort's page (totals
    // only); members who may take part join it (and its group).
    ("GET", "/courses/{slug}/figures", ONLY, SITE_MODERATORS),
    ("GET", "/courses/{slug}/cohorts/new", ONLY, SITE_MODERATORS),
    ("POST", "/courses/{slug}/cohorts/new", ONLY, SITE_MODERATORS),
    ("GET", "/courses/{slug}/cohorts/{cohort_id}", ONLY, PUBLIC),
    (
        "POST",
        "/courses/{slug}/cohorts/{cohort_id}/join",
        ONLY,
        PARTICIPANTS,
    ),
    ("POST", "/courses/{slug}/modules", ONLY, SITE_MODERATORS),
    (
        "GET",
        "/courses/{slug}/modules/{module_id}/edit",
        ONLY,
        SITE_MODERATORS,
    ),
    (
        "POST",
        "/courses/{slug}/modules/{module_id}/edit",
        ONLY,
        SITE_MODERATORS,
    ),
    (
        "POST",
        "/courses/{slug}/modules/{module_id}/move",
        ONLY,
        SITE_MODERATORS,
    ),
    (
        "GET",
        "/courses/{slug}/modules/{module_id}/lessons/new",
        ONLY,
        SITE_MODERATORS,
    ),
    (
        "POST",
        "/courses/{slug}/modules/{module_id}/lessons/new",
        ONLY,
        SITE_MODERATORS,
    ),
    ("GET", "/courses/{slug}/lessons/{lesson_id}", ONLY, PUBLIC),
    (
        "GET",
        "/courses/{slug}/lessons/{lesson_id}/edit",
        ONLY,
        SITE_MODERATORS,
    ),
    (
        "POST",
        "/courses/{slug}/lessons/{lesson_id}/edit",
        ONLY,
        SITE_MODERATORS,
    ),
    (
        "POST",
        "/courses/{slug}/lessons/{lesson_id}/move",
        ONLY,
        SITE_MODERATORS,
    ),
    (
        "POST",
        "/courses/{slug}/lessons/{lesson_id}/done",
        ONLY,
        MEMBERS,
    ),
    // Attachments: the lesson carries an uploaded recording (played by
    // everyone: the course is open) and an event's recording (moved and
    // removed by whoever may edit the published course: moderators).
    (
        "POST",
        "/courses/{slug}/lessons/{lesson_id}/attachments/resource",
        ONLY,
        SITE_MODERATORS,
    ),
    (
        "POST",
        "/courses/{slug}/lessons/{lesson_id}/attachments/recording",
        ONLY,
        SITE_MODERATORS,
    ),
    (
        "POST",
        "/courses/{slug}/lessons/{lesson_id}/attachments/media",
        ONLY,
        SITE_MODERATORS,
    ),
    (
        "POST",
        "/courses/{slug}/lessons/{lesson_id}/attachments/{attachment_id}/move",
        ONLY,
        SITE_MODERATORS,
    ),
    (
        "POST",
        "/courses/{slug}/lessons/{lesson_id}/attachments/{attachment_id}/delete",
        ONLY,
        SITE_MODERATORS,
    ),
    (
        "GET",
        "/courses/{slug}/lessons/{lesson_id}/media/{attachment_id}",
        ONLY,
        PUBLIC,
    ),
    // Quizzes: the course's module has a quiz with one question, and the
    // organiser (not a viewer) has an open attempt. Nobody is enrolled when
    // the GETs run; the walk's own "enrol" may have enrolled a viewer by the
    // time "start" runs, so that answer depends on the order.
    (
        "GET",
        "/courses/{slug}/modules/{module_id}/quiz",
        ONLY,
        NOBODY,
    ),
    (
        "POST",
        "/courses/{slug}/modules/{module_id}/quiz/start",
        ONLY,
        "SAAAAAS",
    ),
    // Someone else's attempt: refused (404) even to the enrolled.
    (
        "POST",
        "/courses/{slug}/modules/{module_id}/quiz/attempts/{attempt_id}",
        ONLY,
        NOBODY,
    ),
    (
        "GET",
        "/courses/{slug}/modules/{module_id}/quiz/edit",
        ONLY,
        SITE_MODERATORS,
    ),
    (
        "POST",
        "/courses/{slug}/modules/{module_id}/quiz/edit",
        ONLY,
        SITE_MODERATORS,
    ),
    (
        "GET",
        "/courses/{slug}/modules/{module_id}/quiz/questions/new",
        ONLY,
        SITE_MODERATORS,
    ),
    (
        "POST",
        "/courses/{slug}/modules/{module_id}/quiz/questions/new",
        ONLY,
        SITE_MODERATORS,
    ),
    (
        "GET",
        "/courses/{slug}/modules/{module_id}/quiz/questions/{question_id}/edit",
        ONLY,
        SITE_MODERATORS,
    ),
    (
        "POST",
        "/courses/{slug}/modules/{module_id}/quiz/questions/{question_id}/edit",
        ONLY,
        SITE_MODERATORS,
    ),
    (
        "POST",
        "/courses/{slug}/modules/{module_id}/quiz/questions/{question_id}/delete",
        ONLY,
        SITE_MODERATORS,
    ),
    ("GET", "/me/learning", ONLY, MEMBERS),
    // The service map.
    ("GET", "/services", ONLY, PUBLIC),
    ("GET", "/services/new", ONLY, PARTICIPANTS),
    ("POST", "/services/new", ONLY, PARTICIPANTS),
    ("GET", "/services/coverage", ONLY, PUBLIC),
    ("GET", "/services/export.csv", ONLY, PUBLIC),
    ("GET", "/services/export.json", ONLY, PUBLIC),
    ("GET", "/services/import", ONLY, SITE_MODERATORS),
    ("POST", "/services/import", ONLY, SITE_MODERATORS),
    // Curators reach the lookup of their own upload (404 for this one).
    ("POST", "/services/import/{import_id}", ONLY, "SNNNAAS"),
    ("GET", "/admin/emergency-numbers", ONLY, ADMINS),
    ("POST", "/admin/emergency-numbers", ONLY, ADMINS),
    ("POST", "/admin/emergency-numbers/{number_id}", ONLY, ADMINS),
    // The admin removes the first seeded number: allowed (then gone).
    (
        "POST",
        "/admin/emergency-numbers/{number_id}/delete",
        ONLY,
        "SNNNNAS",
    ),
    ("GET", "/services/{service_id}", ONLY, PUBLIC),
    ("GET", "/services/{service_id}/suggest", ONLY, PARTICIPANTS),
    ("POST", "/services/{service_id}/suggest", ONLY, PARTICIPANTS),
    ("GET", "/services/{service_id}/edit", ONLY, SITE_MODERATORS),
    ("POST", "/services/{service_id}/edit", ONLY, SITE_MODERATORS),
    (
        "POST",
        "/services/{service_id}/verify",
        ONLY,
        SITE_MODERATORS,
    ),
];

/// Whole areas decided at once; an entry in [`EXPECTATIONS`] wins.
fn default_rule(_method: &str, pattern: &str) -> Option<&'static str> {
    // Site moderators review applications; the rest is the admins'.
    let applications = [
        "/admin/members",
        "/admin/members/{handle}/approve",
        "/admin/members/{handle}/decline",
    ];
    if applications.contains(&pattern) {
        return Some(SITE_MODERATORS);
    }
    if pattern.starts_with("/admin/") {
        return Some(ADMINS);
    }
    let queues = [
        "/library/review",
        "/services/review",
        "/services/review/{suggestion_id}",
    ];
    if queues.contains(&pattern) {
        return Some(SITE_MODERATORS);
    }
    None
}

/// The form a POST carries besides the CSRF token: the fields its handler
/// needs to get past form parsing to its permission check.
fn form_for(pattern: &str) -> Vec<(&'static str, &'static str)> {
    let fields: &[(&str, &str)] = match pattern {
        "/language" => &[("lang", "en"), ("next", "/")],
        "/admin/members/{handle}/role" => &[("role", "practitioner")],
        "/groups/{slug}/members/{handle}/role" => &[("role", "member")],
        "/groups/{slug}/members/invite" => &[("who", "@nepostojeci-clan")],
        "/groups/{slug}/members/code" => &[("action", "regenerate")],
        "/groups/{slug}/follow" => &[("follow", "yes")],
        "/groups/{slug}/t/{thread_id}/subscription" => &[("mode", "subscribed")],
        "/groups/{slug}/t/{thread_id}/moderate" => &[("action", "pin")],
        "/groups/{slug}/t/{thread_id}/p/{post_id}/flag" => &[("reason", "spam")],
        "/moderation/{flag_id}" => &[("decision", "keep"), ("action", "keep")],
        "/moderation/held/{post_id}" => &[("action", "approve")],
        "/support/team" => &[("handle", "nepostojeci-clan"), ("on", "no")],
        "/events/proposals/{proposal_id}/vote" => &[("support", "yes")],
        "/courses/{slug}/modules/{module_id}/move" => &[("direction", "down")],
        "/courses/{slug}/lessons/{lesson_id}/move" => &[("direction", "down")],
        "/courses/{slug}/lessons/{lesson_id}/attachments/{attachment_id}/move" => {
            &[("direction", "up")]
        }
        // Publishing a published course: the decision is reached and refused (409).
        "/courses/{slug}/decide" => &[("action", "publish")],
        _ => &[],
    };
    fields.to_vec()
}

/// Uploads: multipart forms, the CSRF token in the query string.
const MULTIPART: &[&str] = &[
    "/library/new",
    "/services/import",
    "/courses/{slug}/lessons/{lesson_id}/attachments/media",
];

/// Posts a multipart form with one empty text field, as a browser sends
/// an upload form with nothing chosen.
async fn post_multipart(app: &TestApp, path: &str) -> TestResponse {
    let token = app.csrf_token().expect("a CSRF token");
    let boundary = "----kolega-authorisation-walk";
    let body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n\r\n--{boundary}--\r\n"
    );
    let content_type = format!("multipart/form-data; boundary={boundary}");
    app.request(
        Method::POST,
        &format!("{path}?csrf_token={token}"),
        &[
            ("content-type", &content_type),
            ("sec-fetch-site", "same-origin"),
            ("origin", BASE_URL),
        ],
        Body::from(body),
    )
    .await
}

/// Actions that end the viewer's membership or session: walked last, in
/// this order (0: any time).
fn runs_last(pattern: &str) -> u8 {
    match pattern {
        "/groups/{slug}/leave" => 1,
        "/settings/delete" => 2,
        "/settings/sessions" => 3,
        "/logout" => 4,
        _ => 0,
    }
}

/// Undoes what one viewer's allowed POSTs did to the shared entities, so
/// the next viewer meets the same world (a cancelled event, a resolved flag
/// or a deleted post would otherwise refuse them for the wrong reason).
const RESET_BETWEEN_VIEWERS: &[&str] = &[
    "UPDATE events SET cancelled_at = NULL, cancel_reason = ''",
    "UPDATE flags SET resolved_at = NULL, resolved_by = NULL, outcome = NULL, moderator_note = ''",
    "UPDATE posts SET deleted_at = NULL",
    "UPDATE resources SET status = 'published'",
    "UPDATE courses SET status = 'published'",
    // A moderator's "remove the attachment" is undone for the next viewer.
    "INSERT INTO lesson_attachments (attachment_id, lesson_id, position, kind, event_id, created_at)
     SELECT 'a0000000-0000-4000-8000-000000000003', l.lesson_id,
            (SELECT COALESCE(MAX(position), 0) + 1 FROM lesson_attachments), 'recording',
            (SELECT event_id FROM events ORDER BY created_at LIMIT 1), now()
     FROM lessons l ON CONFLICT (attachment_id) DO NOTHING",
    // A moderator's "delete the question" is undone for the next viewer.
    "INSERT INTO quiz_questions (question_id, module_id, position, kind, prompt)
     SELECT 'a0000000-0000-4000-8000-000000000001', module_id, 1, 'single', 'Prvo pitanje'
     FROM quizzes ON CONFLICT (question_id) DO NOTHING",
    "UPDATE service_suggestions SET status = 'pending', decided_by = NULL, decided_at = NULL",
    "UPDATE event_proposals SET status = 'open', close_reason = ''",
];

/// SQL run before one request, for actions on the target member of the
/// groups: they are asked for, or members, as the action needs.
fn prepare(pattern: &str) -> Option<String> {
    let status = match pattern.rsplit('/').next()? {
        "approve" | "decline" if pattern.starts_with("/groups/") => "requested",
        "remove" | "ban" | "role" if pattern.starts_with("/groups/") => "active",
        _ => return None,
    };
    Some(format!(
        "INSERT INTO group_members (group_id, user_id, role, status, created_at)
         SELECT g.group_id, u.user_id, 'member', '{status}', now()
         FROM groups g, users u
         WHERE g.name IN ('Javna grupa', 'Zatvorena grupa') AND u.email = 'meta@csr.rs'
         ON CONFLICT (group_id, user_id) DO UPDATE SET status = EXCLUDED.status, role = 'member'"
    ))
}

/// What a page shows must follow who may act on it: the moderation queue
/// lists the flag to its group's moderators and to site staff only.
fn shows_what_it_should(world: &World, who: Who, pattern: &str, body: &str) -> Option<String> {
    if pattern != "/moderation" {
        return None;
    }
    let decide = format!("/moderation/{}", world.flag_id);
    let should = matches!(who, Who::GroupModerator | Who::SiteModerator | Who::Admin);
    (body.contains(&decide) != should)
        .then(|| format!("the moderation queue shows the flag: {}", !should))
}

/// The entities that fill path parameters.
struct World {
    member_handle: String,
    target_handle: String,
    public_group: Group,
    closed_group: Group,
    supervision_slug: String,
    event_id: String,
    supervision_event_id: String,
    proposal_id: String,
    certificate_code: String,
    calendar_file: String,
    resource_id: String,
    topic_slug: String,
    course_slug: String,
    module_id: String,
    lesson_id: String,
    /// The lesson's uploaded media (played, never removed by the walk).
    media_id: String,
    question_id: String,
    attempt_id: String,
    cohort_id: String,
    service_id: String,
    suggestion_id: String,
    support_id: String,
    notification_id: String,
    flag_id: String,
}

struct Group {
    slug: String,
    thread_id: String,
    post_id: String,
}

impl World {
    fn value(&self, pattern: &str, target: &str, name: &str) -> String {
        let group = if target == CLOSED_GROUP {
            &self.closed_group
        } else {
            &self.public_group
        };
        match name {
            "slug" if pattern == "/{slug}" => "about".into(),
            "slug" if pattern.starts_with("/library/topics/") => self.topic_slug.clone(),
            "slug" if pattern.starts_with("/courses/") => self.course_slug.clone(),
            "module_id" => self.module_id.clone(),
            "lesson_id" => self.lesson_id.clone(),
            "attachment_id" if pattern.contains("/media/") => self.media_id.clone(),
            "attachment_id" => "a0000000-0000-4000-8000-000000000003".into(),
            "question_id" => self.question_id.clone(),
            "attempt_id" => self.attempt_id.clone(),
            "cohort_id" => self.cohort_id.clone(),
            "slug" if pattern == "/groups/{slug}/supervision" => self.supervision_slug.clone(),
            "slug" => group.slug.clone(),
            "thread_id" => group.thread_id.clone(),
            "post_id" => group.post_id.clone(),
            "handle" if pattern.starts_with("/members/") => self.member_handle.clone(),
            "handle" => self.target_handle.clone(),
            "event_id" if is_supervision(pattern) => self.supervision_event_id.clone(),
            "event_id" => self.event_id.clone(),
            "proposal_id" => self.proposal_id.clone(),
            "code" => self.certificate_code.clone(),
            "file" => self.calendar_file.clone(),
            "resource_id" => self.resource_id.clone(),
            "service_id" => self.service_id.clone(),
            "suggestion_id" => self.suggestion_id.clone(),
            "import_id" => "7d0c5a8e-1b7e-4f3a-9a57-000000000000".into(),
            "id" if pattern.starts_with("/support/") => self.support_id.clone(),
            "id" if pattern.starts_with("/notifications/") => self.notification_id.clone(),
            "flag_id" => self.flag_id.clone(),
            // Seeded by the migration.
            "number_id" => "1".into(),
            "token" => "nepostojeci-token-0123456789".into(),
            other => panic!("{pattern}: no entity for the parameter {{{other}}}"),
        }
    }
}

fn is_supervision(pattern: &str) -> bool {
    ["/supervision", "/cases/new", "/notes"]
        .iter()
        .any(|end| pattern.ends_with(end))
}

async fn scalar(app: &TestApp, sql: &str) -> String {
    sqlx::query_scalar::<_, String>(sql)
        .fetch_one(&app.pool)
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

async fn execute(app: &TestApp, sql: &str) {
    sqlx::query(sql)
        .execute(&app.pool)
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"));
}

const SECRET: &str = "Tajni sadrzaj zatvorene grupe";

fn accounts() -> [(Who, &'static str, &'static str, Role); 6] {
    [
        (
            Who::Unverified,
            "neprovereni@csr.rs",
            "Neprovereni Clan",
            Role::Practitioner,
        ),
        (
            Who::Member,
            "clan@csr.rs",
            "Obicni Clan",
            Role::Practitioner,
        ),
        (
            Who::GroupModerator,
            "moderator@csr.rs",
            "Moderator Grupe",
            Role::Practitioner,
        ),
        (
            Who::SiteModerator,
            "sajt@kolega.rs",
            "Moderator Sajta",
            Role::Moderator,
        ),
        (Who::Admin, "admin@kolega.rs", "Admin Kolege", Role::Admin),
        (
            Who::Blocked,
            "blokiran@csr.rs",
            "Blokirani Clan",
            Role::Practitioner,
        ),
    ]
}

async fn build_world(app: &TestApp) -> World {
    for (who, email, name, role) in accounts() {
        if who == Who::Unverified {
            let hash = kolega::members::password::hash(crate::common::members::PASSWORD.to_owned())
                .await
                .unwrap();
            let mut conn = app.pool.acquire().await.unwrap();
            kolega::members::store::create_member(
                &mut conn,
                &NewUser {
                    email,
                    name,
                    role,
                    password_hash: &hash,
                    locale: "sr-Latn",
                    verified: false,
                },
                &Background {
                    profession: "practitioner".into(),
                    country: "RS".into(),
                    ..Background::default()
                },
            )
            .await
            .unwrap();
        } else {
            app.create_member(name, email, role).await;
        }
    }
    let target = app
        .create_member("Meta Clan", "meta@csr.rs", Role::Practitioner)
        .await;
    app.create_member(
        "Nastavnica Organizatorka",
        "nastavnica@fpn.rs",
        Role::Teacher,
    )
    .await;

    // The group moderator opens a public and a closed group, a thread in each.
    app.switch_to("moderator@csr.rs").await;
    let mut groups = Vec::new();
    for (name, visibility, body) in [
        ("Javna grupa", Visibility::Public, "Javni sadrzaj teme."),
        ("Zatvorena grupa", Visibility::Closed, SECRET),
    ] {
        let path = app.open_group(name, visibility, &[]).await;
        let thread = app.start_thread(&path, "Tema za proveru", body).await;
        let slug = path.trim_start_matches("/groups/").to_owned();
        let thread_id = thread.rsplit('/').next().unwrap().to_owned();
        let post_id = scalar(
            app,
            &format!("SELECT post_id::text FROM posts WHERE thread_id::text = '{thread_id}'"),
        )
        .await;
        groups.push(Group {
            slug,
            thread_id,
            post_id,
        });
        execute(
            app,
            &format!(
                "INSERT INTO group_members (group_id, user_id, role, status, created_at)
                 SELECT g.group_id, u.user_id, 'member', 'active', now()
                 FROM groups g, users u WHERE g.name = '{name}'
                   AND u.email IN ('clan@csr.rs', 'blokiran@csr.rs', 'meta@csr.rs')"
            ),
        )
        .await;
    }
    let closed_group = groups.pop().unwrap();
    let public_group = groups.pop().unwrap();

    // The organiser: a public webinar, a supervision group and meeting, a
    // library resource.
    app.switch_to("nastavnica@fpn.rs").await;
    let event = app.create_event(&webinar()).await;
    let supervision = app.open_group("Supervizija", Visibility::Secret, &[]).await;
    let settings = format!("{supervision}/supervision");
    app.submit_form(
        &settings,
        &settings,
        &[
            ("supervision", "yes"),
            ("member_limit", "5"),
            ("retention_months", "12"),
        ],
    )
    .await
    .assert_status(StatusCode::SEE_OTHER);
    let supervision_slug = supervision.trim_start_matches("/groups/").to_owned();
    let meeting = app
        .create_event(&with(
            with(webinar(), "kind", "supervision"),
            "audience",
            &supervision_slug,
        ))
        .await;
    let uploaded = app
        .upload_resource(
            &[
                ("title", "Protokol o postupanju"),
                ("summary", "Koraci centra za socijalni rad."),
                ("kind", "protocol"),
                ("topics", "child-protection"),
                ("language", "sr"),
                ("script", "latin"),
                ("audiences", "professionals"),
                ("source_org", "Ministarstvo za rad"),
                ("authors", "Petrovic, A."),
                ("year", "2024"),
                ("licence", "CC BY 4.0"),
            ],
            Some(("protokol.pdf", crate::common::library::PDF)),
        )
        .await;
    assert!(uploaded.status.is_redirection(), "{}", uploaded.body);
    let resource_id = uploaded
        .header("location")
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .to_owned();
    execute(
        app,
        &format!(
            "UPDATE resources SET status = 'published', published_at = now()
             WHERE resource_id::text = '{resource_id}'"
        ),
    )
    .await;

    // The member: a proposal, a support request, a registration, a flag, a
    // suggestion; a notification, a calendar feed and a certificate.
    app.switch_to("clan@csr.rs").await;
    let new = "/events/proposals/new";
    app.submit_form(new, new, &[("kind", "topic"), ("title", "Procena rizika")])
        .await
        .assert_status(StatusCode::SEE_OTHER);
    let support = app
        .submit_form(
            "/support",
            "/support",
            &[("topic", "stress"), ("body", "Treba mi razgovor.")],
        )
        .await;
    assert!(support.status.is_redirection(), "{}", support.body);
    let support_id = support
        .header("location")
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .to_owned();
    app.register_for(&event).await;
    let municipality = app.municipality("RS", "Niš").await;
    let input = crate::common::services::service(
        "Savetovaliste",
        "counselling",
        &["children"],
        municipality,
    );
    let service_id = app.add_service(&input, None).await.to_string();
    let suggested = app
        .post_fields(
            "/services/new",
            &crate::common::services::form_fields(&crate::common::services::service(
                "Novo savetovaliste",
                "counselling",
                &["children"],
                municipality,
            )),
        )
        .await;
    assert!(suggested.status.is_redirection(), "{}", suggested.body);
    let suggestion_id = scalar(app, "SELECT suggestion_id::text FROM service_suggestions").await;
    let proposal_id = scalar(app, "SELECT proposal_id::text FROM event_proposals").await;
    let event_id = event.rsplit('/').next().unwrap().to_owned();
    let supervision_event_id = meeting.rsplit('/').next().unwrap().to_owned();
    let flag_id = scalar(
        app,
        &format!(
            "INSERT INTO flags (post_id, reporter_id, reason, created_at)
             SELECT '{}'::uuid, user_id, 'spam', now() FROM users WHERE email = 'clan@csr.rs'
             RETURNING flag_id::text",
            public_group.post_id
        ),
    )
    .await;
    let notification_id = scalar(
        app,
        "INSERT INTO notifications (user_id, kind, title, link, created_at)
         SELECT user_id, 'test', 'Proba', '/groups', now() FROM users WHERE email = 'clan@csr.rs'
         RETURNING notification_id::text",
    )
    .await;
    execute(
        app,
        "INSERT INTO calendar_feeds (user_id, token, created_at)
         SELECT user_id, 'feed-token-of-the-member', now() FROM users WHERE email = 'clan@csr.rs'",
    )
    .await;
    let certificate_code = scalar(
        app,
        &format!(
            "INSERT INTO points_entries (user_id, event_id, points, certificate_code, created_at)
             SELECT user_id, '{event_id}'::uuid, 4, 'POTVRDA1234', now()
             FROM users WHERE email = 'clan@csr.rs' RETURNING certificate_code"
        ),
    )
    .await;
    let member_handle = scalar(app, "SELECT handle FROM users WHERE email = 'clan@csr.rs'").await;
    let topic_slug = scalar(app, "SELECT slug FROM library_topics ORDER BY slug LIMIT 1").await;
    // The organiser's published open course, one module, one lesson.
    let module_id = scalar(
        app,
        "WITH c AS (
            INSERT INTO courses (slug, title, language, level, estimated_hours, status, author_id,
                                 created_at, updated_at, published_at)
            SELECT 'uvod-u-hraniteljstvo', 'Uvod u hraniteljstvo', 'sr', 'introductory', 2,
                   'published', user_id, now(), now(), now()
            FROM users WHERE email = 'nastavnica@fpn.rs' RETURNING course_id)
         INSERT INTO course_modules (course_id, position, title)
         SELECT course_id, 1, 'Prvi modul' FROM c RETURNING module_id::text",
    )
    .await;
    let lesson_id = scalar(
        app,
        &format!(
            "INSERT INTO lessons (module_id, course_id, position, title, body, body_html, created_at, updated_at)
             SELECT module_id, course_id, 1, 'Prva lekcija', 'Tekst.', '<p>Tekst.</p>', now(), now()
             FROM course_modules WHERE module_id::text = '{module_id}' RETURNING lesson_id::text"
        ),
    )
    .await;
    // The module's quiz, one question, and the organiser's open attempt.
    execute(
        app,
        &format!(
            "WITH q AS (INSERT INTO quizzes (module_id, course_id, pass_mark)
                        SELECT module_id, course_id, 60 FROM course_modules
                        WHERE module_id::text = '{module_id}' RETURNING module_id)
             INSERT INTO quiz_questions (question_id, module_id, position, kind, prompt)
             SELECT 'a0000000-0000-4000-8000-000000000001', module_id, 1, 'single', 'Prvo pitanje' FROM q"
        ),
    )
    .await;
    let question_id = "a0000000-0000-4000-8000-000000000001".to_owned();
    // The lesson's uploaded recording, in the file store, and an event's
    // recording (re-made between viewers, see RESET_BETWEEN_VIEWERS).
    let key = "a1/a1000000-0000-4000-8000-000000000002";
    let file = app.data_dir.join("files").join(key);
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    std::fs::write(&file, b"ID3\x04\x00\x00\x00\x00\x00\x00 a tiny recording").unwrap();
    let media_id = scalar(
        app,
        &format!(
            "WITH f AS (INSERT INTO stored_files (storage_key, file_name, content_type, size_bytes, sha256, created_at)
                        VALUES ('{key}', 'uvod.mp3', 'audio/mpeg', 27, '', now()) RETURNING file_id)
             INSERT INTO lesson_attachments (lesson_id, position, kind, file_id, created_at)
             SELECT '{lesson_id}'::uuid, 1, 'media', file_id, now() FROM f RETURNING attachment_id::text"
        ),
    )
    .await;
    let attempt_id = scalar(
        app,
        &format!(
            "INSERT INTO quiz_attempts (attempt_id, module_id, user_id, started_at, question_order, answer_order)
             SELECT gen_random_uuid(), '{module_id}'::uuid, user_id, now(), '{{}}', '{{}}'
             FROM users WHERE email = 'nastavnica@fpn.rs' RETURNING attempt_id::text"
        ),
    )
    .await;
    // A cohort of the course with its discussion group, led by the organiser.
    let cohort_id = scalar(
        app,
        "WITH g AS (
            INSERT INTO groups (slug, name, visibility, created_at, last_activity_at)
            VALUES ('kohorta-uvod', 'Kohorta: Uvod u hraniteljstvo', 'closed', now(), now())
            RETURNING group_id)
         INSERT INTO course_cohorts (cohort_id, course_id, title, starts_on, ends_on, deadline,
                                     group_id, teacher_id, created_at)
         SELECT gen_random_uuid(), c.course_id, 'Jesen', '2026-11-01', '2027-11-01', '2027-12-01',
                g.group_id, c.author_id, now()
         FROM courses c, g WHERE c.slug = 'uvod-u-hraniteljstvo' RETURNING cohort_id::text",
    )
    .await;
    World {
        question_id,
        attempt_id,
        cohort_id,
        member_handle,
        target_handle: target.handle,
        public_group,
        closed_group,
        supervision_slug,
        event_id,
        supervision_event_id,
        proposal_id,
        certificate_code,
        calendar_file: "feed-token-of-the-member.ics".into(),
        resource_id,
        topic_slug,
        course_slug: "uvod-u-hraniteljstvo".into(),
        module_id,
        lesson_id,
        media_id,
        service_id,
        suggestion_id,
        support_id,
        notification_id,
        flag_id,
    }
}

/// Sends `method` to `path` with the CSRF token in a header and the
/// browser's same-origin signals, so the page shell lets it through to the
/// router.
async fn probe(app: &TestApp, method: Method, path: &str) -> TestResponse {
    let token = app.csrf_token().expect("a CSRF token");
    app.request(
        method,
        path,
        &[
            ("sec-fetch-site", "same-origin"),
            ("origin", BASE_URL),
            ("x-csrf-token", &token),
        ],
        Body::empty(),
    )
    .await
}

/// The parsed table, proved against the router (see the top of the file).
async fn proved_route_table(app: &TestApp) -> Vec<ParsedRoute> {
    let (parsed, occurrences) = routes::parse_source_routes();
    assert_eq!(
        parsed.len(),
        occurrences,
        "every `.route(` in src/ must be parsed"
    );
    assert!(
        parsed.len() > 80,
        "only {} routes parsed: the parser is missing some",
        parsed.len()
    );
    let mut seen = BTreeSet::new();
    for route in &parsed {
        assert!(
            seen.insert(route.path.clone()),
            "{} is routed twice ({}:{})",
            route.path,
            route.file,
            route.line
        );
    }
    app.get("/").await;
    let used: BTreeSet<&str> = parsed
        .iter()
        .flat_map(|r| r.methods.iter().map(String::as_str))
        .collect();
    let unused = [Method::DELETE, Method::PATCH, Method::PUT]
        .into_iter()
        .find(|m| !used.contains(m.as_str()))
        .expect("a method no route uses");
    let nowhere = probe(app, unused.clone(), "/zz-no-such/route/at-all").await;
    assert_eq!(
        nowhere.status,
        StatusCode::NOT_FOUND,
        "the fallback answers 404"
    );
    let mut problems = Vec::new();
    for route in &parsed {
        let path = routes::fill(&route.path, |_| "zz9".to_owned());
        let response = probe(app, unused.clone(), &path).await;
        let mut expected: BTreeSet<String> = route.methods.iter().cloned().collect();
        if expected.contains("GET") {
            expected.insert("HEAD".into());
        }
        let allow: BTreeSet<String> = response
            .header("allow")
            .unwrap_or_default()
            .split(',')
            .map(|m| m.trim().to_owned())
            .filter(|m| !m.is_empty())
            .collect();
        if response.status != StatusCode::METHOD_NOT_ALLOWED || allow != expected {
            problems.push(format!(
                "{} {path} ({}:{}): {} with Allow {allow:?}, parsed {expected:?}",
                unused, route.file, route.line, response.status
            ));
        }
    }
    // The one mount that is not a `.route(`: static files.
    for (_, _, prefix) in routes::KNOWN_MOUNTS {
        let response = app.get(&format!("{prefix}/zz-no-such-file.css")).await;
        assert_eq!(
            response.status,
            StatusCode::NOT_FOUND,
            "{prefix} is mounted"
        );
    }
    assert!(
        problems.is_empty(),
        "the parsed route table does not match the router:\n{}",
        problems.join("\n")
    );
    parsed
}

/// One request of the walk.
struct Case {
    method: &'static str,
    pattern: String,
    target: &'static str,
    expectations: [Expect; 7],
}

fn cases(parsed: &[ParsedRoute]) -> Vec<Case> {
    let mut table: BTreeMap<(&str, &str, &str), &str> = BTreeMap::new();
    for (method, pattern, target, letters) in EXPECTATIONS {
        assert!(
            table.insert((method, pattern, target), letters).is_none(),
            "{method} {pattern} ({target}) is in the table twice"
        );
    }
    let mut cases = Vec::new();
    let mut undecided = Vec::new();
    let mut used = BTreeSet::new();
    for route in parsed {
        for method in &route.methods {
            let method: &'static str = match method.as_str() {
                "GET" => "GET",
                "POST" => "POST",
                other => panic!("{other} {}: the walk only knows GET and POST", route.path),
            };
            let in_group =
                route.path.starts_with("/groups/{slug}/") || route.path == "/groups/{slug}";
            let targets: &[&'static str] = if in_group && route.path != "/groups/{slug}/supervision"
            {
                &[PUBLIC_GROUP, CLOSED_GROUP]
            } else {
                &[ONLY]
            };
            for &target in targets {
                let key = (method, route.path.as_str(), target);
                let letters = match table.get(&key) {
                    Some(letters) => {
                        used.insert((method, route.path.clone(), target));
                        Some(*letters)
                    }
                    None => default_rule(method, &route.path),
                };
                match letters {
                    Some(letters) => cases.push(Case {
                        method,
                        pattern: route.path.clone(),
                        target,
                        expectations: parse_expectations(letters),
                    }),
                    None => undecided.push(format!(
                        "{method} {} ({target}) at {}:{}",
                        route.path, route.file, route.line
                    )),
                }
            }
        }
    }
    assert!(
        undecided.is_empty(),
        "routes nobody decided the permissions of (add them to EXPECTATIONS):\n{}",
        undecided.join("\n")
    );
    let stale: Vec<String> = EXPECTATIONS
        .iter()
        .filter(|(m, p, t, _)| !used.contains(&(*m, p.to_string(), *t)))
        .map(|(m, p, t, _)| format!("{m} {p} ({t})"))
        .collect();
    assert!(
        stale.is_empty(),
        "expectations for routes the app does not serve:\n{}",
        stale.join("\n")
    );
    cases
}

fn to_login(response: &TestResponse) -> bool {
    response.status == StatusCode::SEE_OTHER
        && response
            .header("location")
            .is_some_and(|l| l == "/login" || l.starts_with("/login?"))
}

fn to_verify(response: &TestResponse) -> bool {
    response.status.is_redirection()
        && response
            .header("location")
            .is_some_and(|l| l == "/verify" || l.starts_with("/verify?"))
}

fn meets(expect: Expect, method: &str, response: &TestResponse) -> bool {
    let status = response.status;
    if status.is_server_error() {
        return false;
    }
    match expect {
        Expect::Any => true,
        Expect::SignIn => to_login(response),
        Expect::Refused => status.is_client_error() || to_login(response) || to_verify(response),
        Expect::Allowed => {
            if to_login(response) || status == StatusCode::FORBIDDEN {
                return false;
            }
            if method == "GET" {
                status.is_success() || status.is_redirection()
            } else {
                status.is_success()
                    || status.is_redirection()
                    || matches!(
                        status,
                        StatusCode::BAD_REQUEST
                            | StatusCode::CONFLICT
                            | StatusCode::UNPROCESSABLE_ENTITY
                    )
            }
        }
    }
}

/// Puts the browser in `who`'s shoes: signs in, or (blocked) restores the
/// session cookies taken before the block.
async fn become_viewer(app: &TestApp, who: Who, blocked_jar: &[(String, String)]) {
    app.clear_cookies();
    match who {
        Who::Visitor => {}
        Who::Blocked => {
            for (name, value) in blocked_jar {
                app.set_cookie(name, value);
            }
        }
        _ => {
            let email = accounts().iter().find(|a| a.0 == who).unwrap().1;
            let response = app.sign_in(email, crate::common::members::PASSWORD).await;
            assert!(
                response.status.is_redirection(),
                "{who:?} cannot sign in: {}",
                response.body
            );
        }
    }
    app.get("/").await;
}

#[tokio::test]
async fn every_route_answers_every_viewer_as_the_table_says() {
    let started = Instant::now();
    let app = TestApp::spawn().await;
    let parsed = proved_route_table(&app).await;
    let cases = cases(&parsed);
    let world = build_world(&app).await;

    // The blocked member signs in while still allowed, then is blocked
    // without their sessions being deleted: the session must not load.
    app.switch_to("blokiran@csr.rs").await;
    let blocked_jar: Vec<(String, String)> = ["kolega_session", "kolega_csrf"]
        .iter()
        .filter_map(|name| app.cookie(name).map(|v| (name.to_string(), v)))
        .collect();
    assert_eq!(blocked_jar.len(), 2, "the blocked member had a session");
    execute(
        &app,
        "UPDATE users SET blocked_at = now() WHERE email = 'blokiran@csr.rs'",
    )
    .await;

    let order = [
        Who::Visitor,
        Who::Blocked,
        Who::Unverified,
        Who::Member,
        Who::GroupModerator,
        Who::SiteModerator,
        Who::Admin,
    ];
    let print = std::env::var_os("AUTHZ_PRINT").is_some();
    let mut failures = Vec::new();
    let mut answers: BTreeMap<(usize, Who), (StatusCode, Option<String>)> = BTreeMap::new();
    let mut requests = 0;
    for phase in ["GET", "POST"] {
        let mut walk: Vec<(usize, &Case)> = cases
            .iter()
            .enumerate()
            .filter(|(_, c)| c.method == phase)
            .collect();
        walk.sort_by_key(|(i, c)| (runs_last(&c.pattern), *i));
        for who in order {
            for sql in RESET_BETWEEN_VIEWERS {
                execute(&app, sql).await;
            }
            become_viewer(&app, who, &blocked_jar).await;
            for &(index, case) in &walk {
                let column = EVERYONE.iter().position(|w| *w == who).unwrap();
                let expect = case.expectations[column];
                let path = routes::fill(&case.pattern, |name| {
                    world.value(&case.pattern, case.target, name)
                });
                if let Some(sql) = prepare(&case.pattern) {
                    execute(&app, &sql).await;
                }
                let response = if case.method == "GET" {
                    app.get(&path).await
                } else if MULTIPART.contains(&case.pattern.as_str()) {
                    post_multipart(&app, &path).await
                } else {
                    let fields: Vec<(String, String)> = form_for(&case.pattern)
                        .into_iter()
                        .map(|(k, v)| (k.to_owned(), v.to_owned()))
                        .collect();
                    app.post_fields(&path, &fields).await
                };
                requests += 1;
                // Upload forms carry the CSRF token in their address, which
                // the sign-in redirect keeps: compare without it.
                let token = app.csrf_token().unwrap_or_default();
                let location = response
                    .header("location")
                    .map(|l| l.replace(&token, "{csrf}"));
                if print {
                    println!(
                        "{:<5}{:<60}{:<14}{:<15}{} {}",
                        case.method,
                        case.pattern,
                        case.target,
                        format!("{who:?}"),
                        response.status.as_u16(),
                        location.as_deref().unwrap_or("")
                    );
                }
                let what = format!(
                    "{} {path} [{}{}] as {who:?}",
                    case.method,
                    case.pattern,
                    if case.target.is_empty() {
                        String::new()
                    } else {
                        format!(", {}", case.target)
                    }
                );
                if !meets(expect, case.method, &response) {
                    failures.push(format!(
                        "{what}: expected {expect:?}, got {} {}",
                        response.status,
                        location.as_deref().unwrap_or("")
                    ));
                }
                if expect != Expect::Allowed
                    && !matches!(who, Who::Member | Who::GroupModerator)
                    && response.body.contains(SECRET)
                {
                    failures.push(format!("{what}: shows the closed group's content"));
                }
                if let Some(problem) =
                    shows_what_it_should(&world, who, &case.pattern, &response.body)
                {
                    failures.push(format!("{what}: {problem}"));
                }
                if who == Who::Blocked {
                    let visitor = &answers[&(index, Who::Visitor)];
                    if (response.status, location.clone()) != *visitor {
                        failures.push(format!(
                            "{what}: a blocked member got {} {}, a visitor {} {}",
                            response.status,
                            location.as_deref().unwrap_or(""),
                            visitor.0,
                            visitor.1.as_deref().unwrap_or("")
                        ));
                    }
                }
                answers.insert((index, who), (response.status, location));
            }
        }
    }
    let method_routes: usize = parsed.iter().map(|r| r.methods.len()).sum();
    println!(
        "authorisation walk: {} routes ({} method routes, {} cases incl. per-group targets) × {} viewers = {} requests in {:.1?}",
        parsed.len(),
        method_routes,
        cases.len(),
        EVERYONE.len(),
        requests,
        started.elapsed()
    );
    assert!(
        failures.is_empty(),
        "{} authorisation failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_route_parser_reads_every_form_and_refuses_what_it_does_not_know() {
    let source = r#"
        // .route("/in-a-comment", get(nothing))
        Router::new()
            .route("/one", get(a::b))
            .route(
                "/two/{id}",
                get(a::form)
                    .post(a::save)
                    .layer(DefaultBodyLimit::max(limit(1) + 64 * 1024)),
            )
            .route("/three", post(c))
    "#;
    let (parsed, occurrences) = routes::parse_text("sample.rs", source);
    assert_eq!(occurrences, 3);
    let table: Vec<(String, Vec<String>)> =
        parsed.into_iter().map(|r| (r.path, r.methods)).collect();
    assert_eq!(
        table,
        [
            ("/one".to_owned(), vec!["GET".to_owned()]),
            ("/two/{id}".into(), vec!["GET".into(), "POST".into()]),
            ("/three".into(), vec!["POST".into()]),
        ]
    );
    for unreadable in [
        r#"Router::new().route(PATH, get(a))"#,
        r#"Router::new().route("/x", any(a))"#,
        r#"Router::new().route("/x", handler)"#,
        r#"Router::new().nest("/api", api())"#,
        r#"Router::new().route_service("/x", service)"#,
    ] {
        let result = std::panic::catch_unwind(|| routes::parse_text("sample.rs", unreadable));
        assert!(result.is_err(), "accepted: {unreadable}");
    }
    assert_eq!(
        routes::fill("/groups/{slug}/t/{thread_id}", |name| name.to_uppercase()),
        "/groups/SLUG/t/THREAD_ID"
    );
}

/// Every state-changing route refuses a form without the session's CSRF
/// token, and one sent from another site, before doing anything — as a
/// signed-in admin, who could otherwise do the most. The two routes that
/// prove themselves otherwise (a signed unsubscribe token, the bounce
/// hook's bearer token) are the only exceptions.
#[tokio::test]
async fn every_post_route_refuses_a_forged_request() {
    let app = TestApp::spawn().await;
    let parsed = crate::common::routes::parse_source_routes().0;
    app.sign_in_as("Vesna Marković", "vesna@kolega.rs", Role::Admin)
        .await;
    let token = app.csrf_token().expect("a CSRF cookie after signing in");
    let before: i64 = app
        .count("SELECT (SELECT count(*) FROM groups) + (SELECT count(*) FROM events) + (SELECT count(*) FROM resources)")
        .await;
    let mut checked = 0;
    let mut failures = Vec::new();
    for route in parsed
        .iter()
        .filter(|r| r.methods.iter().any(|m| m == "POST"))
    {
        let path = crate::common::routes::fill(&route.path, |_| {
            "00000000-0000-4000-8000-000000000000".to_owned()
        });
        let exempt = matches!(route.path.as_str(), "/unsubscribe" | "/hooks/email-bounce");
        // No token at all, a wrong one, and the right one from another site.
        // (form fields, request headers)
        type Pairs<'a> = &'a [(&'a str, &'a str)];
        let attempts: [(Pairs, Pairs); 3] = [
            (&[("title", "x")], &[("sec-fetch-site", "same-origin")]),
            (
                &[("csrf_token", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")],
                &[("sec-fetch-site", "same-origin")],
            ),
            (
                &[("csrf_token", token.as_str())],
                &[
                    ("sec-fetch-site", "cross-site"),
                    ("origin", "https://evil.example"),
                ],
            ),
        ];
        for (fields, headers) in attempts {
            let response = app.post_form_with(&path, fields, headers).await;
            checked += 1;
            let refused = response.status == StatusCode::FORBIDDEN
                && response
                    .body
                    .contains("Obrazac je istekao ili nije poslat sa ove stranice");
            if exempt == refused {
                failures.push(format!(
                    "{} {path} {headers:?}: {}",
                    route.path, response.status
                ));
            }
        }
    }
    let after: i64 = app
        .count("SELECT (SELECT count(*) FROM groups) + (SELECT count(*) FROM events) + (SELECT count(*) FROM resources)")
        .await;
    assert!(
        failures.is_empty(),
        "not refused as forgeries:\n{}",
        failures.join("\n")
    );
    assert_eq!(before, after, "nothing was made");
    assert!(checked > 150, "{checked} forged requests");
}
