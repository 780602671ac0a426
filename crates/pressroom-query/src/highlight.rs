//! Highlighting: marks every word of a text that a query matched — exactly, folded, by stem
//! in the document's language, by typo, prefix or cross-lingual expansion — and cuts the
//! text into the fragments with the most marks. Output is HTML: the text escaped, matches in
//! `<mark>`.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use aho_corasick::{packed, AhoCorasick, AhoCorasickBuilder, MatchKind};
use rustc_hash::FxHashMap;
use tantivy::tokenizer::TextAnalyzer;

use crate::html;
use crate::query::MatchedTerms;

/// Characters per body fragment.
pub const FRAGMENT_CHARS: usize = 200;
const MIN_STEM_CHARS: usize = 4;
/// Matches are looked for in the first this many bytes of a text (fragments come from there).
pub const MAX_HIGHLIGHTED_BYTES: usize = 64 * 1024;

/// The first three characters of a word: what a stem and its words share.
fn opening(word: &str) -> &str {
    let end = word.char_indices().nth(3).map_or(word.len(), |(index, _)| index);
    &word[..end]
}

/// The first three bytes of a word, lowercased, as one integer; `None` when one of them is
/// not ASCII (folding may change such a letter).
fn opening_key(word: &[u8]) -> Option<u32> {
    let mut key = 0u32;
    for (index, &byte) in word.iter().take(3).enumerate() {
        if !byte.is_ascii() {
            return None;
        }
        key |= u32::from(byte.to_ascii_lowercase()) << (8 * index);
    }
    Some(key)
}

/// The byte ranges of the words of `text` as tantivy's `SimpleTokenizer` cuts them: runs of
/// alphanumeric characters (what the highlighter's prefilter is checked against).
#[cfg(test)]
fn words(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut characters = text.char_indices();
    std::iter::from_fn(move || {
        let start = loop {
            let (index, character) = characters.next()?;
            if character.is_alphanumeric() {
                break index;
            }
        };
        let mut end = text.len();
        for (index, character) in characters.by_ref() {
            if !character.is_alphanumeric() {
                end = index;
                break;
            }
        }
        Some(start..end)
    })
}

/// `word` as the index's base analyzer folds it (lowercased, accents removed).
fn fold(base: &mut TextAnalyzer, word: &str, folded: &mut String) {
    folded.clear();
    if word.is_ascii() {
        folded.extend(word.bytes().map(|byte| char::from(byte.to_ascii_lowercase())));
        return;
    }
    let mut stream = base.token_stream(word);
    if let Some(token) = stream.next() {
        folded.push_str(&token.text);
    }
}

/// The part of `text` in `range`, its ends moved inward to character boundaries: every slice
/// of document text goes through here, so no range computed in bytes can split a character.
fn span(text: &str, range: Range<usize>) -> &str {
    let start = text.ceil_char_boundary(range.start.min(text.len()));
    let end = text.floor_char_boundary(range.end.min(text.len())).max(start);
    &text[start..end]
}

pub struct Highlighter<'a> {
    terms: &'a MatchedTerms,
    base: TextAnalyzer,
    stemmed: HashMap<&'static str, TextAnalyzer>,
    /// Per document language, what a word must open with to be looked at (built once per
    /// search, used for every hit).
    openings: HashMap<String, Openings>,
}

/// The openings of a language's matched terms and stems, and an automaton finding them.
struct Openings {
    /// The opening keys ([`opening_key`]) of every matched term and stem, sorted.
    keys: Vec<u32>,
    /// The openings of the matched stems (of four letters or more) in this language.
    stems: HashSet<String>,
    /// Finds the keys' texts (ASCII, case ignored); `None` when there are none.
    finder: Option<Finder>,
    /// The words looked at so far, as written, and whether they matched.
    seen: FxHashMap<Box<str>, bool>,
}

