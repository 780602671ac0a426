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
use tantivy::{DocId, DocSet, Score, SegmentReader, TantivyError, Term, TERMINATED};

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
            return Ok(Box::new(SumScorer::new(clauses)));
        }
        // One clause scores alone what the sum would give it (0 + x).
        Ok(clauses.pop().unwrap_or_else(|| Box::new(EmptyScorer)))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.scorer(reader, 1.0)?;
        if scorer.doc() > doc || scorer.seek(doc) != doc {
            return Err(TantivyError::InvalidArgument(format!("document {doc} does not match")));
        }
        Ok(Explanation::new("sum of the matching clauses", scorer.score()))
    }
}

/// The merge of the clauses: positioned at the smallest document any clause is on.
struct SumScorer {
    clauses: Vec<Box<dyn Scorer>>,
    /// Each clause's current document (read once per move, not through the scorer).
    docs: Vec<DocId>,
    doc: DocId,
}

impl SumScorer {
    fn new(clauses: Vec<Box<dyn Scorer>>) -> SumScorer {
        let docs = clauses.iter().map(|scorer| scorer.doc()).collect();
        let mut scorer = SumScorer {
            clauses,
            docs,
            doc: TERMINATED,
        };
        scorer.settle();
        scorer
    }

    fn settle(&mut self) -> DocId {
        self.doc = self.docs.iter().copied().min().unwrap_or(TERMINATED);
        self.doc
    }
}

impl DocSet for SumScorer {
    fn advance(&mut self) -> DocId {
        let current = self.doc;
        for (doc, scorer) in self.docs.iter_mut().zip(self.clauses.iter_mut()) {
            if *doc == current {
                *doc = scorer.advance();
            }
        }
        self.settle()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if self.doc >= target {
            return self.doc;
        }
        for (doc, scorer) in self.docs.iter_mut().zip(self.clauses.iter_mut()) {
            if *doc < target {
                *doc = scorer.seek(target);
            }
        }
        self.settle()
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    fn size_hint(&self) -> u32 {
        self.clauses.iter().map(|scorer| scorer.size_hint()).max().unwrap_or(0)
    }

    fn cost(&self) -> u64 {
        self.clauses.iter().map(|scorer| scorer.cost()).sum()
    }
}

impl Scorer for SumScorer {
    fn score(&mut self) -> Score {
        let doc = self.doc;
        let mut total: Score = 0.0;
        for (clause_doc, scorer) in self.docs.iter().zip(self.clauses.iter_mut()) {
            if *clause_doc == doc {
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
    use tantivy::{TantivyDocument, Term};

    use super::*;

    /// Over two segments, alone and required beside a phrase, the sum finds what a boolean
    /// query of `Should` clauses finds, with bit-identical scores.
    #[test]
    fn scores_as_a_boolean_of_should_clauses() {
        let (index, fields) = pressroom_index::schema::in_memory().expect("an index in memory");
        let mut writer = index.writer_with_num_threads(1, 20_000_000).expect("a writer");
        let texts = [
            "the minister for immigration said the government",
            "the government of the day",
            "minister",
            "immigration detention and the minister",
            "nothing relevant here",
            "government minister immigration minister government",
        ];
        for (number, text) in texts.iter().enumerate() {
            let mut document = TantivyDocument::new();
            document.add_text(fields.id, format!("doc:{number}"));
            document.add_text(fields.body, text);
            writer.add_document(document).expect("added");
            if number == 2 {
                writer.commit().expect("first segment");
            }
        }
        writer.commit().expect("second segment");
        let searcher = index.reader().expect("a reader").searcher();
        assert_eq!(searcher.segment_readers().len(), 2);
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
