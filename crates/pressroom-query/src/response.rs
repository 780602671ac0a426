//! The JSON shapes of a search response.

use std::collections::BTreeMap;

use serde::Serialize;

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct SearchResponse {
    /// Exact number of matching documents.
    pub total: usize,
    pub took_us: u64,
    pub hits: Vec<Hit>,
    /// Counts per requested facet. A facet's counts honour every filter except its own (so
    /// ticking a second region shows what it would add); `year` ignores `from`/`to`.
    #[schema(value_type = BTreeMap<String, FacetLevel>)]
    pub facets: BTreeMap<&'static str, FacetLevel>,
}

/// The values of one facet level, most frequent first.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct FacetLevel {
    pub values: Vec<FacetValue>,
    /// Values of this level beyond `facet_limit`, not listed.
    pub other_values: usize,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Hit {
    pub id: String,
    pub title: String,
    pub date: Option<String>,
    pub lang: String,
    pub source: String,
    pub url: Option<String>,
    /// BM25 score; `null` when sorted by date.
    pub score: Option<f32>,
    /// HTML: the title escaped, matched words in `<mark>`.
    pub title_html: String,
    /// HTML: the first of `fragments` (the opening of the body when nothing matched in it).
    pub snippet: String,
    /// HTML: up to `fragments` passages of the body with the most matched words, in text
    /// order, escaped, matches in `<mark>`.
    pub fragments: Vec<String>,
    /// M49 paths of the main countries (or, for a release spread over more than three, of the
    /// region holding them all).
    pub regions: Vec<String>,
    /// ISO alpha-3 of the main countries.
    pub countries: Vec<String>,
    pub topics: Vec<String>,
    pub organizations: Vec<String>,
    /// The issuer and the organizations the release is about.
    pub main_organizations: Vec<String>,
    /// Ids of releases with the same or nearly the same text, collapsed into this hit (absent
    /// when there are none, or with `collapse=false`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub duplicates: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct FacetValue {
    /// The value's own name (last path segment).
    pub value: String,
    /// The full path, usable as a filter value (`/Americas/…`); absent for years.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    pub count: u64,
    /// A tree node with values below it (drill down with a filter or `facet_expand`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub expandable: bool,
    /// The level below, for expanded nodes.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(no_recursion)]
    pub children: Option<FacetLevel>,
}

/// `GET /api/facets/{facet}`: matching values with their counts.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct FacetValuesResponse {
    #[schema(value_type = String)]
    pub facet: &'static str,
    pub took_us: u64,
    pub values: Vec<FacetMatch>,
    /// Matching values beyond `facet_limit`, not listed.
    pub other_values: usize,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct FacetMatch {
    pub value: String,
    /// The filter value to send back (a path for region and topic).
    pub path: String,
    /// A readable name where the value is a code (country names for ISO codes, an
    /// organization's full name).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    pub count: u64,
}

/// `GET /api/documents/{id}/similar`.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct SimilarResponse {
    pub id: String,
    pub took_us: u64,
    pub hits: Vec<Hit>,
}
