//! Rate limits: posting, registering, password resets, check-in codes,
//! uploads and service suggestions are limited per member, address or
//! client, and a refused form comes back with the text kept. The limits
//! hold for requests sent all at once, and for a client behind a proxy
//! that writes whatever it likes in X-Forwarded-For.

use crate::common::{TestApp, events};
use axum::http::StatusCode;
use chrono::Duration;
use kolega::groups::vocabulary::Visibility;
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
    let group = app
        .open_group("Hraniteljstvo", Visibility::Public, &[])
        .await;
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
    assert!(
        refused
            .body
            .contains("dozvoljeno je najviše 20 u 10 minuta. Pokušajte ponovo za 10 minuta"),
        "the refusal names the limit"
    );
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
    assert!(
        refused.body.contains("dozvoljeno je najviše 10 na sat"),
        "the limit is per hour and says so"
    );
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
    let input = crate::common::services::service(
        "Savetovalište Vranje",
        "counselling",
        &["families"],
        vranje,
    );
    let suggested = app
        .post_fields(
            "/services/new",
            &crate::common::services::form_fields(&input),
        )
        .await;
    suggested.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(suggested.body.contains("Previše pokušaja"));
    assert!(suggested.body.contains("Savetovalište Vranje"));
    assert_eq!(
        app.count("SELECT count(*) FROM service_suggestions").await,
        0
    );
}

const SIGN_IN_FAILED: &str = "Adresa e-pošte ili lozinka nisu tačni";
const SIGN_IN_LOCKED: &str = "Previše neuspešnih pokušaja prijave";
const RATE_LIMITED: &str = "Previše pokušaja: dozvoljeno je najviše";

fn registration(email: &str) -> Vec<(&str, &str)> {
    vec![
        ("name", "Član Probni"),
        ("email", email),
        ("password", "zelena-livada-u-maju"),
        ("profession", "practitioner"),
        ("country", "RS"),
        ("city", "Niš"),
        ("accept_guidelines", "yes"),
        ("accept_safeguarding", "yes"),
    ]
}

/// `form` with some fields changed.
fn with_fields(form: &[(String, String)], fields: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut form = form.to_vec();
    for (name, value) in fields {
        form.retain(|(existing, _)| existing != name);
        form.push((name.to_string(), value.to_string()));
    }
    form
}

/// The form posting to `action` on `page`, filled with `fields`, ready to
/// be sent many times (one CSRF token for all).
async fn filled_form(
    app: &TestApp,
    page: &str,
    action: &str,
    fields: &[(&str, &str)],
) -> Vec<(String, String)> {
    let page = app.get(page).await;
    let form = crate::common::html::hidden_fields(&page.body, action).expect("the form is there");
    with_fields(&form, fields)
}

/// Sends all `forms` to `action` at the same moment (one task, every
/// request in flight together, over the app's pool of several connections).
async fn post_all_at_once(
    app: &TestApp,
    action: &str,
    forms: &[Vec<(String, String)>],
) -> Vec<crate::common::TestResponse> {
    let requests = forms.iter().map(|form| async move {
        let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        app.post_form(action, &pairs).await
    });
    futures_util::future::join_all(requests).await
}

/// A registration went through (the "check your mail" page, or on).
fn created(response: &crate::common::TestResponse) -> bool {
    response.status.is_success() || response.status.is_redirection()
}

fn count_bodies(responses: &[crate::common::TestResponse], text: &str) -> usize {
    responses.iter().filter(|r| r.body.contains(text)).count()
}

// --- The client address behind a proxy ---------------------------------

