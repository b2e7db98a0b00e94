//! The library: submission and review with its e-mails, permissions,
//! content-type and size checks over real files, streamed downloads,
//! search in either script, facets, the feed and citations.

use crate::common::TestApp;
use crate::common::library::PDF;
use axum::http::StatusCode;
use kolega::members::Role;

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
        ("topics", "poverty"),
        ("language", "sr"),
        ("script", "latin"),
        ("audiences", "professionals"),
        ("source_org", "Ministarstvo za rad"),
        ("authors", "Petrović, A."),
        ("year", "2024"),
        ("licence", "CC BY 4.0"),
    ]
}

fn files_in(app: &TestApp) -> Vec<std::path::PathBuf> {
    let root = app.state.config.data_dir.join("files");
    let mut found = Vec::new();
    let mut dirs = vec![root];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            if entry.path().is_dir() {
                dirs.push(entry.path());
            } else {
                found.push(entry.path());
            }
        }
    }
    found
}

#[tokio::test]
async fn a_submission_is_reviewed_returned_published_found_and_downloaded() {
    let app = TestApp::spawn().await;
    app.create_member("Milica Jovanović", "milica@kolega.rs", Role::Moderator)
        .await;
    app.sign_in_as("Ana Vuković", "ana@csr.rs", Role::Practitioner)
        .await;
    let created = app
        .upload_resource(&protocol(), Some(("protokol.pdf", PDF)))
        .await;
    created.assert_status(StatusCode::SEE_OTHER);
    let resource = created.header("location").unwrap().to_owned();
    assert_eq!(files_in(&app).len(), 1, "the file is stored");

    // A draft is the submitter's alone.
    app.clear_cookies();
    app.get(&resource)
        .await
        .assert_status(StatusCode::NOT_FOUND);
    app.switch_to("ana@csr.rs").await;
    app.submit_form(&resource, &format!("{resource}/submit"), &[])
        .await
        .assert_status(StatusCode::SEE_OTHER);

    // The moderator returns it with a reason; Ana is told why.
    app.switch_to("milica@kolega.rs").await;
    assert!(
        app.get("/library/review")
            .await
            .body
            .contains("Protokol o postupanju")
    );
    let decide = format!("{resource}/decide");
    app.submit_form(
        &resource,
        &decide,
        &[
            ("action", "return"),
            ("reason", "Dodajte godinu izdanja izvora."),
        ],
    )
    .await
    .assert_status(StatusCode::SEE_OTHER);
    let mail = app.deliver_new_mail().await;
    let returned = mail
        .iter()
        .find(|m| m.to == "ana@csr.rs")
        .expect("the submitter is told");
    assert!(returned.subject.contains("Vraćeno na doradu"));
    assert!(returned.text.contains("Dodajte godinu izdanja izvora."));

    // Ana edits and sends it again; the moderator publishes it.
    app.switch_to("ana@csr.rs").await;
    let edit = format!("{resource}/edit");
    let mut fields = protocol();
    fields.retain(|(name, _)| *name != "year");
    fields.push(("year", "2025"));
    app.submit_form(&edit, &edit, &fields)
        .await
        .assert_status(StatusCode::SEE_OTHER);
    app.submit_form(&resource, &format!("{resource}/submit"), &[])
        .await;
    app.switch_to("milica@kolega.rs").await;
    app.submit_form(&resource, &decide, &[("action", "publish")])
        .await
        .assert_status(StatusCode::SEE_OTHER);
    let mail = app.deliver_new_mail().await;
    assert!(
        mail.iter()
            .any(|m| m.to == "ana@csr.rs" && m.subject.starts_with("Objavljeno"))
    );
    let page = app.get(&resource).await.body;
    assert!(
        page.contains("status: published") && page.contains("metadata edited"),
        "the change log"
    );

    // A visitor finds it in Cyrillic, sees the facets, cites and downloads it.
    app.clear_cookies();
    let found = app.get("/library?q=%D0%BF%D1%80%D0%BE%D1%82%D0%BE%D0%BA%D0%BE%D0%BB+%D1%83%D0%BB%D0%B8%D1%86%D0%B8").await;
    assert!(
        found.body.contains("Protokol o postupanju"),
        "протокол улици finds it"
    );
    assert!(found.body.contains("Zaštita dece") && found.body.contains("(1)"));
    assert!(
        found.body.contains("Pronađen je 1 resurs."),
        "the result count"
    );
    assert!(
        !app.get("/library?q=hraniteljstvo")
            .await
            .body
            .contains("Protokol o postupanju")
    );
    let record = app.get(&resource).await.body;
    // What the download is, before spending a slow line on it.
    assert!(
        record.contains(&format!(
            "<span class=\"file-meta\">(PDF, {} B)</span>",
            PDF.len()
        )),
        "format and size beside Download"
    );
    assert!(record.contains("Petrović, A. (2025). Protokol o postupanju sa decom u životu i radu na ulici. Ministarstvo za rad."));
    let download = app.get(&format!("{resource}/download")).await;
    download.assert_status(StatusCode::OK);
    assert_eq!(download.header("content-type"), Some("application/pdf"));
    assert_eq!(
        download.header("content-disposition"),
        Some(
            "attachment; filename=\"protokol-o-postupanju-sa-decom-u-zivotu-i-radu-na-ulici.pdf\""
        )
    );
    assert_eq!(download.body.as_bytes(), PDF);
    assert_eq!(app.count("SELECT downloads FROM resources").await, 1);
    let preview = app.get(&format!("{resource}/preview")).await;
    assert!(
        preview
            .header("content-disposition")
            .unwrap()
            .starts_with("inline;")
    );
    assert_eq!(
        app.count("SELECT downloads FROM resources").await,
        1,
        "a preview is not a download"
    );
    let print = app.get(&format!("{resource}/print")).await;
    assert!(print.body.contains("Petrović, A. (2025)") && !print.body.contains("<nav"));

    let feed = app.get("/library/feed.atom").await;
    assert_eq!(
        feed.header("content-type"),
        Some("application/atom+xml; charset=utf-8")
    );
    assert!(feed.body.starts_with("<?xml") && feed.body.contains("<entry>"));
    assert!(feed.body.contains("Protokol o postupanju"));
}

