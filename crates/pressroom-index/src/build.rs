//! Building an index from sources: read → enrich (all cores) → tantivy, into a new
//! generation that becomes current only when complete.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use indicatif::ProgressBar;
use pressroom_enrich::{Enricher, Prepared};
use pressroom_ingest::{Batches, Format, Problem, ReadSummary, Record};
use rayon::prelude::*;
use tantivy::{Index, IndexWriter, Term};

use crate::change::{add_change, Applied};
use crate::error::IndexError;
use crate::journal::{journal_path, read_from};
use crate::location::{
    remove_old_generations, switch_current, BuildLock, GENERATION_PREFIX, LEARNED_ACRONYMS, PARTIAL_SUFFIX,
};
use crate::progress::progress_spinner;
use crate::schema::{build_schema, register_analyzers, Fields};
use crate::to_document;

const BATCH: usize = 512;

pub struct BuildOptions {
    /// Force one reader for every file instead of detecting formats.
    pub format: Option<Format>,
    /// tantivy indexing threads (0 = one per core, at most 4).
    pub threads: usize,
    /// tantivy writer memory budget in bytes, shared by its threads.
    pub memory_budget: usize,
    /// Merge the new index into one segment before publishing it: searches create one set
    /// of scorers instead of one per segment (more queries per second under load), at the
    /// cost of a longer build and of searching a heavy query's segments in parallel.
    pub merge_segments: bool,
    pub show_progress: bool,
}

impl Default for BuildOptions {
    fn default() -> Self {
        BuildOptions {
            format: None,
            threads: 0,
            memory_budget: 200_000_000,
            merge_segments: false,
            show_progress: false,
        }
    }
}

#[derive(Debug, Clone)]
pub struct BuildReport {
    pub read: ReadSummary,
    pub indexed: usize,
    /// Records whose id came again: the later one replaced the earlier.
    pub duplicates_replaced: usize,
    pub elapsed: Duration,
    pub generation: PathBuf,
    pub index_bytes: u64,
}

/// What a build reads its records from.
pub enum Input<'a> {
    /// Files and folders, formats detected (or `BuildOptions::format`).
    Sources(&'a [PathBuf]),
    /// Records already read: the document log replayed up to `sequence`, whose latest version
    /// of each id they are.
    Records {
        records: Box<dyn Iterator<Item = Record> + Send + 'a>,
        sequence: u64,
    },
}

/// Builds a new index of `sources` in `dir` and makes it current. Each skipped record or
/// file is passed to `on_problem` as it is found.
pub fn build(
    dir: &Path,
    sources: &[PathBuf],
    options: &BuildOptions,
    on_problem: &mut (dyn FnMut(&Problem) + Send),
) -> Result<BuildReport, IndexError> {
    build_from(dir, Input::Sources(sources), options, on_problem)
}

/// Builds a new generation of `input` in `dir`, then replays the folder's journal (the
/// writes made through the API) over it, and makes it current.
pub fn build_from(
    dir: &Path,
    input: Input<'_>,
    options: &BuildOptions,
    on_problem: &mut (dyn FnMut(&Problem) + Send),
) -> Result<BuildReport, IndexError> {
    let started = Instant::now();
    let enricher = Enricher::new()?;
    // One build or update at a time per folder: a second waits here (the lock goes with the
    // process, so a killed build never leaves it held). Cleaning up after a build can then
    // never remove another build's unfinished generation.
    let _turn = BuildLock::acquire(dir)?;
    let stamp = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
        .as_millis();
    let generation_name = format!("{GENERATION_PREFIX}{stamp}");
    let partial = dir.join(format!("{generation_name}{PARTIAL_SUFFIX}"));
    std::fs::create_dir_all(&partial).map_err(IndexError::io(&partial))?;

    let result = write_generation(&partial, input, dir, options, &enricher, on_problem);
    let (read, indexed, duplicates_replaced) = match result {
        Ok(counts) => counts,
        Err(error) => {
            let _ = std::fs::remove_dir_all(&partial);
            return Err(error);
        }
    };
    let generation = dir.join(&generation_name);
    std::fs::rename(&partial, &generation).map_err(IndexError::io(&generation))?;
    switch_current(dir, &generation_name)?;
    remove_old_generations(dir, &generation_name);
    Ok(BuildReport {
        read,
        indexed,
        duplicates_replaced,
        elapsed: started.elapsed(),
        index_bytes: folder_size(&generation),
        generation,
    })
}

