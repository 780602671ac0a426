//! Scraped pages, one release per file: plain text (`.txt`) or HTML (`.html`, `.htm`).

use std::path::Path;
use std::sync::LazyLock;

use scraper::{ElementRef, Html, Node, Selector};

use super::{folder_name, read_file_bytes, Sink};
use crate::clean::clean_text;
use crate::error::{Problem, ProblemKind};
use crate::input;
use crate::page::{clean_page, clean_page_titled, clean_site_page, PageParts, SiteLines};
use crate::record::Record;

/// Reads one page; `site` holds the lines its folder's pages repeat.
pub(super) fn read(path: &Path, site: &SiteLines, sink: &mut Sink<'_>) {
    let Some(bytes) = read_file_bytes(path, sink, input::MAX_RECORD_BYTES as u64) else {
        return;
    };
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => {
            let offset = error.utf8_error().valid_up_to();
            sink.problem(Problem::new(
                path,
                format!("byte {offset}"),
                ProblemKind::BadUtf8,
                "the file is not UTF-8",
            ));
            return;
        }
    };
    let (stem, extension) = input::stem_and_extension(path);
    let parts = if extension == "txt" {
        clean_site_page(&text, site)
    } else {
        html_to_parts(&text)
    };
    let source = folder_name(path);
    let record = Record {
        id: format!("{source}:{stem}"),
        source,
        title: parts.title,
        body: parts.body,
        date: None,
        url: None,
        contributor: None,
        contact: parts.contact,
        declared_lang: None,
        home_country: None,
        labels: Default::default(),
    };
    sink.record_or_problem(record, path, String::new());
}

/// The lines the plain-text pages of one folder repeat, learned from up to
/// [`MAX_PAGES_LEARNED`](crate::page::MAX_PAGES_LEARNED) of them (files that cannot be read
/// are left to [`read`] to report).
pub(super) fn learn_site(pages: &[&Path]) -> SiteLines {
    if pages.len() < crate::page::MIN_PAGES {
        return SiteLines::default();
    }
    // One page in memory at a time.
    let texts = pages
        .iter()
        .filter(|path| input::stem_and_extension(path).1 == "txt")
        .take(crate::page::MAX_PAGES_LEARNED)
        .filter_map(|path| input::read_all(path, input::MAX_RECORD_BYTES as u64).ok())
        .filter_map(|bytes| String::from_utf8(bytes).ok());
    SiteLines::learn(texts)
}

/// Elements whose text is never part of the release.
const SKIPPED_ELEMENTS: &[&str] = &[
    "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "template", "svg", "button", "select",
];
/// Elements that end a line of text.
const BLOCK_ELEMENTS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "table",
    "section",
    "article",
    "blockquote",
    "pre",
    "main",
    "dd",
    "dt",
    "figcaption",
    "address",
];

static MAIN_SELECTOR: LazyLock<Selector> =
    LazyLock::new(|| Selector::parse("article, main, [role=main]").expect("valid selector"));
