//! Scoring the extractor against labelled data. `pressroom eval` prints these rows;
//! `tests/eval.rs` keeps floors under them.
//!
//! | room | labels |
//! |---|---|
//! | [`reuters`] | Reuters-21578, TRAIN (tuned on) or TEST (held out): PLACES (countries), ORGS (organizations, main organizations) |
//! | [`reliefweb`] | ReliefWeb: language, English themes (held out of the theme model) |
//! | [`gold`] | hand-labelled gold files (`tests/data/*.jsonl`), per language |
//! | [`matching`] | how an extracted organization matches a labelled one |

mod gold;
mod matching;
mod reliefweb;
mod reuters;

use std::collections::BTreeSet;

use serde::Serialize;

pub use gold::{evaluate_gold, parse_gold, GoldOrganization, GoldRecord};
pub use reliefweb::{evaluate_reliefweb, held_out_for_themes};
pub use reuters::{evaluate_reuters, ReutersSplit};

/// Set-based counts, added up over documents (micro-averaged).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct SetScore {
    pub true_positives: usize,
    pub predicted: usize,
    pub expected: usize,
}

impl SetScore {
    pub fn add(&mut self, predicted: &BTreeSet<String>, expected: &BTreeSet<String>) {
        self.count(
            predicted.intersection(expected).count(),
            predicted.len(),
            expected.len(),
            false,
        );
    }

    /// Adds `shared` matches out of `predicted` and `expected` values; for a cut text (gold
    /// that covers only part of it) only the matches count as predicted: recall only.
    pub(crate) fn count(&mut self, shared: usize, predicted: usize, expected: usize, cut: bool) {
        self.true_positives += shared;
        self.predicted += if cut { shared } else { predicted };
        self.expected += expected;
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

pub(crate) fn ratio(part: usize, whole: usize) -> f64 {
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
    pub(crate) fn set(source: &str, facet: &str, documents: usize, score: SetScore, examples: Vec<String>) -> EvalRow {
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

    pub(crate) fn accuracy(source: &str, facet: &str, right: usize, total: usize, examples: Vec<String>) -> EvalRow {
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

pub(crate) const EXAMPLES_PER_ROW: usize = 5;

/// Collects disagreements for the report, a few per facet.
#[derive(Default)]
pub(crate) struct Disagreements(pub(crate) Vec<String>);

impl Disagreements {
    pub(crate) fn note(&mut self, id: &str, predicted: &BTreeSet<String>, expected: &BTreeSet<String>) {
        if predicted != expected && self.0.len() < EXAMPLES_PER_ROW {
            self.0.push(format!("{id}: got {predicted:?}, expected {expected:?}"));
        }
    }

    /// Notes the names left over once matched: those extracted that match no label
    /// (`spurious`) and the labels no extracted name matches (`missed`).
    pub(crate) fn note_unmatched(&mut self, id: &str, spurious: &BTreeSet<String>, missed: &BTreeSet<String>) {
        if (!spurious.is_empty() || !missed.is_empty()) && self.0.len() < EXAMPLES_PER_ROW {
            self.0.push(format!("{id}: spurious {spurious:?}, missed {missed:?}"));
        }
    }
}

pub(crate) fn set_of<'a>(values: impl IntoIterator<Item = &'a String>) -> BTreeSet<String> {
    values.into_iter().cloned().collect()
}
