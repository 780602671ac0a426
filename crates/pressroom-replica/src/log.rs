//! [`Log`]: a connection to the document log, a JetStream stream on a NATS cluster.
//!
//! A publish is acknowledged by JetStream once the stream's quorum has stored it (R3: two of
//! three servers). Each change carries a `Nats-Msg-Id` made once per change, so a publish
//! retried after a timeout or a lost connection is recognised by the stream as a duplicate
//! (within [`DUPLICATE_WINDOW`]) and stored once.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use async_nats::jetstream::consumer::pull::{Ordered, OrderedConfig};
use async_nats::jetstream::consumer::DeliverPolicy;
use async_nats::jetstream::{self, context::Publish, stream};
use futures_util::stream::{FuturesOrdered, StreamExt};
use pressroom_index::Change;
use pressroom_query::log::{Appending, DocumentLog};
use pressroom_query::SearchError;

use crate::error::ReplicaError;
use crate::subject::{subject, SUBJECTS};

/// The JetStream stream of the document log.
pub const LOG_STREAM: &str = "PRESSROOM_DOCS";
/// How long the stream remembers message ids, so a retried publish is stored once.
pub const DUPLICATE_WINDOW: Duration = Duration::from_secs(120);
/// How long one JetStream request (a publish's acknowledgement, an info) may take.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(5);
/// Publishes of one change (the first and the retries, all with the same message id).
const ATTEMPTS: usize = 4;
/// Publishes awaiting their acknowledgement at once.
const IN_FLIGHT: usize = 256;
/// How long connecting and creating the stream are retried while a cluster starts.
const STARTUP_PATIENCE: Duration = Duration::from_secs(30);
/// Room left in a message for its headers (the message id).
const HEADER_ROOM: usize = 256;

/// Where the log is and how it is kept.
#[derive(Debug, Clone)]
pub struct LogSettings {
    /// NATS servers, comma-separated (`nats://127.0.0.1:4222,nats://127.0.0.1:4223`); the
    /// client moves to another when one goes.
    pub urls: String,
    /// Copies of the stream the cluster keeps (1 on a single NATS server, 3 on a cluster of
    /// three or more). An existing stream keeps the setting it was created with.
    pub replicas: usize,
    /// Whether to create the stream when there is none (publishers and replicas); a reader
    /// (`index --from-log`) refuses a missing stream rather than create one with the wrong
    /// settings.
    pub create: bool,
}

/// A connection to the document log.
#[derive(Clone)]
pub struct Log {
    client: async_nats::Client,
    jetstream: jetstream::Context,
    /// Makes message ids unique to this process: `<writer>-<counter>`.
    writer: Arc<str>,
    counter: Arc<AtomicU64>,
}

