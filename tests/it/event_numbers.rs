//! The small numbers on event pages say what a reader needs: a full event
//! says it is full (never "0 places left"), visitors are not offered "my
//! licence points", and hours read without a pointless ".0".

use crate::common::TestApp;
use crate::common::events::{webinar, with};
use kolega::members::Role;

#[tokio::test]
async fn a_full_event_says_full_with_a_waiting_list_on_the_list_and_its_page() {
    let app = TestApp::spawn().await;
    app.sign_in_as("Jelena Stojanović", "jelena@fpn.rs", Role::Teacher)
        .await;
    let event = app.create_event(&with(webinar(), "capacity", "1")).await;

    // One place free: counted, not "full".
    let page = app.get(&event).await;
    assert!(page.body.contains("Ostalo je još 1 mesto"), "{}", page.body);
    assert!(!page.body.contains("Popunjeno — lista čekanja"));

    app.create_member("Ana Vuković", "ana@csr.rs", Role::Practitioner)
        .await;
    app.switch_to("ana@csr.rs").await;
    app.register_for(&event).await;

    app.clear_cookies();
    let page = app.get(&event).await;
    assert!(
        page.body.contains("Popunjeno — lista čekanja"),
        "{}",
        page.body
    );
    assert!(!page.body.contains("0 mesta"), "{}", page.body);
    let list = app.get("/events").await;
    assert!(
        list.body.contains("Popunjeno — lista čekanja"),
        "{}",
        list.body
    );
}

#[tokio::test]
async fn visitors_are_not_offered_my_licence_points_and_the_upcoming_tab_is_marked() {
    let app = TestApp::spawn().await;
    let list = app.get("/events").await;
    assert!(!list.body.contains("href=\"/me/points\""), "{}", list.body);
    assert!(
        list.body
            .contains("<a href=\"/events\" aria-current=\"page\">")
    );
    let past = app.get("/events?when=past").await;
    assert!(
        past.body
            .contains("<a href=\"/events?when=past\" aria-current=\"page\">")
    );

    app.create_member("Ana Vuković", "ana@csr.rs", Role::Practitioner)
        .await;
    app.switch_to("ana@csr.rs").await;
    assert!(
        app.get("/events")
            .await
            .body
            .contains("href=\"/me/points\"")
    );
}

#[tokio::test]
async fn no_supervision_hours_are_said_in_words_not_as_zero_point_zero() {
    let app = TestApp::spawn().await;
    app.create_member("Ana Vuković", "ana@csr.rs", Role::Practitioner)
        .await;
    app.switch_to("ana@csr.rs").await;
    let points = app.get("/me/points").await;
    assert!(
        points
            .body
            .contains("Još niste prisustvovali supervizijskim sastancima."),
        "{}",
        points.body
    );
    assert!(!points.body.contains("0.0 sati"));
}
