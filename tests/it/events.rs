//! Events: creating, registering, the waitlist, link secrecy, deadlines,
//! changes and cancellations by e-mail, calendars and reminders.

use crate::common::TestApp;
use crate::common::events::{webinar, with};
use crate::common::html::unescape;
use axum::http::StatusCode;
use chrono::{DateTime, Duration, Utc};
use kolega::events::registration::{self, Registered};
use kolega::groups::vocabulary::Visibility;
use kolega::members::Role;
use uuid::Uuid;

const LINK: &str = "https://meet.example.org/kolega-hitno";

/// Jelena (a teacher) publishes the webinar; returns its path.
async fn published_webinar(app: &TestApp, fields: &[(&str, &str)]) -> String {
    app.sign_in_as("Jelena Stojanović", "jelena@fpn.rs", Role::Teacher)
        .await;
    app.create_event(fields).await
}

/// Jelena's webinar with Ana registered (her confirmation delivered);
/// Jelena is signed in again.
async fn webinar_with_ana(app: &TestApp) -> String {
    let event = published_webinar(app, &webinar()).await;
    app.create_member("Ana Vuković", "ana@csr.rs", Role::Practitioner)
        .await;
    app.switch_to("ana@csr.rs").await;
    app.register_for(&event).await;
    app.deliver_new_mail().await;
    app.switch_to("jelena@fpn.rs").await;
    event
}

fn event_id(path: &str) -> Uuid {
    path.trim_start_matches("/events/").parse().unwrap()
}

#[tokio::test]
async fn a_teacher_publishes_a_webinar_and_a_member_registers_and_gets_the_link_and_calendar() {
    let app = TestApp::spawn().await;
    let event = published_webinar(&app, &webinar()).await;
    app.create_member("Ana Vuković", "ana@csr.rs", Role::Practitioner)
        .await;

    // Visitors see the webinar and its Belgrade time, not its link.
    app.clear_cookies();
    let list = app.get("/events").await;
    assert!(
        list.body
            .contains("Hitno zbrinjavanje zbog nasilja u porodici")
    );
    let page = app.get(&event).await;
    page.assert_status(StatusCode::OK);
    assert!(
        page.body.contains("1. 12. 2026. u 18:00–19:30"),
        "{}",
        page.body
    );
    assert!(!page.body.contains(LINK));
    assert!(page.body.contains("Link vide prijavljeni učesnici."));
    let ics = app.get(&format!("{event}/calendar.ics")).await;
    assert!(
        ics.body
            .contains("DTSTART;TZID=Europe/Belgrade:20261201T180000")
    );
    assert!(!ics.body.contains(LINK), "the download hides the link too");

    app.switch_to("ana@csr.rs").await;
    assert!(!app.get(&event).await.body.contains(LINK));
    app.register_for(&event).await;
    let page = app.get(&event).await;
    assert!(page.body.contains("Prijavljeni ste"));
    assert!(page.body.contains(LINK), "registrants see the link");
    assert!(
        app.get(&format!("{event}/calendar.ics"))
            .await
            .body
            .contains(LINK)
    );

    let mail = app.deliver_new_mail().await;
    let confirmation = mail
        .iter()
        .find(|m| m.to == "ana@csr.rs")
        .expect("a confirmation");
    assert!(confirmation.subject.contains("Prijavljeni ste"));
    assert!(confirmation.text.contains(LINK));
    let (name, calendar) = confirmation.attachments.first().expect("an .ics attached");
    assert!(name.ends_with(".ics"));
    // A real iCalendar parser reads it: Belgrade time, the link for her.
    let parsed = ical::IcalParser::new(calendar.as_bytes())
        .next()
        .expect("a calendar")
        .expect("valid iCalendar");
    let entry = &parsed.events[0];
    let property = |name: &str| entry.properties.iter().find(|p| p.name == name).unwrap();
    let start = property("DTSTART");
    assert_eq!(start.value.as_deref(), Some("20261201T180000"));
    let tzid = start
        .params
        .as_ref()
        .unwrap()
        .iter()
        .find(|(k, _)| k == "TZID")
        .unwrap();
    assert_eq!(tzid.1, vec!["Europe/Belgrade".to_owned()]);
    assert_eq!(property("URL").value.as_deref(), Some(LINK));
    assert_eq!(parsed.timezones.len(), 1);
}

