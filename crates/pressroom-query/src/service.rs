//! Runs search requests on an index: query building ([`crate::query`]), facet filters, date
//! range, sorting, counting, disjunctive facet trees, highlighting, facet value search and
//! similar documents.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Bound;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Instant;

use pressroom_enrich::{fold, Enricher, Gazetteer};
use pressroom_index::schema::{self, Fields, StemmedFields, STEMMED_LANGUAGES, TEXT_ANALYZER};
use pressroom_index::StoredDocument;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{AllQuery, BooleanQuery, MoreLikeThisQuery, Occur, Query, RangeQuery, TermQuery};
use tantivy::schema::{Facet, IndexRecordOption, OwnedValue};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{DateTime, DocAddress, Index, IndexReader, Order, ReloadPolicy, Searcher, TantivyDocument, Term};

use crate::error::SearchError;
use crate::expansion::ExpansionTable;
use crate::facets::{leaf_name, parent_path, FacetCountCollector, FacetTableCache, FacetTallies};
use crate::highlight::Highlighter;
use crate::html;
use crate::query::{Analyzers, BuiltQuery, MatchOptions, MatchedTerms, QueryBuilder};
use crate::request::{FacetName, FacetValueRequest, SearchRequest, SortOrder};
use crate::response::{FacetLevel, FacetMatch, FacetValue, FacetValuesResponse, Hit, SearchResponse, SimilarResponse};

const SNIPPET_CHARS: usize = 240;
/// Terms a "similar releases" query is made of.
const SIMILAR_QUERY_TERMS: usize = 25;
pub const MAX_SIMILAR: usize = 50;

/// Vocabularies every generation shares: the enricher (gazetteer, organizations, topics),
/// the expansion table, and the names facet value search matches.
pub(crate) struct Vocabulary {
    enricher: Enricher,
    expansions: ExpansionTable,
    /// Readable names and searchable (folded) names of organization and country values.
    organization_names: HashMap<String, ValueNames>,
    country_names: HashMap<String, ValueNames>,
}

impl Vocabulary {
    fn load() -> Result<Vocabulary, SearchError> {
        let enricher = Enricher::new().map_err(|error| SearchError::Internal(error.to_string()))?;
        let organization_names = enricher
            .organizations()
            .iter()
            .map(|organization| {
                let names = ValueNames {
                    label: (organization.name != organization.canonical).then(|| organization.name.clone()),
                    folded: organization.all_names().map(fold).collect(),
                };
                (organization.canonical.clone(), names)
            })
            .collect();
        let country_names = enricher
            .gazetteer()
            .countries()
            .iter()
            .map(|country| {
                let names = ValueNames {
                    label: Some(country.name.clone()),
                    folded: country
                        .names
                        .iter()
                        .chain([&country.name])
                        .map(|name| fold(name))
                        .collect(),
                };
                (country.iso3.clone(), names)
            })
            .collect();
        Ok(Vocabulary {
            enricher,
            expansions: ExpansionTable::load()?,
            organization_names,
            country_names,
        })
    }
}

/// What facet value search knows of a value beyond its own text.
struct ValueNames {
    label: Option<String>,
    /// Folded: full name, aliases, names in other languages.
    folded: Vec<String>,
}

/// Which facet a filter belongs to: its own counts ignore it.
type Filters = Vec<(FacetName, Box<dyn Query>)>;

/// The outcome of [`SearchService::reload`].
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct ReloadOutcome {
    pub generation: Option<String>,
    pub switched: bool,
    pub documents: u64,
}

/// The outcome of a write: documents written (new or replaced) or deleted.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct WriteOutcome {
    pub written: usize,
    pub replaced: usize,
    pub deleted: usize,
    pub documents: u64,
}

/// The search service: the generation being served (swapped atomically on reload: searches
/// in flight finish on the one they started with), and writes to it.
pub struct SearchService {
    /// The index folder (`CURRENT` + generations); `None` for an index opened directly.
    dir: Option<PathBuf>,
    vocabulary: Arc<Vocabulary>,
    current: RwLock<Arc<Snapshot>>,
    /// Writes (and reloads) one at a time.
    write_lock: Mutex<()>,
}

