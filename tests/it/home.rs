//! The home page (#8): a member's blocks (next events, unread activity in
//! their groups, new resources in their topics, checked services near their
//! city, points this year), each with its empty state; the visitor's page
//! (public webinars only, featured resources only if public, the figures of
//! the impact page); and `/settings/topics`.

use crate::common::TestApp;
use crate::common::services::service;
use axum::http::StatusCode;
use chrono::{DateTime, Duration, TimeZone, Utc};
use kolega::groups::vocabulary::Visibility;
use kolega::members::Role;
use kolega::members::store::Background;
use uuid::Uuid;

/// The HTML of the home page's block `id` (a `<section id=…>`).
fn block<'a>(body: &'a str, id: &str) -> &'a str {
    let marker = format!("id=\"{id}\"");
    let start = body
        .find(&marker)
        .unwrap_or_else(|| panic!("no block {id} on the page:\n{body}"));
    let end = start + body[start..].find("</section>").expect("the block ends");
    &body[start..end]
}

/// The number in the element marked `data-figure="name"`.
fn figure(body: &str, name: &str) -> i64 {
    let marker = format!("data-figure=\"{name}\">");
    body.split(&marker)
        .nth(1)
        .and_then(|rest| rest.split('<').next())
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no figure {name} on the page"))
}

async fn sql(app: &TestApp, statement: &str) {
    sqlx::query(statement).execute(&app.pool).await.unwrap();
}

async fn user_id(app: &TestApp, email: &str) -> Uuid {
    sqlx::query_scalar("SELECT user_id FROM users WHERE email = $1")
        .bind(email)
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

struct NewEvent<'a> {
    title: &'a str,
    kind: &'a str,
    audience: &'a str,
    group_slug: Option<&'a str>,
    starts_at: DateTime<Utc>,
    cancelled: bool,
    points: i32,
}

impl<'a> NewEvent<'a> {
    /// A public webinar at `starts_at`, 90 minutes long.
    fn webinar(title: &'a str, starts_at: DateTime<Utc>) -> NewEvent<'a> {
        NewEvent {
            title,
            kind: "webinar",
            audience: "public",
            group_slug: None,
            starts_at,
            cancelled: false,
            points: 0,
        }
    }
}

async fn add_event(app: &TestApp, event: NewEvent<'_>) -> Uuid {
    sqlx::query_scalar(
        "INSERT INTO events (kind, title, starts_at, ends_at, audience, group_id, points, online_link,
                             created_at, updated_at, cancelled_at)
         VALUES ($1, $2, $3, $3 + interval '90 minutes', $4, (SELECT group_id FROM groups WHERE slug = $5),
                 $6, 'https://meet.example.org/x', $3 - interval '30 days', $3 - interval '30 days',
                 CASE WHEN $7 THEN $3 - interval '1 day' END)
         RETURNING event_id",
    )
    .bind(event.kind)
    .bind(event.title)
    .bind(event.starts_at)
    .bind(event.audience)
    .bind(event.group_slug)
    .bind(event.points)
    .bind(event.cancelled)
    .fetch_one(&app.pool)
    .await
    .unwrap()
}

async fn register(app: &TestApp, event_id: Uuid, email: &str, status: &str) {
    sqlx::query(
        "INSERT INTO event_registrations (event_id, user_id, status, registered_at)
         SELECT $1, user_id, $3, now() FROM users WHERE email = $2",
    )
    .bind(event_id)
    .bind(email)
    .bind(status)
    .execute(&app.pool)
    .await
    .unwrap();
}

struct NewResource<'a> {
    title: &'a str,
    topics: &'a [&'a str],
    status: &'a str,
    members_only: bool,
    featured: bool,
    published_days_ago: i64,
}

