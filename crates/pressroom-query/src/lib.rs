//! Faceted search over a pressroom index, and its HTTP API.
//!
//! - [`SearchRequest`]: the one request shape, built from a query string (GET) or a JSON
//!   body (POST) and validated in one place.
//! - [`SearchService`]: runs a request on the index (query, filters, facet counts,
//!   snippets) and fetches documents; each failure is a [`SearchError`] with its own code.
//! - [`http::app`]: the axum router; handlers are thin and run searches off the async
//!   workers.
//!
//! ```
//! use pressroom_query::{SearchRequest, SortOrder};
//!
//! let request = SearchRequest::from_query_string("q=trata&region=Central%20America&lang=es&sort=date_desc").unwrap();
//! assert_eq!(request.region, ["Central America"]);
//! assert_eq!(request.sort, SortOrder::DateDesc);
//! let error = SearchRequest::from_query_string("limit=500").unwrap_err();
//! assert_eq!((error.status(), error.code()), (400, "limit_too_large"));
//! ```

mod batch;
pub mod codes;
pub mod config;
mod error;
pub mod expansion;
mod facets;
mod forms;
#[doc(hidden)]
pub mod fuzzing;
mod highlight;
pub mod html;
pub mod http;
mod listener;
pub mod log;
mod lookups;
mod materialized;
mod metrics;
pub mod openapi;
mod paired;
pub mod query;
mod request;
mod response;
mod scorers;
mod service;
mod sum;
#[cfg(test)]
mod test_index;
mod web;

pub use config::ServerConfig;
pub use error::SearchError;
pub use request::{
    FacetName, FacetValueRequest, SearchRequest, SortOrder, DEFAULT_FACETS, MAX_FACET_LIMIT, MAX_LIMIT, MAX_OFFSET,
    MAX_QUERY_CHARS,
};
pub use response::{FacetLevel, FacetMatch, FacetValue, FacetValuesResponse, Hit, SearchResponse, SimilarResponse};
pub use service::{IndexStats, ReloadOutcome, Replication, SearchService, WriteOutcome};
