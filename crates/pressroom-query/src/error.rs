//! Everything a request can fail with; each error's code and status come from the one table
//! in [`crate::codes`].

use crate::codes::Code;

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
        code: Code,
        message: String,
    },
    #[error("unknown parameter `{0}`")]
    UnknownParameter(String),
    #[error("unknown facet `{0}` (known: region, country, mentioned, topic, org, main_org, lang, source, year)")]
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
    #[error("no such endpoint")]
    NotFound,
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
    #[error("the server is still opening the index, or catching up with the document log")]
    NotReady,
    /// The detail (the log client's error) is logged by whoever saw it, not shown.
    #[error(
        "the document log did not confirm the write in time; it may or may not be stored, and sending it again is safe"
    )]
    LogUnavailable(String),
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
    /// The error's entry in the table of codes.
    pub fn kind(&self) -> Code {
        match self {
            SearchError::InvalidQuery(_) => Code::InvalidQuery,
            SearchError::QueryTooLong { .. } => Code::QueryTooLong,
            SearchError::InvalidParameter { code, .. } => *code,
            SearchError::UnknownParameter(_) => Code::UnknownParameter,
            SearchError::UnknownFacet(_) => Code::UnknownFacet,
            SearchError::LimitTooLarge { .. } => Code::LimitTooLarge,
            SearchError::OffsetTooLarge { .. } => Code::OffsetTooLarge,
            SearchError::InvalidJson(_) => Code::InvalidJson,
            SearchError::DocumentNotFound(_) => Code::DocumentNotFound,
            SearchError::PayloadTooLarge { .. } => Code::PayloadTooLarge,
            SearchError::NotFound => Code::NotFound,
            SearchError::MethodNotAllowed => Code::MethodNotAllowed,
            SearchError::IndexBusy => Code::IndexBusy,
            SearchError::Unauthorized => Code::Unauthorized,
            SearchError::WritesDisabled => Code::WritesDisabled,
            SearchError::Overloaded => Code::Overloaded,
            SearchError::SearchTimeout { .. } => Code::SearchTimeout,
            SearchError::NotReady => Code::NotReady,
            SearchError::LogUnavailable(_) => Code::LogUnavailable,
            SearchError::UriTooLong => Code::UriTooLong,
            SearchError::HeadersTooLarge => Code::HeadersTooLarge,
            SearchError::MalformedRequest => Code::MalformedRequest,
            SearchError::Internal(_) => Code::Internal,
        }
    }

    /// The code as the API writes it.
    pub fn code(&self) -> &'static str {
        self.kind().as_str()
    }

    pub fn status(&self) -> u16 {
        self.kind().status()
    }

    /// Seconds after which a 503 may be retried.
    pub fn retry_after(&self) -> Option<u64> {
        self.kind().retry_after()
    }

    /// An error of ours, never the client's: its text is logged, not shown.
    pub(crate) fn internal(error: impl std::fmt::Display) -> Self {
        SearchError::Internal(error.to_string())
    }

    pub(crate) fn parameter(parameter: &'static str, code: Code, message: impl Into<String>) -> Self {
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