impl<'a> NewResource<'a> {
    fn published(title: &'a str, topics: &'a [&'a str]) -> NewResource<'a> {
        NewResource {
            title,
            topics,
            status: "published",
            members_only: false,
            featured: false,
            published_days_ago: 3,
        }
    }
}

async fn add_resource(app: &TestApp, resource: NewResource<'_>) -> Uuid {
    let published_at = app.clock.now() - Duration::days(resource.published_days_ago);
    let topics: Vec<String> = resource.topics.iter().map(|t| t.to_string()).collect();
    sqlx::query_scalar(
        "INSERT INTO resources (title, summary, kind, topics, language, status, members_only, featured,
                                featured_at, created_at, updated_at, published_at)
         VALUES ($1, 'Kratak opis.', 'protocol', $2, 'sr', $3, $4, $5, CASE WHEN $5 THEN $6 END, $6, $6,
                 CASE WHEN $3 = 'published' THEN $6 END)
         RETURNING resource_id",
    )
    .bind(resource.title)
    .bind(topics)
    .bind(resource.status)
    .bind(resource.members_only)
    .bind(resource.featured)
    .bind(published_at)
    .fetch_one(&app.pool)
    .await
    .unwrap()
}

/// Posts `/settings/topics` with the given topics and the session's token.
async fn save_topics(app: &TestApp, topics: &[&str]) -> crate::common::TestResponse {
    let fields: Vec<(String, String)> = topics
        .iter()
        .map(|t| ("topic".to_owned(), t.to_string()))
        .collect();
    app.post_fields("/settings/topics", &fields).await
}

#[tokio::test]
async fn a_members_next_events_are_theirs_and_a_supervision_meeting_is_named_by_its_kind() {
    let app = TestApp::spawn().await;
    let now = app.clock.now();
    app.create_member("Jelena Stojanović", "jelena@csr.rs", Role::Practitioner)
        .await;
    app.sign_in_as("Marko Marković", "marko@csr.rs", Role::Practitioner)
        .await;

    // Nothing registered yet: the block says so and points to the webinars.
    let home = app.get("/").await;
    home.assert_status(StatusCode::OK);
    assert_eq!(home.h1(), "Dobro došli, Marko Marković");
    let events = block(&home.body, "my-events");
    assert!(events.contains("Nema prijava za događaje."), "{events}");
    assert!(events.contains("href=\"/events?kind=webinar\""), "{events}");

    // Jelena's secret supervision group and its meeting.
    app.switch_to("jelena@csr.rs").await;
    let group = app
        .open_group("Supervizija Vranje", Visibility::Secret, &[])
        .await;
    let slug = group.trim_start_matches("/groups/");
    let soon = add_event(
        &app,
        NewEvent::webinar("Hitno zbrinjavanje", now + Duration::days(2)),
    )
    .await;
    let later = add_event(
        &app,
        NewEvent::webinar("Hraniteljstvo danas", now + Duration::days(9)),
    )
    .await;
    let past = add_event(
        &app,
        NewEvent::webinar("Prošli vebinar", now - Duration::days(9)),
    )
    .await;
    let cancelled = add_event(
        &app,
        NewEvent {
            cancelled: true,
            ..NewEvent::webinar("Otkazani vebinar", now + Duration::days(4))
        },
    )
    .await;
    let meeting = add_event(
        &app,
        NewEvent {
            kind: "supervision",
            audience: "group",
            group_slug: Some(slug),
            ..NewEvent::webinar("Slučaj porodice M.", now + Duration::days(5))
        },
    )
    .await;
    register(&app, meeting, "jelena@csr.rs", "registered").await;
    for (event, status) in [
        (soon, "registered"),
        (later, "waitlisted"),
        (past, "registered"),
        (cancelled, "registered"),
    ] {
        register(&app, event, "marko@csr.rs", status).await;
    }
    // Marko has a registration for the meeting (from before he left the
    // group, say) but is not in the group: he must not see it.
    register(&app, meeting, "marko@csr.rs", "registered").await;

    let jelena = app.get("/").await;
    let events = block(&jelena.body, "my-events");
    assert!(
        events.contains(&format!("href=\"/events/{meeting}\"")),
        "{events}"
    );
    assert!(events.contains("Supervizijski sastanak"), "{events}");
    assert!(
        !jelena.body.contains("porodice M"),
        "the meeting's title stays on its pages"
    );

    app.switch_to("marko@csr.rs").await;
    let marko = app.get("/").await;
    let events = block(&marko.body, "my-events");
    let first = events.find("Hitno zbrinjavanje").expect("the next webinar");
    let second = events
        .find("Hraniteljstvo danas")
        .expect("the waitlisted one");
    assert!(first < second, "soonest first");
    assert!(events.contains("Na listi čekanja"));
    for absent in [
        "Prošli vebinar",
        "Otkazani vebinar",
        "Supervizijski sastanak",
        "porodice M",
    ] {
        assert!(!marko.body.contains(absent), "{absent} shown:\n{events}");
    }
    assert!(!marko.body.contains(&meeting.to_string()));

    // Once the first is over (it ended a minute ago), the next one leads;
    // a running one is still there.
    sqlx::query("UPDATE events SET starts_at = $2 - interval '91 minutes', ends_at = $2 - interval '1 minute' WHERE event_id = $1")
        .bind(soon)
        .bind(now)
        .execute(&app.pool)
        .await
        .unwrap();
    sqlx::query("UPDATE events SET starts_at = $2 - interval '10 minutes' WHERE event_id = $1")
        .bind(later)
        .bind(now)
        .execute(&app.pool)
        .await
        .unwrap();
    let events_later = app.get("/").await;
    let events = block(&events_later.body, "my-events");
    assert!(!events.contains("Hitno zbrinjavanje"), "{events}");
    assert!(events.contains("Hraniteljstvo danas"), "{events}");
}

#[tokio::test]
async fn unread_activity_in_my_groups_counts_threads_until_they_are_read() {
    let app = TestApp::spawn().await;
    app.create_member("Marko Marković", "marko@csr.rs", Role::Practitioner)
        .await;
    app.sign_in_as("Ana Vuković", "ana@csr.rs", Role::Practitioner)
        .await;
    let group = app
        .open_group("Hraniteljstvo", Visibility::Public, &[])
        .await;
    let quiet = app.open_group("Mirna grupa", Visibility::Public, &[]).await;

    app.switch_to("marko@csr.rs").await;
    app.join_group(&group).await;
    app.join_group(&quiet).await;
    let home = app.get("/").await;
    let activity = block(&home.body, "group-activity");
    assert!(
        activity.contains("U vašim grupama nema nepročitanih objava."),
        "{activity}"
    );
    assert!(activity.contains("href=\"/groups\""));

    app.switch_to("ana@csr.rs").await;
    let first = app
        .start_thread(&group, "Prvi susret", "Kako ste se pripremali?")
        .await;
    app.clock.advance(Duration::minutes(5));
    let second = app
        .start_thread(&group, "Dokumentacija", "Koje obrasce koristite?")
        .await;
    // A thread quiet for forty days is no longer news.
    app.start_thread(&group, "Stara tema", "Od pre mesec dana.")
        .await;
    sql(
        &app,
        "UPDATE threads SET last_post_at = last_post_at - interval '40 days' WHERE title = 'Stara tema'",
    )
    .await;
    // Ana wrote them all: nothing is unread for her.
    let own = app.get("/").await;
    assert!(block(&own.body, "group-activity").contains("nema nepročitanih"));

    app.switch_to("marko@csr.rs").await;
    let home = app.get("/").await;
    let activity = block(&home.body, "group-activity");
    assert!(activity.contains("2 teme sa novim objavama"), "{activity}");
    assert!(activity.contains(&format!("href=\"{group}\"")));
    assert!(
        activity.contains(&format!("href=\"{second}\"")),
        "the newest thread"
    );
    assert!(activity.contains("Dokumentacija"));
    assert!(
        !activity.contains("Mirna grupa"),
        "a group without news is left out"
    );

    app.get(&second).await.assert_status(StatusCode::OK);
    let home = app.get("/").await;
    let activity = block(&home.body, "group-activity");
    assert!(activity.contains("1 tema sa novim objavama"), "{activity}");
    assert!(activity.contains(&format!("href=\"{first}\"")));

    app.get(&first).await.assert_status(StatusCode::OK);
    let home = app.get("/").await;
    assert!(block(&home.body, "group-activity").contains("nema nepročitanih"));

    // A reply makes the thread unread again.
    app.switch_to("ana@csr.rs").await;
    app.reply(&first, "Razgovorom sa detetom.").await;
    app.switch_to("marko@csr.rs").await;
    let home = app.get("/").await;
    let activity = block(&home.body, "group-activity");
    assert!(activity.contains("1 tema sa novim objavama"), "{activity}");
    assert!(activity.contains("Prvi susret"));
}

#[tokio::test]
async fn a_closed_or_secret_groups_activity_never_reaches_a_non_member() {
    let app = TestApp::spawn().await;
    let marko = app
        .create_member("Marko Marković", "marko@csr.rs", Role::Practitioner)
        .await;
    app.sign_in_as("Ana Vuković", "ana@csr.rs", Role::Practitioner)
        .await;
    let closed = app
        .open_group("Zatvorena grupa", Visibility::Closed, &[])
        .await;
    let secret = app.open_group("Tajna grupa", Visibility::Secret, &[]).await;
    let public = app.open_group("Javna grupa", Visibility::Public, &[]).await;
    app.start_thread(&closed, "Poverljiv slučaj", "Samo za članove.")
        .await;
    app.start_thread(&secret, "Skriveni razgovor", "Samo za pozvane.")
        .await;
    app.start_thread(&public, "Javna tema", "Za sve.").await;
    // Marko is invited to the secret group but has not joined.
    app.submit_form(
        &format!("{secret}/members"),
        &format!("{secret}/members/invite"),
        &[("who", &format!("@{}", marko.handle))],
    )
    .await;

    app.switch_to("marko@csr.rs").await;
    // He asked to join the closed group; not approved yet.
    app.submit_form(
        &closed,
        &format!("{closed}/request"),
        &[("message", "Radim u CSR-u.")],
    )
    .await;
    assert_eq!(
        app.count("SELECT count(*) FROM group_members WHERE status IN ('requested', 'invited')")
            .await,
        2
    );
    let home = app.get("/").await;
    for absent in [
        "Zatvorena grupa",
        "Poverljiv slučaj",
        "Tajna grupa",
        "Skriveni razgovor",
        "Javna grupa",
        "Javna tema",
    ] {
        assert!(
            !home.body.contains(absent),
            "{absent} on a non-member's home"
        );
    }
    assert!(block(&home.body, "group-activity").contains("nema nepročitanih"));

    // Once a member, the closed group's thread is his to see.
    app.switch_to("ana@csr.rs").await;
    app.submit_form(
        &format!("{closed}/members"),
        &format!("{closed}/members/{}/approve", marko.handle),
        &[],
    )
    .await;
    app.switch_to("marko@csr.rs").await;
    let home = app.get("/").await;
    let activity = block(&home.body, "group-activity");
    assert!(activity.contains("Zatvorena grupa"), "{activity}");
    assert!(activity.contains("Poverljiv slučaj"));
    assert!(!home.body.contains("Skriveni razgovor"));
}

#[tokio::test]
async fn new_resources_follow_the_chosen_topics() {
    let app = TestApp::spawn().await;
    add_resource(
        &app,
        NewResource::published("Protokol o zaštiti dece", &["child-protection"]),
    )
    .await;
    add_resource(
        &app,
        NewResource::published("Vodič kroz socijalnu pomoć", &["poverty"]),
    )
    .await;
    add_resource(
        &app,
        NewResource {
            members_only: true,
            ..NewResource::published(
                "Interni obrazac za hranitelje",
                &["foster-care", "child-protection"],
            )
        },
    )
    .await;
    add_resource(
        &app,
        NewResource {
            status: "submitted",
            ..NewResource::published("Nacrt koji čeka pregled", &["child-protection"])
        },
    )
    .await;
    add_resource(
        &app,
        NewResource {
            published_days_ago: 120,
            ..NewResource::published("Stari protokol", &["child-protection"])
        },
    )
    .await;
    app.sign_in_as("Jelena Stojanović", "jelena@csr.rs", Role::Practitioner)
        .await;

    // No topics yet: the newest of the whole library, and the way to choose.
    let home = app.get("/").await;
    let resources = block(&home.body, "new-resources");
    assert!(resources.contains("Još niste izabrali teme"), "{resources}");
    assert!(resources.contains("href=\"/settings/topics\""));
    assert!(resources.contains("Vodič kroz socijalnu pomoć"));
    assert!(resources.contains("Protokol o zaštiti dece"));
    assert!(!resources.contains("Nacrt koji čeka pregled"));
    assert!(
        !resources.contains("Stari protokol"),
        "older than three months"
    );

    // Choose child protection: the page shows the choice, the home follows it.
    let form = app.get("/settings/topics").await;
    form.assert_status(StatusCode::OK);
    assert_eq!(form.h1(), "Teme koje pratim");
    assert!(form.body.contains("value=\"child-protection\""));
    assert!(form.body.contains("Zaštita dece"));
    let saved = save_topics(&app, &["child-protection"]).await;
    saved.assert_redirect_to("/settings/topics");
    let form = app.get("/settings/topics").await;
    assert!(form.body.contains("Teme su sačuvane."));
    assert!(form.body.contains("value=\"child-protection\" checked"));
    assert!(!form.body.contains("value=\"poverty\" checked"));

    let home = app.get("/").await;
    let resources = block(&home.body, "new-resources");
    assert!(
        resources.contains("Vaše teme: Zaštita dece."),
        "{resources}"
    );
    assert!(resources.contains("Protokol o zaštiti dece"));
    assert!(
        resources.contains("Interni obrazac za hranitelje"),
        "members-only, for a member"
    );
    assert!(
        !resources.contains("Vodič kroz socijalnu pomoć"),
        "another topic"
    );
    assert!(!resources.contains("Nacrt koji čeka pregled"));
    assert!(!resources.contains("Stari protokol"));

    // A topic with nothing new: the empty state says so and offers the library.
    save_topics(&app, &["juvenile-justice"])
        .await
        .assert_redirect_to("/settings/topics");
    let home = app.get("/").await;
    let resources = block(&home.body, "new-resources");
    assert!(
        resources.contains("U poslednja tri meseca nema novih resursa iz vaših tema."),
        "{resources}"
    );
    assert!(resources.contains("href=\"/library\""));
    assert!(resources.contains("Maloletničko pravosuđe"));

    // In Cyrillic the topic's name is Cyrillic too.
    sql(
        &app,
        "UPDATE users SET locale = 'sr-Cyrl' WHERE email = 'jelena@csr.rs'",
    )
    .await;
    let cyrillic = app.get("/").await;
    let resources = block(&cyrillic.body, "new-resources");
    assert!(
        resources.contains("Ваше теме: Малолетничко правосуђе."),
        "{resources}"
    );
    sql(
        &app,
        "UPDATE users SET locale = 'sr-Latn' WHERE email = 'jelena@csr.rs'",
    )
    .await;

    // The settings page links to the topics.
    assert!(
        app.get("/settings")
            .await
            .body
            .contains("href=\"/settings/topics\"")
    );
}

#[tokio::test]
async fn an_unknown_topic_is_refused_politely_and_nothing_is_saved() {
    let app = TestApp::spawn().await;
    app.get("/settings/topics")
        .await
        .assert_redirect_to("/login?next=%2Fsettings%2Ftopics");
    app.sign_in_as("Jelena Stojanović", "jelena@csr.rs", Role::Practitioner)
        .await;
    save_topics(&app, &["foster-care", "poverty"])
        .await
        .assert_redirect_to("/settings/topics");

    let refused = save_topics(&app, &["child-protection", "<script>ne-postoji</script>"]).await;
    refused.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("Jedna od izabranih tema ne postoji"));
    assert!(!refused.body.contains("<script>ne-postoji"));
    // The form keeps the valid part of the choice to save again.
    assert!(refused.body.contains("value=\"child-protection\" checked"));
    let user = user_id(&app, "jelena@csr.rs").await;
    let kept: Vec<String> = sqlx::query_scalar(
        "SELECT topic_slug FROM member_topics WHERE user_id = $1 ORDER BY topic_slug",
    )
    .bind(user)
    .fetch_all(&app.pool)
    .await
    .unwrap();
    assert_eq!(kept, ["foster-care", "poverty"], "nothing changed");
    // The member's data download includes the choice.
    let export = app.download_data().await.data;
    assert_eq!(
        export["library_topics_followed"],
        serde_json::json!(["foster-care", "poverty"])
    );

