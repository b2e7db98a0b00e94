//! The service map's coverage table (municipalities × kinds, counts that
//! link to the list, a visible gap where there are none) and the demo
//! service map that `seed-demo` adds.

use crate::common::TestApp;
use axum::http::StatusCode;
use chrono::Utc;
use kolega::directory::store::{self, Provenance, ServiceInput};
use kolega::members::Role;

async fn municipality(app: &TestApp, country: &str, name: &str) -> i32 {
    sqlx::query_scalar(
        "SELECT municipality_id FROM municipalities WHERE country_code = $1 AND name = $2",
    )
    .bind(country)
    .bind(name)
    .fetch_one(&app.pool)
    .await
    .unwrap_or_else(|_| panic!("{name} is in the reference data"))
}

async fn add_service(app: &TestApp, municipality_id: i32, kind: &str, name: &str) -> uuid::Uuid {
    let input = ServiceInput {
        organization_name: format!("Organizacija {name}"),
        name: name.into(),
        kind: kind.into(),
        target_groups: vec!["families".into()],
        phone: "+381 17 42 0001".into(),
        municipality_id,
        ..ServiceInput::default()
    };
    let mut conn = app.pool.acquire().await.unwrap();
    store::create(&mut conn, &input, &Provenance::default(), Utc::now())
        .await
        .unwrap()
}

/// The HTML of the table row whose header is `name`.
fn row<'a>(body: &'a str, name: &str) -> Option<&'a str> {
    let start = body.find(&format!("<th scope=\"row\">{name}</th>"))?;
    let end = start + body[start..].find("</tr>")?;
    Some(&body[start..end])
}

/// A cell's markup without the attributes the phone layout reads (its kind's
/// name, the gap and total marks), to compare the numbers alone.
fn numbers_only(markup: &str) -> String {
    let mut out = markup.replace(" class=\"total\"", "");
    while let Some(start) = out.find(" data-label=\"") {
        let end = start
            + " data-label=\"".len()
            + out[start + " data-label=\"".len()..]
                .find('"')
                .expect("closing quote")
            + 1;
        out.replace_range(start..end, "");
    }
    out
}

const GAP: &str = "<span aria-hidden=\"true\">—</span><span class=\"visually-hidden\">nema</span>";

#[tokio::test]
async fn cells_count_published_services_link_to_the_list_and_show_the_gaps() {
    let app = TestApp::spawn().await;
    let vranje = municipality(&app, "RS", "Vranje").await;
    let palanka = municipality(&app, "RS", "Bela Palanka").await;
    let doljevac = municipality(&app, "RS", "Doljevac").await;
    add_service(
        &app,
        vranje,
        "social-work-centre",
        "Centar za socijalni rad Vranje",
    )
    .await;
    add_service(&app, vranje, "shelter", "Sigurna kuća Vranje").await;
    add_service(&app, vranje, "shelter", "Prihvatilište Vranje").await;
    add_service(
        &app,
        palanka,
        "social-work-centre",
        "Centar za socijalni rad Bela Palanka",
    )
    .await;
    let withdrawn = add_service(&app, doljevac, "home-care", "Pomoć u kući Doljevac").await;
    sqlx::query("UPDATE services SET status = 'withdrawn' WHERE service_id = $1")
        .bind(withdrawn)
        .execute(&app.pool)
        .await
        .unwrap();

    let page = app.get("/services/coverage").await;

    page.assert_status(StatusCode::OK);
    assert_eq!(page.h1(), "Pokrivenost uslugama po opštinama");
    assert!(page.body.contains("<caption>"), "the table has a caption");
    assert!(
        page.body
            .contains("<th scope=\"col\">Centar za socijalni rad</th>")
    );
    let vranje_row = row(&page.body, "Vranje").expect("Vranje has a row");
    assert!(
        vranje_row.contains(&format!(
            "<a href=\"/services?municipality={vranje}&amp;kind=social-work-centre\">1</a>"
        )),
        "{vranje_row}"
    );
    assert!(
        vranje_row.contains(&format!(
            "<a href=\"/services?municipality={vranje}&amp;kind=shelter\">2</a>"
        )),
        "{vranje_row}"
    );
    assert!(
        vranje_row.contains(&format!(
            "<a href=\"/services?municipality={vranje}\">3</a>"
        )),
        "row total"
    );
    assert_eq!(
        vranje_row.matches(GAP).count(),
        8,
        "eight kinds missing in Vranje"
    );
    // A withdrawn service is not coverage: Doljevac has nothing at all.
    let doljevac_row = row(&page.body, "Doljevac").expect("Doljevac has a row");
    assert!(!doljevac_row.contains("<a "), "{doljevac_row}");
    assert_eq!(
        doljevac_row.matches(GAP).count(),
        11,
        "ten kinds and the total"
    );
    // Municipalities without any service are listed too.
    assert!(row(&page.body, "Beograd").is_some());
    let municipalities = app
        .count("SELECT count(*) FROM municipalities WHERE country_code = 'RS'")
        .await;
    assert!(
        page.body.contains(&format!(
            "Centar za socijalni rad nedostaje u {} od {municipalities} opštin",
            municipalities - 2
        )),
        "summary line per kind"
    );
    assert!(page.body.contains(&format!(
        "Sigurna kuća / prihvatilište nedostaje u {} od {municipalities} opštin",
        municipalities - 1
    )));
    // On a phone each row is a block of cells, so every cell names its kind
    // and a gap is marked for the highlight on any screen.
    assert!(
        vranje_row.contains(&format!(
            "<td data-label=\"Centar za socijalni rad\"><a href=\"/services?municipality={vranje}&amp;kind=social-work-centre\">"
        )),
        "{vranje_row}"
    );
    assert_eq!(
        vranje_row.matches("<td class=\"gap\" data-label=").count(),
        8
    );
    let totals = numbers_only(&page.body[page.body.find("<tfoot>").expect("a totals row")..]);
    assert!(
        totals.starts_with(
            "<tfoot><tr><th scope=\"row\">Ukupno</th><td>2</td><td>0</td><td>0</td><td>2</td>"
        ),
        "{totals}"
    );
    assert!(
        totals.contains("<td>4</td></tr></tfoot>"),
        "grand total: {totals}"
    );

    // The link leads to exactly those services.
    let list = app
        .get(&format!("/services?municipality={vranje}&kind=shelter"))
        .await;
    list.assert_status(StatusCode::OK);
    assert!(
        list.body.contains("Sigurna kuća Vranje") && list.body.contains("Prihvatilište Vranje")
    );
    assert!(!list.body.contains("Centar za socijalni rad Vranje</a>"));
}

