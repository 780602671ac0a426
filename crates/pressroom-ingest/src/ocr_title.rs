//! The title of a release without markup (OCR'd press releases, plain-text collections):
//! the headline above the first paragraph, not the letterhead, the release header or the
//! date above it.

use std::sync::LazyLock;

use regex::Regex;

use crate::clean::{
    capitalised_words, first_sentence, in_capitals, truncate_words, word_count, words_at, CONTACT_START,
};

static HEADER_BLOCK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^[\s*]*(
            (joint\s+)?(media|press|news)\s+(release|statement|conference)s?
          | (joint\s+)?(media|press)\s+statement
          | \*?transcript\*?\W*$
          | subjects?\s*:
          | for\s+(the\s+)?press
          | not\s+(to\s+be\s+)?(released|for\s+publication)
          | embargo
          | for\s+release\b
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
        r"(?i)^[\w\s,.]{0,20}\b(\d{1,2}(st|nd|rd|th)?\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+(\d{1,2}(st|nd|rd|th)?,?\s+)?(19|20)\d\d(\s+[A-Z]{0,5}\s?\d{1,4}/\d{1,4})?\s*$",
    )
    .expect("date pattern is valid")
});

/// A letterhead: who issues the release, not what it is about ("LAURIE FERGUSON MP SHADOW
/// MINISTER FOR IMMIGRATION FEDERAL MEMBER FOR REID", "Scott Morrison, MP", "Member for
/// Kingsford Smith", "PRIME MINISTER", "OFFICE OF SENATOR …"), an electorate office's address,
/// a transcript's "E&OE", a web page's menu bar.
static LETTERHEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
            (?i:\b(shadow\s+|assistant\s+)?minister\s+(for|of)\s)
          | (?i:\b(federal\s+)?member\s+for\s)
          | (?i:\bspokes(person|man|woman)\b)
          | (?i:\belectorate\s+office)
          | (?i:\boffice\s+of\s+(the\s+)?(senator|minister|leader|hon))
          | (?i:\bthe\s+hon\.?\s)
          | (?i:\bleader\s+of\s+the\s+(opposition|government|house|australian|nationals|greens|democrats)\b)
          | (?i:^(the\s+)?(deputy\s+)?(prime\s+minister|treasurer|attorney-general)$)
          | (?i:^\W*e\s*&\s*(o\s*e|e\s*o)\b)
          | (?i:\bproof\s+only\b|^unclassified\W*$|^page\s+\d+\s+of\s+\d+|^printer\s+friendly)
          | (?i:\b(tel|ph|phone|fax)\b\.?:?\s*\(?\+?\d|\bfurther\s+information\b|\S@\S)
          | (?i:^(deputy\s+)?leader\s+of\s+the\s+\S+(\s+\S+){0,4}$)
          | (?i:^(the\s+)?(parliament|house|senate)\b(\s+\S+){0,5}\s+(australia|representatives|senate)$)
          | \b(M\.?P|MHR|MLC),?\s*(&|$)
          | \|.*\|.*\|
        ",
    )
    .expect("letterhead pattern is valid")
});

/// What a transcript is about (`Subjects: …`, `SUBJECT/S: …`, `Topics: …`, `TITLE: …`): its
/// headline, when it has no other.
static SUBJECTS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(\b(subjects?|subject\s*/\s*s|topics?|topic\s*\(s\))|^title)\s*:\s*\S")
        .expect("subjects pattern is valid")
});

/// A speaker's name opening what they say in a transcript (`BRENDAN O’CONNOR: Well…`).
static SPEAKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s\p{Lu}[\p{Lu}’'.-]+(\s+\p{Lu}[\p{Lu}’'.-]+){0,3}:\s").expect("speaker pattern is valid")
});

