//! `cargo bench`: the load benchmark. It builds the large data set in a
//! private PostgreSQL (kept between runs under the system temp dir), serves
//! it with the real `kolega` binary, drives each page with 16 keep-alive
//! connections from this process, and writes `bench/RESULTS.md` with
//! requests per second, p50/p99 latency, the ratio to the one-query page,
//! the server's peak memory and the machine's description.
//!
//! Besides single pages it measures sign-in (a real argon2 password check
//! per request) and a mixed workload: 200 signed-in members browsing
//! (home, group, thread, search, event) and replying, 90% reads, 10% posts.
//!
//! BENCH_SECONDS (default 8) sets the measuring time per page, BENCH_CONNECTIONS (16) the load.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::time::{Duration, Instant};

use kolega::db::{self, embedded};
use sqlx::PgPool;

/// The version of `events_data.sql` the data set must have (`bench_data`).
const EVENTS_VERSION: i32 = 1;
/// The version of `courses_data.sql` the data set must have (`bench_data`).
const COURSES_VERSION: i32 = 1;
/// Quiz members clan3001..: one per connection, each with an open attempt
/// on every bench quiz.
const QUIZ_MEMBERS: usize = 16;
/// The big upcoming webinar of `events_data.sql`.
const BIG_EVENT: &str = "Veliki vebinar: nova pravila hraniteljstva";
/// Bench members clan1..clanN get a real password, for the sign-in measurement.
const SIGN_IN_MEMBERS: usize = 1000;
const PASSWORD: &str = "bench-lozinka-za-kolegu";
/// Signed-in members of the mixed workload (clan2001..).
const MIXED_MEMBERS: usize = 200;
/// Posts per member per run in the mixed workload, below the limit of 20
/// per 10 minutes (`web::rate_limit`), which is reset before the run.
const POSTS_PER_MEMBER: u32 = 15;

/// One request of a load: `kind` indexes the scenario's kinds.
struct Request {
    kind: usize,
    post: bool,
    path: String,
    cookie: Option<String>,
    body: String,
}

type Generator = Arc<dyn Fn(usize, u64) -> Request + Send + Sync>;

struct Scenario {
    name: &'static str,
    kinds: Vec<&'static str>,
    generator: Generator,
}

impl Scenario {
    /// One page, again and again.
    fn page(name: &'static str, path: impl Into<String>, cookie: Option<&str>) -> Scenario {
        let path = path.into();
        let cookie = cookie.map(str::to_owned);
        Scenario {
            name,
            kinds: vec![name],
            generator: Arc::new(move |_, _| Request {
                kind: 0,
                post: false,
                path: path.clone(),
                cookie: cookie.clone(),
                body: String::new(),
            }),
        }
    }
}

#[derive(Default)]
struct KindStats {
    name: &'static str,
    count: usize,
    p50_ms: f64,
    p99_ms: f64,
    errors: usize,
}

struct Measured {
    name: &'static str,
    requests_per_second: f64,
    p50_ms: f64,
    p99_ms: f64,
    errors: usize,
    peak_kb: u64,
    kinds: Vec<KindStats>,
}

/// A quiz member of the quiz-submission measurement: her session and her
/// open attempts, as (address, form fields with her answers).
struct QuizMember {
    email: String,
    cookie: String,
    csrf: String,
    attempts: Vec<(String, String)>,
}

