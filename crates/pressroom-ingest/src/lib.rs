//! Readers for raw press-release collections, and the cleaning every record goes through.
//!
//! The entry point is [`read_sources`]: give it files or folders, it detects each one's
//! [`Format`] (or takes the one forced), reads gzip transparently, cleans the text
//! ([`clean`]; scraped pages: [`page`]) and hands every [`Record`] or [`Problem`] to a
//! callback. A malformed record never stops a run: it is reported with its file, line or
//! offset and reason.
//!
//! ```
//! use pressroom_ingest::page::clean_page;
//!
//! let page = clean_page("Who we are\nWHO WE AREThe agency helps migrants.\n- Data\nFloods Displace Thousands in Chad\nHeavy rain displaced thousands of families this week.\nAid agencies said more help was needed.\nFor further information, please contact:\nJane Doe, jane@example.org");
//! assert_eq!(page.title, "Floods Displace Thousands in Chad");
//! assert!(page.body.starts_with("Heavy rain"));
//! assert!(page.contact.unwrap().contains("jane@example.org"));
//! ```

pub mod clean;
mod detect;
mod error;
#[doc(hidden)]
pub mod fuzzing;
mod input;
pub mod ocr_title;
pub mod page;
mod readers;
mod record;

pub use detect::{detect_format, Format};
pub use error::{IngestError, Problem, ProblemKind};
pub use readers::{language_code, read_sources, record_from_json, Batches, ReadSummary};
pub use record::{Labels, Record, MAX_ID_BYTES};
