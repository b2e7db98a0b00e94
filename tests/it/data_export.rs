//! A member's data: the archive she downloads holds everything Kolega
//! keeps about her (and nothing of others she may not read), and deleting
//! her account does exactly what the settings page says it does.

use crate::common::TestApp;
use crate::common::events::{webinar, with};
use crate::common::library::PDF;
use crate::common::members::PASSWORD;
use axum::http::StatusCode;
use chrono::Duration;
use kolega::account_data::page;
use kolega::groups::vocabulary::Visibility;
use kolega::i18n::{self, Locale};
use kolega::members::Role;
use serde_json::Value;
use uuid::Uuid;

const JELENA: &str = "jelena@csr.rs";
const ANA: &str = "ana@csr.rs";
const NIKOLA: &str = "nikola@csr.rs";
const MARKO: &str = "marko@csr.rs";

async fn user_id(app: &TestApp, email: &str) -> Uuid {
    sqlx::query_scalar("SELECT user_id FROM users WHERE email = $1")
        .bind(email)
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

async fn execute(app: &TestApp, sql: &str, member: Uuid) {
    sqlx::query(sql)
        .bind(member)
        .execute(&app.pool)
        .await
        .unwrap();
}

/// Every record of `list` as text, to look for words in.
fn texts(list: &Value) -> Vec<String> {
    list.as_array()
        .unwrap_or_else(|| panic!("not a list: {list}"))
        .iter()
        .map(Value::to_string)
        .collect()
}

#[track_caller]
fn has(list: &Value, words: &str) -> bool {
    texts(list).iter().any(|record| record.contains(words))
}

/// The record of `list` whose text holds `words`.
#[track_caller]
fn record<'a>(list: &'a Value, words: &str) -> &'a Value {
    list.as_array()
        .unwrap()
        .iter()
        .find(|r| r.to_string().contains(words))
        .unwrap_or_else(|| panic!("no record with {words:?} in {list}"))
}

/// Ana (a teacher) runs a members-only group that allows anonymous posts and a
/// closed one; Nikola, Marko and Jelena are members; Jelena and Nikola are
/// on the peer-support team. Returns (public group, closed group).
async fn community(app: &TestApp) -> (String, String) {
    for (name, email) in [
        ("Nikola Đorđević", NIKOLA),
        ("Marko Ilić", MARKO),
        ("Jelena Stojanović", JELENA),
    ] {
        app.create_member(name, email, Role::Practitioner).await;
    }
    app.sign_in_as("Ana Vuković", ANA, Role::Teacher).await;
    // A group that allows anonymous posts is read by its members only.
    let public = app
        .open_group(
            "Hraniteljstvo",
            Visibility::Closed,
            &[("allow_anonymous", "yes")],
        )
        .await;
    let closed = app
        .open_group("Zatvorena grupa CSR Niš", Visibility::Closed, &[])
        .await;
    sqlx::query("UPDATE users SET peer_supporter = true WHERE email IN ($1, $2)")
        .bind(JELENA)
        .bind(NIKOLA)
        .execute(&app.pool)
        .await
        .unwrap();
    let joining = [(JELENA, "jelena-stojanovic"), (MARKO, "marko-ilic")];
    for (email, handle) in joining {
        let member = crate::common::members::Member {
            email: email.to_owned(),
            handle: handle.to_owned(),
        };
        app.admit_to_group(&public, ANA, &member).await;
    }
    app.switch_to(ANA).await;
    (public, closed)
}

/// Jelena asks for support and Nikola answers; Marko asks and Jelena
/// answers; Ana's request waits in the queue. Returns (Jelena's
/// conversation, Marko's).
async fn support_conversations(app: &TestApp) -> (String, String) {
    let mut conversations = Vec::new();
    for (asker, text, supporter, answer) in [
        (
            JELENA,
            "Posle tri teška slučaja ne mogu da spavam.",
            NIKOLA,
            "Tu sam, Jelena. Hajde da razgovaramo.",
        ),
        (
            MARKO,
            "Markov zahtev: ne znam kome da se obratim.",
            JELENA,
            "Tu sam, Marko.",
        ),
    ] {
        app.switch_to(asker).await;
        let sent = app
            .submit_form(
                "/support",
                "/support",
                &[("topic", "stress"), ("body", text)],
            )
            .await;
        let conversation = sent.header("location").unwrap().to_owned();
        app.switch_to(supporter).await;
        app.submit_form("/support/queue", &format!("{conversation}/take"), &[])
            .await
            .assert_redirect_to(&conversation);
        app.submit_form(
            &conversation,
            &format!("{conversation}/reply"),
            &[("body", answer)],
        )
        .await;
        conversations.push(conversation);
    }
    app.switch_to(ANA).await;
    app.submit_form(
        "/support",
        "/support",
        &[("topic", "other"), ("body", "Anin zahtev čeka u redu.")],
    )
    .await;
    (conversations[0].clone(), conversations[1].clone())
}

