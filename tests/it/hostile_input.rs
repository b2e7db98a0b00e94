//! Hostile input (issue #9): every text field of every form, found on the
//! real pages as each kind of viewer sees them (visitor, member, group
//! owner, site moderator, admin), receives a corpus of XSS, HTML-injection,
//! SQL-injection, path-traversal, template, control-character, overlong and
//! invalid-UTF-8 inputs, with the form's other fields filled with valid
//! values. For every submission: never a 5xx; a 4xx is a page (with its
//! `<h1>`), not a bare status; the answer, and the page a redirect leads
//! to, shows no corpus markup unescaped. Afterwards every page the viewers
//! can reach is walked again for unescaped markup, and the database is
//! intact.
//!
//! The corpus goes into every text-like field (text, email, search, url,
//! tel, textarea); number/date/time fields get a smaller typed corpus; the
//! overlong and invalid-UTF-8 items go once per form, into its first text
//! field. Hidden fields keep their values; forms that end the session or
//! destroy the test's entities (sign out, delete, ban, block, cancel, …)
//! are left alone.

use std::collections::BTreeSet;
use std::time::Instant;

use crate::common::events::webinar;
use crate::common::hostile::{self, Control, Form, Payload};
use crate::common::test_app::BASE_URL;
use crate::common::{TestApp, TestResponse};
use axum::body::Body;
use axum::http::Method;
use kolega::groups::vocabulary::Visibility;
use kolega::members::Role;

/// Actions never submitted: they end the session or destroy the world.
const SKIPPED_ACTIONS: &[&str] = &[
    "/logout",
    "/settings/delete",
    "/settings/sessions",
    "/settings/password",
    "/leave",
    "/cancel",
    "/delete",
    "/ban",
    "/remove",
    "/block",
    "/unblock",
    "/decline",
    "/close",
    "/language",
];

/// Undoes what the decisions did, so the next form meets the same world.
const RESET: &[&str] = &[
    "DELETE FROM rate_events",
    "DELETE FROM login_failures",
    "UPDATE events SET cancelled_at = NULL, cancel_reason = ''",
    "UPDATE flags SET resolved_at = NULL, resolved_by = NULL, outcome = NULL, moderator_note = ''",
    "UPDATE posts SET deleted_at = NULL",
    "UPDATE service_suggestions SET status = 'pending', decided_by = NULL, decided_at = NULL",
    "UPDATE event_proposals SET status = 'open', close_reason = ''",
];

/// Pages never fetched while walking: files, feeds, token links.
const SKIPPED_LINKS: &[&str] = &[
    "/static/",
    "/download",
    "/preview",
    "/print",
    ".ics",
    ".csv",
    ".json",
    ".atom",
    "/verify/",
    "/unsubscribe",
    "/password/reset",
    "/healthz",
    "/readyz",
    "/metrics",
    "/calendar/",
    "/settings/export",
];

const CONCURRENCY: usize = 8;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Who {
    Visitor,
    Member,
    Owner,
    SiteModerator,
    Admin,
}

impl Who {
    fn email(self) -> Option<&'static str> {
        match self {
            Who::Visitor => None,
            Who::Member => Some("clan@csr.rs"),
            Who::Owner => Some("vlasnica@csr.rs"),
            Who::SiteModerator => Some("sajt@kolega.rs"),
            Who::Admin => Some("admin@kolega.rs"),
        }
    }
}

struct World {
    group: String,
    thread: String,
    post_id: String,
    event: String,
    resource: String,
    service: String,
    suggestion: String,
    support: String,
    member_handle: String,
}

