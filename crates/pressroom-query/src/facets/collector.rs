//! The collector counting facet values (and years) over the matching documents: a hit adds
//! one to each of its nodes (its values and their ancestors, each once) in its segment's own
//! numbering; each segment's counts are then renumbered for the searcher ([`FacetNodes`]) and
//! added up by number.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::{DocId, Score, Searcher, SegmentOrdinal, SegmentReader};

use super::node_counts::{NodeCounts, SPARSE_SHARE};
use super::nodes::{FacetNodes, Node};
use super::tables::{FacetTable, FacetTableCache, FieldTables, YearTable};
use crate::request::FacetName;

/// A facet's counts: the nodes some matching document has, with how many have it (no order).
#[derive(Debug, Default)]
pub struct Counts {
    nodes: Arc<FacetNodes>,
    values: Vec<(Node, u64)>,
}

impl Counts {
    /// The numbering the counts' nodes are in.
    pub fn nodes(&self) -> &FacetNodes {
        &self.nodes
    }

    /// Each counted node with its count.
    pub fn values(&self) -> &[(Node, u64)] {
        &self.values
    }

    /// Each counted path with its count.
    pub fn paths(&self) -> impl Iterator<Item = (&str, u64)> {
        self.values.iter().map(|(node, count)| (self.nodes.path(*node), *count))
    }

    /// Counts given by path (ancestors are not added): for tests of what reads counts.
    #[cfg(test)]
    pub fn from_paths(pairs: &[(&str, u64)]) -> Counts {
        let paths: Vec<Arc<str>> = pairs.iter().map(|(path, _)| Arc::from(*path)).collect();
        let nodes = FacetNodes::build(&[(&paths, &FacetNodes::path_order(&paths))]);
        let values = nodes
            .numbers_of_segment(0)
            .iter()
            .zip(pairs)
            .map(|(node, (_, count))| (*node, *count))
            .collect();
        Counts {
            nodes: Arc::new(nodes),
            values,
        }
    }
}

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
    facets: Vec<(FacetName, FieldTables)>,
    count_years: bool,
    cache: &'a FacetTableCache,
}

impl<'a> FacetCountCollector<'a> {
    /// A collector for `facets` over the segments of `searcher`.
    pub fn new(
        facets: &[FacetName],
        cache: &'a FacetTableCache,
        searcher: &Searcher,
    ) -> tantivy::Result<FacetCountCollector<'a>> {
        let mut tables = Vec::with_capacity(facets.len());
        for facet in facets.iter().copied().filter(|facet| *facet != FacetName::Year) {
            tables.push((facet, cache.field(searcher.segment_readers(), facet.as_str())?));
        }
        Ok(FacetCountCollector {
            facets: tables,
            count_years: facets.contains(&FacetName::Year),
            cache,
        })
    }
}

struct FieldCounter {
    facet: FacetName,
    table: Arc<FacetTable>,
    nodes: Arc<FacetNodes>,
    segment: usize,
    /// Documents per node of the segment's own numbering.
    counts: NodeCounts,
}

pub struct FacetCountSegmentCollector {
    counters: Vec<FieldCounter>,
    year_table: Option<Arc<YearTable>>,
    /// Documents per year slot of `year_table`.
    year_counts: Vec<u64>,
}

