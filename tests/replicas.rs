//! Replicas on a real NATS JetStream cluster (three `nats-server`s on loopback): publishing,
//! two replicas that converge, writes through either, a rebuild from the log, a restart that
//! resumes, a retried publish stored once, and a sample of the domain corpus counted alike. Skipped (with the reason printed) where
//! `nats-server` is not installed; CI installs it and sets PRESSROOM_REQUIRE_NATS=1.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::Duration;

use common::nats::Cluster;
use common::wire::{eventually, get, request};
use pressroom_index::Change;
use pressroom_replica::{Log, LogSettings};
use serde_json::Value;

const KEY: &str = common::WRITE_KEY;

fn pressroom() -> Command {
    Command::new(env!("CARGO_BIN_EXE_pressroom"))
}

fn publish(urls: &str, sources: &[PathBuf]) -> Output {
    pressroom()
        .args(["publish", "--nats", urls, "--log-replicas", "3"])
        .args(sources)
        .output()
        .expect("pressroom publish runs")
}

struct Replica {
    /// The running process; `None` while stopped.
    child: Option<Child>,
    port: u16,
    index: PathBuf,
    urls: String,
    log: PathBuf,
}

impl Replica {
    fn start(index: &Path, urls: &str) -> Replica {
        let log = index.with_extension("log");
        let mut replica = Replica {
            child: None,
            port: common::wire::free_port(),
            index: index.to_path_buf(),
            urls: urls.to_string(),
            log,
        };
        replica.restart();
        replica
    }

    fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    fn restart(&mut self) {
        self.stop();
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&self.log)
            .expect("a log file");
        self.child = Some(
            pressroom()
                .args(["serve", "--addr", &format!("127.0.0.1:{}", self.port), "--index"])
                .arg(&self.index)
                .args(["--follow", &self.urls])
                .env("PRESSROOM_API_KEY", KEY)
                .stdout(Stdio::null())
                .stderr(log)
                .spawn()
                .expect("a replica starts"),
        );
        let ready = eventually(Duration::from_secs(90), || {
            get(self.port, "/ready").is_some_and(|(status, _)| status == 200)
        });
        assert!(
            ready,
            "the replica on {} never got ready; log: {}",
            self.port,
            self.log_text()
        );
    }

    fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    fn search(&self, query: &str) -> Value {
        let (status, body) = get(self.port, &format!("/api/search?{query}")).expect("the replica answers");
        assert_eq!(status, 200, "{query}: {body}");
        body
    }

    fn status_of(&self, id: &str) -> u16 {
        get(self.port, &format!("/api/documents/{id}")).map_or(0, |(status, _)| status)
    }

    fn ready(&self) -> Value {
        get(self.port, "/ready").expect("answers").1
    }
}

