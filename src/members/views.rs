//! Template structs of the members feature.

use askama::Template;
use askama_web::WebTemplate;

use super::admin_store::AdminRow;
use super::forms::{LoginForm, ProfileForm, RegisterForm};
use super::profile::{COUNTRIES, PROFESSIONS, Profile};
use super::{Approval, Role};
use crate::i18n::Locale;
use crate::web::{FormErrors, Page};

/// Lists the templates' `<select>`s draw from.
pub struct Choices;

impl Choices {
    pub fn professions(&self) -> [&'static str; 3] {
        PROFESSIONS
    }

    pub fn countries(&self) -> [&'static str; 9] {
        COUNTRIES
    }

    pub fn locales(&self) -> [Locale; 3] {
        Locale::ALL
    }

    pub fn roles(&self) -> &'static [Role] {
        Role::ALL
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "members/register.html")]
pub struct RegisterPage {
    pub page: Page,
    pub form: RegisterForm,
    pub errors: FormErrors,
    pub choices: Choices,
}

/// A page with a heading and a few paragraphs ("Check your e-mail",
/// "This link has expired", …) and an optional link onwards.
#[derive(Template, WebTemplate)]
#[template(path = "members/notice.html")]
pub struct NoticePage {
    pub page: Page,
    pub paragraphs: Vec<String>,
    pub link: Option<(String, String)>,
    /// Show the "send the link again" form (signed-in, unverified members).
    pub offer_resend: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "members/login.html")]
pub struct LoginPage {
    pub page: Page,
    pub form: LoginForm,
    pub error: Option<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "members/forgot.html")]
pub struct ForgotPage {
    pub page: Page,
    pub email: String,
    pub errors: FormErrors,
}

#[derive(Template, WebTemplate)]
#[template(path = "members/reset.html")]
pub struct ResetPage {
    pub page: Page,
    pub token: String,
    pub errors: FormErrors,
}

#[derive(Template, WebTemplate)]
#[template(path = "members/settings.html")]
pub struct SettingsPage {
    pub page: Page,
    pub profile: ProfileForm,
    pub email: String,
    pub new_email: String,
    pub errors: FormErrors,
    pub choices: Choices,
}

#[derive(Template, WebTemplate)]
#[template(path = "members/profile.html")]
pub struct ProfilePage {
    pub page: Page,
    pub profile: Profile,
    pub is_own: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "members/directory.html")]
pub struct DirectoryPage {
    pub page: Page,
    pub q: String,
    pub role: String,
    pub country: String,
    pub members: Vec<Profile>,
    pub next_page: Option<String>,
    pub choices: Choices,
}

#[derive(Template, WebTemplate)]
#[template(path = "members/online.html")]
pub struct OnlinePage {
    pub page: Page,
    /// Colleagues who chose to be shown, by name.
    pub shown: Vec<crate::members::presence::OnlineMember>,
    /// Members online who are only counted.
    pub others: i64,
    pub guests: i64,
    /// Whether the reader herself is on the list (if not, how to be).
    pub shown_self: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "members/admin.html")]
pub struct AdminPage {
    pub page: Page,
    pub q: String,
    pub status: String,
    pub rows: Vec<AdminRow>,
    pub next_page: Option<String>,
    pub previous_page: Option<String>,
    pub require_approval: bool,
    /// The certificate issuer as saved (empty: the default).
    pub issuer: String,
    pub settings_errors: FormErrors,
    pub can_administer: bool,
    pub choices: Choices,
}
