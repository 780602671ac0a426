//! A search on one snapshot: the text query and the filters, the top hits in the requested
//! order, the exact count and the facet counts in one pass, then one more counting pass per
//! filtered facet without its own filter (multi-select facets).

use std::collections::BTreeMap;
use std::time::Instant;

use pressroom_index::schema;
use tantivy::collector::{Collector, Count, TopDocs};
use tantivy::query::{AllQuery, BooleanQuery, Occur, Query};
use tantivy::{DateTime, DocAddress, Order, Searcher};

use super::collapse::{collapse, Group, COLLAPSE_WINDOW};
use super::filters::{self, combine, has_filter, Filters};
use super::recency::recency_factor;
use super::rescore::{rescore, RESCORE_WINDOW};
use super::snapshot::Snapshot;
use super::threads::Threads;
use crate::error::SearchError;
use crate::facets::{self, FacetCountCollector, FacetTallies};
use crate::lookups::Statistics;
use crate::query::Proximity;
use crate::request::{FacetName, SearchRequest, SortOrder};
use crate::response::{FacetLevel, Hit, SearchResponse};

/// The ranked page: each hit's score (`None` when sorted by date) and address.
type Ranked = Vec<(Option<f32>, DocAddress)>;

/// What is made of a search's matches once they are ranked and counted: the page, and the
/// facets (those counted in the main pass, with their tallies).
enum Part {
    Page(Vec<Group>),
    /// The facets and their tallies (`None`: every document's, remembered).
    Facets(Vec<FacetName>, Option<FacetTallies>),
}

enum Made {
    Page(Vec<Hit>),
    Facets(BTreeMap<&'static str, FacetLevel>),
}

impl Snapshot {
    pub(super) fn search(&self, request: &SearchRequest) -> Result<SearchResponse, SearchError> {
        let started = Instant::now();
        let searcher = self.searcher();
        let built = self.text_query(&searcher, request)?;
        let text_query = built.as_ref().map(|built| built.query.as_ref());
        let proximity = built.as_ref().and_then(|built| built.proximity.as_ref());
        let filters = filters::build(request, &self.vocab, &self.fields)?;
        let query = combine(text_query, &filters, None);
        let threads = Threads::of(&searcher);
        let statistics = self.lookups.statistics(&searcher);

        // Facets without a filter of their own are counted with the hits; each filtered
        // facet is counted again without its own filter (multi-select faceting).
        let in_main_pass: Vec<FacetName> = request
            .facets
            .iter()
            .copied()
            .filter(|facet| !has_filter(&filters, *facet))
            .collect();
        // Without words or filters the facets are every document's, remembered.
        let browsing_everything = text_query.is_none() && filters.is_empty();
        let counted_with_hits: &[FacetName] = if browsing_everything { &[] } else { &in_main_pass };
        let (ranked, total, main_tallies) = self.ranked(
            &searcher,
            &statistics,
            threads,
            &*query,
            proximity,
            request,
            counted_with_hits,
        )?;
        let main_tallies = (!browsing_everything).then_some(main_tallies);
        let page: Vec<Group> = if request.limit == 0 {
            Vec::new()
        } else if request.collapse {
            collapse(&searcher, &self.fingerprints, ranked, request.offset, request.limit)?
        } else {
            ranked.into_iter().map(|hit| (hit, Vec::new())).collect()
        };
        let terms = built.as_ref().map(|built| &built.terms);
        let facet_levels = |in_main_pass: Vec<FacetName>, main_tallies: Option<FacetTallies>| {
            self.facet_levels(
                &searcher,
                &statistics,
                threads,
                (text_query, &filters),
                request,
                in_main_pass,
                main_tallies,
            )
        };
        // With filtered facets to count again, the page is read and highlighted meanwhile, on
        // the pool, side by side (without, listing the facets is too little work to hand off).
        let recount = request.facets.iter().any(|facet| has_filter(&filters, *facet));
        let (hits, facets) = match threads {
            Threads::Pool if recount => {
                let made = searcher.index().search_executor().map(
                    |part: Part| {
                        Ok(match part {
                            Part::Page(page) => self.hits(&searcher, terms, request.fragments, page).map(Made::Page),
                            Part::Facets(counted, tallies) => facet_levels(counted, tallies).map(Made::Facets),
                        })
                    },
                    [Part::Page(page), Part::Facets(in_main_pass, main_tallies)].into_iter(),
                )?;
                let (mut hits, mut facets) = (Vec::new(), BTreeMap::new());
                for made in made {
                    match made? {
                        Made::Page(page) => hits = page,
                        Made::Facets(levels) => facets = levels,
                    }
                }
                (hits, facets)
            }
            _ => (
                self.hits(&searcher, terms, request.fragments, page)?,
                facet_levels(in_main_pass, main_tallies)?,
            ),
        };
        Ok(SearchResponse {
            total,
            took_us: started.elapsed().as_micros() as u64,
            hits,
            facets,
        })
    }

