//! Template structs of the service map.

use askama::Template;
use askama_web::WebTemplate;
use chrono::{DateTime, Utc};

use super::changes::{FieldChange, changes};
use super::emergency::{CountryNumbers, EmergencyNumber};
use super::forms::NumberForm;
use super::forms::{ServiceForm, tel_href};
use super::policy;
use super::search::Hit;
use super::search_params::SearchParams;
use super::store::{MunicipalityRow, Service};
use super::suggestions::Suggestion;
use super::vocabulary::{ServiceKind, ServiceStatus};
use crate::web::{FormErrors, Page};

#[derive(Template, WebTemplate)]
#[template(path = "directory/search.html")]
pub struct ServicesPage {
    pub page: Page,
    /// "I need help now": the emergency numbers, the viewer's country first.
    pub emergency: Vec<CountryNumbers>,
    pub params: SearchParams,
    pub hits: Vec<Hit>,
    /// How many services match, over all pages.
    pub total: i64,
    /// Whether the list is ordered from a place (else the picker leads).
    pub place_chosen: bool,
    pub municipalities: Vec<MunicipalityRow>,
    /// What the results are ordered by distance from, when they are.
    pub near_name: Option<String>,
    pub next_page: Option<String>,
    pub first_page: Option<String>,
    pub now: DateTime<Utc>,
    pub tiles_url: String,
}

impl ServicesPage {
    pub fn kinds(&self) -> &'static [ServiceKind] {
        ServiceKind::ALL
    }

    pub fn groups(&self) -> &'static [&'static str] {
        &policy::TARGET_GROUPS
    }

    pub fn countries(&self) -> &'static [&'static str] {
        &policy::COUNTRIES
    }

    /// The place list's chosen id (a filter or the "near" point).
    pub fn place(&self) -> &str {
        if self.params.municipality.is_empty() {
            &self.params.near
        } else {
            &self.params.municipality
        }
    }

    /// The filters' summary when they are folded on a phone, naming the ones
    /// in force, e.g. "Filteri: Srbija, Beograd (2)".
    pub fn filters_summary(&self) -> String {
        let title = self.page.t("filters-title");
        let p = &self.params;
        let mut chosen = Vec::new();
        if !p.kind.is_empty() {
            chosen.push(self.page.tp("service-kind-", &p.kind));
        }
        if !p.group.is_empty() {
            chosen.push(self.page.tp("service-group-", &p.group));
        }
        if !p.country.is_empty() {
            chosen.push(self.page.tp("country-", &p.country));
        }
        let place = self.place();
        if let Some(m) = self
            .municipalities
            .iter()
            .find(|m| !place.is_empty() && m.municipality_id.to_string() == place)
        {
            chosen.push(self.place_name(&m.name, &m.name_cyrl));
        }
        if chosen.is_empty() {
            return title;
        }
        format!("{title}: {} ({})", chosen.join(", "), chosen.len())
    }

    pub fn stale(&self, hit: &Hit) -> bool {
        policy::is_stale(hit.last_verified_at, self.now)
    }

    pub fn tel(&self, phone: &str) -> String {
        tel_href(phone)
    }

    /// "12,3 km" (comma decimals in Serbian).
    pub fn distance(&self, km: f64) -> String {
        let text = if km < 10.0 {
            format!("{km:.1}")
        } else {
            format!("{km:.0}")
        };
        if self.page.locale == crate::i18n::Locale::En {
            format!("{text} km")
        } else {
            format!("{} km", text.replace('.', ","))
        }
    }

    pub fn place_name(&self, latin: &str, cyrillic: &str) -> String {
        place_name(&self.page, latin, cyrillic)
    }
}

/// A place's name in the page's script (see [`Page::place`]).
pub fn place_name(page: &Page, latin: &str, cyrillic: &str) -> String {
    page.place(latin, cyrillic)
}

#[derive(Template, WebTemplate)]
#[template(path = "directory/show.html")]
pub struct ServicePage {
    pub page: Page,
    pub service: Service,
    pub description_html: String,
    pub stale: bool,
    pub can_suggest: bool,
    pub curates: bool,
    pub tiles_url: String,
}

impl ServicePage {
    pub fn tel(&self, phone: &str) -> String {
        tel_href(phone)
    }

    pub fn place_name(&self) -> String {
        place_name(
            &self.page,
            &self.service.municipality_name,
            &self.service.municipality_name_cyrl,
        )
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "directory/form.html")]
pub struct ServiceFormPage {
    pub page: Page,
    pub action: String,
    pub form: ServiceForm,
    pub errors: FormErrors,
    pub municipalities: Vec<MunicipalityRow>,
    /// Members say what changed and how they know; moderators just save.
    pub with_note: bool,
}

impl ServiceFormPage {
    pub fn kinds(&self) -> &'static [ServiceKind] {
        ServiceKind::ALL
    }
    pub fn groups(&self) -> &'static [&'static str] {
        &policy::TARGET_GROUPS
    }
    pub fn languages(&self) -> &'static [&'static str] {
        &policy::LANGUAGES
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "directory/review.html")]
pub struct ReviewQueuePage {
    pub page: Page,
    pub suggestions: Vec<Suggestion>,
    pub stale: Vec<Service>,
    pub stale_count: i64,
}

#[derive(Template, WebTemplate)]
#[template(path = "directory/suggestion.html")]
pub struct SuggestionPage {
    pub page: Page,
    pub suggestion: Suggestion,
    /// The record as it stands, for a correction.
    pub current: Option<Service>,
    pub form: ServiceForm,
    pub errors: FormErrors,
    pub municipalities: Vec<MunicipalityRow>,
    pub reason: String,
}

impl SuggestionPage {
    pub fn kinds(&self) -> &'static [ServiceKind] {
        ServiceKind::ALL
    }
    pub fn groups(&self) -> &'static [&'static str] {
        &policy::TARGET_GROUPS
    }
    pub fn languages(&self) -> &'static [&'static str] {
        &policy::LANGUAGES
    }

    /// The fields the suggestion really changes, old and new values shown
    /// in the reader's language (see `changes`).
    pub fn changes(&self) -> Vec<FieldChange> {
        let Some(current) = &self.current else {
            return Vec::new();
        };
        changes(
            &self.page,
            &super::store::ServiceInput::from_service(current),
            &self.suggestion.fields.0,
            &self.municipalities,
        )
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "directory/emergency_numbers.html")]
pub struct EmergencyNumbersPage {
    pub page: Page,
    pub numbers: Vec<EmergencyNumber>,
    pub form: NumberForm,
    pub errors: FormErrors,
}

impl EmergencyNumbersPage {
    pub fn countries(&self) -> &'static [&'static str] {
        &policy::COUNTRIES
    }

    pub fn kinds(&self) -> &'static [&'static str] {
        &super::emergency::KINDS
    }
}