fn write_generation(
    path: &Path,
    input: Input<'_>,
    dir: &Path,
    options: &BuildOptions,
    enricher: &Enricher,
    on_problem: &mut (dyn FnMut(&Problem) + Send),
) -> Result<(ReadSummary, usize, usize), IndexError> {
    let index = Index::create_in_dir(path, build_schema())?;
    register_analyzers(&index);
    let fields = Fields::from_schema(&index.schema())?;
    let threads = match options.threads {
        0 => std::thread::available_parallelism().map_or(2, |n| n.get()).min(4),
        n => n,
    };
    let mut writer: IndexWriter =
        index.writer_with_num_threads(threads, options.memory_budget.max(threads * 20_000_000))?;
    let progress = progress_spinner(
        options.show_progress,
        "{spinner} {elapsed} {pos} records indexed ({per_sec}) {msg}",
    );
    // A build from the log holds every write already: the journal is a single node's.
    let (sequence, from_log) = match &input {
        Input::Sources(_) => (0, false),
        Input::Records { sequence, .. } => (*sequence, true),
    };
    // Records are prepared (every facet but organizations) as they are read; once all are
    // read the enricher learns the acronyms the collection spells out (`Enricher::learn`) and
    // finishes them, so each release is read the same wherever it stands in the input.
    let (read_summary, prepared) = std::thread::scope(|scope| -> Result<_, IndexError> {
        let (sender, receiver) = mpsc::sync_channel::<Vec<Record>>(4);
        let reader = scope.spawn(move || match input {
            Input::Sources(sources) => read_in_batches(sources, options.format, sender, on_problem),
            Input::Records { records, .. } => Ok(send_in_batches(records, sender)),
        });
        let prepared = prepare_batches(receiver, enricher);
        let summary = reader.join().map_err(|_| IndexError::Io {
            path: PathBuf::from("<reader thread>"),
            source: std::io::Error::other("the reader thread panicked"),
        })??;
        Ok((summary, prepared))
    })?;
    progress.set_message("learning acronyms");
    enricher.learn(prepared.iter().flat_map(|(batch, _)| batch));
    // Kept with the generation: a server enriches the writes made to it with the same.
    let learned = path.join(LEARNED_ACRONYMS);
    std::fs::write(&learned, enricher.learned_tsv()).map_err(IndexError::io(&learned))?;
    progress.set_message("");
    let (indexed, duplicates) = index_batches(prepared, &fields, enricher, &mut writer, &progress)?;
    // Builds and `--update`s take turns on `build.lock`, but a server appends to the journal
    // whenever it is written to: what it appends after this read, it replays into this
    // generation before serving it (the payload says where to start).
    progress.set_message("replaying the journal");
    let (changes, journal) = if from_log {
        (Vec::new(), 0)
    } else {
        read_from(&journal_path(dir), 0)?
    };
    for change in &changes {
        add_change(&writer, &fields, enricher, change)?;
    }
    progress.set_message("committing");
    let mut commit = writer.prepare_commit()?;
    commit.set_payload(&Applied { journal, sequence }.payload());
    commit.commit()?;
    if options.merge_segments {
        progress.set_message("merging into one segment");
        let segments = index.searchable_segment_ids()?;
        if segments.len() > 1 {
            writer.merge(&segments).wait()?;
        }
    }
    writer.wait_merging_threads()?;
    progress.finish_and_clear();
    Ok((read_summary, indexed, duplicates))
}

/// Reads the sources (on its own thread) and sends their records on in batches.
fn read_in_batches(
    sources: &[PathBuf],
    format: Option<Format>,
    sender: mpsc::SyncSender<Vec<Record>>,
    on_problem: &mut (dyn FnMut(&Problem) + Send),
) -> Result<ReadSummary, pressroom_ingest::IngestError> {
    let mut batches = Batches::new(BATCH);
    let summary = pressroom_ingest::read_sources(sources, format, &mut |item| match item {
        Ok(record) => {
            if let Some(full) = batches.push(record) {
                let _ = sender.send(full);
            }
        }
        Err(problem) => on_problem(&problem),
    });
    if let Some(rest) = batches.rest() {
        let _ = sender.send(rest);
    }
    summary
}

/// Sends records already read on in batches; a summary counts them.
fn send_in_batches(
    records: Box<dyn Iterator<Item = Record> + Send + '_>,
    sender: mpsc::SyncSender<Vec<Record>>,
) -> ReadSummary {
    let mut summary = ReadSummary::default();
    let mut batches = Batches::new(BATCH);
    for record in records {
        summary.records += 1;
        if let Some(full) = batches.push(record) {
            let _ = sender.send(full);
        }
    }
    if let Some(rest) = batches.rest() {
        let _ = sender.send(rest);
    }
    summary
}

/// Batches of records and what [`Enricher::prepare`] found in each.
type PreparedBatches = Vec<(Vec<Record>, Vec<Prepared>)>;

/// Prepares each batch on all cores as the reader sends it.
fn prepare_batches(receiver: mpsc::Receiver<Vec<Record>>, enricher: &Enricher) -> PreparedBatches {
    receiver
        .into_iter()
        .map(|batch| {
            let prepared = batch.par_iter().map(|record| enricher.prepare(record)).collect();
            (batch, prepared)
        })
        .collect()
}

/// Finishes each prepared batch on all cores and adds it to the writer; a later record with
/// an id seen before replaces the earlier one. Returns (documents, replaced ids).
fn index_batches(
    prepared: PreparedBatches,
    fields: &Fields,
    enricher: &Enricher,
    writer: &mut IndexWriter,
    progress: &ProgressBar,
) -> Result<(usize, usize), IndexError> {
    let mut seen_ids: HashSet<String> = HashSet::new();
    let (mut indexed, mut duplicates) = (0usize, 0usize);
    for (batch, prepared) in prepared {
        let documents: Vec<_> = batch
            .par_iter()
            .zip(prepared)
            .map(|(record, prepared)| to_document(fields, record, &enricher.finish(record, prepared)))
            .collect();
        for (record, document) in batch.iter().zip(documents) {
            if !seen_ids.insert(record.id.clone()) {
                writer.delete_term(Term::from_field_text(fields.id, &record.id));
                duplicates += 1;
            } else {
                indexed += 1;
            }
            writer.add_document(document)?;
        }
        progress.set_position(indexed as u64);
    }
    Ok((indexed, duplicates))
}

pub fn folder_size(path: &Path) -> u64 {
    std::fs::read_dir(path)
        .map(|entries| {
            entries
                .flatten()
                .filter_map(|entry| entry.metadata().ok())
                .filter(|meta| meta.is_file())
                .map(|meta| meta.len())
                .sum()
        })
        .unwrap_or(0)
}
