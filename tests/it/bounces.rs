//! Bounce reports as mail servers send them (tests/fixtures/dsn/, modelled
//! on Postfix, Exim, Exchange Online and Gmail): only a recipient the
//! server gave up on counts, only the report's `message/delivery-status`
//! part is read, and anything that is no report is refused with a 4xx.

use crate::common::{TestApp, TestResponse};
use axum::body::Body;
use axum::http::{Method, StatusCode};
use kolega::groups::vocabulary::Visibility;
use kolega::members::Role;
use kolega::notify::suppressions;

const TOKEN: &str = "a-long-random-bounce-token";

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/dsn/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

trait BounceHelpers {
    async fn report(&self, content_type: &str, body: Vec<u8>) -> TestResponse;
    async fn report_fixture(&self, name: &str);
    async fn suppressed(&self, address: &str) -> bool;
    async fn refusals(&self, address: &str) -> i32;
}

impl BounceHelpers for TestApp {
    async fn report(&self, content_type: &str, body: Vec<u8>) -> TestResponse {
        self.request(
            Method::POST,
            "/hooks/email-bounce",
            &[
                ("content-type", content_type),
                ("authorization", &format!("Bearer {TOKEN}")),
            ],
            Body::from(body),
        )
        .await
    }

    /// Posts a fixture as a bounce mailbox pipes it: the whole message.
    async fn report_fixture(&self, name: &str) {
        self.report("message/rfc822", fixture(name))
            .await
            .assert_status(StatusCode::NO_CONTENT);
    }

    async fn suppressed(&self, address: &str) -> bool {
        suppressions::find(&self.pool, address)
            .await
            .unwrap()
            .is_some_and(|s| s.suppressed_at.is_some())
    }

    async fn refusals(&self, address: &str) -> i32 {
        suppressions::find(&self.pool, address)
            .await
            .unwrap()
            .map_or(0, |s| s.refusals)
    }
}

/// Jelena's thread in a public group that Ana has joined; Ana is signed
/// in, so her replies mail Jelena. Marko and Petar are members too.
async fn app_with_a_thread() -> (TestApp, String) {
    let app = TestApp::spawn_configured(&[("KOLEGA_BOUNCE_TOKEN", TOKEN)], |r| r).await;
    for (name, email) in [
        ("Marko Ilić", "marko@csr.rs"),
        ("Petar Perić", "petar@csr.rs"),
    ] {
        app.create_member(name, email, Role::Practitioner).await;
    }
    app.create_member("Ana Vuković", "ana@csr.rs", Role::Practitioner)
        .await;
    app.sign_in_as("Jelena Stojanović", "jelena@csr.rs", Role::Practitioner)
        .await;
    let group = app
        .open_group("Hraniteljstvo", Visibility::Public, &[])
        .await;
    let thread = app
        .start_thread(&group, "Priprema za susret", "Kako pripremate decu?")
        .await;
    app.switch_to("ana@csr.rs").await;
    app.join_group(&group).await;
    app.deliver_new_mail().await;
    (app, thread)
}

/// Whether a reply now reaches Jelena by mail.
async fn jelena_gets_mail(app: &TestApp, thread: &str, text: &str) -> bool {
    app.reply(thread, text).await;
    let mail = app.deliver_new_mail().await;
    mail.iter().any(|m| m.to == "jelena@csr.rs")
}

#[tokio::test]
async fn delay_reports_even_three_of_them_leave_the_address_receiving_mail() {
    let (app, thread) = app_with_a_thread().await;

    for _ in 0..3 {
        app.report_fixture("postfix-delayed.eml").await;
        app.report_fixture("gmail-delayed.eml").await;
    }

    assert_eq!(app.refusals("jelena@csr.rs").await, 0);
    assert_eq!(app.refusals("ana@csr.rs").await, 0);
    assert_eq!(
        app.count("SELECT count(*) FROM email_suppressions").await,
        0
    );
    assert!(jelena_gets_mail(&app, &thread, "Posle kašnjenja.").await);
}

#[tokio::test]
async fn a_failed_report_stops_mail_to_the_address() {
    let (app, thread) = app_with_a_thread().await;

    app.report_fixture("postfix-failed.eml").await;

    assert!(app.suppressed("jelena@csr.rs").await);
    assert!(!jelena_gets_mail(&app, &thread, "Posle odbijanja.").await);

    // Gmail's report stops Ana's address the same way.
    app.report_fixture("gmail-failed.eml").await;
    assert!(app.suppressed("ana@csr.rs").await);
}

