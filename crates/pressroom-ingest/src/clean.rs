//! Text cleaning shared by every reader: mojibake repair, control characters, white space
//! and the contact block (the title of an OCR'd release: [`crate::ocr_title`]; scraped pages:
//! [`crate::page`]).

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

/// Cleans any raw text: repairs mojibake, drops control characters (keeping new lines and
/// tabs as spaces), trims every line and folds runs of blank lines and spaces.
pub fn clean_text(raw: &str) -> String {
    let mut repaired = repair_mojibake(raw);
    // Text encoded twice (`communiquÃ\u{83}Â©`) needs a second pass; real text never
    // changes on a pass, so this stops at once on it.
    for _ in 0..2 {
        match repair_mojibake(&repaired) {
            Cow::Owned(again) => repaired = Cow::Owned(again),
            Cow::Borrowed(_) => break,
        }
    }
    let stripped = strip_control_characters(&repaired);
    normalize_whitespace(&drop_stray_nbsp_leads(&stripped))
}

/// Drops a `Â` standing before white space or at the end: the first byte of a non-breaking
/// space (C2 A0) whose second byte became an ordinary space or was lost, as OCR'd Trove
/// releases hold thousands of times (`(released in Turkey) Â AUSTRALIA AND TURKEY`). No
/// English, French or Spanish word ends in `Â`, so the repair is certain.
pub fn drop_stray_nbsp_leads(text: &str) -> Cow<'_, str> {
    if !text.contains('Â') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == 'Â' && chars.peek().is_none_or(|next| next.is_whitespace()) {
            continue;
        }
        out.push(c);
    }
    Cow::Owned(out)
}

/// Repairs UTF-8 that was decoded as Windows-1252 or Latin-1 (`Â£` → `£`, `â€™` → `’`).
///
/// Each run of characters that maps back to bytes 0x80–0xFF is re-decoded as UTF-8 and
/// replaced only where it forms complete, valid UTF-8 sequences, so real accented text
/// (`Côte`, `réfugiés`) is left alone.
pub fn repair_mojibake(text: &str) -> Cow<'_, str> {
    // Text between sequences is copied whole; a sequence is tried at each lead (U+00C2-U+00F4,
    // bytes C2-F4), and the copy is made only once one is repaired: most text has none.
    let mut out = String::new();
    let mut copied = 0;
    let mut chars = text.char_indices();
    while let Some((start, lead)) = chars.next() {
        if !('\u{C2}'..='\u{F4}').contains(&lead) {
            continue;
        }
        let mut sequence = ['\0'; 4];
        let mut length = 0;
        for (slot, c) in sequence.iter_mut().zip(text[start..].chars()) {
            *slot = c;
            length += 1;
        }
        if let Some((decoded, used)) = decode_sequence(&sequence[..length]) {
            if out.is_empty() {
                out.reserve(text.len());
            }
            out.push_str(&text[copied..start]);
            out.push(decoded);
            copied = start + sequence[..used].iter().map(|c| c.len_utf8()).sum::<usize>();
            chars.nth(used - 2);
        }
    }
    if copied == 0 {
        return Cow::Borrowed(text);
    }
    out.push_str(&text[copied..]);
    Cow::Owned(out)
}

/// Tries to read one UTF-8 sequence from characters that stand for Windows-1252 bytes.
fn decode_sequence(chars: &[char]) -> Option<(char, usize)> {
    let lead = cp1252_byte(*chars.first()?)?;
    let length = match lead {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => return None,
    };
    if chars.len() < length {
        return None;
    }
    let mut bytes = [0u8; 4];
    bytes[0] = lead;
    for (slot, &c) in bytes[1..length].iter_mut().zip(&chars[1..length]) {
        let byte = cp1252_byte(c)?;
        if !(0x80..=0xBF).contains(&byte) {
            return None;
        }
        *slot = byte;
    }
    let decoded = std::str::from_utf8(&bytes[..length]).ok()?;
    let c = decoded.chars().next()?;
    Some((c, length))
}

/// The Windows-1252 byte a character stands for, for bytes 0x80–0xFF.
fn cp1252_byte(c: char) -> Option<u8> {
    let code = c as u32;
    if (0xA0..=0xFF).contains(&code) || (0x80..=0x9F).contains(&code) {
        return Some(code as u8);
    }
    let byte = match c {
        '€' => 0x80,
        '‚' => 0x82,
        'ƒ' => 0x83,
        '„' => 0x84,
        '…' => 0x85,
        '†' => 0x86,
        '‡' => 0x87,
        'ˆ' => 0x88,
        '‰' => 0x89,
        'Š' => 0x8A,
        '‹' => 0x8B,
        'Œ' => 0x8C,
        'Ž' => 0x8E,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        '˜' => 0x98,
        '™' => 0x99,
        'š' => 0x9A,
        '›' => 0x9B,
        'œ' => 0x9C,
        'ž' => 0x9E,
        'Ÿ' => 0x9F,
        _ => return None,
    };
    Some(byte)
}