#[tokio::test]
async fn country_and_region_narrow_the_rows_and_nonsense_is_ignored() {
    let app = TestApp::spawn().await;
    let podgorica = municipality(&app, "ME", "Podgorica").await;
    add_service(&app, podgorica, "sos-line", "SOS linija Podgorica").await;

    let district = app
        .get("/services/coverage?country=RS&region=P%C4%8Dinjski+okrug")
        .await;
    district.assert_status(StatusCode::OK);
    assert!(row(&district.body, "Vranje").is_some());
    assert!(
        row(&district.body, "Bela Palanka").is_none(),
        "Pirotski okrug is another district"
    );
    assert!(row(&district.body, "Beograd").is_none());
    assert!(
        district
            .body
            .contains("<option value=\"Pčinjski okrug\" selected>Pčinjski okrug</option>")
    );

    let montenegro = app.get("/services/coverage?country=ME").await;
    montenegro.assert_status(StatusCode::OK);
    assert!(row(&montenegro.body, "Vranje").is_none());
    let podgorica_row = row(&montenegro.body, "Podgorica").expect("Podgorica has a row");
    assert!(podgorica_row.contains(&format!(
        "municipality={podgorica}&amp;kind=sos-line\">1</a>"
    )));
    // The region list is the chosen country's.
    assert!(
        montenegro
            .body
            .contains("<option value=\"Primorski region\">Primorski region</option>")
    );
    assert!(!montenegro.body.contains("Pčinjski okrug"));

    for nonsense in [
        "/services/coverage?country=ZZ",
        "/services/coverage?country=%FF%FE&region=%00",
        "/services/coverage?region=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "/services/coverage?country=RS&country=ME&region=a&region=b",
        "/services/coverage?country[]=RS&%%%",
        "/services/coverage?country=ME&region=P%C4%8Dinjski+okrug",
    ] {
        let page = app.get(nonsense).await;
        page.assert_status(StatusCode::OK);
        assert!(!page.body.contains("<script>alert"), "{nonsense}");
        assert!(
            page.body.contains("<tbody>"),
            "{nonsense} still shows a table"
        );
    }
    // An unknown country falls back to Serbia; a region of another country is ignored.
    assert!(
        row(
            &app.get("/services/coverage?country=ZZ").await.body,
            "Vranje"
        )
        .is_some()
    );
    let mixed = app
        .get("/services/coverage?country=ME&region=P%C4%8Dinjski+okrug")
        .await;
    assert!(row(&mixed.body, "Podgorica").is_some() && row(&mixed.body, "Budva").is_some());
    // Lower case is understood.
    assert!(
        row(
            &app.get("/services/coverage?country=me").await.body,
            "Cetinje"
        )
        .is_some()
    );
}

