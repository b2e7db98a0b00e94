//! Members: joining, verifying, signing in and out, passwords.

use crate::common::members::PASSWORD;
use crate::common::{ReceivedMail, TestApp};
use axum::http::StatusCode;
use chrono::Duration;
use kolega::members::Role;

const JOIN: &[(&str, &str)] = &[
    ("name", "Jelena Stojanović"),
    ("email", "Jelena.Stojanovic@CSR-Vranje.rs"),
    ("password", "zelena-livada-u-maju"),
    ("profession", "practitioner"),
    ("country", "RS"),
    ("city", "Vranje"),
    ("institution", "Centar za socijalni rad Vranje"),
    ("accept_guidelines", "yes"),
    ("accept_safeguarding", "yes"),
];

fn with(changes: &[(&'static str, &'static str)]) -> Vec<(&'static str, &'static str)> {
    let mut fields: Vec<(&str, &str)> = JOIN
        .iter()
        .filter(|(k, _)| !changes.iter().any(|(c, _)| c == k))
        .copied()
        .collect();
    fields.extend(changes.iter().filter(|(_, v)| !v.is_empty()).copied());
    fields
}

fn link_in(mail: &ReceivedMail, prefix: &str) -> String {
    let link = mail
        .link_starting_with(&format!("http://kolega.test{prefix}"))
        .expect("the e-mail has the link");
    link.trim_start_matches("http://kolega.test").to_owned()
}

#[tokio::test]
async fn a_form_with_mistakes_comes_back_filled_in_with_messages_beside_the_fields() {
    let app = TestApp::spawn().await;

    let response = app
        .submit_form(
            "/register",
            "/register",
            &with(&[
                ("email", "jelena-at-csr"),
                ("password", "kratka"),
                ("accept_safeguarding", ""),
            ]),
        )
        .await;

    response.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    let body = &response.body;
    assert!(
        body.contains("value=\"Jelena Stojanović\""),
        "the name is kept"
    );
    assert!(
        body.contains("value=\"jelena-at-csr\""),
        "the wrong e-mail is kept to be corrected"
    );
    assert!(body.contains("value=\"Centar za socijalni rad Vranje\""));
    assert!(body.contains("value=\"Vranje\""));
    assert!(!body.contains("kratka"), "the password is never sent back");
    assert!(
        body.contains("id=\"email-error\">Upišite ispravnu adresu e-pošte"),
        "{body}"
    );
    assert!(body.contains("id=\"password-error\">Lozinka mora imati najmanje 10 znakova"));
    assert!(body.contains("id=\"accept_safeguarding-error\""));
    assert!(body.contains("aria-invalid=\"true\""));
    assert!(body.contains("<input type=\"checkbox\" id=\"accept_guidelines\" name=\"accept_guidelines\" value=\"yes\" checked"), "ticked boxes stay ticked");
    assert_eq!(app.count("SELECT count(*) FROM users").await, 0);
}

#[tokio::test]
async fn common_and_personal_passwords_are_refused() {
    let app = TestApp::spawn().await;

    let common = app
        .submit_form(
            "/register",
            "/register",
            &with(&[("password", "1234567890")]),
        )
        .await;
    let personal = app
        .submit_form(
            "/register",
            "/register",
            &with(&[("password", "stojanovic-2026!")]),
        )
        .await;

    assert!(common.body.contains("među najčešćim lozinkama"));
    assert!(personal.body.contains("ne sme da sadrži vaše ime"));
    assert_eq!(app.count("SELECT count(*) FROM users").await, 0);
}

