//! One generation of the index opened for searching: its reader, its fields, its facet
//! tables and near-duplicate fingerprints (read once per segment, then cached) and the
//! vocabulary every generation shares.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use pressroom_index::schema::Fields;
use tantivy::{Index, IndexReader, ReloadPolicy, Searcher};

use super::fingerprints::FingerprintCache;
use super::vocabulary::Vocabulary;
use crate::error::SearchError;
use crate::facets::FacetTableCache;
use crate::lookups::Lookups;
use crate::request::{FacetName, SearchRequest};

/// Decompressed blocks of stored documents kept per segment (16 KiB each at most): the
/// releases found often are read without decompressing their block again.
const DOC_STORE_CACHE_BLOCKS: usize = 1_000;

pub(crate) struct Snapshot {
    /// The generation folder; `None` for an index opened by the caller.
    pub(super) generation: Option<PathBuf>,
    /// Keeps builds from removing the generation while it is served.
    _lease: Option<pressroom_index::Lease>,
    pub(super) index: Index,
    pub(super) reader: IndexReader,
    pub(super) fields: Fields,
    pub(super) facet_tables: FacetTableCache,
    pub(super) fingerprints: FingerprintCache,
    pub(super) lookups: Lookups,
    pub(super) vocab: Arc<Vocabulary>,
}

impl Snapshot {
    /// The generation `CURRENT` names in `dir`, leased while this snapshot lives.
    pub(super) fn open_dir(dir: &Path, vocab: Arc<Vocabulary>) -> Result<Snapshot, SearchError> {
        let generation =
            pressroom_index::open_current(dir).map_err(|error| SearchError::Internal(error.to_string()))?;
        // Writes to this generation are enriched with the acronyms its build learned.
        let learned = pressroom_index::learned_acronyms(&generation.path)
            .map_err(|error| SearchError::Internal(error.to_string()))?;
        vocab.enricher.use_learned_tsv(&learned);
        let mut snapshot = Snapshot::new(generation.index, generation.fields, Some(generation.path), vocab)?;
        snapshot._lease = Some(generation.lease);
        Ok(snapshot)
    }

    pub(super) fn new(
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
            .doc_store_cache_num_blocks(DOC_STORE_CACHE_BLOCKS)
            .try_into()?;
        Ok(Snapshot {
            generation,
            _lease: None,
            index,
            reader,
            fields,
            facet_tables: FacetTableCache::default(),
            fingerprints: FingerprintCache::default(),
            lookups: Lookups::default(),
            vocab,
        })
    }

    /// Counts every facet of every document once and reads the fingerprints: builds the
    /// facet tables and the fingerprint arrays.
    pub(super) fn warm(&self) -> Result<(), SearchError> {
        let request = SearchRequest {
            limit: 0,
            facets: FacetName::ALL.to_vec(),
            ..SearchRequest::default()
        };
        self.search(&request)?;
        self.fingerprints.of(&self.searcher()).map(|_| ())
    }

    pub(super) fn num_documents(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// A searcher of the generation as committed now; the facet tables of segments merged
    /// away since are dropped.
    pub(super) fn searcher(&self) -> Searcher {
        let searcher = self.reader.searcher();
        let live: Vec<_> = searcher
            .segment_readers()
            .iter()
            .map(|segment| segment.segment_id())
            .collect();
        self.facet_tables.retain_segments(&live);
        self.fingerprints.retain_segments(&live);
        searcher
    }
}
