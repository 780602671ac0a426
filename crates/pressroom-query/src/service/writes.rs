//! Writes to the served generation. Where a write is kept first depends on the node
//! ([`WriteHome`]): a single node appends it to its journal, then applies the journal's tail
//! (so a write whose apply failed is applied by the next one, and a rebuild replays them
//! all); a replica's writes are published to the document log by the HTTP layer and come
//! back through its follower ([`SearchService::apply_logged`]).

use std::path::PathBuf;
use std::time::Duration;

use pressroom_index::journal::{journal_path, read_from};
use pressroom_index::{apply_changes, Applied, Change, ChangeWriter};
use pressroom_ingest::Record;

use super::generations::{poisoned, write_error, Replication, SearchService, WriteHome, WriteOutcome};
use super::snapshot::Snapshot;
use crate::error::SearchError;

impl SearchService {
    /// Adds or replaces records by id in the served generation; visible when this returns.
    pub fn upsert(&self, records: &[Record]) -> Result<WriteOutcome, SearchError> {
        let _writing = self.writing()?;
        let served = self.snapshot();
        let replaced = self.existing(&served, records.iter().map(|record| record.id.as_str()))?;
        let changes: Vec<Change> = records
            .iter()
            .map(|record| Change::Upsert {
                record: Box::new(record.clone()),
                enrichment: None,
            })
            .collect();
        self.write(&served, &changes)?;
        Ok(WriteOutcome {
            written: records.len(),
            replaced,
            deleted: 0,
            documents: served.num_documents(),
        })
    }

    /// Deletes a document by id; `DocumentNotFound` when there is none.
    pub fn delete(&self, id: &str) -> Result<WriteOutcome, SearchError> {
        let _writing = self.writing()?;
        let served = self.snapshot();
        if self.existing(&served, std::iter::once(id))? == 0 {
            return Err(SearchError::DocumentNotFound(id.to_string()));
        }
        self.write(&served, &[Change::Delete { id: id.to_string() }])?;
        Ok(WriteOutcome {
            written: 0,
            replaced: 0,
            deleted: 1,
            documents: served.num_documents(),
        })
    }

    /// Keeps `changes` where this node keeps writes, and applies them.
    fn write(&self, served: &Snapshot, changes: &[Change]) -> Result<(), SearchError> {
        match &self.home {
            WriteHome::Log => Err(SearchError::internal(
                "a replica's writes go through the document log, not straight to its index",
            )),
            WriteHome::ReadOnly => Err(SearchError::internal("this service was opened to search only")),
            WriteHome::Index => {
                let applied = Applied::of(&served.index).map_err(write_error)?;
                apply_changes(
                    &served.index,
                    &served.fields,
                    &self.vocabulary.enricher,
                    changes,
                    applied,
                )
                .map_err(write_error)?;
                served.reader.reload()?;
                Ok(())
            }
            WriteHome::Journal(journal) => {
                journal
                    .lock()
                    .map_err(|_| poisoned())?
                    .append(changes)
                    .map_err(write_error)?;
                self.catch_up(served)
            }
        }
    }

    /// Applies what the journal holds beyond what `snapshot`'s generation has (a single
    /// node's writes since it was built, or a write whose apply failed). Callers hold the
    /// write turn.
    pub(super) fn catch_up(&self, snapshot: &Snapshot) -> Result<(), SearchError> {
        let (WriteHome::Journal(_), Some(dir)) = (&self.home, &self.dir) else {
            return Ok(());
        };
        let applied = Applied::of(&snapshot.index).map_err(write_error)?;
        let (changes, end) = read_from(&journal_path(dir), applied.journal).map_err(write_error)?;
        if end == applied.journal {
            return Ok(());
        }
        let applied = Applied {
            journal: end,
            ..applied
        };
        apply_changes(
            &snapshot.index,
            &snapshot.fields,
            &self.vocabulary.enricher,
            &changes,
            applied,
        )
        .map_err(write_error)?;
        snapshot.reader.reload()?;
        tracing::info!(
            changes = changes.len(),
            journal_bytes = end,
            "applied the journal's tail"
        );
        Ok(())
    }