impl Openings {
    fn new(terms: &MatchedTerms, lang: &str) -> Openings {
        // Stems of under four letters (`ser` of `seres`) would mark unrelated short words.
        let stems: HashSet<String> = terms
            .stemmed
            .get(lang)
            .map(|stems| {
                stems
                    .iter()
                    .filter(|stem| stem.chars().count() >= MIN_STEM_CHARS)
                    .map(|stem| opening(stem).to_string())
                    .collect()
            })
            .unwrap_or_default();
        let mut keys: Vec<u32> = terms
            .base
            .iter()
            .map(String::as_str)
            .chain(stems.iter().map(String::as_str))
            .filter_map(|word| opening_key(word.as_bytes()))
            .collect();
        keys.sort_unstable();
        keys.dedup();
        // A word's opening is letters and digits only, so only such keys can open one; with
        // no separator in any pattern, a match inside a word never hides the start of the next.
        let patterns: Vec<Vec<u8>> = keys
            .iter()
            .map(|key| {
                key.to_le_bytes()
                    .into_iter()
                    .take_while(|byte| *byte != 0)
                    .collect::<Vec<u8>>()
            })
            .filter(|pattern: &Vec<u8>| pattern.iter().all(u8::is_ascii_alphanumeric))
            .collect();
        let finder = Finder::new(&patterns);
        Openings {
            keys,
            stems,
            finder,
            seen: FxHashMap::default(),
        }
    }

    /// Whether the word `raw` (as written) matched: folded, it is a matched term, or, its
    /// opening a matched stem's, it stems (with `stemming`: this language's analyzer and
    /// matched stems) to a matched stem of four letters or more.
    fn matches(
        &self,
        raw: &str,
        terms: &MatchedTerms,
        base: &mut TextAnalyzer,
        stemming: Option<&mut (&mut TextAnalyzer, &HashSet<String>)>,
        folded: &mut String,
    ) -> bool {
        // An ASCII opening that opens no matched term rules the word out; anything else (a
        // non-ASCII opening folds to something else) is looked at in full.
        if let Some(key) = opening_key(raw.as_bytes()) {
            if self.keys.binary_search(&key).is_err() {
                return false;
            }
        }
        fold(base, raw, folded);
        if terms.base.contains(folded.as_str()) {
            return true;
        }
        let Some((analyzer, stems)) = stemming else {
            return false;
        };
        if !self.stems.contains(opening(folded)) {
            return false;
        }
        let mut stream = analyzer.token_stream(raw);
        stream
            .next()
            .is_some_and(|token| token.text.chars().count() >= MIN_STEM_CHARS && stems.contains(&token.text))
    }

    /// The start of every word of `text` that may match: those opening with a key (found by
    /// the automaton: a match that starts a word), and those with a non-ASCII byte among
    /// their first three (folding may change them), in text order.
    fn candidate_words(&self, text: &str) -> Vec<usize> {
        let mut starts = Vec::new();
        if let Some(finder) = &self.finder {
            finder.for_each_start(text, |start| {
                if starts_word(text, start) {
                    starts.push(start);
                }
            });
        }
        let mut at = 0;
        while let Some(position) = next_non_ascii(text.as_bytes(), at) {
            let character = text[position..].chars().next().map_or(1, char::len_utf8);
            if let Some(start) = start_of_word_at(text, position) {
                if position - start < 3 {
                    starts.push(start);
                }
            }
            at = position + character;
        }
        starts.sort_unstable();
        starts.dedup();
        starts
    }
}

/// Finds the openings of matched words in a text, whatever their letters' case.
///
/// Each opening is looked for in every spelling of its letters' case (`ref`, `Ref`, `REF`,
/// `rEf`…: at most eight), not with a case-insensitive automaton: with the spellings spelled
/// out, up to [`PACKED_PATTERNS`] of them are found by a SIMD searcher (Teddy) that skips
/// through the text many bytes at a time, where a case-insensitive automaton reads every
/// byte (3.2 MB of release bodies: 0.3–2.3 ms against 2.5–7 ms for the queries tried).
/// More spellings (a long query, or one expanded into other languages) are cut among up to
/// [`MAX_PACKED_SEARCHERS`] such searchers, each run over the text: a match is inside a
/// word, so the word starts any of them finds are the ones a single searcher would find.
enum Finder {
    Packed(Vec<packed::Searcher>),
    Automaton(AhoCorasick),
}

