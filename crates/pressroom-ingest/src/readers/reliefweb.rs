//! ReliefWeb CSV exports: `nid`, `post` (title on the first line, then a markdown body), and
//! a label column (`language_name` or `theme_name`). A report appears once per label and in
//! several files: rows are merged by `nid` and each report is handed on once.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::Sink;
use crate::clean::{clean_text, strip_markdown};
use crate::error::{Problem, ProblemKind};
use crate::input;
use crate::record::Record;

pub(super) fn read(files: &[PathBuf], sink: &mut Sink<'_>) {
    let mut reports: BTreeMap<u64, (Record, PathBuf, String)> = BTreeMap::new();
    for path in files {
        read_file(path, sink, &mut reports);
    }
    for (record, path, location) in reports.into_values() {
        sink.record_or_empty(record, &path, location);
    }
}

fn read_file(path: &Path, sink: &mut Sink<'_>, reports: &mut BTreeMap<u64, (Record, PathBuf, String)>) {
    let reader = match input::open(path) {
        Ok(reader) => reader,
        Err(error) => {
            sink.problem(Problem::new(path, "", ProblemKind::Unreadable, error.to_string()));
            return;
        }
    };
    let mut csv = csv::ReaderBuilder::new().flexible(true).from_reader(reader);
    let headers = match csv.headers() {
        Ok(headers) => headers.clone(),
        Err(error) => {
            sink.problem(Problem::new(path, "line 1", ProblemKind::BadCsv, error.to_string()));
            return;
        }
    };
    let column = |name: &str| headers.iter().position(|h| h.trim().eq_ignore_ascii_case(name));
    let (Some(nid_column), Some(post_column)) = (column("nid"), column("post")) else {
        sink.problem(Problem::new(
            path,
            "line 1",
            ProblemKind::BadCsv,
            "no `nid` and `post` columns",
        ));
        return;
    };
    let language_column = column("language_name");
    let theme_column = column("theme_name");

    for row in csv.records() {
        let row = match row {
            Ok(row) => row,
            Err(error) => {
                let location = error
                    .position()
                    .map(|p| format!("line {}", p.line()))
                    .unwrap_or_default();
                let kind = if matches!(error.kind(), csv::ErrorKind::Utf8 { .. }) {
                    ProblemKind::BadUtf8
                } else {
                    ProblemKind::BadCsv
                };
                let is_io = matches!(error.kind(), csv::ErrorKind::Io(_));
                let kind = if is_io { ProblemKind::TruncatedGzip } else { kind };
                sink.problem(Problem::new(path, location, kind, error.to_string()));
                if is_io {
                    break;
                }
                continue;
            }
        };
        let location = row.position().map(|p| format!("line {}", p.line())).unwrap_or_default();
        let Some(nid) = row.get(nid_column).and_then(|nid| nid.trim().parse::<u64>().ok()) else {
            sink.problem(Problem::new(
                path,
                location,
                ProblemKind::BadCsv,
                "`nid` is not a number",
            ));
            continue;
        };
        let entry = reports.entry(nid).or_insert_with(|| {
            let post = row.get(post_column).unwrap_or_default();
            (post_to_record(nid, post), path.to_path_buf(), location)
        });
        let labels = &mut entry.0.labels;
        if let Some(language) = language_column.and_then(|c| row.get(c)).filter(|l| !l.is_empty()) {
            if !labels.languages.iter().any(|known| known == language) {
                labels.languages.push(language.to_string());
            }
            // The first label is the declared language; detection decides anyway.
            if entry.0.declared_lang.is_none() {
                entry.0.declared_lang = language_code(language).map(str::to_string);
            }
        }
        if let Some(theme) = theme_column.and_then(|c| row.get(c)).filter(|t| !t.is_empty()) {
            if !labels.themes.iter().any(|t| t == theme) {
                labels.themes.push(theme.to_string());
            }
        }
    }
}

fn post_to_record(nid: u64, post: &str) -> Record {
    let (title, body) = post.split_once('\n').unwrap_or((post, ""));
    Record {
        id: format!("reliefweb:{nid}"),
        source: "reliefweb".to_string(),
        title: clean_text(&strip_markdown(title)),
        body: clean_text(&strip_markdown(body)),
        date: None,
        url: Some(format!("https://reliefweb.int/node/{nid}")),
        contributor: None,
        contact: None,
        declared_lang: None,
        labels: Default::default(),
    }
}

fn language_code(name: &str) -> Option<&'static str> {
    match name.trim().to_ascii_lowercase().as_str() {
        "english" => Some("en"),
        "french" => Some("fr"),
        "spanish" => Some("es"),
        "arabic" => Some("ar"),
        "russian" => Some("ru"),
        "portuguese" => Some("pt"),
        _ => None,
    }
}
