//! Facet counting in one pass over the matching documents.
//!
//! tantivy's `FacetCollector` counts one level under chosen roots; a response here needs
//! whole trees (region, topic) and flat lists at once. This collector counts each hit's facet
//! ordinals and rolls the counts up the tree, a document counting once per node even when two
//! of its values share that node.
//!
//! Turning ordinals into paths is the costly part (a dictionary lookup each), and reading a
//! document's ordinals from the columnar fast field is the next one, so every segment's table
//! of paths and ancestors, and its documents' ordinals laid out flat, are built once and
//! cached ([`FacetTableCache`]); a query then only reads arrays and adds up integers.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::fastfield::FacetReader;
use tantivy::index::SegmentId;
use tantivy::schema::Facet;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

/// One segment's facet values for one field: the distinct tree nodes (a value and all its
/// ancestors) and, per ordinal, the nodes it counts for.
pub struct FacetTable {
    node_paths: Vec<String>,
    /// Per ordinal: its own node and its ancestors' nodes.
    nodes_of_ord: Vec<Vec<u32>>,
    /// The ordinals of document `d` are `doc_ords[doc_starts[d]..doc_starts[d + 1]]`.
    doc_starts: Vec<u32>,
    doc_ords: Vec<u32>,
}

impl FacetTable {
    fn ords_of(&self, doc: DocId) -> &[u32] {
        let doc = doc as usize;
        match (self.doc_starts.get(doc), self.doc_starts.get(doc + 1)) {
            (Some(&start), Some(&end)) => self.doc_ords.get(start as usize..end as usize).unwrap_or_default(),
            _ => &[],
        }
    }

