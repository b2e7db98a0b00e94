//! iCalendar (RFC 5545) text for events, for downloads, feeds and e-mail
//! attachments.
//!
//! Times are stored in UTC and written as Europe/Belgrade wall-clock times
//! with a matching VTIMEZONE, so calendars show the time members expect
//! even on the day the clocks change.

use chrono::{DateTime, LocalResult, TimeZone, Utc};
use chrono_tz::Europe::Belgrade;

const TZID: &str = "Europe/Belgrade";

/// RFC 5545 §3.1: content lines SHOULD NOT be longer than 75 octets,
/// excluding the line break.
const MAX_LINE_OCTETS: usize = 75;

/// Europe/Belgrade as the EU has observed it since 1996: CEST from the last
/// Sunday of March 02:00 CET, CET from the last Sunday of October 03:00 CEST.
/// The 1970 DTSTARTs are Sundays that match the rules, as RFC 5545 asks.
const VTIMEZONE: &[&str] = &[
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Belgrade",
    "X-LIC-LOCATION:Europe/Belgrade",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "END:VTIMEZONE",
];

/// One event as a calendar entry.
pub struct CalendarEvent<'a> {
    /// Stable across changes, e.g. "<uuid>@kolega"; the same UID updates the
    /// entry in the member's calendar.
    pub uid: String,
    /// Incremented on each change of time/place, so calendars apply updates.
    pub sequence: i32,
    pub summary: &'a str,
    /// Plain text (may contain newlines, commas, semicolons, backslashes,
    /// Cyrillic).
    pub description: &'a str,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    /// Address/place, or None.
    pub location: Option<&'a str>,
    /// A link (online meeting link or the event page), or None.
    pub url: Option<&'a str>,
    /// Organiser's display name and e-mail, or None.
    pub organizer: Option<(&'a str, &'a str)>,
    pub cancelled: bool,
    /// Last modification (DTSTAMP / LAST-MODIFIED).
    pub updated_at: DateTime<Utc>,
}