    // Choosing none clears the topics.
    save_topics(&app, &[])
        .await
        .assert_redirect_to("/settings/topics");
    assert_eq!(app.count("SELECT count(*) FROM member_topics").await, 0);
}

#[tokio::test]
async fn checked_services_near_the_members_city_nearest_first_without_confidential_addresses() {
    let app = TestApp::spawn().await;
    let now = app.clock.now();
    let vranje = app.municipality("RS", "Vranje").await;
    let bujanovac = app.municipality("RS", "Bujanovac").await;
    let nis = app.municipality("RS", "Niš").await;
    let mut centre = service(
        "Centar za socijalni rad Vranje",
        "social-work-centre",
        &["families"],
        vranje,
    );
    centre.address = "Stefana Prvovenčanog 12".into();
    app.add_service(&centre, Some(now - Duration::days(10)))
        .await;
    let mut shelter = service(
        "Sigurna kuća Bujanovac",
        "shelter",
        &["violence-victims"],
        bujanovac,
    );
    shelter.address = "Tajna ulica 5".into();
    shelter.address_confidential = true;
    app.add_service(&shelter, Some(now - Duration::days(5)))
        .await;
    app.add_service(
        &service("Dnevni boravak Vranje", "day-care", &["children"], vranje),
        Some(now - Duration::days(200)),
    )
    .await;
    app.add_service(
        &service("Savetovalište Vranje", "counselling", &["families"], vranje),
        None,
    )
    .await;
    app.add_service(
        &service(
            "Centar za socijalni rad Niš",
            "social-work-centre",
            &["families"],
            nis,
        ),
        Some(now - Duration::days(1)),
    )
    .await;

    // The city written in Cyrillic finds the municipality all the same.
    app.create_member_with(
        "Jelena Stojanović",
        "jelena@csr.rs",
        Role::Practitioner,
        Background {
            profession: "practitioner".into(),
            country: "RS".into(),
            city: "Врање".into(),
            ..Background::default()
        },
    )
    .await;
    app.switch_to("jelena@csr.rs").await;
    let home = app.get("/").await;
    let near = block(&home.body, "services-near");
    let centre_at = near
        .find("Centar za socijalni rad Vranje")
        .expect("the centre, in town");
    let shelter_at = near
        .find("Sigurna kuća Bujanovac")
        .expect("the shelter, about 15 km away");
    assert!(centre_at < shelter_at, "nearest first:\n{near}");
    assert!(near.contains("Stefana Prvovenčanog 12"));
    assert!(
        !home.body.contains("Tajna ulica"),
        "a shelter's address is never shown"
    );
    assert!(
        !near.contains("Dnevni boravak Vranje"),
        "checked 200 days ago"
    );
    assert!(!near.contains("Savetovalište Vranje"), "never checked");
    assert!(!near.contains("Niš"), "about 85 km away");
    assert!(near.contains("Vranje"));

    // Without a city, or with one that is no municipality, the block says what to do.
    app.sign_in_as("Marko Marković", "marko@csr.rs", Role::Practitioner)
        .await;
    let home = app.get("/").await;
    let near = block(&home.body, "services-near");
    assert!(near.contains("Upišite grad u svom profilu"), "{near}");
    assert!(near.contains("href=\"/settings\""));
    sql(
        &app,
        "UPDATE users SET city = 'Atlantida' WHERE email = 'marko@csr.rs'",
    )
    .await;
    let near_text = app.get("/").await.body;
    let near = block(&near_text, "services-near");
    assert!(near.contains("Mesto „Atlantida“"), "{near}");
    assert!(!near.contains("Centar za socijalni rad"));

    // A place with nothing checked nearby: the empty state offers the map.
    sql(
        &app,
        "UPDATE users SET city = 'Podgorica', country = 'ME' WHERE email = 'marko@csr.rs'",
    )
    .await;
    let home = app.get("/").await;
    let near = block(&home.body, "services-near");
    assert!(
        near.contains("Do 50 km od mesta Podgorica nema usluga"),
        "{near}"
    );
    assert!(near.contains("href=\"/services\""));
}

