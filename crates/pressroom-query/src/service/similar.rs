//! Releases like one release (`/api/documents/{id}/similar`): a more-like-this query of the
//! most telling words of its title and body, the release itself left out, optionally only
//! releases sharing its values of some facets.

use std::collections::BTreeMap;
use std::time::Instant;

use pressroom_index::{facet_values, StoredDocument};
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{Searcher, TantivyDocument, Term};

use super::analysis::base_analyzer;
use super::filters::facet_term_query;
use super::snapshot::Snapshot;
use crate::error::SearchError;
use crate::request::FacetName;
use crate::response::SimilarResponse;

/// Terms a "similar releases" query is made of.
const SIMILAR_QUERY_TERMS: usize = 25;
/// Bytes a word needs to count.
const MIN_WORD_BYTES: usize = 4;

impl Snapshot {
    pub(super) fn similar(&self, id: &str, limit: usize, same: &[FacetName]) -> Result<SimilarResponse, SearchError> {
        let started = Instant::now();
        let searcher = self.searcher();
        let address = self.address_of(&searcher, id)?;
        let document: TantivyDocument = searcher.doc(address)?;
        let stored = StoredDocument::from_tantivy(&self.fields, &document);
        let like_this = self.like_this(&searcher, &stored)?;
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![
            (Occur::Must, Box::new(like_this)),
            (
                Occur::MustNot,
                Box::new(TermQuery::new(
                    Term::from_field_text(self.fields.id, id),
                    IndexRecordOption::Basic,
                )),
            ),
        ];
        let facets = facet_values(&self.fields, &stored.source, &stored.enrichment);
        for facet in same {
            let Some(field) = self.fields.facet(facet.as_str()) else {
                continue;
            };
            let values: Vec<(Occur, Box<dyn Query>)> = facets
                .iter()
                .filter(|(of, _)| *of == field)
                .map(|(_, facet)| (Occur::Should, facet_term_query(field, facet)))
                .collect();
            if !values.is_empty() {
                clauses.push((Occur::Must, Box::new(BooleanQuery::new(values))));
            }
        }
        let top = searcher.search(
            &BooleanQuery::new(clauses),
            &TopDocs::with_limit(limit.max(1)).order_by_score(),
        )?;
        let ranked = top
            .into_iter()
            .map(|(score, address)| ((Some(score), address), Vec::new()))
            .collect();
        let hits = if limit == 0 {
            Vec::new()
        } else {
            self.hits(&searcher, None, 1, ranked)?
        };
        Ok(SimilarResponse {
            id: id.to_string(),
            took_us: started.elapsed().as_micros() as u64,
            hits,
        })
    }

    /// The query of a release's [`telling_terms`]: any of them, each weighted by how telling
    /// it is against the most telling one.
    fn like_this(&self, searcher: &Searcher, stored: &StoredDocument) -> Result<BooleanQuery, SearchError> {
        let mut analyzer = base_analyzer(&self.index)?;
        let texts = [
            (self.fields.title, stored.title.as_str()),
            (self.fields.body, stored.body.as_str()),
        ];
        // Document frequencies as every search reads them, remembered per generation.
        let scored = telling_terms(
            searcher,
            |term| self.lookups.doc_freq(searcher, term),
            &mut analyzer,
            &texts,
        )?;
        let best = scored.first().map_or(1.0, |(_, score)| *score);
        Ok(BooleanQuery::new(
            scored
                .into_iter()
                .map(|(term, score)| {
                    let query: Box<dyn Query> = Box::new(BoostQuery::new(
                        Box::new(TermQuery::new(term, IndexRecordOption::Basic)),
                        score / best,
                    ));
                    (Occur::Should, query)
                })
                .collect(),
        ))
    }
}

/// The [`SIMILAR_QUERY_TERMS`] most telling words of `texts` (each with its field), most
/// telling first: tf × idf (`doc_freq`, the releases of `searcher` holding a term), in at
/// least two releases but under a quarter of them (and twenty), of four bytes or more. Ties go by the word, so every run and every replica picks
/// the same words (tantivy's `MoreLikeThisQuery` counts them in a hash map and breaks ties in
/// its random order: the same release gave other similar releases after a restart).
fn telling_terms(
    searcher: &Searcher,
    doc_freq: impl Fn(&Term) -> tantivy::Result<u64>,
    analyzer: &mut TextAnalyzer,
    texts: &[(Field, &str)],
) -> Result<Vec<(Term, f32)>, SearchError> {
    let num_docs = searcher.num_docs().max(1);
    let max_doc_freq = (num_docs / 4).max(20);
    let mut frequencies: BTreeMap<Term, u32> = BTreeMap::new();
    for (field, text) in texts {
        let mut tokens = analyzer.token_stream(text);
        while let Some(token) = tokens.next() {
            if token.text.len() >= MIN_WORD_BYTES {
                *frequencies
                    .entry(Term::from_field_text(*field, &token.text))
                    .or_default() += 1;
            }
        }
    }
    let mut scored: Vec<(Term, f32)> = Vec::new();
    for (term, frequency) in frequencies {
        let doc_freq = doc_freq(&term)?;
        if (2..=max_doc_freq).contains(&doc_freq) {
            // BM25's idf. Deleted releases still count in a term's document frequency until
            // a merge, so it may exceed the live releases: no fewer than none lack it.
            let idf = (num_docs.saturating_sub(doc_freq) as f32 + 0.5) / (doc_freq as f32 + 0.5);
            scored.push((term, frequency as f32 * (1.0 + idf).ln()));
        }
    }
    // Highest first; the map gave them in term order, which the stable sort keeps for ties.
    scored.sort_by(|a, b| b.1.total_cmp(&a.1));
    scored.truncate(SIMILAR_QUERY_TERMS);
    Ok(scored)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Thirty words as telling as each other (each in one other release): the query takes
    /// the first twenty-five in word order, whatever the run.
    #[test]
    fn tied_words_are_taken_in_word_order() {
        let words: Vec<String> = (0..30).map(|n| format!("word{n:02}")).collect();
        let release = words.join(" ");
        let mut texts: Vec<String> = vec![release.clone()];
        texts.extend(words.iter().map(|word| format!("{word} filler")));
        texts.extend((0..40).map(|n| format!("unrelated text number {n}")));
        let bodies: Vec<&str> = texts.iter().map(String::as_str).collect();
        let (searcher, fields) = crate::test_index::searcher_of(&[&bodies]);
        let mut analyzer = base_analyzer(searcher.index()).expect("the text analyzer");
        let chosen = telling_terms(
            &searcher,
            |term| searcher.doc_freq(term),
            &mut analyzer,
            &[(fields.body, &release)],
        )
        .expect("terms");
        let chosen: Vec<String> = chosen
            .iter()
            .filter_map(|(term, _)| term.value().as_str().map(str::to_string))
            .collect();
        assert_eq!(chosen, words[..SIMILAR_QUERY_TERMS].to_vec());
    }
}
