//! The event form: what organisers type, checked field by field. Dates and
//! times are Belgrade wall-clock times; they become UTC instants here.

use chrono::{DateTime, Utc};
use serde::Deserialize;
use uuid::Uuid;

use super::store::{EventInput, EventView};
use super::times::{self, LocalTimeError};
use super::vocabulary::{Audience, EventKind};
use crate::i18n::Locale;
use crate::text::web_link::web_link;
use crate::web::FormErrors;
use crate::web::form_checks::check_length;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct EventForm {
    pub kind: String,
    pub title: String,
    pub description: String,
    pub start_date: String,
    pub start_time: String,
    pub end_date: String,
    pub end_time: String,
    pub language: String,
    pub speakers: String,
    /// Speakers who are members, by handle: "@ana-vukovic, @nikola".
    pub member_speakers: String,
    /// "public", "members", or a group's slug for its members only.
    pub audience: String,
    pub capacity: String,
    pub deadline_date: String,
    pub deadline_time: String,
    pub online_link: String,
    pub place_address: String,
    pub city: String,
    pub points: String,
    /// The accreditation number, if the event has one ("A-1234/2026").
    pub accreditation_number: String,
    /// The proposal this event answers, if any (a hidden field).
    pub proposal: String,
    /// "yes": the organiser confirms the start is in the past on purpose,
    /// recording an event that took place (for its attendance and points).
    pub past: String,
    /// The form asks for that confirmation: the start entered is past.
    #[serde(skip)]
    pub ask_past: bool,
}

/// Empty (no accreditation) or a short code of letters, digits and the
/// separators accrediting bodies use ("A-1234/2026", "K.12 03"), so what is
/// printed on a certificate is a number and not free prose.
fn valid_accreditation_number(text: &str) -> bool {
    text.chars().count() <= 40
        && text
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '/' | '.' | ' '))
}

impl EventForm {
    /// The form filled in with an event's values, for editing.
    pub fn from_event(event: &EventView) -> EventForm {
        let (start_date, start_time) = times::to_local(event.starts_at);
        let (end_date, end_time) = times::to_local(event.ends_at);
        let (deadline_date, deadline_time) = event
            .registration_deadline
            .map(times::to_local)
            .unwrap_or_default();
        EventForm {
            kind: event.kind.as_str().to_owned(),
            title: event.title.clone(),
            description: event.description.clone(),
            start_date,
            start_time,
            end_date,
            end_time,
            language: event.language.clone(),
            speakers: event.speakers.clone(),
            member_speakers: String::new(),
            audience: match &event.group_slug {
                Some(slug) => slug.clone(),
                None => event.audience.as_str().to_owned(),
            },
            capacity: event.capacity.map(|c| c.to_string()).unwrap_or_default(),
            deadline_date,
            deadline_time,
            online_link: event.online_link.clone(),
            place_address: event.place_address.clone(),
            city: event.city.clone(),
            points: event.points.to_string(),
            accreditation_number: event.accreditation_number.clone(),
            proposal: String::new(),
            past: String::new(),
            ask_past: false,
        }
    }