impl SearchService {
    /// Opens the current generation of an index folder.
    pub fn open(dir: &Path) -> Result<SearchService, SearchError> {
        let vocabulary = Arc::new(Vocabulary::load()?);
        let snapshot = Snapshot::open_dir(dir, vocabulary.clone())?;
        Ok(SearchService {
            dir: Some(dir.to_path_buf()),
            vocabulary,
            current: RwLock::new(Arc::new(snapshot)),
            write_lock: Mutex::new(()),
        })
    }

    /// Serves an index opened by the caller (no reload: there is no folder to watch).
    pub fn new(index: Index, fields: Fields) -> Result<SearchService, SearchError> {
        let vocabulary = Arc::new(Vocabulary::load()?);
        let snapshot = Snapshot::new(index, fields, None, vocabulary.clone())?;
        Ok(SearchService {
            dir: None,
            vocabulary,
            current: RwLock::new(Arc::new(snapshot)),
            write_lock: Mutex::new(()),
        })
    }

    /// The generation being served now; searches hold it until they finish.
    fn snapshot(&self) -> Arc<Snapshot> {
        match self.current.read() {
            Ok(current) => current.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    fn replace_snapshot(&self, snapshot: Snapshot) {
        let snapshot = Arc::new(snapshot);
        match self.current.write() {
            Ok(mut current) => *current = snapshot,
            Err(poisoned) => *poisoned.into_inner() = snapshot,
        }
    }

    pub fn num_documents(&self) -> u64 {
        self.snapshot().num_documents()
    }

    /// Documents, segments and bytes of the served generation.
    pub fn index_stats(&self) -> IndexStats {
        let snapshot = self.snapshot();
        let searcher = snapshot.reader.searcher();
        IndexStats {
            documents: searcher.num_docs(),
            segments: searcher.segment_readers().len(),
            bytes: snapshot.generation.as_deref().map_or(0, pressroom_index::folder_size),
        }
    }

    /// The generation folder being served.
    pub fn generation(&self) -> Option<PathBuf> {
        self.snapshot().generation.clone()
    }

    pub fn gazetteer(&self) -> &Gazetteer {
        self.vocabulary.enricher.gazetteer()
    }

    pub fn search(&self, request: &SearchRequest) -> Result<SearchResponse, SearchError> {
        self.snapshot().search(request)
    }

    pub fn facet_values(&self, request: &FacetValueRequest) -> Result<FacetValuesResponse, SearchError> {
        self.snapshot().facet_values(request)
    }

    pub fn similar(&self, id: &str, limit: usize, same: &[FacetName]) -> Result<SimilarResponse, SearchError> {
        self.snapshot().similar(id, limit, same)
    }

    pub fn document(&self, id: &str) -> Result<StoredDocument, SearchError> {
        self.snapshot().document(id)
    }

    /// Switches to the generation `CURRENT` names when it is not the one served. Requests in
    /// flight finish on the old generation; new ones see the new one.
    pub fn reload(&self) -> Result<ReloadOutcome, SearchError> {
        let _writing = self.write_lock.lock().map_err(|_| poisoned())?;
        let served = self.snapshot();
        let Some(dir) = &self.dir else {
            return Ok(served.outcome(false));
        };
        // A cheap look first; the generation opened is the one `open_current` read, which
        // may be newer still.
        let current = pressroom_index::current_generation(dir);
        if current.is_none() || current == served.generation {
            return Ok(served.outcome(false));
        }
        let snapshot = Snapshot::open_dir(dir, self.vocabulary.clone())?;
        if snapshot.generation == served.generation {
            return Ok(served.outcome(false));
        }
        snapshot.warm()?;
        let outcome = snapshot.outcome(true);
        self.replace_snapshot(snapshot);
        tracing::info!(generation = ?outcome.generation, documents = outcome.documents, "switched to a new generation");
        Ok(outcome)
    }

    /// Builds every facet table of the served generation, so the first searches are not slow.
    pub fn warm(&self) -> Result<(), SearchError> {
        self.snapshot().warm()
    }

    /// Adds or replaces records by id in the served generation; visible when this returns.
    pub fn upsert(&self, records: &[pressroom_ingest::Record]) -> Result<WriteOutcome, SearchError> {
        let _writing = self.write_lock.lock().map_err(|_| poisoned())?;
        let served = self.snapshot();
        let (written, replaced) =
            pressroom_index::upsert_documents(&served.index, &served.fields, &self.vocabulary.enricher, records)
                .map_err(write_error)?;
        served.reader.reload()?;
        Ok(WriteOutcome {
            written,
            replaced,
            deleted: 0,
            documents: served.num_documents(),
        })
    }

    /// Deletes a document by id; `DocumentNotFound` when there is none.
    pub fn delete(&self, id: &str) -> Result<WriteOutcome, SearchError> {
        let _writing = self.write_lock.lock().map_err(|_| poisoned())?;
        let served = self.snapshot();
        let deleted =
            pressroom_index::delete_documents(&served.index, &served.fields, &[id.to_string()]).map_err(write_error)?;
        if deleted == 0 {
            return Err(SearchError::DocumentNotFound(id.to_string()));
        }
        served.reader.reload()?;
        Ok(WriteOutcome {
            written: 0,
            replaced: 0,
            deleted,
            documents: served.num_documents(),
        })
    }
}

/// What `/metrics` reports of the served index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IndexStats {
    pub documents: u64,
    pub segments: usize,
    pub bytes: u64,
}

fn poisoned() -> SearchError {
    SearchError::Internal("a lock was poisoned by a panic".to_string())
}

fn write_error(error: pressroom_index::IndexError) -> SearchError {
    match error {
        pressroom_index::IndexError::Locked => SearchError::IndexBusy,
        other => SearchError::Internal(other.to_string()),
    }
}

/// One generation of the index, with its reader and facet tables.
pub(crate) struct Snapshot {
    generation: Option<PathBuf>,
    /// Keeps builds from removing the generation while it is served.
    _lease: Option<pressroom_index::Lease>,
    index: Index,
    reader: IndexReader,
    fields: Fields,
    facet_tables: FacetTableCache,
    vocab: Arc<Vocabulary>,
}

impl Snapshot {
    fn open_dir(dir: &Path, vocab: Arc<Vocabulary>) -> Result<Snapshot, SearchError> {
        let generation =
            pressroom_index::open_current(dir).map_err(|error| SearchError::Internal(error.to_string()))?;
        let mut snapshot = Snapshot::new(generation.index, generation.fields, Some(generation.path), vocab)?;
        snapshot._lease = Some(generation.lease);
        Ok(snapshot)
    }

