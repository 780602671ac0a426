//! ReliefWeb's humanitarian themes (Health, Shelter and Non-Food Items…) from a small trained
//! model: one logistic regression per theme over TF-IDF words, trained by
//! `scripts/train_themes.py` on ReliefWeb's labelled English reports (one in five held out
//! for `pressroom eval`). Rules over cue words reached a micro-F1 of 0.31 on these labels;
//! the model does markedly better (see the note in `data/theme_model.tsv`).
//!
//! Tokens are made as scikit-learn's `TfidfVectorizer` makes them: lowercase, runs of two or
//! more word characters; weights are `(1 + ln tf) × idf`, L2-normalised.
//!
//! ReliefWeb labels themes on English reports only. Spanish and French reports are read
//! through a bilingual lexicon (`data/theme_lexicon.tsv`): each Spanish or French word form
//! counts as the English model term it translates, so one model serves the three languages.

use std::collections::HashMap;

// The vocabulary is looked up for every word of every release: a fast hash of short keys
// (FxHash) instead of SipHash, which no untrusted key can attack here (the keys are the model's).
use rustc_hash::FxHashMap;

use crate::error::EnrichError;
use crate::tables;
use crate::tsv;

/// A theme is kept when its probability reaches this…
const MIN_PROBABILITY: f32 = 0.4;
/// …and this share of the best theme's; the best theme alone needs only `MIN_BEST`.
const RELATIVE_TO_BEST: f32 = 0.6;
const MIN_BEST: f32 = 0.5;
/// Spanish and French reach the model through the lexicon, which translates its strongest
/// terms only: their probabilities run lower, and both thresholds are scaled by this.
const TRANSLATED_SCALE: f32 = 0.55;

pub struct ThemeModel {
    /// Topic paths of the themes (`/Health`, `/HIV\/Aids`).
    paths: Vec<String>,
    vocabulary: FxHashMap<String, usize>,
    idf: Vec<f32>,
    /// Term-major: `weights[term * themes + theme]`.
    weights: Vec<f32>,
    bias: Vec<f32>,
    /// Per language other than English: word form → the model terms it translates.
    lexicons: HashMap<&'static str, FxHashMap<String, Vec<usize>>>,
}

/// The languages of `data/theme_lexicon.tsv` besides English, in column order.
const LEXICON_LANGUAGES: [&str; 2] = ["es", "fr"];

impl ThemeModel {
    pub fn load() -> Result<ThemeModel, EnrichError> {
        let text = tables::THEME_MODEL;
        let paths: Vec<String> = tsv::header(text)
            .iter()
            .skip(2)
            .map(|theme| format!("/{}", theme.replace('/', "\\/")))
            .collect();
        let themes = paths.len();
        let bad = |line: usize, reason: String| EnrichError::BadTable {
            table: "theme_model.tsv",
            line,
            reason,
        };
        let number = |line: usize, cell: &str| {
            cell.parse::<f32>()
                .map_err(|_| bad(line, format!("`{cell}` is not a number")))
        };
        let bias = tsv::tagged(text, "#bias")
            .unwrap_or_default()
            .iter()
            .skip(1)
            .map(|cell| number(0, cell))
            .collect::<Result<Vec<f32>, _>>()?;
        let mut vocabulary = FxHashMap::default();
        let mut idf = Vec::new();
        let mut weights = Vec::new();
        for (line, columns) in tsv::rows("theme_model.tsv", text, themes + 2)? {
            if columns.len() != themes + 2 {
                return Err(bad(line, format!("{} columns, expected {}", columns.len(), themes + 2)));
            }
            vocabulary.insert(columns[0].to_string(), idf.len());
            idf.push(number(line, columns[1])?);
            for cell in &columns[2..] {
                weights.push(number(line, cell)?);
            }
        }
        if bias.len() != themes || themes == 0 {
            return Err(bad(1, "no #bias line for every theme".to_string()));
        }
        let lexicons = load_lexicons(&vocabulary)?;
        Ok(ThemeModel {
            paths,
            vocabulary,
            idf,
            weights,
            bias,
            lexicons,
        })
    }

    /// Whether the model reads texts in this language.
    pub fn reads(&self, lang: &str) -> bool {
        lang == "en" || self.lexicons.contains_key(lang)
    }

