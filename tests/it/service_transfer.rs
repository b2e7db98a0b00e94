//! Service map import and export: the published directory exported as CSV
//! and HSDS JSON and imported into an empty database is the same directory;
//! files as Excel saves them (`;` or tab, Windows-1250 or UTF-8 with a
//! byte-order mark) import with their letters intact and the preview says
//! how they were read; a file with bad records is reported line by line,
//! in the order of the file, and nothing is written; only moderators
//! import, anyone exports.

use crate::common::{TestApp, TestResponse, html};
use axum::body::Body;
use axum::http::{Method, StatusCode};
use chrono::{TimeZone, Utc};
use encoding_rs::WINDOWS_1250;
use kolega::directory::store::{self, Provenance, Service, ServiceInput};
use kolega::members::Role;
use uuid::Uuid;

async fn municipality(app: &TestApp, country: &str, name: &str) -> i32 {
    sqlx::query_scalar(
        "SELECT municipality_id FROM municipalities WHERE country_code = $1 AND name = $2",
    )
    .bind(country)
    .bind(name)
    .fetch_one(&app.pool)
    .await
    .unwrap()
}

/// Three published services (one organization with two of them, a
/// confidential shelter, Cyrillic, quotes, commas, line breaks, values a
/// spreadsheet would run as formulas) and one withdrawn; returns the ids
/// of the published ones.
async fn seed_directory(app: &TestApp) -> Vec<Uuid> {
    let now = app.clock.now();
    let vranje = municipality(app, "RS", "Vranje").await;
    let cacak = municipality(app, "RS", "Čačak").await;
    let podgorica = municipality(app, "ME", "Podgorica").await;
    let centre = ServiceInput {
        organization_name: "Centar za socijalni rad \"Vranje\", Vranje".into(),
        organization_description:
            "Установа социјалне заштите.\nDruga linija, sa zarezom, i \"navodnicima\".".into(),
        organization_website: "https://csr-vranje.example.rs".into(),
        organization_email: "info@csr-vranje.example.rs".into(),
        organization_phone: "+381 17 421 000".into(),
        organization_legal_status: "ustanova socijalne zaštite".into(),
        name: "Саветовалиште за брак и породицу".into(),
        description: "Razgovori za **porodice**,\nparove i decu.\n\n- prvi korak\n- drugi korak"
            .into(),
        kind: "counselling".into(),
        target_groups: vec!["families".into(), "children".into(), "youth".into()],
        eligibility: "=HYPERLINK(\"http://evil.example\",\"klikni\")".into(),
        fees: "besplatno".into(),
        languages: vec!["sr".into(), "rom".into()],
        hours: "-radnim danima 7:30–15:30".into(),
        application_process: "@prijava lično ili telefonom".into(),
        email: "savetovaliste@csr-vranje.example.rs".into(),
        phone: "017 421 001".into(),
        url: "https://csr-vranje.example.rs/savetovaliste".into(),
        contact_name: "'=Mira Petrović".into(),
        location_name: "Zgrada centra".into(),
        address: "Ulica Stefana Prvovenčanog 12, II sprat".into(),
        postal_code: "17500".into(),
        municipality_id: vranje,
        address_confidential: false,
        latitude: Some(42.551234),
        longitude: Some(21.900456),
        accessibility: "Ulaz bez stepenika; lift.".into(),
    };
    let shelter = ServiceInput {
        organization_name: "Udruženje „Sigurna kuća” Čačak".into(),
        name: "Sigurna kuća za žene i decu".into(),
        kind: "shelter".into(),
        target_groups: vec!["violence-victims".into(), "children".into()],
        languages: vec!["sr".into()],
        hours: "0–24".into(),
        phone: "+381 32 000 000".into(),
        location_name: "Sigurna kuća".into(),
        address: "Tajna ulica 5".into(),
        postal_code: "32000".into(),
        municipality_id: cacak,
        address_confidential: true,
        latitude: Some(43.9),
        longitude: Some(20.35),
        ..ServiceInput::default()
    };
    let montenegro = ServiceInput {
        name: "Dnevni boravak za djecu".into(),
        kind: "day-care".into(),
        target_groups: vec!["children".into(), "disability".into()],
        url: "https://dnevni-boravak.example.me".into(),
        municipality_id: podgorica,
        ..centre.clone()
    };
    let withdrawn = ServiceInput {
        name: "Zatvorena narodna kuhinja".into(),
        kind: "soup-kitchen".into(),
        ..shelter.clone()
    };
    let verified = Utc.with_ymd_and_hms(2026, 10, 1, 8, 30, 15).unwrap()
        + chrono::Duration::microseconds(123_456);
    let mut conn = app.pool.acquire().await.unwrap();
    let mut ids = Vec::new();
    for (input, provenance) in [
        (
            &centre,
            Provenance {
                last_verified_at: Some(verified),
                ..Provenance::default()
            },
        ),
        (
            &shelter,
            Provenance {
                is_demo: true,
                last_verified_at: Some(verified),
                ..Provenance::default()
            },
        ),
        (&montenegro, Provenance::default()),
    ] {
        ids.push(
            store::create(&mut conn, input, &provenance, now)
                .await
                .unwrap(),
        );
    }
    let gone = store::create(&mut conn, &withdrawn, &Provenance::default(), now)
        .await
        .unwrap();
    sqlx::query("UPDATE services SET status = 'withdrawn' WHERE service_id = $1")
        .bind(gone)
        .execute(&mut *conn)
        .await
        .unwrap();
    ids
}

