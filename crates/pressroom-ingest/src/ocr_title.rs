//! The title of a release without markup (OCR'd press releases, plain-text collections):
//! the headline above the first paragraph, not the letterhead, the release header or the
//! date above it.

use std::sync::LazyLock;

use regex::Regex;

use crate::clean::{first_sentence, in_capitals, truncate_words, word_count, CONTACT_START};

static HEADER_BLOCK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^[\s*]*(
            (joint\s+)?(media|press|news)\s+(release|statement|conference)s?
          | (joint\s+)?(media|press)\s+statement
          | \*?transcript\*?
          | subjects?\s*:
          | for\s+(the\s+)?press
          | not\s+(to\s+be\s+)?(released|for\s+publication)
          | embargo
          | for\s+immediate\s+release
          | check\s+against\s+delivery
          | (the\s+)?hon\.?\s
          | senator\s
          | minister\s+for\s
          | (department|dept\.?)\s+of\s
          | parliament\s+house
          | media\s+releases\s+and\s+speeches
          | (media\s+)?contacts?\s*:
          | e-?mail\s*:
          | https?://
          | www\.
          | [\p{L}\s.'-]{3,60}\sM\.?P\.?$
          | from\s+the\s+(office\s+of\s+the\s+)?(minister|senator|leader|shadow)
        )",
    )
    .expect("header pattern is valid")
});

static DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^[\w\s,.]{0,20}\b(\d{1,2}(st|nd|rd|th)?\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+(\d{1,2}(st|nd|rd|th)?,?\s+)?(19|20)\d\d\s*$",
    )
    .expect("date pattern is valid")
});

/// A block that heads a release rather than titles it: a release header, a date, a contact.
fn is_release_header(block: &str) -> bool {
    HEADER_BLOCK.is_match(block) || DATE_LINE.is_match(block) || CONTACT_START.is_match(block)
}

/// Finds the title of a release without markup (OCR'd press releases): the short block right
/// above the first paragraph of prose, skipping release headers, dates and "SUBJECTS:" lines.
/// Falls back to the start of the first paragraph.
pub fn find_title_in_blocks(text: &str) -> String {
    let blocks: Vec<String> = text
        .split("\n\n")
        .map(|block| block.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|block| !block.is_empty())
        .collect();
    let is_candidate = |block: &str| {
        let is_header = is_release_header(block);
        let letters = block.chars().filter(|c| c.is_alphabetic()).count();
        // A title opens with a capital, a digit or a quote; OCR'd sentence fragments do not.
        let opens_like_title = block
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "\"'‘“".contains(c));
        !is_header && letters >= 4 && word_count(block) <= 30 && opens_like_title && !block.ends_with([',', ':'])
    };
    let is_headline_in_capitals = |block: &str| word_count(block) >= 2 && in_capitals(block) && is_candidate(block);
    // A paragraph; OCR often puts every line in a block of its own, so a long line counts too.
    let is_prose = |block: &str| {
        let lowercase = block.chars().filter(|c| c.is_lowercase()).count();
        let letters = block.chars().filter(|c| c.is_alphabetic()).count().max(1);
        let sentence_like = word_count(block) >= 15 && block.contains(['.', '!', '?', '"', '”', ',']);
        let line_of_prose = word_count(block) >= 8 && lowercase * 2 > letters;
        (sentence_like || line_of_prose) && !HEADER_BLOCK.is_match(block) && !CONTACT_START.is_match(block)
    };
    let prose_index = blocks.iter().position(|block| is_prose(block));
    let above = &blocks[..prose_index.unwrap_or(blocks.len().min(15))];
    // Press releases put their headline in capitals: the last such block above the text,
    // joined to the one before when that one breaks off on a small word ("THE MINISTER FOR THE").
    if let Some(index) = above.iter().rposition(|block| is_headline_in_capitals(block)) {
        let mut title = above[index].clone();
        if let Some(previous) = index.checked_sub(1).map(|i| &above[i]) {
            let breaks_off = previous.ends_with(',')
                || previous.rsplit(' ').next().is_some_and(|word| {
                    ["THE", "OF", "FOR", "AND", "TO", "IN", "ON", "AT", "A", "WITH", "BY"].contains(&word)
                });
            let is_header = is_release_header(previous);
            if breaks_off && in_capitals(previous) && !is_header {
                title = format!("{previous} {title}");
            }
        }
        return tidy_title(&title);
    }
    if let Some(block) = above.iter().rev().take(4).find(|block| is_candidate(block)) {
        return tidy_title(block);
    }
    let first = prose_index.and_then(|i| blocks.get(i)).or_else(|| blocks.first());
    first.map(|block| first_sentence(block, 120)).unwrap_or_default()
}

/// A headline without the stray punctuation OCR leaves at its end (`REFUGEES .`, `CONFERENCE. '`).
fn tidy_title(title: &str) -> String {
    let mut trimmed = title.trim_end_matches(|c: char| c.is_whitespace() || ".,;:·*-_".contains(c));
    // A closing quote stays when it closes one opened in the title.
    if trimmed.matches('\'').count() % 2 == 1 {
        trimmed = trimmed.trim_end_matches(|c: char| c.is_whitespace() || ".,;:'·*-_".contains(c));
    }
    truncate_words(trimmed, 200)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ocr_title_is_the_block_above_the_first_paragraph() {
        let text = "MEDIA RELEASE\n\n18 April 2012\n\n21 BOATS INTERCEPTED\n\nThe Minister for Immigration said another asylum seeker boat was intercepted overnight, the 21st this year.";
        assert_eq!(find_title_in_blocks(text), "21 BOATS INTERCEPTED");
        // A media contact at the top is a header too, not the release's first paragraph.
        let text = "Media contact: Jane Doe (Ministerial office) 02 6000 0000 and the department's media unit\n\n24 February 2007\n\nGROUP TRANSFERRED TO THE ISLAND\n\nThe group of 85 people intercepted on 21 February will be transferred to the island.";
        assert_eq!(find_title_in_blocks(text), "GROUP TRANSFERRED TO THE ISLAND");
    }
}