async fn scalar(app: &TestApp, sql: &str) -> String {
    sqlx::query_scalar::<_, String>(sql)
        .fetch_one(&app.pool)
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

async fn execute(app: &TestApp, sql: &str) {
    sqlx::query(sql)
        .execute(&app.pool)
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"));
}

async fn build_world(app: &TestApp) -> World {
    app.create_member("Admin Kolege", "admin@kolega.rs", Role::Admin)
        .await;
    app.create_member("Moderator Sajta", "sajt@kolega.rs", Role::Moderator)
        .await;
    app.create_member("Vlasnica Grupe", "vlasnica@csr.rs", Role::Practitioner)
        .await;
    let member = app
        .create_member("Obicni Clan", "clan@csr.rs", Role::Practitioner)
        .await;
    app.create_member("Meta Clan", "meta@csr.rs", Role::Practitioner)
        .await;

    app.switch_to("vlasnica@csr.rs").await;
    let group = app.open_group("Javna grupa", Visibility::Public, &[]).await;
    let thread = app
        .start_thread(&group, "Tema za proveru", "Prvi post teme.")
        .await;
    let thread_id = thread.rsplit('/').next().unwrap().to_owned();
    let post_id = scalar(
        app,
        &format!(
            "SELECT post_id::text FROM posts WHERE thread_id::text = '{thread_id}' ORDER BY created_at LIMIT 1"
        ),
    )
    .await;
    execute(
        app,
        "INSERT INTO group_members (group_id, user_id, role, status, created_at)
         SELECT g.group_id, u.user_id, 'member', 'active', now()
         FROM groups g, users u WHERE g.name = 'Javna grupa'
           AND u.email IN ('clan@csr.rs', 'meta@csr.rs')",
    )
    .await;

    app.switch_to("sajt@kolega.rs").await;
    let event = app.create_event(&webinar()).await;
    let uploaded = app
        .upload_resource(
            &[
                ("title", "Protokol o postupanju"),
                ("summary", "Koraci centra za socijalni rad."),
                ("kind", "protocol"),
                ("topics", "child-protection"),
                ("language", "sr"),
                ("script", "latin"),
                ("audiences", "professionals"),
                ("source_org", "Ministarstvo za rad"),
                ("authors", "Petrovic, A."),
                ("year", "2024"),
                ("licence", "CC BY 4.0"),
            ],
            Some(("protokol.pdf", crate::common::library::PDF)),
        )
        .await;
    assert!(uploaded.status.is_redirection(), "{}", uploaded.body);
    let resource = uploaded.header("location").unwrap().to_owned();
    let resource_id = resource.rsplit('/').next().unwrap().to_owned();
    execute(
        app,
        &format!(
            "UPDATE resources SET status = 'published', published_at = now()
             WHERE resource_id::text = '{resource_id}'"
        ),
    )
    .await;

    app.switch_to("clan@csr.rs").await;
    app.reply(&thread, "Odgovor clana.").await;
    app.register_for(&event).await;
    let new = "/events/proposals/new";
    app.submit_form(new, new, &[("kind", "topic"), ("title", "Procena rizika")])
        .await;
    let support = app
        .submit_form(
            "/support",
            "/support",
            &[("topic", "stress"), ("body", "Treba mi razgovor.")],
        )
        .await;
    assert!(support.status.is_redirection(), "{}", support.body);
    let support = support.header("location").unwrap().to_owned();
    let municipality = app.municipality("RS", "Niš").await;
    let input = crate::common::services::service(
        "Savetovaliste",
        "counselling",
        &["children"],
        municipality,
    );
    let service_id = app.add_service(&input, None).await.to_string();
    let suggested = app
        .post_fields(
            "/services/new",
            &crate::common::services::form_fields(&crate::common::services::service(
                "Novo savetovaliste",
                "counselling",
                &["children"],
                municipality,
            )),
        )
        .await;
    assert!(suggested.status.is_redirection(), "{}", suggested.body);
    let suggestion = scalar(app, "SELECT suggestion_id::text FROM service_suggestions").await;
    execute(
        app,
        &format!(
            "INSERT INTO flags (post_id, reporter_id, reason, created_at)
             SELECT '{post_id}'::uuid, user_id, 'spam', now() FROM users WHERE email = 'meta@csr.rs'"
        ),
    )
    .await;
    World {
        group,
        thread,
        post_id,
        event,
        resource,
        service: format!("/services/{service_id}"),
        suggestion: format!("/services/review/{suggestion}"),
        support,
        member_handle: member.handle,
    }
}

fn seeds(world: &World, who: Who) -> Vec<String> {
    let w = world;
    let post = format!("{}/p/{}", w.thread, w.post_id);
    let mut pages: Vec<String> = [
        "/",
        "/groups",
        "/events",
        "/library",
        "/services",
        "/search",
        "/search?q=zastita",
        "/services/coverage",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    pages.extend([
        w.group.clone(),
        w.thread.clone(),
        w.event.clone(),
        w.resource.clone(),
        w.service.clone(),
    ]);
    let more: Vec<String> = match who {
        Who::Visitor => ["/register", "/login", "/password/forgot"]
            .iter()
            .map(|s| s.to_string())
            .collect(),
        Who::Member => vec![
            "/settings".into(),
            "/settings/notifications".into(),
            "/settings/topics".into(),
            "/groups/new".into(),
            "/groups/join".into(),
            "/support".into(),
            w.support.clone(),
            "/events/proposals".into(),
            "/events/proposals/new".into(),
            "/library/new".into(),
            "/services/new".into(),
            format!("{}/suggest", w.service),
            "/members".into(),
            format!("/members/{}", w.member_handle),
            "/me/points".into(),
            format!("{post}/flag"),
            format!("{}/new-thread", w.group),
            format!("{}/feedback", w.event),
            "/notifications".into(),
        ],
        Who::Owner => vec![
            format!("{}/settings", w.group),
            format!("{}/members", w.group),
            format!("{}/supervision", w.group),
            format!("{post}/edit"),
            "/moderation".into(),
        ],
        Who::SiteModerator => vec![
            "/events/new".into(),
            format!("{}/edit", w.event),
            format!("{}/recording", w.event),
            format!("{}/attendance", w.event),
            format!("{}/participants", w.event),
            "/library/review".into(),
            "/library/topics".into(),
            format!("{}/edit", w.resource),
            "/services/review".into(),
            w.suggestion.clone(),
            "/services/import".into(),
            format!("{}/edit", w.service),
            "/moderation".into(),
            "/support/team".into(),
            "/admin/members".into(),
        ],
        Who::Admin => vec!["/admin/members".into()],
    };
    pages.extend(more);
    pages
}

fn skipped_link(link: &str) -> bool {
    SKIPPED_LINKS.iter().any(|s| link.contains(s))
}

/// Fetches the seeds and, one level deep, the pages they link to (one page
/// per path pattern, at most `cap`); returns (path, body) of each page.
async fn walk(app: &TestApp, seeds: &[String], cap: usize) -> Vec<(String, TestResponse)> {
    let mut seen_patterns = BTreeSet::new();
    let mut pages = Vec::new();
    let mut queue: Vec<(String, u8)> = seeds.iter().map(|s| (s.clone(), 0)).collect();
    let mut i = 0;
    while i < queue.len() && pages.len() < cap {
        let (path, depth) = queue[i].clone();
        i += 1;
        if skipped_link(&path) {
            continue;
        }
        let key = hostile::pattern(&path);
        if !seen_patterns.insert(key) {
            continue;
        }
        let response = app.get(&path).await;
        if depth == 0 {
            for link in hostile::links(&response.body) {
                if !link.contains('?') {
                    queue.push((link, 1));
                }
            }
        }
        pages.push((path, response));
    }
    pages
}

/// A plausible value for a field the corpus is not in.
fn guess(world_handle: &str, control: &Control, serial: usize) -> String {
    let name = control.name.as_str();
    let kind = control.input_type();
    match kind {
        "email" => return format!("valid{serial}@example.org"),
        "url" => return "https://example.org/stranica".into(),
        "date" if name.starts_with("deadline") => return "2026-12-10".into(),
        "date" => return "2026-12-15".into(),
        "time" if name.starts_with("end") => return "19:30".into(),
        "time" if name.starts_with("deadline") => return "12:00".into(),
        "time" => return "18:00".into(),
        "number" => {
            return match name {
                "year" => "2024",
                "retention_months" => "12",
                _ => "5",
            }
            .into();
        }
        "password" => return crate::common::members::PASSWORD.into(),
        "tel" => return "+381 11 123 4567".into(),
        _ => {}
    }
    if name.contains("email") {
        return format!("valid{serial}@example.org");
    }
    if name.contains("url") || name.contains("website") || name.contains("link") {
        return "https://example.org/stranica".into();
    }
    if name.contains("phone") {
        return "+381 11 123 4567".into();
    }
    match name {
        "name" => "Petar Petrovic".into(),
        "title" => "Naslov za proveru".into(),
        "body" | "description" | "summary" | "note" | "bio" | "reason" => {
            "Tekst za **proveru**.".into()
        }
        "who" => format!("@{world_handle}"),
        // Members of Kolega by handle: none is a valid answer.
        "member_speakers" => String::new(),
        "handle" => world_handle.into(),
        "code" => "ABCD1234".into(),
        "q" => "zastita".into(),
        _ => "Vrednost polja".into(),
    }
}

struct Run {
    findings: Vec<String>,
    submissions: usize,
    forms: usize,
    fields: usize,
    form_keys: Vec<String>,
    fuzzed: BTreeSet<String>,
    families: Vec<String>,
}

impl Run {
    fn finding(&mut self, text: String) {
        eprintln!("FINDING: {text}");
        if !self.findings.contains(&text) {
            self.findings.push(text);
        }
    }
}

fn excerpt(body: &str, around: &str) -> String {
    let lower = body.to_lowercase();
    let at = lower.find(around).unwrap_or(0);
    let start = body[..at]
        .char_indices()
        .rev()
        .nth(120)
        .map(|(i, _)| i)
        .unwrap_or(0);
    let end = body[at..]
        .char_indices()
        .nth(160)
        .map(|(i, _)| at + i)
        .unwrap_or(body.len());
    body[start..end].to_owned()
}

/// Problems in one answer: a 5xx, an impolite 4xx, unescaped markup.
fn problems(response: &TestResponse) -> Vec<String> {
    let mut out = Vec::new();
    if response.status.is_server_error() {
        out.push(format!("status {}: {}", response.status, response.h1()));
    }
    let html = response
        .header("content-type")
        .is_some_and(|t| t.starts_with("text/html"));
    if response.status.is_client_error() && !(html && response.body.contains("<h1")) {
        out.push(format!(
            "a bare {} without the error page: {:?}",
            response.status,
            &response.body[..response.body.len().min(200)]
        ));
    }
    if html && let Some(marker) = hostile::raw_markup(&response.body) {
        let around = marker
            .split_whitespace()
            .last()
            .unwrap_or_default()
            .to_owned();
        out.push(format!(
            "unescaped {marker:?}: …{}…",
            excerpt(&response.body, &around)
        ));
    }
    out
}

async fn send(
    app: &TestApp,
    form: &Form,
    values: &[(String, Vec<u8>)],
    raw: Option<&str>,
) -> TestResponse {
    if form.method == "GET" {
        let query = String::from_utf8(hostile::urlencoded(values, None)).unwrap();
        let separator = if form.action.contains('?') { '&' } else { '?' };
        return app.get(&format!("{}{separator}{query}", form.action)).await;
    }
    let same_origin = [("sec-fetch-site", "same-origin"), ("origin", BASE_URL)];
    if form.multipart {
        let mut files = Vec::new();
        let mut text = Vec::new();
        for (name, value) in values {
            text.push((name.clone(), value.clone()));
        }
        if form.has_file() {
            if form.action.starts_with("/services/import") {
                files.push(("file", "uvoz.csv", "text/csv", hostile_csv()));
            } else {
                files.push((
                    "file",
                    "dokument.pdf",
                    "application/pdf",
                    crate::common::library::PDF.to_vec(),
                ));
            }
        }
        let body = hostile::multipart(&text, &files);
        let content_type = format!("multipart/form-data; boundary={}", hostile::BOUNDARY);
        let mut headers = vec![("content-type", content_type.as_str())];
        headers.extend_from_slice(&same_origin);
        return app
            .request(Method::POST, &form.action, &headers, Body::from(body))
            .await;
    }
    let body = hostile::urlencoded(values, raw);
    let mut headers = vec![("content-type", "application/x-www-form-urlencoded")];
    headers.extend_from_slice(&same_origin);
    app.request(Method::POST, &form.action, &headers, Body::from(body))
        .await
}

/// A small CSV whose every cell is hostile.
fn hostile_csv() -> Vec<u8> {
    let columns = kolega::directory::transfer::columns::COLUMNS;
    let mut csv = columns.join(",");
    csv.push('\n');
    for item in hostile::CORPUS.iter().take(8) {
        let cell = format!("\"{}\"", item.replace('"', "\"\""));
        csv.push_str(&vec![cell; columns.len()].join(","));
        csv.push('\n');
    }
    csv.into_bytes()
}

/// Submits one value in one field and checks the answer and where it leads.
async fn try_one(
    app: &TestApp,
    form: &Form,
    base: &[(String, String)],
    field: &str,
    payload: Payload,
) -> Vec<String> {
    let mut values: Vec<(String, Vec<u8>)> = Vec::new();
    let mut placed = false;
    for (name, value) in base {
        if name == field && !placed {
            values.push((name.clone(), payload.bytes()));
            placed = true;
        } else if name != field {
            values.push((name.clone(), value.clone().into_bytes()));
        }
    }
    let raw = matches!(payload, Payload::Raw(_)).then_some(field);
    let response = send(app, form, &values, raw).await;
    let context = format!(
        "{} {} (form on {}), field {field:?}, input {}",
        form.method,
        form.action,
        form.page,
        payload.describe()
    );
    let mut out: Vec<String> = problems(&response)
        .into_iter()
        .map(|p| format!("{context}: {p}"))
        .collect();
    // Over the 1 MB form limit: the 413 page (its politeness is checked above).
    if matches!(payload, Payload::Long(n) if n >= 1024 * 1024)
        && form.method == "POST"
        && !form.multipart
        && response.status.as_u16() != 413
    {
        out.push(format!(
            "{context}: 1 MB answered {}, not the 413 page",
            response.status
        ));
    }
    if response.status.is_redirection()
        && let Some(location) = response.header("location")
    {
        let location = location.strip_prefix(BASE_URL).unwrap_or(location);
        if location.starts_with('/') && !location.starts_with("/login") {
            let next = app.get(location).await;
            out.extend(
                problems(&next)
                    .into_iter()
                    .map(|p| format!("{context}, then GET {location}: {p}")),
            );
        }
    }
    out
}

async fn reset(app: &TestApp) {
    for sql in RESET {
        execute(app, sql).await;
    }
}

async fn become_viewer(app: &TestApp, who: Who) {
    app.clear_cookies();
    if let Some(email) = who.email() {
        app.switch_to(email).await;
    }
    app.get("/").await;
}

/// The same form, freshly read from its page (new token, new versions).
async fn fresh(app: &TestApp, who: Who, form: &Form) -> Form {
    if who == Who::Visitor {
        app.clear_cookies();
    }
    let page = app.get(&form.page).await;
    hostile::forms(&form.page, &page.body)
        .into_iter()
        .find(|f| f.key() == form.key())
        .unwrap_or_else(|| form.clone())
}

async fn fuzz_form(app: &TestApp, who: Who, form: &Form, handle: &str, run: &mut Run) {
    let text_fields: Vec<String> = form.text_fields().iter().map(|c| c.name.clone()).collect();
    let typed_fields: Vec<String> = form.typed_fields().iter().map(|c| c.name.clone()).collect();
    let import_only = form.has_file() && text_fields.is_empty();
    if text_fields.is_empty() && typed_fields.is_empty() && !import_only {
        return;
    }
    run.forms += 1;
    run.fields += text_fields.len() + typed_fields.len();
    // The valid values alone: is the form accepted (so that the corpus
    // reaches storage), or which fields does it complain about?
    reset(app).await;
    let current = fresh(app, who, form).await;
    let base = current.valid_values(&|c| guess(handle, c, 1_000_000 + run.submissions));
    let values: Vec<(String, Vec<u8>)> = base
        .iter()
        .map(|(k, v)| (k.clone(), v.clone().into_bytes()))
        .collect();
    let baseline = send(app, &current, &values, None).await;
    let outcome = if baseline.status.is_redirection() {
        "accepted".to_owned()
    } else {
        let errors: Vec<&str> = baseline
            .body
            .split("class=\"field-error\" id=\"")
            .skip(1)
            .filter_map(|p| p.split('"').next())
            .collect();
        format!("{} {errors:?}", baseline.status)
    };
    run.form_keys.push(format!(
        "{who:?}: {} {} — text {:?}, typed {:?}; valid values: {outcome}",
        form.method, form.action, text_fields, typed_fields
    ));
    let mut jobs: Vec<(String, Payload)> = Vec::new();
    for field in &text_fields {
        for item in hostile::CORPUS {
            jobs.push((field.clone(), Payload::Text(item)));
        }
    }
    if let Some(first) = text_fields.first() {
        for payload in hostile::ONCE_PER_FORM {
            if form.method == "GET"
                && matches!(payload, Payload::Raw(_) | Payload::Long(_))
                && matches!(payload, Payload::Long(n) if *n > 8 * 1024)
            {
                continue;
            }
            if form.method == "GET" && matches!(payload, Payload::Raw(_)) {
                continue;
            }
            jobs.push((first.clone(), *payload));
        }
    }
    for field in &typed_fields {
        for item in hostile::TYPED_CORPUS {
            jobs.push((field.clone(), Payload::Text(item)));
        }
    }
    if import_only {
        jobs.push((String::new(), Payload::Text("")));
    }
    if form.method == "GET" {
        jobs.push((
            text_fields.first().cloned().unwrap_or_default(),
            Payload::Long(8 * 1024),
        ));
    }
    // Opening groups one at a time: concurrent openings with the same name
    // race for the slug (a finding of this test, reported, not fixed here).
    let concurrency = if form.action == "/groups/new" {
        1
    } else {
        CONCURRENCY
    };
    for (done, chunk) in jobs.chunks(concurrency).enumerate() {
        reset(app).await;
        let current = fresh(app, who, form).await;
        let serial = done + 1;
        let base = current.valid_values(&|c| guess(handle, c, serial * 100 + run.submissions));
        let futures = chunk
            .iter()
            .map(|(field, payload)| try_one(app, &current, &base, field, *payload));
        let results = futures_util::future::join_all(futures).await;
        run.submissions += chunk.len();
        for found in results.into_iter().flatten() {
            run.finding(found);
        }
    }
    reset(app).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn every_text_field_of_every_form_survives_hostile_input() {
    let started = Instant::now();
    let app = TestApp::spawn().await;
    let world = build_world(&app).await;
    let handle = world.member_handle.clone();
    eprintln!("world built in {:?}", started.elapsed());
    let mut run = Run {
        findings: Vec::new(),
        submissions: 0,
        forms: 0,
        fields: 0,
        form_keys: Vec::new(),
        fuzzed: BTreeSet::new(),
        families: Vec::new(),
    };
    let mut pages_walked = 0;
    for who in [
        Who::Visitor,
        Who::Member,
        Who::Owner,
        Who::SiteModerator,
        Who::Admin,
    ] {
        become_viewer(&app, who).await;
        let pages = walk(&app, &seeds(&world, who), 150).await;
        pages_walked += pages.len();
        let mut forms = Vec::new();
        for (path, response) in &pages {
            if response.status.is_server_error() {
                run.finding(format!("{who:?}: GET {path}: status {}", response.status));
            }
            for form in hostile::forms(path, &response.body) {
                let action = form.action.split('?').next().unwrap_or_default().to_owned();
                if !action.starts_with('/') || SKIPPED_ACTIONS.iter().any(|s| action.ends_with(s)) {
                    continue;
                }
                // One form per action family (e.g. the rename form of
                // every library topic): the first two of each.
                let family = form.family();
                let seen = run.families.iter().filter(|f| **f == family).count();
                if seen < 2 && run.fuzzed.insert(form.key()) {
                    run.families.push(family);
                    forms.push(form);
                }
            }
        }
        let before = started.elapsed();
        for form in &forms {
            fuzz_form(&app, who, form, &handle, &mut run).await;
        }
        eprintln!(
            "{who:?}: {} pages walked, {} new forms, fuzzed in {:?}",
            pages.len(),
            forms.len(),
            started.elapsed() - before
        );
        // The session may have been changed by a form (a registration
        // signs in); the next viewer starts afresh anyway.
    }

    // Every page again, now that the hostile values are stored.
    let mut checked = 0;
    for who in [Who::Visitor, Who::Member, Who::SiteModerator, Who::Admin] {
        become_viewer(&app, who).await;
        let mut pages = seeds(&world, who);
        pages.extend(
            [
                "/search?q=alert",
                "/search?q=script",
                "/members?q=alert",
                "/services?q=alert",
                "/library?q=alert",
                "/events?q=alert",
                "/admin/members?q=alert",
                "/groups",
                "/events/proposals",
                "/moderation",
                "/notifications",
            ]
            .iter()
            .map(|s| s.to_string()),
        );
        let mut seen = BTreeSet::new();
        let mut queue = pages.clone();
        let mut i = 0;
        while i < queue.len() && seen.len() < 400 {
            let path = queue[i].clone();
            i += 1;
            if skipped_link(&path) || !seen.insert(path.clone()) {
                continue;
            }
            let response = app.get(&path).await;
            checked += 1;
            // Refusals are the authorisation walk's business; only their
            // politeness and markup matter here.
            for problem in problems(&response) {
                run.finding(format!("afterwards, {who:?}: GET {path}: {problem}"));
            }
            if i <= pages.len() {
                for link in hostile::links(&response.body) {
                    if !link.contains('?') {
                        queue.push(link);
                    }
                }
            }
        }
    }

    // The database is intact, and the hostile values did get stored.
    for table in [
        "users",
        "groups",
        "threads",
        "posts",
        "events",
        "resources",
        "services",
        "service_suggestions",
        "event_proposals",
        "support_requests",
    ] {
        let n = app.count(&format!("SELECT count(*) FROM {table}")).await;
        assert!(n > 0, "the table {table} is empty after the run");
    }
    let stored_threads = app
        .count("SELECT count(*) FROM threads WHERE title LIKE '%<script>%'")
        .await;
    let stored_users = app
        .count("SELECT count(*) FROM users WHERE name LIKE '%<%' OR bio LIKE '%<%'")
        .await;
    let stored_events = app
        .count("SELECT count(*) FROM events WHERE title LIKE '%<%' OR description LIKE '%<%'")
        .await;

    eprintln!("forms fuzzed:");
    for key in &run.form_keys {
        eprintln!("  {key}");
    }
    eprintln!(
        "{} forms, {} fields, {} submissions; {} pages walked before, {} after; \
         stored: {stored_threads} threads, {stored_users} members, {stored_events} events \
         with markup; {:?}",
        run.forms,
        run.fields,
        run.submissions,
        pages_walked,
        checked,
        started.elapsed()
    );
    assert!(
        stored_threads > 0,
        "no hostile thread title was stored: the walk did not reach the forms"
    );
    assert!(
        run.findings.is_empty(),
        "{} findings:\n{}",
        run.findings.len(),
        run.findings.join("\n")
    );
}