/// What OCR leaves after a headline on its line: a date, a release number (`MPS 100/2000`),
/// `E&OE` and its dotted rule.
static TRAILER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
            [\s,]+(
                ((mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?
                (\d{1,2}(st|nd|rd|th)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+(19|20)\d\d
                | (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(st|nd|rd|th)?,?\s+(19|20)\d\d
                | \d{1,2}[/.-]\d{1,2}[/.-](19|20)?\d\d)
              | e\s*&\s*(o\s*e|e\s*o)\W*
              | (?-i:[A-Z]{1,5})\s?\d{1,4}/\d{2,4}
            )\s*$",
    )
    .expect("trailer pattern is valid")
});

/// An occasion: where or how the words were said, not what about.
/// The line opens with it (`Transcript of …`, `Interview with …`, `Doorstop, …`): never
/// the text, however long.
static OCCASION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(joint\s+)?(doorsto+p|press\s+conference|(radio\s+|television\s+|tv\s+)?interview|transcript|speech|address|remarks)\b",
    )
    .expect("occasion pattern is valid")
});
static OCCASION_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(oration|lecture|keynote|breakfast|luncheon|dinner)\b").expect("occasion pattern is valid")
});

/// A block that may head a release's text but seldom says what it is about: one or two
/// words (`Preamble`, `1. INTRODUCTION`) or an occasion.
fn is_label(block: &str) -> bool {
    word_count(block) <= 2 || OCCASION.is_match(block) || OCCASION_WORDS.is_match(block)
}

/// Whether a line in capitals breaks off on a small word (`THE MINISTER FOR THE`).
fn breaks_off(block: &str) -> bool {
    block
        .rsplit(' ')
        .next()
        .is_some_and(|word| ["THE", "OF", "FOR", "AND", "TO", "IN", "ON", "AT", "A", "WITH", "BY"].contains(&word))
}

/// Letters spaced out by OCR are a letterhead's (`T H E H O N .`, `C A N B E R R A A C T .`).
fn letter_spaced(block: &str) -> bool {
    let words = word_count(block);
    let single = block
        .split_whitespace()
        .filter(|word| word.chars().count() == 1)
        .count();
    words >= 4 && single * 10 >= words * 6
}

/// A label that opens a headline's block (`Media Release: …`), and a signature that closes it
/// (`… Laurie Brereton - Shadow Minister for Foreign Affairs`).
static LEADING_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(joint\s+)?(media|press|news)\s+(release|statement)\s*[:\-–]\s+").expect("label pattern is valid")
});
static SIGNATURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\s+(\p{Lu}[\p{L}'’.-]+\s+){2}[-–]\s+(?i:(shadow\s+|assistant\s+|federal\s+|independent\s+)?((minister|member|spokesperson)\s+(for|of)|senator|leader\s+of))\b.*$",
    )
    .expect("signature pattern is valid")
});

/// A block without the label that opens it or the signature that closes it, when a headline
/// of three words or more is left.
fn without_labels(block: &str) -> String {
    let mut block = block;
    if let Some(label) = LEADING_LABEL.find(block) {
        if word_count(&block[label.end()..]) >= 3 {
            block = &block[label.end()..];
        }
    }
    if let Some(signature) = SIGNATURE.find(block) {
        if word_count(&block[..signature.start()]) >= 3 {
            block = &block[..signature.start()];
        }
    }
    block.to_string()
}

/// A line of a transcript: a speaker's name and what they said (`HADLEY: You were in Malaysia?`).
static DIALOGUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\p{Lu}[\p{L}’'.-]*\s+){0,3}\p{Lu}[\p{L}’'.-]*:\s.*[.?!\x22”]$").expect("dialogue pattern is valid")
});

/// A header's field (`TRANSCRIPT: …`, `DATE: …`), not a speaker.
static FIELD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(transcript|date|time|place|venue|location|program|programme|source|re|e\s*&\s*oe)\s*:")
        .expect("field pattern is valid")
});

/// A short block that names the kind of document anywhere in it (`06 December 2001 MEDIA
/// RELEASE 01/736`, `MEWS RELEASE NEWS RELEASE`).
static RELEASE_WORDS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(news|mews|media|press)\s+releases?\b").expect("release pattern is valid"));