#[tokio::test]
async fn a_script_renamed_to_pdf_is_refused_and_leaves_nothing_behind() {
    let app = TestApp::spawn().await;
    app.sign_in_as("Ana Vuković", "ana@csr.rs", Role::Practitioner)
        .await;
    let refused = app
        .upload_resource(
            &protocol(),
            Some(("protokol.pdf", b"#!/bin/sh\necho gotcha\n")),
        )
        .await;
    refused.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("proveren je sadržaj, ne ime"));
    assert!(
        refused
            .body
            .contains("value=\"Protokol o postupanju sa decom u životu i radu na ulici\"")
    );
    assert!(refused.body.contains("id=\"file-error\""));
    assert!(files_in(&app).is_empty(), "{:?}", files_in(&app));
    assert_eq!(app.count("SELECT count(*) FROM stored_files").await, 0);

    // Too large: refused while it streams in, nothing kept.
    let mut big = PDF.to_vec();
    big.resize(25 * 1024 * 1024 + 1, b' ');
    let too_large = app
        .upload_resource(&protocol(), Some(("veliki.pdf", &big)))
        .await;
    too_large.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(too_large.body.contains("veći od 25 MB"));
    assert!(files_in(&app).is_empty());

    // A valid file with a form mistake is not kept either.
    let mut no_title = protocol();
    no_title.retain(|(name, _)| *name != "title");
    let mistake = app
        .upload_resource(&no_title, Some(("protokol.pdf", PDF)))
        .await;
    mistake.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(files_in(&app).is_empty());
    assert_eq!(app.count("SELECT count(*) FROM resources").await, 0);
}

#[tokio::test]
async fn only_moderators_curate_and_members_only_resources_stay_with_members() {
    let app = TestApp::spawn().await;
    app.create_member("Milica Jovanović", "milica@kolega.rs", Role::Moderator)
        .await;
    app.create_member("Marko Ilić", "marko@csr.rs", Role::Student)
        .await;
    app.sign_in_as("Ana Vuković", "ana@csr.rs", Role::Practitioner)
        .await;
    let mut fields = protocol();
    fields.push(("external_url", "https://example.org/protokol"));
    let resource = app
        .upload_resource(&fields, None)
        .await
        .header("location")
        .unwrap()
        .to_owned();
    app.submit_form(&resource, &format!("{resource}/submit"), &[])
        .await;

    // Ana cannot publish her own submission; Marko cannot even see it.
    let token = app.csrf_token().unwrap();
    app.post_form(
        &format!("{resource}/decide"),
        &[("csrf_token", &token), ("action", "publish")],
    )
    .await
    .assert_status(StatusCode::FORBIDDEN);
    app.get("/library/review")
        .await
        .assert_status(StatusCode::FORBIDDEN);
    app.switch_to("marko@csr.rs").await;
    app.get(&resource)
        .await
        .assert_status(StatusCode::NOT_FOUND);
    // Nor does a visitor learn that a submission (not yet published) exists.
    app.clear_cookies();
    app.get(&resource)
        .await
        .assert_status(StatusCode::NOT_FOUND);

    app.switch_to("milica@kolega.rs").await;
    let decide = format!("{resource}/decide");
    app.submit_form(&resource, &decide, &[("action", "publish")])
        .await;
    app.submit_form(
        &resource,
        &decide,
        &[("action", "flags"), ("members_only", "yes")],
    )
    .await;

    // A visitor following a link is told it is for members and offered to
    // sign in (and come back) or join, not "page not found"; nothing of the
    // resource itself is shown.
    app.clear_cookies();
    let page = app.get(&resource).await;
    page.assert_status(StatusCode::FORBIDDEN);
    assert!(
        page.body
            .contains("<h1>Ovaj materijal je samo za članove</h1>")
    );
    assert!(
        page.body
            .contains(&format!("href=\"/login?next={resource}\""))
    );
    assert!(page.body.contains("href=\"/register\""));
    assert!(!page.body.contains("Protokol o postupanju"));
    app.get(&format!("{resource}/download"))
        .await
        .assert_status(StatusCode::NOT_FOUND);
    let search = app.get("/library?q=protokol").await.body;
    assert!(
        !search.contains("Protokol o postupanju") && !search.contains("(1)"),
        "not even in the counts"
    );
    assert!(
        !app.get("/library/feed.atom")
            .await
            .body
            .contains("Protokol")
    );
    app.switch_to("marko@csr.rs").await;
    assert!(
        app.get("/library?q=protokol")
            .await
            .body
            .contains("Protokol o postupanju")
    );
}

