//! Leaving a closed group ends what it gave. Jelena, registered for her
//! group's meeting, leaves the group, is removed or banned from it (from a
//! closed group or a supervision group), or is blocked by an administrator.
//! After each: her place went to Marko on the waitlist; the reminder
//! already queued for her is not sent, nor the next one, nor the change
//! notice; her calendar feed no longer has the meeting; her notifications
//! and her data download carry nothing new about it; and she got one plain
//! notice. After leaving, the group's thread waiting for her digest, the
//! recording of a meeting she attended and that meeting in her calendar
//! stay away too, while its points stay hers.

use crate::common::TestApp;
use crate::common::events::{webinar, with};
use crate::common::html::unescape;
use axum::http::StatusCode;
use chrono::{DateTime, TimeZone, Utc};
use kolega::groups::vocabulary::Visibility;
use kolega::members::Role;
use kolega::notify::email::SimpleEmail;
use kolega::notify::{Kind, Notification, Recipient, notify};
use serde_json::Value;
use uuid::Uuid;

const LINK: &str = "https://meet.example.org/kolega-hitno";
const TITLE: &str = "Slučaj porodice M.";

/// The group, its meeting (1 December, 18:00, one place: Jelena has it,
/// Marko waits) and Jelena's private calendar feed.
struct Scene {
    kind: &'static str,
    group: String,
    meeting: String,
    meeting_id: Uuid,
    feed: String,
}

/// Dragana (a teacher) runs the group — a closed one, or a supervision
/// group — with Jelena and Marko in it. Dragana is signed in at the end,
/// and all mail so far is delivered.
async fn scene(app: &TestApp, name: &str, supervision: bool) -> Scene {
    let jelena = app
        .create_member("Jelena Stojanović", "jelena@csr.rs", Role::Practitioner)
        .await;
    let marko = app
        .create_member("Marko Ilić", "marko@csr.rs", Role::Practitioner)
        .await;
    app.sign_in_as("Dragana Petrović", "dragana@fpn.rs", Role::Teacher)
        .await;
    let visibility = if supervision {
        Visibility::Secret
    } else {
        Visibility::Closed
    };
    let group = app.open_group(name, visibility, &[]).await;
    if supervision {
        let settings = format!("{group}/supervision");
        app.submit_form(
            &settings,
            &settings,
            &[
                ("supervision", "yes"),
                ("member_limit", "4"),
                ("retention_months", "12"),
            ],
        )
        .await
        .assert_status(StatusCode::SEE_OTHER);
    }
    for handle in [&jelena.handle, &marko.handle] {
        app.submit_form(
            &format!("{group}/members"),
            &format!("{group}/members/invite"),
            &[("who", &format!("@{handle}"))],
        )
        .await
        .assert_status(StatusCode::SEE_OTHER);
    }
    let slug = group.trim_start_matches("/groups/").to_owned();
    let kind = if supervision {
        "supervision"
    } else {
        "webinar"
    };
    let meeting = app
        .create_event(&meeting_fields(kind, &slug, "18:00"))
        .await;
    for email in ["jelena@csr.rs", "marko@csr.rs"] {
        app.switch_to(email).await;
        app.join_group(&group).await;
        app.register_for(&meeting).await;
    }
    app.switch_to("jelena@csr.rs").await;
    let feed = feed_path(app).await;
    assert!(
        app.get(&feed).await.body.contains(&uid(&meeting)),
        "before: the meeting is in Jelena's calendar"
    );
    app.deliver_new_mail().await;
    app.switch_to("dragana@fpn.rs").await;
    Scene {
        kind,
        meeting_id: meeting.trim_start_matches("/events/").parse().unwrap(),
        group,
        meeting,
        feed,
    }
}