#[tokio::test]
async fn a_report_with_several_recipients_stops_each_failed_one_and_no_other() {
    let (app, thread) = app_with_a_thread().await;

    // Exchange Online: two failed recipients, and an HTML notice whose
    // text shows report-like lines for Jelena.
    app.report_fixture("outlook-failed-several.eml").await;

    assert!(app.suppressed("marko@csr.rs").await);
    assert!(app.suppressed("petar@csr.rs").await);
    assert_eq!(app.refusals("jelena@csr.rs").await, 0);
    assert!(jelena_gets_mail(&app, &thread, "Ipak stiže.").await);
}

#[tokio::test]
async fn a_relayed_report_does_nothing() {
    let (app, thread) = app_with_a_thread().await;

    app.report_fixture("postfix-relayed.eml").await;

    assert_eq!(
        app.count("SELECT count(*) FROM email_suppressions").await,
        0
    );
    assert!(jelena_gets_mail(&app, &thread, "Prosleđeno.").await);
}

#[tokio::test]
async fn the_returned_originals_text_is_never_taken_for_the_report() {
    let (app, _) = app_with_a_thread().await;

    // Exim returns the original, whose text quotes a bounce for Ana (5.1.1)
    // and a delay for Marko; the report itself is about Jelena only.
    app.report_fixture("exim-failed-returning-a-quoted-bounce.eml")
        .await;

    assert!(app.suppressed("jelena@csr.rs").await);
    assert!(!app.suppressed("ana@csr.rs").await);
    assert_eq!(app.refusals("ana@csr.rs").await, 0);
    assert_eq!(app.refusals("marko@csr.rs").await, 0);
    assert_eq!(
        app.count("SELECT count(*) FROM email_suppressions").await,
        1
    );
}

#[tokio::test]
async fn a_body_that_is_no_report_is_refused_with_a_4xx_never_a_5xx() {
    let (app, _) = app_with_a_thread().await;
    let text_with_report_lines =
        b"Subject: fwd\r\n\r\nFinal-Recipient: rfc822; ana@csr.rs\r\nAction: failed\r\nStatus: 5.1.1\r\n"
            .to_vec();
    let report_without_status_part = b"Content-Type: multipart/report; report-type=delivery-status; boundary=b\r\n\r\n\
        --b\r\nContent-Type: text/plain\r\n\r\nFinal-Recipient: rfc822; ana@csr.rs\r\nAction: failed\r\nStatus: 5.1.1\r\n--b--\r\n"
        .to_vec();
    let cut_short = fixture("postfix-failed.eml")[..700].to_vec();
    let empty_status =
        b"Content-Type: multipart/report; report-type=delivery-status; boundary=b\r\n\r\n\
        --b\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; x\r\n--b--\r\n"
            .to_vec();
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("message/rfc822", Vec::new()),
        ("message/rfc822", vec![0xff, 0xfe, 0x00, 0x80, 0x81]),
        ("message/rfc822", b"just some words".to_vec()),
        ("message/rfc822", text_with_report_lines),
        ("message/rfc822", report_without_status_part),
        ("message/rfc822", cut_short),
        ("message/rfc822", empty_status),
        ("text/plain", fixture("postfix-delayed.eml")[..200].to_vec()),
        (
            "message/delivery-status",
            b"Final-Recipient: rfc822; nobody\r\nAction: failed\r\n".to_vec(),
        ),
        ("message/delivery-status", vec![0xc3, 0x28, b'\n', b'\n']),
        ("application/json", b"{\"email\": 5}".to_vec()),
        ("application/json", b"{\"email\": \"nobody\"}".to_vec()),
    ];
    for (n, (content_type, body)) in cases.into_iter().enumerate() {
        let response = app.report(content_type, body).await;
        assert!(
            response.status.is_client_error(),
            "case {n} ({content_type}): {}",
            response.status
        );
    }
    assert_eq!(
        app.count("SELECT count(*) FROM email_suppressions").await,
        0
    );
}

#[tokio::test]
async fn the_providers_json_form_still_works() {
    let (app, _) = app_with_a_thread().await;
    app.report(
        "application/json",
        br#"{"email": "Marko@csr.rs", "type": "hard", "reason": "550 5.1.1"}"#.to_vec(),
    )
    .await
    .assert_status(StatusCode::NO_CONTENT);
    app.report(
        "application/json",
        br#"{"email": "petar@csr.rs", "type": "soft"}"#.to_vec(),
    )
    .await
    .assert_status(StatusCode::NO_CONTENT);

    assert!(app.suppressed("marko@csr.rs").await);
    assert!(!app.suppressed("petar@csr.rs").await);
    assert_eq!(app.refusals("petar@csr.rs").await, 1);
}
