//! Facet counts arranged for the response: a tree (region, topic) listed a level at a time,
//! most frequent first, expanding the filtered and `facet_expand` nodes; flat lists for the
//! other facets; years in order.

use std::collections::{BTreeMap, HashSet};

use rustc_hash::FxHashMap;

use super::collector::{Counts, FacetTallies};
use super::nodes::{leaf_name, Node, ROOT};
use crate::request::FacetName;
use crate::response::{FacetLevel, FacetValue};

/// The response's facets: each counted facet's top level (trees expanded where asked), from
/// the tallies of each counting pass and the facets that pass counted.
pub fn levels(
    passes: Vec<(Vec<FacetName>, &FacetTallies)>,
    limit: usize,
    expanded: &HashSet<String>,
) -> BTreeMap<&'static str, FacetLevel> {
    let mut out = BTreeMap::new();
    for (facets, tallies) in passes {
        for facet in facets {
            let level = if facet == FacetName::Year {
                year_level(&tallies.years)
            } else {
                let tree =
                    |counts: &Counts| FacetTree::new(counts, limit, facet.is_hierarchical()).level(ROOT, expanded);
                match tallies.by_facet.get(&facet) {
                    Some(counts) => tree(counts),
                    None => tree(&Counts::default()),
                }
            };
            out.insert(facet.as_str(), level);
        }
    }
    out
}

/// Every year with its count, in year order.
fn year_level(years: &BTreeMap<u64, u64>) -> FacetLevel {
    FacetLevel {
        values: years
            .iter()
            .map(|(year, count)| FacetValue {
                value: year.to_string(),
                path: None,
                count: *count,
                expandable: false,
                children: None,
            })
            .collect(),
        other_values: 0,
    }
}

/// A facet's counts arranged by parent node.
struct FacetTree<'a> {
    counts: &'a Counts,
    /// Hashed with FxHash: the org facet may count thousands of values in one search, and
    /// hashing each parent with SipHash was most of listing them.
    children: FxHashMap<Node, Vec<(Node, u64)>>,
    /// Values listed per level.
    limit: usize,
    /// Whether values have children to list (a flat facet's never do).
    hierarchical: bool,
}

