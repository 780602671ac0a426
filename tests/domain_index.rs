//! The whole domain corpus (seed + Trove + ReliefWeb + Reuters, ≈37k records) indexed and
//! searched, as the foundation issue asks.

mod common;

use std::path::Path;
use std::sync::{Arc, OnceLock};

use pressroom_query::{SearchRequest, SearchService};

/// The domain index, built once for the tests of this file: its folder and build report.
fn domain_index(
    shared: &Path,
) -> &'static (
    tempfile::TempDir,
    pressroom_index::BuildReport,
    Vec<pressroom_ingest::Problem>,
) {
    static INDEX: OnceLock<(
        tempfile::TempDir,
        pressroom_index::BuildReport,
        Vec<pressroom_ingest::Problem>,
    )> = OnceLock::new();
    INDEX.get_or_init(|| {
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
        (dir, report, problems)
    })
}

#[test]
fn domain_corpus_is_indexed_whole_and_searchable() {
    let shared = shared_or_skip!();
    let (dir, report, problems) = domain_index(&shared);
    eprintln!(
        "indexed {} in {:.1} s, {:.1} MB; skipped {:?}",
        report.indexed,
        report.elapsed.as_secs_f64(),
        report.index_bytes as f64 / 1e6,
        report.read.skipped
    );
    // 1 + 14,145 + 1,386 + 21,578 records; 7 Trove records are blank pages and Reuters 12793
    // has neither title nor text.
    assert_eq!(
        report.indexed + report.read.skipped_total(),
        1 + 14_145 + 1_386 + 21_578
    );
    assert_eq!(report.indexed, 37_102);
    assert!(
        problems.iter().all(|p| p.kind == pressroom_ingest::ProblemKind::Empty),
        "{problems:?}"
    );
    assert_eq!(report.duplicates_replaced, 0);

    let service = SearchService::open_read_only(dir.path()).expect("opens");
    assert_eq!(service.num_documents(), 37_102);

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
    assert!(sources.contains(&("trove".to_string(), 14_138)), "{sources:?}");
    assert!(sources.contains(&("reliefweb".to_string(), 1_386)), "{sources:?}");

    search_features_hold_on_the_domain_corpus(&service);
}

/// Issue 4's features on real data: typos, cross-lingual expansion, stemming, disjunctive
/// facets, facet value search and similar releases.
fn search_features_hold_on_the_domain_corpus(service: &SearchService) {
    let search = |query: &str| {
        service
            .search(&SearchRequest::from_query_string(query).expect("valid"))
            .expect("searches")
    };
    let ids = |response: &pressroom_query::SearchResponse| -> Vec<String> {
        response.hits.iter().map(|hit| hit.id.clone()).collect()
    };
    // `asylum seekrs` finds what `asylum seekers` finds (Trove uses the phrase thousands of times).
    let right = search("q=asylum%20seekers&facets=");
    let typo = search("q=asylum%20seekrs&facets=");
    assert!(right.total > 1_000);
    let shared = ids(&typo).iter().filter(|id| ids(&right).contains(id)).count();
    assert!(shared >= 8, "{:?} vs {:?}", ids(&typo), ids(&right));
    // The same three releases on top (a typo's candidates weigh a little differently, so two of
    // them may swap).
    let top = |response: &pressroom_query::SearchResponse| -> std::collections::BTreeSet<String> {
        ids(response).into_iter().take(3).collect()
    };
    assert_eq!(top(&typo), top(&right));
    // An English query reaches Spanish and French ReliefWeb reports through the expansion table.
    let expanded = search("q=human%20trafficking&limit=0&facets=lang");
    let plain = search("q=human%20trafficking&expand=false&limit=0&facets=lang");
    let count = |response: &pressroom_query::SearchResponse, lang: &str| {
        response.facets["lang"]
            .values
            .iter()
            .find(|v| v.value == lang)
            .map_or(0, |v| v.count)
    };
    assert!(
        count(&expanded, "es") > count(&plain, "es"),
        "expansion adds Spanish releases"
    );
    assert!(
        count(&expanded, "fr") > count(&plain, "fr"),
        "expansion adds French releases"
    );
    // An expansion to a word the index holds little of (Spanish `niño` for `children`) does
    // not outrank the typed word by its rarity: the El Niño climate bulletins, which match only
    // through `niño`, stay out of the first page of a common English word.
    let children = search("q=children&facets=");
    let nino: Vec<String> = ids(&children)
        .into_iter()
        .filter(|id| ["reliefweb:2379604", "reliefweb:2379609", "reliefweb:2379619"].contains(&id.as_str()))
        .collect();
    assert!(
        nino.is_empty(),
        "El Niño bulletins on the first page of `children`: {nino:?}"
    );
    // Stemming: `refugee` (singular) finds the releases that say `refugees` (all but those in
    // a language tantivy does not stem, or undetected).
    let singular = search("q=refugee&expand=false&typo=false&limit=0&facets=");
    let plural = search("q=refugees&expand=false&typo=false&limit=0&facets=");
    assert!(
        singular.total * 100 >= plural.total * 99,
        "{} vs {}",
        singular.total,
        plural.total
    );
    // Multi-select: with Oceania ticked, the region facet still counts Asia in full.
    let browse = search("q=refugees&limit=0&facets=region");
    let oceania = search("q=refugees&region=Oceania&limit=0&facets=region");
    let asia = |response: &pressroom_query::SearchResponse| {
        response.facets["region"]
            .values
            .iter()
            .find(|v| v.value == "Asia")
            .map(|v| v.count)
    };
    assert!(asia(&browse).is_some() && asia(&browse) == asia(&oceania));
    // Facet value search and similar releases.
    let orgs = service
        .facet_values(
            &pressroom_query::FacetValueRequest::from_query_string("org", "q=unh&query=refugees").expect("valid"),
        )
        .expect("facet values");
    assert_eq!(orgs.values.first().map(|v| v.value.as_str()), Some("UNHCR"));
    let similar = service.similar("seed:000_da6cd36295dcc9e9", 10, &[]).expect("similar");
    assert_eq!(similar.hits.len(), 10);
    assert!(similar.hits.iter().all(|hit| hit.id != "seed:000_da6cd36295dcc9e9"));
    // The seed is about trafficking: three of the five closest releases at least speak of it (read
    // in their text, not their topic labels, which are the extractor's judgement).
    let about_trafficking = |id: &str| {
        let document = service.document(id).expect("similar hit is stored");
        let text = format!("{} {}", document.title, document.body).to_lowercase();
        ["traffick", "trata de", "traite des"]
            .iter()
            .any(|word| text.contains(word))
    };
    assert!(
        similar
            .hits
            .iter()
            .take(5)
            .filter(|hit| about_trafficking(&hit.id))
            .count()
            >= 3,
        "{:?}",
        similar.hits.iter().map(|h| (&h.id, &h.topics)).collect::<Vec<_>>()
    );
}

