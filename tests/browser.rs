//! Browser tests: the real `kolega serve` on a fresh database, driven by
//! headless Chromium (Debian's `chromium`, through `playwright-core`) in every
//! interface language with JavaScript on and off. Every page a journey visits
//! is checked with axe-core (WCAG 2.2 AA) and the Nu Html Checker.
//!
//! The journeys live in `tests/browser/journeys/` (how to add one: the top of
//! `tests/browser/run.mjs`); screenshots, the saved pages and the report go to
//! `test-output/browser/`.
//!
//! Needs `chromium`, Node.js 20+ with npm, and Java 11+ (for the HTML
//! checker). When one is missing the test fails saying what to install;
//! `KOLEGA_SKIP_BROWSER=1` turns that into a skip with a message, for a
//! laptop without a browser. CI (`.ci/run`) installs them.

// The shared harness, from the integration tests' folder; this binary uses
// only its database and process helpers.
#[path = "it/common/mod.rs"]
#[allow(dead_code, unused_imports)]
mod common;

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant, SystemTime};

use common::database::fresh_database_url;
use common::process::{free_port, http_get};

const REPO: &str = env!("CARGO_MANIFEST_DIR");
/// Longer than the run's own watchdog (tests/browser/lib/config.mjs), so that
/// one normally reports first.
const RUN_TIMEOUT: Duration = Duration::from_secs(35 * 60);

