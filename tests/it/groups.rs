//! Discussion groups: visibility, membership, threads and posts.

// Parts of the groups suite in files of their own.
mod pages;
mod thread_header;

use crate::common::TestApp;
use crate::common::groups::link_ending;
use crate::common::members::PASSWORD;
use axum::http::StatusCode;
use kolega::groups::vocabulary::Visibility;
use kolega::members::Role;

#[tokio::test]
async fn who_sees_what_in_public_closed_and_secret_groups() {
    let app = TestApp::spawn().await;
    app.create_member("Marko Ilić", "marko@fpn.rs", Role::Student)
        .await;
    app.sign_in_as("Jelena Stojanović", "jelena@csr.rs", Role::Practitioner)
        .await;
    let public = app
        .open_group("Hraniteljstvo", Visibility::Public, &[])
        .await;
    let closed = app
        .open_group("Supervizija Niš", Visibility::Closed, &[])
        .await;
    let secret = app
        .open_group("Tajna supervizija", Visibility::Secret, &[])
        .await;
    let mut threads = Vec::new();
    for group in [&public, &closed, &secret] {
        threads.push(
            app.start_thread(
                group,
                "Dilema o smeštaju",
                "Poverljiv opis slučaja bez imena.",
            )
            .await,
        );
    }

    // A visitor.
    app.clear_cookies();
    let list = app.get("/groups").await;
    assert!(list.body.contains("Hraniteljstvo") && list.body.contains("Supervizija Niš"));
    assert!(
        !list.body.contains("Tajna supervizija"),
        "secret groups are not listed"
    );
    assert!(
        app.get(&threads[0])
            .await
            .body
            .contains("Poverljiv opis slučaja"),
        "public threads are readable"
    );
    let closed_page = app.get(&closed).await;
    closed_page.assert_status(StatusCode::OK);
    assert!(
        !closed_page.body.contains("Dilema o smeštaju"),
        "closed content is for members"
    );
    app.get(&threads[1])
        .await
        .assert_status(StatusCode::NOT_FOUND);
    app.get(&secret).await.assert_status(StatusCode::NOT_FOUND);
    app.get(&threads[2])
        .await
        .assert_status(StatusCode::NOT_FOUND);

    // A signed-in non-member.
    app.switch_to("marko@fpn.rs").await;
    assert!(!app.get("/groups").await.body.contains("Tajna supervizija"));
    app.get(&threads[1])
        .await
        .assert_status(StatusCode::NOT_FOUND);
    app.get(&secret).await.assert_status(StatusCode::NOT_FOUND);
    let token = app.csrf_token().unwrap();
    let forced = app
        .post_form(
            &format!("{}/reply", threads[0]),
            &[("csrf_token", &token), ("body", "Upad bez članstva")],
        )
        .await;
    forced.assert_status(StatusCode::FORBIDDEN);
    let forced_secret = app
        .post_form(&format!("{secret}/join"), &[("csrf_token", &token)])
        .await;
    forced_secret.assert_status(StatusCode::NOT_FOUND);

    // The owner, a member of all three.
    app.switch_to("jelena@csr.rs").await;
    let mine = app.get("/groups").await;
    assert!(mine.body.contains("Tajna supervizija"));
    for thread in &threads {
        assert!(
            app.get(thread)
                .await
                .body
                .contains("Poverljiv opis slučaja")
        );
    }
}

#[tokio::test]
async fn students_join_public_groups_and_ask_to_join_closed_ones() {
    let app = TestApp::spawn().await;
    app.create_member("Marko Ilić", "marko@fpn.rs", Role::Student)
        .await;
    app.sign_in_as("Jelena Stojanović", "jelena@csr.rs", Role::Practitioner)
        .await;
    let public = app
        .open_group("Rad sa migrantima", Visibility::Public, &[])
        .await;
    let closed = app
        .open_group("Supervizija Vranje", Visibility::Closed, &[])
        .await;

    app.switch_to("marko@fpn.rs").await;
    app.submit_form(&public, &format!("{public}/join"), &[])
        .await
        .assert_redirect_to(&public);
    let thread = app
        .start_thread(
            &public,
            "Pitanje studenta",
            "Kako izgleda prvi razgovor sa porodicom?",
        )
        .await;
    assert!(
        app.get(&thread)
            .await
            .body
            .contains("Kako izgleda prvi razgovor sa porodicom?")
    );

    app.submit_form(
        &closed,
        &format!("{closed}/request"),
        &[("message", "Student sam na praksi u CSR Vranje.")],
    )
    .await;
    let waiting = app.get(&closed).await;
    assert!(
        waiting
            .body
            .contains("Vaš zahtev čeka odobrenje moderatora grupe.")
    );
    assert!(
        !waiting
            .body
            .contains(&format!("action=\"{closed}/new-thread\""))
    );
    assert_eq!(
        app.count("SELECT count(*) FROM group_members WHERE status = 'requested'")
            .await,
        1
    );

    app.submit_form(&public, &format!("{public}/leave"), &[])
        .await
        .assert_redirect_to("/groups");
    assert!(
        !app.get(&public)
            .await
            .body
            .contains("href=\"/groups/rad-sa-migrantima/new-thread\"")
    );
}