/// Drops control characters; `\r\n` and `\r` become `\n`, tabs become spaces.
pub fn strip_control_characters(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // Runs of ordinary characters are copied whole; only the bytes that may open a character
    // to change are looked at one by one (ASCII controls, and the leads of U+0080-U+00A0,
    // U+200B and U+FEFF).
    let bytes = text.as_bytes();
    let mut copied = 0;
    let mut at = 0;
    while let Some(offset) = bytes[at..]
        .iter()
        .position(|&byte| (byte < 0x20 && byte != b'\n') || matches!(byte, 0x7F | 0xC2 | 0xE2 | 0xEF))
    {
        let start = at + offset;
        let Some(c) = text.get(start..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        at = start + c.len_utf8();
        let replacement = match c {
            '\r' if bytes.get(at) == Some(&b'\n') => "",
            '\r' => "\n",
            '\t' | '\u{A0}' => " ",
            '\u{FEFF}' | '\u{200B}' => "",
            c if c.is_control() => "",
            _ => continue,
        };
        out.push_str(&text[copied..start]);
        out.push_str(replacement);
        copied = at;
    }
    out.push_str(&text[copied..]);
    out
}

/// Trims lines, folds runs of spaces and keeps at most one blank line in a row.
pub fn normalize_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank_run = 0;
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            blank_run += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_run > 0 { "\n\n" } else { "\n" });
        }
        blank_run = 0;
        // A trimmed line: its pieces between spaces, one space apart.
        for (index, piece) in line.split(' ').filter(|piece| !piece.is_empty()).enumerate() {
            if index > 0 {
                out.push(' ');
            }
            out.push_str(piece);
        }
    }
    out
}

pub(crate) static CONTACT_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(for (further|more) information|for media (enquiries|inquiries)|media contacts?\s*:|para (más|mayor) información|pour (plus d'|de plus amples )informations?|pour tout renseignement|contacts? (presse|de prensa))",
    )
    .expect("contact pattern is valid")
});

static MAILTO_TAIL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#""?mailto:([^"\s<>]+)"?\s*>?\s*([^\s<]*)"#).expect("mailto pattern is valid"));

/// Words of a sentence that is release text, not part of a contact block.
const PROSE_LINE_WORDS: usize = 15;

/// Splits the trailing contact block ("For further information, please contact: …") off a
/// cleaned text. The block starts at the last line that opens one, unless prose follows
/// it: a page's header may carry a press contact above the release, which stays text.
pub fn split_contact(text: &str) -> (String, Option<String>) {
    let mut offset = 0;
    let mut start = None;
    for line in text.split_inclusive('\n') {
        if CONTACT_START.is_match(line.trim_start()) {
            start = Some(offset);
        }
        offset += line.len();
    }
    let Some(start) = start else {
        return (text.to_string(), None);
    };
    if text[start..].lines().any(is_release_sentence) {
        return (text.to_string(), None);
    }
    let body = text[..start].trim_end().to_string();
    let contact = repair_mailto(text[start..].trim());
    (body, Some(contact))
}

/// A line of release text, not of a contact block: a long sentence without an address or
/// a telephone number in it.
fn is_release_sentence(line: &str) -> bool {
    let line = line.trim();
    let has_number = line
        .as_bytes()
        .windows(3)
        .any(|window| window.iter().all(u8::is_ascii_digit));
    word_count(line) >= PROSE_LINE_WORDS
        && line.ends_with(['.', '!', '?', '»', '”', '"'])
        && !line.contains('@')
        && !has_number
}

/// `"mailto:a@b.org">a@b.org` (an HTML tail a scraper left behind) becomes `a@b.org`.
pub fn repair_mailto(text: &str) -> String {
    MAILTO_TAIL
        .replace_all(text, |caps: &regex::Captures<'_>| caps[1].to_string())
        .into_owned()
}

pub(crate) fn word_count(line: &str) -> usize {
    line.split_whitespace().count()
}

/// The words of `text` (split at white space), each with the byte where it starts in `text`.
pub(crate) fn words_at(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_whitespace()
        .map(move |word| (word.as_ptr() as usize - text.as_ptr() as usize, word))
}

/// Of the words of four letters or more, how many are capitalised, and how many there are.
pub(crate) fn capitalised_words(text: &str) -> (usize, usize) {
    let long = text.split_whitespace().filter(|word| word.chars().count() >= 4);
    long.fold((0, 0), |(capitalised, total), word| {
        let upper = word.chars().next().is_some_and(char::is_uppercase);
        (capitalised + usize::from(upper), total + 1)
    })
}

/// Most words of four letters or more capitalised (`Teams Continue to Move Stranded Families`).
pub(crate) fn in_title_case(line: &str) -> bool {
    let (capitalised, long) = capitalised_words(line);
    capitalised * 10 >= long * 7
}

/// Mostly capitals: four letters or more, at least eight in ten of them upper case.
pub(crate) fn in_capitals(text: &str) -> bool {
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    let capitals = letters.iter().filter(|c| c.is_uppercase()).count();
    letters.len() >= 4 && capitals * 10 >= letters.len() * 8
}

/// The first sentence of a text, cut at a word boundary after at most `max_chars`.
pub fn first_sentence(text: &str, max_chars: usize) -> String {
    let line = text.lines().find(|line| !line.trim().is_empty()).unwrap_or("").trim();
    let sentence_end = line.find(". ").map(|i| i + 1).unwrap_or(line.len());
    truncate_words(&line[..sentence_end], max_chars)
}

/// Cuts a text at a word boundary to at most `max_chars` characters, adding `…` when cut.
pub fn truncate_words(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_string();
    }
    let cut: String = text.chars().take(max_chars).collect();
    let cut = match cut.rfind(' ') {
        Some(space) if space > max_chars / 2 => &cut[..space],
        _ => &cut[..],
    };
    format!("{}…", cut.trim_end_matches([',', ';', ':', ' ']))
}

