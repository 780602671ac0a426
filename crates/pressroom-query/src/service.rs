//! Runs search requests on an index: query parsing, facet filters, date range, sorting,
//! counting, facet trees and snippets.

use std::collections::BTreeMap;
use std::ops::Bound;
use std::path::Path;
use std::time::Instant;

use pressroom_enrich::{Enricher, Gazetteer};
use pressroom_index::schema::{self, Fields};
use pressroom_index::StoredDocument;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{AllQuery, BooleanQuery, Occur, Query, QueryParser, RangeQuery, TermQuery};
use tantivy::schema::{Facet, IndexRecordOption};
use tantivy::snippet::SnippetGenerator;
use tantivy::{DateTime, DocAddress, Index, IndexReader, Order, ReloadPolicy, Searcher, TantivyDocument, Term};

use crate::error::SearchError;
use crate::facets::{leaf_name, FacetCountCollector, FacetTableCache, FacetTallies};
use crate::request::{FacetName, SearchRequest, SortOrder};
use crate::response::{FacetValue, Hit, SearchResponse};

/// Values listed per facet level.
pub const FACET_VALUES_PER_LEVEL: usize = 10;
const SNIPPET_CHARS: usize = 240;
const TITLE_BOOST: f32 = 2.0;

/// A search index ready to serve: one reader, reloaded on commit.
pub struct SearchService {
    index: Index,
    reader: IndexReader,
    fields: Fields,
    enricher: Enricher,
    facet_tables: FacetTableCache,
}

impl SearchService {
    /// Opens the current index of an index folder.
    pub fn open(dir: &Path) -> Result<SearchService, SearchError> {
        let (index, fields) =
            pressroom_index::open_index(dir).map_err(|error| SearchError::Internal(error.to_string()))?;
        SearchService::new(index, fields)
    }

