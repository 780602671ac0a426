//! `pressroom eval`'s scores, kept above floors: a drop in extraction quality fails CI.
//! Floors are set a little under the figures measured when they were last raised.

mod common;

use std::sync::OnceLock;

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
fn reuters_scores_stay_above_their_floors_on_both_sides_of_its_split() {
    let shared = shared_or_skip!();
    let enricher = learned_enricher(&shared);
    let records = common::read_records(&[shared.join("corpus/reuters21578")]);
    // TEST, held out: measured 2026-12-03 countries F1 0.881, organizations 0.713, main
    // organizations (the ones the ORGS labels name) 0.719; 2026-12-06 (tickers are no bodies;
    // an acronym the story spells out means its long form) organizations 0.728, main 0.740.
    // TRAIN, what rules may be tuned on (2026-12-06): 0.855, 0.717, 0.808.
    let mut labelled = 0;
    for (split, source, least, floors) in [
        (eval::ReutersSplit::Test, "reuters-test", 5_000, [0.87, 0.71, 0.72]),
        (eval::ReutersSplit::Train, "reuters-train", 12_000, [0.84, 0.70, 0.79]),
    ] {
        let rows = eval::evaluate_reuters(enricher, &records, split).expect("places table loads");
        assert!(
            rows[0].documents > least,
            "{split:?} documents with labels: {}",
            rows[0].documents
        );
        labelled += rows[0].documents;
        let facets = [
            "countries (PLACES)",
            "organizations (ORGS)",
            "main organizations (ORGS)",
        ];
        let floors: Vec<(&str, &str, f64)> = facets
            .iter()
            .zip(floors)
            .map(|(&facet, floor)| (source, facet, floor))
            .collect();
        check(&rows, &floors);
    }
    // The two sides are different stories.
    assert!(labelled < records.len(), "{labelled} of {}", records.len());
}

#[test]
fn reliefweb_scores_stay_above_their_floors() {
    let shared = shared_or_skip!();
    let enricher = learned_enricher(&shared);
    let records = common::read_records(&[shared.join("corpus/reliefweb")]);
    let rows = eval::evaluate_reliefweb(enricher, &records);
    assert_eq!(rows[0].documents, 996);
    // One themed report in five is held out of the theme model's training.
    assert!(
        rows[1].documents >= 100,
        "held-out themed reports: {}",
        rows[1].documents
    );
    // Measured 2026-11-29: language accuracy 0.994; held-out English themes micro-F1 0.425
    // (rules alone: 0.311 over all 640 reports). 2026-12-05: 0.391, once themes with strong
    // cues are kept without the model (THEME_BY_CUES): the guide's topics, which the
    // extraction gold follows, label hazards and health services that ReliefWeb's editors leave
    // out (extraction gold topics, test half: 0.620 -> 0.670). 2026-12-07: 0.387, once a theme
    // of the model needs a cue score of 3 (extraction gold topics, test half: 0.686 -> 0.700).
    check(
        &rows,
        &[
            ("reliefweb", "language", 0.99),
            ("reliefweb-en", "themes (held out)", 0.37),
        ],
    );
}

/// Every collection a gold file draws on (the shared ones and the repo's `corpus/`), read once
/// for the tests that need them.
fn gold_records(shared: &std::path::Path) -> &'static [pressroom_ingest::Record] {
    static RECORDS: OnceLock<Vec<pressroom_ingest::Record>> = OnceLock::new();
    RECORDS.get_or_init(|| {
        let corpus = shared.join("corpus");
        let mut sources: Vec<_> = ["seed", "trove-refugees", "reliefweb", "reuters21578"]
            .iter()
            .map(|name| corpus.join(name))
            .collect();
        sources.push(common::repo_root().join("corpus"));
        common::read_records(&sources)
    })
}

/// An enricher that has learned from every record of [`gold_records`], as `pressroom eval`
/// learns from all it reads.
fn learned_enricher(shared: &std::path::Path) -> &'static Enricher {
    static ENRICHER: OnceLock<Enricher> = OnceLock::new();
    ENRICHER.get_or_init(|| {
        let enricher = Enricher::new().expect("tables load");
        enricher.learn(gold_records(shared));
        enricher
    })
}