/// What a directory entry is, apart from when this database stored it.
fn essence(service: &Service) -> String {
    format!(
        "{:?}",
        (
            service.service_id,
            service.organization_id,
            service.location_id,
            ServiceInput::from_service(service),
            &service.status,
            service.is_demo,
            service.last_verified_at,
            &service.country_code,
        )
    )
}

/// The entry as an export carries it: a confidential address is not.
fn published(service: &Service) -> Service {
    let mut service = service.clone();
    if service.address_confidential {
        service.location_name.clear();
        service.address.clear();
        service.postal_code.clear();
    }
    service
}

async fn upload(app: &TestApp, file_name: &str, bytes: &[u8]) -> TestResponse {
    let page = app.get("/services/import").await;
    page.assert_status(StatusCode::OK);
    let action = page
        .body
        .split("action=\"")
        .find(|part| part.starts_with("/services/import?"))
        .and_then(|part| part.split('"').next())
        .expect("the upload form posts to /services/import?csrf_token=…")
        .replace("&#38;", "&");
    upload_to(app, &action, file_name, bytes).await
}

async fn upload_to(app: &TestApp, action: &str, file_name: &str, bytes: &[u8]) -> TestResponse {
    let boundary = "----kolega-import-boundary";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    let content_type = format!("multipart/form-data; boundary={boundary}");
    app.request(
        Method::POST,
        action,
        &[
            ("content-type", &content_type),
            ("sec-fetch-site", "same-origin"),
            ("origin", crate::common::test_app::BASE_URL),
        ],
        Body::from(body),
    )
    .await
}

/// Presses the preview's "import" button.
async fn confirm(app: &TestApp, preview: &TestResponse) -> TestResponse {
    let action = preview
        .body
        .split("action=\"")
        .find(|part| part.starts_with("/services/import/"))
        .and_then(|part| part.split('"').next())
        .unwrap_or_else(|| panic!("no confirm form on the preview:\n{}", preview.body))
        .to_owned();
    let fields = html::hidden_fields(&preview.body, &action).unwrap();
    let pairs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    app.post_form(&action, &pairs).await
}

/// (line, field) of each row of the preview's problem table.
fn problems(preview: &TestResponse) -> Vec<(String, String)> {
    preview
        .body
        .split("<tr data-line=\"")
        .skip(1)
        .map(|row| {
            let line = row.split('"').next().unwrap().to_owned();
            let field = row
                .split("data-field=\"")
                .nth(1)
                .unwrap()
                .split('"')
                .next()
                .unwrap()
                .to_owned();
            (line, field)
        })
        .collect()
}