#[tokio::test]
async fn words_inside_a_pdf_find_it_in_either_script_once_its_text_is_extracted() {
    let app = TestApp::spawn().await;
    app.create_member("Milica Jovanović", "milica@kolega.rs", Role::Moderator)
        .await;
    app.sign_in_as("Ana Vuković", "ana@csr.rs", Role::Practitioner)
        .await;
    let pdf =
        crate::common::library::pdf_with_text("Prosjacenje dece zahteva hitnu procenu bezbednosti");
    let resource = app
        .upload_resource(&protocol(), Some(("protokol.pdf", &pdf)))
        .await
        .header("location")
        .unwrap()
        .to_owned();
    app.submit_form(&resource, &format!("{resource}/submit"), &[])
        .await;
    app.switch_to("milica@kolega.rs").await;
    app.submit_form(
        &resource,
        &format!("{resource}/decide"),
        &[("action", "publish")],
    )
    .await;

    let search = "/library?q=%D0%BF%D1%80%D0%BE%D1%81%D1%98%D0%B0%D1%87%D0%B5%D1%9A%D0%B5"; // просјачење
    assert!(
        !app.get(search).await.body.contains("Protokol o postupanju"),
        "not before extraction"
    );
    let extracted =
        kolega::library::extract::extract_pending(&app.pool, &app.state.files, app.clock.now())
            .await
            .unwrap();
    assert_eq!(
        extracted, 1,
        "pdftotext (poppler-utils) must be installed for this test; .ci/run installs it"
    );
    assert!(app.get(search).await.body.contains("Protokol o postupanju"));
    assert!(
        app.get("/library?q=bezbednost")
            .await
            .body
            .contains("Protokol o postupanju")
    );
    assert_eq!(
        kolega::library::extract::extract_pending(&app.pool, &app.state.files, app.clock.now())
            .await
            .unwrap(),
        0,
        "each file once"
    );
}

/// Uploads `file` as a practitioner, has a moderator publish it and runs
/// the extraction job once.
async fn publish_and_extract(app: &TestApp, file_name: &str, file: &[u8]) -> usize {
    app.create_member("Milica Jovanović", "milica@kolega.rs", Role::Moderator)
        .await;
    app.sign_in_as("Ana Vuković", "ana@csr.rs", Role::Practitioner)
        .await;
    let created = app
        .upload_resource(&protocol(), Some((file_name, file)))
        .await;
    created.assert_status(StatusCode::SEE_OTHER);
    let resource = created.header("location").unwrap().to_owned();
    app.submit_form(&resource, &format!("{resource}/submit"), &[])
        .await;
    app.switch_to("milica@kolega.rs").await;
    app.submit_form(
        &resource,
        &format!("{resource}/decide"),
        &[("action", "publish")],
    )
    .await
    .assert_status(StatusCode::SEE_OTHER);
    kolega::library::extract::extract_pending(&app.pool, &app.state.files, app.clock.now())
        .await
        .unwrap()
}

#[tokio::test]
async fn a_word_split_across_runs_of_a_docx_finds_it_whole() {
    let app = TestApp::spawn().await;
    // Word splits runs wherever formatting or spell-checking changes,
    // here in the middle of "Zaštita".
    let docx = crate::common::docx::docx(
        r#"<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Za</w:t></w:r><w:r><w:t xml:space="preserve">štita dece</w:t></w:r><w:r><w:tab/><w:t>od nasilja</w:t></w:r></w:p>"#,
    );

    let extracted = publish_and_extract(&app, "zastita.docx", &docx).await;

    assert_eq!(extracted, 1, "unzip must be installed; .ci/run installs it");
    app.clear_cookies();
    for words in [
        "za%C5%A1tita",
        "nasilja",
        "%D0%B7%D0%B0%D1%88%D1%82%D0%B8%D1%82%D0%B0",
    ] {
        assert!(
            app.get(&format!("/library?q={words}"))
                .await
                .body
                .contains("Protokol o postupanju"),
            "found by {words}"
        );
    }
    let text: String = sqlx::query_scalar("SELECT extracted_text FROM resources")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(text, "Zaštita dece od nasilja");
}

/// The most memory this process has used at once (its high-water mark).
fn peak_memory_bytes() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let line = status
        .lines()
        .find(|line| line.starts_with("VmHWM:"))
        .expect("Linux reports VmHWM");
    let kilobytes: u64 = line
        .split_whitespace()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap();
    kilobytes * 1024
}

#[tokio::test]
async fn a_docx_that_unpacks_to_a_gigabyte_is_cut_with_memory_bounded_and_still_found() {
    let app = TestApp::spawn().await;
    const GIGABYTE: u64 = 1024 * 1024 * 1024;
    let bomb = crate::common::docx::docx_bomb(GIGABYTE);
    assert!(bomb.len() < 25 * 1024 * 1024, "small enough to upload");
    let peak_before = peak_memory_bytes();

    let extracted = publish_and_extract(&app, "bomba.docx", &bomb).await;

    assert_eq!(extracted, 1, "the job finishes with the file");
    // The high-water mark is the whole process's, and every integration test
    // shares this process (tests/it): others running beside this one raise
    // it by a few hundred megabytes. Reading the unpacked XML whole would
    // raise it by the full gigabyte, so half of one still tells them apart.
    let grown = peak_memory_bytes().saturating_sub(peak_before);
    assert!(
        grown < GIGABYTE / 2,
        "reading the unpacked XML whole would take a gigabyte; the peak grew by {grown} bytes"
    );
    let text_bytes: i32 = sqlx::query_scalar("SELECT octet_length(extracted_text) FROM resources")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert!(
        text_bytes as usize <= 1024 * 1024,
        "the text is capped at 1 MiB: {text_bytes}"
    );
    assert!(
        text_bytes as usize > 512 * 1024,
        "what was read before the cut is kept: {text_bytes}"
    );
    app.clear_cookies();
    assert!(
        app.get("/library?q=za%C5%A1tita")
            .await
            .body
            .contains("Protokol o postupanju")
    );
}

