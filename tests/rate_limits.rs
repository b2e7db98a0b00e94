//! Rate limits: posting, registering, password resets, check-in codes,
//! uploads and service suggestions are limited per member, address or
//! client, and a refused form comes back with the text kept.

mod common;

use axum::http::StatusCode;
use chrono::Duration;
use common::{TestApp, events};
use kolega::members::Role;
use kolega::web::rate_limit::Limit;

/// Spends a whole allowance for `key` as if it had just been used.
async fn use_up(app: &TestApp, bucket: &str, key: &str, limit: Limit) {
    let (max, _) = limit.allowance();
    sqlx::query(
        "INSERT INTO rate_events (bucket, key, at) SELECT $1, $2, $3 FROM generate_series(1, $4)",
    )
    .bind(bucket)
    .bind(key)
    .bind(app.clock.now())
    .bind(max as i32)
    .execute(&app.pool)
    .await
    .unwrap();
}

async fn user_id(app: &TestApp, email: &str) -> String {
    sqlx::query_scalar::<_, uuid::Uuid>("SELECT user_id FROM users WHERE email = $1")
        .bind(email)
        .fetch_one(&app.pool)
        .await
        .unwrap()
        .to_string()
}

#[tokio::test]
async fn a_member_posting_too_fast_gets_the_form_back_with_the_text_kept() {
    let app = TestApp::spawn().await;
    app.sign_in_as("Jelena Stojanović", "jelena@csr.rs", Role::Practitioner)
        .await;
    let group = app.open_group("Hraniteljstvo", "public", &[]).await;
    let thread = app.start_thread(&group, "Tema", "Prva poruka.").await;
    let (max, window) = Limit::Posting.allowance();
    // The thread was one; the rest of the allowance goes to replies.
    for n in 1..max {
        app.reply(&thread, &format!("Odgovor {n}.")).await;
    }
    let refused = app
        .submit_form(
            &thread,
            &format!("{thread}/reply"),
            &[("body", "Još jedna misao o temi.")],
        )
        .await;
    refused.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("Previše pokušaja u kratkom vremenu"));
    assert!(
        refused.body.contains("Još jedna misao o temi."),
        "the text is kept"
    );
    assert_eq!(app.count("SELECT count(*) FROM posts").await, max);
    let new_thread = app
        .submit_form(
            &format!("{group}/new-thread"),
            &format!("{group}/new-thread"),
            &[("title", "Nova tema"), ("body", "Tekst nove teme.")],
        )
        .await;
    new_thread.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(new_thread.body.contains("Tekst nove teme."));

    // After the window, posting works again; another member was never limited.
    app.clock.advance(window);
    app.reply(&thread, "Posle pauze.").await;
    app.sign_in_as("Ana Vuković", "ana@csr.rs", Role::Practitioner)
        .await;
    app.join_group(&group).await;
    app.reply(&thread, "Ana se javlja.").await;
}

#[tokio::test]
async fn registrations_from_one_client_are_limited() {
    let app = TestApp::spawn().await;
    let (max, _) = Limit::Registration.allowance();
    for n in 0..max {
        let email = format!("clan{n}@example.org");
        let response = app
            .submit_form(
                "/register",
                "/register",
                &[
                    ("name", "Član Probni"),
                    ("email", &email),
                    ("password", "zelena-livada-u-maju"),
                    ("profession", "practitioner"),
                    ("country", "RS"),
                    ("city", "Niš"),
                    ("accept_guidelines", "yes"),
                    ("accept_safeguarding", "yes"),
                ],
            )
            .await;
        assert!(
            response.status.is_redirection() || response.status.is_success(),
            "{}",
            response.status
        );
        app.clear_cookies();
    }
    let refused = app
        .submit_form(
            "/register",
            "/register",
            &[
                ("name", "Jedan Previše"),
                ("email", "previse@example.org"),
                ("password", "zelena-livada-u-maju"),
                ("profession", "practitioner"),
                ("country", "RS"),
                ("city", "Niš"),
                ("accept_guidelines", "yes"),
                ("accept_safeguarding", "yes"),
            ],
        )
        .await;
    refused.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("Previše pokušaja"));
    assert!(refused.body.contains("value=\"Jedan Previše\""));
    assert_eq!(
        app.count("SELECT count(*) FROM users WHERE email = 'previse@example.org'")
            .await,
        0
    );
}

