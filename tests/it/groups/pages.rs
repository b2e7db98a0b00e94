//! What the groups pages show a reader: a description on every card of the
//! list, and a link to the members list only for those it is for.

use crate::common::TestApp;
use axum::http::StatusCode;
use kolega::groups::vocabulary::Visibility;
use kolega::members::Role;

/// Opens a group with `description` as the signed-in member; returns its path.
async fn open_described(app: &TestApp, name: &str, description: &str) -> String {
    let response = app
        .submit_form(
            "/groups/new",
            "/groups/new",
            &[
                ("name", name),
                ("visibility", "public"),
                ("language", "sr"),
                ("description", description),
            ],
        )
        .await;
    assert!(response.status.is_redirection(), "{}", response.body);
    response.header("location").unwrap().to_owned()
}

/// The card of the group linked as `path` on the list.
fn card<'a>(list: &'a str, path: &str) -> &'a str {
    list.split("<li class=\"card\">")
        .find(|card| card.contains(&format!("href=\"{path}\"")))
        .unwrap_or_else(|| panic!("a card for {path}"))
        .split("</li>\n")
        .next()
        .unwrap()
}

#[tokio::test]
async fn each_group_card_shows_a_short_plain_description() {
    let app = TestApp::spawn().await;
    app.sign_in_as("Jelena Stojanović", "jelena@csr.rs", Role::Practitioner)
        .await;
    let fostering = open_described(
        &app,
        "Hraniteljstvo",
        "Podrška **hraniteljima** u radu sa decom.\n\nDrugi pasus o pravilima.",
    )
    .await;
    let long = "Razmena iskustava o radu sa porodicama u riziku ".repeat(8);
    let families = open_described(&app, "Porodice u riziku", &long).await;
    let hostile = open_described(
        &app,
        "Supervizija",
        "Grupa za [supervizore](javascript:alert(2)) <script>alert(1)</script>.",
    )
    .await;

    app.clear_cookies();
    let list = app.get("/groups").await.body;

    let fostering = card(&list, &fostering);
    assert!(
        fostering.contains("Podrška hraniteljima u radu sa decom."),
        "the first paragraph, Markdown marks dropped: {fostering}"
    );
    assert!(!fostering.contains("Drugi pasus"));

    let families = card(&list, &families);
    let excerpt = families
        .split("<p class=\"card-description\">")
        .nth(1)
        .unwrap()
        .split("</p>")
        .next()
        .unwrap();
    assert!(
        excerpt.ends_with('…'),
        "a long description is cut: {excerpt}"
    );
    assert!(excerpt.chars().count() <= 161);
    let kept = excerpt.trim_end_matches('…');
    assert!(
        long.starts_with(&format!("{kept} ")),
        "cut between words: {excerpt}"
    );

    let hostile = card(&list, &hostile);
    assert!(!hostile.contains("<script>"), "raw HTML stays text");
    assert!(
        !hostile.contains("javascript:"),
        "no link survives in the excerpt"
    );
    assert!(
        hostile.contains("Grupa za supervizore &#60;script&#62;"),
        "{hostile}"
    );
}

#[tokio::test]
async fn the_members_link_is_shown_only_to_those_who_may_open_it() {
    let app = TestApp::spawn().await;
    app.create_member("Ana Vuković", "ana@csr.rs", Role::Practitioner)
        .await;
    app.sign_in_as("Jelena Stojanović", "jelena@csr.rs", Role::Practitioner)
        .await;
    let group = app
        .open_group("Hraniteljstvo", Visibility::Public, &[])
        .await;
    let closed = app.open_group("Supervizija", Visibility::Closed, &[]).await;
    let members = format!("{group}/members");
    let link = format!("href=\"{members}\"");

    // A member sees the link and the list.
    assert!(app.get(&group).await.body.contains(&link));
    app.get(&members).await.assert_status(StatusCode::OK);

    // A visitor reads the public group but gets no link that would refuse
    // her, and the list itself offers her the sign-in page.
    app.clear_cookies();
    let page = app.get(&group).await;
    page.assert_status(StatusCode::OK);
    assert!(!page.body.contains(&link), "no members link for a visitor");
    let answer = app.get(&members).await;
    answer.assert_status(StatusCode::SEE_OTHER);
    let location = answer.header("location").unwrap();
    assert!(
        location.starts_with("/login?next=") && location.contains("members"),
        "sent to sign in and back: {location}"
    );
    app.get(&format!("{closed}/members"))
        .await
        .assert_status(StatusCode::SEE_OTHER);

    // A signed-in colleague who has not joined sees no link either; the
    // list still refuses her.
    app.switch_to("ana@csr.rs").await;
    assert!(!app.get(&group).await.body.contains(&link));
    app.get(&members).await.assert_status(StatusCode::FORBIDDEN);
    app.join_group(&group).await;
    assert!(app.get(&group).await.body.contains(&link));
    app.get(&members).await.assert_status(StatusCode::OK);
}
