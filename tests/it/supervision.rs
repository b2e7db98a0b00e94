//! Supervision groups: a member limit, de-identified cases before the
//! meeting, the supervisor's notes after it, a logged read of each, deletion
//! after the retention period, and nothing of it outside the group.

use crate::common::TestResponse;
use crate::common::events::{webinar, with};
use crate::common::{TestApp, html};
use axum::http::StatusCode;
use chrono::Duration;
use kolega::groups::vocabulary::Visibility;
use kolega::members::Role;

/// Dragana supervises "Supervizija Niš" (limit 1) with Jelena in it; Nikola
/// is invited too. Returns the group's and the December meeting's paths.
async fn supervision_group(app: &TestApp) -> (String, String) {
    let jelena = app
        .create_member("Jelena Stojanović", "jelena@csr.rs", Role::Practitioner)
        .await;
    let nikola = app
        .create_member("Nikola Đorđević", "nikola@csr.rs", Role::Practitioner)
        .await;
    app.sign_in_as("Dragana Petrović", "dragana@fpn.rs", Role::Teacher)
        .await;
    let group = app
        .open_group("Supervizija Niš", Visibility::Secret, &[])
        .await;
    let settings = format!("{group}/supervision");
    app.submit_form(
        &settings,
        &settings,
        &[
            ("supervision", "yes"),
            ("member_limit", "1"),
            ("retention_months", "12"),
        ],
    )
    .await
    .assert_status(StatusCode::SEE_OTHER);
    for handle in [&jelena.handle, &nikola.handle] {
        app.submit_form(
            &format!("{group}/members"),
            &format!("{group}/members/invite"),
            &[("who", &format!("@{handle}"))],
        )
        .await;
    }
    let slug = group.trim_start_matches("/groups/").to_owned();
    let fields = with(
        with(with(webinar(), "kind", "supervision"), "audience", &slug),
        "title",
        "Supervizija — decembar",
    );
    let meeting = app.create_event(&fields).await;
    app.switch_to("jelena@csr.rs").await;
    app.join_group(&group).await;
    app.register_for(&meeting).await;
    (group, meeting)
}

#[tokio::test]
async fn a_full_supervision_group_takes_nobody_else() {
    let app = TestApp::spawn().await;
    let (group, _) = supervision_group(&app).await;
    app.switch_to("nikola@csr.rs").await;
    app.submit_form(&group, &format!("{group}/join"), &[])
        .await
        .assert_status(StatusCode::SEE_OTHER);
    assert!(app.get(&group).await.body.contains("Grupa je popunjena"));
    assert_eq!(
        app.count("SELECT count(*) FROM group_members WHERE status = 'active'")
            .await,
        2,
        "the supervisor and one supervisee"
    );
}

