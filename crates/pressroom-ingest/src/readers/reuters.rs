//! Reuters-21578 SGML: one record per `<REUTERS …>…</REUTERS>`. The files are Latin-1-ish
//! bytes with control characters and numeric entities. PLACES/ORGS/TOPICS are kept as
//! evaluation labels only.

use std::path::Path;

use super::{read_file_bytes, Sink};
use crate::clean::{clean_text, first_sentence};
use crate::error::{Problem, ProblemKind};
use crate::record::{Labels, Record};

pub(super) fn read(path: &Path, sink: &mut Sink<'_>) {
    let Some(bytes) = read_file_bytes(path, sink, crate::input::MAX_WHOLE_FILE_BYTES) else {
        return;
    };
    let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&bytes);
    let mut rest: &str = &text;
    let mut offset = 0usize;
    while let Some(start) = rest.find("<REUTERS") {
        let chunk_start = offset + start;
        let after_start = &rest[start..];
        let location = format!("byte {chunk_start}");
        let Some(end) = after_start.find("</REUTERS>") else {
            sink.problem(Problem::new(
                path,
                location,
                ProblemKind::BadSgml,
                "<REUTERS> without </REUTERS>",
            ));
            break;
        };
        let chunk = &after_start[..end];
        match parse_record(chunk) {
            Ok(record) => sink.record_or_problem(record, path, location),
            Err(reason) => sink.problem(Problem::new(path, location, ProblemKind::BadSgml, reason)),
        }
        let consumed = start + end + "</REUTERS>".len();
        offset += consumed;
        rest = &rest[consumed..];
    }
}

fn parse_record(chunk: &str) -> Result<Record, String> {
    let open_tag = &chunk[..chunk.find('>').ok_or("unclosed <REUTERS tag")?];
    let new_id = attribute(open_tag, "NEWID").ok_or("no NEWID attribute")?;
    let labels = Labels {
        places: list(chunk, "PLACES"),
        orgs: list(chunk, "ORGS"),
        topics: list(chunk, "TOPICS"),
        split: attribute(open_tag, "LEWISSPLIT").map(str::to_string),
        ..Labels::default()
    };
    let date = element(chunk, "DATE").and_then(parse_reuters_date);
    let text_element = element(chunk, "TEXT").unwrap_or("");
    let is_unprocessed = chunk.contains("<TEXT TYPE=\"UNPROC\"");
    let (title, body) = if is_unprocessed {
        let raw = clean_text(&unescape(text_element));
        (first_sentence(&raw, 120), raw)
    } else {
        let title = clean_text(&unescape(element(text_element, "TITLE").unwrap_or("")));
        let dateline = clean_text(&unescape(element(text_element, "DATELINE").unwrap_or("")));
        let body = clean_text(&unescape(element(text_element, "BODY").unwrap_or("")));
        let body = strip_signoff(&body);
        let body = match (dateline.is_empty(), body.is_empty()) {
            (false, false) => format!("{dateline} {body}"),
            _ => body.to_string(),
        };
        (title, body)
    };
    Ok(Record {
        id: format!("reuters:{new_id}"),
        source: "reuters".to_string(),
        title,
        body,
        date,
        url: None,
        contributor: None,
        contact: None,
        declared_lang: Some("en".to_string()),
        home_country: None,
        labels,
    })
}

/// `NAME="value"` inside an opening tag.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let needle = format!("{name}=\"");
    let start = tag.find(&needle)? + needle.len();
    let length = tag[start..].find('"')?;
    Some(&tag[start..start + length])
}

/// The content of the first `<NAME …>…</NAME>`.
fn element<'a>(text: &'a str, name: &str) -> Option<&'a str> {
    let open = format!("<{name}");
    let mut search_from = 0;
    let content_start = loop {
        let start = search_from + text[search_from..].find(&open)?;
        let after_name = text[start + open.len()..].chars().next()?;
        if after_name == '>' || after_name == ' ' {
            break start + text[start..].find('>')? + 1;
        }
        search_from = start + open.len();
    };
    let close = format!("</{name}>");
    let length = text[content_start..].find(&close)?;
    Some(&text[content_start..content_start + length])
}

/// The `<D>` values of a list element.
fn list(chunk: &str, name: &str) -> Vec<String> {
    let Some(content) = element(chunk, name) else {
        return Vec::new();
    };
    content
        .split("<D>")
        .filter_map(|part| part.split("</D>").next())
        .map(str::trim)
        .filter(|value| !value.is_empty())
        .map(str::to_string)
        .collect()
}

fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let tail = &rest[amp..];
        let entity_end = tail.find(';').filter(|&end| end <= 8);
        let replacement = entity_end.and_then(|end| {
            let entity = &tail[1..end];
            let decoded = match entity {
                "lt" => Some('<'),
                "gt" => Some('>'),
                "amp" => Some('&'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                _ => entity
                    .strip_prefix('#')
                    .and_then(|n| n.parse::<u32>().ok())
                    .and_then(char::from_u32),
            };
            decoded.map(|c| (c, end + 1))
        });
        match replacement {
            Some((c, used)) => {
                out.push(c);
                rest = &tail[used..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Drops the trailing ` Reuter` sign-off.
fn strip_signoff(body: &str) -> &str {
    let trimmed = body.trim_end();
    for signoff in ["Reuter", "REUTER"] {
        if let Some(stripped) = trimmed.strip_suffix(signoff) {
            return stripped.trim_end();
        }
    }
    trimmed
}

/// `26-FEB-1987 15:01:01.79`.
fn parse_reuters_date(text: &str) -> Option<time::Date> {
    let day_month_year = text.split_whitespace().next()?;
    let mut parts = day_month_year.split('-');
    let day: u8 = parts.next()?.trim().parse().ok()?;
    let month = match parts.next()?.to_ascii_uppercase().as_str() {
        "JAN" => time::Month::January,
        "FEB" => time::Month::February,
        "MAR" => time::Month::March,
        "APR" => time::Month::April,
        "MAY" => time::Month::May,
        "JUN" => time::Month::June,
        "JUL" => time::Month::July,
        "AUG" => time::Month::August,
        "SEP" => time::Month::September,
        "OCT" => time::Month::October,
        "NOV" => time::Month::November,
        "DEC" => time::Month::December,
        _ => return None,
    };
    let year: i32 = parts.next()?.trim().parse().ok()?;
    time::Date::from_calendar_date(year, month, day).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_with_title_only_keeps_its_title() {
        let chunk = r#"<REUTERS TOPICS="NO" LEWISSPLIT="TEST" NEWID="7"><DATE> 2-MAR-1987 10:00:00.00</DATE><PLACES><D>usa</D></PLACES><ORGS></ORGS><TEXT TYPE="BRIEF">&#2;
<TITLE>FED SETS &lt;REPO&gt;</TITLE>
&#3;</TEXT>"#;
        let record = parse_record(chunk).expect("parses");
        assert_eq!(record.id, "reuters:7");
        assert_eq!(record.title, "FED SETS <REPO>");
        assert_eq!(record.body, "");
        assert_eq!(record.labels.places, vec!["usa"]);
        assert_eq!(record.labels.split.as_deref(), Some("TEST"));
        assert_eq!(
            record.date,
            time::Date::from_calendar_date(1987, time::Month::March, 2).ok()
        );
    }
}
