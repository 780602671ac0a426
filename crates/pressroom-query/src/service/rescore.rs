//! Proximity rescoring. A query of several bare words also scores as a loose phrase
//! ([`crate::query::Proximity`]). The phrase never decides what matches, it only adds to a
//! matching release's score; scored inline, it read the words' positions in every release
//! that holds them, and with common words that was most of a search (`government policy`,
//! 7,740 matches: 2.2 of 2.8 ms on one core). So a search ranks by the words alone, keeps
//! the best [`RESCORE_WINDOW`] (more when the page and the collapsing window need more),
//! adds the phrase's score to each of them (its forms seek straight to each hit,
//! [`crate::forms`]) and ranks them again the way tantivy ranks (score, then address). A
//! release ranked after the window by its words alone could reach
//! the page only by a phrase score larger than the gap to the window's end; with fewer
//! matches than the window the ranking is exactly the inline one.

use std::cmp::Ordering;

use tantivy::query::{Bm25StatisticsProvider, EnableScoring, Scorer};
use tantivy::{DocAddress, DocSet, Score, Searcher};

use crate::error::SearchError;
use crate::query::Proximity;

/// The best hits by the words alone that the loose phrase's score is added to (at least;
/// a page deep in the results, or the collapsing window after it, takes more). On the 160
/// domain-dev queries and the judged set, windows of 110, 250 and 1,000 ranked every query
/// as scoring the phrase inline did; each hit rescored costs about a microsecond (phrase
/// positions read at a seek).
pub const RESCORE_WINDOW: usize = 200;

/// `ranked` (scores by the words alone) with the loose phrase's score added to each hit
/// that matches it, best first, ties by address.
pub(super) fn rescore(
    searcher: &Searcher,
    statistics: &dyn Bm25StatisticsProvider,
    proximity: &Proximity,
    ranked: Vec<(Score, DocAddress)>,
) -> Result<Vec<(Score, DocAddress)>, SearchError> {
    let weight = proximity
        .query()
        .weight(EnableScoring::enabled_from_statistics_provider(statistics, searcher))?;
    let mut in_doc_order = ranked;
    in_doc_order.sort_unstable_by_key(|(_, address)| *address);
    let mut segment: Option<(u32, Box<dyn Scorer>)> = None;
    for (score, address) in &mut in_doc_order {
        if segment.as_ref().map(|(ord, _)| *ord) != Some(address.segment_ord) {
            let reader = searcher.segment_reader(address.segment_ord);
            segment = Some((address.segment_ord, weight.scorer(reader, 1.0)?));
        }
        let Some((_, phrase)) = segment.as_mut() else {
            continue;
        };
        let mut at = phrase.doc();
        if at < address.doc_id {
            at = phrase.seek(address.doc_id);
        }
        if at == address.doc_id {
            *score += phrase.score();
        }
    }
    in_doc_order.sort_by(|a, b| b.0.partial_cmp(&a.0).unwrap_or(Ordering::Equal).then(a.1.cmp(&b.1)));
    Ok(in_doc_order)
}
