//! `/metrics` in the Prometheus text format: requests and their latency by
//! route (the route's pattern, so ids do not explode the series), the
//! outbox's depth and failures, and the database pool. Request figures are
//! this instance's (scrape every instance); outbox figures are the whole
//! installation's. Only addresses in `KOLEGA_METRICS_ALLOW` may read it;
//! anyone else gets "not found", as if it did not exist.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::Mutex;
use std::time::Instant;

use axum::extract::{MatchedPath, Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::app::AppState;
use crate::web::{AppError, AppResult, RequestContext};

/// Histogram bucket bounds, in seconds.
const BUCKETS: [f64; 10] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0];

#[derive(Debug, Default)]
struct Series {
    count: u64,
    sum_seconds: f64,
    /// Requests at most each bound (cumulative, as Prometheus wants).
    buckets: [u64; BUCKETS.len()],
}

/// (method, route, status) → figures.
#[derive(Debug, Default)]
pub struct Metrics {
    requests: Mutex<BTreeMap<(String, String, u16), Series>>,
}

impl Metrics {
    pub fn observe(&self, method: &str, route: &str, status: u16, seconds: f64) {
        let mut requests = self.requests.lock().unwrap_or_else(|p| p.into_inner());
        let series = requests
            .entry((method.to_owned(), route.to_owned(), status))
            .or_default();
        series.count += 1;
        series.sum_seconds += seconds;
        for (bound, bucket) in BUCKETS.iter().zip(series.buckets.iter_mut()) {
            if seconds <= *bound {
                *bucket += 1;
            }
        }
    }

    fn write_requests(&self, out: &mut String) {
        let requests = self.requests.lock().unwrap_or_else(|p| p.into_inner());
        out.push_str("# HELP kolega_http_requests_total Requests answered, by route and status.\n");
        out.push_str("# TYPE kolega_http_requests_total counter\n");
        for ((method, route, status), series) in requests.iter() {
            let _ = writeln!(
                out,
                "kolega_http_requests_total{{method=\"{method}\",route=\"{}\",status=\"{status}\"}} {}",
                escape(route),
                series.count
            );
        }
        out.push_str("# HELP kolega_http_request_duration_seconds Time to answer, by route.\n");
        out.push_str("# TYPE kolega_http_request_duration_seconds histogram\n");
        // One histogram per (method, route), all statuses together.
        let mut by_route: BTreeMap<(&str, &str), Series> = BTreeMap::new();
        for ((method, route, _), series) in requests.iter() {
            let total = by_route.entry((method, route)).or_default();
            total.count += series.count;
            total.sum_seconds += series.sum_seconds;
            for (sum, add) in total.buckets.iter_mut().zip(series.buckets) {
                *sum += add;
            }
        }
        for ((method, route), series) in by_route {
            let labels = format!("method=\"{method}\",route=\"{}\"", escape(route));
            for (bound, count) in BUCKETS.iter().zip(series.buckets) {
                let _ = writeln!(
                    out,
                    "kolega_http_request_duration_seconds_bucket{{{labels},le=\"{bound}\"}} {count}"
                );
            }
            let _ = writeln!(
                out,
                "kolega_http_request_duration_seconds_bucket{{{labels},le=\"+Inf\"}} {}",
                series.count
            );
            let _ = writeln!(
                out,
                "kolega_http_request_duration_seconds_sum{{{labels}}} {}",
                series.sum_seconds
            );
            let _ = writeln!(
                out,
                "kolega_http_request_duration_seconds_count{{{labels}}} {}",
                series.count
            );
        }
    }
}

