//! Cross-lingual expansion of core domain terms, from the curated table in
//! `data/expansions.tsv`: a query that names one variant of a concept (`trafficking`) also
//! matches the others (`trata de personas`, `traite des êtres humains`), ranked below exact
//! matches by the query builder.

use std::collections::HashMap;

use crate::error::SearchError;

const TABLE: &str = include_str!("../data/expansions.tsv");
const LANGUAGES: [&str; 3] = ["en", "es", "fr"];

/// One wording of a concept.
#[derive(Debug, Clone)]
pub struct Variant {
    pub text: String,
    pub lang: &'static str,
    key: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Concept {
    pub name: String,
    pub variants: Vec<Variant>,
}

pub struct ExpansionTable {
    concepts: Vec<Concept>,
    /// First word of a variant's key → (concept, variant).
    by_first_word: HashMap<String, Vec<(usize, usize)>>,
}

/// A word as the table compares it: lowercase, accents folded, a plural `s` dropped.
pub fn comparison_key(word: &str) -> String {
    let folded = pressroom_enrich::fold(word);
    match folded.strip_suffix('s') {
        Some(stem) if stem.chars().count() >= 3 => stem.to_string(),
        _ => folded,
    }
}

/// The words of a text, split on anything that is not a letter or digit.
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
}

impl ExpansionTable {
    pub fn load() -> Result<ExpansionTable, SearchError> {
        let mut concepts = Vec::new();
        let mut by_first_word: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
        let rows = pressroom_enrich::tsv::rows("expansions.tsv", TABLE, 1 + LANGUAGES.len())
            .map_err(|error| SearchError::Internal(error.to_string()))?;
        for (_, cells) in rows {
            let concept_index = concepts.len();
            let mut variants: Vec<Variant> = Vec::new();
            for (cell, lang) in cells[1..].iter().zip(LANGUAGES) {
                for text in pressroom_enrich::tsv::list(cell) {
                    let key: Vec<String> = words(text).map(comparison_key).collect();
                    if key.is_empty() || variants.iter().any(|known| known.key == key) {
                        continue;
                    }
                    by_first_word
                        .entry(key[0].clone())
                        .or_default()
                        .push((concept_index, variants.len()));
                    variants.push(Variant {
                        text: text.to_string(),
                        lang,
                        key,
                    });
                }
            }
            concepts.push(Concept {
                name: cells[0].to_string(),
                variants,
            });
        }
        Ok(ExpansionTable {
            concepts,
            by_first_word,
        })
    }

    pub fn concepts(&self) -> &[Concept] {
        &self.concepts
    }

    /// The longest variant that the words starting at `keys[0]` spell exactly: (number of
    /// words, concept, variant).
    pub fn longest_match(&self, keys: &[String]) -> Option<(usize, usize, usize)> {
        let first = keys.first()?;
        let candidates = self.by_first_word.get(first)?;
        candidates
            .iter()
            .filter_map(|&(concept, variant)| {
                let key = &self.concepts[concept].variants[variant].key;
                (keys.len() >= key.len() && keys[..key.len()] == key[..]).then_some((key.len(), concept, variant))
            })
            .max_by_key(|(length, _, _)| *length)
    }

    /// The other wordings of a concept than the one matched.
    pub fn alternatives(&self, concept: usize, matched: usize) -> impl Iterator<Item = &Variant> {
        self.concepts[concept]
            .variants
            .iter()
            .enumerate()
            .filter(move |(index, _)| *index != matched)
            .map(|(_, variant)| variant)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_loads_with_at_least_forty_concepts_in_three_languages() {
        let table = ExpansionTable::load().expect("table loads");
        assert!(table.concepts().len() >= 40, "{} concepts", table.concepts().len());
        for (_, cells) in pressroom_enrich::tsv::rows("expansions.tsv", TABLE, 4).expect("rows") {
            assert!(
                cells[1..].iter().all(|cell| !cell.trim().is_empty()),
                "`{}` lacks a wording in one of {LANGUAGES:?}",
                cells[0]
            );
        }
    }

    #[test]
    fn longest_wording_wins_and_plurals_and_accents_match() {
        let table = ExpansionTable::load().expect("table loads");
        let keys: Vec<String> = words("Human Trafficking victims").map(comparison_key).collect();
        let (length, concept, _) = table.longest_match(&keys).expect("a concept");
        assert_eq!((length, table.concepts()[concept].name.as_str()), (2, "trafficking"));
        let keys: Vec<String> = words("solicitantes de asilo").map(comparison_key).collect();
        let (length, concept, matched) = table.longest_match(&keys).expect("a concept");
        assert_eq!((length, table.concepts()[concept].name.as_str()), (3, "asylum seeker"));
        let others: Vec<&str> = table
            .alternatives(concept, matched)
            .map(|variant| variant.text.as_str())
            .collect();
        assert!(others.contains(&"asylum seeker") && others.contains(&"demandeur d'asile"));
        let keys: Vec<String> = words("refugies").map(comparison_key).collect();
        assert!(table.longest_match(&keys).is_some(), "folded French plural");
    }
}