impl<'a> FacetTree<'a> {
    /// Each parent's children with the `limit` most frequent first, in order; the rest only
    /// counted (a flat facet such as `org` may have thousands of values under a search, and
    /// only the listed ones need sorting). Nodes are numbered in path order, so ties in count
    /// go by path. A flat facet lists only the root's children (it never expands a value):
    /// they are gathered without grouping the rest by parent.
    fn new(counts: &'a Counts, limit: usize, hierarchical: bool) -> FacetTree<'a> {
        let mut children: FxHashMap<Node, Vec<(Node, u64)>> = FxHashMap::default();
        if hierarchical {
            for &(node, count) in counts.values() {
                children
                    .entry(counts.nodes().parent(node))
                    .or_default()
                    .push((node, count));
            }
        } else {
            let top: Vec<(Node, u64)> = counts
                .values()
                .iter()
                .copied()
                .filter(|(node, _)| counts.nodes().parent(*node) == ROOT)
                .collect();
            if !top.is_empty() {
                children.insert(ROOT, top);
            }
        }
        let order = |a: &(Node, u64), b: &(Node, u64)| b.1.cmp(&a.1).then(a.0.cmp(&b.0));
        for values in children.values_mut() {
            if values.len() > limit && limit > 0 {
                values.select_nth_unstable_by(limit - 1, order);
                values[..limit].sort_by(order);
            } else {
                values.sort_by(order);
            }
        }
        FacetTree {
            counts,
            children,
            limit,
            hierarchical,
        }
    }

    /// The children of `parent` ([`ROOT`] for the top level), most frequent first; expanded
    /// nodes carry their own level.
    fn level(&self, parent: Node, expanded: &HashSet<String>) -> FacetLevel {
        let limit = self.limit;
        let children = self.children.get(&parent).map(Vec::as_slice).unwrap_or(&[]);
        let values = children
            .iter()
            .take(limit)
            .map(|&(node, count)| {
                let path = self.counts.nodes().path(node);
                let has_children = self.hierarchical && self.children.contains_key(&node);
                FacetValue {
                    value: leaf_name(path),
                    path: Some(path.to_string()),
                    count,
                    expandable: has_children,
                    children: (has_children && expanded.contains(path)).then(|| self.level(node, expanded)),
                }
            })
            .collect();
        FacetLevel {
            values,
            other_values: children.len().saturating_sub(limit),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(pairs: &[(&str, u64)]) -> Counts {
        Counts::from_paths(pairs)
    }

    #[test]
    fn only_the_listed_values_are_sorted_yet_the_list_is_the_full_sort_s_head() {
        // 500 organizations with counts that tie often: the top 7 must be those of a full sort.
        let pairs: Vec<(String, u64)> = (0..500u64).map(|i| (format!("/Org {i:03}"), (i * 7919) % 13)).collect();
        let borrowed: Vec<(&str, u64)> = pairs.iter().map(|(path, count)| (path.as_str(), *count)).collect();
        let counts = counts(&borrowed);
        let mut sorted = pairs.clone();
        sorted.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let level = FacetTree::new(&counts, 7, false).level(ROOT, &HashSet::new());
        let listed: Vec<(String, u64)> = level
            .values
            .iter()
            .map(|value| (value.path.clone().unwrap_or_default(), value.count))
            .collect();
        assert_eq!(listed, sorted[..7].to_vec());
        assert_eq!(level.other_values, 493);
    }

    #[test]
    fn a_level_lists_the_most_frequent_first_and_counts_the_rest() {
        let counts = counts(&[
            ("/Africa", 9),
            ("/Americas", 12),
            ("/Asia", 9),
            ("/Europe", 2),
            ("/Africa/Northern Africa", 4),
        ]);
        let level = FacetTree::new(&counts, 3, true).level(ROOT, &HashSet::new());
        let listed: Vec<(&str, u64, bool)> = level
            .values
            .iter()
            .map(|value| (value.value.as_str(), value.count, value.expandable))
            .collect();
        // Ties in count go by path.
        assert_eq!(
            listed,
            [("Americas", 12, false), ("Africa", 9, true), ("Asia", 9, false)]
        );
        assert_eq!(level.other_values, 1);
        assert!(
            level.values.iter().all(|value| value.children.is_none()),
            "nothing expanded"
        );
    }

    #[test]
    fn expanded_nodes_carry_their_children_and_flat_facets_never_expand() {
        let counts = counts(&[
            ("/Africa", 9),
            ("/Africa/Northern Africa", 4),
            ("/Africa/Northern Africa/Egypt", 2),
        ]);
        let expanded: HashSet<String> = ["/Africa".to_string()].into();
        let level = FacetTree::new(&counts, 10, true).level(ROOT, &expanded);
        let africa = &level.values[0];
        let children = africa.children.as_ref().expect("expanded");
        assert_eq!(children.values[0].value, "Northern Africa");
        assert!(children.values[0].expandable && children.values[0].children.is_none());
        let flat = FacetTree::new(&counts, 10, false).level(ROOT, &expanded);
        assert!(!flat.values[0].expandable && flat.values[0].children.is_none());
    }

    #[test]
    fn each_pass_gives_its_facets_and_years_come_in_order() {
        let mut main = FacetTallies::default();
        main.by_facet.insert(FacetName::Lang, counts(&[("/en", 5), ("/fr", 2)]));
        main.years = [(2019, 3), (2001, 1)].into();
        let mut own = FacetTallies::default();
        own.by_facet.insert(FacetName::Org, counts(&[("/IOM", 4)]));
        let out = levels(
            vec![
                (vec![FacetName::Lang, FacetName::Year], &main),
                (vec![FacetName::Org], &own),
            ],
            10,
            &HashSet::new(),
        );
        assert_eq!(out["lang"].values[0].value, "en");
        let years: Vec<&str> = out["year"].values.iter().map(|value| value.value.as_str()).collect();
        assert_eq!(years, ["2001", "2019"]);
        assert_eq!(out["org"].values[0].count, 4);
    }
}