#[tokio::test]
async fn a_full_event_puts_people_on_the_waitlist_and_a_cancellation_promotes_the_first() {
    let app = TestApp::spawn().await;
    let event = published_webinar(&app, &with(webinar(), "capacity", "1")).await;
    for (name, email) in [
        ("Ana Vuković", "ana@csr.rs"),
        ("Marko Ilić", "marko@csr.rs"),
        ("Vesna Lukić", "vesna@csr.rs"),
    ] {
        app.create_member(name, email, Role::Practitioner).await;
        app.switch_to(email).await;
        app.register_for(&event).await;
        // The waitlist is served in the order people joined it.
        app.clock.advance(Duration::minutes(1));
    }
    let mail = app.deliver_new_mail().await;
    assert!(
        mail.iter()
            .any(|m| m.to == "marko@csr.rs" && m.subject.contains("Lista čekanja"))
    );
    let waitlisted = mail.iter().find(|m| m.to == "marko@csr.rs").unwrap();
    assert!(!waitlisted.text.contains(LINK), "no link without a place");

    // Participants see how many, not who.
    let page = app.get(&event).await;
    assert!(page.body.contains("na listi čekanja: 2"));
    assert!(!page.body.contains("Ana Vuković"));
    app.get(&format!("{event}/participants"))
        .await
        .assert_status(StatusCode::FORBIDDEN);

    app.switch_to("ana@csr.rs").await;
    app.submit_form(&event, &format!("{event}/unregister"), &[])
        .await
        .assert_status(StatusCode::SEE_OTHER);
    let mail = app.deliver_new_mail().await;
    let promoted = mail
        .iter()
        .find(|m| m.to == "marko@csr.rs")
        .expect("the first on the waitlist is told");
    assert!(
        promoted.subject.contains("Mesto je vaše"),
        "{}",
        promoted.subject
    );
    assert!(promoted.text.contains(LINK));
    assert!(
        mail.iter().all(|m| m.to != "vesna@csr.rs"),
        "the second waits on"
    );

    app.switch_to("jelena@fpn.rs").await;
    let participants = app.get(&format!("{event}/participants")).await;
    assert!(participants.body.contains("Marko Ilić") && participants.body.contains("Vesna Lukić"));
    assert!(!participants.body.contains("Ana Vuković"));
}

#[tokio::test]
async fn two_people_asking_for_the_last_place_at_once_get_one_place_between_them() {
    let app = TestApp::spawn().await;
    let event = event_id(&published_webinar(&app, &with(webinar(), "capacity", "1")).await);
    let mut people = Vec::new();
    for email in ["a@csr.rs", "b@csr.rs"] {
        app.create_member("Član", email, Role::Practitioner).await;
        people.push(
            sqlx::query_scalar::<_, Uuid>("SELECT user_id FROM users WHERE email = $1")
                .bind(email)
                .fetch_one(&app.pool)
                .await
                .unwrap(),
        );
    }
    let now = app.clock.now();
    let register = |user_id: Uuid| {
        let pool = app.pool.clone();
        async move {
            let mut tx = pool.begin().await.unwrap();
            let outcome = registration::register(&mut tx, event, user_id, now)
                .await
                .unwrap();
            // Hold the transaction a moment, so the other really waits.
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
            tx.commit().await.unwrap();
            outcome
        }
    };
    let (first, second) = tokio::join!(register(people[0]), register(people[1]));
    let mut outcomes = [first, second];
    outcomes.sort_by_key(|o| *o == Registered::Waitlist);
    assert_eq!(outcomes, [Registered::Place, Registered::Waitlist]);
    assert_eq!(
        app.count("SELECT count(*) FROM event_registrations WHERE status = 'registered'")
            .await,
        1
    );
}

#[tokio::test]
async fn a_form_with_mistakes_comes_back_with_the_text_and_the_errors_beside_the_fields() {
    let app = TestApp::spawn().await;
    app.sign_in_as("Jelena Stojanović", "jelena@fpn.rs", Role::Teacher)
        .await;
    let fields = with(
        with(webinar(), "start_date", "2026-03-29"),
        "start_time",
        "02:30",
    );
    let response = app.submit_form("/events/new", "/events/new", &fields).await;
    response.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    let body = unescape(&response.body);
    assert!(body.contains("value=\"Hitno zbrinjavanje zbog nasilja u porodici\""));
    assert!(body.contains("sat se pomera sa 02:00 na 03:00"), "{body}");

    let fields = with(
        with(webinar(), "end_time", "17:00"),
        "online_link",
        "meet.example.org",
    );
    let response = app.submit_form("/events/new", "/events/new", &fields).await;
    response.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(response.body.contains("id=\"end_time-error\""));
    assert!(response.body.contains("id=\"online_link-error\""));
    assert_eq!(app.count("SELECT count(*) FROM events").await, 0);
}