#[tokio::test]
async fn a_client_inventing_a_new_forwarded_address_each_time_still_hits_the_sign_in_limit() {
    let app = TestApp::spawn_configured(&[("KOLEGA_TRUST_PROXY", "true")], |r| r).await;
    let per_client = kolega::members::throttle::PER_IP;
    // The proxy on this machine appends the client's real address last.
    for n in 0..per_client {
        let forwarded = format!("10.1.{n}.1, 203.0.113.7");
        let email = format!("pokusaj{n}@csr.rs");
        let response = app
            .submit_form_with(
                "/login",
                "/login",
                &[("email", &email), ("password", "pogresna-lozinka")],
                &[("x-forwarded-for", &forwarded)],
            )
            .await;
        assert!(response.body.contains(SIGN_IN_FAILED), "{}", response.body);
    }
    let locked = app
        .submit_form_with(
            "/login",
            "/login",
            &[
                ("email", "jos.jedan@csr.rs"),
                ("password", "pogresna-lozinka"),
            ],
            &[("x-forwarded-for", "10.1.200.1, 203.0.113.7")],
        )
        .await;
    assert!(locked.body.contains(SIGN_IN_LOCKED), "{}", locked.body);
    // Another client behind the same proxy is not locked out.
    let other = app
        .submit_form_with(
            "/login",
            "/login",
            &[
                ("email", "jos.jedan@csr.rs"),
                ("password", "pogresna-lozinka"),
            ],
            &[("x-forwarded-for", "203.0.113.8")],
        )
        .await;
    assert!(other.body.contains(SIGN_IN_FAILED), "{}", other.body);
}

#[tokio::test]
async fn a_client_inventing_a_new_forwarded_address_each_time_still_hits_the_registration_limit() {
    let app = TestApp::spawn_configured(&[("KOLEGA_TRUST_PROXY", "true")], |r| r).await;
    let (max, _) = Limit::Registration.allowance();
    for n in 0..=max {
        let forwarded = format!("10.2.{n}.1, 203.0.113.7");
        let email = format!("clan{n}@example.org");
        let response = app
            .submit_form_with(
                "/register",
                "/register",
                &registration(&email),
                &[("x-forwarded-for", &forwarded)],
            )
            .await;
        app.clear_cookies();
        if n < max {
            assert!(created(&response), "{}", response.status);
        } else {
            response.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
            assert!(response.body.contains(RATE_LIMITED));
        }
    }
    assert_eq!(app.count("SELECT count(*) FROM users").await, max);
}

// --- Limits under concurrency ------------------------------------------

const AT_ONCE: usize = 50;

#[tokio::test]
async fn wrong_passwords_sent_all_at_once_reach_the_password_check_only_up_to_the_limit() {
    let app = TestApp::spawn().await;
    app.create_member("Ana Vuković", "ana@csr.rs", Role::Practitioner)
        .await;
    let form = filled_form(
        &app,
        "/login",
        "/login",
        &[("email", "ana@csr.rs"), ("password", "pogresna-lozinka")],
    )
    .await;
    let responses = post_all_at_once(&app, "/login", &vec![form.clone(); AT_ONCE]).await;
    let per_account = kolega::members::throttle::PER_ACCOUNT as usize;
    assert_eq!(count_bodies(&responses, SIGN_IN_FAILED), per_account);
    assert_eq!(
        count_bodies(&responses, SIGN_IN_LOCKED),
        AT_ONCE - per_account
    );

    // Many addresses from one client at once: the client's limit holds too.
    let forms: Vec<_> = (0..AT_ONCE)
        .map(|n| {
            let email = format!("pokusaj{n}@csr.rs");
            with_fields(&form, &[("email", &email)])
        })
        .collect();
    let responses = post_all_at_once(&app, "/login", &forms).await;
    // Ana's failures above came from this client as well.
    let per_client = kolega::members::throttle::PER_IP as usize - per_account;
    assert_eq!(count_bodies(&responses, SIGN_IN_FAILED), per_client);
    assert_eq!(
        count_bodies(&responses, SIGN_IN_LOCKED),
        AT_ONCE - per_client
    );
}

/// Spends all but one of `limit`'s allowance for `key`.
async fn leave_one(app: &TestApp, bucket: &str, key: &str, limit: Limit) {
    let (max, _) = limit.allowance();
    sqlx::query(
        "INSERT INTO rate_events (bucket, key, at) SELECT $1, $2, $3 FROM generate_series(2, $4)",
    )
    .bind(bucket)
    .bind(key)
    .bind(app.clock.now())
    .bind(max as i32)
    .execute(&app.pool)
    .await
    .unwrap();
}