#[tokio::test]
async fn points_this_year_count_belgrade_calendar_year_events_only() {
    let app = TestApp::spawn().await;
    app.sign_in_as("Jelena Stojanović", "jelena@csr.rs", Role::Practitioner)
        .await;
    let home = app.get("/").await;
    let points = block(&home.body, "my-points");
    assert!(
        points.contains("U 2026. godini još nemate bodova za licencu."),
        "{points}"
    );
    assert!(points.contains("href=\"/events\""));

    let user = user_id(&app, "jelena@csr.rs").await;
    // 00:30 on 1 January in Belgrade (still 2025 in UTC) counts for 2026;
    // a day earlier is last year.
    for (title, starts_at, points) in [
        (
            "Novogodišnji vebinar",
            Utc.with_ymd_and_hms(2025, 12, 31, 23, 30, 0).unwrap(),
            3,
        ),
        (
            "Prolećna obuka",
            Utc.with_ymd_and_hms(2026, 4, 10, 8, 0, 0).unwrap(),
            8,
        ),
        (
            "Prošlogodišnji vebinar",
            Utc.with_ymd_and_hms(2025, 12, 30, 17, 0, 0).unwrap(),
            5,
        ),
    ] {
        let event = add_event(
            &app,
            NewEvent {
                points,
                ..NewEvent::webinar(title, starts_at)
            },
        )
        .await;
        sqlx::query(
            "INSERT INTO points_entries (user_id, event_id, points, certificate_code, created_at)
             VALUES ($1, $2, $3, $4, now())",
        )
        .bind(user)
        .bind(event)
        .bind(points)
        .bind(format!("KOL-{}", &event.simple().to_string()[..8]))
        .execute(&app.pool)
        .await
        .unwrap();
    }
    let home = app.get("/").await;
    let points = block(&home.body, "my-points");
    assert!(points.contains("data-points=\"11\""), "{points}");
    assert!(
        points.contains("11 bodova za licencu u 2026. godini."),
        "{points}"
    );
    assert!(points.contains("href=\"/me/points\""));

    // In English, with the year as a plain number.
    sql(
        &app,
        "UPDATE users SET locale = 'en' WHERE email = 'jelena@csr.rs'",
    )
    .await;
    let english = app.get("/").await;
    let points = block(&english.body, "my-points");
    assert!(points.contains("11 licence points in 2026."), "{points}");
}