#[tokio::test]
async fn member_speakers_are_named_by_handle_and_unknown_handles_are_refused() {
    let app = TestApp::spawn().await;
    let ana = app
        .create_member("Ana Vuković", "ana@csr.rs", Role::Practitioner)
        .await;
    app.sign_in_as("Jelena Stojanović", "jelena@fpn.rs", Role::Teacher)
        .await;
    let refused = app
        .submit_form(
            "/events/new",
            "/events/new",
            &with(webinar(), "member_speakers", "@nema-takvog"),
        )
        .await;
    refused.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused.body.contains("nema-takvog")
            && refused.body.contains("id=\"member_speakers-error\"")
    );
    let speakers = format!("@{}", ana.handle);
    let event = app
        .create_event(&with(webinar(), "member_speakers", &speakers))
        .await;
    let page = app.get(&event).await;
    assert!(
        page.body
            .contains(&format!("href=\"/members/{}\">Ana Vuković", ana.handle))
    );
    assert!(
        app.get(&format!("{event}/edit"))
            .await
            .body
            .contains(&speakers)
    );
}

#[tokio::test]
async fn summer_time_events_are_stored_in_utc_and_shown_in_belgrade_time() {
    let app = TestApp::spawn().await;
    let fields = with(
        with(webinar(), "start_date", "2027-03-28"),
        "start_time",
        "10:00",
    );
    let fields = with(fields, "end_time", "12:00");
    let event = published_webinar(&app, &fields).await;
    let starts: DateTime<Utc> = sqlx::query_scalar("SELECT starts_at FROM events")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    // 28 March 2027 is the day clocks move forward: 10:00 is CEST, UTC+2.
    assert_eq!(
        starts,
        "2027-03-28T08:00:00Z".parse::<DateTime<Utc>>().unwrap()
    );
    assert!(
        app.get(&event)
            .await
            .body
            .contains("28. 3. 2027. u 10:00–12:00")
    );
}

#[tokio::test]
async fn only_organisers_create_and_unverified_members_and_late_comers_cannot_register() {
    let app = TestApp::spawn().await;
    let event = published_webinar(
        &app,
        &with(
            with(webinar(), "deadline_date", "2026-11-30"),
            "deadline_time",
            "12:00",
        ),
    )
    .await;

    app.sign_in_as("Petar Petrović", "petar@csr.rs", Role::Practitioner)
        .await;
    app.get("/events/new")
        .await
        .assert_status(StatusCode::FORBIDDEN);

    sqlx::query("UPDATE users SET email_verified_at = NULL WHERE email = 'petar@csr.rs'")
        .execute(&app.pool)
        .await
        .unwrap();
    let token = app.csrf_token().unwrap();
    app.post_form(&format!("{event}/register"), &[("csrf_token", &token)])
        .await
        .assert_status(StatusCode::FORBIDDEN);
    assert!(
        app.get(&event)
            .await
            .body
            .contains("Potvrdite adresu e-pošte")
    );

    app.create_member("Ana Vuković", "ana@csr.rs", Role::Practitioner)
        .await;
    app.clock.advance(Duration::days(8));
    app.switch_to("ana@csr.rs").await;
    assert!(app.get(&event).await.body.contains("Prijave su zatvorene."));
    let token = app.csrf_token().unwrap();
    app.post_form(&format!("{event}/register"), &[("csrf_token", &token)])
        .await
        .assert_status(StatusCode::FORBIDDEN);
    assert_eq!(
        app.count("SELECT count(*) FROM event_registrations").await,
        0
    );
}

