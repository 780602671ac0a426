//! Changing the served generation in place: add or replace documents by id, delete by id.
//!
//! Each call opens a tantivy writer (one thread, a small budget), applies its changes,
//! commits and waits for merges, then drops the writer, so the lock is held only while
//! writing. A commit is atomic (tantivy swaps `meta.json`): a process killed mid-update leaves
//! the index as of the last commit.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use pressroom_enrich::Enricher;
use pressroom_ingest::{Format, Problem, ReadSummary, Record};
use tantivy::collector::Count;
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;
use tantivy::{Index, IndexWriter, Term};

use crate::change::{open_writer, Applied};
use crate::error::IndexError;
use crate::location::{learned_acronyms, open_current, BuildLock};
use crate::schema::Fields;
use crate::to_document;

#[derive(Debug, Clone)]
pub struct UpdateReport {
    pub read: ReadSummary,
    /// Documents written: new ids and replaced ones.
    pub upserted: usize,
    /// Of those, ids the index held already.
    pub replaced: usize,
    pub elapsed: Duration,
    pub generation: PathBuf,
}

/// `pressroom index --update`: reads `sources` and adds or replaces their records, by id, in
/// the current generation of `dir`.
pub fn update(
    dir: &Path,
    sources: &[PathBuf],
    format: Option<Format>,
    on_problem: &mut (dyn FnMut(&Problem) + Send),
) -> Result<UpdateReport, IndexError> {
    let started = Instant::now();
    // Builds and updates of one folder take turns, and the generation is leased while it is
    // written, so a build finishing meanwhile cannot remove it.
    let _turn = BuildLock::acquire(dir)?;
    let generation = open_current(dir)?;
    let enricher = Enricher::new()?;
    enricher.use_learned_tsv(&learned_acronyms(&generation.path)?);
    let mut records = Vec::new();
    let read = pressroom_ingest::read_sources(sources, format, &mut |item| match item {
        Ok(record) => records.push(record),
        Err(problem) => on_problem(&problem),
    })?;
    let (upserted, replaced) = upsert_documents(&generation.index, &generation.fields, &enricher, &records)?;
    Ok(UpdateReport {
        read,
        upserted,
        replaced,
        elapsed: started.elapsed(),
        generation: generation.path.clone(),
    })
}

/// Adds or replaces `records` by id (a later record with the same id wins) and commits.
/// Returns (documents written, ids that were already there).
pub fn upsert_documents(
    index: &Index,
    fields: &Fields,
    enricher: &Enricher,
    records: &[Record],
) -> Result<(usize, usize), IndexError> {
    let existing = existing_ids(index, fields, records.iter().map(|record| record.id.as_str()))?;
    let mut writer = open_writer(index)?;
    for record in records {
        writer.delete_term(Term::from_field_text(fields.id, &record.id));
        writer.add_document(to_document(fields, record, &enricher.enrich(record)))?;
    }
    commit_keeping_applied(index, &mut writer)?;
    writer.wait_merging_threads()?;
    Ok((records.len(), existing))
}

/// Deletes documents by id and commits; returns how many of the ids were there.
pub fn delete_documents(index: &Index, fields: &Fields, ids: &[String]) -> Result<usize, IndexError> {
    let existing = existing_ids(index, fields, ids.iter().map(String::as_str))?;
    if existing == 0 {
        return Ok(0);
    }
    let mut writer = open_writer(index)?;
    for id in ids {
        writer.delete_term(Term::from_field_text(fields.id, id));
    }
    commit_keeping_applied(index, &mut writer)?;
    writer.wait_merging_threads()?;
    Ok(existing)
}

/// Commits, carrying over how far the generation had come in the journal and the log.
fn commit_keeping_applied(index: &Index, writer: &mut IndexWriter) -> Result<(), IndexError> {
    let applied = Applied::of(index)?;
    let mut commit = writer.prepare_commit()?;
    commit.set_payload(&applied.payload());
    commit.commit()?;
    Ok(())
}

/// How many of `ids` (distinct) the index holds now.
fn existing_ids<'a>(index: &Index, fields: &Fields, ids: impl Iterator<Item = &'a str>) -> Result<usize, IndexError> {
    Ok(count_existing(&index.reader()?.searcher(), fields, ids)?)
}

/// How many of `ids` (distinct) `searcher` sees.
pub fn count_existing<'a>(
    searcher: &tantivy::Searcher,
    fields: &Fields,
    ids: impl Iterator<Item = &'a str>,
) -> tantivy::Result<usize> {
    let mut seen = std::collections::HashSet::new();
    let mut count = 0;
    for id in ids {
        if !seen.insert(id) {
            continue;
        }
        let query = TermQuery::new(Term::from_field_text(fields.id, id), IndexRecordOption::Basic);
        if searcher.search(&query, &Count)? > 0 {
            count += 1;
        }
    }
    Ok(count)
}