#[test]
fn acronyms_a_collection_spells_out_are_learned_for_that_collection() {
    let shared = shared_or_skip!();
    let records = gold_records(&shared);
    let (plain, learned) = (Enricher::new().expect("tables load"), learned_enricher(&shared));
    // Trove's releases spell out the Australian Council of Trade Unions (ACTU) and the
    // Australian Competition and Consumer Commission (ACCC), and name them alone far more often.
    for acronym in ["ACTU", "ACCC"] {
        let alone: Vec<&pressroom_ingest::Record> = records
            .iter()
            .filter(|record| {
                record.source == "trove"
                    && record.body.contains(&format!("the {acronym} "))
                    && !record.body.contains(&format!("({acronym})"))
            })
            .collect();
        assert!(alone.len() >= 20, "{acronym}: {} releases", alone.len());
        let named = |enricher: &Enricher| {
            alone
                .iter()
                .filter(|record| enricher.enrich(record).organizations.iter().any(|name| name == acronym))
                .count()
        };
        assert_eq!(named(&plain), 0, "{acronym} is in no table");
        // (Not all: a line in capitals, or a longer name holding it, "the ACTU Congress".)
        let found = named(learned);
        eprintln!("{acronym}: named in {found} of {} releases using it alone", alone.len());
        assert!(found * 4 >= alone.len() * 3, "{acronym}: {found} of {}", alone.len());
    }
    // What Trove teaches holds in Trove: its Assyrian Resource Centre is no ARC of Reuters,
    // whose ARC is the AIDS-related complex.
    let probe = |source: &str| {
        let record = common::record(source, "Funding", "The ARC said funding was cut.");
        learned.enrich(&record).organizations
    };
    assert!(probe("trove").iter().any(|name| name == "ARC"), "{:?}", probe("trove"));
    assert!(
        !probe("reuters").iter().any(|name| name == "ARC"),
        "{:?}",
        probe("reuters")
    );
}

fn read_gold(file: &str) -> Vec<eval::GoldRecord> {
    let text = std::fs::read_to_string(common::repo_root().join(file)).expect("gold file");
    eval::parse_gold(&text).expect("gold parses")
}

/// Scores a gold file's releases as `source` and checks that every one of them was read.
fn score_gold(shared: &std::path::Path, source: &str, gold: &[eval::GoldRecord]) -> Vec<EvalRow> {
    let rows = eval::evaluate_gold(learned_enricher(shared), source, gold_records(shared), gold, None);
    assert!(
        rows.iter()
            .filter(|row| row.source == source)
            .all(|row| row.documents == gold.len()),
        "every gold id is read"
    );
    rows
}

#[test]
fn dev_gold_scores_stay_above_their_floors() {
    let shared = shared_or_skip!();
    let gold = read_gold("tests/data/dev-gold.jsonl");
    assert!(gold.len() >= 40, "{} gold releases", gold.len());
    let rows = score_gold(&shared, "dev-gold", &gold);
    // Measured 2026-12-04: main 0.915, mentioned 0.941, regions 0.912, organizations 0.622,
    // topics 0.817, language 1.000, title 0.875 (0.792 before OCR'd titles skipped letterheads),
    // date 0.979. Organizations were 0.722 before
    // names were recognised by their shape (issue 16): this gold was written with the alias
    // table, and the names the shape finds beyond it are partly real misses of this gold's
    // labels and partly wrong (`Branch Office for Australia and New Zealand`); the held-out
    // extraction gold below is the measure that counts.
    check(
        &rows,
        &[
            ("dev-gold", "main countries", 0.87),
            ("dev-gold", "mentioned countries", 0.92),
            ("dev-gold", "main regions", 0.87),
            ("dev-gold", "organizations", 0.60),
            ("dev-gold", "topics", 0.78),
            ("dev-gold", "language", 0.97),
            ("dev-gold", "title", 0.84),
            ("dev-gold", "date", 0.95),
        ],
    );
}

