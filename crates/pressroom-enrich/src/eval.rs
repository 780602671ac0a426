//! Scoring the extractor against labelled data: Reuters-21578 (PLACES, ORGS), ReliefWeb
//! (language, English themes) and gold files in pressroom's JSONL form. `pressroom eval`
//! prints these rows; `tests/eval.rs` keeps floors under them.

use std::collections::{BTreeSet, HashMap};

use pressroom_ingest::{language_code, Record};
use serde::{Deserialize, Serialize};

use crate::gazetteer::fold;
use crate::tables;
use crate::tsv;
use crate::{EnrichError, Enricher, Enrichment};

/// One labelled release of a gold file (`tests/data/dev-gold.jsonl`).
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct GoldRecord {
    pub id: String,
    #[serde(default)]
    pub lang: Option<String>,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub main_countries: Vec<String>,
    #[serde(default)]
    pub mentioned_countries: Vec<String>,
    #[serde(default)]
    pub main_regions: Vec<String>,
    #[serde(default)]
    pub organizations: Vec<String>,
    #[serde(default)]
    pub topics: Vec<String>,
}

/// Set-based counts, added up over documents (micro-averaged).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct SetScore {
    pub true_positives: usize,
    pub predicted: usize,
    pub expected: usize,
}

impl SetScore {
    pub fn add(&mut self, predicted: &BTreeSet<String>, expected: &BTreeSet<String>) {
        self.true_positives += predicted.intersection(expected).count();
        self.predicted += predicted.len();
        self.expected += expected.len();
    }

    pub fn precision(&self) -> f64 {
        ratio(self.true_positives, self.predicted)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.true_positives, self.expected)
    }

    pub fn f1(&self) -> f64 {
        let (precision, recall) = (self.precision(), self.recall());
        if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        }
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        1.0
    } else {
        part as f64 / whole as f64
    }
}

/// One line of the report: a facet scored on one source.
#[derive(Debug, Clone, Serialize)]
pub struct EvalRow {
    pub source: String,
    pub facet: String,
    pub documents: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub precision: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recall: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub f1: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub accuracy: Option<f64>,
    /// A few documents where extraction and labels disagree: `id: got […], expected […]`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub examples: Vec<String>,
}

impl EvalRow {
    fn set(source: &str, facet: &str, documents: usize, score: SetScore, examples: Vec<String>) -> EvalRow {
        EvalRow {
            source: source.to_string(),
            facet: facet.to_string(),
            documents,
            precision: Some(score.precision()),
            recall: Some(score.recall()),
            f1: Some(score.f1()),
            accuracy: None,
            examples,
        }
    }

    fn accuracy(source: &str, facet: &str, right: usize, total: usize, examples: Vec<String>) -> EvalRow {
        EvalRow {
            source: source.to_string(),
            facet: facet.to_string(),
            documents: total,
            precision: None,
            recall: None,
            f1: None,
            accuracy: Some(ratio(right, total)),
            examples,
        }
    }

    /// The row's headline figure: F1, or accuracy.
    pub fn score(&self) -> f64 {
        self.f1.or(self.accuracy).unwrap_or(0.0)
    }
}

const EXAMPLES_PER_ROW: usize = 5;

/// Collects disagreements for the report, a few per facet.
#[derive(Default)]
struct Disagreements(Vec<String>);

impl Disagreements {
    fn note(&mut self, id: &str, predicted: &BTreeSet<String>, expected: &BTreeSet<String>) {
        if predicted != expected && self.0.len() < EXAMPLES_PER_ROW {
            self.0.push(format!("{id}: got {predicted:?}, expected {expected:?}"));
        }
    }
}

fn set_of<'a>(values: impl IntoIterator<Item = &'a String>) -> BTreeSet<String> {
    values.into_iter().cloned().collect()
}

