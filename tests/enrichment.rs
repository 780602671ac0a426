//! Facet extraction on real text: the seed release (golden), the labelled `corpus/`, and
//! ReliefWeb's language labels. Scores are printed; floors fail the test when they drop.

mod common;

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;

use pressroom_enrich::{Enricher, Enrichment};
use pressroom_ingest::Record;

fn read(paths: &[PathBuf]) -> Vec<Record> {
    let mut records = Vec::new();
    pressroom_ingest::read_sources(paths, None, &mut |item| {
        if let Ok(record) = item {
            records.push(record);
        }
    })
    .expect("sources exist");
    records
}

#[test]
fn seed_release_golden() {
    let shared = shared_or_skip!();
    let records = read(&[shared.join("corpus/seed")]);
    assert_eq!(records.len(), 1);
    let record = &records[0];
    assert_eq!(record.id, "seed:000_da6cd36295dcc9e9");
    assert_eq!(
        record.title,
        "Central American Women Unite to Fight Trafficking of Women"
    );
    for navigation in [
        "Who we are",
        "WHO WE ARE",
        "Our Work",
        "Take Action",
        "Get involved",
        "2030 Agenda",
        "Partnerships",
    ] {
        assert!(
            !record.body.contains(navigation),
            "navigation `{navigation}` reached the body"
        );
    }
    assert!(record.body.starts_with("Central American ministers took a giant step"));
    assert!(
        record
            .body
            .ends_with("priority item in their regional political agenda."),
        "{}",
        record.body
    );
    let contact = record.contact.as_deref().expect("contact block");
    assert!(contact.starts_with("For further information, please contact:"));
    assert!(contact.contains("Agueda Marin") && contact.contains("amarin@iom.int") && !contact.contains("mailto"));

    let enrichment = Enricher::new().expect("tables load").enrich(record);
    assert_eq!(enrichment.lang, "en");
    assert_eq!(enrichment.main_countries, ["CRI"]);
    assert_eq!(
        enrichment.regions,
        ["/Americas/Latin America and the Caribbean/Central America/Costa Rica"]
    );
    for mentioned in ["CRI", "PHL", "ESP", "JPN", "CAN", "USA"] {
        assert!(
            enrichment.mentioned_countries.iter().any(|c| c == mentioned),
            "{mentioned} not in {:?}",
            enrichment.mentioned_countries
        );
    }
    for organization in ["IOM", "COMMCA", "UNODC"] {
        assert!(
            enrichment.organizations.iter().any(|o| o == organization),
            "{organization} not in {:?}",
            enrichment.organizations
        );
    }
    assert!(
        enrichment
            .topics
            .iter()
            .any(|t| t.starts_with("/Migration/Human trafficking")),
        "topics {:?}",
        enrichment.topics
    );
    assert_eq!(
        enrichment.date, None,
        "a year in the body (\"A 2006 report\") is not the release date"
    );
}

#[derive(serde::Deserialize)]
struct Label {
    file: String,
    lang: String,
    main_countries: Vec<String>,
    mentioned_countries: Vec<String>,
    organizations: Vec<String>,
    topics: Vec<String>,
}

#[derive(Default)]
struct Score {
    true_positives: usize,
    predicted: usize,
    expected: usize,
}

impl Score {
    fn add(&mut self, predicted: &BTreeSet<String>, expected: &BTreeSet<String>) {
        self.true_positives += predicted.intersection(expected).count();
        self.predicted += predicted.len();
        self.expected += expected.len();
    }

    fn precision(&self) -> f64 {
        ratio(self.true_positives, self.predicted)
    }

