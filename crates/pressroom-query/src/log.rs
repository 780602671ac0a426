//! The document log as the HTTP layer sees it: somewhere a replica publishes the writes it
//! accepts, and answers once they are stored durably. The NATS JetStream implementation is
//! in crate `pressroom-replica`; this crate only needs the promise.

use std::future::Future;
use std::pin::Pin;

use pressroom_index::Change;

use crate::error::SearchError;

/// The log sequence of the last change appended, once the log has stored it durably.
pub type Appending = Pin<Box<dyn Future<Output = Result<u64, SearchError>> + Send>>;

/// A log every replica follows, that keeps the latest change of each document id.
pub trait DocumentLog: Send + Sync + 'static {
    /// Appends `changes` in order; resolves when the log's quorum has stored them all.
    fn append(&self, changes: Vec<Change>) -> Appending;
}