#[tokio::test]
async fn cases_pass_the_personal_data_guard_and_every_read_is_logged() {
    let app = TestApp::spawn().await;
    let (group, meeting) = supervision_group(&app).await;
    let new_case = format!("{meeting}/cases/new");
    let situation = "Dečak od 9 godina, JMBG 0101990710008, često izostaje iz škole.";
    let refused = app
        .submit_form(
            &new_case,
            &new_case,
            &[
                ("age_band", "6-11"),
                ("municipality_size", "small"),
                ("situation", situation),
                ("question", "Kako da uključim školu bez stigmatizacije?"),
            ],
        )
        .await;
    refused.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("0101990710008"), "the text is kept");
    assert!(refused.body.contains("Tekst sadrži JMBG."));

    let fields = [
        ("age_band", "6-11"),
        ("municipality_size", "small"),
        (
            "situation",
            "Dečak često izostaje iz škole; majka radi u dve smene.",
        ),
        ("question", "Kako da uključim školu bez stigmatizacije?"),
    ];
    app.submit_form(&new_case, &new_case, &fields)
        .await
        .assert_status(StatusCode::SEE_OTHER);
    let agenda = app.get(&format!("{meeting}/supervision")).await;
    assert!(agenda.body.contains("majka radi u dve smene"));
    assert!(agenda.body.contains("6–11 godina") && agenda.body.contains("mali grad"));

    // Outside the group nobody learns it exists: not a moderator, not a
    // visitor, not through search or the events list.
    app.sign_in_as("Milica Jovanović", "milica@kolega.rs", Role::Moderator)
        .await;
    for path in [
        format!("{meeting}/supervision"),
        meeting.clone(),
        format!("{meeting}/cases/new"),
        format!("{group}/supervision"),
    ] {
        app.get(&path).await.assert_status(StatusCode::NOT_FOUND);
    }
    assert!(
        !app.get("/events")
            .await
            .body
            .contains("Supervizija — decembar")
    );
    assert!(!app.get("/search?q=smene").await.body.contains("majka"));
    app.clear_cookies();
    let visitor = app.get(&format!("{meeting}/supervision")).await;
    assert_ne!(visitor.status, StatusCode::OK);
    assert!(!visitor.body.contains("majka"));

    // A supervisee cannot see the access log; the supervisor sees Jelena's read.
    app.switch_to("jelena@csr.rs").await;
    app.get(&format!("{group}/supervision"))
        .await
        .assert_status(StatusCode::FORBIDDEN);
    app.switch_to("dragana@fpn.rs").await;
    let log = app.get(&format!("{group}/supervision")).await;
    assert!(log.body.contains("Jelena Stojanović") && log.body.contains("slučajeve"));
}

/// Posts the form of `page` (an answer the server just gave) back, the way
/// a browser does: its hidden fields (the CSRF token, the fingerprint of
/// the spans shown) with `fields` on top.
async fn resubmit(
    app: &TestApp,
    page: &TestResponse,
    action: &str,
    fields: &[(&str, &str)],
) -> TestResponse {
    let mut form = html::hidden_fields(&page.body, action).expect("the case form");
    for (name, value) in fields {
        form.retain(|(existing, _)| existing != name);
        form.push((name.to_string(), value.to_string()));
    }
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    app.post_form(action, &pairs).await
}

/// The text of a page's textarea, as a browser would submit it.
fn textarea(body: &str, id: &str) -> String {
    let start = body
        .find(&format!("<textarea id=\"{id}\""))
        .expect("the textarea");
    let open = start + body[start..].find('>').unwrap() + 1;
    let close = open + body[open..].find("</textarea>").unwrap();
    html::unescape(&body[open..close])
}

fn case(situation: &str) -> Vec<(&'static str, &str)> {
    vec![
        ("age_band", "12-17"),
        ("municipality_size", "village"),
        ("situation", situation),
        ("question", "Kako da uključim školu bez stigmatizacije?"),
    ]
}

async fn saved_cases(app: &TestApp) -> i64 {
    app.count("SELECT count(*) FROM supervision_cases").await
}