#[tokio::test(flavor = "multi_thread")]
async fn journeys_in_every_language_with_and_without_javascript_pass_axe_and_html_validation() {
    let started = Instant::now();
    let browser_dir = Path::new(REPO).join("tests/browser");
    let Some(tools) = tools_or_skip() else {
        return;
    };
    // Two `cargo test` runs in one checkout would share test-output/browser.
    let _lock = OutputLock::take(&Path::new(REPO).join("test-output"));

    // Arrange: the real binary on a fresh migrated database, mail to files.
    let database_url = fresh_database_url().await;
    let data = TempDir::new();
    let mail_dir = data.0.join("mail");
    let port = free_port();
    let base_url = format!("http://127.0.0.1:{port}");
    let server_log = data.0.join("server.log");
    let mut server = Server::start(&database_url, &data.0, port, &base_url, &server_log);
    server.wait_for_health(port, &server_log);
    let server_ready = started.elapsed();

    ensure_node_modules(&browser_dir, &tools.npm);

    // Act: every journey × language × JavaScript on/off.
    let output_dir = Path::new(REPO).join("test-output/browser");
    let mut node = Command::new(&tools.node);
    node.arg(browser_dir.join("run.mjs"))
        .current_dir(REPO)
        .env("BASE_URL", &base_url)
        .env("OUTPUT_DIR", &output_dir)
        .env("MAIL_DIR", &mail_dir)
        .env("CHROMIUM_PATH", &tools.chromium)
        .env("JAVA", &tools.java)
        // For journeys that need a site moderator: they make one with
        // `kolega create-user` (lib/people.mjs `createModerator`), as an
        // administrator would.
        .env("KOLEGA_BIN", env!("CARGO_BIN_EXE_kolega"))
        .env("DATABASE_URL", &database_url)
        .env("KOLEGA_DATA_DIR", &data.0)
        .stdin(Stdio::null())
        // Streamed as it happens (not captured by the test harness).
        .stdout(Stdio::inherit())
        .stderr(Stdio::inherit());
    let run = ChildGuard(node.spawn().expect("start node tests/browser/run.mjs"));
    let status = run.wait_with_timeout(RUN_TIMEOUT);

    let server_status = server.stop();
    let log = std::fs::read_to_string(&server_log).unwrap_or_default();
    say(&format!(
        "browser tests: server ready after {:.1} s, whole test {:.1} s",
        server_ready.as_secs_f64(),
        started.elapsed().as_secs_f64()
    ));

    // Assert: every journey passed its checks, and the server shut down cleanly.
    match status {
        Some(status) => assert!(
            status.success(),
            "the browser tests failed ({status}); the report is above and in {}/report.txt.\n\
             Last lines of the server log:\n{}",
            output_dir.display(),
            tail(&log, 40)
        ),
        None => panic!(
            "the browser tests did not finish within {} minutes.\nLast lines of the server log:\n{}",
            RUN_TIMEOUT.as_secs() / 60,
            tail(&log, 40)
        ),
    }
    assert!(
        server_status.is_some_and(|s| s.success()),
        "kolega did not stop cleanly on SIGTERM ({server_status:?}):\n{}",
        tail(&log, 40)
    );
    assert!(
        !log.contains(" ERROR "),
        "the server logged errors during the browser tests:\n{}",
        log.lines()
            .filter(|l| l.contains(" ERROR "))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

// --- Prerequisites -------------------------------------------------------

struct Tools {
    chromium: PathBuf,
    node: PathBuf,
    npm: PathBuf,
    java: PathBuf,
}

/// The programs the browser tests need, or `None` (with a message) when one
/// is missing and `KOLEGA_SKIP_BROWSER=1` allows skipping. Otherwise a
/// missing program fails the test with what to install.
fn tools_or_skip() -> Option<Tools> {
    let chromium = std::env::var_os("CHROMIUM_PATH")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"));
    let mut missing = Vec::new();
    if !chromium.is_file() {
        missing.push(format!(
            "Chromium ({} not found): apt-get install chromium",
            chromium.display()
        ));
    }
    let node = which("node");
    match &node {
        None => missing.push("Node.js 20 or newer: apt-get install nodejs npm".to_owned()),
        Some(node) => {
            let version = output_of(node, &["--version"]);
            let major: u32 = version
                .trim()
                .trim_start_matches('v')
                .split('.')
                .next()
                .and_then(|m| m.parse().ok())
                .unwrap_or(0);
            if major < 20 {
                missing.push(format!(
                    "Node.js 20 or newer (found {:?}; playwright-core needs 20+): \
                     install a newer nodejs (Debian 13, or NodeSource on Debian 12)",
                    version.trim()
                ));
            }
        }
    }
    let npm = which("npm");
    if npm.is_none() {
        missing.push("npm: apt-get install npm".to_owned());
    }
    let java = which("java");
    if java.is_none() {
        missing.push(
            "Java 11 or newer, for the Nu Html Checker: apt-get install default-jre-headless"
                .to_owned(),
        );
    }
    if missing.is_empty() {
        return Some(Tools {
            chromium,
            node: node.unwrap(),
            npm: npm.unwrap(),
            java: java.unwrap(),
        });
    }
    let list = missing.join("\n  - ");
    if std::env::var("KOLEGA_SKIP_BROWSER").as_deref() == Ok("1") {
        say(&format!(
            "\n*** SKIPPED the browser tests (KOLEGA_SKIP_BROWSER=1): missing\n  - {list}\n\
             *** Nothing was checked in a browser. CI never sets KOLEGA_SKIP_BROWSER.\n"
        ));
        return None;
    }
    panic!(
        "the browser tests need programs that are not installed:\n  - {list}\n\
         Install them (`.ci/run` does), or set KOLEGA_SKIP_BROWSER=1 to skip the browser tests locally."
    );
}

/// Straight to the terminal: libtest captures `eprintln!` of a passing
/// test, and a skip or the run's timing must never go unseen.
fn say(message: &str) {
    let _ = writeln!(std::io::stderr(), "{message}");
}

fn which(program: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(program))
        .find(|candidate| candidate.is_file())
}

fn output_of(program: &Path, args: &[&str]) -> String {
    Command::new(program)
        .args(args)
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
        .unwrap_or_default()
}

/// `npm ci` when node_modules is missing or older than package-lock.json.
/// Install scripts are not run: vnu-jar's would try to download a Java.
fn ensure_node_modules(browser_dir: &Path, npm: &Path) {
    let lock = browser_dir.join("package-lock.json");
    let modules = browser_dir.join("node_modules");
    // npm writes node_modules/.package-lock.json on every install.
    let installed = modified(&modules.join(".package-lock.json")).or_else(|| modified(&modules));
    let locked = modified(&lock).expect("tests/browser/package-lock.json exists");
    if installed.is_some_and(|installed| installed >= locked) {
        return;
    }
    say(&format!(
        "browser tests: npm ci in {}",
        browser_dir.display()
    ));
    let status = Command::new(npm)
        .args(["ci", "--ignore-scripts", "--no-audit", "--no-fund"])
        .current_dir(browser_dir)
        .stdin(Stdio::null())
        .status()
        .expect("run npm ci");
    assert!(
        status.success(),
        "`npm ci` in tests/browser failed ({status}); is the npm registry reachable?"
    );
}

fn modified(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).ok()?.modified().ok()
}

// --- The server ----------------------------------------------------------

/// `kolega serve`, stopped with SIGTERM when the test ends (also on a panic).
struct Server(Option<Child>);

