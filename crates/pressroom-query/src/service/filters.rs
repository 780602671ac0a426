//! A request's filters as queries: one per filtered facet (OR within it), AND across facets,
//! and the date range (owned by `year`, so the year histogram ignores it). Also the tree
//! nodes whose children the facet trees list.

use std::collections::HashSet;
use std::ops::Bound;

use pressroom_index::schema::Fields;
use tantivy::query::{AllQuery, BooleanQuery, Occur, Query, RangeQuery, TermQuery};
use tantivy::schema::{Facet, Field, IndexRecordOption};
use tantivy::{DateTime, Term};

use super::vocabulary::Vocabulary;
use crate::codes::Code;
use crate::error::SearchError;
use crate::facets::parent_path;
use crate::request::{FacetName, SearchRequest};

/// Each filter with the facet it belongs to: that facet's own counts ignore it.
pub(super) type Filters = Vec<(FacetName, Box<dyn Query>)>;

/// The filters of a request; an unknown region or topic is the client's error.
pub(super) fn build(request: &SearchRequest, vocab: &Vocabulary, fields: &Fields) -> Result<Filters, SearchError> {
    let region_paths = request
        .region
        .iter()
        .map(|name| {
            vocab.gazetteer().region_path(name).ok_or_else(|| {
                SearchError::parameter(
                    "region",
                    Code::InvalidRegion,
                    format!("`{name}` is not an M49 region, sub-region or country name"),
                )
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let topic_paths = request
        .topic
        .iter()
        .map(|path| {
            vocab.topic_path(path).ok_or_else(|| {
                SearchError::parameter(
                    "topic",
                    Code::InvalidTopic,
                    format!("`{path}` is not a topic path (e.g. /Migration/Human trafficking)"),
                )
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let canonical = |names: &[String]| -> Vec<String> {
        names
            .iter()
            .map(|name| {
                vocab
                    .enricher
                    .canonical_organization(name)
                    .map_or_else(|| name.clone(), str::to_string)
            })
            .collect()
    };
    let organizations = canonical(&request.org);
    let main_organizations = canonical(&request.main_org);
    let facet_values: [(FacetName, &[String]); 8] = [
        (FacetName::Region, &region_paths),
        (FacetName::Country, &request.country),
        (FacetName::Mentioned, &request.mentioned),
        (FacetName::Topic, &topic_paths),
        (FacetName::Org, &organizations),
        (FacetName::MainOrg, &main_organizations),
        (FacetName::Lang, &request.lang),
        (FacetName::Source, &request.source),
    ];
    let mut filters: Filters = Vec::new();
    for (facet, values) in facet_values {
        if let (Some(field), false) = (fields.facet(facet.as_str()), values.is_empty()) {
            filters.push((facet, any_of(field, facet, values)));
        }
    }
    if let Some(range) = date_range(request, fields) {
        filters.push((FacetName::Year, range));
    }
    Ok(filters)
}

/// Documents with any of `values` in a facet field (paths for trees, plain values else).
fn any_of(field: Field, facet: FacetName, values: &[String]) -> Box<dyn Query> {
    let alternatives: Vec<(Occur, Box<dyn Query>)> = values
        .iter()
        .map(|value| {
            let value = if facet.is_hierarchical() {
                Facet::from_text(value).unwrap_or_else(|_| Facet::from_path([value.as_str()]))
            } else {
                Facet::from_path([value.as_str()])
            };
            (Occur::Should, facet_term_query(field, &value))
        })
        .collect();
    Box::new(BooleanQuery::new(alternatives))
}

/// Documents holding one facet value.
pub(super) fn facet_term_query(field: Field, facet: &Facet) -> Box<dyn Query> {
    Box::new(TermQuery::new(Term::from_facet(field, facet), IndexRecordOption::Basic))
}

/// `from` (included) to `to` (excluded, already past the period asked for).
fn date_range(request: &SearchRequest, fields: &Fields) -> Option<Box<dyn Query>> {
    if request.from.is_none() && request.to_exclusive.is_none() {
        return None;
    }
    let bound = |date: time::Date| {
        let seconds = date.midnight().assume_utc().unix_timestamp();
        Term::from_field_date_for_search(fields.date, DateTime::from_timestamp_secs(seconds))
    };
    let lower = request
        .from
        .map_or(Bound::Unbounded, |date| Bound::Included(bound(date)));
    let upper = request
        .to_exclusive
        .map_or(Bound::Unbounded, |date| Bound::Excluded(bound(date)));
    Some(Box::new(RangeQuery::new(lower, upper)))
}

/// The text query and every filter except `without`'s, all required.
pub(super) fn combine(text: Option<&dyn Query>, filters: &Filters, without: Option<FacetName>) -> Box<dyn Query> {
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    if let Some(text) = text {
        clauses.push((Occur::Must, text.box_clone()));
    }
    for (facet, filter) in filters {
        if Some(*facet) != without {
            clauses.push((Occur::Must, filter.box_clone()));
        }
    }
    match clauses.len() {
        0 => Box::new(AllQuery),
        1 => clauses
            .pop()
            .map(|(_, query)| query)
            .unwrap_or_else(|| Box::new(AllQuery)),
        _ => Box::new(BooleanQuery::new(clauses)),
    }
}

/// Paths whose children the trees list: the filtered values and their ancestors, and
/// those asked for with `facet_expand`.
pub(super) fn expanded_paths(request: &SearchRequest, vocab: &Vocabulary) -> HashSet<String> {
    let mut expanded = HashSet::new();
    let mut add_with_ancestors = |path: String| {
        let mut current = path.as_str();
        while !current.is_empty() {
            expanded.insert(current.to_string());
            current = parent_path(current);
        }
    };
    for name in request.region.iter().chain(&request.facet_expand) {
        if let Some(path) = vocab.gazetteer().region_path(name) {
            add_with_ancestors(path);
        }
    }
    for path in request.topic.iter().chain(&request.facet_expand) {
        if let Some(known) = vocab.topic_path(path) {
            add_with_ancestors(known);
        }
    }
    for path in &request.facet_expand {
        if path.starts_with('/') {
            add_with_ancestors(path.clone());
        }
    }
    expanded
}
