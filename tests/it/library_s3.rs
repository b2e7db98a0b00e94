//! The library's files in an S3-compatible bucket (a real S3 server,
//! moto's, started by the test): uploads land in the bucket and nowhere
//! else, download byte for byte, have their text extracted from the
//! bucket, and a refused upload leaves nothing there either. Through a
//! proxy that fails and stalls requests on cue: a store briefly answering
//! 503 is tried again, one that keeps failing or stops sending a body
//! gives an error page, never a hang.

use crate::common::TestApp;
use crate::common::faulty_proxy::FaultyProxy;
use crate::common::library::pdf_with_text;
use crate::common::s3_server::S3Server;
use axum::http::StatusCode;
use kolega::library::files::S3Limits;
use kolega::members::Role;

const FIELDS: &[(&str, &str)] = &[
    ("title", "Smernice za hraniteljske porodice"),
    ("summary", "Šta hranitelji treba da znaju."),
    ("kind", "guideline"),
    ("topics", "foster-care"),
    ("language", "sr"),
    ("script", "latin"),
    ("audiences", "citizens"),
    ("source_org", "Centar za porodični smeštaj"),
    ("year", "2025"),
    ("licence", "CC BY 4.0"),
];

async fn app_on(bucket: &S3Server) -> TestApp {
    let variables = bucket.variables();
    let variables: Vec<(&str, &str)> = variables.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let app = TestApp::spawn_configured(&variables, |router| router).await;
    app.state.files.check().await.expect("the bucket is there");
    app
}

/// Files under the local data directory (temporary ones included).
fn local_files(app: &TestApp) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    let mut dirs = vec![app.state.config.data_dir.join("files")];
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
async fn with_a_bucket_uploads_live_there_download_whole_and_are_searchable() {
    let bucket = S3Server::start();
    let app = app_on(&bucket).await;
    app.create_member("Milica Jovanović", "milica@kolega.rs", Role::Moderator)
        .await;
    app.sign_in_as("Ana Vuković", "ana@csr.rs", Role::Practitioner)
        .await;
    let pdf = pdf_with_text("Starateljstvo i podrska hraniteljima u lokalnoj zajednici");

    let created = app
        .upload_resource(FIELDS, Some(("smernice.pdf", &pdf)))
        .await;

    created.assert_status(StatusCode::SEE_OTHER);
    let resource = created.header("location").unwrap().to_owned();
    let keys = bucket.keys();
    assert_eq!(keys.len(), 1, "one object in the bucket");
    assert_eq!(bucket.object(&keys[0]), pdf, "stored byte for byte");
    assert_eq!(
        local_files(&app),
        Vec::<std::path::PathBuf>::new(),
        "nothing on local disk"
    );

    // Published, it downloads from the bucket through Kolega.
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
    app.clear_cookies();
    let download = app.get(&format!("{resource}/download")).await;
    download.assert_status(StatusCode::OK);
    assert_eq!(download.header("content-type"), Some("application/pdf"));
    assert_eq!(download.body.as_bytes(), pdf.as_slice());

    // The extractor reads a copy from the bucket and cleans up after itself.
    let extracted =
        kolega::library::extract::extract_pending(&app.pool, &app.state.files, app.clock.now())
            .await
            .unwrap();
    assert_eq!(
        extracted, 1,
        "pdftotext (poppler-utils) must be installed; .ci/run installs it"
    );
    let found = app
        .get("/library?q=%D1%81%D1%82%D0%B0%D1%80%D0%B0%D1%82%D0%B5%D1%99%D1%81%D1%82%D0%B2%D0%BE")
        .await; // старатељство
    assert!(found.body.contains("Smernice za hraniteljske porodice"));
    assert_eq!(
        local_files(&app),
        Vec::<std::path::PathBuf>::new(),
        "the copy is gone"
    );
}

#[tokio::test]
async fn with_a_bucket_a_refused_upload_leaves_nothing_in_it() {
    let bucket = S3Server::start();
    let app = app_on(&bucket).await;
    app.sign_in_as("Ana Vuković", "ana@csr.rs", Role::Practitioner)
        .await;

    let script = app
        .upload_resource(FIELDS, Some(("smernice.pdf", b"#!/bin/sh\necho gotcha\n")))
        .await;
    let mut no_title: Vec<(&str, &str)> = FIELDS.to_vec();
    no_title.retain(|(name, _)| *name != "title");
    let pdf = pdf_with_text("Hraniteljstvo");
    let invalid_form = app
        .upload_resource(&no_title, Some(("smernice.pdf", &pdf)))
        .await;

    script.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    invalid_form.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        bucket.keys(),
        Vec::<String>::new(),
        "the bucket stays empty"
    );
    assert_eq!(local_files(&app), Vec::<std::path::PathBuf>::new());
}

#[tokio::test]
async fn a_missing_bucket_is_said_at_start() {
    let bucket = S3Server::start();
    let mut variables = bucket.variables();
    variables[0].1 = "no-such-bucket".to_owned();
    let variables: Vec<(&str, &str)> = variables.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let app = TestApp::spawn_configured(&variables, |router| router).await;

    let error = app.state.files.check().await.unwrap_err();

    assert!(error.to_string().contains("no-such-bucket"), "{error}");
    assert!(error.to_string().contains("does not exist"), "{error}");
}

