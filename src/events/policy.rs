//! Who may see, organise and register for an event. Every handler asks
//! here; templates only hide what the server would refuse anyway.

use chrono::{DateTime, Duration, Utc};

use super::vocabulary::Audience;
use crate::web::current_user::CurrentUser;

/// What the policy needs to know about an event and the viewer's relation
/// to it.
#[derive(Debug, Clone, Copy)]
pub struct EventFacts {
    pub audience: Audience,
    /// The viewer is an active member of the event's group.
    pub in_group: bool,
    /// The viewer moderates or owns the event's group.
    pub moderates_group: bool,
    /// The viewer is one of the event's organisers.
    pub organiser: bool,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub registration_deadline: Option<DateTime<Utc>>,
    pub cancelled: bool,
    /// The viewer has a place (not only a waitlist spot).
    pub registered: bool,
    /// The viewer was marked present or checked in.
    pub attended: bool,
}

/// How long before the start and after the end a code is taken: people
/// arrive early and a session can run late.
pub const CHECK_IN_MARGIN: Duration = Duration::minutes(30);

/// Whether the viewer may know the event exists. A group's event is its
/// members' business: site moderators do not see a secret group's
/// supervision meetings either.
pub fn can_see(facts: &EventFacts, viewer: Option<&CurrentUser>) -> bool {
    match facts.audience {
        Audience::Public => true,
        Audience::Members => viewer.is_some(),
        Audience::Group => facts.in_group || facts.organiser,
    }
}

