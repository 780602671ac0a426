//! What an operator can set for a running server: keys, limits, time budget, concurrency,
//! CORS. Every limit here can only tighten the hard caps of [`crate::request`].

use std::time::Duration;

use crate::error::SearchError;
use crate::request::{SearchRequest, MAX_FACET_LIMIT, MAX_LIMIT, MAX_OFFSET, MAX_QUERY_CHARS};

#[derive(Debug, Clone)]
pub struct ServerConfig {
    /// Bearer key for writes (`POST`/`DELETE /api/documents`, `POST /api/admin/reload`);
    /// without one, writes are disabled (403), not open.
    pub api_key: Option<String>,
    /// Bearer key for reads; without one, reads are open. The write key also reads.
    pub read_key: Option<String>,
    /// Bearer key for `/metrics` (a scraper's); without one, `/metrics` needs the read key
    /// when there is one, and is open otherwise.
    pub metrics_key: Option<String>,
    /// Largest `POST /api/search` body.
    pub max_body_bytes: usize,
    /// Largest `POST /api/documents` body.
    pub max_write_bytes: usize,
    pub max_query_chars: usize,
    pub max_limit: usize,
    pub max_offset: usize,
    /// Values per facet level (`facet_limit`).
    pub max_facet_limit: usize,
    /// A search still running after this answers 503 `search_timeout` (the work is dropped
    /// when it ends).
    pub search_timeout: Duration,
    /// Searches running at once; more wait up to `queue_wait`, then get 503 `overloaded`
    /// with `Retry-After`.
    pub max_concurrent_searches: usize,
    pub queue_wait: Duration,
    /// Origins allowed by CORS; empty turns CORS off, `*` allows any.
    pub cors_origins: Vec<String>,
}

impl Default for ServerConfig {
    fn default() -> Self {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        ServerConfig {
            api_key: None,
            read_key: None,
            metrics_key: None,
            max_body_bytes: 64 * 1024,
            max_write_bytes: 32 * 1024 * 1024,
            max_query_chars: MAX_QUERY_CHARS,
            max_limit: MAX_LIMIT,
            max_offset: MAX_OFFSET,
            max_facet_limit: MAX_FACET_LIMIT,
            search_timeout: Duration::from_secs(5),
            max_concurrent_searches: 4 * cores,
            queue_wait: Duration::from_millis(500),
            cors_origins: Vec::new(),
        }
    }
}

impl ServerConfig {
    /// Applies the configured limits to a request parsed under the hard caps: the default
    /// `limit` is lowered to the cap, values given over a cap are refused.
    pub fn check(&self, request: &mut SearchRequest) -> Result<(), SearchError> {
        if !request.limit_given {
            request.limit = request.limit.min(self.max_limit);
        }
        if request.q.chars().count() > self.max_query_chars {
            return Err(SearchError::QueryTooLong {
                max: self.max_query_chars,
            });
        }
        if request.limit > self.max_limit {
            return Err(SearchError::LimitTooLarge { max: self.max_limit });
        }
        if request.offset > self.max_offset {
            return Err(SearchError::OffsetTooLarge { max: self.max_offset });
        }
        if request.facet_limit > self.max_facet_limit {
            return Err(SearchError::parameter(
                "facet_limit",
                "invalid_facet_limit",
                format!("`facet_limit` must be between 1 and {}", self.max_facet_limit),
            ));
        }
        Ok(())
    }
}