#[tokio::test]
async fn a_student_with_the_class_code_becomes_a_member_at_once() {
    let app = TestApp::spawn().await;
    app.create_member("Sara Nikolić", "sara@fpn.rs", Role::Student)
        .await;
    app.sign_in_as("prof. Dragana Petrović", "dragana@fpn.rs", Role::Teacher)
        .await;
    let group = app
        .open_group(
            "Studenti — stručna praksa 2026",
            Visibility::Closed,
            &[("class_group", "yes")],
        )
        .await;
    let page = app.get(&group).await;
    let code: String = page
        .body
        .split("<code>")
        .nth(1)
        .unwrap()
        .chars()
        .take(8)
        .collect();

    app.switch_to("sara@fpn.rs").await;
    let wrong = app
        .submit_form("/groups/join", "/groups/join", &[("code", "NEPOSTOJI")])
        .await;
    wrong.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(wrong.body.contains("id=\"code-error\""));
    assert!(wrong.body.contains("value=\"NEPOSTOJI\""));
    let joined = app
        .submit_form(
            "/groups/join",
            "/groups/join",
            &[("code", &code.to_lowercase())],
        )
        .await;

    joined.assert_redirect_to(&group);
    assert!(
        app.get(&group).await.body.contains("/new-thread"),
        "a member can start threads"
    );
    assert!(
        !app.get(&group).await.body.contains(&code),
        "only moderators see the code"
    );
}