#[tokio::test]
async fn joining_sends_a_verification_link_that_works_once() {
    let app = TestApp::spawn().await;

    let response = app.submit_form("/register", "/register", JOIN).await;

    response.assert_status(StatusCode::OK);
    assert_eq!(response.h1(), "Proverite e-poštu");
    let mail = app.deliver_mail().await;
    assert_eq!(mail.len(), 1);
    assert_eq!(mail[0].to, "jelena.stojanovic@csr-vranje.rs");
    assert_eq!(mail[0].subject, "Potvrdite adresu e-pošte za Kolegu");
    assert!(mail[0].html.contains("/verify/"));
    let link = link_in(&mail[0], "/verify/");

    let verified = app.get(&link).await;
    assert_eq!(verified.h1(), "Adresa je potvrđena");
    assert_eq!(
        app.count("SELECT count(*) FROM users WHERE email_verified_at IS NOT NULL")
            .await,
        1
    );
    let again = app.get(&link).await;
    assert_eq!(again.h1(), "Link nije važeći");
}

#[tokio::test]
async fn a_verification_link_expires_after_48_hours() {
    let app = TestApp::spawn().await;
    app.submit_form("/register", "/register", JOIN).await;
    let link = link_in(&app.deliver_mail().await[0], "/verify/");

    app.clock
        .advance(Duration::hours(48) + Duration::minutes(1));

    assert_eq!(app.get(&link).await.h1(), "Link nije važeći");
    assert_eq!(
        app.count("SELECT count(*) FROM users WHERE email_verified_at IS NOT NULL")
            .await,
        0
    );
}

#[tokio::test]
async fn a_taken_address_gets_the_same_answer_and_its_owner_an_email() {
    let app = TestApp::spawn().await;
    app.create_member(
        "Jelena S.",
        "jelena.stojanovic@csr-vranje.rs",
        Role::Practitioner,
    )
    .await;

    let taken = app.submit_form("/register", "/register", JOIN).await;
    let fresh = app
        .submit_form(
            "/register",
            "/register",
            &with(&[
                ("email", "nova.clanica@csr-nis.rs"),
                ("name", "Nova Članica"),
            ]),
        )
        .await;

    assert_eq!(taken.status, fresh.status);
    assert_eq!(taken.h1(), fresh.h1());
    let paragraphs = |body: &str| {
        body.split("<p>")
            .skip(1)
            .take(3)
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    assert_eq!(paragraphs(&taken.body), paragraphs(&fresh.body));
    let mail = app.deliver_mail().await;
    let to_owner = mail
        .iter()
        .find(|m| m.to == "jelena.stojanovic@csr-vranje.rs")
        .expect("the owner is told");
    assert_eq!(to_owner.subject, "Pokušaj učlanjenja sa vašom adresom");
    assert_eq!(
        app.count("SELECT count(*) FROM users WHERE email = 'jelena.stojanovic@csr-vranje.rs'")
            .await,
        1
    );
}

#[tokio::test]
async fn an_unverified_member_can_sign_in_and_ask_for_the_link_again() {
    let app = TestApp::spawn().await;
    app.submit_form("/register", "/register", JOIN).await;
    app.deliver_mail().await;

    let signed_in = app
        .sign_in("jelena.stojanovic@csr-vranje.rs", "zelena-livada-u-maju")
        .await;

    signed_in.assert_redirect_to("/verify");
    let page = app.get("/verify").await;
    assert_eq!(page.h1(), "Potvrdite adresu e-pošte");
    assert!(page.body.contains("jelena.stojanovic@csr-vranje.rs"));
    let resent = app.submit_form("/verify", "/verify/resend", &[]).await;
    resent.assert_redirect_to("/verify");
    assert!(
        app.get("/verify")
            .await
            .body
            .contains("Poslali smo novi link za potvrdu.")
    );
    let mail = app.deliver_mail().await;
    assert_eq!(mail.len(), 2);
    let first = link_in(&mail[0], "/verify/");
    let second = link_in(&mail[1], "/verify/");
    assert_eq!(
        app.get(&first).await.h1(),
        "Link nije važeći",
        "the older link is void"
    );
    assert_eq!(app.get(&second).await.h1(), "Adresa je potvrđena");
}

#[tokio::test]
async fn a_failed_sign_in_does_not_say_whether_the_address_exists() {
    let app = TestApp::spawn().await;
    app.create_member("Ana Vuković", "ana@csr-nis.rs", Role::Practitioner)
        .await;

    let wrong_password = app.sign_in("ana@csr-nis.rs", "pogresna-lozinka-1").await;
    let unknown = app.sign_in("niko@csr-nis.rs", "pogresna-lozinka-1").await;

    for response in [&wrong_password, &unknown] {
        response.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            response
                .body
                .contains("Adresa e-pošte ili lozinka nisu tačni.")
        );
        assert!(!response.body.contains("pogresna-lozinka-1"));
    }
    assert!(
        wrong_password.body.contains("value=\"ana@csr-nis.rs\""),
        "the address is kept"
    );
    assert!(app.cookie("kolega_session").is_none());
}

