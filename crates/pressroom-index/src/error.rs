use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    #[error("no index at {0} (build one with `pressroom index`)")]
    NoIndex(PathBuf),
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("tantivy: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
    #[error("cannot open the index folder: {0}")]
    OpenDirectory(#[from] tantivy::directory::error::OpenDirectoryError),
    #[error("reading the sources: {0}")]
    Ingest(#[from] pressroom_ingest::IngestError),
    #[error("loading the enrichment tables: {0}")]
    Enrich(#[from] pressroom_enrich::EnrichError),
    #[error("{0}: the journal is held by another process (a server already serves this folder)")]
    JournalInUse(PathBuf),
    #[error("{path}: the journal is damaged at byte {offset}: {message}")]
    Journal {
        path: PathBuf,
        offset: u64,
        message: String,
    },
    #[error("the index is locked by another writer (a running server, or another `pressroom index --update`); retry when it is done")]
    Locked,
    #[error("the schema of {0} is not this pressroom's: field `{1}` is missing (an index built by an older version? build it again with `pressroom index`)")]
    SchemaMismatch(PathBuf, &'static str),
}

impl IndexError {
    pub(crate) fn io(path: impl Into<PathBuf>) -> impl FnOnce(std::io::Error) -> IndexError {
        let path = path.into();
        move |source| IndexError::Io { path, source }
    }
}