#[tokio::test]
async fn only_verified_practitioners_teachers_and_moderators_open_groups() {
    let app = TestApp::spawn().await;
    app.sign_in_as("Marko Ilić", "marko@fpn.rs", Role::Student)
        .await;

    app.get("/groups/new")
        .await
        .assert_status(StatusCode::FORBIDDEN);
    let token = app.csrf_token().unwrap();
    app.post_form(
        "/groups/new",
        &[
            ("csrf_token", &token),
            ("name", "Studentska grupa"),
            ("visibility", "public"),
            ("language", "sr"),
        ],
    )
    .await
    .assert_status(StatusCode::FORBIDDEN);
    assert_eq!(app.count("SELECT count(*) FROM groups").await, 0);

    app.switch_to("marko@fpn.rs").await;
    app.clear_cookies();
    app.create_member("Nova Praktičarka", "nova@csr.rs", Role::Practitioner)
        .await;
    sqlx::query("UPDATE users SET email_verified_at = NULL WHERE email = 'nova@csr.rs'")
        .execute(&app.pool)
        .await
        .unwrap();
    app.sign_in("nova@csr.rs", PASSWORD).await;
    app.get("/groups/new")
        .await
        .assert_status(StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_jmbg_is_never_saved_and_the_text_is_kept() {
    let app = TestApp::spawn().await;
    app.sign_in_as("Jelena Stojanović", "jelena@csr.rs", Role::Practitioner)
        .await;
    let group = app
        .open_group("Zaštita dece", Visibility::Public, &[])
        .await;
    let body = "Dečak, JMBG 0101990710008, živi sa bakom. Kako da procenim rizik?";

    let refused = app
        .submit_form(
            &format!("{group}/new-thread"),
            &format!("{group}/new-thread"),
            &[("title", "Procena rizika"), ("body", body)],
        )
        .await;

    refused.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("Tekst sadrži JMBG."));
    assert!(
        refused
            .body
            .contains("Dečak, JMBG 0101990710008, živi sa bakom."),
        "the text is not lost"
    );
    assert!(refused.body.contains("value=\"Procena rizika\""));
    let confirmed = app
        .submit_form(
            &format!("{group}/new-thread"),
            &format!("{group}/new-thread"),
            &[
                ("title", "Procena rizika"),
                ("body", body),
                ("confirm_personal_data", "yes"),
            ],
        )
        .await;
    confirmed.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(app.count("SELECT count(*) FROM posts").await, 0);
}

#[tokio::test]
async fn a_phone_number_needs_the_authors_confirmation() {
    let app = TestApp::spawn().await;
    app.sign_in_as("Jelena Stojanović", "jelena@csr.rs", Role::Practitioner)
        .await;
    let group = app
        .open_group("Zaštita dece", Visibility::Public, &[])
        .await;
    let body = "SOS linija udruženja je 011/123-4567, radi noću.";
    let path = format!("{group}/new-thread");

    let asked = app
        .submit_form(&path, &path, &[("title", "SOS linije"), ("body", body)])
        .await;
    asked.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(asked.body.contains("Tekst sadrži broj telefona."));
    assert!(asked.body.contains("id=\"confirm_personal_data\""));

    let saved = app
        .submit_form(
            &path,
            &path,
            &[
                ("title", "SOS linije"),
                ("body", body),
                ("confirm_personal_data", "yes"),
            ],
        )
        .await;
    saved.assert_status(StatusCode::SEE_OTHER);
    assert_eq!(app.count("SELECT count(*) FROM posts").await, 1);
}

#[tokio::test]
async fn posts_are_markdown_rendered_to_safe_html() {
    let app = TestApp::spawn().await;
    app.sign_in_as("Jelena Stojanović", "jelena@csr.rs", Role::Practitioner)
        .await;
    let group = app
        .open_group("Zaštita dece", Visibility::Public, &[])
        .await;

    let thread = app.start_thread(&group,
        "Protokol",
        "Pročitajte **protokol**: [link](https://example.org/p.pdf)\n\n<script>alert('x')</script>\n\n[klik](javascript:alert(1))",
    )
    .await;
    let page = app.get(&thread).await;

    assert!(page.body.contains("<strong>protokol</strong>"));
    assert!(page.body.contains("rel=\"nofollow ugc noopener\""));
    assert!(!page.body.contains("<script>alert"));
    assert!(!page.body.contains("javascript:alert"));
}

#[tokio::test]
async fn a_group_that_allows_anonymous_posts_is_never_public() {
    let app = TestApp::spawn().await;
    app.sign_in_as("Milica Jovanović", "milica@kolega.rs", Role::Practitioner)
        .await;
    let fields = [
        ("name", "Briga o sebi"),
        ("visibility", "public"),
        ("language", "sr"),
        ("description", "Razgovori o sagorevanju."),
        ("allow_anonymous", "yes"),
    ];

    let refused = app.submit_form("/groups/new", "/groups/new", &fields).await;

    refused.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("id=\"allow_anonymous-error\""));
    assert!(
        refused.body.contains("value=\"Briga o sebi\""),
        "the text is kept"
    );
    assert_eq!(app.count("SELECT count(*) FROM groups").await, 0);

    // Nor can a public group turn anonymous posting on afterwards.
    let public = app
        .open_group("Hraniteljstvo", Visibility::Public, &[])
        .await;
    let settings = format!("{public}/settings");
    let turned_on = app
        .submit_form(
            &settings,
            &settings,
            &[
                ("name", "Hraniteljstvo"),
                ("language", "sr"),
                ("allow_anonymous", "yes"),
            ],
        )
        .await;
    turned_on.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(turned_on.body.contains("id=\"allow_anonymous-error\""));
    assert_eq!(
        app.count("SELECT count(*) FROM groups WHERE allow_anonymous")
            .await,
        0
    );

    // A closed group may allow it; the database holds the rule too.
    app.open_group(
        "Briga o sebi",
        Visibility::Closed,
        &[("allow_anonymous", "yes")],
    )
    .await;
    let forced = sqlx::query("UPDATE groups SET visibility = 'public' WHERE allow_anonymous")
        .execute(&app.pool)
        .await;
    assert!(
        forced.is_err(),
        "the database refuses a public anonymous group"
    );
}

