//! The service map over a real PostgreSQL: search in either script and
//! the filters, distance ordering against known coordinates, keyset pages,
//! the suggestion workflow with its e-mails and permissions, confidential
//! addresses, and entries marked stale after a year without a check.

use crate::common::TestApp;
use crate::common::services::{form_fields, service};
use axum::http::StatusCode;
use chrono::Duration;
use kolega::members::Role;

/// The names of the listed services, in the order shown.
fn result_names(body: &str) -> Vec<String> {
    body.split("<li class=\"card service\"")
        .skip(1)
        .filter_map(|item| {
            let link = item.split("<h2><a href=\"/services/").nth(1)?;
            let text = link.split_once("\">")?.1.split("</a>").next()?;
            Some(text.replace("&#39;", "'").replace("&#34;", "\""))
        })
        .collect()
}

fn encoded(text: &str) -> String {
    serde_urlencoded::to_string([("q", text)]).unwrap()
}

#[tokio::test]
async fn words_in_either_script_and_every_filter_find_the_right_services() {
    let app = TestApp::spawn().await;
    let vranje = app.municipality("RS", "Vranje").await;
    let nis = app.municipality("RS", "Niš").await;
    let sid = app.municipality("RS", "Šid").await;
    let podgorica = app.municipality("ME", "Podgorica").await;
    app.add_service(
        &service(
            "Centar za socijalni rad Vranje",
            "social-work-centre",
            &["families"],
            vranje,
        ),
        None,
    )
    .await;
    app.add_service(
        &service(
            "Sigurna kuća za žene",
            "shelter",
            &["violence-victims"],
            nis,
        ),
        None,
    )
    .await;
    app.add_service(
        &service(
            "Savjetovalište za mlade",
            "counselling",
            &["youth"],
            podgorica,
        ),
        None,
    )
    .await;
    app.add_service(
        &service(
            "Dnevni boravak za decu sa smetnjama u razvoju",
            "day-care",
            &["children", "disability"],
            sid,
        ),
        None,
    )
    .await;
    let app = &app;
    let names = |path: String| async move { result_names(&app.get(&path).await.body) };

    assert_eq!(
        names("/services".into()).await.len(),
        4,
        "everything is public"
    );
    // Cyrillic query, Latin record.
    assert_eq!(
        names(format!("/services?{}", encoded("центар врање"))).await,
        ["Centar za socijalni rad Vranje"]
    );
    // No diacritics typed; the record has them.
    assert_eq!(
        names(format!("/services?{}", encoded("sigurna kuca"))).await,
        ["Sigurna kuća za žene"]
    );
    // The kind's name finds a service whose own name does not say it, in either language.
    assert_eq!(
        names(format!("/services?{}", encoded("prihvatilište"))).await,
        ["Sigurna kuća za žene"]
    );
    assert_eq!(
        names(format!("/services?{}", encoded("shelter"))).await,
        ["Sigurna kuća za žene"]
    );
    // A place's name finds what is there.
    assert_eq!(
        names(format!("/services?{}", encoded("Шид"))).await,
        ["Dnevni boravak za decu sa smetnjama u razvoju"]
    );
    assert_eq!(
        names("/services?kind=shelter".into()).await,
        ["Sigurna kuća za žene"]
    );
    assert_eq!(
        names("/services?group=disability".into()).await,
        ["Dnevni boravak za decu sa smetnjama u razvoju"]
    );
    assert_eq!(
        names("/services?country=ME".into()).await,
        ["Savjetovalište za mlade"]
    );
    assert_eq!(
        names(format!("/services?municipality={vranje}")).await,
        ["Centar za socijalni rad Vranje"]
    );
    assert_eq!(
        names(format!("/services?place={sid}&mode=in")).await,
        ["Dnevni boravak za decu sa smetnjama u razvoju"]
    );
    assert!(
        names("/services?kind=shelter&country=ME".into())
            .await
            .is_empty()
    );
    let nothing = app.get(&format!("/services?{}", encoded("kazino"))).await;
    assert!(
        nothing.body.contains("Nijedna usluga ne odgovara"),
        "an empty state that says what to do"
    );
    // Nonsense in every parameter is ignored, never an error.
    app.get("/services?kind=%27;DROP&group=x&country=ZZ&municipality=-1&near=abc&lat=999&lon=x&after=zzz")
        .await
        .assert_status(StatusCode::OK);
}

