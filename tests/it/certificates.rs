//! Certificates of attendance: what the printed certificate names (the
//! organiser, the issuer, the accreditation number, the points and where to
//! verify it), the accreditation number on the event, and verification by
//! anyone, whatever the case of the code typed, with a clear page for a code
//! that does not exist.

use crate::common::TestApp;
use crate::common::events::{webinar, with};
use axum::http::StatusCode;
use chrono::Duration;
use kolega::members::Role;
use kolega::site::settings;
use uuid::Uuid;

/// Jelena (of the Faculty) organises an accredited webinar; Ana attends
/// and is marked present. Returns the event's path and Ana's certificate code.
async fn ana_attended_an_accredited_webinar(app: &TestApp) -> (String, String) {
    app.sign_in_as("Jelena Stojanović", "jelena@fpn.rs", Role::Teacher)
        .await;
    sqlx::query(
        "UPDATE users SET institution = 'Fakultet političkih nauka' WHERE email = 'jelena@fpn.rs'",
    )
    .execute(&app.pool)
    .await
    .unwrap();
    let event = app
        .create_event(&with(webinar(), "accreditation_number", " A-1234/2026 "))
        .await;
    app.create_member("Ana Vuković", "ana@csr.rs", Role::Practitioner)
        .await;
    app.switch_to("ana@csr.rs").await;
    app.register_for(&event).await;

    app.clock.advance(Duration::days(10));
    app.switch_to("jelena@fpn.rs").await;
    let ana: Uuid = sqlx::query_scalar("SELECT user_id FROM users WHERE email = 'ana@csr.rs'")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let attendance = format!("{event}/attendance");
    app.submit_form(
        &attendance,
        &attendance,
        &[(format!("attended-{ana}").as_str(), "yes")],
    )
    .await
    .assert_status(StatusCode::SEE_OTHER);
    let code: String = sqlx::query_scalar("SELECT certificate_code FROM points_entries")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    (event, code)
}

#[tokio::test]
async fn the_certificate_names_organiser_issuer_accreditation_points_and_where_to_verify_it() {
    let app = TestApp::spawn().await;
    let (event, code) = ana_attended_an_accredited_webinar(&app).await;

    // The accreditation number is on the event page, trimmed.
    let page = app.get(&event).await;
    assert!(
        page.body.contains("Broj akreditacije") && page.body.contains("<dd>A-1234/2026</dd>"),
        "{}",
        page.body
    );

    app.switch_to("ana@csr.rs").await;
    let certificate = app.get(&format!("/me/certificates/{code}")).await;
    certificate.assert_status(StatusCode::OK);
    let body = &certificate.body;
    assert!(
        body.contains("Organizator")
            && body.contains("Jelena Stojanović (Fakultet političkih nauka)"),
        "{body}"
    );
    assert!(body.contains("Izdaje") && body.contains(settings::DEFAULT_ISSUER));
    assert!(body.contains("A-1234/2026"));
    assert!(body.contains("bodova za licencu: 4"));
    let verify_url = format!("{}/certificates/{code}", app.state.config.base_url);
    assert!(verify_url.starts_with("http"));
    assert!(body.contains(&format!("href=\"{verify_url}\"")), "{body}");

    // An administrator names the issuer in the site settings; a name too
    // long for the certificate comes back with the text kept.
    app.create_member("Admin Kolege", "admin@kolega.rs", Role::Admin)
        .await;
    app.switch_to("admin@kolega.rs").await;
    let too_long = "Komora ".repeat(30);
    let refused = app
        .submit_form(
            "/admin/members",
            "/admin/settings",
            &[("issuer", &too_long)],
        )
        .await;
    refused.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused.body.contains("id=\"issuer-error\"")
            && refused.body.contains("najviše 160 znakova")
    );
    assert!(refused.body.contains(too_long.trim_end()));
    app.submit_form(
        "/admin/members",
        "/admin/settings",
        &[("issuer", "  Komora socijalne zaštite ")],
    )
    .await
    .assert_status(StatusCode::SEE_OTHER);
    assert!(
        app.get("/admin/members")
            .await
            .body
            .contains("value=\"Komora socijalne zaštite\"")
    );
    app.switch_to("ana@csr.rs").await;
    let certificate = app.get(&format!("/me/certificates/{code}")).await;
    assert!(certificate.body.contains("Komora socijalne zaštite"));
}

#[tokio::test]
async fn an_accreditation_number_that_is_not_a_number_is_refused_beside_the_field() {
    let app = TestApp::spawn().await;
    app.sign_in_as("Jelena Stojanović", "jelena@fpn.rs", Role::Teacher)
        .await;
    let response = app
        .submit_form(
            "/events/new",
            "/events/new",
            &with(webinar(), "accreditation_number", "<script>x</script>"),
        )
        .await;
    response.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        response.body.contains("id=\"accreditation_number-error\"")
            && response
                .body
                .contains("Broj akreditacije može imati najviše 40 znakova"),
        "{}",
        response.body
    );
    assert_eq!(app.count("SELECT count(*) FROM events").await, 0);
}

#[tokio::test]
async fn a_code_verifies_in_any_case_and_an_unknown_code_says_so_with_the_form() {
    let app = TestApp::spawn().await;
    let (_, code) = ana_attended_an_accredited_webinar(&app).await;
    app.clear_cookies();

    // Typed in lower case, with spaces around it (%20), it still verifies.
    let verified = app
        .get(&format!("/certificates/%20{}%20", code.to_lowercase()))
        .await;
    verified.assert_status(StatusCode::OK);
    assert!(
        verified.body.contains("Ova potvrda je važeća.") && verified.body.contains("Ana Vuković")
    );

    // The form on the page goes to the code's own address, normalised.
    let from_form = app
        .get(&format!("/certificates?code=+{}+", code.to_lowercase()))
        .await;
    assert_eq!(
        from_form.header("location"),
        Some(format!("/certificates/{code}").as_str())
    );

    // An unknown code: a 404 that says so, echoes the code safely and
    // offers the form again.
    let unknown = app.get("/certificates/nepostoji%3Cb%3E").await;
    unknown.assert_status(StatusCode::NOT_FOUND);
    assert!(
        unknown
            .body
            .contains("<h1>Ne postoji potvrda sa tim kodom</h1>"),
        "{}",
        unknown.body
    );
    assert!(
        unknown.body.contains("NEPOSTOJI&#60;B&#62;")
            || unknown.body.contains("NEPOSTOJI&lt;B&gt;"),
        "{}",
        unknown.body
    );
    assert!(!unknown.body.contains("NEPOSTOJI<B>"));
    assert!(
        unknown.body.contains("action=\"/certificates\"") && unknown.body.contains("name=\"code\"")
    );
}