#[test]
fn extraction_gold_test_split_stays_above_its_floors() {
    let shared = shared_or_skip!();
    let mut gold = read_gold("tests/data/extraction-gold.jsonl");
    assert!(gold.len() >= 200, "{} gold releases", gold.len());
    // Only the held-out half: the tune half is what word lists were tuned on.
    gold.retain(|label| label.split.as_deref() == Some("test"));
    assert!(gold.len() >= 100, "{} held-out releases", gold.len());
    let rows = score_gold(&shared, "extraction-gold", &gold);
    // Measured 2026-12-03 on the test split (120 releases; at e3d69fe, before issue 16:
    // organizations 0.514, topics 0.565): main countries 0.840, mentioned 0.931,
    // organizations 0.616, main organizations 0.586, topics 0.605; organizations en 0.664,
    // es 0.542, fr 0.523; topics en 0.631, es 0.359, fr 0.638. 2026-12-04 (media and armed
    // groups in the table, renamed bodies apart, names through articles, elisions and
    // country names): organizations 0.629 (en 0.677, es 0.555, fr 0.530), the rest unchanged;
    // then (units, teams, collectives, exchanges, newspapers as heads, legislatures not;
    // several heads make a name; disaster bodies in the table): organizations 0.646 (en 0.691,
    // es 0.603, fr 0.530), main organizations 0.614; with the theme model's thresholds scaled
    // for translated text: topics 0.620 (es 0.359 -> 0.511, fr 0.642). 2026-12-04, later
    // (columns of bodies, honorifics and footnote numbers out of names; a country's short
    // names, `Labor`, `Navy`, `High Court`): organizations 0.660 (en 0.715, es 0.603, fr
    // 0.519), main organizations 0.622. 2026-12-05 (hazard and gender-based violence cues in
    // three languages; a theme with strong cues kept without the model): topics 0.670 (en
    // 0.678, es 0.654, fr 0.651); then (a cue inside a longer one of its topic not counted
    // again): topics 0.665 (en 0.681, es 0.654, fr 0.615). 2026-12-06 (portfolios, treaties,
    // rooms, site sections and headings out; a sentence's first word kept before `and`):
    // organizations 0.675 (en 0.726, es 0.605, fr 0.567), main organizations 0.628. 2026-12-06,
    // later (a release naming no country placed by its city): main countries 0.864 (en 0.875,
    // es 0.778, fr 0.889), mentioned 0.944; then (a pair naming no body leaves the name to its
    // shape; an acronym's possessive opens no name; a body named with its parent is two
    // names): organizations 0.690 (en 0.737, es 0.646, fr 0.567), main organizations 0.643.
    // 2026-12-07 (Spanish and French themes from their cues at half the English score):
    // topics 0.686 (en 0.693, es 0.727, fr 0.634); organizations 0.706 (en 0.749, es 0.662,
    // fr 0.604), main organizations 0.650. 2026-12-07, later (a theme of the model needs a cue
    // score of 3, not 2): topics 0.700 (en 0.704, es 0.745, fr 0.658); then (`US$` names no
    // country): main countries 0.903, mentioned 0.972; then (`reunión` is no island): 0.906, 0.977.
    check(
        &rows,
        &[
            ("extraction-gold", "main countries", 0.84),
            ("extraction-gold", "mentioned countries", 0.92),
            ("extraction-gold/es", "main countries", 0.74),
            ("extraction-gold", "organizations", 0.67),
            ("extraction-gold", "main organizations", 0.62),
            ("extraction-gold", "topics", 0.67),
            ("extraction-gold", "language", 0.97),
            ("extraction-gold/en", "organizations", 0.72),
            ("extraction-gold/es", "organizations", 0.62),
            ("extraction-gold/fr", "organizations", 0.48),
            ("extraction-gold/en", "topics", 0.65),
            ("extraction-gold/es", "topics", 0.70),
            ("extraction-gold/fr", "topics", 0.58),
        ],
    );
}

/// The third gold, held out from every rule written on 2026-12-07 (all `test`).
#[test]
fn extraction_gold_3_stays_above_its_floors() {
    let shared = shared_or_skip!();
    let gold = read_gold("tests/data/extraction-gold-3.jsonl");
    assert!(gold.len() >= 60, "{} gold releases", gold.len());
    assert!(gold.iter().all(|label| label.split.as_deref() == Some("test")));
    let rows = score_gold(&shared, "extraction-gold-3", &gold);
    // Measured 2026-12-07 at 0e733f4 (5db7cad, before that day's rules: topics 0.708, es
    // 0.677, fr 0.714): main countries 0.817, mentioned 0.935, organizations 0.728 (en 0.692,
    // es 0.679, fr 0.854), main organizations 0.636, topics 0.735 (en 0.725, es 0.758, fr
    // 0.727). 2026-12-07, later (a theme of the model needs a cue score of 3): topics 0.737 (en
    // 0.709, es 0.750, fr 0.753); then (`reunión` is no island): main countries 0.837, mentioned
    // 0.940.
    check(
        &rows,
        &[
            ("extraction-gold-3", "main countries", 0.79),
            ("extraction-gold-3", "mentioned countries", 0.91),
            ("extraction-gold-3", "organizations", 0.70),
            ("extraction-gold-3", "main organizations", 0.61),
            ("extraction-gold-3", "topics", 0.71),
            ("extraction-gold-3", "language", 0.97),
            ("extraction-gold-3/es", "topics", 0.73),
            ("extraction-gold-3/fr", "topics", 0.70),
        ],
    );
}
