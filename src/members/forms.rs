//! The members feature's forms and their validation. A form that fails
//! comes back with the user's input (never a password) and a message
//! beside each field.

use serde::Deserialize;

use super::password;
use super::profile::{is_country, is_profession};
use crate::i18n::Locale;
use crate::web::FormErrors;
use crate::web::form_checks::check_length;

pub const MAX_NAME: usize = 100;
pub const MAX_SHORT: usize = 200;
pub const MAX_BIO: usize = 4000;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct RegisterForm {
    pub name: String,
    pub email: String,
    #[serde(skip_serializing)]
    pub password: String,
    pub profession: String,
    pub country: String,
    pub city: String,
    pub institution: String,
    pub accept_guidelines: Option<String>,
    pub accept_safeguarding: Option<String>,
}

impl RegisterForm {
    pub fn validate(&mut self, locale: Locale) -> FormErrors {
        self.trim();
        let mut errors = FormErrors::new(locale);
        check_name(&mut errors, &self.name);
        check_email(&mut errors, "email", &self.email);
        if let Some(problem) = password::problem(&self.password, &self.email, &self.name) {
            errors.add("password", problem);
        }
        if !is_profession(&self.profession) {
            errors.add("profession", "error-choose-profession");
        }
        if !is_country(&self.country) {
            errors.add("country", "error-choose-country");
        }
        check_length(&mut errors, "city", &self.city, MAX_SHORT);
        check_length(&mut errors, "institution", &self.institution, MAX_SHORT);
        if self.accept_guidelines.is_none() {
            errors.add("accept_guidelines", "error-accept-guidelines");
        }
        if self.accept_safeguarding.is_none() {
            errors.add("accept_safeguarding", "error-accept-safeguarding");
        }
        errors
    }

    fn trim(&mut self) {
        for field in [
            &mut self.name,
            &mut self.email,
            &mut self.city,
            &mut self.institution,
        ] {
            *field = field.trim().to_owned();
        }
        self.email = self.email.to_lowercase();
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct LoginForm {
    pub email: String,
    pub password: String,
    pub remember: Option<String>,
    pub next: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct EmailOnlyForm {
    pub email: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct NewPasswordForm {
    pub password: String,
    pub confirm: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ProfileForm {
    pub name: String,
    pub bio: String,
    pub expertise: String,
    pub institution: String,
    pub city: String,
    pub country: String,
    pub locale: String,
    pub listed_in_directory: Option<String>,
    pub shown_online: Option<String>,
}

impl ProfileForm {
    pub fn validate(&mut self, locale: Locale) -> FormErrors {
        for field in [
            &mut self.name,
            &mut self.bio,
            &mut self.expertise,
            &mut self.institution,
            &mut self.city,
        ] {
            *field = field.trim().to_owned();
        }
        let mut errors = FormErrors::new(locale);
        check_name(&mut errors, &self.name);
        check_length(&mut errors, "bio", &self.bio, MAX_BIO);
        check_length(&mut errors, "expertise", &self.expertise, MAX_SHORT);
        check_length(&mut errors, "institution", &self.institution, MAX_SHORT);
        check_length(&mut errors, "city", &self.city, MAX_SHORT);
        if !is_country(&self.country) {
            errors.add("country", "error-choose-country");
        }
        if Locale::from_tag(&self.locale).is_none() {
            errors.add("locale", "error-choose-language");
        }
        errors
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ChangeEmailForm {
    pub new_email: String,
    pub password: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ChangePasswordForm {
    pub current_password: String,
    pub new_password: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct PasswordOnlyForm {
    pub password: String,
}

fn check_name(errors: &mut FormErrors, name: &str) {
    if name.is_empty() {
        errors.add("name", "error-name-required");
    }
    check_length(errors, "name", name, MAX_NAME);
}

/// An address someone will be mailed at: the mailer's own rules
/// (`notify::address`), so nothing the transport would refuse for good
/// gets through the form.
pub fn check_email(errors: &mut FormErrors, field: &'static str, email: &str) {
    if let Some(key) = crate::notify::address::problem(email) {
        errors.add(field, key);
    }
}