#[tokio::test]
async fn the_demo_service_map_covers_fifteen_places_and_runs_once() {
    let app = TestApp::spawn().await;
    app.create_member(
        "Milica Jovanović",
        "milica.jovanovic@kolega.example",
        Role::Moderator,
    )
    .await;

    let created = kolega::directory::seed::seed(&app.pool).await.unwrap();

    assert!(created >= 150, "{created}");
    assert_eq!(
        app.count("SELECT count(*) FROM services").await,
        created as i64
    );
    assert_eq!(
        app.count("SELECT count(*) FROM services WHERE NOT is_demo")
            .await,
        0
    );
    assert_eq!(
        app.count("SELECT count(DISTINCT municipality_id) FROM services")
            .await,
        15
    );
    let places: Vec<String> = sqlx::query_scalar(
        "SELECT DISTINCT m.name FROM services JOIN municipalities m USING (municipality_id) ORDER BY 1",
    )
    .fetch_all(&app.pool)
    .await
    .unwrap();
    for place in [
        "Vranje",
        "Bela Palanka",
        "Doljevac",
        "Šid",
        "Vrbas",
        "Sremska Mitrovica",
        "Beograd",
        "Novi Sad",
        "Niš",
        "Podgorica",
        "Budva",
        "Cetinje",
        "Sarajevo",
        "Banja Luka",
        "Skopje",
    ] {
        assert!(places.iter().any(|p| p == place), "{place} in {places:?}");
    }
    // Every place has its centre for social work.
    assert_eq!(
        app.count(
            "SELECT count(DISTINCT municipality_id) FROM services WHERE kind = 'social-work-centre'"
        )
        .await,
        15
    );
    assert!(
        app.count("SELECT count(*) FROM services WHERE name = 'Centar za socijalni rad Vranje'")
            .await
            == 1
    );
    // Shelters never show where they are.
    assert!(
        app.count("SELECT count(*) FROM services WHERE kind = 'shelter'")
            .await
            > 5
    );
    assert_eq!(
        app.count("SELECT count(*) FROM services WHERE kind = 'shelter' AND (NOT address_confidential OR address <> '')")
            .await,
        0
    );
    // Invented contacts: numbers ending in 00xx, e-mail on example domains.
    assert_eq!(
        app.count(
            "SELECT count(*) FROM services WHERE phone !~ '^\\+38[1279] [0-9]+ [0-9]+ 00[0-9]{2}$'"
        )
        .await,
        0
    );
    assert_eq!(
        app.count(
            "SELECT count(*) FROM services WHERE email !~ '@(example\\.org|kolega\\.example)$'"
        )
        .await,
        0
    );
    assert_eq!(
        app.count("SELECT count(*) FROM services WHERE phone LIKE '+381 17 %'")
            .await,
        10,
        "Vranje"
    );
    // A centre for social work offers several services as one organization.
    assert_eq!(
        app.count(
            "SELECT count(*) FROM services s JOIN organizations o USING (organization_id)
             WHERE o.name = 'Centar za socijalni rad Vranje'"
        )
        .await,
        4
    );
    // Verified by the demo moderator, some more than a year ago.
    assert_eq!(
        app.count(
            "SELECT count(*) FROM services s LEFT JOIN users u ON u.user_id = s.last_verified_by
             WHERE u.email IS DISTINCT FROM 'milica.jovanovic@kolega.example'"
        )
        .await,
        0
    );
    let stale = app
        .count("SELECT count(*) FROM services WHERE last_verified_at < now() - interval '365 days'")
        .await;
    assert!(stale > 20 && stale < created as i64 / 2, "{stale} stale");
    assert_eq!(
        app.count(
            "SELECT count(*) FROM services WHERE last_verified_at < now() - interval '550 days'"
        )
        .await,
        0
    );
    // Coordinates near the seat (shelters exactly at it).
    assert_eq!(
        app.count(
            "SELECT count(*) FROM services s JOIN municipalities m USING (municipality_id)
             WHERE abs(s.latitude - m.latitude) > 0.02 OR abs(s.longitude - m.longitude) > 0.02"
        )
        .await,
        0
    );

    // The small municipalities leave gaps in the table, the point of it.
    let page = app.get("/services/coverage?country=RS").await;
    let palanka = row(&page.body, "Bela Palanka").expect("a row");
    assert_eq!(palanka.matches(GAP).count(), 8, "{palanka}");

    let again = kolega::directory::seed::seed(&app.pool).await.unwrap();
    assert_eq!(again, 0);
    assert_eq!(
        app.count("SELECT count(*) FROM services").await,
        created as i64
    );
}
