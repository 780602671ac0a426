//! Criterion benches on the domain corpus: one group per query type (term, AND, OR, phrase,
//! fuzzy, prefix, filtered browse, all facets, date sort, deep pagination), enrichment
//! throughput and indexing throughput. `cargo bench --bench query_types`.
//!
//! Uses (and builds once) the index of `benches/query_latency.rs` in `target/bench-index`;
//! skipped with a printed reason when the shared data is absent (`PRESSROOM_SHARED`).

use std::path::PathBuf;
use std::time::Duration;

use criterion::{black_box, Criterion, Throughput};
use pressroom_query::{SearchRequest, SearchService};

fn shared() -> Option<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let shared = std::env::var_os("PRESSROOM_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("../shared"));
    shared.join("corpus").is_dir().then_some(shared)
}

fn domain_sources(shared: &std::path::Path) -> Vec<PathBuf> {
    ["seed", "trove-refugees", "reliefweb", "reuters21578"]
        .iter()
        .map(|name| shared.join("corpus").join(name))
        .collect()
}

fn main() {
    let Some(shared) = shared() else {
        println!("skipped: shared data not found (set PRESSROOM_SHARED)");
        return;
    };
    let index_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-index");
    if SearchService::open_read_only(&index_dir).is_err() {
        pressroom_index::build(&index_dir, &domain_sources(&shared), &Default::default(), &mut |_| {})
            .expect("index builds");
    }
    let service = SearchService::open_read_only(&index_dir).expect("index opens");
    let mut criterion = Criterion::default()
        .configure_from_args()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));

    let cases = [
        ("term", "q=trafficking&facets="),
        ("and", "q=asylum%20seekers%20boats&facets="),
        ("or", "q=trafficking%20OR%20smuggling&facets="),
        ("phrase", "q=%22people%20smuggling%22&facets="),
        ("fuzzy", "q=traficking&expand=false&facets="),
        ("prefix", "q=people%20smugg&prefix=true&facets="),
        (
            "filtered_browse",
            "region=Oceania&topic=/Migration&facets=region,topic,org",
        ),
        (
            "all_facets",
            "q=refugees&facets=region,country,mentioned,topic,org,lang,source,year",
        ),
        ("date_sort", "q=refugees&sort=date_desc&facets="),
        ("deep_page", "q=refugees&offset=5000&limit=10&facets="),
    ];
    let mut group = criterion.benchmark_group("query");
    for (name, query) in cases {
        let request = SearchRequest::from_query_string(query).expect("valid request");
        group.bench_function(name, |bench| {
            bench.iter(|| black_box(service.search(&request).expect("searches")))
        });
    }
    group.finish();

    // Enrichment and indexing throughput on the ReliefWeb reports (1,386, multilingual).
    let mut records = Vec::new();
    pressroom_ingest::read_sources(&[shared.join("corpus/reliefweb")], None, &mut |item| {
        if let Ok(record) = item {
            records.push(record);
        }
    })
    .expect("reads");
    let bytes: u64 = records.iter().map(|r| (r.title.len() + r.body.len()) as u64).sum();
    let enricher = pressroom_enrich::Enricher::new().expect("tables");
    let mut group = criterion.benchmark_group("throughput");
    group.sample_size(10).throughput(Throughput::Bytes(bytes));
    group.bench_function("enrich_reliefweb", |bench| {
        bench.iter(|| {
            for record in &records {
                black_box(enricher.enrich(record));
            }
        })
    });
    group.bench_function("index_reliefweb", |bench| {
        bench.iter(|| {
            let dir = tempfile::tempdir().expect("temporary folder");
            pressroom_index::build(
                dir.path(),
                &[shared.join("corpus/reliefweb")],
                &Default::default(),
                &mut |_| {},
            )
            .expect("builds")
        })
    });
    group.finish();
    criterion.final_summary();
}
