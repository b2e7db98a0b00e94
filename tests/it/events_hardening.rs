//! Events, the finer points: what reminders say and carry, the calendar
//! entries' text and cancellations, and the event form's checks of dates
//! in the past and of links.

use crate::common::TestApp;
use crate::common::events::{webinar, with};
use crate::common::html::unescape;
use crate::common::mail::ReceivedMail;
use axum::http::StatusCode;
use chrono::Duration;
use ical::parser::ical::component::{IcalCalendar, IcalEvent};
use kolega::members::Role;

const TITLE: &str = "Hitno zbrinjavanje zbog nasilja u porodici";

/// Jelena (a teacher) publishes an event; returns its path.
async fn published(app: &TestApp, fields: &[(&str, &str)]) -> String {
    app.sign_in_as("Jelena Stojanović", "jelena@fpn.rs", Role::Teacher)
        .await;
    app.create_event(fields).await
}

fn uid(event: &str) -> String {
    format!("{}@kolega", event.trim_start_matches("/events/"))
}

/// Parses an `.ics` with the `ical` crate: exactly one calendar.
fn calendar(text: &str) -> IcalCalendar {
    let mut parser = ical::IcalParser::new(text.as_bytes());
    let calendar = parser.next().expect("a calendar").expect("valid iCalendar");
    assert!(parser.next().is_none(), "one VCALENDAR");
    calendar
}

fn value(properties: &[ical::property::Property], name: &str) -> String {
    properties
        .iter()
        .find(|p| p.name == name)
        .and_then(|p| p.value.clone())
        .unwrap_or_else(|| panic!("no {name}"))
}

/// The calendar's only entry.
fn only_entry(calendar: &IcalCalendar) -> &IcalEvent {
    assert_eq!(calendar.events.len(), 1);
    &calendar.events[0]
}

/// An RFC 5545 TEXT value unescaped.
fn text_value(raw: &str) -> String {
    raw.replace("\\n", "\n")
        .replace("\\N", "\n")
        .replace("\\,", ",")
        .replace("\\;", ";")
        .replace("\\\\", "\\")
}

/// The one `.ics` a mail carries.
fn attached_calendar(mail: &ReceivedMail) -> IcalCalendar {
    let (name, body) = mail
        .attachments
        .iter()
        .find(|(name, _)| name.ends_with(".ics"))
        .unwrap_or_else(|| panic!("no .ics attached to {:?}", mail.subject));
    assert_eq!(name, "dogadjaj.ics");
    calendar(body)
}

/// The signed-in member's private feed, as a path.
async fn feed_path(app: &TestApp) -> String {
    let list = unescape(&app.get("/events").await.body);
    let feed = list
        .split("value=\"")
        .find_map(|part| part.split('"').next().filter(|v| v.contains("/calendar/")))
        .expect("the feed address is shown")
        .to_owned();
    feed.trim_start_matches(&app.state.config.base_url)
        .to_owned()
}

#[tokio::test]
async fn a_late_reminder_says_the_real_time_left_carries_the_calendar_and_none_comes_after_the_start()
 {
    let app = TestApp::spawn().await;
    // 1 December 18:00 and 20:00 Belgrade (17:00 and 19:00 UTC).
    let soon = published(&app, &webinar()).await;
    let evening_fields = with(
        with(with(webinar(), "start_time", "20:00"), "end_time", "21:00"),
        "title",
        "Večernja supervizija",
    );
    let evening = app.create_event(&evening_fields).await;
    app.create_member("Ana Vuković", "ana@csr.rs", Role::Practitioner)
        .await;
    app.create_member("Marko Ilić", "marko@csr.rs", Role::Practitioner)
        .await;
    app.switch_to("ana@csr.rs").await;
    app.register_for(&soon).await;
    app.register_for(&evening).await;
    app.deliver_new_mail().await;
    let base = app.state.config.base_url.clone();
    let remind = || kolega::events::reminders::send_due(&app.pool, &base, app.clock.now());

    // The job first runs at 16:57 UTC, three minutes before the start.
    app.clock
        .advance(Duration::days(8) + Duration::minutes(7 * 60 + 57));
    assert_eq!(remind().await.unwrap(), 2);
    let mail = app.deliver_new_mail().await;
    assert_eq!(mail.len(), 2);
    let hour = mail
        .iter()
        .find(|m| m.subject.contains(TITLE))
        .expect("the reminder of the webinar");
    assert_eq!(hour.to, "ana@csr.rs");
    assert_eq!(hour.subject, format!("Počinje za 3 minuta: {TITLE}"));
    assert!(
        hour.text
            .contains("počinje za 3 minuta: 1. 12. 2026. u 18:00–19:30 (po beogradskom vremenu)"),
        "{}",
        hour.text
    );
    assert!(!hour.text.contains("sat vremena"));
    let entry = attached_calendar(hour);
    assert_eq!(value(&entry.properties, "METHOD"), "PUBLISH");
    let vevent = only_entry(&entry);
    assert_eq!(value(&vevent.properties, "UID"), uid(&soon));
    assert_eq!(value(&vevent.properties, "DTSTART"), "20261201T180000");
    assert!(
        hour.raw.contains("method=PUBLISH"),
        "sent as a calendar part"
    );

    // The evening event is today, not tomorrow, two hours away.
    let day = mail
        .iter()
        .find(|m| m.subject.contains("Večernja supervizija"))
        .expect("the day reminder of the evening event");
    assert_eq!(day.subject, "Danas: Večernja supervizija");
    assert!(
        day.text
            .contains("počinje za 2 sata, 1. 12. 2026. u 20:00–21:00")
    );
    let entry = attached_calendar(day);
    assert_eq!(value(&only_entry(&entry).properties, "UID"), uid(&evening));

    // Marko registers a minute later; the job next runs after the start.
    app.clock.advance(Duration::minutes(1));
    app.switch_to("marko@csr.rs").await;
    app.register_for(&soon).await;
    app.deliver_new_mail().await;
    app.clock.advance(Duration::minutes(3));
    assert_eq!(remind().await.unwrap(), 0, "nothing once it has started");
    assert!(app.deliver_new_mail().await.is_empty());
}