    /// Checks every field; on success returns what to store. `group_id`
    /// is the group chosen as the audience (resolved by the caller, who
    /// also checks the organiser may use it). `stored_start` is the start
    /// of the event being edited (None for a new one).
    pub fn validate(
        &mut self,
        locale: Locale,
        group_id: Option<Uuid>,
        now: DateTime<Utc>,
        stored_start: Option<DateTime<Utc>>,
    ) -> Result<EventInput, FormErrors> {
        self.title = crate::text::one_line(&self.title);
        self.city = self.city.trim().to_owned();
        self.online_link = self.online_link.trim().to_owned();
        let mut errors = FormErrors::new(locale);
        let kind = EventKind::parse(&self.kind);
        if kind.is_none() {
            errors.add("kind", "error-event-kind");
        }
        if self.title.chars().count() < 3 {
            errors.add("title", "error-event-title");
        }
        check_length(&mut errors, "title", &self.title, 200);
        check_length(&mut errors, "description", &self.description, 20_000);
        let starts_at = instant(
            &mut errors,
            "start_date",
            &self.start_date,
            &self.start_time,
        );
        if self.end_date.trim().is_empty() {
            self.end_date = self.start_date.clone();
        }
        // A start in the past is most often a slip of the year or month, and
        // would be published (and mailed) as if it were ahead: it needs the
        // organiser's word. Editing anything else of an event that has
        // taken place keeps its start and asks nothing.
        if let Some(starts) = starts_at {
            self.ask_past = starts < now && stored_start != Some(starts);
            if self.ask_past && self.past != "yes" {
                errors.add("start_date", "error-event-in-past");
            }
        }
        let ends_at = instant(&mut errors, "end_time", &self.end_date, &self.end_time);
        if let (Some(starts), Some(ends)) = (starts_at, ends_at)
            && ends <= starts
        {
            errors.add("end_time", "error-event-ends-before-start");
        }
        if !matches!(self.language.as_str(), "sr" | "en" | "mk" | "sq") {
            errors.add("language", "error-choose-language");
        }
        check_length(&mut errors, "speakers", &self.speakers, 500);
        check_length(&mut errors, "member_speakers", &self.member_speakers, 500);
        // The form names a group by its slug; a slug that happens to read
        // "group" is a group like any other.
        let audience = match Audience::parse(&self.audience) {
            Some(open @ (Audience::Public | Audience::Members)) => Some(open),
            _ if group_id.is_some() => Some(Audience::Group),
            _ => {
                errors.add("audience", "error-event-audience");
                None
            }
        };
        let capacity = match self.capacity.trim() {
            "" => None,
            text => match text.parse::<i32>() {
                Ok(n) if (1..=100_000).contains(&n) => Some(n),
                _ => {
                    errors.add("capacity", "error-event-capacity");
                    None
                }
            },
        };
        let deadline = if self.deadline_date.trim().is_empty() {
            None
        } else {
            if self.deadline_time.trim().is_empty() {
                self.deadline_time = "23:59".into();
            }
            instant(
                &mut errors,
                "deadline_date",
                &self.deadline_date,
                &self.deadline_time,
            )
        };
        let online_link = match self.online_link.as_str() {
            "" => String::new(),
            text => web_link(text).unwrap_or_else(|key| {
                errors.add("online_link", key);
                String::new()
            }),
        };
        check_length(&mut errors, "online_link", &online_link, 500);
        check_length(&mut errors, "place_address", &self.place_address, 300);
        check_length(&mut errors, "city", &self.city, 100);
        if self.online_link.is_empty()
            && self.place_address.trim().is_empty()
            && self.city.is_empty()
        {
            errors.add("online_link", "error-event-where");
        }
        let points = match self.points.trim() {
            "" => 0,
            text => text
                .parse::<i32>()
                .ok()
                .filter(|p| (0..=100).contains(p))
                .unwrap_or_else(|| {
                    errors.add("points", "error-event-points");
                    0
                }),
        };
        let accreditation_number = self.accreditation_number.trim().to_owned();
        if !valid_accreditation_number(&accreditation_number) {
            errors.add("accreditation_number", "error-event-accreditation");
        }
        match (errors.is_empty(), starts_at, ends_at, kind, audience) {
            (true, Some(starts_at), Some(ends_at), Some(kind), Some(audience)) => Ok(EventInput {
                kind,
                title: self.title.clone(),
                description: self.description.clone(),
                starts_at,
                ends_at,
                language: self.language.clone(),
                speakers: self.speakers.trim().to_owned(),
                audience,
                group_id,
                capacity,
                registration_deadline: deadline,
                online_link,
                place_address: self.place_address.trim().to_owned(),
                city: self.city.clone(),
                points,
                accreditation_number,
            }),
            _ => Err(errors),
        }
    }
}

impl EventForm {
    /// The handles in `member_speakers`, without "@".
    pub fn speaker_handles(&self) -> Vec<String> {
        self.member_speakers
            .split([',', ' ', ';'])
            .map(|h| h.trim().trim_start_matches('@').to_lowercase())
            .filter(|h| !h.is_empty())
            .take(20)
            .collect()
    }
}

/// Reads a Belgrade date and time, noting the error on `field`.
fn instant(
    errors: &mut FormErrors,
    field: &'static str,
    date: &str,
    time: &str,
) -> Option<chrono::DateTime<chrono::Utc>> {
    match times::from_local(date, time) {
        Ok(at) => Some(at),
        Err(LocalTimeError::Malformed) => {
            errors.add(field, "error-event-datetime");
            None
        }
        Err(LocalTimeError::DoesNotExist) => {
            errors.add(field, "error-event-datetime-skipped");
            None
        }
    }
}

/// The recording and materials an organiser adds after an event.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct RecordingForm {
    pub recording_url: String,
    pub materials: String,
}

/// An attendee's rating and comment after an event.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct FeedbackForm {
    pub rating: String,
    pub comment: String,
}

/// A member's proposal for an event.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ProposalForm {
    pub kind: String,
    pub title: String,
    pub description: String,
    /// "I checked: this is not a client's data."
    pub confirm_personal_data: Option<String>,
}

/// A case brought to a supervision meeting, de-identified by its author.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct CaseForm {
    pub age_band: String,
    pub municipality_size: String,
    pub situation: String,
    pub question: String,
    pub confirm_personal_data: Option<String>,
    /// The fingerprint of the spans the author was shown and confirmed.
    pub confirm_spans: String,
    /// The "replace with placeholders" button.
    pub rewrite: Option<String>,
}

/// The supervisor's notes on a meeting.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct NotesForm {
    pub body: String,
}

/// A supervision group's settings, as its owner changes them.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct SettingsForm {
    pub supervision: Option<String>,
    pub member_limit: String,
    pub retention_months: String,
}
