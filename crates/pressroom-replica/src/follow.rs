//! A replica's follower: reads the log from the sequence after the one its served
//! generation holds, and applies it in batches (one tantivy commit each, the sequence in the
//! commit payload), so a restarted replica resumes where it stopped and a new one starts
//! from the beginning. When another generation is switched in (a rebuild from the log), it
//! starts again from what that generation holds. It reports the lag to `/ready`.

use std::sync::Arc;
use std::time::{Duration, Instant};

use futures_util::StreamExt;
use pressroom_index::Change;
use pressroom_query::{Replication, SearchService};

use crate::error::ReplicaError;
use crate::log::Log;

/// Entries applied in one commit at most.
const MAX_BATCH: usize = 1_000;
/// How long a batch gathers entries after its first one. Each commit makes searches rebuild
/// their per-searcher caches (facet numbering), so commits come at most about five times a
/// second: under 24 searches at once, a 5 ms window gave twice the commits and 40% fewer
/// searches than this, for 0.1 s less lag.
const BATCH_WINDOW: Duration = Duration::from_millis(200);
/// How long the follower waits for an entry before it looks at the stream's end again.
const IDLE: Duration = Duration::from_secs(1);

/// Follows the log for ever, starting again (after a pause) on any error.
pub async fn follow(service: Arc<SearchService>, log: Log) {
    loop {
        match follow_generation(&service, &log).await {
            Ok(()) => tracing::info!("another generation is served: following the log from its sequence"),
            Err(error) => {
                tracing::warn!(%error, "following the document log failed; starting again");
                tokio::time::sleep(Duration::from_secs(1)).await;
            }
        }
    }
}

/// Applies the log to the generation served now, until another one is switched in.
async fn follow_generation(service: &Arc<SearchService>, log: &Log) -> Result<(), ReplicaError> {
    let (generation, applied) = service.position()?;
    let start = applied + 1;
    tracing::info!(start, "following the document log from sequence {start}");
    refresh_lag(service, log).await?;
    let mut messages = log.messages_from(start).await?;
    loop {
        let mut batch = Batch::default();
        match tokio::time::timeout(IDLE, messages.next()).await {
            Err(_) => {
                if service.generation() != generation {
                    return Ok(());
                }
                refresh_lag(service, log).await?;
                continue;
            }
            Ok(None) => return Err(ReplicaError::Read("the stream of messages ended".to_string())),
            Ok(Some(message)) => batch.add(message.map_err(|error| ReplicaError::Read(error.to_string()))?)?,
        }
        // Entries arriving within the window join the batch (the server's `pending` does not
        // count what the client has buffered, so it cannot tell when to stop).
        let deadline = tokio::time::Instant::now() + BATCH_WINDOW;
        while batch.changes.len() < MAX_BATCH {
            match tokio::time::timeout_at(deadline, messages.next()).await {
                Ok(Some(message)) => batch.add(message.map_err(|error| ReplicaError::Read(error.to_string()))?)?,
                Ok(None) | Err(_) => break,
            }
        }
        let Batch {
            changes,
            sequence,
            pending,
        } = batch;
        let started = Instant::now();
        let entries = changes.len();
        let applying = {
            let (service, generation) = (service.clone(), generation.clone());
            tokio::task::spawn_blocking(move || service.apply_logged(generation.as_ref(), &changes, sequence))
        };
        let applied = applying
            .await
            .map_err(|error| ReplicaError::Read(format!("the apply task failed: {error}")))??;
        if !applied {
            return Ok(());
        }
        tracing::debug!(sequence, pending, entries, elapsed = ?started.elapsed(), "applied log entries");
        report_lag(service, pending);
    }
}

/// Log entries gathered for one commit.
#[derive(Default)]
struct Batch {
    changes: Vec<Change>,
    /// The stream sequence of the last entry.
    sequence: u64,
    /// Entries after it the stream holds for this follower.
    pending: u64,
}

impl Batch {
    fn add(&mut self, message: async_nats::jetstream::Message) -> Result<(), ReplicaError> {
        let info = message.info().map_err(|error| ReplicaError::Read(error.to_string()))?;
        self.sequence = info.stream_sequence;
        self.pending = info.pending;
        match serde_json::from_slice::<Change>(&message.payload) {
            Ok(change) => self.changes.push(change),
            // One bad message must not stop a replica for ever; it is logged and passed.
            Err(error) => {
                tracing::error!(sequence = self.sequence, %error, "a log message that is not a pressroom change; skipped")
            }
        }
        Ok(())
    }
}

/// Looks at the stream's end: the lag is what it holds beyond what this replica applied;
/// none left, the replica has caught up.
async fn refresh_lag(service: &SearchService, log: &Log) -> Result<(), ReplicaError> {
    let (last, _) = log.last_sequence().await?;
    report_lag(service, last.saturating_sub(service.applied_sequence()));
    Ok(())
}

/// Tells `/ready` the lag. A replica that has caught up once stays in rotation through a
/// moment's lag under writes; only a rebuild switched in takes it out (see
/// `SearchService::reload`) until it catches up again.
fn report_lag(service: &SearchService, lag: u64) {
    let caught_up = lag == 0 || service.replication().is_some_and(|now| now.caught_up);
    service.set_replication(Replication { lag, caught_up });
}
