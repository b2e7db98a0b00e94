//! Members' content and reference data in the reader's script: a post
//! written in Latin reads in Cyrillic on a Cyrillic page (its link and code
//! untouched), the original is one click away, Cyrillic-written text reads
//! in Latin on a Latin page, and place names, regions and kinds follow the
//! reader's script too.

use crate::common::TestApp;
use crate::common::events::{webinar, with};
use crate::common::library::PDF;
use crate::common::services::service;
use kolega::groups::vocabulary::Visibility;
use kolega::members::Role;

/// A Serbian resource written in Latin, as the library form posts it.
fn protocol<'a>() -> Vec<(&'a str, &'a str)> {
    vec![
        (
            "title",
            "Protokol o postupanju sa decom u životu i radu na ulici",
        ),
        (
            "summary",
            "Koraci centra za socijalni rad kada **dete** prosi.",
        ),
        ("kind", "protocol"),
        ("topics", "child-protection"),
        ("language", "sr"),
        ("script", "latin"),
        ("audiences", "professionals"),
    ]
}

/// Chooses the interface language with the switch, as a reader does (a
/// signed-in member's choice is remembered on the account).
async fn read_in(app: &TestApp, tag: &str) {
    app.submit_form("/", "/language", &[("lang", tag)]).await;
}

#[tokio::test]
async fn a_latin_post_reads_in_cyrillic_with_its_link_and_code_untouched_and_the_original_a_click_away()
 {
    let app = TestApp::spawn().await;
    app.sign_in_as("Jelena Stojanović", "jelena@csr.rs", Role::Practitioner)
        .await;
    let group = app
        .open_group("Hraniteljstvo", Visibility::Public, &[])
        .await;
    let thread = app
        .start_thread(
            &group,
            "Pitanje o smeštaju",
            "Ljubazno pitam: vidi [pravila](https://kolega.rs/pravila-rada) i pokreni `cargo run` danas.",
        )
        .await;
    app.reply(&thread, "Добар дан, колеге, пишем ћирилицом.")
        .await;

    read_in(&app, "sr-Cyrl").await;
    let cyrillic = app.get(&thread).await;
    assert_eq!(cyrillic.h1(), "Питање о смештају");
    let body = &cyrillic.body;
    assert!(body.contains("<title>Питање о смештају"), "{body}");
    assert!(body.contains("Љубазно питам: види"), "{body}");
    assert!(
        body.contains("<a href=\"https://kolega.rs/pravila-rada\""),
        "the link's address is untouched: {body}"
    );
    assert!(body.contains(">правила</a>"), "{body}");
    assert!(
        body.contains("<code>cargo run</code>"),
        "code is untouched: {body}"
    );
    assert!(body.contains("Хранитељство"), "the group's name too");
    assert!(!body.contains("Ljubazno"), "{body}");
    // Found by the site search, the hit reads in Cyrillic too.
    let found = app.get("/search?q=ljubazno").await;
    assert!(
        found.body.contains(">Питање о смештају</a>"),
        "{}",
        found.body
    );
    assert!(found.body.contains("Хранитељство ·"), "{}", found.body);
    let original_href = format!("{thread}?izvorno=1");
    assert!(
        body.contains(&format!("href=\"{original_href}\"")) && body.contains("Изворни текст"),
        "the original is offered: {body}"
    );

    let original = app.get(&original_href).await;
    assert_eq!(original.h1(), "Pitanje o smeštaju");
    assert!(original.body.contains("Ljubazno pitam: vidi"));
    assert!(original.body.contains("Добар дан, колеге"));
    assert!(!original.body.contains("Љубазно"));
    assert!(
        original.body.contains(&format!("href=\"{thread}\""))
            && original.body.contains("Прикажи писмом које сте изабрали"),
        "the way back is offered: {}",
        original.body
    );
    assert!(
        original
            .body
            .contains(&format!("name=\"next\" value=\"{thread}\"")),
        "the language switch returns to the page without the parameter"
    );

    // A reply refused and shown again after its POST offers no original:
    // that address cannot be opened with a link.
    let refused = app
        .submit_form(&thread, &format!("{thread}/reply"), &[("body", "")])
        .await;
    assert_eq!(refused.status, axum::http::StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("Љубазно питам"));
    assert!(!refused.body.contains("izvorno=1"), "{}", refused.body);

    // A Latin reader reads the Cyrillic reply in Latin, the Latin post as it is.
    read_in(&app, "sr-Latn").await;
    let latin = app.get(&thread).await;
    assert!(latin.body.contains("Dobar dan, kolege, pišem ćirilicom."));
    assert!(latin.body.contains("Ljubazno pitam"));
    assert!(latin.body.contains(&format!("href=\"{original_href}\"")));
    assert!(latin.body.contains("Izvorni tekst"));

    // An English reader gets the text as written, and no note.
    read_in(&app, "en").await;
    let english = app.get(&thread).await;
    assert!(english.body.contains("Ljubazno pitam"));
    assert!(english.body.contains("Добар дан"));
    assert!(!english.body.contains("Original text"));
}

