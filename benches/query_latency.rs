//! In-process query latency on the domain corpus, and enrichment throughput.
//!
//! `cargo bench --bench query_latency`. Builds (once) an index of seed + Trove + ReliefWeb +
//! Reuters under `target/bench-index`, replays `queries/domain-dev.jsonl` from the shared
//! data with all facets, and prints p50/p90/p99 per tag. Skipped when the shared data is
//! absent (`PRESSROOM_SHARED`, default `../shared`).

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use pressroom_query::{SearchRequest, SearchService};

const ROUNDS: usize = 5;

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let shared = std::env::var_os("PRESSROOM_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("../shared"));
    if !shared.join("corpus").is_dir() {
        println!(
            "skipped: shared data not found at {} (set PRESSROOM_SHARED)",
            shared.display()
        );
        return;
    }
    let corpus = shared.join("corpus");
    let sources: Vec<PathBuf> = ["seed", "trove-refugees", "reliefweb", "reuters21578"]
        .iter()
        .map(|name| corpus.join(name))
        .collect();

    enrichment_throughput(&sources);

    let index_dir = root.join("target/bench-index");
    // Rebuilt when missing, asked for, or made with an older schema.
    if pressroom_index::current_generation(&index_dir).is_none()
        || std::env::var_os("PRESSROOM_BENCH_REBUILD").is_some()
        || SearchService::open_read_only(&index_dir).is_err()
    {
        let report =
            pressroom_index::build(&index_dir, &sources, &Default::default(), &mut |_| {}).expect("index builds");
        println!(
            "indexing: {} documents in {:.1} s ({:.1} MB index)",
            report.indexed,
            report.elapsed.as_secs_f64(),
            report.index_bytes as f64 / 1e6
        );
    }
    let service = SearchService::open_read_only(&index_dir).expect("index opens");

    let workload = std::fs::read_to_string(shared.join("queries/domain-dev.jsonl")).expect("domain-dev.jsonl");
    let mut requests = Vec::new();
    for line in workload.lines().filter(|line| !line.trim().is_empty()) {
        let value: serde_json::Value = serde_json::from_str(line).expect("query line");
        let mut object = value["filters"].as_object().cloned().unwrap_or_default();
        object.insert("q".into(), value["q"].clone());
        object.insert("facets".into(), "region,country,topic,org,lang,year".into());
        let tags: Vec<String> = value["tags"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|t| t.as_str().map(str::to_string))
            .collect();
        match SearchRequest::from_json(serde_json::Value::Object(object).to_string().as_bytes()) {
            Ok(request) => requests.push((request, tags)),
            Err(error) => println!("rejected query {line}: {error}"),
        }
    }
    for (request, _) in &requests {
        let _ = service.search(request);
    }
    let mut by_tag: BTreeMap<String, Vec<Duration>> = BTreeMap::new();
    for _ in 0..ROUNDS {
        for (request, tags) in &requests {
            let started = Instant::now();
            let _ = service.search(request);
            let elapsed = started.elapsed();
            by_tag.entry("all".into()).or_default().push(elapsed);
            for tag in tags {
                by_tag.entry(tag.clone()).or_default().push(elapsed);
            }
        }
    }
    println!(
        "in-process search, all facets, {} queries x {ROUNDS} rounds",
        requests.len()
    );
    println!(
        "{:<18} {:>7} {:>9} {:>9} {:>9}",
        "tag", "count", "p50 µs", "p90 µs", "p99 µs"
    );
    for (tag, mut latencies) in by_tag {
        latencies.sort();
        let percentile = |p: f64| latencies[((latencies.len() as f64 - 1.0) * p).round() as usize].as_micros();
        println!(
            "{tag:<18} {:>7} {:>9} {:>9} {:>9}",
            latencies.len(),
            percentile(0.5),
            percentile(0.9),
            percentile(0.99)
        );
    }
}

fn enrichment_throughput(sources: &[PathBuf]) {
    let mut records = Vec::new();
    pressroom_ingest::read_sources(sources, None, &mut |item| {
        if let Ok(record) = item {
            records.push(record);
        }
    })
    .expect("sources read");
    let enricher = pressroom_enrich::Enricher::new().expect("tables load");
    let bytes: usize = records.iter().map(|r| r.title.len() + r.body.len()).sum();
    let started = Instant::now();
    let mut facets = 0usize;
    for record in &records {
        facets += enricher.enrich(record).mentioned_countries.len();
    }
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "enrichment: {} records, {:.1} MB in {:.2} s on one core = {:.1} MB/s ({facets} country mentions)",
        records.len(),
        bytes as f64 / 1e6,
        seconds,
        bytes as f64 / 1e6 / seconds
    );
}
