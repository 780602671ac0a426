//! Reuters-21578's labels, on either side of its split: `TRAIN` may be tuned on, `TEST` is
//! held out.

use std::collections::{BTreeSet, HashMap};

use pressroom_ingest::Record;

use super::{set_of, Disagreements, EvalRow, SetScore};
use crate::tables;
use crate::tsv;
use crate::{EnrichError, Enricher};

/// The side of Reuters-21578's split (`LEWISSPLIT`) a score is taken on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReutersSplit {
    /// `TRAIN`: what cue lists, tables and thresholds may be tuned on (`reuters-train` rows).
    Train,
    /// `TEST`: held out (`reuters-test` rows).
    Test,
}

impl ReutersSplit {
    fn label(self) -> &'static str {
        match self {
            ReutersSplit::Train => "TRAIN",
            ReutersSplit::Test => "TEST",
        }
    }

    fn source(self) -> &'static str {
        match self {
            ReutersSplit::Train => "reuters-train",
            ReutersSplit::Test => "reuters-test",
        }
    }
}

/// Scores against the Reuters-21578 documents of `split` that have PLACES or ORGS labels:
/// countries mentioned vs PLACES (mapped to ISO3 by `data/reuters_places.tsv`),
/// organizations vs ORGS (mapped by `organizations.tsv`'s `reuters` column; predictions
/// outside the ORGS vocabulary are not scored).
pub fn evaluate_reuters(
    enricher: &Enricher,
    records: &[Record],
    split: ReutersSplit,
) -> Result<Vec<EvalRow>, EnrichError> {
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
    let (mut countries, mut organizations, mut main) = (SetScore::default(), SetScore::default(), SetScore::default());
    let (mut country_examples, mut organization_examples, mut main_examples) = (
        Disagreements::default(),
        Disagreements::default(),
        Disagreements::default(),
    );
    let mut documents = 0;
    for record in records {
        let labels = &record.labels;
        if labels.split.as_deref() != Some(split.label()) || (labels.places.is_empty() && labels.orgs.is_empty()) {
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
        // Our names as Reuters ORGS labels (names without a label are out of its vocabulary).
        let as_labels = |names: &[String]| -> BTreeSet<String> {
            names
                .iter()
                .filter_map(|org| organization_labels.get(org.as_str()).map(|label| label.to_string()))
                .collect()
        };
        let predicted = as_labels(&enrichment.organizations);
        organizations.add(&predicted, &expected);
        organization_examples.note(&record.id, &predicted, &expected);
        // ORGS names the organizations a story is about: the main ones.
        let predicted = as_labels(&enrichment.main_organizations);
        main.add(&predicted, &expected);
        main_examples.note(&record.id, &predicted, &expected);
    }
    Ok(vec![
        EvalRow::set(
            split.source(),
            "countries (PLACES)",
            documents,
            countries,
            country_examples.0,
        ),
        EvalRow::set(
            split.source(),
            "organizations (ORGS)",
            documents,
            organizations,
            organization_examples.0,
        ),
        EvalRow::set(
            split.source(),
            "main organizations (ORGS)",
            documents,
            main,
            main_examples.0,
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