/// The corpus sweep on a sample (every 20th release, in index order): the rarest word of
/// its title and the rarest of its body, each searched with `fragments=10&limit=100` over
/// the HTTP router; no answer may be a 5xx. `scripts/sweep.py` does every release of the
/// corpus against a running server.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sample_of_the_corpus_searched_by_its_rarest_words_never_fails() {
    use axum::body::Body;
    use http_body_util::BodyExt;
    use tantivy::schema::Value as _;
    use tower::ServiceExt;

    let shared = shared_or_skip!();
    let (dir, _, _) = domain_index(&shared);
    let (index, fields) = pressroom_index::open_index(dir.path()).expect("opens");
    let searcher = index.reader().expect("reader").searcher();
    let mut analyzer = index
        .tokenizers()
        .get(pressroom_index::schema::TEXT_ANALYZER)
        .expect("analyzer");
    let mut queries = Vec::new();
    for (ordinal, segment) in searcher.segment_readers().iter().enumerate() {
        for doc in (0..segment.max_doc()).step_by(20) {
            let address = tantivy::DocAddress::new(ordinal as u32, doc);
            let stored: tantivy::TantivyDocument = searcher.doc(address).expect("stored");
            for field in [fields.title, fields.body] {
                let text = stored
                    .get_first(field)
                    .and_then(|value| value.as_str())
                    .unwrap_or_default();
                let mut rarest: Option<(u64, String)> = None;
                let mut stream = analyzer.token_stream(text);
                while let Some(token) = stream.next() {
                    let frequency = searcher
                        .doc_freq(&tantivy::Term::from_field_text(field, &token.text))
                        .expect("frequency");
                    if rarest.as_ref().is_none_or(|(lowest, _)| frequency < *lowest) {
                        rarest = Some((frequency, token.text.clone()));
                    }
                }
                if let Some((_, word)) = rarest {
                    queries.push(word);
                }
            }
        }
    }
    assert!(queries.len() > 3_000, "{} queries", queries.len());
    let app = pressroom_query::http::app(Arc::new(SearchService::open_read_only(dir.path()).expect("opens")));
    let started = std::time::Instant::now();
    let mut failures = Vec::new();
    for word in &queries {
        let uri = format!(
            "/api/search?q={}&fragments=10&limit=100&facets=",
            form_urlencoded::byte_serialize(word.as_bytes()).collect::<String>()
        );
        let request = axum::http::Request::get(&uri).body(Body::empty()).expect("request");
        let response = app.clone().oneshot(request).await.expect("answered");
        let status = response.status();
        let bytes = response.into_body().collect().await.expect("body").to_bytes();
        if status.is_server_error() || serde_json::from_slice::<serde_json::Value>(&bytes).is_err() {
            failures.push(format!("{word}: {status} {}", String::from_utf8_lossy(&bytes)));
        }
    }
    eprintln!(
        "sweep: {} queries in {:.1} s, {} failed",
        queries.len(),
        started.elapsed().as_secs_f64(),
        failures.len()
    );
    assert!(failures.is_empty(), "{failures:#?}");
}

