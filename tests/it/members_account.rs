//! Members: settings, profiles, the directory, administration, approval,
//! data export, deletion and "who's online".

use crate::common::TestApp;
use crate::common::members::PASSWORD;
use axum::http::StatusCode;
use kolega::groups::vocabulary::Visibility;
use kolega::members::Role;
use kolega::members::store::Background;

fn background(profession: &str, country: &str, city: &str, institution: &str) -> Background {
    Background {
        profession: profession.into(),
        country: country.into(),
        city: city.into(),
        institution: institution.into(),
    }
}

#[tokio::test]
async fn a_member_edits_the_profile_and_colleagues_see_it() {
    let app = TestApp::spawn().await;
    let jelena = app
        .sign_in_as(
            "Jelena Stojanović",
            "jelena@csr-vranje.rs",
            Role::Practitioner,
        )
        .await;

    let invalid = app
        .submit_form(
            "/settings",
            "/settings/profile",
            &[
                ("name", ""),
                ("bio", "Radim sa hraniteljskim porodicama."),
                ("city", "Vranje"),
            ],
        )
        .await;
    invalid.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        invalid
            .body
            .contains("id=\"name-error\">Upišite ime i prezime.")
    );
    assert!(
        invalid.body.contains("Radim sa hraniteljskim porodicama."),
        "the bio is kept"
    );

    let saved = app
        .submit_form(
            "/settings",
            "/settings/profile",
            &[
                ("name", "Jelena Stojanović"),
                ("bio", "Radim sa hraniteljskim porodicama."),
                ("expertise", "hraniteljstvo, zaštita dece"),
                ("institution", "Centar za socijalni rad Vranje"),
                ("city", "Vranje"),
                ("country", "RS"),
                ("locale", "sr-Latn"),
                ("listed_in_directory", "yes"),
            ],
        )
        .await;
    saved.assert_redirect_to("/settings");
    assert!(
        app.get("/settings")
            .await
            .body
            .contains("Podešavanja su sačuvana.")
    );

    app.clear_cookies();
    app.sign_in_as("Marko Ilić", "marko@fpn.bg.ac.rs", Role::Student)
        .await;
    let profile = app.get(&format!("/members/{}", jelena.handle)).await;
    profile.assert_status(StatusCode::OK);
    assert_eq!(profile.h1(), "Jelena Stojanović");
    for text in [
        "Centar za socijalni rad Vranje",
        "Vranje, Srbija",
        "hraniteljstvo",
        "zaštita dece",
        "Radim sa hraniteljskim porodicama.",
    ] {
        assert!(profile.body.contains(text), "the profile shows {text}");
    }
}

#[tokio::test]
async fn profiles_and_the_directory_are_for_signed_in_members_only() {
    let app = TestApp::spawn().await;
    let jelena = app
        .create_member(
            "Jelena Stojanović",
            "jelena@csr-vranje.rs",
            Role::Practitioner,
        )
        .await;

    app.get(&format!("/members/{}", jelena.handle))
        .await
        .assert_redirect_to(&format!("/login?next=%2Fmembers%2F{}", jelena.handle));
    app.get("/members?q=jelena")
        .await
        .assert_redirect_to("/login?next=%2Fmembers%3Fq%3Djelena");
    app.get("/settings")
        .await
        .assert_redirect_to("/login?next=%2Fsettings");
}

#[tokio::test]
async fn the_directory_finds_colleagues_whatever_the_script_or_diacritics() {
    let app = TestApp::spawn().await;
    app.create_member_with(
        "Milan Petrović",
        "milan@csr-cacak.rs",
        Role::Practitioner,
        background(
            "practitioner",
            "RS",
            "Čačak",
            "Centar za socijalni rad Čačak",
        ),
    )
    .await;
    app.create_member_with(
        "Vesna Kovač",
        "vesna@fpn.rs",
        Role::Teacher,
        background("teacher", "ME", "Podgorica", "Univerzitet Crne Gore"),
    )
    .await;
    app.create_member_with(
        "Sara Nikolić",
        "sara@fpn.rs",
        Role::Student,
        background("student", "RS", "Beograd", "Fakultet političkih nauka"),
    )
    .await;
    app.sign_in_as("Ana Vuković", "ana@csr-nis.rs", Role::Practitioner)
        .await;

    for query in [
        "Cacak",
        "%D0%A7%D0%B0%D1%87%D0%B0%D0%BA",
        "čačak",
        "socijalni+rad+cacak",
    ] {
        let page = app.get(&format!("/members?q={query}")).await;
        page.assert_status(StatusCode::OK);
        assert!(page.body.contains("Milan Petrović"), "{query} finds Čačak");
        assert!(!page.body.contains("Vesna Kovač"), "{query}");
    }
    let teachers = app.get("/members?role=teacher").await;
    assert!(teachers.body.contains("Vesna Kovač") && !teachers.body.contains("Sara Nikolić"));
    let montenegro = app.get("/members?country=ME").await;
    assert!(montenegro.body.contains("Vesna Kovač") && !montenegro.body.contains("Milan Petrović"));
    let nobody = app.get("/members?q=nepostojece").await;
    assert!(
        nobody
            .body
            .contains("Nema kolega koji odgovaraju pretrazi.")
    );
}

