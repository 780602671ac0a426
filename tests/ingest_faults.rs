//! Ingest faults in one build: every bad input reported with its reason, no good record lost.

mod common;

use std::io::Write;

use pressroom_ingest::ProblemKind;

fn line(id: &str, title: &str, body: &str) -> String {
    format!("{}\n", serde_json::json!({"id": id, "title": title, "body": body}))
}

#[test]
fn faults_are_reported_and_every_good_record_indexed() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let sources = dir.path().join("sources");
    std::fs::create_dir(&sources).expect("folder");

    // Mixed encodings: a Latin-1 line among UTF-8 lines.
    let mut mixed = line("mixed:1", "Réfugiés au Tchad", "Le HCR aide les réfugiés.").into_bytes();
    mixed.extend_from_slice(b"{\"id\": \"mixed:2\", \"title\": \"R\xe9fugi\xe9s\", \"body\": \"latin-1\"}\n");
    mixed.extend(line("mixed:3", "Migración en Panamá", "La OIM apoya a migrantes.").into_bytes());
    std::fs::write(sources.join("a-mixed.jsonl"), mixed).expect("written");

    // Duplicate ids: the later record replaces the earlier.
    let duplicates = [
        line("dup:1", "First version", "Old text about asylum."),
        line("dup:2", "Another release", "Text about refugees."),
        line("dup:1", "Second version", "New text about asylum."),
    ]
    .concat();
    std::fs::write(sources.join("b-duplicates.jsonl"), duplicates).expect("written");

    // Empty files, and one with only blank lines.
    std::fs::write(sources.join("c-empty.jsonl"), "").expect("written");
    std::fs::write(sources.join("d-blank.jsonl"), "\n\n   \n").expect("written");

    // A truncated gzip: the records before the cut are kept.
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    for number in 0..200 {
        let text = format!("Release {number} on displacement and shelter in the region. ").repeat(20);
        encoder
            .write_all(line(&format!("gz:{number}"), &format!("Release {number}"), &text).as_bytes())
            .expect("compressed");
    }
    let compressed = encoder.finish().expect("compressed");
    std::fs::write(
        sources.join("e-truncated.jsonl.gz"),
        &compressed[..compressed.len() * 2 / 3],
    )
    .expect("written");

    // An unreadable file: a link to nothing.
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.path().join("nowhere.jsonl"), sources.join("f-dangling.jsonl")).expect("symlink");

    // A 50 MB single record.
    let paragraph =
        "Officials met aid agencies to discuss shelter, health care and protection for displaced families. ";
    let body = paragraph.repeat(50_000_000 / paragraph.len() + 1);
    std::fs::write(
        sources.join("g-huge.jsonl"),
        line("huge:1", "A very long report", &body),
    )
    .expect("written");

    let index = dir.path().join("index");
    let mut problems = Vec::new();
    let report = pressroom_index::build(&index, &[sources], &Default::default(), &mut |problem| {
        problems.push(problem.clone())
    })
    .expect("the build goes on past every fault");
    let kinds: Vec<(ProblemKind, String)> = problems
        .iter()
        .map(|problem| {
            (
                problem.kind,
                problem
                    .path
                    .file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned(),
            )
        })
        .collect();
    assert!(
        kinds.contains(&(ProblemKind::BadUtf8, "a-mixed.jsonl".into())),
        "{kinds:?}"
    );
    assert!(
        kinds.contains(&(ProblemKind::TruncatedGzip, "e-truncated.jsonl.gz".into())),
        "{kinds:?}"
    );
    #[cfg(unix)]
    assert!(
        kinds.contains(&(ProblemKind::Unreadable, "f-dangling.jsonl".into())),
        "{kinds:?}"
    );
    let before_cut = report.read.records - 2 - 3 - 1;
    assert!(
        before_cut > 10 && before_cut < 200,
        "{before_cut} gzip records before the cut"
    );
    // 2 mixed + 2 distinct duplicates + the gzip records + the huge one.
    assert_eq!(report.indexed, 2 + 2 + before_cut + 1);
    assert_eq!(report.duplicates_replaced, 1);

    let service = pressroom_query::SearchService::open_read_only(&index).expect("opens");
    assert_eq!(service.num_documents() as usize, report.indexed);
    assert_eq!(service.document("dup:1").expect("kept").title, "Second version");
    assert!(service.document("mixed:2").is_err(), "the Latin-1 line is not indexed");
    let huge = service.document("huge:1").expect("the huge record is indexed");
    assert!(huge.body.len() >= 50_000_000);
}