#[tokio::test]
async fn near_orders_by_distance_from_a_municipality_or_from_where_the_visitor_is() {
    let app = TestApp::spawn().await;
    let places = [
        ("Vranje", "RS"),
        ("Niš", "RS"),
        ("Beograd", "RS"),
        ("Novi Sad", "RS"),
        ("Skopje", "MK"),
    ];
    for (place, country) in places {
        let id = app.municipality(country, place).await;
        app.add_service(
            &service(
                &format!("Sigurna kuća {place}"),
                "shelter",
                &["violence-victims"],
                id,
            ),
            None,
        )
        .await;
    }
    let vranje = app.municipality("RS", "Vranje").await;

    let from_vranje = app
        .get(&format!("/services?place={vranje}&mode=near&kind=shelter"))
        .await
        .body;
    // Novi Sad is at 45.2671 N 19.8335 E: farther from Vranje than Beograd.
    let from_novi_sad = app.get("/services?lat=45.2671&lon=19.8335").await.body;

    assert_eq!(
        result_names(&from_vranje),
        [
            "Sigurna kuća Vranje",
            "Sigurna kuća Skopje",
            "Sigurna kuća Niš",
            "Sigurna kuća Beograd",
            "Sigurna kuća Novi Sad"
        ]
    );
    assert_eq!(
        result_names(&from_novi_sad),
        [
            "Sigurna kuća Novi Sad",
            "Sigurna kuća Beograd",
            "Sigurna kuća Niš",
            "Sigurna kuća Vranje",
            "Sigurna kuća Skopje"
        ]
    );
    assert!(from_vranje.contains("Poređano po udaljenosti od: Vranje"));
    // Vranje–Niš is about 93 km as the crow flies.
    let nis_item = from_vranje.split("Sigurna kuća Niš</a>").nth(1).unwrap();
    let km: f64 = nis_item
        .split("<strong>")
        .nth(1)
        .and_then(|s| s.split(" km").next())
        .map(|s| s.replace(',', "."))
        .and_then(|s| s.parse().ok())
        .expect("a distance beside each result");
    assert!((85.0..=100.0).contains(&km), "{km} km");
}

#[tokio::test]
async fn next_links_walk_every_service_once_by_name_and_by_distance() {
    let app = TestApp::spawn().await;
    let vranje = app.municipality("RS", "Vranje").await;
    let mut expected = Vec::new();
    for n in 0..60 {
        // Spread a little around Vranje so distances differ (and some tie).
        let mut input = service(
            &format!("Usluga {:02}", (n * 37) % 60),
            "home-care",
            &["older-people"],
            vranje,
        );
        input.latitude = Some(42.55 + f64::from(n % 7) * 0.01);
        input.longitude = Some(21.90);
        app.add_service(&input, None).await;
        expected.push(input.name);
    }
    expected.sort();

    for start in [
        "/services?kind=home-care".to_owned(),
        format!("/services?kind=home-care&near={vranje}"),
    ] {
        let mut seen = Vec::new();
        let mut next = Some(start.clone());
        while let Some(path) = next {
            let body = app.get(&path.replace("&#38;", "&")).await.body;
            seen.extend(result_names(&body));
            next = body
                .split("rel=\"next\"")
                .next()
                .filter(|_| body.contains("rel=\"next\""))
                .and_then(|before| before.rsplit("href=\"").next())
                .map(|href| {
                    href.trim_end_matches("\" ")
                        .trim_end_matches('"')
                        .to_owned()
                });
            assert!(seen.len() <= 60, "no page repeats: {start}");
        }
        let mut sorted = seen.clone();
        sorted.sort();
        assert_eq!(sorted, expected, "{start}: every service once");
        if !start.contains("near") {
            assert_eq!(seen, expected, "by name");
        }
    }
}