async fn export(app: &TestApp, format: &str) -> TestResponse {
    let response = app.get(&format!("/services/export.{format}")).await;
    response.assert_status(StatusCode::OK);
    response
}

#[tokio::test]
async fn an_exported_directory_imported_into_an_empty_one_is_the_same_directory() {
    // Arrange: a directory, exported by a visitor.
    let source = TestApp::spawn().await;
    let ids = seed_directory(&source).await;
    let csv = export(&source, "csv").await;
    assert_eq!(csv.header("content-type"), Some("text/csv; charset=utf-8"));
    assert_eq!(
        csv.header("content-disposition"),
        Some("attachment; filename=\"kolega-services-2026-11-23.csv\"")
    );
    let json = export(&source, "json").await;
    assert_eq!(json.header("content-type"), Some("application/json"));
    assert!(
        json.header("content-disposition")
            .unwrap()
            .ends_with(".json\"")
    );

    // What is published, and how.
    assert_eq!(
        csv.body.lines().next().unwrap(),
        kolega::directory::transfer::export::csv_header().trim_end()
    );
    assert!(
        !csv.body.contains("Zatvorena narodna kuhinja"),
        "withdrawn entries are not exported"
    );
    assert!(
        !csv.body.contains("Tajna ulica") && !json.body.contains("Tajna ulica"),
        "confidential address"
    );
    assert!(
        csv.body.contains(",\"'=HYPERLINK(")
            && csv.body.contains(",'@prijava")
            && csv.body.contains(",'-radnim danima")
            && csv.body.contains(",''=Mira Petrović,"),
        "formulas are defused:\n{}",
        csv.body
    );
    assert!(
        csv.body.contains(",+381 17 421 000,") && csv.body.contains(",017 421 001,"),
        "phone numbers are not formulas:\n{}",
        csv.body
    );
    let services: serde_json::Value = serde_json::from_str(&json.body).expect("the export is JSON");
    let services = services.as_array().unwrap();
    assert_eq!(services.len(), 3);
    let shelter = services
        .iter()
        .find(|s| s["name"] == "Sigurna kuća za žene i decu")
        .unwrap();
    let location = &shelter["service_at_locations"][0]["location"];
    assert_eq!(location["addresses"][0]["address_1"], "");
    assert_eq!(location["addresses"][0]["city"], "Čačak");
    assert_eq!(
        (
            location["latitude"].as_f64(),
            location["longitude"].as_f64()
        ),
        (Some(43.8914), Some(20.3497))
    );
    assert_eq!(shelter["x_kolega"]["address_confidential"], true);
    assert_eq!(
        shelter["x_kolega"]["target_groups"],
        serde_json::json!(["violence-victims", "children"])
    );

    let mut expected = Vec::new();
    for id in &ids {
        let service = store::find(&source.pool, *id).await.unwrap().unwrap();
        expected.push(essence(&published(&service)));
    }

    for (format, file) in [("csv", &csv.body), ("json", &json.body)] {
        // Act: a moderator of an empty directory imports the file.
        let target = TestApp::spawn().await;
        target
            .sign_in_as("Milica Jovanović", "milica@kolega.rs", Role::Moderator)
            .await;
        let preview = upload(&target, &format!("imenik.{format}"), file.as_bytes()).await;
        preview.assert_status(StatusCode::OK);
        assert!(
            preview.body.contains("3 nove usluge"),
            "{format}: {}",
            preview.body
        );
        assert_eq!(
            target.count("SELECT count(*) FROM services").await,
            0,
            "nothing before confirming"
        );
        confirm(&target, &preview)
            .await
            .assert_redirect_to("/services");

        // Assert: the same directory, entry by entry and byte for byte.
        assert_eq!(target.count("SELECT count(*) FROM services").await, 3);
        assert_eq!(
            target.count("SELECT count(*) FROM organizations").await,
            2,
            "{format}: shared organization"
        );
        for (id, expected) in ids.iter().zip(&expected) {
            let imported = store::find(&target.pool, *id)
                .await
                .unwrap()
                .expect("the file's ids are kept");
            assert_eq!(&essence(&imported), expected, "{format}");
        }
        assert_eq!(
            export(&target, "csv").await.body,
            csv.body,
            "{format}: CSV export"
        );
        assert_eq!(
            export(&target, "json").await.body,
            json.body,
            "{format}: JSON export"
        );

        // The same file again updates every entry and changes nothing.
        let again = upload(&target, "imenik", file.as_bytes()).await;
        assert!(again.body.contains("0 novih usluga"), "{}", again.body);
        assert!(
            again.body.contains("3 postojeće usluge se ažuriraju"),
            "{}",
            again.body
        );
        confirm(&target, &again)
            .await
            .assert_redirect_to("/services");
        assert_eq!(target.count("SELECT count(*) FROM services").await, 3);
        assert_eq!(export(&target, "csv").await.body, csv.body);
        // A confirmed upload cannot be imported twice.
        confirm(&target, &again)
            .await
            .assert_status(StatusCode::CONFLICT);
    }
}

