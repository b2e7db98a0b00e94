//! Operations: `/metrics` for Prometheus, only for allowed addresses.

use crate::common::TestApp;
use axum::http::StatusCode;
use kolega::groups::vocabulary::Visibility;
use kolega::members::Role;

#[tokio::test]
async fn metrics_count_requests_by_route_pattern_and_show_the_outbox() {
    let app = TestApp::spawn().await;
    app.sign_in_as("Jelena Stojanović", "jelena@csr.rs", Role::Practitioner)
        .await;
    let group = app
        .open_group("Hraniteljstvo", Visibility::Public, &[])
        .await;
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

/// `/metrics` for the client at the end of `x_forwarded_for`, as seen from `peer`.
async fn metrics_status(app: &TestApp, peer: &str, x_forwarded_for: &str) -> StatusCode {
    app.set_peer(peer);
    app.get_with("/metrics", &[("x-forwarded-for", x_forwarded_for)])
        .await
        .status
}

#[tokio::test]
async fn behind_a_proxy_a_client_cannot_claim_to_be_this_machine() {
    let app = TestApp::spawn_configured(&[("KOLEGA_TRUST_PROXY", "true")], |r| r).await;
    // A client that reaches Kolega directly, or whose proxy appended its
    // real address after the claim, is still that client.
    assert_eq!(
        metrics_status(&app, "198.51.100.9", "127.0.0.1").await,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        metrics_status(&app, "127.0.0.1", "127.0.0.1, 198.51.100.9").await,
        StatusCode::NOT_FOUND
    );
    // Several header lines are one list: the last line's last entry counts.
    app.set_peer("127.0.0.1");
    let lines = [
        ("x-forwarded-for", "127.0.0.1"),
        ("x-forwarded-for", "198.51.100.9"),
    ];
    app.get_with("/metrics", &lines)
        .await
        .assert_status(StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn behind_a_proxy_chain_the_client_is_the_entry_the_trusted_proxies_wrote() {
    let allow = ("KOLEGA_METRICS_ALLOW", "203.0.113.7");
    let one = TestApp::spawn_configured(&[("KOLEGA_TRUST_PROXY", "true"), allow], |r| r).await;
    // The proxy (127.0.0.1) appended the address it saw after the client's claim.
    assert_eq!(
        metrics_status(&one, "127.0.0.1", "10.9.9.9, 203.0.113.7").await,
        StatusCode::OK
    );
    assert_eq!(
        metrics_status(&one, "127.0.0.1", "203.0.113.7, 10.9.9.9").await,
        StatusCode::NOT_FOUND
    );

    let two = TestApp::spawn_configured(&[("KOLEGA_TRUST_PROXY", "2"), allow], |r| r).await;
    // The outer proxy wrote the client, the inner one the outer proxy.
    assert_eq!(
        metrics_status(&two, "127.0.0.1", "10.9.9.9, 203.0.113.7, 10.0.0.2").await,
        StatusCode::OK
    );
    assert_eq!(
        metrics_status(&two, "127.0.0.1", "203.0.113.7, 10.0.0.2, 10.0.0.3").await,
        StatusCode::NOT_FOUND
    );
    // Fewer entries than proxies: the request came some other way, so it is
    // the peer's, never the one entry a client may have written.
    assert_eq!(
        metrics_status(&two, "198.51.100.9", "203.0.113.7").await,
        StatusCode::NOT_FOUND
    );
    let peer_allowed = TestApp::spawn_configured(
        &[
            ("KOLEGA_TRUST_PROXY", "2"),
            ("KOLEGA_METRICS_ALLOW", "198.51.100.9"),
        ],
        |r| r,
    )
    .await;
    assert_eq!(
        metrics_status(&peer_allowed, "198.51.100.9", "203.0.113.7").await,
        StatusCode::OK
    );
    assert_eq!(
        metrics_status(&peer_allowed, "198.51.100.9", "junk, 10.0.0.2").await,
        StatusCode::OK,
        "an entry that is no address is not trusted either"
    );
}

#[tokio::test]
async fn with_log_format_json_every_log_line_is_a_json_object_with_the_request_id() {
    let url = crate::common::database::fresh_database_url().await;
    let dir = std::env::temp_dir().join(format!("kolega-logs-{}", uuid::Uuid::new_v4()));
    let log = tokio::task::spawn_blocking(move || {
        let envs = [("LOG_FORMAT", "json"), ("RUST_LOG", "info")];
        let mut server = crate::common::process::start_kolega(&url, &dir, &envs, |_| {});
        let page = crate::common::process::http_get(server.port, "/nema-takve-stranice").unwrap();
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

/// The container image can make library files searchable: the text of a
/// PDF or a DOCX is read by `pdftotext` and `unzip`, which the runtime
/// stage must install (without them files are stored but never found by
/// their words).
#[test]
fn the_container_image_reads_the_text_of_library_files() {
    let dockerfile = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/Dockerfile"))
        .expect("the Dockerfile");
    let runtime = dockerfile
        .split("AS runtime")
        .nth(1)
        .expect("a runtime stage");
    for package in ["poppler-utils", "unzip"] {
        assert!(
            runtime.contains(package),
            "the runtime image installs {package}"
        );
    }
}