#[tokio::test]
async fn a_visitor_sees_public_webinars_and_public_featured_resources_only() {
    let app = TestApp::spawn().await;
    let now = app.clock.now();
    app.sign_in_as("Dragana Petrović", "dragana@fpn.rs", Role::Teacher)
        .await;
    let group = app
        .open_group("Supervizija Niš", Visibility::Secret, &[])
        .await;
    let slug = group.trim_start_matches("/groups/").to_owned();
    app.clear_cookies();

    // Nothing announced: the empty state points to the events.
    let home = app.get("/").await;
    home.assert_status(StatusCode::OK);
    assert_eq!(home.h1(), "Mesto gde se pomažu pomagači");
    let webinars = block(&home.body, "webinars-title");
    assert!(
        webinars.contains("Trenutno nema najavljenih javnih vebinara."),
        "{webinars}"
    );
    assert!(webinars.contains("href=\"/events\""));
    // Nothing featured: no empty block for a visitor, who can do nothing about it.
    assert!(
        !home.body.contains("featured-title"),
        "no empty featured block"
    );

    let public = add_event(
        &app,
        NewEvent {
            points: 4,
            ..NewEvent::webinar("Hitno zbrinjavanje", now + Duration::days(8))
        },
    )
    .await;
    let sooner = add_event(
        &app,
        NewEvent::webinar("Rad sa porodicom", now + Duration::days(2)),
    )
    .await;
    for event in [
        NewEvent {
            audience: "members",
            ..NewEvent::webinar("Samo za članove", now + Duration::days(3))
        },
        NewEvent {
            kind: "supervision",
            audience: "group",
            group_slug: Some(&slug),
            ..NewEvent::webinar("Supervizija — decembar", now + Duration::days(4))
        },
        NewEvent {
            kind: "round_table",
            ..NewEvent::webinar("Okrugli sto u Šidu", now + Duration::days(5))
        },
        NewEvent {
            cancelled: true,
            ..NewEvent::webinar("Otkazani vebinar", now + Duration::days(6))
        },
        NewEvent::webinar("Prošli vebinar", now - Duration::days(6)),
    ] {
        add_event(&app, event).await;
    }
    add_resource(
        &app,
        NewResource {
            featured: true,
            ..NewResource::published("Brošura o hraniteljstvu", &["foster-care"])
        },
    )
    .await;
    add_resource(
        &app,
        NewResource {
            featured: true,
            members_only: true,
            ..NewResource::published("Interni protokol", &["child-protection"])
        },
    )
    .await;
    add_resource(
        &app,
        NewResource::published("Neistaknuti vodič", &["poverty"]),
    )
    .await;

    let home = app.get("/").await;
    let webinars = block(&home.body, "webinars-title");
    let first = webinars
        .find(&format!("/events/{sooner}"))
        .expect("the sooner webinar");
    let second = webinars
        .find(&format!("/events/{public}"))
        .expect("the later one");
    assert!(first < second, "soonest first");
    assert!(webinars.contains("bodova za licencu: 4"));
    for absent in [
        "Samo za članove",
        "Supervizija — decembar",
        "Okrugli sto u Šidu",
        "Otkazani vebinar",
        "Prošli vebinar",
    ] {
        assert!(
            !home.body.contains(absent),
            "{absent} on the visitor's home"
        );
    }
    let featured = block(&home.body, "featured-title");
    assert!(featured.contains("Brošura o hraniteljstvu"), "{featured}");
    assert!(
        !home.body.contains("Interni protokol"),
        "members-only, never for visitors"
    );
    assert!(!featured.contains("Neistaknuti vodič"));
    // The service-map search and what Kolega is.
    let search = block(&home.body, "find-service-title");
    assert!(search.contains("action=\"/services\""));
    assert!(search.contains("name=\"q\""));
    assert!(home.body.contains("Šta Kolega donosi"));
}