    fn build(reader: &FacetReader, max_doc: DocId) -> tantivy::Result<FacetTable> {
        let mut node_paths: Vec<String> = Vec::new();
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
                    node_paths.push(path.clone());
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
    years: Vec<u64>,
    slot_of_doc: Vec<u32>,
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

    /// Each document's year, read once per segment from the year column (`None` when the
    /// segment has no such column).
    fn years(&self, segment: &SegmentReader, field: &'static str) -> tantivy::Result<Option<Arc<YearTable>>> {
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

/// Counts per facet field (path → documents) and per year.
#[derive(Debug, Default)]
pub struct FacetTallies {
    pub by_field: Vec<HashMap<String, u64>>,
    pub years: BTreeMap<u64, u64>,
}

pub struct FacetCountCollector<'a> {
    pub fields: Vec<&'static str>,
    pub year_field: Option<&'static str>,
    pub cache: &'a FacetTableCache,
}

struct FieldCounter {
    table: Arc<FacetTable>,
    /// Documents per ordinal, for documents with a single value.
    single: Vec<u64>,
    /// Documents per node, for documents with several values (already deduplicated).
    nodes: Vec<u64>,
}

pub struct FacetCountSegmentCollector {
    counters: Vec<FieldCounter>,
    seen_nodes: Vec<u32>,
    year_table: Option<Arc<YearTable>>,
    /// Documents per year slot of `year_table`.
    year_counts: Vec<u64>,
}

impl Collector for FacetCountCollector<'_> {
    type Fruit = FacetTallies;
    type Child = FacetCountSegmentCollector;

    fn for_segment(&self, _: SegmentOrdinal, segment: &SegmentReader) -> tantivy::Result<Self::Child> {
        let mut counters = Vec::with_capacity(self.fields.len());
        for field in &self.fields {
            let table = self.cache.get(segment, field)?;
            counters.push(FieldCounter {
                single: vec![0; table.nodes_of_ord.len()],
                nodes: vec![0; table.node_paths.len()],
                table,
            });
        }
        let year_table = match self.year_field {
            Some(field) => self.cache.years(segment, field)?,
            None => None,
        };
        Ok(FacetCountSegmentCollector {
            counters,
            seen_nodes: Vec::new(),
            year_counts: vec![0; year_table.as_ref().map_or(0, |table| table.years.len() + 1)],
            year_table,
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<FacetTallies>) -> tantivy::Result<FacetTallies> {
        let mut fruits = fruits.into_iter();
        let mut merged = fruits.next().unwrap_or_else(|| FacetTallies {
            by_field: vec![HashMap::new(); self.fields.len()],
            years: BTreeMap::new(),
        });
        for fruit in fruits {
            for (total, counts) in merged.by_field.iter_mut().zip(fruit.by_field) {
                total.reserve(counts.len());
                for (path, count) in counts {
                    *total.entry(path).or_default() += count;
                }
            }
            for (year, count) in fruit.years {
                *merged.years.entry(year).or_default() += count;
            }
        }
        Ok(merged)
    }
}

impl SegmentCollector for FacetCountSegmentCollector {
    type Fruit = FacetTallies;

    fn collect(&mut self, doc: DocId, _: Score) {
        for counter in &mut self.counters {
            match counter.table.ords_of(doc) {
                [] => {}
                [ord] => {
                    if let Some(slot) = counter.single.get_mut(*ord as usize) {
                        *slot += 1;
                    }
                }
                several => {
                    self.seen_nodes.clear();
                    for ord in several {
                        if let Some(nodes) = counter.table.nodes_of_ord.get(*ord as usize) {
                            self.seen_nodes.extend_from_slice(nodes);
                        }
                    }
                    self.seen_nodes.sort_unstable();
                    self.seen_nodes.dedup();
                    for node in &self.seen_nodes {
                        counter.nodes[*node as usize] += 1;
                    }
                }
            }
        }
        if let Some(&slot) = self
            .year_table
            .as_ref()
            .and_then(|table| table.slot_of_doc.get(doc as usize))
        {
            if let Some(count) = self.year_counts.get_mut(slot as usize) {
                *count += 1;
            }
        }
    }

    fn harvest(self) -> FacetTallies {
        let mut by_field = Vec::with_capacity(self.counters.len());
        for mut counter in self.counters {
            for (ord, &count) in counter.single.iter().enumerate() {
                if count > 0 {
                    for node in &counter.table.nodes_of_ord[ord] {
                        counter.nodes[*node as usize] += count;
                    }
                }
            }
            // Sized up front: growing a map of paths rehashes every string in it.
            let mut counts: HashMap<String, u64> =
                HashMap::with_capacity(counter.nodes.iter().filter(|count| **count > 0).count());
            counts.extend(
                counter
                    .nodes
                    .iter()
                    .enumerate()
                    .filter(|(_, count)| **count > 0)
                    .map(|(node, count)| (counter.table.node_paths[node].clone(), *count)),
            );
            by_field.push(counts);
        }
        FacetTallies {
            by_field,
            years: match &self.year_table {
                Some(table) => table
                    .years
                    .iter()
                    .zip(self.year_counts.iter().skip(1))
                    .filter(|(_, &count)| count > 0)
                    .map(|(&year, &count)| (year, count))
                    .collect(),
                None => BTreeMap::new(),
            },
        }
    }
}

/// The last segment of a path, unescaped.
pub fn leaf_name(path: &str) -> String {
    Facet::from_text(path)
        .ok()
        .and_then(|facet| facet.to_path().last().map(|s| s.to_string()))
        .unwrap_or_else(|| path.to_string())
}

/// The path of a node's parent (`""` for a top-level node); `\/` inside a segment is not a
/// separator.
pub fn parent_path(path: &str) -> &str {
    let bytes = path.as_bytes();
    let mut index = bytes.len();
    while index > 0 {
        index -= 1;
        if bytes[index] == b'/' && (index == 0 || bytes[index - 1] != b'\\') {
            return &path[..index];
        }
    }
    ""
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parents_skip_escaped_slashes() {
        assert_eq!(parent_path("/Americas/Central America"), "/Americas");
        assert_eq!(parent_path("/Americas"), "");
        assert_eq!(parent_path("/Topic/Water\\/Sanitation"), "/Topic");
        assert_eq!(leaf_name("/Topic/Water\\/Sanitation"), "Water/Sanitation");
    }
}
