//! The `pressroom` binary as a user runs it.

mod common;

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

fn pressroom() -> Command {
    Command::new(env!("CARGO_BIN_EXE_pressroom"))
}

/// `pressroom index --index INDEX SOURCE`.
fn index_into(index: &Path, source: impl AsRef<Path>) -> Output {
    pressroom()
        .arg("index")
        .arg("--index")
        .arg(index)
        .arg(source.as_ref())
        .output()
        .expect("runs")
}

#[test]
fn index_then_search_the_sample_corpus() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let index = dir.path().join("index");
    let corpus = common::repo_root().join("corpus");
    let output = index_into(&index, &corpus);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        stdout.contains(&format!("indexed {} documents", common::CORPUS_DOCUMENTS)),
        "{stdout}"
    );
    assert!(stdout.contains("skipped: none"), "{stdout}");
    assert!(index.join("CURRENT").is_file());

    let output = pressroom()
        .args(["search", "--json", "--limit", "3", "--lang", "es", "trata"])
        .arg("--index")
        .arg(&index)
        .output()
        .expect("runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let response: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert!(response["total"].as_u64().unwrap_or(0) >= 1, "{response}");
    assert!(response["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .all(|hit| hit["lang"] == "es"));

    // A second build replaces the first atomically; the old generation stays for readers.
    let first = std::fs::read_to_string(index.join("CURRENT")).expect("CURRENT");
    let output = index_into(&index, &corpus);
    assert!(output.status.success());
    let second = std::fs::read_to_string(index.join("CURRENT")).expect("CURRENT");
    assert_ne!(first, second);
    assert!(index.join(first.trim()).is_dir(), "previous generation kept");
}

#[test]
fn a_failed_build_leaves_the_served_index_alone() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let index = dir.path().join("index");
    let corpus = common::repo_root().join("corpus");
    assert!(index_into(&index, &corpus).status.success());
    let before = std::fs::read_to_string(index.join("CURRENT")).expect("CURRENT");
    let output = index_into(&index, dir.path().join("missing"));
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("no such file or folder"), "{stderr}");
    assert_eq!(std::fs::read_to_string(index.join("CURRENT")).expect("CURRENT"), before);
    let leftovers: Vec<_> = std::fs::read_dir(&index)
        .expect("index folder")
        .flatten()
        .filter(|entry| entry.file_name().to_string_lossy().ends_with(".partial"))
        .collect();
    assert!(leftovers.is_empty(), "partial build left behind");
}

#[test]
fn extract_prints_one_json_line_per_record() {
    let shared = shared_or_skip!();
    let output = pressroom()
        .arg("extract")
        .arg(shared.join("corpus/seed"))
        .output()
        .expect("runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let stdout = String::from_utf8_lossy(&output.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 1);
    let record: Value = serde_json::from_str(lines[0]).expect("JSON line");
    assert_eq!(record["id"], "seed:000_da6cd36295dcc9e9");
    assert_eq!(
        record["title"],
        "Central American Women Unite to Fight Trafficking of Women"
    );
    assert_eq!(record["lang"], "en");
    assert_eq!(record["main_countries"], serde_json::json!(["CRI"]));
    for field in ["mentioned_countries", "regions", "organizations", "topics"] {
        assert!(record[field].is_array(), "{field} missing");
    }
}

/// A collection big enough that building it takes a few seconds.
fn synthetic_collection(path: &Path, records: usize) {
    let mut text = String::new();
    let places = [
        "Costa Rica",
        "Nigeria",
        "Bangladesh",
        "Greece",
        "Peru",
        "Kenya",
        "Nepal",
        "Mali",
    ];
    for number in 0..records {
        let place = places[number % places.len()];
        text.push_str(&format!(
            "{{\"id\": \"synthetic:{number}\", \"title\": \"{place}: release number {number}\", \"body\": \"Officials in {place} met aid agencies on day {number} to discuss shelter, health care and protection for displaced families and migrants. The meeting agreed on a plan for {number} households.\"}}\n"
        ));
    }
    std::fs::write(path, text).expect("collection written");
}

fn generations(index: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(index)
        .expect("index folder")
        .flatten()
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with("gen-"))
        .collect();
    names.sort();
    names
}