#[tokio::test]
async fn translations_and_newer_versions_point_to_each_other() {
    let app = TestApp::spawn().await;
    app.sign_in_as("Milica Jovanović", "milica@kolega.rs", Role::Moderator)
        .await;
    let mut paths = Vec::new();
    for (title, language) in [
        ("Smernice za hranitelje 2019", "sr"),
        ("Guidelines for foster carers 2024", "en"),
    ] {
        let mut fields = protocol();
        fields.retain(|(name, _)| !matches!(*name, "title" | "language"));
        fields.extend([
            ("title", title),
            ("language", language),
            ("external_url", "https://example.org/x"),
        ]);
        let path = app
            .upload_resource(&fields, None)
            .await
            .header("location")
            .unwrap()
            .to_owned();
        app.submit_form(&path, &format!("{path}/submit"), &[]).await;
        app.submit_form(&path, &format!("{path}/decide"), &[("action", "publish")])
            .await;
        paths.push(path);
    }
    let (old, new) = (&paths[0], &paths[1]);
    let decide = format!("{old}/decide");
    app.submit_form(
        old,
        &decide,
        &[
            ("action", "links"),
            ("superseded_by", &format!("http://kolega.test{new}")),
        ],
    )
    .await
    .assert_status(StatusCode::SEE_OTHER);
    let decide_new = format!("{new}/decide");
    app.submit_form(
        new,
        &decide_new,
        &[
            ("action", "links"),
            ("translation_of", old.trim_start_matches("/library/")),
        ],
    )
    .await;
    app.submit_form(
        new,
        &decide_new,
        &[("action", "links"), ("translation_of", "nepostojeci")],
    )
    .await;
    app.clear_cookies();
    let old_page = app.get(old).await.body;
    assert!(
        old_page.contains("Postoji novija verzija:")
            && old_page.contains("Guidelines for foster carers 2024")
    );
    assert!(old_page.contains("Prevod: <a"));
    let new_page = app.get(new).await.body;
    assert!(new_page.contains("Original: <a") && new_page.contains("Ranija verzija"));
}

#[tokio::test]
async fn an_interrupted_upload_leaves_nothing_behind() {
    let app = TestApp::spawn().await;
    app.sign_in_as("Ana Vuković", "ana@csr.rs", Role::Practitioner)
        .await;
    let page = app.get("/library/new").await;
    let action = page
        .body
        .split("action=\"")
        .find(|part| part.starts_with("/library/new?"))
        .and_then(|part| part.split('"').next())
        .unwrap()
        .replace("&#38;", "&");
    // The connection drops in the middle of the file: no closing boundary.
    let mut body = b"--b\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nProtokol\r\n--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"p.pdf\"\r\n\r\n".to_vec();
    body.extend_from_slice(&PDF[..40]);
    let response = app
        .request(
            axum::http::Method::POST,
            &action,
            &[
                ("content-type", "multipart/form-data; boundary=b"),
                ("sec-fetch-site", "same-origin"),
                ("origin", crate::common::test_app::BASE_URL),
            ],
            axum::body::Body::from(body),
        )
        .await;
    assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(response.body.contains("Otpremanje je prekinuto"));
    assert!(files_in(&app).is_empty(), "{:?}", files_in(&app));
    assert_eq!(app.count("SELECT count(*) FROM resources").await, 0);
}

#[tokio::test]
async fn moderators_keep_the_topic_list() {
    let app = TestApp::spawn().await;
    app.sign_in_as("Ana Vuković", "ana@csr.rs", Role::Practitioner)
        .await;
    app.get("/library/topics")
        .await
        .assert_status(StatusCode::FORBIDDEN);
    app.sign_in_as("Milica Jovanović", "milica@kolega.rs", Role::Moderator)
        .await;
    let short = app
        .submit_form(
            "/library/topics",
            "/library/topics",
            &[("name_sr", "Ro"), ("name_en", "Roma communities")],
        )
        .await;
    short.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(short.body.contains("value=\"Roma communities\""));
    app.submit_form(
        "/library/topics",
        "/library/topics",
        &[
            ("name_sr", "Romske zajednice"),
            ("name_en", "Roma communities"),
        ],
    )
    .await
    .assert_status(StatusCode::SEE_OTHER);
    // The new topic is offered on the submission form at once.
    assert!(
        app.get("/library/new")
            .await
            .body
            .contains("value=\"roma-communities\"")
    );
    assert!(
        app.get("/library/new")
            .await
            .body
            .contains("Romske zajednice")
    );
}

/// One resource of the keyset tests, as inserted, so the expected orders are
/// computed here rather than by the search under test.
#[derive(Debug, Clone)]
struct Shelved {
    title: String,
    protocol: bool,
    featured: bool,
    /// Hours after 2026-01-01, so several share a date.
    hour: i32,
    downloads: i64,
    /// How many times the word "centar" is in its text (0: not at all).
    centar: usize,
    /// Insertion order, i.e. `resource_no` order.
    no: usize,
}

