//! What query building looks up in the index, remembered per searcher generation: the typo
//! and prefix candidates of a word (a walk of the term dictionaries, the costliest part of
//! building a query), the languages the index holds, the matches of the cross-lingual
//! wordings a query is expanded with ([`Matches`]), and the BM25 statistics of the terms
//! searched ([`Statistics`]: a term's document frequency is summed over the segments' term
//! dictionaries for every form of every word, in every pass of every search), and the facet
//! counts of every document (what browsing without words shows first). A write or a
//! merge gives the reader a new generation, and the remembered answers are dropped with it.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Arc, Mutex};

use tantivy::query::Bm25StatisticsProvider;
use tantivy::schema::Field;
use tantivy::{Searcher, Term};

use crate::facets::FacetTallies;
use crate::materialized::Matches;

/// Candidate lists remembered at most (then forgotten all at once).
const MAX_REMEMBERED: usize = 20_000;

/// (word, edit distance, prefix, limit) → dictionary terms.
type CandidateKey = (String, u8, bool, usize);

/// Terms whose statistics are remembered at most (then all are forgotten).
const MAX_TERMS_REMEMBERED: usize = 200_000;

/// Matches held at most, over all remembered queries (8 bytes each; then all are forgotten).
const MAX_MATCHES_HELD: usize = 4_000_000;

#[derive(Default)]
pub struct Lookups {
    inner: Mutex<Remembered>,
}

#[derive(Default)]
struct Remembered {
    generation: Option<u64>,
    candidates: HashMap<CandidateKey, Arc<Vec<String>>>,
    languages: Option<Arc<Vec<&'static str>>>,
    /// Every facet counted over every document (browsing without words or filters).
    everything: Option<Arc<FacetTallies>>,
    /// A query, as its `Debug` form spells it out (fields, terms, weights) → its matches.
    matches: HashMap<String, Arc<Matches>>,
    matches_held: usize,
    /// Documents holding a term, over all segments.
    doc_freqs: HashMap<Term, u64>,
    /// Tokens in a field, over all segments.
    field_tokens: HashMap<Field, u64>,
}

impl Lookups {
    /// The remembered answers of `searcher`'s generation (forgetting an older one's).
    fn of<T>(&self, searcher: &Searcher, read: impl FnOnce(&mut Remembered) -> T) -> T {
        let generation = searcher.generation().generation_id();
        let mut remembered = match self.inner.lock() {
            Ok(guard) => guard,
            Err(poisoned) => poisoned.into_inner(),
        };
        if remembered.generation != Some(generation) {
            *remembered = Remembered {
                generation: Some(generation),
                ..Remembered::default()
            };
        }
        read(&mut remembered)
    }

    /// The value of `key` in the table `table` picks, worked out by `find` the first time;
    /// a table holding `most` values is emptied before another is added.
    fn remember<K, V, E>(
        &self,
        searcher: &Searcher,
        table: fn(&mut Remembered) -> &mut HashMap<K, V>,
        key: &K,
        most: usize,
        find: impl FnOnce() -> Result<V, E>,
    ) -> Result<V, E>
    where
        K: Eq + Hash + Clone,
        V: Clone,
    {
        if let Some(found) = self.of(searcher, |remembered| table(remembered).get(key).cloned()) {
            return Ok(found);
        }
        let found = find()?;
        self.of(searcher, |remembered| {
            let values = table(remembered);
            if values.len() >= most {
                values.clear();
            }
            values.insert(key.clone(), found.clone());
        });
        Ok(found)
    }

    /// The candidates of a word, computed by `find` the first time.
    pub fn candidates<E>(
        &self,
        searcher: &Searcher,
        key: CandidateKey,
        find: impl FnOnce() -> Result<Vec<String>, E>,
    ) -> Result<Arc<Vec<String>>, E> {
        self.remember(
            searcher,
            |remembered| &mut remembered.candidates,
            &key,
            MAX_REMEMBERED,
            || find().map(Arc::new),
        )
    }

    /// The value `slot` picks, worked out by `find` the first time.
    fn once<T, E>(
        &self,
        searcher: &Searcher,
        slot: fn(&mut Remembered) -> &mut Option<Arc<T>>,
        find: impl FnOnce() -> Result<T, E>,
    ) -> Result<Arc<T>, E> {
        if let Some(found) = self.of(searcher, |remembered| slot(remembered).clone()) {
            return Ok(found);
        }
        let found = Arc::new(find()?);
        self.of(searcher, |remembered| *slot(remembered) = Some(found.clone()));
        Ok(found)
    }

