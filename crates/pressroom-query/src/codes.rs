//! Every error code the API answers with, in one table: the code, its HTTP status and when
//! it is given. `SearchError::kind` maps each error to its code; README's error table lists
//! them all (a test checks it).

/// Declares [`Code`] from the table below, with an exhaustive match per column.
macro_rules! error_codes {
    ($($variant:ident = $code:literal, $status:literal, $when:literal;)*) => {
        /// A stable, machine-readable error code.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Code {
            $($variant,)*
        }

        impl Code {
            /// Every code, in table order.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The code as the API writes it (`invalid_query`).
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $code,)*
                }
            }

            /// The HTTP status the code is answered with.
            pub fn status(self) -> u16 {
                match self {
                    $(Code::$variant => $status,)*
                }
            }

            /// When the code is given.
            pub fn when(self) -> &'static str {
                match self {
                    $(Code::$variant => $when,)*
                }
            }
        }
    };
}

error_codes! {
    InvalidQuery = "invalid_query", 400, "`q` does not parse, or uses a range or a field other than `title`/`body`";
    QueryTooLong = "query_too_long", 400, "`q` over 1,000 characters (or the server's `--max-query-chars`)";
    InvalidLimit = "invalid_limit", 400, "`limit` not a whole number";
    LimitTooLarge = "limit_too_large", 400, "`limit` over 100 (or the server's `--max-limit`)";
    InvalidOffset = "invalid_offset", 400, "`offset` not a whole number";
    OffsetTooLarge = "offset_too_large", 400, "`offset` over 10,000 (or the server's `--max-offset`)";
    InvalidDate = "invalid_date", 400, "`from`/`to` not a date";
    InvalidDateRange = "invalid_date_range", 400, "`to` before `from`";
    UnknownFacet = "unknown_facet", 400, "a name in `facets` (or `same`, or the facet path) is not a facet";
    InvalidFacet = "invalid_facet", 400, "the facet in `/api/facets/{facet}` is not valid UTF-8 once decoded";
    InvalidSort = "invalid_sort", 400, "`sort` is not `relevance`, `recency`, `date_desc` or `date_asc`";
    InvalidFlag = "invalid_flag", 400, "`typo`, `prefix`, `expand` or `collapse` is not `true`/`false`";
    InvalidFacetLimit = "invalid_facet_limit", 400, "`facet_limit` not 1 to 100 (or the server's `--max-facet-limit`)";
    InvalidFragments = "invalid_fragments", 400, "`fragments` over 10";
    InvalidSame = "invalid_same", 400, "`same=year` on the similar endpoint";
    InvalidRegion = "invalid_region", 400, "`region` is not an M49 region, sub-region or country";
    InvalidTopic = "invalid_topic", 400, "`topic` is not a topic path";
    InvalidCountry = "invalid_country", 400, "`country`/`mentioned` is not an ISO alpha-3 code";
    InvalidLang = "invalid_lang", 400, "`lang` is not an ISO 639-1 code or `und`";
    EmptyFilter = "empty_filter", 400, "a filter with an empty value";
    TooManyValues = "too_many_values", 400, "a filter with more than 50 values";
    ValueTooLong = "value_too_long", 400, "a filter value over 200 characters or 8 path levels";
    UnknownParameter = "unknown_parameter", 400, "a parameter pressroom does not know";
    InvalidEncoding = "invalid_encoding", 400, "a query-string escape that does not decode to UTF-8";
    InvalidJson = "invalid_json", 400, "a body that is not the JSON asked for (or a write batch with no valid record)";
    UnsupportedContentType = "unsupported_content_type", 400, "a body not sent as the content type asked for";
    InvalidWait = "invalid_wait", 400, "`wait` on a write is not `visible`";
    InvalidId = "invalid_id", 400, "a document id that is not UTF-8 once decoded, or over 512 bytes";
    MalformedRequest = "malformed_request", 400, "not well-formed HTTP";
    Unauthorized = "unauthorized", 401, "a request without the right `Authorization: Bearer` key";
    WritesDisabled = "writes_disabled", 403, "a write on a server started without a write key";
    DocumentNotFound = "document_not_found", 404, "no document with that id";
    NotFound = "not_found", 404, "no such endpoint";
    MethodNotAllowed = "method_not_allowed", 405, "a method the endpoint does not take";
    PayloadTooLarge = "payload_too_large", 413, "a body over the limit (64 KiB for searches, 32 MiB for documents, or the server's)";
    UriTooLong = "uri_too_long", 414, "a request line over 64 KiB";
    HeadersTooLarge = "headers_too_large", 431, "request headers over hyper's limit";
    Internal = "internal", 500, "a fault inside the server (the log has the details under the request id)";
    Overloaded = "overloaded", 503, "too many searches at once (`Retry-After: 1`, as every 503)";
    SearchTimeout = "search_timeout", 503, "a search over the time budget";
    IndexBusy = "index_busy", 503, "the index locked by another writer";
    NotReady = "not_ready", 503, "the server still opening the index, or a replica still catching up with the document log";
    LogUnavailable = "log_unavailable", 503, "a replica's write not confirmed by the document log's quorum in time (it may still be stored; send it again)";
}

impl Code {
    /// Seconds after which the request may be tried again: every 503.
    pub fn retry_after(self) -> Option<u64> {
        (self.status() == 503).then_some(1)
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_distinct_snake_case_and_client_errors_are_4xx() {
        let mut seen = std::collections::HashSet::new();
        for code in Code::ALL {
            assert!(seen.insert(code.as_str()), "{code} twice");
            assert!(code.as_str().chars().all(|c| c.is_ascii_lowercase() || c == '_'));
            assert!((400..600).contains(&code.status()));
        }
        assert_eq!(Code::Internal.status(), 500);
        assert_eq!(Code::Overloaded.retry_after(), Some(1));
        assert_eq!(Code::InvalidQuery.retry_after(), None);
    }
}
