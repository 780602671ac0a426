//! Replays the fuzzing corpora kept in `fuzz/corpus/<target>/` (seeds and the inputs the
//! fuzzer found interesting) and any crash inputs in `fuzz/artifacts/<target>/` through the
//! same entry points as the fuzz targets: none may panic. `scripts/fuzz.sh` grows them.

mod common;

use std::path::Path;

use pressroom_ingest::Format;

fn replay(target: &str, run: impl Fn(&[u8])) -> usize {
    let root = common::repo_root().join("fuzz");
    let mut inputs = 0;
    for folder in ["corpus", "artifacts"] {
        let dir = root.join(folder).join(target);
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut paths: Vec<_> = entries.flatten().map(|entry| entry.path()).collect();
        paths.sort();
        for path in paths.iter().filter(|path| path.is_file()) {
            let data = std::fs::read(path).expect("input readable");
            run(&data);
            inputs += 1;
        }
    }
    inputs
}

fn pages(data: &[u8]) {
    let extension = if data.first() == Some(&b'<') { "html" } else { "txt" };
    pressroom_ingest::fuzzing::read_as(Format::Pages, extension, data);
}

#[test]
fn fuzz_corpora_replay_without_a_panic() {
    assert!(Path::new(&common::repo_root().join("fuzz/corpus")).is_dir());
    let counts = [
        (
            "search_params",
            replay("search_params", pressroom_query::fuzzing::search_params),
        ),
        (
            "query_syntax",
            replay("query_syntax", pressroom_query::fuzzing::query_syntax),
        ),
        (
            "document_search",
            replay("document_search", pressroom_query::fuzzing::document_search),
        ),
        (
            "reader_jsonl",
            replay("reader_jsonl", |data| {
                for format in [Format::Jsonl, Format::Trove, Format::Wikipedia] {
                    pressroom_ingest::fuzzing::read_as(format, "jsonl", data);
                }
            }),
        ),
        (
            "reader_reliefweb",
            replay("reader_reliefweb", |data| {
                pressroom_ingest::fuzzing::read_as(Format::Reliefweb, "csv", data)
            }),
        ),
        (
            "reader_reuters",
            replay("reader_reuters", |data| {
                pressroom_ingest::fuzzing::read_as(Format::Reuters, "sgm", data)
            }),
        ),
        ("reader_pages", replay("reader_pages", pages)),
    ];
    for (target, count) in counts {
        eprintln!("{target}: {count} inputs");
        assert!(count >= 1, "{target} has no corpus");
    }
}
