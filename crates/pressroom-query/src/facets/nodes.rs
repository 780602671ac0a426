//! Facet paths, and one numbering of a field's tree nodes across all segments of a searcher.
//!
//! Each segment numbers its own nodes; counting per segment then merging by path string
//! meant hashing every counted path (thousands of organizations under a common word). Here
//! a searcher's nodes are numbered once, in path order, so segments' counts are added by
//! number, ties in count are broken by comparing numbers, and a path is only read for the
//! values a response lists.

use std::sync::Arc;

use rustc_hash::FxHashMap;

/// The last segment of a path, unescaped.
pub fn leaf_name(path: &str) -> String {
    tantivy::schema::Facet::from_text(path)
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

/// A node number in a [`FacetNodes`].
pub type Node = u32;

/// The parent of a top-level node.
pub const ROOT: Node = Node::MAX;

/// A field's tree nodes over the segments of one searcher, numbered in path order.
#[derive(Debug, Default)]
pub struct FacetNodes {
    paths: Vec<Arc<str>>,
    parents: Vec<Node>,
    /// Per segment (in the searcher's order): the number of each of its own nodes.
    numbers: Vec<Vec<Node>>,
}

impl FacetNodes {
    /// The order of `paths` by path: a segment's, worked out once with its table, so that
    /// numbering a searcher's nodes merges sorted lists instead of sorting them all again.
    pub fn path_order(paths: &[Arc<str>]) -> Vec<u32> {
        let mut order: Vec<u32> = (0..paths.len() as u32).collect();
        order.sort_unstable_by(|a, b| paths[*a as usize].cmp(&paths[*b as usize]));
        order
    }

    /// Numbers the nodes of every segment (each segment's own paths, ancestors included, with
    /// their [`FacetNodes::path_order`], in the searcher's segment order).
    pub fn build(segments: &[(&[Arc<str>], &[u32])]) -> FacetNodes {
        let mut numbers: Vec<Vec<Node>> = segments.iter().map(|(own, _)| vec![ROOT; own.len()]).collect();
        let mut heads = vec![0usize; segments.len()];
        let mut paths: Vec<Arc<str>> = Vec::new();
        loop {
            // The least path at the head of a segment's order is the next node.
            let mut least: Option<&Arc<str>> = None;
            for (segment, (own, order)) in segments.iter().enumerate() {
                if let Some(path) = order.get(heads[segment]).and_then(|index| own.get(*index as usize)) {
                    if least.is_none_or(|least| path.as_ref() < least.as_ref()) {
                        least = Some(path);
                    }
                }
            }
            let Some(least) = least else {
                break;
            };
            let node = paths.len() as Node;
            for (segment, (own, order)) in segments.iter().enumerate() {
                while let Some(&index) = order.get(heads[segment]) {
                    if own
                        .get(index as usize)
                        .is_none_or(|path| path.as_ref() != least.as_ref())
                    {
                        break;
                    }
                    if let Some(number) = numbers[segment].get_mut(index as usize) {
                        *number = node;
                    }
                    heads[segment] += 1;
                }
            }
            paths.push(least.clone());
        }
        let node_of: FxHashMap<&str, Node> = paths
            .iter()
            .enumerate()
            .map(|(node, path)| (path.as_ref(), node as Node))
            .collect();
        let parents = paths
            .iter()
            .map(|path| match parent_path(path) {
                "" => ROOT,
                parent => node_of.get(parent).copied().unwrap_or(ROOT),
            })
            .collect();
        FacetNodes {
            paths,
            parents,
            numbers,
        }
    }

    pub fn node_count(&self) -> usize {
        self.paths.len()
    }

    /// The path of `node`.
    pub fn path(&self, node: Node) -> &str {
        self.paths.get(node as usize).map_or("", |path| path.as_ref())
    }

    /// The parent of `node` ([`ROOT`] for a top-level node).
    pub fn parent(&self, node: Node) -> Node {
        self.parents.get(node as usize).copied().unwrap_or(ROOT)
    }

    /// The numbers of segment `segment`'s own nodes.
    pub fn numbers_of_segment(&self, segment: usize) -> &[Node] {
        self.numbers.get(segment).map_or(&[], Vec::as_slice)
    }
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

    /// Merging the segments' sorted paths numbers the nodes as sorting all the paths does:
    /// paths shared by segments, escaped slashes, and names that sort differently from their
    /// encoded facets (`/A-B` before `/A/C`).
    #[test]
    fn merging_numbers_as_sorting_all() {
        let names = ["A", "A-B", "A/C", "A\\/D", "Ab", "B", "a", "É", "Z z"];
        let segments: Vec<Vec<Arc<str>>> = (0..3)
            .map(|segment| {
                let mut own = Vec::new();
                for (number, name) in names.iter().enumerate() {
                    if (number + segment) % 3 != 0 {
                        own.push(Arc::from(format!("/{name}").as_str()));
                        own.push(Arc::from(format!("/{name}/x{}", number % 2).as_str()));
                    }
                }
                own.reverse();
                own
            })
            .collect();
        let orders: Vec<Vec<u32>> = segments.iter().map(|own| FacetNodes::path_order(own)).collect();
        let inputs: Vec<(&[Arc<str>], &[u32])> = segments
            .iter()
            .zip(&orders)
            .map(|(own, order)| (own.as_slice(), order.as_slice()))
            .collect();
        let nodes = FacetNodes::build(&inputs);
        let mut all: Vec<Arc<str>> = segments.iter().flatten().cloned().collect();
        all.sort_unstable();
        all.dedup();
        assert_eq!(nodes.paths, all);
        for (segment, own) in segments.iter().enumerate() {
            for (index, path) in own.iter().enumerate() {
                let node = nodes.numbers_of_segment(segment)[index];
                assert_eq!(nodes.path(node), path.as_ref());
            }
        }
        for (node, path) in all.iter().enumerate() {
            let parent = match parent_path(path) {
                "" => ROOT,
                parent => all
                    .iter()
                    .position(|other| other.as_ref() == parent)
                    .map_or(ROOT, |at| at as Node),
            };
            assert_eq!(nodes.parent(node as Node), parent, "{path}");
        }
    }

    #[test]
    fn segments_share_one_numbering_in_path_order() {
        let first: Vec<Arc<str>> = ["/Europe", "/Europe/France", "/Africa"].map(Arc::from).to_vec();
        let second: Vec<Arc<str>> = ["/Africa", "/Africa/Kenya"].map(Arc::from).to_vec();
        let nodes = FacetNodes::build(&[
            (&first, &FacetNodes::path_order(&first)),
            (&second, &FacetNodes::path_order(&second)),
        ]);
        assert_eq!(nodes.node_count(), 4);
        let paths: Vec<&str> = (0..4).map(|node| nodes.path(node)).collect();
        assert_eq!(paths, ["/Africa", "/Africa/Kenya", "/Europe", "/Europe/France"]);
        assert_eq!(nodes.numbers_of_segment(0), [2, 3, 0]);
        assert_eq!(nodes.numbers_of_segment(1), [0, 1]);
        assert_eq!(nodes.parent(1), 0);
        assert_eq!(nodes.parent(3), 2);
        assert_eq!(nodes.parent(0), ROOT);
        assert!(nodes.numbers_of_segment(2).is_empty());
    }
}
