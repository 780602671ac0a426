//! Stored documents out of a snapshot: one by id, or the ranked ones as hits with their
//! title and body fragments highlighted.

use std::collections::HashMap;

use pressroom_index::schema::STEMMED_LANGUAGES;
use pressroom_index::StoredDocument;
use tantivy::collector::TopDocs;
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{DocAddress, Searcher, TantivyDocument, Term};

use super::analysis::{base_analyzer, stemmed_analyzer};
use super::collapse::Group;
use super::snapshot::Snapshot;
use super::threads::Threads;
use crate::error::SearchError;
use crate::highlight::Highlighter;
use crate::html;
use crate::query::MatchedTerms;
use crate::response::Hit;

/// Characters of the body shown when a search has no text query.
const SNIPPET_CHARS: usize = 240;

/// A page of at least this many hits is rendered in two halves side by side.
const MIN_SPLIT_HITS: usize = 4;

impl Snapshot {
    /// The whole stored document with its enrichment.
    pub(super) fn document(&self, id: &str) -> Result<StoredDocument, SearchError> {
        let searcher = self.reader.searcher();
        let address = self.address_of(&searcher, id)?;
        let document: TantivyDocument = searcher.doc(address)?;
        Ok(StoredDocument::from_tantivy(&self.fields, &document))
    }

    pub(super) fn address_of(&self, searcher: &Searcher, id: &str) -> Result<DocAddress, SearchError> {
        let query = TermQuery::new(Term::from_field_text(self.fields.id, id), IndexRecordOption::Basic);
        let found = Threads::Caller.search(searcher, searcher, &query, &TopDocs::with_limit(1).order_by_score())?;
        found
            .first()
            .map(|(_, address)| *address)
            .ok_or_else(|| SearchError::DocumentNotFound(id.to_string()))
    }

    /// The ranked documents (each with the ids collapsed into it) as hits: highlighted with
    /// the terms the query matched, or, with no text query, the title and the opening of the
    /// body.
    ///
    /// Reading and highlighting a page of hits was a third of a search's work, all on the
    /// calling thread: on an index of several segments (where the search itself ran on the
    /// pool, whose threads are still awake) the page is cut in two halves rendered on the
    /// pool side by side, each with its own highlighter. The hits are the same either way.
    pub(super) fn hits(
        &self,
        searcher: &Searcher,
        matched: Option<&MatchedTerms>,
        fragments: usize,
        mut ranked: Vec<Group>,
    ) -> Result<Vec<Hit>, SearchError> {
        if ranked.len() < MIN_SPLIT_HITS || Threads::of(searcher) == Threads::Caller {
            return self.render(searcher, matched, fragments, ranked);
        }
        let second = ranked.split_off(ranked.len().div_ceil(2));
        let halves = searcher.index().search_executor().map(
            |half: Vec<Group>| Ok(self.render(searcher, matched, fragments, half)),
            [ranked, second].into_iter(),
        )?;
        let mut hits = Vec::new();
        for half in halves {
            hits.extend(half?);
        }
        Ok(hits)
    }

    /// [`Self::hits`] for `ranked`, on this thread.
    fn render(
        &self,
        searcher: &Searcher,
        matched: Option<&MatchedTerms>,
        fragments: usize,
        ranked: Vec<Group>,
    ) -> Result<Vec<Hit>, SearchError> {
        let mut highlighter = match matched {
            Some(terms) => {
                let stemmed: HashMap<&'static str, TextAnalyzer> = STEMMED_LANGUAGES
                    .iter()
                    .filter(|(code, _)| terms.stemmed.contains_key(code))
                    .filter_map(|(code, _)| stemmed_analyzer(&self.index, code).map(|analyzer| (*code, analyzer)))
                    .collect();
                Some(Highlighter::new(terms, base_analyzer(&self.index)?, stemmed))
            }
            None => None,
        };
        let mut hits = Vec::with_capacity(ranked.len());
        for ((score, address), duplicates) in ranked {
            let document: TantivyDocument = searcher.doc(address)?;
            let stored = StoredDocument::from_tantivy(&self.fields, &document);
            let lang = stored.enrichment.lang.as_str();
            let (title_html, fragments) = match highlighter.as_mut() {
                Some(highlighter) => (
                    highlighter.whole(&stored.title, lang),
                    highlighter.fragments(&stored.body, lang, fragments),
                ),
                None => (
                    html::escape(&stored.title),
                    vec![html::escape(&leading_text(&stored.body, SNIPPET_CHARS))],
                ),
            };
            hits.push(Hit {
                id: stored.id,
                title: stored.title,
                title_html,
                date: stored.enrichment.date,
                lang: stored.enrichment.lang,
                source: stored.source,
                url: stored.url,
                score,
                snippet: fragments.first().cloned().unwrap_or_default(),
                fragments,
                regions: stored.enrichment.regions,
                countries: stored.enrichment.main_countries,
                topics: stored.enrichment.topics,
                organizations: stored.enrichment.organizations,
                main_organizations: stored.enrichment.main_organizations,
                duplicates,
            });
        }
        Ok(hits)
    }
}

/// The first `max_chars` characters of a text, with `…` when it goes on.
fn leading_text(body: &str, max_chars: usize) -> String {
    let mut text: String = body.chars().take(max_chars).collect();
    if body.chars().count() > max_chars {
        text.push('…');
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_opening_is_cut_by_characters_with_an_ellipsis() {
        assert_eq!(leading_text("Réfugiés au Tchad", 8), "Réfugiés…");
        assert_eq!(leading_text("Court", 8), "Court");
    }
}