#[tokio::test]
async fn the_archive_holds_everything_kept_about_her_readable_and_nothing_private_of_others() {
    let app = TestApp::spawn().await;
    let (public, closed) = community(&app).await;
    let jelena = user_id(&app, JELENA).await;
    let ana = user_id(&app, ANA).await;

    // Groups: Jelena starts a thread, writes anonymously, and replies in
    // Ana's closed group, which she then leaves.
    app.switch_to(JELENA).await;
    app.start_thread(
        &public,
        "Iskustva sa hraniteljima",
        "Moje iskustvo sa hraniteljima.",
    )
    .await;
    let path = format!("{public}/new-thread");
    app.submit_form(
        &path,
        &path,
        &[
            ("title", "Osećam se iscrpljeno"),
            ("body", "Anonimna ispovest posle godinu dana."),
            ("anonymous", "yes"),
        ],
    )
    .await
    .assert_status(StatusCode::SEE_OTHER);
    app.submit_form(
        &closed,
        &format!("{closed}/request"),
        &[("message", "Radim u CSR Niš.")],
    )
    .await;
    app.switch_to(ANA).await;
    app.submit_form(
        &format!("{closed}/members"),
        &format!("{closed}/members/jelena-stojanovic/approve"),
        &[],
    )
    .await;
    let secret_thread = app
        .start_thread(
            &closed,
            "Poverljiva tema Ane",
            "Anin poverljiv tekst o porodici.",
        )
        .await;
    app.switch_to(JELENA).await;
    app.reply(&secret_thread, "Jelenin odgovor <b>važno</b> & više")
        .await;
    app.submit_form(&closed, &format!("{closed}/leave"), &[])
        .await
        .assert_status(StatusCode::SEE_OTHER);
    let anas_post: Uuid =
        sqlx::query_scalar("SELECT post_id FROM posts WHERE author_id = $1 AND body LIKE 'Anin%'")
            .bind(ana)
            .fetch_one(&app.pool)
            .await
            .unwrap();
    // A report she made and a warning she was given.
    sqlx::query(
        "INSERT INTO flags (post_id, reporter_id, reason, note, created_at) VALUES ($1, $2, 'other', 'Jelenina prijava', now())",
    )
    .bind(anas_post)
    .bind(jelena)
    .execute(&app.pool)
    .await
    .unwrap();
    execute(
        &app,
        "INSERT INTO group_warnings (group_id, user_id, note, created_at)
         SELECT group_id, $1, 'Upozorenje za Jelenu', now() FROM groups WHERE name = 'Hraniteljstvo'",
        jelena,
    )
    .await;

    // Events: Ana's accredited webinar, which Jelena attends and rates;
    // proposals; a supervision case; her licence date and calendar feed.
    app.switch_to(ANA).await;
    let event = app.create_event(&webinar()).await;
    let new = "/events/proposals/new";
    app.submit_form(
        new,
        new,
        &[("kind", "topic"), ("title", "Anin predlog o starima")],
    )
    .await
    .assert_status(StatusCode::SEE_OTHER);
    app.switch_to(JELENA).await;
    app.register_for(&event).await;
    app.submit_form(
        new,
        new,
        &[
            ("kind", "webinar"),
            ("title", "Jelenin predlog: rad sa porodicama"),
        ],
    )
    .await
    .assert_status(StatusCode::SEE_OTHER);
    let anas_proposal: String = sqlx::query_scalar(
        "SELECT proposal_id::text FROM event_proposals WHERE title LIKE 'Anin%'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    app.submit_form(
        "/events/proposals",
        &format!("/events/proposals/{anas_proposal}/vote"),
        &[("support", "yes")],
    )
    .await;
    app.submit_form("/events", "/events/calendar-feed", &[])
        .await
        .assert_status(StatusCode::SEE_OTHER);
    execute(
        &app,
        "UPDATE users SET licence_since = '2021-03-15' WHERE user_id = $1",
        jelena,
    )
    .await;
    execute(
        &app,
        "INSERT INTO supervision_cases (event_id, author_id, age_band, municipality_size, situation, question, created_at)
         SELECT event_id, $1, '12-17', 'village', 'Jelenin slučaj: dečak ne ide u školu.', 'Kako dalje?', now() FROM events",
        jelena,
    )
    .await;
    let code: String = sqlx::query_scalar("SELECT checkin_code FROM events")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    app.clock
        .advance(Duration::days(8) + Duration::hours(8) + Duration::minutes(20));
    app.switch_to(JELENA).await;
    app.submit_form(&event, &format!("{event}/check-in"), &[("code", &code)])
        .await;
    let feedback = format!("{event}/feedback");
    app.submit_form(
        &feedback,
        &feedback,
        &[("rating", "5"), ("comment", "Jelenina ocena: korisno.")],
    )
    .await
    .assert_status(StatusCode::SEE_OTHER);

    // Peer support, the library, the service map and followed topics.
    support_conversations(&app).await;
    app.switch_to(JELENA).await;
    let uploaded = app
        .upload_resource(
            &[
                ("title", "Jelenin protokol za hranitelje"),
                ("summary", "Koraci za **hranitelje**."),
                ("kind", "protocol"),
                ("topics", "foster-care"),
                ("language", "sr"),
                ("script", "latin"),
                ("audiences", "professionals"),
            ],
            Some(("protokol.pdf", PDF)),
        )
        .await;
    let resource = uploaded.header("location").unwrap().to_owned();
    app.submit_form(&resource, &format!("{resource}/submit"), &[])
        .await
        .assert_status(StatusCode::SEE_OTHER);
    kolega::directory::suggestions::create(
        &app.pool,
        None,
        jelena,
        &Default::default(),
        "Jelenin predlog: novo svratište u Nišu",
        app.clock.now(),
    )
    .await
    .unwrap();
    execute(
        &app,
        "INSERT INTO member_topics (user_id, topic_slug, created_at) VALUES ($1, 'foster-care', now())",
        jelena,
    )
    .await;

    let archive = app.download_data().await;

    assert_eq!(archive.file_name, "kolega-jelena-stojanovic-2026-12-01.zip");
    let data = &archive.data;
    assert_eq!(data["format"], "kolega-member-export-2");
    assert_eq!(data["account"]["email"], JELENA);
    assert!(!data["sessions"].as_array().unwrap().is_empty());
    assert!(!data["emails_sent_to_you"].as_array().unwrap().is_empty());
    assert!(
        !data["notifications"]["received"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        data["library_topics_followed"],
        serde_json::json!(["foster-care"])
    );

    let groups = &data["groups"];
    let membership = record(&groups["memberships"], "Hraniteljstvo");
    assert_eq!(
        (&membership["role"], &membership["status"]),
        (&"member".into(), &"active".into())
    );
    assert!(
        !has(&groups["memberships"], "Zatvorena"),
        "she left the closed group"
    );
    assert!(has(&groups["threads"], "Iskustva sa hraniteljima"));
    assert_eq!(record(&groups["threads"], "Osećam se")["anonymous"], true);
    let anonymous = record(&groups["posts"], "Anonimna ispovest");
    assert_eq!(
        anonymous["anonymous"], true,
        "her anonymous post is hers, marked"
    );
    let in_closed = record(&groups["posts"], "Jelenin odgovor");
    assert_eq!(in_closed["group"], "Zatvorena grupa CSR Niš");
    assert_eq!(
        in_closed["thread"],
        Value::Null,
        "not the title of Ana's thread she can no longer read"
    );
    assert!(has(&groups["followed_threads"], "Iskustva sa hraniteljima"));
    assert!(has(&groups["reports_made"], "Jelenina prijava"));
    assert!(has(&groups["warnings_received"], "Upozorenje za Jelenu"));

    let events = &data["events"];
    assert_eq!(events["licence_since"], "2021-03-15");
    assert!(events["calendar_feed_since"].is_string());
    let registration = record(&events["registrations"], "Hitno zbrinjavanje");
    assert_eq!(registration["status"], "registered");
    assert!(registration["attended_at"].is_string(), "attendance");
    let points = record(&events["points_and_certificates"], "Hitno zbrinjavanje");
    assert_eq!(points["points"], 4);
    assert!(
        points["certificate_code"]
            .as_str()
            .is_some_and(|c| !c.is_empty())
    );
    assert!(has(&events["feedback_given"], "Jelenina ocena: korisno."));
    assert!(has(
        &events["proposals"],
        "Jelenin predlog: rad sa porodicama"
    ));
    assert!(
        !has(&events["proposals"], "Anin predlog"),
        "only her own proposals"
    );
    assert!(has(&events["proposal_votes"], "Anin predlog o starima"));
    assert!(has(&events["supervision_cases"], "dečak ne ide u školu"));

    let conversations = &data["support"]["conversations"];
    assert_eq!(data["support"]["peer_supporter"], true);
    assert_eq!(conversations.as_array().unwrap().len(), 2);
    let asked = record(conversations, "ne mogu da spavam");
    assert_eq!(asked["role"], "requester");
    assert_eq!(asked["other_person"], "Nikola Đorđević");
    assert!(
        asked.to_string().contains("Hajde da razgovaramo"),
        "the supporter's words are part of it"
    );
    let supported = record(conversations, "Markov zahtev");
    assert_eq!(supported["role"], "supporter");
    assert!(supported.to_string().contains("Tu sam, Marko."));

    let submission = record(&data["library"]["submissions"], "Jelenin protokol");
    assert_eq!(submission["status"], "submitted");
    assert_eq!(submission["file"], "protokol.pdf");
    assert!(has(
        &data["service_map"]["suggestions"],
        "novo svratište u Nišu"
    ));

    // Nothing of others she may not read: Ana's closed-group thread and
    // her waiting support request, nor anyone's address or secrets.
    let everything = format!("{data}\n{}", archive.html);
    for private in [
        "Poverljiva tema Ane",
        "Anin poverljiv tekst",
        "Anin zahtev čeka u redu",
        ANA,
        NIKOLA,
        MARKO,
        "argon2",
        "session_hash",
    ] {
        assert!(!everything.contains(private), "{private:?} is not hers");
    }

    // The readable page: in her language, every section, her words escaped,
    // every field labelled in every language.
    let html = &archive.html;
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("<html lang=\"sr-Latn\">"));
    assert!(html.contains("@media print"));
    assert!(!html.contains("<script") && !html.contains("<link") && !html.contains("src="));
    for section in page::SECTIONS {
        let heading = i18n::t(
            Locale::SrLatn,
            &format!("data-section-{}", section.replace('_', "-")),
        );
        assert!(
            html.contains(&format!("-heading\">{heading}</h2>")),
            "section {heading}"
        );
    }
    assert!(html.contains("Jelenin odgovor &lt;b&gt;važno&lt;/b&gt; &amp; više"));
    assert!(!html.contains("<b>važno</b>"));
    assert!(html.contains("Anonimna ispovest posle godinu dana."));
    assert!(html.contains("Bodovi za licencu i sertifikati"));
    assert!(
        html.contains("15. 3. 2021."),
        "dates in her language's format"
    );
    for field in page::field_names(data) {
        for locale in [Locale::SrLatn, Locale::En] {
            assert!(
                page::has_label(locale, &field),
                "no {locale:?} label for {field}"
            );
        }
    }
}