    /// The response's facets: those counted in the main pass (`in_main_pass`, their
    /// `main_tallies`, `None` when they are every document's) and each filtered facet counted
    /// again without its own filter (every document's when it is the only filter of a search
    /// without words).
    #[allow(clippy::too_many_arguments)]
    fn facet_levels(
        &self,
        searcher: &Searcher,
        statistics: &Statistics<'_>,
        threads: Threads,
        (text_query, filters): (Option<&dyn Query>, &Filters),
        request: &SearchRequest,
        in_main_pass: Vec<FacetName>,
        main_tallies: Option<FacetTallies>,
    ) -> Result<BTreeMap<&'static str, FacetLevel>, SearchError> {
        let expanded = filters::expanded_paths(request, &self.vocab);
        let mut recounted = Vec::new();
        let mut of_everything = Vec::new();
        for facet in request
            .facets
            .iter()
            .copied()
            .filter(|facet| has_filter(filters, *facet))
        {
            if text_query.is_none() && filters.iter().all(|(owner, _)| *owner == facet) {
                of_everything.push(facet);
                continue;
            }
            let query = combine(text_query, filters, Some(facet));
            recounted.push((
                vec![facet],
                threads.search(
                    searcher,
                    statistics,
                    &*query,
                    &self.facet_collector(searcher, &[facet])?,
                )?,
            ));
        }
        let everything = if (main_tallies.is_none() && !in_main_pass.is_empty()) || !of_everything.is_empty() {
            Some(
                self.lookups
                    .everything(searcher, || -> Result<FacetTallies, SearchError> {
                        let every_facet = self.facet_collector(searcher, &FacetName::ALL)?;
                        Ok(threads.search(searcher, statistics, &AllQuery, &every_facet)?)
                    })?,
            )
        } else {
            None
        };
        let mut passes: Vec<(Vec<FacetName>, &FacetTallies)> = Vec::with_capacity(recounted.len() + 2);
        match (&main_tallies, &everything) {
            (Some(tallies), _) => passes.push((in_main_pass, tallies)),
            (None, Some(everything)) => passes.push((in_main_pass, everything)),
            (None, None) => {}
        }
        if let Some(everything) = &everything {
            passes.push((of_everything, everything));
        }
        passes.extend(recounted.iter().map(|(facets, tallies)| (facets.clone(), tallies)));
        Ok(facets::levels(passes, request.facet_limit, &expanded))
    }

