//! Which reader a file needs: by extension, then by sniffing the first line or header.

use std::path::{Path, PathBuf};
use std::str::FromStr;

use crate::input;

/// The collection formats pressroom reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Format {
    /// A folder of scraped pages: `.txt`, `.html`, `.htm` (one release per file).
    Pages,
    /// Trove press releases: JSON lines with `version_id`, `date`, `contributor_slug`, `text`.
    Trove,
    /// ReliefWeb CSV: `nid`, `post` (title on the first line), label columns.
    Reliefweb,
    /// Reuters-21578 SGML: `<REUTERS NEWID=…>` records.
    Reuters,
    /// Wikipedia JSON lines: `id`, `url`, `title`, `body`.
    Wikipedia,
    /// Generic JSON lines: `id`, `title`, `body`, optional `date`, `url`, `lang`.
    Jsonl,
}

impl Format {
    pub const ALL: [Format; 6] = [
        Format::Pages,
        Format::Trove,
        Format::Reliefweb,
        Format::Reuters,
        Format::Wikipedia,
        Format::Jsonl,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Format::Pages => "pages",
            Format::Trove => "trove",
            Format::Reliefweb => "reliefweb",
            Format::Reuters => "reuters",
            Format::Wikipedia => "wikipedia",
            Format::Jsonl => "jsonl",
        }
    }
}

impl FromStr for Format {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Format::ALL
            .into_iter()
            .find(|format| format.name().eq_ignore_ascii_case(text))
            .ok_or_else(|| {
                let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
                format!("unknown format `{text}` (expected one of: {})", names.join(", "))
            })
    }
}

/// The format of each file (`forced`, or detected; each file is sniffed once, as detection
/// may open and decompress it). A Reuters distribution folder also holds READMEs and label
/// lists: beside its SGML, its text files are not pages but nothing to read.
pub fn detect_formats(files: Vec<PathBuf>, forced: Option<Format>) -> Vec<(PathBuf, Option<Format>)> {
    let detected: Vec<(PathBuf, Option<Format>)> = files
        .into_iter()
        .map(|file| {
            let format = forced.or_else(|| detect_format(&file));
            (file, format)
        })
        .collect();
    let reuters_folders: Vec<PathBuf> = detected
        .iter()
        .filter(|(_, format)| *format == Some(Format::Reuters))
        .filter_map(|(file, _)| file.parent().map(Path::to_path_buf))
        .collect();
    detected
        .into_iter()
        .map(|(file, format)| {
            let in_reuters_folder = file
                .parent()
                .is_some_and(|parent| reuters_folders.iter().any(|folder| folder == parent));
            match format {
                Some(Format::Pages) if in_reuters_folder && forced.is_none() => (file, None),
                other => (file, other),
            }
        })
        .collect()
}

/// Detects the format of one file, or `None` when it is not a record collection
/// (a README, a DTD, a CSV of label names…).
pub fn detect_format(path: &Path) -> Option<Format> {
    let (_, extension) = input::stem_and_extension(path);
    match extension.as_str() {
        "html" | "htm" => Some(Format::Pages),
        // A `.txt` of JSON lines (a query list, a record export) is not a scraped page.
        "txt" => match first_line(path).map(|line| serde_json::from_str::<serde_json::Value>(&line)) {
            Some(Ok(serde_json::Value::Object(object))) => json_lines_format(&object),
            _ => Some(Format::Pages),
        },
        "sgm" | "sgml" => Some(Format::Reuters),
        "csv" => {
            let header = first_line(path)?.to_ascii_lowercase();
            let columns: Vec<&str> = header.split(',').map(|c| c.trim().trim_matches('"')).collect();
            (columns.contains(&"nid") && columns.contains(&"post")).then_some(Format::Reliefweb)
        }
        "jsonl" | "ndjson" | "json" => {
            let line = first_line(path)?;
            let value: serde_json::Value = serde_json::from_str(&line).ok()?;
            json_lines_format(value.as_object()?)
        }
        _ => None,
    }
}

/// The file's first non-blank line, at most one record long.
fn first_line(path: &Path) -> Option<String> {
    input::first_line(path, input::MAX_RECORD_BYTES)
}

/// Which JSON-lines collection a first object belongs to; `None` when it is no record
/// (it has no `id` nor `version_id`).
fn json_lines_format(object: &serde_json::Map<String, serde_json::Value>) -> Option<Format> {
    if object.contains_key("version_id") {
        Some(Format::Trove)
    } else if !object.contains_key("id") {
        None
    } else if object
        .get("url")
        .and_then(|u| u.as_str())
        .is_some_and(|u| u.contains("wikipedia.org"))
    {
        Some(Format::Wikipedia)
    } else {
        Some(Format::Jsonl)
    }
}
