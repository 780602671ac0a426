//! [`FormsQuery`]: one word (or phrase) in the several forms it matches with — exact,
//! stemmed per language, typo and prefix candidates, each in the title and the body — scored
//! as tantivy scores a disjunction-max per field with the fields added up, but iterated as a
//! plain merge of the forms.
//!
//! Written as tantivy queries (a `BooleanQuery` of one `DisjunctionMaxQuery` per field),
//! every word became three buffered unions. A buffered union scores a window of 4,096
//! documents ahead at every seek and sets up a 48 kB buffer when built, so a word such as
//! `refugees` intersected with a rare one (`Bhutanese refugees`, 17 matches) scored
//! thousands of releases to find 17, and each search built a dozen such buffers per
//! segment. Here the forms are advanced and sought one by one, and a document's score is
//! computed only when the search asks for it, with the same arithmetic (per field the best
//! form plus a tie-breaker share of the others; the fields added in order), so scores are
//! bit for bit those of the nested unions.

use tantivy::query::{EmptyScorer, EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::{DocId, DocSet, Score, SegmentReader, Term, TERMINATED};

use crate::scorers::{explain, Merge};

/// A word's forms, grouped by field: within a field the best form counts and the others
/// `tie_breaker` of theirs; the fields add up.
#[derive(Debug)]
pub struct FormsQuery {
    parts: Vec<Vec<Box<dyn Query>>>,
    tie_breaker: Score,
}

impl FormsQuery {
    /// Forms per field (fields without forms are left out by the caller).
    pub fn new(parts: Vec<Vec<Box<dyn Query>>>, tie_breaker: Score) -> FormsQuery {
        FormsQuery { parts, tie_breaker }
    }
}

impl Clone for FormsQuery {
    fn clone(&self) -> FormsQuery {
        FormsQuery {
            parts: self
                .parts
                .iter()
                .map(|forms| forms.iter().map(|form| form.box_clone()).collect())
                .collect(),
            tie_breaker: self.tie_breaker,
        }
    }
}

impl Query for FormsQuery {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let parts = self
            .parts
            .iter()
            .map(|forms| forms.iter().map(|form| form.weight(enable_scoring)).collect())
            .collect::<tantivy::Result<_>>()?;
        Ok(Box::new(FormsWeight {
            parts,
            tie_breaker: self.tie_breaker,
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        for form in self.parts.iter().flatten() {
            form.query_terms(visitor);
        }
    }
}

struct FormsWeight {
    parts: Vec<Vec<Box<dyn Weight>>>,
    tie_breaker: Score,
}

impl Weight for FormsWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let mut forms: Vec<(usize, Box<dyn Scorer>)> = Vec::new();
        for (part, weights) in self.parts.iter().enumerate() {
            for weight in weights {
                let scorer = weight.scorer(reader, boost)?;
                if scorer.doc() != TERMINATED {
                    forms.push((part, scorer));
                }
            }
        }
        // One form scores alone what the combination would give it (x + 0 × tie).
        if forms.len() <= 1 {
            return Ok(forms
                .pop()
                .map_or_else(|| Box::new(EmptyScorer) as Box<dyn Scorer>, |(_, scorer)| scorer));
        }
        Ok(Box::new(FormsScorer::new(forms, self.tie_breaker)))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        explain(self, reader, doc, "best form per field, fields added")
    }
}

/// The merge of a word's forms: positioned at the smallest document any form is on.
struct FormsScorer {
    /// The forms' scorers in the query's order, grouped by field.
    forms: Merge,
    /// Where each field's forms end in `forms`.
    part_ends: Vec<usize>,
    tie_breaker: Score,
}

impl FormsScorer {
    fn new(forms: Vec<(usize, Box<dyn Scorer>)>, tie_breaker: Score) -> FormsScorer {
        let mut part_ends = Vec::new();
        for (index, (part, _)) in forms.iter().enumerate() {
            if forms.get(index + 1).is_none_or(|(next, _)| next != part) {
                part_ends.push(index + 1);
            }
        }
        FormsScorer {
            forms: Merge::new(forms.into_iter().map(|(_, scorer)| scorer).collect()),
            part_ends,
            tie_breaker,
        }
    }
}

impl DocSet for FormsScorer {
    fn advance(&mut self) -> DocId {
        self.forms.advance()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        self.forms.seek(target)
    }

    fn doc(&self) -> DocId {
        self.forms.doc()
    }

    fn size_hint(&self) -> u32 {
        self.forms.size_hint()
    }

    fn cost(&self) -> u64 {
        self.forms.cost()
    }
}

impl Scorer for FormsScorer {
    fn score(&mut self) -> Score {
        let mut total: Score = 0.0;
        let mut start = 0;
        for &end in &self.part_ends {
            let (mut max, mut sum, mut matched): (Score, Score, bool) = (0.0, 0.0, false);
            for index in start..end {
                if let Some(scorer) = self.forms.on_doc(index) {
                    let score = scorer.score();
                    max = Score::max(score, max);
                    sum += score;
                    matched = true;
                }
            }
            if matched {
                total += max + (sum - max) * self.tie_breaker;
            }
            start = end;
        }
        total
    }
}

#[cfg(test)]
mod tests {
    use tantivy::collector::{Count, TopDocs};
    use tantivy::query::{BooleanQuery, BoostQuery, DisjunctionMaxQuery, Occur, TermQuery};
    use tantivy::schema::IndexRecordOption;
    use tantivy::{DocAddress, TantivyDocument};

    use super::*;

    const TIE: Score = 0.2;

    /// The same forms as nested tantivy unions.
    fn as_unions(parts: &[Vec<Box<dyn Query>>]) -> BooleanQuery {
        BooleanQuery::new(
            parts
                .iter()
                .map(|forms| {
                    let forms = forms.iter().map(|form| form.box_clone()).collect();
                    (
                        Occur::Should,
                        Box::new(DisjunctionMaxQuery::with_tie_breaker(forms, TIE)) as Box<dyn Query>,
                    )
                })
                .collect(),
        )
    }

    #[test]
    fn scores_and_matches_are_those_of_the_nested_unions() {
        let (index, fields) = pressroom_index::schema::in_memory().expect("an index in memory");
        let mut writer = index.writer_with_num_threads(1, 20_000_000).expect("a writer");
        let texts = [
            ("Refugees arrive", "refugees and refugee families arrive"),
            ("Camp", "a refugee camp"),
            ("Other", "nothing here"),
            ("Refugee children", "children"),
            ("Flood", "the flood displaced refugees"),
        ];
        for round in 0..40 {
            for (title, body) in texts {
                let mut document = TantivyDocument::new();
                document.add_text(fields.id, format!("{round}:{title}"));
                document.add_text(fields.title, title);
                document.add_text(fields.body, body);
                writer.add_document(document).expect("added");
            }
            if round % 10 == 9 {
                writer.commit().expect("committed");
            }
        }
        let searcher = index.reader().expect("a reader").searcher();
        let term = |field, text: &str| -> Box<dyn Query> {
            Box::new(TermQuery::new(
                Term::from_field_text(field, text),
                IndexRecordOption::WithFreqs,
            ))
        };
        let boosted =
            |query: Box<dyn Query>, boost: Score| -> Box<dyn Query> { Box::new(BoostQuery::new(query, boost)) };
        let parts: Vec<Vec<Box<dyn Query>>> = vec![
            vec![
                term(fields.title, "refugees"),
                boosted(term(fields.title, "refugee"), 0.6),
            ],
            vec![
                term(fields.body, "refugees"),
                boosted(term(fields.body, "refugee"), 0.6),
                boosted(term(fields.body, "absent"), 0.3),
            ],
        ];
        let forms = FormsQuery::new(
            parts
                .iter()
                .map(|forms| forms.iter().map(|form| form.box_clone()).collect())
                .collect(),
            TIE,
        );
        let unions = as_unions(&parts);
        let top = (TopDocs::with_limit(200).order_by_score(), Count);
        let (ours, our_count): (Vec<(Score, DocAddress)>, usize) = searcher.search(&forms, &top).expect("searched");
        let (theirs, their_count) = searcher.search(&unions, &top).expect("searched");
        assert_eq!(our_count, 160, "four of the five texts match, forty times");
        assert_eq!(our_count, their_count);
        assert_eq!(ours, theirs, "the same scores, bit for bit, in the same order");
        // Intersected with a rarer word, the forms are sought, not merged.
        let with_children = BooleanQuery::new(vec![
            (Occur::Must, Box::new(forms.clone()) as Box<dyn Query>),
            (Occur::Must, term(fields.body, "children")),
        ]);
        let unions_with_children = BooleanQuery::new(vec![
            (Occur::Must, Box::new(unions) as Box<dyn Query>),
            (Occur::Must, term(fields.body, "children")),
        ]);
        let (ours, count) = searcher.search(&with_children, &top).expect("searched");
        assert_eq!(count, 40);
        assert_eq!(ours, searcher.search(&unions_with_children, &top).expect("searched").0);
    }
}