const HEADER: &str =
    "name,organization_name,kind,target_groups,phone,country,municipality,description\n";

#[tokio::test]
async fn a_file_with_bad_records_is_reported_by_line_and_nothing_is_written() {
    let app = TestApp::spawn().await;
    app.sign_in_as("Milica Jovanović", "milica@kolega.rs", Role::Moderator)
        .await;
    // Five records; the second's description spans two lines.
    let file = format!(
        "{HEADER}\
         Savetovalište,Centar Niš,counselling,families,018 123 456,RS,Niš,Jedan red\n\
         Dnevni boravak,Centar,day-care,children;youth,018 123 457,RS,Atlantida,\"Prvi red,\ndrugi red\"\n\
         SOS linija,Centar,sos-line,violence-victims,pozovite nas,RS,Vranje,\n\
         Narodna kuhinja,Crveni krst,soup-kitchen,homeless,011 222 333,RS,Врање,\n\
         Pomoć u kući,Gerontološki centar,home-care,older-people,011 222 334,ME,Podgorica,\n"
    );
    let preview = upload(&app, "uvoz.csv", file.as_bytes()).await;
    preview.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        problems(&preview),
        vec![
            ("3".to_owned(), "municipality".to_owned()),
            ("5".to_owned(), "phone".to_owned())
        ],
        "{}",
        preview.body
    );
    assert!(
        preview.body.contains("Nepoznata opština ili grad"),
        "{}",
        preview.body
    );
    assert!(preview.body.contains("Atlantida (RS)"));
    assert!(preview.body.contains("Upišite broj telefona samo ciframa"));
    assert!(preview.body.contains("Ništa nije upisano"));
    assert!(
        preview
            .body
            .contains("3 usluge su bez grešaka, ali se datoteka uvozi samo cela"),
        "{}",
        preview.body
    );
    assert!(
        !preview.body.contains("id=\"import-new\""),
        "a file with errors does not announce new services"
    );
    assert!(
        !preview.body.contains("action=\"/services/import/"),
        "no confirm button"
    );
    assert_eq!(app.count("SELECT count(*) FROM services").await, 0);
    assert_eq!(
        app.count("SELECT count(*) FROM service_imports").await,
        0,
        "a bad file is not kept"
    );

    // Trying to confirm anyway finds nothing to import.
    let token = app.csrf_token().unwrap();
    app.post_form(
        &format!("/services/import/{}", Uuid::new_v4()),
        &[("csrf_token", &token), ("sha256", "0")],
    )
    .await
    .assert_status(StatusCode::NOT_FOUND);
    assert_eq!(app.count("SELECT count(*) FROM services").await, 0);

    // Another moderator's valid upload cannot be confirmed by this one,
    // nor a valid upload with a different checksum.
    let good =
        format!("{HEADER}Savetovalište,Centar Niš,counselling,families,018 123 456,RS,nis,\n");
    let preview = upload(&app, "dobar.csv", good.as_bytes()).await;
    preview.assert_status(StatusCode::OK);
    let action = preview
        .body
        .split("action=\"")
        .find(|p| p.starts_with("/services/import/"))
        .unwrap();
    let action = action.split('"').next().unwrap();
    app.post_form(
        action,
        &[("csrf_token", &token), ("sha256", &"a".repeat(64))],
    )
    .await
    .assert_status(StatusCode::CONFLICT);
    app.create_member("Jovan Ilić", "jovan@kolega.rs", Role::Moderator)
        .await;
    app.switch_to("jovan@kolega.rs").await;
    app.get("/services/import").await;
    let fields = html::hidden_fields(&preview.body, action).unwrap();
    let mut pairs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let token = app.csrf_token().unwrap();
    pairs.retain(|(k, _)| *k != "csrf_token");
    pairs.push(("csrf_token", &token));
    app.post_form(action, &pairs)
        .await
        .assert_status(StatusCode::NOT_FOUND);
    assert_eq!(app.count("SELECT count(*) FROM services").await, 0);
}