#[tokio::test]
async fn signing_in_makes_a_fresh_session_and_signing_out_ends_it() {
    let app = TestApp::spawn().await;
    app.create_member("Ana Vuković", "ana@csr-nis.rs", Role::Practitioner)
        .await;
    // A session id planted before sign-in is never adopted.
    app.set_cookie("kolega_session", "planted-by-someone-else");

    let first = app.sign_in("ana@csr-nis.rs", PASSWORD).await;
    first.assert_redirect_to("/");
    let first_token = app.cookie("kolega_session").unwrap();
    assert_ne!(first_token, "planted-by-someone-else");
    let session_cookie = first
        .all_headers("set-cookie")
        .into_iter()
        .find(|c| c.starts_with("kolega_session="))
        .unwrap();
    assert!(session_cookie.contains("HttpOnly") && session_cookie.contains("SameSite=Lax"));
    assert!(
        !session_cookie.contains("Max-Age"),
        "without 'remember me' the cookie ends with the browser"
    );
    let home = app.get("/").await;
    assert!(
        home.body.contains("Ana Vuković"),
        "the header shows who is signed in"
    );

    app.sign_out().await.assert_redirect_to("/");
    assert!(app.cookie("kolega_session").is_none());
    assert_eq!(app.count("SELECT count(*) FROM sessions").await, 0);
    app.set_cookie("kolega_session", &first_token);
    assert!(
        !app.get("/").await.body.contains("Ana Vuković"),
        "the old session is dead"
    );

    app.clear_cookies();
    app.submit_form(
        "/login",
        "/login",
        &[
            ("email", "ana@csr-nis.rs"),
            ("password", PASSWORD),
            ("remember", "yes"),
        ],
    )
    .await;
    let second_token = app.cookie("kolega_session").unwrap();
    assert_ne!(first_token, second_token);
}

#[tokio::test]
async fn remember_me_keeps_the_session_for_thirty_days() {
    let app = TestApp::spawn().await;
    app.create_member("Ana Vuković", "ana@csr-nis.rs", Role::Practitioner)
        .await;

    let response = app
        .submit_form(
            "/login",
            "/login",
            &[
                ("email", "ana@csr-nis.rs"),
                ("password", PASSWORD),
                ("remember", "yes"),
            ],
        )
        .await;

    let cookie = response
        .all_headers("set-cookie")
        .into_iter()
        .find(|c| c.starts_with("kolega_session="))
        .unwrap();
    assert!(cookie.contains("Max-Age=2592000"), "{cookie}");
    app.clock.advance(Duration::days(20));
    assert!(app.get("/").await.body.contains("Ana Vuković"));
}

#[tokio::test]
async fn an_idle_session_without_remember_me_expires() {
    let app = TestApp::spawn().await;
    app.create_member("Ana Vuković", "ana@csr-nis.rs", Role::Practitioner)
        .await;
    app.sign_in("ana@csr-nis.rs", PASSWORD).await;

    app.clock.advance(Duration::hours(13));

    assert!(!app.get("/").await.body.contains("Ana Vuković"));
}

