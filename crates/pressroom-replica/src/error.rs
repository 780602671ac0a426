/// Everything talking to the document log can fail with.
#[derive(Debug, thiserror::Error)]
pub enum ReplicaError {
    #[error("cannot connect to NATS at {url}: {message}")]
    Connect { url: String, message: String },
    #[error("the document log stream: {0}")]
    Stream(String),
    #[error("publishing `{id}`: {message}")]
    Publish { id: String, message: String },
    #[error("`{id}` is {bytes} bytes as a message, over the NATS server's limit of {max} bytes (max_payload); it was not published")]
    TooLarge { id: String, bytes: usize, max: usize },
    #[error("reading the document log: {0}")]
    Read(String),
    #[error("a log message at sequence {sequence} is not a pressroom change: {message}")]
    BadMessage { sequence: u64, message: String },
    #[error("applying log entries: {0}")]
    Apply(#[from] pressroom_query::SearchError),
    #[error("reading the sources: {0}")]
    Ingest(#[from] pressroom_ingest::IngestError),
    #[error("loading the enrichment tables: {0}")]
    Enrich(#[from] pressroom_enrich::EnrichError),
}
