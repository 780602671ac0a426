//! Which analyzers a query is analysed with, and the text query built with them.

use pressroom_index::schema::{self, Fields, TEXT_ANALYZER};
use tantivy::schema::Facet;
use tantivy::tokenizer::TextAnalyzer;
use tantivy::Term;
use tantivy::{Index, Searcher};

use super::snapshot::Snapshot;
use crate::error::SearchError;
use crate::query::{Analyzers, BuiltQuery, MatchOptions, QueryBuilder};
use crate::request::SearchRequest;

/// The analyzer of the base `title`/`body` fields (words, lowercase, accents folded).
pub(super) fn base_analyzer(index: &Index) -> Result<TextAnalyzer, SearchError> {
    index
        .tokenizers()
        .get(TEXT_ANALYZER)
        .ok_or_else(|| SearchError::Internal("the text analyzer is not registered".to_string()))
}

/// The stemming analyzer of one language, when the index has it.
pub(super) fn stemmed_analyzer(index: &Index, lang: &str) -> Option<TextAnalyzer> {
    index.tokenizers().get(&schema::stemmed_analyzer_name(lang))
}

impl Snapshot {
    /// The user's query; `None` for an empty query.
    pub(super) fn text_query(
        &self,
        searcher: &Searcher,
        request: &SearchRequest,
    ) -> Result<Option<BuiltQuery>, SearchError> {
        if request.q.trim().is_empty() {
            return Ok(None);
        }
        let analyzers = self.analyzers(searcher, &request.lang)?;
        let options = MatchOptions {
            typo: request.typo,
            prefix: request.prefix,
            expand: request.expand,
        };
        QueryBuilder::new(
            searcher,
            &self.lookups,
            &self.fields,
            analyzers,
            &self.vocab.expansions,
            options,
        )
        .build(&request.q)
    }

    /// The analyzers a query is analysed with: the base one, and each stemmed language in
    /// scope — those given with `lang`, else every language the index holds enough of.
    fn analyzers(&self, searcher: &Searcher, languages: &[String]) -> Result<Analyzers, SearchError> {
        let base = base_analyzer(&self.index)?;
        let held = self
            .lookups
            .languages(searcher, || languages_held(searcher, &self.fields))?;
        let mut stemmed = Vec::new();
        for stemmed_fields in self.fields.stemmed {
            let in_scope = if languages.is_empty() {
                held.contains(&stemmed_fields.lang)
            } else {
                languages.iter().any(|lang| lang == stemmed_fields.lang)
            };
            if !in_scope {
                continue;
            }
            if let Some(analyzer) = stemmed_analyzer(&self.index, stemmed_fields.lang) {
                stemmed.push((stemmed_fields, analyzer));
            }
        }
        Ok(Analyzers { base, stemmed })
    }
}

/// A query is analysed in a stemmed language when the index holds at least one document in
/// this many in it (and at least one): a handful of releases misdetected as Swedish do not
/// make every query pay for Swedish stems.
pub const LANGUAGE_SHARE: u64 = 1_000;

/// The stemmed languages the index holds enough documents in (by the `lang` facet).
fn languages_held(searcher: &Searcher, fields: &Fields) -> Result<Vec<&'static str>, SearchError> {
    let documents = searcher.num_docs();
    let mut held = Vec::new();
    for stemmed in &fields.stemmed {
        let term = Term::from_facet(fields.lang, &Facet::from_path([stemmed.lang]));
        let in_language = searcher.doc_freq(&term)?;
        if in_language > 0 && in_language * LANGUAGE_SHARE >= documents {
            held.push(stemmed.lang);
        }
    }
    Ok(held)
}