#[tokio::test]
async fn the_visitors_figures_are_the_impact_pages_and_are_recounted_after_a_few_minutes() {
    let app = TestApp::spawn().await;
    let now = app.clock.now();
    app.create_member("Marko Marković", "marko@csr.me", Role::Practitioner)
        .await;
    app.create_member("Uroš Neprovereni", "uros@example.org", Role::Practitioner)
        .await;
    sql(
        &app,
        "UPDATE users SET email_verified_at = NULL WHERE email = 'uros@example.org'",
    )
    .await;
    app.sign_in_as("Ana Vuković", "ana@csr.rs", Role::Practitioner)
        .await;
    let open = app
        .open_group("Hraniteljstvo", Visibility::Public, &[])
        .await;
    let secret = app
        .open_group("Supervizija Niš", Visibility::Secret, &[])
        .await;
    let thread = app
        .start_thread(&open, "Prvi susret", "Kako ste se pripremali?")
        .await;
    app.reply(&thread, "Razgovorom sa detetom.").await;
    app.reply(&thread, "Obrisaću ovo.").await;
    app.start_thread(&secret, "Slučaj", "Poverljivo.").await;
    sql(
        &app,
        "UPDATE posts SET deleted_at = now() WHERE body = 'Obrisaću ovo.'",
    )
    .await;
    for event in [
        NewEvent::webinar("Održan vebinar", now - Duration::days(13)),
        NewEvent {
            kind: "regional_meeting",
            ..NewEvent::webinar("Regionalni susret", now - Duration::days(40))
        },
        NewEvent {
            cancelled: true,
            ..NewEvent::webinar("Otkazan vebinar", now - Duration::days(5))
        },
        NewEvent::webinar("Budući vebinar", now + Duration::days(5)),
    ] {
        add_event(&app, event).await;
    }
    add_resource(
        &app,
        NewResource::published("Protokol", &["child-protection"]),
    )
    .await;
    add_resource(
        &app,
        NewResource {
            status: "draft",
            ..NewResource::published("Nacrt", &["poverty"])
        },
    )
    .await;
    let vranje = app.municipality("RS", "Vranje").await;
    for name in ["Centar za socijalni rad Vranje", "Savetovalište Vranje"] {
        app.add_service(&service(name, "counselling", &["families"], vranje), None)
            .await;
    }
    app.clear_cookies();

    let home = app.get("/").await;
    let impact = app.get("/about/impact").await;
    let figures = block(&home.body, "figures-title");
    assert!(figures.contains("href=\"/about/impact\""));
    assert_eq!(figure(&home.body, "members"), 2);
    assert_eq!(figure(&home.body, "groups"), 2);
    assert_eq!(figure(&home.body, "posts"), 3);
    assert_eq!(figure(&home.body, "events"), 2);
    assert_eq!(figure(&home.body, "resources"), 1);
    assert_eq!(figure(&home.body, "services"), 2);
    for (home_name, impact_name) in [
        ("members", "members"),
        ("groups", "groups"),
        ("posts", "posts"),
        ("resources", "resources"),
        ("services", "services"),
    ] {
        assert_eq!(
            figure(&home.body, home_name),
            figure(&impact.body, impact_name),
            "{home_name}"
        );
    }
    let held: i64 = ["held-webinar", "held-supervision", "held-regional_meeting"]
        .iter()
        .map(|name| figure(&impact.body, name))
        .sum();
    assert_eq!(figure(&home.body, "events"), held);
    // Plural forms: 2 members, 2 groups, 3 posts.
    assert!(figures.contains("člana"), "{figures}");
    assert!(figures.contains("objave u grupama"));

    // The counts are kept for a few minutes, then counted again.
    app.create_member("Vesna Vuković", "vesna@csr.me", Role::Student)
        .await;
    assert_eq!(figure(&app.get("/").await.body, "members"), 2);
    app.clock.advance(Duration::minutes(6));
    assert_eq!(figure(&app.get("/").await.body, "members"), 3);
}
