//! Search: script- and diacritic-insensitive, and never showing what the
//! viewer may not read.

use crate::common::TestApp;
use crate::common::members::PASSWORD;
use axum::http::StatusCode;
use kolega::groups::vocabulary::Visibility;
use kolega::members::Role;

#[tokio::test]
async fn search_finds_posts_whatever_the_script_and_highlights_them() {
    let app = TestApp::spawn().await;
    app.sign_in_as("Jelena Stojanović", "jelena@csr.rs", Role::Practitioner)
        .await;
    let group = app
        .open_group("Nasilje u porodici", Visibility::Public, &[])
        .await;
    app.start_thread(
        &group,
        "Procena rizika",
        "Kako procenjujete rizik kod nasilja u porodici sa malom decom?",
    )
    .await;
    app.start_thread(&group, "Hraniteljstvo", "Obuka hranitelja u Nišu.")
        .await;
    app.clear_cookies();

    for query in [
        "nasilje u porodici",
        "насиље у породици",
        "NASILJE porodici",
    ] {
        let page = app
            .get(&format!("/search?q={}", query.replace(' ', "+")))
            .await;
        page.assert_status(StatusCode::OK);
        assert!(
            page.body.contains("Procena rizika"),
            "{query} finds the thread"
        );
        assert!(!page.body.contains("Obuka hranitelja"), "{query}");
        assert!(
            page.body.contains("<mark>nasilja</mark>"),
            "{query} highlights the match"
        );
    }
    let nothing = app.get("/search?q=migranti").await;
    assert!(nothing.body.contains("Ništa nije pronađeno."));
    assert!(
        app.get("/search?q=nis")
            .await
            .body
            .contains("Hraniteljstvo"),
        "Niš without diacritics"
    );
}

#[tokio::test]
async fn closed_and_secret_content_never_appears_for_non_members() {
    let app = TestApp::spawn().await;
    app.create_member("Marko Ilić", "marko@fpn.rs", Role::Student)
        .await;
    app.sign_in_as("Jelena Stojanović", "jelena@csr.rs", Role::Practitioner)
        .await;
    let closed = app.open_group("Supervizija", Visibility::Closed, &[]).await;
    let secret = app.open_group("Tajna grupa", Visibility::Secret, &[]).await;
    let public = app.open_group("Javna grupa", Visibility::Public, &[]).await;
    app.start_thread(
        &closed,
        "Zatvorena dilema",
        "Poverljivi slučaj zlostavljanja.",
    )
    .await;
    app.start_thread(&secret, "Tajna dilema", "Tajni slučaj zlostavljanja.")
        .await;
    app.start_thread(&public, "Javno pitanje", "Opšte pitanje o zlostavljanju.")
        .await;

    let member = app.get("/search?q=zlostavljanje").await;
    assert!(
        member.body.contains("Zatvorena dilema")
            && member.body.contains("Tajna dilema")
            && member.body.contains("Javno pitanje")
    );

    for viewer in [None, Some("marko@fpn.rs")] {
        app.clear_cookies();
        if let Some(email) = viewer {
            app.sign_in(email, PASSWORD).await;
        }
        let page = app.get("/search?q=zlostavljanje").await;
        assert!(page.body.contains("Javno pitanje"), "{viewer:?}");
        for hidden in [
            "Zatvorena dilema",
            "Poverljivi",
            "Tajna dilema",
            "Tajni slučaj",
        ] {
            assert!(
                !page.body.contains(hidden),
                "{viewer:?} must not see {hidden}"
            );
        }
        let filtered = app
            .get(&format!(
                "/search?q=zlostavljanje&group={}",
                closed.trim_start_matches("/groups/")
            ))
            .await;
        assert!(
            !filtered.body.contains("Zatvorena dilema"),
            "a group filter does not open a closed group"
        );
        assert!(
            !filtered.body.contains("Tajna grupa"),
            "secret groups are not even offered as a filter"
        );
    }
}

#[tokio::test]
async fn anonymous_posts_are_found_without_their_author_by_members_only() {
    let app = TestApp::spawn().await;
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
    app.admit_to_group(&group, "milica@kolega.rs", &ana).await;
    app.switch_to("milica@kolega.rs").await;
    let path = format!("{group}/new-thread");
    app.submit_form(
        &path,
        &path,
        &[
            ("title", "Sagorevanje"),
            ("body", "Osećam sagorevanje na poslu."),
            ("anonymous", "yes"),
        ],
    )
    .await;
    app.switch_to("ana@csr.rs").await;

    let page = app.get("/search?q=sagorevanje").await;

    assert!(page.body.contains("Sagorevanje"));
    assert!(page.body.contains("Anonimni kolega"));
    assert!(!page.body.contains("Milica"));

    app.clear_cookies();
    let visitor = app.get("/search?q=sagorevanje").await;
    assert!(
        !visitor.body.contains("Sagorevanje"),
        "a visitor never finds what was written anonymously"
    );
}