/// A block that heads a release rather than titles it: a release header, a letterhead, a
/// date, a contact.
fn is_release_header(block: &str) -> bool {
    letter_spaced(block)
        || (word_count(block) <= 8 && RELEASE_WORDS.is_match(block))
        || HEADER_BLOCK.is_match(block)
        || LETTERHEAD.is_match(block)
        || DATE_LINE.is_match(block)
        || CONTACT_START.is_match(block)
}

/// Whether `blocks[index]` is a paragraph. OCR often puts every line in a block of its own,
/// so a line of prose counts too: one that ends a sentence, or runs on into the next block
/// (which then opens in lower case). A headline in sentence case is mostly lower case as
/// well, but stands alone. Not a letterhead or an address in title case, however long.
fn is_prose(blocks: &[String], index: usize) -> bool {
    let block = blocks[index].as_str();
    let lowercase = block.chars().filter(|c| c.is_lowercase()).count();
    let letters = block.chars().filter(|c| c.is_alphabetic()).count().max(1);
    let sentence_like = word_count(block) >= 15 && block.contains(['.', '!', '?', '"', '”', ',']);
    let runs_on = blocks
        .get(index + 1)
        .and_then(|next| next.chars().next())
        .is_some_and(char::is_lowercase);
    let ends_sentence = block.ends_with(['.', '!', '?', '"', '”']) || block.contains(". ");
    let line_of_prose = word_count(block) >= 8
        && lowercase * 2 > letters
        && (ends_sentence || runs_on || word_count(block) >= LONGEST_HEADLINE_WORDS);
    let (capitalised, long) = capitalised_words(block);
    let title_case = capitalised * 10 >= long * 7 && !in_capitals(block);
    // What a speaker says is text, whatever its shape (names in it, a minister's title). The
    // patterns are tried last, and the speaker's only where `: ` stands (blocks have single
    // spaces): they cost more than the rest.
    let spoken = || {
        block.contains(": ")
            && DIALOGUE.is_match(block)
            && !SUBJECTS.is_match(block)
            && !FIELD.is_match(block)
            && !HEADER_BLOCK.is_match(block)
    };
    spoken()
        || ((sentence_like || line_of_prose)
            && !title_case
            && !HEADER_BLOCK.is_match(block)
            && !LETTERHEAD.is_match(block)
            && !CONTACT_START.is_match(block)
            && !SUBJECTS.is_match(block)
            && !OCCASION.is_match(block)
            && !letter_spaced(block))
}

