//! Template structs of the events feature.

use askama::Template;
use askama_web::WebTemplate;

use uuid::Uuid;

use super::attendance::{Certificate, LedgerEntry, Period};
use super::feedback::FeedbackSummary;
use super::forms::EventForm;
use super::forms::{CaseForm, FeedbackForm, NotesForm, ProposalForm, RecordingForm, SettingsForm};
use super::participants::Participant;
use super::people::{OrganisableGroup, Person};
use super::proposals::Proposal;
use super::store::EventView;
use super::supervision::{Case, Read};
use super::vocabulary::{EventKind, ProposalKind};
use crate::groups::store::GroupView;
use crate::web::{FormErrors, Page};

#[derive(Template, WebTemplate)]
#[template(path = "events/list.html")]
pub struct EventListPage {
    pub page: Page,
    pub events: Vec<EventView>,
    pub cities: Vec<String>,
    pub past: bool,
    pub kind: String,
    pub language: String,
    pub city: String,
    pub group: String,
    /// The viewer's groups (slug, name), for the group filter.
    pub my_groups: Vec<(String, String)>,
    pub next_page: Option<String>,
    pub previous_page: Option<String>,
    pub can_organise: bool,
    pub kinds: &'static [EventKind],
    /// The member's private calendar feed address.
    pub feed_url: Option<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "events/show.html")]
pub struct EventPage {
    pub page: Page,
    pub event: EventView,
    pub description_html: String,
    pub organisers: Vec<Person>,
    pub speakers: Vec<Person>,
    pub can_register: bool,
    pub registration_open: bool,
    /// Why the viewer may not register yet (`CurrentUser::participation_notice`).
    pub waiting_notice: Option<&'static str>,
    pub show_link: bool,
    pub past: bool,
    pub can_manage: bool,
    /// Self check-in is open now (and the viewer has a place).
    pub can_check_in: bool,
    pub gave_feedback: bool,
    /// For organisers.
    pub feedback: Option<FeedbackSummary>,
    pub materials_html: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "events/form.html")]
pub struct EventFormPage {
    pub page: Page,
    pub action: String,
    pub form: EventForm,
    pub errors: FormErrors,
    pub kinds: &'static [EventKind],
    /// May choose "everyone" and "members" as the audience.
    pub open_audiences: bool,
    /// Groups whose members may be the audience (empty when editing).
    pub groups: Vec<OrganisableGroup>,
}

#[derive(Template, WebTemplate)]
#[template(path = "events/participants.html")]
pub struct ParticipantsPage {
    pub page: Page,
    pub event: EventView,
    pub participants: Vec<Participant>,
}

#[derive(Template, WebTemplate)]
#[template(path = "events/attendance.html")]
pub struct AttendancePage {
    pub page: Page,
    pub event: EventView,
    pub participants: Vec<Participant>,
    pub attended: Vec<Uuid>,
}

#[derive(Template, WebTemplate)]
#[template(path = "events/recording.html")]
pub struct RecordingPage {
    pub page: Page,
    pub event: EventView,
    pub form: RecordingForm,
    pub errors: FormErrors,
}

#[derive(Template, WebTemplate)]
#[template(path = "events/feedback.html")]
pub struct FeedbackPage {
    pub page: Page,
    pub event: EventView,
    pub form: FeedbackForm,
    pub errors: FormErrors,
}

#[derive(Template, WebTemplate)]
#[template(path = "events/points.html")]
pub struct PointsPage {
    pub page: Page,
    pub entries: Vec<LedgerEntry>,
    pub years: Vec<(i32, i32)>,
    pub periods: Vec<Period>,
    pub supervision_hours: f64,
    pub licence_since: String,
    pub errors: FormErrors,
}

#[derive(Template, WebTemplate)]
#[template(path = "events/certificate.html")]
pub struct CertificatePage {
    pub page: Page,
    pub certificate: Certificate,
    pub verify_url: String,
    /// The institution that issues certificates (a site setting).
    pub issuer: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "events/verification.html")]
pub struct VerificationPage {
    pub page: Page,
    pub certificate: Certificate,
}

/// A code no certificate has (404), with the form to try another.
#[derive(Template, WebTemplate)]
#[template(path = "events/certificate_unknown.html")]
pub struct UnknownCertificatePage {
    pub page: Page,
    pub code: String,
}

impl PointsPage {
    pub fn hours(&self) -> String {
        format_hours(self.supervision_hours)
    }

    /// No supervision meeting attended yet: said in words, not "0 hours".
    pub fn no_supervision(&self) -> bool {
        self.hours() == "0"
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "events/proposals.html")]
pub struct ProposalsPage {
    pub page: Page,
    pub proposals: Vec<Proposal>,
    pub can_vote: bool,
    pub can_organise: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "events/proposal_form.html")]
pub struct ProposalFormPage {
    pub page: Page,
    pub form: ProposalForm,
    pub warnings: Vec<String>,
    pub errors: FormErrors,
    pub kinds: &'static [ProposalKind],
}

#[derive(Template, WebTemplate)]
#[template(path = "events/supervision.html")]
pub struct SupervisionPage {
    pub page: Page,
    pub event: EventView,
    pub cases: Vec<Case>,
    pub note_html: Option<String>,
    pub can_add_case: bool,
    pub can_write_notes: bool,
    pub deleted_after: chrono::DateTime<chrono::Utc>,
}

#[derive(Template, WebTemplate)]
#[template(path = "events/case_form.html")]
pub struct CaseFormPage {
    pub page: Page,
    pub event: EventView,
    pub form: CaseForm,
    pub errors: FormErrors,
    /// What the de-identification guard found, highlighted.
    pub review: Option<crate::events::case_review::Review>,
    /// The text was just rewritten with placeholders, for the author to
    /// check and submit.
    pub rewritten: bool,
    pub age_bands: &'static [&'static str],
    pub sizes: &'static [&'static str],
}

#[derive(Template, WebTemplate)]
#[template(path = "events/notes_form.html")]
pub struct NotesFormPage {
    pub page: Page,
    pub event: EventView,
    pub form: NotesForm,
    pub errors: FormErrors,
}

#[derive(Template, WebTemplate)]
#[template(path = "events/supervision_settings.html")]
pub struct SupervisionSettingsPage {
    pub page: Page,
    pub group: GroupView,
    pub form: SettingsForm,
    pub errors: FormErrors,
    pub reads: Vec<Read>,
}

/// "2", "1.5": tenths only when there are any ("2.0 hours" reads as a
/// measurement error).
fn format_hours(hours: f64) -> String {
    let tenths = (hours * 10.0).round();
    if tenths % 10.0 == 0.0 {
        format!("{}", (tenths / 10.0) as i64)
    } else {
        format!("{:.1}", tenths / 10.0)
    }
}

#[cfg(test)]
mod tests {
    use super::format_hours;

    #[test]
    fn hours_show_tenths_only_when_there_are_any() {
        assert_eq!(format_hours(0.0), "0");
        assert_eq!(format_hours(2.0), "2");
        assert_eq!(format_hours(1.5), "1.5");
        assert_eq!(format_hours(1.4999999), "1.5");
        assert_eq!(format_hours(3.96), "4");
    }
}
