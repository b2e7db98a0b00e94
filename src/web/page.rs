//! `Page`: what the layout template needs on every page (language, CSRF
//! token, title, where we are), with the helpers templates call.

use chrono::{DateTime, Utc};
use chrono_tz::Europe::Belgrade;

use super::{RequestContext, static_files};
use crate::i18n::{self, Args, Locale};
use crate::members::current_user::CurrentUser;
use crate::members::presence::OnlineCounts;

#[derive(Debug, Clone)]
pub struct Page {
    pub locale: Locale,
    pub csrf_token: String,
    pub path: String,
    pub title: String,
    /// Which top-level section the page belongs to, for `aria-current`.
    pub section: &'static str,
    pub user: Option<CurrentUser>,
    pub online: OnlineCounts,
    pub flash: Option<String>,
}

impl Page {
    pub fn new(ctx: &RequestContext, title: String) -> Page {
        Page {
            locale: ctx.locale,
            csrf_token: ctx.csrf_token.clone(),
            path: ctx.path.clone(),
            title,
            section: "",
            user: ctx.user.clone(),
            online: ctx.online,
            flash: ctx.flash.clone(),
        }
    }

    /// A page whose title is the catalogue message `title_key`.
    pub fn titled(ctx: &RequestContext, title_key: &str) -> Page {
        Page::new(ctx, i18n::t(ctx.locale, title_key))
    }

    pub fn in_section(mut self, section: &'static str) -> Page {
        self.section = section;
        self
    }

    pub fn t(&self, key: &str) -> String {
        i18n::t(self.locale, key)
    }

    /// The message `prefix` + `value`, e.g. `page.tp("country-", "RS")`.
    pub fn tp(&self, prefix: &str, value: &str) -> String {
        i18n::t(self.locale, &format!("{prefix}{value}"))
    }

    /// A message with one argument, e.g. `page.t1("member-count", "count", n)`.
    pub fn t1(&self, key: &str, name: &'static str, value: impl ToString) -> String {
        let value = value.to_string();
        let args = match value.parse::<i64>() {
            Ok(number) => Args::new().with(name, number),
            Err(_) => Args::new().with(name, value),
        };
        i18n::t_args(self.locale, key, &args)
    }

    /// A file's size beside its download link: "340 KB", "1,2 MB" (a
    /// decimal comma in Serbian).
    pub fn file_size(&self, bytes: i64) -> String {
        let size = crate::text::file_size::human(bytes);
        match self.locale {
            Locale::En => size,
            Locale::SrLatn | Locale::SrCyrl => size.replace('.', ","),
        }
    }

    pub fn html_lang(&self) -> &'static str {
        self.locale.tag()
    }

    pub fn locales(&self) -> [Locale; 3] {
        Locale::ALL
    }

    /// A versioned URL for a static file, so it can be cached for a year.
    pub fn asset(&self, path: &str) -> String {
        static_files::versioned_url(path)
    }

    /// Date and time in Europe/Belgrade, in the page's language.
    pub fn datetime(&self, at: &DateTime<Utc>) -> String {
        at.with_timezone(&Belgrade)
            .format(self.locale.datetime_format())
            .to_string()
    }

    /// When an event happens: "1. 12. 2026. u 18:00–19:30".
    pub fn span(&self, starts_at: &DateTime<Utc>, ends_at: &DateTime<Utc>) -> String {
        crate::events::times::span(self.locale, *starts_at, *ends_at)
    }

    /// Time of day in Europe/Belgrade ("14:05").
    pub fn time(&self, at: &DateTime<Utc>) -> String {
        at.with_timezone(&Belgrade).format("%H:%M").to_string()
    }

    pub fn date(&self, at: &DateTime<Utc>) -> String {
        at.with_timezone(&Belgrade)
            .format(self.locale.date_format())
            .to_string()
    }

    pub fn is_section(&self, section: &str) -> bool {
        self.section == section
    }

    pub fn signed_in(&self) -> bool {
        self.user.is_some()
    }

    pub fn is_admin(&self) -> bool {
        self.user.as_ref().is_some_and(CurrentUser::is_admin)
    }

    pub fn is_moderator(&self) -> bool {
        self.user.as_ref().is_some_and(CurrentUser::is_moderator)
    }

    /// "3 members and 5 guests online", in the page's language.
    pub fn online_text(&self) -> String {
        let args = Args::new()
            .with("members", self.online.members)
            .with("guests", self.online.guests);
        i18n::t_args(self.locale, "footer-online", &args)
    }
}
