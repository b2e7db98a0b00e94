//! Event times are entered and shown in Europe/Belgrade and stored in UTC.
//! The two daylight-saving changes make local times odd twice a year: in
//! spring 02:00–02:59 does not exist, in autumn 02:00–02:59 happens twice.

use chrono::{DateTime, Duration, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use chrono_tz::Europe::Belgrade;

use crate::i18n::Locale;

/// Shown on pages too, so it lives in the foundation (`i18n::times`).
pub use crate::i18n::times::span;

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

/// How long until something starts, as a reminder says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeLeft {
    Minutes(i64),
    Hours(i64),
}

/// `left` to the nearest minute (at least one) under an hour, to the
/// nearest hour from then on: "in 57 minutes" is worth saying exactly, "in
/// 23 hours and 12 minutes" is not.
pub fn time_left(left: Duration) -> TimeLeft {
    let minutes = ((left.num_seconds() + 30) / 60).max(1);
    if minutes < 60 {
        TimeLeft::Minutes(minutes)
    } else {
        TimeLeft::Hours((minutes + 30) / 60)
    }
}

/// "za 3 minuta", "за 1 сат", "in 2 hours" (the catalogue knows the
/// language's plural forms).
pub fn time_left_words(locale: Locale, left: TimeLeft) -> String {
    let (key, count) = match left {
        TimeLeft::Minutes(n) => ("event-in-minutes", n),
        TimeLeft::Hours(n) => ("event-in-hours", n),
    };
    crate::i18n::t_args(locale, key, &crate::i18n::Args::new().with("count", count))
}

/// Whether `at` falls on the same Belgrade calendar day as `now`.
pub fn same_local_day(at: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    at.with_timezone(&Belgrade).date_naive() == now.with_timezone(&Belgrade).date_naive()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_left_is_rounded_and_said_with_plural_forms() {
        let words =
            |locale, seconds| time_left_words(locale, time_left(Duration::seconds(seconds)));
        assert_eq!(time_left(Duration::seconds(10)), TimeLeft::Minutes(1));
        assert_eq!(words(Locale::SrLatn, 3 * 60), "za 3 minuta");
        assert_eq!(words(Locale::SrLatn, 60), "za 1 minut");
        assert_eq!(words(Locale::SrLatn, 21 * 60 + 10), "za 21 minut");
        assert_eq!(words(Locale::SrLatn, 11 * 60), "za 11 minuta");
        assert_eq!(words(Locale::SrLatn, 59 * 60 + 40), "za 1 sat");
        assert_eq!(words(Locale::SrLatn, 2 * 3600), "za 2 sata");
        assert_eq!(words(Locale::SrLatn, 5 * 3600 + 600), "za 5 sati");
        assert_eq!(words(Locale::SrLatn, 21 * 3600), "za 21 sat");
        assert_eq!(words(Locale::SrCyrl, 3 * 60), "за 3 минута");
        assert_eq!(words(Locale::SrCyrl, 23 * 3600 + 1000), "за 23 сата");
        assert_eq!(words(Locale::En, 60), "in 1 minute");
        assert_eq!(words(Locale::En, 3 * 60), "in 3 minutes");
        assert_eq!(words(Locale::En, 3600), "in 1 hour");
        assert_eq!(words(Locale::En, 7 * 3600), "in 7 hours");
    }

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