static BODY_SELECTOR: LazyLock<Selector> = LazyLock::new(|| Selector::parse("body").expect("valid selector"));
static H1_SELECTOR: LazyLock<Selector> = LazyLock::new(|| Selector::parse("h1").expect("valid selector"));
static OG_TITLE_SELECTOR: LazyLock<Selector> = LazyLock::new(|| {
    Selector::parse(r#"meta[property="og:title"], meta[name="twitter:title"]"#).expect("valid selector")
});
static TITLE_SELECTOR: LazyLock<Selector> = LazyLock::new(|| Selector::parse("title").expect("valid selector"));

/// HTML to title, text and contact block. The title is the `<h1>` of the article (else of
/// the page), else `og:title`, else `<title>`, the last two without the site's name (`Headline
/// | Site`); the text comes from `<article>`/`<main>` when there is one, without
/// navigation, headers, footers and scripts, and is read as a plain page from the title on.
fn html_to_parts(html: &str) -> PageParts {
    let document = Html::parse_document(html);
    let root = document
        .select(&MAIN_SELECTOR)
        .next()
        .or_else(|| document.select(&BODY_SELECTOR).next())
        .unwrap_or_else(|| document.root_element());
    let mut text = String::new();
    collect_text(root, &mut text);

    let heading = root
        .select(&H1_SELECTOR)
        .next()
        .or_else(|| document.select(&H1_SELECTOR).next())
        .map(|h1| clean_text(&h1.text().collect::<String>()));
    let meta = || {
        document
            .select(&OG_TITLE_SELECTOR)
            .find_map(|meta| meta.value().attr("content"))
            .map(|content| without_site_name(&clean_text(content)))
    };
    let title_element = || {
        document
            .select(&TITLE_SELECTOR)
            .next()
            .map(|title| without_site_name(&clean_text(&title.text().collect::<String>())))
    };
    let title = [heading, meta(), title_element()]
        .into_iter()
        .flatten()
        .find(|title| !title.is_empty());
    match title {
        Some(title) => clean_page_titled(&text, &title),
        // No markup title: read the text like a plain page.
        None => clean_page(&text),
    }
}

/// `Headline | Site Name`, `Headline - Site`, `Site | Headline`: the headline, without one
/// short part (five words at most, three at the start) at one end when the rest is longer.
/// A name leads only before `|`, `::` or `·` (`Yemen - Cholera outbreak` keeps its country).
fn without_site_name(title: &str) -> String {
    const SEPARATORS: [&str; 6] = [" | ", " :: ", " · ", " – ", " — ", " - "];
    const LEADING: [&str; 3] = [" | ", " :: ", " · "];
    let title = title.trim();
    let short = |part: &str, words: usize| part.split_whitespace().count() <= words;
    let last = SEPARATORS
        .iter()
        .filter_map(|separator| title.rfind(separator).map(|at| (at, separator.len())))
        .max_by_key(|(at, _)| *at);
    if let Some((at, len)) = last {
        let (head, tail) = (&title[..at], &title[at + len..]);
        if short(tail, 5) && tail.len() < head.len() {
            return head.trim().to_string();
        }
    }
    let first = LEADING
        .iter()
        .filter_map(|separator| title.find(separator).map(|at| (at, separator.len())))
        .min_by_key(|(at, _)| *at);
    if let Some((at, len)) = first {
        let (lead, rest) = (&title[..at], &title[at + len..]);
        if short(lead, 3) && lead.len() < rest.len() {
            return rest.trim().to_string();
        }
    }
    title.to_string()
}

fn collect_text(element: ElementRef<'_>, out: &mut String) {
    for child in element.children() {
        match child.value() {
            Node::Text(text) => out.push_str(text),
            Node::Element(child_element) => {
                let name = child_element.name();
                if SKIPPED_ELEMENTS.contains(&name) {
                    continue;
                }
                if let Some(child_ref) = ElementRef::wrap(child) {
                    let is_block = BLOCK_ELEMENTS.contains(&name);
                    if is_block {
                        out.push('\n');
                    }
                    collect_text(child_ref, out);
                    if is_block {
                        out.push('\n');
                    }
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::without_site_name;

    #[test]
    fn one_short_site_name_is_dropped_and_a_leading_country_kept() {
        assert_eq!(
            without_site_name("Floods displace thousands in Chad | IOM"),
            "Floods displace thousands in Chad"
        );
        assert_eq!(
            without_site_name("Ukraine – Flash Update – 5 March | OCHA"),
            "Ukraine – Flash Update – 5 March"
        );
        assert_eq!(
            without_site_name("Yemen - Cholera outbreak kills 100 in Hodeidah"),
            "Yemen - Cholera outbreak kills 100 in Hodeidah"
        );
        assert_eq!(
            without_site_name("UNHCR | Refugees return to Mosul after three years"),
            "Refugees return to Mosul after three years"
        );
    }
}
