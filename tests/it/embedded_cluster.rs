//! The private PostgreSQL cluster that `kolega` runs when no DATABASE_URL
//! is set: first start, restart, recovery after kill -9, refusal of a
//! second owner, long and unreachable paths, running as root.

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::time::Duration;

use kolega::db::embedded::{self, Cluster, ClusterOptions};
use sqlx::{ConnectOptions, Connection};

struct Scratch(PathBuf);

impl Scratch {
    fn new(label: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!(
            "kolega-cluster-{label}-{}",
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

fn options(root: &Path) -> ClusterOptions {
    ClusterOptions {
        root: root.to_owned(),
        throwaway: true,
    }
}

async fn execute(cluster: &Cluster, sql: &str) {
    let mut conn = cluster.connect_options("postgres").connect().await.unwrap();
    sqlx::raw_sql(sql).execute(&mut conn).await.unwrap();
    conn.close().await.unwrap();
}

async fn count_notes(cluster: &Cluster) -> i64 {
    let mut conn = cluster.connect_options("postgres").connect().await.unwrap();
    let count = sqlx::query_scalar("SELECT count(*) FROM notes")
        .fetch_one(&mut conn)
        .await
        .unwrap();
    conn.close().await.unwrap();
    count
}

fn alive(pid: i32) -> bool {
    unsafe { libc::kill(pid, 0) == 0 }
}

/// Waits until no process of the group `pgid` is left.
async fn wait_until_group_dead(pgid: i32) {
    for _ in 0..3000 {
        // SAFETY: signal 0 only checks for existence.
        if unsafe { libc::killpg(pgid, 0) } != 0 {
            return;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("process group {pgid} is still alive");
}

#[tokio::test]
async fn first_start_initialises_the_cluster_and_a_restart_keeps_the_data() {
    let scratch = Scratch::new("restart");

    let cluster = Cluster::start(&options(&scratch.0)).await.unwrap();
    assert!(scratch.0.join("postgres/PG_VERSION").exists());
    assert!(
        cluster.socket_dir().join(".s.PGSQL.5432").exists(),
        "listens on a Unix socket"
    );
    execute(
        &cluster,
        "CREATE TABLE notes (body text); INSERT INTO notes VALUES ('supervizija utorkom')",
    )
    .await;
    let pid = cluster.pid();
    cluster.stop().await.unwrap();
    assert!(!alive(pid), "stop waits for PostgreSQL to exit");
    assert!(
        !scratch.0.join("postgres/postmaster.pid").exists(),
        "a clean shutdown"
    );

    let again = Cluster::start(&options(&scratch.0)).await.unwrap();
    assert_eq!(count_notes(&again).await, 1);
    let mut conn = again.connect_options("postgres").connect().await.unwrap();
    let encoding: String = sqlx::query_scalar("SHOW server_encoding")
        .fetch_one(&mut conn)
        .await
        .unwrap();
    assert_eq!(encoding, "UTF8");
    conn.close().await.unwrap();
    again.stop().await.unwrap();
}

#[tokio::test]
async fn after_kill_9_of_everything_the_next_start_recovers() {
    let scratch = Scratch::new("kill9");
    // Durable settings, as `kolega serve` uses: a commit is on disk.
    let durable = ClusterOptions {
        throwaway: false,
        ..options(&scratch.0)
    };
    let cluster = Cluster::start(&durable).await.unwrap();
    execute(
        &cluster,
        "CREATE TABLE notes (body text); INSERT INTO notes VALUES ('ostaje')",
    )
    .await;
    let pid = cluster.pid();
    // PostgreSQL runs in its own process group: kill all of it at once.
    unsafe { libc::killpg(pid, libc::SIGKILL) };
    // Every process of it, not only the postmaster: a backend still dying
    // holds the shared memory, and the next start would rightly refuse it
    // (seen on a loaded CI machine).
    wait_until_group_dead(pid).await;
    std::mem::forget(cluster); // its lock is released below, as a killed kolega's would be
    assert!(
        scratch.0.join("postgres/postmaster.pid").exists(),
        "the stale pid file is left behind"
    );
    // Simulate the worst case: the dead postmaster's pid now belongs to an
    // unrelated live process.
    let mut unrelated = std::process::Command::new("sleep")
        .arg("30")
        .spawn()
        .unwrap();
    let pid_file = scratch.0.join("postgres/postmaster.pid");
    let contents = std::fs::read_to_string(&pid_file).unwrap();
    let rest = contents
        .split_once('\n')
        .map(|(_, rest)| rest)
        .unwrap_or_default();
    std::fs::write(&pid_file, format!("{}\n{rest}", unrelated.id())).unwrap();
    release_lock(&scratch.0);

    let recovered = Cluster::start(&durable).await.unwrap();

    assert_eq!(count_notes(&recovered).await, 1, "committed data survives");
    assert!(
        alive(unrelated.id() as i32),
        "the unrelated process is left alone"
    );
    recovered.stop().await.unwrap();
    unrelated.kill().unwrap();
    unrelated.wait().unwrap();
}

/// The lock of a forgotten `Cluster` is held by this process's open file;
/// a killed process would have released it. Re-lock from a fresh open file
/// description is impossible while ours is open, so close every descriptor
/// that points at the lock file.
fn release_lock(root: &Path) {
    let lock = root.join("kolega-cluster.lock");
    for entry in std::fs::read_dir("/proc/self/fd").unwrap().flatten() {
        if std::fs::read_link(entry.path()).ok().as_deref() == Some(lock.as_path()) {
            let fd: i32 = entry.file_name().to_string_lossy().parse().unwrap();
            unsafe { libc::close(fd) };
        }
    }
    // A child another test forked at that moment holds a copy of the
    // descriptor until its exec closes it (close-on-exec), and with it the
    // lock: wait until the lock is free, as it is once a killed process
    // and all its copies are gone.
    use std::os::fd::AsRawFd;
    for _ in 0..1000 {
        let file = std::fs::File::open(&lock).unwrap();
        // SAFETY: flock on a descriptor we own.
        if unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) } == 0 {
            return; // dropping `file` releases it again
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!("the cluster's lock is still held");
}

#[tokio::test]
async fn a_second_owner_of_the_same_data_directory_is_refused_clearly() {
    let scratch = Scratch::new("second");
    let first = Cluster::start(&options(&scratch.0)).await.unwrap();

    let second = Cluster::start(&options(&scratch.0)).await;

    let message = format!("{:#}", second.err().expect("the second start is refused"));
    assert!(message.contains("another kolega process"), "{message}");
    assert!(
        message.contains(&std::process::id().to_string()),
        "names the owner: {message}"
    );
    assert!(message.contains("DATABASE_URL"), "{message}");
    first.stop().await.unwrap();
}

#[tokio::test]
async fn a_data_directory_too_deep_for_a_unix_socket_still_works() {
    let scratch = Scratch::new("deep");
    let deep = scratch
        .0
        .join("a-rather-long-directory-name-for-a-ci-checkout".repeat(2))
        .join("data");

    let cluster = Cluster::start(&options(&deep)).await.unwrap();

    assert!(cluster.socket_dir().join(".s.PGSQL.5432").exists());
    assert!(
        !cluster.socket_dir().starts_with(&deep),
        "socket moved to a short path"
    );
    execute(&cluster, "SELECT 1").await;
    let socket_dir = cluster.socket_dir().to_owned();
    cluster.stop().await.unwrap();
    let _ = std::fs::remove_dir_all(socket_dir);
}

#[tokio::test]
async fn missing_postgresql_says_what_to_install() {
    let scratch = Scratch::new("nobin");

    let error =
        embedded::find_binaries_in(vec![scratch.0.clone()], &scratch.0.join("none")).unwrap_err();

    let message = error.to_string();
    assert!(message.contains("apt-get install postgresql"), "{message}");
    assert!(message.contains("DATABASE_URL"), "{message}");
    assert!(message.contains("docker compose up"), "{message}");
}

#[tokio::test]
async fn the_newest_versioned_postgresql_wins() {
    let scratch = Scratch::new("versions");
    for version in ["9.6", "15", "17"] {
        let bin = scratch.0.join(version).join("bin");
        std::fs::create_dir_all(&bin).unwrap();
        for program in ["initdb", "postgres"] {
            std::fs::write(bin.join(program), "#!/bin/sh\n").unwrap();
            std::fs::set_permissions(bin.join(program), std::fs::Permissions::from_mode(0o755))
                .unwrap();
        }
    }

    let found = embedded::find_binaries_in(vec![], &scratch.0).unwrap();

    assert_eq!(found.postgres, scratch.0.join("17/bin/postgres"));
}

fn is_root() -> bool {
    unsafe { libc::geteuid() == 0 }
}

fn postgres_uid() -> u32 {
    std::fs::read_to_string("/etc/passwd")
        .unwrap()
        .lines()
        .find_map(|line| {
            let fields: Vec<&str> = line.split(':').collect();
            (fields[0] == "postgres").then(|| fields[2].parse().unwrap())
        })
        .expect("the postgres account exists")
}

fn process_uid(pid: i32) -> u32 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let line = status.lines().find(|l| l.starts_with("Uid:")).unwrap();
    line.split_whitespace().nth(1).unwrap().parse().unwrap()
}

#[tokio::test]
async fn as_root_postgresql_runs_as_the_unprivileged_postgres_account() {
    let scratch = Scratch::new("owner");

    let cluster = Cluster::start(&options(&scratch.0)).await.unwrap();

    let expected = if is_root() {
        postgres_uid()
    } else {
        unsafe { libc::geteuid() }
    };
    assert_eq!(process_uid(cluster.pid()), expected);
    assert_eq!(
        std::fs::metadata(cluster.data_dir()).unwrap().uid(),
        expected
    );
    cluster.stop().await.unwrap();
}

#[tokio::test]
async fn as_root_a_data_directory_the_postgres_account_cannot_reach_is_handled() {
    if !is_root() {
        eprintln!("not root: the unreachable-directory path only exists for root");
        return;
    }
    let scratch = Scratch::new("private");
    std::fs::set_permissions(&scratch.0, std::fs::Permissions::from_mode(0o700)).unwrap();
    let root = scratch.0.join("data");

    let cluster = Cluster::start(&options(&root)).await.unwrap();

    assert!(
        cluster.data_dir().starts_with("/var/lib/kolega"),
        "{}",
        cluster.data_dir().display()
    );
    execute(&cluster, "SELECT 1").await;
    let home = cluster.data_dir().parent().unwrap().to_owned();
    cluster.stop().await.unwrap();
    std::fs::remove_dir_all(home).unwrap();
}