/// Finds the title of a release without markup (OCR'd press releases): the short block right
/// above the first paragraph of prose, skipping release headers, dates and "SUBJECTS:" lines.
/// Falls back to the start of the first paragraph.
pub fn find_title_in_blocks(text: &str) -> String {
    // Blocks are tidied as far as the first paragraph of prose (and the block after it, which
    // tells whether a line runs on): what lies below never makes the title, and tidying every
    // block of a long transcript cost a tenth of indexing.
    let mut rest = text
        .split("\n\n")
        .map(|block| without_labels(&block.split_whitespace().collect::<Vec<_>>().join(" ")))
        .filter(|block| !block.is_empty());
    let mut blocks: Vec<String> = Vec::new();
    let mut prose_index = None;
    let mut index = 0;
    loop {
        while blocks.len() <= index + 1 {
            match rest.next() {
                Some(block) => blocks.push(block),
                None => break,
            }
        }
        if index >= blocks.len() {
            break;
        }
        if is_prose(&blocks, index) {
            prose_index = Some(index);
            break;
        }
        index += 1;
    }
    let is_candidate = |block: &str| {
        let is_header = is_release_header(block);
        let letters = block.chars().filter(|c| c.is_alphabetic()).count();
        // A title opens with a capital, a digit or a quote; OCR'd sentence fragments do not.
        let opens_like_title = block
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "\"'‘“$".contains(c));
        !is_header && letters >= 4 && word_count(block) <= 30 && opens_like_title && !block.ends_with([',', ':'])
    };
    // A block breaking off on a small word ("MINISTER FOR TRADE AND") is a fragment: it may
    // open the headline below it, not stand for one.
    let is_headline_in_capitals =
        |block: &str| word_count(block) >= 2 && in_capitals(block) && is_candidate(block) && !breaks_off(block);
    let above = &blocks[..prose_index.unwrap_or(blocks.len().min(15))];
    // A transcript names its subjects above the first words spoken.
    if let Some(subjects) = above
        .iter()
        .find_map(|block| SUBJECTS.find(block).map(|found| &block[found.start()..]))
    {
        let subjects = SPEAKER
            .find(subjects)
            .map_or(subjects, |speaker| &subjects[..speaker.start()]);
        return tidy_title(subjects);
    }
    // Press releases put their headline in capitals: the last such block above the text,
    // joined to the one before when that one breaks off on a small word ("THE MINISTER FOR THE").
    if let Some(index) = above.iter().rposition(|block| is_headline_in_capitals(block)) {
        let mut title = above[index].clone();
        if let Some(previous) = index.checked_sub(1).map(|i| &above[i]) {
            // A letterhead line breaking off into the headline still opens it
            // ("MR. FAIRBAIRN, MINISTER FOR NATIONAL DEVELOPMENT," "OPENS CANBERRA CONFERENCE").
            let is_header = HEADER_BLOCK.is_match(previous) || DATE_LINE.is_match(previous);
            if (breaks_off(previous) || previous.ends_with(',')) && in_capitals(previous) && !is_header {
                title = format!("{previous} {title}");
            }
        }
        return tidy_title(&title);
    }
    // The nearest headline-shaped block above the text; a label, an occasion or a place
    // ("Doorstop, Parliament House, Canberra", "Preamble") only when there is nothing else.
    let nearest: Vec<&String> = above.iter().rev().take(4).filter(|block| is_candidate(block)).collect();
    if let Some(block) = nearest.iter().find(|block| !is_label(block)).or(nearest.first()) {
        return tidy_title(block);
    }
    let first = prose_index.and_then(|i| blocks.get(i)).or_else(|| blocks.first());
    first
        .map(|block| {
            let sentence = first_sentence(block, 120);
            without_run_on_text(&sentence).to_string()
        })
        .unwrap_or_default()
}

/// Marks OCR leaves before a headline (`' . ' . REFUGEES FROM MALAYSIA`).
static LEADING_JUNK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([^\p{L}\p{N}\s$]+\s+)+").expect("junk pattern is valid"));

/// A headline without what OCR leaves at its end: a date on its line, stray punctuation
/// (`REFUGEES .`, `CONFERENCE. '`).
fn tidy_title(title: &str) -> String {
    let title = LEADING_JUNK.find(title).map_or(title, |junk| &title[junk.end()..]);
    // A date may follow a release number, or the other way round.
    let mut title = title;
    while let Some(trailer) = TRAILER
        .find(title)
        .filter(|trailer| word_count(&title[..trailer.start()]) >= 3)
    {
        title = &title[..trailer.start()];
    }
    let mut trimmed = title.trim_end_matches(|c: char| c.is_whitespace() || ".,;:·*-_".contains(c));
    // A closing quote stays when it closes one opened in the title.
    if trimmed.matches('\'').count() % 2 == 1 {
        trimmed = trimmed.trim_end_matches(|c: char| c.is_whitespace() || ".,;:'·*-_".contains(c));
    }
    truncate_words(without_run_on_text(trimmed), MAX_TITLE_CHARS)
}

/// Words in capitals a headline run into the text's first sentence has at least, and words
/// the sentence has at least.
const RUN_ON_HEADLINE_WORDS: usize = 3;
const RUN_ON_TEXT_WORDS: usize = 6;