#[tokio::test]
async fn deleting_the_account_erases_what_the_page_says_and_keeps_the_rest_as_a_former_member() {
    let app = TestApp::spawn().await;
    let (public, _) = community(&app).await;
    let jelena = user_id(&app, JELENA).await;
    let marko = user_id(&app, MARKO).await;

    // Ana's accredited webinar on 1 December, and a meeting with one place
    // on 20 December: Jelena has the place, Marko waits.
    app.switch_to(ANA).await;
    let webinar_path = app.create_event(&webinar()).await;
    let meeting = app
        .create_event(&with(
            with(
                with(webinar(), "title", "Sastanak sa jednim mestom"),
                "start_date",
                "2026-12-20",
            ),
            "capacity",
            "1",
        ))
        .await;
    let new = "/events/proposals/new";
    app.submit_form(
        new,
        new,
        &[("kind", "topic"), ("title", "Anin predlog o starima")],
    )
    .await;
    app.switch_to(JELENA).await;
    app.register_for(&webinar_path).await;
    app.register_for(&meeting).await;
    app.switch_to(MARKO).await;
    app.register_for(&meeting).await;
    app.switch_to(JELENA).await;
    let thread = app
        .start_thread(
            &public,
            "Iskustva sa hraniteljima",
            "Moje iskustvo sa hraniteljima.",
        )
        .await;
    app.submit_form(
        new,
        new,
        &[
            ("kind", "webinar"),
            ("title", "Jelenin predlog: rad sa porodicama"),
        ],
    )
    .await;
    let anas_proposal: String = sqlx::query_scalar(
        "SELECT proposal_id::text FROM event_proposals WHERE title LIKE 'Anin%'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    app.submit_form(
        "/events/proposals",
        &format!("/events/proposals/{anas_proposal}/vote"),
        &[("support", "yes")],
    )
    .await;
    app.submit_form("/events", "/events/calendar-feed", &[])
        .await;
    let uploaded = app
        .upload_resource(
            &[
                ("title", "Jelenin protokol za hranitelje"),
                ("kind", "protocol"),
                ("topics", "foster-care"),
                ("language", "sr"),
                ("script", "latin"),
                ("audiences", "professionals"),
            ],
            Some(("protokol.pdf", PDF)),
        )
        .await;
    let resource = uploaded.header("location").unwrap().to_owned();
    app.submit_form(&resource, &format!("{resource}/submit"), &[])
        .await
        .assert_status(StatusCode::SEE_OTHER);
    kolega::directory::suggestions::create(
        &app.pool,
        None,
        jelena,
        &Default::default(),
        "Jelenin predlog: novo svratište u Nišu",
        app.clock.now(),
    )
    .await
    .unwrap();
    execute(
        &app,
        "INSERT INTO supervision_cases (event_id, author_id, age_band, municipality_size, situation, question, created_at)
         SELECT event_id, $1, '12-17', 'village', 'Jelenin slučaj.', 'Kako dalje?', now()
         FROM events WHERE title LIKE 'Hitno%'",
        jelena,
    )
    .await;
    execute(
        &app,
        "UPDATE users SET licence_since = '2021-03-15' WHERE user_id = $1",
        jelena,
    )
    .await;
    let (her_request, marko_request) = support_conversations(&app).await;
    // The webinar: Jelena checks in and earns a certificate.
    let code: String =
        sqlx::query_scalar("SELECT checkin_code FROM events WHERE title LIKE 'Hitno%'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    app.clock
        .advance(Duration::days(8) + Duration::hours(8) + Duration::minutes(20));
    app.switch_to(JELENA).await;
    app.submit_form(
        &webinar_path,
        &format!("{webinar_path}/check-in"),
        &[("code", &code)],
    )
    .await;
    let certificate: String =
        sqlx::query_scalar("SELECT certificate_code FROM points_entries WHERE user_id = $1")
            .bind(jelena)
            .fetch_one(&app.pool)
            .await
            .unwrap();
    app.clock.advance(Duration::days(1));
    app.deliver_new_mail().await;
    let members_before: i32 =
        sqlx::query_scalar("SELECT member_count FROM groups WHERE name = 'Hraniteljstvo'")
            .fetch_one(&app.pool)
            .await
            .unwrap();

    // The page says what will happen, line by line.
    app.switch_to(JELENA).await;
    let settings = app.get("/settings").await.body;
    for line in [
        "settings-delete-erased-profile",
        "settings-delete-erased-account",
        "settings-delete-erased-groups",
        "settings-delete-erased-events",
        "settings-delete-erased-courses",
        "settings-delete-erased-support",
        "settings-delete-kept-posts",
        "settings-delete-kept-support",
        "settings-delete-kept-contributions",
        "settings-delete-records",
    ] {
        let text = i18n::t(Locale::SrLatn, line).replace('"', "&#34;");
        assert!(settings.contains(&text), "the page says {line}");
    }
    app.submit_form("/settings", "/settings/delete", &[("password", PASSWORD)])
        .await
        .assert_redirect_to("/");

    // Erased — her name, address, password and profile, and her licence date.
    let (name, email, licence): (String, String, Option<chrono::NaiveDate>) =
        sqlx::query_as("SELECT name, email, licence_since FROM users WHERE user_id = $1")
            .bind(jelena)
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!((name.as_str(), licence), ("", None));
    assert!(email.ends_with("@deleted.invalid"));
    // … her sessions, notifications, mail, topics …
    for table in [
        "sessions",
        "notifications",
        "outbox_messages",
        "member_topics",
    ] {
        let left = app
            .count(&format!(
                "SELECT count(*) FROM {table} WHERE user_id = '{jelena}'"
            ))
            .await;
        assert_eq!(left, 0, "{table}");
    }
    // … her group memberships, reading and followed threads …
    for table in ["group_members", "thread_reads", "thread_subscriptions"] {
        let left = app
            .count(&format!(
                "SELECT count(*) FROM {table} WHERE user_id = '{jelena}'"
            ))
            .await;
        assert_eq!(left, 0, "{table}");
    }
    let members_after: i32 =
        sqlx::query_scalar("SELECT member_count FROM groups WHERE name = 'Hraniteljstvo'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(members_after, members_before - 1);
    // … her registrations: the meeting's place went to Marko, who is told …
    let markos: String = sqlx::query_scalar(
        "SELECT r.status FROM event_registrations r JOIN events e USING (event_id)
         WHERE r.user_id = $1 AND e.title = 'Sastanak sa jednim mestom'",
    )
    .bind(marko)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(markos, "registered");
    let told = app.deliver_new_mail().await;
    assert!(
        told.iter()
            .any(|m| m.to == MARKO && m.text.contains("Sastanak sa jednim mestom")),
        "{told:?}"
    );
    // … her points and certificates, calendar feed, organiser roles, votes.
    for table in [
        "points_entries",
        "calendar_feeds",
        "event_people",
        "proposal_votes",
    ] {
        let left = app
            .count(&format!(
                "SELECT count(*) FROM {table} WHERE user_id = '{jelena}'"
            ))
            .await;
        assert_eq!(left, 0, "{table}");
    }
    app.clear_cookies();
    app.get(&format!("/certificates/{certificate}"))
        .await
        .assert_status(StatusCode::NOT_FOUND);
    // That she attended the webinar stays, without her name, in the counts.
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) FROM event_registrations WHERE user_id = '{jelena}' AND attended_at IS NOT NULL"
        ))
        .await,
        1
    );
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) FROM event_registrations WHERE user_id = '{jelena}'"
        ))
        .await,
        1,
        "only the attendance"
    );
    // … her request for support, with its conversation.
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) FROM support_requests WHERE requester_id = '{jelena}'"
        ))
        .await,
        0
    );
    app.switch_to(NIKOLA).await;
    app.get(&her_request)
        .await
        .assert_status(StatusCode::NOT_FOUND);
    assert!(!app.get("/support").await.body.contains("ne mogu da spavam"));

    // Kept, signed "former member": her thread, what she wrote as Marko's
    // supporter, her proposal, her library submission, her suggestion and
    // her supervision case.
    app.switch_to(MARKO).await;
    let page = app.get(&thread).await.body;
    assert!(page.contains("Moje iskustvo sa hraniteljima.") && page.contains("Bivši član"));
    assert!(!page.contains("Jelena"));
    let conversation = app.get(&marko_request).await.body;
    assert!(conversation.contains("Tu sam, Marko.") && conversation.contains("Bivši član"));
    let proposals = app.get("/events/proposals").await.body;
    let mine = &proposals[proposals
        .find("Jelenin predlog: rad sa porodicama")
        .unwrap()..];
    assert!(mine[..mine.find("</li>").unwrap()].contains("Bivši član"));
    app.clear_cookies();
    app.sign_in_as("Milica Jovanović", "milica@kolega.rs", Role::Moderator)
        .await;
    let review = app.get("/library/review").await.body;
    let entry = &review[review.find("Jelenin protokol za hranitelje").unwrap()..];
    assert!(entry[..entry.find("</li>").unwrap()].contains("Bivši član"));
    let suggestions = app.get("/services/review").await.body;
    let entry = &suggestions[suggestions.find("</h1>").unwrap()..];
    assert!(entry.contains("Bivši član"), "{entry}");
    let cases = kolega::events::supervision::cases(
        &app.pool,
        sqlx::query_scalar::<_, Uuid>("SELECT event_id FROM events WHERE title LIKE 'Hitno%'")
            .fetch_one(&app.pool)
            .await
            .unwrap(),
    )
    .await
    .unwrap();
    assert_eq!(cases.len(), 1, "the case stays");
    assert_eq!(cases[0].author_name, None, "shown as a former member");
}
