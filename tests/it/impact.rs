//! `/about/impact`: the community's figures against data arranged here,
//! with only verified, undeleted members counted, cancelled and future
//! events left out, and the monthly series in Europe/Belgrade months.

use crate::common::TestApp;
use crate::common::services::service;
use chrono::{Duration, TimeZone, Utc};
use kolega::groups::vocabulary::Visibility;
use kolega::members::Role;
use kolega::members::store::Background;

/// The number shown for `name` (a `data-figure` or `data-month` cell).
fn figure(body: &str, attribute: &str, name: &str) -> i64 {
    let marker = format!("{attribute}=\"{name}\">");
    body.split(&marker)
        .nth(1)
        .and_then(|rest| rest.split('<').next())
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no {name} on the page"))
}

async fn sql(app: &TestApp, statement: &str) {
    sqlx::query(statement).execute(&app.pool).await.unwrap();
}

#[tokio::test]
async fn the_figures_count_what_the_community_did() {
    let app = TestApp::spawn().await;
    // Members: four count; an unconfirmed address and a deleted account do not.
    app.create_member("Marko Marković", "marko@csr.me", Role::Practitioner)
        .await;
    app.create_member_with(
        "Vesna Vuković",
        "vesna@csr.me",
        Role::Student,
        Background {
            profession: "student".into(),
            country: "ME".into(),
            ..Background::default()
        },
    )
    .await;
    app.create_member("Milica Jovanović", "milica@kolega.rs", Role::Moderator)
        .await;
    app.create_member("Uroš Neprovereni", "uros@example.org", Role::Practitioner)
        .await;
    app.create_member("Dragan Obrisani", "dragan@example.org", Role::Practitioner)
        .await;
    sql(
        &app,
        "UPDATE users SET email_verified_at = NULL WHERE email = 'uros@example.org'",
    )
    .await;
    sql(
        &app,
        "UPDATE users SET deleted_at = now() WHERE email = 'dragan@example.org'",
    )
    .await;
    app.sign_in_as("Ana Vuković", "ana@csr.rs", Role::Practitioner)
        .await;

    // Groups and posts: a secret group's posts are counted like any other.
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
    app.start_thread(&secret, "Slučaj", "Poverljivo.").await;
    sql(
        &app,
        "UPDATE posts SET deleted_at = now() WHERE body = 'Razgovorom sa detetom.'",
    )
    .await;

    // Activity: Ana wrote two days ago, Marko signed in ten days ago, Vesna forty.
    let now = app.clock.now();
    sqlx::query("UPDATE posts SET created_at = $1")
        .bind(now - Duration::days(2))
        .execute(&app.pool)
        .await
        .unwrap();
    sql(&app, "DELETE FROM sessions").await;
    for (email, days) in [("marko@csr.me", 10), ("vesna@csr.me", 40)] {
        sqlx::query(
            "INSERT INTO sessions (session_hash, user_id, remember, created_at, last_seen_at, expires_at)
             SELECT gen_random_uuid()::text::bytea, user_id, false, $2, $2, $2 + interval '60 days'
             FROM users WHERE email = $1",
        )
        .bind(email)
        .bind(now - Duration::days(days))
        .execute(&app.pool)
        .await
        .unwrap();
    }
    // When members joined (Belgrade months): two in November, one in September, one long ago.
    for (email, at) in [
        (
            "ana@csr.rs",
            Utc.with_ymd_and_hms(2026, 11, 2, 8, 0, 0).unwrap(),
        ),
        (
            "marko@csr.me",
            Utc.with_ymd_and_hms(2026, 10, 31, 23, 30, 0).unwrap(),
        ), // 1 November in Belgrade
        (
            "vesna@csr.me",
            Utc.with_ymd_and_hms(2026, 9, 15, 12, 0, 0).unwrap(),
        ),
        (
            "milica@kolega.rs",
            Utc.with_ymd_and_hms(2024, 6, 1, 12, 0, 0).unwrap(),
        ),
    ] {
        sqlx::query("UPDATE users SET created_at = $2 WHERE email = $1")
            .bind(email)
            .bind(at)
            .execute(&app.pool)
            .await
            .unwrap();
    }

    // Events: a held webinar (one of two attended), a cancelled and a future one,
    // a held supervision meeting.
    for (title, kind, starts, cancelled) in [
        ("Održan vebinar", "webinar", now - Duration::days(13), false),
        ("Otkazan vebinar", "webinar", now - Duration::days(5), true),
        ("Budući vebinar", "webinar", now + Duration::days(5), false),
        (
            "Supervizija",
            "supervision",
            Utc.with_ymd_and_hms(2026, 10, 5, 16, 0, 0).unwrap(),
            false,
        ),
    ] {
        sqlx::query(
            "INSERT INTO events (kind, title, starts_at, ends_at, audience, created_at, updated_at, cancelled_at)
             VALUES ($1, $2, $3, $3 + interval '90 minutes', 'public', $3, $3, CASE WHEN $4 THEN $3 END)",
        )
        .bind(kind)
        .bind(title)
        .bind(starts)
        .bind(cancelled)
        .execute(&app.pool)
        .await
        .unwrap();
    }
    for (title, email, attended) in [
        ("Održan vebinar", "ana@csr.rs", true),
        ("Održan vebinar", "marko@csr.me", false),
        ("Otkazan vebinar", "vesna@csr.me", true),
        ("Supervizija", "vesna@csr.me", true),
    ] {
        sqlx::query(
            "INSERT INTO event_registrations (event_id, user_id, status, registered_at, attended_at)
             SELECT e.event_id, u.user_id, 'registered', e.created_at, CASE WHEN $3 THEN e.ends_at END
             FROM events e, users u WHERE e.title = $1 AND u.email = $2",
        )
        .bind(title)
        .bind(email)
        .bind(attended)
        .execute(&app.pool)
        .await
        .unwrap();
    }
    // Resources: two published (7 and 3 downloads), a draft that does not count.
    for (title, status, downloads) in [
        ("Protokol", "published", 7),
        ("Vodič", "published", 3),
        ("Nacrt", "draft", 100),
    ] {
        sqlx::query(
            "INSERT INTO resources (title, kind, language, status, downloads, created_at, updated_at, published_at)
             VALUES ($1, 'protocol', 'sr', $2, $3, $4, $4, CASE WHEN $2 = 'published' THEN $4 END)",
        )
        .bind(title)
        .bind(status)
        .bind(downloads)
        .bind(Utc.with_ymd_and_hms(2026, 11, 1, 10, 0, 0).unwrap())
        .execute(&app.pool)
        .await
        .unwrap();
    }
    // Services: one checked a month ago, one more than a year ago.
    let sid = app.municipality("RS", "Šid").await;
    app.add_service(
        &service(
            "Centar za socijalni rad Šid",
            "social-work-centre",
            &["families"],
            sid,
        ),
        Some(now - Duration::days(30)),
    )
    .await;
    app.add_service(
        &service("Pomoć u kući Šid", "home-care", &["older-people"], sid),
        Some(now - Duration::days(400)),
    )
    .await;

    app.clear_cookies();
    let page = app.get("/about/impact").await.body;

    let shown = |name: &str| figure(&page, "data-figure", name);
    assert_eq!(shown("members"), 4);
    assert_eq!(
        [
            shown("role-practitioner"),
            shown("role-student"),
            shown("role-teacher"),
            shown("role-moderator"),
            shown("role-admin")
        ],
        [2, 1, 0, 1, 0]
    );
    assert_eq!((shown("country-RS"), shown("country-ME")), (3, 1));
    assert_eq!(
        shown("active"),
        2,
        "Ana wrote, Marko signed in; Vesna was here too long ago"
    );
    assert_eq!((shown("groups"), shown("posts")), (2, 2));
    assert_eq!((shown("held-webinar"), shown("attendees-webinar")), (1, 1));
    assert_eq!(
        (shown("held-supervision"), shown("attendees-supervision")),
        (1, 1)
    );
    assert_eq!(shown("held-regional_meeting"), 0);
    assert_eq!((shown("resources"), shown("downloads")), (2, 10));
    assert_eq!((shown("services"), shown("services-verified")), (2, 1));

    let month =
        |series: &str, month: &str| figure(&page, "data-month", &format!("{series}-{month}"));
    assert_eq!(
        month("members", "2026-11"),
        2,
        "Marko joined on 1 November, Belgrade time"
    );
    assert_eq!(month("members", "2026-09"), 1);
    assert_eq!(
        month("members", "2025-12"),
        0,
        "the chart starts twelve months back"
    );
    assert!(
        !page.contains("data-month=\"members-2025-11\""),
        "and no further"
    );
    assert_eq!(month("posts", "2026-11"), 2);
    assert_eq!(
        (month("attendees", "2026-11"), month("attendees", "2026-10")),
        (1, 1)
    );
    assert_eq!(month("resources", "2026-11"), 2);
    assert_eq!(
        page.matches("<svg class=\"chart\"").count(),
        4,
        "a chart per series"
    );
    assert!(
        !page.contains("Slučaj") && !page.contains("Supervizija Niš"),
        "no confidential text, only counts"
    );
}
