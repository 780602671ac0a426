//! [`PairedPhraseQuery`]: a phrase of the body holding a very frequent word (`"the
//! minister"`, `"Minister for Immigration"`), read through the index's stop-word pairs
//! (`pressroom_index::pairs`) instead of the frequent word's positions.
//!
//! tantivy's phrase query reads the positions of every word of the phrase in every release
//! holding them all: for `the`, hundreds per release in thousands of releases (`"the
//! government"` took 6–7 ms, most of it decoding positions of `the`). Here each frequent word
//! followed by another word of the phrase is read as their pair (`the minister`, at the
//! frequent word's position), a term found in few releases at few places; the other words are
//! read from the body as before. The phrase starts at a place exactly when every pair and every
//! word is at its offset from there, so it matches the same releases the same number of times,
//! and it is scored as tantivy scores the phrase (BM25 of the phrase's words over the body,
//! with the count of places as the term frequency); its size and cost estimates are the phrase
//! scorer's too, so a search combining it with other clauses adds their scores in the same order.

use tantivy::fieldnorm::FieldNormReader;
use tantivy::postings::{Postings, SegmentPostings};
use tantivy::query::{Bm25Weight, EmptyScorer, EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocId, DocSet, Score, SegmentReader, Term, TERMINATED};

use crate::scorers::explain;

/// A phrase of `body` (no slop), matched through `body_pairs` where it can be.
#[derive(Debug, Clone)]
pub struct PairedPhraseQuery {
    /// The phrase's words in the body, with their offsets: what it is scored by.
    words: Vec<(usize, Term)>,
    /// What is read to match it: pairs and the words no pair holds, with their offsets.
    read: Vec<(usize, Term)>,
}

impl PairedPhraseQuery {
    /// The phrase of `words` (offset, folded word) in `body`, read through `pairs` where a
    /// word is one of the index's pair words and the next word of the phrase stands right
    /// after it; `None` when no word of the phrase pairs (then a plain phrase query costs the
    /// same).
    pub fn new(body: Field, pairs: Field, words: &[(usize, String)]) -> Option<PairedPhraseQuery> {
        let pairs_at = |index: usize| {
            let (offset, word) = &words[index];
            pressroom_index::pairs::is_pair_word(word)
                && words.get(index + 1).is_some_and(|(next, _)| *next == offset + 1)
        };
        if words.len() < 2 || !(0..words.len()).any(pairs_at) {
            return None;
        }
        let mut read = Vec::with_capacity(words.len());
        for (index, (offset, word)) in words.iter().enumerate() {
            if pairs_at(index) {
                let next = &words[index + 1].1;
                read.push((
                    *offset,
                    Term::from_field_text(pairs, &pressroom_index::pairs::pair_text(word, next)),
                ));
            } else if index == 0 || !pairs_at(index - 1) {
                read.push((*offset, Term::from_field_text(body, word)));
            }
        }
        Some(PairedPhraseQuery {
            words: words
                .iter()
                .map(|(offset, word)| (*offset, Term::from_field_text(body, word)))
                .collect(),
            read,
        })
    }

    fn body(&self) -> Field {
        self.words[0].1.field()
    }
}

impl Query for PairedPhraseQuery {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let bm25 = match enable_scoring {
            EnableScoring::Enabled {
                statistics_provider, ..
            } => {
                let terms: Vec<Term> = self.words.iter().map(|(_, term)| term.clone()).collect();
                Some(Bm25Weight::for_terms(statistics_provider, &terms)?)
            }
            EnableScoring::Disabled { .. } => None,
        };
        Ok(Box::new(PairedPhraseWeight {
            query: self.clone(),
            bm25,
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        for (_, term) in &self.read {
            visitor(term, true);
        }
    }
}

struct PairedPhraseWeight {
    query: PairedPhraseQuery,
    bm25: Option<Bm25Weight>,
}

impl Weight for PairedPhraseWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let mut postings = Vec::with_capacity(self.query.read.len());
        for (offset, term) in &self.query.read {
            match reader
                .inverted_index(term.field())?
                .read_postings(term, IndexRecordOption::WithFreqsAndPositions)?
            {
                Some(read) => postings.push((*offset, read)),
                None => return Ok(Box::new(EmptyScorer)),
            }
        }
        // The phrase scorer's estimates, from its words' document counts in this segment.
        let body = reader.inverted_index(self.query.body())?;
        let mut sizes = Vec::with_capacity(self.query.words.len());
        for (_, term) in &self.query.words {
            sizes.push(body.get_term_info(term)?.map_or(0, |info| info.doc_freq));
        }
        sizes.sort_unstable();
        let words = self.query.words.len() as u32;
        let estimate = estimate_intersection(&sizes, reader.max_doc());
        let fieldnorms = match self.bm25 {
            Some(_) => reader.fieldnorms_readers().get_field(self.query.body())?,
            None => None,
        }
        .unwrap_or_else(|| FieldNormReader::constant(reader.max_doc(), 1));
        let last = postings.iter().map(|(offset, _)| *offset).max().unwrap_or(0);
        // The rarest first: it leads the intersection, and its positions are the fewest.
        postings.sort_by_key(|(_, read)| read.doc_freq());
        let mut scorer = PairedPhraseScorer {
            postings: postings
                .into_iter()
                .map(|(offset, read)| ((last - offset) as u32, read))
                .collect(),
            bm25: self.bm25.as_ref().map(|bm25| bm25.boost_by(boost)),
            fieldnorms,
            size_hint: estimate / (10 * words),
            cost: u64::from(estimate) * 10 * u64::from(words),
            doc: 0,
            count: 0,
            left: Vec::new(),
            right: Vec::new(),
        };
        scorer.settle(0);
        Ok(Box::new(scorer))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        explain(self, reader, doc, "phrase read through its stop-word pairs")
    }
}