#[tokio::test]
async fn anonymous_posts_hide_the_author_except_from_moderators() {
    let app = TestApp::spawn().await;
    let nikola = app
        .create_member("Nikola Đorđević", "nikola@csr.rs", Role::Practitioner)
        .await;
    let ana = app
        .create_member("Ana Vuković", "ana@csr.rs", Role::Practitioner)
        .await;
    app.sign_in_as("Milica Jovanović", "milica@kolega.rs", Role::Practitioner)
        .await;
    let group = app
        .open_group(
            "Pomoć pomagačima",
            Visibility::Closed,
            &[("allow_anonymous", "yes")],
        )
        .await;
    for member in [&nikola, &ana] {
        app.admit_to_group(&group, "milica@kolega.rs", member).await;
    }
    app.switch_to("nikola@csr.rs").await;
    let path = format!("{group}/new-thread");
    let thread = app
        .submit_form(
            &path,
            &path,
            &[
                ("title", "Osećam se iscrpljeno"),
                ("body", "Posle godinu dana rada u službi..."),
                ("anonymous", "yes"),
            ],
        )
        .await
        .header("location")
        .unwrap()
        .to_owned();

    app.switch_to("ana@csr.rs").await;
    let seen_by_member = app.get(&thread).await;
    assert!(seen_by_member.body.contains("Anonimni kolega"));
    assert!(
        !seen_by_member.body.contains("Nikola"),
        "members never see who wrote it"
    );
    assert!(!app.get(&group).await.body.contains("Nikola"));
    app.clear_cookies();
    assert!(
        !app.get(&thread).await.body.contains("Nikola"),
        "nor do visitors"
    );

    app.switch_to("milica@kolega.rs").await;
    let seen_by_owner = app.get(&thread).await;
    assert!(
        seen_by_owner.body.contains("Nikola Đorđević"),
        "the group's moderators can see the author"
    );
    assert!(seen_by_owner.body.contains("objavljeno anonimno"));
}

#[tokio::test]
async fn replies_unread_markers_and_pages_of_fifty() {
    let app = TestApp::spawn().await;
    app.create_member("Ana Vuković", "ana@csr.rs", Role::Practitioner)
        .await;
    app.sign_in_as("Jelena Stojanović", "jelena@csr.rs", Role::Practitioner)
        .await;
    let group = app
        .open_group("Hraniteljstvo", Visibility::Public, &[])
        .await;
    let thread = app
        .start_thread(&group, "Iskustva hranitelja", "Prva poruka.")
        .await;
    app.switch_to("ana@csr.rs").await;
    app.submit_form(&group, &format!("{group}/join"), &[]).await;
    app.get(&thread).await;
    for n in 2..=55 {
        let body = format!("Odgovor broj {n}.");
        switch_to_if_needed(&app, n).await;
        // At a person's pace (posting is rate-limited, tests/rate_limits.rs).
        app.clock.advance(chrono::Duration::minutes(1));
        let response = app
            .submit_form(&thread, &format!("{thread}/reply"), &[("body", &body)])
            .await;
        assert!(response.status.is_redirection(), "{}", response.body);
    }

    app.switch_to("ana@csr.rs").await;
    let group_page = app.get(&group).await;
    assert!(
        group_page.body.contains("nepročitan"),
        "unread replies are marked"
    );
    let opened = app.get(&thread).await;
    assert!(
        opened.body.contains("Odgovor broj 51.") && !opened.body.contains("Odgovor broj 49."),
        "opens at the first unread page"
    );
    assert!(opened.body.contains("2 / 2"));
    let first_page = app.get(&format!("{thread}?page=1")).await;
    assert!(
        first_page.body.contains("Prva poruka.")
            && first_page.body.contains("Odgovor broj 50.")
            && !first_page.body.contains("Odgovor broj 51.")
    );
    assert!(
        !app.get(&group).await.body.contains("nepročitan"),
        "read now"
    );
}

/// Ana writes the even replies, Jelena the odd ones.
async fn switch_to_if_needed(app: &TestApp, n: i32) {
    let email = if n % 2 == 0 {
        "ana@csr.rs"
    } else {
        "jelena@csr.rs"
    };
    app.switch_to(email).await;
}

