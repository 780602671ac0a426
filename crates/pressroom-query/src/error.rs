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
            SearchError::Internal(_) => "internal",
        }
    }

    pub fn status(&self) -> u16 {
        match self {
            SearchError::DocumentNotFound(_) => 404,
            SearchError::MethodNotAllowed => 405,
            SearchError::PayloadTooLarge { .. } => 413,
            SearchError::IndexBusy => 503,
            SearchError::Internal(_) => 500,
            _ => 400,
        }
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