#[tokio::test]
async fn sign_in_after_the_page_says_next_returns_to_it() {
    let app = TestApp::spawn().await;
    app.create_member("Ana Vuković", "ana@csr-nis.rs", Role::Practitioner)
        .await;

    let bounced = app.get("/members").await;
    bounced.assert_redirect_to("/login?next=%2Fmembers");
    let login_page = app.get("/login?next=%2Fmembers").await;
    assert!(login_page.body.contains("name=\"next\" value=\"/members\""));
    let response = app
        .submit_form(
            "/login?next=%2Fmembers",
            "/login",
            &[("email", "ana@csr-nis.rs"), ("password", PASSWORD)],
        )
        .await;

    response.assert_redirect_to("/members");
}

#[tokio::test]
async fn failed_sign_ins_are_limited_per_account_with_a_time_to_try_again() {
    let app = TestApp::spawn().await;
    app.create_member("Ana Vuković", "ana@csr-nis.rs", Role::Practitioner)
        .await;
    for _ in 0..5 {
        app.sign_in("ana@csr-nis.rs", "pogresna-lozinka-1").await;
    }

    let locked = app.sign_in("ana@csr-nis.rs", PASSWORD).await;

    locked.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    // The clock says 09:00 UTC = 10:00 in Belgrade; the lock lifts at 10:15.
    assert!(
        locked.body.contains("Pokušajte ponovo posle 10:15."),
        "{}",
        locked.body
    );
    // An address without an account is limited the same way.
    for _ in 0..5 {
        app.sign_in("niko@csr-nis.rs", "pogresna-lozinka-1").await;
    }
    assert!(
        app.sign_in("niko@csr-nis.rs", "x-lozinka-123")
            .await
            .body
            .contains("Pokušajte ponovo posle 10:15.")
    );
    app.clock.advance(Duration::minutes(16));
    app.sign_in("ana@csr-nis.rs", PASSWORD)
        .await
        .assert_redirect_to("/");
}

#[tokio::test]
async fn failed_sign_ins_are_limited_per_client_address() {
    let app = TestApp::spawn().await;
    app.create_member("Ana Vuković", "ana@csr-nis.rs", Role::Practitioner)
        .await;
    for n in 0..20 {
        app.sign_in(&format!("pokusaj{n}@primer.rs"), "pogresna-lozinka-1")
            .await;
    }

    let locked = app.sign_in("ana@csr-nis.rs", PASSWORD).await;

    assert!(
        locked.body.contains("Previše neuspešnih pokušaja prijave"),
        "{}",
        locked.body
    );
}

#[tokio::test]
async fn a_forgotten_password_is_reset_by_a_one_hour_link_that_ends_other_sessions() {
    let app = TestApp::spawn().await;
    app.create_member("Ana Vuković", "ana@csr-nis.rs", Role::Practitioner)
        .await;
    app.sign_in("ana@csr-nis.rs", PASSWORD).await;
    assert_eq!(app.count("SELECT count(*) FROM sessions").await, 1);
    app.clear_cookies();

    let unknown = app
        .submit_form(
            "/password/forgot",
            "/password/forgot",
            &[("email", "niko@csr-nis.rs")],
        )
        .await;
    let known = app
        .submit_form(
            "/password/forgot",
            "/password/forgot",
            &[("email", "Ana@csr-nis.rs")],
        )
        .await;

    assert_eq!(unknown.h1(), known.h1());
    let mail = app.deliver_mail().await;
    assert_eq!(mail.len(), 1, "only the existing account gets a link");
    assert_eq!(mail[0].subject, "Nova lozinka za Kolegu");
    let link = link_in(&mail[0], "/password/reset/");
    let weak = app
        .submit_form(
            &link,
            &link,
            &[("password", "kratka"), ("confirm", "kratka")],
        )
        .await;
    weak.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(weak.body.contains("id=\"password-error\""));
    let done = app
        .submit_form(
            &link,
            &link,
            &[
                ("password", "plavo-nebo-nad-nisom"),
                ("confirm", "plavo-nebo-nad-nisom"),
            ],
        )
        .await;
    done.assert_redirect_to("/login");
    assert!(
        app.get("/login")
            .await
            .body
            .contains("Lozinka je promenjena.")
    );
    assert_eq!(
        app.count("SELECT count(*) FROM sessions").await,
        0,
        "every session ended"
    );
    app.sign_in("ana@csr-nis.rs", PASSWORD)
        .await
        .assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    app.sign_in("ana@csr-nis.rs", "plavo-nebo-nad-nisom")
        .await
        .assert_redirect_to("/");
    assert_eq!(
        app.get(&link).await.h1(),
        "Link je istekao",
        "a link works once"
    );
    let confirmation = app.deliver_mail().await;
    assert!(
        confirmation
            .iter()
            .any(|m| m.subject == "Lozinka za Kolegu je promenjena")
    );
}

