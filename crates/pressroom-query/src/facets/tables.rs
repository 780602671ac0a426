//! Each segment's facet values laid out flat, and a searcher's numbering of them
//! ([`FacetNodes`]), built once and cached for every query.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use tantivy::columnar::Column;
use tantivy::fastfield::FacetReader;
use tantivy::index::SegmentId;
use tantivy::schema::Facet;
use tantivy::{DocId, SegmentReader};

use super::nodes::FacetNodes;

/// One segment's facet values for one field: the distinct tree nodes (a value and all its
/// ancestors), and the nodes each document counts for.
pub struct FacetTable {
    pub(super) node_paths: Vec<Arc<str>>,
    /// `node_paths`' order by path ([`FacetNodes::path_order`]).
    path_order: Vec<u32>,
    /// The nodes of document `d` (its values and their ancestors, each once) are
    /// `doc_nodes[doc_starts[d]..doc_starts[d + 1]]`.
    doc_starts: Vec<u32>,
    doc_nodes: Vec<u32>,
}

impl FacetTable {
    pub(super) fn nodes_of(&self, doc: DocId) -> &[u32] {
        let doc = doc as usize;
        match (self.doc_starts.get(doc), self.doc_starts.get(doc + 1)) {
            (Some(&start), Some(&end)) => self.doc_nodes.get(start as usize..end as usize).unwrap_or_default(),
            _ => &[],
        }
    }

    fn build(reader: &FacetReader, max_doc: DocId) -> tantivy::Result<FacetTable> {
        let mut node_paths: Vec<Arc<str>> = Vec::new();
        let mut node_index: HashMap<String, u32> = HashMap::new();
        let mut nodes_of_ord = Vec::with_capacity(reader.num_facets());
        // The dictionary is read in one pass, in ordinal order: looking each ordinal up
        // (`facet_from_ord`) decompresses its block again, for every value of the block.
        let mut stream = reader.facet_dict().stream()?;
        while stream.advance() {
            let facet = Facet::from_encoded(stream.key().to_vec())
                .map_err(|_| tantivy::TantivyError::InternalError("a facet value is not UTF-8".to_string()))?;
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
        let mut doc_nodes = Vec::new();
        for doc in 0..max_doc {
            let start = doc_nodes.len();
            doc_starts.push(start as u32);
            for ord in reader.facet_ords(doc) {
                if let Some(nodes) = nodes_of_ord.get(ord as usize) {
                    doc_nodes.extend_from_slice(nodes);
                }
            }
            // Two values sharing an ancestor count it once.
            doc_nodes[start..].sort_unstable();
            let mut kept = start;
            for index in start..doc_nodes.len() {
                if index == start || doc_nodes[index] != doc_nodes[kept - 1] {
                    doc_nodes[kept] = doc_nodes[index];
                    kept += 1;
                }
            }
            doc_nodes.truncate(kept);
        }
        doc_starts.push(doc_nodes.len() as u32);
        Ok(FacetTable {
            path_order: FacetNodes::path_order(&node_paths),
            node_paths,
            doc_starts,
            doc_nodes,
        })
    }
}

/// Tables per (segment, field), shared by all queries of a service.
#[derive(Default)]
pub struct FacetTableCache {
    tables: Mutex<HashMap<CacheKey, Arc<FacetTable>>>,
    years: Mutex<HashMap<CacheKey, Option<Arc<YearTable>>>>,
    /// Per field: the segments last searched and their nodes' numbering.
    nodes: Mutex<HashMap<&'static str, Numbered>>,
}

/// A field's tables for each segment of a searcher, and their one numbering of nodes.
pub struct FieldTables {
    pub(super) segments: Vec<Arc<FacetTable>>,
    pub(super) nodes: Arc<FacetNodes>,
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
    fn get(&self, segment: &SegmentReader, field: &'static str) -> tantivy::Result<Arc<FacetTable>> {
        cached(&self.tables, (segment.segment_id(), field), || {
            let reader = segment.facet_reader(field)?;
            Ok(Arc::new(FacetTable::build(&reader, segment.max_doc())?))
        })
    }

    /// The tables of `field` in every segment of a searcher (in its order), numbered as one;
    /// the numbering is kept until the segments change.
    pub(super) fn field(&self, segments: &[SegmentReader], field: &'static str) -> tantivy::Result<FieldTables> {
        let tables = segments
            .iter()
            .map(|segment| self.get(segment, field))
            .collect::<tantivy::Result<Vec<_>>>()?;
        let ids: Vec<SegmentId> = segments.iter().map(SegmentReader::segment_id).collect();
        if let Some((numbered, nodes)) = self.nodes.lock().map_err(|_| poisoned())?.get(field) {
            if *numbered == ids {
                return Ok(FieldTables {
                    segments: tables,
                    nodes: nodes.clone(),
                });
            }
        }
        let own: Vec<(&[Arc<str>], &[u32])> = tables
            .iter()
            .map(|table| (table.node_paths.as_slice(), table.path_order.as_slice()))
            .collect();
        let nodes = Arc::new(FacetNodes::build(&own));
        self.nodes
            .lock()
            .map_err(|_| poisoned())?
            .insert(field, (ids, nodes.clone()));
        Ok(FieldTables {
            segments: tables,
            nodes,
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
        if let Ok(mut nodes) = self.nodes.lock() {
            nodes.retain(|_, (segments, _)| segments.iter().all(|segment| live.contains(segment)));
        }
    }
}

type CacheKey = (SegmentId, &'static str);

/// The segments a numbering of nodes was made for, and the numbering.
type Numbered = (Vec<SegmentId>, Arc<FacetNodes>);

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