    /// The probability of each theme for a text given in parts (title, body).
    fn probabilities(&self, lang: &str, parts: &[&str]) -> Vec<f32> {
        let mut counts: FxHashMap<usize, f32> = FxHashMap::default();
        for text in parts {
            match self.lexicons.get(lang) {
                Some(lexicon) => for_each_token(text, |token| {
                    for &term in lexicon.get(token).map(Vec::as_slice).unwrap_or_default() {
                        *counts.entry(term).or_default() += 1.0;
                    }
                }),
                None => for_each_token(text, |token| {
                    if let Some(&term) = self.vocabulary.get(token) {
                        *counts.entry(term).or_default() += 1.0;
                    }
                }),
            }
        }
        let features: Vec<(usize, f32)> = counts
            .into_iter()
            .map(|(term, count)| (term, (1.0 + count.ln()) * self.idf[term]))
            .collect();
        let norm = features.iter().map(|(_, value)| value * value).sum::<f32>().sqrt();
        let themes = self.paths.len();
        let mut scores = self.bias.clone();
        if norm > 0.0 {
            for (term, value) in features {
                let row = &self.weights[term * themes..(term + 1) * themes];
                for (score, weight) in scores.iter_mut().zip(row) {
                    *score += weight * value / norm;
                }
            }
        }
        scores.into_iter().map(|score| 1.0 / (1.0 + (-score).exp())).collect()
    }

    /// The theme paths of a release in `lang` (English, or a language of the lexicon).
    pub fn classify(&self, lang: &str, title: &str, body: &str) -> Vec<String> {
        let probabilities = self.probabilities(lang, &[title, body]);
        let best = probabilities.iter().copied().fold(0.0f32, f32::max);
        let scale = if lang == "en" { 1.0 } else { TRANSLATED_SCALE };
        let (min_probability, min_best) = (MIN_PROBABILITY * scale, MIN_BEST * scale);
        self.paths
            .iter()
            .zip(&probabilities)
            .filter(|(_, &p)| (p >= min_probability && p >= RELATIVE_TO_BEST * best) || (p == best && best >= min_best))
            .map(|(path, _)| path.clone())
            .collect()
    }

    /// Is this path one of the model's themes?
    pub fn is_theme(&self, path: &str) -> bool {
        self.paths.iter().any(|theme| theme == path)
    }
}

/// The Spanish and French word forms of the lexicon, each pointing at the model terms it
/// translates. English words the model does not know are skipped (the lexicon may outlive a
/// retraining).
fn load_lexicons(
    vocabulary: &FxHashMap<String, usize>,
) -> Result<HashMap<&'static str, FxHashMap<String, Vec<usize>>>, EnrichError> {
    let mut lexicons: HashMap<&'static str, FxHashMap<String, Vec<usize>>> = HashMap::new();
    for (_, columns) in tsv::rows("theme_lexicon.tsv", tables::THEME_LEXICON, 1)? {
        let Some(&term) = vocabulary.get(columns[0]) else {
            continue;
        };
        for (lang, cell) in LEXICON_LANGUAGES.iter().zip(columns.iter().skip(1)) {
            let lexicon = lexicons.entry(lang).or_default();
            for form in tsv::list(cell) {
                let terms = lexicon.entry(form.to_lowercase()).or_default();
                if !terms.contains(&term) {
                    terms.push(term);
                }
            }
        }
    }
    Ok(lexicons)
}

/// Calls `visit` with each lowercased token of two or more word characters (letters, digits,
/// underscore), as scikit-learn's default `token_pattern` makes them. Written out by hand: the
/// equivalent Unicode regex costs more to compile than a whole document takes to read.
fn for_each_token(text: &str, mut visit: impl FnMut(&str)) {
    let mut token = String::new();
    let mut characters = 0;
    let mut flush = |token: &mut String, characters: &mut usize| {
        if *characters >= 2 {
            visit(token);
        }
        token.clear();
        *characters = 0;
    };
    for c in text.chars() {
        if c.is_ascii_alphanumeric() || c == '_' {
            token.push(c.to_ascii_lowercase());
            characters += 1;
        } else if c.is_alphanumeric() {
            token.extend(c.to_lowercase());
            characters += 1;
        } else {
            flush(&mut token, &mut characters);
        }
    }
    flush(&mut token, &mut characters);
}

#[cfg(test)]
mod tests {
    use super::for_each_token;

    #[test]
    fn tokens_are_lowercased_words_of_two_or_more_characters() {
        let mut tokens = Vec::new();
        for_each_token("WFP's Food-aid: 2 réfugiés, a b_c", |token| {
            tokens.push(token.to_string())
        });
        assert_eq!(tokens, ["wfp", "food", "aid", "réfugiés", "b_c"]);
    }
}