/// A signed-in member of the mixed workload.
struct MixedMember {
    cookie: String,
    csrf: String,
    /// Threads of the member's groups: (group slug, thread id).
    threads: Vec<(String, String)>,
    posts: AtomicU32,
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
    let uptime_start = uptime();
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
    let big_event: String = runtime.block_on(
        sqlx::query_scalar("SELECT event_id::text FROM events WHERE title = $1")
            .bind(BIG_EVENT)
            .fetch_one(&pool),
    )?;
    let upcoming_events: Vec<String> = runtime.block_on(
        sqlx::query_scalar(
            "SELECT event_id::text FROM events
             WHERE starts_at > now() AND audience IN ('public', 'members') AND cancelled_at IS NULL
             ORDER BY starts_at LIMIT 50",
        )
        .fetch_all(&pool),
    )?;
    let mixed = runtime.block_on(mixed_members(&pool))?;
    let learner = runtime.block_on(learner_session(&pool))?;
    let (course_lesson,): (String,) = runtime.block_on(
        sqlx::query_as(
            "SELECT l.lesson_id::text FROM lessons l JOIN courses c USING (course_id)
             JOIN course_modules m USING (module_id)
             WHERE c.slug = 'bench-kurs-1' AND m.position = 3 AND l.position = 3",
        )
        .fetch_one(&pool),
    )?;
    let quiz = runtime.block_on(quiz_scenario(&pool))?;

    let port = free_port();
    let data_dir = root.join("server-data");
    let mut server = start_server(&url, port, &data_dir)?;
    wait_for_health(port, &mut server)?;
    let member = Some(cookie.as_str());

    let scenarios = vec![
        Scenario::page("one-query page (/readyz)", "/readyz", None),
        Scenario::page("home, visitor", "/", None),
        Scenario::page("home, member", "/", member),
        Scenario::page("group page (500 threads)", "/groups/grupa-1", member),
        Scenario::page(
            "thread page, 50 posts",
            format!("/groups/grupa-1/t/{big_thread}?page=1"),
            member,
        ),
        Scenario::page("search, broad word", "/search?q=porodica", member),
        Scenario::page(
            "search, two common words",
            "/search?q=alimentacija+razvod",
            member,
        ),
        Scenario::page("search, rare word", "/search?q=odgovor", member),
        Scenario::page("library, browse with facets", "/library", member),
        Scenario::page("library search, broad word", "/library?q=porodica", member),
        Scenario::page(
            "library search, rare word",
            "/library?q=prosjacenje",
            member,
        ),
        Scenario::page("directory search, common word", "/members?q=cacak", member),
        Scenario::page(
            "directory search, rare name",
            "/members?q=broj+4711",
            member,
        ),
        Scenario::page("service map, browse", "/services", None),
        Scenario::page("service map, broadest word", "/services?q=centar", None),
        Scenario::page("service map, rare word", "/services?q=hipoterapija", None),
        Scenario::page(
            "service map, shelters near Vranje",
            format!("/services?kind=shelter&group=violence-victims&near={vranje}&mode=near"),
            None,
        ),
        Scenario::page(
            "service map, near me (no filters)",
            "/services?lat=44.8&lon=20.46",
            None,
        ),
        Scenario::page(
            "service coverage, Serbia",
            "/services/coverage?country=RS",
            None,
        ),
        Scenario::page("events list, visitor", "/events", None),
        Scenario::page("events list, member", "/events", member),
        Scenario::page(
            "event page (10,000 registered), visitor",
            format!("/events/{big_event}"),
            None,
        ),
        Scenario::page(
            "event page (10,000 registered), member",
            format!("/events/{big_event}"),
            member,
        ),
        Scenario::page(
            "course catalogue, member",
            "/courses",
            Some(learner.as_str()),
        ),
        Scenario::page(
            "course catalogue, search",
            "/courses?q=nasilje",
            Some(learner.as_str()),
        ),
        Scenario::page(
            "course page, member with progress",
            "/courses/bench-kurs-1",
            Some(learner.as_str()),
        ),
        Scenario::page(
            "lesson page, member with progress",
            format!("/courses/bench-kurs-1/lessons/{course_lesson}"),
            Some(learner.as_str()),
        ),
        quiz,
        sign_in_scenario(connections),
        mixed_scenario(mixed, big_event.clone(), upcoming_events, connections),
    ];
    let mut results = Vec::new();
    for scenario in &scenarios {
        if scenario.name.starts_with("mixed") {
            // Posting is limited per member; start every run with a clean count.
            runtime.block_on(
                sqlx::query(
                    "DELETE FROM rate_events WHERE bucket = 'posting'
                     AND key IN (SELECT user_id::text FROM users WHERE email LIKE '%@bench.example')",
                )
                .execute(&pool),
            )?;
        }
        reset_peak_memory(server.id());
        let result = load(port, scenario, connections, Duration::from_secs(seconds));
        let peak_kb = peak_memory_kb(server.id());
        eprintln!(
            "{:<40} {:>8.0} req/s  p50 {:>7.2} ms  p99 {:>7.2} ms  errors {}  peak {:.0} MiB",
            scenario.name,
            result.requests_per_second,
            result.p50_ms,
            result.p99_ms,
            result.errors,
            peak_kb as f64 / 1024.0
        );
        if result.kinds.len() > 1 {
            for kind in &result.kinds {
                eprintln!(
                    "    {:<36} {:>8} requests  p50 {:>7.2} ms  p99 {:>7.2} ms  errors {}",
                    kind.name, kind.count, kind.p50_ms, kind.p99_ms, kind.errors
                );
            }
        }
        results.push(Measured {
            name: scenario.name,
            peak_kb,
            ..result
        });
    }
    let peak_kb = results.iter().map(|r| r.peak_kb).max().unwrap_or(0);
    unsafe { libc::kill(server.id() as i32, libc::SIGTERM) };
    let _ = server.wait();
    runtime.block_on(async {
        pool.close().await;
        cluster.stop().await
    })?;
    let uptime_end = uptime();
    write_results(
        &results,
        connections,
        seconds,
        peak_kb,
        generated,
        (&uptime_start, &uptime_end),
    )?;
    Ok(())
}