#[tokio::test]
async fn every_calendar_entry_describes_the_event_in_plain_text() {
    let app = TestApp::spawn().await;
    let description = "Kako postupiti **odmah**:\n\n- prvi _korak_\n\
                       - [protokol](https://example.org/protokol.pdf)\n\n\
                       Vidi i [pravila](/library), `kod` i <https://example.org/x>.";
    let event = published(&app, &with(webinar(), "description", description)).await;
    let plain = "Kako postupiti odmah:\n\n- prvi korak\n\
                 - protokol (https://example.org/protokol.pdf)\n\n\
                 Vidi i pravila (http://kolega.test/library), kod i https://example.org/x.";
    app.sign_in_as("Ana Vuković", "ana@csr.rs", Role::Practitioner)
        .await;
    app.register_for(&event).await;

    let mail = app.deliver_new_mail().await;
    let confirmation = mail.iter().find(|m| m.to == "ana@csr.rs").unwrap();
    let download = app.get(&format!("{event}/calendar.ics")).await.body;
    let feed = app.get(&feed_path(&app).await).await.body;
    for (source, calendar) in [
        ("mail", attached_calendar(confirmation)),
        ("download", calendar(&download)),
        ("feed", calendar(&feed)),
    ] {
        let entry = only_entry(&calendar);
        assert_eq!(
            text_value(&value(&entry.properties, "DESCRIPTION")),
            plain,
            "{source}"
        );
    }
}

#[tokio::test]
async fn a_cancellation_mail_cancels_the_calendar_entry_and_the_feed_marks_it_cancelled() {
    let app = TestApp::spawn().await;
    let event = published(&app, &webinar()).await;
    app.create_member("Ana Vuković", "ana@csr.rs", Role::Practitioner)
        .await;
    app.switch_to("ana@csr.rs").await;
    app.register_for(&event).await;
    let feed = feed_path(&app).await;
    let mail = app.deliver_new_mail().await;
    let registered = attached_calendar(mail.iter().find(|m| m.to == "ana@csr.rs").unwrap());
    let first = only_entry(&registered);
    let sent_sequence: u32 = value(&first.properties, "SEQUENCE").parse().unwrap();

    app.switch_to("jelena@fpn.rs").await;
    app.submit_form(
        &event,
        &format!("{event}/cancel"),
        &[("reason", "Predavač je bolestan.")],
    )
    .await
    .assert_status(StatusCode::SEE_OTHER);
    let mail = app.deliver_new_mail().await;
    let cancelled = mail.iter().find(|m| m.to == "ana@csr.rs").unwrap();
    let cancel = attached_calendar(cancelled);
    assert_eq!(value(&cancel.properties, "METHOD"), "CANCEL");
    assert!(
        cancelled.raw.contains("method=CANCEL"),
        "the part says so too"
    );
    let entry = only_entry(&cancel);
    assert_eq!(value(&entry.properties, "UID"), uid(&event));
    assert_eq!(value(&entry.properties, "STATUS"), "CANCELLED");
    let sequence: u32 = value(&entry.properties, "SEQUENCE").parse().unwrap();
    assert!(sequence > sent_sequence, "{sequence} after {sent_sequence}");

    // The feed keeps the entry, cancelled, so subscribed calendars drop it.
    app.clear_cookies();
    let feed = calendar(&app.get(&feed).await.body);
    assert_eq!(value(&feed.properties, "METHOD"), "PUBLISH");
    let entry = only_entry(&feed);
    assert_eq!(value(&entry.properties, "UID"), uid(&event));
    assert_eq!(value(&entry.properties, "STATUS"), "CANCELLED");
    assert_eq!(value(&entry.properties, "SEQUENCE"), sequence.to_string());
}

