//! The whole log read back: the latest version of every document it holds, up to the last
//! sequence the stream had assigned when the read began. A rebuild builds a new generation
//! of it (`pressroom index --from-log`), enriched again with the tables of the build, and
//! the replicas' followers apply what came after that sequence.

use std::collections::BTreeMap;
use std::time::Duration;

use futures_util::StreamExt;
use pressroom_index::Change;
use pressroom_ingest::Record;

use crate::error::ReplicaError;
use crate::log::Log;

/// How long the read waits for the next message before it gives up.
const READ_PATIENCE: Duration = Duration::from_secs(30);

/// What the log held.
#[derive(Debug, Default)]
pub struct Latest {
    /// Documents by id.
    pub records: BTreeMap<String, Record>,
    /// Tombstones read (deleted ids).
    pub deleted: usize,
    /// The stream's last sequence when the read began: everything up to it is in `records`.
    pub sequence: u64,
}

/// Reads the log from its start to the sequence it had reached when the read began.
pub async fn read_latest(log: &Log) -> Result<Latest, ReplicaError> {
    let (last, held) = log.last_sequence().await?;
    let mut latest = Latest {
        sequence: last,
        ..Latest::default()
    };
    if held == 0 {
        return Ok(latest);
    }
    let mut messages = log.messages_from(1).await?;
    loop {
        let message = match tokio::time::timeout(READ_PATIENCE, messages.next()).await {
            Ok(Some(Ok(message))) => message,
            Ok(Some(Err(error))) => return Err(ReplicaError::Read(error.to_string())),
            Ok(None) => return Err(ReplicaError::Read("the stream of messages ended".to_string())),
            Err(_) => return Err(ReplicaError::Read(format!("no message for {READ_PATIENCE:?}"))),
        };
        let info = message.info().map_err(|error| ReplicaError::Read(error.to_string()))?;
        let (sequence, pending) = (info.stream_sequence, info.pending);
        if sequence > last {
            break;
        }
        match serde_json::from_slice::<Change>(&message.payload) {
            Ok(Change::Upsert { record, .. }) => {
                latest.records.insert(record.id.clone(), *record);
            }
            Ok(Change::Delete { id }) => {
                latest.records.remove(&id);
                latest.deleted += 1;
            }
            Err(error) => tracing::error!(sequence, %error, "a log message that is not a pressroom change; skipped"),
        }
        if sequence == last || pending == 0 {
            break;
        }
    }
    Ok(latest)
}
