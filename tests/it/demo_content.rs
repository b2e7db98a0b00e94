//! `seed-demo`'s content comes from the data files in `content/demo/`:
//! seeding the test database writes exactly what the files hold, the
//! accounts the browser journeys and the README gallery use sign in and
//! see their pages, and a second run adds nothing.

use crate::common::TestApp;
use axum::http::StatusCode;

const PASSWORD: &str = kolega::seed::DEFAULT_DEMO_PASSWORD;

/// What a user sees of the demo, in numbers: everything a second run must
/// leave as it is.
async fn totals(app: &TestApp) -> Vec<i64> {
    let mut totals = Vec::new();
    for table in [
        "users",
        "groups",
        "group_members",
        "threads",
        "posts",
        "events",
        "event_registrations",
        "resources",
        "services",
        "notifications",
        "courses",
        "lessons",
        "enrolments",
        "lesson_progress",
        "lesson_attachments",
    ] {
        totals.push(app.count(&format!("SELECT count(*) FROM {table}")).await);
    }
    totals
}

#[tokio::test]
async fn the_demo_is_the_data_files_and_a_second_run_adds_nothing() {
    let app = TestApp::spawn().await;

    kolega::seed::seed_demo(&app.pool, &app.state.files)
        .await
        .unwrap();

    let members = kolega::seed::demo_members().unwrap();
    let groups = kolega::groups::seed::groups().unwrap();
    let events = kolega::events::seed::demo_events().unwrap();
    let resources = kolega::library::seed::resources().unwrap();
    let services =
        kolega::directory::transfer::import::parse(kolega::directory::seed::SERVICES_CSV);
    assert_eq!(
        app.count("SELECT count(*) FROM users").await,
        members.len() as i64
    );
    assert_eq!(
        app.count("SELECT count(*) FROM groups").await,
        (groups.len() + events.supervision_groups.len()) as i64
    );
    let threads: usize = groups.iter().map(|g| g.threads.len()).sum();
    assert_eq!(
        app.count("SELECT count(*) FROM threads").await,
        threads as i64
    );
    assert_eq!(
        app.count("SELECT count(*) FROM events").await,
        events.events.len() as i64
    );
    // Dates are days from today: what the file puts ahead is ahead.
    let ahead = events
        .events
        .iter()
        .filter(|e| e.starts_in_days > 0)
        .count();
    assert_eq!(
        app.count("SELECT count(*) FROM events WHERE starts_at > now()")
            .await,
        ahead as i64
    );
    assert_eq!(
        app.count("SELECT count(*) FROM resources WHERE status = 'published'")
            .await,
        resources.len() as i64
    );
    assert_eq!(
        app.count("SELECT count(*) FROM services WHERE is_demo")
            .await,
        services.records.len() as i64
    );
    assert_eq!(
        app.count("SELECT count(*) FROM users WHERE peer_supporter")
            .await,
        members.iter().filter(|m| m.supporter).count() as i64
    );

    // The supervision group is one, and its supervisor runs it.
    assert_eq!(
        app.count("SELECT count(*) FROM groups WHERE slug = 'supervizija-csr-nis' AND supervision AND visibility = 'secret'")
            .await,
        1
    );
    app.sign_in("dragana.petrovic@kolega.example", PASSWORD)
        .await
        .assert_status(StatusCode::SEE_OTHER);
    app.get("/groups/supervizija-csr-nis/supervision")
        .await
        .assert_status(StatusCode::OK);
    // A supervisee the journeys sign in as sees the group and its meeting.
    app.clear_cookies();
    app.sign_in("jelena.stojanovic@kolega.example", PASSWORD)
        .await
        .assert_status(StatusCode::SEE_OTHER);
    app.get("/groups/supervizija-csr-nis")
        .await
        .assert_status(StatusCode::OK);
    let meeting: uuid::Uuid = sqlx::query_scalar(
        "SELECT event_id FROM events WHERE kind = 'supervision' AND starts_at > now()",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    let page = app.get(&format!("/events/{meeting}")).await;
    page.assert_status(StatusCode::OK);
    assert!(page.body.contains("Supervizijski sastanak — decembar"));

    // The demo courses: published, in the catalogue, and Jelena is halfway
    // through the one on foster care.
    let courses = kolega::courses::seed::courses().unwrap();
    assert_eq!(courses.len(), 3);
    assert_eq!(
        app.count("SELECT count(*) FROM courses WHERE status = 'published'")
            .await,
        courses.len() as i64
    );
    let catalogue = app.get("/courses").await.body;
    for course in &courses {
        // The catalogue reads in the reader's script (Latin here).
        let title = kolega::text::translit::to_latin(&course.title);
        assert!(catalogue.contains(&title), "{title} in the catalogue");
    }
    // Each course's first lesson carries the past webinar's recording; the
    // open courses show it to anyone.
    let first_lessons: Vec<(String, bool)> = sqlx::query_as(
        "SELECT '/courses/' || c.slug || '/lessons/' || l.lesson_id, c.audience = 'open' FROM courses c
         JOIN course_modules m ON m.course_id = c.course_id AND m.position = 1
         JOIN lessons l ON l.module_id = m.module_id AND l.position = 1
         JOIN lesson_attachments a ON a.lesson_id = l.lesson_id AND a.kind = 'recording'",
    )
    .fetch_all(&app.pool)
    .await
    .unwrap();
    assert_eq!(first_lessons.len(), courses.len());
    for (lesson, _) in first_lessons.iter().filter(|(_, open)| *open) {
        let page = app.get(lesson).await;
        assert!(
            page.body
                .contains("https://video.kolega.example/snimci/licna-briga-o-mentalnom-zdravlju")
                && page.body.contains("Lična briga o mentalnom zdravlju"),
            "{lesson}: {}",
            page.body
        );
    }
    let learning = app.get("/me/learning").await;
    learning.assert_status(StatusCode::OK);
    assert!(learning.body.contains("Hraniteljstvo: prva godina"));
    assert!(
        learning.body.contains("Završeno lekcija i testova: 2 od 4"),
        "{}",
        learning.body
    );

    let before = totals(&app).await;
    kolega::seed::seed_demo(&app.pool, &app.state.files)
        .await
        .unwrap();
    assert_eq!(totals(&app).await, before);
}