/// A whole VCALENDAR: PRODID, VERSION, CALSCALE, `X-WR-CALNAME:<name>`, an
/// optional `METHOD` ("PUBLISH" for downloads and feeds, "REQUEST" for e-mail
/// attachments, None for no METHOD line), the Europe/Belgrade VTIMEZONE and
/// one VEVENT per event. Lines end in CRLF and are folded at 75 octets.
pub fn calendar(name: &str, method: Option<&str>, events: &[CalendarEvent<'_>]) -> String {
    let mut out = Lines::default();
    out.push("BEGIN:VCALENDAR");
    out.push("PRODID:-//Kolega//Kolega//SR");
    out.push("VERSION:2.0");
    out.push("CALSCALE:GREGORIAN");
    if let Some(method) = method {
        out.push(&format!("METHOD:{}", strip_controls(method)));
    }
    out.text("X-WR-CALNAME", name);
    for line in VTIMEZONE {
        out.push(line);
    }
    for event in events {
        write_event(&mut out, event);
    }
    out.push("END:VCALENDAR");
    out.0
}

fn write_event(out: &mut Lines, event: &CalendarEvent<'_>) {
    out.push("BEGIN:VEVENT");
    out.text("UID", &event.uid);
    // SEQUENCE is a non-negative integer (RFC 5545 §3.8.7.4).
    out.push(&format!("SEQUENCE:{}", event.sequence.max(0)));
    out.push(&format!("DTSTAMP:{}", utc_stamp(event.updated_at)));
    out.push(&format!("LAST-MODIFIED:{}", utc_stamp(event.updated_at)));
    out.push(&local_date_time("DTSTART", event.starts_at));
    out.push(&local_date_time("DTEND", event.ends_at));
    out.text("SUMMARY", event.summary);
    out.text("DESCRIPTION", event.description);
    if let Some(location) = event.location.filter(|l| !l.trim().is_empty()) {
        out.text("LOCATION", location);
    }
    // URL and ORGANIZER are URIs, not TEXT: backslash escapes would corrupt
    // them, so only control characters (which could start a new line) go.
    if let Some(url) = event.url.filter(|u| !u.trim().is_empty()) {
        out.push(&format!("URL:{}", strip_controls(url.trim())));
    }
    if let Some(line) = event
        .organizer
        .and_then(|(name, email)| organizer(name, email))
    {
        out.push(&line);
    }
    out.push(if event.cancelled {
        "STATUS:CANCELLED"
    } else {
        "STATUS:CONFIRMED"
    });
    out.push("END:VEVENT");
}

/// `NAME;TZID=Europe/Belgrade:YYYYMMDDTHHMMSS` for the Belgrade wall-clock
/// time of `at`.
fn local_date_time(name: &str, at: DateTime<Utc>) -> String {
    let local = at.with_timezone(&Belgrade);
    let naive = local.naive_local();
    // In the October hour that happens twice, a TZID time means its first
    // occurrence (RFC 5545 §3.3.5); an instant in the second one can only be
    // written exactly in UTC.
    match Belgrade.from_local_datetime(&naive) {
        LocalResult::Ambiguous(first, _) if first != local => {
            format!("{name}:{}", utc_stamp(at))
        }
        _ => format!("{name};TZID={TZID}:{}", naive.format("%Y%m%dT%H%M%S")),
    }
}

fn utc_stamp(at: DateTime<Utc>) -> String {
    at.format("%Y%m%dT%H%M%SZ").to_string()
}

/// `ORGANIZER;CN=<name>:mailto:<email>`, or None without an address.
fn organizer(name: &str, email: &str) -> Option<String> {
    let email = strip_controls(email.trim());
    if email.is_empty() {
        return None;
    }
    // A parameter value can't contain DQUOTE even when quoted (§3.1), and
    // needs quoting when it contains ':', ';' or ','.
    let name: String = name
        .chars()
        .filter(|c| *c != '"' && !c.is_control())
        .collect();
    let name = name.trim();
    Some(if name.is_empty() {
        format!("ORGANIZER:mailto:{email}")
    } else if name.contains([':', ';', ',']) {
        format!("ORGANIZER;CN=\"{name}\":mailto:{email}")
    } else {
        format!("ORGANIZER;CN={name}:mailto:{email}")
    })
}

/// Escapes a TEXT value (RFC 5545 §3.3.11).
fn escape_text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            // HTAB is whitespace that TEXT allows as it is.
            '\t' => out.push('\t'),
            // CR (of a CRLF, whose LF is already `\n`) and any other control
            // character are not allowed in TEXT.
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

fn strip_controls(value: &str) -> String {
    value.chars().filter(|c| !c.is_control()).collect()
}

/// The output being built: whole content lines, folded and CRLF-terminated.
#[derive(Default)]
struct Lines(String);

impl Lines {
    /// Appends a TEXT property.
    fn text(&mut self, name: &str, value: &str) {
        self.push(&format!("{name}:{}", escape_text(value)));
    }

    /// Appends one content line, folded into physical lines of at most 75
    /// octets: CRLF plus a single space, which counts towards the next
    /// line's 75.
    fn push(&mut self, line: &str) {
        let mut rest = line;
        let mut limit = MAX_LINE_OCTETS;
        while rest.len() > limit {
            let cut = fold_point(rest, limit);
            self.0.push_str(&rest[..cut]);
            self.0.push_str("\r\n ");
            rest = &rest[cut..];
            limit = MAX_LINE_OCTETS - 1;
        }
        self.0.push_str(rest);
        self.0.push_str("\r\n");
    }
}

/// Where to fold `s` so that the first part has at most `limit` octets.
fn fold_point(s: &str, limit: usize) -> usize {
    // Never inside a UTF-8 sequence (at most 3 steps back).
    let mut cut = limit;
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    // Lenient parsers (the `ical` crate among them) trim trailing whitespace
    // off each physical line, which would eat a space right before a fold.
    // Folding before the whitespace moves it to the start of the continuation
    // line, after the fold's own space, where it survives unfolding.
    match s[..cut].trim_end_matches([' ', '\t']).len() {
        0 => cut,
        trimmed => trimmed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Datelike, Duration, NaiveDate, Offset, Weekday};
    use ical::parser::ical::component::{IcalCalendar, IcalEvent, IcalTimeZoneTransitionType};
    use ical::property::Property;

    fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
    }

    fn event(starts_at: DateTime<Utc>) -> CalendarEvent<'static> {
        CalendarEvent {
            uid: "0190b1d2-7c3e-7a55-9d6e-3f1a2b4c5d6e@kolega".into(),
            sequence: 2,
            summary: "Супервизија",
            description: "Опис",
            starts_at,
            ends_at: starts_at + Duration::minutes(90),
            location: None,
            url: None,
            organizer: None,
            cancelled: false,
            updated_at: utc(2026, 3, 1, 12, 0),
        }
    }

    /// Renders, checks the physical form (CRLF only, ≤ 75 octets a line,
    /// final CRLF) and parses with the `ical` crate.
    fn render(method: Option<&str>, events: &[CalendarEvent<'_>]) -> (String, IcalCalendar) {
        let ics = calendar("Kolega, догађаји; 2026", method, events);
        assert!(ics.ends_with("\r\n"), "no final CRLF");
        for line in ics[..ics.len() - 2].split("\r\n") {
            assert!(!line.is_empty(), "empty line in {ics:?}");
            assert!(!line.contains(['\r', '\n']), "bare CR/LF in {line:?}");
            assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
        }
        let mut parser = ical::IcalParser::new(ics.as_bytes());
        let parsed = parser.next().expect("a calendar").expect("valid iCalendar");
        assert!(parser.next().is_none(), "one VCALENDAR only");
        (ics, parsed)
    }

    fn only_event(events: &[CalendarEvent<'_>]) -> IcalEvent {
        let (_, mut cal) = render(Some("PUBLISH"), events);
        assert_eq!(cal.events.len(), 1);
        cal.events.remove(0)
    }

    fn prop<'p>(props: &'p [Property], name: &str) -> Option<&'p Property> {
        props.iter().find(|p| p.name == name)
    }

    fn value<'p>(props: &'p [Property], name: &str) -> &'p str {
        let p = prop(props, name).unwrap_or_else(|| panic!("no {name}"));
        p.value.as_deref().unwrap_or("")
    }

    fn param<'p>(p: &'p Property, key: &str) -> Option<&'p [String]> {
        let params = p.params.as_ref()?;
        params.iter().find(|(k, _)| k == key).map(|(_, v)| &v[..])
    }

    /// Strict RFC 5545 TEXT unescaping: rejects bare `,` `;` and a dangling `\`.
    fn unescape(raw: &str) -> String {
        let mut out = String::new();
        let mut chars = raw.chars();
        while let Some(c) = chars.next() {
            match c {
                '\\' => match chars.next() {
                    Some('n' | 'N') => out.push('\n'),
                    Some(c @ ('\\' | ';' | ',')) => out.push(c),
                    other => panic!("bad escape \\{other:?} in {raw:?}"),
                },
                ',' | ';' => panic!("unescaped {c:?} in {raw:?}"),
                c => out.push(c),
            }
        }
        out
    }

    #[test]
    fn calendar_properties_and_event_identity() {
        let (ics, cal) = render(Some("REQUEST"), &[event(utc(2026, 5, 4, 16, 0))]);
        let p = &cal.properties;
        assert_eq!(value(p, "PRODID"), "-//Kolega//Kolega//SR");
        assert_eq!(value(p, "VERSION"), "2.0");
        assert_eq!(value(p, "CALSCALE"), "GREGORIAN");
        assert_eq!(value(p, "METHOD"), "REQUEST");
        assert_eq!(unescape(value(p, "X-WR-CALNAME")), "Kolega, догађаји; 2026");
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"));
        assert!(ics.ends_with("END:VEVENT\r\nEND:VCALENDAR\r\n"));

        let e = &cal.events[0].properties;
        assert_eq!(
            value(e, "UID"),
            "0190b1d2-7c3e-7a55-9d6e-3f1a2b4c5d6e@kolega"
        );
        assert_eq!(value(e, "SEQUENCE"), "2");
        assert_eq!(value(e, "DTSTAMP"), "20260301T120000Z");
        assert_eq!(value(e, "LAST-MODIFIED"), "20260301T120000Z");
        assert_eq!(value(e, "STATUS"), "CONFIRMED");

        let (_, cal) = render(None, &[]);
        assert!(prop(&cal.properties, "METHOD").is_none());
        assert!(cal.events.is_empty());
        assert_eq!(cal.timezones.len(), 1);
    }

    #[test]
    fn dst_change_day_keeps_belgrade_wall_clock() {
        // 2026-03-29 is the last Sunday of March: Belgrade moves to +02:00.
        let starts = Belgrade
            .with_ymd_and_hms(2026, 3, 29, 10, 0, 0)
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(starts, utc(2026, 3, 29, 8, 0));
        // The day before, 10:00 in Belgrade was still 09:00 UTC.
        let (_, cal) = render(None, &[event(utc(2026, 3, 28, 9, 0)), event(starts)]);

        for (e, day) in cal.events.iter().zip(["20260328", "20260329"]) {
            let start = prop(&e.properties, "DTSTART").unwrap();
            assert_eq!(
                param(start, "TZID"),
                Some(&["Europe/Belgrade".to_string()][..])
            );
            assert_eq!(start.value.as_deref(), Some(&*format!("{day}T100000")));
            let end = prop(&e.properties, "DTEND").unwrap();
            assert_eq!(
                param(end, "TZID"),
                Some(&["Europe/Belgrade".to_string()][..])
            );
            assert_eq!(end.value.as_deref(), Some(&*format!("{day}T113000")));
        }
    }

    #[test]
    fn winter_event_is_utc_plus_one() {
        let e = only_event(&[event(utc(2026, 12, 1, 17, 0))]);
        assert_eq!(value(&e.properties, "DTSTART"), "20261201T180000");
        assert_eq!(value(&e.properties, "DTEND"), "20261201T193000");
    }

    #[test]
    fn second_occurrence_of_repeated_hour_is_written_in_utc() {
        // 2026-10-25: 02:30 happens at 00:30 UTC (CEST) and at 01:30 UTC (CET).
        let first = only_event(&[event(utc(2026, 10, 25, 0, 30))]);
        assert_eq!(value(&first.properties, "DTSTART"), "20261025T023000");
        let second = only_event(&[event(utc(2026, 10, 25, 1, 30))]);
        let start = prop(&second.properties, "DTSTART").unwrap();
        assert_eq!(start.value.as_deref(), Some("20261025T013000Z"));
        assert!(start.params.is_none());
    }

    #[test]
    fn vtimezone_rules_agree_with_tzdata() {
        let (_, cal) = render(None, &[]);
        let tz = &cal.timezones[0];
        assert_eq!(value(&tz.properties, "TZID"), "Europe/Belgrade");
        assert_eq!(tz.transitions.len(), 2);
        for t in &tz.transitions {
            let p = &t.properties;
            let (to, from, name, month) = match t.transition {
                IcalTimeZoneTransitionType::STANDARD => ("+0100", "+0200", "CET", 10),
                IcalTimeZoneTransitionType::DAYLIGHT => ("+0200", "+0100", "CEST", 3),
            };
            assert_eq!(value(p, "TZOFFSETTO"), to);
            assert_eq!(value(p, "TZOFFSETFROM"), from);
            assert_eq!(value(p, "TZNAME"), name);
            let rrule = format!("FREQ=YEARLY;BYMONTH={month};BYDAY=-1SU");
            assert_eq!(value(p, "RRULE"), rrule);
            // DTSTART must itself be an occurrence of the rule.
            let start = NaiveDate::parse_from_str(&value(p, "DTSTART")[..8], "%Y%m%d").unwrap();
            assert_eq!((start.month(), start.weekday()), (month, Weekday::Sun));
            assert_ne!((start + Duration::days(7)).month(), month);
        }
        // Both rules switch at 01:00 UTC on the last Sunday; tzdata agrees.
        let offset = |at: DateTime<Utc>| at.with_timezone(&Belgrade).offset().fix();
        for year in 2020..=2040 {
            for (month, before, after) in [(3, 3600, 7200), (10, 7200, 3600)] {
                let mut day = NaiveDate::from_ymd_opt(year, month, 31).unwrap();
                while day.weekday() != Weekday::Sun {
                    day = day.pred_opt().unwrap();
                }
                let switch = day.and_hms_opt(1, 0, 0).unwrap().and_utc();
                let from = offset(switch - Duration::seconds(1)).local_minus_utc();
                assert_eq!(from, before, "{day}");
                assert_eq!(offset(switch).local_minus_utc(), after, "{day}");
            }
        }
    }

    #[test]
    fn long_cyrillic_text_folds_by_octets_and_unfolds_unchanged() {
        let base = "Супервизијски састанак за социјалне раднике, наставнике и студенте: \
                    разговор о случајевима из праксе; ђ, ж, љ, њ, ћ, џ 🙂 — \
                    пријаве до петка.\nДруги ред   са више размака.";
        // Shifting the text by 0..6 octets moves every fold point, so folds
        // land next to 2-byte, 3-byte (—) and 4-byte (🙂) characters and spaces.
        for pad in 0..6 {
            let description = format!("{}{}", "x".repeat(pad), base.repeat(4));
            let summary = "Регионални састанак стручних радника центара за социјални рад";
            let mut e = event(utc(2026, 6, 10, 15, 0));
            e.description = &description;
            e.summary = summary;
            let (ics, cal) = render(None, &[e]);
            let folded = ics.split("\r\n").filter(|l| l.starts_with(' ')).count();
            assert!(folded >= 10, "only {folded} continuation lines");
            // Folding uses the room it has, not just under 75 characters.
            assert!(ics.split("\r\n").any(|l| l.len() >= 72));
            let p = &cal.events[0].properties;
            assert_eq!(unescape(value(p, "DESCRIPTION")), description);
            assert_eq!(unescape(value(p, "SUMMARY")), summary);
        }
    }

    #[test]
    fn text_escaping_round_trips() {
        let description =
            "Теме: етика, супервизија; право\\пракса\nДруги ред\r\nТрећи\u{7}ред\tкрај";
        let mut e = event(utc(2026, 9, 15, 16, 0));
        e.summary = "Округли сто; \"Пракса\", теорија";
        e.description = description;
        e.location = Some("Центар за социјални рад, Ул. Руже Јовановић 27а; 2. спрат");
        let (_, cal) = render(None, &[e]);
        let p = &cal.events[0].properties;
        // The unfolded raw value, before unescaping.
        assert_eq!(
            value(p, "DESCRIPTION"),
            "Теме: етика\\, супервизија\\; право\\\\пракса\\nДруги ред\\nТрећиред\tкрај"
        );
        assert_eq!(
            unescape(value(p, "DESCRIPTION")),
            "Теме: етика, супервизија; право\\пракса\nДруги ред\nТрећиред\tкрај"
        );
        assert_eq!(
            unescape(value(p, "SUMMARY")),
            "Округли сто; \"Пракса\", теорија"
        );
        assert_eq!(
            unescape(value(p, "LOCATION")),
            "Центар за социјални рад, Ул. Руже Јовановић 27а; 2. спрат"
        );
    }

    #[test]
    fn cancelled_event_has_cancelled_status() {
        let mut e = event(utc(2026, 4, 20, 15, 0));
        e.cancelled = true;
        e.sequence = 3;
        let e = only_event(&[e]);
        assert_eq!(value(&e.properties, "STATUS"), "CANCELLED");
        assert_eq!(value(&e.properties, "SEQUENCE"), "3");
    }

    #[test]
    fn optional_lines_only_when_present() {
        let (ics, cal) = render(None, &[event(utc(2026, 4, 20, 15, 0))]);
        let p = &cal.events[0].properties;
        for name in ["LOCATION", "URL", "ORGANIZER"] {
            assert!(prop(p, name).is_none(), "{name} present");
        }
        assert!(!ics.contains("\r\nLOCATION") && !ics.contains("\r\nURL"));

        // URLs are URIs: written as they are, without TEXT escaping.
        let url = "https://meet.example.org/j/123?pwd=a,b;c";
        let mut e = event(utc(2026, 4, 20, 15, 0));
        e.location = Some("Нови Сад");
        e.url = Some(url);
        let e = only_event(&[e]);
        assert_eq!(value(&e.properties, "LOCATION"), "Нови Сад");
        assert_eq!(value(&e.properties, "URL"), url);
    }

    #[test]
    fn organizer_name_is_quoted_only_when_needed() {
        let mut e = event(utc(2026, 4, 20, 15, 0));
        e.organizer = Some(("Ана \"Ања\" Петровић, MSc", "ana@example.org"));
        let e = only_event(&[e]);
        let org = prop(&e.properties, "ORGANIZER").unwrap();
        assert_eq!(
            param(org, "CN"),
            Some(&["Ана Ања Петровић, MSc".to_string()][..])
        );
        assert_eq!(org.value.as_deref(), Some("mailto:ana@example.org"));

        let mut e = event(utc(2026, 4, 20, 15, 0));
        e.organizer = Some(("Марко Марковић", "marko@example.org"));
        let (ics, _) = render(None, &[e]);
        assert!(ics.contains("\r\nORGANIZER;CN=Марко Марковић:mailto:marko@example.org\r\n"));
    }
}
