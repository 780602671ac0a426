//! What collapsing reads of each ranked hit — its near-duplicate fingerprints, its id and its
//! date — laid out flat per segment, read once and cached for every search. The sketches
//! and ids live in fast fields whose values are looked up in a sorted dictionary; looking
//! one up per ranked hit (a search compares the page and the 100 hits after it) walked a
//! dictionary block each time and cost more than the rest of a search with every feature
//! off. Read in dictionary order once, they are an array lookup.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use pressroom_index::fingerprint::SKETCH_BYTES;
use pressroom_index::schema::{DATE, DUP_EXACT, DUP_SKETCH, ID};
use tantivy::index::SegmentId;
use tantivy::{DateTime, DocId, Searcher, SegmentReader};

use crate::error::SearchError;

/// One segment's fingerprints: per document, the hash of its words, its MinHash sketch, its
/// id and its date.
pub(super) struct SegmentFingerprints {
    exact: Vec<u64>,
    /// `SKETCH_BYTES` per document; documents without a sketch are not `present`.
    sketches: Vec<u8>,
    present: Vec<bool>,
    /// Per document, the number of its id in `ids` (`NO_ID`: none).
    id_ords: Vec<u32>,
    /// The segment's ids in dictionary order (sorted, so their numbers compare as they do).
    ids: Vec<Box<str>>,
    dates: Vec<Option<DateTime>>,
}

const NO_ID: u32 = u32::MAX;

impl SegmentFingerprints {
    /// The hash of the document's words (0: none).
    pub(super) fn exact(&self, doc: DocId) -> u64 {
        self.exact.get(doc as usize).copied().unwrap_or(0)
    }

    /// The document's sketch (empty: none).
    pub(super) fn sketch(&self, doc: DocId) -> &[u8] {
        let doc = doc as usize;
        match self.present.get(doc) {
            Some(true) => self
                .sketches
                .get(doc * SKETCH_BYTES..(doc + 1) * SKETCH_BYTES)
                .unwrap_or_default(),
            _ => &[],
        }
    }

    /// The number of the document's id in the segment's sorted ids (`None`: no id).
    pub(super) fn id_ord(&self, doc: DocId) -> Option<u32> {
        self.id_ords.get(doc as usize).copied().filter(|ord| *ord != NO_ID)
    }

    /// The document's id (empty: none).
    pub(super) fn id(&self, doc: DocId) -> &str {
        self.id_ord(doc)
            .and_then(|ord| self.ids.get(ord as usize))
            .map_or("", |id| id)
    }

    /// The document's date.
    pub(super) fn date(&self, doc: DocId) -> Option<DateTime> {
        self.dates.get(doc as usize).copied().flatten()
    }

    fn read(segment: &SegmentReader) -> Result<SegmentFingerprints, SearchError> {
        let max_doc = segment.max_doc();
        let fast = segment.fast_fields();
        let exact = match fast.u64(DUP_EXACT).ok() {
            Some(column) => (0..max_doc).map(|doc| column.first(doc).unwrap_or(0)).collect(),
            None => vec![0; max_doc as usize],
        };
        let mut sketches = vec![0u8; max_doc as usize * SKETCH_BYTES];
        let mut present = vec![false; max_doc as usize];
        if let Some(column) = fast.bytes(DUP_SKETCH)? {
            // The distinct sketches in dictionary order, streamed once.
            let mut by_ord: Vec<u8> = Vec::new();
            let mut well_formed: Vec<bool> = Vec::new();
            let mut stream = column.dictionary().stream().map_err(SearchError::internal)?;
            while stream.advance() {
                let key = stream.key();
                well_formed.push(key.len() == SKETCH_BYTES);
                by_ord.extend(key.iter().copied().chain(std::iter::repeat(0)).take(SKETCH_BYTES));
            }
            for doc in 0..max_doc {
                let Some(ord) = column.term_ords(doc).next().map(|ord| ord as usize) else {
                    continue;
                };
                if well_formed.get(ord) != Some(&true) {
                    continue;
                }
                let (from, to) = (doc as usize * SKETCH_BYTES, ord * SKETCH_BYTES);
                if let (Some(target), Some(source)) = (
                    sketches.get_mut(from..from + SKETCH_BYTES),
                    by_ord.get(to..to + SKETCH_BYTES),
                ) {
                    target.copy_from_slice(source);
                    present[doc as usize] = true;
                }
            }
        }
        let (id_ords, ids) = read_ids(segment)?;
        let dates = match fast.column_opt::<DateTime>(DATE)? {
            Some(column) => (0..max_doc).map(|doc| column.first(doc)).collect(),
            None => vec![None; max_doc as usize],
        };
        Ok(SegmentFingerprints {
            exact,
            sketches,
            present,
            id_ords,
            ids,
            dates,
        })
    }
}

/// Per document the number of its id, and the ids in dictionary order, streamed once.
fn read_ids(segment: &SegmentReader) -> Result<(Vec<u32>, Vec<Box<str>>), SearchError> {
    let max_doc = segment.max_doc();
    let Some(column) = segment.fast_fields().str(ID)? else {
        return Ok((vec![NO_ID; max_doc as usize], Vec::new()));
    };
    let mut ids = Vec::new();
    let mut stream = column.dictionary().stream().map_err(SearchError::internal)?;
    while stream.advance() {
        ids.push(String::from_utf8_lossy(stream.key()).into());
    }
    let id_ords = (0..max_doc)
        .map(|doc| {
            column
                .term_ords(doc)
                .next()
                .and_then(|ord| u32::try_from(ord).ok())
                .unwrap_or(NO_ID)
        })
        .collect();
    Ok((id_ords, ids))
}

/// Fingerprints per segment, shared by all searches of a snapshot.
#[derive(Default)]
pub(super) struct FingerprintCache {
    segments: Mutex<HashMap<SegmentId, Arc<SegmentFingerprints>>>,
}

impl FingerprintCache {
    /// The fingerprints of every segment of `searcher`, in its order (read on first use).
    pub(super) fn of(&self, searcher: &Searcher) -> Result<Vec<Arc<SegmentFingerprints>>, SearchError> {
        searcher
            .segment_readers()
            .iter()
            .map(|segment| {
                let id = segment.segment_id();
                if let Some(cached) = self.lock()?.get(&id) {
                    return Ok(cached.clone());
                }
                let read = Arc::new(SegmentFingerprints::read(segment)?);
                self.lock()?.insert(id, read.clone());
                Ok(read)
            })
            .collect()
    }

    /// Drops the fingerprints of segments no longer searched.
    pub(super) fn retain_segments(&self, live: &[SegmentId]) {
        if let Ok(mut segments) = self.segments.lock() {
            segments.retain(|segment, _| live.contains(segment));
        }
    }

    fn lock(&self) -> Result<std::sync::MutexGuard<'_, HashMap<SegmentId, Arc<SegmentFingerprints>>>, SearchError> {
        self.segments
            .lock()
            .map_err(|_| SearchError::Internal("fingerprint cache lock poisoned".to_string()))
    }
}