#[tokio::test]
async fn a_suggested_service_is_reviewed_published_and_its_author_told() {
    let app = TestApp::spawn().await;
    app.create_member("Milica Jovanović", "milica@kolega.rs", Role::Moderator)
        .await;
    let vranje = app.municipality("RS", "Vranje").await;
    // Visitors are asked to sign in; members may not review.
    app.get("/services/new")
        .await
        .assert_status(StatusCode::SEE_OTHER);
    app.sign_in_as("Ana Vuković", "ana@csr.rs", Role::Practitioner)
        .await;
    app.get("/services/review")
        .await
        .assert_status(StatusCode::FORBIDDEN);

    // A mistake comes back with the text kept and the message beside the field.
    let mut input = service(
        "Savetovalište za roditelje",
        "counselling",
        &["families"],
        vranje,
    );
    input.phone = "zovite nas".into();
    input.description = "Besplatni razgovori sa psihologom.".into();
    let mut fields = form_fields(&input);
    fields.retain(|(k, _)| k != "kind");
    fields.push(("note".into(), "Bila sam tamo 1. decembra.".into()));
    let refused = app.post_fields("/services/new", &fields).await;
    refused.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("Besplatni razgovori sa psihologom."));
    assert!(refused.body.contains("Bila sam tamo 1. decembra."));
    assert!(
        refused.body.contains("id=\"phone-error\"") && refused.body.contains("id=\"kind-error\"")
    );
    assert_eq!(
        app.count("SELECT count(*) FROM service_suggestions").await,
        0
    );

    input.phone = "+381 17 400 100".into();
    let mut fields = form_fields(&input);
    fields.push(("note".into(), "Bila sam tamo 1. decembra.".into()));
    app.post_fields("/services/new", &fields)
        .await
        .assert_status(StatusCode::SEE_OTHER);
    assert!(
        result_names(&app.get("/services").await.body).is_empty(),
        "not public before review"
    );

    app.switch_to("milica@kolega.rs").await;
    let queue = app.get("/services/review").await.body;
    assert!(queue.contains("Savetovalište za roditelje"));
    let review = queue
        .split("href=\"/services/review/")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .map(|id| format!("/services/review/{id}"))
        .unwrap();
    let page = app.get(&review).await.body;
    assert!(page.contains("Bila sam tamo 1. decembra.") && page.contains("+381 17 400 100"));
    // The moderator corrects the name while accepting.
    input.name = "Savetovalište za brak i porodicu".into();
    let mut decision = form_fields(&input);
    decision.push(("action".into(), "accept".into()));
    app.post_fields(&review, &decision)
        .await
        .assert_status(StatusCode::SEE_OTHER);

    assert_eq!(
        result_names(&app.get("/services").await.body),
        ["Savetovalište za brak i porodicu"]
    );
    let mail = app.deliver_new_mail().await;
    let told = mail
        .iter()
        .find(|m| m.to == "ana@csr.rs")
        .expect("the member is told");
    assert!(
        told.subject.contains("Prihvaćen predlog"),
        "{}",
        told.subject
    );
    assert!(told.text.contains("/services/"), "with a link");
    // Decided once: a second decision is refused.
    app.post_fields(&review, &decision)
        .await
        .assert_status(StatusCode::CONFLICT);
}