/// Scores against the Reuters-21578 test split (`LEWISSPLIT="TEST"`) documents that have
/// PLACES or ORGS labels: countries mentioned vs PLACES (mapped to ISO3 by
/// `data/reuters_places.tsv`), organizations vs ORGS (mapped by `organizations.tsv`'s
/// `reuters` column; predictions outside the ORGS vocabulary are not scored).
pub fn evaluate_reuters(enricher: &Enricher, records: &[Record]) -> Result<Vec<EvalRow>, EnrichError> {
    let places = reuters_places()?;
    let organization_labels: HashMap<&str, &str> = enricher
        .organizations
        .entries()
        .iter()
        .filter_map(|org| {
            org.reuters_label
                .as_deref()
                .map(|label| (org.canonical.as_str(), label))
        })
        .collect();
    let vocabulary: BTreeSet<&str> = organization_labels.values().copied().collect();
    let (mut countries, mut organizations) = (SetScore::default(), SetScore::default());
    let (mut country_examples, mut organization_examples) = (Disagreements::default(), Disagreements::default());
    let mut documents = 0;
    for record in records {
        let labels = &record.labels;
        if labels.split.as_deref() != Some("TEST") || (labels.places.is_empty() && labels.orgs.is_empty()) {
            continue;
        }
        documents += 1;
        let enrichment = enricher.enrich(record);
        let expected: BTreeSet<String> = labels
            .places
            .iter()
            .filter_map(|place| places.get(place.as_str()))
            .map(|iso3| iso3.to_string())
            .collect();
        let predicted = set_of(&enrichment.mentioned_countries);
        countries.add(&predicted, &expected);
        country_examples.note(&record.id, &predicted, &expected);

        let expected: BTreeSet<String> = labels
            .orgs
            .iter()
            .filter(|org| vocabulary.contains(org.as_str()))
            .cloned()
            .collect();
        let predicted: BTreeSet<String> = enrichment
            .organizations
            .iter()
            .filter_map(|org| organization_labels.get(org.as_str()).map(|label| label.to_string()))
            .collect();
        organizations.add(&predicted, &expected);
        organization_examples.note(&record.id, &predicted, &expected);
    }
    Ok(vec![
        EvalRow::set(
            "reuters-test",
            "countries (PLACES)",
            documents,
            countries,
            country_examples.0,
        ),
        EvalRow::set(
            "reuters-test",
            "organizations (ORGS)",
            documents,
            organizations,
            organization_examples.0,
        ),
    ])
}

/// Reuters PLACES label → ISO3 (labels that are no country are left out).
fn reuters_places() -> Result<HashMap<&'static str, &'static str>, EnrichError> {
    Ok(tsv::rows("reuters_places.tsv", tables::REUTERS_PLACES, 2)?
        .into_iter()
        .filter(|(_, columns)| !columns[1].is_empty())
        .map(|(_, columns)| (columns[0], columns[1]))
        .collect())
}

/// Scores against ReliefWeb labels: language accuracy on the reports with a language label
/// (the label hidden from the detector), and theme micro-F1 on the English reports with
/// theme labels that the theme model was not trained on (a theme is a top-level topic path).
pub fn evaluate_reliefweb(enricher: &Enricher, records: &[Record]) -> Vec<EvalRow> {
    let (mut right, mut total) = (0, 0);
    let mut language_examples = Vec::new();
    let mut themes = SetScore::default();
    let mut theme_examples = Disagreements::default();
    let mut theme_documents = 0;
    let theme_paths: BTreeSet<String> = enricher
        .topic_paths()
        .iter()
        .filter(|path| path.matches('/').count() - path.matches("\\/").count() == 1)
        .cloned()
        .collect();
    for record in records {
        if record.labels.languages.is_empty() && record.labels.themes.is_empty() {
            continue;
        }
        let declared = record.declared_lang.clone().unwrap_or_default();
        let unlabelled = Record {
            declared_lang: None,
            ..record.clone()
        };
        let enrichment = enricher.enrich(&unlabelled);
        if !record.labels.languages.is_empty() {
            total += 1;
            if record
                .labels
                .languages
                .iter()
                .any(|name| language_code(name) == Some(enrichment.lang.as_str()))
            {
                right += 1;
            } else if language_examples.len() < EXAMPLES_PER_ROW {
                language_examples.push(format!("{}: got {}, labelled {declared}", record.id, enrichment.lang));
            }
        }
        if !record.labels.themes.is_empty() && held_out_for_themes(&record.id) {
            theme_documents += 1;
            let expected: BTreeSet<String> = record
                .labels
                .themes
                .iter()
                .map(|theme| format!("/{}", theme.replace('/', "\\/")))
                .collect();
            let predicted: BTreeSet<String> = enrichment
                .topics
                .iter()
                .filter_map(|path| top_level(path))
                .filter(|path| theme_paths.contains(path))
                .collect();
            themes.add(&predicted, &expected);
            theme_examples.note(&record.id, &predicted, &expected);
        }
    }
    vec![
        EvalRow::accuracy("reliefweb", "language", right, total, language_examples),
        EvalRow::set(
            "reliefweb-en",
            "themes (held out)",
            theme_documents,
            themes,
            theme_examples.0,
        ),
    ]
}

/// The ReliefWeb reports held out of the theme model's training: one in five, by nid (the
/// same rule as `is_held_out` in `scripts/train_themes.py`).
pub fn held_out_for_themes(id: &str) -> bool {
    id.strip_prefix("reliefweb:")
        .and_then(|nid| nid.parse::<u64>().ok())
        .is_some_and(|nid| (nid / 5) % 5 == 0)
}

fn top_level(path: &str) -> Option<String> {
    let bytes = path.as_bytes();
    let end = (1..bytes.len())
        .find(|&i| bytes[i] == b'/' && bytes[i - 1] != b'\\')
        .unwrap_or(bytes.len());
    (end > 1).then(|| path[..end].to_string())
}

