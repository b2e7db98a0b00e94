//! The events feature's e-mails. The online link goes only to people with
//! a place; a confidential event (one of a closed or secret group's, such
//! as a supervision meeting) is named by its kind and time only.

use chrono::{DateTime, Utc};

use super::ics;
use super::store::EventView;
use super::times;
use super::vocabulary::ProposalStatus;
use crate::i18n::Args;
use crate::notify::email::{EmailContext, SimpleEmail};
use crate::notify::outbox::Attachment;
use crate::notify::{Kind, Notification};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    Registered,
    Waitlisted,
    /// A place freed up and is now theirs.
    Promoted,
    /// The time or place changed.
    Changed,
    Cancelled,
    ReminderDay,
    ReminderHour,
    /// The recording (and materials) are available.
    Recording,
}

impl Notice {
    fn key(self) -> &'static str {
        match self {
            Notice::Registered => "registered",
            Notice::Waitlisted => "waitlisted",
            Notice::Promoted => "promoted",
            Notice::Changed => "changed",
            Notice::Cancelled => "cancelled",
            Notice::ReminderDay => "reminder-day",
            Notice::ReminderHour => "reminder-hour",
            Notice::Recording => "recording",
        }
    }

    /// The notification kind members choose the delivery of.
    pub fn kind(self) -> Kind {
        match self {
            Notice::Registered | Notice::Waitlisted | Notice::Promoted => Kind::EventRegistration,
            Notice::Changed | Notice::Cancelled => Kind::EventChange,
            Notice::ReminderDay | Notice::ReminderHour => Kind::EventReminder,
            Notice::Recording => Kind::EventRecording,
        }
    }

    /// The iTIP method of the calendar entry the message carries, if it
    /// carries one. A cancellation is a CANCEL (same UID, higher SEQUENCE,
    /// STATUS:CANCELLED) so calendars take the entry out; everything else
    /// publishes the entry as it now is. Reminders carry it too: the first
    /// mail may never have been opened on the device at hand.
    fn calendar_method(self) -> Option<&'static str> {
        match self {
            Notice::Registered
            | Notice::Promoted
            | Notice::Changed
            | Notice::ReminderDay
            | Notice::ReminderHour => Some("PUBLISH"),
            Notice::Cancelled => Some("CANCEL"),
            Notice::Waitlisted | Notice::Recording => None,
        }
    }
}

/// Why a member's registrations ended (see `super::departure`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Departure {
    /// She left the group.
    Left,
    /// A moderator removed or banned her.
    Removed,
    /// An administrator blocked her account.
    Blocked,
}

impl Departure {
    fn key(self) -> &'static str {
        match self {
            Departure::Left => "left",
            Departure::Removed => "removed",
            Departure::Blocked => "blocked",
        }
    }
}

/// The plain notice that `events` are no longer hers: why, and which
/// (each by its public title and time). No place, no link: they are not
/// hers to attend any more.
pub fn registrations_ended(
    e: &EmailContext,
    name: &str,
    departure: Departure,
    group: Option<&str>,
    events: &[EventView],
) -> SimpleEmail {
    let args = Args::new().with("group", group.unwrap_or_default().to_owned());
    let key = departure.key();
    let mut paragraphs = vec![e.t_args(&format!("email-registrations-ended-{key}-body"), &args)];
    paragraphs.extend(events.iter().map(|event| {
        format!(
            "– {}, {}",
            public_title(e, event),
            times::span(e.locale, event.starts_at, event.ends_at)
        )
    }));
    paragraphs.push(e.t("email-registrations-ended-after"));
    SimpleEmail {
        kind: "event_registrations_ended",
        subject: e.t_args(&format!("email-registrations-ended-{key}-subject"), &args),
        greeting: e.greeting(name),
        paragraphs,
        action: None,
    }
}

/// The event's name as mail may show it.
pub fn public_title(e: &EmailContext, event: &EventView) -> String {
    if event.is_confidential() {
        e.t(event.kind.message_key())
    } else {
        event.title.clone()
    }
}

/// One notice about `event` to one person. `has_place`: they are
/// registered (not waitlisted), so they get the online link.
pub fn notice(
    e: &EmailContext,
    name: &str,
    event: &EventView,
    notice: Notice,
    has_place: bool,
) -> Notification {
    notice_with(e, name, event, notice, has_place, Args::new())
}

/// A reminder to someone with a place, saying how long is really left at
/// `now` (the job may run late, or the event be made shortly before it
/// starts) and, for the day reminder, whether it is today or tomorrow.
pub fn reminder(
    e: &EmailContext,
    name: &str,
    event: &EventView,
    notice: Notice,
    now: DateTime<Utc>,
) -> Notification {
    let left = times::time_left_words(e.locale, times::time_left(event.starts_at - now));
    let day = if times::same_local_day(event.starts_at, now) {
        "today"
    } else {
        "tomorrow"
    };
    let args = Args::new().with("left", left).with("day", day);
    notice_with(e, name, event, notice, true, args)
}