/// An imported service: (name, organization, address, municipality,
/// target groups, latitude, longitude).
type Imported = (String, String, String, String, Vec<String>, f64, f64);

/// Each imported service, in the order of the file.
async fn imported(app: &TestApp) -> Vec<Imported> {
    sqlx::query_as(
        "SELECT s.name, o.name, s.address, m.name, s.target_groups, s.latitude, s.longitude
         FROM services s JOIN organizations o USING (organization_id)
         JOIN municipalities m USING (municipality_id)
         ORDER BY s.service_no",
    )
    .fetch_all(&app.pool)
    .await
    .unwrap()
}

#[tokio::test]
async fn a_semicolon_file_in_windows_1250_from_excel_imports_with_its_letters() {
    let app = TestApp::spawn().await;
    app.sign_in_as("Milica Jovanović", "milica@kolega.rs", Role::Moderator)
        .await;
    // As Excel in a Serbian locale saves "CSV": `;`, CRLF, decimal commas,
    // Windows-1250; a quoted list holds the delimiter.
    let text = "name;organization_name;kind;target_groups;phone;country;municipality;address;latitude;longitude\r\n\
        Savetovalište za decu – š đ č ć ž;Udruženje „Đurđevak”, Čačak;counselling;\"children;youth\";032 000 001;RS;Čačak;Žička 5;43,8914;20,3497\r\n\
        Sigurna kuća „Šumadija”;Centar za socijalni rad Ćuprija;shelter;violence-victims;035 000 002;RS;ćuprija;;;\r\n";
    let (bytes, _, unmappable) = WINDOWS_1250.encode(text);
    assert!(!unmappable);
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the file really is Windows-1250, not UTF-8"
    );

    let preview = upload(&app, "usluge.csv", &bytes).await;

    preview.assert_status(StatusCode::OK);
    assert!(
        preview
            .body
            .contains("Pročitano kao Windows-1250, polja odvojena tačkom-zarezom."),
        "{}",
        preview.body
    );
    assert!(preview.body.contains("2 nove usluge"), "{}", preview.body);
    assert!(preview.body.contains("Savetovalište za decu – š đ č ć ž"));
    confirm(&app, &preview)
        .await
        .assert_redirect_to("/services");
    let strings = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert_eq!(
        imported(&app).await,
        vec![
            (
                "Savetovalište za decu – š đ č ć ž".to_owned(),
                "Udruženje „Đurđevak”, Čačak".to_owned(),
                "Žička 5".to_owned(),
                "Čačak".to_owned(),
                strings(&["children", "youth"]),
                43.8914,
                20.3497
            ),
            (
                "Sigurna kuća „Šumadija”".to_owned(),
                "Centar za socijalni rad Ćuprija".to_owned(),
                String::new(),
                "Ćuprija".to_owned(),
                strings(&["violence-victims"]),
                43.9275,
                21.37
            ),
        ]
    );
}

