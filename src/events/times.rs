//! Event times are entered and shown in Europe/Belgrade and stored in UTC.
//! The two daylight-saving changes make local times odd twice a year: in
//! spring 02:00–02:59 does not exist, in autumn 02:00–02:59 happens twice.

use chrono::{DateTime, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use chrono_tz::Europe::Belgrade;

use crate::i18n::Locale;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LocalTimeError {
    /// Not a date (YYYY-MM-DD) and time (HH:MM).
    Malformed,
    /// Skipped by the clocks moving forward.
    DoesNotExist,
}

/// The instant of a Belgrade wall-clock date and time. In the repeated
/// autumn hour the first (summer-time) instant is meant — the one a person
/// reading their watch before the change would mean.
pub fn from_local(date: &str, time: &str) -> Result<DateTime<Utc>, LocalTimeError> {
    let date = NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d")
        .map_err(|_| LocalTimeError::Malformed)?;
    let time =
        NaiveTime::parse_from_str(time.trim(), "%H:%M").map_err(|_| LocalTimeError::Malformed)?;
    match Belgrade.from_local_datetime(&NaiveDateTime::new(date, time)) {
        LocalResult::Single(at) => Ok(at.with_timezone(&Utc)),
        LocalResult::Ambiguous(first, _) => Ok(first.with_timezone(&Utc)),
        LocalResult::None => Err(LocalTimeError::DoesNotExist),
    }
}

/// The Belgrade date ("2026-12-01") and time ("18:00") of an instant, as
/// form fields show them.
pub fn to_local(at: DateTime<Utc>) -> (String, String) {
    let local = at.with_timezone(&Belgrade);
    (
        local.format("%Y-%m-%d").to_string(),
        local.format("%H:%M").to_string(),
    )
}

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

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(text: &str) -> DateTime<Utc> {
        text.parse().unwrap()
    }

    #[test]
    fn winter_and_summer_offsets() {
        assert_eq!(
            from_local("2026-12-01", "18:00"),
            Ok(utc("2026-12-01T17:00:00Z"))
        );
        assert_eq!(
            from_local("2026-07-01", "18:00"),
            Ok(utc("2026-07-01T16:00:00Z"))
        );
        assert_eq!(
            to_local(utc("2026-07-01T16:00:00Z")),
            ("2026-07-01".into(), "18:00".into())
        );
    }

    #[test]
    fn the_daylight_saving_days() {
        // 29 March 2026: 02:00 becomes 03:00.
        assert_eq!(
            from_local("2026-03-29", "02:30"),
            Err(LocalTimeError::DoesNotExist)
        );
        assert_eq!(
            from_local("2026-03-29", "10:00"),
            Ok(utc("2026-03-29T08:00:00Z"))
        );
        // 25 October 2026: 03:00 becomes 02:00 again; 02:30 is the first one.
        assert_eq!(
            from_local("2026-10-25", "02:30"),
            Ok(utc("2026-10-25T00:30:00Z"))
        );
        assert_eq!(
            from_local("2026-10-25", "10:00"),
            Ok(utc("2026-10-25T09:00:00Z"))
        );
    }

    #[test]
    fn malformed_input() {
        assert_eq!(
            from_local("1.12.2026", "18:00"),
            Err(LocalTimeError::Malformed)
        );
        assert_eq!(
            from_local("2026-12-01", "25:00"),
            Err(LocalTimeError::Malformed)
        );
        assert_eq!(from_local("", ""), Err(LocalTimeError::Malformed));
    }
}