/// 47 published resources (more than two pages of 20) with many ties in
/// date, downloads, featuring and relevance, so only the last key column
/// (the resource's number) tells some of them apart.
async fn shelve_library(app: &TestApp) -> Vec<Shelved> {
    let mut shelved = Vec::new();
    for i in 0..47 {
        let r = Shelved {
            title: format!("Resurs {i:02}"),
            protocol: i % 3 != 0,
            featured: i % 5 == 0,
            hour: (i * 7) % 10,
            downloads: ((i * 11) % 6) as i64,
            centar: if i % 4 == 0 { 0 } else { (i % 3 + 1) as usize },
            no: i as usize,
        };
        // Equal counts of the word give equal documents, hence equal ranks.
        let text = format!("{}dokument", "centar ".repeat(r.centar));
        sqlx::query(
            "INSERT INTO resources (title, kind, language, audiences, status, featured, downloads,
                                    created_at, updated_at, published_at, search)
             VALUES ($1, $2, 'sr', '{professionals}', 'published', $3, $4, now(), now(),
                     timestamptz '2026-01-01 00:00:00+00' + make_interval(hours => $5),
                     to_tsvector('simple', $6))",
        )
        .bind(&r.title)
        .bind(if r.protocol { "protocol" } else { "guideline" })
        .bind(r.featured)
        .bind(r.downloads)
        .bind(r.hour)
        .bind(&text)
        .execute(&app.pool)
        .await
        .unwrap();
        shelved.push(r);
    }
    shelved
}

/// The titles of the hits on a library page, in the order shown.
fn hit_titles(body: &str) -> Vec<String> {
    body.split("<h2><a href=\"/library/")
        .skip(1)
        .filter_map(|part| {
            let start = part.find("\">")? + 2;
            let end = part.find("</a>")?;
            Some(crate::common::html::unescape(&part[start..end]))
        })
        .collect()
}

/// The address of the page's "next page" link, if it has one.
fn next_link(body: &str) -> Option<String> {
    let at = body.find("\" rel=\"next\"")?;
    let start = body[..at].rfind("href=\"")? + "href=\"".len();
    Some(crate::common::html::unescape(&body[start..at]))
}

/// Follows the next links from `first` and returns every title seen, page
/// by page; checks each later page links back to the first.
async fn walk_pages(app: &TestApp, first: &str) -> Vec<Vec<String>> {
    let mut pages = Vec::new();
    let mut address = Some(first.to_owned());
    while let Some(current) = address {
        assert!(pages.len() < 10, "the next links of {first} never end");
        let page = app.get(&current).await;
        page.assert_status(StatusCode::OK);
        assert_eq!(
            page.body.contains(">Prva stranica</a>"),
            !pages.is_empty(),
            "a later page, and only a later page, links to the first: {current}"
        );
        pages.push(hit_titles(&page.body));
        address = next_link(&page.body);
    }
    pages
}

#[tokio::test]
async fn next_links_visit_every_match_once_in_order_for_each_sort_filter_and_words() {
    let app = TestApp::spawn().await;
    let shelved = shelve_library(&app).await;

    for sort in ["relevance", "newest", "downloads"] {
        for words in ["", "centar"] {
            for kind in ["", "protocol"] {
                let mut expected: Vec<&Shelved> = shelved
                    .iter()
                    .filter(|r| words.is_empty() || r.centar > 0)
                    .filter(|r| kind.is_empty() || r.protocol)
                    .collect();
                // Every order ends newest first, then the later-added first.
                expected.sort_by_key(|r| {
                    let lead = match sort {
                        "newest" => 0,
                        "downloads" => r.downloads,
                        _ if !words.is_empty() => r.centar as i64,
                        _ => i64::from(r.featured),
                    };
                    std::cmp::Reverse((lead, r.hour, r.no))
                });
                let expected: Vec<String> = expected.iter().map(|r| r.title.clone()).collect();

                let first = format!("/library?q={words}&kind={kind}&sort={sort}");
                let pages = walk_pages(&app, &first).await;

                assert!(
                    pages.len() >= 2,
                    "{first}: {} matches take more than one page",
                    expected.len()
                );
                assert!(
                    pages.iter().all(|page| page.len() <= 20),
                    "{first}: at most 20 a page"
                );
                assert!(
                    pages[..pages.len() - 1].iter().all(|page| page.len() == 20),
                    "{first}: only the last page is short"
                );
                let seen: Vec<String> = pages.concat();
                assert_eq!(seen, expected, "{first}: each match once, in order");
            }
        }
    }

    // Filters by topic, language, audience and year go along with the
    // cursor: the next link keeps them, so a filter that no resource here
    // passes stays empty on every page.
    let page = app.get("/library?q=centar&language=en&sort=newest").await;
    page.assert_status(StatusCode::OK);
    assert!(hit_titles(&page.body).is_empty() && next_link(&page.body).is_none());
    let page = app.get("/library?sort=downloads&year=2024").await;
    assert!(hit_titles(&page.body).is_empty());
    let first = app.get("/library?sort=downloads&kind=protocol").await.body;
    let next = next_link(&first).expect("a second page");
    assert!(
        next.contains("kind=protocol") && next.contains("sort=downloads"),
        "the next link keeps the filters and the order: {next}"
    );
}