impl Collector for FacetCountCollector<'_> {
    type Fruit = FacetTallies;
    type Child = FacetCountSegmentCollector;

    fn for_segment(&self, ord: SegmentOrdinal, segment: &SegmentReader) -> tantivy::Result<Self::Child> {
        let mut counters = Vec::with_capacity(self.facets.len());
        for (facet, tables) in &self.facets {
            let table = tables.segments.get(ord as usize).cloned().ok_or_else(|| {
                tantivy::TantivyError::InternalError(format!("no {} table for segment {ord}", facet.as_str()))
            })?;
            counters.push(FieldCounter {
                facet: *facet,
                counts: NodeCounts::new(table.node_paths.len()),
                table,
                nodes: tables.nodes.clone(),
                segment: ord as usize,
            });
        }
        let year_table = match self.count_years {
            true => self.cache.years(segment, pressroom_index::schema::YEAR)?,
            false => None,
        };
        Ok(FacetCountSegmentCollector {
            counters,
            year_counts: vec![0; year_table.as_ref().map_or(0, |table| table.years.len() + 1)],
            year_table,
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<FacetTallies>) -> tantivy::Result<FacetTallies> {
        let mut merged = FacetTallies::default();
        let mut per_facet: HashMap<FacetName, Vec<Counts>> = HashMap::new();
        for fruit in fruits {
            for (facet, counts) in fruit.by_facet {
                per_facet.entry(facet).or_default().push(counts);
            }
            for (year, count) in fruit.years {
                *merged.years.entry(year).or_default() += count;
            }
        }
        for (facet, tables) in &self.facets {
            let parts = per_facet.remove(facet).unwrap_or_default();
            merged.by_facet.insert(*facet, add_up(tables.nodes.clone(), parts));
        }
        Ok(merged)
    }
}

/// The sum of segments' counts (each listing a node once): few values are sorted and added
/// in order, many in a table of all nodes.
fn add_up(nodes: Arc<FacetNodes>, mut parts: Vec<Counts>) -> Counts {
    parts.retain(|part| !part.values.is_empty());
    if parts.len() <= 1 {
        let values = parts.pop().map(|part| part.values).unwrap_or_default();
        return Counts { nodes, values };
    }
    let listed: usize = parts.iter().map(|part| part.values.len()).sum();
    let values = if listed * SPARSE_SHARE < nodes.node_count() {
        let mut all: Vec<(Node, u64)> = parts.into_iter().flat_map(|part| part.values).collect();
        all.sort_unstable_by_key(|(node, _)| *node);
        let mut values: Vec<(Node, u64)> = Vec::with_capacity(all.len());
        for (node, count) in all {
            match values.last_mut() {
                Some((last, total)) if *last == node => *total += count,
                _ => values.push((node, count)),
            }
        }
        values
    } else {
        let mut totals = NodeCounts::listing_all(nodes.node_count());
        for (node, count) in parts.into_iter().flat_map(|part| part.values) {
            totals.add_count(node, u32::try_from(count).unwrap_or(u32::MAX));
        }
        totals
            .counted()
            .into_iter()
            .map(|(node, total)| (node, u64::from(total)))
            .collect()
    };
    Counts { nodes, values }
}

impl FieldCounter {
    /// The counts in the searcher's numbering.
    fn into_counts(self) -> Counts {
        let numbers = self.nodes.numbers_of_segment(self.segment);
        let values = self
            .counts
            .counted()
            .into_iter()
            .filter_map(|(own, count)| numbers.get(own as usize).map(|node| (*node, u64::from(count))))
            .collect();
        Counts {
            nodes: self.nodes,
            values,
        }
    }
}

impl SegmentCollector for FacetCountSegmentCollector {
    type Fruit = FacetTallies;

    fn collect(&mut self, doc: DocId, _: Score) {
        for counter in &mut self.counters {
            for &node in counter.table.nodes_of(doc) {
                counter.counts.add(node);
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
        for counter in self.counters {
            by_facet.insert(counter.facet, counter.into_counts());
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Segments' counts of 64 nodes: added in order (few values) or in a table (many), the
    /// sums are the same and each node is listed once.
    #[test]
    fn few_and_many_values_add_up_alike() {
        let paths: Vec<Arc<str>> = (0..64).map(|i| Arc::from(format!("/Org {i:02}").as_str())).collect();
        let nodes = Arc::new(FacetNodes::build(&[(&paths, &FacetNodes::path_order(&paths))]));
        let part = |values: &[(Node, u64)]| Counts {
            nodes: nodes.clone(),
            values: values.to_vec(),
        };
        let sorted = |counts: Counts| {
            let mut values = counts.values;
            values.sort_unstable();
            values
        };
        // 3 values listed: fewer than 64 / 16, added in order.
        let few = add_up(nodes.clone(), vec![part(&[(5, 2), (9, 1)]), part(&[]), part(&[(5, 3)])]);
        assert_eq!(sorted(few), [(5, 5), (9, 1)]);
        // 40 values listed: added in a table.
        let first: Vec<(Node, u64)> = (0..20).map(|node| (node, 1)).collect();
        let second: Vec<(Node, u64)> = (10..30).map(|node| (node, 2)).collect();
        let many = add_up(nodes.clone(), vec![part(&first), part(&second)]);
        let expected: Vec<(Node, u64)> = (0..30)
            .map(|node| {
                (
                    node,
                    if node < 10 {
                        1
                    } else if node < 20 {
                        3
                    } else {
                        2
                    },
                )
            })
            .collect();
        assert_eq!(sorted(many), expected);
    }
}
