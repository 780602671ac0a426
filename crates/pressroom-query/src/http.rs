//! The HTTP API: thin axum handlers over [`SearchService`], errors as JSON.
//!
//! - `GET /api/search?q=…` and `POST /api/search` (same fields as JSON)
//! - `GET /api/facets/{facet}?q=prefix&query=…` (facet value search)
//! - `GET /api/documents/{id}`, `GET /api/documents/{id}/similar`
//! - `POST /api/documents` (JSON object, array or NDJSON), `DELETE /api/documents/{id}`,
//!   `POST /api/admin/reload`: need the write key. On a replica (`serve --follow`), writes
//!   are published to the document log ([`DocumentLog`]) and answered once its quorum has
//!   stored them; `?wait=visible` also waits until this replica has applied them.
//! - `GET /health` (liveness), `GET /ready` (index opened and warmed), `GET /metrics`
//!   (Prometheus), `GET /openapi.json`
//!
//! Every request gets an id (`x-request-id`, taken from the request when it is a sane token)
//! that tags its log lines; requests are counted and timed per route and status.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::body::{Body, Bytes};
use axum::extract::rejection::PathRejection;
use axum::extract::{MatchedPath, Path, RawQuery, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{json, Value};
use tokio::sync::Semaphore;
use tracing::Instrument;

use crate::batch::{self, Framing};
use crate::codes::Code;
use crate::config::ServerConfig;
use crate::error::SearchError;
use crate::log::DocumentLog;
use crate::metrics as telemetry;
use crate::request::{FacetName, FacetValueRequest, SearchRequest, MAX_SIMILAR};
use crate::service::{SearchService, WriteOutcome};

tokio::task_local! {
    /// The id of the request being answered (set by [`observe`]), for error bodies.
    static REQUEST_ID: String;
}

#[derive(Clone)]
struct AppState {
    service: Arc<SearchService>,
    config: Arc<ServerConfig>,
    permits: Arc<Semaphore>,
    ready: Arc<AtomicBool>,
    /// A replica's document log; `None` on a single node.
    log: Option<Arc<dyn DocumentLog>>,
}

/// How long `?wait=visible` waits for this replica to apply a write.
const VISIBLE_WAIT: Duration = Duration::from_secs(10);

/// The router of the whole API with the default configuration (reads open, writes off).
pub fn app(service: Arc<SearchService>) -> Router {
    app_with(service, ServerConfig::default(), Arc::new(AtomicBool::new(true)))
}

/// The router with an operator's configuration; `ready` turns true once the index is warm.
pub fn app_with(service: Arc<SearchService>, config: ServerConfig, ready: Arc<AtomicBool>) -> Router {
    app_following(service, config, ready, None)
}

/// The router of a replica, whose writes go to `log` (or of a single node, without one).
pub fn app_following(
    service: Arc<SearchService>,
    config: ServerConfig,
    ready: Arc<AtomicBool>,
    log: Option<Arc<dyn DocumentLog>>,
) -> Router {
    telemetry::install();
    let state = AppState {
        service,
        permits: Arc::new(Semaphore::new(config.max_concurrent_searches.max(1))),
        config: Arc::new(config),
        ready,
        log,
    };
    let router = Router::new()
        .route("/api/search", get(search_get).post(search_post))
        .route("/api/facets/{facet}", get(facet_values))
        .route("/api/documents", post(write_documents))
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
        .method_not_allowed_fallback(method_not_allowed);
    let mut router = guarded(router).with_state(state.clone());
    if let Some(cors) = cors_layer(&state.config.cors_origins) {
        router = router.layer(cors);
    }
    router
}

/// What wraps every route: a panic becomes the JSON `internal` error, and every request gets
/// an id, a log span, a count and a duration ([`observe`]).
fn guarded<S: Clone + Send + Sync + 'static>(router: Router<S>) -> Router<S> {
    router
        .layer(tower_http::catch_panic::CatchPanicLayer::custom(answer_panic))
        .layer(middleware::from_fn(observe))
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
        // What went wrong inside is logged under the request id, never shown to the client.
        let message = match &self.0 {
            SearchError::Internal(detail) => {
                tracing::error!(error = %detail, "request failed");
                INTERNAL_MESSAGE.to_string()
            }
            other => other.to_string(),
        };
        let mut error = json!({"code": self.0.code(), "message": message});
        if let Ok(id) = REQUEST_ID.try_with(String::clone) {
            error["request_id"] = Value::String(id);
        }
        let mut response = (status, Json(json!({ "error": error }))).into_response();
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

const INTERNAL_MESSAGE: &str = "internal error; the server log has the details under this request id";

/// A handler that panicked: the JSON `internal` error, the panic logged with the request id.
fn answer_panic(panic: Box<dyn std::any::Any + Send + 'static>) -> Response {
    tracing::error!(panic = panic_message(panic.as_ref()), "a handler panicked");
    AppError(SearchError::Internal("a handler panicked".to_string())).into_response()
}

fn panic_message(panic: &(dyn std::any::Any + Send)) -> &str {
    panic
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| panic.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("a panic without a message")
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
    if state.config.read_key.is_none() {
        return Ok(());
    }
    check_read_token(state, bearer(headers).ok_or(SearchError::Unauthorized)?)
}

/// Whether `token` is the read key (or the write key), when a read key is set.
fn check_read_token(state: &AppState, token: &str) -> Result<(), SearchError> {
    let Some(read_key) = &state.config.read_key else {
        return Ok(());
    };
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

async fn search_post(State(state): State<AppState>, headers: HeaderMap, body: Body) -> Result<Response, AppError> {
    check_read(&state, &headers)?;
    if !is_json(&headers) {
        return Err(SearchError::parameter(
            "content-type",
            Code::UnsupportedContentType,
            "send the search as application/json",
        )
        .into());
    }
    let body = read_body(body, state.config.max_body_bytes).await?;
    let request = SearchRequest::from_json(&body)?;
    run_search(state, request).await
}

/// Reads a request body of at most `max_bytes`. Called only once the request is allowed, so
/// a client without the key never makes the server read a large body.
async fn read_body(body: Body, max_bytes: usize) -> Result<Bytes, SearchError> {
    axum::body::to_bytes(body, max_bytes).await.map_err(|error| {
        let too_large =
            std::error::Error::source(&error).is_some_and(|source| source.is::<http_body_util::LengthLimitError>());
        if too_large {
            SearchError::PayloadTooLarge { max_bytes }
        } else {
            SearchError::InvalidJson(format!("the body could not be read: {error}"))
        }
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
        Ok(joined) => joined.map_err(join_error)?,
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
    tokio::task::spawn_blocking(work).await.map_err(join_error)?
}

/// A blocking task that panicked (or was cancelled): logged in the request's span, so with
/// its id, and answered as `internal`.
fn join_error(error: tokio::task::JoinError) -> SearchError {
    if error.is_panic() {
        let panic = error.into_panic();
        tracing::error!(panic = panic_message(panic.as_ref()), "a search task panicked");
        SearchError::Internal("a search task panicked".to_string())
    } else {
        SearchError::Internal(error.to_string())
    }
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
        facet.map_err(|rejection| SearchError::parameter("facet", Code::InvalidFacet, rejection.body_text()))?;
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
    let id = document_id(id)?;
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
    let id = document_id(id)?;
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
                        SearchError::parameter(
                            "limit",
                            Code::InvalidLimit,
                            format!("`limit` must be 0 to {MAX_SIMILAR}"),
                        )
                    })?;
            }
            "same" => {
                for name in value.split(',').filter(|name| !name.trim().is_empty()) {
                    let facet = FacetName::parse(name)?;
                    if facet == FacetName::Year {
                        return Err(SearchError::parameter(
                            "same",
                            Code::InvalidSame,
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
/// form. The key is checked before the body is read; the body is parsed on the blocking pool.
/// Malformed records are listed in `rejected` (the first hundred, all counted in
/// `rejected_total`) with their reason; the others are written.
async fn write_documents(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    body: Body,
) -> Result<Response, AppError> {
    check_write(&state, &headers)?;
    let wait_visible = wait_visible(query.as_deref())?;
    let content_type = content_type(&headers);
    let framing = if content_type.starts_with("application/x-ndjson") {
        Framing::Lines
    } else if content_type.starts_with("application/json") {
        Framing::Json
    } else {
        return Err(SearchError::parameter(
            "content-type",
            Code::UnsupportedContentType,
            "send documents as application/json or application/x-ndjson",
        )
        .into());
    };
    let body = read_body(body, state.config.max_write_bytes).await?;
    let service = state.service.clone();
    let (outcome, batch, logged) = match state.log.clone() {
        None => {
            let (outcome, batch) = unbudgeted(move || {
                let mut batch = parsed_batch(&body, framing)?;
                let records = std::mem::take(&mut batch.records);
                Ok((service.upsert(&records)?, batch))
            })
            .await?;
            (outcome, batch, None)
        }
        Some(log) => {
            let (changes, written, replaced, batch) = unbudgeted(move || {
                let mut batch = parsed_batch(&body, framing)?;
                let records = std::mem::take(&mut batch.records);
                let replaced = service.count_existing(records.iter().map(|record| record.id.as_str()))?;
                let written = records.len();
                Ok((service.logged_upserts(records), written, replaced, batch))
            })
            .await?;
            let outcome = WriteOutcome {
                written,
                replaced,
                deleted: 0,
                documents: state.service.num_documents(),
            };
            let logged = logged(&state, &log, changes, wait_visible).await?;
            (outcome, batch, Some(logged))
        }
    };
    telemetry::record_rejected(batch.rejected_total);
    telemetry::record_written(outcome.written);
    let mut body = serde_json::to_value(&outcome).map_err(SearchError::internal)?;
    body["rejected"] = serde_json::to_value(&batch.rejected).map_err(SearchError::internal)?;
    body["rejected_total"] = Value::from(batch.rejected_total);
    if let Some(logged) = logged {
        logged.describe(&mut body);
    }
    Ok(Json(body).into_response())
}

fn parsed_batch(body: &[u8], framing: Framing) -> Result<batch::Batch, SearchError> {
    let batch = batch::parse(body, framing)?;
    if batch.records.is_empty() {
        return Err(batch.nothing_valid());
    }
    Ok(batch)
}

/// `wait=visible` on a write: answer only once this node serves it.
fn wait_visible(query: Option<&str>) -> Result<bool, SearchError> {
    let mut visible = false;
    for (key, value) in form_urlencoded::parse(query.unwrap_or_default().as_bytes()) {
        match (key.as_ref(), value.as_ref()) {
            ("wait", "visible") => visible = true,
            ("wait", _) => {
                return Err(SearchError::parameter(
                    "wait",
                    Code::InvalidWait,
                    "the one value is `visible`",
                ))
            }
            (other, _) => return Err(SearchError::UnknownParameter(other.to_string())),
        }
    }
    Ok(visible)
}

/// A write the document log stored: its sequence, and whether this replica serves it yet.
struct Logged {
    sequence: u64,
    visible: Option<bool>,
}

impl Logged {
    fn describe(&self, body: &mut Value) {
        body["sequence"] = Value::from(self.sequence);
        if let Some(visible) = self.visible {
            body["visible"] = Value::from(visible);
        }
    }
}

/// Publishes `changes` to the log, and with `wait_visible` waits until this replica applied them.
async fn logged(
    state: &AppState,
    log: &Arc<dyn DocumentLog>,
    changes: Vec<pressroom_index::Change>,
    wait_visible: bool,
) -> Result<Logged, SearchError> {
    let sequence = log.append(changes).await?;
    let visible = if wait_visible {
        Some(state.service.wait_applied(sequence, VISIBLE_WAIT).await)
    } else {
        None
    };
    Ok(Logged { sequence, visible })
}

/// `DELETE /api/documents/{id}`. A single node answers 404 for an id it does not hold; a
/// replica publishes the tombstone whatever it holds (another replica may hold the id
/// already), and `deleted` says whether this one held it.
async fn delete_document(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    id: Result<Path<String>, PathRejection>,
) -> Result<Response, AppError> {
    check_write(&state, &headers)?;
    let wait_visible = wait_visible(query.as_deref())?;
    let id = document_id(id)?;
    let service = state.service.clone();
    let Some(log) = state.log.clone() else {
        let outcome = unbudgeted(move || service.delete(&id)).await?;
        telemetry::record_deleted(outcome.deleted);
        return Ok(Json(outcome).into_response());
    };
    let held = {
        let id = id.clone();
        unbudgeted(move || service.count_existing(std::iter::once(id.as_str()))).await?
    };
    let logged = logged(&state, &log, vec![pressroom_index::Change::Delete { id }], wait_visible).await?;
    telemetry::record_deleted(held);
    let outcome = WriteOutcome {
        written: 0,
        replaced: 0,
        deleted: held,
        documents: state.service.num_documents(),
    };
    let mut body = serde_json::to_value(&outcome).map_err(SearchError::internal)?;
    logged.describe(&mut body);
    Ok(Json(body).into_response())
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
    Ok(Json(crate::web::countries_json(state.service.gazetteer())?).into_response())
}

async fn health() -> Response {
    Json(json!({"status": "ok"})).into_response()
}

/// A document id from the path: UTF-8, at most [`pressroom_ingest::MAX_ID_BYTES`].
fn document_id(id: Result<Path<String>, PathRejection>) -> Result<String, SearchError> {
    let Path(id) = id.map_err(|rejection| SearchError::parameter("id", Code::InvalidId, rejection.body_text()))?;
    if id.len() > pressroom_ingest::MAX_ID_BYTES {
        return Err(SearchError::parameter(
            "id",
            Code::InvalidId,
            format!("ids are at most {} bytes", pressroom_ingest::MAX_ID_BYTES),
        ));
    }
    Ok(id)
}

/// Open to probes (load balancers send no key); with a read key set, only a reader learns the
/// document count and generation.
async fn readiness(State(state): State<AppState>, headers: HeaderMap) -> Result<Response, AppError> {
    if !state.ready.load(Ordering::Acquire) {
        return Err(SearchError::NotReady.into());
    }
    // A replica is ready once it has applied what the log held when it started following.
    let replication = state.service.replication();
    if state.service.follows_a_log() && !replication.is_some_and(|replication| replication.caught_up) {
        return Err(SearchError::NotReady.into());
    }
    if check_read(&state, &headers).is_err() {
        return Ok(Json(json!({"status": "ready"})).into_response());
    }
    let generation = state
        .service
        .generation()
        .as_deref()
        .and_then(pressroom_index::generation_name);
    let mut body = json!({"status": "ready", "documents": state.service.num_documents(), "generation": generation});
    if let Some(replication) = replication {
        body["sequence"] = Value::from(state.service.applied_sequence());
        body["lag"] = Value::from(replication.lag);
    }
    Ok(Json(body).into_response())
}

/// Needs the metrics key when one is set, else the read key when one is set (the write key
/// also does); open otherwise.
async fn metrics(State(state): State<AppState>, headers: HeaderMap) -> Result<Response, AppError> {
    if let Some(metrics_key) = &state.config.metrics_key {
        let token = bearer(&headers).ok_or(SearchError::Unauthorized)?;
        if !same_key(token, metrics_key) && check_read_token(&state, token).is_err() {
            return Err(SearchError::Unauthorized.into());
        }
    } else {
        check_read(&state, &headers)?;
    }
    let text = telemetry::render(&state.service);
    Ok(([(header::CONTENT_TYPE, "text/plain; version=0.0.4")], text).into_response())
}

async fn openapi() -> Response {
    Json(crate::openapi::api_description()).into_response()
}

async fn method_not_allowed() -> Response {
    AppError(SearchError::MethodNotAllowed).into_response()
}

async fn not_found() -> Response {
    AppError(SearchError::NotFound).into_response()
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
    let mut response = REQUEST_ID
        .scope(id.clone(), next.run(request).instrument(span.clone()))
        .await;
    let elapsed = started.elapsed();
    let status = response.status();
    span.in_scope(|| {
        tracing::info!(
            status = status.as_u16(),
            micros = elapsed.as_micros() as u64,
            "answered"
        )
    });
    telemetry::record_request(&route, telemetry::method_label(&method), status.as_u16(), elapsed);
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
    serve_following(listener, service, config, None, shutdown).await
}

/// As [`serve_with`], for a replica whose writes go to `log` (its follower runs beside).
pub async fn serve_following(
    listener: tokio::net::TcpListener,
    service: Arc<SearchService>,
    config: ServerConfig,
    log: Option<Arc<dyn DocumentLog>>,
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
    let listener = crate::listener::JsonErrorListener::new(listener);
    let result = axum::serve(listener, app_following(service, config, ready, log))
        .with_graceful_shutdown(shutdown)
        .await;
    watcher.abort();
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(config: ServerConfig) -> AppState {
        let (index, fields) = pressroom_index::schema::in_memory().expect("an index in memory");
        AppState {
            service: Arc::new(SearchService::new(index, fields).expect("service")),
            permits: Arc::new(Semaphore::new(config.max_concurrent_searches)),
            config: Arc::new(config),
            ready: Arc::new(AtomicBool::new(true)),
            log: None,
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

    async fn body_of(response: Response) -> Value {
        use http_body_util::BodyExt;
        let bytes = response.into_body().collect().await.expect("body").to_bytes();
        serde_json::from_slice(&bytes).expect("JSON")
    }

    #[tokio::test]
    async fn a_panic_is_a_json_internal_error_with_the_request_id_and_no_detail() {
        use tower::ServiceExt;
        let router = guarded(Router::new().route(
            "/boom",
            get(|| async {
                let secret = "tantivy: /var/index/gen-1/0a1b.idx: No such file";
                if !secret.is_empty() {
                    panic!("{secret}");
                }
            }),
        ));
        let request = Request::get("/boom")
            .header("x-request-id", "req-test-7")
            .body(Body::empty())
            .expect("request");
        let response = router.oneshot(request).await.expect("answered");
        assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
        let body = body_of(response).await;
        assert_eq!(body["error"]["code"], "internal");
        assert_eq!(body["error"]["request_id"], "req-test-7");
        assert!(!body.to_string().contains("gen-1"), "{body}");
    }

    #[tokio::test]
    async fn a_panic_in_a_search_task_is_an_internal_error_without_its_message() {
        let state = state(ServerConfig::default());
        let error = blocking(&state, || -> Result<(), SearchError> {
            panic!("index file /secret/path is gone")
        })
        .await
        .expect_err("panicked");
        assert_eq!((error.status(), error.code()), (500, "internal"));
        let body = body_of(AppError(error).into_response()).await;
        assert!(!body.to_string().contains("/secret/path"), "{body}");
        let error = SearchError::Internal("tantivy: /secret/path/meta.json".to_string());
        let body = body_of(AppError(error).into_response()).await;
        assert_eq!(body["error"]["message"], INTERNAL_MESSAGE);
    }

    #[test]
    fn keys_compare_whole() {
        assert!(same_key("secret", "secret"));
        assert!(!same_key("secre", "secret") && !same_key("secrets", "secret") && !same_key("", "secret"));
    }
}
