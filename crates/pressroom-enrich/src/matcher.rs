//! One multi-pattern automaton over every country, region and organization name, matched on
//! word boundaries, leftmost-longest, so "Papua New Guinea" wins over "Guinea" and
//! "Norwegian Refugee Council" (an organization) over "Norwegian".

use std::collections::HashSet;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use crate::error::EnrichError;
use crate::gazetteer::Gazetteer;
use crate::mention::{Mention, Target};
use crate::organizations::OrganizationTable;

pub struct EntityMatcher {
    case_insensitive: AhoCorasick,
    case_insensitive_targets: Vec<Target>,
    case_sensitive: AhoCorasick,
    case_sensitive_targets: Vec<Target>,
}

/// Collects patterns, keeping the first target given for a pattern.
#[derive(Default)]
struct PatternSet {
    patterns: Vec<String>,
    targets: Vec<Target>,
    seen: HashSet<String>,
}

impl PatternSet {
    fn add(&mut self, pattern: &str, target: Target, case_sensitive: bool) {
        let pattern = pattern.trim();
        if pattern.chars().count() < 2 {
            return;
        }
        let key = if case_sensitive {
            pattern.to_string()
        } else {
            pattern.to_lowercase()
        };
        if self.seen.insert(key) {
            self.patterns.push(pattern.to_string());
            self.targets.push(target);
        }
    }
}

/// Acronyms and other names that must keep their case: no lowercase letter, or a capital
/// after the first letter (`UNHCR`, `UN Women`, `OIM`).
fn looks_like_acronym(text: &str) -> bool {
    let has_lower = text.chars().any(char::is_lowercase);
    !has_lower
        || text
            .split_whitespace()
            .next()
            .is_some_and(|word| word.chars().skip(1).any(char::is_uppercase))
}

