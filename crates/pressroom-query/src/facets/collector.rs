//! The collector counting facet values (and years) over the matching documents, a document
//! counting once per tree node even when two of its values share that node.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use rustc_hash::FxBuildHasher;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

use super::tables::{FacetTable, FacetTableCache, YearTable};
use crate::request::FacetName;

/// A facet's counts: path → documents. Paths are shared with the segment's facet table (a
/// clone is a reference count) and hashed with FxHash: a flat facet such as `org` can have
/// thousands of values under a search, and copying and SipHashing each path was most of the
/// cost of counting.
pub type Counts = HashMap<Arc<str>, u64, FxBuildHasher>;

/// Counts per facet and per year.
#[derive(Debug, Default)]
pub struct FacetTallies {
    pub by_facet: HashMap<FacetName, Counts>,
    pub years: BTreeMap<u64, u64>,
}

impl FacetTallies {
    /// The counts of one facet (none when it was not counted).
    pub fn into_counts(mut self, facet: FacetName) -> Counts {
        self.by_facet.remove(&facet).unwrap_or_default()
    }
}

/// Counts the facets it is made for; `year` from the year column, the others from their
/// facet fields (named as the facets are).
pub struct FacetCountCollector<'a> {
    facets: Vec<FacetName>,
    count_years: bool,
    cache: &'a FacetTableCache,
}

impl<'a> FacetCountCollector<'a> {
    pub fn new(facets: &[FacetName], cache: &'a FacetTableCache) -> FacetCountCollector<'a> {
        FacetCountCollector {
            facets: facets
                .iter()
                .copied()
                .filter(|facet| *facet != FacetName::Year)
                .collect(),
            count_years: facets.contains(&FacetName::Year),
            cache,
        }
    }
}

struct FieldCounter {
    facet: FacetName,
    table: Arc<FacetTable>,
    /// Documents per ordinal, for documents with a single value.
    single: Vec<u64>,
    /// Documents per node, for documents with several values (already deduplicated).
    nodes: Vec<u64>,
    /// The ordinals and nodes counted so far, while they are few: harvesting then reads
    /// them instead of the whole vocabulary (a rare word's handful of hits against the
    /// org facet's tens of thousands of values). `None` once they stop being few.
    touched: Option<Touched>,
}

#[derive(Default)]
struct Touched {
    ords: Vec<u32>,
    nodes: Vec<u32>,
}

/// Touched ordinals and nodes are tracked up to this share of the table (1 in …).
const SPARSE_SHARE: usize = 16;

impl FieldCounter {
    fn touch(&mut self, ord: Option<u32>, node: Option<u32>) {
        let limit = self.single.len().max(self.nodes.len()) / SPARSE_SHARE;
        if let Some(touched) = &mut self.touched {
            touched.ords.extend(ord);
            touched.nodes.extend(node);
            if touched.ords.len() + touched.nodes.len() > limit {
                self.touched = None;
            }
        }
    }
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
        let mut counters = Vec::with_capacity(self.facets.len());
        for facet in &self.facets {
            let table = self.cache.get(segment, facet.as_str())?;
            counters.push(FieldCounter {
                facet: *facet,
                single: vec![0; table.nodes_of_ord.len()],
                nodes: vec![0; table.node_paths.len()],
                touched: Some(Touched::default()),
                table,
            });
        }
        let year_table = match self.count_years {
            true => self.cache.years(segment, pressroom_index::schema::YEAR)?,
            false => None,
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
            by_facet: self.facets.iter().map(|facet| (*facet, Counts::default())).collect(),
            years: BTreeMap::new(),
        });
        for fruit in fruits {
            for (facet, counts) in fruit.by_facet {
                let total = merged.by_facet.entry(facet).or_default();
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

/// The counts of a counter that saw few values: only the touched ordinals and nodes are read.
fn sparse_counts(counter: &mut FieldCounter, touched: Touched) -> Counts {
    let mut reached = touched.nodes;
    for ord in touched.ords {
        let count = counter.single[ord as usize];
        for node in &counter.table.nodes_of_ord[ord as usize] {
            counter.nodes[*node as usize] += count;
            reached.push(*node);
        }
    }
    reached.sort_unstable();
    reached.dedup();
    let mut counts = Counts::with_capacity_and_hasher(reached.len(), FxBuildHasher);
    counts.extend(reached.into_iter().map(|node| {
        (
            counter.table.node_paths[node as usize].clone(),
            counter.nodes[node as usize],
        )
    }));
    counts
}

/// The counts of a counter that saw many values: the whole table is read.
fn dense_counts(counter: &mut FieldCounter) -> Counts {
    for (ord, &count) in counter.single.iter().enumerate() {
        if count > 0 {
            for node in &counter.table.nodes_of_ord[ord] {
                counter.nodes[*node as usize] += count;
            }
        }
    }
    // Sized up front: growing a map of paths rehashes every string in it.
    let mut counts =
        Counts::with_capacity_and_hasher(counter.nodes.iter().filter(|count| **count > 0).count(), FxBuildHasher);
    counts.extend(
        counter
            .nodes
            .iter()
            .enumerate()
            .filter(|(_, count)| **count > 0)
            .map(|(node, count)| (counter.table.node_paths[node].clone(), *count)),
    );
    counts
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
                        if *slot == 1 {
                            counter.touch(Some(*ord), None);
                        }
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
                        if counter.nodes[*node as usize] == 1 {
                            counter.touch(None, Some(*node));
                        }
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
        let mut by_facet = HashMap::with_capacity(self.counters.len());
        for mut counter in self.counters {
            let counts = match counter.touched.take() {
                Some(touched) => sparse_counts(&mut counter, touched),
                None => dense_counts(&mut counter),
            };
            by_facet.insert(counter.facet, counts);
        }
        FacetTallies {
            by_facet,
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