#[tokio::test]
async fn a_deleted_members_posts_stay_as_a_former_member() {
    let app = TestApp::spawn().await;
    app.sign_in_as("Jelena Stojanović", "jelena@csr.rs", Role::Practitioner)
        .await;
    let group = app
        .open_group("Hraniteljstvo", Visibility::Public, &[])
        .await;
    let thread = app
        .start_thread(&group, "Iskustva", "Moje iskustvo sa hraniteljima.")
        .await;

    app.submit_form("/settings", "/settings/delete", &[("password", PASSWORD)])
        .await;

    let page = app.get(&thread).await;
    assert!(page.body.contains("Moje iskustvo sa hraniteljima."));
    assert!(page.body.contains("Bivši član"));
    assert!(!page.body.contains("Jelena"));
}

#[tokio::test]
async fn group_moderators_approve_or_decline_requests_and_the_requester_is_emailed() {
    let app = TestApp::spawn().await;
    app.create_member("Marko Ilić", "marko@fpn.rs", Role::Student)
        .await;
    app.create_member("Sara Nikolić", "sara@fpn.rs", Role::Student)
        .await;
    app.sign_in_as("Ana Vuković", "ana@csr.rs", Role::Practitioner)
        .await;
    let group = app
        .open_group("Nasilje u porodici — praksa CSR", Visibility::Closed, &[])
        .await;
    for email in ["marko@fpn.rs", "sara@fpn.rs"] {
        app.switch_to(email).await;
        app.submit_form(
            &group,
            &format!("{group}/request"),
            &[("message", "Radim na praksi u CSR.")],
        )
        .await;
    }
    app.switch_to("marko@fpn.rs").await;
    let token = app.csrf_token().unwrap();
    app.post_form(
        &format!("{group}/members/sara-nikolic/approve"),
        &[("csrf_token", &token)],
    )
    .await
    .assert_status(StatusCode::FORBIDDEN);

    app.switch_to("ana@csr.rs").await;
    let members = app.get(&format!("{group}/members")).await;
    assert!(
        members.body.contains("Radim na praksi u CSR."),
        "moderators see the requests with their messages"
    );
    app.submit_form(
        &format!("{group}/members"),
        &format!("{group}/members/marko-ilic/approve"),
        &[],
    )
    .await;
    app.submit_form(
        &format!("{group}/members"),
        &format!("{group}/members/sara-nikolic/decline"),
        &[],
    )
    .await;

    let mail = app.deliver_mail().await;
    let to_marko = mail.iter().find(|m| m.to == "marko@fpn.rs").unwrap();
    assert_eq!(
        to_marko.subject,
        "Primljeni ste u grupu „Nasilje u porodici — praksa CSR”"
    );
    let to_sara = mail.iter().find(|m| m.to == "sara@fpn.rs").unwrap();
    assert_eq!(
        to_sara.subject,
        "Vaš zahtev za grupu „Nasilje u porodici — praksa CSR”"
    );
    app.switch_to("marko@fpn.rs").await;
    assert!(app.get(&group).await.body.contains("/new-thread"));
    app.switch_to("sara@fpn.rs").await;
    assert!(!app.get(&group).await.body.contains("/new-thread"));
}

