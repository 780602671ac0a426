//! The whole domain corpus (seed + Trove + ReliefWeb + Reuters, ≈37k records) indexed and
//! searched, as the foundation issue asks.

mod common;

use pressroom_query::{SearchRequest, SearchService};

#[test]
fn domain_corpus_is_indexed_whole_and_searchable() {
    let shared = shared_or_skip!();
    let corpus = shared.join("corpus");
    let sources: Vec<_> = ["seed", "trove-refugees", "reliefweb", "reuters21578"]
        .iter()
        .map(|name| corpus.join(name))
        .collect();
    let dir = tempfile::tempdir().expect("temporary folder");
    let mut problems = Vec::new();
    let report = pressroom_index::build(dir.path(), &sources, &Default::default(), &mut |problem| {
        problems.push(problem.clone())
    })
    .expect("index builds");
    eprintln!(
        "indexed {} in {:.1} s, {:.1} MB; skipped {:?}",
        report.indexed,
        report.elapsed.as_secs_f64(),
        report.index_bytes as f64 / 1e6,
        report.read.skipped
    );
    // 1 + 14,145 + 1,386 + 21,578 records; 22 Trove records are blank pages and Reuters 12793
    // has neither title nor text.
    assert_eq!(
        report.indexed + report.read.skipped_total(),
        1 + 14_145 + 1_386 + 21_578
    );
    assert_eq!(report.indexed, 37_087);
    assert!(
        problems.iter().all(|p| p.kind == pressroom_ingest::ProblemKind::Empty),
        "{problems:?}"
    );
    assert_eq!(report.duplicates_replaced, 0);

    let service = SearchService::open(dir.path()).expect("opens");
    assert_eq!(service.num_documents(), 37_087);
    let request = SearchRequest::from_query_string("q=trafficking&facets=region,org").expect("valid");
    let response = service.search(&request).expect("searches");
    assert!(response.total > 100, "total {}", response.total);
    assert_eq!(response.hits.len(), 10);
    assert!(!response.facets["region"].values.is_empty() && !response.facets["org"].values.is_empty());
    let browse = service
        .search(&SearchRequest::from_query_string("limit=0&facets=source,lang").expect("valid"))
        .expect("searches");
    let sources: Vec<(String, u64)> = browse.facets["source"]
        .values
        .iter()
        .map(|v| (v.value.clone(), v.count))
        .collect();
    assert!(sources.contains(&("reuters".to_string(), 21_577)), "{sources:?}");
    assert!(sources.contains(&("trove".to_string(), 14_123)), "{sources:?}");
    assert!(sources.contains(&("reliefweb".to_string(), 1_386)), "{sources:?}");
}