#[tokio::test]
async fn a_correction_is_compared_and_refused_with_a_reason_the_member_reads() {
    let app = TestApp::spawn().await;
    app.create_member("Milica Jovanović", "milica@kolega.rs", Role::Moderator)
        .await;
    let sid = app.municipality("RS", "Šid").await;
    let original = service(
        "Centar za socijalni rad Šid",
        "social-work-centre",
        &["families", "children"],
        sid,
    );
    // As a spreadsheet import may leave it: a trailing space, Windows line
    // ends, the groups in another order. Sent back through the form these
    // are the same values, not changes.
    let mut imported = original.clone();
    imported.name = "Centar za socijalni rad Šid ".into();
    imported.eligibility = "Porodice sa decom\r\nIz opštine Šid".into();
    let id = app.add_service(&imported, Some(app.clock.now())).await;
    app.sign_in_as("Ana Vuković", "ana@csr.rs", Role::Practitioner)
        .await;

    let page = app.get(&format!("/services/{id}/suggest")).await;
    assert!(
        page.body.contains("value=\"+381 11 000 0001\""),
        "the form starts from the record"
    );
    let mut changed = original.clone();
    changed.target_groups = vec!["children".into(), "families".into()];
    changed.eligibility = "Porodice sa decom\nIz opštine Šid".into();
    changed.phone = "+381 22 712 000".into();
    app.post_fields(&format!("/services/{id}/suggest"), &form_fields(&changed))
        .await
        .assert_status(StatusCode::SEE_OTHER);

    app.switch_to("milica@kolega.rs").await;
    let queue = app.get("/services/review").await.body;
    let review = queue
        .split("href=\"/services/review/")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .map(|id| format!("/services/review/{id}"))
        .unwrap();
    let page = app.get(&review).await.body;
    let changes = page
        .split("<ul class=\"changes\"")
        .nth(1)
        .expect("the changes are listed")
        .split("</ul>")
        .next()
        .unwrap();
    assert_eq!(
        changes.matches("<li>").count(),
        1,
        "only the phone really changed: {changes}"
    );
    assert!(
        changes.contains("<strong>Telefon</strong>")
            && changes.contains("<del>+381 11 000 0001</del>")
            && changes.contains("<ins>+381 22 712 000</ins>"),
        "the field by its name, the old value and the new: {changes}"
    );
    app.submit_form("/", "/language", &[("lang", "en")]).await;
    let english = app.get(&review).await.body;
    assert!(english.contains("<strong>Phone</strong>"));
    app.submit_form("/", "/language", &[("lang", "sr-Latn")])
        .await;
    let without_reason = app
        .post_fields(
            &review,
            &[
                ("action".into(), "refuse".into()),
                ("reason".into(), " ".into()),
            ],
        )
        .await;
    without_reason.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(without_reason.body.contains("id=\"reason-error\""));
    app.post_fields(
        &review,
        &[
            ("action".into(), "refuse".into()),
            (
                "reason".into(),
                "Broj sa sajta opštine je i dalje 022 712 000.".into(),
            ),
        ],
    )
    .await
    .assert_status(StatusCode::SEE_OTHER);

    let record = app.get(&format!("/services/{id}")).await.body;
    assert!(record.contains("href=\"tel:+381110000001\""), "unchanged");
    let mail = app.deliver_new_mail().await;
    let told = mail
        .iter()
        .find(|m| m.to == "ana@csr.rs")
        .expect("the member is told");
    assert!(told.subject.contains("nije prihvaćen"));
    assert!(
        told.text
            .contains("Broj sa sajta opštine je i dalje 022 712 000.")
    );
}

#[tokio::test]
async fn only_verified_members_suggest_and_only_moderators_edit_and_verify() {
    let app = TestApp::spawn().await;
    let vranje = app.municipality("RS", "Vranje").await;
    let id = app
        .add_service(
            &service(
                "Narodna kuhinja Vranje",
                "soup-kitchen",
                &["homeless"],
                vranje,
            ),
            None,
        )
        .await;
    app.get(&format!("/services/{id}"))
        .await
        .assert_status(StatusCode::OK);
    app.get(&format!("/services/{id}/edit"))
        .await
        .assert_status(StatusCode::SEE_OTHER);

    app.sign_in_as("Ana Vuković", "ana@csr.rs", Role::Practitioner)
        .await;
    app.get(&format!("/services/{id}/edit"))
        .await
        .assert_status(StatusCode::FORBIDDEN);
    app.post_fields(&format!("/services/{id}/verify"), &[])
        .await
        .assert_status(StatusCode::FORBIDDEN);
    app.post_fields(
        &format!("/services/{id}/edit"),
        &form_fields(&service("X", "shelter", &["homeless"], vranje)),
    )
    .await
    .assert_status(StatusCode::FORBIDDEN);
    sqlx::query("UPDATE users SET email_verified_at = NULL WHERE email = 'ana@csr.rs'")
        .execute(&app.pool)
        .await
        .unwrap();
    app.get("/services/new")
        .await
        .assert_status(StatusCode::FORBIDDEN);
    app.get("/services/not-a-uuid")
        .await
        .assert_status(StatusCode::NOT_FOUND);
    app.get("/services/review/00000000-0000-0000-0000-000000000000")
        .await
        .assert_status(StatusCode::FORBIDDEN);

    app.sign_in_as("Milica Jovanović", "milica@kolega.rs", Role::Moderator)
        .await;
    let mut edited = service(
        "Narodna kuhinja Crvenog krsta Vranje",
        "soup-kitchen",
        &["homeless"],
        vranje,
    );
    edited.hours = "Svakog dana 11–13".into();
    app.post_fields(&format!("/services/{id}/edit"), &form_fields(&edited))
        .await
        .assert_status(StatusCode::SEE_OTHER);
    let page = app.get(&format!("/services/{id}")).await.body;
    assert!(
        page.contains("Narodna kuhinja Crvenog krsta Vranje") && page.contains("Svakog dana 11–13")
    );
    assert!(
        page.contains("Poslednji put provereno"),
        "a moderator's edit is a check"
    );
}