/// POST /login with a CSRF cookie and token and the right password, for
/// 1,000 different members in turn (only failures are throttled).
fn sign_in_scenario(connections: usize) -> Scenario {
    let csrf = kolega::web::context::new_token();
    Scenario {
        name: "sign-in (argon2 check, new session)",
        kinds: vec!["sign-in"],
        generator: Arc::new(move |thread, iteration| {
            let n = 1 + (thread + connections * iteration as usize) % SIGN_IN_MEMBERS;
            Request {
                kind: 0,
                post: true,
                path: "/login".into(),
                cookie: Some(format!("kolega_csrf={csrf}")),
                body: format!(
                    "csrf_token={csrf}&email=clan{n}%40bench.example&password={PASSWORD}"
                ),
            }
        }),
    }
}

const MIXED_KINDS: [&str; 6] = [
    "mixed: home",
    "mixed: group page",
    "mixed: thread page",
    "mixed: search",
    "mixed: event page",
    "mixed: reply (POST)",
];

const MIXED_SEARCHES: [&str; 6] = [
    "porodica",
    "hraniteljstvo",
    "nasilje+zastita",
    "supervizija",
    "alimentacija+razvod",
    "plan+usluga",
];

const REPLIES: [&str; 4] = [
    "Hvala na odgovoru. Kod nas u centru radimo slično, a plan usluga pravimo zajedno sa porodicom.",
    "Slažem se sa koleginicom. Supervizija nam je mnogo pomogla u ovakvim slučajevima.",
    "Proverite pravilnik, tamo je postupak opisan korak po korak.",
    "Mi smo to rešili kroz saradnju sa školom i zdravstvom, uz redovne sastanke mreže.",
];