    /// The page of hits in the requested order, the total, and the counts of `facets`, in
    /// one pass over the matches.
    #[allow(clippy::too_many_arguments)]
    fn ranked(
        &self,
        searcher: &Searcher,
        statistics: &Statistics<'_>,
        threads: Threads,
        query: &dyn Query,
        proximity: Option<&Proximity>,
        request: &SearchRequest,
        facets: &[FacetName],
    ) -> Result<(Ranked, usize, FacetTallies), SearchError> {
        let collector = self.facet_collector(searcher, facets)?;
        // Collapsing looks at the hits before the page and a window after it.
        let collapsing = request.collapse && request.limit > 0;
        let wanted = if collapsing {
            request.offset + request.limit + COLLAPSE_WINDOW
        } else {
            request.offset + request.limit.max(1)
        };
        let top = if collapsing {
            TopDocs::with_limit(wanted)
        } else {
            TopDocs::with_limit(request.limit.max(1)).and_offset(request.offset)
        };
        match (request.sort, proximity) {
            (SortOrder::Relevance, Some(proximity)) => {
                // Ranked by the words alone, then the best rescored with the loose phrase.
                let window = TopDocs::with_limit(wanted.max(RESCORE_WINDOW)).order_by_score();
                let (best, total, tallies) =
                    threads.search(searcher, statistics, query, &(window, Count, collector))?;
                let skip = if collapsing { 0 } else { request.offset };
                let ranked = rescore(searcher, statistics, proximity, best)?
                    .into_iter()
                    .skip(skip)
                    .take(wanted - skip)
                    .map(|(score, address)| (Some(score), address))
                    .collect();
                Ok((ranked, total, tallies))
            }
            (SortOrder::Relevance, None) => collect(
                searcher,
                statistics,
                threads,
                query,
                top.order_by_score(),
                collector,
                Some,
            ),
            (SortOrder::Recency, proximity) => {
                // The recency weight multiplies the whole score: the phrase is scored inline.
                let with_phrase = proximity.map(|proximity| with_proximity(query, &*proximity.query()));
                let query = with_phrase.as_deref().unwrap_or(query);
                let now = time::OffsetDateTime::now_utc().unix_timestamp();
                let weighted = top.tweak_score(move |segment: &tantivy::SegmentReader| {
                    let dates = segment
                        .fast_fields()
                        .column_opt::<DateTime>(schema::DATE)
                        .ok()
                        .flatten();
                    move |doc: tantivy::DocId, score: tantivy::Score| {
                        let date = dates.as_ref().and_then(|column| column.first(doc));
                        score * recency_factor(date.map(|date| date.into_timestamp_secs()), now)
                    }
                });
                collect(searcher, statistics, threads, query, weighted, collector, Some)
            }
            // Under a date sort the score ranks nothing: the phrase is not scored.
            (SortOrder::DateDesc | SortOrder::DateAsc, _) => {
                let order = if request.sort == SortOrder::DateDesc {
                    Order::Desc
                } else {
                    Order::Asc
                };
                let by_date = top.order_by_fast_field::<DateTime>(schema::DATE, order);
                collect(searcher, statistics, threads, query, by_date, collector, |_| None)
            }
        }
    }

    pub(super) fn facet_collector(
        &self,
        searcher: &Searcher,
        facets: &[FacetName],
    ) -> Result<FacetCountCollector<'_>, SearchError> {
        Ok(FacetCountCollector::new(facets, &self.facet_tables, searcher)?)
    }
}

/// `query` with the loose phrase added to its score (not to what it matches).
fn with_proximity(query: &dyn Query, proximity: &dyn Query) -> Box<dyn Query> {
    Box::new(BooleanQuery::new(vec![
        (Occur::Must, query.box_clone()),
        (Occur::Should, proximity.box_clone()),
    ]))
}

/// Top hits by `top`, the count and the facet counts in one pass; `score` tells what of a
/// hit's sort key is a score.
fn collect<C, K>(
    searcher: &Searcher,
    statistics: &Statistics<'_>,
    threads: Threads,
    query: &dyn Query,
    top: C,
    facets: FacetCountCollector<'_>,
    score: impl Fn(K) -> Option<f32>,
) -> Result<(Ranked, usize, FacetTallies), SearchError>
where
    C: Collector<Fruit = Vec<(K, DocAddress)>>,
{
    let (top, total, tallies) = threads.search(searcher, statistics, query, &(top, Count, facets))?;
    let ranked = top.into_iter().map(|(key, address)| (score(key), address)).collect();
    Ok((ranked, total, tallies))
}