#[tokio::test]
async fn a_password_reset_link_expires_after_an_hour() {
    let app = TestApp::spawn().await;
    app.create_member("Ana Vuković", "ana@csr-nis.rs", Role::Practitioner)
        .await;
    app.submit_form(
        "/password/forgot",
        "/password/forgot",
        &[("email", "ana@csr-nis.rs")],
    )
    .await;
    let link = link_in(&app.deliver_mail().await[0], "/password/reset/");

    app.clock.advance(Duration::minutes(61));

    assert_eq!(app.get(&link).await.h1(), "Link je istekao");
}

#[tokio::test]
async fn verification_and_reset_emails_arrive_in_the_members_language() {
    let app = TestApp::spawn().await;

    app.get_with("/", &[("accept-language", "en")]).await;
    app.post_form_with(
        "/register",
        &with(&[("email", "mark@example.org"), ("name", "Mark Ilic")])
            .into_iter()
            .chain([("csrf_token", app.csrf_token().unwrap().as_str())])
            .collect::<Vec<_>>(),
        &[("accept-language", "en"), ("origin", "http://kolega.test")],
    )
    .await;

    let mail = app.deliver_mail().await;
    assert_eq!(mail[0].subject, "Confirm your e-mail address for Kolega");
    assert_eq!(mail[0].content_language, "en");
}

#[tokio::test]
async fn two_people_with_the_same_name_joining_at_once_both_get_an_account() {
    let app = TestApp::spawn().await;
    app.get("/register").await;
    let token = app.csrf_token().unwrap();
    let form = |email: &'static str| {
        with(&[("email", email)])
            .into_iter()
            .chain([("csrf_token", token.as_str())])
            .collect::<Vec<_>>()
    };
    let (first, second) = (form("prva@csr.rs"), form("druga@csr.rs"));

    let (a, b) = tokio::join!(
        app.post_form("/register", &first),
        app.post_form("/register", &second)
    );

    a.assert_status(StatusCode::OK);
    b.assert_status(StatusCode::OK);
    let handles: Vec<String> = sqlx::query_scalar("SELECT handle FROM users ORDER BY handle")
        .fetch_all(&app.pool)
        .await
        .unwrap();
    assert_eq!(handles, vec!["jelena-stojanovic", "jelena-stojanovic-2"]);
}

#[tokio::test]
async fn the_error_summary_follows_the_order_of_the_form() {
    let app = TestApp::spawn().await;

    let response = app
        .submit_form(
            "/register",
            "/register",
            &with(&[
                ("password", "kratka"),
                ("accept_guidelines", ""),
                ("accept_safeguarding", ""),
            ]),
        )
        .await;

    let summary = response.body.split("role=\"alert\"").nth(1).unwrap();
    let password = summary.find("#password").unwrap();
    let guidelines = summary.find("#accept_guidelines").unwrap();
    assert!(
        password < guidelines,
        "the password comes before the checkboxes, as in the form"
    );
}
