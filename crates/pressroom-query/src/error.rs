/// Everything a search or document request can fail with. Each variant has a stable code
/// (`code()`) and HTTP status (`status()`): a bad request is the client's 4xx, never a 500.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error("invalid query: {0}")]
    InvalidQuery(String),
    #[error("query is longer than {max} characters")]
    QueryTooLong { max: usize },
    #[error("invalid `{parameter}`: {message}")]
    InvalidParameter {
        parameter: &'static str,
        code: &'static str,
        message: String,
    },
    #[error("unknown parameter `{0}`")]
    UnknownParameter(String),
    #[error("unknown facet `{0}` (known: region, country, mentioned, topic, org, lang, source, year)")]
    UnknownFacet(String),
    #[error("`limit` must be at most {max}")]
    LimitTooLarge { max: usize },
    #[error("`offset` must be at most {max}")]
    OffsetTooLarge { max: usize },
    #[error("invalid JSON body: {0}")]
    InvalidJson(String),
    #[error("no document with id `{0}`")]
    DocumentNotFound(String),
    #[error("the request body is larger than {max_bytes} bytes")]
    PayloadTooLarge { max_bytes: usize },
    #[error("method not allowed on this endpoint")]
    MethodNotAllowed,
    #[error("the index is being written by another process; retry shortly")]
    IndexBusy,
    #[error("missing or wrong `Authorization: Bearer` key")]
    Unauthorized,
    #[error("writes are disabled: the server was started without PRESSROOM_API_KEY")]
    WritesDisabled,
    #[error("too many searches at once; retry shortly")]
    Overloaded,
    #[error("the search took longer than {budget_ms} ms")]
    SearchTimeout { budget_ms: u64 },
    #[error("the server is still opening the index")]
    NotReady,
    #[error("the request line is too long (the query string is limited; send long searches with POST /api/search)")]
    UriTooLong,
    #[error("the request headers are too large")]
    HeadersTooLarge,
    #[error("the request is not well-formed HTTP")]
    MalformedRequest,
    #[error("internal error: {0}")]
    Internal(String),
}

impl SearchError {
    pub fn code(&self) -> &'static str {
        match self {
            SearchError::InvalidQuery(_) => "invalid_query",
            SearchError::QueryTooLong { .. } => "query_too_long",
            SearchError::InvalidParameter { code, .. } => code,
            SearchError::UnknownParameter(_) => "unknown_parameter",
            SearchError::UnknownFacet(_) => "unknown_facet",
            SearchError::LimitTooLarge { .. } => "limit_too_large",
            SearchError::OffsetTooLarge { .. } => "offset_too_large",
            SearchError::InvalidJson(_) => "invalid_json",
            SearchError::DocumentNotFound(_) => "document_not_found",
            SearchError::PayloadTooLarge { .. } => "payload_too_large",
            SearchError::MethodNotAllowed => "method_not_allowed",
            SearchError::IndexBusy => "index_busy",
            SearchError::Unauthorized => "unauthorized",
            SearchError::WritesDisabled => "writes_disabled",
            SearchError::Overloaded => "overloaded",
            SearchError::SearchTimeout { .. } => "search_timeout",
            SearchError::NotReady => "not_ready",
            SearchError::UriTooLong => "uri_too_long",
            SearchError::HeadersTooLarge => "headers_too_large",
            SearchError::MalformedRequest => "malformed_request",
            SearchError::Internal(_) => "internal",
        }
    }

    pub fn status(&self) -> u16 {
        match self {
            SearchError::DocumentNotFound(_) => 404,
            SearchError::MethodNotAllowed => 405,
            SearchError::PayloadTooLarge { .. } => 413,
            SearchError::UriTooLong => 414,
            SearchError::HeadersTooLarge => 431,
            SearchError::Unauthorized => 401,
            SearchError::WritesDisabled => 403,
            SearchError::IndexBusy
            | SearchError::Overloaded
            | SearchError::SearchTimeout { .. }
            | SearchError::NotReady => 503,
            SearchError::Internal(_) => 500,
            _ => 400,
        }
    }

    /// Seconds after which a 503 may be retried.
    pub fn retry_after(&self) -> Option<u64> {
        matches!(
            self,
            SearchError::IndexBusy
                | SearchError::Overloaded
                | SearchError::SearchTimeout { .. }
                | SearchError::NotReady
        )
        .then_some(1)
    }

    pub(crate) fn parameter(parameter: &'static str, code: &'static str, message: impl Into<String>) -> Self {
        SearchError::InvalidParameter {
            parameter,
            code,
            message: message.into(),
        }
    }
}

impl From<tantivy::TantivyError> for SearchError {
    fn from(error: tantivy::TantivyError) -> Self {
        SearchError::Internal(error.to_string())
    }
}
