//! Template structs of the events feature.

use askama::Template;
use askama_web::WebTemplate;

use super::forms::EventForm;
use super::store::{EventView, OrganisableGroup, Participant, Person};
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
    pub next_page: Option<String>,
    pub previous_page: Option<String>,
    pub can_organise: bool,
    pub kinds: &'static [&'static str],
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
    pub needs_verification: bool,
    pub show_link: bool,
    pub past: bool,
    pub can_manage: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "events/form.html")]
pub struct EventFormPage {
    pub page: Page,
    pub action: String,
    pub form: EventForm,
    pub errors: FormErrors,
    pub kinds: &'static [&'static str],
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