    fn new(
        mut index: Index,
        fields: Fields,
        generation: Option<PathBuf>,
        vocab: Arc<Vocabulary>,
    ) -> Result<Snapshot, SearchError> {
        // Segments are searched in parallel, one thread per core: a heavy query (thousands
        // of hits, all facets) finishes sooner when the server is not saturated.
        index.set_default_multithread_executor()?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::OnCommitWithDelay)
            .try_into()?;
        Ok(Snapshot {
            generation,
            _lease: None,
            index,
            reader,
            fields,
            facet_tables: FacetTableCache::default(),
            vocab,
        })
    }

    fn outcome(&self, switched: bool) -> ReloadOutcome {
        ReloadOutcome {
            generation: self.generation.as_deref().and_then(pressroom_index::generation_name),
            switched,
            documents: self.num_documents(),
        }
    }

    /// Counts every facet of every document once: builds the facet tables.
    fn warm(&self) -> Result<(), SearchError> {
        let request = SearchRequest {
            limit: 0,
            facets: FacetName::ALL.to_vec(),
            ..SearchRequest::default()
        };
        self.search(&request).map(|_| ())
    }

    pub fn num_documents(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    fn gazetteer(&self) -> &Gazetteer {
        self.vocab.enricher.gazetteer()
    }

    fn searcher(&self) -> Searcher {
        let searcher = self.reader.searcher();
        let live: Vec<_> = searcher
            .segment_readers()
            .iter()
            .map(|segment| segment.segment_id())
            .collect();
        self.facet_tables.retain_segments(&live);
        searcher
    }

    pub fn search(&self, request: &SearchRequest) -> Result<SearchResponse, SearchError> {
        let started = Instant::now();
        let searcher = self.searcher();
        let built = self.text_query(&searcher, request)?;
        let text_query = built.as_ref().map(|built| built.query.as_ref());
        let filters = self.filters(request)?;
        let query = combine(text_query, &filters, None);

        // Facets without a filter of their own are counted with the hits; each filtered
        // facet is counted again without its own filter (multi-select faceting).
        let has_filter = |facet: FacetName| filters.iter().any(|(owner, _)| *owner == facet);
        let in_main_pass: Vec<FacetName> = request.facets.iter().copied().filter(|f| !has_filter(*f)).collect();
        let wanted = request.limit.max(1);
        let collector = self.facet_collector(&in_main_pass);
        let (ranked, total, main_tallies): (Vec<(Option<f32>, DocAddress)>, usize, FacetTallies) = match request.sort {
            SortOrder::Relevance => {
                let top = TopDocs::with_limit(wanted).and_offset(request.offset).order_by_score();
                let (top, total, tallies) = searcher.search(&*query, &(top, Count, collector))?;
                let ranked = top.into_iter().map(|(score, address)| (Some(score), address)).collect();
                (ranked, total, tallies)
            }
            SortOrder::Recency => {
                let now = time::OffsetDateTime::now_utc().unix_timestamp();
                let top = TopDocs::with_limit(wanted).and_offset(request.offset).tweak_score(
                    move |segment: &tantivy::SegmentReader| {
                        let dates = segment
                            .fast_fields()
                            .column_opt::<DateTime>(schema::DATE)
                            .ok()
                            .flatten();
                        move |doc: tantivy::DocId, score: tantivy::Score| {
                            let date = dates.as_ref().and_then(|column| column.first(doc));
                            score * recency_factor(date.map(|date| date.into_timestamp_secs()), now)
                        }
                    },
                );
                let (top, total, tallies) = searcher.search(&*query, &(top, Count, collector))?;
                let ranked = top.into_iter().map(|(score, address)| (Some(score), address)).collect();
                (ranked, total, tallies)
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
                let (top, total, tallies) = searcher.search(&*query, &(top, Count, collector))?;
                (
                    top.into_iter().map(|(_, address)| (None, address)).collect(),
                    total,
                    tallies,
                )
            }
        };
        let ranked = if request.limit == 0 { Vec::new() } else { ranked };
        let hits = self.hits(
            &searcher,
            built.as_ref().map(|built| &built.terms),
            request.fragments,
            ranked,
        )?;

        let expanded = self.expanded_paths(request)?;
        let mut facets = BTreeMap::new();
        self.put_facets(&mut facets, &in_main_pass, main_tallies, request, &expanded);
        for facet in request.facets.iter().copied().filter(|facet| has_filter(*facet)) {
            let query = combine(text_query, &filters, Some(facet));
            let tallies = searcher.search(&*query, &self.facet_collector(&[facet]))?;
            self.put_facets(&mut facets, &[facet], tallies, request, &expanded);
        }
        Ok(SearchResponse {
            total,
            took_us: started.elapsed().as_micros() as u64,
            hits,
            facets,
        })
    }

    /// The values of one facet whose name (or, for codes and acronyms, whose readable name or
    /// alias) starts with the prefix, or has a word that does, counted under the search.
    pub fn facet_values(&self, request: &FacetValueRequest) -> Result<FacetValuesResponse, SearchError> {
        let started = Instant::now();
        let searcher = self.searcher();
        let built = self.text_query(&searcher, &request.search)?;
        let filters = self.filters(&request.search)?;
        let query = combine(
            built.as_ref().map(|built| built.query.as_ref()),
            &filters,
            Some(request.facet),
        );
        let tallies = searcher.search(&*query, &self.facet_collector(&[request.facet]))?;
        let prefix = fold(&request.prefix);
        let mut matches: Vec<FacetMatch> = Vec::new();
        let counts: Vec<(String, u64)> = if request.facet == FacetName::Year {
            tallies
                .years
                .iter()
                .map(|(year, count)| (year.to_string(), *count))
                .collect()
        } else {
            tallies
                .by_field
                .into_iter()
                .next()
                .unwrap_or_default()
                .into_iter()
                .collect()
        };
        for (path, count) in counts {
            let value = if request.facet == FacetName::Year {
                path.clone()
            } else {
                leaf_name(&path)
            };
            let known = match request.facet {
                FacetName::Org => self.vocab.organization_names.get(&value),
                FacetName::Country | FacetName::Mentioned => self.vocab.country_names.get(&value),
                _ => None,
            };
            let matches_prefix = prefix.is_empty()
                || name_matches(&fold(&value), &prefix)
                || known.is_some_and(|names| names.folded.iter().any(|name| name_matches(name, &prefix)));
            if matches_prefix {
                matches.push(FacetMatch {
                    value,
                    path,
                    label: known.and_then(|names| names.label.clone()),
                    count,
                });
            }
        }
        matches.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.path.cmp(&b.path)));
        let other_values = matches.len().saturating_sub(request.search.facet_limit);
        matches.truncate(request.search.facet_limit);
        Ok(FacetValuesResponse {
            facet: request.facet.as_str(),
            took_us: started.elapsed().as_micros() as u64,
            values: matches,
            other_values,
        })
    }

    /// Releases like `id` (more-like-this over its title and body), optionally only those
    /// sharing its values of the `same` facets.
    pub fn similar(&self, id: &str, limit: usize, same: &[FacetName]) -> Result<SimilarResponse, SearchError> {
        let started = Instant::now();
        let searcher = self.searcher();
        let address = self.address_of(&searcher, id)?;
        let document: TantivyDocument = searcher.doc(address)?;
        let stored = StoredDocument::from_tantivy(&self.fields, &document);
        let num_docs = searcher.num_docs().max(1);
        let like_this = MoreLikeThisQuery::builder()
            .with_min_doc_frequency(2)
            .with_max_doc_frequency((num_docs / 4).max(20))
            .with_min_term_frequency(1)
            .with_min_word_length(4)
            .with_max_query_terms(SIMILAR_QUERY_TERMS)
            .with_document_fields(vec![
                (self.fields.title, vec![OwnedValue::Str(stored.title.clone())]),
                (self.fields.body, vec![OwnedValue::Str(stored.body.clone())]),
            ]);
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![
            (Occur::Must, Box::new(like_this)),
            (
                Occur::MustNot,
                Box::new(TermQuery::new(
                    Term::from_field_text(self.fields.id, id),
                    IndexRecordOption::Basic,
                )),
            ),
        ];
        for facet in same {
            let Some(field) = self.fields.facet(facet.as_str()) else {
                continue;
            };
            let values: Vec<(Occur, Box<dyn Query>)> = document
                .get_all(field)
                .filter_map(|value| tantivy::schema::Value::as_facet(&value).map(str::to_string))
                .filter_map(|encoded| Facet::from_encoded(encoded.into_bytes()).ok())
                .map(|facet| {
                    let query: Box<dyn Query> = Box::new(TermQuery::new(
                        Term::from_facet(field, &facet),
                        IndexRecordOption::Basic,
                    ));
                    (Occur::Should, query)
                })
                .collect();
            if values.is_empty() {
                continue;
            }
            clauses.push((Occur::Must, Box::new(BooleanQuery::new(values))));
        }
        let top = searcher.search(
            &BooleanQuery::new(clauses),
            &TopDocs::with_limit(limit.max(1)).order_by_score(),
        )?;
        let ranked = top.into_iter().map(|(score, address)| (Some(score), address)).collect();
        let hits = if limit == 0 {
            Vec::new()
        } else {
            self.hits(&searcher, None, 1, ranked)?
        };
        Ok(SimilarResponse {
            id: id.to_string(),
            took_us: started.elapsed().as_micros() as u64,
            hits,
        })
    }

    /// The whole stored document with its enrichment.
    pub fn document(&self, id: &str) -> Result<StoredDocument, SearchError> {
        let searcher = self.reader.searcher();
        let address = self.address_of(&searcher, id)?;
        let document: TantivyDocument = searcher.doc(address)?;
        Ok(StoredDocument::from_tantivy(&self.fields, &document))
    }

    fn address_of(&self, searcher: &Searcher, id: &str) -> Result<DocAddress, SearchError> {
        let query = TermQuery::new(Term::from_field_text(self.fields.id, id), IndexRecordOption::Basic);
        let found = searcher.search(&query, &TopDocs::with_limit(1).order_by_score())?;
        found
            .first()
            .map(|(_, address)| *address)
            .ok_or_else(|| SearchError::DocumentNotFound(id.to_string()))
    }

    fn facet_collector(&self, facets: &[FacetName]) -> FacetCountCollector<'_> {
        FacetCountCollector {
            fields: facets
                .iter()
                .filter(|facet| **facet != FacetName::Year)
                .map(|facet| facet.as_str())
                .collect(),
            year_field: facets.contains(&FacetName::Year).then_some(schema::YEAR),
            cache: &self.facet_tables,
        }
    }

    /// Adds the levels of `facets` (in the collector's order) to the response.
    fn put_facets(
        &self,
        out: &mut BTreeMap<&'static str, FacetLevel>,
        facets: &[FacetName],
        tallies: FacetTallies,
        request: &SearchRequest,
        expanded: &HashSet<String>,
    ) {
        let mut by_field = tallies.by_field.into_iter();
        for facet in facets {
            if *facet == FacetName::Year {
                let values = tallies
                    .years
                    .iter()
                    .map(|(year, count)| FacetValue {
                        value: year.to_string(),
                        path: None,
                        count: *count,
                        expandable: false,
                        children: None,
                    })
                    .collect();
                out.insert(
                    facet.as_str(),
                    FacetLevel {
                        values,
                        other_values: 0,
                    },
                );
                continue;
            }
            let counts = by_field.next().unwrap_or_default();
            let tree = FacetTree::new(&counts);
            let level = tree.level("", facet.is_hierarchical(), request.facet_limit, expanded);
            out.insert(facet.as_str(), level);
        }
    }

    /// Paths whose children the trees list: the filtered values and their ancestors, and
    /// those asked for with `facet_expand`.
    fn expanded_paths(&self, request: &SearchRequest) -> Result<HashSet<String>, SearchError> {
        let mut expanded = HashSet::new();
        let mut add_with_ancestors = |path: String| {
            let mut current = path.as_str();
            while !current.is_empty() {
                expanded.insert(current.to_string());
                current = parent_path(current);
            }
        };
        for name in request.region.iter().chain(&request.facet_expand) {
            if let Some(path) = self.gazetteer().region_path(name) {
                add_with_ancestors(path);
            }
        }
        for path in request.topic.iter().chain(&request.facet_expand) {
            if let Some(known) = self.topic_path(path) {
                add_with_ancestors(known);
            }
        }
        for path in &request.facet_expand {
            if path.starts_with('/') {
                add_with_ancestors(path.clone());
            }
        }
        Ok(expanded)
    }

    fn topic_path(&self, path: &str) -> Option<String> {
        let wanted = format!("/{}", path.trim().trim_matches('/'));
        self.vocab
            .enricher
            .topic_paths()
            .iter()
            .find(|known| {
                known.eq_ignore_ascii_case(&wanted) || known.replace("\\/", "/").eq_ignore_ascii_case(&wanted)
            })
            .cloned()
    }

    /// The analyzers a query is analysed with: the base one, and each stemmed language in
    /// scope — those given with `lang`, else every language the index holds.
    fn analyzers(&self, searcher: &Searcher, languages: &[String]) -> Result<Analyzers, SearchError> {
        let tokenizers = self.index.tokenizers();
        let base = tokenizers
            .get(TEXT_ANALYZER)
            .ok_or_else(|| SearchError::Internal("the text analyzer is not registered".to_string()))?;
        let mut stemmed = Vec::new();
        for stemmed_fields in self.fields.stemmed {
            let in_scope = if languages.is_empty() {
                indexed(searcher, &stemmed_fields)?
            } else {
                languages.iter().any(|lang| lang == stemmed_fields.lang)
            };
            if !in_scope {
                continue;
            }
            if let Some(analyzer) = tokenizers.get(&schema::stemmed_analyzer_name(stemmed_fields.lang)) {
                stemmed.push((stemmed_fields, analyzer));
            }
        }
        Ok(Analyzers { base, stemmed })
    }

    /// The user's query; `None` for an empty query.
    fn text_query(&self, searcher: &Searcher, request: &SearchRequest) -> Result<Option<BuiltQuery>, SearchError> {
        if request.q.trim().is_empty() {
            return Ok(None);
        }
        let analyzers = self.analyzers(searcher, &request.lang)?;
        let options = MatchOptions {
            typo: request.typo,
            prefix: request.prefix,
            expand: request.expand,
        };
        QueryBuilder::new(searcher, &self.fields, analyzers, &self.vocab.expansions, options).build(&request.q)
    }

    /// One filter per filtered facet (OR within it), and the date range (owned by `year`).
    fn filters(&self, request: &SearchRequest) -> Result<Filters, SearchError> {
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
                self.topic_path(path).ok_or_else(|| {
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
                self.vocab
                    .enricher
                    .canonical_organization(name)
                    .map(str::to_string)
                    .unwrap_or_else(|| name.clone())
            })
            .collect();
        let facet_filters: [(FacetName, &[String], bool); 7] = [
            (FacetName::Region, &region_paths, true),
            (FacetName::Country, &request.country, false),
            (FacetName::Mentioned, &request.mentioned, false),
            (FacetName::Topic, &topic_paths, true),
            (FacetName::Org, &organizations, false),
            (FacetName::Lang, &request.lang, false),
            (FacetName::Source, &request.source, false),
        ];
        let mut filters: Filters = Vec::new();
        for (facet, values, is_path) in facet_filters {
            let Some(field) = self.fields.facet(facet.as_str()) else {
                continue;
            };
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
            filters.push((facet, Box::new(BooleanQuery::new(alternatives))));
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
            filters.push((FacetName::Year, Box::new(RangeQuery::new(lower, upper))));
        }
        Ok(filters)
    }

    fn hits(
        &self,
        searcher: &Searcher,
        matched: Option<&MatchedTerms>,
        fragments: usize,
        ranked: Vec<(Option<f32>, DocAddress)>,
    ) -> Result<Vec<Hit>, SearchError> {
        let mut highlighter = match matched {
            Some(terms) => {
                let tokenizers = self.index.tokenizers();
                let base = tokenizers
                    .get(TEXT_ANALYZER)
                    .ok_or_else(|| SearchError::Internal("the text analyzer is not registered".to_string()))?;
                let stemmed: HashMap<&'static str, TextAnalyzer> = STEMMED_LANGUAGES
                    .iter()
                    .filter(|(code, _)| terms.stemmed.contains_key(code))
                    .filter_map(|(code, _)| {
                        tokenizers
                            .get(&schema::stemmed_analyzer_name(code))
                            .map(|analyzer| (*code, analyzer))
                    })
                    .collect();
                Some(Highlighter::new(terms, base, stemmed))
            }
            None => None,
        };
        let mut hits = Vec::with_capacity(ranked.len());
        for (score, address) in ranked {
            let document: TantivyDocument = searcher.doc(address)?;
            let stored = StoredDocument::from_tantivy(&self.fields, &document);
            let lang = stored.enrichment.lang.as_str();
            let (title_html, fragments) = match highlighter.as_mut() {
                Some(highlighter) => (
                    highlighter.whole(&stored.title, lang),
                    highlighter.fragments(&stored.body, lang, fragments),
                ),
                None => (
                    html::escape(&stored.title),
                    vec![html::escape(&leading_text(&stored.body, SNIPPET_CHARS))],
                ),
            };
            hits.push(Hit {
                id: stored.id,
                title: stored.title,
                title_html,
                date: stored.enrichment.date,
                lang: stored.enrichment.lang,
                source: stored.source,
                url: stored.url,
                score,
                snippet: fragments.first().cloned().unwrap_or_default(),
                fragments,
                regions: stored.enrichment.regions,
                countries: stored.enrichment.main_countries,
                topics: stored.enrichment.topics,
                organizations: stored.enrichment.organizations,
            });
        }
        Ok(hits)
    }
}

