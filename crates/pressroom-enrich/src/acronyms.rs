//! Bodies a French or Spanish release names by their acronym alone, never spelling them out:
//! "le partenaire ADES en collaboration avec la CNARR", "según la UNGRD". An acronym counts
//! when an article or a word for a partner stands before it (French and Spanish put one before
//! a body's acronym, not before a disease's or a currency's) and what follows is no noun it
//! modifies: punctuation, a function word, a verb of saying. English is not read: it puts "the"
//! before taxes, schemes and places as much as before bodies ("the GST", "the NDIS", "the
//! ACT"); over the shared collections, half the acronyms so found in English were no bodies.
//! The organization scorer drops those the table or a "Long Name (ACR)" pair accounts for.

use std::sync::LazyLock;

use regex::Regex;

/// An article or a partner word, then capitals (3 to 8, one inner hyphen: `SE-CONRED`).
static AFTER_ARTICLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:\b(?:[Ll]a|[Ll]e|[Ll]es|[Ee]l|[Ll]os|[Ll]as|del|al|[Dd]u|[Dd]es|au|aux|partenaire|socio|par|por|avec|con)\s+|\bl['’])([A-Z]{3,8}(?:-[A-Z]{2,8})?)\b",
    )
    .expect("acronym pattern is valid")
});

/// Acronyms of things, not bodies, that stand after an article: aid terms, diseases,
/// currencies, units and the like, in EN/FR/ES.
const NOT_BODIES: &[&str] = &[
    "ONG", "ONGS", "NGO", "NGOS", "PDI", "PDIS", "IDP", "IDPS", "VIH", "HIV", "SIDA", "AIDS", "COVID", "PIB", "GDP",
    "UTC", "GMT", "USD", "EUR", "AUD", "GBP", "CAD", "CHF", "JPY", "CFA", "FCFA", "XOF", "XAF", "PDF", "ADN", "DNA",
    "WASH", "EHA", "NFI", "NFIS", "AME", "CAP", "SMS", "GPS", "TIC", "ICT", "MAM", "MAS", "SAM", "GAM", "ETP", "VBG",
    "GBV", "SGBV", "DDR", "RRD", "DRR", "ERW", "REG", "CEO", "MPS", "EEUU", "OCR", "IPC", "DUDH", "DIH", "MGF", "CRRF",
    "RRM", "JAM", "DDRR", "EPU", "ODD", "ODS", "SDG",
];

/// Whether capitals name a thing, not a body, wherever they stand: a Roman numeral or one of
/// [`NOT_BODIES`].
pub(crate) fn is_no_body(acronym: &str) -> bool {
    acronym.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C')) || NOT_BODIES.contains(&acronym)
}

/// Words that may follow an acronym used as a name: function words and verbs of saying.
const FOLLOWERS: &[&str] = &[
    "said", "says", "say", "has", "have", "had", "is", "was", "were", "are", "will", "would", "could", "can", "may",
    "and", "or", "in", "on", "at", "to", "for", "with", "from", "of", "which", "who", "that", "et", "y", "e", "en",
    "a", "de", "du", "des", "pour", "para", "con", "avec", "ha", "han", "est", "sont", "était", "dijo", "indicó",
    "señaló", "fue", "es", "son", "del", "la", "le", "les", "los", "las", "al", "au", "aux", "dans", "sur", "por",
    "par",
];

/// Each acronym of `text` standing alone as a name, with where it starts.
pub fn standing_alone(text: &str) -> Vec<(usize, &str)> {
    let mut found = Vec::new();
    for captures in AFTER_ARTICLE.captures_iter(text) {
        let Some(acronym) = captures.get(1) else {
            continue;
        };
        let name = acronym.as_str();
        if is_no_body(name) || in_capitals(text, acronym.start()) {
            continue;
        }
        if followed_as_a_name(&text[acronym.end()..]) {
            found.push((acronym.start(), name));
        }
    }
    found
}

/// Whether what follows an acronym ends a name there: punctuation, the end, or one space and
/// a follower word (not a noun the acronym modifies, "les agents CNARR", nor a
/// name it begins, "la CNARR Tchad").
fn followed_as_a_name(rest: &str) -> bool {
    let Some(next) = rest.chars().next() else {
        return true;
    };
    if matches!(next, '.' | ',' | ';' | ':' | ')' | '\'' | '"' | '’' | '»' | '”') {
        return true;
    }
    if !next.is_whitespace() {
        return false;
    }
    let word: String = rest
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphanumeric() || matches!(c, '\'' | '’' | '-'))
        .collect();
    let lower = word.to_lowercase();
    FOLLOWERS.contains(&lower.as_str())
}

/// Whether the line around `at` is mostly capitals (an OCR'd heading, a telex): there
/// capitals tell no acronym.
pub(crate) fn in_capitals(text: &str, at: usize) -> bool {
    let start = text[..at].rfind('\n').map_or(0, |newline| newline + 1);
    let end = text[at..].find('\n').map_or(text.len(), |newline| at + newline);
    let (upper, letters) = text[start..end]
        .chars()
        .filter(|c| c.is_alphabetic())
        .fold((0, 0), |(upper, letters), c| {
            (upper + usize::from(c.is_uppercase()), letters + 1)
        });
    letters > 0 && upper * 10 > letters * 6
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<&str> {
        standing_alone(text).into_iter().map(|(_, name)| name).collect()
    }

    #[test]
    fn acronyms_after_an_article_stand_for_bodies() {
        assert_eq!(
            names("effectuée par le partenaire ADES en collaboration avec le HCR et la CNARR. Chaque ménage"),
            ["ADES", "HCR", "CNARR"]
        );
        assert_eq!(names("según la UNGRD, por la CONRED."), ["UNGRD", "CONRED"]);
        assert_eq!(names("Organizaciones del ELC del Cauca"), ["ELC"]);
    }

    #[test]
    fn modifiers_places_and_terms_are_not_bodies() {
        // English puts "the" before taxes and schemes as much as before bodies: not read.
        assert!(names("The GST and the ACTU said the NDIS.").is_empty());
        // A noun after it: the acronym modifies it.
        assert!(names("funded through the SGP grants and the NDIS scheme").is_empty());
        // A capitalised word after it: part of a longer name.
        assert!(names("the NSW Government announced").is_empty());
        // Aid terms, currencies, Roman numerals, headings in capitals.
        assert!(names("the IDP camps, les PDI et la VIH; the AUD, in the XII.").is_empty());
        assert!(names("MEDIA RELEASE FROM THE MINISTER AND THE DEPARTMENT").is_empty());
    }
}