    /// The stemmed languages the index holds enough of, computed by `find` the first time.
    pub fn languages<E>(
        &self,
        searcher: &Searcher,
        find: impl FnOnce() -> Result<Vec<&'static str>, E>,
    ) -> Result<Arc<Vec<&'static str>>, E> {
        self.once(searcher, |remembered| &mut remembered.languages, find)
    }

    /// Every facet's counts over every document, computed by `count` the first time: a
    /// search without words or filters, and a filtered facet's own counts when it is the
    /// only filter, read them instead of counting the whole index again.
    pub fn everything<E>(
        &self,
        searcher: &Searcher,
        count: impl FnOnce() -> Result<FacetTallies, E>,
    ) -> Result<Arc<FacetTallies>, E> {
        self.once(searcher, |remembered| &mut remembered.everything, count)
    }

    /// The matches of the query spelled `key`, worked out by `find` the first time.
    pub fn matches<E>(
        &self,
        searcher: &Searcher,
        key: String,
        find: impl FnOnce() -> Result<Matches, E>,
    ) -> Result<Arc<Matches>, E> {
        if let Some(found) = self.of(searcher, |remembered| remembered.matches.get(&key).cloned()) {
            return Ok(found);
        }
        let found = Arc::new(find()?);
        self.of(searcher, |remembered| {
            if remembered.matches_held + found.len() > MAX_MATCHES_HELD {
                remembered.matches.clear();
                remembered.matches_held = 0;
            }
            remembered.matches_held += found.len();
            if let Some(replaced) = remembered.matches.insert(key, found.clone()) {
                remembered.matches_held -= replaced.len();
            }
        });
        Ok(found)
    }

    /// How many documents of `searcher` hold `term`.
    pub fn doc_freq(&self, searcher: &Searcher, term: &Term) -> tantivy::Result<u64> {
        self.remember(
            searcher,
            |remembered| &mut remembered.doc_freqs,
            term,
            MAX_TERMS_REMEMBERED,
            || searcher.doc_freq(term),
        )
    }

    /// The BM25 statistics of `searcher`, remembered per term and field.
    pub fn statistics<'a>(&'a self, searcher: &'a Searcher) -> Statistics<'a> {
        Statistics {
            lookups: self,
            searcher,
        }
    }
}

/// A searcher's BM25 statistics, read through what [`Lookups`] remembers; the same figures
/// the searcher gives.
pub struct Statistics<'a> {
    lookups: &'a Lookups,
    searcher: &'a Searcher,
}

impl Bm25StatisticsProvider for Statistics<'_> {
    fn total_num_tokens(&self, field: Field) -> tantivy::Result<u64> {
        // A schema has few fields: the table is never emptied.
        self.lookups.remember(
            self.searcher,
            |remembered| &mut remembered.field_tokens,
            &field,
            usize::MAX,
            || Bm25StatisticsProvider::total_num_tokens(self.searcher, field),
        )
    }

    fn total_num_docs(&self) -> tantivy::Result<u64> {
        Bm25StatisticsProvider::total_num_docs(self.searcher)
    }

    fn doc_freq(&self, term: &Term) -> tantivy::Result<u64> {
        self.lookups.doc_freq(self.searcher, term)
    }
}

#[cfg(test)]
mod tests {
    use tantivy::{TantivyDocument, Term};

    use super::*;

    /// The remembered statistics are the searcher's, and a new generation (a write) is not
    /// answered with the old one's figures.
    #[test]
    fn statistics_follow_the_searcher_generation() {
        let (index, fields) = pressroom_index::schema::in_memory().expect("an index in memory");
        let mut writer = index.writer_with_num_threads(1, 20_000_000).expect("a writer");
        let add = |writer: &mut tantivy::IndexWriter, text: &str| {
            let mut document = TantivyDocument::new();
            document.add_text(fields.body, text);
            writer.add_document(document).expect("added");
            writer.commit().expect("committed");
        };
        add(&mut writer, "refugees arrive at the border");
        let reader = index.reader().expect("a reader");
        let lookups = Lookups::default();
        let refugees = Term::from_field_text(fields.body, "refugees");
        let first = reader.searcher();
        let statistics = lookups.statistics(&first);
        for _ in 0..2 {
            assert_eq!(statistics.doc_freq(&refugees).expect("frequency"), 1);
            assert_eq!(
                statistics.total_num_tokens(fields.body).expect("tokens"),
                Bm25StatisticsProvider::total_num_tokens(&first, fields.body).expect("tokens")
            );
        }
        add(&mut writer, "more refugees");
        reader.reload().expect("reloaded");
        let second = reader.searcher();
        let statistics = lookups.statistics(&second);
        assert_eq!(statistics.doc_freq(&refugees).expect("frequency"), 2);
        assert_eq!(
            statistics.total_num_tokens(fields.body).expect("tokens"),
            Bm25StatisticsProvider::total_num_tokens(&second, fields.body).expect("tokens")
        );
        assert_eq!(statistics.total_num_docs().expect("documents"), 2);
    }
}