/// Whether the viewer may edit or cancel the event and see its participants.
pub fn can_manage(facts: &EventFacts, viewer: Option<&CurrentUser>) -> bool {
    let Some(user) = viewer else { return false };
    facts.organiser
        || facts.moderates_group
        || (facts.audience != Audience::Group && user.is_moderator())
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

/// Whether the viewer may check in with the event's code at `now`: she has
/// a place, has not been marked present yet, the event is not cancelled and
/// `now` is within the event (with the margin).
pub fn can_check_in(facts: &EventFacts, now: DateTime<Utc>) -> bool {
    facts.registered
        && !facts.attended
        && !facts.cancelled
        && now >= facts.starts_at - CHECK_IN_MARGIN
        && now <= facts.ends_at + CHECK_IN_MARGIN
}

/// Whether the viewer may rate the event and print her certificate: she
/// attended, and it has started (attendance is marked from the start on).
pub fn can_follow_up(facts: &EventFacts, now: DateTime<Utc>) -> bool {
    facts.attended && facts.starts_at <= now
}

/// Whether the viewer leads a supervision meeting (reads every case form,
/// writes the notes): its organiser or the group's owner or moderator.
pub fn can_lead_supervision(facts: &EventFacts) -> bool {
    facts.organiser || facts.moderates_group
}

/// Whether a member may propose an event or vote for a proposal.
pub fn can_propose(user: &CurrentUser) -> bool {
    user.can_participate()
}

#[cfg(test)]
mod tests {
    //! Each rule as a table: the situation, then the answer, so a rule is
    //! read in one place (the authorization walk in tests/ covers the routes).
    use super::*;
    use crate::members::Role;
    use chrono::TimeZone;

    fn at(hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 10, hour, 0, 0).unwrap()
    }

    fn facts(audience: Audience) -> EventFacts {
        EventFacts {
            audience,
            in_group: false,
            moderates_group: false,
            organiser: false,
            starts_at: at(18),
            ends_at: at(20),
            registration_deadline: None,
            cancelled: false,
            registered: false,
            attended: false,
        }
    }

    fn member(role: Role) -> CurrentUser {
        CurrentUser::for_tests(role)
    }

    #[test]
    fn who_sees_an_event() {
        let practitioner = member(Role::Practitioner);
        let moderator = member(Role::Moderator);
        let in_group = EventFacts {
            in_group: true,
            ..facts(Audience::Group)
        };
        let organiser = EventFacts {
            organiser: true,
            ..facts(Audience::Group)
        };
        for (facts, viewer, expected) in [
            (facts(Audience::Public), None, true),
            (facts(Audience::Members), None, false),
            (facts(Audience::Members), Some(&practitioner), true),
            (facts(Audience::Group), Some(&practitioner), false),
            // A group's meeting is its members' business, not the site's.
            (facts(Audience::Group), Some(&moderator), false),
            (in_group, Some(&practitioner), true),
            (organiser, Some(&practitioner), true),
        ] {
            assert_eq!(
                can_see(&facts, viewer),
                expected,
                "{facts:?} {:?}",
                viewer.map(|v| v.role)
            );
        }
    }

    #[test]
    fn who_manages_an_event() {
        let practitioner = member(Role::Practitioner);
        let moderator = member(Role::Moderator);
        for (facts, viewer, expected) in [
            (facts(Audience::Public), None, false),
            (facts(Audience::Public), Some(&practitioner), false),
            (facts(Audience::Public), Some(&moderator), true),
            (facts(Audience::Group), Some(&moderator), false),
            (
                EventFacts {
                    organiser: true,
                    ..facts(Audience::Public)
                },
                Some(&practitioner),
                true,
            ),
            (
                EventFacts {
                    moderates_group: true,
                    ..facts(Audience::Group)
                },
                Some(&practitioner),
                true,
            ),
        ] {
            assert_eq!(can_manage(&facts, viewer), expected, "{facts:?}");
        }
    }

    #[test]
    fn when_registration_is_open() {
        let practitioner = member(Role::Practitioner);
        let deadline = EventFacts {
            registration_deadline: Some(at(12)),
            ..facts(Audience::Public)
        };
        let cancelled = EventFacts {
            cancelled: true,
            ..facts(Audience::Public)
        };
        for (facts, viewer, now, expected) in [
            (facts(Audience::Public), Some(&practitioner), at(17), true),
            (facts(Audience::Public), None, at(17), false),
            (facts(Audience::Public), Some(&practitioner), at(18), false),
            (deadline, Some(&practitioner), at(11), true),
            (deadline, Some(&practitioner), at(13), false),
            (cancelled, Some(&practitioner), at(10), false),
        ] {
            assert_eq!(
                can_register(&facts, viewer, now),
                expected,
                "{facts:?} at {now}"
            );
        }
    }

    #[test]
    fn when_a_code_checks_in() {
        let registered = EventFacts {
            registered: true,
            ..facts(Audience::Public)
        };
        let minute = Duration::minutes(1);
        for (facts, now, expected) in [
            (registered, at(18), true),
            (registered, at(18) - CHECK_IN_MARGIN, true),
            (registered, at(18) - CHECK_IN_MARGIN - minute, false),
            (registered, at(20) + CHECK_IN_MARGIN, true),
            (registered, at(20) + CHECK_IN_MARGIN + minute, false),
            (facts(Audience::Public), at(18), false),
            (
                EventFacts {
                    attended: true,
                    ..registered
                },
                at(18),
                false,
            ),
            (
                EventFacts {
                    cancelled: true,
                    ..registered
                },
                at(18),
                false,
            ),
        ] {
            assert_eq!(can_check_in(&facts, now), expected, "{facts:?} at {now}");
        }
    }

    #[test]
    fn who_follows_up_and_leads_supervision() {
        let attended = EventFacts {
            attended: true,
            ..facts(Audience::Public)
        };
        assert!(can_follow_up(&attended, at(18)));
        assert!(!can_follow_up(&attended, at(17)), "not before it starts");
        assert!(
            !can_follow_up(&facts(Audience::Public), at(21)),
            "only who attended"
        );
        assert!(can_lead_supervision(&EventFacts {
            organiser: true,
            ..facts(Audience::Group)
        }));
        assert!(can_lead_supervision(&EventFacts {
            moderates_group: true,
            ..facts(Audience::Group)
        }));
        assert!(!can_lead_supervision(&EventFacts {
            in_group: true,
            ..facts(Audience::Group)
        }));
    }
}