#[tokio::test]
async fn a_garbled_or_foreign_cursor_shows_the_first_page() {
    let app = TestApp::spawn().await;
    shelve_library(&app).await;
    let b64 = |text: &[u8]| {
        use base64::Engine;
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(text)
    };
    let first_newest = app.get("/library?sort=newest").await.body;
    let newest_cursor = next_link(&first_newest)
        .and_then(|link| link.split("after=").nth(1).map(str::to_owned))
        .expect("a cursor in the next link");

    for sort in ["relevance", "newest", "downloads"] {
        for words in ["", "centar"] {
            let start = format!("/library?q={words}&sort={sort}");
            let expected = hit_titles(&app.get(&start).await.body);
            assert_eq!(expected.len(), 20);
            let mut unreadable = vec![
                "garbage".to_owned(),
                "%25%25%25".to_owned(),
                "%F0%9F%90%9B".to_owned(),
                b64(b"n..1.2.3"),
                b64(b"f.2.1767225600000000.5"),
                b64(b"d.1.99999999999999999999.5"),
                b64(b"d.x.1767225600000000.5"),
                // A NaN rank, and a year PostgreSQL could not store.
                b64(b"r.7fc00000.1767225600000000.5"),
                b64(b"n..-99999999999999999.5"),
                b64(b"n..9000000000000000000.5"),
                b64(&[0xff, 0xfe, 0x2e, 0x2e]),
            ];
            // A real cursor of another order is not one of this order.
            if sort != "newest" {
                unreadable.push(newest_cursor.clone());
            }
            for after in unreadable {
                let page = app.get(&format!("{start}&after={after}")).await;
                page.assert_status(StatusCode::OK);
                assert_eq!(
                    hit_titles(&page.body),
                    expected,
                    "{start} with after={after} is the first page"
                );
                assert!(!page.body.contains(">Prva stranica</a>"));
            }
        }
    }

    // Well-formed but extreme cursors are simply positions: past the end
    // the page is empty and still leads back to the first.
    for (sort, after) in [
        ("downloads", b64(b"d.-9223372036854775808.0.0")),
        (
            "downloads",
            b64(b"d.9223372036854775807.253402300799000000.9223372036854775807"),
        ),
        ("relevance", b64(b"f.0.-2208988800000000.-1")),
    ] {
        let page = app
            .get(&format!("/library?sort={sort}&after={after}"))
            .await;
        page.assert_status(StatusCode::OK);
        assert!(page.body.contains(">Prva stranica</a>"), "{sort} {after}");
    }
    let page = app
        .get(&format!(
            "/library?q=centar&after={}",
            b64(b"r.7f7fffff.0.0")
        ))
        .await;
    page.assert_status(StatusCode::OK);
    let past_the_end = app
        .get(&format!("/library?sort=newest&after={}", b64(b"n..0.0")))
        .await;
    assert!(hit_titles(&past_the_end.body).is_empty());
    assert!(past_the_end.body.contains(">Prva stranica</a>"));
}

#[tokio::test]
async fn a_broad_word_is_counted_among_the_newest_matches_and_says_so() {
    let app = TestApp::spawn().await;
    sqlx::query(
        "INSERT INTO resources (title, kind, language, audiences, status, created_at, updated_at, published_at, search)
         SELECT 'Zajednica ' || i, 'guideline', 'sr', '{professionals}', 'published', now(), now(), now(),
                to_tsvector('simple', 'zajednica podrska ' || i)
         FROM generate_series(1, 6000) AS i",
    )
    .execute(&app.pool)
    .await
    .unwrap();
    sqlx::query("ANALYZE resources")
        .execute(&app.pool)
        .await
        .unwrap();
    let broad = app.get("/library?q=zajednica").await.body;
    assert!(
        broad.contains("Brojevi samo među najnovijim"),
        "the counts say they are partial"
    );
    assert!(
        broad.contains("(2000)"),
        "the first window's 2,000 matches are counted"
    );
    assert!(broad.contains("Zajednica 6000"), "the newest come first");
    let narrow = app.get("/library?q=zajednica+5999").await.body;
    assert!(narrow.contains("Zajednica 5999") && !narrow.contains("Brojevi samo među najnovijim"));
    // Browsing without words counts everything.
    assert!(app.get("/library").await.body.contains("(6000)"));
}

/// Publishes a resource with a link (no file) as the signed-in moderator and
/// returns its path.
async fn published_link(app: &TestApp, title: &str) -> String {
    let mut fields = protocol();
    fields.retain(|(name, _)| *name != "title");
    fields.extend([("title", title), ("external_url", "https://example.org/r")]);
    let path = app
        .upload_resource(&fields, None)
        .await
        .header("location")
        .unwrap()
        .to_owned();
    app.submit_form(&path, &format!("{path}/submit"), &[]).await;
    app.submit_form(&path, &format!("{path}/decide"), &[("action", "publish")])
        .await
        .assert_status(StatusCode::SEE_OTHER);
    path
}

