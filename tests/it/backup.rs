//! Backup and restore exactly as the README says: `pg_dump` of the
//! database plus a tar of the file store, restored into an empty database
//! and a new data directory; a Kolega started on the copy finds everything.

use std::path::PathBuf;
use std::process::{Command, Stdio};

use crate::common::TestApp;
use crate::common::database::{empty_database_url, url_of};
use crate::common::http_client::Client;
use crate::common::library::PDF;
use crate::common::members::PASSWORD;
use crate::common::process::{files_under, start_kolega};
use axum::http::StatusCode;
use kolega::groups::vocabulary::Visibility;
use kolega::members::Role;

/// A PostgreSQL client program of the installed version.
fn pg_tool(name: &str) -> PathBuf {
    let on_path = std::env::var_os("PATH")
        .into_iter()
        .flat_map(|p| std::env::split_paths(&p).collect::<Vec<_>>())
        .map(|dir| dir.join(name))
        .find(|path| path.exists());
    on_path.unwrap_or_else(|| {
        let mut versions: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
            .expect("PostgreSQL is installed")
            .flatten()
            .map(|entry| entry.path().join("bin").join(name))
            .filter(|path| path.exists())
            .collect();
        versions.sort();
        versions
            .pop()
            .expect("pg_dump and pg_restore are installed")
    })
}

fn run(command: &mut Command) {
    let output = command
        .stdout(Stdio::null())
        .output()
        .expect("the program runs");
    assert!(
        output.status.success(),
        "{command:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_restored_into_an_empty_database_has_everything() {
    // Content of every kind: a member, a group with a reply, a library file, a service.
    let app = TestApp::spawn().await;
    app.sign_in_as("Ana Vuković", "ana@csr.rs", Role::Practitioner)
        .await;
    let group = app
        .open_group("Hraniteljstvo", Visibility::Public, &[])
        .await;
    let thread = app
        .start_thread(&group, "Priprema za susret", "Kako pripremate decu?")
        .await;
    app.reply(&thread, "Plan susreta pravimo zajedno sa hraniteljima.")
        .await;
    let fields = [
        ("title", "Vodič za hraniteljske porodice"),
        ("summary", "Kratak vodič."),
        ("kind", "protocol"),
        ("topics", "child-protection"),
        ("language", "sr"),
        ("script", "latin"),
        ("audiences", "professionals"),
        ("year", "2024"),
        ("licence", "CC BY 4.0"),
    ];
    let created = app.upload_resource(&fields, Some(("vodic.pdf", PDF))).await;
    created.assert_status(StatusCode::SEE_OTHER);
    let resource = created.header("location").unwrap().to_owned();
    let vranje = app.municipality("RS", "Vranje").await;
    let service = app
        .add_service(
            &crate::common::services::service(
                "Savetovalište za porodicu Vranje",
                "counselling",
                &["families"],
                vranje,
            ),
            None,
        )
        .await;

    // The backup: the README's two commands.
    let scratch = std::env::temp_dir().join(format!("kolega-backup-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&scratch).unwrap();
    let dump = scratch.join("kolega.dump");
    let archive = scratch.join("files.tar.gz");
    run(Command::new(pg_tool("pg_dump"))
        .arg("--format=custom")
        .arg(format!("--file={}", dump.display()))
        .arg(url_of(&app.db_options)));
    run(Command::new("tar")
        .arg("-C")
        .arg(&app.data_dir)
        .arg("-czf")
        .arg(&archive)
        .arg("files"));

    // The restore: into an empty database and a new data directory.
    let target = empty_database_url().await;
    let data_dir = scratch.join("data");
    std::fs::create_dir_all(&data_dir).unwrap();
    run(Command::new(pg_tool("pg_restore"))
        .args(["--no-owner", "--exit-on-error"])
        .arg(format!("--dbname={target}"))
        .arg(&dump));
    run(Command::new("tar")
        .arg("-C")
        .arg(&data_dir)
        .arg("-xzf")
        .arg(&archive));
    assert_eq!(
        files_under(&data_dir.join("files")).len(),
        files_under(&app.data_dir.join("files")).len()
    );

    // Kolega on the copy: Ana signs in and finds her thread, her file and the service.
    let checked = tokio::task::spawn_blocking(move || {
        let server = start_kolega(&target, &data_dir, &[], |_| {});
        let port = server.port;
        let client = Client::default();
        let signed_in = client.post_form(
            port,
            "/login",
            &[("email", "ana@csr.rs"), ("password", PASSWORD)],
        );
        let page = client.get(port, &thread);
        let download = client.get(port, &format!("{resource}/download"));
        let service_page = client.get(port, &format!("/services/{service}"));
        drop(server);
        (signed_in.status, page, download, service_page)
    })
    .await
    .unwrap();
    let (signed_in, page, download, service_page) = checked;
    assert_eq!(signed_in, 303, "the password hash came along");
    assert!(
        page.text()
            .contains("Plan susreta pravimo zajedno sa hraniteljima.")
    );
    assert_eq!(download.status, 200);
    assert_eq!(download.body, PDF, "the file, byte for byte");
    assert_eq!(service_page.status, 200);
    assert!(
        service_page
            .text()
            .contains("Savetovalište za porodicu Vranje")
    );
    let _ = std::fs::remove_dir_all(&scratch);
}
