//! Confidential peer support ("Poverljiva podrška"): requests whose words
//! only the asker and the supporter who takes them read.

use crate::common::TestApp;
use axum::http::StatusCode;
use chrono::Duration;
use kolega::members::Role;

/// Milica (moderator) puts Nikola and Ana on the support team; Jelena asks for help.
async fn request(app: &TestApp) -> String {
    app.create_member("Nikola Đorđević", "nikola@csr.rs", Role::Practitioner)
        .await;
    app.create_member("Ana Vuković", "ana@csr.rs", Role::Practitioner)
        .await;
    app.create_member("Jelena Stojanović", "jelena@csr.rs", Role::Practitioner)
        .await;
    app.create_member("Admin Kolega", "admin@kolega.rs", Role::Admin)
        .await;
    app.sign_in_as("Milica Jovanović", "milica@kolega.rs", Role::Moderator)
        .await;
    for handle in ["nikola-djordjevic", "ana-vukovic"] {
        app.submit_form(
            "/support/team",
            "/support/team",
            &[("handle", handle), ("on", "yes")],
        )
        .await;
    }
    app.switch_to("jelena@csr.rs").await;
    let sent = app
        .submit_form(
            "/support",
            "/support",
            &[
                ("topic", "burnout"),
                ("language", "sr"),
                ("body", "Posle tri teška slučaja ne mogu da spavam."),
            ],
        )
        .await;
    sent.header("location").unwrap().to_owned()
}

#[tokio::test]
async fn a_request_reaches_the_team_without_its_text_and_becomes_a_private_conversation() {
    let app = TestApp::spawn().await;
    let conversation = request(&app).await;

    let mail = app.deliver_mail().await;
    let to_team: Vec<_> = mail
        .iter()
        .filter(|m| m.subject == "Kolega traži podršku")
        .collect();
    assert_eq!(to_team.len(), 2, "both supporters are told");
    assert!(
        to_team
            .iter()
            .all(|m| !m.text.contains("spavam") && !m.html.contains("spavam")),
        "no text in e-mails"
    );

    app.switch_to("nikola@csr.rs").await;
    let queue = app.get("/support/queue").await;
    assert!(
        !queue.body.contains("spavam"),
        "the team decides without reading her words"
    );
    assert!(queue.body.contains("Sagorevanje"), "the topic she chose");
    assert!(queue.body.contains("srpski"), "the language");
    assert!(
        queue.body.contains("čeka 0 minuta"),
        "how long it has waited"
    );
    app.submit_form("/support/queue", &format!("{conversation}/take"), &[])
        .await
        .assert_redirect_to(&conversation);
    app.submit_form(
        &conversation,
        &format!("{conversation}/reply"),
        &[("body", "Tu sam. Hajde da razgovaramo.")],
    )
    .await;

    app.switch_to("jelena@csr.rs").await;
    let page = app.get(&conversation).await;
    assert!(page.body.contains("Tu sam. Hajde da razgovaramo."));
    let mail = app.deliver_mail().await;
    assert!(mail.iter().any(|m| m.to == "jelena@csr.rs"
        && m.subject == "Vaš zahtev za podršku je preuzet"
        && !m.text.contains("razgovaramo")));

    // Nobody else: not the other supporter, not a moderator, not an administrator.
    for email in ["ana@csr.rs", "milica@kolega.rs", "admin@kolega.rs"] {
        app.switch_to(email).await;
        app.get(&conversation)
            .await
            .assert_status(StatusCode::NOT_FOUND);
        assert!(
            app.get("/search?q=spavam")
                .await
                .body
                .contains("Ništa nije pronađeno."),
            "never searchable"
        );
    }
    app.switch_to("ana@csr.rs").await;
    assert!(
        !app.get("/support/queue").await.body.contains("spavam"),
        "a taken request leaves the queue"
    );
    app.clear_cookies();
    assert!(
        app.get(&conversation).await.status.is_redirection(),
        "visitors are sent to sign in"
    );
}

