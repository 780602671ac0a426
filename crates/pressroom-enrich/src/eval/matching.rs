//! How an extracted organization matches a labelled one (section 6 of
//! `tests/data/extraction-guide.md`): both sides become sets of normalised keys (a gold
//! entry's name and aliases; an extracted name, and when the alias table knows it, that
//! organization's canonical name, full name and aliases); two entries match when their key
//! sets share a key, and entries are paired one to one (a maximum matching).

use std::collections::BTreeSet;

use crate::Enricher;

const ARTICLES: [&str; 8] = ["the ", "la ", "le ", "les ", "l'", "el ", "los ", "las "];
const LEGAL_FORMS: [&str; 11] = [
    "inc",
    "corp",
    "corporation",
    "co",
    "company",
    "ltd",
    "limited",
    "plc",
    "sa",
    "ag",
    "nv",
];

/// A name as the guide compares it: accents and case folded, dots inside acronyms dropped,
/// other punctuation one space, a leading article and trailing legal forms dropped.
pub fn normalise(name: &str) -> String {
    let folded = deunicode::deunicode(&name.replace(['\u{2019}', '\u{2018}'], "'")).to_lowercase();
    let chars: Vec<char> = folded.chars().collect();
    let mut without_dots = String::with_capacity(folded.len());
    for (index, c) in chars.iter().enumerate() {
        let between_letters = *c == '.'
            && index > 0
            && chars[index - 1].is_alphanumeric()
            && chars.get(index + 1).is_some_and(|next| next.is_alphanumeric());
        if !between_letters {
            without_dots.push(*c);
        }
    }
    let mut text = without_dots.as_str();
    for article in ARTICLES {
        if let Some(rest) = text.strip_prefix(article) {
            text = rest;
            break;
        }
    }
    let spaced: String = text
        .chars()
        .map(|c| if c.is_alphanumeric() || c == '\'' { c } else { ' ' })
        .collect();
    let mut words: Vec<&str> = spaced.split_whitespace().collect();
    while words.last().is_some_and(|word| LEGAL_FORMS.contains(word)) {
        words.pop();
    }
    words.join(" ")
}

/// The keys of names, normalised, blanks dropped.
pub fn keys<'a>(names: impl IntoIterator<Item = &'a str>) -> BTreeSet<String> {
    names.into_iter().map(normalise).filter(|key| !key.is_empty()).collect()
}

/// The keys of an extracted organization: its name, the name without the country the
/// extractor added in brackets ("Ministerio de Defensa (Peru)" as the text wrote it), and what
/// the alias table knows of it, the short names its country's releases use included.
pub fn extracted_keys(enricher: &Enricher, name: &str) -> BTreeSet<String> {
    let mut found = keys([name]);
    if let Some((bare, _)) = name.rsplit_once(" (").filter(|_| name.ends_with(')')) {
        found.extend(keys([bare]));
    }
    if let Some(canonical) = enricher.canonical_organization(name) {
        if let Some(organization) = enricher.organizations().iter().find(|org| org.canonical == canonical) {
            let full_name = organization.name.split(" (").next().unwrap_or(&organization.name);
            let local_names = organization
                .local
                .iter()
                .flat_map(|(_, names)| names.iter().map(String::as_str));
            found.extend(keys(organization.all_names().chain([full_name]).chain(local_names)));
        }
    }
    found
}

/// A maximum one-to-one matching of `predicted` to `expected` entries, two entries matching
/// when their key sets share a key: for each `expected` entry, the `predicted` entry paired
/// with it, if any.
pub fn pairing(predicted: &[BTreeSet<String>], expected: &[BTreeSet<String>]) -> Vec<Option<usize>> {
    let mut owner: Vec<Option<usize>> = vec![None; expected.len()];
    fn augment(
        at: usize,
        predicted: &[BTreeSet<String>],
        expected: &[BTreeSet<String>],
        owner: &mut [Option<usize>],
        seen: &mut [bool],
    ) -> bool {
        for (gold, keys) in expected.iter().enumerate() {
            if seen[gold] || predicted[at].is_disjoint(keys) {
                continue;
            }
            seen[gold] = true;
            if owner[gold].is_none_or(|other| augment(other, predicted, expected, owner, seen)) {
                owner[gold] = Some(at);
                return true;
            }
        }
        false
    }
    for at in 0..predicted.len() {
        augment(at, predicted, expected, &mut owner, &mut vec![false; expected.len()]);
    }
    owner
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_normalise_as_the_guide_says() {
        assert_eq!(
            normalise("The U.N. High Commissioner’s Office"),
            "un high commissioner's office"
        );
        assert_eq!(
            normalise("Première Urgence Internationale"),
            "premiere urgence internationale"
        );
        assert_eq!(normalise("First Boston Corp."), "first boston");
        assert_eq!(
            normalise("l'Organisation mondiale de la santé"),
            "organisation mondiale de la sante"
        );
    }

    #[test]
    fn matching_is_one_to_one_and_maximal() {
        let set = |names: &[&str]| keys(names.iter().copied());
        let predicted = [set(&["IOM"]), set(&["UN"]), set(&["OIM"])];
        let expected = [
            set(&["International Organization for Migration", "IOM", "OIM"]),
            set(&["United Nations", "UN"]),
        ];
        assert_eq!(pairing(&predicted, &expected), [Some(0), Some(1)]);
        // A greedy pairing would give 1 here.
        let predicted = [set(&["a", "b"]), set(&["a"])];
        let expected = [set(&["a"]), set(&["b"])];
        assert_eq!(pairing(&predicted, &expected), [Some(1), Some(0)]);
    }

    #[test]
    fn a_body_is_known_by_the_short_names_its_country_uses() {
        let enricher = Enricher::new().expect("tables load");
        let alp = extracted_keys(&enricher, "ALP");
        assert!(alp.contains("labor"), "{alp:?}");
        assert!(alp.contains("australian labor party"), "{alp:?}");
    }
}