/// Spellings one SIMD searcher takes at most (aho-corasick 1.1 builds none for more).
const PACKED_PATTERNS: usize = 64;

/// SIMD searchers run over a text at most; beyond, one automaton reads it once.
const MAX_PACKED_SEARCHERS: usize = 4;

impl Finder {
    /// Calls `found` with the start of every match in `text` (searcher after searcher: not in
    /// text order when there are several).
    fn for_each_start(&self, text: &str, mut found: impl FnMut(usize)) {
        match self {
            Finder::Packed(finders) => {
                for finder in finders {
                    finder.find_iter(text).for_each(|at| found(at.start()));
                }
            }
            Finder::Automaton(finder) => finder.find_iter(text).for_each(|at| found(at.start())),
        }
    }

    /// A finder of `patterns` (ASCII letters and digits) in any case; `None` when there are none.
    fn new(patterns: &[Vec<u8>]) -> Option<Finder> {
        if patterns.is_empty() {
            return None;
        }
        let mut spellings: Vec<Vec<u8>> = patterns.iter().flat_map(|pattern| case_spellings(pattern)).collect();
        spellings.sort_unstable();
        spellings.dedup();
        if spellings.len() <= PACKED_PATTERNS * MAX_PACKED_SEARCHERS {
            let packed: Option<Vec<packed::Searcher>> = spellings
                .chunks(PACKED_PATTERNS)
                .map(|chunk| {
                    packed::Config::new()
                        .match_kind(packed::MatchKind::LeftmostLongest)
                        .builder()
                        .extend(chunk)
                        .build()
                })
                .collect();
            if let Some(packed) = packed {
                return Some(Finder::Packed(packed));
            }
        }
        AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&spellings)
            .ok()
            .map(Finder::Automaton)
    }
}

/// Every spelling of `pattern` with its ASCII letters in either case.
fn case_spellings(pattern: &[u8]) -> Vec<Vec<u8>> {
    let mut spellings: Vec<Vec<u8>> = vec![Vec::with_capacity(pattern.len())];
    for &byte in pattern {
        let lower = byte.to_ascii_lowercase();
        let upper = byte.to_ascii_uppercase();
        let mut next = Vec::with_capacity(spellings.len() * 2);
        for spelling in spellings {
            if upper != lower {
                let mut other = spelling.clone();
                other.push(upper);
                next.push(other);
            }
            let mut same = spelling;
            same.push(lower);
            next.push(same);
        }
        spellings = next;
    }
    spellings
}

/// The position of the first non-ASCII byte at or after `from`, looked for sixteen bytes at
/// a time (most text is ASCII).
fn next_non_ascii(bytes: &[u8], from: usize) -> Option<usize> {
    let rest = bytes.get(from..)?;
    let mut chunks = rest.chunks_exact(16);
    let mut offset = 0;
    for chunk in chunks.by_ref() {
        if !chunk.is_ascii() {
            return chunk
                .iter()
                .position(|byte| !byte.is_ascii())
                .map(|at| from + offset + at);
        }
        offset += 16;
    }
    chunks
        .remainder()
        .iter()
        .position(|byte| !byte.is_ascii())
        .map(|at| from + offset + at)
}

/// Whether a word (a run of alphanumeric characters) starts at byte `at`.
fn starts_word(text: &str, at: usize) -> bool {
    text.is_char_boundary(at)
        && text[at..].chars().next().is_some_and(char::is_alphanumeric)
        && !text[..at].chars().next_back().is_some_and(char::is_alphanumeric)
}