/// Years over which a release's weight under `sort=recency` halves its distance to ½.
pub const RECENCY_HALF_LIFE_YEARS: f32 = 5.0;

/// `sort=recency` multiplies the relevance score by ½ + ½·2^(−age / 5 years): 1 for a release
/// of today, ¾ at five years, tending to ½; an undated release counts as old (½).
pub fn recency_factor(timestamp_secs: Option<i64>, now_secs: i64) -> f32 {
    let Some(timestamp) = timestamp_secs else {
        return 0.5;
    };
    let age_years = (now_secs - timestamp).max(0) as f32 / (365.25 * 86_400.0);
    0.5 + 0.5 * (-age_years / RECENCY_HALF_LIFE_YEARS).exp2()
}

/// Whether any segment holds text analysed in that language.
fn indexed(searcher: &Searcher, stemmed: &StemmedFields) -> Result<bool, SearchError> {
    for segment in searcher.segment_readers() {
        if segment.inverted_index(stemmed.body)?.terms().num_terms() > 0 {
            return Ok(true);
        }
    }
    Ok(false)
}

/// The text query and every filter except `without`'s, all required.
fn combine(text: Option<&dyn Query>, filters: &Filters, without: Option<FacetName>) -> Box<dyn Query> {
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

/// Whether a folded prefix starts a folded name or one of its words.
fn name_matches(name: &str, folded_prefix: &str) -> bool {
    name.starts_with(folded_prefix)
        || name
            .split(|c: char| !c.is_alphanumeric())
            .any(|word| word.starts_with(folded_prefix))
}

/// A facet's counts arranged by parent path.
struct FacetTree<'a> {
    children: HashMap<&'a str, Vec<(&'a str, u64)>>,
}

