//! Near-duplicate collapsing: among the ranked hits, a release whose text is the same as an
//! earlier hit's (the same words), or nearly so (at least [`NEAR_DUPLICATE`] of their
//! five-word shingles shared, by their MinHash sketches), joins that hit as a duplicate
//! instead of taking a place of its own. Trove, for one, holds the same transcript under
//! several ids. Counts (`total`, facets) still count documents. Of copies that score the
//! same (under a date sort: that bear the same date), the one with the smallest id leads its
//! group, so which copy is shown does not depend on the order segments happen to be in.

use std::cmp::Ordering;

use pressroom_index::fingerprint::similar_at_least;
use pressroom_index::schema::{DATE, ID};
use tantivy::columnar::{Column, StrColumn};
use tantivy::{DateTime, DocAddress, Searcher};

use super::fingerprints::FingerprintCache;
use crate::error::SearchError;

/// Share of shingles two releases must share to be one hit.
pub const NEAR_DUPLICATE: f32 = 0.9;
/// Hits ranked after the requested page that are looked at for duplicates of its hits (and
/// that keep later pages consistent with earlier ones).
pub const COLLAPSE_WINDOW: usize = 100;

/// A ranked hit: its score (none under a date sort) and address.
type Hit = (Option<f32>, DocAddress);

/// A hit and the ids of the releases collapsed into it.
pub(super) type Group = (Hit, Vec<String>);

/// Groups `ranked` (best first) and returns the groups of the page (`offset`, `limit`): each
/// hit not a duplicate of an earlier one starts a group; duplicates are listed with the group
/// they join, in rank order. Ids are read only for the page's groups.
pub(super) fn collapse(
    searcher: &Searcher,
    fingerprints: &FingerprintCache,
    ranked: Vec<Hit>,
    offset: usize,
    limit: usize,
) -> Result<Vec<Group>, SearchError> {
    let segments = fingerprints.of(searcher)?;
    let ids = searcher
        .segment_readers()
        .iter()
        .map(|segment| segment.fast_fields().str(ID))
        .collect::<tantivy::Result<Vec<_>>>()?;
    let dates = searcher
        .segment_readers()
        .iter()
        .map(|segment| segment.fast_fields().column_opt::<DateTime>(DATE))
        .collect::<tantivy::Result<Vec<_>>>()?;
    let mut groups: Vec<(Hit, Vec<DocAddress>)> = Vec::new();
    let mut kept: Vec<(u64, &[u8])> = Vec::new();
    for (score, address) in ranked {
        let Some(segment) = segments.get(address.segment_ord as usize) else {
            continue;
        };
        let (exact, sketch) = (segment.exact(address.doc_id), segment.sketch(address.doc_id));
        let joins = kept.iter().position(|(kept_exact, kept_sketch)| {
            (exact != 0 && exact == *kept_exact) || similar_at_least(sketch, kept_sketch, NEAR_DUPLICATE)
        });
        match joins {
            Some(group) => {
                let ((leader_score, leader), duplicates) = &mut groups[group];
                // Under a date sort there is no score: copies tie when their dates do.
                let tied = match (score, *leader_score) {
                    (Some(score), Some(leader_score)) => score == leader_score,
                    (None, None) => date_of(&dates, address) == date_of(&dates, *leader),
                    _ => false,
                };
                if tied && compare_ids(&ids, address, *leader)? == Ordering::Less {
                    duplicates.insert(0, *leader);
                    *leader = address;
                } else {
                    duplicates.push(address);
                }
            }
            None => {
                kept.push((exact, sketch));
                groups.push(((score, address), Vec::new()));
            }
        }
    }
    groups
        .into_iter()
        .skip(offset)
        .take(limit)
        .map(|(hit, duplicates)| {
            let ids = duplicates
                .into_iter()
                .map(|address| read_id(&ids, address))
                .collect::<Result<Vec<_>, _>>()?;
            Ok((hit, ids))
        })
        .collect()
}

/// A release's date (none when it has none or the column is missing).
fn date_of(dates: &[Option<Column<DateTime>>], address: DocAddress) -> Option<DateTime> {
    dates
        .get(address.segment_ord as usize)
        .and_then(Option::as_ref)
        .and_then(|column| column.first(address.doc_id))
}

/// Two releases' ids compared: by their ordinals within one segment (its dictionary is
/// sorted), else as strings.
fn compare_ids(ids: &[Option<StrColumn>], a: DocAddress, b: DocAddress) -> Result<Ordering, SearchError> {
    if a.segment_ord == b.segment_ord {
        if let Some(Some(column)) = ids.get(a.segment_ord as usize) {
            return Ok(column
                .term_ords(a.doc_id)
                .next()
                .cmp(&column.term_ords(b.doc_id).next()));
        }
    }
    Ok(read_id(ids, a)?.cmp(&read_id(ids, b)?))
}

/// The release id stored for `address` (empty when the column is missing).
fn read_id(ids: &[Option<StrColumn>], address: DocAddress) -> Result<String, SearchError> {
    let mut id = String::new();
    if let Some(Some(column)) = ids.get(address.segment_ord as usize) {
        if let Some(ord) = column.term_ords(address.doc_id).next() {
            column.ord_to_str(ord, &mut id).map_err(SearchError::internal)?;
        }
    }
    Ok(id)
}
