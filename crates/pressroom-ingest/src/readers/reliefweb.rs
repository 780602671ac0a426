//! ReliefWeb CSV exports: `nid`, `post` (title on the first line, then a markdown body), and
//! a label column (`language_name` or `theme_name`). A report appears once per label and in
//! several files: rows are merged by `nid` and each report is handed on once.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use regex::Regex;

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
        sink.record_or_problem(record, &path, location);
    }
}

fn read_file(path: &Path, sink: &mut Sink<'_>, reports: &mut BTreeMap<u64, (Record, PathBuf, String)>) {
    let reader = match input::open_limited(path, input::MAX_WHOLE_FILE_BYTES) {
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
                let (is_io, kind) = match error.kind() {
                    csv::ErrorKind::Io(io) => (true, input::problem_kind(io)),
                    _ => (false, kind),
                };
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
    let (first_line, rest) = post.split_once('\n').unwrap_or((post, ""));
    let (title, lead) = split_glued_title(first_line);
    let body = format!("{lead}\n{rest}");
    Record {
        id: format!("reliefweb:{nid}"),
        source: "reliefweb".to_string(),
        title: clean_text(&strip_markdown(title)),
        body: clean_text(&strip_markdown(&body)),
        date: None,
        url: Some(format!("https://reliefweb.int/node/{nid}")),
        contributor: None,
        contact: None,
        declared_lang: None,
        home_country: None,
        labels: Default::default(),
    }
}

/// The ISO 639-1 code of a language name as ReliefWeb labels give it (`English` → `en`).
pub fn language_code(name: &str) -> Option<&'static str> {
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

static DATELINE_INSIDE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s(\p{Lu}[\p{L}.]+(?:\s\p{Lu}[\p{L}.]+)?)\s[–—-]\s").expect("dateline pattern is valid")
});
static SENTENCE_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s\p{Ll}[\p{L}’'-]*\s((?:The|A|An|In|On|At|For|This|Le|La|Les|Un|Une|El|Los|Las|En)\s)")
        .expect("sentence pattern is valid")
});

/// The export glues a report's title to the start of its text on one line ("…peace process
/// UNHCR, the UN Refugee Agency, welcomes…"). Splits where the text visibly starts: a
/// markdown heading or emphasis, a dateline (`ROME –`), a sentence opening after a
/// lowercase word (`…families The Philippine Red Cross`), or the title's first word again.
fn split_glued_title(line: &str) -> (&str, &str) {
    let min_title = line
        .char_indices()
        .filter(|(_, c)| c.is_whitespace())
        .nth(2)
        .map_or(line.len(), |(i, _)| i);
    let mut cuts: Vec<usize> = Vec::new();
    if let Some(emphasis) = line.find("**") {
        cuts.push(emphasis);
    }
    if let Some(found) = DATELINE_INSIDE.captures(line).and_then(|c| c.get(1)) {
        cuts.push(found.start());
    }
    if let Some(found) = SENTENCE_START.captures(line).and_then(|c| c.get(1)) {
        cuts.push(found.start());
    }
    if let Some(first_word) = line.split_whitespace().next().filter(|word| word.chars().count() >= 3) {
        let after_four_words = line
            .char_indices()
            .filter(|(_, c)| c.is_whitespace())
            .nth(3)
            .map(|(i, _)| i);
        if let Some(from) = after_four_words {
            if let Some(again) = line[from..].find(&format!(" {first_word}")) {
                cuts.push(from + again + 1);
            }
        }
    }
    match cuts.into_iter().filter(|&cut| cut >= min_title).min() {
        Some(cut) => (
            line[..cut]
                .trim_end_matches([' ', '-', '–', '—', '[', '(', '_', '#'])
                .trim(),
            line[cut..].trim(),
        ),
        None => (line, ""),
    }
}

#[cfg(test)]
mod tests {
    use super::split_glued_title;

    #[test]
    fn glued_titles_are_split_where_the_text_starts() {
        let cases = [
            ("UNHCR welcomes agreement to revive South Sudan’s stalled peace process UNHCR, the UN Refugee Agency, welcomes", "UNHCR welcomes agreement to revive South Sudan’s stalled peace process"),
            ("As Yemen humanitarian crisis escalates, small number of governments step up to save lives ROME – With more", "As Yemen humanitarian crisis escalates, small number of governments step up to save lives"),
            ("Qatar Red Crescent Society donates P14-million for ‘Vinta’ displaced families The Philippine Red Cross (PRC) has", "Qatar Red Crescent Society donates P14-million for ‘Vinta’ displaced families"),
            ("Aprueban plan de contingencia frente a los efectos de las lluvias para el 2018 **Se desarrollarán acciones**", "Aprueban plan de contingencia frente a los efectos de las lluvias para el 2018"),
            ("Déclaration du HCR, 12 décembre 2017 Déclaration du HCR", "Déclaration du HCR, 12 décembre 2017"),
            ("A title alone", "A title alone"),
        ];
        for (line, title) in cases {
            assert_eq!(split_glued_title(line).0, title);
        }
    }
}
