//! A stretch of time as every page and e-mail shows it: in Europe/Belgrade,
//! in the reader's language. Here rather than in events because the page
//! layout (`web::Page::span`) needs it too.

use chrono::{DateTime, Utc};
use chrono_tz::Europe::Belgrade;

use super::Locale;

/// "1. 12. 2026. 18:00–19:30" (or both dates when the event spans days),
/// in Belgrade time and the given language's format.
pub fn span(locale: Locale, starts_at: DateTime<Utc>, ends_at: DateTime<Utc>) -> String {
    let (start, end) = (
        starts_at.with_timezone(&Belgrade),
        ends_at.with_timezone(&Belgrade),
    );
    let from = start.format(locale.datetime_format()).to_string();
    if start.date_naive() == end.date_naive() {
        format!("{from}–{}", end.format("%H:%M"))
    } else {
        format!("{from} – {}", end.format(locale.datetime_format()))
    }
}