#[tokio::test]
async fn reset_mails_to_one_address_are_limited_whether_or_not_it_has_an_account() {
    let app = TestApp::spawn().await;
    app.create_member("Ana Vuković", "ana@csr.rs", Role::Practitioner)
        .await;
    let (max, _) = Limit::PasswordResetByAddress.allowance();
    for address in ["ana@csr.rs", "niko@csr.rs"] {
        for _ in 0..max {
            let sent = app
                .submit_form(
                    "/password/forgot",
                    "/password/forgot",
                    &[("email", address)],
                )
                .await;
            sent.assert_status(StatusCode::OK);
        }
        let refused = app
            .submit_form(
                "/password/forgot",
                "/password/forgot",
                &[("email", address)],
            )
            .await;
        refused.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            refused.body.contains("Previše pokušaja"),
            "same answer for {address}"
        );
    }
    let mail = app.deliver_new_mail().await;
    assert_eq!(
        mail.len() as i64,
        max,
        "only the allowed ones to Ana, none to a stranger"
    );
}

#[tokio::test]
async fn check_in_codes_cannot_be_guessed() {
    let app = TestApp::spawn().await;
    app.sign_in_as("Jelena Stojanović", "jelena@fpn.rs", Role::Teacher)
        .await;
    let event = app.create_event(&events::webinar()).await;
    app.create_member("Ana Vuković", "ana@csr.rs", Role::Practitioner)
        .await;
    app.switch_to("ana@csr.rs").await;
    app.register_for(&event).await;
    let code: String = sqlx::query_scalar("SELECT checkin_code FROM events")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    // 1 December 2026, 18:20 in Belgrade: the webinar is on.
    app.clock
        .advance(Duration::days(8) + Duration::hours(8) + Duration::minutes(20));
    app.switch_to("ana@csr.rs").await;
    let (max, _) = Limit::CheckIn.allowance();
    for n in 0..max {
        app.submit_form(
            &event,
            &format!("{event}/check-in"),
            &[("code", &format!("X{n:05}"))],
        )
        .await;
    }
    let late = app
        .submit_form(&event, &format!("{event}/check-in"), &[("code", &code)])
        .await;
    assert!(late.status.is_redirection());
    assert!(
        app.get(&event)
            .await
            .body
            .contains("Previše pokušaja sa pogrešnim kodom")
    );
    assert_eq!(app.count("SELECT count(*) FROM points_entries").await, 0);
}

#[tokio::test]
async fn uploads_and_service_suggestions_are_limited_per_member() {
    let app = TestApp::spawn().await;
    app.sign_in_as("Ana Vuković", "ana@csr.rs", Role::Practitioner)
        .await;
    let ana = user_id(&app, "ana@csr.rs").await;
    use_up(&app, "upload", &ana, Limit::Upload).await;
    use_up(&app, "suggestion", &ana, Limit::Suggestion).await;

    let refused = app
        .upload_resource(
            &[
                ("title", "Vodič za hranitelje"),
                ("summary", "Kratak vodič."),
                ("kind", "protocol"),
                ("topics", "child-protection"),
                ("language", "sr"),
                ("script", "latin"),
                ("audiences", "professionals"),
                ("year", "2024"),
                ("licence", "CC BY 4.0"),
            ],
            Some((
                "vodic.pdf",
                b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n",
            )),
        )
        .await;
    refused.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("Previše pokušaja"));
    assert!(refused.body.contains("value=\"Vodič za hranitelje\""));
    assert_eq!(app.count("SELECT count(*) FROM resources").await, 0);
    assert_eq!(app.count("SELECT count(*) FROM stored_files").await, 0);

    let vranje = app.municipality("RS", "Vranje").await;
    let input =
        common::services::service("Savetovalište Vranje", "counselling", &["families"], vranje);
    let suggested = app
        .post_fields("/services/new", &common::services::form_fields(&input))
        .await;
    suggested.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(suggested.body.contains("Previše pokušaja"));
    assert!(suggested.body.contains("Savetovalište Vranje"));
    assert_eq!(
        app.count("SELECT count(*) FROM service_suggestions").await,
        0
    );
}