#[tokio::test]
async fn a_named_child_with_age_and_village_is_not_saved_until_rewritten() {
    let app = TestApp::spawn().await;
    let (_, meeting) = supervision_group(&app).await;
    let new_case = format!("{meeting}/cases/new");
    let situation =
        "Marko Marković (14) iz sela Vrnjci živi sa bakom; škola prijavljuje izostanke.";
    let refused = app
        .submit_form(&new_case, &new_case, &case(situation))
        .await;
    refused.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    for marked in [
        "<mark title=\"Ime i prezime\">Marko Marković</mark>",
        "<mark title=\"Uzrast uz ime\">(14)</mark>",
        "<mark title=\"Selo ili mesto\">Vrnjci</mark>",
        "Ime i prezime: <mark>Marko Marković</mark>",
    ] {
        assert!(
            refused.body.contains(marked),
            "{marked} in {}",
            refused.body
        );
    }
    assert_eq!(
        textarea(&refused.body, "situation"),
        situation,
        "the text is kept"
    );
    assert_eq!(saved_cases(&app).await, 0);

    // The one-click rewrite shows the placeholders; nothing is saved yet.
    let mut fields = case(situation);
    fields.push(("rewrite", "yes"));
    let rewritten = resubmit(&app, &refused, &new_case, &fields).await;
    rewritten.assert_status(StatusCode::OK);
    let text = textarea(&rewritten.body, "situation");
    assert_eq!(
        text,
        "[ime] [uzrast] iz sela [mesto] živi sa bakom; škola prijavljuje izostanke."
    );
    assert!(rewritten.body.contains("zamenjeni oznakama"));
    assert_eq!(saved_cases(&app).await, 0);

    // Submitted as it is now, it saves.
    resubmit(&app, &rewritten, &new_case, &case(&text))
        .await
        .assert_status(StatusCode::SEE_OTHER);
    assert_eq!(saved_cases(&app).await, 1);
    let agenda = app.get(&format!("{meeting}/supervision")).await;
    assert!(agenda.body.contains("[ime] [uzrast] iz sela [mesto]"));
    assert!(!agenda.body.contains("Marković"));

    // The same in Cyrillic.
    let cyrillic = "Марко Марковић (14) из села Врњци живи са баком и често изостаје.";
    let refused = app.submit_form(&new_case, &new_case, &case(cyrillic)).await;
    refused.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains(">Марко Марковић</mark>"));
    assert!(refused.body.contains(">Врњци</mark>"));
    let mut fields = case(cyrillic);
    fields.push(("rewrite", "yes"));
    let rewritten = resubmit(&app, &refused, &new_case, &fields).await;
    assert_eq!(
        textarea(&rewritten.body, "situation"),
        "[ime] [uzrast] из села [mesto] живи са баком и често изостаје."
    );
    assert_eq!(saved_cases(&app).await, 1);
}

#[tokio::test]
async fn a_phone_saves_only_with_a_confirmation_for_exactly_its_spans() {
    let app = TestApp::spawn().await;
    let (_, meeting) = supervision_group(&app).await;
    let new_case = format!("{meeting}/cases/new");
    let situation = "Majka je dostupna na 064/123-4567 posle podne, ali odbija kućnu posetu.";
    let refused = app
        .submit_form(&new_case, &new_case, &case(situation))
        .await;
    refused.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused
            .body
            .contains("<mark title=\"Telefon\">064/123-4567</mark>")
    );
    assert!(refused.body.contains("name=\"confirm_spans\""));

    // One tick without the spans it is for (the old form) is not enough.
    let mut ticked = case(situation);
    ticked.push(("confirm_personal_data", "yes"));
    app.submit_form(&new_case, &new_case, &ticked)
        .await
        .assert_status(StatusCode::UNPROCESSABLE_ENTITY);

    // A confirmation given for this phone does not cover another one.
    let changed = "Majka je dostupna na 065 999 8888 posle podne, ali odbija kućnu posetu.";
    let mut fields = case(changed);
    fields.push(("confirm_personal_data", "yes"));
    let asked_again = resubmit(&app, &refused, &new_case, &fields).await;
    asked_again.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(asked_again.body.contains("Tekst se promenio"));
    assert!(
        asked_again
            .body
            .contains("<mark title=\"Telefon\">065 999 8888</mark>")
    );
    assert_eq!(saved_cases(&app).await, 0);

    // Confirmed for the spans shown, it saves.
    resubmit(&app, &asked_again, &new_case, &fields)
        .await
        .assert_status(StatusCode::SEE_OTHER);
    assert_eq!(saved_cases(&app).await, 1);
}