/// Like [`post_all_at_once`], with every action counted in `bucket` held
/// at a door until all the app's connections are there: a trigger makes
/// each such insert into `rate_events` wait for an advisory lock the test
/// holds, and the
/// test lets go once every connection of the app's pool waits (at the door,
/// or at a limit's own lock). So every count that may happen before an
/// insert does — the worst interleaving, made certain; by themselves, two
/// cores seldom line up two short statements.
async fn post_all_at_once_behind_a_door(
    app: &TestApp,
    bucket: &str,
    action: &str,
    forms: &[Vec<(String, String)>],
) -> Vec<crate::common::TestResponse> {
    use sqlx::{Connection, PgConnection};
    const DOOR: i64 = 4711;
    sqlx::raw_sql(&format!(
        "CREATE FUNCTION wait_at_the_door() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN PERFORM pg_advisory_xact_lock_shared({DOOR}); RETURN NEW; END $$;
         CREATE TRIGGER door BEFORE INSERT ON rate_events
         FOR EACH ROW WHEN (NEW.bucket = '{bucket}') EXECUTE FUNCTION wait_at_the_door();"
    ))
    .execute(&app.pool)
    .await
    .unwrap();
    let mut door = PgConnection::connect_with(&app.db_options).await.unwrap();
    sqlx::query("SELECT pg_advisory_lock($1)")
        .bind(DOOR)
        .execute(&mut door)
        .await
        .unwrap();
    let connections = app.pool.options().get_max_connections() as i64;
    let open = async move {
        loop {
            let waiting: i64 = sqlx::query_scalar(
                "SELECT count(*) FROM pg_locks
                 WHERE NOT granted AND locktype = 'advisory'
                   AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
            )
            .fetch_one(&mut door)
            .await
            .unwrap();
            if waiting >= connections {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(5)).await;
        }
        sqlx::query("SELECT pg_advisory_unlock($1)")
            .bind(DOOR)
            .execute(&mut door)
            .await
            .unwrap();
    };
    let open = async {
        tokio::time::timeout(std::time::Duration::from_secs(60), open)
            .await
            .expect("every connection reaches the limit");
    };
    let (responses, ()) = tokio::join!(post_all_at_once(app, action, forms), open);
    responses
}

#[tokio::test]
async fn registrations_sent_all_at_once_from_one_client_are_limited() {
    let app = TestApp::spawn().await;
    leave_one(&app, "registration", "127.0.0.1", Limit::Registration).await;
    let form = filled_form(
        &app,
        "/register",
        "/register",
        &registration("x@example.org"),
    )
    .await;
    let forms: Vec<_> = (0..AT_ONCE)
        .map(|n| with_fields(&form, &[("email", &format!("clan{n}@example.org"))]))
        .collect();
    let responses = post_all_at_once_behind_a_door(&app, "registration", "/register", &forms).await;
    let created = responses.iter().filter(|r| created(r)).count();
    assert_eq!(created, 1, "the one registration left");
    assert_eq!(count_bodies(&responses, RATE_LIMITED), AT_ONCE - 1);
    assert_eq!(app.count("SELECT count(*) FROM users").await, 1);
}

#[tokio::test]
async fn reset_mails_asked_for_all_at_once_from_one_client_are_limited() {
    let app = TestApp::spawn().await;
    leave_one(
        &app,
        "reset-client",
        "127.0.0.1",
        Limit::PasswordResetByClient,
    )
    .await;
    let form = filled_form(&app, "/password/forgot", "/password/forgot", &[]).await;
    let forms: Vec<_> = (0..AT_ONCE)
        .map(|n| with_fields(&form, &[("email", &format!("clan{n}@example.org"))]))
        .collect();
    let responses =
        post_all_at_once_behind_a_door(&app, "reset-client", "/password/forgot", &forms).await;
    let answered = responses
        .iter()
        .filter(|r| r.status == StatusCode::OK)
        .count();
    assert_eq!(answered, 1, "the one reset left");
    assert_eq!(count_bodies(&responses, RATE_LIMITED), AT_ONCE - 1);
}

