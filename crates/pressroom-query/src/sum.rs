//! [`SumQuery`]: documents matching any of several queries, scored as the sum of the scores
//! of those that match, in the queries' order — what a tantivy `BooleanQuery` of `Should`
//! clauses gives, but iterated as a plain merge.
//!
//! tantivy unites such clauses in a buffered union: at every seek it scores the next 4,096
//! documents of every clause into a window (and zeroes a 16 kB window when it is built). A
//! quoted phrase's words, which score only the documents holding the phrase, and a concept's
//! wordings, intersected with the query's other words, were both sought to a few documents
//! and had thousands scored around each. Here a clause is scored only at the document asked
//! for. A document's score adds the matching clauses from 0 in their order, as the buffered
//! union adds them.

use tantivy::query::{EmptyScorer, EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::{DocId, DocSet, Score, SegmentReader, Term, TERMINATED};

use crate::scorers::{explain, Merge};

/// Any of the clauses; the scores of those matching add up.
#[derive(Debug)]
pub struct SumQuery {
    clauses: Vec<Box<dyn Query>>,
}

impl SumQuery {
    pub fn new(clauses: Vec<Box<dyn Query>>) -> SumQuery {
        SumQuery { clauses }
    }
}

impl Clone for SumQuery {
    fn clone(&self) -> SumQuery {
        SumQuery {
            clauses: self.clauses.iter().map(|clause| clause.box_clone()).collect(),
        }
    }
}

impl Query for SumQuery {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let clauses = self
            .clauses
            .iter()
            .map(|clause| clause.weight(enable_scoring))
            .collect::<tantivy::Result<_>>()?;
        Ok(Box::new(SumWeight { clauses }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        for clause in &self.clauses {
            clause.query_terms(visitor);
        }
    }
}

struct SumWeight {
    clauses: Vec<Box<dyn Weight>>,
}

impl Weight for SumWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let mut clauses: Vec<Box<dyn Scorer>> = Vec::with_capacity(self.clauses.len());
        for weight in &self.clauses {
            let scorer = weight.scorer(reader, boost)?;
            if scorer.doc() != TERMINATED {
                clauses.push(scorer);
            }
        }
        if clauses.len() > 1 {
            return Ok(Box::new(SumScorer {
                clauses: Merge::new(clauses),
            }));
        }
        // One clause scores alone what the sum would give it (0 + x).
        Ok(clauses.pop().unwrap_or_else(|| Box::new(EmptyScorer)))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        explain(self, reader, doc, "sum of the matching clauses")
    }
}

/// The merge of the clauses: positioned at the smallest document any clause is on.
struct SumScorer {
    clauses: Merge,
}

impl DocSet for SumScorer {
    fn advance(&mut self) -> DocId {
        self.clauses.advance()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        self.clauses.seek(target)
    }

    fn doc(&self) -> DocId {
        self.clauses.doc()
    }

    fn size_hint(&self) -> u32 {
        self.clauses.size_hints().max().unwrap_or(0)
    }

    fn cost(&self) -> u64 {
        self.clauses.cost()
    }
}

impl Scorer for SumScorer {
    fn score(&mut self) -> Score {
        let mut total: Score = 0.0;
        for index in 0..self.clauses.len() {
            if let Some(scorer) = self.clauses.on_doc(index) {
                total += scorer.score();
            }
        }
        total
    }
}

#[cfg(test)]
mod tests {
    use tantivy::collector::{Count, TopDocs};
    use tantivy::query::{BooleanQuery, Occur, PhraseQuery, TermQuery};
    use tantivy::schema::IndexRecordOption;
    use tantivy::Term;

    use super::*;

    /// Over two segments, alone and required beside a phrase, the sum finds what a boolean
    /// query of `Should` clauses finds, with bit-identical scores.
    #[test]
    fn scores_as_a_boolean_of_should_clauses() {
        let (searcher, fields) = crate::test_index::searcher_of(&[
            &[
                "the minister for immigration said the government",
                "the government of the day",
                "minister",
            ],
            &[
                "immigration detention and the minister",
                "nothing relevant here",
                "government minister immigration minister government",
            ],
        ]);
        let term = |word: &str| Term::from_field_text(fields.body, word);
        let word =
            |text: &str| -> Box<dyn Query> { Box::new(TermQuery::new(term(text), IndexRecordOption::WithFreqs)) };
        let words = || vec![word("minister"), word("government"), word("immigration")];
        let collector = (TopDocs::with_limit(10).order_by_score(), Count);

        let should = BooleanQuery::new(words().into_iter().map(|query| (Occur::Should, query)).collect());
        let expected = searcher.search(&should, &collector).expect("boolean");
        let found = searcher.search(&SumQuery::new(words()), &collector).expect("sum");
        assert_eq!(expected.1, 5, "five documents hold one of the words");
        assert_eq!(found, expected);

        let phrase = || -> Box<dyn Query> { Box::new(PhraseQuery::new(vec![term("the"), term("minister")])) };
        let beside = |optional: Vec<(Occur, Box<dyn Query>)>| {
            let mut clauses = vec![(Occur::Must, phrase())];
            clauses.extend(optional);
            BooleanQuery::new(clauses)
        };
        let expected = searcher
            .search(
                &beside(words().into_iter().map(|query| (Occur::Should, query)).collect()),
                &collector,
            )
            .expect("phrase and boolean");
        let found = searcher
            .search(
                &beside(vec![(
                    Occur::Should,
                    Box::new(SumQuery::new(words())) as Box<dyn Query>,
                )]),
                &collector,
            )
            .expect("phrase and sum");
        assert_eq!(expected.1, 2, "two documents hold the phrase");
        assert_eq!(found, expected);
    }
}