/// tantivy's estimate of how many documents hold all of several terms (`size_hint.rs`), from
/// their document counts, smallest first.
fn estimate_intersection(sizes: &[u32], max_docs: u32) -> u32 {
    let Some((&first, rest)) = sizes.split_first() else {
        return 0;
    };
    if max_docs == 0 {
        return 0;
    }
    let mut co_location: f64 = 1.3;
    let mut estimate = f64::from(first);
    let mut smallest = estimate;
    for &size in rest {
        co_location = (co_location - 0.1).max(1.0);
        estimate *= (f64::from(size) / f64::from(max_docs)) * co_location;
        smallest = smallest.min(f64::from(size));
    }
    estimate.round().min(smallest) as u32
}

struct PairedPhraseScorer {
    /// Each term's postings with the shift that brings its positions to the phrase's last
    /// offset, rarest first.
    postings: Vec<(u32, SegmentPostings)>,
    bm25: Option<Bm25Weight>,
    fieldnorms: FieldNormReader,
    size_hint: u32,
    cost: u64,
    doc: DocId,
    /// How many times the phrase stands in `doc`.
    count: u32,
    left: Vec<u32>,
    right: Vec<u32>,
}

impl PairedPhraseScorer {
    /// Moves to the first document from `target` on that holds the phrase.
    fn settle(&mut self, mut target: DocId) -> DocId {
        'documents: loop {
            let (_, lead) = &mut self.postings[0];
            let candidate = if lead.doc() < target {
                lead.seek(target)
            } else {
                lead.doc()
            };
            if candidate == TERMINATED {
                self.doc = TERMINATED;
                return TERMINATED;
            }
            for (_, other) in &mut self.postings[1..] {
                let doc = if other.doc() < candidate {
                    other.seek(candidate)
                } else {
                    other.doc()
                };
                if doc != candidate {
                    target = doc;
                    continue 'documents;
                }
            }
            self.count = self.places();
            if self.count > 0 {
                self.doc = candidate;
                return candidate;
            }
            target = candidate + 1;
        }
    }

    /// The places where the phrase stands in the document every postings is on.
    fn places(&mut self) -> u32 {
        let (shift, lead) = &mut self.postings[0];
        lead.positions_with_offset(*shift, &mut self.left);
        for (shift, other) in &mut self.postings[1..] {
            if self.left.is_empty() {
                break;
            }
            other.positions_with_offset(*shift, &mut self.right);
            intersect(&mut self.left, &self.right);
        }
        self.left.len() as u32
    }
}

/// Keeps in `left` the positions also in `right` (both sorted).
fn intersect(left: &mut Vec<u32>, right: &[u32]) {
    let mut kept = 0;
    let mut at = 0;
    for index in 0..left.len() {
        let position = left[index];
        while at < right.len() && right[at] < position {
            at += 1;
        }
        if at == right.len() {
            break;
        }
        if right[at] == position {
            left[kept] = position;
            kept += 1;
        }
    }
    left.truncate(kept);
}

impl DocSet for PairedPhraseScorer {
    fn advance(&mut self) -> DocId {
        if self.doc == TERMINATED {
            return TERMINATED;
        }
        self.settle(self.doc + 1)
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if self.doc >= target {
            return self.doc;
        }
        self.settle(target)
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    fn size_hint(&self) -> u32 {
        self.size_hint
    }

    fn cost(&self) -> u64 {
        self.cost
    }
}

impl Scorer for PairedPhraseScorer {
    fn score(&mut self) -> Score {
        match &self.bm25 {
            Some(bm25) => bm25.score(self.fieldnorms.fieldnorm_id(self.doc), self.count),
            None => 1.0,
        }
    }
}

#[cfg(test)]
mod tests {
    use tantivy::collector::TopDocs;
    use tantivy::query::PhraseQuery;

    use super::*;

    fn words(text: &str) -> Vec<(usize, String)> {
        text.split(' ')
            .enumerate()
            .map(|(at, word)| (at, word.to_string()))
            .collect()
    }

    #[test]
    fn intersect_keeps_common_positions() {
        let mut left = vec![1, 4, 7, 9, 12];
        intersect(&mut left, &[0, 4, 9, 10, 12, 20]);
        assert_eq!(left, vec![4, 9, 12]);
        let mut left = vec![3, 5];
        intersect(&mut left, &[]);
        assert!(left.is_empty());
    }