#[tokio::test]
async fn a_secret_group_is_joined_by_invitation_and_bans_stick() {
    let app = TestApp::spawn().await;
    let (milica, nikola) = (
        app.member(Role::Practitioner).await,
        app.member(Role::Practitioner).await,
    );
    let group = milica
        .open_group("Supervizija — tim Niš", Visibility::Secret, &[])
        .await;
    let members = format!("{group}/members");

    let invited = milica
        .submit_form(
            &members,
            &format!("{members}/invite"),
            &[("who", &format!("@{}", nikola.handle))],
        )
        .await;
    invited.assert_redirect_to(&members);
    let nobody = milica
        .submit_form(
            &members,
            &format!("{members}/invite"),
            &[("who", "niko@nigde.rs")],
        )
        .await;
    nobody.assert_redirect_to(&members);
    let mail = app.deliver_mail().await;
    assert_eq!(mail.len(), 1);
    assert_eq!(mail[0].to, nikola.email);
    assert_eq!(mail[0].subject, "Poziv u grupu „Supervizija — tim Niš”");

    assert!(
        nikola
            .get("/groups")
            .await
            .body
            .contains("Supervizija — tim Niš"),
        "an invitee sees the group"
    );
    nikola
        .submit_form(&group, &format!("{group}/join"), &[])
        .await
        .assert_redirect_to(&group);
    assert!(nikola.get(&group).await.body.contains("/new-thread"));

    milica
        .submit_form(&members, &format!("{members}/{}/ban", nikola.handle), &[])
        .await
        .assert_redirect_to(&members);
    let banned: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM group_members WHERE user_id = $1 AND status = 'banned'",
    )
    .bind(nikola.user_id)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(banned, 1);
    nikola
        .get(&group)
        .await
        .assert_status(StatusCode::NOT_FOUND);
    let token = nikola.csrf_token().unwrap();
    nikola
        .post_form(&format!("{group}/join"), &[("csrf_token", &token)])
        .await
        .assert_status(StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_teacher_regenerates_or_disables_the_class_code() {
    let app = TestApp::spawn().await;
    app.sign_in_as("prof. Dragana Petrović", "dragana@fpn.rs", Role::Teacher)
        .await;
    let group = app
        .open_group(
            "Metode socijalnog rada",
            Visibility::Closed,
            &[("class_group", "yes")],
        )
        .await;
    let code_of = |body: &str| {
        body.split("<code>")
            .nth(1)
            .map(|rest| rest.chars().take(8).collect::<String>())
    };
    let first = code_of(&app.get(&group).await.body).unwrap();

    app.submit_form(
        &format!("{group}/members"),
        &format!("{group}/members/code"),
        &[("action", "regenerate")],
    )
    .await;
    let second = code_of(&app.get(&group).await.body).unwrap();
    assert_ne!(first, second);
    app.submit_form(
        &format!("{group}/members"),
        &format!("{group}/members/code"),
        &[("action", "disable")],
    )
    .await;
    assert_eq!(code_of(&app.get(&group).await.body), None);

    app.create_member("Sara Nikolić", "sara@fpn.rs", Role::Student)
        .await;
    app.switch_to("sara@fpn.rs").await;
    app.submit_form("/groups/join", "/groups/join", &[("code", &second)])
        .await
        .assert_status(StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn authors_edit_and_delete_their_posts_and_moderators_see_earlier_versions() {
    let app = TestApp::spawn().await;
    app.create_member("Ana Vuković", "ana@csr.rs", Role::Practitioner)
        .await;
    app.sign_in_as("Jelena Stojanović", "jelena@csr.rs", Role::Practitioner)
        .await;
    let group = app
        .open_group("Hraniteljstvo", Visibility::Public, &[])
        .await;
    app.switch_to("ana@csr.rs").await;
    app.submit_form(&group, &format!("{group}/join"), &[]).await;
    let thread = app
        .start_thread(&group, "Pitanje", "Prva verzija teksta.")
        .await;

    let page = app.get(&thread).await;
    let edit = link_ending(&page.body, "edit");
    let saved = app
        .submit_form(&edit, &edit, &[("body", "Ispravljena verzija teksta.")])
        .await;
    assert!(saved.status.is_redirection());
    let edited = app.get(&thread).await;
    assert!(
        edited.body.contains("Ispravljena verzija teksta.")
            && !edited.body.contains("Prva verzija")
    );
    assert!(edited.body.contains("izmenjeno"));

    app.switch_to("jelena@csr.rs").await;
    let others = app.get(&thread).await;
    assert!(!others.body.contains("/edit\""), "only the author edits");
    app.get(&edit).await.assert_status(StatusCode::FORBIDDEN);
    let history = app.get(&link_ending(&others.body, "history")).await;
    assert!(
        history.body.contains("Prva verzija teksta."),
        "the owner (a group moderator) sees the earlier version"
    );

    app.switch_to("ana@csr.rs").await;
    app.get(&link_ending(&others.body, "history"))
        .await
        .assert_status(StatusCode::FORBIDDEN);
    let delete = link_ending(&app.get(&thread).await.body, "delete");
    app.submit_form(&thread, &delete, &[]).await;
    let after = app.get(&thread).await;
    assert!(after.body.contains("Autor je obrisao ovu poruku."));
    assert!(!after.body.contains("Ispravljena verzija teksta."));
}

#[tokio::test]
async fn a_reply_can_quote_a_post() {
    let app = TestApp::spawn().await;
    app.sign_in_as("Jelena Stojanović", "jelena@csr.rs", Role::Practitioner)
        .await;
    let group = app
        .open_group("Hraniteljstvo", Visibility::Public, &[])
        .await;
    let thread = app
        .start_thread(&group, "Pitanje", "Kako pripremate decu za susret?")
        .await;

    let page = app.get(&thread).await;
    let quote_link = crate::common::html::unescape(
        page.body
            .split("quote=")
            .nth(1)
            .map(|rest| rest.split('#').next().unwrap())
            .unwrap(),
    );
    let with_quote = app
        .get(&format!("{thread}?page=1&quote={quote_link}"))
        .await;

    let textarea =
        crate::common::html::unescape(with_quote.body.split("id=\"body\"").nth(1).unwrap());
    assert!(
        textarea.contains("> Kako pripremate decu za susret?"),
        "the reply starts with the quotation"
    );
}

#[tokio::test]
async fn moderators_pin_lock_and_move_threads() {
    let app = TestApp::spawn().await;
    app.create_member("Ana Vuković", "ana@csr.rs", Role::Practitioner)
        .await;
    app.sign_in_as("Jelena Stojanović", "jelena@csr.rs", Role::Practitioner)
        .await;
    let group = app
        .open_group("Hraniteljstvo", Visibility::Public, &[])
        .await;
    let other = app
        .open_group("Zaštita dece", Visibility::Public, &[])
        .await;
    let first = app.start_thread(&group, "Starija tema", "Tekst.").await;
    let _second = app.start_thread(&group, "Novija tema", "Tekst.").await;

    app.submit_form(&first, &format!("{first}/moderate"), &[("action", "pin")])
        .await;
    let list = app.get(&group).await.body;
    assert!(
        list.find("Starija tema").unwrap() < list.find("Novija tema").unwrap(),
        "pinned threads come first"
    );
    app.submit_form(&first, &format!("{first}/moderate"), &[("action", "lock")])
        .await;

    app.switch_to("ana@csr.rs").await;
    app.submit_form(&group, &format!("{group}/join"), &[]).await;
    let locked = app.get(&first).await;
    assert!(locked.body.contains("Tema je zaključana"));
    assert!(
        !locked.body.contains("/reply\""),
        "no reply form on a locked thread"
    );
    let token = app.csrf_token().unwrap();
    app.post_form(
        &format!("{first}/reply"),
        &[("csrf_token", &token), ("body", "Ipak odgovaram")],
    )
    .await
    .assert_status(StatusCode::FORBIDDEN);
    app.post_form(
        &format!("{first}/moderate"),
        &[("csrf_token", &token), ("action", "unlock")],
    )
    .await
    .assert_status(StatusCode::FORBIDDEN);

    app.switch_to("jelena@csr.rs").await;
    let other_slug = other.trim_start_matches("/groups/");
    let moved = app
        .submit_form(
            &first,
            &format!("{first}/moderate"),
            &[("action", "move"), ("target", other_slug)],
        )
        .await;
    let new_location = moved.header("location").unwrap().to_owned();
    assert!(new_location.starts_with(&other));
    assert!(app.get(&new_location).await.body.contains("Starija tema"));
    app.get(&first).await.assert_status(StatusCode::NOT_FOUND);
    assert_eq!(
        app.count("SELECT thread_count::bigint FROM groups WHERE slug = 'zastita-dece'")
            .await,
        1
    );
}

#[tokio::test]
async fn a_groups_threads_come_in_pages_with_pinned_first() {
    let app = TestApp::spawn().await;
    app.sign_in_as("Jelena Stojanović", "jelena@csr.rs", Role::Practitioner)
        .await;
    let group = app
        .open_group("Hraniteljstvo", Visibility::Public, &[])
        .await;
    let mut threads = Vec::new();
    for n in 0..33 {
        threads.push(
            app.start_thread(&group, &format!("Tema broj {n:02}"), "Tekst.")
                .await,
        );
        app.clock.advance(chrono::Duration::minutes(1));
    }
    app.submit_form(
        &threads[0],
        &format!("{}/moderate", threads[0]),
        &[("action", "pin")],
    )
    .await;

    let first = app.get(&group).await;
    let next = crate::common::html::unescape(
        first
            .body
            .split("rel=\"next\"")
            .next()
            .unwrap()
            .rsplit("href=\"")
            .next()
            .unwrap()
            .split('"')
            .next()
            .unwrap(),
    );
    let second = app.get(&next).await;

    assert_eq!(first.body.matches("Tema broj").count(), 30);
    assert!(
        first.body.find("Tema broj 00").unwrap() < first.body.find("Tema broj 32").unwrap(),
        "the pinned thread leads"
    );
    assert!(first.body.contains("Tema broj 04") && !first.body.contains("Tema broj 03"));
    assert_eq!(second.body.matches("Tema broj").count(), 3);
    assert!(
        second.body.contains("Tema broj 01")
            && second.body.contains("Tema broj 03")
            && !second.body.contains("Tema broj 00")
    );
    assert!(!second.body.contains("rel=\"next\""));
}

#[tokio::test]
async fn groups_of_one_name_opened_at_the_same_moment_all_open_with_their_own_address() {
    let app = TestApp::spawn().await;
    app.sign_in_as("Jelena Stojanović", "jelena@csr.rs", Role::Practitioner)
        .await;
    let page = app.get("/groups/new").await;
    let fields: Vec<(String, String)> = [
        ("name", "Intervizija"),
        ("visibility", "public"),
        ("language", "sr"),
        ("description", "Opis."),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    assert_eq!(page.status, StatusCode::OK);
    let opened = futures_like_join(
        (0..8)
            .map(|_| app.post_fields("/groups/new", &fields))
            .collect(),
    )
    .await;
    let mut places: Vec<String> = opened
        .iter()
        .map(|r| {
            assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
            r.header("location").unwrap().to_owned()
        })
        .collect();
    places.sort();
    places.dedup();
    assert_eq!(places.len(), 8, "{places:?}");
}

/// Runs the requests at the same time (no extra dependency for join_all).
async fn futures_like_join<F: std::future::Future>(futures: Vec<F>) -> Vec<F::Output> {
    let mut pinned: Vec<std::pin::Pin<Box<F>>> = futures.into_iter().map(Box::pin).collect();
    let mut outputs: Vec<Option<F::Output>> = pinned.iter().map(|_| None).collect();
    std::future::poll_fn(|cx| {
        let mut pending = false;
        for (future, output) in pinned.iter_mut().zip(outputs.iter_mut()) {
            if output.is_none() {
                match future.as_mut().poll(cx) {
                    std::task::Poll::Ready(value) => *output = Some(value),
                    std::task::Poll::Pending => pending = true,
                }
            }
        }
        if pending {
            std::task::Poll::Pending
        } else {
            std::task::Poll::Ready(())
        }
    })
    .await;
    outputs.into_iter().map(Option::unwrap).collect()
}

/// A request to join is decided once: `groups::join_requests::decide` over
/// a transaction lets the member in and tells her; a second moderator's
/// decision on the same request changes nothing and mails nobody.
#[tokio::test]
async fn a_join_request_is_decided_once() {
    use kolega::groups::{join_requests, store};
    let app = TestApp::spawn().await;
    let (owner, asking) = (
        app.member(Role::Practitioner).await,
        app.member(Role::Student).await,
    );
    let group = owner
        .open_group("Hraniteljstvo — Kragujevac", Visibility::Closed, &[])
        .await;
    asking
        .submit_form(&group, &format!("{group}/request"), &[])
        .await
        .assert_redirect_to(&group);
    let slug = group.trim_start_matches("/groups/");
    let found = store::find_group(&app.pool, slug, Some(owner.user_id))
        .await
        .unwrap()
        .unwrap();
    let request = store::group_member(&app.pool, found.group_id, &asking.handle)
        .await
        .unwrap()
        .unwrap();
    let decide = |approved| {
        let (app, found, request) = (&app, &found, &request);
        async move {
            let mut tx = app.pool.begin().await.unwrap();
            let base_url = &app.state.config.base_url;
            let now = app.clock.now();
            let decided = join_requests::decide(&mut tx, base_url, found, request, approved, now)
                .await
                .unwrap();
            tx.commit().await.unwrap();
            decided
        }
    };

    assert!(decide(true).await, "the first decision is taken");
    assert!(!decide(false).await, "the second finds no request");
    assert!(
        asking.get(&group).await.body.contains("/new-thread"),
        "she is in"
    );
    assert_eq!(
        app.count("SELECT member_count::bigint FROM groups").await,
        2,
        "counted once"
    );
    let mail = app.deliver_mail().await;
    let to_her: Vec<_> = mail.iter().filter(|m| m.to == asking.email).collect();
    assert_eq!(to_her.len(), 1, "told once: {mail:?}");
}
