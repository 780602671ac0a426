//! [`SearchService`]: the generation being served, swapped atomically on reload (searches
//! in flight finish on the one they started with). Writes to it are in `writes.rs`.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, RwLock};

use pressroom_enrich::Gazetteer;
use pressroom_index::journal::Journal;
use pressroom_index::schema::Fields;
use pressroom_index::{Applied, StoredDocument};
use tantivy::Index;
use tokio::sync::watch;

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

/// Where the writes this node accepts are kept before they are applied.
pub(super) enum WriteHome {
    /// Straight into the served index (an index opened by the caller, with no folder).
    Index,
    /// Nowhere: a reader (`pressroom search`, `bench --in-process`) that never writes, so
    /// it neither takes the folder's journal nor applies it.
    ReadOnly,
    /// The index folder's journal, appended and synced first, so rebuilds keep them.
    Journal(Mutex<Journal>),
    /// A document log the replicas follow (`pressroom serve --follow`): the HTTP layer
    /// publishes writes there, and the follower applies them with [`SearchService::apply_logged`].
    Log,
}

/// How a replica stands against the document log, as its follower last saw it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Replication {
    /// Log entries stored but not yet applied here.
    pub lag: u64,
    /// Whether the replica has applied everything the log held when it looked (it answers
    /// `/ready` only once it has).
    pub caught_up: bool,
}

pub struct SearchService {
    /// The index folder (`CURRENT` + generations); `None` for an index opened directly.
    pub(super) dir: Option<PathBuf>,
    pub(super) vocabulary: Arc<Vocabulary>,
    current: RwLock<Arc<Snapshot>>,
    /// Writes (and reloads) one at a time.
    write_lock: Mutex<()>,
    pub(super) home: WriteHome,
    /// The last document-log sequence the served generation holds.
    pub(super) applied: watch::Sender<u64>,
    pub(super) replication: Mutex<Option<Replication>>,
    /// A replica's writer, kept open on the generation it writes (see `apply_logged`).
    pub(super) log_writer: Mutex<Option<(Option<PathBuf>, pressroom_index::ChangeWriter)>>,
}

impl SearchService {
    /// Opens the current generation of an index folder; writes are journaled in the folder,
    /// and what the journal holds beyond the generation is applied first.
    pub fn open(dir: &Path) -> Result<SearchService, SearchError> {
        let journal = Journal::open(dir).map_err(SearchError::internal)?;
        SearchService::open_with(dir, WriteHome::Journal(Mutex::new(journal)))
    }

    /// Opens the current generation of an index folder for searching only: writes are
    /// refused, and the journal is left to the server that holds it.
    pub fn open_read_only(dir: &Path) -> Result<SearchService, SearchError> {
        SearchService::open_with(dir, WriteHome::ReadOnly)
    }

    /// Opens the current generation of a replica's index folder: writes go to the document
    /// log, and the replica's follower applies what the log holds.
    pub fn following(dir: &Path) -> Result<SearchService, SearchError> {
        SearchService::open_with(dir, WriteHome::Log)
    }

    fn open_with(dir: &Path, home: WriteHome) -> Result<SearchService, SearchError> {
        let vocabulary = Arc::new(Vocabulary::load()?);
        let snapshot = Snapshot::open_dir(dir, vocabulary.clone())?;
        let service = SearchService::serving(Some(dir.to_path_buf()), vocabulary, snapshot, home)?;
        {
            let _writing = service.writing()?;
            service.catch_up(&service.snapshot())?;
        }
        Ok(service)
    }

    /// Serves an index opened by the caller (no reload: there is no folder to watch).
    pub fn new(index: Index, fields: Fields) -> Result<SearchService, SearchError> {
        let vocabulary = Arc::new(Vocabulary::load()?);
        let snapshot = Snapshot::new(index, fields, None, vocabulary.clone())?;
        SearchService::serving(None, vocabulary, snapshot, WriteHome::Index)
    }

    fn serving(
        dir: Option<PathBuf>,
        vocabulary: Arc<Vocabulary>,
        snapshot: Snapshot,
        home: WriteHome,
    ) -> Result<SearchService, SearchError> {
        let applied = Applied::of(&snapshot.index).map_err(SearchError::internal)?;
        Ok(SearchService {
            dir,
            vocabulary,
            current: RwLock::new(Arc::new(snapshot)),
            write_lock: Mutex::new(()),
            home,
            applied: watch::Sender::new(applied.sequence),
            replication: Mutex::new(None),
            log_writer: Mutex::new(None),
        })
    }

    /// The turn of one writer (or reloader).
    pub(super) fn writing(&self) -> Result<MutexGuard<'_, ()>, SearchError> {
        self.write_lock.lock().map_err(|_| poisoned())
    }

    /// The generation being served now; searches hold it until they finish.
    pub(super) fn snapshot(&self) -> Arc<Snapshot> {
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
        let _writing = self.writing()?;
        let served = self.snapshot();
        let Some(dir) = &self.dir else {
            return Ok(outcome(&served, false));
        };
        // A cheap look first; the generation opened is the one `open_current` read, which
        // may be newer still.
        let current = pressroom_index::current_generation(dir);
        if current.is_none() || current == served.generation {
            // A journaled write whose apply failed is applied here, within a second.
            self.catch_up(&served)?;
            return Ok(outcome(&served, false));
        }
        let snapshot = Snapshot::open_dir(dir, self.vocabulary.clone())?;
        if snapshot.generation == served.generation {
            return Ok(outcome(&served, false));
        }
        self.catch_up(&snapshot)?;
        snapshot.warm()?;
        let outcome = outcome(&snapshot, true);
        let applied = Applied::of(&snapshot.index).map_err(SearchError::internal)?;
        // The sequence first, then the generation: a follower reading both (`position`,
        // under this lock) never pairs the new generation with the old one's sequence.
        self.applied.send_replace(applied.sequence);
        if let Ok(mut writer) = self.log_writer.lock() {
            *writer = None;
        }
        if let Ok(mut replication) = self.replication.lock() {
            // A rebuild holds the log up to when it read it: out of rotation until the
            // follower has applied what came after.
            if let Some(replication) = replication.as_mut() {
                replication.caught_up = false;
            }
        }
        self.replace_snapshot(snapshot);
        tracing::info!(generation = ?outcome.generation, documents = outcome.documents, "switched to a new generation");
        Ok(outcome)
    }

    /// Builds every facet table of the served generation, so the first searches are not slow.
    pub fn warm(&self) -> Result<(), SearchError> {
        self.snapshot().warm()
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

pub(super) fn poisoned() -> SearchError {
    SearchError::Internal("a lock was poisoned by a panic".to_string())
}

pub(super) fn write_error(error: pressroom_index::IndexError) -> SearchError {
    match error {
        pressroom_index::IndexError::Locked => SearchError::IndexBusy,
        other => SearchError::Internal(other.to_string()),
    }
}