#[tokio::test]
async fn a_tab_separated_utf8_file_with_a_byte_order_mark_imports() {
    let app = TestApp::spawn().await;
    app.sign_in_as("Milica Jovanović", "milica@kolega.rs", Role::Moderator)
        .await;
    // "Unicode text" style: tabs; commas and semicolons are only text.
    let file = "\u{feff}name\torganization_name\tkind\ttarget_groups\tphone\tcountry\tmunicipality\r\n\
        Dnevni boravak „Sunce”\tCentar, Vranje; jug\tday-care\tchildren;disability\t017 000 003\tRS\tVranje\r\n";

    let preview = upload(&app, "usluge.txt", file.as_bytes()).await;

    preview.assert_status(StatusCode::OK);
    assert!(
        preview
            .body
            .contains("Pročitano kao UTF-8 (BOM), polja odvojena tabulatorom."),
        "{}",
        preview.body
    );
    assert!(preview.body.contains("1 nova usluga"), "{}", preview.body);
    confirm(&app, &preview)
        .await
        .assert_redirect_to("/services");
    let services = imported(&app).await;
    assert_eq!(services.len(), 1);
    assert_eq!(
        (services[0].0.as_str(), services[0].1.as_str()),
        ("Dnevni boravak „Sunce”", "Centar, Vranje; jug")
    );
    assert_eq!(services[0].4, vec!["children", "disability"]);
}

#[tokio::test]
async fn problems_after_a_multi_line_field_are_on_their_lines_in_file_order() {
    let app = TestApp::spawn().await;
    app.sign_in_as("Milica Jovanović", "milica@kolega.rs", Role::Moderator)
        .await;
    // The first record's description spans lines 2–4 (CRLF inside the
    // quotes). Line 5's problem is found checking the municipality, line
    // 6's while reading the flag, an earlier pass: the list is by line.
    let file = "name;organization_name;kind;target_groups;phone;country;municipality;description;is_demo\r\n\
        Savetovalište;Centar;counselling;families;011 000 001;RS;Niš;\"Prvi red;\r\ndrugi red\r\ntreći red\";false\r\n\
        Dnevni boravak;Centar;day-care;children;011 000 002;RS;Atlantida;;false\r\n\
        SOS linija;Centar;sos-line;violence-victims;011 000 003;RS;Vranje;;možda\r\n";

    let preview = upload(&app, "uvoz.csv", file.as_bytes()).await;

    preview.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        problems(&preview),
        vec![
            ("5".to_owned(), "municipality".to_owned()),
            ("6".to_owned(), "is_demo".to_owned())
        ],
        "{}",
        preview.body
    );
    assert!(
        preview
            .body
            .contains("Pročitano kao UTF-8, polja odvojena tačkom-zarezom."),
        "{}",
        preview.body
    );
    assert!(preview.body.contains("1 usluga je bez grešaka"));
    assert!(!preview.body.contains("id=\"import-new\""));

    // A file whose every row fails says plainly that none can be imported.
    let file = "name;organization_name;kind;target_groups;phone;country;municipality\r\n\
        Dnevni boravak;Centar;day-care;children;011 000 002;RS;Atlantida\r\n\
        SOS linija;Centar;sos-line;violence-victims;pozovite;RS;Vranje\r\n";
    let preview = upload(&app, "uvoz.csv", file.as_bytes()).await;
    preview.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        preview
            .body
            .contains("Nijedna usluga iz ove datoteke ne može da se uveze."),
        "{}",
        preview.body
    );
    assert!(
        !preview.body.contains("nove usluge") && !preview.body.contains("id=\"import-new\""),
        "{}",
        preview.body
    );
    assert_eq!(app.count("SELECT count(*) FROM services").await, 0);
}