#[tokio::test]
async fn an_event_dated_in_the_past_needs_the_organisers_word() {
    let app = TestApp::spawn().await;
    app.sign_in_as("Jelena Stojanović", "jelena@fpn.rs", Role::Teacher)
        .await;
    // The clock says 23 November 2026; a year's slip.
    let last_year = with(webinar(), "start_date", "2025-12-01");
    let response = app
        .submit_form("/events/new", "/events/new", &last_year)
        .await;
    response.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    let body = unescape(&response.body);
    assert!(body.contains(&format!("value=\"{TITLE}\"")), "text kept");
    assert!(body.contains("id=\"start_date-error\">Ovaj datum je prošao."));
    assert!(body.contains("name=\"past\" value=\"yes\""), "{body}");
    assert_eq!(app.count("SELECT count(*) FROM events").await, 0);

    // Entered for the record, on purpose.
    let mut confirmed = last_year.clone();
    confirmed.push(("past", "yes"));
    let event = app.create_event(&confirmed).await;
    assert_eq!(app.count("SELECT count(*) FROM events").await, 1);
    // Correcting its title later asks nothing again.
    let edit = format!("{event}/edit");
    app.submit_form(
        &edit,
        &edit,
        &with(last_year, "title", "Hitno zbrinjavanje"),
    )
    .await
    .assert_status(StatusCode::SEE_OTHER);

    // Moving an upcoming event into the past asks too.
    let upcoming = app.create_event(&webinar()).await;
    let edit = format!("{upcoming}/edit");
    let response = app
        .submit_form(&edit, &edit, &with(webinar(), "start_date", "2026-11-01"))
        .await;
    response.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(response.body.contains("id=\"start_date-error\""));
    assert!(
        app.get(&upcoming)
            .await
            .body
            .contains("1. 12. 2026. u 18:00–19:30")
    );
}

#[tokio::test]
async fn meeting_and_recording_links_must_be_plain_web_addresses() {
    let app = TestApp::spawn().await;
    app.sign_in_as("Jelena Stojanović", "jelena@fpn.rs", Role::Teacher)
        .await;
    for (link, message) in [
        (
            "https://example.org/e?<script>",
            "ne sme da sadrži razmake ni znakove",
        ),
        ("https://meet.example.org/a b", "ne sme da sadrži razmake"),
        (
            "https://ana:tajna@meet.example.org/x",
            "ne sme da sadrži korisničko ime ni lozinku",
        ),
        ("https://", "Upišite punu adresu linka"),
        ("javascript:alert(1)//https://", "Upišite punu adresu linka"),
    ] {
        let fields = with(webinar(), "online_link", link);
        let response = app.submit_form("/events/new", "/events/new", &fields).await;
        response.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
        let body = unescape(&response.body);
        assert!(body.contains(&format!("value=\"{link}\"")), "{link}: kept");
        let error = body
            .split("id=\"online_link-error\">")
            .nth(1)
            .unwrap_or_else(|| panic!("{link}: no message beside the field"));
        assert!(error.starts_with("Adresa linka ") || error.starts_with("Upišite"));
        assert!(error.contains(message), "{link}: {error}");
    }
    assert_eq!(app.count("SELECT count(*) FROM events").await, 0);

    // A good link is stored in its normal form.
    let event = app
        .create_event(&with(
            webinar(),
            "online_link",
            "HTTPS://Meet.Example.org/kolega-hitno",
        ))
        .await;
    let stored: String = sqlx::query_scalar("SELECT online_link FROM events")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(stored, "https://meet.example.org/kolega-hitno");

    let recording = format!("{event}/recording");
    for link in [
        "https://video.example.org/r?<x>",
        "https://u:p@video.example.org/r",
    ] {
        let fields = [("recording_url", link), ("materials", "Slajdovi")];
        let response = app.submit_form(&recording, &recording, &fields).await;
        response.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
        let body = unescape(&response.body);
        assert!(body.contains("Slajdovi") && body.contains(&format!("value=\"{link}\"")));
        assert!(body.contains("id=\"recording_url-error\""), "{link}");
    }
    assert_eq!(
        app.count("SELECT count(*) FROM events WHERE recording_url <> ''")
            .await,
        0
    );
    app.submit_form(
        &recording,
        &recording,
        &[("recording_url", "https://Video.Example.org/hitno")],
    )
    .await
    .assert_status(StatusCode::SEE_OTHER);
    let stored: String = sqlx::query_scalar("SELECT recording_url FROM events")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(stored, "https://video.example.org/hitno");
}
