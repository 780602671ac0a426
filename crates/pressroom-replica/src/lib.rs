//! The document log on NATS JetStream, and the replicas that follow it.
//!
//! Every enriched document, and every delete as a tombstone, is a message of one JetStream
//! stream ([`LOG_STREAM`]), one subject per document id (`pressroom.docs.<id>`,
//! [`subject`]) with one message kept per subject: the stream holds the latest version of
//! each document, replicated by NATS's Raft (`--log-replicas`, 3 by default). pressroom writes
//! no consensus of its own.
//!
//! | room | what it holds |
//! |---|---|
//! | [`log`] | [`Log`]: connecting, the stream's settings, publishing changes (deduplicated retries, the quorum's acknowledgement) |
//! | [`subject`] | a document id as a subject token and back |
//! | [`publish`] | `pressroom publish`: read and enrich sources, publish them |
//! | [`follow`] | a replica's follower: the stream applied to its index in batches, its lag |
//! | [`replay`] | the whole stream read back, for a rebuild or a new replica |

mod error;
pub mod follow;
pub mod log;
pub mod publish;
pub mod replay;
pub mod subject;

pub use error::ReplicaError;
pub use follow::follow;
pub use log::{Log, LogSettings, LOG_STREAM};
pub use publish::{publish_sources, PublishReport};
pub use replay::{read_latest, Latest};