fn escape(value: &str) -> String {
    value
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

/// Times every page request under its route's pattern.
pub async fn record(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().as_str().to_owned();
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map(|path| path.as_str().to_owned())
        .unwrap_or_else(|| "unmatched".to_owned());
    let response = next.run(request).await;
    state.metrics.observe(
        &method,
        &route,
        response.status().as_u16(),
        started.elapsed().as_secs_f64(),
    );
    response
}

/// Whether `ip` is one of the allowed addresses or networks (`a.b.c.d/n`).
pub fn is_allowed(allowed: &[String], ip: &str) -> bool {
    let Ok(ip) = ip.parse::<std::net::IpAddr>() else {
        return false;
    };
    allowed.iter().any(|entry| {
        let (network, bits) = match entry.split_once('/') {
            Some((network, bits)) => (network, bits.parse::<u32>().ok()),
            None => (entry.as_str(), None),
        };
        match (network.parse::<std::net::IpAddr>(), ip) {
            (Ok(std::net::IpAddr::V4(net)), std::net::IpAddr::V4(ip)) => {
                let bits = bits.unwrap_or(32).min(32);
                let mask = if bits == 0 {
                    0
                } else {
                    u32::MAX << (32 - bits)
                };
                u32::from(net) & mask == u32::from(ip) & mask
            }
            (Ok(std::net::IpAddr::V6(net)), std::net::IpAddr::V6(ip)) => {
                let bits = bits.unwrap_or(128).min(128);
                let mask = if bits == 0 {
                    0
                } else {
                    u128::MAX << (128 - bits)
                };
                u128::from(net) & mask == u128::from(ip) & mask
            }
            _ => false,
        }
    })
}

pub async fn show(State(state): State<AppState>, ctx: RequestContext) -> AppResult<Response> {
    if !is_allowed(&state.config.metrics_allow, &ctx.client_ip) {
        return Err(AppError::NotFound);
    }
    let mut out = String::new();
    state.metrics.write_requests(&mut out);
    let (pending, failed, oldest_seconds): (i64, i64, Option<f64>) = sqlx::query_as(
        "SELECT count(*) FILTER (WHERE status = 'pending'),
                count(*) FILTER (WHERE status = 'failed'),
                EXTRACT(EPOCH FROM ($1 - min(send_after) FILTER (WHERE status = 'pending' AND send_after <= $1)))::float8
         FROM outbox_messages",
    )
    .bind(state.clock.now())
    .fetch_one(&state.db)
    .await?;
    let pool = &state.db;
    let size = pool.size() as usize;
    let idle = pool.num_idle();
    let _ = write!(
        out,
        "# HELP kolega_outbox_pending Mail waiting to be sent (due or scheduled).\n\
         # TYPE kolega_outbox_pending gauge\nkolega_outbox_pending {pending}\n\
         # HELP kolega_outbox_failed Mail given up on (or held back from a bouncing address).\n\
         # TYPE kolega_outbox_failed gauge\nkolega_outbox_failed {failed}\n\
         # HELP kolega_outbox_oldest_due_seconds How long the oldest due mail has waited.\n\
         # TYPE kolega_outbox_oldest_due_seconds gauge\nkolega_outbox_oldest_due_seconds {}\n\
         # HELP kolega_db_pool_connections Database connections of this instance.\n\
         # TYPE kolega_db_pool_connections gauge\n\
         kolega_db_pool_connections{{state=\"in_use\"}} {}\n\
         kolega_db_pool_connections{{state=\"idle\"}} {idle}\n\
         # HELP kolega_db_pool_max_connections The pool's limit.\n\
         # TYPE kolega_db_pool_max_connections gauge\nkolega_db_pool_max_connections {}\n",
        oldest_seconds.unwrap_or(0.0),
        size.saturating_sub(idle),
        pool.options().get_max_connections(),
    );
    Ok((
        StatusCode::OK,
        [
            (
                header::CONTENT_TYPE,
                "text/plain; version=0.0.4; charset=utf-8",
            ),
            (header::CACHE_CONTROL, "no-store"),
        ],
        out,
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_and_networks_are_matched() {
        let allowed = vec![
            "127.0.0.1".to_owned(),
            "10.1.0.0/16".to_owned(),
            "::1".to_owned(),
        ];
        assert!(is_allowed(&allowed, "127.0.0.1"));
        assert!(is_allowed(&allowed, "10.1.200.3"));
        assert!(is_allowed(&allowed, "::1"));
        assert!(!is_allowed(&allowed, "10.2.0.1"));
        assert!(!is_allowed(&allowed, "192.168.1.1"));
        assert!(!is_allowed(&allowed, "unknown"));
        assert!(!is_allowed(&[], "127.0.0.1"));
    }

    #[test]
    fn histograms_are_cumulative() {
        let metrics = Metrics::default();
        metrics.observe("GET", "/groups/{slug}", 200, 0.003);
        metrics.observe("GET", "/groups/{slug}", 404, 0.3);
        let mut out = String::new();
        metrics.write_requests(&mut out);
        assert!(out.contains(
            "kolega_http_requests_total{method=\"GET\",route=\"/groups/{slug}\",status=\"200\"} 1"
        ));
        assert!(out.contains("route=\"/groups/{slug}\",le=\"0.005\"} 1"));
        assert!(out.contains("route=\"/groups/{slug}\",le=\"0.5\"} 2"));
        assert!(out.contains(
            "kolega_http_request_duration_seconds_count{method=\"GET\",route=\"/groups/{slug}\"} 2"
        ));
    }
}