impl Server {
    fn start(database_url: &str, data_dir: &Path, port: u16, base_url: &str, log: &Path) -> Server {
        let mut command = Command::new(env!("CARGO_BIN_EXE_kolega"));
        for variable in [
            "DATABASE_URL",
            "SMTP_URL",
            "MAIL_FROM",
            "KOLEGA_BIND",
            "KOLEGA_BASE_URL",
            "KOLEGA_DATA_DIR",
            "KOLEGA_STATIC_DIR",
            "KOLEGA_MAIL_POLL_SECONDS",
            "KOLEGA_TRUST_PROXY",
            "KOLEGA_REQUEST_TIMEOUT_SECONDS",
            "KOLEGA_MAP_TILES_URL",
            "RUST_LOG",
            "LOG_FORMAT",
        ] {
            command.env_remove(variable);
        }
        let log_file = File::create(log).expect("create the server log");
        let child = command
            .arg("serve")
            .current_dir(REPO)
            .env("DATABASE_URL", database_url)
            .env("KOLEGA_BIND", format!("127.0.0.1:{port}"))
            .env("KOLEGA_BASE_URL", base_url)
            .env("KOLEGA_DATA_DIR", data_dir)
            // SMTP_URL stays unset: mail becomes .eml files in $KOLEGA_DATA_DIR/mail.
            .env("KOLEGA_MAIL_POLL_SECONDS", "1")
            // No map tiles: the tests never reach a tile server, and the map
            // must work without one (markers on a plain background).
            .env("KOLEGA_MAP_TILES_URL", "off")
            // Each browser context says who it is in X-Forwarded-For, so the
            // variants running side by side do not share per-address limits.
            .env("KOLEGA_TRUST_PROXY", "true")
            .env("RUST_LOG", "info,sqlx=warn,tower_http=warn")
            .env("NO_COLOR", "1")
            .stdin(Stdio::null())
            .stdout(log_file.try_clone().unwrap())
            .stderr(log_file)
            .spawn()
            .expect("start kolega serve");
        Server(Some(child))
    }

    fn wait_for_health(&mut self, port: u16, log: &Path) {
        let deadline = Instant::now() + Duration::from_secs(60);
        let child = self.0.as_mut().unwrap();
        let log = || tail(&std::fs::read_to_string(log).unwrap_or_default(), 40);
        while Instant::now() < deadline {
            if let Some(status) = child.try_wait().unwrap() {
                panic!("kolega serve exited early with {status}:\n{}", log());
            }
            if http_get(port, "/healthz").is_some_and(|r| r.starts_with("HTTP/1.1 200")) {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("kolega did not answer /healthz within a minute:\n{}", log());
    }

    /// SIGTERM, then the exit status (None if it had to be killed).
    fn stop(&mut self) -> Option<ExitStatus> {
        let mut child = self.0.take()?;
        // SAFETY: sending a signal to our own child process.
        unsafe { libc::kill(child.id() as i32, libc::SIGTERM) };
        let deadline = Instant::now() + Duration::from_secs(30);
        while Instant::now() < deadline {
            if let Some(status) = child.try_wait().ok()? {
                return Some(status);
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = child.kill();
        let _ = child.wait();
        None
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop();
    }
}

/// A child process killed if the test ends before it does.
struct ChildGuard(Child);

impl ChildGuard {
    fn wait_with_timeout(mut self, timeout: Duration) -> Option<ExitStatus> {
        let deadline = Instant::now() + timeout;
        while Instant::now() < deadline {
            if let Some(status) = self.0.try_wait().expect("wait for node") {
                return Some(status);
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        None
    }
}

impl Drop for ChildGuard {
    fn drop(&mut self) {
        if self.0.try_wait().ok().flatten().is_none() {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
}

fn tail(text: &str, lines: usize) -> String {
    let all: Vec<&str> = text.lines().collect();
    all[all.len().saturating_sub(lines)..].join("\n")
}

/// An exclusive lock on `test-output/.browser.lock` for the whole run (the
/// kernel releases it if the process dies); a second run waits for it.
struct OutputLock {
    _file: File,
}

impl OutputLock {
    fn take(dir: &Path) -> OutputLock {
        use std::os::fd::AsRawFd;
        std::fs::create_dir_all(dir).expect("create test-output");
        let file = File::create(dir.join(".browser.lock")).expect("create the lock file");
        let fd = file.as_raw_fd();
        // SAFETY: flock on a file descriptor we own.
        if unsafe { libc::flock(fd, libc::LOCK_EX | libc::LOCK_NB) } != 0 {
            say("browser tests: waiting for another run to finish with test-output/browser");
            // SAFETY: as above, blocking this time.
            let locked = unsafe { libc::flock(fd, libc::LOCK_EX) };
            assert_eq!(locked, 0, "lock test-output/.browser.lock");
        }
        OutputLock { _file: file }
    }
}

struct TempDir(PathBuf);

impl TempDir {
    fn new() -> TempDir {
        let dir =
            std::env::temp_dir().join(format!("kolega-browser-{}", uuid::Uuid::new_v4().simple()));
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
