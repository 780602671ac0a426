//! Helpers shared by the end-to-end tests: where the shared corpora are, and a skip macro.
#![allow(dead_code)]

pub mod nats;
pub mod wire;

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use pressroom_query::{SearchService, ServerConfig};
use serde_json::Value;
use tower::ServiceExt;

/// Keys the HTTP tests configure.
pub const WRITE_KEY: &str = "write-key-for-tests";
pub const READ_KEY: &str = "read-key-for-tests";

/// The repository root.
/// Documents in an index of `corpus/`: its 35 releases and the 49 sample pages of
/// `corpus/pages/`.
pub const CORPUS_DOCUMENTS: u64 = 84;

pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `PRESSROOM_SHARED`, or `../shared` beside the checkout; `None` when it is absent.
pub fn shared_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("PRESSROOM_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("../shared"));
    dir.join("corpus").is_dir().then_some(dir)
}

/// The shared data folder, or returns from the test after printing why it is skipped.
#[macro_export]
macro_rules! shared_or_skip {
    () => {
        match common::shared_dir() {
            Some(dir) => dir,
            None => {
                eprintln!("skipped: shared data not found (set PRESSROOM_SHARED or put it at ../shared)");
                return;
            }
        }
    };
}

/// Every record read from `paths` (problems ignored: the reader tests check those).
pub fn read_records(paths: &[PathBuf]) -> Vec<pressroom_ingest::Record> {
    let mut records = Vec::new();
    pressroom_ingest::read_sources(paths, None, &mut |item| {
        if let Ok(record) = item {
            records.push(record);
        }
    })
    .expect("sources exist");
    records
}

/// Builds an index of `sources` into `index` (any skipped record fails the test) and opens it.
pub fn build_and_open(index: &Path, sources: &[PathBuf]) -> Arc<SearchService> {
    pressroom_index::build(index, sources, &Default::default(), &mut |problem| {
        panic!("unexpected problem: {problem}")
    })
    .expect("index builds");
    Arc::new(SearchService::open(index).expect("index opens"))
}

/// An opened index of these JSONL records, written and built in `dir`.
pub fn index_of_lines(dir: &Path, lines: &[&str]) -> Arc<SearchService> {
    let collection = dir.join("collection.jsonl");
    std::fs::write(&collection, lines.join("\n") + "\n").expect("collection written");
    build_and_open(&dir.join("index"), &[collection])
}

/// An index of `corpus/` in a fresh folder (each test writes to its own).
pub fn corpus_index(dir: &Path) -> Arc<SearchService> {
    build_and_open(dir, &[repo_root().join("corpus")])
}

/// The whole API over `service` with an operator's configuration, ready at once.
pub fn app(service: Arc<SearchService>, config: ServerConfig) -> Router {
    pressroom_query::http::app_with(service, config, Arc::new(AtomicBool::new(true)))
}

/// The counts of a search response's facet added up over its listed values (the top level of
/// a tree); the facet must be in the response.
pub fn facet_total(response: &Value, facet: &str) -> u64 {
    response["facets"][facet]["values"]
        .as_array()
        .unwrap_or_else(|| panic!("no {facet} values in {response}"))
        .iter()
        .filter_map(|value| value["count"].as_u64())
        .sum()
}

/// Sends a request through the router: status, headers, and the body as JSON (or as a JSON
/// string when it is not JSON, such as `/metrics`).
pub async fn send(app: &Router, request: Request<Body>) -> (StatusCode, HeaderMap, Value) {
    let response = app.clone().oneshot(request).await.expect("response");
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.into_body().collect().await.expect("body").to_bytes();
    let json = serde_json::from_slice(&bytes).unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into()));
    (status, headers, json)
}

/// A record made of its collection (`source`), title and body alone, id `SOURCE:probe`.
pub fn record(source: &str, title: &str, body: &str) -> pressroom_ingest::Record {
    pressroom_ingest::Record {
        id: format!("{source}:probe"),
        source: source.to_string(),
        title: title.to_string(),
        body: body.to_string(),
        date: None,
        url: None,
        contributor: None,
        contact: None,
        declared_lang: None,
        home_country: None,
        labels: Default::default(),
    }
}
