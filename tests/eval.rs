//! `pressroom eval`'s scores, kept above floors: a drop in extraction quality fails CI.
//! Floors are set a little under the figures measured when they were last raised.

mod common;

use pressroom_enrich::eval::{self, EvalRow};
use pressroom_enrich::Enricher;

fn check(rows: &[EvalRow], floors: &[(&str, &str, f64)]) {
    for row in rows {
        eprintln!(
            "{:<14} {:<22} {:>5} docs  P {:>5}  R {:>5}  F1/acc {:.3}",
            row.source,
            row.facet,
            row.documents,
            row.precision.map_or("-".into(), |p| format!("{p:.3}")),
            row.recall.map_or("-".into(), |r| format!("{r:.3}")),
            row.score()
        );
    }
    for (source, facet, floor) in floors {
        let row = rows
            .iter()
            .find(|row| row.source == *source && row.facet == *facet)
            .expect("row present");
        assert!(
            row.score() >= *floor,
            "{source} {facet}: {:.3} < floor {floor} — {:?}",
            row.score(),
            row.examples
        );
    }
}

#[test]
fn reuters_test_split_scores_stay_above_their_floors() {
    let shared = shared_or_skip!();
    let enricher = Enricher::new().expect("tables load");
    let records = common::read_records(&[shared.join("corpus/reuters21578")]);
    let rows = eval::evaluate_reuters(&enricher, &records).expect("places table loads");
    assert!(
        rows[0].documents > 5_000,
        "test documents with labels: {}",
        rows[0].documents
    );
    // Measured 2026-11-29: countries F1 0.880, organizations F1 0.714.
    check(
        &rows,
        &[
            ("reuters-test", "countries (PLACES)", 0.87),
            ("reuters-test", "organizations (ORGS)", 0.70),
        ],
    );
}

#[test]
fn reliefweb_scores_stay_above_their_floors() {
    let shared = shared_or_skip!();
    let enricher = Enricher::new().expect("tables load");
    let records = common::read_records(&[shared.join("corpus/reliefweb")]);
    let rows = eval::evaluate_reliefweb(&enricher, &records);
    assert_eq!(rows[0].documents, 996);
    // One themed report in five is held out of the theme model's training.
    assert!(
        rows[1].documents >= 100,
        "held-out themed reports: {}",
        rows[1].documents
    );
    // Measured 2026-11-29: language accuracy 0.994; held-out English themes micro-F1 0.425
    // (rules alone: 0.311 over all 640 reports).
    check(
        &rows,
        &[
            ("reliefweb", "language", 0.99),
            ("reliefweb-en", "themes (held out)", 0.40),
        ],
    );
}

#[test]
fn dev_gold_scores_stay_above_their_floors() {
    let shared = shared_or_skip!();
    let gold_text = std::fs::read_to_string(common::repo_root().join("tests/data/dev-gold.jsonl")).expect("dev gold");
    let gold = eval::parse_gold(&gold_text).expect("gold parses");
    assert!(gold.len() >= 40, "{} gold releases", gold.len());
    let corpus = shared.join("corpus");
    let sources: Vec<_> = ["seed", "trove-refugees", "reliefweb", "reuters21578"]
        .iter()
        .map(|name| corpus.join(name))
        .collect();
    let records = common::read_records(&sources);
    let rows = eval::evaluate_gold(&Enricher::new().expect("tables load"), "dev-gold", &records, &gold);
    assert!(
        rows.iter().all(|row| row.documents == gold.len()),
        "every gold id is read"
    );
    // Measured 2026-11-29: main 0.906, mentioned 0.941, regions 0.903, organizations 0.722,
    // topics 0.781, language 1.000, title 0.792, date 0.979.
    check(
        &rows,
        &[
            ("dev-gold", "main countries", 0.87),
            ("dev-gold", "mentioned countries", 0.92),
            ("dev-gold", "main regions", 0.87),
            ("dev-gold", "organizations", 0.69),
            ("dev-gold", "topics", 0.75),
            ("dev-gold", "language", 0.97),
            ("dev-gold", "title", 0.75),
            ("dev-gold", "date", 0.95),
        ],
    );
}
