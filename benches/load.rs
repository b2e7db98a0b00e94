//! `cargo bench`: the load benchmark. It builds the large data set in a
//! private PostgreSQL (kept between runs under the system temp dir), serves
//! it with the real `kolega` binary, drives each page with 16 keep-alive
//! connections from this process, and writes `bench/RESULTS.md` with
//! requests per second, p50/p99 latency, the ratio to the one-query page,
//! the server's peak memory and the machine's description.
//!
//! BENCH_SECONDS (default 8) sets the measuring time per page, BENCH_CONNECTIONS (16) the load.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use kolega::db::{self, embedded};
use sqlx::PgPool;

struct Scenario {
    name: &'static str,
    path: String,
    signed_in: bool,
}

struct Measured {
    name: &'static str,
    requests_per_second: f64,
    p50_ms: f64,
    p99_ms: f64,
    errors: usize,
}

fn main() -> anyhow::Result<()> {
    let runtime = tokio::runtime::Runtime::new()?;
    let seconds: u64 = std::env::var("BENCH_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(8);
    let connections: usize = std::env::var("BENCH_CONNECTIONS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(16);
    let root = std::env::temp_dir().join("kolega-bench");
    let (cluster, pool, url, generated) = runtime.block_on(prepare(&root))?;
    let cookie = runtime.block_on(member_session(&pool))?;
    let big_thread: String = runtime.block_on(
        sqlx::query_scalar(
            "SELECT thread_id::text FROM threads WHERE title = 'Duga tema sa mnogo odgovora'",
        )
        .fetch_one(&pool),
    )?;

    let vranje: i32 = runtime.block_on(
        sqlx::query_scalar(
            "SELECT municipality_id FROM municipalities WHERE country_code = 'RS' AND name = 'Vranje'",
        )
        .fetch_one(&pool),
    )?;

    let port = free_port();
    let data_dir = root.join("server-data");
    let mut server = start_server(&url, port, &data_dir)?;
    wait_for_health(port, &mut server)?;

    let scenarios = vec![
        Scenario {
            name: "one-query page (/readyz)",
            path: "/readyz".into(),
            signed_in: false,
        },
        Scenario {
            name: "home, visitor",
            path: "/".into(),
            signed_in: false,
        },
        Scenario {
            name: "home, member",
            path: "/".into(),
            signed_in: true,
        },
        Scenario {
            name: "group page (500 threads)",
            path: "/groups/grupa-1".into(),
            signed_in: true,
        },
        Scenario {
            name: "thread page, 50 posts",
            path: format!("/groups/grupa-1/t/{big_thread}?page=1"),
            signed_in: true,
        },
        Scenario {
            name: "search, broad word",
            path: "/search?q=porodica".into(),
            signed_in: true,
        },
        Scenario {
            name: "search, two common words",
            path: "/search?q=alimentacija+razvod".into(),
            signed_in: true,
        },
        Scenario {
            name: "search, rare word",
            path: "/search?q=odgovor".into(),
            signed_in: true,
        },
        Scenario {
            name: "library, browse with facets",
            path: "/library".into(),
            signed_in: true,
        },
        Scenario {
            name: "library search, broad word",
            path: "/library?q=porodica".into(),
            signed_in: true,
        },
        Scenario {
            name: "library search, rare word",
            path: "/library?q=prosjacenje".into(),
            signed_in: true,
        },
        Scenario {
            name: "directory search, common word",
            path: "/members?q=cacak".into(),
            signed_in: true,
        },
        Scenario {
            name: "directory search, rare name",
            path: "/members?q=broj+4711".into(),
            signed_in: true,
        },
        Scenario {
            name: "service map, browse",
            path: "/services".into(),
            signed_in: false,
        },
        Scenario {
            name: "service map, broadest word",
            path: "/services?q=centar".into(),
            signed_in: false,
        },
        Scenario {
            name: "service map, rare word",
            path: "/services?q=hipoterapija".into(),
            signed_in: false,
        },
        Scenario {
            name: "service map, shelters near Vranje",
            path: format!("/services?kind=shelter&group=violence-victims&near={vranje}&mode=near"),
            signed_in: false,
        },
        Scenario {
            name: "service map, near me (no filters)",
            path: "/services?lat=44.8&lon=20.46".into(),
            signed_in: false,
        },
        Scenario {
            name: "service coverage, Serbia",
            path: "/services/coverage?country=RS".into(),
            signed_in: false,
        },
    ];
    let mut results = Vec::new();
    for scenario in &scenarios {
        let cookie = scenario.signed_in.then_some(cookie.as_str());
        let result = load(
            port,
            &scenario.path,
            cookie,
            connections,
            Duration::from_secs(seconds),
        );
        eprintln!(
            "{:<28} {:>8.0} req/s  p50 {:>7.2} ms  p99 {:>7.2} ms  errors {}",
            scenario.name, result.requests_per_second, result.p50_ms, result.p99_ms, result.errors
        );
        results.push(Measured {
            name: scenario.name,
            ..result
        });
    }
    let peak_kb = peak_memory_kb(server.id());
    unsafe { libc::kill(server.id() as i32, libc::SIGTERM) };
    let _ = server.wait();
    runtime.block_on(async {
        pool.close().await;
        cluster.stop().await
    })?;
    write_results(&results, connections, seconds, peak_kb, generated)?;
    Ok(())
}

/// Starts the cluster and loads the data set unless an earlier run did.
async fn prepare(
    root: &std::path::Path,
) -> anyhow::Result<(embedded::Cluster, PgPool, String, Option<Duration>)> {
    let cluster = embedded::Cluster::start(&embedded::ClusterOptions {
        root: root.to_owned(),
        throwaway: true,
    })
    .await?;
    cluster.ensure_database("kolega_bench").await?;
    let pool = db::connect(cluster.connect_options("kolega_bench"), 4).await?;
    db::migrate(&pool).await?;
    let members: i64 =
        sqlx::query_scalar("SELECT count(*) FROM users WHERE email LIKE '%@bench.example'")
            .fetch_one(&pool)
            .await?;
    let mut generated = None;
    if members == 0 {
        eprintln!(
            "generating the data set (50,000 members, 200 groups, 100,000 threads, 1,000,000 posts)…"
        );
        let started = Instant::now();
        sqlx::raw_sql(include_str!("data.sql"))
            .execute(&pool)
            .await?;
        generated = Some(started.elapsed());
        eprintln!("generated in {:.0} s", started.elapsed().as_secs_f64());
    }
    let resources: i64 = sqlx::query_scalar("SELECT count(*) FROM resources")
        .fetch_one(&pool)
        .await?;
    if resources < 100_000 {
        eprintln!("generating the library (100,000 resources with extracted text)…");
        let started = Instant::now();
        sqlx::raw_sql(include_str!("library_data.sql"))
            .execute(&pool)
            .await?;
        eprintln!("generated in {:.0} s", started.elapsed().as_secs_f64());
    }
    let services: i64 =
        sqlx::query_scalar("SELECT count(*) FROM services WHERE email LIKE '%@bench.example'")
            .fetch_one(&pool)
            .await?;
    if services < 20_000 {
        eprintln!("generating the service map (20,000 services over every municipality)…");
        let started = Instant::now();
        sqlx::raw_sql(include_str!("services_data.sql"))
            .execute(&pool)
            .await?;
        eprintln!("generated in {:.0} s", started.elapsed().as_secs_f64());
    }
    let url = format!(
        "postgres://{}@localhost:5432/kolega_bench?host={}",
        embedded::SUPERUSER,
        cluster.socket_dir().display()
    );
    Ok((cluster, pool, url, generated))
}

/// A signed-in member of grupa-1 (a session made directly in the database).
async fn member_session(pool: &PgPool) -> anyhow::Result<String> {
    let user_id: uuid::Uuid = sqlx::query_scalar(
        "SELECT m.user_id FROM group_members m JOIN groups g USING (group_id) WHERE g.slug = 'grupa-1' LIMIT 1",
    )
    .fetch_one(pool)
    .await?;
    let token = kolega::members::sessions::create(pool, user_id, true, chrono::Utc::now()).await?;
    Ok(format!("kolega_session={token}"))
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn start_server(url: &str, port: u16, data_dir: &PathBuf) -> anyhow::Result<Child> {
    std::fs::create_dir_all(data_dir)?;
    Ok(Command::new(env!("CARGO_BIN_EXE_kolega"))
        .arg("serve")
        .env("DATABASE_URL", url)
        .env("KOLEGA_BIND", format!("127.0.0.1:{port}"))
        .env("KOLEGA_DATA_DIR", data_dir)
        .env("RUST_LOG", "warn")
        .env("KOLEGA_MAIL_POLL_SECONDS", "60")
        .env_remove("SMTP_URL")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()?)
}

fn wait_for_health(port: u16, server: &mut Child) -> anyhow::Result<()> {
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        if let Some(status) = server.try_wait()? {
            anyhow::bail!("kolega exited early: {status}");
        }
        if let Ok(mut conn) = Connection::open(port) {
            if conn
                .get("/healthz", None)
                .map(|(status, _)| status == 200)
                .unwrap_or(false)
            {
                return Ok(());
            }
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    anyhow::bail!("kolega did not start within a minute")
}

/// One keep-alive HTTP/1.1 connection.
struct Connection {
    reader: BufReader<TcpStream>,
    writer: TcpStream,
}

impl Connection {
    fn open(port: u16) -> std::io::Result<Connection> {
        let stream = TcpStream::connect(("127.0.0.1", port))?;
        stream.set_nodelay(true)?;
        stream.set_read_timeout(Some(Duration::from_secs(30)))?;
        Ok(Connection {
            reader: BufReader::new(stream.try_clone()?),
            writer: stream,
        })
    }

    /// Sends a GET and reads the whole response; returns status and body length.
    fn get(&mut self, path: &str, cookie: Option<&str>) -> std::io::Result<(u16, usize)> {
        let cookie_line = cookie
            .map(|c| format!("Cookie: {c}\r\n"))
            .unwrap_or_default();
        write!(
            self.writer,
            "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n{cookie_line}\r\n"
        )?;
        let mut status_line = String::new();
        self.reader.read_line(&mut status_line)?;
        let status: u16 = status_line
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        let mut length = 0usize;
        let mut chunked = false;
        loop {
            let mut line = String::new();
            self.reader.read_line(&mut line)?;
            if line == "\r\n" || line.is_empty() {
                break;
            }
            let lower = line.to_ascii_lowercase();
            if let Some(value) = lower.strip_prefix("content-length:") {
                length = value.trim().parse().unwrap_or(0);
            }
            if lower.starts_with("transfer-encoding:") && lower.contains("chunked") {
                chunked = true;
            }
        }
        if chunked {
            let mut total = 0;
            loop {
                let mut size_line = String::new();
                self.reader.read_line(&mut size_line)?;
                let size = usize::from_str_radix(size_line.trim(), 16).unwrap_or(0);
                let mut chunk = vec![0u8; size + 2];
                self.reader.read_exact(&mut chunk)?;
                total += size;
                if size == 0 {
                    return Ok((status, total));
                }
            }
        }
        let mut body = vec![0u8; length];
        self.reader.read_exact(&mut body)?;
        Ok((status, length))
    }
}

/// Drives `path` with `connections` threads for `duration` (after a one-second warm-up).
fn load(
    port: u16,
    path: &str,
    cookie: Option<&str>,
    connections: usize,
    duration: Duration,
) -> Measured {
    let stop = Arc::new(AtomicBool::new(false));
    let measuring = Arc::new(AtomicBool::new(false));
    let handles: Vec<_> = (0..connections)
        .map(|_| {
            let (stop, measuring) = (stop.clone(), measuring.clone());
            let path = path.to_owned();
            let cookie = cookie.map(str::to_owned);
            std::thread::spawn(move || {
                let mut latencies = Vec::new();
                let mut errors = 0;
                let mut conn = Connection::open(port).ok();
                while !stop.load(Ordering::Relaxed) {
                    let Some(c) = conn.as_mut() else {
                        errors += 1;
                        conn = Connection::open(port).ok();
                        continue;
                    };
                    let started = Instant::now();
                    match c.get(&path, cookie.as_deref()) {
                        Ok((status, _)) if status < 400 => {
                            if measuring.load(Ordering::Relaxed) {
                                latencies.push(started.elapsed());
                            }
                        }
                        _ => {
                            errors += 1;
                            conn = Connection::open(port).ok();
                        }
                    }
                }
                (latencies, errors)
            })
        })
        .collect();
    std::thread::sleep(Duration::from_secs(1));
    measuring.store(true, Ordering::Relaxed);
    let started = Instant::now();
    std::thread::sleep(duration);
    measuring.store(false, Ordering::Relaxed);
    let elapsed = started.elapsed();
    stop.store(true, Ordering::Relaxed);
    let mut latencies = Vec::new();
    let mut errors = 0;
    for handle in handles {
        let (l, e) = handle.join().unwrap_or_default();
        latencies.extend(l);
        errors += e;
    }
    latencies.sort();
    let percentile = |p: f64| {
        latencies
            .get(((latencies.len() as f64 * p) as usize).min(latencies.len().saturating_sub(1)))
            .map_or(0.0, |d| d.as_secs_f64() * 1000.0)
    };
    Measured {
        name: "",
        requests_per_second: latencies.len() as f64 / elapsed.as_secs_f64(),
        p50_ms: percentile(0.50),
        p99_ms: percentile(0.99),
        errors,
    }
}

fn peak_memory_kb(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .map(str::to_owned)
        })
        .and_then(|l| l.split_whitespace().nth(1).and_then(|v| v.parse().ok()))
        .unwrap_or(0)
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .map(|l| l.split(':').nth(1).unwrap_or("").trim().to_owned())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1);
    let memory = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|s| {
            s.lines().next().and_then(|l| {
                l.split_whitespace()
                    .nth(1)
                    .and_then(|v| v.parse::<u64>().ok())
            })
        })
        .map(|kb| format!("{:.0} GiB", kb as f64 / 1024.0 / 1024.0))
        .unwrap_or_default();
    format!(
        "{cores} cores ({cpu}), {memory} RAM; server, PostgreSQL and load generator share the machine"
    )
}