/// The start of the word the character at `at` belongs to, if it is a word character.
fn start_of_word_at(text: &str, at: usize) -> Option<usize> {
    if !text[at..].chars().next().is_some_and(char::is_alphanumeric) {
        return None;
    }
    let mut start = at;
    for (index, character) in text[..at].char_indices().rev() {
        if !character.is_alphanumeric() {
            break;
        }
        start = index;
    }
    Some(start)
}

/// The end of the word starting at `start`.
fn end_of_word(text: &str, start: usize) -> usize {
    text[start..]
        .char_indices()
        .find(|(_, character)| !character.is_alphanumeric())
        .map_or(text.len(), |(index, _)| start + index)
}

impl<'a> Highlighter<'a> {
    pub fn new(
        terms: &'a MatchedTerms,
        base: TextAnalyzer,
        stemmed: HashMap<&'static str, TextAnalyzer>,
    ) -> Highlighter<'a> {
        Highlighter {
            terms,
            base,
            stemmed,
            openings: HashMap::new(),
        }
    }

    /// Byte ranges of the matched words of `text`, sorted and merged.
    ///
    /// Most words of a text match nothing, so each word is first checked by its opening
    /// letters alone (an integer lookup, no allocation): only a word whose first three
    /// letters open a matched term or stem is folded like the index folds it and looked up.
    /// The word stems in the document's language only when its opening is a matched stem's
    /// (stemmers cut suffixes, so a stem starts like its word). What a word came to is
    /// remembered for the rest of the search: releases repeat their words, and a page of
    /// releases repeats them again.
    fn marks(&mut self, text: &str, lang: &str) -> Vec<Range<usize>> {
        let text = span(text, 0..MAX_HIGHLIGHTED_BYTES);
        let Highlighter {
            terms,
            base,
            stemmed,
            openings,
        } = self;
        let terms: &MatchedTerms = terms;
        if !openings.contains_key(lang) {
            openings.insert(lang.to_string(), Openings::new(terms, lang));
        }
        let Some(openings) = openings.get_mut(lang) else {
            return Vec::new();
        };
        let mut stemming = match (stemmed.get_mut(lang), terms.stemmed.get(lang)) {
            (Some(analyzer), Some(stems)) if !stems.is_empty() => Some((analyzer, stems)),
            _ => None,
        };
        let mut marks = Vec::new();
        let mut folded = String::new();
        for start in openings.candidate_words(text) {
            let word = start..end_of_word(text, start);
            let raw = span(text, word.clone());
            let marked = match openings.seen.get(raw) {
                Some(marked) => *marked,
                None => {
                    let marked = openings.matches(raw, terms, base, stemming.as_mut(), &mut folded);
                    openings.seen.insert(raw.into(), marked);
                    marked
                }
            };
            if marked {
                marks.push(word);
            }
        }
        marks.sort_by_key(|range| (range.start, range.end));
        let mut merged: Vec<Range<usize>> = Vec::with_capacity(marks.len());
        for mark in marks {
            match merged.last_mut() {
                Some(last) if mark.start <= last.end => last.end = last.end.max(mark.end),
                _ => merged.push(mark),
            }
        }
        merged
    }

    /// The whole text with its matches marked (titles).
    pub fn whole(&mut self, text: &str, lang: &str) -> String {
        let marks = self.marks(text, lang);
        render(text, 0..text.len(), &marks)
    }

    /// Up to `count` fragments of about [`FRAGMENT_CHARS`] characters, the ones with the most
    /// marked words, in text order; the opening of the text when nothing matched.
    pub fn fragments(&mut self, text: &str, lang: &str, count: usize) -> Vec<String> {
        if count == 0 {
            return Vec::new();
        }
        let marks = self.marks(text, lang);
        if marks.is_empty() {
            let end = snap_end(text, FRAGMENT_CHARS.min(text.len()));
            return vec![render(text, 0..end, &[])];
        }
        let window = byte_window(FRAGMENT_CHARS);
        // Candidate windows start a little before each mark; score = marks inside.
        let mut candidates: Vec<(usize, Range<usize>)> = marks
            .iter()
            .map(|mark| {
                let start = snap_start(text, mark.start.saturating_sub(window / 4));
                let end = snap_end(text, (start + window).min(text.len()));
                (marks_within(&marks, &(start..end)), start..end)
            })
            .collect();
        candidates.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.start.cmp(&b.1.start)));
        let mut chosen: Vec<Range<usize>> = Vec::new();
        for (_, range) in candidates {
            if chosen.len() == count {
                break;
            }
            if chosen
                .iter()
                .all(|taken| range.end <= taken.start || range.start >= taken.end)
            {
                chosen.push(range);
            }
        }
        chosen.sort_by_key(|range| range.start);
        chosen.into_iter().map(|range| render(text, range, &marks)).collect()
    }
}

