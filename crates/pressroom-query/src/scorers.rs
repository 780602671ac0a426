//! What this crate's own tantivy queries ([`crate::forms`], [`crate::sum`],
//! [`crate::materialized`]) share: [`Merge`], several scorers walked together and positioned
//! at the smallest document any of them is on, and [`explain`], an explanation read off a
//! weight's scorer.

use tantivy::query::{Explanation, Scorer, Weight};
use tantivy::{DocId, DocSet, SegmentReader, TantivyError, TERMINATED};

/// Scorers advanced and sought together; the merge is on the smallest document any of them
/// is on. Each scorer's current document is kept beside it (read once per move, not through
/// the scorer), so a scorer is asked for its score only when it is on the merge's document.
pub(crate) struct Merge {
    scorers: Vec<Box<dyn Scorer>>,
    docs: Vec<DocId>,
    doc: DocId,
}

impl Merge {
    pub(crate) fn new(scorers: Vec<Box<dyn Scorer>>) -> Merge {
        let docs = scorers.iter().map(|scorer| scorer.doc()).collect();
        let mut merge = Merge {
            scorers,
            docs,
            doc: TERMINATED,
        };
        merge.settle();
        merge
    }

    /// The scorer at `index` (in the order given), when it is on the merge's document.
    #[inline]
    pub(crate) fn on_doc(&mut self, index: usize) -> Option<&mut Box<dyn Scorer>> {
        if self.docs.get(index) == Some(&self.doc) {
            self.scorers.get_mut(index)
        } else {
            None
        }
    }

    /// How many scorers are merged.
    pub(crate) fn len(&self) -> usize {
        self.scorers.len()
    }

    /// Each scorer's size hint.
    pub(crate) fn size_hints(&self) -> impl Iterator<Item = u32> + '_ {
        self.scorers.iter().map(|scorer| scorer.size_hint())
    }

    fn settle(&mut self) -> DocId {
        self.doc = self.docs.iter().copied().min().unwrap_or(TERMINATED);
        self.doc
    }
}

impl DocSet for Merge {
    fn advance(&mut self) -> DocId {
        let current = self.doc;
        for (doc, scorer) in self.docs.iter_mut().zip(self.scorers.iter_mut()) {
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
        for (doc, scorer) in self.docs.iter_mut().zip(self.scorers.iter_mut()) {
            if *doc < target {
                *doc = scorer.seek(target);
            }
        }
        self.settle()
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    /// The scorers' size hints added up.
    fn size_hint(&self) -> u32 {
        self.size_hints().fold(0u32, u32::saturating_add)
    }

    /// The scorers' costs added up.
    fn cost(&self) -> u64 {
        self.scorers.iter().map(|scorer| scorer.cost()).sum()
    }
}

/// `weight`'s score of `doc`, explained as `what`; an error when `doc` does not match.
pub(crate) fn explain(
    weight: &dyn Weight,
    reader: &SegmentReader,
    doc: DocId,
    what: &'static str,
) -> tantivy::Result<Explanation> {
    let mut scorer = weight.scorer(reader, 1.0)?;
    if scorer.doc() > doc || scorer.seek(doc) != doc {
        return Err(TantivyError::InvalidArgument(format!("document {doc} does not match")));
    }
    Ok(Explanation::new(what, scorer.score()))
}
