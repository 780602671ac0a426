//! Relevance on the judged query set `tests/data/judged-queries.jsonl`, over HTTP: known-item
//! queries (the release must come first), typo and stemming queries, and multilingual topic
//! queries (the releases labelled with the topic, in any language, should fill the top 10).
//!
//! Reports MRR (reciprocal rank of the first relevant hit) and recall@10 (relevant hits in the
//! top 10 over min(relevant, 10)) per kind, and fails when a figure drops under its floor.
//! The index holds `corpus/`, plus the shared seed release and ReliefWeb reports when
//! `../shared` is there; queries marked `"needs": "shared"` are skipped without it.

mod common;

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use pressroom_query::SearchService;
use serde::Deserialize;
use serde_json::Value;
use tower::ServiceExt;

/// Floors, set a little under the first measurement (see the README's Relevance section).
const MRR_FLOOR: f64 = 0.90;
const RECALL_FLOOR: f64 = 0.90;
const KNOWN_ITEM_MRR_FLOOR: f64 = 0.95;

#[derive(Debug, Deserialize)]
struct JudgedQuery {
    kind: String,
    q: String,
    #[serde(default)]
    params: String,
    #[serde(default)]
    relevant: Vec<String>,
    /// For typo queries over the shared data: the right spelling, whose top 10 is relevant.
    same_as: Option<String>,
    needs: String,
}

async fn top_ids(service: &Arc<SearchService>, q: &str, params: &str) -> Vec<String> {
    let query: String = form_urlencoded::Serializer::new(String::new())
        .append_pair("q", q)
        .append_pair("limit", "10")
        .append_pair("facets", "")
        .finish();
    let uri = if params.is_empty() {
        format!("/api/search?{query}")
    } else {
        format!("/api/search?{query}&{params}")
    };
    let response = pressroom_query::http::app(service.clone())
        .oneshot(Request::get(&uri).body(Body::empty()).expect("request"))
        .await
        .expect("response");
    assert_eq!(response.status(), StatusCode::OK, "{uri}");
    let bytes = response.into_body().collect().await.expect("body").to_bytes();
    let json: Value = serde_json::from_slice(&bytes).expect("JSON");
    json["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .filter_map(|hit| hit["id"].as_str().map(str::to_string))
        .collect()
}

#[derive(Default)]
struct Tally {
    queries: usize,
    reciprocal_ranks: f64,
    recall: f64,
}

#[tokio::test]
async fn judged_queries_meet_their_floors() {
    let root = common::repo_root();
    let shared = common::shared_dir();
    let dir = tempfile::tempdir().expect("temporary folder");
    let mut sources = vec![root.join("corpus")];
    if let Some(shared) = &shared {
        sources.push(shared.join("corpus/seed"));
        sources.push(shared.join("corpus/reliefweb"));
    } else {
        eprintln!("shared data not found: the queries that need it are skipped");
    }
    pressroom_index::build(dir.path(), &sources, &Default::default(), &mut |_| {}).expect("index builds");
    let service = Arc::new(SearchService::open_read_only(dir.path()).expect("index opens"));

    let text = std::fs::read_to_string(root.join("tests/data/judged-queries.jsonl")).expect("judged queries");
    let judged: Vec<JudgedQuery> = text
        .lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| serde_json::from_str(line).expect("a judged query"))
        .collect();
    assert!(judged.len() >= 60, "{} judged queries", judged.len());

    let mut by_kind: BTreeMap<String, Tally> = BTreeMap::new();
    let mut overall = Tally::default();
    let mut misses = Vec::new();
    for query in &judged {
        if query.needs == "shared" && shared.is_none() {
            continue;
        }
        let relevant = match &query.same_as {
            Some(right) => top_ids(&service, right, &query.params).await,
            None => query.relevant.clone(),
        };
        assert!(!relevant.is_empty(), "{query:?} has no relevant documents");
        let found = top_ids(&service, &query.q, &query.params).await;
        let rank = found.iter().position(|id| relevant.contains(id));
        let reciprocal_rank = rank.map_or(0.0, |rank| 1.0 / (rank as f64 + 1.0));
        let retrieved = found.iter().filter(|id| relevant.contains(id)).count();
        let recall = retrieved as f64 / relevant.len().min(10) as f64;
        if reciprocal_rank < 1.0 || recall < 1.0 {
            misses.push(format!(
                "{:<13} {:<45} first relevant at {:?}, recall@10 {recall:.2}",
                query.kind,
                query.q,
                rank.map(|rank| rank + 1)
            ));
        }
        for tally in [by_kind.entry(query.kind.clone()).or_default(), &mut overall] {
            tally.queries += 1;
            tally.reciprocal_ranks += reciprocal_rank;
            tally.recall += recall;
        }
    }
    println!("{:<13} {:>7} {:>6} {:>10}", "kind", "queries", "MRR", "recall@10");
    for (kind, tally) in by_kind.iter().chain([(&"all".to_string(), &overall)]) {
        println!(
            "{kind:<13} {:>7} {:>6.3} {:>10.3}",
            tally.queries,
            tally.reciprocal_ranks / tally.queries as f64,
            tally.recall / tally.queries as f64
        );
    }
    println!("\nnot perfect:\n{}", misses.join("\n"));

    let mrr = overall.reciprocal_ranks / overall.queries as f64;
    let recall = overall.recall / overall.queries as f64;
    assert!(mrr >= MRR_FLOOR, "MRR {mrr:.3} < {MRR_FLOOR}");
    assert!(recall >= RECALL_FLOOR, "recall@10 {recall:.3} < {RECALL_FLOOR}");
    let known = &by_kind["known-item"];
    let known_mrr = known.reciprocal_ranks / known.queries as f64;
    assert!(
        known_mrr >= KNOWN_ITEM_MRR_FLOOR,
        "known-item MRR {known_mrr:.3} < {KNOWN_ITEM_MRR_FLOOR}"
    );
}
