//! E-mail addresses someone will be mailed at: every form that takes one
//! refuses an address the mailer could never send to (`ana@x..rs`,
//! `a..b@x.rs`, a non-ASCII one), beside the field and with the rest of
//! the form kept, and still takes ordinary addresses.

use crate::common::TestApp;
use crate::common::members::PASSWORD;
use axum::http::StatusCode;
use kolega::groups::vocabulary::Visibility;
use kolega::members::Role;

const UNDELIVERABLE: &[&str] = &["ana@x..rs", "a..b@x.rs"];
const INVALID: &str = "Upišite ispravnu adresu e-pošte, na primer ime@primer.rs.";
const NOT_ASCII: &str =
    "Kolega ne može da šalje na adresu sa slovima kao što su č, ć, š, ž, đ ili ćirilica";

fn join(email: &str) -> Vec<(&str, &str)> {
    vec![
        ("name", "Ana Petrović"),
        ("email", email),
        ("password", "zelena-livada-u-maju"),
        ("profession", "practitioner"),
        ("country", "RS"),
        ("city", "Vranje"),
        ("institution", "Centar za socijalni rad Vranje"),
        ("accept_guidelines", "yes"),
        ("accept_safeguarding", "yes"),
    ]
}

#[tokio::test]
async fn sign_up_refuses_addresses_the_mailer_cannot_send_to_and_keeps_the_form() {
    let app = TestApp::spawn().await;
    for &address in UNDELIVERABLE {
        let response = app
            .submit_form("/register", "/register", &join(address))
            .await;

        response.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
        let body = &response.body;
        assert!(
            body.contains(&format!("id=\"email-error\">{INVALID}")),
            "{address}: {body}"
        );
        assert!(body.contains(&format!("value=\"{address}\"")), "{address}");
        assert!(body.contains("value=\"Ana Petrović\""));
        assert!(body.contains("value=\"Centar za socijalni rad Vranje\""));
        assert!(body.contains("value=\"Vranje\""));
    }
    // The mailer could send to a non-ASCII address only through a relay
    // that offers SMTPUTF8, so it is refused with a message that says so.
    let accented = app
        .submit_form("/register", "/register", &join("ana.petrović@csr.rs"))
        .await;
    accented.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        accented
            .body
            .contains(&format!("id=\"email-error\">{NOT_ASCII}"))
    );
    assert_eq!(app.count("SELECT count(*) FROM users").await, 0);
    assert_eq!(app.count("SELECT count(*) FROM outbox_messages").await, 0);

    // Ordinary addresses still join, and the verification mail goes.
    for (n, address) in ["ana.petrovic@csr-vranje.rs", "ana+kolega@mail.co.rs"]
        .iter()
        .enumerate()
    {
        app.clear_cookies();
        let response = app
            .submit_form("/register", "/register", &join(address))
            .await;
        response.assert_status(StatusCode::OK);
        assert_eq!(response.h1(), "Proverite e-poštu");
        assert_eq!(
            app.count("SELECT count(*) FROM users").await,
            n as i64 + 1,
            "{address}"
        );
    }
    let mail = app.deliver_mail().await;
    assert_eq!(mail.len(), 2);
}

#[tokio::test]
async fn changing_the_address_refuses_one_the_mailer_cannot_send_to() {
    let app = TestApp::spawn().await;
    app.sign_in_as("Ana Vuković", "ana@csr-nis.rs", Role::Practitioner)
        .await;
    for &address in UNDELIVERABLE {
        let response = app
            .submit_form(
                "/settings",
                "/settings/email",
                &[("new_email", address), ("password", PASSWORD)],
            )
            .await;

        response.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            response
                .body
                .contains(&format!("id=\"new_email-error\">{INVALID}")),
            "{address}"
        );
        assert!(response.body.contains(&format!("value=\"{address}\"")));
    }
    assert_eq!(
        app.count("SELECT count(*) FROM account_tokens").await,
        0,
        "no confirmation link was sent anywhere"
    );
    app.submit_form(
        "/settings",
        "/settings/email",
        &[
            ("new_email", "ana.vukovic@udruzenje.rs"),
            ("password", PASSWORD),
        ],
    )
    .await
    .assert_redirect_to("/settings");
    let mail = app.deliver_mail().await;
    assert!(mail.iter().any(|m| m.to == "ana.vukovic@udruzenje.rs"));
}

#[tokio::test]
async fn a_group_invitation_refuses_an_address_the_mailer_cannot_send_to() {
    let app = TestApp::spawn().await;
    app.create_member("Nikola Ilić", "nikola@csr.rs", Role::Practitioner)
        .await;
    app.sign_in_as("Jelena Stojanović", "jelena@csr.rs", Role::Practitioner)
        .await;
    let group = app
        .open_group("Supervizija — tim Niš", Visibility::Secret, &[])
        .await;
    let members = format!("{group}/members");
    let invite = format!("{group}/members/invite");

    for &address in UNDELIVERABLE {
        let response = app
            .submit_form(&members, &invite, &[("who", address)])
            .await;

        response.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            response
                .body
                .contains(&format!("id=\"who-error\">{INVALID}")),
            "{address}: {}",
            response.body
        );
        assert!(response.body.contains(&format!("value=\"{address}\"")));
    }
    // Handles and ordinary addresses go on as before, whether or not a
    // member has the address.
    for who in ["nikola@csr.rs", "niko@nigde.rs", "@nepostoji"] {
        app.submit_form(&members, &invite, &[("who", who)])
            .await
            .assert_redirect_to(&members);
    }
    let mail = app.deliver_mail().await;
    assert_eq!(mail.len(), 1);
    assert_eq!(mail[0].to, "nikola@csr.rs");
}

#[tokio::test]
async fn a_password_reset_refuses_an_address_the_mailer_cannot_send_to() {
    let app = TestApp::spawn().await;
    for &address in UNDELIVERABLE {
        let response = app
            .submit_form(
                "/password/forgot",
                "/password/forgot",
                &[("email", address)],
            )
            .await;
        response.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            response
                .body
                .contains(&format!("id=\"email-error\">{INVALID}")),
            "{address}"
        );
    }
}
