//! The search service: runs a [`SearchRequest`](crate::SearchRequest) on the generation of
//! the index being served, and changes that generation.
//!
//! | room | what it holds |
//! |---|---|
//! | [`generations`] | [`SearchService`]: the served generation behind a lock, swapped on reload; writes |
//! | [`snapshot`] | one generation opened: its reader, fields, facet tables, fingerprints and vocabulary |
//! | [`search`] | a search on a snapshot: query, filters, top-k in each sort order, count, facets |
//! | [`threads`] | whether a search runs on the calling thread or spreads its segments over the pool |
//! | [`analysis`] | which analyzers a query is analysed with, and the text query built from them |
//! | [`filters`] | facet filters and the date range as queries, and the tree nodes to expand |
//! | [`hits`] | ranked documents turned into hits: stored fields, highlighted title and fragments |
//! | [`rescore`] | the loose phrase of a query's words added to the best hits by the words alone |
//! | [`collapse`] | near-duplicate hits grouped into one |
//! | [`fingerprints`] | each segment's near-duplicate fingerprints, read once and cached |
//! | [`recency`] | the weight of a release's age under `sort=recency` |
//! | [`facet_values`] | facet value search (`/api/facets/{facet}`) |
//! | [`similar`] | more-like-this (`/api/documents/{id}/similar`) |
//! | [`vocabulary`] | what every generation shares: the enricher, the expansion table, value names |
//! | [`writes`] | writes: journaled and applied (one node), or applied from the document log (a replica) |
//!
//! A search holds an `Arc` of its snapshot until it ends, so a reload never pulls a
//! generation from under it.

mod analysis;
mod collapse;
mod facet_values;
mod filters;
mod fingerprints;
mod generations;
mod hits;
mod recency;
mod rescore;
mod search;
mod similar;
mod snapshot;
mod threads;
mod vocabulary;
mod writes;

pub use generations::{IndexStats, ReloadOutcome, Replication, SearchService, WriteOutcome};