    /// Records as log entries, each with the facets this node derives (replicas apply them as
    /// they are, so they agree even while their versions differ).
    pub fn logged_upserts(&self, records: Vec<Record>) -> Vec<Change> {
        records
            .into_iter()
            .map(|record| {
                let enrichment = self.vocabulary.enricher.enrich(&record);
                Change::Upsert {
                    record: Box::new(record),
                    enrichment: Some(Box::new(enrichment)),
                }
            })
            .collect()
    }

    /// How many of `ids` (distinct) the served generation holds.
    pub fn count_existing<'a>(&self, ids: impl Iterator<Item = &'a str>) -> Result<usize, SearchError> {
        self.existing(&self.snapshot(), ids)
    }

    fn existing<'a>(&self, snapshot: &Snapshot, ids: impl Iterator<Item = &'a str>) -> Result<usize, SearchError> {
        Ok(pressroom_index::count_existing(
            &snapshot.reader.searcher(),
            &snapshot.fields,
            ids,
        )?)
    }

    /// A replica's follower applies log entries up to `sequence`, in one commit, to the
    /// generation it started from. `Ok(false)`: another generation is served now (a rebuild
    /// was switched in), and the follower starts again from what that one holds.
    pub fn apply_logged(
        &self,
        generation: Option<&PathBuf>,
        changes: &[Change],
        sequence: u64,
    ) -> Result<bool, SearchError> {
        let _writing = self.writing()?;
        let served = self.snapshot();
        if served.generation.as_ref() != generation {
            return Ok(false);
        }
        let applied = Applied::of(&served.index).map_err(write_error)?;
        let mut log_writer = self.log_writer.lock().map_err(|_| poisoned())?;
        // One writer per generation, kept open: a rebuild switched in gets a new one, and the
        // old generation's writer (and its lock) goes.
        if log_writer
            .as_ref()
            .is_none_or(|(written, _)| written != &served.generation)
        {
            *log_writer = None;
            *log_writer = Some((
                served.generation.clone(),
                ChangeWriter::open(&served.index).map_err(write_error)?,
            ));
        }
        if let Some((_, writer)) = log_writer.as_mut() {
            let result = writer.apply(
                &served.fields,
                &self.vocabulary.enricher,
                changes,
                Applied { sequence, ..applied },
            );
            if let Err(error) = result {
                // What the failed batch added is dropped with the writer; the follower
                // starts again after the last commit.
                *log_writer = None;
                return Err(write_error(error));
            }
        }
        served.reader.reload()?;
        self.applied.send_replace(sequence);
        Ok(true)
    }

    /// The generation served and the last log sequence it holds, read together (a reload
    /// changes both under the same lock).
    pub fn position(&self) -> Result<(Option<PathBuf>, u64), SearchError> {
        let _writing = self.writing()?;
        Ok((self.snapshot().generation.clone(), self.applied_sequence()))
    }

    /// The last document-log sequence the served generation holds.
    pub fn applied_sequence(&self) -> u64 {
        *self.applied.borrow()
    }

    /// Waits until the served generation holds log sequence `sequence`, at most `timeout`;
    /// whether it does.
    pub async fn wait_applied(&self, sequence: u64, timeout: Duration) -> bool {
        let mut applied = self.applied.subscribe();
        let reached = tokio::time::timeout(timeout, applied.wait_for(|applied| *applied >= sequence)).await;
        matches!(reached, Ok(Ok(_)))
    }

    /// Whether writes go to a document log this node follows.
    pub fn follows_a_log(&self) -> bool {
        matches!(self.home, WriteHome::Log)
    }

    /// What the follower last saw of the log; `None` on a node that follows none.
    pub fn replication(&self) -> Option<Replication> {
        self.replication.lock().ok().and_then(|replication| *replication)
    }

    pub fn set_replication(&self, replication: Replication) {
        if let Ok(mut current) = self.replication.lock() {
            *current = Some(replication);
        }
    }
}