/// Scores against a gold file. Organizations match when equal after normalization or when
/// one is the other's canonical name; topics are compared with their ancestors
/// (hierarchical precision and recall); regions by name.
pub fn evaluate_gold(enricher: &Enricher, source: &str, records: &[Record], gold: &[GoldRecord]) -> Vec<EvalRow> {
    let by_id: HashMap<&str, &Record> = records.iter().map(|record| (record.id.as_str(), record)).collect();
    let mut main = SetScore::default();
    let mut mentioned = SetScore::default();
    let mut regions = SetScore::default();
    let mut organizations = SetScore::default();
    let mut topics = SetScore::default();
    let mut examples: [Disagreements; 5] = Default::default();
    let (mut languages_right, mut titles_right, mut dates_right, mut found) = (0, 0, 0, 0);
    let mut other_examples: Vec<String> = Vec::new();
    for label in gold {
        let Some(record) = by_id.get(label.id.as_str()) else {
            other_examples.push(format!("{}: not in the sources read", label.id));
            continue;
        };
        found += 1;
        let enrichment: Enrichment = enricher.enrich(record);
        let pairs = [
            (
                &mut main,
                set_of(&enrichment.main_countries),
                set_of(&label.main_countries),
            ),
            (
                &mut mentioned,
                set_of(&enrichment.mentioned_countries),
                set_of(&label.mentioned_countries),
            ),
            (
                &mut regions,
                main_region_names(enricher, &enrichment),
                label.main_regions.iter().map(|r| fold(r)).collect(),
            ),
            (
                &mut organizations,
                enrichment
                    .organizations
                    .iter()
                    .map(|o| organization_key(enricher, o))
                    .collect(),
                label
                    .organizations
                    .iter()
                    .map(|o| organization_key(enricher, o))
                    .collect(),
            ),
            (
                &mut topics,
                with_ancestors(&enrichment.topics),
                with_ancestors(&label.topics),
            ),
        ];
        for (index, (score, predicted, expected)) in pairs.into_iter().enumerate() {
            score.add(&predicted, &expected);
            examples[index].note(&record.id, &predicted, &expected);
        }
        if label.lang.as_deref().is_none_or(|lang| lang == enrichment.lang) {
            languages_right += 1;
        }
        if label
            .title
            .as_deref()
            .is_none_or(|title| normalize_spaces(title) == normalize_spaces(&record.title))
        {
            titles_right += 1;
        } else if other_examples.len() < EXAMPLES_PER_ROW {
            other_examples.push(format!(
                "{}: title {:?}, expected {:?}",
                record.id, record.title, label.title
            ));
        }
        if label.date == enrichment.date {
            dates_right += 1;
        } else if other_examples.len() < 2 * EXAMPLES_PER_ROW {
            other_examples.push(format!(
                "{}: date {:?}, expected {:?}",
                record.id, enrichment.date, label.date
            ));
        }
    }
    let [main_examples, mentioned_examples, region_examples, organization_examples, topic_examples] = examples;
    vec![
        EvalRow::set(source, "main countries", found, main, main_examples.0),
        EvalRow::set(source, "mentioned countries", found, mentioned, mentioned_examples.0),
        EvalRow::set(source, "main regions", found, regions, region_examples.0),
        EvalRow::set(source, "organizations", found, organizations, organization_examples.0),
        EvalRow::set(source, "topics", found, topics, topic_examples.0),
        EvalRow::accuracy(source, "language", languages_right, found, Vec::new()),
        EvalRow::accuracy(source, "title", titles_right, found, Vec::new()),
        EvalRow::accuracy(source, "date", dates_right, found, other_examples),
    ]
}

fn normalize_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The most specific M49 level of each main country, folded.
fn main_region_names(enricher: &Enricher, enrichment: &Enrichment) -> BTreeSet<String> {
    enrichment
        .main_countries
        .iter()
        .filter_map(|iso3| enricher.gazetteer().country(iso3))
        .filter_map(|country| country.ancestors().last().map(|level| fold(level)))
        .collect()
}

/// An organization's comparison key: its canonical name when the table knows it, folded.
fn organization_key(enricher: &Enricher, name: &str) -> String {
    let canonical = enricher.canonical_organization(name).unwrap_or(name);
    fold(canonical)
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == ' ')
        .collect()
}

/// A set of topic paths closed under ancestors.
fn with_ancestors(paths: &[String]) -> BTreeSet<String> {
    let mut closed = BTreeSet::new();
    for path in paths {
        let bytes = path.as_bytes();
        for end in (1..=bytes.len()).filter(|&i| i == bytes.len() || (bytes[i] == b'/' && bytes[i - 1] != b'\\')) {
            closed.insert(path[..end].to_string());
        }
    }
    closed
}

/// Parses a gold file (JSON lines; blank lines skipped).
pub fn parse_gold(text: &str) -> Result<Vec<GoldRecord>, String> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(index, line)| serde_json::from_str(line).map_err(|error| format!("line {}: {error}", index + 1)))
        .collect()
}