#[tokio::test]
async fn the_directory_is_paginated_and_respects_the_listing_choice() {
    let app = TestApp::spawn().await;
    for n in 0..23 {
        app.create_member(
            &format!("Kolega {n:02}"),
            &format!("kolega{n}@primer.rs"),
            Role::Practitioner,
        )
        .await;
    }
    sqlx::query("UPDATE users SET listed_in_directory = false WHERE email = 'kolega5@primer.rs'")
        .execute(&app.pool)
        .await
        .unwrap();
    app.sign_in_as("Ana Vuković", "ana@csr-nis.rs", Role::Practitioner)
        .await;

    let first = app.get("/members?q=kolega").await;
    let next = first
        .body
        .split("rel=\"next\"")
        .next()
        .unwrap()
        .rsplit("href=\"")
        .next()
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    let next = crate::common::html::unescape(next);
    let second = app.get(&next).await;

    assert_eq!(first.body.matches("class=\"card\"").count(), 20);
    assert!(first.body.contains("Kolega 00") && !first.body.contains("Kolega 21"));
    assert!(
        second.body.contains("Kolega 21")
            && second.body.contains("Kolega 22")
            && !second.body.contains("Kolega 00")
    );
    assert!(
        !first.body.contains("Kolega 05") && !second.body.contains("Kolega 05"),
        "unlisted members are not shown"
    );
    assert!(!second.body.contains("rel=\"next\""));
}

#[tokio::test]
async fn changing_the_email_address_takes_effect_after_confirmation() {
    let app = TestApp::spawn().await;
    app.sign_in_as("Ana Vuković", "ana@csr-nis.rs", Role::Practitioner)
        .await;

    let wrong = app
        .submit_form(
            "/settings",
            "/settings/email",
            &[
                ("new_email", "ana.vukovic@udruzenje.rs"),
                ("password", "nije-to-lozinka"),
            ],
        )
        .await;
    wrong.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        wrong
            .body
            .contains("id=\"email_password-error\">Lozinka nije tačna.")
    );
    assert!(wrong.body.contains("value=\"ana.vukovic@udruzenje.rs\""));

    let sent = app
        .submit_form(
            "/settings",
            "/settings/email",
            &[
                ("new_email", "Ana.Vukovic@udruzenje.rs"),
                ("password", PASSWORD),
            ],
        )
        .await;
    sent.assert_redirect_to("/settings");
    assert_eq!(
        app.count("SELECT count(*) FROM users WHERE email = 'ana@csr-nis.rs'")
            .await,
        1,
        "the old address stays until confirmed"
    );
    let mail = app.deliver_mail().await;
    let confirmation = mail
        .iter()
        .find(|m| m.to == "ana.vukovic@udruzenje.rs")
        .expect("the link goes to the new address");
    let link = confirmation
        .link_starting_with("http://kolega.test/verify/")
        .unwrap()
        .replace("http://kolega.test", "");
    assert_eq!(app.get(&link).await.h1(), "Adresa je potvrđena");
    app.clear_cookies();
    app.sign_in("ana.vukovic@udruzenje.rs", PASSWORD)
        .await
        .assert_redirect_to("/");
}

