//! `pressroom publish`: reads sources, enriches each record and publishes it to the log.
//!
//! Reading and enriching run on their own thread (enrichment on all cores, in batches);
//! publishing pipelines up to a few hundred messages awaiting their acknowledgement. A
//! record too large for the server is reported by id and the others go on.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use pressroom_enrich::Enricher;
use pressroom_index::{progress_spinner, Change};
use pressroom_ingest::{Format, Problem, ReadSummary, Record};
use rayon::prelude::*;

use crate::error::ReplicaError;
use crate::log::Log;

const BATCH: usize = 256;

/// What a publish did.
#[derive(Debug, Clone)]
pub struct PublishReport {
    pub read: ReadSummary,
    /// Records the stream acknowledged.
    pub published: usize,
    /// Ids refused for their size, with their size in bytes.
    pub too_large: Vec<(String, usize)>,
    /// The stream's sequence of the last record published.
    pub last_sequence: u64,
    pub elapsed: Duration,
}

/// Reads `sources` (formats detected, or `format`), enriches and publishes every record.
/// Problems with records are passed to `on_problem` as they are found.
pub async fn publish_sources(
    log: &Log,
    sources: Vec<PathBuf>,
    format: Option<Format>,
    show_progress: bool,
    on_problem: impl FnMut(&Problem) + Send + 'static,
) -> Result<PublishReport, ReplicaError> {
    let started = Instant::now();
    let enricher = Enricher::new()?;
    let (sender, mut receiver) = tokio::sync::mpsc::channel::<Vec<Change>>(4);
    let reader = tokio::task::spawn_blocking(move || read_and_enrich(&sources, format, &enricher, sender, on_problem));
    let progress = progress_spinner(show_progress, "{spinner} {elapsed} {pos} records published ({per_sec})");
    let (mut published, mut too_large, mut last_sequence) = (0, Vec::new(), 0);
    while let Some(changes) = receiver.recv().await {
        let changes = crate::log::last_per_id(changes);
        let mut sendable = Vec::with_capacity(changes.len());
        for change in &changes {
            match log.message(change) {
                Ok(message) => sendable.push(message),
                Err(ReplicaError::TooLarge { id, bytes, .. }) => {
                    tracing::error!(%id, bytes, "too large for the NATS server; not published");
                    too_large.push((id, bytes));
                }
                Err(other) => return Err(other),
            }
        }
        let acknowledged =
            futures_util::future::join_all(sendable.into_iter().map(|message| log.publish_message(message))).await;
        for sequence in acknowledged {
            last_sequence = last_sequence.max(sequence?);
            published += 1;
        }
        progress.set_position(published as u64);
    }
    let read = reader.await.map_err(|error| ReplicaError::Read(error.to_string()))??;
    progress.finish_and_clear();
    Ok(PublishReport {
        read,
        published,
        too_large,
        last_sequence,
        elapsed: started.elapsed(),
    })
}

/// Reads every record first, so the enricher learns the acronyms each collection spells out
/// from all of it as a build does (`Enricher::learn`), then enriches and sends them in batches.
fn read_and_enrich(
    sources: &[PathBuf],
    format: Option<Format>,
    enricher: &Enricher,
    sender: tokio::sync::mpsc::Sender<Vec<Change>>,
    mut on_problem: impl FnMut(&Problem) + Send,
) -> Result<ReadSummary, ReplicaError> {
    let mut records = Vec::new();
    let summary = pressroom_ingest::read_sources(sources, format, &mut |item| match item {
        Ok(record) => records.push(record),
        Err(problem) => on_problem(&problem),
    })?;
    enricher.learn(&records);
    let mut records = records.into_iter().peekable();
    while records.peek().is_some() {
        let batch: Vec<Record> = records.by_ref().take(BATCH).collect();
        let changes: Vec<Change> = batch
            .into_par_iter()
            .map(|record| {
                let enrichment = enricher.enrich(&record);
                Change::Upsert {
                    record: Box::new(record),
                    enrichment: Some(Box::new(enrichment)),
                }
            })
            .collect();
        // The receiver is gone only when publishing failed; its error is the one reported.
        if sender.blocking_send(changes).is_err() {
            break;
        }
    }
    Ok(summary)
}
