//! Facet paths, and one numbering of a field's tree nodes across all segments of a searcher.
//!
//! Each segment numbers its own nodes; counting per segment then merging by path string
//! meant hashing every counted path (thousands of organizations under a common word). Here
//! a searcher's nodes are numbered once, in path order, so segments' counts are added by
//! number, ties in count are broken by comparing numbers, and a path is only read for the
//! values a response lists.

use std::sync::Arc;

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
    /// Numbers the nodes of every segment (each segment's own paths, ancestors included, in
    /// the searcher's segment order).
    pub fn build(segments: &[&[Arc<str>]]) -> FacetNodes {
        let mut paths: Vec<Arc<str>> = segments.iter().flat_map(|paths| paths.iter().cloned()).collect();
        paths.sort_unstable();
        paths.dedup();
        let find = |path: &str| paths.binary_search_by(|probe| probe.as_ref().cmp(path)).ok();
        let parents = paths
            .iter()
            .map(|path| match parent_path(path) {
                "" => ROOT,
                parent => find(parent).map_or(ROOT, |node| node as Node),
            })
            .collect();
        let numbers = segments
            .iter()
            .map(|own| {
                own.iter()
                    .map(|path| find(path).map_or(ROOT, |node| node as Node))
                    .collect()
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

    #[test]
    fn segments_share_one_numbering_in_path_order() {
        let first: Vec<Arc<str>> = ["/Europe", "/Europe/France", "/Africa"].map(Arc::from).to_vec();
        let second: Vec<Arc<str>> = ["/Africa", "/Africa/Kenya"].map(Arc::from).to_vec();
        let nodes = FacetNodes::build(&[&first, &second]);
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
