//! One change to the documents (add or replace a record by id, or delete an id), how a batch
//! of them is applied to a generation in one commit, and how far a generation has come.
//!
//! The same [`Change`] is a line of the single node's journal (`journal.rs`) and a message
//! of the replicas' document log (crate `pressroom-replica`). Each generation's commit
//! payload records, as [`Applied`], the journal offset and the log sequence it holds, so
//! whoever serves it replays only what came after.

use pressroom_enrich::{Enricher, Enrichment};
use pressroom_ingest::Record;
use serde::{Deserialize, Serialize};
use tantivy::indexer::LogMergePolicy;
use tantivy::{Index, IndexWriter, Term};

use crate::error::IndexError;
use crate::schema::Fields;
use crate::to_document;

/// A write to the documents, in the order it was accepted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "lowercase")]
pub enum Change {
    /// Adds the record, or replaces the document with its id. `enrichment` is what the node
    /// that accepted the write derived; without it (the journal), the record is enriched
    /// when applied, so a rebuild with new tables derives the facets again.
    Upsert {
        record: Box<Record>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        enrichment: Option<Box<Enrichment>>,
    },
    /// Removes the document with this id (a tombstone: nothing to remove is not an error).
    Delete { id: String },
}

impl Change {
    pub fn id(&self) -> &str {
        match self {
            Change::Upsert { record, .. } => &record.id,
            Change::Delete { id } => id,
        }
    }
}

/// How far a generation has come: the journal bytes and the document-log sequence it holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Applied {
    /// Bytes of the node's journal applied (0: none).
    #[serde(default)]
    pub journal: u64,
    /// The last document-log sequence applied (0: none).
    #[serde(default)]
    pub sequence: u64,
}

impl Applied {
    /// What the last commit of `index` recorded; a generation built before journals and
    /// logs existed has applied nothing.
    pub fn of(index: &Index) -> Result<Applied, IndexError> {
        let metas = index.load_metas()?;
        Ok(metas
            .payload
            .as_deref()
            .and_then(|payload| serde_json::from_str(payload).ok())
            .unwrap_or_default())
    }

    pub(crate) fn payload(&self) -> String {
        format!("{{\"journal\":{},\"sequence\":{}}}", self.journal, self.sequence)
    }
}

/// Adds one change to an open writer: a delete of the id, then the document for an upsert
/// (a tantivy delete only removes what was added before it, so order holds within a batch).
pub(crate) fn add_change(
    writer: &IndexWriter,
    fields: &Fields,
    enricher: &Enricher,
    change: &Change,
) -> Result<(), IndexError> {
    writer.delete_term(Term::from_field_text(fields.id, change.id()));
    if let Change::Upsert { record, enrichment } = change {
        let document = match enrichment {
            Some(enrichment) => to_document(fields, record, enrichment),
            None => to_document(fields, record, &enricher.enrich(record)),
        };
        writer.add_document(document)?;
    }
    Ok(())
}

/// Applies `changes` in order and commits them with `applied` as the commit payload, in one
/// atomic commit: a process killed meanwhile leaves the generation as it was. Waits for the
/// merges the commit started, then lets the index go (others may write it next).
pub fn apply_changes(
    index: &Index,
    fields: &Fields,
    enricher: &Enricher,
    changes: &[Change],
    applied: Applied,
) -> Result<(), IndexError> {
    let mut writer = ChangeWriter::open(index)?;
    writer.apply(fields, enricher, changes, applied)?;
    writer.writer.wait_merging_threads()?;
    Ok(())
}

/// A writer kept open on a generation by whoever applies changes to it again and again (a
/// replica's follower): each batch is one commit, and merges run in the background instead
/// of holding the next batch up (opening a writer and waiting for its merges cost a
/// replica up to a second and a half per batch under load).
pub struct ChangeWriter {
    writer: IndexWriter,
}

impl ChangeWriter {
    /// Takes the index's writer lock ([`IndexError::Locked`] when another process holds it).
    pub fn open(index: &Index) -> Result<ChangeWriter, IndexError> {
        let writer = open_writer(index)?;
        // Every batch is a small segment; left to tantivy's defaults (eight at once, all
        // under 10,000 documents in one layer) they pile up, and each costs every search a
        // dictionary walk. Four small ones merge together, in the background.
        let mut policy = LogMergePolicy::default();
        policy.set_min_num_segments(MERGE_SMALL_SEGMENTS);
        policy.set_min_layer_size(SMALL_SEGMENT_DOCS);
        writer.set_merge_policy(Box::new(policy));
        Ok(ChangeWriter { writer })
    }

    /// Applies `changes` in order and commits them with `applied` as the payload, atomically.
    pub fn apply(
        &mut self,
        fields: &Fields,
        enricher: &Enricher,
        changes: &[Change],
        applied: Applied,
    ) -> Result<(), IndexError> {
        for change in changes {
            add_change(&self.writer, fields, enricher, change)?;
        }
        let mut commit = self.writer.prepare_commit()?;
        commit.set_payload(&applied.payload());
        commit.commit()?;
        Ok(())
    }
}

/// Small segments merged at once by a [`ChangeWriter`].
const MERGE_SMALL_SEGMENTS: usize = 4;
/// Segments up to this many documents share the bottom merge layer of a [`ChangeWriter`].
const SMALL_SEGMENT_DOCS: u32 = 1_000;

/// Memory of a writer for a batch of changes (one thread).
const UPDATE_MEMORY_BUDGET: usize = 50_000_000;

/// A one-thread writer for changes; [`IndexError::Locked`] when another process writes.
pub(crate) fn open_writer(index: &Index) -> Result<IndexWriter, IndexError> {
    index
        .writer_with_num_threads(1, UPDATE_MEMORY_BUDGET)
        .map_err(|error| match error {
            tantivy::TantivyError::LockFailure(..) => IndexError::Locked,
            other => IndexError::Tantivy(other),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_read_back_as_written() {
        let record: Record =
            serde_json::from_str(r#"{"id":"api:1","source":"api","title":"Title","body":"Body"}"#).unwrap();
        let upsert = Change::Upsert {
            record: Box::new(record),
            enrichment: None,
        };
        let line = serde_json::to_string(&upsert).unwrap();
        assert!(line.starts_with("{\"op\":\"upsert\""), "{line}");
        assert_eq!(serde_json::from_str::<Change>(&line).unwrap(), upsert);
        let delete: Change = serde_json::from_str("{\"op\":\"delete\",\"id\":\"api:1\"}").unwrap();
        assert_eq!(delete.id(), "api:1");
        let applied = Applied {
            journal: 12,
            sequence: 7,
        };
        assert_eq!(serde_json::from_str::<Applied>(&applied.payload()).unwrap(), applied);
    }
}
