//! The private PostgreSQL cluster: with no `DATABASE_URL`, Kolega keeps its
//! own cluster under `$KOLEGA_DATA_DIR/postgres`, listening only on a Unix
//! socket, started with the server and stopped with it.
//!
//! PostgreSQL refuses to run as root, and CI and containers run as root, so
//! as root the cluster runs as the unprivileged `postgres` account (Debian's
//! package creates it). One process owns a cluster at a time: a lock file
//! refuses a second server on the same data directory with a clear message,
//! while a short command (`create-user`, `seed-demo`, `migrate`) joins the
//! cluster the running server owns, so an administrator adding a colleague
//! need not stop the site.

use std::fs::{self, File, OpenOptions};
use std::io::{Read, Write};
use std::os::unix::fs::{DirBuilderExt, MetadataExt, PermissionsExt};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, anyhow, bail};
use sha2::{Digest, Sha256};
use sqlx::postgres::PgConnectOptions;
use sqlx::{ConnectOptions, Connection};
use tokio::sync::watch;

use super::unix::{self, Account};

/// Where the server binaries live.
#[derive(Debug, Clone)]
pub struct Binaries {
    pub initdb: PathBuf,
    pub postgres: PathBuf,
}

/// How to run a cluster.
#[derive(Debug, Clone)]
pub struct ClusterOptions {
    /// The data directory; the cluster lives in `<root>/postgres`.
    pub root: PathBuf,
    /// Trade durability for speed (tests): no fsync, no full-page writes.
    pub throwaway: bool,
}

/// A running private cluster. Dropping it without [`Cluster::stop`] leaves
/// PostgreSQL to stop by itself when this process exits.
pub struct Cluster {
    pgdata: PathBuf,
    socket_dir: PathBuf,
    pid: i32,
    exited: watch::Receiver<bool>,
    _lock: File,
}

const MISSING_POSTGRES: &str = "PostgreSQL server programs (initdb, postgres) were not found on PATH \
or in /usr/lib/postgresql/*/bin. Install them (Debian/Ubuntu: `apt-get install postgresql`; \
Fedora: `dnf install postgresql-server`; macOS: `brew install postgresql`), or set DATABASE_URL \
to an existing database, or run `docker compose up`.";

/// The superuser of the private cluster (authentication is by socket access).
pub const SUPERUSER: &str = "postgres";
const SOCKET_NAME: &str = ".s.PGSQL.5432";
/// Unix socket paths are limited to 107 bytes on Linux.
const MAX_SOCKET_PATH: usize = 107;

/// Finds `initdb` and `postgres`: on PATH first, then the newest version
/// under `/usr/lib/postgresql/<version>/bin`.
pub fn find_binaries() -> anyhow::Result<Binaries> {
    let path_dirs = std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).collect::<Vec<_>>())
        .unwrap_or_default();
    find_binaries_in(path_dirs, Path::new("/usr/lib/postgresql"))
}

/// [`find_binaries`] over explicit places: `path_dirs` in order, then
/// `<versioned_root>/<version>/bin`, newest version first.
pub fn find_binaries_in(
    path_dirs: Vec<PathBuf>,
    versioned_root: &Path,
) -> anyhow::Result<Binaries> {
    let mut versioned: Vec<(u32, PathBuf)> = fs::read_dir(versioned_root)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| {
            let version = entry
                .file_name()
                .to_str()?
                .split('.')
                .next()?
                .parse()
                .ok()?;
            Some((version, entry.path().join("bin")))
        })
        .collect();
    versioned.sort_by_key(|entry| std::cmp::Reverse(entry.0));
    path_dirs
        .into_iter()
        .chain(versioned.into_iter().map(|(_, dir)| dir))
        .find_map(|dir| {
            let initdb = dir.join("initdb");
            let postgres = dir.join("postgres");
            (is_executable(&initdb) && is_executable(&postgres))
                .then_some(Binaries { initdb, postgres })
        })
        .ok_or_else(|| anyhow!(MISSING_POSTGRES))
}