#[tokio::test]
async fn a_broken_or_foreign_file_gets_a_clear_message_not_an_error_page() {
    let app = TestApp::spawn().await;
    app.sign_in_as("Milica Jovanović", "milica@kolega.rs", Role::Moderator)
        .await;
    let cases: [(&str, &[u8], &str, &str); 6] = [
        (
            "services.json",
            b"{\"services\": [\n  {\"name\": \"x\"},\n]}",
            "nije ispravan JSON",
            "3",
        ),
        (
            "services.json",
            b"[1, 2]",
            "Očekuje se niz HSDS usluga",
            "1",
        ),
        (
            "services.csv",
            b"name,kind\n\0\n",
            "ne može da se pročita kao tekst",
            "2",
        ),
        (
            "notes.txt",
            b"Ovo nije ni JSON ni CSV.\n",
            "Nepoznata kolona",
            "1",
        ),
        (
            "empty.csv",
            b"name,country,municipality\n",
            "nema nijedne usluge",
            "—",
        ),
        (
            "foreign.json",
            b"[{\"id\": \"not-a-uuid\", \"name\": \"Usluga\", \"service_at_locations\": [{}, {}]}]",
            "mora biti UUID",
            "1",
        ),
    ];
    for (name, bytes, message, line) in cases {
        let preview = upload(&app, name, bytes).await;
        preview.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
        assert!(preview.body.contains(message), "{name}: {}", preview.body);
        assert_eq!(problems(&preview)[0].0, line, "{name}: {}", preview.body);
    }
    // No file at all.
    let page = app.get("/services/import").await;
    let action = page
        .body
        .split("action=\"")
        .find(|p| p.starts_with("/services/import?"))
        .unwrap();
    let action = action.split('"').next().unwrap().replace("&#38;", "&");
    let boundary = "b";
    let body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--{boundary}--\r\n"
    );
    let response = app
        .request(
            Method::POST,
            &action,
            &[
                ("content-type", "multipart/form-data; boundary=b"),
                ("sec-fetch-site", "same-origin"),
                ("origin", crate::common::test_app::BASE_URL),
            ],
            Body::from(body),
        )
        .await;
    response.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(response.body.contains("Izaberite datoteku za uvoz."));
    // Too large: refused with a message, not read to the end.
    let big = vec![b'a'; 10 * 1024 * 1024 + 1];
    let response = upload_to(&app, &action, "big.csv", &big).await;
    response.assert_status(StatusCode::PAYLOAD_TOO_LARGE);
    assert!(
        response.body.contains("Datoteka je prevelika"),
        "{}",
        response.body
    );
    assert_eq!(app.count("SELECT count(*) FROM services").await, 0);
}

#[tokio::test]
async fn only_moderators_import_and_anyone_exports() {
    let app = TestApp::spawn().await;
    seed_directory(&app).await;
    // A visitor: exports, is sent to sign in for the import.
    assert!(
        export(&app, "csv")
            .await
            .body
            .contains("Dnevni boravak za djecu")
    );
    let json: serde_json::Value = serde_json::from_str(&export(&app, "json").await.body).unwrap();
    assert_eq!(json.as_array().map(Vec::len), Some(3));
    app.get("/services/import")
        .await
        .assert_redirect_to("/login?next=%2Fservices%2Fimport");
    // A practitioner: neither the form nor an upload.
    app.sign_in_as("Ana Vuković", "ana@csr.rs", Role::Practitioner)
        .await;
    app.get("/services/import")
        .await
        .assert_status(StatusCode::FORBIDDEN);
    let token = app.csrf_token().unwrap();
    let file =
        format!("{HEADER}Savetovalište,Centar Niš,counselling,families,018 123 456,RS,Niš,\n");
    upload_to(
        &app,
        &format!("/services/import?csrf_token={token}"),
        "x.csv",
        file.as_bytes(),
    )
    .await
    .assert_status(StatusCode::FORBIDDEN);
    assert_eq!(app.count("SELECT count(*) FROM service_imports").await, 0);
    // An upload without the token is refused before it is read.
    app.clear_cookies();
    app.sign_in_as("Milica Jovanović", "milica@kolega.rs", Role::Moderator)
        .await;
    upload_to(&app, "/services/import", "x.csv", file.as_bytes())
        .await
        .assert_status(StatusCode::FORBIDDEN);
    assert_eq!(app.count("SELECT count(*) FROM service_imports").await, 0);
}
