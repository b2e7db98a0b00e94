//! The `kolega` binary itself: the newcomer's `serve` with its own
//! PostgreSQL, configuration errors, `create-user`, `seed-demo`, `migrate`.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::database::fresh_database_url;
use crate::common::process::{free_port, http_get};

fn kolega() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_kolega"));
    for variable in [
        "DATABASE_URL",
        "SMTP_URL",
        "KOLEGA_BIND",
        "KOLEGA_BASE_URL",
        "KOLEGA_DATA_DIR",
        "RUST_LOG",
    ] {
        command.env_remove(variable);
    }
    command.current_dir(env!("CARGO_MANIFEST_DIR"));
    command
}

struct TempDir(PathBuf);

impl TempDir {
    fn new() -> TempDir {
        let dir =
            std::env::temp_dir().join(format!("kolega-cli-{}", uuid::Uuid::new_v4().simple()));
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn wait_for_health(port: u16, server: &mut Child) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        if let Some(status) = server.try_wait().unwrap() {
            let mut stderr = String::new();
            server
                .stderr
                .take()
                .unwrap()
                .read_to_string(&mut stderr)
                .unwrap();
            panic!("kolega exited early with {status}:\n{stderr}");
        }
        if http_get(port, "/healthz").is_some_and(|r| r.starts_with("HTTP/1.1 200")) {
            return;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("kolega did not become healthy within a minute");
}

fn postmaster_pid(data_dir: &std::path::Path) -> Option<i32> {
    std::fs::read_to_string(data_dir.join("postgres/postmaster.pid"))
        .ok()?
        .lines()
        .next()?
        .trim()
        .parse()
        .ok()
}

#[test]
fn serve_starts_its_own_postgresql_serves_and_stops_cleanly_on_sigterm() {
    let data = TempDir::new();
    let port = free_port();
    let mut server = kolega()
        .arg("serve")
        .env("KOLEGA_DATA_DIR", &data.0)
        .env("KOLEGA_BIND", format!("127.0.0.1:{port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    wait_for_health(port, &mut server);

    let home = http_get(port, "/").unwrap();
    let ready = http_get(port, "/readyz").unwrap();
    let postgres =
        postmaster_pid(&data.0).expect("the private cluster runs under the data directory");
    // A second server on the same data directory is refused with a reason.
    let second = kolega()
        .arg("serve")
        .env("KOLEGA_DATA_DIR", &data.0)
        .env("KOLEGA_BIND", format!("127.0.0.1:{}", free_port()))
        .output()
        .unwrap();
    // An administrator adds a colleague without stopping the site: the
    // command uses the running server's PostgreSQL (a second create-user
    // for the same address is refused, so both wrote to one database).
    let create_user = |email: &str| {
        let mut child = kolega()
            .args([
                "create-user",
                "--email",
                email,
                "--name",
                "Ana Kolegić",
                "--role",
                "practitioner",
            ])
            .env("KOLEGA_DATA_DIR", &data.0)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(b"dugacka-lozinka-123\n")
            .unwrap();
        child.wait_with_output().unwrap()
    };
    let added = create_user("ana@example.org");
    let added_again = create_user("ana@example.org");
    let after_command = http_get(port, "/readyz").unwrap();
    let postgres_after = postmaster_pid(&data.0);
    unsafe { libc::kill(server.id() as i32, libc::SIGTERM) };
    let status = server.wait().unwrap();
    let mut log = String::new();
    server
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut log)
        .unwrap();

    assert!(home.starts_with("HTTP/1.1 200 OK"), "{home}");
    assert!(home.contains("Mesto gde se pomažu pomagači"));
    assert!(ready.contains("ready"), "{ready}");
    assert!(!second.status.success());
    let second_err = String::from_utf8_lossy(&second.stderr);
    assert!(
        second_err.contains("another kolega process"),
        "{second_err}"
    );
    assert!(
        added.status.success(),
        "create-user beside the server: {}",
        String::from_utf8_lossy(&added.stderr)
    );
    assert!(
        String::from_utf8_lossy(&added.stdout).contains("created practitioner ana@example.org")
    );
    assert!(!added_again.status.success());
    assert!(
        String::from_utf8_lossy(&added_again.stderr).contains("already exists"),
        "{}",
        String::from_utf8_lossy(&added_again.stderr)
    );
    assert!(
        after_command.contains("ready"),
        "the server still serves: {after_command}"
    );
    assert_eq!(
        postgres_after,
        Some(postgres),
        "the command left the server's PostgreSQL running"
    );
    assert!(status.success(), "clean exit on SIGTERM:\n{log}");
    assert!(
        !crate::common::database::process_alive(postgres),
        "PostgreSQL stopped with kolega"
    );
    assert!(
        log.contains("initialised a private PostgreSQL cluster"),
        "the first start is logged with its time:\n{log}"
    );
    assert!(log.contains("private PostgreSQL stopped"), "{log}");
}

#[test]
fn a_bad_configuration_value_stops_start_up_with_one_line_naming_it() {
    let output = kolega()
        .arg("serve")
        .env("KOLEGA_BIND", "everywhere")
        .output()
        .unwrap();

    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("KOLEGA_BIND") && stderr.contains("127.0.0.1:8080"),
        "{stderr}"
    );

    let output = kolega()
        .env("SMTP_URL", "mail.example.org")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("SMTP_URL"));
}

#[tokio::test]
async fn create_user_reads_the_password_from_stdin_and_queues_a_welcome_email() {
    let url = fresh_database_url().await;
    let mut child = kolega()
        .args([
            "create-user",
            "--email",
            "Vesna.Markovic@Example.org",
            "--name",
            "Vesna Marković",
            "--role",
            "admin",
        ])
        .env("DATABASE_URL", &url)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"dugacka-lozinka-123\n")
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        String::from_utf8_lossy(&output.stdout)
            .contains("created admin vesna.markovic@example.org (@vesna-markovic)")
    );

    let pool = sqlx::PgPool::connect(&url).await.unwrap();
    let (role, hash): (String, String) = sqlx::query_as(
        "SELECT role, password_hash FROM users WHERE email = 'vesna.markovic@example.org'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(role, "admin");
    assert!(
        hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
        "{hash}"
    );
    assert!(kolega::members::password::verify("dugacka-lozinka-123".into(), hash).await);
    let (recipient, subject): (String, String) =
        sqlx::query_as("SELECT recipient, subject FROM outbox_messages")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(recipient, "vesna.markovic@example.org");
    assert_eq!(subject, "Vaš nalog na Kolegi je otvoren");

    // The same e-mail again is refused; a short password is refused before anything.
    let again = kolega()
        .args([
            "create-user",
            "--email",
            "vesna.markovic@example.org",
            "--name",
            "V",
            "--role",
            "student",
        ])
        .env("DATABASE_URL", &url)
        .stdin(Stdio::piped())
        .output()
        .unwrap();
    assert!(!again.status.success());
    let mut short = kolega()
        .args([
            "create-user",
            "--email",
            "novi@example.org",
            "--name",
            "Novi",
            "--role",
            "student",
        ])
        .env("DATABASE_URL", &url)
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    short.stdin.take().unwrap().write_all(b"kratka\n").unwrap();
    let short = short.wait_with_output().unwrap();
    assert!(!short.status.success());
    assert!(String::from_utf8_lossy(&short.stderr).contains("at least 10 characters"));
    let users: i64 = sqlx::query_scalar("SELECT count(*) FROM users")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(users, 1);
}

