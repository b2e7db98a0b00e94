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
