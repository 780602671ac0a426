//! The JSON shapes of a search response.

use std::collections::BTreeMap;

use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct SearchResponse {
    /// Exact number of matching documents.
    pub total: usize,
    pub took_us: u64,
    pub hits: Vec<Hit>,
    /// Counts per requested facet.
    pub facets: BTreeMap<&'static str, Vec<FacetValue>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    pub id: String,
    pub title: String,
    pub date: Option<String>,
    pub lang: String,
    pub source: String,
    pub url: Option<String>,
    /// BM25 score; `null` when sorted by date.
    pub score: Option<f32>,
    /// HTML: the document text escaped, matches in `<mark>`.
    pub snippet: String,
    /// M49 paths of the main countries.
    pub regions: Vec<String>,
    /// ISO alpha-3 of the main countries.
    pub countries: Vec<String>,
    pub topics: Vec<String>,
    pub organizations: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FacetValue {
    /// The value's own name (last path segment).
    pub value: String,
    /// The full path, usable as a filter value (`/Americas/…`); absent for years.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    pub count: u64,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<FacetValue>,
}
