//! The top of a thread page: the moderators' tools folded into one menu
//! with the target group chosen from a list (and checked again on the
//! server), and following as one toggle that shows its state.

use crate::common::TestApp;
use axum::http::StatusCode;
use kolega::groups::vocabulary::Visibility;
use kolega::members::Role;

/// The `<select>` of groups a thread can be moved to, as the page shows it.
fn move_options(body: &str) -> Vec<String> {
    let Some(select) = body.split("<select id=\"move-target\"").nth(1) else {
        return Vec::new();
    };
    let select = select.split("</select>").next().unwrap();
    select
        .split("<option value=\"")
        .skip(1)
        .map(|option| option.split('"').next().unwrap().to_owned())
        .filter(|value| !value.is_empty())
        .collect()
}

/// The subscription form's buttons.
fn subscription_buttons(body: &str) -> Vec<String> {
    let form = body
        .split("class=\"subscription\"")
        .nth(1)
        .expect("a subscription form")
        .split("</form>")
        .next()
        .unwrap();
    form.split("<button")
        .skip(1)
        .map(|b| b.split("</button>").next().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn moderators_find_their_tools_in_a_menu_and_move_only_where_they_moderate() {
    let app = TestApp::spawn().await;
    app.create_member("Ana Vuković", "ana@csr.rs", Role::Practitioner)
        .await;
    app.sign_in_as("Jelena Stojanović", "jelena@csr.rs", Role::Practitioner)
        .await;
    let group = app
        .open_group("Hraniteljstvo", Visibility::Public, &[])
        .await;
    let mine = app
        .open_group("Zaštita dece", Visibility::Closed, &[])
        .await;
    let thread = app.start_thread(&group, "Prva tema", "Tekst.").await;
    app.switch_to("ana@csr.rs").await;
    let anas = app
        .open_group("Rad sa migrantima", Visibility::Public, &[])
        .await;
    let anas_secret = app.open_group("Supervizija", Visibility::Secret, &[]).await;
    app.join_group(&group).await;

    // A member sees no moderation tools.
    let as_member = app.get(&thread).await.body;
    assert!(!as_member.contains("moderation-menu"));
    assert!(move_options(&as_member).is_empty());

    app.switch_to("jelena@csr.rs").await;
    let page = app.get(&thread).await.body;
    let menu = page
        .split("<details class=\"menu moderation-menu\"")
        .nth(1)
        .expect("the tools sit in a disclosure that needs no JavaScript");
    let menu = menu.split("</details>").next().unwrap();
    assert!(menu.contains("<summary>Moderiranje teme</summary>"));
    assert!(menu.contains("value=\"pin\"") && menu.contains("value=\"lock\""));
    assert!(
        !menu.contains("name=\"target\" type=\"text\""),
        "no free-text group address"
    );
    let slug = |path: &str| path.trim_start_matches("/groups/").to_owned();
    assert_eq!(
        move_options(&page),
        vec![slug(&mine)],
        "only the other groups she moderates are offered"
    );
    assert!(
        page.find("moderation-menu").unwrap() < page.find("class=\"posts\"").unwrap(),
        "the menu is in the header, before the conversation"
    );

    // A group she cannot moderate, a secret one and one that does not exist
    // are all refused the same way, beside the list, and nothing moves.
    for target in [slug(&anas), slug(&anas_secret), "nema-takve".to_owned()] {
        let refused = app
            .submit_form(
                &thread,
                &format!("{thread}/moderate"),
                &[("action", "move"), ("target", &target)],
            )
            .await;
        refused.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            refused.body.contains(
                "Temu ne možete premestiti tamo: izaberite jednu od grupa koje moderirate."
            ),
            "{target}: the reason is given"
        );
        assert!(
            refused
                .body
                .contains("<details class=\"menu moderation-menu\" open>")
        );
        assert!(
            refused
                .body
                .contains("aria-invalid=\"true\" aria-describedby=\"move-target-error\"")
        );
        assert!(
            !refused.body.contains("Supervizija"),
            "a secret group's name never leaks"
        );
    }
    let nothing_chosen = app
        .submit_form(
            &thread,
            &format!("{thread}/moderate"),
            &[("action", "move"), ("target", "")],
        )
        .await;
    nothing_chosen.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        nothing_chosen
            .body
            .contains("Izaberite grupu u koju premeštate temu.")
    );
    app.get(&thread).await.assert_status(StatusCode::OK);

    // The offered group takes the thread.
    let moved = app
        .submit_form(
            &thread,
            &format!("{thread}/moderate"),
            &[("action", "move"), ("target", &slug(&mine))],
        )
        .await;
    let location = moved.header("location").unwrap().to_owned();
    assert!(location.starts_with(&mine));
    assert!(app.get(&location).await.body.contains("Prva tema"));

    // English too.
    app.submit_form("/", "/language", &[("lang", "en")]).await;
    let english = app.get(&location).await.body;
    assert!(english.contains("<summary>Moderate this thread</summary>"));
}

#[tokio::test]
async fn following_a_thread_is_one_toggle_that_shows_its_state() {
    let app = TestApp::spawn().await;
    app.create_member("Ana Vuković", "ana@csr.rs", Role::Practitioner)
        .await;
    app.sign_in_as("Jelena Stojanović", "jelena@csr.rs", Role::Practitioner)
        .await;
    let group = app
        .open_group("Hraniteljstvo", Visibility::Public, &[])
        .await;
    let thread = app.start_thread(&group, "Prva tema", "Tekst.").await;

    // The author follows her thread: one pressed button that says so.
    let buttons = subscription_buttons(&app.get(&thread).await.body);
    assert_eq!(buttons.len(), 1, "one toggle, not two equal buttons");
    assert!(buttons[0].contains("aria-pressed=\"true\""));
    assert!(buttons[0].contains("value=\"muted\""));
    assert!(buttons[0].contains("Pratite ovu temu ✓ — prestani da pratiš"));

    // Pressing it stops following.
    app.submit_form(
        &thread,
        &format!("{thread}/subscription"),
        &[("mode", "muted")],
    )
    .await
    .assert_status(StatusCode::SEE_OTHER);
    let page = app.get(&thread).await.body;
    let buttons = subscription_buttons(&page);
    assert_eq!(buttons.len(), 1);
    assert!(buttons[0].contains("aria-pressed=\"false\""));
    assert!(buttons[0].contains("value=\"subscribed\""));
    assert!(buttons[0].contains(">Prati temu"));
    assert!(page.contains("Tema je utišana"));

    // A member who never followed it sees the same toggle, not pressed.
    app.switch_to("ana@csr.rs").await;
    app.join_group(&group).await;
    let page = app.get(&thread).await.body;
    let buttons = subscription_buttons(&page);
    assert_eq!(buttons.len(), 1);
    assert!(buttons[0].contains("aria-pressed=\"false\""));
    assert!(page.contains("Ne pratite ovu temu"));
    app.submit_form(
        &thread,
        &format!("{thread}/subscription"),
        &[("mode", "subscribed")],
    )
    .await;
    let buttons = subscription_buttons(&app.get(&thread).await.body);
    assert!(buttons[0].contains("aria-pressed=\"true\""));
}
