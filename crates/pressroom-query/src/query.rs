//! From the user's query text to a tantivy query.
//!
//! The text is parsed with tantivy's query grammar (words, `"phrases"~slop`, `+must`, `-not`,
//! `AND`/`OR`, parentheses, `title:`/`body:`), then each word or phrase becomes a
//! disjunction over several ways of matching it, each weighted so that closer matches rank
//! higher:
//!
//! | match | fields | weight |
//! |---|---|---|
//! | exact (case and accents folded) | `title`, `body` | 1 |
//! | stemmed, per language in scope | `title_<lang>`, `body_<lang>` | [`STEMMED_WEIGHT`] |
//! | cross-lingual expansion ([`crate::expansion`]) | all of the above | [`EXPANSION_WEIGHT`], times √(idf typed / idf of the wording) when the wording is rarer |
//! | prefix of the last word (`prefix=true`) | `title`, `body` | [`PREFIX_WEIGHT`] |
//! | typo: edit distance 1 from 5 letters, 2 from 9, never in the first letter | `title`, `body` | [`FUZZY_WEIGHT`] |
//!
//! In each field a word's forms do not add up: the best one counts, the others only a
//! [`FORMS_TIE_BREAKER`] share (a disjunction-max, computed by [`crate::forms::FormsQuery`]),
//! so a release is not rewarded several times for one word. Several bare words also score
//! together as a loose phrase ([`PROXIMITY_WEIGHT`]; at the query's top level it is returned
//! apart, [`Proximity`], and added to the best hits by the words alone); the words of a quoted phrase also score on their own
//! ([`PHRASE_WORDS_WEIGHT`]), so one with them in its title ranks above one that only repeats
//! the phrase. Title matches weigh [`TITLE_BOOST`] times body matches (the weights were tuned
//! on the tune half of the judged set, `tests/data/relevance/`). Typo and prefix candidates are the actual
//! terms of the title and body dictionaries (the closest, then the most frequent first), so they score
//! with BM25 like any term and the highlighter can mark them. A typo at distance 2 weighs half
//! of one at distance 1. A word the index holds in more than one document in
//! [`TYPO_DOC_SHARE`] is taken as spelled right and gets no typo candidates (`tracking` does
//! not also search `trafficking`), which also keeps common words fast.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use pressroom_index::schema::{Fields, StemmedFields};
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, EmptyQuery, FuzzyTermQuery, Occur, PhrasePrefixQuery, PhraseQuery, Query,
    TermQuery,
};
use tantivy::query_grammar::{Delimiter, UserInputAst, UserInputLeaf, UserInputLiteral};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{Searcher, Term};

use crate::error::SearchError;
use crate::expansion::{comparison_key, words, ExpansionTable};
use crate::forms::FormsQuery;
use crate::lookups::Lookups;
use crate::materialized::{Matches, MaterializedQuery};
use crate::paired::PairedPhraseQuery;
use crate::sum::SumQuery;

pub const TITLE_BOOST: f32 = 1.0;
pub const STEMMED_WEIGHT: f32 = 0.6;
/// In each field, a word's best-scoring form counts, the others add this share of theirs
/// (a disjunction-max): a release is not rewarded three times for holding `refugees`, its
/// stem and an expansion of it.
pub const FORMS_TIE_BREAKER: f32 = 0.2;
/// The words of a quoted phrase also score on their own, at this weight (the phrase itself
/// is required).
pub const PHRASE_WORDS_WEIGHT: f32 = 0.5;
pub const EXPANSION_WEIGHT: f32 = 0.4;
pub const PREFIX_WEIGHT: f32 = 0.5;
pub const FUZZY_WEIGHT: f32 = 0.3;
/// Weight and slop of the loose phrase made of a query's bare words.
pub const PROXIMITY_WEIGHT: f32 = 0.5;
pub const PROXIMITY_SLOP: u32 = 3;
/// Longer queries (sentences) rarely hold together within the slop: no proximity clause.
const MAX_PROXIMITY_WORDS: usize = 5;
/// Dictionary terms a typo or a prefix may stand for, the closest and most frequent first.
const MAX_FUZZY_TERMS: usize = 8;
const MAX_PREFIX_TERMS: usize = 30;
/// A word found in more documents than this share of the index (and at least
/// [`TYPO_MIN_DOCS`]) is taken as spelled right: it gets no typo candidates.
const TYPO_DOC_SHARE: u64 = 2_000;
const TYPO_MIN_DOCS: u64 = 5;