#[tokio::test]
async fn a_jmbg_is_never_saved_even_when_confirmed() {
    let app = TestApp::spawn().await;
    let (_, meeting) = supervision_group(&app).await;
    let new_case = format!("{meeting}/cases/new");
    // Written with no-break spaces, as a word processor leaves it.
    let situation =
        "Dečak (JMBG 0101\u{A0}990\u{A0}710\u{A0}008), tel. 064 123 4567, često izostaje.";
    let refused = app
        .submit_form(&new_case, &new_case, &case(situation))
        .await;
    refused.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("Tekst sadrži JMBG."));
    assert!(
        refused
            .body
            .contains("<mark title=\"JMBG\">0101\u{A0}990\u{A0}710\u{A0}008</mark>")
    );
    let mut fields = case(situation);
    fields.push(("confirm_personal_data", "yes"));
    let again = resubmit(&app, &refused, &new_case, &fields).await;
    again.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(again.body.contains("Tekst sadrži JMBG."));
    assert_eq!(saved_cases(&app).await, 0);
}

#[tokio::test]
async fn notes_after_the_meeting_count_hours_and_everything_is_deleted_after_the_retention_period()
{
    let app = TestApp::spawn().await;
    let (_group, meeting) = supervision_group(&app).await;
    let new_case = format!("{meeting}/cases/new");
    app.submit_form(
        &new_case,
        &new_case,
        &[
            ("age_band", "65plus"),
            ("municipality_size", "village"),
            (
                "situation",
                "Starija gospođa živi sama, odbija pomoć u kući.",
            ),
            (
                "question",
                "Gde je granica između autonomije i zanemarivanja?",
            ),
        ],
    )
    .await
    .assert_status(StatusCode::SEE_OTHER);

    // Notes wait for the meeting; then only the supervisor writes them.
    app.switch_to("dragana@fpn.rs").await;
    app.get(&format!("{meeting}/notes"))
        .await
        .assert_status(StatusCode::CONFLICT);
    app.clock.advance(Duration::days(8) + Duration::hours(9));
    app.switch_to("dragana@fpn.rs").await;
    let notes = format!("{meeting}/notes");
    app.submit_form(
        &notes,
        &notes,
        &[("body", "Dogovor: procena rizika uz **porodicu**.")],
    )
    .await
    .assert_status(StatusCode::SEE_OTHER);
    let jelena_id: uuid::Uuid =
        sqlx::query_scalar("SELECT user_id FROM users WHERE email = 'jelena@csr.rs'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    let attendance = format!("{meeting}/attendance");
    app.submit_form(
        &attendance,
        &attendance,
        &[(format!("attended-{jelena_id}").as_str(), "yes")],
    )
    .await;
    app.switch_to("jelena@csr.rs").await;
    let token = app.csrf_token().unwrap();
    app.post_form(&notes, &[("csrf_token", &token), ("body", "moje")])
        .await
        .assert_status(StatusCode::FORBIDDEN);
    assert!(
        app.get(&format!("{meeting}/supervision"))
            .await
            .body
            .contains("<strong>porodicu</strong>")
    );
    assert_eq!(
        app.count("SELECT count(*) FROM supervision_reads WHERE what = 'notes'")
            .await,
        1
    );

    let base = app.state.config.base_url.clone();
    let retention =
        || kolega::events::supervision::apply_retention(&app.pool, &base, app.clock.now());
    // A week before the year is over the supervisor is warned, once, with no case text.
    app.clock.advance(Duration::days(360));
    assert_eq!(retention().await.unwrap(), (1, 0));
    assert_eq!(retention().await.unwrap(), (0, 0));
    let mail = app.deliver_new_mail().await;
    let warning = mail
        .iter()
        .find(|m| m.to == "dragana@fpn.rs")
        .expect("a warning");
    assert!(!warning.raw.contains("autonomije") && !warning.raw.contains("porodicu"));
    app.clock.advance(Duration::days(7));
    assert_eq!(retention().await.unwrap(), (0, 2));
    assert_eq!(app.count("SELECT count(*) FROM supervision_cases").await, 0);
    assert_eq!(app.count("SELECT count(*) FROM supervision_notes").await, 0);

    // The hours stay on the supervisee's points page.
    app.switch_to("jelena@csr.rs").await;
    assert!(app.get("/me/points").await.body.contains("1.5 sati"));
}

#[tokio::test]
async fn who_can_see_what_of_a_supervision_meeting() {
    let app = TestApp::spawn().await;
    let (group, meeting) = supervision_group(&app).await;
    app.create_member("Milica Jovanović", "milica@kolega.rs", Role::Moderator)
        .await;
    app.create_member("Admin Kolege", "admin@kolega.rs", Role::Admin)
        .await;
    app.create_member("Petar Petrović", "petar@csr.rs", Role::Practitioner)
        .await;
    let pages = [
        meeting.clone(),
        format!("{meeting}/supervision"),
        format!("{meeting}/cases/new"),
        format!("{meeting}/calendar.ics"),
        format!("{meeting}/participants"),
        format!("{group}/supervision"),
    ];
    // Expected status per page, in the order above.
    let table: [(&str, Option<&str>, [u16; 6]); 6] = [
        ("visitor", None, [404, 303, 303, 404, 303, 303]),
        (
            "member of Kolega",
            Some("petar@csr.rs"),
            [404, 404, 404, 404, 404, 404],
        ),
        (
            "site moderator",
            Some("milica@kolega.rs"),
            [404, 404, 404, 404, 404, 404],
        ),
        (
            "admin",
            Some("admin@kolega.rs"),
            [404, 404, 404, 404, 404, 404],
        ),
        (
            "supervisee",
            Some("jelena@csr.rs"),
            [200, 200, 200, 200, 403, 403],
        ),
        (
            "supervisor",
            Some("dragana@fpn.rs"),
            [200, 200, 200, 200, 200, 200],
        ),
    ];
    for (who, email, expected) in table {
        match email {
            Some(email) => app.switch_to(email).await,
            None => app.clear_cookies(),
        }
        for (page, status) in pages.iter().zip(expected) {
            let response = app.get(page).await;
            assert_eq!(response.status.as_u16(), status, "{who} opening {page}");
            if status != 200 {
                assert!(
                    !response.body.contains("Supervizija — decembar"),
                    "{who}: {page}"
                );
            }
        }
    }
    // The supervisee's calendar feed names the meeting by its kind only.
    app.switch_to("jelena@csr.rs").await;
    let list = app.get("/events").await.body;
    let token = list
        .split("/calendar/")
        .nth(1)
        .unwrap()
        .split(".ics")
        .next()
        .unwrap()
        .to_owned();
    let feed = app.get(&format!("/calendar/{token}.ics")).await.body;
    assert!(feed.contains("SUMMARY:Supervizijski sastanak"));
    assert!(!feed.contains("decembar") && !feed.contains("meet.example.org"));
}

/// The meeting page offers the supervision page only where it exists: a
/// meeting of a group that has not turned supervision on links nowhere
/// (the demo's supervision group once sent its own supervisor to a 404).
#[tokio::test]
async fn the_supervision_link_shows_only_where_the_group_keeps_supervision() {
    let app = TestApp::spawn().await;
    app.sign_in_as("Dragana Petrović", "dragana@fpn.rs", Role::Teacher)
        .await;
    let group = app
        .open_group("Supervizija Niš", Visibility::Secret, &[])
        .await;
    let slug = group.trim_start_matches("/groups/").to_owned();
    let meeting = app
        .create_event(&with(
            with(webinar(), "kind", "supervision"),
            "audience",
            &slug,
        ))
        .await;
    let link = format!("href=\"{meeting}/supervision\"");
    assert!(!app.get(&meeting).await.body.contains(&link));

    let settings = format!("{group}/supervision");
    app.submit_form(
        &settings,
        &settings,
        &[
            ("supervision", "yes"),
            ("member_limit", "8"),
            ("retention_months", "12"),
        ],
    )
    .await
    .assert_status(StatusCode::SEE_OTHER);
    assert!(app.get(&meeting).await.body.contains(&link));
    app.get(&format!("{meeting}/supervision"))
        .await
        .assert_status(StatusCode::OK);
}
