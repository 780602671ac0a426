//! The HTTP API: thin axum handlers over [`SearchService`], errors as JSON.
//!
//! - `GET /api/search?q=…` and `POST /api/search` (same fields as JSON)
//! - `GET /api/facets/{facet}?q=prefix&query=…` (facet value search)
//! - `GET /api/documents/{id}`, `GET /api/documents/{id}/similar`
//! - `POST /api/documents` (JSON object, array or NDJSON), `DELETE /api/documents/{id}`,
//!   `POST /api/admin/reload`: need the write key
//! - `GET /health` (liveness), `GET /ready` (index opened and warmed), `GET /metrics`
//!   (Prometheus), `GET /openapi.json`
//!
//! Every request gets an id (`x-request-id`, taken from the request when it is a sane token)
//! that tags its log lines; requests are counted and timed per route and status.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::body::{Body, Bytes};
use axum::extract::rejection::{BytesRejection, PathRejection};
use axum::extract::{DefaultBodyLimit, MatchedPath, Path, RawQuery, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{json, Value};
use tokio::sync::Semaphore;
use tracing::Instrument;

use crate::config::ServerConfig;
use crate::error::SearchError;
use crate::metrics as telemetry;
use crate::request::{FacetName, FacetValueRequest, SearchRequest};
use crate::service::{SearchService, MAX_SIMILAR};

/// Largest accepted search body with the default configuration.
pub const MAX_BODY_BYTES: usize = 64 * 1024;

#[derive(Clone)]
struct AppState {
    service: Arc<SearchService>,
    config: Arc<ServerConfig>,
    permits: Arc<Semaphore>,
    ready: Arc<AtomicBool>,
}

/// The router of the whole API with the default configuration (reads open, writes off).
pub fn app(service: Arc<SearchService>) -> Router {
    app_with(service, ServerConfig::default(), Arc::new(AtomicBool::new(true)))
}

/// The router with an operator's configuration; `ready` turns true once the index is warm.
pub fn app_with(service: Arc<SearchService>, config: ServerConfig, ready: Arc<AtomicBool>) -> Router {
    telemetry::install();
    let state = AppState {
        service,
        permits: Arc::new(Semaphore::new(config.max_concurrent_searches.max(1))),
        config: Arc::new(config),
        ready,
    };
    let search_body_limit = DefaultBodyLimit::max(state.config.max_body_bytes);
    let write_body_limit = DefaultBodyLimit::max(state.config.max_write_bytes);
    let mut router = Router::new()
        .route(
            "/api/search",
            get(search_get).post(search_post).layer(search_body_limit),
        )
        .route("/api/facets/{facet}", get(facet_values))
        .route("/api/documents", post(write_documents).layer(write_body_limit))
        .route("/api/documents/{id}", get(document).delete(delete_document))
        .route("/api/documents/{id}/similar", get(similar))
        .route("/api/admin/reload", post(reload))
        .route("/", get(crate::web::index))
        .route("/app.js", get(crate::web::script))
        .route("/app.css", get(crate::web::stylesheet))
        .route("/api/countries", get(countries))
        .route("/health", get(health))
        .route("/ready", get(readiness))
        .route("/metrics", get(metrics))
        .route("/openapi.json", get(openapi))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(middleware::from_fn(observe))
        .with_state(state.clone());
    if let Some(cors) = cors_layer(&state.config.cors_origins) {
        router = router.layer(cors);
    }
    router
}

fn cors_layer(origins: &[String]) -> Option<tower_http::cors::CorsLayer> {
    use tower_http::cors::{AllowOrigin, CorsLayer};
    if origins.is_empty() {
        return None;
    }
    let allow_origin = if origins.iter().any(|origin| origin == "*") {
        AllowOrigin::any()
    } else {
        AllowOrigin::list(origins.iter().filter_map(|origin| HeaderValue::from_str(origin).ok()))
    };
    Some(
        CorsLayer::new()
            .allow_origin(allow_origin)
            .allow_methods([Method::GET, Method::POST, Method::DELETE])
            .allow_headers([header::AUTHORIZATION, header::CONTENT_TYPE]),
    )
}

/// An error as an HTTP response: `{"error": {"code", "message"}}` with its status.
pub struct AppError(SearchError);

impl From<SearchError> for AppError {
    fn from(error: SearchError) -> Self {
        AppError(error)
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.0.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        if status.is_server_error() && status != StatusCode::SERVICE_UNAVAILABLE {
            tracing::error!(error = %self.0, "request failed");
        }
        let body = json!({"error": {"code": self.0.code(), "message": self.0.to_string()}});
        let mut response = (status, Json(body)).into_response();
        if let Some(seconds) = self.0.retry_after() {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        if matches!(self.0, SearchError::Unauthorized) {
            response
                .headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        response
    }
}

/// The bearer token of a request, if any.
fn bearer(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(header::AUTHORIZATION)?
        .to_str()
        .ok()?
        .strip_prefix("Bearer ")
        .map(str::trim)
}

/// Compares keys in time independent of where they differ.
fn same_key(given: &str, expected: &str) -> bool {
    let (given, expected) = (given.as_bytes(), expected.as_bytes());
    let mut difference = given.len() ^ expected.len();
    for (index, byte) in expected.iter().enumerate() {
        difference |= usize::from(byte ^ given.get(index).copied().unwrap_or(0));
    }
    difference == 0
}

fn check_read(state: &AppState, headers: &HeaderMap) -> Result<(), SearchError> {
    let Some(read_key) = &state.config.read_key else {
        return Ok(());
    };
    let token = bearer(headers).ok_or(SearchError::Unauthorized)?;
    let write_key_matches = state.config.api_key.as_deref().is_some_and(|key| same_key(token, key));
    if same_key(token, read_key) || write_key_matches {
        Ok(())
    } else {
        Err(SearchError::Unauthorized)
    }
}

fn check_write(state: &AppState, headers: &HeaderMap) -> Result<(), SearchError> {
    let Some(api_key) = &state.config.api_key else {
        return Err(SearchError::WritesDisabled);
    };
    match bearer(headers) {
        Some(token) if same_key(token, api_key) => Ok(()),
        _ => Err(SearchError::Unauthorized),
    }
}

async fn search_get(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Result<Response, AppError> {
    check_read(&state, &headers)?;
    let request = SearchRequest::from_query_string(query.as_deref().unwrap_or(""))?;
    run_search(state, request).await
}

async fn search_post(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, AppError> {
    check_read(&state, &headers)?;
    let body = read_body(body, state.config.max_body_bytes)?;
    if !is_json(&headers) {
        return Err(SearchError::parameter(
            "content-type",
            "unsupported_content_type",
            "send the search as application/json",
        )
        .into());
    }
    let request = SearchRequest::from_json(&body)?;
    run_search(state, request).await
}

fn read_body(body: Result<Bytes, BytesRejection>, max_bytes: usize) -> Result<Bytes, SearchError> {
    body.map_err(|rejection| match rejection.status() {
        StatusCode::PAYLOAD_TOO_LARGE => SearchError::PayloadTooLarge { max_bytes },
        _ => SearchError::InvalidJson(rejection.body_text()),
    })
}

fn content_type(headers: &HeaderMap) -> &str {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .unwrap_or("")
}

fn is_json(headers: &HeaderMap) -> bool {
    content_type(headers).starts_with("application/json")
}

/// Runs CPU-bound work on the blocking pool, at most `max_concurrent_searches` at once (a
/// request waits `queue_wait` for a turn, then gets 503), within the time budget.
async fn blocking<T: Send + 'static>(
    state: &AppState,
    work: impl FnOnce() -> Result<T, SearchError> + Send + 'static,
) -> Result<T, SearchError> {
    let permit = tokio::time::timeout(state.config.queue_wait, state.permits.clone().acquire_owned())
        .await
        .map_err(|_| SearchError::Overloaded)?
        .map_err(|_| SearchError::Overloaded)?;
    let task = tokio::task::spawn_blocking(move || {
        let result = work();
        drop(permit);
        result
    });
    match tokio::time::timeout(state.config.search_timeout, task).await {
        Ok(joined) => joined.map_err(|error| SearchError::Internal(error.to_string()))?,
        Err(_) => Err(SearchError::SearchTimeout {
            budget_ms: state.config.search_timeout.as_millis() as u64,
        }),
    }
}

/// Runs a write (or a reload) on the blocking pool, outside the search semaphore and time
/// budget: a write is never dropped half-way for being slow.
async fn unbudgeted<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, SearchError> + Send + 'static,
) -> Result<T, SearchError> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|error| SearchError::Internal(error.to_string()))?
}

async fn run_search(state: AppState, mut request: SearchRequest) -> Result<Response, AppError> {
    state.config.check(&mut request)?;
    let kind = telemetry::query_kind(&request);
    let service = state.service.clone();
    let started = Instant::now();
    let response = blocking(&state, move || service.search(&request)).await?;
    telemetry::record_search(kind, started.elapsed());
    Ok(Json(response).into_response())
}

async fn facet_values(
    State(state): State<AppState>,
    headers: HeaderMap,
    facet: Result<Path<String>, PathRejection>,
    RawQuery(query): RawQuery,
) -> Result<Response, AppError> {
    check_read(&state, &headers)?;
    let Path(facet) =
        facet.map_err(|rejection| SearchError::parameter("facet", "invalid_facet", rejection.body_text()))?;
    let mut request = FacetValueRequest::from_query_string(&facet, query.as_deref().unwrap_or(""))?;
    state.config.check(&mut request.search)?;
    let service = state.service.clone();
    let response = blocking(&state, move || service.facet_values(&request)).await?;
    Ok(Json(response).into_response())
}

async fn document(
    State(state): State<AppState>,
    headers: HeaderMap,
    id: Result<Path<String>, PathRejection>,
) -> Result<Response, AppError> {
    check_read(&state, &headers)?;
    let Path(id) = id.map_err(|rejection| SearchError::parameter("id", "invalid_id", rejection.body_text()))?;
    let service = state.service.clone();
    let document = blocking(&state, move || service.document(&id)).await?;
    Ok(Json(document).into_response())
}

/// `limit` (default 10, at most 50) and `same` (facets whose values the similar releases
/// must share).
async fn similar(
    State(state): State<AppState>,
    headers: HeaderMap,
    id: Result<Path<String>, PathRejection>,
    RawQuery(query): RawQuery,
) -> Result<Response, AppError> {
    check_read(&state, &headers)?;
    let Path(id) = id.map_err(|rejection| SearchError::parameter("id", "invalid_id", rejection.body_text()))?;
    let mut limit = 10;
    let mut same = Vec::new();
    for (key, value) in form_urlencoded::parse(query.as_deref().unwrap_or("").as_bytes()) {
        match key.as_ref() {
            "limit" => {
                limit = value
                    .trim()
                    .parse::<usize>()
                    .ok()
                    .filter(|limit| *limit <= MAX_SIMILAR)
                    .ok_or_else(|| {
                        SearchError::parameter("limit", "invalid_limit", format!("`limit` must be 0 to {MAX_SIMILAR}"))
                    })?;
            }
            "same" => {
                for name in value.split(',').filter(|name| !name.trim().is_empty()) {
                    let facet = FacetName::parse(name)?;
                    if facet == FacetName::Year {
                        return Err(SearchError::parameter(
                            "same",
                            "invalid_same",
                            "`same` takes facets other than year",
                        )
                        .into());
                    }
                    same.push(facet);
                }
            }
            _ => return Err(SearchError::UnknownParameter(key.into_owned()).into()),
        }
    }
    let service = state.service.clone();
    let response = blocking(&state, move || service.similar(&id, limit, &same)).await?;
    Ok(Json(response).into_response())
}

/// `POST /api/documents`: one JSON object, an array of them, or NDJSON, in the generic JSONL
/// form. Malformed records are listed in `rejected` with their reason; the others are written.
async fn write_documents(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, AppError> {
    check_write(&state, &headers)?;
    let body = read_body(body, state.config.max_write_bytes)?;
    let content_type = content_type(&headers).to_string();
    let objects: Vec<Result<serde_json::Map<String, Value>, String>> = if content_type
        .starts_with("application/x-ndjson")
    {
        let text = std::str::from_utf8(&body).map_err(|_| SearchError::InvalidJson("the body is not UTF-8".into()))?;
        text.lines()
            .filter(|line| !line.trim().is_empty())
            .map(|line| match serde_json::from_str::<Value>(line) {
                Ok(Value::Object(object)) => Ok(object),
                Ok(_) => Err("not a JSON object".to_string()),
                Err(error) => Err(error.to_string()),
            })
            .collect()
    } else if content_type.starts_with("application/json") {
        match serde_json::from_slice::<Value>(&body).map_err(|error| SearchError::InvalidJson(error.to_string()))? {
            Value::Object(object) => vec![Ok(object)],
            Value::Array(items) => items
                .into_iter()
                .map(|item| match item {
                    Value::Object(object) => Ok(object),
                    _ => Err("not a JSON object".to_string()),
                })
                .collect(),
            _ => return Err(SearchError::InvalidJson("send an object, an array of objects or NDJSON".into()).into()),
        }
    } else {
        return Err(SearchError::parameter(
            "content-type",
            "unsupported_content_type",
            "send documents as application/json or application/x-ndjson",
        )
        .into());
    };
    let mut records = Vec::new();
    let mut rejected = Vec::new();
    for (position, object) in objects.into_iter().enumerate() {
        let record = object.and_then(|object| {
            let source = object
                .get("source")
                .and_then(Value::as_str)
                .filter(|source| !source.trim().is_empty())
                .unwrap_or("api")
                .to_string();
            pressroom_ingest::record_from_json(&object, &source)
        });
        match record {
            Ok(record) if record.title.is_empty() && record.body.is_empty() => {
                rejected.push(json!({"index": position, "reason": "empty record: no title and no text"}))
            }
            Ok(record) => records.push(record),
            Err(reason) => rejected.push(json!({"index": position, "reason": reason})),
        }
    }
    telemetry::record_rejected(rejected.len());
    if records.is_empty() {
        return Err(
            SearchError::InvalidJson(format!("no valid document in the body: {}", Value::Array(rejected))).into(),
        );
    }
    let service = state.service.clone();
    let outcome = unbudgeted(move || service.upsert(&records)).await?;
    telemetry::record_written(outcome.written);
    let mut body = serde_json::to_value(&outcome).map_err(|error| SearchError::Internal(error.to_string()))?;
    body["rejected"] = Value::Array(rejected);
    Ok(Json(body).into_response())
}

async fn delete_document(
    State(state): State<AppState>,
    headers: HeaderMap,
    id: Result<Path<String>, PathRejection>,
) -> Result<Response, AppError> {
    check_write(&state, &headers)?;
    let Path(id) = id.map_err(|rejection| SearchError::parameter("id", "invalid_id", rejection.body_text()))?;
    let service = state.service.clone();
    let outcome = unbudgeted(move || service.delete(&id)).await?;
    telemetry::record_deleted(outcome.deleted);
    Ok(Json(outcome).into_response())
}

async fn reload(State(state): State<AppState>, headers: HeaderMap) -> Result<Response, AppError> {
    check_write(&state, &headers)?;
    let service = state.service.clone();
    let outcome = unbudgeted(move || service.reload()).await?;
    if outcome.switched {
        telemetry::record_reload();
    }
    Ok(Json(outcome).into_response())
}

async fn countries(State(state): State<AppState>, headers: HeaderMap) -> Result<Response, AppError> {
    check_read(&state, &headers)?;
    Ok(Json(crate::web::countries_json(state.service.gazetteer())).into_response())
}

async fn health() -> Response {
    Json(json!({"status": "ok"})).into_response()
}

async fn readiness(State(state): State<AppState>) -> Result<Response, AppError> {
    if !state.ready.load(Ordering::Acquire) {
        return Err(SearchError::NotReady.into());
    }
    let generation = state
        .service
        .generation()
        .and_then(|path| path.file_name().map(|name| name.to_string_lossy().into_owned()));
    Ok(
        Json(json!({"status": "ready", "documents": state.service.num_documents(), "generation": generation}))
            .into_response(),
    )
}

async fn metrics(State(state): State<AppState>) -> Response {
    let text = telemetry::render(&state.service);
    ([(header::CONTENT_TYPE, "text/plain; version=0.0.4")], text).into_response()
}

async fn openapi() -> Response {
    Json(crate::openapi::api_description()).into_response()
}

async fn method_not_allowed() -> Response {
    AppError(SearchError::MethodNotAllowed).into_response()
}

async fn not_found() -> Response {
    let body = json!({"error": {"code": "not_found", "message": "no such endpoint"}});
    (StatusCode::NOT_FOUND, Json(body)).into_response()
}

/// Request id, log span, request count and duration per route and status.
async fn observe(request: Request<Body>, next: Next) -> Response {
    static NEXT_ID: AtomicU64 = AtomicU64::new(1);
    let id = request
        .headers()
        .get("x-request-id")
        .and_then(|value| value.to_str().ok())
        .filter(|value| {
            !value.is_empty()
                && value.len() <= 64
                && value.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        })
        .map(str::to_string)
        .unwrap_or_else(|| format!("req-{}", NEXT_ID.fetch_add(1, Ordering::Relaxed)));
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or("unmatched", |path| path.as_str())
        .to_string();
    let method = request.method().clone();
    let span = tracing::info_span!("request", id = %id, method = %method, route = %route);
    let started = Instant::now();
    let mut response = next.run(request).instrument(span.clone()).await;
    let elapsed = started.elapsed();
    let status = response.status();
    span.in_scope(|| {
        tracing::info!(
            status = status.as_u16(),
            micros = elapsed.as_micros() as u64,
            "answered"
        )
    });
    telemetry::record_request(&route, method.as_str(), status.as_u16(), elapsed);
    if let Ok(value) = HeaderValue::from_str(&id) {
        response.headers_mut().insert("x-request-id", value);
    }
    response
}

/// Serves the API on `listener` until `shutdown` completes, then finishes requests in flight.
pub async fn serve(
    listener: tokio::net::TcpListener,
    service: Arc<SearchService>,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    serve_with(listener, service, ServerConfig::default(), shutdown).await
}

/// As [`serve`], with an operator's configuration. Warms the index before `/ready` says so,
/// and switches to a new generation within a second of `CURRENT` changing.
pub async fn serve_with(
    listener: tokio::net::TcpListener,
    service: Arc<SearchService>,
    config: ServerConfig,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let ready = Arc::new(AtomicBool::new(false));
    {
        let service = service.clone();
        let ready = ready.clone();
        tokio::task::spawn_blocking(move || {
            if let Err(error) = service.warm() {
                tracing::warn!(%error, "warming the index failed");
            }
            ready.store(true, Ordering::Release);
        });
    }
    let watcher = {
        let service = service.clone();
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(Duration::from_secs(1));
            loop {
                tick.tick().await;
                let service = service.clone();
                match tokio::task::spawn_blocking(move || service.reload()).await {
                    Ok(Ok(outcome)) if outcome.switched => telemetry::record_reload(),
                    Ok(Err(error)) => tracing::warn!(%error, "reloading the index failed"),
                    _ => {}
                }
            }
        })
    };
    let result = axum::serve(listener, app_with(service, config, ready))
        .with_graceful_shutdown(shutdown)
        .await;
    watcher.abort();
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(config: ServerConfig) -> AppState {
        let schema = pressroom_index::schema::build_schema();
        let index = tantivy::Index::create_in_ram(schema);
        pressroom_index::schema::register_analyzers(&index);
        let fields = pressroom_index::schema::Fields::from_schema(&index.schema()).expect("fields");
        AppState {
            service: Arc::new(SearchService::new(index, fields).expect("service")),
            permits: Arc::new(Semaphore::new(config.max_concurrent_searches)),
            config: Arc::new(config),
            ready: Arc::new(AtomicBool::new(true)),
        }
    }

    #[tokio::test]
    async fn searches_over_the_cap_wait_then_get_overloaded() {
        let state = state(ServerConfig {
            max_concurrent_searches: 1,
            queue_wait: Duration::from_millis(20),
            ..ServerConfig::default()
        });
        let held = state.permits.clone().acquire_owned().await.expect("permit");
        let error = blocking(&state, || Ok(())).await.expect_err("no permit left");
        assert_eq!(
            (error.status(), error.code(), error.retry_after()),
            (503, "overloaded", Some(1))
        );
        drop(held);
        assert!(blocking(&state, || Ok(())).await.is_ok(), "a freed permit is taken");
    }

    #[tokio::test]
    async fn a_search_past_its_budget_is_a_503() {
        let state = state(ServerConfig {
            search_timeout: Duration::from_millis(20),
            ..ServerConfig::default()
        });
        let error = blocking(&state, || {
            std::thread::sleep(Duration::from_millis(200));
            Ok(())
        })
        .await
        .expect_err("too slow");
        assert_eq!((error.status(), error.code()), (503, "search_timeout"));
        let response = AppError(error).into_response();
        assert_eq!(
            response.headers().get(header::RETRY_AFTER).map(|v| v.as_bytes()),
            Some(&b"1"[..])
        );
    }

    #[test]
    fn keys_compare_whole() {
        assert!(same_key("secret", "secret"));
        assert!(!same_key("secre", "secret") && !same_key("secrets", "secret") && !same_key("", "secret"));
    }
}