/// Starts `command` (output discarded), SIGKILLs it after `delay_ms` and reaps it; whether it
/// was still running when killed.
fn kill_after(command: &mut Command, delay_ms: u64) -> bool {
    let mut child = command
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("starts");
    std::thread::sleep(std::time::Duration::from_millis(delay_ms));
    let still_running = child.try_wait().expect("status").is_none();
    child.kill().expect("SIGKILL");
    child.wait().expect("reaped");
    still_running
}

#[test]
fn a_build_or_update_killed_at_any_point_leaves_a_consistent_index() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let index = dir.path().join("index");
    assert!(index_into(&index, common::repo_root().join("corpus")).status.success());
    let served = std::fs::read_to_string(index.join("CURRENT")).expect("CURRENT");
    let big = dir.path().join("big.jsonl");
    synthetic_collection(&big, 40_000);

    for delay_ms in [50u64, 400, 1_200] {
        let still_running = kill_after(pressroom().arg("index").arg("--index").arg(&index).arg(&big), delay_ms);
        assert!(
            still_running,
            "the build ended before {delay_ms} ms: make the collection bigger"
        );
        assert_eq!(std::fs::read_to_string(index.join("CURRENT")).expect("CURRENT"), served);
        let service = pressroom_query::SearchService::open_read_only(&index).expect("the served generation opens");
        assert_eq!(
            service.num_documents(),
            common::CORPUS_DOCUMENTS,
            "killed after {delay_ms} ms"
        );
    }

    // An update killed before its commit leaves the index as it was, and unlocked.
    kill_after(
        pressroom().args(["index", "--update", "--index"]).arg(&index).arg(&big),
        300,
    );
    let service = pressroom_query::SearchService::open_read_only(&index).expect("opens");
    let documents = service.num_documents();
    let corpus = common::CORPUS_DOCUMENTS;
    assert!(
        documents == corpus || documents == corpus + 40_000,
        "{documents}: a partial commit"
    );
    let small = dir.path().join("small.jsonl");
    synthetic_collection(&small, 3);
    let output = pressroom()
        .args(["index", "--update", "--index"])
        .arg(&index)
        .arg(&small)
        .output()
        .expect("runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let service = pressroom_query::SearchService::open_read_only(&index).expect("opens");
    assert_eq!(
        service.num_documents(),
        documents + if documents == corpus { 3 } else { 0 }
    );

    // The next full build finishes, switches, and clears what the killed ones left.
    assert!(index_into(&index, common::repo_root().join("corpus")).status.success());
    assert!(
        generations(&index).iter().all(|name| !name.ends_with(".partial")),
        "{:?}",
        generations(&index)
    );
}