/// Features a published resource as the signed-in moderator.
async fn feature(app: &TestApp, path: &str, members_only: bool) {
    let mut fields = vec![("action", "flags"), ("featured", "yes")];
    if members_only {
        fields.push(("members_only", "yes"));
    }
    app.submit_form(path, &format!("{path}/decide"), &fields)
        .await
        .assert_status(StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn featured_resources_reach_the_home_page_only_for_those_who_may_open_them() {
    let app = TestApp::spawn().await;
    app.create_member("Marko Ilić", "marko@csr.rs", Role::Student)
        .await;
    app.sign_in_as("Milica Jovanović", "milica@kolega.rs", Role::Moderator)
        .await;
    assert!(
        app.get("/")
            .await
            .body
            .contains("Istaknite resurs sa njegove stranice"),
        "the moderator is told how to feature one"
    );
    let public = published_link(&app, "Vodič za hraniteljske porodice").await;
    let closed = published_link(&app, "Interni protokol o nasilju u porodici").await;
    let archived = published_link(&app, "Stara brošura o dnevnom boravku").await;
    feature(&app, &public, false).await;
    app.clock.advance(chrono::Duration::minutes(1));
    feature(&app, &closed, true).await;
    feature(&app, &archived, false).await;
    app.submit_form(
        &archived,
        &format!("{archived}/decide"),
        &[("action", "archive")],
    )
    .await
    .assert_status(StatusCode::SEE_OTHER);

    // A visitor sees the public one, linked, with its kind and summary line.
    app.clear_cookies();
    let home = app.get("/").await;
    home.assert_status(StatusCode::OK);
    assert!(home.body.contains(&format!(
        "href=\"{public}\">Vodič za hraniteljske porodice</a>"
    )));
    assert!(
        home.body.contains("<p class=\"muted\">Protokol</p>"),
        "its kind"
    );
    assert!(
        home.body
            .contains("<p>Koraci centra za socijalni rad kada dete prosi.</p>"),
        "its summary as one plain line"
    );
    assert!(!home.body.contains("Interni protokol"), "members only");
    assert!(!home.body.contains("Stara brošura"), "archived");

    // A signed-in member sees both, the newest featured first.
    app.switch_to("marko@csr.rs").await;
    let home = app.get("/").await.body;
    let (closed_at, public_at) = (
        home.find("Interni protokol o nasilju")
            .expect("members see it"),
        home.find("Vodič za hraniteljske")
            .expect("and the public one"),
    );
    assert!(closed_at < public_at, "newest featured first");
    assert!(!home.contains("Stara brošura"));

    // Un-featured, it leaves the home page; with nothing left the block goes
    // (a visitor cannot feature anything), the library stays in the menu.
    app.switch_to("milica@kolega.rs").await;
    app.submit_form(&public, &format!("{public}/decide"), &[("action", "flags")])
        .await
        .assert_status(StatusCode::SEE_OTHER);
    app.clear_cookies();
    let home = app.get("/").await.body;
    assert!(!home.contains("Vodič za hraniteljske"));
    assert!(!home.contains("featured-title") && home.contains("href=\"/library\""));
}

/// A feed reader decides whether to fetch the entries from the feed's own
/// `<updated>`: an edit of an older resource must move it, or readers never
/// see the change.
#[tokio::test]
async fn the_feed_is_updated_when_any_entry_in_it_changes() {
    let app = TestApp::spawn().await;
    app.create_member("Milica Jovanović", "milica@kolega.rs", Role::Moderator)
        .await;
    app.sign_in_as("Ana Vuković", "ana@csr.rs", Role::Practitioner)
        .await;
    let mut published = Vec::new();
    for (title, url) in [
        ("Protokol o postupanju", "https://example.org/protokol"),
        ("Vodič za hranitelje", "https://example.org/vodic"),
    ] {
        app.switch_to("ana@csr.rs").await;
        let mut fields = protocol();
        fields[0] = ("title", title);
        fields.push(("external_url", url));
        let resource = app
            .upload_resource(&fields, None)
            .await
            .header("location")
            .unwrap()
            .to_owned();
        app.submit_form(&resource, &format!("{resource}/submit"), &[])
            .await;
        app.switch_to("milica@kolega.rs").await;
        app.submit_form(
            &resource,
            &format!("{resource}/decide"),
            &[("action", "publish")],
        )
        .await;
        published.push(resource);
        app.clock.advance(chrono::Duration::hours(1));
    }
    let feed_updated = |body: &str| {
        let start = body.find("<updated>").unwrap() + "<updated>".len();
        let end = start + body[start..].find("</updated>").unwrap();
        chrono::DateTime::parse_from_rfc3339(&body[start..end]).unwrap()
    };
    let before = feed_updated(&app.get("/library/feed.atom").await.body);

    // A moderator features the older resource an hour later.
    let edited_at = app.clock.now();
    app.submit_form(
        &published[0],
        &format!("{}/decide", published[0]),
        &[("action", "flags"), ("featured", "yes")],
    )
    .await;

    let after = feed_updated(&app.get("/library/feed.atom").await.body);
    assert!(
        after > before,
        "the feed's <updated> moved: {before} → {after}"
    );
    assert_eq!(after, edited_at);
}

#[tokio::test]
async fn a_resource_link_is_parsed_as_a_web_address() {
    let app = TestApp::spawn().await;
    app.sign_in_as("Ana Vuković", "ana@csr.rs", Role::Practitioner)
        .await;
    for bad in [
        "https://example.org/e?<script>",
        "https://user:lozinka@example.org/",
        "http:example",
    ] {
        let mut fields = protocol();
        fields.push(("external_url", bad));
        let refused = app.upload_resource(&fields, None).await;
        refused.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.body.contains("id=\"external_url-error\""), "{bad}");
        assert!(
            refused
                .body
                .contains("value=\"Protokol o postupanju sa decom u životu i radu na ulici\"")
        );
    }
    assert_eq!(app.count("SELECT count(*) FROM resources").await, 0);
    let mut fields = protocol();
    fields.push(("external_url", "HTTPS://Example.org/Protokol"));
    let resource = app.upload_resource(&fields, None).await;
    resource.assert_status(StatusCode::SEE_OTHER);
    let page = app.get(resource.header("location").unwrap()).await;
    assert!(page.body.contains("https://example.org/Protokol"));
}

#[tokio::test]
async fn folded_filters_name_the_ones_in_force() {
    // On a phone the facets fold into a disclosure; its summary is all a
    // reader sees of them, so it must say which filters narrow the list.
    let app = TestApp::spawn().await;
    let plain = app.get("/library").await;
    plain.assert_status(StatusCode::OK);
    assert!(
        plain.body.contains("<summary>Filteri</summary>"),
        "{}",
        plain.body
    );
    let narrowed = app.get("/library?kind=protocol&language=en").await;
    narrowed.assert_status(StatusCode::OK);
    assert!(
        narrowed
            .body
            .contains("<summary>Filteri: Protokol, engleski (2)</summary>"),
        "{}",
        narrowed.body
    );
    // The main menu folds the same way, without JavaScript.
    let menu = &plain.body[plain
        .body
        .find("<details class=\"site-menu\">")
        .expect("the menu is a disclosure")..];
    assert!(menu.contains("<summary>Meni"));
    assert!(menu.contains("<nav class=\"site-nav\""));
}

/// The review workflow without HTTP: `library::review::decide` over a
/// transaction keeps the status machine, asks for a reason to return, and
/// tells the submitter in the same transaction.
#[tokio::test]
async fn a_review_decision_is_a_workflow_over_a_transaction() {
    use kolega::library::review::{self, Decision, Refused};
    use kolega::library::store;
    let app = TestApp::spawn().await;
    app.create_member("Milica Jovanović", "milica@kolega.rs", Role::Moderator)
        .await;
    let curator = app.user_id("milica@kolega.rs").await;
    app.sign_in_as("Ana Vuković", "ana@csr.rs", Role::Practitioner)
        .await;
    let created = app
        .upload_resource(&protocol(), Some(("protokol.pdf", PDF)))
        .await;
    let path = created.header("location").unwrap().to_owned();
    app.submit_form(&path, &format!("{path}/submit"), &[])
        .await
        .assert_status(StatusCode::SEE_OTHER);
    let id: uuid::Uuid = path.rsplit('/').next().unwrap().parse().unwrap();
    let resource = store::find(&app.pool, id).await.unwrap().unwrap();
    let base_url = &app.state.config.base_url;
    let now = app.clock.now();
    let decide = |decision| {
        let resource = resource.clone();
        let pool = app.pool.clone();
        async move {
            let mut tx = pool.begin().await.unwrap();
            let answer = review::decide(&mut tx, base_url, &resource, curator, decision, now)
                .await
                .unwrap();
            tx.commit().await.unwrap();
            answer
        }
    };

    assert_eq!(
        decide(Decision::Return { reason: "  " }).await,
        Err(Refused::NoReason)
    );
    assert_eq!(decide(Decision::Publish).await, Ok("library-published"));
    assert_eq!(
        decide(Decision::Publish).await,
        Err(Refused::StatusChanged),
        "published already: a second decision finds nothing to move"
    );
    assert_eq!(
        decide(Decision::Return {
            reason: "Dodajte godinu."
        })
        .await,
        Err(Refused::StatusChanged),
        "only a submission can be returned"
    );
    let status: String = sqlx::query_scalar("SELECT status FROM resources WHERE resource_id = $1")
        .bind(id)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(status, "published");
    let told: Vec<String> = sqlx::query_scalar(
        "SELECT n.title FROM notifications n JOIN users u USING (user_id) WHERE u.email = 'ana@csr.rs'",
    )
    .fetch_all(&app.pool)
    .await
    .unwrap();
    assert_eq!(told.len(), 1, "the submitter is told once: {told:?}");
    assert!(told[0].starts_with("Objavljeno"), "{told:?}");
}

/// `library::submission::save_draft`: a draft the database refuses (here:
/// its submitter is unknown) keeps nothing, its uploaded file included;
/// a sound one keeps both, and is sent for review once.
#[tokio::test]
async fn a_draft_is_saved_with_its_file_or_not_at_all() {
    use kolega::library::store::ResourceInput;
    use kolega::library::submission;
    use kolega::library::vocabulary::ResourceKind;
    let app = TestApp::spawn().await;
    let member = app.member(Role::Practitioner).await;
    let files = &app.state.files;
    let now = app.clock.now();
    let input = ResourceInput {
        title: "Vodič za hranitelje".into(),
        summary: "Kratak vodič.".into(),
        kind: ResourceKind::Guideline,
        topics: vec![],
        language: "sr".into(),
        script: "latin".into(),
        audiences: vec!["practitioners".into()],
        source_org: String::new(),
        authors: String::new(),
        year: Some(2026),
        licence: String::new(),
        external_url: String::new(),
    };

    let orphan = files.save_bytes(PDF, "vodic.pdf").await.unwrap();
    let nobody = uuid::Uuid::new_v4();
    let refused =
        submission::save_draft(&app.pool, files, Some(&orphan), &input, nobody, now).await;
    assert!(refused.is_err(), "no such member");
    assert!(
        files.open(&orphan.storage_key).await.is_err(),
        "the refused draft's file is gone from the store"
    );

    let upload = files.save_bytes(PDF, "vodic.pdf").await.unwrap();
    let id = submission::save_draft(&app.pool, files, Some(&upload), &input, member.user_id, now)
        .await
        .unwrap();
    assert!(
        files.open(&upload.storage_key).await.is_ok(),
        "kept with its draft"
    );
    let send = || async {
        let mut tx = app.pool.begin().await.unwrap();
        let sent = submission::send_for_review(&mut tx, id, member.user_id, now)
            .await
            .unwrap();
        tx.commit().await.unwrap();
        sent
    };
    assert!(send().await);
    assert!(!send().await, "already waiting for review");
    assert_eq!(
        app.count("SELECT count(*) FROM resources WHERE status = 'submitted'")
            .await,
        1
    );
}