/// Many signed-in members: each request is one member's next click. Of a
/// hundred: 25 home, 15 group page, 25 thread page, 10 search, 15 event
/// page, 10 replies (a member who reached POSTS_PER_MEMBER reads instead).
fn mixed_scenario(
    members: Vec<MixedMember>,
    big_event: String,
    mut events: Vec<String>,
    connections: usize,
) -> Scenario {
    events.push(big_event);
    let members = Arc::new(members);
    Scenario {
        name: "mixed workload, 200 members (90% reads, 10% replies)",
        kinds: MIXED_KINDS.to_vec(),
        generator: Arc::new(move |thread, iteration| {
            let member = &members[(thread + connections * iteration as usize) % members.len()];
            let random = mix(thread as u64 * 1_000_003 + iteration);
            let (slug, thread_id) = &member.threads[(random >> 8) as usize % member.threads.len()];
            let roll = random % 100;
            let kind = match roll {
                0..25 => 0,
                25..40 => 1,
                40..65 => 2,
                65..75 => 3,
                75..90 => 4,
                _ => {
                    if member.posts.fetch_add(1, Ordering::Relaxed) < POSTS_PER_MEMBER {
                        5
                    } else {
                        2
                    }
                }
            };
            let path = match kind {
                0 => "/".to_owned(),
                1 => format!("/groups/{slug}"),
                2 | 5 => format!("/groups/{slug}/t/{thread_id}"),
                3 => format!(
                    "/search?q={}",
                    MIXED_SEARCHES[(random >> 16) as usize % MIXED_SEARCHES.len()]
                ),
                _ => format!("/events/{}", events[(random >> 16) as usize % events.len()]),
            };
            if kind == 5 {
                let reply = REPLIES[(random >> 16) as usize % REPLIES.len()];
                Request {
                    kind,
                    post: true,
                    path: format!("{path}/reply"),
                    cookie: Some(member.cookie.clone()),
                    body: format!("csrf_token={}&body={}", member.csrf, form_encode(reply)),
                }
            } else {
                Request {
                    kind,
                    post: false,
                    path,
                    cookie: Some(member.cookie.clone()),
                    body: String::new(),
                }
            }
        }),
    }
}

