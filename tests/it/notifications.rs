//! Notifications people control: the in-app list and its unread count,
//! per-kind settings (at once / digest / never), the daily digest at the
//! member's hour, one-click unsubscribe (link and RFC 8058 POST), and
//! addresses that bounce.

use crate::common::{TestApp, events};
use axum::http::StatusCode;
use chrono::{Duration, TimeZone, Utc};
use kolega::groups::vocabulary::Visibility;
use kolega::members::Role;
use kolega::notify::digest;

fn fields(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// Helpers for this file: settings through the real form, the digest job.
trait NotificationHelpers {
    async fn choose(&self, choices: &[(&str, &str)]);
    async fn run_digests(&self) -> usize;
    async fn set_clock(&self, at: chrono::DateTime<Utc>);
}

impl NotificationHelpers for TestApp {
    /// Saves the notification settings form with `choices` changed.
    async fn choose(&self, choices: &[(&str, &str)]) {
        let mut all = choices.to_vec();
        if !choices.iter().any(|(k, _)| *k == "digest_hour") {
            all.push(("digest_hour", "7"));
        }
        let response = self
            .post_fields("/settings/notifications", &fields(&all))
            .await;
        response.assert_redirect_to("/settings/notifications");
    }

    async fn run_digests(&self) -> usize {
        digest::send_due(
            &self.pool,
            crate::common::test_app::BASE_URL,
            self.clock.now(),
        )
        .await
        .expect("the digest job runs")
    }

    async fn set_clock(&self, at: chrono::DateTime<Utc>) {
        self.clock.advance(at - self.clock.now());
    }
}

/// Jelena's thread in a public group that Ana has joined; Ana is signed in.
async fn thread_with_two_members(app: &TestApp) -> (String, String) {
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
    (group, thread)
}

#[tokio::test]
async fn a_reply_reaches_mail_and_the_list_as_the_setting_says() {
    let app = TestApp::spawn().await;
    let (_, thread) = thread_with_two_members(&app).await;

    // Default for replies: at once, by mail and in the list.
    app.reply(&thread, "Prvi odgovor.").await;
    let mail = app.deliver_new_mail().await;
    assert_eq!(mail.len(), 1);
    assert_eq!(mail[0].to, "jelena@csr.rs");

    app.switch_to("jelena@csr.rs").await;
    let home = app.get("/").await;
    assert!(
        home.body.contains(r#"<span class="badge unread">1<span class="visually-hidden"> novo obaveštenje</span></span>"#),
        "the header shows one unread"
    );
    let list = app.get("/notifications").await;
    list.assert_status(StatusCode::OK);
    assert!(
        list.body
            .contains("Novi odgovor u temi „Priprema za susret”")
    );
    assert!(list.body.contains("Odgovori u temama koje pratite"));

    // "Never": no mail, but the list still has it.
    app.choose(&[("reply", "never")]).await;
    app.switch_to("ana@csr.rs").await;
    app.reply(&thread, "Drugi odgovor.").await;
    assert!(
        app.deliver_new_mail().await.is_empty(),
        "no mail with never"
    );
    let entries = app
        .count("SELECT count(*) FROM notifications WHERE kind = 'reply'")
        .await;
    assert_eq!(entries, 2);

    // "Digest": nothing now, it waits for the digest.
    app.switch_to("jelena@csr.rs").await;
    app.choose(&[("reply", "digest")]).await;
    app.switch_to("ana@csr.rs").await;
    app.reply(&thread, "Treći odgovor.").await;
    assert!(app.deliver_new_mail().await.is_empty(), "digest waits");
    assert_eq!(
        app.count("SELECT count(*) FROM notifications WHERE digest_pending")
            .await,
        1
    );

    // Opening an entry marks it read and goes to the post; "mark all" the rest.
    app.switch_to("jelena@csr.rs").await;
    let id = app
        .count("SELECT min(notification_id) FROM notifications")
        .await;
    let opened = app.get(&format!("/notifications/{id}")).await;
    assert_eq!(opened.status, StatusCode::SEE_OTHER);
    assert!(
        opened
            .header("location")
            .unwrap()
            .starts_with(&format!("{thread}?page=1#post-2"))
    );
    assert!(
        app.get("/")
            .await
            .body
            .contains(">2<span class=\"visually-hidden\"> nova obaveštenja</span>")
    );
    let read_all = app.post_fields("/notifications/read-all", &[]).await;
    read_all.assert_redirect_to("/notifications");
    let home = app.get("/").await.body;
    assert!(
        [
            "novo obaveštenje</span>",
            "nova obaveštenja</span>",
            "novih obaveštenja</span>"
        ]
        .iter()
        .all(|badge| !home.contains(badge)),
        "no unread badge in the header"
    );
}

#[tokio::test]
async fn members_only_open_their_own_entries() {
    let app = TestApp::spawn().await;
    let (_, thread) = thread_with_two_members(&app).await;
    app.reply(&thread, "Odgovor.").await;
    let id = app
        .count("SELECT notification_id FROM notifications LIMIT 1")
        .await;
    // Ana is signed in; the entry is Jelena's.
    app.get(&format!("/notifications/{id}"))
        .await
        .assert_status(StatusCode::NOT_FOUND);
    app.post_fields(&format!("/notifications/{id}/read"), &[])
        .await
        .assert_status(StatusCode::NOT_FOUND);
    app.get("/notifications/not-a-number")
        .await
        .assert_status(StatusCode::NOT_FOUND);
    assert_eq!(
        app.count("SELECT count(*) FROM notifications WHERE read_at IS NOT NULL")
            .await,
        0
    );
    app.clear_cookies();
    let visitor = app.get("/notifications").await;
    assert_eq!(visitor.status, StatusCode::SEE_OTHER);
    assert!(visitor.header("location").unwrap().starts_with("/login"));
}

#[tokio::test]
async fn join_requests_their_decisions_and_event_registrations_follow_the_settings() {
    let app = TestApp::spawn().await;
    app.create_member("Ana Vuković", "ana@csr.rs", Role::Practitioner)
        .await;
    app.sign_in_as("Jelena Stojanović", "jelena@csr.rs", Role::Moderator)
        .await;
    let group = app.open_group("Supervizori", Visibility::Closed, &[]).await;

    // The group's moderator hears of a request at once by default.
    app.switch_to("ana@csr.rs").await;
    app.submit_form(&group, &format!("{group}/request"), &[("message", "Molim")])
        .await;
    let mail = app.deliver_new_mail().await;
    assert_eq!(mail.len(), 1, "{mail:?}");
    assert_eq!(mail[0].to, "jelena@csr.rs");
    assert_eq!(
        mail[0].subject,
        "Ana Vuković želi da se pridruži grupi „Supervizori”"
    );

    // Ana turns decisions off: the approval is only in her list.
    app.choose(&[("join_decision", "never")]).await;
    app.switch_to("jelena@csr.rs").await;
    let handle: String = sqlx::query_scalar("SELECT handle FROM users WHERE email = 'ana@csr.rs'")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let approved = app
        .submit_form(
            &format!("{group}/members"),
            &format!("{group}/members/{handle}/approve"),
            &[],
        )
        .await;
    assert!(approved.status.is_redirection(), "{}", approved.body);
    assert!(app.deliver_new_mail().await.is_empty());
    assert_eq!(
        app.count(
            "SELECT count(*) FROM notifications n JOIN users u USING (user_id)
             WHERE u.email = 'ana@csr.rs' AND n.kind = 'join_decision'"
        )
        .await,
        1
    );

    // An event registration goes at once; after "never" only to the list.
    let event = app.create_event(&events::webinar()).await;
    app.switch_to("ana@csr.rs").await;
    app.register_for(&event).await;
    let mail = app.deliver_new_mail().await;
    assert_eq!(mail.len(), 1);
    assert!(mail[0].subject.contains("Hitno zbrinjavanje"));
    app.choose(&[("event_change", "never")]).await;
    app.switch_to("jelena@csr.rs").await;
    let cancel = app
        .submit_form(
            &event,
            &format!("{event}/cancel"),
            &[("reason", "Predavač je bolestan.")],
        )
        .await;
    assert!(cancel.status.is_redirection(), "{}", cancel.body);
    assert!(app.deliver_new_mail().await.is_empty());
    assert_eq!(
        app.count("SELECT count(*) FROM notifications WHERE kind = 'event_change'")
            .await,
        1
    );
}

#[tokio::test]
async fn the_digest_leaves_at_the_chosen_hour_grouped_and_only_when_something_waited() {
    let app = TestApp::spawn().await;
    // 23 November 2026, 10:00 in Belgrade.
    let (group, thread) = thread_with_two_members(&app).await;
    app.switch_to("jelena@csr.rs").await;
    app.choose(&[("reply", "digest"), ("digest_hour", "8")])
        .await;
    let second = app.open_group("Usvojenje", Visibility::Public, &[]).await;
    let other = app
        .start_thread(&second, "Razgovor o poreklu", "Kada?")
        .await;

    app.switch_to("ana@csr.rs").await;
    app.reply(&thread, "Odgovor jedan.").await;
    app.reply(&thread, "Odgovor dva.").await;
    app.join_group(&second).await;
    app.reply(&other, "Što pre, primereno uzrastu.").await;
    assert!(app.deliver_new_mail().await.is_empty());

    // Today's 8:00 has passed: these wait for tomorrow's.
    assert_eq!(app.run_digests().await, 0);
    app.set_clock(Utc.with_ymd_and_hms(2026, 11, 24, 6, 59, 0).unwrap()) // 7:59 in Belgrade
        .await;
    assert_eq!(app.run_digests().await, 0);
    app.clock.advance(Duration::minutes(1));
    assert_eq!(app.run_digests().await, 1);
    assert_eq!(app.run_digests().await, 0, "one digest, not two");

    let mail = app.deliver_new_mail().await;
    assert_eq!(mail.len(), 1);
    let digest = &mail[0];
    assert_eq!(digest.to, "jelena@csr.rs");
    assert_eq!(digest.subject, "Kolega: dnevni pregled — 3 novosti");
    let hraniteljstvo = digest
        .text
        .find("== Hraniteljstvo ==")
        .expect("a section per group");
    let usvojenje = digest
        .text
        .find("== Usvojenje ==")
        .expect("a section per group");
    assert!(usvojenje > hraniteljstvo, "groups in alphabetical order");
    assert_eq!(
        digest
            .text
            .matches("Novi odgovor u temi „Priprema za susret”")
            .count(),
        2
    );
    assert!(
        digest
            .text
            .contains("Novi odgovor u temi „Razgovor o poreklu”")
    );
    assert!(digest.text.contains("Odgovori u temama koje pratite"));
    assert!(digest.text.contains("http://kolega.test/notifications/"));
    assert!(
        digest
            .header("List-Unsubscribe")
            .unwrap()
            .contains("/unsubscribe?token=")
    );
    let _ = group;

    // Nothing waited since: no digest the next day.
    app.clock.advance(Duration::days(1));
    assert_eq!(app.run_digests().await, 0);
}

#[tokio::test]
async fn new_threads_in_a_followed_group_wait_for_the_digest_by_default() {
    let app = TestApp::spawn().await;
    let (group, _) = thread_with_two_members(&app).await;
    app.submit_form(&group, &format!("{group}/follow"), &[("follow", "yes")])
        .await;
    app.switch_to("jelena@csr.rs").await;
    app.start_thread(&group, "Deca bez pratnje", "Iskustva?")
        .await;
    assert!(app.deliver_new_mail().await.is_empty());
    app.clock.advance(Duration::days(1));
    assert_eq!(
        digest::send_due(
            &app.pool,
            crate::common::test_app::BASE_URL,
            app.clock.now()
        )
        .await
        .unwrap(),
        1
    );
    let mail = app.deliver_new_mail().await;
    assert_eq!(mail[0].to, "ana@csr.rs");
    assert!(
        mail[0]
            .text
            .contains("Nova tema u grupi „Hraniteljstvo”: Deca bez pratnje")
    );
}

#[tokio::test]
async fn one_click_unsubscribe_works_by_link_and_by_rfc_8058_post_without_signing_in() {
    let app = TestApp::spawn().await;
    let (_, thread) = thread_with_two_members(&app).await;
    app.reply(&thread, "Odgovor.").await;
    let mail = app.deliver_new_mail().await;
    let header = mail[0]
        .header("List-Unsubscribe")
        .expect("List-Unsubscribe");
    assert_eq!(
        mail[0].header("List-Unsubscribe-Post").as_deref(),
        Some("List-Unsubscribe=One-Click")
    );
    let url = header.trim_matches(['<', '>']).to_owned();
    assert!(url.starts_with("http://kolega.test/unsubscribe?token="));
    assert!(mail[0].text.contains(&url), "the link is in the body too");
    let path = url
        .trim_start_matches(crate::common::test_app::BASE_URL)
        .to_owned();

    // Opening the link (as a mail scanner would) changes nothing.
    app.clear_cookies();
    let page = app.get(&path).await;
    page.assert_status(StatusCode::OK);
    assert!(page.body.contains("Odgovori u temama koje pratite"));
    assert_eq!(
        app.count("SELECT count(*) FROM notification_settings")
            .await,
        0
    );

    // The mail provider's one-click POST: no cookies, no CSRF token.
    let done = app
        .request(
            axum::http::Method::POST,
            &path,
            &[("content-type", "application/x-www-form-urlencoded")],
            axum::body::Body::from("List-Unsubscribe=One-Click"),
        )
        .await;
    done.assert_status(StatusCode::OK);
    assert!(done.body.contains("Više vam nećemo slati e-poštu"));
    assert_eq!(
        app.count(
            "SELECT count(*) FROM notification_settings WHERE kind = 'reply' AND delivery = 'never'"
        )
        .await,
        1
    );
    app.switch_to("ana@csr.rs").await;
    app.reply(&thread, "Još jedan.").await;
    assert!(app.deliver_new_mail().await.is_empty());

    // A token changed to another kind, or garbled, is refused.
    app.clear_cookies();
    let forged = path.replace(".reply", ".mention");
    app.request(
        axum::http::Method::POST,
        &forged,
        &[("content-type", "application/x-www-form-urlencoded")],
        axum::body::Body::from("List-Unsubscribe=One-Click"),
    )
    .await
    .assert_status(StatusCode::BAD_REQUEST);
    app.get("/unsubscribe?token=nonsense")
        .await
        .assert_status(StatusCode::BAD_REQUEST);
    app.get("/unsubscribe")
        .await
        .assert_status(StatusCode::BAD_REQUEST);
    assert_eq!(
        app.count("SELECT count(*) FROM notification_settings")
            .await,
        1
    );
}

#[tokio::test]
async fn account_critical_mail_has_no_unsubscribe_and_ignores_settings() {
    let app = TestApp::spawn().await;
    app.create_member("Ana Vuković", "ana@csr.rs", Role::Practitioner)
        .await;
    let response = app
        .submit_form(
            "/password/forgot",
            "/password/forgot",
            &[("email", "ana@csr.rs")],
        )
        .await;
    assert!(response.status.is_redirection() || response.status.is_success());
    let mail = app.deliver_new_mail().await;
    assert_eq!(mail.len(), 1);
    assert!(mail[0].header("List-Unsubscribe").is_none());
    assert!(!mail[0].text.contains("/unsubscribe"));

    // The settings page says so and offers no switch for it.
    app.sign_in_as("Jelena Stojanović", "jelena@csr.rs", Role::Practitioner)
        .await;
    let page = app.get("/settings/notifications").await;
    page.assert_status(StatusCode::OK);
    assert!(page.body.contains("stižu uvek i ne mogu se isključiti"));
    assert!(!page.body.contains("name=\"password_reset\""));
    assert!(!page.body.contains("name=\"retention_warning\""));
}

#[tokio::test]
async fn a_bad_setting_comes_back_with_the_other_choices_kept() {
    let app = TestApp::spawn().await;
    app.sign_in_as("Jelena Stojanović", "jelena@csr.rs", Role::Practitioner)
        .await;
    let response = app
        .post_fields(
            "/settings/notifications",
            &fields(&[
                ("reply", "sometimes"),
                ("mention", "digest"),
                ("digest_hour", "25"),
            ]),
        )
        .await;
    response.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        response
            .body
            .contains("Izaberite jednu od ponuđenih mogućnosti.")
    );
    assert!(response.body.contains("Izaberite sat od 0 do 23."));
    assert!(
        response
            .body
            .contains(r#"<option value="digest" selected>"#)
    );
    assert_eq!(
        app.count("SELECT count(*) FROM notification_settings")
            .await,
        0
    );
}

#[tokio::test]
async fn confidential_groups_stay_out_of_mail_lists_and_digests() {
    let app = TestApp::spawn().await;
    app.create_member("Ana Vuković", "ana@csr.rs", Role::Practitioner)
        .await;
    app.sign_in_as("Jelena Stojanović", "jelena@csr.rs", Role::Practitioner)
        .await;
    let group = app
        .open_group("Intervizija Niš", Visibility::Closed, &[])
        .await;
    let thread = app
        .start_thread(&group, "Dečak M. i otac", "Otac preti.")
        .await;
    // Ana is a member (how she became one is the groups tests' business).
    sqlx::query(
        "INSERT INTO group_members (group_id, user_id, status, created_at)
         SELECT g.group_id, u.user_id, 'active', now() FROM groups g, users u
         WHERE g.name = 'Intervizija Niš' AND u.email = 'ana@csr.rs'",
    )
    .execute(&app.pool)
    .await
    .unwrap();
    app.switch_to("ana@csr.rs").await;
    app.reply(&thread, "Procena rizika je hitna.").await;
    app.switch_to("jelena@csr.rs").await;
    app.choose(&[("reply", "digest")]).await;
    app.switch_to("ana@csr.rs").await;
    app.reply(&thread, "I razgovor sa školom.").await;
    app.clock.advance(Duration::days(1));
    digest::send_due(
        &app.pool,
        crate::common::test_app::BASE_URL,
        app.clock.now(),
    )
    .await
    .unwrap();
    let mail = app.deliver_new_mail().await;
    assert!(mail.iter().any(|m| m.subject.contains("dnevni pregled")));
    for m in &mail {
        for secret in [
            "Dečak M.",
            "Otac preti",
            "Procena rizika",
            "razgovor sa školom",
        ] {
            assert!(
                !m.text.contains(secret) && !m.html.contains(secret) && !m.subject.contains(secret),
                "{secret} in {}",
                m.subject
            );
        }
    }
    app.switch_to("jelena@csr.rs").await;
    let list = app.get("/notifications").await;
    assert!(list.body.contains("Intervizija Niš"));
    assert!(!list.body.contains("Dečak M."));
}

#[tokio::test]
async fn refused_and_bounced_addresses_stop_getting_mail_until_the_member_says_it_works() {
    let token = "a-long-random-bounce-token";
    let app = TestApp::spawn_configured(&[("KOLEGA_BOUNCE_TOKEN", token)], |r| r).await;
    let (_, thread) = thread_with_two_members(&app).await;

    // Three refusals in a row stop notifications to Jelena's address.
    for n in 0..3 {
        app.smtp.refuse_permanently();
        app.reply(&thread, &format!("Odgovor {n}.")).await;
        assert!(app.deliver_new_mail().await.is_empty());
    }
    app.reply(&thread, "Četvrti.").await;
    assert!(app.deliver_new_mail().await.is_empty(), "not even tried");
    assert_eq!(
        app.count("SELECT count(*) FROM outbox_messages WHERE status = 'pending'")
            .await,
        0
    );
    app.switch_to("jelena@csr.rs").await;
    let settings = app.get("/settings/notifications").await;
    assert!(settings.body.contains("Poruke vam trenutno ne šaljemo"));
    assert!(settings.body.contains("jelena@csr.rs"));
    // Her list still has everything.
    assert_eq!(
        app.count("SELECT count(*) FROM notifications WHERE kind = 'reply'")
            .await,
        4
    );

    // She says it works again; mail flows.
    app.post_fields("/settings/notifications/resume", &[])
        .await
        .assert_redirect_to("/settings/notifications");
    app.switch_to("ana@csr.rs").await;
    app.reply(&thread, "Peti.").await;
    assert_eq!(app.deliver_new_mail().await.len(), 1);

    // A hard bounce reported by the mail system stops it at once.
    let dsn = "Final-Recipient: rfc822; jelena@csr.rs\r\nAction: failed\r\nStatus: 5.1.1\r\n";
    let post = |auth: &'static str| {
        let app = &app;
        async move {
            app.request(
                axum::http::Method::POST,
                "/hooks/email-bounce",
                &[
                    ("content-type", "message/delivery-status"),
                    ("authorization", auth),
                ],
                axum::body::Body::from(dsn),
            )
            .await
        }
    };
    post("Bearer wrong-token-wrong-token")
        .await
        .assert_status(StatusCode::FORBIDDEN);
    assert_eq!(
        app.count("SELECT count(*) FROM email_suppressions").await,
        0
    );
    post("Bearer a-long-random-bounce-token")
        .await
        .assert_status(StatusCode::NO_CONTENT);
    app.reply(&thread, "Šesti.").await;
    assert!(app.deliver_new_mail().await.is_empty());

    // Account-critical mail still goes: a password reset for Jelena.
    app.clear_cookies();
    app.submit_form(
        "/password/forgot",
        "/password/forgot",
        &[("email", "jelena@csr.rs")],
    )
    .await;
    let mail = app.deliver_new_mail().await;
    assert_eq!(mail.len(), 1, "the reset still goes");
}

#[tokio::test]
async fn the_bounce_hook_is_off_without_a_token() {
    let app = TestApp::spawn().await;
    app.request(
        axum::http::Method::POST,
        "/hooks/email-bounce",
        &[
            ("content-type", "application/json"),
            ("authorization", "Bearer x"),
        ],
        axum::body::Body::from(r#"{"email":"a@b.rs","type":"hard"}"#),
    )
    .await
    .assert_status(StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_members_notifications_are_in_their_data_download_and_go_with_their_account() {
    let app = TestApp::spawn().await;
    let (_, thread) = thread_with_two_members(&app).await;
    app.reply(&thread, "Odgovor.").await;
    app.switch_to("jelena@csr.rs").await;
    app.choose(&[("mention", "digest"), ("digest_hour", "18")])
        .await;

    let export = app.download_data().await.data;
    let notifications = &export["notifications"];
    assert_eq!(notifications["digest_hour"], 18);
    assert_eq!(notifications["settings"]["mention"], "digest");
    assert_eq!(
        notifications["received"][0]["title"],
        "Novi odgovor u temi „Priprema za susret”"
    );

    app.submit_form(
        "/settings",
        "/settings/delete",
        &[("password", crate::common::members::PASSWORD)],
    )
    .await
    .assert_redirect_to("/");
    let left: i64 = app
        .count(
            "SELECT (SELECT count(*) FROM notifications n JOIN users u USING (user_id) WHERE u.deleted_at IS NOT NULL)
                  + (SELECT count(*) FROM notification_settings)",
        )
        .await;
    assert_eq!(left, 0);
}