/// nDCG@10 per tag on the pooled judged set (`tests/data/relevance/`: 233 queries, 3,200+
/// graded pairs) must not fall under these floors; `benches/relevance/eval.py` prints the
/// figures beside the other systems'. Unjudged hits count 0, as in the script.
// Measured 2026-12-05 with the 32 common-word and phrase queries added and expansions weighed
// by their rarity (all queries, both splits): all 0.931, boolean 0.928, common 0.932, long
// 0.869, multilingual-es 0.961, multilingual-fr 0.977, phrase 0.932, question 0.797, rare 0.985,
// term 0.960, typo 0.907.
// 2026-12-04, once Trove releases have their real headlines as titles (201 queries): all
// 0.929, boolean 0.929, common 0.925, long 0.869, multilingual-es 0.961,
// multilingual-fr 0.977, phrase 0.923, question 0.798, rare 0.985, term 0.962, typo 0.909
// (2026-12-03, letterheads as titles: 0.931, 0.942, 0.910, 0.875, 0.961, 0.980, 0.935, 0.796,
// 0.987, 0.960, 0.908).
const RELEVANCE_FLOORS: [(&str, f64); 11] = [
    ("all", 0.90),
    ("boolean", 0.91),
    ("common", 0.88),
    ("long", 0.84),
    ("multilingual-es", 0.93),
    ("multilingual-fr", 0.95),
    ("phrase", 0.90),
    ("question", 0.76),
    ("rare", 0.95),
    ("term", 0.93),
    ("typo", 0.87),
];

#[test]
fn judged_relevance_holds_its_floor_on_every_tag() {
    let shared = shared_or_skip!();
    let (dir, _, _) = domain_index(&shared);
    let service = SearchService::open_read_only(dir.path()).expect("opens");
    let data = common::repo_root().join("tests/data/relevance");
    let read = |name: &str| -> Vec<serde_json::Value> {
        std::fs::read_to_string(data.join(name))
            .expect("readable")
            .lines()
            .filter(|line| !line.trim().is_empty())
            .map(|line| serde_json::from_str(line).expect("JSON"))
            .collect()
    };
    // A pair's grade: its "final" line, else the mean of its judges' grades rounded down.
    let mut judged: std::collections::HashMap<(String, String), (Option<u64>, Vec<u64>)> = Default::default();
    for line in read("qrels.jsonl") {
        let key = (
            line["qid"].as_str().unwrap_or_default().to_string(),
            line["doc"].as_str().unwrap_or_default().to_string(),
        );
        let grade = line["grade"].as_u64().unwrap_or(0);
        let entry = judged.entry(key).or_default();
        if line["judge"] == "final" {
            entry.0 = Some(grade);
        } else {
            entry.1.push(grade);
        }
    }
    let grade = |qid: &str, doc: &str| -> u64 {
        judged
            .get(&(qid.to_string(), doc.to_string()))
            .map_or(0, |(last, grades)| {
                last.unwrap_or_else(|| grades.iter().sum::<u64>() / grades.len().max(1) as u64)
            })
    };
    let mut by_tag: std::collections::BTreeMap<String, Vec<f64>> = Default::default();
    for query in read("queries.jsonl") {
        let qid = query["qid"].as_str().unwrap_or_default();
        let mut ideal: Vec<u64> = judged
            .keys()
            .filter(|(judged_qid, _)| judged_qid == qid)
            .map(|(_, doc)| grade(qid, doc))
            .collect();
        ideal.sort_unstable_by(|a, b| b.cmp(a));
        if ideal.first().is_none_or(|best| *best == 0) {
            continue;
        }
        let dcg = |gains: &[u64]| -> f64 {
            gains
                .iter()
                .take(10)
                .enumerate()
                .map(|(rank, gain)| *gain as f64 / (rank as f64 + 2.0).log2())
                .sum()
        };
        let request = SearchRequest {
            q: query["q"].as_str().unwrap_or_default().to_string(),
            fragments: 0,
            facets: Vec::new(),
            ..SearchRequest::default()
        };
        let hits = service.search(&request).map(|found| found.hits).unwrap_or_default();
        let gains: Vec<u64> = hits.iter().map(|hit| grade(qid, &hit.id)).collect();
        let ndcg = dcg(&gains) / dcg(&ideal);
        let tags = query["tags"].as_array().cloned().unwrap_or_default();
        for tag in tags.iter().filter_map(|tag| tag.as_str()).chain(["all"]) {
            by_tag.entry(tag.to_string()).or_default().push(ndcg);
        }
    }
    let mut report = Vec::new();
    for (tag, floor) in RELEVANCE_FLOORS {
        let scores = &by_tag[tag];
        let mean = scores.iter().sum::<f64>() / scores.len() as f64;
        report.push(format!("{tag} {mean:.3} (floor {floor}, {} queries)", scores.len()));
        assert!(
            mean >= floor,
            "nDCG@10 on {tag}: {mean:.3} under its floor {floor}\n{}",
            report.join("\n")
        );
    }
    eprintln!("{}", report.join("\n"));
}
