//! Facet counting in one pass over the matching documents.
//!
//! tantivy's `FacetCollector` counts one level under chosen roots; a response here needs
//! whole trees (region, topic) and flat lists at once, so this collector reads each
//! document's facet ordinals and rolls counts up to every ancestor, counting a document
//! once per node even when two of its values share that node.

use std::collections::{BTreeMap, HashMap};

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::fastfield::FacetReader;
use tantivy::schema::Facet;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

/// Counts per facet field (path → documents) and per year.
#[derive(Debug, Default)]
pub struct FacetTallies {
    pub by_field: Vec<HashMap<String, u64>>,
    pub years: BTreeMap<u64, u64>,
}

pub struct FacetCountCollector {
    pub fields: Vec<&'static str>,
    pub year_field: Option<&'static str>,
}

pub struct FacetCountSegmentCollector {
    readers: Vec<FacetReader>,
    single: Vec<Vec<u64>>,
    multiple: Vec<HashMap<Vec<u64>, u64>>,
    ords: Vec<u64>,
    year_column: Option<Column<u64>>,
    years: HashMap<u64, u64>,
}

impl Collector for FacetCountCollector {
    type Fruit = FacetTallies;
    type Child = FacetCountSegmentCollector;

    fn for_segment(&self, _: SegmentOrdinal, segment: &SegmentReader) -> tantivy::Result<Self::Child> {
        let readers = self
            .fields
            .iter()
            .map(|field| segment.facet_reader(field))
            .collect::<tantivy::Result<Vec<_>>>()?;
        let single = readers.iter().map(|reader| vec![0u64; reader.num_facets()]).collect();
        let year_column = match self.year_field {
            Some(field) => segment.fast_fields().column_opt::<u64>(field)?,
            None => None,
        };
        Ok(FacetCountSegmentCollector {
            multiple: vec![HashMap::new(); readers.len()],
            readers,
            single,
            ords: Vec::new(),
            year_column,
            years: HashMap::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<FacetTallies>) -> tantivy::Result<FacetTallies> {
        let mut merged = FacetTallies {
            by_field: vec![HashMap::new(); self.fields.len()],
            years: BTreeMap::new(),
        };
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
        for (index, reader) in self.readers.iter().enumerate() {
            self.ords.clear();
            self.ords.extend(reader.facet_ords(doc));
            match self.ords.as_slice() {
                [] => {}
                [ord] => {
                    if let Some(slot) = self.single[index].get_mut(*ord as usize) {
                        *slot += 1;
                    }
                }
                several => *self.multiple[index].entry(several.to_vec()).or_default() += 1,
            }
        }
        if let Some(year) = self.year_column.as_ref().and_then(|column| column.first(doc)) {
            *self.years.entry(year).or_default() += 1;
        }
    }

    fn harvest(self) -> FacetTallies {
        let mut by_field = Vec::with_capacity(self.readers.len());
        for ((reader, single), multiple) in self.readers.iter().zip(self.single).zip(self.multiple) {
            let mut counts: HashMap<String, u64> = HashMap::new();
            let mut facet = Facet::root();
            let mut path_of = |ord: u64| -> Option<Facet> {
                reader.facet_from_ord(ord, &mut facet).ok()?;
                Some(facet.clone())
            };
            for (ord, &count) in single.iter().enumerate() {
                if count == 0 {
                    continue;
                }
                if let Some(facet) = path_of(ord as u64) {
                    for node in self_and_ancestors(&facet) {
                        *counts.entry(node).or_default() += count;
                    }
                }
            }
            for (ords, count) in multiple {
                let mut nodes: Vec<String> = ords
                    .iter()
                    .filter_map(|&ord| path_of(ord))
                    .flat_map(|f| self_and_ancestors(&f))
                    .collect();
                nodes.sort_unstable();
                nodes.dedup();
                for node in nodes {
                    *counts.entry(node).or_default() += count;
                }
            }
            by_field.push(counts);
        }
        FacetTallies {
            by_field,
            years: self.years.into_iter().collect(),
        }
    }
}

/// `/a/b/c` → `/a`, `/a/b`, `/a/b/c` (segments escaped as tantivy writes them).
fn self_and_ancestors(facet: &Facet) -> Vec<String> {
    let mut nodes = Vec::new();
    let mut path = String::new();
    for segment in facet.to_path() {
        path.push('/');
        path.push_str(&segment.replace('/', "\\/"));
        nodes.push(path.clone());
    }
    nodes
}

/// The last segment of a path, unescaped.
pub fn leaf_name(path: &str) -> String {
    Facet::from_text(path)
        .ok()
        .and_then(|facet| facet.to_path().last().map(|s| s.to_string()))
        .unwrap_or_else(|| path.to_string())
}
