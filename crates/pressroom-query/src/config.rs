//! What an operator can set for a running server: keys, limits, time budget, concurrency,
//! CORS. Every limit here can only tighten the hard caps of [`crate::request`].

use std::time::Duration;

use crate::error::SearchError;
use crate::request::{
    check_count, check_query_length, SearchRequest, MAX_FACET_LIMIT, MAX_LIMIT, MAX_OFFSET, MAX_QUERY_CHARS,
};

/// Largest `POST /api/search` body by default.
pub const DEFAULT_MAX_BODY_BYTES: usize = 64 * 1024;
/// Largest `POST /api/documents` body by default.
pub const DEFAULT_MAX_WRITE_BYTES: usize = 32 * 1024 * 1024;

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
            max_body_bytes: DEFAULT_MAX_BODY_BYTES,
            max_write_bytes: DEFAULT_MAX_WRITE_BYTES,
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
    /// The configuration with its limits brought within the hard caps of
    /// [`crate::request`] (an operator can only tighten them), a time budget of at least a
    /// millisecond, and 0 concurrent searches meaning the default (four per core).
    pub fn within_caps(mut self) -> ServerConfig {
        self.max_query_chars = self.max_query_chars.min(MAX_QUERY_CHARS);
        self.max_limit = self.max_limit.min(MAX_LIMIT);
        self.max_offset = self.max_offset.min(MAX_OFFSET);
        self.max_facet_limit = self.max_facet_limit.clamp(1, MAX_FACET_LIMIT);
        self.search_timeout = self.search_timeout.max(Duration::from_millis(1));
        if self.max_concurrent_searches == 0 {
            self.max_concurrent_searches = ServerConfig::default().max_concurrent_searches;
        }
        self
    }

    /// Applies the configured limits to a request parsed under the hard caps: the default
    /// `limit` is lowered to the cap, values given over a cap are refused.
    pub fn check(&self, request: &mut SearchRequest) -> Result<(), SearchError> {
        if !request.limit_given {
            request.limit = request.limit.min(self.max_limit);
        }
        if !request.facet_limit_given {
            request.facet_limit = request.facet_limit.min(self.max_facet_limit);
        }
        check_query_length(&request.q, self.max_query_chars)?;
        check_count(request.limit, "limit", self.max_limit)?;
        check_count(request.offset, "offset", self.max_offset)?;
        check_count(request.facet_limit, "facet_limit", self.max_facet_limit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operators_can_tighten_the_caps_but_not_loosen_them() {
        let config = ServerConfig {
            max_limit: 500,
            max_offset: 50,
            max_facet_limit: 0,
            max_query_chars: 5_000,
            search_timeout: Duration::ZERO,
            max_concurrent_searches: 0,
            ..ServerConfig::default()
        }
        .within_caps();
        assert_eq!(
            (config.max_limit, config.max_offset, config.max_facet_limit),
            (MAX_LIMIT, 50, 1)
        );
        assert_eq!(config.max_query_chars, MAX_QUERY_CHARS);
        assert_eq!(config.search_timeout, Duration::from_millis(1));
        assert_eq!(
            config.max_concurrent_searches,
            ServerConfig::default().max_concurrent_searches
        );
    }

    #[test]
    fn a_request_over_the_servers_caps_is_refused_and_the_default_limit_lowered() {
        let config = ServerConfig {
            max_limit: 5,
            max_facet_limit: 3,
            ..ServerConfig::default()
        };
        // The defaults (10 and 10) are lowered to the caps, not refused.
        let mut request = SearchRequest::default();
        config.check(&mut request).expect("the default limits fit");
        assert_eq!((request.limit, request.facet_limit), (5, 3));
        let mut request = SearchRequest::from_query_string("limit=6").expect("valid");
        assert_eq!(config.check(&mut request).expect_err("over").code(), "limit_too_large");
        let mut request = SearchRequest::from_query_string("facet_limit=4").expect("valid");
        assert_eq!(
            config.check(&mut request).expect_err("over").code(),
            "invalid_facet_limit"
        );
    }
}