#[tokio::test]
async fn changing_the_password_needs_the_current_one_and_ends_other_sessions() {
    let app = TestApp::spawn().await;
    app.create_member("Ana Vuković", "ana@csr-nis.rs", Role::Practitioner)
        .await;
    app.sign_in("ana@csr-nis.rs", PASSWORD).await;
    app.clear_cookies();
    app.sign_in("ana@csr-nis.rs", PASSWORD).await;
    assert_eq!(app.count("SELECT count(*) FROM sessions").await, 2);

    let wrong = app
        .submit_form(
            "/settings",
            "/settings/password",
            &[
                ("current_password", "pogresna-lozinka"),
                ("new_password", "nova-duga-lozinka-42"),
            ],
        )
        .await;
    wrong.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(wrong.body.contains("id=\"current_password-error\""));
    let changed = app
        .submit_form(
            "/settings",
            "/settings/password",
            &[
                ("current_password", PASSWORD),
                ("new_password", "nova-duga-lozinka-42"),
            ],
        )
        .await;

    changed.assert_redirect_to("/settings");
    assert_eq!(
        app.count("SELECT count(*) FROM sessions").await,
        1,
        "only this device stays signed in"
    );
    assert!(app.get("/").await.body.contains("Ana Vuković"));
}

#[tokio::test]
async fn signing_out_everywhere_ends_every_session() {
    let app = TestApp::spawn().await;
    app.create_member("Ana Vuković", "ana@csr-nis.rs", Role::Practitioner)
        .await;
    app.sign_in("ana@csr-nis.rs", PASSWORD).await;
    app.clear_cookies();
    app.sign_in("ana@csr-nis.rs", PASSWORD).await;

    let response = app
        .submit_form("/settings", "/settings/sessions", &[])
        .await;

    response.assert_redirect_to("/login");
    assert_eq!(app.count("SELECT count(*) FROM sessions").await, 0);
}

#[tokio::test]
async fn the_data_download_holds_the_account_but_no_secrets() {
    let app = TestApp::spawn().await;
    app.sign_in_as("Ana Vuković", "ana@csr-nis.rs", Role::Practitioner)
        .await;

    let download = app.download_data().await;

    let data = &download.data;
    assert_eq!(data["account"]["email"], "ana@csr-nis.rs");
    assert_eq!(data["account"]["name"], "Ana Vuković");
    assert_eq!(data["sessions"].as_array().unwrap().len(), 1);
    let everything = format!("{}{}", data, download.html);
    assert!(!everything.contains("argon2"), "no password hash");
    assert!(!everything.contains("session_hash"), "no session tokens");
}

