//! For tests that run the real `kolega` binary: a free port and a plain
//! HTTP GET that needs no client library.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// The raw response to `GET path`, or `None` if the server is not there.
pub fn http_get(port: u16, path: &str) -> Option<String> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .ok()?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut response = String::new();
    stream.read_to_string(&mut response).ok()?;
    Some(response)
}

/// A `kolega serve` process, killed when dropped.
pub struct RunningKolega {
    pub port: u16,
    pub child: std::process::Child,
}

impl Drop for RunningKolega {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `kolega serve` on `database_url` with its files under
/// `data_dir` (mail to `.eml` files unless `envs` sets `SMTP_URL`), as if
/// behind a load balancer at `http://kolega.test`; `configure` may change
/// the command further. Returns once `/readyz` answers 200.
pub fn start_kolega(
    database_url: &str,
    data_dir: &std::path::Path,
    envs: &[(&str, &str)],
    configure: impl FnOnce(&mut std::process::Command),
) -> RunningKolega {
    let port = free_port();
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_kolega"));
    command
        .arg("serve")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("DATABASE_URL", database_url)
        .env("KOLEGA_BIND", format!("127.0.0.1:{port}"))
        .env("KOLEGA_BASE_URL", "http://kolega.test")
        .env("KOLEGA_DATA_DIR", data_dir)
        .env_remove("SMTP_URL")
        .env("RUST_LOG", "warn")
        .envs(envs.iter().copied())
        .stdout(std::process::Stdio::null());
    // Its log goes to a file beside its data (a pipe nobody reads would fill up).
    std::fs::create_dir_all(data_dir).unwrap();
    let log_path = data_dir.join(format!("kolega-{port}.log"));
    command.stderr(std::fs::File::create(&log_path).unwrap());
    configure(&mut command);
    let mut child = command.spawn().expect("kolega starts");
    let deadline = std::time::Instant::now() + Duration::from_secs(60);
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            let log = std::fs::read_to_string(&log_path).unwrap_or_default();
            panic!("kolega exited with {status}:\n{log}");
        }
        if http_get(port, "/readyz").is_some_and(|r| r.starts_with("HTTP/1.1 200")) {
            return RunningKolega { port, child };
        }
        assert!(
            std::time::Instant::now() < deadline,
            "kolega did not get ready"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// A verified member with the tests' password, in the database at `database_url`.
pub async fn create_member_at(
    database_url: &str,
    name: &str,
    email: &str,
    role: kolega::members::Role,
) {
    use kolega::members::store::{self, Background, NewUser};
    let pool = sqlx::PgPool::connect(database_url).await.unwrap();
    let hash = kolega::members::password::hash(super::members::PASSWORD.to_owned())
        .await
        .unwrap();
    let mut conn = pool.acquire().await.unwrap();
    let background = Background {
        profession: "practitioner".into(),
        country: "RS".into(),
        ..Background::default()
    };
    let new_user = NewUser {
        email,
        name,
        role,
        password_hash: &hash,
        locale: "sr-Latn",
        verified: true,
    };
    store::create_member(&mut conn, &new_user, &background)
        .await
        .unwrap();
    drop(conn);
    pool.close().await;
}

/// Every regular file below `dir`.
pub fn files_under(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    let mut dirs = vec![dir.to_path_buf()];
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
