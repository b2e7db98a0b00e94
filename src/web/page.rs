//! `Page`: what the layout template needs on every page (language, CSRF
//! token, title, where we are), with the helpers templates call.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use chrono::{DateTime, Utc};
use chrono_tz::Europe::Belgrade;

use super::context::OnlineCounts;
use super::current_user::CurrentUser;
use super::{RequestContext, static_files};
use crate::i18n::{self, Args, Locale};
use crate::text::script::{self, Script};
use crate::text::translit;

/// The query parameter asking for members' content as written
/// (`?izvorno=1`), see [`Page::content`].
pub const ORIGINAL_PARAMETER: &str = "izvorno";

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
    /// The reader asked for members' content as written (`?izvorno=1`).
    pub original: bool,
    /// Whether any of members' content on this page is (or, in original
    /// mode, would be) shown in the other script: then the page offers the
    /// way to the original and back. Shared by clones of the page, set while
    /// the template renders; the layout reads it after the content block.
    converted: Arc<AtomicBool>,
    /// Whether this page is at an address (a GET) that can be shown again
    /// with `?izvorno=1`: a form re-shown after a POST offers no original.
    pub offers_original: bool,
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
            original: asks_for_original(&ctx.path),
            converted: Arc::default(),
            offers_original: ctx.is_read,
        }
    }

    /// Members' content in a language of `language` (as groups, events and
    /// resources name it), in the reader's script: Cyrillic for a reader of
    /// the Cyrillic interface, Latin for a reader of the Latin one, as
    /// written for English readers, for other languages, and when the reader
    /// asked for the original (`?izvorno=1`, a plain link rather than a
    /// cookie so that the original is one click away, can be shared, and
    /// is forgotten on the next page). The rules are `text::script`'s.
    pub fn content(&self, language: &str, text: &str) -> String {
        match self.content_script(language) {
            Some(to) => self.shown(text, script::text_to(to, text)),
            None => text.to_owned(),
        }
    }

    /// [`Page::content`] for sanitised HTML (a post, a description).
    pub fn content_html(&self, language: &str, html: &str) -> String {
        match self.content_script(language) {
            Some(to) => self.shown(html, script::html_to(to, html)),
            None => html.to_owned(),
        }
    }

    /// The page title, when it is members' content (a thread's title), in
    /// the reader's script like the rest of the page.
    pub fn with_content_title(mut self, language: &str) -> Page {
        self.title = self.content(language, &self.title);
        self
    }

    fn content_script(&self, language: &str) -> Option<Script> {
        if !script::is_biscriptal_language(language) {
            return None;
        }
        match self.locale {
            Locale::SrCyrl => Some(Script::Cyrillic),
            Locale::SrLatn => Some(Script::Latin),
            Locale::En => None,
        }
    }

    fn shown(&self, written: &str, converted: String) -> String {
        if converted == written {
            return converted;
        }
        self.converted.store(true, Ordering::Relaxed);
        if self.original {
            written.to_owned()
        } else {
            converted
        }
    }

    /// Whether members' content on this page differs from how it was written.
    pub fn converted(&self) -> bool {
        self.converted.load(Ordering::Relaxed)
    }

    /// This page with members' content as written.
    pub fn original_href(&self) -> String {
        let path = self.path_without_original();
        let separator = if path.contains('?') { '&' } else { '?' };
        format!("{path}{separator}{ORIGINAL_PARAMETER}=1")
    }

    /// This page without the original-text parameter: what forms return to
    /// (the language switch) and the way back from the original.
    pub fn path_without_original(&self) -> String {
        let Some((path, query)) = self.path.split_once('?') else {
            return self.path.clone();
        };
        let rest: Vec<&str> = query
            .split('&')
            .filter(|pair| pair.split('=').next() != Some(ORIGINAL_PARAMETER))
            .collect();
        if rest.is_empty() {
            path.to_owned()
        } else {
            format!("{path}?{}", rest.join("&"))
        }
    }

    /// Reference data kept in Latin (a region, a topic's Serbian name, a
    /// city as typed) in the reader's script, transliterated like the
    /// interface catalogue itself.
    pub fn reference(&self, latin: &str) -> String {
        match self.locale {
            Locale::SrCyrl => translit::to_cyrillic(latin),
            Locale::SrLatn | Locale::En => latin.to_owned(),
        }
    }

    /// A place's name in the reader's script: its official Cyrillic name
    /// on a Cyrillic page when known, else the Latin one transliterated.
    pub fn place(&self, latin: &str, cyrillic: &str) -> String {
        if self.locale == Locale::SrCyrl && !cyrillic.is_empty() {
            cyrillic.to_owned()
        } else {
            self.reference(latin)
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
        i18n::times::span(self.locale, *starts_at, *ends_at)
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

fn asks_for_original(path: &str) -> bool {
    path.split_once('?').is_some_and(|(_, query)| {
        query
            .split('&')
            .any(|pair| pair == "izvorno=1" || pair == "izvorno=true")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(locale: Locale, path: &str) -> Page {
        let (mut ctx, _) = RequestContext::from_headers(&Default::default(), path.to_owned());
        ctx.locale = locale;
        Page::new(&ctx, String::new())
    }

    #[test]
    fn the_original_link_adds_and_the_way_back_removes_one_parameter() {
        let converted = page(Locale::SrCyrl, "/groups/a/t/1?page=2");
        assert!(!converted.original);
        assert_eq!(converted.original_href(), "/groups/a/t/1?page=2&izvorno=1");
        let original = page(Locale::SrCyrl, "/groups/a/t/1?page=2&izvorno=1");
        assert!(original.original);
        assert_eq!(original.path_without_original(), "/groups/a/t/1?page=2");
        assert_eq!(
            page(Locale::SrCyrl, "/events?izvorno=1").path_without_original(),
            "/events"
        );
    }

    #[test]
    fn content_follows_the_reader_unless_the_original_is_asked_for() {
        let cyrillic = page(Locale::SrCyrl, "/");
        assert_eq!(cyrillic.content("sr", "Dobar dan"), "Добар дан");
        assert_eq!(cyrillic.content("en", "Good day"), "Good day");
        assert!(cyrillic.converted());
        let latin = page(Locale::SrLatn, "/");
        assert_eq!(latin.content("sr", "Dobar dan"), "Dobar dan");
        assert!(!latin.converted());
        assert_eq!(latin.content("sr", "Добар дан"), "Dobar dan");
        assert!(latin.converted());
        let original = page(Locale::SrCyrl, "/?izvorno=1");
        assert_eq!(original.content("sr", "Dobar dan"), "Dobar dan");
        assert!(original.converted(), "the way back is offered");
        assert_eq!(
            page(Locale::En, "/").content("sr", "Dobar dan"),
            "Dobar dan"
        );
    }
}
