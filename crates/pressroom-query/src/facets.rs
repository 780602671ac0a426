//! Facet counting in one pass over the matching documents.
//!
//! tantivy's `FacetCollector` counts one level under chosen roots; a response here needs
//! whole trees (region, topic) and flat lists at once. This collector counts each hit's facet
//! ordinals and rolls the counts up the tree, a document counting once per node even when two
//! of its values share that node.
//!
//! Turning ordinals into paths is the costly part (a dictionary lookup each), so every
//! segment's table of paths and ancestors is built once and cached ([`FacetTableCache`]);
//! a query then only adds up integers.

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
}

impl FacetTable {
    fn build(reader: &FacetReader) -> tantivy::Result<FacetTable> {
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
        Ok(FacetTable {
            node_paths,
            nodes_of_ord,
        })
    }
}

/// Tables per (segment, field), shared by all queries of a service.
#[derive(Default)]
pub struct FacetTableCache {
    tables: Mutex<HashMap<(SegmentId, &'static str), Arc<FacetTable>>>,
}

impl FacetTableCache {
    fn get(&self, segment: &SegmentReader, field: &'static str) -> tantivy::Result<(FacetReader, Arc<FacetTable>)> {
        let reader = segment.facet_reader(field)?;
        let key = (segment.segment_id(), field);
        if let Some(table) = self.tables.lock().map_err(|_| poisoned())?.get(&key) {
            return Ok((reader, table.clone()));
        }
        let table = Arc::new(FacetTable::build(&reader)?);
        self.tables.lock().map_err(|_| poisoned())?.insert(key, table.clone());
        Ok((reader, table))
    }

    /// Drops the tables of segments no longer searched.
    pub fn retain_segments(&self, live: &[SegmentId]) {
        if let Ok(mut tables) = self.tables.lock() {
            tables.retain(|(segment, _), _| live.contains(segment));
        }
    }
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
    reader: FacetReader,
    table: Arc<FacetTable>,
    /// Documents per ordinal, for documents with a single value.
    single: Vec<u64>,
    /// Documents per node, for documents with several values (already deduplicated).
    nodes: Vec<u64>,
}

pub struct FacetCountSegmentCollector {
    counters: Vec<FieldCounter>,
    ords: Vec<u64>,
    seen_nodes: Vec<u32>,
    year_column: Option<Column<u64>>,
    years: HashMap<u64, u64>,
}

impl Collector for FacetCountCollector<'_> {
    type Fruit = FacetTallies;
    type Child = FacetCountSegmentCollector;

    fn for_segment(&self, _: SegmentOrdinal, segment: &SegmentReader) -> tantivy::Result<Self::Child> {
        let mut counters = Vec::with_capacity(self.fields.len());
        for field in &self.fields {
            let (reader, table) = self.cache.get(segment, field)?;
            counters.push(FieldCounter {
                single: vec![0; table.nodes_of_ord.len()],
                nodes: vec![0; table.node_paths.len()],
                reader,
                table,
            });
        }
        let year_column = match self.year_field {
            Some(field) => segment.fast_fields().column_opt::<u64>(field)?,
            None => None,
        };
        Ok(FacetCountSegmentCollector {
            counters,
            ords: Vec::new(),
            seen_nodes: Vec::new(),
            year_column,
            years: HashMap::new(),
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
            self.ords.clear();
            self.ords.extend(counter.reader.facet_ords(doc));
            match self.ords.as_slice() {
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
        if let Some(year) = self.year_column.as_ref().and_then(|column| column.first(doc)) {
            *self.years.entry(year).or_default() += 1;
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
            let counts: HashMap<String, u64> = counter
                .nodes
                .iter()
                .enumerate()
                .filter(|(_, count)| **count > 0)
                .map(|(node, count)| (counter.table.node_paths[node].clone(), *count))
                .collect();
            by_field.push(counts);
        }
        FacetTallies {
            by_field,
            years: self.years.into_iter().collect(),
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
