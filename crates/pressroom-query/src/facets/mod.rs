//! Facets: counting in one pass over the matching documents, and the counts as trees.
//!
//! tantivy's `FacetCollector` counts one level under chosen roots; a response here needs
//! whole trees (region, topic) and flat lists at once. This collector counts each hit's facet
//! ordinals and rolls the counts up the tree, a document counting once per node even when two
//! of its values share that node.
//!
//! Turning ordinals into paths is the costly part (a dictionary lookup each), and reading a
//! document's ordinals from the columnar fast field is the next one, so every segment's
//! paths and each document's nodes (values and ancestors) laid out flat are built once and
//! cached ([`FacetTableCache`]), with one numbering of the nodes of all segments in path
//! order; a query then only reads arrays and adds up integers, and reads a path only for the
//! values a response lists.

//!
//! | room | what it holds |
//! |---|---|
//! | [`nodes`] | facet paths (parent, leaf) and one numbering of a field's nodes across a searcher's segments |
//! | [`tables`] | per segment and field: its nodes' paths, every document's nodes and year, laid out flat and cached |
//! | [`collector`] | the tantivy collector that counts them for the matching documents |
//! | [`node_counts`] | a segment's counters per node, reused across searches and zeroed where used |
//! | [`tree`] | the counts arranged as levels of a tree (region, topic) or a flat list, for the response |

mod collector;
mod node_counts;
mod nodes;
mod tables;
mod tree;

pub use collector::{FacetCountCollector, FacetTallies};
pub use nodes::{leaf_name, parent_path};
pub use tables::FacetTableCache;
pub use tree::levels;
