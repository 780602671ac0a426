//! Each segment's facet values laid out flat, built once and cached for every query.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use tantivy::columnar::Column;
use tantivy::fastfield::FacetReader;
use tantivy::index::SegmentId;
use tantivy::schema::Facet;
use tantivy::{DocId, SegmentReader};

/// One segment's facet values for one field: the distinct tree nodes (a value and all its
/// ancestors) and, per ordinal, the nodes it counts for.
pub struct FacetTable {
    pub(super) node_paths: Vec<Arc<str>>,
    /// Per ordinal: its own node and its ancestors' nodes.
    pub(super) nodes_of_ord: Vec<Vec<u32>>,
    /// The ordinals of document `d` are `doc_ords[doc_starts[d]..doc_starts[d + 1]]`.
    doc_starts: Vec<u32>,
    doc_ords: Vec<u32>,
}

impl FacetTable {
    pub(super) fn ords_of(&self, doc: DocId) -> &[u32] {
        let doc = doc as usize;
        match (self.doc_starts.get(doc), self.doc_starts.get(doc + 1)) {
            (Some(&start), Some(&end)) => self.doc_ords.get(start as usize..end as usize).unwrap_or_default(),
            _ => &[],
        }
    }

    fn build(reader: &FacetReader, max_doc: DocId) -> tantivy::Result<FacetTable> {
        let mut node_paths: Vec<Arc<str>> = Vec::new();
        let mut node_index: HashMap<String, u32> = HashMap::new();
        let mut nodes_of_ord = Vec::with_capacity(reader.num_facets());
        let mut facet = Facet::root();
        for ord in 0..reader.num_facets() as u64 {
            reader.facet_from_ord(ord, &mut facet)?;
            let mut nodes = Vec::new();
            let mut path = String::new();
            for segment in facet.to_path() {
                path.push('/');
                path.push_str(&segment.replace('/', "\\/"));
                let next = node_paths.len() as u32;
                let node = *node_index.entry(path.clone()).or_insert_with(|| {
                    node_paths.push(Arc::from(path.as_str()));
                    next
                });
                nodes.push(node);
            }
            nodes_of_ord.push(nodes);
        }
        let mut doc_starts = Vec::with_capacity(max_doc as usize + 1);
        let mut doc_ords = Vec::new();
        for doc in 0..max_doc {
            doc_starts.push(doc_ords.len() as u32);
            doc_ords.extend(reader.facet_ords(doc).map(|ord| ord as u32));
        }
        doc_starts.push(doc_ords.len() as u32);
        Ok(FacetTable {
            node_paths,
            nodes_of_ord,
            doc_starts,
            doc_ords,
        })
    }
}

/// Tables per (segment, field), shared by all queries of a service.
#[derive(Default)]
pub struct FacetTableCache {
    tables: Mutex<HashMap<CacheKey, Arc<FacetTable>>>,
    years: Mutex<HashMap<CacheKey, Option<Arc<YearTable>>>>,
}

/// One segment's years: the distinct years, and per document the slot of its year in them
/// (slot 0: no year), so that counting is indexing a short array.
pub struct YearTable {
    /// `years[slot - 1]` is the year of slot `slot`.
    pub(super) years: Vec<u64>,
    pub(super) slot_of_doc: Vec<u32>,
}

impl YearTable {
    fn build(column: &Column<u64>, max_doc: DocId) -> YearTable {
        let values: Vec<Option<u64>> = (0..max_doc).map(|doc| column.first(doc)).collect();
        let mut years: Vec<u64> = values.iter().flatten().copied().collect();
        years.sort_unstable();
        years.dedup();
        let slot_of_doc = values
            .iter()
            .map(|value| match value {
                Some(year) => years.binary_search(year).map_or(0, |index| index as u32 + 1),
                None => 0,
            })
            .collect();
        YearTable { years, slot_of_doc }
    }
}

impl FacetTableCache {
    pub(super) fn get(&self, segment: &SegmentReader, field: &'static str) -> tantivy::Result<Arc<FacetTable>> {
        cached(&self.tables, (segment.segment_id(), field), || {
            let reader = segment.facet_reader(field)?;
            Ok(Arc::new(FacetTable::build(&reader, segment.max_doc())?))
        })
    }

    /// Each document's year, read once per segment from the year column (`None` when the
    /// segment has no such column).
    pub(super) fn years(
        &self,
        segment: &SegmentReader,
        field: &'static str,
    ) -> tantivy::Result<Option<Arc<YearTable>>> {
        cached(&self.years, (segment.segment_id(), field), || {
            let column = segment.fast_fields().column_opt::<u64>(field)?;
            Ok(column.map(|column| Arc::new(YearTable::build(&column, segment.max_doc()))))
        })
    }

    /// Drops the tables of segments no longer searched.
    pub fn retain_segments(&self, live: &[SegmentId]) {
        if let Ok(mut tables) = self.tables.lock() {
            tables.retain(|(segment, _), _| live.contains(segment));
        }
        if let Ok(mut years) = self.years.lock() {
            years.retain(|(segment, _), _| live.contains(segment));
        }
    }
}

type CacheKey = (SegmentId, &'static str);

/// The value cached under `key`, built and cached on first use.
fn cached<V: Clone>(
    map: &Mutex<HashMap<CacheKey, V>>,
    key: CacheKey,
    build: impl FnOnce() -> tantivy::Result<V>,
) -> tantivy::Result<V> {
    if let Some(value) = map.lock().map_err(|_| poisoned())?.get(&key) {
        return Ok(value.clone());
    }
    let value = build()?;
    map.lock().map_err(|_| poisoned())?.insert(key, value.clone());
    Ok(value)
}

fn poisoned() -> tantivy::TantivyError {
    tantivy::TantivyError::InternalError("facet table cache lock poisoned".to_string())
}