/// How many of `marks` (sorted, apart: as [`Highlighter::marks`] gives them) lie wholly in
/// `window`. Sorted and apart, their ends are sorted too, so those inside are one run, found
/// by two binary searches rather than a pass over every mark (a common word marks hundreds
/// of places, each the start of a candidate window).
fn marks_within(marks: &[Range<usize>], window: &Range<usize>) -> usize {
    let first = marks.partition_point(|mark| mark.start < window.start);
    let past = marks.partition_point(|mark| mark.end <= window.end);
    past.saturating_sub(first)
}

/// Fragment length in bytes for a length in characters (text is mostly ASCII).
fn byte_window(chars: usize) -> usize {
    chars + chars / 8
}

/// Moves back to the start of the word `at` falls in (a character boundary, right after the
/// white space before it, however many bytes that space takes), unless that is far.
fn snap_start(text: &str, at: usize) -> usize {
    let at = text.floor_char_boundary(at);
    let mut nearby = text[..at].char_indices().rev().take_while(|(index, _)| at - index < 24);
    match nearby.find(|(_, c)| c.is_whitespace()) {
        Some((space, c)) => space + c.len_utf8(),
        _ => at,
    }
}

/// Moves back to the end of the word before `at` (the white space before it), unless that is
/// far; a character boundary.
fn snap_end(text: &str, at: usize) -> usize {
    let at = text.ceil_char_boundary(at);
    if at >= text.len() {
        return text.len();
    }
    let mut nearby = text[..at].char_indices().rev().take_while(|(index, _)| at - index < 24);
    match nearby.find(|(_, c)| c.is_whitespace()) {
        Some((space, _)) if space > 0 => space,
        _ => at,
    }
}

