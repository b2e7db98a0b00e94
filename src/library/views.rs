//! Template structs of the library.

use askama::Template;
use askama_web::WebTemplate;
use chrono::{DateTime, Utc};

use super::forms::ResourceForm;
use super::search::{FacetCount, Hit};
use super::store::{Change, Related, Resource};
use super::vocabulary::{ResourceAudience, ResourceKind, ResourceStatus};
use crate::web::{FormErrors, Page};

#[derive(Template, WebTemplate)]
#[template(path = "library/search.html")]
pub struct LibraryPage {
    pub page: Page,
    pub q: String,
    pub kind: String,
    pub topic: String,
    pub language: String,
    pub audience: String,
    pub year: String,
    pub sort: String,
    pub hits: Vec<Hit>,
    /// Facet name and its counts, in the order shown.
    pub facets: Vec<(&'static str, Vec<FacetCount>)>,
    /// The counts cover every match, not only the newest ones.
    pub counts_complete: bool,
    /// The member's own drafts and submissions.
    pub mine: Vec<Resource>,
    /// (slug, Serbian name, English name) of every topic.
    pub topic_names: Vec<(String, String, String)>,
    pub next_page: Option<String>,
    /// On a later page, the link back to the first (keyset pages go forward).
    pub first_page: Option<String>,
}

impl LibraryPage {
    /// Groups facet counts by facet, in the order the page shows them.
    pub fn group_facets(counts: Vec<FacetCount>) -> Vec<(&'static str, Vec<FacetCount>)> {
        ["kind", "topic", "language", "audience", "year"]
            .into_iter()
            .map(|name| {
                let values = counts.iter().filter(|f| f.facet == name).cloned().collect();
                (name, values)
            })
            .filter(|(_, values): &(&str, Vec<FacetCount>)| !values.is_empty())
            .collect()
    }

    /// How many resources the search found: every resource has exactly one
    /// kind, so the kind counts add up to the matches (the newest ones only
    /// when the counts are not complete).
    pub fn result_count(&self) -> i64 {
        self.facets
            .iter()
            .find(|(name, _)| *name == "kind")
            .map_or(0, |(_, values)| values.iter().map(|f| f.count).sum())
    }

    /// How a facet value reads on the page.
    pub fn facet_label(&self, name: &str, value: &str) -> String {
        match name {
            "year" => value.to_owned(),
            "topic" => self
                .topic_names
                .iter()
                .find(|(slug, _, _)| slug == value)
                .map_or_else(
                    || value.to_owned(),
                    |(_, sr, en)| topic_name(self.page.locale, sr, en),
                ),
            _ => self.page.tp(&format!("resource-{name}-"), value),
        }
    }

    /// This page's address with one filter set (or cleared when it is set already).
    pub fn with_filter(&self, name: &str, value: &str) -> String {
        let current = |field: &str, own: &str| {
            if field == name {
                if own == value {
                    String::new()
                } else {
                    value.to_owned()
                }
            } else {
                own.to_owned()
            }
        };
        let query = serde_urlencoded::to_string([
            ("q", self.q.clone()),
            ("kind", current("kind", &self.kind)),
            ("topic", current("topic", &self.topic)),
            ("language", current("language", &self.language)),
            ("audience", current("audience", &self.audience)),
            ("year", current("year", &self.year)),
            ("sort", self.sort.clone()),
        ]);
        format!("/library?{}", query.unwrap_or_default())
    }

    /// The filters in force, kept by the search form as hidden fields.
    pub fn chosen_filters(&self) -> Vec<(&'static str, String)> {
        [
            ("kind", &self.kind),
            ("topic", &self.topic),
            ("language", &self.language),
            ("audience", &self.audience),
            ("year", &self.year),
        ]
        .into_iter()
        .filter(|(_, value)| !value.is_empty())
        .map(|(name, value)| (name, value.clone()))
        .collect()
    }

    /// The filters' summary when they are folded on a phone, naming the ones
    /// in force, e.g. "Filteri: Srbija, protokoli (2)".
    pub fn filters_summary(&self) -> String {
        let title = self.page.t("filters-title");
        let chosen = self.chosen_filters();
        if chosen.is_empty() {
            return title;
        }
        let labels: Vec<String> = chosen
            .iter()
            .map(|(name, value)| self.facet_label(name, value))
            .collect();
        format!("{title}: {} ({})", labels.join(", "), chosen.len())
    }

    pub fn is_chosen(&self, name: &str, value: &str) -> bool {
        let chosen = match name {
            "kind" => &self.kind,
            "topic" => &self.topic,
            "language" => &self.language,
            "audience" => &self.audience,
            "year" => &self.year,
            _ => return false,
        };
        chosen == value
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "library/show.html")]
pub struct ResourcePage {
    pub page: Page,
    pub resource: Resource,
    pub summary_html: String,
    pub citation: String,
    pub related: Vec<Related>,
    pub changes: Vec<Change>,
    pub can_edit: bool,
    pub can_submit: bool,
    pub curates: bool,
}

impl ResourcePage {
    pub fn related_as(&self, relation: &str) -> Vec<Related> {
        self.related
            .iter()
            .filter(|r| r.relation == relation)
            .cloned()
            .collect()
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "library/form.html")]
pub struct ResourceFormPage {
    pub page: Page,
    pub action: String,
    pub form: ResourceForm,
    pub errors: FormErrors,
    /// A new resource: multipart with a file field.
    pub with_file: bool,
    /// (slug, Serbian name, English name)
    pub topics: Vec<(String, String, String)>,
    pub kinds: &'static [ResourceKind],
    pub languages: &'static [&'static str],
    pub audiences: &'static [ResourceAudience],
}

impl ResourceFormPage {
    pub fn topic_name(&self, topic: &(String, String, String)) -> String {
        topic_name(self.page.locale, &topic.1, &topic.2)
    }
}

/// A topic's name in the page's language (Cyrillic by transliteration).
pub fn topic_name(locale: crate::i18n::Locale, serbian: &str, english: &str) -> String {
    match locale {
        crate::i18n::Locale::En => english.to_owned(),
        // Like `Page::reference`: the catalogue's own transliteration.
        crate::i18n::Locale::SrCyrl => crate::text::translit::to_cyrillic(serbian),
        crate::i18n::Locale::SrLatn => serbian.to_owned(),
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "library/review.html")]
pub struct ReviewPage {
    pub page: Page,
    pub queue: Vec<Resource>,
    pub mine: Vec<Resource>,
}

#[derive(Template)]
#[template(path = "library/feed.xml")]
pub struct Feed {
    pub base_url: String,
    pub updated: DateTime<Utc>,
    pub resources: Vec<Resource>,
}

#[derive(Template, WebTemplate)]
#[template(path = "library/print.html")]
pub struct PrintPage {
    pub page: Page,
    pub resource: Resource,
    pub summary_html: String,
    pub citation: String,
    pub url: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "library/topics.html")]
pub struct TopicsPage {
    pub page: Page,
    pub topics: Vec<(String, String, String)>,
    pub form: super::forms::TopicForm,
    pub errors: FormErrors,
}

/// A published members-only resource opened by a visitor: what it is and how
/// to sign in or join to read it.
#[derive(Template, WebTemplate)]
#[template(path = "library/members_only.html")]
pub struct MembersOnlyPage {
    pub page: Page,
    /// Where signing in leads back to.
    pub next: String,
}