#[tokio::test]
async fn a_confidential_address_is_never_shown_nor_searchable() {
    let app = TestApp::spawn().await;
    let nis = app.municipality("RS", "Niš").await;
    let mut shelter = service("Sigurna kuća Niš", "shelter", &["violence-victims"], nis);
    shelter.address = "Tajna ulica 5".into();
    shelter.address_confidential = true;
    shelter.latitude = Some(43.3333);
    shelter.longitude = Some(21.9111);
    let id = app.add_service(&shelter, None).await;

    let list = app.get("/services").await.body;
    let page = app.get(&format!("/services/{id}")).await.body;

    assert!(!list.contains("Tajna ulica") && !page.contains("Tajna ulica"));
    assert!(page.contains("Adresa se ne objavljuje"));
    assert!(
        !page.contains("43.3333"),
        "its point is the town's, not the house's"
    );
    assert!(result_names(&app.get("/services?q=tajna").await.body).is_empty());
}

#[tokio::test]
async fn entries_unchecked_for_a_year_are_marked_for_visitors_and_listed_for_moderators() {
    let app = TestApp::spawn().await;
    let vrbas = app.municipality("RS", "Vrbas").await;
    let now = app.clock.now();
    let old = app
        .add_service(
            &service("Pomoć u kući Vrbas", "home-care", &["older-people"], vrbas),
            Some(now - Duration::days(400)),
        )
        .await;
    let fresh = app
        .add_service(
            &service("Dnevni boravak Vrbas", "day-care", &["older-people"], vrbas),
            Some(now - Duration::days(30)),
        )
        .await;

    assert!(
        app.get(&format!("/services/{old}"))
            .await
            .body
            .contains("možda je zastareo")
    );
    assert!(
        !app.get(&format!("/services/{fresh}"))
            .await
            .body
            .contains("možda je zastareo")
    );
    let list = app.get("/services").await.body;
    assert_eq!(list.matches("možda zastarelo").count(), 1);

    app.sign_in_as("Milica Jovanović", "milica@kolega.rs", Role::Moderator)
        .await;
    let queue = app.get("/services/review").await.body;
    assert!(queue.contains("Pomoć u kući Vrbas") && !queue.contains("Dnevni boravak Vrbas"));
    assert!(queue.contains("1 usluga čeka proveru."));
    app.post_fields(&format!("/services/{old}/verify"), &[])
        .await
        .assert_status(StatusCode::SEE_OTHER);
    assert!(
        !app.get(&format!("/services/{old}"))
            .await
            .body
            .contains("možda je zastareo")
    );

    // A year later the fresh one is stale too (the manual clock moves).
    app.clock.advance(Duration::days(340));
    assert!(
        app.get(&format!("/services/{fresh}"))
            .await
            .body
            .contains("možda je zastareo")
    );
}

#[tokio::test]
async fn the_edit_form_shows_coordinates_without_float_noise() {
    let app = TestApp::spawn().await;
    let podgorica = app.municipality("ME", "Podgorica").await;
    let mut input = service("Dnevni centar", "day-care", &["children"], podgorica);
    input.latitude = Some(42.430099999999996);
    input.longitude = Some(19.259400000000003);
    let id = app.add_service(&input, None).await;
    app.sign_in_as("Mila Moderatorka", "mila@kolega.rs", Role::Moderator)
        .await;
    let form = app.get(&format!("/services/{id}/edit")).await;
    form.assert_status(StatusCode::OK);
    assert!(form.body.contains("value=\"42.4301\""), "{}", form.body);
    assert!(form.body.contains("value=\"19.2594\""));
    assert!(!form.body.contains("42.430099999999996"));
}