fn notice_with(
    e: &EmailContext,
    name: &str,
    event: &EventView,
    notice: Notice,
    has_place: bool,
    args: Args,
) -> Notification {
    let title = public_title(e, event);
    let args = args.with("title", title.clone()).with(
        "when",
        times::span(e.locale, event.starts_at, event.ends_at),
    );
    let key = notice.key();
    let mut paragraphs = vec![e.t_args(&format!("email-event-{key}-body"), &args)];
    if notice == Notice::Cancelled && !event.cancel_reason.is_empty() && !event.is_confidential() {
        paragraphs.push(format!(
            "{} {}",
            e.t("event-cancel-reason"),
            event.cancel_reason
        ));
    }
    if notice == Notice::Recording {
        paragraphs.push(format!(
            "{} {}",
            e.t("event-recording"),
            event.recording_url
        ));
    } else if notice != Notice::Cancelled {
        if !event.place_address.is_empty() || !event.city.is_empty() {
            paragraphs.push(format!("{} {}", e.t("event-place"), event.place()));
        }
        if has_place && event.is_online() {
            paragraphs.push(format!(
                "{} {}",
                e.t("event-online-link"),
                event.online_link
            ));
        }
    }
    let link = format!("/events/{}", event.event_id);
    let mail = SimpleEmail {
        kind: "event_notice",
        subject: e.t_args(&format!("email-event-{key}-subject"), &args),
        greeting: e.greeting(name),
        paragraphs,
        action: Some((e.t("email-open-event"), e.link(&link))),
    };
    let mut notification = Notification::new(notice.kind(), link, mail);
    if let Some(group_id) = event.group_id {
        notification = notification.in_group(group_id);
    }
    if let Some(method) = notice.calendar_method() {
        notification.attachment = Some(Attachment {
            name: "dogadjaj.ics".into(),
            content_type: format!("text/calendar; charset=utf-8; method={method}"),
            body: calendar_entry(e, event, has_place, method),
        });
    }
    notification
}

/// The event as a one-entry calendar with METHOD `method` ("PUBLISH" for
/// a download, as mail sends it; "CANCEL" in the cancellation mail).
pub fn calendar_entry(
    e: &EmailContext,
    event: &EventView,
    has_place: bool,
    method: &str,
) -> String {
    let text = EntryText::new(e, event, has_place);
    ics::calendar(&text.title, Some(method), &[text.entry(event)])
}

/// What a calendar entry of an event says. It follows the same rules as
/// mail: the online link only for people with a place, nothing but kind
/// and time for a confidential event.
pub struct EntryText {
    pub title: String,
    description: String,
    location: Option<String>,
    url: String,
}

impl EntryText {
    pub fn new(e: &EmailContext, event: &EventView, has_place: bool) -> EntryText {
        let confidential = event.is_confidential();
        EntryText {
            title: public_title(e, event),
            // Calendars show DESCRIPTION as plain text: Markdown marks
            // would show as they were typed.
            description: if confidential {
                String::new()
            } else {
                crate::text::markdown::to_text(&event.description, &e.base_url)
            },
            location: (!confidential && !event.place().is_empty()).then(|| event.place()),
            url: if has_place && event.is_online() && !confidential {
                event.online_link.clone()
            } else {
                e.link(&format!("/events/{}", event.event_id))
            },
        }
    }

    pub fn entry<'a>(&'a self, event: &EventView) -> ics::CalendarEvent<'a> {
        ics::CalendarEvent {
            uid: format!("{}@kolega", event.event_id),
            sequence: event.sequence,
            summary: &self.title,
            description: &self.description,
            starts_at: event.starts_at,
            ends_at: event.ends_at,
            location: self.location.as_deref(),
            url: Some(&self.url),
            organizer: None,
            cancelled: event.cancelled_at.is_some(),
            updated_at: event.updated_at,
        }
    }
}

/// "Your proposal was closed" or "the topic you supported is now an event".
pub fn proposal_decision(
    e: &EmailContext,
    name: &str,
    decision: ProposalStatus,
    title: &str,
    reason: Option<&str>,
    link: &str,
) -> SimpleEmail {
    let args = Args::new().with("title", title.to_owned());
    let decision = decision.as_str();
    let mut paragraphs = vec![e.t_args(&format!("email-proposal-{decision}-body"), &args)];
    if let Some(reason) = reason.filter(|r| !r.is_empty()) {
        paragraphs.push(format!("{} {reason}", e.t("proposal-close-reason")));
    }
    SimpleEmail {
        kind: "proposal_decision",
        subject: e.t_args(&format!("email-proposal-{decision}-subject"), &args),
        greeting: e.greeting(name),
        paragraphs,
        action: Some((e.t("email-open-event"), e.link(link))),
    }
}
