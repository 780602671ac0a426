//! Near-duplicate collapsing: among the ranked hits, a release whose text is the same as an
//! earlier hit's (the same words), or nearly so (at least [`NEAR_DUPLICATE`] of their
//! five-word shingles shared, by their MinHash sketches), joins that hit as a duplicate
//! instead of taking a place of its own. Trove, for one, holds the same transcript under
//! several ids. Counts (`total`, facets) still count documents. Of copies that score the
//! same, the one with the smallest id leads its group, so which copy is shown does not depend
//! on the order segments happen to be in.

use pressroom_index::fingerprint::similar_at_least;
use pressroom_index::schema::{DUP_EXACT, DUP_SKETCH, ID};
use tantivy::{DocAddress, Searcher};

use crate::error::SearchError;

/// Share of shingles two releases must share to be one hit.
pub const NEAR_DUPLICATE: f32 = 0.9;
/// Hits ranked after the requested page that are looked at for duplicates of its hits (and
/// that keep later pages consistent with earlier ones).
pub const COLLAPSE_WINDOW: usize = 100;

/// A hit and the ids of the releases collapsed into it.
pub(super) type Group = ((Option<f32>, DocAddress), Vec<String>);

/// Groups `ranked` (best first): each hit not a duplicate of an earlier one starts a group;
/// duplicates are listed with the group they join, in rank order.
pub(super) fn collapse(searcher: &Searcher, ranked: Vec<(Option<f32>, DocAddress)>) -> Result<Vec<Group>, SearchError> {
    let mut readers = Vec::with_capacity(searcher.segment_readers().len());
    for segment in searcher.segment_readers() {
        let fast = segment.fast_fields();
        readers.push((fast.u64(DUP_EXACT).ok(), fast.bytes(DUP_SKETCH)?, fast.str(ID)?));
    }
    let mut groups: Vec<Group> = Vec::new();
    let mut kept: Vec<(u64, Vec<u8>)> = Vec::new();
    let mut sketch = Vec::new();
    for (score, address) in ranked {
        let Some((exact, sketches, ids)) = readers.get(address.segment_ord as usize) else {
            continue;
        };
        let exact = exact
            .as_ref()
            .and_then(|column| column.first(address.doc_id))
            .unwrap_or(0);
        sketch.clear();
        if let Some(column) = sketches {
            if let Some(ord) = column.term_ords(address.doc_id).next() {
                column.ord_to_bytes(ord, &mut sketch).map_err(internal)?;
            }
        }
        let joins = kept.iter().position(|(kept_exact, kept_sketch)| {
            (exact != 0 && exact == *kept_exact) || similar_at_least(&sketch, kept_sketch, NEAR_DUPLICATE)
        });
        match joins {
            Some(group) => {
                let id = read_id(ids.as_ref(), address.doc_id)?;
                let ((leader_score, leader), duplicates) = &mut groups[group];
                let tied = score.is_some() && score == *leader_score;
                let leader_id = if tied {
                    let leader_ids = readers
                        .get(leader.segment_ord as usize)
                        .and_then(|(_, _, ids)| ids.as_ref());
                    Some(read_id(leader_ids, leader.doc_id)?)
                } else {
                    None
                };
                match leader_id {
                    Some(leader_id) if id < leader_id => {
                        *leader = address;
                        duplicates.insert(0, leader_id);
                    }
                    _ => duplicates.push(id),
                }
            }
            None => {
                kept.push((exact, sketch.clone()));
                groups.push(((score, address), Vec::new()));
            }
        }
    }
    Ok(groups)
}

/// The release id stored for `doc` (empty when the column is missing).
fn read_id(ids: Option<&tantivy::columnar::StrColumn>, doc: tantivy::DocId) -> Result<String, SearchError> {
    let mut id = String::new();
    if let Some(column) = ids {
        if let Some(ord) = column.term_ords(doc).next() {
            column.ord_to_str(ord, &mut id).map_err(internal)?;
        }
    }
    Ok(id)
}

fn internal(error: std::io::Error) -> SearchError {
    SearchError::Internal(error.to_string())
}