/// How loosely words match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MatchOptions {
    pub typo: bool,
    pub prefix: bool,
    pub expand: bool,
}

/// The index terms a query matches with, per analysis: what the highlighter marks.
#[derive(Debug, Default, Clone)]
pub struct MatchedTerms {
    /// Folded words of `title`/`body`.
    pub base: HashSet<String>,
    /// Stems per language code.
    pub stemmed: HashMap<&'static str, HashSet<String>>,
}

/// Clauses taken by a concept, and the query standing for them.
type ConceptGroup = (usize, Box<dyn Query>);

pub struct BuiltQuery {
    /// What a release must match, scored by its words (without `proximity`).
    pub query: Box<dyn Query>,
    pub terms: MatchedTerms,
    /// The loose phrase of the query's top-level bare words (weighted): it adds to the
    /// score of a release that matches `query`, never decides whether it matches, so a search
    /// adds it only to the best releases by `query` ([`crate::service`]'s rescoring).
    pub proximity: Option<Proximity>,
}

/// The loose phrase of a query's bare words: per field (title, then body) the forms it
/// matches with, each weighted ([`PROXIMITY_WEIGHT`] included). In a field the best form
/// counts and the others a [`FORMS_TIE_BREAKER`] share; the fields add up.
pub struct Proximity {
    pub parts: Vec<Vec<Box<dyn Query>>>,
}

impl Proximity {
    /// The loose phrase as one query (scored as the parts are combined).
    pub fn query(&self) -> Box<dyn Query> {
        let parts = self
            .parts
            .iter()
            .map(|forms| forms.iter().map(|form| form.box_clone()).collect())
            .collect();
        Box::new(FormsQuery::new(parts, FORMS_TIE_BREAKER))
    }
}

/// The ways one literal matches, each tagged with its field.
type Forms = Vec<(Part, Box<dyn Query>)>;

/// The analyzers a query is analysed with: the base one and one per language in scope.
#[derive(Clone)]
pub struct Analyzers {
    pub base: TextAnalyzer,
    pub stemmed: Vec<(StemmedFields, TextAnalyzer)>,
}

/// The tokens of a text: (position, term text).
pub fn analyze(analyzer: &mut TextAnalyzer, text: &str) -> Vec<(usize, String)> {
    let mut stream = analyzer.token_stream(text);
    let mut tokens = Vec::new();
    while let Some(token) = stream.next() {
        tokens.push((token.position, token.text.clone()));
    }
    tokens
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Title,
    Body,
}

/// How a literal is matched beyond its exact and stemmed forms.
#[derive(Clone, Copy, Default)]
struct Matching {
    /// Whether the terms it matches with are marked by the highlighter (not for negated or
    /// proximity clauses).
    record_terms: bool,
    /// Dictionary words within its edit distance also match (a single bare word).
    typo: bool,
    /// Dictionary words it starts also match (the last bare word, search as you type).
    prefix: bool,
    /// A wording known to be in this language is stemmed only in it.
    only_lang: Option<&'static str>,
}

/// The fields a literal searches, with their boosts: both, or the one it names.
fn parts_of(literal: &UserInputLiteral) -> Result<Vec<(Part, f32)>, SearchError> {
    let title = TITLE_BOOST;
    match literal.field_name.as_deref() {
        None => Ok(vec![(Part::Title, title), (Part::Body, 1.0)]),
        Some("title") => Ok(vec![(Part::Title, title)]),
        Some("body") => Ok(vec![(Part::Body, 1.0)]),
        Some(other) => Err(SearchError::InvalidQuery(format!(
            "unknown field `{other}:` (searchable fields: title, body)"
        ))),
    }
}

pub struct QueryBuilder<'a> {
    searcher: &'a Searcher,
    lookups: &'a Lookups,
    fields: &'a Fields,
    analyzers: Analyzers,
    expansions: &'a ExpansionTable,
    options: MatchOptions,
    terms: MatchedTerms,
    literals_seen: usize,
    prefix_literal: Option<usize>,
    /// Clauses entered so far: the first is the query's top level.
    clauses_entered: usize,
    /// The top level's loose phrase, kept apart ([`BuiltQuery::proximity`]).
    top_proximity: Option<Proximity>,
}