    pub fn new(index: Index, fields: Fields) -> Result<SearchService, SearchError> {
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::OnCommitWithDelay)
            .try_into()?;
        let enricher = Enricher::new().map_err(|error| SearchError::Internal(error.to_string()))?;
        Ok(SearchService {
            index,
            reader,
            fields,
            enricher,
            facet_tables: FacetTableCache::default(),
        })
    }

    pub fn num_documents(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    pub fn gazetteer(&self) -> &Gazetteer {
        self.enricher.gazetteer()
    }

    pub fn search(&self, request: &SearchRequest) -> Result<SearchResponse, SearchError> {
        let started = Instant::now();
        let searcher = self.reader.searcher();
        let live: Vec<_> = searcher
            .segment_readers()
            .iter()
            .map(|segment| segment.segment_id())
            .collect();
        self.facet_tables.retain_segments(&live);
        let text_query = self.text_query(&request.q)?;
        let query = self.filtered_query(request, text_query.as_ref().map(|q| q.box_clone()))?;

        let facet_fields: Vec<(FacetName, &'static str)> = request
            .facets
            .iter()
            .filter(|facet| **facet != FacetName::Year)
            .map(|facet| (*facet, facet.as_str()))
            .collect();
        let facet_collector = FacetCountCollector {
            fields: facet_fields.iter().map(|(_, field)| *field).collect(),
            year_field: request.facets.contains(&FacetName::Year).then_some(schema::YEAR),
            cache: &self.facet_tables,
        };
        let wanted = request.limit.max(1);
        let (ranked, total, tallies): (Vec<(Option<f32>, DocAddress)>, usize, FacetTallies) = match request.sort {
            SortOrder::Relevance => {
                let top = TopDocs::with_limit(wanted).and_offset(request.offset).order_by_score();
                let (top, total, tallies) = searcher.search(&*query, &(top, Count, facet_collector))?;
                (
                    top.into_iter().map(|(score, address)| (Some(score), address)).collect(),
                    total,
                    tallies,
                )
            }
            SortOrder::DateDesc | SortOrder::DateAsc => {
                let order = if request.sort == SortOrder::DateDesc {
                    Order::Desc
                } else {
                    Order::Asc
                };
                let top = TopDocs::with_limit(wanted)
                    .and_offset(request.offset)
                    .order_by_fast_field::<DateTime>(schema::DATE, order);
                let (top, total, tallies) = searcher.search(&*query, &(top, Count, facet_collector))?;
                (
                    top.into_iter().map(|(_, address)| (None, address)).collect(),
                    total,
                    tallies,
                )
            }
        };
        let ranked = if request.limit == 0 { Vec::new() } else { ranked };
        let hits = self.hits(&searcher, text_query.as_deref(), ranked)?;

        let mut facets = BTreeMap::new();
        for ((facet, _), counts) in facet_fields.iter().zip(&tallies.by_field) {
            facets.insert(facet.as_str(), facet_tree(counts, "", facet.is_hierarchical()));
        }
        if request.facets.contains(&FacetName::Year) {
            let years = tallies
                .years
                .iter()
                .map(|(year, count)| FacetValue {
                    value: year.to_string(),
                    path: None,
                    count: *count,
                    children: Vec::new(),
                })
                .collect();
            facets.insert(FacetName::Year.as_str(), years);
        }
        Ok(SearchResponse {
            total,
            took_us: started.elapsed().as_micros() as u64,
            hits,
            facets,
        })
    }

    /// The whole stored document with its enrichment.
    pub fn document(&self, id: &str) -> Result<StoredDocument, SearchError> {
        let searcher = self.reader.searcher();
        let query = TermQuery::new(Term::from_field_text(self.fields.id, id), IndexRecordOption::Basic);
        let found = searcher.search(&query, &TopDocs::with_limit(1).order_by_score())?;
        let Some((_, address)) = found.first() else {
            return Err(SearchError::DocumentNotFound(id.to_string()));
        };
        let document: TantivyDocument = searcher.doc(*address)?;
        Ok(StoredDocument::from_tantivy(&self.fields, &document))
    }

    /// The user's query over title (boosted) and body; `None` for an empty query.
    fn text_query(&self, q: &str) -> Result<Option<Box<dyn Query>>, SearchError> {
        if q.trim().is_empty() {
            return Ok(None);
        }
        let mut parser = QueryParser::for_index(&self.index, vec![self.fields.title, self.fields.body]);
        parser.set_field_boost(self.fields.title, TITLE_BOOST);
        parser.set_conjunction_by_default();
        let query = parser
            .parse_query(q)
            .map_err(|error| SearchError::InvalidQuery(error.to_string()))?;
        Ok(Some(query))
    }

    fn filtered_query(
        &self,
        request: &SearchRequest,
        text_query: Option<Box<dyn Query>>,
    ) -> Result<Box<dyn Query>, SearchError> {
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        if let Some(text_query) = text_query {
            clauses.push((Occur::Must, text_query));
        }
        let region_paths = request
            .region
            .iter()
            .map(|name| {
                self.gazetteer().region_path(name).ok_or_else(|| {
                    SearchError::parameter(
                        "region",
                        "invalid_region",
                        format!("`{name}` is not an M49 region, sub-region or country name"),
                    )
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        let topic_paths = request
            .topic
            .iter()
            .map(|path| {
                let wanted = format!("/{}", path.trim().trim_matches('/'));
                self.enricher
                    .topic_paths()
                    .iter()
                    .find(|known| {
                        known.eq_ignore_ascii_case(&wanted) || known.replace("\\/", "/").eq_ignore_ascii_case(&wanted)
                    })
                    .cloned()
                    .ok_or_else(|| {
                        SearchError::parameter(
                            "topic",
                            "invalid_topic",
                            format!("`{path}` is not a topic path (e.g. /Migration/Human trafficking)"),
                        )
                    })
            })
            .collect::<Result<Vec<_>, _>>()?;
        let organizations: Vec<String> = request
            .org
            .iter()
            .map(|name| {
                self.enricher
                    .canonical_organization(name)
                    .map(str::to_string)
                    .unwrap_or_else(|| name.clone())
            })
            .collect();
        let facet_filters: [(tantivy::schema::Field, &[String], bool); 7] = [
            (self.fields.region, &region_paths, true),
            (self.fields.country, &request.country, false),
            (self.fields.mentioned, &request.mentioned, false),
            (self.fields.topic, &topic_paths, true),
            (self.fields.org, &organizations, false),
            (self.fields.lang, &request.lang, false),
            (self.fields.source, &request.source, false),
        ];
        for (field, values, is_path) in facet_filters {
            if values.is_empty() {
                continue;
            }
            let alternatives: Vec<(Occur, Box<dyn Query>)> = values
                .iter()
                .map(|value| {
                    let facet = if is_path {
                        Facet::from_text(value).unwrap_or_else(|_| Facet::from_path([value.as_str()]))
                    } else {
                        Facet::from_path([value.as_str()])
                    };
                    let query: Box<dyn Query> = Box::new(TermQuery::new(
                        Term::from_facet(field, &facet),
                        IndexRecordOption::Basic,
                    ));
                    (Occur::Should, query)
                })
                .collect();
            clauses.push((Occur::Must, Box::new(BooleanQuery::new(alternatives))));
        }
        if request.from.is_some() || request.to_exclusive.is_some() {
            let bound = |date: time::Date| {
                let seconds = date.midnight().assume_utc().unix_timestamp();
                Term::from_field_date_for_search(self.fields.date, DateTime::from_timestamp_secs(seconds))
            };
            let lower = request
                .from
                .map_or(Bound::Unbounded, |date| Bound::Included(bound(date)));
            let upper = request
                .to_exclusive
                .map_or(Bound::Unbounded, |date| Bound::Excluded(bound(date)));
            clauses.push((Occur::Must, Box::new(RangeQuery::new(lower, upper))));
        }
        if clauses.is_empty() {
            return Ok(Box::new(AllQuery));
        }
        if clauses.len() == 1 && clauses[0].0 == Occur::Must {
            if let Some((_, query)) = clauses.pop() {
                return Ok(query);
            }
        }
        Ok(Box::new(BooleanQuery::new(clauses)))
    }

    fn hits(
        &self,
        searcher: &Searcher,
        text_query: Option<&dyn Query>,
        ranked: Vec<(Option<f32>, DocAddress)>,
    ) -> Result<Vec<Hit>, SearchError> {
        let snippets = match text_query {
            Some(query) => {
                let mut generator = SnippetGenerator::create(searcher, query, self.fields.body)?;
                generator.set_max_num_chars(SNIPPET_CHARS);
                Some(generator)
            }
            None => None,
        };
        let mut hits = Vec::with_capacity(ranked.len());
        for (score, address) in ranked {
            let document: TantivyDocument = searcher.doc(address)?;
            let stored = StoredDocument::from_tantivy(&self.fields, &document);
            let snippet = snippets
                .as_ref()
                .map(|generator| generator.snippet_from_doc(&document))
                .filter(|snippet| !snippet.is_empty())
                .map(|mut snippet| {
                    snippet.set_snippet_prefix_postfix("<mark>", "</mark>");
                    snippet.to_html()
                })
                .unwrap_or_else(|| escape_html(&leading_text(&stored.body, SNIPPET_CHARS)));
            hits.push(Hit {
                id: stored.id,
                title: stored.title,
                date: stored.enrichment.date,
                lang: stored.enrichment.lang,
                source: stored.source,
                url: stored.url,
                score,
                snippet,
                regions: stored.enrichment.regions,
                countries: stored.enrichment.main_countries,
                topics: stored.enrichment.topics,
                organizations: stored.enrichment.organizations,
            });
        }
        Ok(hits)
    }
}

/// The children of `parent` (`""` for the top level), most frequent first, each with its
/// own children when the facet is a tree.
fn facet_tree(counts: &std::collections::HashMap<String, u64>, parent: &str, hierarchical: bool) -> Vec<FacetValue> {
    let mut children: Vec<(&String, &u64)> = counts
        .iter()
        .filter(|(path, _)| {
            path.len() > parent.len() + 1
                && path.starts_with(parent)
                && path.as_bytes()[parent.len()] == b'/'
                && is_direct_child(&path[parent.len() + 1..])
        })
        .collect();
    children.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    children
        .into_iter()
        .take(FACET_VALUES_PER_LEVEL)
        .map(|(path, count)| FacetValue {
            value: leaf_name(path),
            path: Some(path.clone()),
            count: *count,
            children: if hierarchical {
                facet_tree(counts, path, true)
            } else {
                Vec::new()
            },
        })
        .collect()
}

/// No unescaped `/` in the rest of the path: it is one segment.
fn is_direct_child(rest: &str) -> bool {
    let bytes = rest.as_bytes();
    !bytes
        .iter()
        .enumerate()
        .any(|(index, &byte)| byte == b'/' && (index == 0 || bytes[index - 1] != b'\\'))
}

fn leading_text(body: &str, max_chars: usize) -> String {
    let mut text: String = body.chars().take(max_chars).collect();
    if body.chars().count() > max_chars {
        text.push('…');
    }
    text
}

pub(crate) fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}
