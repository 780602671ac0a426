//! Gold files: releases labelled by hand (`tests/data/dev-gold.jsonl`,
//! `tests/data/extraction-gold.jsonl`), scored overall and per language.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use pressroom_ingest::Record;
use serde::{Deserialize, Serialize};

use super::matching::{extracted_keys, keys, normalise, pairing};
use super::{set_of, Disagreements, EvalRow, SetScore, EXAMPLES_PER_ROW};
use crate::gazetteer::fold;
use crate::{Enricher, Enrichment};

/// One labelled release of a gold file.
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
    pub organizations: Vec<GoldOrganization>,
    /// The issuer and the organizations the release is about (labelled in the newer gold).
    #[serde(default)]
    pub main_organizations: Option<Vec<String>>,
    #[serde(default)]
    pub topics: Vec<String>,
    /// `tune` (cue lists and weights may be tuned on it) or `test` (reported only).
    #[serde(default)]
    pub split: Option<String>,
    /// The labels cover only the opening of a long text: the exhaustive lists
    /// (organizations, mentioned countries) count for recall, not precision.
    #[serde(default)]
    pub cut: bool,
}

/// A labelled organization: a name (the older gold), or a full name with the other names
/// the text uses.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(untagged)]
pub enum GoldOrganization {
    Name(String),
    Named {
        name: String,
        #[serde(default)]
        aliases: Vec<String>,
    },
}

impl GoldOrganization {
    fn name(&self) -> &str {
        match self {
            GoldOrganization::Name(name) | GoldOrganization::Named { name, .. } => name,
        }
    }

    /// Its matching keys: a bare name is expanded through the alias table as an extracted
    /// one is; a labelled entry has its own aliases.
    fn keys(&self, enricher: &Enricher) -> BTreeSet<String> {
        match self {
            GoldOrganization::Name(name) => extracted_keys(enricher, name),
            GoldOrganization::Named { name, aliases } => {
                keys(std::iter::once(name.as_str()).chain(aliases.iter().map(String::as_str)))
            }
        }
    }
}

/// Scores of one scope (every release, or those in one language).
#[derive(Default)]
struct Tally {
    documents: usize,
    main: SetScore,
    mentioned: SetScore,
    regions: SetScore,
    organizations: SetScore,
    main_organizations: SetScore,
    topics: SetScore,
    exact_topics: SetScore,
    languages_right: usize,
    titles_right: usize,
    dates_right: usize,
    examples: [Disagreements; 6],
}

/// Scores extraction against a gold file, over every release and per labelled language.
/// Organizations match as `matching` says; topics are scored with their ancestors
/// (hierarchical) and as exact paths; regions by name. The facets come from `enricher`, or
/// from `extracted` when given (another build's `pressroom extract` output, keyed by id), so
/// two builds can be scored by the same rules.
pub fn evaluate_gold(
    enricher: &Enricher,
    source: &str,
    records: &[Record],
    gold: &[GoldRecord],
    extracted: Option<&HashMap<String, Enrichment>>,
) -> Vec<EvalRow> {
    let by_id: HashMap<&str, &Record> = records.iter().map(|record| (record.id.as_str(), record)).collect();
    let mut scopes: BTreeMap<String, Tally> = BTreeMap::new();
    let mut other_examples: Vec<String> = Vec::new();
    for label in gold {
        let Some(record) = by_id.get(label.id.as_str()) else {
            other_examples.push(format!("{}: not in the sources read", label.id));
            continue;
        };
        let enrichment: Enrichment = match extracted {
            None => enricher.enrich(record),
            Some(extracted) => match extracted.get(&label.id) {
                Some(enrichment) => enrichment.clone(),
                None => {
                    other_examples.push(format!("{}: not in the extracted file", label.id));
                    continue;
                }
            },
        };
        let mut scope_names = vec![source.to_string()];
        if let Some(lang) = &label.lang {
            scope_names.push(format!("{source}/{lang}"));
        }
        // Title and date disagreements are listed once, with the overall scope.
        let mut listed_once = Some(&mut other_examples);
        for scope in scope_names {
            let tally = scopes.entry(scope).or_default();
            let mut not_listed = Vec::new();
            let examples = listed_once.take().unwrap_or(&mut not_listed);
            tally.add(enricher, record, &enrichment, label, examples);
        }
    }
    let has_regions = gold.iter().any(|label| !label.main_regions.is_empty());
    let has_main_organizations = gold.iter().any(|label| label.main_organizations.is_some());
    let has_titles = gold.iter().any(|label| label.title.is_some());
    let has_dates = gold.iter().any(|label| label.date.is_some());
    let mut rows = Vec::new();
    let overall = scopes.remove(source);
    for (scope, tally) in overall
        .map(|tally| (source.to_string(), tally))
        .into_iter()
        .chain(scopes)
    {
        let found = tally.documents;
        let [main, mentioned, regions, organizations, main_organizations, topics] = tally.examples;
        rows.push(EvalRow::set(&scope, "main countries", found, tally.main, main.0));
        rows.push(EvalRow::set(
            &scope,
            "mentioned countries",
            found,
            tally.mentioned,
            mentioned.0,
        ));
        if has_regions {
            rows.push(EvalRow::set(&scope, "main regions", found, tally.regions, regions.0));
        }
        rows.push(EvalRow::set(
            &scope,
            "organizations",
            found,
            tally.organizations,
            organizations.0,
        ));
        if has_main_organizations {
            rows.push(EvalRow::set(
                &scope,
                "main organizations",
                found,
                tally.main_organizations,
                main_organizations.0,
            ));
        }
        rows.push(EvalRow::set(&scope, "topics", found, tally.topics, topics.0));
        rows.push(EvalRow::set(
            &scope,
            "topics (exact)",
            found,
            tally.exact_topics,
            Vec::new(),
        ));
        rows.push(EvalRow::accuracy(
            &scope,
            "language",
            tally.languages_right,
            found,
            Vec::new(),
        ));
        if has_titles {
            rows.push(EvalRow::accuracy(
                &scope,
                "title",
                tally.titles_right,
                found,
                Vec::new(),
            ));
        }
        if has_dates {
            let examples = if scope == source {
                std::mem::take(&mut other_examples)
            } else {
                Vec::new()
            };
            rows.push(EvalRow::accuracy(&scope, "date", tally.dates_right, found, examples));
        }
    }
    rows
}