/// A cheap, well-spread hash (splitmix64), for the workload's choices.
fn mix(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

fn form_encode(text: &str) -> String {
    let mut out = String::new();
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => out.push(byte as char),
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// clan3001: enrolled in every bench course, ten lessons done in the first.
async fn learner_session(pool: &PgPool) -> anyhow::Result<String> {
    let user_id: uuid::Uuid =
        sqlx::query_scalar("SELECT user_id FROM users WHERE email = 'clan3001@bench.example'")
            .fetch_one(pool)
            .await?;
    let token = kolega::members::sessions::create(pool, user_id, true, chrono::Utc::now()).await?;
    Ok(format!("kolega_session={token}"))
}

/// Quiz submissions: each connection is one quiz member submitting her open
/// attempts one quiz after another (the first answer of every question,
/// which passes), so no submission repeats one already scored.
async fn quiz_scenario(pool: &PgPool) -> anyhow::Result<Scenario> {
    let rows: Vec<(String, String, String, String, String)> = sqlx::query_as(
        "SELECT u.email, c.slug, a.module_id::text, a.attempt_id::text,
                string_agg('q_' || qq.question_id || '=' || first.answer_id, '&' ORDER BY qq.position)
         FROM quiz_attempts a
         JOIN users u USING (user_id)
         JOIN courses c ON c.course_id = (SELECT course_id FROM quizzes WHERE module_id = a.module_id)
         JOIN quiz_questions qq ON qq.module_id = a.module_id
         CROSS JOIN LATERAL (SELECT answer_id FROM quiz_answers
                             WHERE question_id = qq.question_id ORDER BY position LIMIT 1) AS first
         WHERE u.email ~ '^clan30(0[1-9]|1[0-6])@bench' AND a.submitted_at IS NULL
         GROUP BY u.email, c.slug, a.module_id, a.attempt_id
         ORDER BY u.email, c.slug, a.module_id",
    )
    .fetch_all(pool)
    .await?;
    let mut members: Vec<QuizMember> = Vec::new();
    for (email, slug, module_id, attempt_id, answers) in rows {
        if members.last().is_none_or(|last| last.email != email) {
            let user_id: uuid::Uuid =
                sqlx::query_scalar("SELECT user_id FROM users WHERE email = $1")
                    .bind(&email)
                    .fetch_one(pool)
                    .await?;
            let token =
                kolega::members::sessions::create(pool, user_id, true, chrono::Utc::now()).await?;
            let csrf = kolega::web::context::new_token();
            members.push(QuizMember {
                email: email.clone(),
                cookie: format!("kolega_session={token}; kolega_csrf={csrf}"),
                csrf,
                attempts: Vec::new(),
            });
        }
        let member = members.last_mut().expect("pushed above");
        member.attempts.push((
            format!("/courses/{slug}/modules/{module_id}/quiz/attempts/{attempt_id}"),
            answers,
        ));
    }
    anyhow::ensure!(
        members.len() == QUIZ_MEMBERS,
        "expected {QUIZ_MEMBERS} quiz members with open attempts, found {}",
        members.len()
    );
    let members = Arc::new(members);
    Ok(Scenario {
        name: "quiz submission (POST, scored on the server)",
        kinds: vec!["quiz submission"],
        generator: Arc::new(move |thread, iteration| {
            let member = &members[thread % members.len()];
            let (path, answers) = &member.attempts[iteration as usize % member.attempts.len()];
            Request {
                kind: 0,
                post: true,
                path: path.clone(),
                cookie: Some(member.cookie.clone()),
                body: format!("csrf_token={}&{answers}", member.csrf),
            }
        }),
    })
}

/// Sessions (made directly in the database) and CSRF tokens for the
/// mixed workload's members, with five recent threads of each of their groups.
async fn mixed_members(pool: &PgPool) -> anyhow::Result<Vec<MixedMember>> {
    let emails: Vec<String> = (0..MIXED_MEMBERS)
        .map(|i| format!("clan{}@bench.example", 2001 + i))
        .collect();
    let rows: Vec<(uuid::Uuid, String, String)> = sqlx::query_as(
        "SELECT u.user_id, g.slug, t.thread_id::text
         FROM users u
         JOIN group_members m ON m.user_id = u.user_id AND m.status = 'active'
         JOIN groups g ON g.group_id = m.group_id
         CROSS JOIN LATERAL (
             SELECT thread_id FROM threads
             WHERE group_id = g.group_id AND title <> 'Duga tema sa mnogo odgovora'
             ORDER BY pinned DESC, last_post_at DESC, thread_id DESC LIMIT 5
         ) AS t
         WHERE u.email = ANY($1)
         ORDER BY u.email, g.slug, t.thread_id",
    )
    .bind(&emails)
    .fetch_all(pool)
    .await?;
    let mut members: Vec<(uuid::Uuid, Vec<(String, String)>)> = Vec::new();
    for (user_id, slug, thread_id) in rows {
        match members.last_mut() {
            Some((last, threads)) if *last == user_id => threads.push((slug, thread_id)),
            _ => members.push((user_id, vec![(slug, thread_id)])),
        }
    }
    anyhow::ensure!(
        members.len() == MIXED_MEMBERS,
        "expected {MIXED_MEMBERS} members for the mixed workload, found {}",
        members.len()
    );
    let mut mixed = Vec::new();
    for (user_id, threads) in members {
        let token =
            kolega::members::sessions::create(pool, user_id, true, chrono::Utc::now()).await?;
        let csrf = kolega::web::context::new_token();
        mixed.push(MixedMember {
            cookie: format!("kolega_session={token}; kolega_csrf={csrf}"),
            csrf,
            threads,
            posts: AtomicU32::new(0),
        });
    }
    Ok(mixed)
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
    // As `kolega serve` does at start: the service map's municipalities,
    // which the services part places its services in.
    kolega::directory::reference::load(&pool).await?;
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
    // Parts added later are versioned in `bench_data`, so a changed part
    // is loaded again (each such file replaces what it made before).
    sqlx::query(
        "CREATE TABLE IF NOT EXISTS bench_data (part text PRIMARY KEY, version integer NOT NULL, loaded_at timestamptz NOT NULL)",
    )
    .execute(&pool)
    .await?;
    load_part(
        &pool,
        ("events", EVENTS_VERSION),
        include_str!("events_data.sql"),
        "the events (5,000 events, 200,000 registrations)",
    )
    .await?;
    load_part(
        &pool,
        ("courses", COURSES_VERSION),
        include_str!("courses_data.sql"),
        "the courses (1,000 courses, 100,000 enrolments, 1,000,000 lessons done)",
    )
    .await?;
    // The quiz submissions of the last run are opened again.
    sqlx::query(
        "UPDATE quiz_attempts SET submitted_at = NULL, chosen = '{}', score = NULL, passed = false
         WHERE submitted_at IS NOT NULL
           AND user_id IN (SELECT user_id FROM users WHERE email ~ '^clan30(0[1-9]|1[0-6])@bench')",
    )
    .execute(&pool)
    .await?;
    // The events move with the clock: the big webinar stays three days ahead.
    sqlx::query(
        "WITH d AS (SELECT date_trunc('hour', now()) + interval '3 days' - starts_at AS shift
                    FROM events WHERE title = $1)
         UPDATE events e
         SET starts_at = starts_at + d.shift, ends_at = ends_at + d.shift,
             registration_deadline = registration_deadline + d.shift,
             created_at = created_at + d.shift, updated_at = updated_at + d.shift
         FROM d
         WHERE d.shift <> interval '0'
           AND e.created_by IN (SELECT user_id FROM users WHERE email LIKE '%@bench.example')",
    )
    .bind(BIG_EVENT)
    .execute(&pool)
    .await?;
    // A real password for the members who sign in (the others have none).
    let emails: Vec<String> = (1..=SIGN_IN_MEMBERS)
        .map(|n| format!("clan{n}@bench.example"))
        .collect();
    let without: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM users WHERE email = ANY($1) AND password_hash = '!'",
    )
    .bind(&emails)
    .fetch_one(&pool)
    .await?;
    if without > 0 {
        let hash = kolega::members::password::hash(PASSWORD.to_owned()).await?;
        sqlx::query("UPDATE users SET password_hash = $1 WHERE email = ANY($2)")
            .bind(hash)
            .bind(&emails)
            .execute(&pool)
            .await?;
    }
    let url = format!(
        "postgres://{}@localhost:5432/kolega_bench?host={}",
        embedded::SUPERUSER,
        cluster.socket_dir().display()
    );
    Ok((cluster, pool, url, generated))
}