#[test]
fn serve_answers_then_exits_cleanly_on_sigterm() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let index = dir.path().join("index");
    assert!(index_into(&index, common::repo_root().join("corpus")).status.success());
    let (mut server, port) = serve_until_ready(&index, std::process::Stdio::piped());
    let (status, search) = common::wire::get(port, "/api/search?q=trafficking&limit=1").expect("answers");
    assert!(status == 200 && search.get("total").is_some(), "{status} {search}");
    let killed = Command::new("kill")
        .args(["-TERM", &server.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(killed.success());
    let status = server.wait().expect("exits");
    assert_eq!(status.code(), Some(0), "graceful shutdown exits 0");
    let mut log = String::new();
    std::io::Read::read_to_string(&mut server.stderr.take().expect("stderr"), &mut log).expect("log");
    assert!(log.contains("shutting down"), "{log}");
    assert!(
        log.contains("id=req-") && log.contains("status=200"),
        "request ids in the log: {log}"
    );
}

/// `pressroom serve` of `index` on a free loopback port, once `/ready` answers 200.
fn serve_until_ready(index: &Path, stderr: std::process::Stdio) -> (std::process::Child, u16) {
    let port = common::wire::free_port();
    let server = pressroom()
        .args(["serve", "--addr", &format!("127.0.0.1:{port}"), "--index"])
        .arg(index)
        .stderr(stderr)
        .spawn()
        .expect("starts");
    let ready = (0..100).any(|_| {
        std::thread::sleep(std::time::Duration::from_millis(100));
        common::wire::get(port, "/ready").is_some_and(|(status, _)| status == 200)
    });
    assert!(ready, "never ready");
    (server, port)
}

#[test]
fn bench_replays_queries_over_http_and_in_process() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let index = dir.path().join("index");
    assert!(index_into(&index, common::repo_root().join("corpus")).status.success());
    let queries = dir.path().join("queries.jsonl");
    std::fs::write(
        &queries,
        concat!(
            "{\"q\": \"trafficking\", \"filters\": {}, \"tags\": [\"term\"]}\n",
            "{\"q\": \"refugees\", \"filters\": {\"lang\": \"en\"}, \"tags\": [\"filtered\"]}\n",
            "{\"query\": \"\\\"safe spaces\\\"\", \"tags\": [\"phrase\"]}\n",
        ),
    )
    .expect("queries written");
    let (mut server, port) = serve_until_ready(&index, std::process::Stdio::null());
    let report_dir = dir.path().join("report");
    let json_path = dir.path().join("run.json");
    let output = pressroom()
        .args([
            "bench",
            "--url",
            &format!("http://127.0.0.1:{port}"),
            "--requests",
            "60",
            "--warmup",
            "0",
        ])
        .arg("--queries")
        .arg(&queries)
        .arg("--json")
        .arg(&json_path)
        .arg("--report")
        .arg(&report_dir)
        .output()
        .expect("runs");
    let _ = server.kill();
    let _ = server.wait();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let report: Value =
        serde_json::from_str(&std::fs::read_to_string(&json_path).expect("JSON written")).expect("JSON");
    assert_eq!(report["overall"]["count"], 60);
    assert_eq!(report["overall"]["errors"], 0);
    for key in ["p50_us", "p90_us", "p99_us", "p999_us", "max_us", "qps"] {
        assert!(
            report["overall"][key].as_f64().is_some_and(|v| v > 0.0),
            "{key}: {report}"
        );
    }
    assert_eq!(report["by_tag"]["term"]["count"], 20);
    let html = std::fs::read_to_string(report_dir.join("index.html")).expect("HTML report");
    assert!(html.contains("<svg") && html.contains("percentile"));

    let output = pressroom()
        .args(["bench", "--in-process", "--requests", "30", "--warmup", "0", "--index"])
        .arg(&index)
        .arg("--queries")
        .arg(&queries)
        .arg("--baseline")
        .arg(&json_path)
        .output()
        .expect("runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let table = String::from_utf8_lossy(&output.stdout);
    assert!(
        table.contains("p50 Δ") && table.lines().any(|line| line.starts_with("all ")),
        "{table}"
    );
}

/// Segment files (`.idx`, one per segment) of the index's current generation.
fn current_segments(index: &Path) -> usize {
    let current = std::fs::read_to_string(index.join("CURRENT")).expect("CURRENT");
    std::fs::read_dir(index.join(current.trim()))
        .expect("generation folder")
        .flatten()
        .filter(|entry| entry.path().extension().is_some_and(|extension| extension == "idx"))
        .count()
}

#[test]
fn index_merge_publishes_one_segment_with_every_document() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let collection = dir.path().join("synthetic.jsonl");
    synthetic_collection(&collection, 6_000);
    let mut totals = Vec::new();
    for merge in [false, true] {
        let index = dir.path().join(format!("index-{merge}"));
        let mut command = pressroom();
        command.arg("index").arg("--index").arg(&index).arg(&collection);
        if merge {
            command.arg("--merge");
        }
        let output = command.output().expect("runs");
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        if merge {
            assert_eq!(current_segments(&index), 1);
        }
        let output = pressroom()
            .args(["search", "--json", "--limit", "1", "displaced"])
            .arg("--index")
            .arg(&index)
            .output()
            .expect("runs");
        let response: Value = serde_json::from_slice(&output.stdout).expect("JSON");
        totals.push(response["total"].as_u64());
    }
    assert_eq!(totals, vec![Some(6_000), Some(6_000)]);
}