#[tokio::test]
async fn group_lists_events_and_library_titles_follow_the_cyrillic_reader() {
    let app = TestApp::spawn().await;
    app.sign_in_as("Jelena Stojanović", "jelena@fpn.rs", Role::Teacher)
        .await;
    app.open_group(
        "Supervizija Niš",
        Visibility::Public,
        &[("topics", "supervizija")],
    )
    .await;
    let event = app
        .create_event(&with(
            with(webinar(), "title", "Rad sa porodicom"),
            "description",
            "Kako postupiti **odmah**, vidi https://kolega.rs/vodic.",
        ))
        .await;
    let created = app
        .upload_resource(&protocol(), Some(("protokol.pdf", PDF)))
        .await;
    let resource = created.header("location").unwrap().to_owned();
    // An English-language resource stays as written.
    let english = app
        .upload_resource(
            &[
                ("title", "Working with families"),
                ("summary", "A short guide."),
                ("kind", "guideline"),
                ("topics", "child-protection"),
                ("language", "en"),
                ("script", "latin"),
                ("audiences", "professionals"),
            ],
            Some(("guide.pdf", PDF)),
        )
        .await;
    let english = english.header("location").unwrap().to_owned();

    read_in(&app, "sr-Cyrl").await;
    let list = app.get("/groups").await;
    assert!(list.body.contains(">Супервизија Ниш</a>"), "{}", list.body);
    assert!(list.body.contains(">супервизија</a>"), "{}", list.body);
    assert!(list.body.contains("Изворни текст"));
    let original = app.get("/groups?izvorno=1").await;
    assert!(original.body.contains(">Supervizija Niš</a>"));

    let event_page = app.get(&event).await;
    assert_eq!(event_page.h1(), "Рад са породицом");
    assert!(
        event_page
            .body
            .contains("Како поступити <strong>одмах</strong>, види https://kolega.rs/vodic."),
        "{}",
        event_page.body
    );
    let events = app.get("/events").await;
    assert!(
        events.body.contains(">Рад са породицом</a>"),
        "{}",
        events.body
    );

    let resource_page = app.get(&resource).await;
    assert_eq!(
        resource_page.h1(),
        "Протокол о поступању са децом у животу и раду на улици"
    );
    assert!(
        resource_page
            .body
            .contains("Кораци центра за социјални рад")
    );
    let print = app.get(&format!("{resource}/print")).await;
    assert!(
        print
            .body
            .contains("<h1>Протокол о поступању са децом у животу и раду на улици</h1>"),
        "the printed page too"
    );
    let english_page = app.get(&english).await;
    assert_eq!(english_page.h1(), "Working with families");
    assert!(!english_page.body.contains("Изворни текст"));

    // The home page's blocks too: a visitor reading in Cyrillic sees the
    // public webinar's title in Cyrillic.
    app.clear_cookies();
    read_in(&app, "sr-Cyrl").await;
    let home = app.get("/").await;
    assert!(home.body.contains(">Рад са породицом</a>"), "{}", home.body);
}

#[tokio::test]
async fn place_names_and_regions_read_in_cyrillic_on_a_cyrillic_page() {
    let app = TestApp::spawn().await;
    let bujanovac = app.municipality("RS", "Bujanovac").await;
    app.add_service(
        &service("Dnevni centar", "day-care", &["families"], bujanovac),
        None,
    )
    .await;
    app.sign_in_as("Ana Admin", "ana@kolega.rs", Role::Admin)
        .await;
    read_in(&app, "sr-Cyrl").await;

    // Curators' list of services to check: the place in Cyrillic.
    let review = app.get("/services/review").await;
    assert!(review.body.contains("· Бујановац ·"), "{}", review.body);

    // The coverage page: regions offered and captioned in Cyrillic, the
    // filter's value unchanged so the choice still works.
    let coverage = app
        .get("/services/coverage?country=RS&region=P%C4%8Dinjski+okrug")
        .await;
    assert!(
        coverage
            .body
            .contains("<option value=\"Pčinjski okrug\" selected>Пчињски округ</option>"),
        "{}",
        coverage.body
    );
    assert!(
        coverage.body.matches("Пчињски округ").count() >= 2,
        "the caption names the region in Cyrillic too"
    );
    assert!(!coverage.body.contains(">Pčinjski okrug<"));

    // The service form: municipalities in Cyrillic; the search: the kind.
    let form = app.get("/services/new").await;
    assert!(
        form.body.contains(">Бујановац (RS)</option>"),
        "{}",
        form.body
    );
    let search = app
        .get(&format!("/services?municipality={bujanovac}"))
        .await;
    assert!(search.body.contains("Дневни боравак"), "{}", search.body);
    assert!(search.body.contains("Бујановац"));
}