/// Loads a versioned part of the data set unless `bench_data` says this
/// version is in; each part's file replaces what it made before.
async fn load_part(
    pool: &PgPool,
    (part, version): (&str, i32),
    sql: &'static str,
    what: &str,
) -> anyhow::Result<()> {
    let loaded: Option<i32> = sqlx::query_scalar("SELECT version FROM bench_data WHERE part = $1")
        .bind(part)
        .fetch_optional(pool)
        .await?;
    if loaded != Some(version) {
        eprintln!("generating {what}…");
        let started = Instant::now();
        sqlx::raw_sql(sql).execute(pool).await?;
        eprintln!("generated in {:.0} s", started.elapsed().as_secs_f64());
    }
    Ok(())
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
            let health = Request {
                kind: 0,
                post: false,
                path: "/healthz".into(),
                cookie: None,
                body: String::new(),
            };
            if conn
                .send(&health)
                .map(|status| status == 200)
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

    /// Sends a GET or a form POST and reads the whole response; returns the status.
    fn send(&mut self, request: &Request) -> std::io::Result<u16> {
        let cookie_line = request
            .cookie
            .as_deref()
            .map(|c| format!("Cookie: {c}\r\n"))
            .unwrap_or_default();
        let path = &request.path;
        if request.post {
            write!(
                self.writer,
                "POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n{cookie_line}\
                 Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{}",
                request.body.len(),
                request.body
            )?;
        } else {
            write!(
                self.writer,
                "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n{cookie_line}\r\n"
            )?;
        }
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
            loop {
                let mut size_line = String::new();
                self.reader.read_line(&mut size_line)?;
                let size = usize::from_str_radix(size_line.trim(), 16).unwrap_or(0);
                let mut chunk = vec![0u8; size + 2];
                self.reader.read_exact(&mut chunk)?;
                if size == 0 {
                    return Ok(status);
                }
            }
        }
        let mut body = vec![0u8; length];
        self.reader.read_exact(&mut body)?;
        Ok(status)
    }
}

