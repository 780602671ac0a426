//! ReliefWeb reports: language labels, English theme labels.

use std::collections::BTreeSet;

use pressroom_ingest::{language_code, Record};

use super::{Disagreements, EvalRow, SetScore, EXAMPLES_PER_ROW};
use crate::Enricher;

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
