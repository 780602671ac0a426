//! One module per collection format; this one walks the inputs and dispatches.

mod jsonl;
mod pages;
mod reliefweb;

pub use jsonl::record_from_json;
pub use reliefweb::language_code;
mod reuters;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use crate::detect::{detect_formats, Format};
use crate::error::{IngestError, Problem, ProblemKind};
use crate::page;
use crate::record::Record;

/// What a read saw: files, records, and what was skipped and why.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReadSummary {
    pub files_read: usize,
    /// Files passed over because they hold no records (READMEs, DTDs, label lists).
    pub files_ignored: Vec<PathBuf>,
    /// Records handed on.
    pub records: usize,
    /// Records or files skipped, by reason.
    pub skipped: BTreeMap<ProblemKind, usize>,
}

impl ReadSummary {
    pub fn skipped_total(&self) -> usize {
        self.skipped.values().sum()
    }
}

/// Where records and problems go.
pub(crate) struct Sink<'a> {
    on_item: &'a mut dyn FnMut(Result<Record, Problem>),
    summary: ReadSummary,
}

impl Sink<'_> {
    pub(crate) fn record(&mut self, record: Record) {
        self.summary.records += 1;
        (self.on_item)(Ok(record));
    }

    pub(crate) fn problem(&mut self, problem: Problem) {
        *self.summary.skipped.entry(problem.kind).or_default() += 1;
        (self.on_item)(Err(problem));
    }

    /// Hands on a record, or reports why it cannot be indexed ([`Record::defect`]).
    pub(crate) fn record_or_problem(&mut self, record: Record, path: &Path, location: String) {
        match record.defect() {
            Some((kind, detail)) => self.problem(Problem::new(path, location, kind, detail)),
            None => self.record(record),
        }
    }
}

/// Records gathered into batches of one size, for whoever hands records on in bulk (a
/// build to its enriching threads): `push` gives back each full
/// batch, `rest` the last, smaller one.
pub struct Batches {
    size: usize,
    current: Vec<Record>,
}

impl Batches {
    pub fn new(size: usize) -> Batches {
        Batches {
            size: size.max(1),
            current: Vec::with_capacity(size.max(1)),
        }
    }

    /// Adds a record; a full batch comes back.
    pub fn push(&mut self, record: Record) -> Option<Vec<Record>> {
        self.current.push(record);
        (self.current.len() == self.size).then(|| std::mem::replace(&mut self.current, Vec::with_capacity(self.size)))
    }

    /// What is left, if anything.
    pub fn rest(self) -> Option<Vec<Record>> {
        (!self.current.is_empty()).then_some(self.current)
    }
}

/// Reads every file under `paths` (files or folders, walked in name order), detecting each
/// file's format unless `forced`, and hands each record or problem to `on_item`.
///
/// Fails only when a path does not exist; everything else is reported through `on_item` and
/// counted in the returned summary.
pub fn read_sources(
    paths: &[PathBuf],
    forced: Option<Format>,
    on_item: &mut dyn FnMut(Result<Record, Problem>),
) -> Result<ReadSummary, IngestError> {
    let mut files = Vec::new();
    let mut unreadable = Vec::new();
    for path in paths {
        if !path.exists() {
            return Err(IngestError::NotFound(path.clone()));
        }
        collect_files(path, &mut files, &mut unreadable).map_err(|source| IngestError::Io {
            path: path.clone(),
            source,
        })?;
    }
    let mut sink = Sink {
        on_item,
        summary: ReadSummary::default(),
    };
    for (path, reason) in unreadable {
        sink.problem(Problem::new(path, "", ProblemKind::Unreadable, reason));
    }
    let detected = detect_formats(files, forced);
    // Plain-text pages are read knowing the lines their folder's pages repeat (menus).
    let mut pages_by_folder: HashMap<&Path, Vec<&Path>> = HashMap::new();
    for (file, format) in &detected {
        if *format == Some(Format::Pages) {
            if let Some(folder) = file.parent() {
                pages_by_folder.entry(folder).or_default().push(file);
            }
        }
    }
    let sites: HashMap<&Path, page::SiteLines> = pages_by_folder
        .into_iter()
        .map(|(folder, pages)| (folder, pages::learn_site(&pages)))
        .collect();
    let no_site = page::SiteLines::default();
    let mut reliefweb_files = Vec::new();
    for (file, format) in &detected {
        let file = file.clone();
        let format = *format;
        let Some(format) = format else {
            sink.summary.files_ignored.push(file);
            continue;
        };
        sink.summary.files_read += 1;
        match format {
            Format::Pages => {
                let site = file.parent().and_then(|folder| sites.get(folder)).unwrap_or(&no_site);
                pages::read(&file, site, &mut sink)
            }
            Format::Trove => jsonl::read_trove(&file, &mut sink),
            Format::Wikipedia => jsonl::read_wikipedia(&file, &mut sink),
            Format::Jsonl => jsonl::read_generic(&file, &mut sink),
            Format::Reuters => reuters::read(&file, &mut sink),
            // ReliefWeb reports appear in several CSVs (one row per label): merged below.
            Format::Reliefweb => reliefweb_files.push(file),
        }
    }
    if !reliefweb_files.is_empty() {
        reliefweb::read(&reliefweb_files, &mut sink);
    }
    Ok(sink.summary)
}