/// `range` of `text`, HTML-escaped, the marks inside it wrapped in `<mark>`, with `…` where
/// the text goes on.
fn render(text: &str, range: Range<usize>, marks: &[Range<usize>]) -> String {
    let mut out = String::with_capacity(range.len() + 32);
    if range.start > 0 {
        out.push('…');
    }
    let mut at = range.start;
    for mark in marks
        .iter()
        .filter(|mark| mark.start >= range.start && mark.end <= range.end)
    {
        html::push_escaped(&mut out, span(text, at..mark.start));
        out.push_str("<mark>");
        html::push_escaped(&mut out, span(text, mark.clone()));
        out.push_str("</mark>");
        at = mark.end;
    }
    html::push_escaped(&mut out, span(text, at..range.end));
    if range.end < text.len() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::tests_support::highlighter;
    use super::*;
    use tantivy::tokenizer::SimpleTokenizer;

    #[test]
    fn marks_folded_and_stemmed_words_and_escapes_the_rest() {
        let mut terms = MatchedTerms::default();
        terms.base.insert("refugies".to_string());
        terms.stemmed.entry("es").or_default().insert("mujer".to_string());
        let mut highlighter = highlighter(&terms);
        assert_eq!(
            highlighter.whole("Les <réfugiés> & les autres", "fr"),
            "Les &lt;<mark>réfugiés</mark>&gt; &amp; les autres"
        );
        assert_eq!(
            highlighter.whole("La trata de mujeres y niñas", "es"),
            "La trata de <mark>mujeres</mark> y niñas"
        );
    }

    #[test]
    fn words_are_cut_where_the_index_tokenizer_cuts_them() {
        let text = "L'OIM—«Réfugiés» 2024: naïve co-operation, 東京 ünïcode_under ½ end";
        let mut expected = Vec::new();
        let mut tokenizer = TextAnalyzer::builder(SimpleTokenizer::default()).build();
        let mut stream = tokenizer.token_stream(text);
        while let Some(token) = stream.next() {
            expected.push(token.offset_from..token.offset_to);
        }
        assert_eq!(words(text).collect::<Vec<_>>(), expected);
    }

    #[test]
    fn words_opening_with_accents_or_capitals_are_still_found() {
        let mut terms = MatchedTerms::default();
        terms.base.insert("ecole".to_string());
        terms.base.insert("iom".to_string());
        let mut highlighter = highlighter(&terms);
        assert_eq!(
            highlighter.whole("ÉCOLE, École and IOM's ecoles", "fr"),
            "<mark>ÉCOLE</mark>, <mark>École</mark> and <mark>IOM</mark>&#39;s ecoles"
        );
    }

    #[test]
    fn openings_are_found_in_any_case_by_either_finder() {
        let mut spellings = case_spellings(b"r2f");
        spellings.sort();
        assert_eq!(
            spellings,
            [b"R2F".to_vec(), b"R2f".to_vec(), b"r2F".to_vec(), b"r2f".to_vec()]
        );
        assert_eq!(case_spellings(b"ref").len(), 8);
        let text = "REFUGEES, Refugees, rEfUgEeS and prefer; Hum humane";
        let starts = |finder: &Finder| -> Vec<usize> {
            let mut found = Vec::new();
            finder.for_each_start(text, |start| found.push(start));
            found.into_iter().filter(|&start| starts_word(text, start)).collect()
        };
        let few = Finder::new(&[b"ref".to_vec(), b"hum".to_vec()]).expect("a finder");
        assert!(matches!(few, Finder::Packed(_)) || !cfg!(target_arch = "x86_64"));
        assert_eq!(starts(&few), [0, 10, 20, 41, 45]);
        // More spellings than one SIMD searcher takes: two of them find the same.
        let mut more: Vec<Vec<u8>> = (b'a'..b'h').map(|letter| vec![b'q', letter, b'x']).collect();
        more.extend([b"ref".to_vec(), b"hum".to_vec()]);
        let more = Finder::new(&more).expect("a finder");
        assert!(matches!(&more, Finder::Packed(finders) if finders.len() == 2) || !cfg!(target_arch = "x86_64"));
        let mut found = starts(&more);
        found.sort_unstable();
        assert_eq!(found, [0, 10, 20, 41, 45]);
        // More than four searchers' worth: one automaton finds the same.
        let mut many: Vec<Vec<u8>> = (b'a'..=b'z')
            .flat_map(|first| (b'a'..b'u').map(move |second| vec![b'q', first, second]))
            .collect();
        many.extend([b"ref".to_vec(), b"hum".to_vec()]);
        let many = Finder::new(&many).expect("a finder");
        assert!(matches!(many, Finder::Automaton(_)));
        assert_eq!(starts(&many), [0, 10, 20, 41, 45]);
    }

    #[test]
    fn fragments_gather_the_marks_and_stay_in_text_order() {
        let mut terms = MatchedTerms::default();
        terms.base.insert("smuggling".to_string());
        let filler = "word ".repeat(80);
        let text = format!("Opening. {filler} smuggling here. {filler} and smuggling there, smuggling again. {filler}");
        let fragments = highlighter(&terms).fragments(&text, "en", 2);
        assert_eq!(fragments.len(), 2);
        assert_eq!(fragments[1].matches("<mark>").count(), 2, "{fragments:?}");
        assert_eq!(fragments[0].matches("<mark>").count(), 1, "{fragments:?}");
        assert!(fragments.iter().all(|fragment| fragment.starts_with('…')));
    }

    /// Text with multi-byte white space right before a match (U+202F before `;`, as French
    /// typography puts it; thin spaces; ideographic space).
    #[test]
    fn fragments_start_after_wide_spaces_without_splitting_them() {
        let mut terms = MatchedTerms::default();
        terms.base.insert("smuggling".to_string());
        for space in [
            '\u{2009}', '\u{200A}', '\u{202F}', '\u{3000}', '\u{2002}', '\u{2003}', '\u{00A0}',
        ] {
            for pad in 0..80 {
                let text = format!("Intro{space}{} smuggling of migrants{space}; more", "x".repeat(pad));
                let fragments = highlighter(&terms).fragments(&text, "en", 5);
                assert!(
                    fragments.iter().any(|f| f.contains("<mark>smuggling</mark>")),
                    "{fragments:?}"
                );
            }
        }
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;
    use tantivy::tokenizer::{AsciiFoldingFilter, LowerCaser, SimpleTokenizer};

    /// Characters that break byte arithmetic: every Unicode space separator, combining
    /// marks, emoji, right-to-left text, markup, and plain letters.
    fn tricky_char() -> impl Strategy<Value = char> {
        prop_oneof![
            4 => prop::sample::select(vec![
                ' ', '\n', '\t', '\u{00A0}', '\u{1680}', '\u{2000}', '\u{2001}', '\u{2002}', '\u{2003}',
                '\u{2004}', '\u{2005}', '\u{2006}', '\u{2007}', '\u{2008}', '\u{2009}', '\u{200A}',
                '\u{2028}', '\u{2029}', '\u{202F}', '\u{205F}', '\u{3000}', '\u{200B}', '\u{FEFF}',
                '\u{0301}', '\u{0308}', '\u{20DD}', '😀', '👩', '\u{200D}', '🇫', '🇷', 'ש', 'ל', 'و', 'م',
                '\u{202E}', '\u{200F}', '<', '>', '&', '"', '\'', 'É', 'ß', 'ﬁ', 'İ', '東', '\u{FFFD}',
            ]),
            6 => prop::sample::select(vec!['a', 'e', 'm', 'r', 's', 'u', 'g', 'l', 'i', 'n']),
            1 => any::<char>(),
        ]
    }

    fn tricky_text(max: usize) -> impl Strategy<Value = String> {
        prop::collection::vec(tricky_char(), 0..max).prop_map(|chars| chars.into_iter().collect())
    }

    /// The output with the highlighter's own tags taken out: what came from the text.
    fn text_part(html: &str) -> String {
        html.replace("<mark>", "").replace("</mark>", "")
    }

    fn assert_escaped(html: &str) {
        let text = text_part(html);
        assert!(
            !text.contains('<') && !text.contains('>'),
            "unescaped markup in {html:?}"
        );
        for (index, _) in text.match_indices('&') {
            let rest = &text[index..];
            assert!(
                ["&lt;", "&gt;", "&amp;", "&quot;", "&#39;"]
                    .iter()
                    .any(|entity| rest.starts_with(entity)),
                "a bare & in {html:?}"
            );
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2_000))]

        #[test]
        fn any_text_and_terms_highlight_without_panic_and_stay_escaped(
            text in tricky_text(600),
            terms in prop::collection::vec(tricky_text(12), 0..6),
            lang in prop::sample::select(vec!["en", "fr", "es", "und", "ar"]),
            count in 0usize..6,
        ) {
            let mut matched = MatchedTerms::default();
            let mut base = TextAnalyzer::builder(SimpleTokenizer::default())
                .filter(LowerCaser)
                .filter(AsciiFoldingFilter)
                .build();
            // Terms as the index would hold them, and also raw, and words of the text itself.
            for term in &terms {
                matched.base.insert(term.clone());
                let mut stream = base.token_stream(term);
                while let Some(token) = stream.next() {
                    matched.base.insert(token.text.clone());
                }
            }
            for range in words(&text).step_by(3) {
                matched.base.insert(text[range].to_lowercase());
            }
            matched.stemmed.entry("fr").or_default().extend(terms.iter().cloned());
            let mut highlighter = super::tests_support::highlighter(&matched);
            // The automaton's prefilter finds exactly the words a walk over every word finds.
            prop_assert_eq!(highlighter.marks(&text, lang), super::tests_support::marks_word_by_word(&matched, &text, lang));
            let whole = highlighter.whole(&text, lang);
            assert_escaped(&whole);
            prop_assert_eq!(text_part(&whole), crate::html::escape(&text));
            for fragment in highlighter.fragments(&text, lang, count) {
                assert_escaped(&fragment);
                prop_assert!(fragment.matches("<mark>").count() == fragment.matches("</mark>").count());
            }
        }

        /// Marks as the highlighter leaves them (sorted, apart) counted inside any window by
        /// binary search are those a look at every mark counts.
        #[test]
        fn marks_within_a_window_are_counted_as_a_look_at_each_would(
            gaps in prop::collection::vec((0usize..12, 1usize..9), 0..40),
            window in (0usize..400, 0usize..400),
        ) {
            let mut marks = Vec::new();
            let mut at = 0;
            for (gap, length) in gaps {
                // At least one byte between two marks: touching marks are merged into one.
                let start = at + gap + usize::from(!marks.is_empty());
                marks.push(start..start + length);
                at = start + length;
            }
            let window = window.0.min(window.1)..window.0.max(window.1);
            let each = marks.iter().filter(|mark| mark.start >= window.start && mark.end <= window.end).count();
            prop_assert_eq!(marks_within(&marks, &window), each);
        }
    }
}

