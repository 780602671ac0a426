//! [`SearchService`]: the generation being served, swapped atomically on reload (searches
//! in flight finish on the one they started with), and the writes to it.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};

use pressroom_enrich::Gazetteer;
use pressroom_index::schema::Fields;
use pressroom_index::StoredDocument;
use tantivy::Index;

use super::snapshot::Snapshot;
use super::vocabulary::Vocabulary;
use crate::error::SearchError;
use crate::request::{FacetName, FacetValueRequest, SearchRequest};
use crate::response::{FacetValuesResponse, SearchResponse, SimilarResponse};

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

/// What `/metrics` reports of the served index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IndexStats {
    pub documents: u64,
    pub segments: usize,
    pub bytes: u64,
}

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
        Ok(SearchService::serving(Some(dir.to_path_buf()), vocabulary, snapshot))
    }

    /// Serves an index opened by the caller (no reload: there is no folder to watch).
    pub fn new(index: Index, fields: Fields) -> Result<SearchService, SearchError> {
        let vocabulary = Arc::new(Vocabulary::load()?);
        let snapshot = Snapshot::new(index, fields, None, vocabulary.clone())?;
        Ok(SearchService::serving(None, vocabulary, snapshot))
    }

    fn serving(dir: Option<PathBuf>, vocabulary: Arc<Vocabulary>, snapshot: Snapshot) -> SearchService {
        SearchService {
            dir,
            vocabulary,
            current: RwLock::new(Arc::new(snapshot)),
            write_lock: Mutex::new(()),
        }
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
        self.vocabulary.gazetteer()
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
            return Ok(outcome(&served, false));
        };
        // A cheap look first; the generation opened is the one `open_current` read, which
        // may be newer still.
        let current = pressroom_index::current_generation(dir);
        if current.is_none() || current == served.generation {
            return Ok(outcome(&served, false));
        }
        let snapshot = Snapshot::open_dir(dir, self.vocabulary.clone())?;
        if snapshot.generation == served.generation {
            return Ok(outcome(&served, false));
        }
        snapshot.warm()?;
        let outcome = outcome(&snapshot, true);
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

fn outcome(snapshot: &Snapshot, switched: bool) -> ReloadOutcome {
    ReloadOutcome {
        generation: snapshot
            .generation
            .as_deref()
            .and_then(pressroom_index::generation_name),
        switched,
        documents: snapshot.num_documents(),
    }
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