/// A headline in capitals run into the first sentence of the text on its line (`REPRIEVE
/// URGED FOR AUSSIE MINE-HUNTERS The Federal Government should grant …`): the capitals
/// alone. A word with a digit (`56th`) does not end them. Not a label and what follows it
/// (`SUBJECT / S: Scott Morrison’s …`, `PRIME MINISTER : Before I ask …`), nor a date's day
/// left before its month (`… INTERCEPTS VESSEL (4 April 2010) …`), nor an OCR slip in the
/// capitals (`BUSlNESS`).
fn without_run_on_text(title: &str) -> &str {
    let mut capitals = 0;
    let mut previous = "";
    for (at, word) in words_at(title) {
        let mut letters = word.chars().filter(|c| c.is_alphabetic());
        if word.chars().all(|c| !c.is_lowercase()) || word.chars().any(|c| c.is_ascii_digit()) {
            capitals += 1;
            previous = word;
            continue;
        }
        let sentence_word = letters.next().is_some_and(char::is_uppercase)
            && word.chars().next().is_some_and(char::is_alphabetic)
            && letters.all(char::is_lowercase);
        let headline = &title[..at];
        let cut = sentence_word
            && capitals >= RUN_ON_HEADLINE_WORDS
            && word_count(&title[at..]) >= RUN_ON_TEXT_WORDS
            && !headline.contains(':')
            && previous.chars().any(char::is_alphabetic);
        if cut {
            return headline.trim_end();
        }
        break;
    }
    title
}

/// A line of prose this long is text, not a headline, even without a full stop.
const LONGEST_HEADLINE_WORDS: usize = 18;

