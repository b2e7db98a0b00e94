use askama::Template;
use askama_web::WebTemplate;

use super::home::store::{GroupActivity, MyEvent, NearService, NewResource, PublicWebinar};
use crate::i18n::{self, Args, Locale};
use crate::impact::store::Headline;
use crate::web::{FormErrors, Page};

/// The home page of a visitor: what Kolega is, its figures, upcoming public
/// webinars, featured resources and the service-map search.
#[derive(Template, WebTemplate)]
#[template(path = "site/home.html")]
pub struct HomeTemplate {
    pub page: Page,
    /// "I need help now": the emergency numbers, by country.
    pub emergency: Vec<crate::directory::emergency::CountryNumbers>,
    /// Featured library resources the viewer may open, newest featured first.
    pub featured: Vec<FeaturedCard>,
    pub webinars: Vec<PublicWebinar>,
    pub figures: Headline,
}

impl HomeTemplate {
    pub fn service_kinds(&self) -> &'static [crate::directory::vocabulary::ServiceKind] {
        crate::directory::vocabulary::ServiceKind::ALL
    }
}

/// A featured resource on the home page.
pub struct FeaturedCard {
    pub resource_id: uuid::Uuid,
    pub title: String,
    pub language: String,
    pub kind: crate::library::vocabulary::ResourceKind,
    /// The summary's first paragraph as plain text, shortened.
    pub summary: String,
}

/// The home page of a signed-in member: their next events, unread activity
/// in their groups, new resources in their topics, services near their
/// city and their points this year.
#[derive(Template, WebTemplate)]
#[template(path = "site/home_member.html")]
pub struct MemberHomeTemplate {
    pub page: Page,
    /// "I need help now": the emergency numbers, the member's country first.
    pub emergency: Vec<crate::directory::emergency::CountryNumbers>,
    pub featured: Vec<FeaturedCard>,
    pub events: Vec<MyEvent>,
    /// Courses the member has started and not finished, the newest first.
    pub learning: Vec<crate::courses::store::learning::Learning>,
    pub activity: Vec<GroupActivity>,
    pub resources: Vec<NewResource>,
    /// The followed topics' names in the page's language (empty: none chosen).
    pub topic_names: Vec<String>,
    /// The city in the member's profile, as they wrote it.
    pub city: String,
    /// The municipality it was matched to, in the page's script.
    pub near_place: Option<String>,
    pub services: Vec<NearService>,
    pub points: i64,
    /// The Belgrade calendar year the points are counted in.
    pub year: i32,
}

impl MemberHomeTemplate {
    /// "2 of 5 lessons done" for one of her courses.
    pub fn course_progress(&self, course: &crate::courses::store::learning::Learning) -> String {
        crate::courses::views::progress_text(&self.page, course.done, course.total)
    }

    /// "12 bodova za licencu u 2026. godini".
    pub fn points_text(&self) -> String {
        self.with_year("home-points-total")
    }

    pub fn points_empty_text(&self) -> String {
        self.with_year("home-points-empty")
    }

    fn with_year(&self, key: &str) -> String {
        // The year as text, so no number formatting touches it.
        let args = Args::new()
            .with("points", self.points)
            .with("year", self.year.to_string());
        i18n::t_args(self.page.locale, key, &args)
    }

    pub fn topics_text(&self) -> String {
        self.page.t1(
            "home-new-resources-topics",
            "topics",
            self.topic_names.join(", "),
        )
    }

    pub fn place_name(&self, service: &NearService) -> String {
        crate::directory::views::place_name(
            &self.page,
            &service.municipality_name,
            &service.municipality_name_cyrl,
        )
    }

    /// "12,3 km" (comma decimals in Serbian), as on the service map.
    pub fn distance(&self, km: &f64) -> String {
        let km = *km;
        let text = if km < 10.0 {
            format!("{km:.1}")
        } else {
            format!("{km:.0}")
        };
        if self.page.locale == Locale::En {
            format!("{text} km")
        } else {
            format!("{} km", text.replace('.', ","))
        }
    }
}

/// `/settings/topics`: the library topics a member follows.
#[derive(Template, WebTemplate)]
#[template(path = "site/topics.html")]
pub struct TopicsTemplate {
    pub page: Page,
    /// (slug, name in the page's language, chosen), by name.
    pub topics: Vec<(String, String, bool)>,
    pub errors: FormErrors,
}

#[derive(Template, WebTemplate)]
#[template(path = "site/content.html")]
pub struct ContentTemplate {
    pub page: Page,
    pub body_html: &'static str,
}