impl Log {
    /// Connects to the servers and creates the stream when there is none. Retries for a while
    /// when the cluster is still starting (no JetStream leader yet).
    pub async fn connect(settings: &LogSettings) -> Result<Log, ReplicaError> {
        let urls: Vec<String> = settings
            .urls
            .split(',')
            .map(str::trim)
            .filter(|url| !url.is_empty())
            .map(String::from)
            .collect();
        let started = Instant::now();
        let client = loop {
            match async_nats::ConnectOptions::new()
                .name("pressroom")
                .connect(urls.as_slice())
                .await
            {
                Ok(client) => break client,
                Err(error) if started.elapsed() < STARTUP_PATIENCE => {
                    tracing::info!(%error, "waiting for NATS");
                    tokio::time::sleep(Duration::from_millis(500)).await;
                }
                Err(error) => {
                    return Err(ReplicaError::Connect {
                        url: settings.urls.clone(),
                        message: error.to_string(),
                    })
                }
            }
        };
        let mut jetstream = jetstream::new(client.clone());
        jetstream.set_timeout(REQUEST_TIMEOUT);
        let config = stream::Config {
            name: LOG_STREAM.to_string(),
            subjects: vec![SUBJECTS.to_string()],
            max_messages_per_subject: 1,
            num_replicas: settings.replicas.max(1),
            duplicate_window: DUPLICATE_WINDOW,
            storage: stream::StorageType::File,
            ..Default::default()
        };
        loop {
            let found = if settings.create {
                jetstream
                    .get_or_create_stream(config.clone())
                    .await
                    .map_err(|error| error.to_string())
            } else {
                jetstream
                    .get_stream(LOG_STREAM)
                    .await
                    .map_err(|error| error.to_string())
            };
            match found {
                Ok(mut stream) => {
                    let info = stream
                        .info()
                        .await
                        .map_err(|error| ReplicaError::Stream(error.to_string()))?;
                    if info.config.max_messages_per_subject != 1 {
                        return Err(ReplicaError::Stream(format!(
                            "{LOG_STREAM} keeps {} messages per subject, not 1: it is not a pressroom log",
                            info.config.max_messages_per_subject
                        )));
                    }
                    if info.config.num_replicas != config.num_replicas && settings.create {
                        tracing::warn!(
                            kept = info.config.num_replicas,
                            asked = config.num_replicas,
                            "the log stream exists with another number of copies; it keeps its own"
                        );
                    }
                    break;
                }
                Err(error) if started.elapsed() < STARTUP_PATIENCE => {
                    tracing::info!(%error, "waiting for the JetStream cluster");
                    tokio::time::sleep(Duration::from_millis(500)).await;
                }
                Err(error) => return Err(ReplicaError::Stream(error.to_string())),
            }
        }
        let stamp = SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default();
        Ok(Log {
            client,
            jetstream,
            writer: format!("{}-{}-{}", std::process::id(), stamp.as_secs(), stamp.subsec_nanos()).into(),
            counter: Arc::new(AtomicU64::new(0)),
        })
    }

    /// The stream, for reading it.
    pub async fn stream(&self) -> Result<stream::Stream, ReplicaError> {
        self.jetstream
            .get_stream(LOG_STREAM)
            .await
            .map_err(|error| ReplicaError::Stream(error.to_string()))
    }

    /// The log's messages from sequence `start` on (the first one still held, if `start`'s was
    /// replaced), in order, through an ordered consumer (ephemeral; recreated by the client
    /// when a server goes).
    pub async fn messages_from(&self, start: u64) -> Result<Ordered, ReplicaError> {
        let consumer = self
            .stream()
            .await?
            .create_consumer(OrderedConfig {
                deliver_policy: DeliverPolicy::ByStartSequence {
                    start_sequence: start.max(1),
                },
                ..Default::default()
            })
            .await
            .map_err(|error| ReplicaError::Read(error.to_string()))?;
        consumer
            .messages()
            .await
            .map_err(|error| ReplicaError::Read(error.to_string()))
    }

    /// The last sequence the stream assigned, and how many messages it holds.
    pub async fn last_sequence(&self) -> Result<(u64, u64), ReplicaError> {
        let mut stream = self.stream().await?;
        let info = stream
            .info()
            .await
            .map_err(|error| ReplicaError::Stream(error.to_string()))?;
        Ok((info.state.last_sequence, info.state.messages))
    }

    /// A message id for a change: the same for every retry of its publish.
    pub fn message_id(&self) -> String {
        format!("{}-{}", self.writer, self.counter.fetch_add(1, Ordering::Relaxed))
    }

    /// Publishes `changes` in order and waits until the stream's quorum has stored each;
    /// returns the sequence of the last. A change too large for the server is refused whole,
    /// before anything is sent.
    pub async fn publish(&self, changes: Vec<Change>) -> Result<u64, ReplicaError> {
        let mut messages = Vec::with_capacity(changes.len());
        for change in &last_per_id(changes) {
            messages.push(self.message(change)?);
        }
        let mut last = 0;
        let mut waiting = FuturesOrdered::new();
        for message in messages {
            if waiting.len() == IN_FLIGHT {
                if let Some(sequence) = waiting.next().await {
                    last = last.max(sequence?);
                }
            }
            waiting.push_back(self.publish_message(message));
        }
        while let Some(sequence) = waiting.next().await {
            last = last.max(sequence?);
        }
        Ok(last)
    }