impl<'a> QueryBuilder<'a> {
    pub fn new(
        searcher: &'a Searcher,
        lookups: &'a Lookups,
        fields: &'a Fields,
        analyzers: Analyzers,
        expansions: &'a ExpansionTable,
        options: MatchOptions,
    ) -> QueryBuilder<'a> {
        QueryBuilder {
            searcher,
            lookups,
            fields,
            analyzers,
            expansions,
            options,
            terms: MatchedTerms::default(),
            literals_seen: 0,
            prefix_literal: None,
            clauses_entered: 0,
            top_proximity: None,
        }
    }

    /// The query for `text`; `None` when it is blank (every document matches).
    pub fn build(mut self, text: &str) -> Result<Option<BuiltQuery>, SearchError> {
        if text.trim().is_empty() {
            return Ok(None);
        }
        if nesting_depth(text) > MAX_NESTING {
            return Err(SearchError::InvalidQuery(format!(
                "parentheses nest deeper than {MAX_NESTING} levels"
            )));
        }
        let text = escape_inner_apostrophes(text);
        let ast = tantivy::query_grammar::parse_query(&text).map_err(|_| {
            SearchError::InvalidQuery(
                "cannot parse the query (check quotes, parentheses and `field:` prefixes)".to_string(),
            )
        })?;
        // A lone word parses as a leaf: as a clause it can be expanded like any other.
        let ast = match ast {
            UserInputAst::Leaf(_) => UserInputAst::Clause(vec![(None, ast)]),
            other => other,
        };
        if self.options.prefix {
            self.prefix_literal = last_bare_literal(&ast, &mut 0, false);
        }
        let query = self.node(&ast, false)?.unwrap_or_else(|| Box::new(EmptyQuery));
        Ok(Some(BuiltQuery {
            query,
            terms: self.terms,
            proximity: self.top_proximity,
        }))
    }

    fn node(&mut self, ast: &UserInputAst, negated: bool) -> Result<Option<Box<dyn Query>>, SearchError> {
        match ast {
            UserInputAst::Clause(clauses) => self.clause(clauses, negated),
            UserInputAst::Boost(inner, boost) => Ok(self
                .node(inner, negated)?
                .map(|query| Box::new(BoostQuery::new(query, boost.into_inner() as f32)) as Box<dyn Query>)),
            UserInputAst::Leaf(leaf) => match leaf.as_ref() {
                UserInputLeaf::Literal(literal) => self.literal(literal, negated),
                UserInputLeaf::All => Ok(Some(Box::new(AllQuery))),
                UserInputLeaf::Range { .. } => Err(SearchError::InvalidQuery(
                    "ranges are not supported in `q`: use `from` and `to` for dates".to_string(),
                )),
                _ => Err(SearchError::InvalidQuery(
                    "set, exists and regex queries are not supported".to_string(),
                )),
            },
        }
    }

    fn clause(
        &mut self,
        clauses: &[(Option<Occur>, UserInputAst)],
        negated: bool,
    ) -> Result<Option<Box<dyn Query>>, SearchError> {
        let top_level = self.clauses_entered == 0;
        self.clauses_entered += 1;
        let mut built: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let mut index = 0;
        while index < clauses.len() {
            if self.options.expand && !negated {
                if let Some((taken, query)) = self.concept_group(&clauses[index..])? {
                    built.push((Occur::Must, query));
                    index += taken;
                    continue;
                }
            }
            let (occur, ast) = &clauses[index];
            let occur = occur.unwrap_or(Occur::Must);
            let child_negated = negated ^ (occur == Occur::MustNot);
            if let Some(query) = self.node(ast, child_negated)? {
                built.push((occur, query));
            }
            index += 1;
        }
        if built.is_empty() {
            return Ok(None);
        }
        if !negated && built.iter().any(|(occur, _)| *occur == Occur::Must) {
            if let Some(proximity) = self.proximity(clauses)? {
                if top_level {
                    self.top_proximity = Some(proximity);
                } else {
                    built.push((Occur::Should, proximity.query()));
                }
            }
        }
        if built.iter().all(|(occur, _)| *occur == Occur::MustNot) {
            built.push((Occur::Must, Box::new(AllQuery)));
        }
        if built.len() == 1 && built[0].0 == Occur::Must {
            return Ok(built.pop().map(|(_, query)| query));
        }
        Ok(Some(Box::new(BooleanQuery::new(built))))
    }

    /// When the bare words at the start of `clauses` spell a concept of the expansion table,
    /// the query for them or any other wording of the concept, and how many clauses it took.
    fn concept_group(
        &mut self,
        clauses: &[(Option<Occur>, UserInputAst)],
    ) -> Result<Option<ConceptGroup>, SearchError> {
        let mut literals: Vec<&UserInputLiteral> = Vec::new();
        let mut keys: Vec<String> = Vec::new();
        let mut boundaries: Vec<usize> = Vec::new();
        for (occur, ast) in clauses {
            let Some(literal) = plain_literal(*occur, ast) else {
                break;
            };
            literals.push(literal);
            keys.extend(words(&literal.phrase).map(comparison_key));
            boundaries.push(keys.len());
        }
        let Some((length, concept, matched)) = self.expansions.longest_match(&keys) else {
            return Ok(None);
        };
        let Some(taken) = boundaries
            .iter()
            .position(|end| *end == length)
            .map(|position| position + 1)
        else {
            return Ok(None);
        };
        let mut exact: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for literal in &literals[..taken] {
            if let Some(query) = self.literal(literal, false)? {
                exact.push((Occur::Must, query));
            }
        }
        if exact.is_empty() {
            return Ok(None);
        }
        let mut alternatives: Vec<Box<dyn Query>> = vec![Box::new(BooleanQuery::new(exact))];
        let typed: Vec<&str> = literals[..taken]
            .iter()
            .map(|literal| literal.phrase.as_str())
            .collect();
        let typed_idf = self.body_idf(&typed.join(" "))?;
        let expansions = self.expansions;
        for variant in expansions.alternatives(concept, matched) {
            let literal = UserInputLiteral {
                field_name: None,
                phrase: variant.text.clone(),
                delimiter: Delimiter::DoubleQuotes,
                slop: 0,
                prefix: false,
            };
            let how = Matching {
                record_terms: true,
                only_lang: Some(variant.lang),
                ..Matching::default()
            };
            // A word of a language the index holds little of is rare there: its idf says
            // "Spanish", not "specific", and must not let it outscore the typed word by that
            // alone (`niños` for `children` put El Niño bulletins first). A wording rarer than
            // what was typed weighs less by the square root of their idf ratio, so it still
            // reaches the releases written in its language.
            let variant_idf = self.body_idf(&variant.text)?;
            let share = if variant_idf > typed_idf && typed_idf > 0.0 {
                (typed_idf / variant_idf).sqrt()
            } else {
                1.0
            };
            if let Some(query) = self.analysed(&literal, how)? {
                // The same wording, weighed the same, recurs in every search of the
                // concept: its matches are worked out once per searcher.
                let weighted = BoostQuery::new(query, EXPANSION_WEIGHT * share);
                let matches = self.lookups.matches(self.searcher, format!("{weighted:?}"), || {
                    Matches::of(&weighted, self.searcher, &self.lookups.statistics(self.searcher))
                })?;
                alternatives.push(Box::new(MaterializedQuery::new(matches)));
            }
        }
        Ok(Some((taken, Box::new(SumQuery::new(alternatives)))))
    }

    /// Several required bare words also score as a loose phrase (within [`PROXIMITY_SLOP`]),
    /// so documents where they stand together rank first.
    fn proximity(&mut self, clauses: &[(Option<Occur>, UserInputAst)]) -> Result<Option<Proximity>, SearchError> {
        let words: Vec<&str> = clauses
            .iter()
            .filter_map(|(occur, ast)| plain_literal(*occur, ast))
            .map(|literal| literal.phrase.as_str())
            .collect();
        if !(2..=MAX_PROXIMITY_WORDS).contains(&words.len()) {
            return Ok(None);
        }
        let literal = UserInputLiteral {
            field_name: None,
            phrase: words.join(" "),
            delimiter: Delimiter::DoubleQuotes,
            slop: PROXIMITY_SLOP,
            prefix: false,
        };
        Ok(self.analysed_forms(&literal, Matching::default())?.map(|forms| {
            let weighted = forms
                .into_iter()
                .map(|(part, form)| (part, boosted(form, PROXIMITY_WEIGHT)))
                .collect();
            Proximity {
                parts: by_part(weighted),
            }
        }))
    }

    fn literal(&mut self, literal: &UserInputLiteral, negated: bool) -> Result<Option<Box<dyn Query>>, SearchError> {
        let number = self.literals_seen;
        self.literals_seen += 1;
        let is_prefix = self.prefix_literal == Some(number) && !negated;
        let typo = self.options.typo && !negated && literal.delimiter == Delimiter::None;
        let how = Matching {
            record_terms: !negated,
            typo,
            prefix: is_prefix,
            only_lang: None,
        };
        let matched = self.analysed(literal, how)?;
        if negated || literal.delimiter == Delimiter::None {
            return Ok(matched);
        }
        let Some(phrase) = matched else {
            return Ok(None);
        };
        // A quoted phrase is required as a phrase; its words also score on their own, so a
        // release with them in its title ranks above one that only repeats the phrase.
        let words: Vec<String> = words(&literal.phrase).map(str::to_string).collect();
        if words.len() < 2 {
            return Ok(Some(phrase));
        }
        let mut word_queries: Vec<Box<dyn Query>> = Vec::new();
        for word in words {
            let single = UserInputLiteral {
                field_name: literal.field_name.clone(),
                phrase: word,
                delimiter: Delimiter::None,
                slop: 0,
                prefix: false,
            };
            if let Some(query) = self.analysed(&single, Matching::default())? {
                word_queries.push(boosted(query, PHRASE_WORDS_WEIGHT));
            }
        }
        if word_queries.is_empty() {
            return Ok(Some(phrase));
        }
        // The words are scored only where the phrase is (not a window around it).
        let words: Box<dyn Query> = Box::new(SumQuery::new(word_queries));
        Ok(Some(Box::new(BooleanQuery::new(vec![
            (Occur::Must, phrase),
            (Occur::Should, words),
        ]))))
    }

    /// A word or phrase matched exactly, stemmed in each language in scope (or only in
    /// the wording's own language), and optionally with typos or as a prefix.
    fn analysed(&mut self, literal: &UserInputLiteral, how: Matching) -> Result<Option<Box<dyn Query>>, SearchError> {
        Ok(self.analysed_forms(literal, how)?.map(combine_forms))
    }

    /// The ways [`Self::analysed`] matches a literal, each tagged with its field.
    fn analysed_forms(&mut self, literal: &UserInputLiteral, how: Matching) -> Result<Option<Forms>, SearchError> {
        let parts = parts_of(literal)?;
        let base_tokens = analyze(&mut self.analyzers.base, &literal.phrase);
        if base_tokens.is_empty() {
            return Ok(None);
        }
        let mut alternatives = self.exact_clauses(literal, &parts, &base_tokens, how.prefix);
        let kept_everywhere = self.stemmed_clauses(literal, &parts, base_tokens.len(), how, &mut alternatives);
        if how.record_terms {
            for (position, text) in &base_tokens {
                if kept_everywhere.as_ref().is_none_or(|kept| kept.contains(position)) {
                    self.terms.base.insert(text.clone());
                }
            }
        }
        let is_phrase = literal.delimiter != Delimiter::None || base_tokens.len() > 1;
        if !is_phrase && (how.typo || how.prefix) {
            self.candidate_clauses(&base_tokens[0].1, &parts, how, &mut alternatives)?;
        }
        self.retain_present(&mut alternatives)?;
        Ok(Some(alternatives))
    }

    /// Drops the forms holding a term no document has in that field (a word absent from
    /// titles, a stem of another language): they match nothing, so the search is the same,
    /// but each would still cost a weight and, in every segment and pass, a dictionary lookup
    /// and a scorer. The prefix of a phrase prefix is not among the terms looked at.
    fn retain_present(&self, forms: &mut Forms) -> Result<(), SearchError> {
        let mut kept = Vec::with_capacity(forms.len());
        for (part, query) in forms.drain(..) {
            let mut present = true;
            let mut failed = None;
            query.query_terms(&mut |term, _| {
                if present && failed.is_none() {
                    match self.lookups.doc_freq(self.searcher, term) {
                        Ok(0) => present = false,
                        Ok(_) => {}
                        Err(error) => failed = Some(error),
                    }
                }
            });
            if let Some(error) = failed {
                return Err(error.into());
            }
            if present {
                kept.push((part, query));
            }
        }
        *forms = kept;
        Ok(())
    }

    /// The literal in the base fields: its words (a phrase, or a phrase prefix).
    fn exact_clauses(
        &self,
        literal: &UserInputLiteral,
        parts: &[(Part, f32)],
        base_tokens: &[(usize, String)],
        prefix: bool,
    ) -> Vec<(Part, Box<dyn Query>)> {
        parts
            .iter()
            .map(|&(part, boost)| {
                let field = self.base_field(part);
                let paired = match part {
                    Part::Body if !prefix && literal.slop == 0 => {
                        PairedPhraseQuery::new(field, self.fields.body_pairs, base_tokens)
                    }
                    _ => None,
                };
                let query: Box<dyn Query> = if let Some(paired) = paired {
                    Box::new(paired)
                } else if prefix && base_tokens.len() > 1 {
                    phrase_prefix(field, base_tokens)
                } else {
                    terms_query(field, base_tokens, literal.slop)
                };
                (part, boosted(query, boost))
            })
            .collect()
    }

    /// The literal stemmed in each language in scope, added to `alternatives`; returns the
    /// positions every stemmed analysis keeps (a word one of them drops is a stop word, not
    /// worth marking), `None` when no language was analysed.
    fn stemmed_clauses(
        &mut self,
        literal: &UserInputLiteral,
        parts: &[(Part, f32)],
        base_words: usize,
        how: Matching,
        alternatives: &mut Vec<(Part, Box<dyn Query>)>,
    ) -> Option<HashSet<usize>> {
        let mut kept_everywhere: Option<HashSet<usize>> = None;
        for index in 0..self.analyzers.stemmed.len() {
            let (stemmed_fields, analyzer) = &mut self.analyzers.stemmed[index];
            let stemmed_fields = *stemmed_fields;
            if how.only_lang.is_some_and(|lang| lang != stemmed_fields.lang) {
                continue;
            }
            let tokens = analyze(analyzer, &literal.phrase);
            let kept: HashSet<usize> = tokens.iter().map(|(position, _)| *position).collect();
            kept_everywhere = Some(match kept_everywhere {
                Some(so_far) => so_far.intersection(&kept).copied().collect(),
                None => kept,
            });
            // A phrase whose stop words the stemmer's analysis drops must keep at least two
            // words there, or it would match far more loosely than asked (`"the minister"`).
            if tokens.is_empty() || (base_words > 1 && tokens.len() < 2) {
                continue;
            }
            for &(part, boost) in parts {
                let field = match part {
                    Part::Title => stemmed_fields.title,
                    Part::Body => stemmed_fields.body,
                };
                let query = terms_query(field, &tokens, literal.slop);
                alternatives.push((part, boosted(query, boost * STEMMED_WEIGHT)));
            }
            if how.record_terms {
                self.terms
                    .stemmed
                    .entry(stemmed_fields.lang)
                    .or_default()
                    .extend(tokens.into_iter().map(|(_, text)| text));
            }
        }
        kept_everywhere
    }

    /// Dictionary terms the single word may stand for (completions of a prefix, spellings
    /// within its edit distance), each weighted, added to `alternatives`.
    fn candidate_clauses(
        &mut self,
        word: &str,
        parts: &[(Part, f32)],
        how: Matching,
        alternatives: &mut Vec<(Part, Box<dyn Query>)>,
    ) -> Result<(), SearchError> {
        let mut candidates: Vec<(String, f32)> = Vec::new();
        if how.prefix {
            candidates.extend(
                self.dictionary_matches(word, 0, true, MAX_PREFIX_TERMS)?
                    .iter()
                    .map(|term| (term.clone(), PREFIX_WEIGHT)),
            );
        }
        let distance = match word.chars().count() {
            0..=4 => 0,
            5..=8 => 1,
            _ => 2,
        };
        if how.typo && distance > 0 && self.may_be_a_typo(word)? {
            for term in self.dictionary_matches(word, distance, false, MAX_FUZZY_TERMS)?.iter() {
                let edits = strsim::osa_distance(word, term).max(1);
                candidates.push((term.clone(), FUZZY_WEIGHT / edits as f32));
            }
        }
        for (term, weight) in candidates {
            for &(part, boost) in parts {
                let query = TermQuery::new(
                    Term::from_field_text(self.base_field(part), &term),
                    IndexRecordOption::WithFreqs,
                );
                alternatives.push((part, boosted(Box::new(query), boost * weight)));
            }
            if how.record_terms {
                self.terms.base.insert(term);
            }
        }
        Ok(())
    }

    fn base_field(&self, part: Part) -> Field {
        match part {
            Part::Title => self.fields.title,
            Part::Body => self.fields.body,
        }
    }

    /// The BM25 inverse document frequency of `text`'s words in the body, summed (as tantivy
    /// weighs a phrase).
    fn body_idf(&mut self, text: &str) -> Result<f32, SearchError> {
        let documents = self.searcher.num_docs() as f32;
        let mut idf = 0.0;
        for (_, word) in analyze(&mut self.analyzers.base, text) {
            let frequency =
                self.lookups
                    .doc_freq(self.searcher, &Term::from_field_text(self.fields.body, &word))? as f32;
            idf += (1.0 + (documents - frequency + 0.5) / (frequency + 0.5)).ln();
        }
        Ok(idf)
    }

    /// Whether `word` is rare enough in the index to be a misspelling.
    fn may_be_a_typo(&self, word: &str) -> Result<bool, SearchError> {
        let documents = self
            .lookups
            .doc_freq(self.searcher, &Term::from_field_text(self.fields.body, word))?
            + self
                .lookups
                .doc_freq(self.searcher, &Term::from_field_text(self.fields.title, word))?;
        let threshold = (self.searcher.num_docs() / TYPO_DOC_SHARE).max(TYPO_MIN_DOCS);
        Ok(documents <= threshold)
    }

    /// The terms of the title and body dictionaries within `distance` edits of `word` (or
    /// starting with it), other than `word` itself: the `limit` closest, the most frequent
    /// first among equals. Remembered for the searcher's generation.
    fn dictionary_matches(
        &self,
        word: &str,
        distance: u8,
        prefix: bool,
        limit: usize,
    ) -> Result<Arc<Vec<String>>, SearchError> {
        self.lookups
            .candidates(self.searcher, (word.to_string(), distance, prefix, limit), || {
                self.walk_dictionaries(word, distance, prefix, limit)
            })
    }

    fn walk_dictionaries(
        &self,
        word: &str,
        distance: u8,
        prefix: bool,
        limit: usize,
    ) -> Result<Vec<String>, SearchError> {
        let probe = Term::from_field_text(self.fields.body, word);
        let query = if prefix {
            FuzzyTermQuery::new_prefix(probe, distance, true)
        } else {
            FuzzyTermQuery::new(probe, distance, true)
        };
        let automaton = query.automaton()?;
        // A typo is never in the first letter (as in Meilisearch, where it would cost two):
        // only the dictionary's range of words with that first letter is walked, a small
        // part of it, instead of all of it.
        let Some(first_letter) = word.chars().next() else {
            return Ok(Vec::new());
        };
        let mut utf8 = [0u8; 4];
        let range_start = first_letter.encode_utf8(&mut utf8).as_bytes().to_vec();
        let mut range_end = range_start.clone();
        if let Some(last) = range_end.last_mut() {
            // UTF-8 bytes are at most 0xF4, so this never overflows.
            *last = last.saturating_add(1);
        }
        let mut frequencies: HashMap<String, u64> = HashMap::new();
        for segment in self.searcher.segment_readers() {
            for field in [self.fields.title, self.fields.body] {
                let inverted = segment.inverted_index(field)?;
                let mut stream = inverted
                    .terms()
                    .search(&automaton)
                    .ge(&range_start)
                    .lt(&range_end)
                    .into_stream()
                    .map_err(|error| SearchError::Internal(error.to_string()))?;
                while stream.advance() {
                    let Ok(term) = std::str::from_utf8(stream.key()) else {
                        continue;
                    };
                    if term != word {
                        *frequencies.entry(term.to_string()).or_default() += u64::from(stream.value().doc_freq);
                    }
                }
            }
        }
        let mut ranked: Vec<(usize, String, u64)> = frequencies
            .into_iter()
            .map(|(term, frequency)| {
                let edits = if prefix { 0 } else { strsim::osa_distance(word, &term) };
                (edits, term, frequency)
            })
            .collect();
        ranked.sort_by(|a, b| a.0.cmp(&b.0).then(b.2.cmp(&a.2)).then_with(|| a.1.cmp(&b.1)));
        ranked.truncate(limit);
        Ok(ranked.into_iter().map(|(_, term, _)| term).collect())
    }
}