    #[test]
    fn only_a_phrase_with_a_frequent_word_before_another_is_paired() {
        let (_, fields) = pressroom_index::schema::in_memory().expect("an index in memory");
        let paired = |text: &str| PairedPhraseQuery::new(fields.body, fields.body_pairs, &words(text));
        assert!(paired("refugee status").is_none());
        assert!(paired("status of").is_none());
        let query = paired("minister for immigration").expect("paired");
        assert_eq!(query.read.len(), 2);
        let query = paired("cessation of the hostilities").expect("paired");
        // `cessation`, `of the`, `the hostilities`.
        assert_eq!(query.read.len(), 3);
    }

    /// Every phrase of two or three words of the repository's releases (`corpus/`: EN, ES and
    /// FR releases and scraped pages) in which a pair word is followed by another word finds
    /// through its pairs the releases, the count and the scores tantivy's phrase query finds.
    #[test]
    fn matches_as_the_phrase_query_on_the_corpus() {
        use std::collections::BTreeSet;
        use tantivy::collector::Count;
        use tantivy::schema::Value;
        use tantivy::TantivyDocument;

        let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
        let dir = tempfile::tempdir().expect("temporary folder");
        pressroom_index::build(dir.path(), &[corpus], &Default::default(), &mut |_| {}).expect("built");
        let (index, fields) = pressroom_index::open_index(dir.path()).expect("opened");
        let searcher = index.reader().expect("a reader").searcher();
        let mut analyzer = index
            .tokenizers()
            .get(pressroom_index::schema::TEXT_ANALYZER)
            .expect("registered");
        let mut phrases: BTreeSet<Vec<String>> = BTreeSet::new();
        for (ordinal, segment) in searcher.segment_readers().iter().enumerate() {
            for doc in 0..segment.max_doc() {
                let address = tantivy::DocAddress::new(ordinal as u32, doc);
                let document: TantivyDocument = searcher.doc(address).expect("stored");
                let Some(body) = document.get_first(fields.body).and_then(|value| value.as_str()) else {
                    continue;
                };
                let mut tokens = Vec::new();
                let mut stream = analyzer.token_stream(body);
                while let Some(token) = stream.next() {
                    tokens.push((token.position, token.text.clone()));
                }
                for start in 0..tokens.len() {
                    for length in [2, 3] {
                        let Some(window) = tokens.get(start..start + length) else {
                            continue;
                        };
                        let adjacent = window.windows(2).all(|pair| pair[1].0 == pair[0].0 + 1);
                        let pairs = window[..length - 1]
                            .iter()
                            .any(|(_, word)| pressroom_index::pairs::is_pair_word(word));
                        if adjacent && pairs {
                            phrases.insert(window.iter().map(|(_, word)| word.clone()).collect());
                        }
                    }
                }
            }
        }
        assert!(phrases.len() > 5_000, "{} phrases", phrases.len());
        for phrase in phrases.iter().step_by(3) {
            let tokens: Vec<(usize, String)> = phrase.iter().cloned().enumerate().collect();
            let paired = PairedPhraseQuery::new(fields.body, fields.body_pairs, &tokens).expect("paired");
            let plain = PhraseQuery::new(
                phrase
                    .iter()
                    .map(|word| Term::from_field_text(fields.body, word))
                    .collect(),
            );
            let collector = (TopDocs::with_limit(20).order_by_score(), Count);
            let expected = searcher.search(&plain, &collector).expect("searched");
            assert!(expected.1 > 0, "{phrase:?} is in a release");
            assert_eq!(
                searcher.search(&paired, &collector).expect("searched"),
                expected,
                "{phrase:?}"
            );
        }
    }

    /// Over two segments, on texts with the frequent words repeated, at the end, before a word
    /// dropped for its length and across segments, the paired phrase finds the documents
    /// tantivy's phrase query finds, with bit-identical scores.
    #[test]
    fn matches_and_scores_as_the_phrase_query() {
        let long = "x".repeat(60);
        let (searcher, fields) = crate::test_index::searcher_of(&[
            &[
                "the minister for immigration said the government of the day",
                "the the minister the minister of the minister",
                "minister for the immigration minister for immigration",
                &format!("the {long} minister and the"),
            ],
            &[
                "of the government of the government for immigration",
                "the government",
                "government the minister",
            ],
        ]);
        for phrase in [
            "the minister",
            "the government",
            "minister for immigration",
            "of the government",
            "the minister of the minister",
            "government of the",
            "and the",
        ] {
            let tokens = words(phrase);
            let paired = PairedPhraseQuery::new(fields.body, fields.body_pairs, &tokens).expect("paired");
            let plain = PhraseQuery::new(
                tokens
                    .iter()
                    .map(|(_, word)| Term::from_field_text(fields.body, word))
                    .collect(),
            );
            let top = TopDocs::with_limit(10).order_by_score();
            let expected = searcher.search(&plain, &top).expect("searched");
            let found = searcher.search(&paired, &top).expect("searched");
            assert_eq!(found, expected, "{phrase}");
            assert!(!expected.is_empty(), "{phrase} matched nothing");
        }
    }
}
