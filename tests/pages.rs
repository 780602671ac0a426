//! The sample scraped pages of `corpus/pages/` (issue 18): English, French and Spanish pages
//! with menus, dates above the headline, section labels, `URL:` lines, leftover tags, UN
//! press layouts and HTML pages. Each is read as a user's scraped page is and checked
//! against `tests/data/sample-pages.jsonl`: the title, where the body starts, the contact
//! block, the language and the main country.

mod common;

use std::collections::HashMap;

use pressroom_enrich::Enricher;
use serde::Deserialize;

#[derive(Deserialize)]
struct Expected {
    file: String,
    title: String,
    body_start: String,
    contact: Option<String>,
    lang: String,
    main_country: Option<String>,
}

fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Where the body must show its first paragraph: a standfirst, a date or a caption may
/// stand before it.
const BODY_START_WITHIN: usize = 330;

#[test]
fn sample_pages_give_their_title_body_contact_language_and_country() {
    let root = common::repo_root();
    let expected: Vec<Expected> = std::fs::read_to_string(root.join("tests/data/sample-pages.jsonl"))
        .expect("expected file")
        .lines()
        .map(|line| serde_json::from_str(line).expect("expected line"))
        .collect();
    assert!(expected.len() >= 30, "at least 30 sample pages");
    let records: HashMap<String, pressroom_ingest::Record> = common::read_records(&[root.join("corpus/pages")])
        .into_iter()
        .map(|record| (record.id.clone(), record))
        .collect();
    let enricher = Enricher::new().expect("tables load");
    let mut failures = Vec::new();
    for page in &expected {
        let stem = page.file.rsplit_once('.').map_or(page.file.as_str(), |(stem, _)| stem);
        let Some(record) = records.get(&format!("pages:{stem}")) else {
            failures.push(format!("{}: not read", page.file));
            continue;
        };
        if squeeze(&record.title) != squeeze(&page.title) {
            failures.push(format!(
                "{}: title {:?}, expected {:?}",
                page.file, record.title, page.title
            ));
        }
        let body = squeeze(&record.body);
        let head: String = body.chars().take(BODY_START_WITHIN).collect();
        if !head.contains(&squeeze(&page.body_start)) {
            failures.push(format!("{}: body starts {:?}", page.file, &head[..head.len().min(80)]));
        }
        let contact_line = record
            .contact
            .as_deref()
            .and_then(|contact| contact.lines().next())
            .map(squeeze);
        if contact_line != page.contact.as_deref().map(squeeze) {
            failures.push(format!("{}: contact {:?}", page.file, contact_line));
        }
        let facets = enricher.enrich(record);
        if facets.lang != page.lang {
            failures.push(format!("{}: language {}", page.file, facets.lang));
        }
        if let Some(country) = &page.main_country {
            if !facets.main_countries.contains(country) {
                failures.push(format!("{}: main countries {:?}", page.file, facets.main_countries));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} problems:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The lines that stand above a headline on these pages (menus, dates, labels) never open
/// a body nor make a title: no body starts with a line that is also above another page's
/// headline.
#[test]
fn no_menu_line_opens_a_body_or_is_a_title() {
    let root = common::repo_root();
    let records = common::read_records(&[root.join("corpus/pages")]);
    assert!(records.len() >= 30);
    let mut above_headlines: HashMap<String, usize> = HashMap::new();
    for entry in std::fs::read_dir(root.join("corpus/pages")).expect("folder").flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|extension| extension != "txt") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("page");
        let stem = path
            .file_stem()
            .map(|stem| stem.to_string_lossy().into_owned())
            .unwrap_or_default();
        let Some(record) = records.iter().find(|record| record.id == format!("pages:{stem}")) else {
            continue;
        };
        let title = squeeze(&record.title);
        for line in text.lines().map(squeeze).take_while(|line| *line != title) {
            if line.split_whitespace().count() >= 1 {
                *above_headlines.entry(line).or_default() += 1;
            }
        }
    }
    // Menu lines: those above the headline on at least two pages.
    let menu: Vec<&String> = above_headlines
        .iter()
        .filter(|(_, pages)| **pages >= 2)
        .map(|(line, _)| line)
        .collect();
    assert!(!menu.is_empty(), "the sample pages share menu lines");
    for record in &records {
        let opening: String = squeeze(&record.body).chars().take(200).collect();
        for line in &menu {
            assert!(
                !opening.starts_with(line.as_str()) && squeeze(&record.title) != **line,
                "{}: menu line {line:?} in title or body start",
                record.id
            );
        }
    }
}