#[tokio::test]
async fn seed_demo_is_idempotent_and_migrate_succeeds_on_a_migrated_database() {
    let url = fresh_database_url().await;

    let first = kolega()
        .arg("seed-demo")
        .env("DATABASE_URL", &url)
        .output()
        .unwrap();
    let second = kolega()
        .arg("seed-demo")
        .env("DATABASE_URL", &url)
        .output()
        .unwrap();
    let migrate = kolega()
        .arg("migrate")
        .env("DATABASE_URL", &url)
        .output()
        .unwrap();

    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    assert!(second.status.success());
    assert!(migrate.status.success());
    let pool = sqlx::PgPool::connect(&url).await.unwrap();
    let members: Vec<(String, String)> =
        sqlx::query_as("SELECT name, role FROM users ORDER BY name")
            .fetch_all(&pool)
            .await
            .unwrap();
    assert_eq!(members.len(), kolega::seed::demo_members().unwrap().len());
    assert!(
        members
            .iter()
            .any(|(name, role)| name == "Milica Jovanović" && role == "moderator")
    );
    assert!(String::from_utf8_lossy(&second.stdout).contains("0 created"));
    let groups: Vec<(String, String)> =
        sqlx::query_as("SELECT name, visibility FROM groups ORDER BY name")
            .fetch_all(&pool)
            .await
            .unwrap();
    assert_eq!(groups.len(), 6, "{groups:?}");
    assert!(
        groups
            .iter()
            .any(|(name, visibility)| name == "Supervizija — CSR Niš" && visibility == "secret")
    );
    let supervision: bool =
        sqlx::query_scalar("SELECT supervision FROM groups WHERE slug = 'supervizija-csr-nis'")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert!(
        supervision,
        "the demo's supervision group keeps supervision"
    );
    let (events, registrations, past): (i64, i64, i64) = sqlx::query_as(
        "SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM event_registrations),
                (SELECT count(*) FROM events WHERE ends_at < now())",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(
        events, 7,
        "five open events and two supervision meetings, once"
    );
    assert!(registrations >= 10 && past >= 2);
    let (resources, indexed): (i64, i64) = sqlx::query_as(
        "SELECT count(*), count(*) FILTER (WHERE extracted_text <> '') FROM resources WHERE status = 'published'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(resources, 40, "the demo library, once");
    assert!(indexed >= 30, "the demo PDFs' text is indexed ({indexed})");
    assert!(groups.iter().any(
        |(name, visibility)| name == "Nasilje u porodici — praksa CSR" && visibility == "closed"
    ));
    let posts: i64 = sqlx::query_scalar("SELECT count(*) FROM posts")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert!(posts >= 8, "threads come with replies");
    let (entries, unread, confidential_titles): (i64, i64, i64) = sqlx::query_as(
        "SELECT count(*), count(*) FILTER (WHERE read_at IS NULL),
                count(*) FILTER (WHERE g.visibility <> 'public' AND (
                    EXISTS (SELECT 1 FROM threads t WHERE t.group_id = g.group_id AND n.title LIKE '%' || t.title || '%')
                    OR EXISTS (SELECT 1 FROM events e WHERE e.group_id = g.group_id AND n.title LIKE '%' || e.title || '%')))
         FROM notifications n LEFT JOIN groups g USING (group_id)",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert!(
        entries > 0 && unread > 0 && unread < entries,
        "{entries} entries, {unread} unread"
    );
    assert_eq!(
        confidential_titles, 0,
        "closed groups' threads are not named"
    );
    assert!(String::from_utf8_lossy(&second.stdout).contains("demo notifications: 0 created"));
}