#[tokio::test]
async fn a_change_of_time_and_a_cancellation_are_mailed_to_everyone_registered() {
    let app = TestApp::spawn().await;
    let event = webinar_with_ana(&app).await;
    let edit = format!("{event}/edit");
    let form = app.get(&edit).await;
    assert!(form.body.contains("value=\"2026-12-01\""));
    app.submit_form(&edit, &edit, &with(webinar(), "start_time", "17:00"))
        .await
        .assert_status(StatusCode::SEE_OTHER);
    let mail = app.deliver_new_mail().await;
    let changed = mail
        .iter()
        .find(|m| m.to == "ana@csr.rs")
        .expect("told of the change");
    assert!(changed.subject.contains("Izmena"), "{}", changed.subject);
    assert!(changed.text.contains("17:00–19:30"));
    let calendar = &changed.attachments[0].1;
    assert!(calendar.contains("SEQUENCE:1") && calendar.contains("20261201T170000"));

    // A change of the title alone is not news.
    app.submit_form(
        &edit,
        &edit,
        &with(
            with(webinar(), "start_time", "17:00"),
            "title",
            "Hitno zbrinjavanje — praksa",
        ),
    )
    .await;
    assert!(app.deliver_new_mail().await.is_empty());

    app.submit_form(
        &event,
        &format!("{event}/cancel"),
        &[("reason", "Predavač je bolestan.")],
    )
    .await
    .assert_status(StatusCode::SEE_OTHER);
    let mail = app.deliver_new_mail().await;
    let cancelled = mail
        .iter()
        .find(|m| m.to == "ana@csr.rs")
        .expect("told of the cancellation");
    assert!(cancelled.subject.contains("Otkazano"));
    assert!(cancelled.text.contains("Predavač je bolestan."));
    assert!(cancelled.attachments[0].1.contains("STATUS:CANCELLED"));
    assert!(
        app.get(&event)
            .await
            .body
            .contains("Ovaj događaj je otkazan.")
    );
}

#[tokio::test]
async fn reminders_go_out_a_day_and_an_hour_before_once_each_and_not_to_people_who_cancelled() {
    let app = TestApp::spawn().await;
    let event = published_webinar(&app, &webinar()).await;
    for (name, email) in [
        ("Ana Vuković", "ana@csr.rs"),
        ("Marko Ilić", "marko@csr.rs"),
    ] {
        app.create_member(name, email, Role::Practitioner).await;
        app.switch_to(email).await;
        app.register_for(&event).await;
    }
    app.submit_form(&event, &format!("{event}/unregister"), &[])
        .await;
    app.deliver_new_mail().await;
    let base = app.state.config.base_url.clone();
    let remind = || kolega::events::reminders::send_due(&app.pool, &base, app.clock.now());

    // 23 November 09:00 → 30 November 18:30: a little less than a day before.
    app.clock
        .advance(Duration::days(7) + Duration::minutes(9 * 60 + 30));
    assert_eq!(remind().await.unwrap(), 1);
    assert_eq!(remind().await.unwrap(), 0, "never twice");
    let mail = app.deliver_new_mail().await;
    assert_eq!(mail.len(), 1);
    assert_eq!(mail[0].to, "ana@csr.rs");
    assert!(mail[0].subject.starts_with("Sutra"));
    assert!(
        mail[0].text.contains("počinje za 23 sata"),
        "{}",
        mail[0].text
    );
    assert!(mail[0].text.contains(LINK));

    // → 1 December 16:10 UTC, 50 minutes before the start.
    app.clock
        .advance(Duration::hours(21) + Duration::minutes(40));
    assert_eq!(remind().await.unwrap(), 1);
    assert_eq!(remind().await.unwrap(), 0);
    let mail = app.deliver_new_mail().await;
    assert!(
        mail[0].subject.starts_with("Počinje za 50 minuta"),
        "the time really left: {}",
        mail[0].subject
    );
    assert_eq!(mail[0].to, "ana@csr.rs");
}

