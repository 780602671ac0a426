//! Acronyms learned from the collection itself (issue 16: names no table holds, learned from
//! the releases). An English release names many bodies by an acronym alone ("the ACTU said"),
//! but English also puts "the" before taxes and schemes ("the GST"), so a lone acronym's shape
//! tells nothing there ([`crate::acronyms`] reads French and Spanish only). The collection
//! tells: another release that spells the acronym out, "Australian Council of Trade Unions
//! (ACTU)", with a long form that names a body (the table's, or one with an organization
//! word). Such an acronym is that body wherever a release of the collection uses it alone; one
//! spelt out more often as something else ("Goods and Services Tax (GST)"), or as two
//! different bodies equally often, is not learned. (Asking two releases to spell it out as a
//! body was tried: nothing gained on the extraction gold's tune half.)
//!
//! [`crate::Enricher::learn`] reads every record before any is finished: `pressroom index`,
//! `extract`, `eval` and `publish` call it with all the records they read, and a build keeps
//! what it learned with its generation for the server's writes ([`LearnedAcronyms::to_tsv`]).

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::Regex;

use crate::acronyms;
use crate::organizations::{self, OrganizationTable};

/// Capitals, 3 to 10 (with `&`): the acronyms learned.
static CAPITALS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[A-Z][A-Z&]{2,9}$").expect("capitals pattern is valid"));

/// Per collection (a record's `source`: `trove`, `reliefweb`…, for a generic JSONL file its
/// name, for scraped pages their folder's), what its releases taught: the
/// same acronym may be one body in one collection and a disease in another (`ARC`: the
/// Assyrian Resource Centre in Trove, AIDS-related complex in Reuters).
#[derive(Debug, Default, Clone)]
pub struct LearnedAcronyms {
    collections: HashMap<String, CollectionAcronyms>,
}

/// One collection's learned acronyms.
#[derive(Debug, Clone)]
pub(crate) struct CollectionAcronyms {
    /// Per acronym, the organization it stands for: the table's canonical name when the
    /// collection spells it out with a name the table knows, else the acronym itself.
    names: Vec<(String, String)>,
    /// Finds the acronyms in a text (one pass, however many were learned), pattern `i`
    /// being `names[i]`'s.
    automaton: AhoCorasick,
}

impl LearnedAcronyms {
    /// Learns from `releases` (each one's collection, title and body): each release's "Long
    /// Name (ACRONYM)" pairs vote once per acronym and meaning for what it stands for in
    /// that collection.
    pub(crate) fn learn<'a>(
        table: &OrganizationTable,
        releases: impl IntoIterator<Item = (&'a str, &'a str, &'a str)>,
    ) -> Self {
        // Per collection, acronym and meaning (`None`: no body), the releases spelling it so.
        let mut votes: HashMap<(&'a str, &'a str), HashMap<Option<String>, usize>> = HashMap::new();
        let mut in_this: HashSet<(&str, Option<String>)> = HashSet::new();
        for (source, title, body) in releases {
            in_this.clear();
            let pairs = organizations::spelt_out(title)
                .into_iter()
                .chain(organizations::spelt_out(body));
            for (long_form, acronym, capitalised) in pairs {
                if !CAPITALS.is_match(acronym) || acronyms::is_no_body(acronym) || table.canonical(acronym).is_some() {
                    continue;
                }
                // A long form in small letters is a common noun's: no body.
                let meaning = match table.canonical(long_form) {
                    _ if !capitalised => None,
                    Some(canonical) => Some(canonical.to_string()),
                    None if organizations::looks_like_organization(long_form) => Some(acronym.to_string()),
                    None => None,
                };
                if in_this.insert((acronym, meaning.clone())) {
                    *votes.entry((source, acronym)).or_default().entry(meaning).or_default() += 1;
                }
            }
        }
        let mut learned: HashMap<&str, Vec<(String, String)>> = HashMap::new();
        for ((source, acronym), meanings) in votes {
            let all: usize = meanings.values().sum();
            let best = meanings
                .into_iter()
                .filter_map(|(meaning, releases)| meaning.map(|name| (name, releases)))
                .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)));
            // More than half of the releases that spell it out mean this one body.
            if let Some((name, _)) = best.filter(|&(_, releases)| releases * 2 > all) {
                learned.entry(source).or_default().push((acronym.to_string(), name));
            }
        }
        Self::gathered(learned)
    }

    /// Each collection's acronyms, found by one automaton.
    fn gathered(learned: HashMap<&str, Vec<(String, String)>>) -> LearnedAcronyms {
        let collections = learned
            .into_iter()
            .filter_map(|(source, mut names)| {
                names.sort();
                let automaton = AhoCorasickBuilder::new()
                    .match_kind(MatchKind::LeftmostLongest)
                    .build(names.iter().map(|(acronym, _)| acronym))
                    .ok()?;
                Some((source.to_string(), CollectionAcronyms { names, automaton }))
            })
            .collect();
        LearnedAcronyms { collections }
    }

    /// How many acronyms were learned, over every collection.
    pub fn len(&self) -> usize {
        self.collections.values().map(|collection| collection.names.len()).sum()
    }

    /// What was learned, a line per acronym: `collection<TAB>acronym<TAB>organization`, in
    /// order (a build keeps it with the generation it writes, for the writes made to it later).
    pub fn to_tsv(&self) -> String {
        let mut lines: Vec<String> = self
            .collections
            .iter()
            .flat_map(|(source, collection)| {
                collection
                    .names
                    .iter()
                    .map(move |(acronym, name)| format!("{source}\t{acronym}\t{name}\n"))
            })
            .collect();
        lines.sort();
        lines.concat()
    }

    /// What [`Self::to_tsv`] wrote (a line that is not three fields is skipped).
    pub fn from_tsv(text: &str) -> LearnedAcronyms {
        let mut learned: HashMap<&str, Vec<(String, String)>> = HashMap::new();
        for line in text.lines() {
            let fields: Vec<&str> = line.split('\t').collect();
            if let [source, acronym, name] = fields[..] {
                learned
                    .entry(source)
                    .or_default()
                    .push((acronym.to_string(), name.to_string()));
            }
        }
        Self::gathered(learned)
    }

    /// What the collection `source` taught, if anything.
    pub(crate) fn of(&self, source: &str) -> Option<&CollectionAcronyms> {
        self.collections.get(source)
    }
}

