//! JSON-lines collections: Trove press releases, Wikipedia articles, generic JSONL.

use std::path::Path;

use serde_json::{Map, Value};

use super::{folder_name, parse_loose_date, Sink};
use crate::clean::{clean_text, first_sentence, split_contact};
use crate::error::{Problem, ProblemKind};
use crate::input;
use crate::ocr_title::find_title_in_blocks;
use crate::record::Record;

/// Calls `to_record` on every JSON object line; bad lines are reported, the rest goes on.
fn for_each_object(
    path: &Path,
    sink: &mut Sink<'_>,
    mut to_record: impl FnMut(&Map<String, Value>) -> Result<Record, String>,
) {
    let mut reader = match input::open(path) {
        Ok(reader) => reader,
        Err(error) => {
            sink.problem(Problem::new(path, "", ProblemKind::Unreadable, error.to_string()));
            return;
        }
    };
    let mut line = Vec::new();
    let mut line_number = 0usize;
    loop {
        line.clear();
        line_number += 1;
        let location = format!("line {line_number}");
        match input::read_line_bounded(&mut reader, &mut line, input::MAX_RECORD_BYTES) {
            Ok((0, _)) => break,
            Ok((length, true)) => {
                let detail = format!("a line of {length} bytes, over the {} read", input::MAX_RECORD_BYTES);
                sink.problem(Problem::new(path, location, ProblemKind::TooLarge, detail));
                continue;
            }
            Ok(_) => {}
            Err(error) => {
                sink.problem(Problem::new(
                    path,
                    location,
                    input::problem_kind(&error),
                    format!("{error}; the rest of the file is lost"),
                ));
                break;
            }
        }
        let bytes = if line_number == 1 {
            line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&line)
        } else {
            &line[..]
        };
        let text = match std::str::from_utf8(bytes) {
            Ok(text) => text,
            Err(error) => {
                let detail = format!("invalid byte at column {}", error.valid_up_to() + 1);
                sink.problem(Problem::new(path, location, ProblemKind::BadUtf8, detail));
                continue;
            }
        };
        if text.trim().is_empty() {
            continue;
        }
        let object = match serde_json::from_str::<Value>(text) {
            Ok(Value::Object(object)) => object,
            Ok(_) => {
                sink.problem(Problem::new(path, location, ProblemKind::BadJson, "not a JSON object"));
                continue;
            }
            Err(error) => {
                sink.problem(Problem::new(path, location, ProblemKind::BadJson, error.to_string()));
                continue;
            }
        };
        match to_record(&object) {
            Ok(record) => sink.record_or_problem(record, path, location),
            Err(reason) => sink.problem(Problem::new(path, location, ProblemKind::BadJson, reason)),
        }
    }
}

fn string_field(object: &Map<String, Value>, key: &str) -> Option<String> {
    match object.get(key)? {
        Value::String(text) => Some(text.clone()),
        Value::Number(number) => Some(number.to_string()),
        _ => None,
    }
}

fn required_id(object: &Map<String, Value>, key: &str) -> Result<String, String> {
    string_field(object, key)
        .filter(|id| !id.trim().is_empty())
        .ok_or_else(|| format!("missing `{key}`"))
}

pub(super) fn read_trove(path: &Path, sink: &mut Sink<'_>) {
    for_each_object(path, sink, |object| {
        let version_id = required_id(object, "version_id")?;
        let text = clean_text(&string_field(object, "text").unwrap_or_default());
        let (body, contact) = split_contact(&text);
        Ok(Record {
            id: format!("trove:{version_id}"),
            source: "trove".to_string(),
            title: find_title_in_blocks(&body),
            body,
            date: string_field(object, "date").as_deref().and_then(parse_loose_date),
            url: None,
            contributor: string_field(object, "contributor_slug"),
            contact,
            declared_lang: None,
            home_country: Some("AUS".to_string()),
            labels: Default::default(),
        })
    });
}

pub(super) fn read_wikipedia(path: &Path, sink: &mut Sink<'_>) {
    for_each_object(path, sink, |object| {
        let id = required_id(object, "id")?;
        Ok(Record {
            id: format!("enwiki:{id}"),
            source: "enwiki".to_string(),
            title: clean_text(&string_field(object, "title").unwrap_or_default()),
            body: clean_text(&string_field(object, "body").unwrap_or_default()),
            date: None,
            url: string_field(object, "url"),
            contributor: None,
            contact: None,
            declared_lang: Some("en".to_string()),
            home_country: None,
            labels: Default::default(),
        })
    });
}

pub(super) fn read_generic(path: &Path, sink: &mut Sink<'_>) {
    let source = {
        let (stem, _) = input::stem_and_extension(path);
        if stem.is_empty() {
            folder_name(path)
        } else {
            stem
        }
    };
    for_each_object(path, sink, |object| record_from_json(object, &source));
}

/// A record from one object of the generic JSON-lines form (`id`, `title`, `body` or
/// `text`, optional `date`, `url`, `contributor`, `lang`, `country`), cleaned as the reader
/// cleans it; the reason when it is malformed. Also what `POST /api/documents` takes.
pub fn record_from_json(object: &Map<String, Value>, source: &str) -> Result<Record, String> {
    let id = required_id(object, "id")?;
    let text = clean_text(
        &string_field(object, "body")
            .or_else(|| string_field(object, "text"))
            .unwrap_or_default(),
    );
    let (body, contact) = split_contact(&text);
    let title = match string_field(object, "title")
        .map(|t| clean_text(&t))
        .filter(|t| !t.is_empty())
    {
        Some(title) => title,
        None => first_sentence(&body, 120),
    };
    let date = match string_field(object, "date") {
        Some(date) if !date.trim().is_empty() => {
            Some(parse_loose_date(&date).ok_or_else(|| format!("bad `date` {date:?} (expected YYYY-MM-DD)"))?)
        }
        _ => None,
    };
    Ok(Record {
        id,
        source: source.to_string(),
        title,
        body,
        date,
        url: string_field(object, "url"),
        contributor: string_field(object, "contributor"),
        contact,
        declared_lang: string_field(object, "lang").map(|lang| lang.to_ascii_lowercase()),
        home_country: string_field(object, "country").map(|code| code.to_ascii_uppercase()),
        labels: Default::default(),
    })
}