fn write_results(
    results: &[Measured],
    connections: usize,
    seconds: u64,
    peak_kb: u64,
    generated: Option<Duration>,
) -> anyhow::Result<()> {
    let baseline = results
        .first()
        .map(|r| r.requests_per_second)
        .unwrap_or(1.0)
        .max(1.0);
    let mut out = String::new();
    out.push_str("# Load benchmark\n\n");
    out.push_str(&format!(
        "Run with `cargo bench` on {} (UTC).\n\n",
        chrono::Utc::now().format("%Y-%m-%d %H:%M")
    ));
    out.push_str(&format!("Machine: {}.\n\n", machine()));
    out.push_str("Data: 50,000 members, 200 groups, 100,000 threads, 1,000,000 posts (plus one 60-post thread), 100,000 library resources with extracted text, 20,000 services over every municipality of the service map.\n");
    if let Some(generated) = generated {
        out.push_str(&format!(
            "Generating it took {:.0} s.\n",
            generated.as_secs_f64()
        ));
    }
    out.push_str(&format!(
        "\nLoad: {connections} keep-alive connections, {seconds} s per page after a 1 s warm-up. \
         \"Cost\" is how many one-query pages the same server serves in the time of one such page.\n\n"
    ));
    out.push_str("| page | requests/s | p50 ms | p99 ms | cost × one-query page | errors |\n|---|---:|---:|---:|---:|---:|\n");
    for r in results {
        out.push_str(&format!(
            "| {} | {:.0} | {:.2} | {:.2} | {:.1} | {} |\n",
            r.name,
            r.requests_per_second,
            r.p50_ms,
            r.p99_ms,
            baseline / r.requests_per_second.max(0.001),
            r.errors
        ));
    }
    out.push_str(&format!(
        "\nServer peak memory (VmHWM): {:.1} MiB.\n",
        peak_kb as f64 / 1024.0
    ));
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("bench/RESULTS.md");
    std::fs::write(&path, out)?;
    eprintln!("wrote {}", path.display());
    Ok(())
}
