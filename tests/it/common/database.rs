//! One PostgreSQL for the whole test process, and a fresh database per test.
//!
//! Without `DATABASE_URL`, the first test to ask starts a private cluster in
//! a temporary directory (with the same manager `kolega serve` uses, so the
//! root → `postgres` account path is exercised on every CI run). The cluster
//! is stopped when the process exits and its directory removed in the
//! background; directories left by a test process that was killed are
//! removed by the next run.

use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Mutex, OnceLock};

use kolega::db::{self, embedded};
use sqlx::postgres::PgConnectOptions;
use sqlx::{ConnectOptions, Connection, PgPool};
use tokio::sync::OnceCell;

struct Server {
    admin: PgConnectOptions,
    /// `DATABASE_URL` when the tests run against an existing server.
    url: Option<String>,
    template: String,
    prefix: String,
}

static SERVER: OnceCell<Server> = OnceCell::const_new();
static CLEANUP: OnceLock<Mutex<Option<(i32, PathBuf)>>> = OnceLock::new();
static COUNTER: AtomicU32 = AtomicU32::new(0);

/// A fresh, migrated database for one test.
pub async fn fresh_database() -> (PgPool, PgConnectOptions) {
    let server = SERVER.get_or_init(start_server).await;
    let name = format!(
        "{}_{}",
        server.prefix,
        COUNTER.fetch_add(1, Ordering::SeqCst)
    );
    let mut admin = server
        .admin
        .connect()
        .await
        .expect("connect to the test server");
    sqlx::raw_sql(&format!(
        "CREATE DATABASE \"{name}\" TEMPLATE \"{}\"",
        server.template
    ))
    .execute(&mut admin)
    .await
    .expect("create a test database from the template");
    admin.close().await.ok();
    let options = server.admin.clone().database(&name);
    let pool = db::connect(options.clone(), 5)
        .await
        .expect("connect to the test database");
    (pool, options)
}

/// A `DATABASE_URL` for a fresh test database, for tests that run the
/// `kolega` binary itself.
pub async fn fresh_database_url() -> String {
    let (pool, options) = fresh_database().await;
    pool.close().await;
    url_of(&options)
}

/// A database with nothing in it, not even the schema (to restore into).
pub async fn empty_database_url() -> String {
    let server = SERVER.get_or_init(start_server).await;
    let name = format!(
        "{}_{}_empty",
        server.prefix,
        COUNTER.fetch_add(1, Ordering::SeqCst)
    );
    let mut admin = server
        .admin
        .connect()
        .await
        .expect("connect to the test server");
    sqlx::raw_sql(&format!("CREATE DATABASE \"{name}\""))
        .execute(&mut admin)
        .await
        .expect("create an empty database");
    admin.close().await.ok();
    url_of(&server.admin.clone().database(&name))
}

/// The URL of a test database (for the binary, `pg_dump`, `pg_restore`).
pub fn url_of(options: &PgConnectOptions) -> String {
    let server = SERVER.get().expect("the test server was started");
    let database = options.get_database().expect("test databases are named");
    match (&server.url, options.get_socket()) {
        (Some(url), _) => {
            let base = url.split('?').next().unwrap_or(url);
            let without_db = base.rsplit_once('/').map(|(head, _)| head).unwrap_or(base);
            format!("{without_db}/{database}")
        }
        (None, Some(socket)) => format!(
            "postgres://{}@localhost:{}/{database}?host={}",
            options.get_username(),
            options.get_port(),
            socket.display()
        ),
        (None, None) => unreachable!("the private cluster listens on a socket"),
    }
}

async fn start_server() -> Server {
    let pid = std::process::id();
    let url = std::env::var("DATABASE_URL")
        .ok()
        .filter(|url| !url.is_empty());
    let admin = match &url {
        Some(url) => db::options_from_url(url).expect("DATABASE_URL parses"),
        None => start_private_cluster().await,
    };
    let prefix = format!("kolega_test_{pid}");
    let template = format!("{prefix}_template");
    let mut conn = admin.connect().await.expect("connect to the test server");
    sqlx::raw_sql(&format!("DROP DATABASE IF EXISTS \"{template}\""))
        .execute(&mut conn)
        .await
        .unwrap();
    sqlx::raw_sql(&format!("CREATE DATABASE \"{template}\""))
        .execute(&mut conn)
        .await
        .unwrap();
    conn.close().await.ok();
    let pool = db::connect(admin.clone().database(&template), 2)
        .await
        .unwrap();
    db::migrate(&pool)
        .await
        .expect("migrations apply to an empty database");
    kolega::directory::reference::load(&pool)
        .await
        .expect("the service map's reference data loads");
    pool.close().await;
    Server {
        admin: admin.database("postgres"),
        url,
        template,
        prefix,
    }
}

async fn start_private_cluster() -> PgConnectOptions {
    remove_abandoned_clusters();
    let root = std::env::temp_dir().join(format!("kolega-test-{}", std::process::id()));
    let cluster = embedded::Cluster::start(&embedded::ClusterOptions {
        root: root.clone(),
        throwaway: true,
    })
    .await
    .expect("the private test cluster starts");
    let options = cluster.connect_options("postgres");
    CLEANUP.get_or_init(|| Mutex::new(Some((cluster.pid(), root))));
    // SAFETY: registering a plain `extern "C"` function is always sound.
    unsafe {
        libc::atexit(stop_cluster_at_exit);
    }
    // The cluster lives until the process exits; `stop_cluster_at_exit` ends it.
    std::mem::forget(cluster);
    options
}

extern "C" fn stop_cluster_at_exit() {
    let Some(Some((pid, root))) = CLEANUP
        .get()
        .and_then(|m| m.lock().ok())
        .map(|mut g| g.take())
    else {
        return;
    };
    // SAFETY: signalling our own child.
    unsafe {
        libc::kill(pid, libc::SIGQUIT);
    }
    for _ in 0..200 {
        if unsafe { libc::kill(pid, 0) } != 0 {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    // A run leaves a few gigabytes in a hundred thousand files (a database
    // per test); removing them takes a minute or two on a small machine,
    // which nobody needs to wait for. A detached `rm` does it after the
    // process has gone; should it not run, the next test process removes
    // the directory (`remove_abandoned_clusters`).
    let detached = std::process::Command::new("rm")
        .arg("-rf")
        .arg(&root)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .process_group(0)
        .spawn();
    if detached.is_err() {
        let _ = std::fs::remove_dir_all(&root);
    }
}

/// Removes `kolega-test-<pid>` directories whose process is gone.
fn remove_abandoned_clusters() {
    let Ok(entries) = std::fs::read_dir(std::env::temp_dir()) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name
            .to_str()
            .and_then(|n| n.strip_prefix("kolega-test-"))
            .and_then(|p| p.parse::<i32>().ok())
        else {
            continue;
        };
        if !process_alive(pid) && !postmaster_alive(&entry.path()) {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

fn postmaster_alive(root: &Path) -> bool {
    std::fs::read_to_string(root.join("postgres/postmaster.pid"))
        .ok()
        .and_then(|text| {
            text.lines()
                .next()
                .and_then(|l| l.trim().parse::<i32>().ok())
        })
        .is_some_and(process_alive)
}

pub fn process_alive(pid: i32) -> bool {
    // SAFETY: signal 0 only checks for existence.
    unsafe { libc::kill(pid, 0) == 0 }
}