    /// A change as a message: its subject, body and message id.
    pub fn message(&self, change: &Change) -> Result<Message, ReplicaError> {
        let body = serde_json::to_vec(change).map_err(|error| ReplicaError::Publish {
            id: change.id().to_string(),
            message: error.to_string(),
        })?;
        let max = self.client.server_info().max_payload;
        if max > HEADER_ROOM && body.len() > max - HEADER_ROOM {
            return Err(ReplicaError::TooLarge {
                id: change.id().to_string(),
                bytes: body.len(),
                max,
            });
        }
        Ok(Message {
            id: change.id().to_string(),
            subject: subject(change.id()),
            body: body.into(),
            message_id: self.message_id(),
        })
    }

    /// Publishes one message until the stream acknowledges it (a retry carries the same
    /// message id, so the stream stores it once); returns its sequence.
    pub async fn publish_message(&self, message: Message) -> Result<u64, ReplicaError> {
        let mut failure = String::new();
        for attempt in 0..ATTEMPTS {
            if attempt > 0 {
                tokio::time::sleep(Duration::from_millis(250 << attempt)).await;
                tracing::warn!(id = %message.id, attempt, error = %failure, "publishing again");
            }
            let publish = Publish::build()
                .payload(message.body.clone())
                .message_id(&message.message_id);
            let acknowledged = match self.jetstream.send_publish(message.subject.clone(), publish).await {
                Ok(ack) => ack.await,
                Err(error) => {
                    failure = error.to_string();
                    continue;
                }
            };
            match acknowledged {
                Ok(ack) => return Ok(ack.sequence),
                Err(error) => failure = error.to_string(),
            }
        }
        Err(ReplicaError::Publish {
            id: message.id,
            message: failure,
        })
    }
}

/// The last change of each id, in the order of those last changes: publishes run side by
/// side and a retried one may be stored after a later one, so one batch must not hold two
/// versions of a document.
pub fn last_per_id(changes: Vec<Change>) -> Vec<Change> {
    let mut seen = std::collections::HashSet::new();
    let mut kept: Vec<Change> = changes
        .into_iter()
        .rev()
        .filter(|change| seen.insert(change.id().to_string()))
        .collect();
    kept.reverse();
    kept
}

/// A change ready to publish.
#[derive(Debug, Clone)]
pub struct Message {
    pub id: String,
    pub subject: String,
    pub body: bytes::Bytes,
    pub message_id: String,
}

/// The HTTP layer's writes on a replica: published, answered once stored.
impl DocumentLog for Log {
    fn append(&self, changes: Vec<Change>) -> Appending {
        let log = self.clone();
        Box::pin(async move {
            log.publish(changes).await.map_err(|error| {
                tracing::warn!(%error, "the document log did not store a write");
                match error {
                    ReplicaError::TooLarge { max, .. } => SearchError::PayloadTooLarge {
                        max_bytes: max - HEADER_ROOM,
                    },
                    other => SearchError::LogUnavailable(other.to_string()),
                }
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_batch_keeps_the_last_change_of_each_id() {
        let delete = |id: &str| Change::Delete { id: id.to_string() };
        let record: pressroom_ingest::Record =
            serde_json::from_str(r#"{"id":"a","source":"api","title":"A","body":"B"}"#).expect("a record");
        let upsert = Change::Upsert {
            record: Box::new(record),
            enrichment: None,
        };
        let kept = last_per_id(vec![
            upsert.clone(),
            delete("b"),
            delete("a"),
            delete("c"),
            upsert.clone(),
        ]);
        assert_eq!(kept, vec![delete("b"), delete("c"), upsert]);
    }
}
