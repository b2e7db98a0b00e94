//! Operations: `/metrics` for Prometheus, only for allowed addresses.

mod common;

use axum::http::StatusCode;
use common::TestApp;
use kolega::members::Role;

#[tokio::test]
async fn metrics_count_requests_by_route_pattern_and_show_the_outbox() {
    let app = TestApp::spawn().await;
    app.sign_in_as("Jelena Stojanović", "jelena@csr.rs", Role::Practitioner)
        .await;
    let group = app.open_group("Hraniteljstvo", "public", &[]).await;
    app.get(&group).await.assert_status(StatusCode::OK);
    app.get(&group).await;
    app.get("/groups/no-such-group").await;
    app.get("/no/such/page").await;
    app.submit_form(
        "/password/forgot",
        "/password/forgot",
        &[("email", "jelena@csr.rs")],
    )
    .await;

    // The test client connects from 127.0.0.1, allowed by default.
    let metrics = app.get("/metrics").await;
    metrics.assert_status(StatusCode::OK);
    assert!(
        metrics
            .header("content-type")
            .unwrap()
            .starts_with("text/plain; version=0.0.4")
    );
    let body = &metrics.body;
    assert!(
        body.contains(
            "kolega_http_requests_total{method=\"GET\",route=\"/groups/{slug}\",status=\"200\"} 2"
        ),
        "{body}"
    );
    assert!(body.contains(
        "kolega_http_requests_total{method=\"GET\",route=\"/groups/{slug}\",status=\"404\"} 1"
    ));
    assert!(body.contains("route=\"unmatched\",status=\"404\"} 1"));
    assert!(
        !body.contains(group.trim_start_matches("/groups/")),
        "patterns, not ids or slugs"
    );
    assert!(body.contains(
        "kolega_http_request_duration_seconds_count{method=\"GET\",route=\"/groups/{slug}\"} 3"
    ));
    assert!(body.contains("kolega_db_pool_max_connections "));
    // The reset mail waits in the outbox until the worker runs.
    assert!(body.contains("kolega_outbox_pending 1\n"), "{body}");
}

#[tokio::test]
async fn metrics_are_not_found_from_other_addresses() {
    let app = TestApp::spawn_configured(&[("KOLEGA_METRICS_ALLOW", "10.0.0.0/8")], |r| r).await;
    app.get("/metrics")
        .await
        .assert_status(StatusCode::NOT_FOUND);
    let closed = TestApp::spawn_configured(&[("KOLEGA_METRICS_ALLOW", "none")], |r| r).await;
    closed
        .get("/metrics")
        .await
        .assert_status(StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn with_log_format_json_every_log_line_is_a_json_object_with_the_request_id() {
    let url = common::database::fresh_database_url().await;
    let dir = std::env::temp_dir().join(format!("kolega-logs-{}", uuid::Uuid::new_v4()));
    let log = tokio::task::spawn_blocking(move || {
        let envs = [("LOG_FORMAT", "json"), ("RUST_LOG", "info")];
        let mut server = common::process::start_kolega(&url, &dir, &envs, |_| {});
        let page = common::process::http_get(server.port, "/nema-takve-stranice").unwrap();
        assert!(page.starts_with("HTTP/1.1 404"));
        unsafe { libc::kill(server.child.id() as i32, libc::SIGTERM) };
        let _ = server.child.wait();
        let log = std::fs::read_to_string(dir.join(format!("kolega-{}.log", server.port))).unwrap();
        let _ = std::fs::remove_dir_all(&dir);
        log
    })
    .await
    .unwrap();
    let lines: Vec<serde_json::Value> = log
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|_| panic!("not JSON: {line}")))
        .collect();
    assert!(lines.len() >= 3, "{log}");
    assert!(
        lines
            .iter()
            .all(|l| l["level"].is_string() && l["timestamp"].is_string())
    );
    let request = lines
        .iter()
        .find(|l| l["span"]["path"] == "/nema-takve-stranice")
        .unwrap_or_else(|| panic!("the request is logged with its path:\n{log}"));
    assert!(
        request["span"]["id"]
            .as_str()
            .is_some_and(|id| id.len() == 36),
        "{request}"
    );
}