    fn recall(&self) -> f64 {
        ratio(self.true_positives, self.expected)
    }

    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// A topic path and all its ancestors: hierarchical precision and recall.
fn with_ancestors(paths: &[String]) -> BTreeSet<String> {
    let mut closed = BTreeSet::new();
    for path in paths {
        let mut prefix = String::new();
        for segment in path.trim_start_matches('/').split('/') {
            prefix.push('/');
            prefix.push_str(segment);
            closed.insert(prefix.clone());
        }
    }
    closed
}

fn set(values: &[String]) -> BTreeSet<String> {
    values.iter().cloned().collect()
}

#[test]
fn corpus_labels_are_recovered() {
    let root = common::repo_root();
    let labels: Vec<Label> = std::fs::read_to_string(root.join("tests/data/corpus-labels.jsonl"))
        .expect("labels")
        .lines()
        .map(|line| serde_json::from_str(line).expect("label line"))
        .collect();
    let records = read(&[root.join("corpus")]);
    let by_id: HashMap<&str, &Record> = records.iter().map(|r| (r.id.as_str(), r)).collect();
    let enricher = Enricher::new().expect("tables load");
    let (mut main, mut mentioned, mut organizations, mut topics) =
        (Score::default(), Score::default(), Score::default(), Score::default());
    let mut languages_right = 0;
    for label in &labels {
        let stem = label
            .file
            .rsplit_once('.')
            .map_or(label.file.as_str(), |(stem, _)| stem);
        let record = by_id
            .get(format!("corpus:{stem}").as_str())
            .unwrap_or_else(|| panic!("{} not read", label.file));
        let found: Enrichment = enricher.enrich(record);
        if found.lang == label.lang {
            languages_right += 1;
        } else {
            eprintln!("{}: language {} (expected {})", label.file, found.lang, label.lang);
        }
        main.add(&set(&found.main_countries), &set(&label.main_countries));
        mentioned.add(&set(&found.mentioned_countries), &set(&label.mentioned_countries));
        organizations.add(&set(&found.organizations), &set(&label.organizations));
        topics.add(&with_ancestors(&found.topics), &with_ancestors(&label.topics));
        if set(&found.main_countries) != set(&label.main_countries) {
            eprintln!(
                "{}: main {:?} (expected {:?})",
                label.file, found.main_countries, label.main_countries
            );
        }
    }
    let language_accuracy = ratio(languages_right, labels.len());
    eprintln!("corpus/ ({} releases)   precision recall  F1", labels.len());
    for (name, score) in [
        ("main countries", &main),
        ("mentioned", &mentioned),
        ("organizations", &organizations),
        ("topics", &topics),
    ] {
        eprintln!(
            "{name:<22} {:.3}     {:.3}  {:.3}",
            score.precision(),
            score.recall(),
            score.f1()
        );
    }
    eprintln!("language accuracy      {language_accuracy:.3}");
    assert_eq!(language_accuracy, 1.0);
    // Floors from the first measurement (see the issue note); raise them as extraction improves.
    assert!(main.f1() >= MAIN_F1_FLOOR, "main-country F1 {:.3}", main.f1());
    assert!(
        mentioned.f1() >= MENTIONED_F1_FLOOR,
        "mentioned-country F1 {:.3}",
        mentioned.f1()
    );
    assert!(
        organizations.f1() >= ORGANIZATION_F1_FLOOR,
        "organization F1 {:.3}",
        organizations.f1()
    );
    assert!(topics.f1() >= TOPIC_F1_FLOOR, "topic F1 {:.3}", topics.f1());
}

// Measured 2026-11-29: main 0.958, mentioned 0.994, organizations 0.967, topics 0.777.
const MAIN_F1_FLOOR: f64 = 0.90;
const MENTIONED_F1_FLOOR: f64 = 0.96;
const ORGANIZATION_F1_FLOOR: f64 = 0.93;
const TOPIC_F1_FLOOR: f64 = 0.74;

#[test]
fn reliefweb_languages_are_detected() {
    let shared = shared_or_skip!();
    let records = read(&[shared.join("corpus/reliefweb/report_language-1k.csv")]);
    // 999 rows, three reports listed under two languages.
    assert_eq!(records.len(), 996);
    let enricher = Enricher::new().expect("tables load");
    let mut right = 0;
    for record in &records {
        let declared = record.declared_lang.clone().expect("labelled");
        // Judge detection alone: the declared label is hidden from the detector.
        let unlabelled = Record {
            declared_lang: None,
            ..record.clone()
        };
        let detected = enricher.enrich(&unlabelled).lang;
        if detected == declared {
            right += 1;
        } else if right < 20 {
            eprintln!(
                "{}: detected {detected}, labelled {declared}: {}",
                record.id, record.title
            );
        }
    }
    let accuracy = ratio(right, records.len());
    eprintln!("ReliefWeb language accuracy: {accuracy:.4} ({right}/{})", records.len());
    assert!(accuracy >= 0.98, "accuracy {accuracy:.4}");
}

fn release(title: &str, body: &str) -> Record {
    Record {
        id: "trap:1".into(),
        source: "trap".into(),
        title: title.into(),
        body: body.into(),
        date: None,
        url: None,
        contributor: None,
        contact: None,
        declared_lang: None,
        home_country: None,
        labels: Default::default(),
    }
}

#[test]
fn country_traps_do_not_fire() {
    let enricher = Enricher::new().expect("tables load");
    let mentioned = |title: &str, body: &str| enricher.enrich(&release(title, body)).mentioned_countries;
    assert_eq!(
        mentioned(
            "Floods in Papua New Guinea",
            "Rain hit Papua New Guinea and Equatorial Guinea."
        ),
        ["PNG", "GNQ"]
    );
    assert_eq!(
        mentioned("Nigeria votes", "Voters in Nigeria went to the polls."),
        ["NGA"]
    );
    assert_eq!(
        mentioned(
            "Budget talks",
            "Officials met in Atlanta, Georgia, about the state of Georgia."
        ),
        ["USA"]
    );
    assert!(mentioned("Interview", "Michael Jordan and Chad Smith said they would help.").is_empty());
    assert!(mentioned("Dinner", "Families ate turkey at the shelter on Thursday.").is_empty());
    assert_eq!(
        mentioned(
            "Refugees",
            "Jordan said it hosts Syrian refugees; Chad and Turkey also host many."
        ),
        ["JOR", "SYR", "TCD", "TUR"]
    );
    let enrichment = enricher.enrich(&release(
        "Aid for displaced families",
        "The Norwegian Refugee Council (NRC) sent blankets.",
    ));
    assert!(
        enrichment.mentioned_countries.is_empty(),
        "{:?}",
        enrichment.mentioned_countries
    );
    assert_eq!(enrichment.organizations, ["NRC"]);
}
