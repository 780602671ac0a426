//! What query building looks up in the index, remembered per searcher generation: the typo
//! and prefix candidates of a word (a walk of the term dictionaries, the costliest part of
//! building a query), the languages the index holds, and the matches of the cross-lingual
//! wordings a query is expanded with ([`Matches`]). A write or a merge gives the reader a new
//! generation, and the remembered answers are dropped with it.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use tantivy::Searcher;

use crate::materialized::Matches;

/// Candidate lists remembered at most (then forgotten all at once).
const MAX_REMEMBERED: usize = 20_000;

/// (word, edit distance, prefix, limit) → dictionary terms.
type CandidateKey = (String, u8, bool, usize);

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
    /// A query, as its `Debug` form spells it out (fields, terms, weights) → its matches.
    matches: HashMap<String, Arc<Matches>>,
    matches_held: usize,
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

    /// The candidates of a word, computed by `find` the first time.
    pub fn candidates<E>(
        &self,
        searcher: &Searcher,
        key: CandidateKey,
        find: impl FnOnce() -> Result<Vec<String>, E>,
    ) -> Result<Arc<Vec<String>>, E> {
        if let Some(found) = self.of(searcher, |remembered| remembered.candidates.get(&key).cloned()) {
            return Ok(found);
        }
        let found = Arc::new(find()?);
        self.of(searcher, |remembered| {
            if remembered.candidates.len() >= MAX_REMEMBERED {
                remembered.candidates.clear();
            }
            remembered.candidates.insert(key, found.clone());
        });
        Ok(found)
    }

    /// The stemmed languages the index holds enough of, computed by `find` the first time.
    pub fn languages<E>(
        &self,
        searcher: &Searcher,
        find: impl FnOnce() -> Result<Vec<&'static str>, E>,
    ) -> Result<Arc<Vec<&'static str>>, E> {
        if let Some(found) = self.of(searcher, |remembered| remembered.languages.clone()) {
            return Ok(found);
        }
        let found = Arc::new(find()?);
        self.of(searcher, |remembered| remembered.languages = Some(found.clone()));
        Ok(found)
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
}
