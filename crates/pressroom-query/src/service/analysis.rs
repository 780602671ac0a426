//! Which analyzers a query is analysed with, and the text query built with them.

use pressroom_index::schema::{self, StemmedFields, TEXT_ANALYZER};
use tantivy::tokenizer::TextAnalyzer;
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
        QueryBuilder::new(searcher, &self.fields, analyzers, &self.vocab.expansions, options).build(&request.q)
    }

    /// The analyzers a query is analysed with: the base one, and each stemmed language in
    /// scope — those given with `lang`, else every language the index holds.
    fn analyzers(&self, searcher: &Searcher, languages: &[String]) -> Result<Analyzers, SearchError> {
        let base = base_analyzer(&self.index)?;
        let mut stemmed = Vec::new();
        for stemmed_fields in self.fields.stemmed {
            let in_scope = if languages.is_empty() {
                indexed(searcher, &stemmed_fields)?
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

/// Whether any segment holds text analysed in that language.
fn indexed(searcher: &Searcher, stemmed: &StemmedFields) -> Result<bool, SearchError> {
    for segment in searcher.segment_readers() {
        if segment.inverted_index(stemmed.body)?.terms().num_terms() > 0 {
            return Ok(true);
        }
    }
    Ok(false)
}