#[tokio::test]
async fn emergency_numbers_reach_visitors_as_tel_links_and_only_admins_change_them() {
    let app = TestApp::spawn().await;
    for page in ["/", "/services"] {
        let body = app.get(page).await.body;
        assert!(body.contains("Potrebna vam je pomoć odmah?"), "{page}");
        assert!(body.contains("<a href=\"tel:192\">192</a>"), "{page}");
        assert!(
            body.contains("<a href=\"tel:0800100600\">0800 100 600</a>"),
            "{page}"
        );
        assert!(
            body.contains("<a href=\"tel:080111111\">080 111 111</a>"),
            "{page}"
        );
        assert!(body.contains("href=\"/services?kind=shelter\""), "{page}");
        assert!(
            body.contains("href=\"/services?kind=social-work-centre\""),
            "{page}"
        );
    }
    // Montenegro's numbers come first for someone looking in Montenegro.
    let in_montenegro = app.get("/services?country=ME").await.body;
    let block = in_montenegro.split("id=\"help-now\"").nth(1).unwrap();
    assert!(block.find("tel:080111111").unwrap() < block.find("tel:0800100600").unwrap());

    // A moderator may not change them.
    app.sign_in_as("Milica Jovanović", "milica@kolega.rs", Role::Moderator)
        .await;
    app.get("/admin/emergency-numbers")
        .await
        .assert_status(StatusCode::FORBIDDEN);

    app.sign_in_as("Ana Admin", "admin@kolega.rs", Role::Admin)
        .await;
    let page = "/admin/emergency-numbers";
    // A bad number is refused beside the field, and nothing is added.
    let refused = app
        .submit_form(
            page,
            page,
            &[
                ("country", "BA"),
                ("kind", "violence"),
                ("number", "zovi odmah"),
                ("label_sr", "SOS linija"),
                ("label_en", "SOS line"),
                ("position", "30"),
            ],
        )
        .await;
    refused.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("Unesite broj telefona"));
    app.submit_form(
        page,
        page,
        &[
            ("country", "BA"),
            ("kind", "fire"),
            ("number", "123"),
            ("label_sr", "Vatrogasci"),
            ("label_en", "Firefighters"),
            ("position", "30"),
        ],
    )
    .await
    .assert_status(StatusCode::SEE_OTHER);
    // Changing the first seeded number (Serbia's police).
    let police: i32 = sqlx::query_scalar(
        "SELECT number_id FROM emergency_numbers WHERE country = 'RS' AND kind = 'police'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    app.submit_form(
        page,
        &format!("{page}/{police}"),
        &[
            ("country", "RS"),
            ("kind", "police"),
            ("number", "192"),
            ("label_sr", "Policija (dežurna služba)"),
            ("label_en", "Police"),
            ("position", "10"),
        ],
    )
    .await
    .assert_status(StatusCode::SEE_OTHER);

    app.clear_cookies();
    let home = app.get("/").await.body;
    assert!(home.contains("Policija (dežurna služba): <a href=\"tel:192\">192</a>"));
    assert!(home.contains("Vatrogasci: <a href=\"tel:123\">123</a>"));
    assert!(!home.contains("zovi odmah"));
}