#[tokio::test]
async fn only_peer_supporters_see_the_queue_and_take_requests() {
    let app = TestApp::spawn().await;
    let conversation = request(&app).await;
    app.create_member("Marko Ilić", "marko@fpn.rs", Role::Student)
        .await;

    app.switch_to("marko@fpn.rs").await;
    app.get("/support/queue")
        .await
        .assert_status(StatusCode::FORBIDDEN);
    let token = app.csrf_token().unwrap();
    app.post_form(&format!("{conversation}/take"), &[("csrf_token", &token)])
        .await
        .assert_status(StatusCode::FORBIDDEN);
    app.get("/support/team")
        .await
        .assert_status(StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn an_unanswered_request_is_sent_to_the_team_again_after_a_day() {
    let app = TestApp::spawn().await;
    request(&app).await;
    app.deliver_mail().await;

    let early = kolega::support::jobs::resend_unanswered(
        &app.pool,
        "http://kolega.test",
        app.clock.now() + Duration::hours(23),
    )
    .await
    .unwrap();
    let due = kolega::support::jobs::resend_unanswered(
        &app.pool,
        "http://kolega.test",
        app.clock.now() + Duration::hours(25),
    )
    .await
    .unwrap();
    let again = kolega::support::jobs::resend_unanswered(
        &app.pool,
        "http://kolega.test",
        app.clock.now() + Duration::hours(26),
    )
    .await
    .unwrap();

    assert_eq!((early, due, again), (0, 1, 0));
    app.clock.advance(Duration::hours(25));
    let mail = app.deliver_mail().await;
    assert_eq!(
        mail.iter()
            .filter(|m| m.subject == "Zahtev za podršku još čeka")
            .count(),
        2
    );
}

#[tokio::test]
async fn the_queue_says_how_long_a_request_has_waited_and_opens_its_words_only_to_the_taker() {
    let app = TestApp::spawn().await;
    let conversation = request(&app).await;
    app.clock.advance(Duration::hours(5));

    app.switch_to("ana@csr.rs").await;
    let queue = app.get("/support/queue").await;
    assert!(queue.body.contains("čeka 5 sati"));
    app.get(&conversation)
        .await
        .assert_status(StatusCode::NOT_FOUND);

    app.switch_to("nikola@csr.rs").await;
    app.submit_form("/support/queue", &format!("{conversation}/take"), &[])
        .await
        .assert_redirect_to(&conversation);
    assert!(
        app.get(&conversation)
            .await
            .body
            .contains("ne mogu da spavam"),
        "the colleague who takes it reads it"
    );
}

#[tokio::test]
async fn a_request_needs_a_topic_and_keeps_the_text_when_it_comes_back() {
    let app = TestApp::spawn().await;
    app.sign_in_as("Jelena Stojanović", "jelena@csr.rs", Role::Practitioner)
        .await;

    let refused = app
        .submit_form(
            "/support",
            "/support",
            &[("language", "sr"), ("body", "Teško mi je ovih dana.")],
        )
        .await;

    refused.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("id=\"topic-error\""));
    assert!(refused.body.contains("Teško mi je ovih dana."));
    assert_eq!(app.count("SELECT count(*) FROM support_requests").await, 0);
}

#[tokio::test]
async fn the_personal_data_guard_reads_requests_and_replies() {
    let app = TestApp::spawn().await;
    let conversation = request(&app).await;
    let with_jmbg = "Dečak, JMBG 0101990710008, ne izlazi mi iz glave.";

    // A JMBG is never saved, in a request or in a reply, confirmed or not.
    let refused = app
        .submit_form(
            "/support",
            "/support",
            &[
                ("topic", "difficult-case"),
                ("language", "sr"),
                ("body", with_jmbg),
                ("confirm_personal_data", "yes"),
            ],
        )
        .await;
    refused.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("Tekst sadrži JMBG."));
    assert!(refused.body.contains(with_jmbg), "the text is kept");
    let reply = format!("{conversation}/reply");
    let refused = app
        .submit_form(&conversation, &reply, &[("body", with_jmbg)])
        .await;
    refused.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains(with_jmbg), "the reply is kept");

    // A phone number asks first, and goes once she confirms.
    let with_phone = "Njena majka me zove na 064 123 4567 svaki dan.";
    let asked = app
        .submit_form(&conversation, &reply, &[("body", with_phone)])
        .await;
    asked.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(asked.body.contains("id=\"confirm_personal_data\""));
    app.submit_form(
        &conversation,
        &reply,
        &[("body", with_phone), ("confirm_personal_data", "yes")],
    )
    .await
    .assert_redirect_to(&conversation);

    assert_eq!(
        app.count("SELECT count(*) FROM support_messages WHERE body LIKE '%0101990710008%'")
            .await,
        0
    );
    assert_eq!(
        app.count("SELECT count(*) FROM support_messages WHERE body LIKE '%064 123 4567%'")
            .await,
        1
    );
}
