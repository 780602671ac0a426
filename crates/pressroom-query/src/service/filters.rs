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
    let region_paths = region_paths(&request.region, vocab)?;
    let topic_paths = topic_paths(&request.topic, vocab)?;
    let organizations = canonical_organizations(&request.org, vocab);
    let main_organizations = canonical_organizations(&request.main_org, vocab);
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

/// The gazetteer's path of each region name (an M49 region, sub-region or country).
fn region_paths(names: &[String], vocab: &Vocabulary) -> Result<Vec<String>, SearchError> {
    names
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
        .collect()
}

/// The taxonomy's spelling of each topic path.
fn topic_paths(paths: &[String], vocab: &Vocabulary) -> Result<Vec<String>, SearchError> {
    paths
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
        .collect()
}

/// Organizations by their canonical name: an alias the table knows becomes the name the
/// index holds; any other name is kept as given.
fn canonical_organizations(names: &[String], vocab: &Vocabulary) -> Vec<String> {
    names
        .iter()
        .map(|name| {
            vocab
                .enricher
                .canonical_organization(name)
                .map_or_else(|| name.clone(), str::to_string)
        })
        .collect()
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

/// Whether one of `filters` is `facet`'s own (its counts then need a pass without it).
pub(super) fn has_filter(filters: &Filters, facet: FacetName) -> bool {
    filters.iter().any(|(owner, _)| *owner == facet)
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

#[cfg(test)]
mod tests {
    use std::sync::OnceLock;

    use tantivy::collector::DocSetCollector;
    use tantivy::schema::Value;
    use tantivy::{Index, TantivyDocument};
    use time::macros::date;

    use super::*;

    const KENYA: &str = "/Africa/Sub-Saharan Africa/Eastern Africa/Kenya";
    const FRANCE: &str = "/Europe/Western Europe/France";

    fn vocabulary() -> &'static Vocabulary {
        static VOCABULARY: OnceLock<Vocabulary> = OnceLock::new();
        VOCABULARY.get_or_init(|| Vocabulary::load().expect("the tables"))
    }

    fn strings(values: &[&str]) -> Vec<String> {
        values.iter().map(|value| value.to_string()).collect()
    }

    /// A release in a test index: its id, its facet values (`facet`, path) and its date.
    type Release<'a> = (&'a str, &'a [(&'a str, &'a str)], Option<time::Date>);

    fn index_of(releases: &[Release]) -> (Index, Fields) {
        let (index, fields) = pressroom_index::schema::in_memory().expect("an index in memory");
        let mut writer = index.writer_with_num_threads(1, 20_000_000).expect("a writer");
        for (id, facets, date) in releases {
            let mut document = TantivyDocument::new();
            document.add_text(fields.id, id);
            for (facet, path) in *facets {
                let field = fields.facet(facet).expect("a facet field");
                document.add_facet(field, Facet::from_text(path).expect("a facet path"));
            }
            if let Some(date) = date {
                let seconds = date.midnight().assume_utc().unix_timestamp();
                document.add_date(fields.date, DateTime::from_timestamp_secs(seconds));
            }
            writer.add_document(document).expect("added");
        }
        writer.commit().expect("committed");
        (index, fields)
    }

    /// The ids of the releases matching every filter but `without`'s, sorted.
    fn matching(index: &Index, fields: &Fields, filters: &Filters, without: Option<FacetName>) -> Vec<String> {
        let searcher = index.reader().expect("a reader").searcher();
        let query = combine(None, filters, without);
        let found = searcher.search(&query, &DocSetCollector).expect("searched");
        let mut ids: Vec<String> = found
            .into_iter()
            .map(|address| {
                let document: TantivyDocument = searcher.doc(address).expect("stored");
                let id = document.get_first(fields.id).and_then(|value| value.as_str());
                id.unwrap_or_default().to_string()
            })
            .collect();
        ids.sort();
        ids
    }

    /// The ids a request's filters keep.
    fn kept(index: &Index, fields: &Fields, request: &SearchRequest) -> Vec<String> {
        let filters = build(request, vocabulary(), fields).expect("filters");
        matching(index, fields, &filters, None)
    }

    #[test]
    fn values_of_one_facet_are_alternatives_and_facets_are_all_required() {
        let (index, fields) = index_of(&[
            ("a", &[("country", "/FRA"), ("lang", "/en")], None),
            ("b", &[("country", "/DEU"), ("lang", "/fr")], None),
            ("c", &[("country", "/FRA"), ("lang", "/fr")], None),
            ("d", &[("country", "/ITA"), ("lang", "/fr")], None),
        ]);
        let either_country = SearchRequest {
            country: strings(&["FRA", "DEU"]),
            ..SearchRequest::default()
        };
        assert_eq!(kept(&index, &fields, &either_country), ["a", "b", "c"]);
        let and_french = SearchRequest {
            lang: strings(&["fr"]),
            ..either_country
        };
        let filters = build(&and_french, vocabulary(), &fields).expect("filters");
        assert_eq!(matching(&index, &fields, &filters, None), ["b", "c"]);
        // A facet's own counts leave out its own filter, and only it.
        assert_eq!(
            matching(&index, &fields, &filters, Some(FacetName::Lang)),
            ["a", "b", "c"]
        );
        assert_eq!(
            matching(&index, &fields, &filters, Some(FacetName::Country)),
            ["b", "c", "d"]
        );
        assert_eq!(
            matching(&index, &fields, &Vec::new(), None),
            ["a", "b", "c", "d"],
            "no filter keeps everything"
        );
    }

    #[test]
    fn regions_and_topics_are_resolved_to_paths_that_match_their_descendants() {
        let (index, fields) = index_of(&[
            (
                "kenya",
                &[("region", KENYA), ("topic", "/Migration/Human trafficking")],
                None,
            ),
            ("france", &[("region", FRANCE), ("topic", "/HIV\\/Aids")], None),
        ]);
        let by_region = |names: &[&str]| SearchRequest {
            region: strings(names),
            ..SearchRequest::default()
        };
        assert_eq!(kept(&index, &fields, &by_region(&["africa"])), ["kenya"]);
        assert_eq!(kept(&index, &fields, &by_region(&["Eastern Africa"])), ["kenya"]);
        assert_eq!(kept(&index, &fields, &by_region(&["Kenya"])), ["kenya"]);
        assert_eq!(
            kept(&index, &fields, &by_region(&["France", "Kenya"])),
            ["france", "kenya"]
        );
        let by_topic = |paths: &[&str]| SearchRequest {
            topic: strings(paths),
            ..SearchRequest::default()
        };
        assert_eq!(kept(&index, &fields, &by_topic(&["migration"])), ["kenya"]);
        assert_eq!(
            kept(&index, &fields, &by_topic(&["/migration/human trafficking/"])),
            ["kenya"]
        );
        // A slash inside a segment is part of its name, not a level.
        assert_eq!(kept(&index, &fields, &by_topic(&["hiv/aids"])), ["france"]);
    }

    #[test]
    fn organization_aliases_filter_by_their_canonical_name() {
        let (index, fields) = index_of(&[
            ("unhcr", &[("org", "/UNHCR"), ("main_org", "/UNHCR")], None),
            ("other", &[("org", "/Refugee Aid Network")], None),
        ]);
        let by_org = SearchRequest {
            org: strings(&["ACNUR"]),
            ..SearchRequest::default()
        };
        assert_eq!(kept(&index, &fields, &by_org), ["unhcr"]);
        let by_main_org = SearchRequest {
            main_org: strings(&["Haut-Commissariat pour les réfugiés"]),
            ..SearchRequest::default()
        };
        assert_eq!(kept(&index, &fields, &by_main_org), ["unhcr"]);
        let unknown_to_the_table = SearchRequest {
            org: strings(&["Refugee Aid Network"]),
            ..SearchRequest::default()
        };
        assert_eq!(kept(&index, &fields, &unknown_to_the_table), ["other"]);
    }

    #[test]
    fn the_date_range_includes_from_and_excludes_to() {
        let (index, fields) = index_of(&[
            ("2009-12-31", &[], Some(date!(2009 - 12 - 31))),
            ("2010-01-01", &[], Some(date!(2010 - 01 - 01))),
            ("2010-12-31", &[], Some(date!(2010 - 12 - 31))),
            ("2011-01-01", &[], Some(date!(2011 - 01 - 01))),
            ("undated", &[], None),
        ]);
        let in_2010 = SearchRequest {
            from: Some(date!(2010 - 01 - 01)),
            to_exclusive: Some(date!(2011 - 01 - 01)),
            ..SearchRequest::default()
        };
        let filters = build(&in_2010, vocabulary(), &fields).expect("filters");
        assert_eq!(filters.len(), 1);
        assert_eq!(filters[0].0, FacetName::Year, "the year histogram ignores the range");
        assert_eq!(matching(&index, &fields, &filters, None), ["2010-01-01", "2010-12-31"]);
        let since_2010 = SearchRequest {
            to_exclusive: None,
            ..in_2010.clone()
        };
        assert_eq!(
            kept(&index, &fields, &since_2010),
            ["2010-01-01", "2010-12-31", "2011-01-01"]
        );
        let before_2011 = SearchRequest { from: None, ..in_2010 };
        assert_eq!(
            kept(&index, &fields, &before_2011),
            ["2009-12-31", "2010-01-01", "2010-12-31"]
        );
        let no_filter = build(&SearchRequest::default(), vocabulary(), &fields).expect("filters");
        assert!(no_filter.is_empty());
    }

    #[test]
    fn an_unknown_region_or_topic_is_the_client_s_error_with_its_code() {
        let (_, fields) = index_of(&[]);
        let unknown_region = SearchRequest {
            region: strings(&["Kenya", "Atlantis"]),
            ..SearchRequest::default()
        };
        let unknown_topic = SearchRequest {
            topic: strings(&["/Migration", "/Migration/Time travel"]),
            ..SearchRequest::default()
        };
        for (request, wanted_parameter, code, value) in [
            (unknown_region, "region", "invalid_region", "Atlantis"),
            (unknown_topic, "topic", "invalid_topic", "/Migration/Time travel"),
        ] {
            let error = build(&request, vocabulary(), &fields).expect_err("refused");
            assert_eq!((error.status(), error.code()), (400, code));
            let SearchError::InvalidParameter { parameter, message, .. } = &error else {
                panic!("{error:?} is not a parameter's error");
            };
            assert_eq!(*parameter, wanted_parameter);
            assert!(message.contains(value), "{message}");
        }
    }

    #[test]
    fn trees_expand_the_filtered_values_their_ancestors_and_facet_expand() {
        let request = SearchRequest {
            region: strings(&["Kenya", "Atlantis"]),
            topic: strings(&["migration/human trafficking"]),
            facet_expand: strings(&["Western Europe", "/Topic/Water\\/Sanitation", "nowhere"]),
            ..SearchRequest::default()
        };
        let mut expanded: Vec<String> = expanded_paths(&request, vocabulary()).into_iter().collect();
        expanded.sort();
        assert_eq!(
            expanded,
            [
                "/Africa",
                "/Africa/Sub-Saharan Africa",
                "/Africa/Sub-Saharan Africa/Eastern Africa",
                KENYA,
                "/Europe",
                "/Europe/Western Europe",
                "/Migration",
                "/Migration/Human trafficking",
                "/Topic",
                "/Topic/Water\\/Sanitation",
            ]
        );
    }
}