impl Tally {
    fn add(
        &mut self,
        enricher: &Enricher,
        record: &Record,
        enrichment: &Enrichment,
        label: &GoldRecord,
        other_examples: &mut Vec<String>,
    ) {
        self.documents += 1;
        let id = record.id.as_str();
        // (score, its slot in `examples`, predicted, expected, cut)
        let set_facets = [
            (
                &mut self.main,
                0,
                set_of(&enrichment.main_countries),
                set_of(&label.main_countries),
                false,
            ),
            (
                &mut self.mentioned,
                1,
                set_of(&enrichment.mentioned_countries),
                set_of(&label.mentioned_countries),
                label.cut,
            ),
            (
                &mut self.regions,
                2,
                main_region_names(enricher, enrichment),
                label.main_regions.iter().map(|r| fold(r)).collect(),
                false,
            ),
            (
                &mut self.topics,
                5,
                with_ancestors(&enrichment.topics),
                with_ancestors(&label.topics),
                false,
            ),
        ];
        for (score, slot, predicted, expected, cut) in set_facets {
            add_sets(score, &predicted, &expected, cut);
            self.examples[slot].note(id, &predicted, &expected);
        }
        add_sets(
            &mut self.exact_topics,
            &set_of(&enrichment.topics),
            &set_of(&label.topics),
            false,
        );

        let predicted: Vec<BTreeSet<String>> = enrichment
            .organizations
            .iter()
            .map(|name| extracted_keys(enricher, name))
            .collect();
        let expected: Vec<BTreeSet<String>> = label.organizations.iter().map(|org| org.keys(enricher)).collect();
        let pairs = add_matched(&mut self.organizations, &predicted, &expected, label.cut);
        let (spurious, missed) = unmatched(
            &pairs,
            &enrichment.organizations,
            label.organizations.iter().map(GoldOrganization::name),
        );
        // A cut text's labels cover its opening only: names beyond it are not spurious.
        let spurious = if label.cut { BTreeSet::new() } else { spurious };
        self.examples[3].note_unmatched(id, &spurious, &missed);
        if let Some(main) = &label.main_organizations {
            let predicted: Vec<BTreeSet<String>> = enrichment
                .main_organizations
                .iter()
                .map(|name| extracted_keys(enricher, name))
                .collect();
            // A main name carries the aliases of its entry in `organizations`.
            let expected: Vec<BTreeSet<String>> = main
                .iter()
                .map(|name| {
                    label
                        .organizations
                        .iter()
                        .find(|org| normalise(org.name()) == normalise(name))
                        .map_or_else(|| keys([name.as_str()]), |org| org.keys(enricher))
                })
                .collect();
            let pairs = add_matched(&mut self.main_organizations, &predicted, &expected, false);
            let (spurious, missed) = unmatched(&pairs, &enrichment.main_organizations, main.iter().map(String::as_str));
            self.examples[4].note_unmatched(id, &spurious, &missed);
        }
        if label.lang.as_deref().is_none_or(|lang| lang == enrichment.lang) {
            self.languages_right += 1;
        }
        if label
            .title
            .as_deref()
            .is_none_or(|title| normalize_spaces(title) == normalize_spaces(&record.title))
        {
            self.titles_right += 1;
        } else if other_examples.len() < EXAMPLES_PER_ROW {
            other_examples.push(format!("{id}: title {:?}, expected {:?}", record.title, label.title));
        }
        if label.date.is_none() || label.date == enrichment.date {
            self.dates_right += 1;
        } else if other_examples.len() < 2 * EXAMPLES_PER_ROW {
            other_examples.push(format!("{id}: date {:?}, expected {:?}", enrichment.date, label.date));
        }
    }
}

/// Adds set counts; for a cut text only the matches count as predicted (recall only).
fn add_sets(score: &mut SetScore, predicted: &BTreeSet<String>, expected: &BTreeSet<String>, cut: bool) {
    score.count(
        predicted.intersection(expected).count(),
        predicted.len(),
        expected.len(),
        cut,
    );
}

/// Adds organization counts, names matched as `matching` says; returns the pairing.
fn add_matched(
    score: &mut SetScore,
    predicted: &[BTreeSet<String>],
    expected: &[BTreeSet<String>],
    cut: bool,
) -> Vec<Option<usize>> {
    let pairs = pairing(predicted, expected);
    score.count(pairs.iter().flatten().count(), predicted.len(), expected.len(), cut);
    pairs
}

/// The extracted names paired with no label, and the labels paired with no extracted name.
fn unmatched<'a>(
    pairs: &[Option<usize>],
    predicted: &[String],
    expected: impl Iterator<Item = &'a str>,
) -> (BTreeSet<String>, BTreeSet<String>) {
    let spurious = predicted
        .iter()
        .enumerate()
        .filter(|(at, _)| !pairs.contains(&Some(*at)))
        .map(|(_, name)| name.clone())
        .collect();
    let missed = expected
        .zip(pairs)
        .filter(|(_, pair)| pair.is_none())
        .map(|(name, _)| name.to_string())
        .collect();
    (spurious, missed)
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