static MARKDOWN_LINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"!?\[([^\]]*)\]\([^)]*\)").expect("link pattern is valid"));
static MARKDOWN_EMPHASIS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\*\*|__|(?m)^#{1,6}\s+|(?m)^\s*[*+]\s+").expect("emphasis pattern is valid"));

/// Markdown (ReliefWeb posts) to plain text: links keep their text, emphasis and heading
/// marks go.
pub fn strip_markdown(text: &str) -> String {
    let without_links = MARKDOWN_LINK.replace_all(text, "$1");
    MARKDOWN_EMPHASIS.replace_all(&without_links, "").into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ocr_debris_of_broken_non_breaking_spaces_is_dropped() {
        assert_eq!(
            clean_text("SPEECH (released in Turkey) Â AUSTRALIA AND TURKEY\n\nÂ\n\nMINISTER:Â\n\nÂ£50 Â· x Â»"),
            "SPEECH (released in Turkey) AUSTRALIA AND TURKEY\n\nMINISTER:\n\n£50 · x »"
        );
        assert_eq!(
            clean_text("the final communiquÃ\u{83}Â© from"),
            "the final communiqué from"
        );
        assert_eq!(
            clean_text("ÂGE DES RÉFUGIÉS, Côte d'Ivoire, GUSMÃO"),
            "ÂGE DES RÉFUGIÉS, Côte d'Ivoire, GUSMÃO"
        );
    }

    #[test]
    fn mojibake_is_repaired_and_real_accents_kept() {
        assert_eq!(repair_mojibake("IOMâ€™s Â£50,000"), "IOM’s £50,000");
        assert_eq!(repair_mojibake("rÃ©fugiÃ©s"), "réfugiés");
        assert_eq!(
            repair_mojibake("Côte d’Ivoire, réfugiés, São Paulo"),
            "Côte d’Ivoire, réfugiés, São Paulo"
        );
        // A lead at the very end, or before a character that is no continuation byte.
        assert_eq!(repair_mojibake("Ã"), "Ã");
        assert_eq!(repair_mojibake("Ãx Ã©"), "Ãx é");
    }

    #[test]
    fn control_characters_are_dropped() {
        assert_eq!(strip_control_characters("a\u{7}b\r\nc\u{c}d\te"), "ab\ncd e");
        // Lone carriage returns, C1 controls, no-break and zero-width spaces, a byte-order
        // mark; characters sharing their first byte (£, ’, …, U+FFFD) stay.
        assert_eq!(
            strip_control_characters("\u{FEFF}x\ry\u{85}z\u{A0}£\u{200B}’…\u{FFFD}\u{7F}\r"),
            "x\nyz £’…\u{FFFD}\n"
        );
    }

    #[test]
    fn contact_block_is_split_and_mailto_repaired() {
        let (body, contact) = split_contact(
            "Body line.\nFor further information, please contact:\nJane\nEmail:\n\"mailto:j@x.org\">j@x.org",
        );
        assert_eq!(body, "Body line.");
        let contact = contact.expect("contact block");
        assert!(contact.starts_with("For further information"));
        assert!(contact.ends_with("Email:\nj@x.org"), "{contact}");
    }

    #[test]
    fn a_press_contact_in_the_page_header_keeps_the_release_in_the_body() {
        let text = "Press area\nContact presse\n+33 1 00 00 00 00\nA bill on asylum\nThe bill to be presented on Wednesday would, according to our information, make it harder for people seeking asylum to appeal a refusal, to be housed while they wait and to bring their families, and it comes only four years after the last one.";
        let (body, contact) = split_contact(text);
        assert_eq!(body, text);
        assert_eq!(contact, None);
    }

    #[test]
    fn markdown_is_stripped() {
        assert_eq!(strip_markdown("**Status** of [IDPs](http://x)"), "Status of IDPs");
    }
}
