//! Lines a site repeats on its pages. A short line near the top of at least [`MIN_PAGES`]
//! pages of one folder belongs to the site, not to a release: a menu entry, a tagline, a
//! cookie notice, in whatever language the site is written. The folder's reader learns them
//! before it reads the pages ([`SiteLines::learn`]).

use std::collections::{HashMap, HashSet};

use crate::clean::clean_text;

/// Pages of a folder a line must stand on to be the site's.
pub const MIN_PAGES: usize = 3;
/// Lines read from the top of each page (where navigation sits).
const HEAD_LINES: usize = 80;
/// Longer lines are never counted: a headline the folder holds twice (a release scraped
/// from two addresses) must stay a headline.
const MAX_WORDS: usize = 8;
/// Pages learned from, at most, in one folder: a site's menu is on all of them.
pub const MAX_PAGES_LEARNED: usize = 500;

/// The lines one folder's pages repeat.
#[derive(Debug, Default, Clone)]
pub struct SiteLines {
    lines: HashSet<String>,
}

impl SiteLines {
    /// Learns from the raw text of a folder's pages.
    pub fn learn<S: AsRef<str>>(pages: impl IntoIterator<Item = S>) -> SiteLines {
        let mut pages_of_line: HashMap<String, usize> = HashMap::new();
        for raw in pages.into_iter().take(MAX_PAGES_LEARNED) {
            let text = clean_text(raw.as_ref());
            let head: HashSet<String> = text
                .lines()
                .filter(|line| !line.trim().is_empty())
                .take(HEAD_LINES)
                .map(squeeze)
                .filter(|line| line.split(' ').count() <= MAX_WORDS)
                .collect();
            for line in head {
                *pages_of_line.entry(line).or_default() += 1;
            }
        }
        SiteLines {
            lines: pages_of_line
                .into_iter()
                .filter(|(_, pages)| *pages >= MIN_PAGES)
                .map(|(line, _)| line)
                .collect(),
        }
    }

    /// Is `line` one of the site's?
    pub fn contains(&self, line: &str) -> bool {
        !self.lines.is_empty() && self.lines.contains(&squeeze(line))
    }

    pub fn len(&self) -> usize {
        self.lines.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }
}

fn squeeze(line: &str) -> String {
    line.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_on_three_pages_are_the_site_s_and_long_lines_never_are() {
        // The same release scraped three times: its headline (ten words) stays a headline.
        let headline = "Una noticia sobre refugiados en Chad llega hoy por fin";
        let pages = [
            format!("Política de cookies\nInicio\n{headline}\nTexto."),
            "Política de cookies\nInicio\nOtra noticia sobre migrantes en Perú\nTexto.".to_string(),
            format!("Política  de cookies\nContacto\n{headline}\nTexto."),
            format!("Sin menú\n{headline}\nTexto."),
        ];
        let site = SiteLines::learn(pages.iter().map(String::as_str));
        assert!(
            site.contains("Política de cookies"),
            "white space aside, on three pages"
        );
        assert!(site.contains("Texto."), "a line on every page");
        assert!(!site.contains("Inicio"), "on two pages only");
        assert!(!site.contains(headline), "more than eight words");
        assert_eq!(site.len(), 2);
        assert!(SiteLines::default().is_empty());
    }
}
