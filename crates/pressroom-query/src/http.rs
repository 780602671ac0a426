//! The HTTP API: thin axum handlers over [`SearchService`], errors as JSON.
//!
//! - `GET /api/search?q=…` and `POST /api/search` (same fields as JSON)
//! - `GET /api/facets/{facet}?q=prefix&query=…` (facet value search)
//! - `GET /api/documents/{id}`
//! - `GET /api/documents/{id}/similar?limit=&same=region,topic`
//! - `GET /health`

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, PathRejection};
use axum::extract::{Path, RawQuery, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde_json::json;

use crate::error::SearchError;
use crate::request::{FacetName, FacetValueRequest, SearchRequest};
use crate::service::{SearchService, MAX_SIMILAR};

/// Largest accepted request body.
pub const MAX_BODY_BYTES: usize = 64 * 1024;

/// The router of the whole API.
pub fn app(service: Arc<SearchService>) -> Router {
    Router::new()
        .route("/api/search", get(search_get).post(search_post))
        .route("/api/facets/{facet}", get(facet_values))
        .route("/api/documents/{id}", get(document))
        .route("/api/documents/{id}/similar", get(similar))
        .route("/health", get(health))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(axum::extract::DefaultBodyLimit::max(MAX_BODY_BYTES))
        .with_state(service)
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
        if status.is_server_error() {
            tracing::error!(error = %self.0, "request failed");
        }
        let body = json!({"error": {"code": self.0.code(), "message": self.0.to_string()}});
        (status, Json(body)).into_response()
    }
}

async fn search_get(
    State(service): State<Arc<SearchService>>,
    RawQuery(query): RawQuery,
) -> Result<Response, AppError> {
    let request = SearchRequest::from_query_string(query.as_deref().unwrap_or(""))?;
    run_search(service, request).await
}

async fn search_post(
    State(service): State<Arc<SearchService>>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, AppError> {
    let body = body.map_err(|rejection| match rejection.status() {
        StatusCode::PAYLOAD_TOO_LARGE => SearchError::PayloadTooLarge {
            max_bytes: MAX_BODY_BYTES,
        },
        _ => SearchError::InvalidJson(rejection.body_text()),
    })?;
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .unwrap_or("");
    if !content_type.starts_with("application/json") {
        return Err(SearchError::parameter(
            "content-type",
            "unsupported_content_type",
            "send the search as application/json",
        )
        .into());
    }
    let request = SearchRequest::from_json(&body)?;
    run_search(service, request).await
}

/// Search work is CPU-bound: it runs on the blocking pool, not on the async workers.
async fn run_search(service: Arc<SearchService>, request: SearchRequest) -> Result<Response, AppError> {
    let response = tokio::task::spawn_blocking(move || service.search(&request))
        .await
        .map_err(|error| SearchError::Internal(error.to_string()))??;
    Ok(Json(response).into_response())
}

async fn document(
    State(service): State<Arc<SearchService>>,
    id: Result<Path<String>, PathRejection>,
) -> Result<Response, AppError> {
    let Path(id) = id.map_err(|rejection| SearchError::parameter("id", "invalid_id", rejection.body_text()))?;
    let document = tokio::task::spawn_blocking(move || service.document(&id))
        .await
        .map_err(|error| SearchError::Internal(error.to_string()))??;
    Ok(Json(document).into_response())
}

async fn facet_values(
    State(service): State<Arc<SearchService>>,
    facet: Result<Path<String>, PathRejection>,
    RawQuery(query): RawQuery,
) -> Result<Response, AppError> {
    let Path(facet) =
        facet.map_err(|rejection| SearchError::parameter("facet", "invalid_facet", rejection.body_text()))?;
    let request = FacetValueRequest::from_query_string(&facet, query.as_deref().unwrap_or(""))?;
    let response = tokio::task::spawn_blocking(move || service.facet_values(&request))
        .await
        .map_err(|error| SearchError::Internal(error.to_string()))??;
    Ok(Json(response).into_response())
}

/// `limit` (default 10, at most 50) and `same` (facets whose values the similar releases
/// must share).
async fn similar(
    State(service): State<Arc<SearchService>>,
    id: Result<Path<String>, PathRejection>,
    RawQuery(query): RawQuery,
) -> Result<Response, AppError> {
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
    let response = tokio::task::spawn_blocking(move || service.similar(&id, limit, &same))
        .await
        .map_err(|error| SearchError::Internal(error.to_string()))??;
    Ok(Json(response).into_response())
}

async fn health(State(service): State<Arc<SearchService>>) -> Response {
    Json(json!({"status": "ok", "documents": service.num_documents()})).into_response()
}

async fn method_not_allowed() -> Response {
    AppError(SearchError::MethodNotAllowed).into_response()
}

async fn not_found() -> Response {
    let body = json!({"error": {"code": "not_found", "message": "no such endpoint"}});
    (StatusCode::NOT_FOUND, Json(body)).into_response()
}

/// Serves the API on `listener` until `shutdown` completes, then finishes requests in flight.
pub async fn serve(
    listener: tokio::net::TcpListener,
    service: Arc<SearchService>,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, app(service))
        .with_graceful_shutdown(shutdown)
        .await
}
