//! Facets: counting in one pass over the matching documents, and the counts as trees.
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

//!
//! | room | what it holds |
//! |---|---|
//! | [`tables`] | per segment and field: the nodes of every ordinal, every document's ordinals and year, laid out flat and cached |
//! | [`collector`] | the tantivy collector that counts them for the matching documents |
//! | [`tree`] | the counts arranged as levels of a tree (region, topic) or a flat list, for the response |

mod collector;
mod tables;
mod tree;

pub use collector::{FacetCountCollector, FacetTallies};
pub use tables::FacetTableCache;
pub use tree::{leaf_name, levels, parent_path};