/// The meeting's form: in the group, with a place, an online link and one seat.
fn meeting_fields<'a>(kind: &'a str, slug: &'a str, start: &'a str) -> Vec<(&'a str, &'a str)> {
    let mut fields = with(with(webinar(), "kind", kind), "audience", slug);
    fields = with(fields, "title", TITLE);
    fields = with(fields, "place_address", "Kralja Milana 12");
    fields = with(fields, "city", "Niš");
    fields = with(fields, "capacity", "1");
    with(fields, "start_time", start)
}

/// The signed-in member's private calendar feed, as the events page gives it.
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

fn uid(meeting: &str) -> String {
    format!("{}@kolega", meeting.trim_start_matches("/events/"))
}

async fn user_id(app: &TestApp, email: &str) -> Uuid {
    sqlx::query_scalar("SELECT user_id FROM users WHERE email = $1")
        .bind(email)
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

async fn send_reminders(app: &TestApp) -> usize {
    let base = app.state.config.base_url.clone();
    kolega::events::reminders::send_due(&app.pool, &base, app.clock.now())
        .await
        .unwrap()
}

/// Moves the test clock forward to `at` (UTC).
fn go_to(app: &TestApp, at: DateTime<Utc>) {
    app.clock.advance(at - app.clock.now());
}

/// → 30 November 18:30 UTC, 22½ hours before the meeting: the day
/// reminders are queued (Jelena's; Marko only waits) but the worker has not
/// sent them yet.
async fn queue_day_reminders(app: &TestApp) {
    go_to(app, Utc.with_ymd_and_hms(2026, 11, 30, 18, 30, 0).unwrap());
    assert_eq!(send_reminders(app).await, 1, "Jelena's reminder is queued");
    // A week on, Dragana signs in afresh.
    app.switch_to("dragana@fpn.rs").await;
    assert_eq!(
        app.count(
            "SELECT count(*) FROM outbox_messages WHERE recipient = 'jelena@csr.rs' AND status = 'pending'"
        )
        .await,
        1
    );
}

/// Jelena's newest notification id, to tell later entries from earlier ones.
async fn last_notification(app: &TestApp) -> i64 {
    app.count(
        "SELECT COALESCE(max(notification_id), 0) FROM notifications n JOIN users u USING (user_id)
         WHERE u.email = 'jelena@csr.rs'",
    )
    .await
}

/// Everything that must hold after Jelena's place in the group ended
/// (she is not signed in, Dragana is): `notice` is a phrase of the plain
/// notice, `since` her last notification before the act.
async fn nothing_reaches_jelena(app: &TestApp, scene: &Scene, notice: &str, since: i64) {
    let jelena = user_id(app, "jelena@csr.rs").await;
    let marko = user_id(app, "marko@csr.rs").await;

    // Her registration is gone, and the place went to Marko.
    let statuses: Vec<(Uuid, String)> =
        sqlx::query_as("SELECT user_id, status FROM event_registrations WHERE event_id = $1")
            .bind(scene.meeting_id)
            .fetch_all(&app.pool)
            .await
            .unwrap();
    assert_eq!(statuses, vec![(marko, "registered".to_owned())]);
    let participants = app.get(&format!("{}/participants", scene.meeting)).await;
    participants.assert_status(StatusCode::OK);
    assert!(participants.body.contains("Marko Ilić"));
    assert!(!participants.body.contains("Jelena Stojanović"));

    // The mail now: her plain notice (and not the reminder queued before),
    // and Marko's place.
    let mail = app.deliver_new_mail().await;
    let hers: Vec<_> = mail.iter().filter(|m| m.to == "jelena@csr.rs").collect();
    assert_eq!(hers.len(), 1, "only the notice: {hers:#?}");
    let plain = hers[0];
    assert!(plain.text.contains(notice), "{}", plain.text);
    assert!(
        plain.text.contains("1. 12. 2026. u 18:00–19:30"),
        "{}",
        plain.text
    );
    for secret in [TITLE, LINK, "Kralja Milana"] {
        assert!(!plain.raw.contains(secret), "the notice names no {secret}");
    }
    assert!(
        mail.iter()
            .any(|m| m.to == "marko@csr.rs" && m.subject.starts_with("Mesto je vaše")),
        "Marko has the place: {mail:#?}"
    );

    // A change of time is told to Marko, not to her.
    let edit = format!("{}/edit", scene.meeting);
    let slug = scene.group.trim_start_matches("/groups/");
    app.submit_form(&edit, &edit, &meeting_fields(scene.kind, slug, "17:00"))
        .await
        .assert_status(StatusCode::SEE_OTHER);
    let mail = app.deliver_new_mail().await;
    assert!(mail.iter().any(|m| m.to == "marko@csr.rs"), "Marko is told");
    assert!(mail.iter().all(|m| m.to != "jelena@csr.rs"), "{mail:#?}");

    // The hour reminder: Marko's only (→ 1 December 15:10 UTC, 50 minutes
    // before the new start at 17:00 Belgrade time).
    go_to(app, Utc.with_ymd_and_hms(2026, 12, 1, 15, 10, 0).unwrap());
    assert_eq!(send_reminders(app).await, 1);
    let mail = app.deliver_new_mail().await;
    assert_eq!(mail.len(), 1);
    assert_eq!(mail[0].to, "marko@csr.rs");

    // In-app: the notice, nothing else since.
    let titles: Vec<String> = sqlx::query_scalar(
        "SELECT title FROM notifications WHERE user_id = $1 AND notification_id > $2",
    )
    .bind(jelena)
    .bind(since)
    .fetch_all(&app.pool)
    .await
    .unwrap();
    assert_eq!(titles, vec![plain.subject.clone()]);
}

/// What Jelena herself finds once signed in: her notifications list, her
/// data download and her calendar feed.
async fn jelena_finds_nothing(app: &TestApp, scene: &Scene, subject: &str) {
    app.switch_to("jelena@csr.rs").await;
    let list = unescape(&app.get("/notifications").await.body);
    assert!(list.contains(subject), "the notice is listed");
    for news in ["Izmena", "Počinje za"] {
        assert!(!list.contains(news), "no {news} in her list");
    }

    let export: Value = app.download_data().await.data;
    let registrations = export["events"]["registrations"].as_array().unwrap();
    assert!(
        registrations
            .iter()
            .all(|r| r["event_id"] != scene.meeting_id.to_string()),
        "{registrations:#?}"
    );
    let export = export.to_string();
    assert!(!export.contains("Počinje za") && !export.contains("Izmena"));

    let feed = app.get(&scene.feed).await;
    feed.assert_status(StatusCode::OK);
    assert!(!feed.body.contains(&uid(&scene.meeting)), "{}", feed.body);
    assert!(!feed.body.contains(LINK));
}

#[tokio::test]
async fn leaving_a_closed_group_ends_her_registrations_and_everything_they_brought() {
    let app = TestApp::spawn().await;
    let scene = scene(&app, "Podrška voditeljima slučaja", false).await;

    // An earlier meeting of the group she attended, with points: her record.
    let slug = scene.group.trim_start_matches("/groups/").to_owned();
    let earlier = with(
        with(
            meeting_fields("webinar", &slug, "18:00"),
            "start_date",
            "2026-11-24",
        ),
        "points",
        "2",
    );
    let earlier = app.create_event(&earlier).await;
    app.switch_to("jelena@csr.rs").await;
    app.register_for(&earlier).await;
    go_to(&app, Utc.with_ymd_and_hms(2026, 11, 25, 9, 0, 0).unwrap());
    app.switch_to("dragana@fpn.rs").await;
    let attendance = format!("{earlier}/attendance");
    let jelena = user_id(&app, "jelena@csr.rs").await;
    app.submit_form(
        &attendance,
        &attendance,
        &[(format!("attended-{jelena}").as_str(), "yes")],
    )
    .await
    .assert_status(StatusCode::SEE_OTHER);
    app.deliver_new_mail().await;

    // Jelena follows the group; a new thread waits for her daily digest.
    app.switch_to("jelena@csr.rs").await;
    app.submit_form(
        &scene.group,
        &format!("{}/follow", scene.group),
        &[("follow", "yes")],
    )
    .await
    .assert_status(StatusCode::SEE_OTHER);
    app.switch_to("dragana@fpn.rs").await;
    app.start_thread(&scene.group, "Dogovor za decembar", "Ko vodi zapisnik?")
        .await;
    assert_eq!(
        app.count("SELECT count(*) FROM notifications WHERE digest_pending")
            .await,
        1
    );

    queue_day_reminders(&app).await;
    let since = last_notification(&app).await;
    app.switch_to("jelena@csr.rs").await;
    assert!(app.get(&scene.feed).await.body.contains(&uid(&earlier)));
    app.submit_form(&scene.group, &format!("{}/leave", scene.group), &[])
        .await
        .assert_redirect_to("/groups");
    app.get(&scene.meeting)
        .await
        .assert_status(StatusCode::NOT_FOUND);

    app.switch_to("dragana@fpn.rs").await;
    let subject = "Prijave za događaje grupe „Podrška voditeljima slučaja” su prekinute";
    nothing_reaches_jelena(
        &app,
        &scene,
        "Napustili ste grupu „Podrška voditeljima slučaja”",
        since,
    )
    .await;
    // The morning digest (7:00 on 1 December has passed) has nothing of
    // the group for her any more.
    let base = app.state.config.base_url.clone();
    kolega::notify::digest::send_due(&app.pool, &base, app.clock.now())
        .await
        .unwrap();
    assert!(app.deliver_new_mail().await.is_empty());
    jelena_finds_nothing(&app, &scene, subject).await;

    // Her calendar lets go of the group's past meetings too.
    assert!(!app.get(&scene.feed).await.body.contains(&uid(&earlier)));

    // What happened stays hers: the attended meeting and its points.
    let points = app.get("/me/points").await;
    assert!(
        points.body.contains("<td>2026</td><td>2</td>"),
        "{}",
        points.body
    );
    let export: Value = app.download_data().await.data;
    let earlier_id = earlier.trim_start_matches("/events/");
    assert!(
        export["events"]["registrations"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["event_id"] == earlier_id && !r["attended_at"].is_null())
    );

    // The recording of the meeting she attended is the group's news now:
    // it goes to those still in the group, not to her.
    app.switch_to("dragana@fpn.rs").await;
    let recording = format!("{earlier}/recording");
    app.submit_form(
        &recording,
        &recording,
        &[("recording_url", "https://video.example.org/slucaj")],
    )
    .await
    .assert_status(StatusCode::SEE_OTHER);
    assert!(
        app.deliver_new_mail()
            .await
            .iter()
            .all(|m| m.to != "jelena@csr.rs")
    );
}

#[tokio::test]
async fn a_member_removed_from_a_closed_group_keeps_nothing_of_its_coming_meetings() {
    let app = TestApp::spawn().await;
    let scene = scene(&app, "Podrška voditeljima slučaja", false).await;
    queue_day_reminders(&app).await;
    let since = last_notification(&app).await;
    let handle: String =
        sqlx::query_scalar("SELECT handle FROM users WHERE email = 'jelena@csr.rs'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    let members = format!("{}/members", scene.group);
    app.submit_form(&members, &format!("{members}/{handle}/remove"), &[])
        .await
        .assert_status(StatusCode::SEE_OTHER);

    nothing_reaches_jelena(
        &app,
        &scene,
        "Više niste član grupe „Podrška voditeljima slučaja”",
        since,
    )
    .await;
    let subject = "Prijave za događaje grupe „Podrška voditeljima slučaja” su prekinute";
    jelena_finds_nothing(&app, &scene, subject).await;
    app.get(&scene.meeting)
        .await
        .assert_status(StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_member_banned_from_a_closed_group_keeps_nothing_of_its_coming_meetings() {
    let app = TestApp::spawn().await;
    let scene = scene(&app, "Podrška voditeljima slučaja", false).await;
    queue_day_reminders(&app).await;
    let since = last_notification(&app).await;
    let handle: String =
        sqlx::query_scalar("SELECT handle FROM users WHERE email = 'jelena@csr.rs'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    let members = format!("{}/members", scene.group);
    app.submit_form(&members, &format!("{members}/{handle}/ban"), &[])
        .await
        .assert_status(StatusCode::SEE_OTHER);
    nothing_reaches_jelena(
        &app,
        &scene,
        "Više niste član grupe „Podrška voditeljima slučaja”",
        since,
    )
    .await;
}

#[tokio::test]
async fn a_supervisee_removed_from_a_supervision_group_keeps_nothing_of_its_coming_meetings() {
    let app = TestApp::spawn().await;
    let scene = scene(&app, "Supervizija Niš", true).await;
    queue_day_reminders(&app).await;
    let since = last_notification(&app).await;
    let handle: String =
        sqlx::query_scalar("SELECT handle FROM users WHERE email = 'jelena@csr.rs'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    let members = format!("{}/members", scene.group);
    app.submit_form(&members, &format!("{members}/{handle}/remove"), &[])
        .await
        .assert_status(StatusCode::SEE_OTHER);

    nothing_reaches_jelena(
        &app,
        &scene,
        "Više niste član grupe „Supervizija Niš”",
        since,
    )
    .await;
    let subject = "Prijave za događaje grupe „Supervizija Niš” su prekinute";
    jelena_finds_nothing(&app, &scene, subject).await;
    app.get(&scene.meeting)
        .await
        .assert_status(StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_blocked_member_loses_her_places_and_is_told_once() {
    let app = TestApp::spawn().await;
    let scene = scene(&app, "Podrška voditeljima slučaja", false).await;
    queue_day_reminders(&app).await;
    let since = last_notification(&app).await;
    let handle: String =
        sqlx::query_scalar("SELECT handle FROM users WHERE email = 'jelena@csr.rs'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    app.sign_in_as("Ana Admin", "admin@kolega.rs", Role::Admin)
        .await;
    app.submit_form(
        "/admin/members",
        &format!("/admin/members/{handle}/block"),
        &[],
    )
    .await
    .assert_status(StatusCode::SEE_OTHER);

    app.switch_to("dragana@fpn.rs").await;
    nothing_reaches_jelena(&app, &scene, "Administrator je blokirao vaš nalog", since).await;

    // Whatever else would tell her something stays in the app, unmailed.
    let jelena = user_id(&app, "jelena@csr.rs").await;
    let to = Recipient::new(jelena, "jelena@csr.rs", "Jelena Stojanović", "sr-Latn");
    let mail = SimpleEmail {
        kind: "reply",
        subject: "Novi odgovor".into(),
        greeting: "Poštovana Jelena,".into(),
        paragraphs: vec!["Odgovor u temi.".into()],
        action: None,
    };
    let mut conn = app.pool.acquire().await.unwrap();
    let base = app.state.config.base_url.clone();
    notify(
        &mut conn,
        &base,
        &to,
        Notification::new(Kind::Reply, "/groups", mail),
        app.clock.now(),
    )
    .await
    .unwrap();
    drop(conn);
    assert!(
        app.deliver_new_mail().await.is_empty(),
        "no mail to a blocked member"
    );

    // Unblocked later, she is still in the group but holds no place.
    app.switch_to("admin@kolega.rs").await;
    app.submit_form(
        "/admin/members",
        &format!("/admin/members/{handle}/unblock"),
        &[],
    )
    .await
    .assert_status(StatusCode::SEE_OTHER);
    jelena_finds_nothing(&app, &scene, "Vaše prijave za događaje su prekinute").await;
    let page = app.get(&scene.meeting).await;
    page.assert_status(StatusCode::OK);
    assert!(!page.body.contains("Prijavljeni ste"), "not registered");
    assert!(page.body.contains("/register\""), "she may register again");
    assert!(!page.body.contains(LINK), "no link: she has no place");
}