/// Regular files under `path`, in name order; entries inside folders that cannot be read as
/// files (dangling links, sockets, pipes) go to `unreadable` with the reason.
fn collect_files(
    path: &Path,
    files: &mut Vec<PathBuf>,
    unreadable: &mut Vec<(PathBuf, String)>,
) -> std::io::Result<()> {
    if path.is_file() {
        files.push(path.to_path_buf());
        return Ok(());
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(path)?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|entry| {
            !entry
                .file_name()
                .is_some_and(|name| name.to_string_lossy().starts_with('.'))
        })
        .collect();
    entries.sort();
    for entry in entries {
        match std::fs::metadata(&entry) {
            Ok(meta) if meta.is_dir() => collect_files(&entry, files, unreadable)?,
            Ok(meta) if meta.is_file() => files.push(entry),
            Ok(_) => unreadable.push((entry, "not a regular file".to_string())),
            Err(error) => unreadable.push((entry, error.to_string())),
        }
    }
    Ok(())
}

/// Reads a file whole, at most `max` bytes, reporting an unreadable, truncated or too large
/// file.
pub(crate) fn read_file_bytes(path: &Path, sink: &mut Sink<'_>, max: u64) -> Option<Vec<u8>> {
    match crate::input::read_all(path, max) {
        Ok(bytes) => Some(bytes),
        Err(error) => {
            let kind = crate::input::problem_kind(&error);
            let detail = match kind {
                ProblemKind::TooLarge => format!("over {max} bytes once decompressed"),
                _ => error.to_string(),
            };
            sink.problem(Problem::new(path, "", kind, detail));
            None
        }
    }
}

/// The collection name of a file: its folder's name.
pub(crate) fn folder_name(path: &Path) -> String {
    path.parent()
        .and_then(|parent| parent.canonicalize().ok().or_else(|| Some(parent.to_path_buf())))
        .and_then(|parent| parent.file_name().map(|name| name.to_string_lossy().into_owned()))
        .filter(|name| !name.is_empty())
        .unwrap_or_else(|| "pages".to_string())
}

/// `YYYY-MM-DD`, `YYYY-MM` or `YYYY` (the first of the period).
pub(crate) fn parse_loose_date(text: &str) -> Option<time::Date> {
    let text = text.trim();
    let head = text.get(..10).unwrap_or(text);
    let mut parts = head.split('-');
    let year: i32 = parts.next()?.parse().ok()?;
    let month: u8 = parts.next().map_or(Some(1), |m| m.parse().ok())?;
    let day: u8 = parts.next().map_or(Some(1), |d| d.get(..2).unwrap_or(d).parse().ok())?;
    let month = time::Month::try_from(month).ok()?;
    time::Date::from_calendar_date(year, month, day).ok()
}