#[tokio::test]
async fn the_list_asks_for_a_place_remembers_it_orders_by_distance_and_names_each_municipality() {
    let app = TestApp::spawn().await;
    for (place, country) in [("Banja Luka", "BA"), ("Beograd", "RS"), ("Vranje", "RS")] {
        let id = app.municipality(country, place).await;
        app.add_service(
            &service("Sigurna kuća", "shelter", &["violence-victims"], id),
            None,
        )
        .await;
    }
    let vranje = app.municipality("RS", "Vranje").await;

    // No place yet: the picker comes first, Serbia's shelters before Banja
    // Luka's, each with its municipality and country, and the count.
    let first = app.get("/services?kind=shelter").await.body;
    assert!(first.contains("id=\"place-first\""));
    assert!(first.contains("Pronađene su 3 službe."));
    let places: Vec<&str> = first
        .split("<span class=\"municipality\">")
        .skip(1)
        .filter_map(|s| s.split("</span>").next())
        .collect();
    assert_eq!(
        places,
        [
            "Beograd, Srbija",
            "Vranje, Srbija",
            "Banja Luka, Bosna i Hercegovina"
        ]
    );

    // Choosing Vranje orders by distance from it and remembers it.
    let chosen = app
        .get(&format!("/services?place={vranje}&mode=near&kind=shelter"))
        .await;
    assert!(
        chosen
            .all_headers("set-cookie")
            .iter()
            .any(|c| c.starts_with(&format!("kolega_place={vranje};")))
    );
    // The next visit (e.g. "nearest shelter" from the home page) starts there.
    let again = app.get("/services?kind=shelter").await.body;
    assert!(!again.contains("id=\"place-first\""));
    assert!(again.contains("Poređano po udaljenosti od: Vranje"));
    let places: Vec<&str> = again
        .split("<span class=\"municipality\">")
        .skip(1)
        .filter_map(|s| s.split("</span>").next())
        .collect();
    assert_eq!(
        places,
        [
            "Vranje, Srbija",
            "Beograd, Srbija",
            "Banja Luka, Bosna i Hercegovina"
        ]
    );

    // "Any place" forgets it.
    let forgotten = app.get("/services?place=&mode=near&kind=shelter").await;
    assert!(
        forgotten
            .all_headers("set-cookie")
            .iter()
            .any(|c| c.starts_with("kolega_place=;"))
    );
    assert!(
        app.get("/services?kind=shelter")
            .await
            .body
            .contains("id=\"place-first\"")
    );
}

/// The suggestion workflow without HTTP: `directory::suggestions::decide`
/// over a transaction applies an accepted suggestion, asks for a reason to
/// refuse, refuses a second decision, and tells the member.
#[tokio::test]
async fn a_suggestion_decision_is_a_workflow_over_a_transaction() {
    use kolega::directory::suggestions::{self, Decision, Refused};
    use kolega::directory::vocabulary::SuggestionStatus;
    let app = TestApp::spawn().await;
    app.create_member("Milica Jovanović", "milica@kolega.rs", Role::Moderator)
        .await;
    let curator = app.user_id("milica@kolega.rs").await;
    let vranje = app.municipality("RS", "Vranje").await;
    app.sign_in_as("Ana Vuković", "ana@csr.rs", Role::Practitioner)
        .await;
    let suggest = |name: &str| {
        let input = service(name, "counselling", &["families"], vranje);
        form_fields(&input)
    };
    for name in ["Savetovalište Vranje", "Dnevni boravak Vranje"] {
        app.post_fields("/services/new", &suggest(name))
            .await
            .assert_status(StatusCode::SEE_OTHER);
    }
    let pending = suggestions::pending(&app.pool).await.unwrap();
    assert_eq!(pending.len(), 2);
    let base_url = &app.state.config.base_url;
    let now = app.clock.now();
    let decide = |suggestion: suggestions::Suggestion, decision| {
        let pool = app.pool.clone();
        async move {
            let mut tx = pool.begin().await.unwrap();
            let answer =
                suggestions::decide(&mut tx, base_url, &suggestion, decision, curator, now)
                    .await
                    .unwrap();
            tx.commit().await.unwrap();
            answer
        }
    };
    let (first, second) = (pending[0].clone(), pending[1].clone());

    let accepted = first.fields.0.clone();
    assert_eq!(
        decide(first.clone(), Decision::Accept(Box::new(accepted.clone()))).await,
        Ok(SuggestionStatus::Accepted)
    );
    assert_eq!(
        decide(first, Decision::Accept(Box::new(accepted))).await,
        Err(Refused::AlreadyDecided)
    );
    let no_reason = Decision::Refuse { reason: " ".into() };
    assert_eq!(
        decide(second.clone(), no_reason).await,
        Err(Refused::NoReason)
    );
    let refused = Decision::Refuse {
        reason: "Već postoji na mapi.".into(),
    };
    assert_eq!(decide(second, refused).await, Ok(SuggestionStatus::Refused));

    assert_eq!(
        app.count("SELECT count(*) FROM services WHERE name IN ('Savetovalište Vranje', 'Dnevni boravak Vranje')")
            .await,
        1,
        "only the accepted one is on the map"
    );
    assert_eq!(
        app.count("SELECT count(*) FROM notifications n JOIN users u USING (user_id) WHERE u.email = 'ana@csr.rs'")
            .await,
        2,
        "Ana is told of both decisions"
    );
}