/// A title longer than this is cut (a transcript's list of subjects can run to 300).
const MAX_TITLE_CHARS: usize = 320;

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

    #[test]
    fn a_headline_in_capitals_run_into_the_text_is_cut_from_it() {
        let text = "MEDIA RELEASE\n\nREPRIEVE URGED FOR AUSSIE MINE-HUNTERS The Federal Government should grant an 11th hour reprieve for the two ships.";
        assert_eq!(find_title_in_blocks(text), "REPRIEVE URGED FOR AUSSIE MINE-HUNTERS");
        // A label and what follows it, or a date's day, stay.
        assert_eq!(
            without_run_on_text("SUBJECT / S: Manus Island police investigation; Tony Abbott’s GP Tax"),
            "SUBJECT / S: Manus Island police investigation; Tony Abbott’s GP Tax"
        );
        let dated = "BORDER PROTECTION COMMAND INTERCEPTS VESSEL (4 April 2010) Border Protection Command today intercepted a vessel";
        assert_eq!(without_run_on_text(dated), dated);
    }

    #[test]
    fn a_letterhead_in_title_case_is_neither_the_title_nor_the_text() {
        let text = "Shadow Minister for Fisheries and Forests and Shadow Minister for Northern Development\n\nJane Citizen\n\nNew patrol boats ordered for the northern coast\n\nTuesday 3 May 2011\n\nThe Government today ordered six new patrol boats for the northern coast, the Shadow Minister said.";
        assert_eq!(
            find_title_in_blocks(text),
            "New patrol boats ordered for the northern coast"
        );
        let text = "JANE CITIZEN MP FEDERAL MEMBER FOR SOMEWHERE\n\nElectorate Office: Level 2, 10 Main St, Sometown NSW 2000 Ph (02) 9000 0000 Fax (02) 9000 0001 Email: jane@example.org\n\nNEW BRIDGE OPENS TO TRAFFIC\n\nThe new bridge over the river opened to traffic today, two months ahead of time and under its budget.";
        assert_eq!(find_title_in_blocks(text), "NEW BRIDGE OPENS TO TRAFFIC");
        // An address in title case is no paragraph, however long.
        let text = "JANE CITIZEN\n\nLevel Two, Riverside Towers, Ten Bridge Street, Riverside, New South Wales, Australia, Opposite The Central Railway Station\n\nNEW BRIDGE OPENS TO TRAFFIC\n\nThe new bridge over the river opened to traffic today, two months ahead of time and under its budget.";
        assert_eq!(find_title_in_blocks(text), "NEW BRIDGE OPENS TO TRAFFIC");
        for letterhead in [
            "PRIME MINISTER",
            "Member for Sometown",
            "Jane Citizen, MP",
            "OFFICE OF SENATOR JANE CITIZEN",
            "T H E H O N . J . C I T I Z E N",
        ] {
            assert!(is_release_header(letterhead), "{letterhead}");
        }
        for headline in [
            "PRIME MINISTER WELCOMES REPORT",
            "MINISTER IN VICTORIA FOR TALKS",
            "Greens call for an inquiry",
        ] {
            assert!(!is_release_header(headline), "{headline}");
        }
    }

    #[test]
    fn a_headline_in_sentence_case_is_not_taken_for_the_text() {
        let text = "MEDIA RELEASE\n\nCouncil wins award for its work welcoming new migrants to the region\n\nFriday 5 March 2004\n\nThe Sometown City Council has won a national award for the way it welcomes migrants.";
        assert_eq!(
            find_title_in_blocks(text),
            "Council wins award for its work welcoming new migrants to the region"
        );
        // A line of prose broken off by OCR runs on into a block that opens in lower case.
        let text = "MEDIA RELEASE\n\nHOSTEL CLOSES\n\nThe Minister for Immigration said the hostel in the western suburbs\n\nwould close at the end of the month after forty years.";
        assert_eq!(find_title_in_blocks(text), "HOSTEL CLOSES");
    }

    #[test]
    fn a_transcript_is_titled_by_its_subjects() {
        let text = "JANE CITIZEN MP\n\nE&OE TRANSCRIPT\n\nRADIO INTERVIEW, 2XX BREAKFAST\n\nSubjects: Harbour bridge tolls; school funding.\n\nHOST: Good morning Minister, thanks for joining us.\n\nJANE CITIZEN: Good morning, it is a pleasure.";
        assert_eq!(
            find_title_in_blocks(text),
            "Subjects: Harbour bridge tolls; school funding"
        );
        // On one line with the programme and the first words spoken.
        let text = "Interview with Sam Host, Radio 2XX Subjects: Floods, roads HOST: Welcome to the show, Minister, it is good to have you here this morning.";
        assert_eq!(find_title_in_blocks(text), "Subjects: Floods, roads");
    }

    #[test]
    fn what_a_speaker_says_is_text_and_a_transcript_without_subjects_is_titled_by_its_programme() {
        let text = "Transcript of Interview with Sam Host, 2XX Breakfast Interview APC040/2012 09 July 2012\n\nSam Host: The Minister for Roads joins us this morning, and we are pleased to have her. Good morning.\n\nJane Citizen: G'day Sam, how are you?\n\nSam Host: Not bad. It has taken a while for the council to work out that the new bridge was needed, hasn't it?";
        assert_eq!(
            find_title_in_blocks(text),
            "Transcript of Interview with Sam Host, 2XX Breakfast Interview"
        );
        // A transcript's header in capitals is no paragraph, and an embargo no speaker.
        let text = "Campaign Transcript\n\nTRANSCRIPT OF ROADS MINISTER JANE CITIZEN, IN DEBATE WITH SAM OTHER AT THE ROADS INSTITUTE POLICY DEBATE, SYDNEY\n\nEMBARGO: 7.00 p.m.\n\nSubjects: Roads policy\n\nNEWSREADER: Hello, I am Sam Reader. We are taking you to the Roads Institute in Sydney, where the debate is about to begin.";
        assert_eq!(find_title_in_blocks(text), "Subjects: Roads policy");
        // A header's field is not a speaker.
        let text = "TRANSCRIPT: INTERVIEW WITH SAM HOST, 2XX NEWS.\n\nTOPICS: Roads; bridges\n\nSAM HOST: Minister, welcome to the program this morning.";
        assert_eq!(find_title_in_blocks(text), "TOPICS: Roads; bridges");
    }

    #[test]
    fn an_occasion_or_a_label_titles_a_release_only_when_nothing_else_does() {
        let text = "Jane Citizen MP\n\nMinister for Roads\n\nBudget cuts to hit regional roads\n\nDoorstop, Parliament House, Canberra\n\nJANE CITIZEN: Thank you all for coming. I want to talk about roads today.";
        assert_eq!(find_title_in_blocks(text), "Budget cuts to hit regional roads");
        let text = "Rt Hon Jane Citizen\n\n“From Sea to Sea”\n\nSometown Refugee Association Oration Adelaide 24 June 2011\n\nOur country has changed a great deal through its short history of a little more than a hundred years.";
        assert_eq!(find_title_in_blocks(text), "“From Sea to Sea”");
        let text = "LEADER OF THE OPPOSITION\n\nADDRESS TO THE ANNUAL DINNER OF THE CHAMBER OF COMMERCE\n\nThank you all for having me here tonight, it is a pleasure to speak to you again.";
        assert_eq!(
            find_title_in_blocks(text),
            "ADDRESS TO THE ANNUAL DINNER OF THE CHAMBER OF COMMERCE"
        );
    }

    #[test]
    fn what_ocr_leaves_around_a_headline_is_dropped() {
        assert_eq!(
            tidy_title("Vessel intercepted near the reef 15 June 2010"),
            "Vessel intercepted near the reef"
        );
        assert_eq!(
            tidy_title("Refugees welcomed in the city - Sometown Tuesday, 19 June 2006"),
            "Refugees welcomed in the city - Sometown"
        );
        assert_eq!(
            tidy_title("Minister opens new centre MPS 100/2000"),
            "Minister opens new centre"
        );
        assert_eq!(
            tidy_title("Funding for the 2012/13 year"),
            "Funding for the 2012/13 year"
        );
        assert_eq!(tidy_title("' . ' . REFUGEES FROM MALAYSIA"), "REFUGEES FROM MALAYSIA");
        assert_eq!(tidy_title("ADDRESS TO THE COUNCIL E&OE……………"), "ADDRESS TO THE COUNCIL");
        assert_eq!(
            without_labels("Media Release: Council backs new shelter plan"),
            "Council backs new shelter plan"
        );
        assert_eq!(
            without_labels("Road funding welcomed at last Jane Citizen - Shadow Minister for Roads"),
            "Road funding welcomed at last"
        );
        assert_eq!(without_labels("Media Release: Roads"), "Media Release: Roads");
        assert_eq!(
            without_labels("Visas for Three Women - Minister Must Explain"),
            "Visas for Three Women - Minister Must Explain"
        );
        let text = "N E W S R E L E A S E\n\n06 December 2001 MEDIA RELEASE 01/736\n\nREFUGEES ARRIVE FROM CAMPS\n\nThe first group of refugees from the camps arrived in Sometown today, the Minister said.";
        assert_eq!(find_title_in_blocks(text), "REFUGEES ARRIVE FROM CAMPS");
    }

    #[test]
    fn a_line_in_capitals_breaking_off_is_no_headline_by_itself() {
        let text = "MINISTER\n\nFOFOR ROADS AND\n\nnews release\n\nDate: 22 October 1991\n\nAustralia gives more aid to displaced families\n\nAs part of the settlement, Australia will give more aid to families displaced by the fighting, the Minister announced today.";
        assert_eq!(
            find_title_in_blocks(text),
            "Australia gives more aid to displaced families"
        );
    }

    #[test]
    fn a_letterhead_line_breaking_off_into_the_headline_opens_it() {
        let text = "MR. SMITH, MINISTER FOR ROADS,\n\nOPENS NEW HIGHWAY\n\nThe Minister for Roads, Mr Smith, today opened the new highway between the two towns.";
        assert_eq!(
            find_title_in_blocks(text),
            "MR. SMITH, MINISTER FOR ROADS, OPENS NEW HIGHWAY"
        );
    }
}
