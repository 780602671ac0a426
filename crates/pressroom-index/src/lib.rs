//! The tantivy side of pressroom: the schema and its analyzer ([`schema`]), the stored form
//! of a document ([`StoredDocument`]), and building an index atomically ([`build`]).
//!
//! An index folder holds generations (`gen-<time>/`, each a complete tantivy index) and a
//! `CURRENT` file naming the one to serve. A build writes a new generation and switches
//! `CURRENT` with a rename only when it is complete, so a failed or killed build leaves the
//! previous index intact.
//!
//! ```
//! # let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
//! let dir = std::env::temp_dir().join(format!("pressroom-doc-{}", std::process::id()));
//! let report = pressroom_index::build(&dir, &[corpus], &Default::default(), &mut |problem| eprintln!("{problem}"))?;
//! // 35 releases and 49 sample pages (`corpus/pages/`).
//! assert_eq!(report.indexed, 84);
//! let (index, _fields) = pressroom_index::open_index(&dir)?;
//! assert_eq!(index.reader()?.searcher().num_docs(), 84);
//! # std::fs::remove_dir_all(&dir).ok();
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod build;
mod change;
mod document;
mod error;
pub mod fingerprint;
pub mod journal;
mod location;
pub mod pairs;
mod progress;
pub mod schema;
mod stems;
mod update;

pub use build::{build, build_from, folder_size, BuildOptions, BuildReport, Input};
pub use change::{apply_changes, Applied, Change, ChangeWriter};
pub use document::{facet_values, to_document, StoredDocument};
pub use error::IndexError;
pub use location::{
    current_generation, generation_name, learned_acronyms, open_current, open_index, BuildLock, Generation, Lease,
};
pub use progress::progress_spinner;
pub use schema::Fields;
pub use update::{count_existing, delete_documents, update, upsert_documents, UpdateReport};