#[cfg(test)]
mod tests_support {
    use super::*;
    use pressroom_index::schema::{stemmed_analyzer, STEMMED_LANGUAGES};
    use tantivy::tokenizer::{AsciiFoldingFilter, LowerCaser, SimpleTokenizer};

    /// The marks of `text` found by looking at every word in turn: what the automaton's
    /// prefilter must find too.
    pub fn marks_word_by_word(terms: &MatchedTerms, text: &str, lang: &str) -> Vec<Range<usize>> {
        let mut highlighter = highlighter(terms);
        let text = span(text, 0..MAX_HIGHLIGHTED_BYTES);
        let openings = Openings::new(terms, lang);
        let stems = terms.stemmed.get(lang).filter(|stems| !stems.is_empty());
        let mut folded = String::new();
        let mut marks = Vec::new();
        for word in words(text) {
            let raw = span(text, word.clone());
            if opening_key(raw.as_bytes()).is_some_and(|key| openings.keys.binary_search(&key).is_err()) {
                continue;
            }
            fold(&mut highlighter.base, raw, &mut folded);
            if terms.base.contains(folded.as_str()) {
                marks.push(word);
            } else if openings.stems.contains(opening(&folded)) {
                let stemmed = stems.and_then(|stems| {
                    let analyzer = highlighter.stemmed.get_mut(lang)?;
                    let mut stream = analyzer.token_stream(raw);
                    let token = stream.next()?;
                    Some(token.text.chars().count() >= MIN_STEM_CHARS && stems.contains(&token.text))
                });
                if stemmed == Some(true) {
                    marks.push(word);
                }
            }
        }
        marks.sort_by_key(|range| (range.start, range.end));
        marks
    }

    pub fn highlighter(terms: &MatchedTerms) -> Highlighter<'_> {
        let base = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(AsciiFoldingFilter)
            .build();
        let stemmed = STEMMED_LANGUAGES
            .iter()
            .map(|(code, language)| (*code, stemmed_analyzer(*language)))
            .collect();
        Highlighter::new(terms, base, stemmed)
    }
}
