//! Prometheus metrics (`GET /metrics`), through the `metrics` facade and its Prometheus
//! exporter (rendered on request; no listener of its own):
//!
//! - `pressroom_http_requests_total{route,method,status}`,
//!   `pressroom_http_request_duration_seconds{route,method,status}` (histogram)
//! - `pressroom_search_duration_seconds{type}` (histogram; `type`: browse, term, words,
//!   phrase, boolean, filtered)
//! - `pressroom_index_documents`, `pressroom_index_segments`, `pressroom_index_bytes`
//!   (gauges, read when scraped)
//! - `pressroom_documents_written_total`, `pressroom_documents_deleted_total`,
//!   `pressroom_documents_rejected_total`, `pressroom_index_reloads_total`

use std::sync::OnceLock;
use std::time::Duration;

use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};

use crate::request::SearchRequest;
use crate::service::SearchService;

const LATENCY_BUCKETS: [f64; 14] = [
    0.0002, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 5.0,
];

static HANDLE: OnceLock<Option<PrometheusHandle>> = OnceLock::new();

/// Installs the process-wide recorder once (later calls, and a process that installed
/// another recorder, keep the first).
pub fn install() {
    HANDLE.get_or_init(|| {
        PrometheusBuilder::new()
            .set_buckets_for_metric(Matcher::Suffix("_seconds".to_string()), &LATENCY_BUCKETS)
            .ok()?
            .install_recorder()
            .ok()
    });
}

/// The text exposition: the recorded series, then the index gauges.
pub fn render(service: &SearchService) -> String {
    let stats = service.index_stats();
    metrics::gauge!("pressroom_index_documents").set(stats.documents as f64);
    metrics::gauge!("pressroom_index_segments").set(stats.segments as f64);
    metrics::gauge!("pressroom_index_bytes").set(stats.bytes as f64);
    HANDLE
        .get()
        .and_then(Option::as_ref)
        .map(PrometheusHandle::render)
        .unwrap_or_default()
}

/// The `method` label: one of the standard methods, else `other` (a label value per made-up
/// method would be a new time series each).
pub fn method_label(method: &axum::http::Method) -> &'static str {
    use axum::http::Method;
    const KNOWN: [(Method, &str); 9] = [
        (Method::GET, "GET"),
        (Method::POST, "POST"),
        (Method::PUT, "PUT"),
        (Method::DELETE, "DELETE"),
        (Method::HEAD, "HEAD"),
        (Method::OPTIONS, "OPTIONS"),
        (Method::PATCH, "PATCH"),
        (Method::TRACE, "TRACE"),
        (Method::CONNECT, "CONNECT"),
    ];
    KNOWN
        .iter()
        .find(|(known, _)| known == method)
        .map_or("other", |(_, label)| label)
}

pub fn record_request(route: &str, method: &str, status: u16, elapsed: Duration) {
    let labels = [
        ("route", route.to_string()),
        ("method", method.to_string()),
        ("status", status.to_string()),
    ];
    metrics::counter!("pressroom_http_requests_total", &labels).increment(1);
    metrics::histogram!("pressroom_http_request_duration_seconds", &labels).record(elapsed.as_secs_f64());
}

/// The kind of a search, for latency by type.
pub fn query_kind(request: &SearchRequest) -> &'static str {
    let q = request.q.trim();
    let filtered = !(request.region.is_empty()
        && request.country.is_empty()
        && request.mentioned.is_empty()
        && request.topic.is_empty()
        && request.org.is_empty()
        && request.main_org.is_empty()
        && request.lang.is_empty()
        && request.source.is_empty()
        && request.from.is_none()
        && request.to_exclusive.is_none());
    if q.is_empty() {
        "browse"
    } else if filtered {
        "filtered"
    } else if q.contains('"') {
        "phrase"
    } else if q.contains(" OR ")
        || q.contains(" AND ")
        || q.contains('(')
        || q.split_whitespace().any(|w| w.starts_with(['-', '+']))
    {
        "boolean"
    } else if q.split_whitespace().count() == 1 {
        "term"
    } else {
        "words"
    }
}

pub fn record_search(kind: &'static str, elapsed: Duration) {
    metrics::histogram!("pressroom_search_duration_seconds", "type" => kind).record(elapsed.as_secs_f64());
}

pub fn record_written(count: usize) {
    metrics::counter!("pressroom_documents_written_total").increment(count as u64);
}

pub fn record_deleted(count: usize) {
    metrics::counter!("pressroom_documents_deleted_total").increment(count as u64);
}

pub fn record_rejected(count: usize) {
    metrics::counter!("pressroom_documents_rejected_total").increment(count as u64);
}

pub fn record_reload() {
    metrics::counter!("pressroom_index_reloads_total").increment(1);
}