#[tokio::test]
async fn reset_mails_asked_for_all_at_once_to_one_address_are_limited() {
    let app = TestApp::spawn().await;
    app.create_member("Ana Vuković", "ana@csr.rs", Role::Practitioner)
        .await;
    leave_one(
        &app,
        "reset-address",
        "ana@csr.rs",
        Limit::PasswordResetByAddress,
    )
    .await;
    let form = filled_form(
        &app,
        "/password/forgot",
        "/password/forgot",
        &[("email", "ana@csr.rs")],
    )
    .await;
    let forms = vec![form; AT_ONCE];
    let responses =
        post_all_at_once_behind_a_door(&app, "reset-address", "/password/forgot", &forms).await;
    let answered = responses
        .iter()
        .filter(|r| r.status == StatusCode::OK)
        .count();
    assert_eq!(answered, 1, "the one reset left");
    assert_eq!(count_bodies(&responses, RATE_LIMITED), AT_ONCE - 1);
    assert_eq!(app.deliver_new_mail().await.len(), 1);
}

#[tokio::test]
async fn replies_sent_all_at_once_by_one_member_are_limited() {
    let app = TestApp::spawn().await;
    app.sign_in_as("Jelena Stojanović", "jelena@csr.rs", Role::Practitioner)
        .await;
    let jelena = user_id(&app, "jelena@csr.rs").await;
    let group = app
        .open_group("Hraniteljstvo", Visibility::Public, &[])
        .await;
    let thread = app.start_thread(&group, "Tema", "Prva poruka.").await;
    // The thread's first post counted too.
    sqlx::query("DELETE FROM rate_events")
        .execute(&app.pool)
        .await
        .unwrap();
    leave_one(&app, "posting", &jelena, Limit::Posting).await;
    let action = format!("{thread}/reply");
    let form = filled_form(&app, &thread, &action, &[]).await;
    let forms: Vec<_> = (0..AT_ONCE)
        .map(|n| with_fields(&form, &[("body", &format!("Odgovor broj {n}."))]))
        .collect();
    let responses = post_all_at_once_behind_a_door(&app, "posting", &action, &forms).await;
    let posted = responses
        .iter()
        .filter(|r| r.status.is_redirection())
        .count();
    assert_eq!(posted, 1, "the one post left");
    assert_eq!(count_bodies(&responses, RATE_LIMITED), AT_ONCE - 1);
    assert_eq!(app.count("SELECT count(*) FROM posts").await, 2);
}

#[tokio::test]
async fn check_in_codes_tried_all_at_once_are_limited() {
    let app = TestApp::spawn().await;
    app.sign_in_as("Jelena Stojanović", "jelena@fpn.rs", Role::Teacher)
        .await;
    let event = app.create_event(&events::webinar()).await;
    app.create_member("Ana Vuković", "ana@csr.rs", Role::Practitioner)
        .await;
    app.switch_to("ana@csr.rs").await;
    app.register_for(&event).await;
    app.clock
        .advance(Duration::days(8) + Duration::hours(8) + Duration::minutes(20));
    app.switch_to("ana@csr.rs").await;
    let ana = user_id(&app, "ana@csr.rs").await;
    let event_id: uuid::Uuid = sqlx::query_scalar("SELECT event_id FROM events")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    leave_one(
        &app,
        "check-in",
        &format!("{ana}:{event_id}"),
        Limit::CheckIn,
    )
    .await;
    let action = format!("{event}/check-in");
    let form = filled_form(&app, &event, &action, &[]).await;
    let forms: Vec<_> = (0..AT_ONCE)
        .map(|n| with_fields(&form, &[("code", &format!("X{n:05}"))]))
        .collect();
    let responses = post_all_at_once_behind_a_door(&app, "check-in", &action, &forms).await;
    let flashed = |key: &str| {
        responses
            .iter()
            .filter(|r| r.all_headers("set-cookie").iter().any(|c| c.contains(key)))
            .count()
    };
    assert_eq!(
        flashed("=event-checkin-wrong-code"),
        1,
        "the one code compared"
    );
    assert_eq!(flashed("=event-checkin-too-many"), AT_ONCE - 1);
}