impl Drop for Replica {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Searches whose totals and facet counts every copy of the documents must give alike.
const QUERIES: &[&str] = &[
    "q=trafficking&facets=region,country,topic,org,main_org,lang,source,year",
    "q=refugees&facets=region,topic,org",
    "q=&facets=region,country,mentioned,topic,org,main_org,lang,source,year&facet_limit=50",
    "q=migrants&region=Africa&facets=country,topic",
    "q=%22human%20trafficking%22&facets=lang",
    "q=migrantes&facets=lang,region",
];

/// Total and facets: what replicas must agree on (hit order may differ in ties).
fn agreed(response: &Value) -> Value {
    serde_json::json!({"total": response["total"], "facets": response["facets"]})
}

/// Where two responses differ, one JSON path and both values per line: a failure names what
/// differs instead of printing two whole responses.
fn differences(left: &Value, right: &Value) -> String {
    fn walk(path: &str, left: &Value, right: &Value, out: &mut Vec<String>) {
        match (left, right) {
            (Value::Object(a), Value::Object(b)) => {
                let keys: std::collections::BTreeSet<&String> = a.keys().chain(b.keys()).collect();
                for key in keys {
                    let (x, y) = (a.get(key).unwrap_or(&Value::Null), b.get(key).unwrap_or(&Value::Null));
                    walk(&format!("{path}.{key}"), x, y, out);
                }
            }
            (Value::Array(a), Value::Array(b)) if a.len() == b.len() => {
                for (index, (x, y)) in a.iter().zip(b).enumerate() {
                    walk(&format!("{path}[{index}]"), x, y, out);
                }
            }
            _ if left != right => out.push(format!("{path}: {left} vs {right}")),
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk("", left, right, &mut out);
    out.join("\n")
}

/// Asserts that two responses agree on total and facets, naming what differs if not.
fn assert_agreed(left: &Value, right: &Value, context: &str) {
    let (left, right) = (agreed(left), agreed(right));
    assert!(left == right, "{context}:\n{}", differences(&left, &right));
}

#[test]
fn replicas_converge_take_writes_through_either_and_keep_them_across_a_rebuild_and_a_restart() {
    nats_or_skip!();
    let cluster = Cluster::start(3);
    let urls = cluster.urls();
    let corpus = common::repo_root().join("corpus");
    let published = publish(&urls, std::slice::from_ref(&corpus));
    let stdout = String::from_utf8_lossy(&published.stdout);
    assert!(
        published.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&published.stderr)
    );
    assert!(
        stdout.contains(&format!("published {} to the log", common::CORPUS_DOCUMENTS)),
        "{stdout}"
    );

    let dir = tempfile::tempdir().expect("a temporary folder");
    let a = Replica::start(&dir.path().join("a"), &urls);
    let mut b = Replica::start(&dir.path().join("b"), &urls);
    // A single node's index of the same corpus: the replicas must hold what it holds.
    let single = common::corpus_index(&dir.path().join("single"));
    for query in QUERIES {
        let (from_a, from_b) = (a.search(query), b.search(query));
        assert_agreed(&from_a, &from_b, query);
        let request = pressroom_query::SearchRequest::from_query_string(query).expect("a valid query");
        let direct = serde_json::to_value(single.search(&request).expect("searches")).expect("JSON");
        assert_agreed(&from_a, &direct, &format!("{query}: replica vs single node"));
    }
    assert_eq!(a.search("q=")["total"], Value::from(common::CORPUS_DOCUMENTS));

    // A write through A, answered once A serves it; B follows.
    let release = r#"{"id": "api:replicated-1", "title": "Smuggling ring dismantled in Niger", "body": "NIAMEY, Niger - Police in Niger dismantled a migrant smuggling ring, the International Organization for Migration said."}"#;
    let (status, body) =
        request(a.port, "POST", "/api/documents?wait=visible", Some(KEY), Some(release)).expect("A answers");
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["visible"], Value::Bool(true), "{body}");
    assert!(body["sequence"].as_u64() > Some(common::CORPUS_DOCUMENTS - 1), "{body}");
    assert_eq!(a.status_of("api:replicated-1"), 200);
    assert!(eventually(Duration::from_secs(10), || b.status_of("api:replicated-1") == 200));

    // A delete through B of a document A holds too.
    let victim = "corpus:en-001-costa-rica-trafficking-network";
    assert_eq!(a.status_of(victim), 200, "the corpus holds {victim}");
    let (status, body) = request(
        b.port,
        "DELETE",
        &format!("/api/documents/{victim}?wait=visible"),
        Some(KEY),
        None,
    )
    .expect("B answers");
    assert_eq!((status, &body["deleted"]), (200, &Value::from(1)), "{body}");
    assert_eq!(b.status_of(victim), 404);
    assert!(eventually(Duration::from_secs(10), || a.status_of(victim) == 404));

    // A rebuild of A from the log (enriched again) is switched in while A serves; the API's
    // write and delete keep their state.
    let generation = a.ready()["generation"].clone();
    let rebuilt = pressroom()
        .args(["index", "--from-log", &urls, "--index"])
        .arg(&a.index)
        .output()
        .expect("a rebuild runs");
    assert!(rebuilt.status.success(), "{}", String::from_utf8_lossy(&rebuilt.stderr));
    assert!(eventually(Duration::from_secs(10), || {
        get(a.port, "/ready").is_some_and(|(status, body)| status == 200 && body["generation"] != generation)
    }));
    assert_eq!(a.status_of("api:replicated-1"), 200);
    assert_eq!(a.status_of(victim), 404);

    // B, stopped while a write goes in, resumes from its sequence and catches up.
    b.stop();
    let late = r#"{"id": "api:replicated-2", "title": "Shelter for families displaced by floods", "body": "Families displaced by floods received shelter kits."}"#;
    let (status, body) =
        request(a.port, "POST", "/api/documents?wait=visible", Some(KEY), Some(late)).expect("A answers");
    assert_eq!(status, 200, "{body}");
    b.restart();
    assert!(eventually(Duration::from_secs(10), || b.status_of("api:replicated-2") == 200));
    // It resumed after what its index holds: the last "following … from sequence N" of its
    // log starts past the corpus and the first write, not at 1.
    let log = b.log_text();
    let resumed_from: u64 = log
        .rsplit("following the document log from sequence ")
        .next()
        .and_then(|rest| rest.split(|c: char| !c.is_ascii_digit()).next())
        .and_then(|digits| digits.parse().ok())
        .expect("B logs where it follows from");
    assert!(
        resumed_from > common::CORPUS_DOCUMENTS,
        "B read the log again from {resumed_from}: {log}"
    );
    assert_eq!(log.matches("a new replica").count(), 1, "{log}");
    for query in QUERIES {
        assert_agreed(
            &a.search(query),
            &b.search(query),
            &format!("{query} after the rebuild and restart"),
        );
    }
    assert_eq!(a.ready()["lag"], Value::from(0));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_publish_retried_with_its_message_id_is_stored_once_and_oversized_records_are_named() {
    nats_or_skip!();
    let cluster = Cluster::start(1);
    let log = Log::connect(&LogSettings {
        urls: cluster.urls(),
        replicas: 1,
        create: true,
    })
    .await
    .expect("connects and creates the stream");
    let record: pressroom_ingest::Record =
        serde_json::from_str(r#"{"id": "api:retried", "source": "api", "title": "A release", "body": "Text."}"#)
            .expect("a record");
    let change = Change::Upsert {
        record: Box::new(record.clone()),
        enrichment: None,
    };
    let message = log.message(&change).expect("a message");
    // The first publish's acknowledgement was lost (say): the retry carries the same id.
    let first = log.publish_message(message.clone()).await.expect("stored");
    let retried = log.publish_message(message).await.expect("acknowledged");
    assert_eq!(first, retried, "the retry is the same message");
    assert_eq!(log.last_sequence().await.expect("stream info"), (first, 1));
    // A new write of the same document is a new message, and replaces the old one.
    let newer = log.publish(vec![change.clone()]).await.expect("stored");
    assert!(newer > first);
    assert_eq!(log.last_sequence().await.expect("stream info"), (newer, 1));

    let mut huge = record;
    huge.id = "api:huge".to_string();
    huge.body = "word ".repeat(400_000);
    let refused = log.message(&Change::Upsert {
        record: Box::new(huge),
        enrichment: None,
    });
    match refused {
        Err(pressroom_replica::ReplicaError::TooLarge { id, bytes, max }) => {
            assert_eq!(id, "api:huge");
            assert!(bytes > max);
        }
        other => panic!("expected TooLarge, got {:?}", other.map(|message| message.id)),
    }
}

/// The domain-dev queries as query strings with every facet.
fn domain_queries(shared: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(shared.join("queries/domain-dev.jsonl")).expect("domain-dev.jsonl");
    text.lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            let item: Value = serde_json::from_str(line).expect("a query line");
            let mut pairs = form_urlencoded::Serializer::new(String::new());
            pairs.append_pair("q", item["q"].as_str().unwrap_or_default());
            pairs.append_pair("facets", "region,country,mentioned,topic,org,main_org,lang,source,year");
            if let Some(filters) = item["filters"].as_object() {
                for (key, value) in filters {
                    let value = match value {
                        Value::Array(values) => values.iter().filter_map(Value::as_str).collect::<Vec<_>>().join(","),
                        Value::String(value) => value.clone(),
                        other => other.to_string(),
                    };
                    pairs.append_pair(key, &value);
                }
            }
            pairs.finish()
        })
        .collect()
}

#[test]
fn a_sample_of_the_domain_corpus_gives_both_replicas_and_a_single_node_the_same_counts() {
    nats_or_skip!();
    let shared = shared_or_skip!();
    let sources = vec![
        shared.join("corpus/seed"),
        shared.join("corpus/reliefweb/report_language-1k.csv"),
    ];
    let cluster = Cluster::start(3);
    let urls = cluster.urls();
    let published = publish(&urls, &sources);
    assert!(
        published.status.success(),
        "{}",
        String::from_utf8_lossy(&published.stderr)
    );
    let dir = tempfile::tempdir().expect("a temporary folder");
    let a = Replica::start(&dir.path().join("a"), &urls);
    let b = Replica::start(&dir.path().join("b"), &urls);
    let single = common::build_and_open(&dir.path().join("single"), &sources);
    let queries = domain_queries(&shared);
    assert!(queries.len() >= 100, "{} queries", queries.len());
    let mut matched = 0;
    for query in &queries {
        let (from_a, from_b) = (a.search(query), b.search(query));
        assert_agreed(&from_a, &from_b, query);
        let request = pressroom_query::SearchRequest::from_query_string(query).expect("a valid query");
        let direct = serde_json::to_value(single.search(&request).expect("searches")).expect("JSON");
        assert_agreed(&from_a, &direct, &format!("{query}: replica vs single node"));
        matched += usize::from(from_a["total"].as_u64() > Some(0));
    }
    eprintln!(
        "{} domain-dev queries agree on both replicas and a single node ({matched} with results)",
        queries.len()
    );
    assert!(matched >= 20, "only {matched} queries found anything in the sample");
}