fn is_executable(path: &Path) -> bool {
    fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

/// How a short command reaches the private cluster: one it started itself,
/// or the one a running `kolega` owns on the same data directory.
pub enum Access {
    Own(Cluster),
    /// The owner's socket; the owner starts and stops PostgreSQL.
    Joined {
        socket_dir: PathBuf,
    },
}

impl Access {
    pub fn connect_options(&self, database: &str) -> PgConnectOptions {
        match self {
            Access::Own(cluster) => cluster.connect_options(database),
            Access::Joined { socket_dir } => socket_options(socket_dir, database),
        }
    }

    pub async fn ensure_database(&self, database: &str) -> anyhow::Result<()> {
        match self {
            Access::Own(cluster) => cluster.ensure_database(database).await,
            Access::Joined { socket_dir } => ensure_database(socket_dir, database).await,
        }
    }

    /// Stops the cluster if this process started it; a joined one is left
    /// to its owner.
    pub async fn stop(self) -> anyhow::Result<()> {
        match self {
            Access::Own(cluster) => cluster.stop().await,
            Access::Joined { .. } => Ok(()),
        }
    }
}

fn socket_options(socket_dir: &Path, database: &str) -> PgConnectOptions {
    PgConnectOptions::new_without_pgpass()
        .socket(socket_dir)
        .username(SUPERUSER)
        .database(database)
        .application_name("kolega")
}

/// Whether PostgreSQL answers on `socket_dir` within a minute (the owner
/// may still be starting it).
async fn wait_for_socket(socket_dir: &Path, home: &Path) -> anyhow::Result<()> {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if let Ok(conn) = socket_options(socket_dir, "postgres").connect().await {
            let _ = conn.close().await;
            return Ok(());
        }
        if Instant::now() > deadline {
            bail!(
                "another kolega process holds the private PostgreSQL in {}, but it did not accept \
                 connections within a minute",
                home.display()
            );
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Creates `database` on the cluster behind `socket_dir` unless it exists.
/// A server and a command joining it may both try at its first start; the
/// loser of that race finds the database made.
async fn ensure_database(socket_dir: &Path, database: &str) -> anyhow::Result<()> {
    let mut conn = socket_options(socket_dir, "postgres").connect().await?;
    let exists: bool =
        sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)")
            .bind(database)
            .fetch_one(&mut conn)
            .await?;
    if !exists {
        let statement = format!("CREATE DATABASE \"{}\"", database.replace('"', "\"\""));
        match sqlx::raw_sql(&statement).execute(&mut conn).await {
            Err(sqlx::Error::Database(error)) if error.code().as_deref() == Some("42P04") => {}
            other => {
                other?;
            }
        }
    }
    conn.close().await?;
    Ok(())
}

impl Cluster {
    /// Initialises the cluster on first use, recovers from a stale
    /// `postmaster.pid`, starts PostgreSQL and waits until it accepts connections.
    pub async fn start(options: &ClusterOptions) -> anyhow::Result<Cluster> {
        match Self::start_or_join_with(options, false).await? {
            Access::Own(cluster) => Ok(cluster),
            Access::Joined { .. } => unreachable!("joining was not asked for"),
        }
    }

    /// [`Cluster::start`], or — when a running `kolega` already owns the
    /// cluster — its socket, for a command that runs beside the server.
    pub async fn start_or_join(options: &ClusterOptions) -> anyhow::Result<Access> {
        Self::start_or_join_with(options, true).await
    }

    async fn start_or_join_with(options: &ClusterOptions, join: bool) -> anyhow::Result<Access> {
        let binaries = find_binaries()?;
        let account = if unix::is_root() {
            Some(unix::lookup_account("postgres").ok_or_else(|| {
                anyhow!(
                    "Kolega runs as root, and PostgreSQL refuses to run as root: it needs an unprivileged \
                     account named `postgres` (Debian's `postgresql` package creates it). Create it \
                     (`useradd --system postgres`), run Kolega as an ordinary user, or set DATABASE_URL."
                )
            })?)
        } else {
            None
        };
        fs::create_dir_all(&options.root).with_context(|| {
            format!(
                "cannot create the data directory {}",
                options.root.display()
            )
        })?;
        let root = fs::canonicalize(&options.root)?;
        let home = cluster_home(&root, account.as_ref())?;
        let pgdata = home.join("postgres");
        let lock = match lock_cluster(&home)? {
            Locked::Ours(lock) => lock,
            Locked::Held { holder } if !join => bail!(
                "another kolega process (pid {holder}) is already running the private PostgreSQL in {}. \
                 Stop it first, or give this one its own KOLEGA_DATA_DIR, or share one database by \
                 setting DATABASE_URL for both.",
                home.display()
            ),
            Locked::Held { holder } => {
                let socket_dir = socket_dir_for(&pgdata, account.as_ref())?;
                wait_for_socket(&socket_dir, &home).await?;
                tracing::info!(owner_pid = %holder, socket_dir = %socket_dir.display(), "using the private PostgreSQL of the running kolega");
                return Ok(Access::Joined { socket_dir });
            }
        };

        let started = Instant::now();
        if !pgdata.join("PG_VERSION").exists() {
            init_cluster(
                &binaries,
                &home,
                &pgdata,
                account.as_ref(),
                options.throwaway,
            )?;
            tracing::info!(
                elapsed_ms = started.elapsed().as_millis() as u64,
                dir = %pgdata.display(),
                "initialised a private PostgreSQL cluster"
            );
        }
        let socket_dir = socket_dir_for(&pgdata, account.as_ref())?;
        clear_stale_postmaster(&pgdata).await?;

        let start_time = Instant::now();
        let (pid, exited) = spawn_postgres(
            &binaries,
            &home,
            &pgdata,
            &socket_dir,
            account.as_ref(),
            options.throwaway,
        )?;
        let cluster = Cluster {
            pgdata,
            socket_dir,
            pid,
            exited,
            _lock: lock,
        };
        cluster.wait_until_ready(&home).await?;
        tracing::info!(
            elapsed_ms = start_time.elapsed().as_millis() as u64,
            socket_dir = %cluster.socket_dir.display(),
            "private PostgreSQL is accepting connections"
        );
        Ok(Access::Own(cluster))
    }

    /// Connection options for `database` on this cluster.
    pub fn connect_options(&self, database: &str) -> PgConnectOptions {
        socket_options(&self.socket_dir, database)
    }

    pub fn data_dir(&self) -> &Path {
        &self.pgdata
    }

    pub fn socket_dir(&self) -> &Path {
        &self.socket_dir
    }

    pub fn pid(&self) -> i32 {
        self.pid
    }

    /// Creates `database` unless it exists.
    pub async fn ensure_database(&self, database: &str) -> anyhow::Result<()> {
        ensure_database(&self.socket_dir, database).await
    }

    /// Stops PostgreSQL cleanly (a "fast" shutdown: open transactions are
    /// rolled back, everything committed is on disk) and waits for it.
    pub async fn stop(mut self) -> anyhow::Result<()> {
        for (signal, patience) in [
            (libc::SIGINT, Duration::from_secs(60)),
            (libc::SIGQUIT, Duration::from_secs(5)),
            (libc::SIGKILL, Duration::from_secs(5)),
        ] {
            if *self.exited.borrow() {
                break;
            }
            unix::signal(self.pid, signal);
            let wait = self.exited.wait_for(|exited| *exited);
            if tokio::time::timeout(patience, wait).await.is_ok() {
                tracing::info!(dir = %self.pgdata.display(), "private PostgreSQL stopped");
                return Ok(());
            }
        }
        if *self.exited.borrow() {
            Ok(())
        } else {
            bail!("PostgreSQL (pid {}) did not stop", self.pid)
        }
    }

    async fn wait_until_ready(&self, home: &Path) -> anyhow::Result<()> {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            if *self.exited.borrow() {
                bail!(
                    "PostgreSQL stopped during start-up. The end of its log ({}):\n{}",
                    home.join("postgres.log").display(),
                    log_tail(home)
                );
            }
            if let Ok(conn) = self.connect_options("postgres").connect().await {
                let _ = conn.close().await;
                return Ok(());
            }
            if Instant::now() > deadline {
                bail!(
                    "PostgreSQL did not accept connections within a minute. The end of its log:\n{}",
                    log_tail(home)
                );
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
    }
}

/// The directory that holds the cluster, its log and its lock: the data
/// directory itself, unless the `postgres` account cannot reach it (a
/// checkout under a private home), in which case a directory of its own
/// under `/var/lib/kolega` — said clearly in the log.
fn cluster_home(root: &Path, account: Option<&Account>) -> anyhow::Result<PathBuf> {
    let Some(account) = account else {
        return Ok(root.to_owned());
    };
    if let Some(blocking) = first_unreachable_ancestor(root, account) {
        let home = Path::new("/var/lib/kolega").join(short_hash(root));
        fs::DirBuilder::new()
            .recursive(true)
            .mode(0o755)
            .create(&home)?;
        tracing::warn!(
            data_dir = %root.display(),
            blocked_by = %blocking.display(),
            cluster_dir = %home.display(),
            "the `postgres` account cannot reach the data directory, so the private cluster lives \
             elsewhere; to keep it in the data directory, make its parents traversable (chmod o+x)"
        );
        return Ok(home);
    }
    Ok(root.to_owned())
}

/// The first directory on the way to `path` that `account` may not enter.
fn first_unreachable_ancestor(path: &Path, account: &Account) -> Option<PathBuf> {
    path.ancestors()
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .find_map(|dir| {
            let meta = fs::metadata(dir).ok()?;
            let mode = meta.mode();
            let allowed = if meta.uid() == account.uid {
                mode & 0o100 != 0
            } else if meta.gid() == account.gid {
                mode & 0o010 != 0
            } else {
                mode & 0o001 != 0
            };
            (!allowed).then(|| dir.to_owned())
        })
}

fn short_hash(path: &Path) -> String {
    let digest = Sha256::digest(path.as_os_str().as_encoded_bytes());
    digest.iter().take(6).map(|b| format!("{b:02x}")).collect()
}

enum Locked {
    Ours(File),
    /// Another process holds the lock; its pid as it wrote it.
    Held {
        holder: String,
    },
}

/// Takes `kolega-cluster.lock` for the life of the process, so a second
/// `kolega` on the same data directory never starts a second PostgreSQL on
/// it (which would corrupt it).
fn lock_cluster(home: &Path) -> anyhow::Result<Locked> {
    let path = home.join("kolega-cluster.lock");
    let mut file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)?;
    if !unix::try_lock_exclusive(&file)? {
        let mut holder = String::new();
        let _ = file.read_to_string(&mut holder);
        return Ok(Locked::Held {
            holder: holder.trim().to_owned(),
        });
    }
    file.set_len(0)?;
    write!(file, "{}", std::process::id())?;
    Ok(Locked::Ours(file))
}

fn init_cluster(
    binaries: &Binaries,
    home: &Path,
    pgdata: &Path,
    account: Option<&Account>,
    throwaway: bool,
) -> anyhow::Result<()> {
    if pgdata.exists() && fs::read_dir(pgdata)?.next().is_some() {
        bail!(
            "{} exists but is not a PostgreSQL cluster (no PG_VERSION); move it away or choose another KOLEGA_DATA_DIR",
            pgdata.display()
        );
    }
    // initdb works in a scratch directory that is renamed when complete, so
    // an interrupted first start never leaves a half-made cluster behind.
    let scratch = home.join("postgres.initdb");
    if scratch.exists() {
        fs::remove_dir_all(&scratch)?;
    }
    let mut last_error = String::new();
    for locale in ["C.UTF-8", "C"] {
        fs::DirBuilder::new().mode(0o700).create(&scratch)?;
        if let Some(account) = account {
            unix::chown(&scratch, account)?;
        }
        let mut command = Command::new(&binaries.initdb);
        command
            .arg("-D")
            .arg(&scratch)
            .args(["-U", SUPERUSER, "--auth=trust", "--encoding=UTF8"])
            .arg(format!("--locale={locale}"))
            .current_dir(home)
            .stdin(Stdio::null());
        if throwaway {
            command.arg("--no-sync");
        }
        as_account(&mut command, account);
        let output = command.output().context("cannot run initdb")?;
        if output.status.success() {
            if pgdata.exists() {
                fs::remove_dir(pgdata)?;
            }
            fs::rename(&scratch, pgdata)?;
            return Ok(());
        }
        last_error = format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        fs::remove_dir_all(&scratch)?;
    }
    bail!("initdb failed:\n{last_error}")
}

fn as_account(command: &mut Command, account: Option<&Account>) {
    if let Some(account) = account {
        // std drops root's supplementary groups when it changes the uid.
        command.uid(account.uid).gid(account.gid);
    }
}

/// The socket lives in the cluster directory unless that path is too long
/// for a Unix socket; then in a private directory under the system temp dir.
fn socket_dir_for(pgdata: &Path, account: Option<&Account>) -> anyhow::Result<PathBuf> {
    if pgdata.join(SOCKET_NAME).as_os_str().len() <= MAX_SOCKET_PATH {
        return Ok(pgdata.to_owned());
    }
    let dir = std::env::temp_dir().join(format!("kolega-pg-{}", short_hash(pgdata)));
    if !dir.exists() {
        fs::DirBuilder::new().mode(0o700).create(&dir)?;
    }
    if let Some(account) = account {
        unix::chown(&dir, account)?;
    }
    tracing::info!(socket_dir = %dir.display(), "the data directory path is too long for a Unix socket; the socket lives here instead");
    Ok(dir)
}

/// After a `kill -9` the cluster may have left `postmaster.pid` behind.
/// PostgreSQL handles a pid that no longer exists by itself; we handle the
/// two cases it cannot: a postmaster orphaned by a killed `kolega` (we hold
/// the lock, so it is ours to stop) and a pid reused by an unrelated process.
async fn clear_stale_postmaster(pgdata: &Path) -> anyhow::Result<()> {
    let pid_file = pgdata.join("postmaster.pid");
    let Ok(contents) = fs::read_to_string(&pid_file) else {
        return Ok(());
    };
    let Some(pid) = contents
        .lines()
        .next()
        .and_then(|l| l.trim().parse::<i32>().ok())
    else {
        fs::remove_file(&pid_file)?;
        return Ok(());
    };
    if !unix::process_alive(pid) {
        return Ok(());
    }
    let cmdline = fs::read(format!("/proc/{pid}/cmdline")).unwrap_or_default();
    let cmdline = String::from_utf8_lossy(&cmdline).replace('\0', " ");
    if cmdline.contains("postgres") && cmdline.contains(&*pgdata.to_string_lossy()) {
        tracing::warn!(
            pid,
            "stopping a PostgreSQL left running by an earlier kolega process"
        );
        unix::signal(pid, libc::SIGINT);
        let deadline = Instant::now() + Duration::from_secs(60);
        while unix::process_alive(pid) && Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        if unix::process_alive(pid) {
            bail!(
                "an earlier PostgreSQL (pid {pid}) on {} does not stop",
                pgdata.display()
            );
        }
    } else {
        tracing::warn!(
            pid,
            "removing a stale postmaster.pid whose process id now belongs to another program"
        );
        fs::remove_file(&pid_file)?;
    }
    Ok(())
}

fn spawn_postgres(
    binaries: &Binaries,
    home: &Path,
    pgdata: &Path,
    socket_dir: &Path,
    account: Option<&Account>,
    throwaway: bool,
) -> anyhow::Result<(i32, watch::Receiver<bool>)> {
    let log = OpenOptions::new()
        .create(true)
        .append(true)
        .open(home.join("postgres.log"))?;
    let mut command = Command::new(&binaries.postgres);
    command
        .arg("-D")
        .arg(pgdata)
        .args(["-c", "listen_addresses="])
        .arg("-c")
        .arg(format!("unix_socket_directories={}", socket_dir.display()))
        .args(["-c", "port=5432", "-c", "max_connections=200"])
        .current_dir(home)
        .stdin(Stdio::null())
        .stdout(log.try_clone()?)
        .stderr(log)
        // Its own process group: Ctrl-C in a terminal reaches kolega, which
        // then stops PostgreSQL in order, after the server has drained.
        .process_group(0);
    if throwaway {
        command.args([
            "-c",
            "fsync=off",
            "-c",
            "synchronous_commit=off",
            "-c",
            "full_page_writes=off",
        ]);
    }
    as_account(&mut command, account);
    // SAFETY: the closure only makes an async-signal-safe system call.
    unsafe {
        command.pre_exec(|| unix::die_with_parent(libc::SIGINT));
    }
    // The kernel's parent-death signal follows the *thread* that forked, so
    // PostgreSQL is spawned and waited for by a thread that lives exactly as
    // long as it does.
    let (pid_tx, pid_rx) = std::sync::mpsc::channel();
    let (exited_tx, exited_rx) = watch::channel(false);
    std::thread::Builder::new()
        .name("postgres-keeper".into())
        .spawn(move || match command.spawn() {
            Ok(mut child) => {
                let _ = pid_tx.send(Ok(child.id() as i32));
                let _ = child.wait();
                let _ = exited_tx.send(true);
            }
            Err(error) => {
                let _ = pid_tx.send(Err(error));
                let _ = exited_tx.send(true);
            }
        })?;
    let pid = pid_rx.recv()?.context("cannot start postgres")?;
    Ok((pid, exited_rx))
}

fn log_tail(home: &Path) -> String {
    let log = fs::read_to_string(home.join("postgres.log")).unwrap_or_default();
    let lines: Vec<&str> = log.lines().collect();
    lines[lines.len().saturating_sub(15)..].join("\n")
}