impl CollectionAcronyms {
    /// Each learned acronym `text` uses as a word, outside lines in capitals (an OCR'd
    /// heading, a telex, where capitals tell no acronym): where it starts, the acronym and the
    /// organization it stands for.
    pub(crate) fn find(&self, text: &str) -> Vec<(usize, &str, &str)> {
        // `&` joins capitals into one acronym (`NH&MRC` is not `MRC`).
        let word_char = |c: char| c.is_alphanumeric() || c == '_' || c == '&';
        self.automaton
            .find_iter(text)
            .filter_map(|found| {
                let (start, end) = (found.start(), found.end());
                let alone = !text[..start].chars().next_back().is_some_and(word_char)
                    && !text[end..].chars().next().is_some_and(word_char);
                let (acronym, name) = self.names.get(found.pattern().as_usize())?;
                (alone && !acronyms::in_capitals(text, start)).then_some((start, acronym.as_str(), name.as_str()))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn learned(texts: &[&str]) -> LearnedAcronyms {
        let table = OrganizationTable::load().expect("the table loads");
        LearnedAcronyms::learn(&table, texts.iter().map(|text| ("news", "", *text)))
    }

    fn find(learned: &LearnedAcronyms, text: &str) -> Vec<(String, String)> {
        learned
            .of("news")
            .map(|collection| collection.find(text))
            .unwrap_or_default()
            .into_iter()
            .map(|(_, acronym, name)| (acronym.to_string(), name.to_string()))
            .collect()
    }

    #[test]
    fn an_acronym_spelt_out_as_a_body_is_learned_and_found_alone_elsewhere() {
        let learned = learned(&[
            "A statement of the Australian Council of Trade Unions (ACTU) on wages.",
            "The Goods and Services Tax (GST) rises. The Joint Centre for Control and Co-ordination (JCCC) met.",
        ]);
        let found = find(&learned, "The ACTU said the GST and the JCCC were discussed.");
        let pair = |acronym: &str| (acronym.to_string(), acronym.to_string());
        assert_eq!(found, [pair("ACTU"), pair("JCCC")]);
        // Not in a line of capitals.
        assert!(find(&learned, "ACTU SAYS WAGES MUST RISE").is_empty());
        // Not inside longer capitals (`NH&MRC` is not `MRC`).
        assert!(find(&learned, "the ACTUS and NH&JCCC said").is_empty());
    }

    #[test]
    fn what_is_learned_reads_back_from_its_text() {
        let learned = learned(&[
            "A statement of the Australian Council of Trade Unions (ACTU) on wages.",
            "the International Organization for Migration (IOFM) said",
        ]);
        let text = learned.to_tsv();
        assert_eq!(text.lines().count(), 2);
        let again = LearnedAcronyms::from_tsv(&text);
        assert_eq!(again.to_tsv(), text);
        assert_eq!(find(&again, "the ACTU and the IOFM").len(), 2);
    }

    #[test]
    fn what_one_collection_teaches_holds_in_that_collection_only() {
        let table = OrganizationTable::load().expect("the table loads");
        let learned = LearnedAcronyms::learn(
            &table,
            [("trove", "", "funds for the Assyrian Resource Centre (ARC) in Fairfield")],
        );
        assert_eq!(
            learned
                .of("trove")
                .map(|collection| collection.find("the ARC said").len()),
            Some(1)
        );
        assert!(learned.of("reuters").is_none());
    }

    #[test]
    fn an_acronym_spelt_out_as_other_things_as_often_is_not_learned() {
        let learned = learned(&[
            "the Regional Support Office (RSO) opened",
            "the Refugee Status Outcome (RSO) fell",
            "the Regional Support Office (RSO) closed",
            "the Refugee Status Outcome (RSO) rose",
        ]);
        assert_eq!(learned.len(), 0);
        // Once in each of three releases as a body, once as something else: a body.
        let learned = self::learned(&[
            "the Regional Support Office (RSO) opened",
            "the Regional Support Office (RSO) closed",
            "the Refugee Status Outcome (RSO) rose",
        ]);
        assert_eq!(learned.len(), 1);
        // A long form in small letters is a common noun's.
        let learned = self::learned(&[
            "held in an immigration detention centre (IDC) for months",
            "moved to another immigration detention centre (IDC)",
            "the Villawood Immigration Detention Centre (IDC) was closed",
        ]);
        assert_eq!(learned.len(), 0);
    }

    #[test]
    fn the_tables_acronyms_and_names_it_knows_stay_the_tables() {
        // UNHCR is in the table: nothing to learn. A new acronym for a body the table knows
        // by its long form stands for that body.
        let learned = learned(&[
            "the UN High Commissioner for Refugees (UNHCR) said",
            "the International Organization for Migration (IOFM) said",
        ]);
        let table = OrganizationTable::load().expect("the table loads");
        let iom = table
            .canonical("International Organization for Migration")
            .expect("IOM is in the table");
        assert_eq!(
            find(&learned, "the UNHCR said, and the IOFM helped them"),
            [("IOFM".to_string(), iom.to_string())]
        );
    }
}