/// The app with its store behind `proxy`, quick to try again and to give
/// up on a stalled body (the limits' meaning is the same as in production).
async fn app_behind(bucket: &S3Server, proxy: &FaultyProxy) -> TestApp {
    let mut variables = bucket.variables();
    for (name, value) in &mut variables {
        if *name == "KOLEGA_S3_ENDPOINT" {
            *value = proxy.endpoint();
        }
    }
    let variables: Vec<(&str, &str)> = variables.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let app = TestApp::spawn_tuned(
        &variables,
        |config| {
            config.s3.as_mut().unwrap().limits = S3Limits {
                body_idle_time: std::time::Duration::from_secs(2),
                first_pause: std::time::Duration::from_millis(10),
                ..S3Limits::default()
            };
        },
        |router| router,
    )
    .await;
    app.state.files.check().await.expect("the bucket is there");
    app
}

/// Uploads `pdf` and has it published; returns the record's path.
async fn publish(app: &TestApp, pdf: &[u8]) -> String {
    app.create_member("Milica Jovanović", "milica@kolega.rs", Role::Moderator)
        .await;
    app.sign_in_as("Ana Vuković", "ana@csr.rs", Role::Practitioner)
        .await;
    let created = app
        .upload_resource(FIELDS, Some(("smernice.pdf", pdf)))
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
    app.clear_cookies();
    resource
}

#[tokio::test]
async fn a_store_answering_503_for_a_moment_is_tried_again_for_uploads_and_downloads() {
    let bucket = S3Server::start();
    let proxy = FaultyProxy::start(bucket.port).await;
    let app = app_behind(&bucket, &proxy).await;
    let pdf = pdf_with_text("Hraniteljstvo i podrska porodici");

    proxy.fail_next("PUT", 2, 503);
    let resource = publish(&app, &pdf).await;

    assert_eq!(proxy.seen("PUT"), 3, "two refusals, then the upload");
    let keys = bucket.keys();
    assert_eq!(keys.len(), 1);
    assert_eq!(
        bucket.object(&keys[0]),
        pdf,
        "the file sent again whole from disk"
    );

    let gets_before = proxy.seen("GET");
    proxy.fail_next("GET", 2, 503);
    let download = app.get(&format!("{resource}/download")).await;

    download.assert_status(StatusCode::OK);
    assert_eq!(download.body.as_bytes(), pdf.as_slice());
    assert_eq!(proxy.seen("GET") - gets_before, 3);
}

#[tokio::test]
async fn a_store_that_keeps_failing_gives_an_error_page_after_a_few_tries() {
    let bucket = S3Server::start();
    let proxy = FaultyProxy::start(bucket.port).await;
    let app = app_behind(&bucket, &proxy).await;
    let resource = publish(&app, &pdf_with_text("Hraniteljstvo")).await;

    proxy.fail_always("GET", 500);
    app.expect_server_errors();
    let gets_before = proxy.seen("GET");
    let download = app.get(&format!("{resource}/download")).await;

    download.assert_status(StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(download.h1(), "Datoteka trenutno nije dostupna");
    assert!(download.body.contains("Skladište datoteka ne odgovara"));
    assert_eq!(
        proxy.seen("GET") - gets_before,
        S3Limits::default().attempts as usize,
        "tried a bounded number of times"
    );
    // The text extractor leaves the file for its next turn.
    let extracted =
        kolega::library::extract::extract_pending(&app.pool, &app.state.files, app.clock.now())
            .await
            .unwrap();
    assert_eq!(extracted, 0);
}

#[tokio::test]
async fn a_body_that_stalls_after_the_headers_fails_instead_of_hanging() {
    let bucket = S3Server::start();
    let proxy = FaultyProxy::start(bucket.port).await;
    let app = app_behind(&bucket, &proxy).await;
    let pdf = pdf_with_text("Starateljstvo nad maloletnicima");
    let resource = publish(&app, &pdf).await;

    proxy.stall_next_body("GET");
    app.expect_server_errors();
    let stalled = app.get(&format!("{resource}/download")).await;

    stalled.assert_status(StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(stalled.h1(), "Datoteka trenutno nije dostupna");
    let download = app.get(&format!("{resource}/download")).await;
    download.assert_status(StatusCode::OK);
    assert_eq!(
        download.body.as_bytes(),
        pdf.as_slice(),
        "then it downloads"
    );

    // The background copy for the text extractor gives up too, and the
    // file is extracted at the next turn.
    proxy.stall_next_body("GET");
    let extract =
        || kolega::library::extract::extract_pending(&app.pool, &app.state.files, app.clock.now());
    assert_eq!(extract().await.unwrap(), 0);
    assert_eq!(
        extract().await.unwrap(),
        1,
        "pdftotext (poppler-utils) must be installed; .ci/run installs it"
    );
}