#[tokio::test]
async fn deleting_the_account_erases_personal_data() {
    let app = TestApp::spawn().await;
    let ana = app
        .sign_in_as("Ana Vuković", "ana@csr-nis.rs", Role::Practitioner)
        .await;

    let wrong = app
        .submit_form(
            "/settings",
            "/settings/delete",
            &[("password", "nije-to-lozinka")],
        )
        .await;
    wrong.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(wrong.body.contains("id=\"delete_password-error\""));
    let deleted = app
        .submit_form("/settings", "/settings/delete", &[("password", PASSWORD)])
        .await;

    deleted.assert_redirect_to("/");
    assert!(app.get("/").await.body.contains("Vaš nalog je obrisan."));
    let (name, email): (String, String) = sqlx::query_as("SELECT name, email FROM users")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(name, "");
    assert!(email.ends_with("@deleted.invalid"));
    assert_eq!(
        app.count("SELECT count(*) FROM users WHERE bio <> '' OR institution <> '' OR city <> ''")
            .await,
        0
    );
    assert_eq!(app.count("SELECT count(*) FROM sessions").await, 0);
    app.sign_in("ana@csr-nis.rs", PASSWORD)
        .await
        .assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    app.sign_in_as("Marko Ilić", "marko@fpn.rs", Role::Student)
        .await;
    app.get(&format!("/members/{}", ana.handle))
        .await
        .assert_status(StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn only_administrators_administer_members() {
    let app = TestApp::spawn().await;
    let ana = app
        .sign_in_as("Ana Vuković", "ana@csr-nis.rs", Role::Practitioner)
        .await;

    app.get("/admin/members")
        .await
        .assert_status(StatusCode::FORBIDDEN);
    let attempt = app.submit_form("/settings", "/settings/profile", &[]).await; // any page with a token
    assert!(attempt.status.is_client_error() || attempt.status.is_redirection());
    let token = app.csrf_token().unwrap();
    let forged = app
        .post_form(
            &format!("/admin/members/{}/role", ana.handle),
            &[("csrf_token", &token), ("role", "admin")],
        )
        .await;
    forged.assert_status(StatusCode::FORBIDDEN);
    assert_eq!(
        app.count("SELECT count(*) FROM users WHERE role = 'admin'")
            .await,
        0
    );
}

#[tokio::test]
async fn an_admin_changes_roles_but_the_last_admin_cannot_step_down() {
    let app = TestApp::spawn().await;
    let milica = app
        .create_member("Milica Jovanović", "milica@kolega.rs", Role::Practitioner)
        .await;
    let admin = app
        .sign_in_as("Admin Kolega", "admin@kolega.rs", Role::Admin)
        .await;

    let promoted = app
        .submit_form(
            "/admin/members",
            &format!("/admin/members/{}/role", milica.handle),
            &[("role", "moderator")],
        )
        .await;
    promoted.assert_redirect_to("/admin/members");
    assert_eq!(
        app.count("SELECT count(*) FROM users WHERE role = 'moderator'")
            .await,
        1
    );

    let step_down = app
        .submit_form(
            "/admin/members",
            &format!("/admin/members/{}/role", admin.handle),
            &[("role", "practitioner")],
        )
        .await;
    step_down.assert_redirect_to("/admin/members");
    assert!(
        app.get("/admin/members")
            .await
            .body
            .contains("Poslednji administrator ne može da izgubi ulogu administratora.")
    );
    assert_eq!(
        app.count("SELECT count(*) FROM users WHERE role = 'admin'")
            .await,
        1
    );
    // Nor can the only administrator delete her account (the same rule).
    let deleting = app
        .submit_form("/settings", "/settings/delete", &[("password", PASSWORD)])
        .await;
    deleting.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(deleting.body.contains("Vi ste jedini administrator."));
    assert_eq!(
        app.count("SELECT count(*) FROM users WHERE deleted_at IS NOT NULL")
            .await,
        0
    );

    app.submit_form(
        "/admin/members",
        &format!("/admin/members/{}/role", milica.handle),
        &[("role", "admin")],
    )
    .await;
    app.submit_form(
        "/admin/members",
        &format!("/admin/members/{}/role", admin.handle),
        &[("role", "practitioner")],
    )
    .await;
    assert_eq!(
        app.count("SELECT count(*) FROM users WHERE role = 'admin' AND email = 'milica@kolega.rs'")
            .await,
        1
    );
}

#[tokio::test]
async fn blocking_ends_the_sessions_at_once_and_refuses_sign_in() {
    let app = TestApp::spawn().await;
    let nikola = app
        .create_member("Nikola Đorđević", "nikola@csr-nis.rs", Role::Practitioner)
        .await;
    app.sign_in("nikola@csr-nis.rs", PASSWORD).await;
    let nikolas_session = app.cookie("kolega_session").unwrap();
    app.clear_cookies();
    app.sign_in_as("Admin Kolega", "admin@kolega.rs", Role::Admin)
        .await;

    app.submit_form(
        "/admin/members",
        &format!("/admin/members/{}/block", nikola.handle),
        &[],
    )
    .await
    .assert_redirect_to("/admin/members");

    app.clear_cookies();
    app.set_cookie("kolega_session", &nikolas_session);
    assert!(
        !app.get("/").await.body.contains("Nikola Đorđević"),
        "the blocked member's session is over"
    );
    let refused = app.sign_in("nikola@csr-nis.rs", PASSWORD).await;
    refused.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("Ovaj nalog je blokiran."));

    app.clear_cookies();
    app.sign_in("admin@kolega.rs", PASSWORD).await;
    let blocked_list = app.get("/admin/members?status=blocked").await;
    assert!(blocked_list.body.contains("Nikola Đorđević"));
    app.submit_form(
        "/admin/members",
        &format!("/admin/members/{}/unblock", nikola.handle),
        &[],
    )
    .await;
    app.clear_cookies();
    app.sign_in("nikola@csr-nis.rs", PASSWORD)
        .await
        .assert_redirect_to("/");
}

#[tokio::test]
async fn with_approval_required_new_members_wait_for_a_moderator_and_hear_the_decision() {
    let app = TestApp::spawn().await;
    app.sign_in_as("Admin Kolega", "admin@kolega.rs", Role::Admin)
        .await;
    app.submit_form(
        "/admin/members",
        "/admin/settings",
        &[("require_approval", "yes")],
    )
    .await;
    app.create_member("Milica Jovanović", "milica@kolega.rs", Role::Moderator)
        .await;
    app.clear_cookies();
    let join = |email: &'static str, name: &'static str| {
        vec![
            ("name", name),
            ("email", email),
            ("password", "zelena-livada-u-maju"),
            ("profession", "practitioner"),
            ("country", "RS"),
            ("city", "Šid"),
            ("institution", "Udruženje Sunce"),
            ("accept_guidelines", "yes"),
            ("accept_safeguarding", "yes"),
        ]
    };
    app.submit_form(
        "/register",
        "/register",
        &join("petar@sunce.rs", "Petar Perić"),
    )
    .await;
    app.submit_form(
        "/register",
        "/register",
        &join("laza@spam.example", "Laza Lazić"),
    )
    .await;
    for mail in app.deliver_mail().await {
        let link = mail
            .link_starting_with("http://kolega.test/verify/")
            .unwrap()
            .replace("http://kolega.test", "");
        assert!(
            app.get(&link)
                .await
                .body
                .contains("Moderatori će pregledati vaš zahtev")
        );
    }
    assert_eq!(
        app.count("SELECT count(*) FROM users WHERE approval = 'pending'")
            .await,
        2
    );

    app.clear_cookies();
    app.sign_in("milica@kolega.rs", PASSWORD).await;
    let queue = app.get("/admin/members").await;
    assert!(queue.body.contains("Petar Perić") && queue.body.contains("Laza Lazić"));
    assert!(
        !queue.body.contains("/block\""),
        "moderators only review applications"
    );
    let petar = "petar-peric";
    let laza = "laza-lazic";
    app.submit_form(
        "/admin/members",
        &format!("/admin/members/{petar}/approve"),
        &[],
    )
    .await
    .assert_redirect_to("/admin/members");
    app.submit_form(
        "/admin/members",
        &format!("/admin/members/{laza}/decline"),
        &[],
    )
    .await
    .assert_redirect_to("/admin/members");

    let decisions = app.deliver_mail().await;
    let approved = decisions
        .iter()
        .find(|m| m.to == "petar@sunce.rs" && m.subject.contains("odobreno"))
        .expect("approval e-mail");
    assert!(approved.text.contains("Dobro došli"));
    assert!(decisions.iter().any(|m| m.to == "laza@spam.example" && m.subject == "Vaš zahtev za članstvo na Kolegi"));
    app.clear_cookies();
    app.sign_in("petar@sunce.rs", "zelena-livada-u-maju")
        .await
        .assert_redirect_to("/");
    app.clear_cookies();
    let declined = app
        .sign_in("laza@spam.example", "zelena-livada-u-maju")
        .await;
    assert!(declined.body.contains("nije odobren"));
}

#[tokio::test]
async fn the_footer_counts_members_and_guests_online() {
    let app = TestApp::spawn().await;
    app.get("/").await; // a first visit: no cookie yet, not counted
    app.get("/").await; // a returning guest
    app.clear_cookies();
    app.sign_in_as("Ana Vuković", "ana@csr-nis.rs", Role::Practitioner)
        .await;
    app.state.presence.invalidate();

    let page = app.get("/about").await;

    assert!(
        page.body.contains("Na mreži: 1 član i 1 gost"),
        "{}",
        page.body
    );
    app.clock.advance(chrono::Duration::minutes(6));
    app.state.presence.invalidate();
    app.clear_cookies();
    let later = app.get("/about").await;
    assert!(
        later.body.contains("Na mreži: 0 članova i 0 gostiju"),
        "activity older than five minutes is not counted"
    );
}

/// "Who's here" names only colleagues who chose to be shown; everyone else
/// is a number. Visitors see neither the list nor the link to it.
#[tokio::test]
async fn who_is_here_lists_only_members_who_chose_to_be_shown() {
    let app = TestApp::spawn().await;
    let shown = app
        .create_member("Milena Đorđević", "milena@csr-nis.rs", Role::Practitioner)
        .await;
    let hidden = app
        .create_member("Bojan Ilić", "bojan@csr-nis.rs", Role::Practitioner)
        .await;
    app.sign_in_as("Ana Vuković", "ana@csr-nis.rs", Role::Practitioner)
        .await;
    // Milena turns the choice on in her settings; Bojan leaves it off.
    app.switch_to(&shown.email).await;
    let settings = app.get("/settings").await.body;
    assert!(
        settings.contains("name=\"shown_online\"")
            && !settings.contains("name=\"shown_online\" value=\"yes\" checked")
    );
    app.submit_form(
        "/settings",
        "/settings/profile",
        &[
            ("name", "Milena Đorđević"),
            ("country", "RS"),
            ("locale", "sr-Latn"),
            ("listed_in_directory", "yes"),
            ("shown_online", "yes"),
        ],
    )
    .await
    .assert_status(StatusCode::SEE_OTHER);
    app.switch_to(&hidden.email).await;
    app.get("/about").await;
    app.switch_to("ana@csr-nis.rs").await;

    let page = app.get("/online").await;

    page.assert_status(StatusCode::OK);
    assert!(
        page.body.contains("href=\"/online\""),
        "the footer's count leads here"
    );
    let start = page.body.find("id=\"online-shown\"").expect("a list");
    let list = &page.body[start..start + page.body[start..].find("</ul>").unwrap()];
    assert!(list.contains("Milena Đorđević"), "{}", page.body);
    assert!(
        !page.body.contains("Bojan Ilić"),
        "not shown without his choice"
    );
    assert!(!list.contains("Ana Vuković"), "Ana did not choose either");
    assert!(
        page.body.contains("i još 2 člana koji nisu prikazani"),
        "{}",
        page.body
    );
    assert!(
        page.body.contains("uključite to u"),
        "Ana is told how to be listed"
    );
    // A visitor is only counted and sees no names.
    app.clear_cookies();
    let home = app.get("/about").await.body;
    assert!(!home.contains("href=\"/online\""));
    let refused = app.get("/online").await;
    assert!(!refused.body.contains("Milena Đorđević"));
}

#[tokio::test]
async fn a_members_language_choice_is_kept_in_the_account() {
    let app = TestApp::spawn().await;
    app.sign_in_as("Ana Vuković", "ana@csr-nis.rs", Role::Practitioner)
        .await;

    app.submit_form("/", "/language", &[("lang", "sr-Cyrl")])
        .await;
    app.clear_cookies();
    app.sign_in("ana@csr-nis.rs", PASSWORD).await;

    let page = app.get_with("/", &[("accept-language", "en")]).await;
    assert_eq!(page.html_lang().as_deref(), Some("sr-Cyrl"));
}

#[tokio::test]
async fn a_member_waiting_for_approval_is_told_so_and_joins_nothing_yet() {
    let app = TestApp::spawn().await;
    app.sign_in_as("Jelena Stojanović", "jelena@csr.rs", Role::Practitioner)
        .await;
    let group = app
        .open_group("Hraniteljstvo", Visibility::Public, &[])
        .await;
    let petar = app
        .create_member("Petar Perić", "petar@sunce.rs", Role::Practitioner)
        .await;
    sqlx::query("UPDATE users SET approval = 'pending' WHERE email = 'petar@sunce.rs'")
        .execute(&app.pool)
        .await
        .unwrap();
    app.switch_to(&petar.email).await;

    let waiting = "Vaš nalog čeka odobrenje moderatora Kolege";
    assert!(
        app.get("/").await.body.contains(waiting),
        "every page says so"
    );
    let page = app.get(&group).await.body;
    assert!(page.contains(waiting));
    assert!(
        !page.contains("potvrdite adresu") && !page.contains("Potvrdite adresu"),
        "her address is confirmed: she is not asked to confirm it"
    );
    assert!(!page.contains(&format!("{group}/join")), "no join button");
    let token = app.csrf_token().unwrap();
    app.post_form(&format!("{group}/join"), &[("csrf_token", &token)])
        .await
        .assert_status(StatusCode::FORBIDDEN);
    assert_eq!(
        app.count("SELECT count(*) FROM group_members m JOIN users u USING (user_id) WHERE u.email = 'petar@sunce.rs'")
            .await,
        0
    );

    sqlx::query("UPDATE users SET approval = 'approved' WHERE email = 'petar@sunce.rs'")
        .execute(&app.pool)
        .await
        .unwrap();
    assert!(!app.get("/").await.body.contains(waiting));
    app.join_group(&group).await;
}
