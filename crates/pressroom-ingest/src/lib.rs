//! Readers for raw press-release collections, and the cleaning every record goes through.
//!
//! The entry point is [`read_sources`]: give it files or folders, it detects each one's
//! [`Format`] (or takes the one forced), reads gzip transparently, cleans the text
//! ([`clean`]) and hands every [`Record`] or [`Problem`] to a callback. A malformed record
//! never stops a run: it is reported with its file, line or offset and reason.

pub mod clean;
mod detect;
mod error;
mod input;
mod readers;
mod record;

pub use detect::{detect_format, Format};
pub use error::{IngestError, Problem, ProblemKind};
pub use readers::{read_sources, ReadSummary};
pub use record::{Labels, Record};