/// Drives `scenario` with `connections` threads for `duration` (after a
/// one-second warm-up). A status of 400 or more (a 422 of a refused reply,
/// say) is an error.
fn load(port: u16, scenario: &Scenario, connections: usize, duration: Duration) -> Measured {
    let stop = Arc::new(AtomicBool::new(false));
    let measuring = Arc::new(AtomicBool::new(false));
    let handles: Vec<_> = (0..connections)
        .map(|thread| {
            let (stop, measuring) = (stop.clone(), measuring.clone());
            let generator = scenario.generator.clone();
            std::thread::spawn(move || {
                let mut latencies: Vec<(usize, Duration)> = Vec::new();
                let mut errors: Vec<usize> = Vec::new();
                let mut conn = Connection::open(port).ok();
                let mut iteration = 0u64;
                while !stop.load(Ordering::Relaxed) {
                    let Some(c) = conn.as_mut() else {
                        errors.push(0);
                        conn = Connection::open(port).ok();
                        continue;
                    };
                    let request = generator(thread, iteration);
                    iteration += 1;
                    let started = Instant::now();
                    match c.send(&request) {
                        Ok(status) if status < 400 => {
                            if measuring.load(Ordering::Relaxed) {
                                latencies.push((request.kind, started.elapsed()));
                            }
                        }
                        _ => {
                            errors.push(request.kind);
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
    let mut errors = Vec::new();
    for handle in handles {
        let (l, e) = handle.join().unwrap_or_default();
        latencies.extend(l);
        errors.extend(e);
    }
    let percentiles = |mut sorted: Vec<Duration>| {
        sorted.sort();
        let at = |p: f64| {
            sorted
                .get(((sorted.len() as f64 * p) as usize).min(sorted.len().saturating_sub(1)))
                .map_or(0.0, |d| d.as_secs_f64() * 1000.0)
        };
        (sorted.len(), at(0.50), at(0.99))
    };
    let kinds = scenario
        .kinds
        .iter()
        .enumerate()
        .map(|(index, name)| {
            let (count, p50_ms, p99_ms) = percentiles(
                latencies
                    .iter()
                    .filter(|(kind, _)| *kind == index)
                    .map(|(_, d)| *d)
                    .collect(),
            );
            KindStats {
                name,
                count,
                p50_ms,
                p99_ms,
                errors: errors.iter().filter(|kind| **kind == index).count(),
            }
        })
        .collect();
    let (count, p50_ms, p99_ms) = percentiles(latencies.into_iter().map(|(_, d)| d).collect());
    Measured {
        name: "",
        requests_per_second: count as f64 / elapsed.as_secs_f64(),
        p50_ms,
        p99_ms,
        errors: errors.len(),
        peak_kb: 0,
        kinds,
    }
}

/// Resets the server's peak resident memory (VmHWM), so each page's peak is its own.
fn reset_peak_memory(pid: u32) {
    let _ = std::fs::write(format!("/proc/{pid}/clear_refs"), "5");
}

/// `uptime`'s line: the load average tells how busy the shared machine was.
fn uptime() -> String {
    Command::new("uptime")
        .output()
        .ok()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
        .filter(|s| !s.is_empty())
        .or_else(|| {
            std::fs::read_to_string("/proc/loadavg")
                .ok()
                .map(|s| format!("load average {}", s.trim()))
        })
        .unwrap_or_else(|| "unknown".into())
}

/// The 1-minute load average from an `uptime` line.
fn load_average(uptime: &str) -> Option<f64> {
    uptime
        .split("load average")
        .nth(1)?
        .trim_start_matches(|c: char| c == ':' || c == 's' || c.is_whitespace())
        .split(|c: char| c == ',' || c.is_whitespace())
        .next()?
        .parse()
        .ok()
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
    (uptime_start, uptime_end): (&str, &str),
) -> anyhow::Result<()> {
    let baseline = results
        .first()
        .map(|r| r.requests_per_second)
        .unwrap_or(1.0)
        .max(1.0);
    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1);
    let mut out = String::new();
    out.push_str("# Load benchmark\n\n");
    out.push_str(&format!(
        "Run with `cargo bench` on {} (UTC).\n\n",
        chrono::Utc::now().format("%Y-%m-%d %H:%M")
    ));
    out.push_str(&format!("Machine: {}.\n\n", machine()));
    out.push_str(&format!(
        "`uptime` at the start: `{uptime_start}`; at the end: `{uptime_end}`.\n"
    ));
    let busiest = [load_average(uptime_start), load_average(uptime_end)]
        .into_iter()
        .flatten()
        .fold(0.0, f64::max);
    if busiest >= cores as f64 * 0.75 {
        out.push_str(&format!(
            "The machine was busy with other work (a load average of {busiest:.1} on {cores} cores), \
             so the figures are noisy: compare pages within this run (the cost column) rather than with other runs.\n"
        ));
    }
    out.push_str("\nData: 50,000 members, 200 groups, 100,000 threads, 1,000,000 posts (plus one 60-post thread), 100,000 library resources with extracted text, 20,000 services over every municipality of the service map, 5,000 events (4,000 past, 1,000 upcoming; webinars and meetings, a fifth of them in groups) with 200,000 registrations, 10,000 of them for one big webinar three days ahead.\n");
    if let Some(generated) = generated {
        out.push_str(&format!(
            "Generating it took {:.0} s.\n",
            generated.as_secs_f64()
        ));
    }
    out.push_str(&format!(
        "\nLoad: {connections} keep-alive connections, {seconds} s per page after a 1 s warm-up. \
         \"Cost\" is how many one-query pages the same server serves in the time of one such page. \
         \"Peak\" is the server's resident-memory high-water mark (VmHWM) during that page; it is reset before each page \
         to the memory the server holds then, so a page measured after sign-in starts from what sign-in left behind.\n\n"
    ));
    out.push_str("| page | requests/s | p50 ms | p99 ms | cost × one-query page | errors | peak MiB |\n|---|---:|---:|---:|---:|---:|---:|\n");
    for r in results {
        out.push_str(&format!(
            "| {} | {:.0} | {:.2} | {:.2} | {:.1} | {} | {:.1} |\n",
            r.name,
            r.requests_per_second,
            r.p50_ms,
            r.p99_ms,
            baseline / r.requests_per_second.max(0.001),
            r.errors,
            r.peak_kb as f64 / 1024.0
        ));
    }
    out.push_str(&format!(
        "\nServer peak memory (VmHWM): {:.1} MiB.\n",
        peak_kb as f64 / 1024.0
    ));
    for r in results.iter().filter(|r| r.kinds.len() > 1) {
        out.push_str(&format!(
            "\n{}: each request is the next click of one of {MIXED_MEMBERS} signed-in members \
             (sessions made in the database), in the proportions 25 home, 15 group page, 25 thread page \
             (10 posts), 10 search, 15 event page, 10 replies; a reply is a POST with the CSRF token \
             (303 on success; a 422, such as the posting limit, counts as an error).\n\n",
            r.name
        ));
        out.push_str("| request | count | p50 ms | p99 ms | errors |\n|---|---:|---:|---:|---:|\n");
        for kind in &r.kinds {
            out.push_str(&format!(
                "| {} | {} | {:.2} | {:.2} | {} |\n",
                kind.name, kind.count, kind.p50_ms, kind.p99_ms, kind.errors
            ));
        }
    }
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("bench/RESULTS.md");
    std::fs::write(&path, out)?;
    eprintln!("wrote {}", path.display());
    Ok(())
}
