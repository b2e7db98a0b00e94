//! Faults, with the real binary: PostgreSQL restarted under a running
//! Kolega, the process killed in the middle of an upload, and a disk that
//! refuses writes.

use std::io::Write;
use std::net::TcpStream;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::common::database::fresh_database_url;
use crate::common::http_client::Client;
use crate::common::members::PASSWORD;
use crate::common::process::{
    RunningKolega, create_member_at, files_under, http_get, start_kolega,
};
use kolega::db::embedded::{Cluster, ClusterOptions};
use kolega::members::Role;

struct Scratch(PathBuf);

impl Scratch {
    fn new(label: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!(
            "kolega-faults-{label}-{}",
            uuid::Uuid::new_v4().simple()
        ));
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// `kolega serve` on `database_url`; `limit_file_size` makes every file it
/// writes fail past that many bytes (a full disk, as far as it can tell).
fn serve(
    database_url: &str,
    data_dir: &Path,
    extra: &[(&str, &str)],
    limit_file_size: Option<u64>,
) -> RunningKolega {
    start_kolega(database_url, data_dir, extra, |command| {
        if let Some(bytes) = limit_file_size {
            unsafe {
                command.pre_exec(move || {
                    // Writes past the limit fail with EFBIG instead of killing the process.
                    libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
                    let limit = libc::rlimit {
                        rlim_cur: bytes,
                        rlim_max: bytes,
                    };
                    if libc::setrlimit(libc::RLIMIT_FSIZE, &limit) != 0 {
                        return Err(std::io::Error::last_os_error());
                    }
                    Ok(())
                });
            }
        }
    })
}

async fn member(database_url: &str, email: &str) {
    create_member_at(database_url, "Ana Vuković", email, Role::Practitioner).await;
}

fn status_of(port: u16, path: &str) -> u16 {
    http_get(port, path)
        .and_then(|r| r.split_whitespace().nth(1).and_then(|s| s.parse().ok()))
        .unwrap_or(0)
}

const RESOURCE: [(&str, &str); 9] = [
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_database_restart_shows_the_503_page_writes_nothing_half_and_kolega_recovers() {
    let scratch = Scratch::new("restart");
    let options = ClusterOptions {
        root: scratch.0.join("db"),
        throwaway: true,
    };
    let cluster = Cluster::start(&options).await.unwrap();
    cluster.ensure_database("kolega").await.unwrap();
    let url = format!(
        "postgres://postgres@localhost/kolega?host={}",
        cluster.socket_dir().display()
    );
    let (server_url, data_dir) = (url.clone(), scratch.0.join("data"));
    let server = tokio::task::spawn_blocking(move || serve(&server_url, &data_dir, &[], None))
        .await
        .unwrap();
    let port = server.port;
    assert_eq!(status_of(port, "/"), 200);

    // PostgreSQL goes away: pages say "unavailable" (503, our page), not 500.
    cluster.stop().await.unwrap();
    let during = tokio::task::spawn_blocking(move || {
        let page = http_get(port, "/groups").unwrap_or_default();
        let client = Client::default();
        let joined = client.post_form(
            port,
            "/register",
            &[
                ("name", "Marko Ilić"),
                ("email", "marko@csr.rs"),
                ("password", "zelena-livada-u-maju"),
                ("profession", "practitioner"),
                ("country", "RS"),
                ("city", "Niš"),
                ("accept_guidelines", "yes"),
                ("accept_safeguarding", "yes"),
            ],
        );
        (page, joined.status, status_of(port, "/readyz"))
    })
    .await
    .unwrap();
    assert!(
        during.0.starts_with("HTTP/1.1 503"),
        "{}",
        &during.0[..during.0.len().min(200)]
    );
    assert!(during.0.contains("<html"), "the friendly page");
    assert!(
        !during.0.contains("sqlx") && !during.0.contains("PoolTimedOut"),
        "no internals"
    );
    assert_eq!(during.1, 503);
    assert_eq!(during.2, 503);

    // It comes back; Kolega recovers without a restart.
    let cluster = Cluster::start(&options).await.unwrap();
    let recovered = tokio::task::spawn_blocking(move || {
        let deadline = Instant::now() + Duration::from_secs(30);
        while status_of(port, "/groups") != 200 {
            if Instant::now() > deadline {
                return false;
            }
            std::thread::sleep(Duration::from_millis(200));
        }
        true
    })
    .await
    .unwrap();
    assert!(recovered, "pages work again");
    let pool = sqlx::PgPool::connect(&url).await.unwrap();
    let users: i64 = sqlx::query_scalar("SELECT count(*) FROM users")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(users, 0, "the registration during the outage left nothing");
    pool.close().await;
    drop(server);
    cluster.stop().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn killed_in_the_middle_of_an_upload_leaves_no_file_behind_after_a_restart() {
    let scratch = Scratch::new("kill");
    let url = fresh_database_url().await;
    member(&url, "ana@csr.rs").await;
    let data_dir = scratch.0.join("data");
    // Requests are cut after 2 s, so leftovers older than 4 s are a crash's.
    let extra = [("KOLEGA_REQUEST_TIMEOUT_SECONDS", "2")];
    let (server_url, dir) = (url.clone(), data_dir.clone());
    let file_dir = data_dir.join("files");
    tokio::task::spawn_blocking(move || {
        let server = serve(&server_url, &dir, &extra, None);
        let client = Client::default();
        let signed_in = client.post_form(server.port, "/login", &[("email", "ana@csr.rs"), ("password", PASSWORD)]);
        assert_eq!(signed_in.status, 303);
        let token = client.cookie("kolega_csrf").unwrap();
        let cookies = format!(
            "kolega_csrf={token}; kolega_session={}",
            client.cookie("kolega_session").unwrap()
        );
        // Half of a 1 MB PDF upload, then the process dies.
        let mut stream = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
        let boundary = "----kolega-killed";
        let mut head = String::new();
        for (name, value) in RESOURCE {
            head.push_str(&format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"));
        }
        head.push_str(&format!("--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"vodic.pdf\"\r\nContent-Type: application/pdf\r\n\r\n"));
        let total = head.len() + 1_000_000;
        write!(
            stream,
            "POST /library/new?csrf_token={token} HTTP/1.1\r\nHost: kolega.test\r\nCookie: {cookies}\r\nContent-Type: multipart/form-data; boundary={boundary}\r\nContent-Length: {total}\r\n\r\n{head}"
        )
        .unwrap();
        stream.write_all(b"%PDF-1.4\n").unwrap();
        stream.write_all(&vec![b'x'; 400_000]).unwrap();
        stream.flush().unwrap();
        // The server has the first part in its temporary file.
        let deadline = Instant::now() + Duration::from_secs(10);
        while files_under(&file_dir.join("tmp")).is_empty() {
            assert!(Instant::now() < deadline, "the upload never reached the disk");
            std::thread::sleep(Duration::from_millis(20));
        }
        let mut server = server;
        unsafe { libc::kill(server.child.id() as i32, libc::SIGKILL) };
        let _ = server.child.wait();
        assert_eq!(files_under(&file_dir).len(), 1, "the crash left its temporary file");
        drop(stream);

        // Restarted after the leftovers are too old to belong to a request.
        std::thread::sleep(Duration::from_secs(5));
        let again = serve(&server_url, &dir, &extra, None);
        let deadline = Instant::now() + Duration::from_secs(20);
        while !files_under(&file_dir).is_empty() {
            assert!(Instant::now() < deadline, "the leftover is still there: {:?}", files_under(&file_dir));
            std::thread::sleep(Duration::from_millis(100));
        }
        drop(again);
    })
    .await
    .unwrap();
    let pool = sqlx::PgPool::connect(&url).await.unwrap();
    let (resources, stored): (i64, i64) = sqlx::query_as(
        "SELECT (SELECT count(*) FROM resources), (SELECT count(*) FROM stored_files)",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!((resources, stored), (0, 0));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_full_disk_refuses_the_upload_politely_and_keeps_nothing() {
    let scratch = Scratch::new("full");
    let url = fresh_database_url().await;
    member(&url, "ana@csr.rs").await;
    let (server_url, dir) = (url.clone(), scratch.0.join("data"));
    let file_dir = dir.join("files");
    let reply = tokio::task::spawn_blocking(move || {
        // No file the server writes may grow past 64 KiB.
        let server = serve(&server_url, &dir, &[], Some(64 * 1024));
        let client = Client::default();
        client.post_form(
            server.port,
            "/login",
            &[("email", "ana@csr.rs"), ("password", PASSWORD)],
        );
        let mut pdf = b"%PDF-1.4\n".to_vec();
        pdf.extend(std::iter::repeat_n(b'x', 200_000));
        let reply = client.post_multipart(
            server.port,
            "/library/new",
            &RESOURCE,
            ("file", "vodic.pdf", &pdf),
        );
        let after = client.get(server.port, "/library/new");
        (reply, after.status)
    })
    .await
    .unwrap();
    let (reply, after) = reply;
    assert_eq!(reply.status, 503, "{}", reply.text());
    let body = reply.text();
    assert!(
        body.contains("ne možemo da sačuvamo"),
        "said beside the form"
    );
    assert!(
        body.contains("value=\"Vodič za hraniteljske porodice\""),
        "the text is kept"
    );
    assert!(
        body.contains("<html") && !body.contains("File too large") && !body.contains("os error"),
        "a page, not internals"
    );
    assert_eq!(after, 200, "the server keeps serving");
    assert!(
        files_under(&file_dir).is_empty(),
        "nothing half-written: {:?}",
        files_under(&file_dir)
    );
    let pool = sqlx::PgPool::connect(&url).await.unwrap();
    let resources: i64 = sqlx::query_scalar("SELECT count(*) FROM resources")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(resources, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_lets_a_request_in_flight_finish_before_stopping() {
    let scratch = Scratch::new("term");
    let url = fresh_database_url().await;
    member(&url, "ana@csr.rs").await;
    let (server_url, dir) = (url.clone(), scratch.0.join("data"));
    let (status, exit) = tokio::task::spawn_blocking(move || {
        let server = serve(&server_url, &dir, &[], None);
        let client = Client::default();
        client.post_form(server.port, "/login", &[("email", "ana@csr.rs"), ("password", PASSWORD)]);
        let token = client.cookie("kolega_csrf").unwrap();
        let cookies = format!(
            "kolega_csrf={token}; kolega_session={}",
            client.cookie("kolega_session").unwrap()
        );
        let boundary = "----kolega-term";
        let mut body = String::new();
        for (name, value) in RESOURCE {
            body.push_str(&format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"));
        }
        body.push_str(&format!("--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"vodic.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n"));
        let tail = format!("\r\n--{boundary}--\r\n");
        let mut stream = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
        write!(
            stream,
            "POST /library/new?csrf_token={token} HTTP/1.1\r\nHost: kolega.test\r\nCookie: {cookies}\r\nConnection: close\r\nContent-Type: multipart/form-data; boundary={boundary}\r\nContent-Length: {}\r\n\r\n{body}",
            body.len() + tail.len()
        )
        .unwrap();
        stream.flush().unwrap();
        std::thread::sleep(Duration::from_millis(300));
        // Asked to stop while the upload is half sent…
        let mut server = server;
        unsafe { libc::kill(server.child.id() as i32, libc::SIGTERM) };
        std::thread::sleep(Duration::from_millis(300));
        assert!(server.child.try_wait().unwrap().is_none(), "still finishing the request");
        // …it takes the rest and answers.
        stream.write_all(tail.as_bytes()).unwrap();
        let mut response = String::new();
        std::io::Read::read_to_string(&mut stream, &mut response).unwrap();
        let status: u16 = response.split_whitespace().nth(1).unwrap().parse().unwrap();
        let exit = server.child.wait().unwrap();
        (status, exit)
    })
    .await
    .unwrap();
    assert_eq!(status, 303, "the upload completed");
    assert!(exit.success(), "then it stopped cleanly: {exit}");
    let pool = sqlx::PgPool::connect(&url).await.unwrap();
    let resources: i64 = sqlx::query_scalar("SELECT count(*) FROM resources")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(resources, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn killed_while_sending_mail_nothing_is_lost_and_a_resend_is_the_same_message() {
    let scratch = Scratch::new("mailkill");
    let url = fresh_database_url().await;
    let smtp = crate::common::SmtpSink::start().await;
    let pool = sqlx::PgPool::connect(&url).await.unwrap();
    const MESSAGES: i64 = 400;
    sqlx::query(
        "INSERT INTO outbox_messages (kind, recipient, language, subject, body_text, body_html, send_after, created_at)
         SELECT 'test', 'clan' || i || '@example.org', 'sr-Latn', 'Poruka ' || i, 'Tekst.', '<p>Tekst.</p>', now(), now()
         FROM generate_series(1, $1) AS i",
    )
    .bind(MESSAGES)
    .execute(&pool)
    .await
    .unwrap();
    let (server_url, dir, smtp_url) = (url.clone(), scratch.0.join("data"), smtp.url());
    let envs = [
        ("SMTP_URL", smtp_url.clone()),
        ("KOLEGA_MAIL_POLL_SECONDS", "1".to_owned()),
    ];
    let server = tokio::task::spawn_blocking(move || {
        let envs: Vec<(&str, &str)> = envs.iter().map(|(k, v)| (*k, v.as_str())).collect();
        start_kolega(&server_url, &dir, &envs, |_| {})
    })
    .await
    .unwrap();
    // Killed in the middle of sending.
    let deadline = Instant::now() + Duration::from_secs(30);
    while smtp.messages().len() < 20 {
        assert!(Instant::now() < deadline, "no mail went out");
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    let mut server = server;
    unsafe { libc::kill(server.child.id() as i32, libc::SIGKILL) };
    let _ = server.child.wait();
    let unsent: i64 =
        sqlx::query_scalar("SELECT count(*) FROM outbox_messages WHERE status = 'pending'")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert!(
        unsent > 0,
        "killed before the end (all {MESSAGES} went too fast)"
    );

    // The dead worker's claims run out (ten minutes; here at once), and a
    // new process sends the rest.
    sqlx::query("UPDATE outbox_messages SET claimed_until = now() - interval '1 second' WHERE status = 'pending' AND claimed_until IS NOT NULL")
        .execute(&pool)
        .await
        .unwrap();
    let (server_url, dir) = (url.clone(), scratch.0.join("data"));
    let again = tokio::task::spawn_blocking(move || {
        let envs = [
            ("SMTP_URL", smtp_url.as_str()),
            ("KOLEGA_MAIL_POLL_SECONDS", "1"),
        ];
        start_kolega(&server_url, &dir, &envs, |_| {})
    })
    .await
    .unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let pending: i64 =
            sqlx::query_scalar("SELECT count(*) FROM outbox_messages WHERE status <> 'sent'")
                .fetch_one(&pool)
                .await
                .unwrap();
        if pending == 0 {
            break;
        }
        if Instant::now() > deadline {
            let statuses: Vec<(String, i64, Option<String>)> = sqlx::query_as(
                "SELECT status, count(*), max(last_error) FROM outbox_messages GROUP BY status",
            )
            .fetch_all(&pool)
            .await
            .unwrap();
            panic!("{pending} still unsent: {statuses:?}");
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    drop(again);
    let received = smtp.messages();
    let mut by_subject: std::collections::HashMap<String, Vec<String>> = Default::default();
    for mail in &received {
        by_subject
            .entry(mail.subject.clone())
            .or_default()
            .push(mail.message_id.clone());
    }
    assert_eq!(by_subject.len() as i64, MESSAGES, "every message arrived");
    for (subject, ids) in &by_subject {
        let mut distinct = ids.clone();
        distinct.dedup();
        assert_eq!(
            distinct.len(),
            1,
            "{subject} arrived as different messages: {ids:?}"
        );
    }
    let resent = received.len() as i64 - MESSAGES;
    assert!(
        resent <= 20,
        "only what was in flight at the kill may come twice ({resent})"
    );
}