/// Parentheses may nest this deep: parsing and building recurse once per level.
pub const MAX_NESTING: usize = 32;

/// The deepest parenthesis nesting outside quotes.
fn nesting_depth(text: &str) -> usize {
    let (mut depth, mut deepest, mut quoted) = (0usize, 0usize, false);
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '(' if !quoted => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            ')' if !quoted => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

/// An apostrophe between two letters is part of a word (`cox's`, `d'asile`), not the start
/// of a single-quoted phrase: it is escaped for the grammar.
fn escape_inner_apostrophes(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 4);
    for (index, &c) in chars.iter().enumerate() {
        let inside_word = index > 0
            && chars[index - 1].is_alphanumeric()
            && chars.get(index + 1).is_some_and(|next| next.is_alphanumeric());
        if c == '\'' && inside_word {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A bare word or run of words in the default fields, required (not negated, not quoted).
fn plain_literal(occur: Option<Occur>, ast: &UserInputAst) -> Option<&UserInputLiteral> {
    if matches!(occur, Some(Occur::MustNot) | Some(Occur::Should)) {
        return None;
    }
    let UserInputAst::Leaf(leaf) = ast else {
        return None;
    };
    match leaf.as_ref() {
        UserInputLeaf::Literal(literal) if literal.field_name.is_none() && literal.delimiter == Delimiter::None => {
            Some(literal)
        }
        _ => None,
    }
}

/// The number (in reading order) of the last literal when it is a bare word that is not
/// negated: the word search-as-you-type completes.
fn last_bare_literal(ast: &UserInputAst, counter: &mut usize, negated: bool) -> Option<usize> {
    match ast {
        UserInputAst::Clause(clauses) => {
            let mut last = None;
            for (occur, child) in clauses {
                let child_negated = negated ^ (*occur == Some(Occur::MustNot));
                last = last_bare_literal(child, counter, child_negated);
            }
            last
        }
        UserInputAst::Boost(inner, _) => last_bare_literal(inner, counter, negated),
        UserInputAst::Leaf(leaf) => match leaf.as_ref() {
            UserInputLeaf::Literal(literal) => {
                let number = *counter;
                *counter += 1;
                (literal.delimiter == Delimiter::None && !negated).then_some(number)
            }
            _ => None,
        },
    }
}

/// The ways one literal matches, each tagged with its field: in each field the best form
/// counts, the others a [`FORMS_TIE_BREAKER`] share; the fields add up.
fn combine_forms(alternatives: Forms) -> Box<dyn Query> {
    Box::new(FormsQuery::new(by_part(alternatives), FORMS_TIE_BREAKER))
}

/// The forms grouped by field: the title's, then the body's (a field without forms left out).
fn by_part(alternatives: Forms) -> Vec<Vec<Box<dyn Query>>> {
    let mut title = Vec::new();
    let mut body = Vec::new();
    for (part, query) in alternatives {
        match part {
            Part::Title => title.push(query),
            Part::Body => body.push(query),
        }
    }
    [title, body].into_iter().filter(|forms| !forms.is_empty()).collect()
}

fn boosted(query: Box<dyn Query>, boost: f32) -> Box<dyn Query> {
    if (boost - 1.0).abs() < f32::EPSILON {
        query
    } else {
        Box::new(BoostQuery::new(query, boost))
    }
}

/// One term, or a phrase (positions kept relative, so removed stop words leave their gap).
fn terms_query(field: Field, tokens: &[(usize, String)], slop: u32) -> Box<dyn Query> {
    if let [(_, text)] = tokens {
        return Box::new(TermQuery::new(
            Term::from_field_text(field, text),
            IndexRecordOption::WithFreqs,
        ));
    }
    let first = tokens.first().map_or(0, |(position, _)| *position);
    let terms = tokens
        .iter()
        .map(|(position, text)| (position - first, Term::from_field_text(field, text)))
        .collect();
    Box::new(PhraseQuery::new_with_offset_and_slop(terms, slop))
}

fn phrase_prefix(field: Field, tokens: &[(usize, String)]) -> Box<dyn Query> {
    let first = tokens.first().map_or(0, |(position, _)| *position);
    let terms = tokens
        .iter()
        .map(|(position, text)| (position - first, Term::from_field_text(field, text)))
        .collect();
    Box::new(PhrasePrefixQuery::new_with_offset(terms))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn apostrophes_inside_words_are_not_quotes() {
        assert_eq!(escape_inner_apostrophes("cox's bazar"), "cox\\'s bazar");
        assert_eq!(escape_inner_apostrophes("'quoted phrase'"), "'quoted phrase'");
        assert!(tantivy::query_grammar::parse_query(&escape_inner_apostrophes("demandeurs d'asile")).is_ok());
    }
}
