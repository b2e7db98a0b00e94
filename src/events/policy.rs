//! Who may see, organise and register for an event. Every handler asks
//! here; templates only hide what the server would refuse anyway.

use chrono::{DateTime, Utc};

use crate::web::current_user::CurrentUser;

pub const KINDS: [&str; 6] = [
    "webinar",
    "supervision",
    "regional_meeting",
    "round_table",
    "training",
    "conference",
];

pub const AUDIENCES: [&str; 3] = ["public", "members", "group"];

/// What the policy needs to know about an event and the viewer's relation
/// to it.
#[derive(Debug, Clone, Copy)]
pub struct EventFacts<'a> {
    pub audience: &'a str,
    /// The viewer is an active member of the event's group.
    pub in_group: bool,
    /// The viewer moderates or owns the event's group.
    pub moderates_group: bool,
    /// The viewer is one of the event's organisers.
    pub organiser: bool,
    pub starts_at: DateTime<Utc>,
    pub registration_deadline: Option<DateTime<Utc>>,
    pub cancelled: bool,
}

/// Whether the viewer may know the event exists. A group's event is its
/// members' business: site moderators do not see a secret group's
/// supervision meetings either.
pub fn can_see(facts: &EventFacts, viewer: Option<&CurrentUser>) -> bool {
    match facts.audience {
        "public" => true,
        "members" => viewer.is_some(),
        _ => facts.in_group || facts.organiser,
    }
}

/// Whether the viewer may edit or cancel the event and see its participants.
pub fn can_manage(facts: &EventFacts, viewer: Option<&CurrentUser>) -> bool {
    let Some(user) = viewer else { return false };
    facts.organiser || facts.moderates_group || (facts.audience != "group" && user.is_moderator())
}

/// Whether registration is open at `now`: not cancelled, before the
/// deadline and before the start.
pub fn registration_open(facts: &EventFacts, now: DateTime<Utc>) -> bool {
    let closes = facts
        .registration_deadline
        .map_or(facts.starts_at, |deadline| deadline.min(facts.starts_at));
    !facts.cancelled && now < closes
}

/// Whether the viewer may register (capacity aside: a full event still
/// takes people onto its waitlist).
pub fn can_register(facts: &EventFacts, viewer: Option<&CurrentUser>, now: DateTime<Utc>) -> bool {
    viewer.is_some_and(CurrentUser::can_participate)
        && can_see(facts, viewer)
        && registration_open(facts, now)
}

/// Who may create events at all: teachers and site moderators for anyone;
/// group owners and moderators for their groups (checked per group).
pub fn can_organise_open_events(user: &CurrentUser) -> bool {
    user.can_participate() && (user.role == crate::members::Role::Teacher || user.is_moderator())
}