#[tokio::test]
async fn the_private_calendar_feed_lists_my_events_until_i_renew_its_address() {
    let app = TestApp::spawn().await;
    let event = published_webinar(&app, &webinar()).await;
    app.sign_in_as("Ana Vuković", "ana@csr.rs", Role::Practitioner)
        .await;
    app.register_for(&event).await;
    let list = unescape(&app.get("/events").await.body);
    let feed = list
        .split("value=\"")
        .find_map(|part| part.split('"').next().filter(|v| v.contains("/calendar/")))
        .expect("the feed address is shown")
        .to_owned();
    let path = feed
        .trim_start_matches(&app.state.config.base_url)
        .to_owned();
    app.clear_cookies();
    let calendar = app.get(&path).await;
    calendar.assert_status(StatusCode::OK);
    assert_eq!(
        calendar.header("content-type"),
        Some("text/calendar; charset=utf-8")
    );
    assert!(calendar.body.contains("Hitno zbrinjavanje") && calendar.body.contains(LINK));

    app.switch_to("ana@csr.rs").await;
    app.submit_form("/events", "/events/calendar-feed", &[])
        .await
        .assert_status(StatusCode::SEE_OTHER);
    app.get(&path).await.assert_status(StatusCode::NOT_FOUND);
    app.get("/calendar/not-a-token.ics")
        .await
        .assert_status(StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_closed_groups_meeting_stays_inside_the_group() {
    let app = TestApp::spawn().await;
    app.sign_in_as("Jelena Stojanović", "jelena@csr.rs", Role::Practitioner)
        .await;
    let group = app
        .open_group("Supervizija Niš", Visibility::Secret, &[])
        .await;
    let slug = group.trim_start_matches("/groups/").to_owned();
    let fields = with(
        with(with(webinar(), "kind", "supervision"), "audience", &slug),
        "title",
        "Slučaj porodice M.",
    );
    let event = app.create_event(&fields).await;
    assert!(app.get("/events").await.body.contains("Slučaj porodice M."));
    app.register_for(&event).await;
    let mail = app.deliver_new_mail().await;
    assert!(mail[0].subject.contains("Supervizijski sastanak"));
    assert!(
        !mail[0].raw.contains("porodice M"),
        "not even in the calendar file"
    );

    app.sign_in_as("Ana Vuković", "ana@csr.rs", Role::Moderator)
        .await;
    assert!(!app.get("/events").await.body.contains("Slučaj porodice M."));
    app.get(&event).await.assert_status(StatusCode::NOT_FOUND);
    app.get(&format!("{event}/calendar.ics"))
        .await
        .assert_status(StatusCode::NOT_FOUND);
    app.clear_cookies();
    app.get(&event).await.assert_status(StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn attending_an_accredited_webinar_earns_points_with_a_certificate_anyone_can_verify() {
    let app = TestApp::spawn().await;
    let event = published_webinar(&app, &webinar()).await;
    for (name, email) in [
        ("Ana Vuković", "ana@csr.rs"),
        ("Marko Ilić", "marko@csr.rs"),
    ] {
        app.create_member(name, email, Role::Practitioner).await;
        app.switch_to(email).await;
        app.register_for(&event).await;
    }
    let code: String = sqlx::query_scalar("SELECT checkin_code FROM events")
        .fetch_one(&app.pool)
        .await
        .unwrap();

    // Before the event there is nothing to check in to.
    app.switch_to("ana@csr.rs").await;
    assert!(!app.get(&event).await.body.contains("Evidentiraj prisustvo"));
    // During it, Ana types the code shown on the screen; a wrong one is refused.
    app.clock
        .advance(Duration::days(8) + Duration::hours(8) + Duration::minutes(20));
    app.switch_to("ana@csr.rs").await;
    assert!(app.get(&event).await.body.contains("Evidentiraj prisustvo"));
    app.submit_form(&event, &format!("{event}/check-in"), &[("code", "ZZZZZZ")])
        .await;
    assert_eq!(app.count("SELECT count(*) FROM points_entries").await, 0);
    app.submit_form(
        &event,
        &format!("{event}/check-in"),
        &[("code", &code.to_lowercase())],
    )
    .await;
    assert!(
        app.get(&event)
            .await
            .body
            .contains("Prisustvovali ste ovom događaju.")
    );

    // The organiser marks Marko from the list (he had no phone with him).
    app.switch_to("jelena@fpn.rs").await;
    let attendance = format!("{event}/attendance");
    let list = app.get(&attendance).await;
    assert!(list.body.contains(&code));
    let marko: Uuid = sqlx::query_scalar("SELECT user_id FROM users WHERE email = 'marko@csr.rs'")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let ana: Uuid = sqlx::query_scalar("SELECT user_id FROM users WHERE email = 'ana@csr.rs'")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    app.submit_form(
        &attendance,
        &attendance,
        &[
            (format!("attended-{marko}").as_str(), "yes"),
            (format!("attended-{ana}").as_str(), "yes"),
        ],
    )
    .await
    .assert_status(StatusCode::SEE_OTHER);
    assert_eq!(
        app.count("SELECT count(*) FROM points_entries WHERE points = 4")
            .await,
        2
    );

    // Ana's points page: 4 points in 2026, with a certificate.
    app.switch_to("ana@csr.rs").await;
    let points = app.get("/me/points").await;
    assert!(
        points.body.contains("<td>2026</td><td>4</td>"),
        "{}",
        points.body
    );
    let certificate_code: String =
        sqlx::query_scalar("SELECT certificate_code FROM points_entries WHERE user_id = $1")
            .bind(ana)
            .fetch_one(&app.pool)
            .await
            .unwrap();
    let mine = app
        .get(&format!("/me/certificates/{certificate_code}"))
        .await;
    assert!(mine.body.contains("Ana Vuković") && mine.body.contains("Potvrda o prisustvu"));

    // Marko cannot open Ana's certificate page, but anyone can verify it.
    app.switch_to("marko@csr.rs").await;
    app.get(&format!("/me/certificates/{certificate_code}"))
        .await
        .assert_status(StatusCode::NOT_FOUND);
    app.clear_cookies();
    let verified = app.get(&format!("/certificates/{certificate_code}")).await;
    verified.assert_status(StatusCode::OK);
    assert!(verified.body.contains("Ana Vuković") && verified.body.contains("Hitno zbrinjavanje"));
    assert!(
        !verified.body.contains("ana@csr.rs"),
        "name, event, date and points only"
    );
    app.get("/certificates/NEPOSTOJI12")
        .await
        .assert_status(StatusCode::NOT_FOUND);

    // Attendees rate the event; the organiser sees the summary.
    app.switch_to("ana@csr.rs").await;
    let feedback = format!("{event}/feedback");
    app.submit_form(&feedback, &feedback, &[("comment", "Korisno.")])
        .await
        .assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    app.submit_form(
        &feedback,
        &feedback,
        &[("rating", "5"), ("comment", "Vrlo korisno.")],
    )
    .await
    .assert_status(StatusCode::SEE_OTHER);
    app.switch_to("jelena@fpn.rs").await;
    let page = app.get(&event).await;
    assert!(page.body.contains("Prosečna ocena 5.0") && page.body.contains("Vrlo korisno."));
}

#[tokio::test]
async fn the_recording_is_mailed_once_to_registrants_and_shown_only_to_them() {
    let app = TestApp::spawn().await;
    let event = webinar_with_ana(&app).await;
    let recording = format!("{event}/recording");
    let bad = app
        .submit_form(
            &recording,
            &recording,
            &[("recording_url", "youtube"), ("materials", "Slajdovi")],
        )
        .await;
    bad.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("Slajdovi") && bad.body.contains("id=\"recording_url-error\""));
    let fields = [
        ("recording_url", "https://video.example.org/hitno"),
        ("materials", "Prezentacija: **protokol**."),
    ];
    app.submit_form(&recording, &recording, &fields).await;
    app.submit_form(&recording, &recording, &fields).await;
    let mail = app.deliver_new_mail().await;
    assert_eq!(mail.len(), 1, "told once");
    assert!(mail[0].subject.contains("Snimak je dostupan"));
    assert!(mail[0].text.contains("https://video.example.org/hitno"));

    app.clear_cookies();
    let page = app.get(&event).await;
    assert!(page.body.contains("<strong>protokol</strong>"));
    assert!(!page.body.contains("https://video.example.org/hitno"));
}

#[tokio::test]
async fn a_proposal_passes_the_personal_data_guard_like_a_post() {
    let app = TestApp::spawn().await;
    app.sign_in_as("Ana Vuković", "ana@csr.rs", Role::Practitioner)
        .await;
    let new = "/events/proposals/new";
    let description = "Kao u slučaju deteta sa JMBG 0101990710008: kako procenjujemo rizik?";

    let refused = app
        .submit_form(
            new,
            new,
            &[
                ("kind", "topic"),
                ("title", "Procena rizika kod dece"),
                ("description", description),
                ("confirm_personal_data", "yes"),
            ],
        )
        .await;

    refused.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("id=\"description-error\""));
    assert!(refused.body.contains(description), "the text is kept");
    assert_eq!(app.count("SELECT count(*) FROM event_proposals").await, 0);

    let with_email = "Pišite mi na ana.vukovic@csr.rs za materijale.";
    let fields = [
        ("kind", "topic"),
        ("title", "Procena rizika kod dece"),
        ("description", with_email),
    ];
    let asked = app.submit_form(new, new, &fields).await;
    asked.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(asked.body.contains("id=\"confirm_personal_data\""));
    let mut confirmed = fields.to_vec();
    confirmed.push(("confirm_personal_data", "yes"));
    app.submit_form(new, new, &confirmed)
        .await
        .assert_status(StatusCode::SEE_OTHER);
    assert_eq!(app.count("SELECT count(*) FROM event_proposals").await, 1);
}

#[tokio::test]
async fn members_propose_and_support_topics_and_an_organiser_turns_one_into_an_event() {
    let app = TestApp::spawn().await;
    app.create_member("Jelena Stojanović", "jelena@fpn.rs", Role::Teacher)
        .await;
    app.sign_in_as("Ana Vuković", "ana@csr.rs", Role::Practitioner)
        .await;
    let new = "/events/proposals/new";
    app.submit_form(new, new, &[("kind", "webinar"), ("title", "Rad")])
        .await
        .assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    for title in ["Procena rizika kod starijih", "Supervizija za početnike"] {
        app.submit_form(new, new, &[("kind", "topic"), ("title", title)])
            .await
            .assert_status(StatusCode::SEE_OTHER);
    }
    // Marko supports the second one: it rises to the top.
    app.sign_in_as("Marko Ilić", "marko@csr.rs", Role::Student)
        .await;
    let id: String = sqlx::query_scalar(
        "SELECT proposal_id::text FROM event_proposals WHERE title = 'Supervizija za početnike'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    let vote = format!("/events/proposals/{id}/vote");
    app.submit_form("/events/proposals", &vote, &[("support", "yes")])
        .await;
    app.submit_form("/events/proposals", &vote, &[("support", "yes")])
        .await;
    let list = app.get("/events/proposals").await.body;
    assert!(list.find("Supervizija za početnike") < list.find("Procena rizika"));
    assert_eq!(
        app.count("SELECT count(*) FROM proposal_votes").await,
        3,
        "one vote each"
    );
    let token = app.csrf_token().unwrap();
    app.post_form(
        &format!("/events/proposals/{id}/close"),
        &[("csrf_token", &token), ("reason", "x")],
    )
    .await
    .assert_status(StatusCode::FORBIDDEN);

    // The organiser makes it an event; both supporters are told.
    app.switch_to("jelena@fpn.rs").await;
    let form = app.get(&format!("/events/new?proposal={id}")).await;
    assert!(form.body.contains("value=\"Supervizija za početnike\""));
    let fields = with(webinar(), "title", "Supervizija za početnike");
    let fields = with(fields, "proposal", &id);
    app.create_event(&fields).await;
    let mail = app.deliver_new_mail().await;
    let told: Vec<&str> = mail.iter().map(|m| m.to.as_str()).collect();
    assert!(
        told.contains(&"ana@csr.rs") && told.contains(&"marko@csr.rs"),
        "{told:?}"
    );
    assert!(
        app.get("/events/proposals")
            .await
            .body
            .contains("postao događaj")
    );

    // She closes the other one with a reason; its author is told why, once.
    let other: String = sqlx::query_scalar(
        "SELECT proposal_id::text FROM event_proposals WHERE title = 'Procena rizika kod starijih'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    let close = format!("/events/proposals/{other}/close");
    let reason = "Tema je već u programu za mart.";
    app.submit_form("/events/proposals", &close, &[("reason", reason)])
        .await
        .assert_status(StatusCode::SEE_OTHER);
    // Sent again (a stale tab): nothing more happens.
    let token = app.csrf_token().unwrap();
    app.post_form(&close, &[("csrf_token", &token), ("reason", reason)])
        .await
        .assert_status(StatusCode::SEE_OTHER);
    let mail = app.deliver_new_mail().await;
    assert_eq!(mail.len(), 1, "told once, though closed twice");
    assert_eq!(mail[0].to, "ana@csr.rs");
    assert!(
        mail[0].text.contains("Tema je već u programu za mart."),
        "{}",
        mail[0].text
    );
}