impl EntityMatcher {
    pub fn build(gazetteer: &Gazetteer, organizations: &OrganizationTable) -> Result<Self, EnrichError> {
        let mut insensitive = PatternSet::default();
        let mut sensitive = PatternSet::default();
        let mut add_spelling = |text: &str, target: Target, case_sensitive: bool| {
            if case_sensitive {
                sensitive.add(text, target, true);
                // Headlines and OCR'd headers are often in capitals: "TURKEY", "CHAD".
                if text.chars().any(char::is_lowercase) {
                    sensitive.add(&text.to_uppercase(), target, true);
                }
            } else {
                insensitive.add(text, target, false);
            }
        };
        // Pages write the apostrophe typographically as often as not: `Côte d’Ivoire`.
        let mut add = |text: &str, target: Target, case_sensitive: bool| {
            add_spelling(text, target, case_sensitive);
            if text.contains('\'') {
                add_spelling(&text.replace('\'', "\u{2019}"), target, case_sensitive);
            }
        };
        for (index, organization) in organizations.entries().iter().enumerate() {
            // The table lists the canonical name and full name among the aliases only where they are
            // used in running text ("Commonwealth" alone is usually the Australian government).
            for alias in organization.aliases.iter().map(String::as_str) {
                let case_sensitive =
                    looks_like_acronym(alias) || organization.case_sensitive_aliases.iter().any(|cs| cs == alias);
                add(alias, Target::Organization { index }, case_sensitive);
            }
        }
        for (index, aliases) in gazetteer.country_aliases().iter().enumerate() {
            for alias in aliases {
                let case_sensitive = alias.case_sensitive || looks_like_acronym(&alias.text);
                add(
                    &alias.text,
                    Target::Country {
                        index,
                        kind: alias.kind,
                    },
                    case_sensitive,
                );
            }
        }
        for (index, (_, aliases)) in gazetteer.regions().iter().enumerate() {
            for alias in aliases {
                add(alias, Target::Region { index }, looks_like_acronym(alias));
            }
        }
        let build = |patterns: &[String], ascii_case_insensitive: bool, what: &'static str| {
            AhoCorasickBuilder::new()
                // A full DFA: more memory than the default NFA, but each byte of text is one
                // table lookup (enrichment spends most of its matching time here).
                .kind(Some(AhoCorasickKind::DFA))
                .match_kind(MatchKind::LeftmostLongest)
                .ascii_case_insensitive(ascii_case_insensitive)
                .build(patterns)
                .map_err(|error| EnrichError::Automaton {
                    what,
                    reason: error.to_string(),
                })
        };
        Ok(EntityMatcher {
            case_insensitive: build(&insensitive.patterns, true, "case-insensitive names")?,
            case_insensitive_targets: insensitive.targets,
            case_sensitive: build(&sensitive.patterns, false, "case-sensitive names")?,
            case_sensitive_targets: sensitive.targets,
        })
    }

    /// Every name in `text`, in order, without overlaps (the longer of two overlapping wins).
    /// A line break inside a paragraph joins a name's words as a space does (`the Soviet` /
    /// `Union`, `United` / `States` in newswire wrapped at 70 columns); a blank line does not.
    pub fn find(&self, text: &str) -> Vec<Mention> {
        let joined = lines_joined(text);
        let text = joined.as_ref();
        let mut mentions = Vec::new();
        for (automaton, targets) in [
            (&self.case_insensitive, &self.case_insensitive_targets),
            (&self.case_sensitive, &self.case_sensitive_targets),
        ] {
            let case_sensitive = std::ptr::eq(automaton, &self.case_sensitive);
            for found in automaton.find_iter(text) {
                // In capitals ("WHO WILL PAY", "TOLD US") a short acronym is usually a word.
                if case_sensitive && in_all_caps_context(text, found.start(), found.end()) {
                    continue;
                }
                if is_word_boundary(text, found.start(), found.end()) {
                    mentions.push(Mention {
                        start: found.start(),
                        end: found.end(),
                        target: targets[found.pattern().as_usize()],
                    });
                }
            }
        }
        mentions.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
        let mut kept: Vec<Mention> = Vec::with_capacity(mentions.len());
        for mention in mentions {
            match kept.last() {
                Some(last) if mention.start < last.end => {
                    if mention.end - mention.start > last.end - last.start {
                        kept.pop();
                        kept.push(mention);
                    }
                }
                _ => kept.push(mention),
            }
        }
        kept
    }
}

/// `text` with each line break that stands alone (between two characters that are not line
/// breaks) made a space: the same length, so every byte offset stays where it was.
fn lines_joined(text: &str) -> std::borrow::Cow<'_, str> {
    let bytes = text.as_bytes();
    let lone = |at: usize| {
        bytes[at] == b'\n' && (at == 0 || bytes[at - 1] != b'\n') && bytes.get(at + 1).is_none_or(|next| *next != b'\n')
    };
    if !(0..bytes.len()).any(lone) {
        return std::borrow::Cow::Borrowed(text);
    }
    let joined: Vec<u8> = (0..bytes.len())
        .map(|at| if lone(at) { b' ' } else { bytes[at] })
        .collect();
    // Only ASCII bytes changed (a line break for a space): the text is still UTF-8.
    std::borrow::Cow::Owned(String::from_utf8(joined).unwrap_or_else(|_| text.to_string()))
}

/// The match is a whole word (or words): no letter or digit right before or after it.
pub fn is_word_boundary(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let joins = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    !joins(before) && !joins(after)
}

/// The match is a short all-caps word between two all-caps words.
fn in_all_caps_context(text: &str, start: usize, end: usize) -> bool {
    let matched = &text[start..end];
    let letters = matched.chars().filter(|c| c.is_alphabetic()).count();
    if letters > 5 || matched.chars().any(char::is_lowercase) {
        return false;
    }
    let is_caps_word = |word: &str| {
        let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
        letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
    };
    let previous = text[..start].split_whitespace().next_back().unwrap_or("");
    let next = text[end..].split_whitespace().next().unwrap_or("");
    is_caps_word(previous) && is_caps_word(next)
}