impl<'a> FacetTree<'a> {
    fn new(counts: &'a HashMap<String, u64>) -> FacetTree<'a> {
        let mut children: HashMap<&str, Vec<(&str, u64)>> = HashMap::new();
        for (path, count) in counts {
            children
                .entry(parent_path(path))
                .or_default()
                .push((path.as_str(), *count));
        }
        for values in children.values_mut() {
            values.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        }
        FacetTree { children }
    }

    /// The children of `parent` (`""` for the top level), most frequent first; expanded
    /// nodes carry their own level.
    fn level(&self, parent: &str, hierarchical: bool, limit: usize, expanded: &HashSet<String>) -> FacetLevel {
        let children = self.children.get(parent).map(Vec::as_slice).unwrap_or(&[]);
        let values = children
            .iter()
            .take(limit)
            .map(|(path, count)| {
                let has_children = hierarchical && self.children.contains_key(path);
                FacetValue {
                    value: leaf_name(path),
                    path: Some(path.to_string()),
                    count: *count,
                    expandable: has_children,
                    children: (has_children && expanded.contains(*path))
                        .then(|| self.level(path, true, limit, expanded)),
                }
            })
            .collect();
        FacetLevel {
            values,
            other_values: children.len().saturating_sub(limit),
        }
    }
}

fn leading_text(body: &str, max_chars: usize) -> String {
    let mut text: String = body.chars().take(max_chars).collect();
    if body.chars().count() > max_chars {
        text.push('…');
    }
    text
}
