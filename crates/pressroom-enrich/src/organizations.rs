//! Organizations: an alias table (acronyms and EN/FR/ES names → one canonical name) and
//! "Long Name (ACRONYM)" pairs found in the text itself, so unseen organizations count too.

use std::collections::hash_map::Entry;
use std::collections::HashMap;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use regex::Regex;

use crate::acronyms;
use crate::error::EnrichError;
use crate::gazetteer::{fold, Country};
use crate::learned::CollectionAcronyms;
use crate::mention::{span_of, Mention, Target};
use crate::org_names::{self, FoundName};
use crate::tables;
use crate::tsv::{self, list};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Organization {
    /// The facet value: the acronym analysts use, or the name.
    pub canonical: String,
    /// The full English name.
    pub name: String,
    pub kind: String,
    pub aliases: Vec<String>,
    /// The Reuters-21578 ORGS label it corresponds to, for evaluation.
    pub reuters_label: Option<String>,
    /// Aliases matched with their exact case (acronyms, names that are also words: `WHO`,
    /// `CARE`, `Amnesty`).
    pub case_sensitive_aliases: Vec<String>,
    /// The country a national body belongs to (its Red Cross society, ministry, police, party,
    /// news agency), and the short names only that country's releases call it by (`Labor`,
    /// `Navy`, `High Court` in an Australian release): matched with their exact case, only there.
    pub local: Option<(String, Vec<String>)>,
}

impl Organization {
    /// The country a national body belongs to ([`Organization::local`]).
    pub fn seat(&self) -> Option<&str> {
        self.local.as_ref().map(|(country, _)| country.as_str())
    }

    pub fn all_names(&self) -> impl Iterator<Item = &str> {
        [self.canonical.as_str(), self.name.as_str()]
            .into_iter()
            .chain(self.aliases.iter().map(String::as_str))
    }
}

/// Where a release stands, for [`OrganizationTable::extract`]: its main country (ISO3 code and
/// name), the gazetteer's countries (a possessive's owner is one of them), and the acronyms its
/// collection taught (`learned.rs`).
#[derive(Clone, Copy)]
pub(crate) struct Setting<'a> {
    pub(crate) country: Option<(&'a str, &'a str)>,
    pub(crate) countries: &'a [Country],
    pub(crate) learned: Option<&'a CollectionAcronyms>,
}

pub struct OrganizationTable {
    entries: Vec<Organization>,
    by_name: HashMap<String, usize>,
    /// Per country, one automaton over its bodies' short names and, per pattern, the entry.
    local: HashMap<String, (AhoCorasick, Vec<usize>)>,
}

/// An acronym after its long form: in parentheses, `(IOM)`, or between dashes as Central
/// American releases write it, `–CONRED–`, `-SE-CONRED-` (capitals only there, so a dashed
/// aside is not one), or in parentheses with only its first letter capital, as Spanish
/// writes a long one, `(Senavitat)`, `(Minsa)` (group 3: held to a stricter long form).
static ACRONYM_AFTER_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\(([A-Z][A-Za-z&]{1,2}[A-Z&][A-Za-z&]{0,7})\)|(?:^|\s)[-–]([A-Z]{2,}(?:-[A-Z]{2,})?)[-–](?:[^\w-]|$)|\(([A-Z][a-z]{3,11})\)")
        .expect("acronym pattern is valid")
});

/// A ticker symbol, as newswires write one after a company's name: `<UN.AS>`, `<ADB>`. The
/// guide counts none as an organization, and the letters in it name none of the table's.
static TICKER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"<[A-Z][A-Z0-9.]{0,11}>").expect("ticker pattern is valid"));

impl OrganizationTable {
    pub fn load() -> Result<Self, EnrichError> {
        let mut entries = Vec::new();
        let mut by_name = HashMap::new();
        for (_, columns) in tsv::rows("organizations.tsv", tables::ORGANIZATIONS, 3)? {
            let organization = Organization {
                canonical: columns[0].to_string(),
                name: columns[1].to_string(),
                kind: columns[2].to_string(),
                aliases: columns
                    .get(3)
                    .map(|cell| list(cell).map(str::to_string).collect())
                    .unwrap_or_default(),
                reuters_label: columns
                    .get(4)
                    .filter(|label| !label.is_empty())
                    .map(|label| label.to_string()),
                case_sensitive_aliases: columns
                    .get(5)
                    .map(|cell| list(cell).map(str::to_string).collect())
                    .unwrap_or_default(),
                local: columns.get(6).filter(|country| !country.is_empty()).map(|country| {
                    let names = columns.get(7).map(|cell| list(cell).map(str::to_string).collect());
                    (country.to_string(), names.unwrap_or_default())
                }),
            };
            for name in organization.all_names() {
                by_name.entry(fold(name)).or_insert(entries.len());
            }
            entries.push(organization);
        }
        let mut names_by_country: HashMap<String, (Vec<String>, Vec<usize>)> = HashMap::new();
        for (index, entry) in entries.iter().enumerate() {
            if let Some((country, names)) = entry.local.as_ref().filter(|(_, names)| !names.is_empty()) {
                let (patterns, owners) = names_by_country.entry(country.clone()).or_default();
                for name in names {
                    patterns.push(name.clone());
                    owners.push(index);
                }
            }
        }
        let mut local = HashMap::new();
        for (country, (patterns, owners)) in names_by_country {
            let automaton = AhoCorasick::new(&patterns).map_err(|error| EnrichError::BadTable {
                table: "organizations.tsv",
                line: 0,
                reason: format!("short names of {country}: {error}"),
            })?;
            local.insert(country, (automaton, owners));
        }
        Ok(OrganizationTable {
            entries,
            by_name,
            local,
        })
    }

    pub fn entries(&self) -> &[Organization] {
        &self.entries
    }

    /// Whether `name` (a canonical name) is a news outlet of the table.
    pub fn is_media(&self, name: &str) -> bool {
        self.by_name
            .get(&fold(name))
            .is_some_and(|&index| self.entries[index].canonical == name && self.entries[index].kind == MEDIA)
    }

    pub fn canonical(&self, name: &str) -> Option<&str> {
        self.by_name
            .get(&fold(name))
            .map(|&index| self.entries[index].canonical.as_str())
    }

    /// The organization of the table named in parentheses right after `at` ("Council of Women
    /// Ministers (COMMCA)"): a shorter or looser long form than the table's is still that body.
    /// The short names a country's releases use for its bodies (`Labor`, `Navy`), where
    /// `text` writes them on their own: not inside a longer name (`Indonesian Navy`, `Labor
    /// Senator`), which a capitalised word before or after them tells.
    fn local_names<'s>(&'s self, text: &str, iso3: &str) -> Vec<(usize, usize, &'s str)> {
        let Some((automaton, owners)) = self.local.get(iso3) else {
            return Vec::new();
        };
        let mut found = Vec::new();
        for matched in automaton.find_overlapping_iter(text) {
            let (start, end) = (matched.start(), matched.end());
            let bounded = !text[..start].chars().next_back().is_some_and(char::is_alphanumeric)
                && !text[end..].chars().next().is_some_and(char::is_alphanumeric);
            if bounded && !after_capitalised_word(text, start) && !before_capitalised_word(text, end) {
                found.push((
                    start,
                    end,
                    self.entries[owners[matched.pattern().as_usize()]].canonical.as_str(),
                ));
            }
        }
        found
    }

    /// The body a country's releases call `name` for short, if any.
    fn local_canonical(&self, name: &str, iso3: &str) -> Option<&str> {
        self.entries.iter().find_map(|entry| {
            let (country, names) = entry.local.as_ref()?;
            (country == iso3 && names.iter().any(|short| short == name)).then_some(entry.canonical.as_str())
        })
    }

    fn named_in_parentheses(&self, text: &str, at: usize, mentions: &[Mention]) -> Option<&str> {
        let after = text.get(at..)?;
        let open = at + (after.len() - after.trim_start().len());
        if !text.get(open..)?.starts_with('(') {
            return None;
        }
        mentions.iter().find_map(|mention| match mention.target {
            Target::Organization { index }
                if mention.start == open + 1 && text.get(mention.end..).is_some_and(|rest| rest.starts_with(')')) =>
            {
                Some(self.entries[index].canonical.as_str())
            }
            _ => None,
        })
    }

    /// The organization of the table whose office a name found by its shape is: "Bureau du
    /// CICR", "Oficina de la UNESCO", "Office of the UNHCR" name that body, not one of their own.
    fn office_of(&self, text: &str, name: &FoundName, mentions: &[Mention]) -> Option<&str> {
        mentions.iter().find_map(|mention| {
            let Target::Organization { index } = mention.target else {
                return None;
            };
            if mention.end != name.range.end || mention.start <= name.range.start {
                return None;
            }
            let before = text.get(name.range.start..mention.start)?;
            let mut words = before.split_whitespace().map(|word| word.to_lowercase());
            let head = words.next()?;
            let connectors_only = words.all(|word| OFFICE_CONNECTORS.contains(&word.as_str()));
            (OFFICE_HEADS.contains(&head.as_str()) && connectors_only).then(|| self.entries[index].canonical.as_str())
        })
    }

    /// The organizations named in the title and body, in order of first appearance:
    /// alias-table matches, "Long Name (ACRONYM)" pairs and names shaped like bodies', each
    /// with where it was first named (title at 0, the body after it) and how many times.
    pub fn extract(
        &self,
        title: &str,
        body: &str,
        title_mentions: &[Mention],
        body_mentions: &[Mention],
        setting: &Setting<'_>,
    ) -> Vec<Named> {
        let Setting {
            country,
            countries,
            learned,
        } = *setting;
        let country_name = country.map(|(_, name)| name);
        let mut found: Vec<(usize, String)> = Vec::new();
        for (text, mentions, order) in [(title, title_mentions, 0), (body, body_mentions, title.len() + 1)] {
            let locals = country
                .map(|(iso3, _)| self.local_names(text, iso3))
                .unwrap_or_default();
            for &(start, _, canonical) in &locals {
                found.push((order + start, canonical.to_string()));
            }
            // Each "Long Name (ACRONYM)" pair, resolved through the table when it can be.
            // A country's name in parentheses ("Jewish Welfare Society (Australia)") is no acronym.
            let pairs: Vec<((usize, usize), &str, Option<&str>)> = acronym_pairs(text)
                .into_iter()
                .filter(|(_, acronym)| {
                    let (start, end) = span_of(text, acronym);
                    !written_as_word(acronym)
                        || !mentions
                            .iter()
                            .any(|mention| mention.is_country() && mention.start < end && start < mention.end)
                })
                .map(|(long_form, acronym)| {
                    // The long form decides: "African Development Bank (ADB)" is not the
                    // table's ADB, the Asian one.
                    let resolved = self.canonical(long_form).or_else(|| self.canonical(acronym));
                    (span_of(text, long_form), acronym, resolved)
                })
                .collect();
            // Names shaped like bodies' that no pair covers: the table's when it knows them.
            // Not in a title-case headline, where every word looks like part of a name.
            let headline_in_title_case = order == 0 && org_names::title_cased(text);
            let found_by_shape = if headline_in_title_case {
                Vec::new()
            } else {
                org_names::find(text)
                    .into_iter()
                    .map(|name| through_country(text, name, mentions))
                    .map(|name| without_place(text, name, mentions))
                    .map(|name| without_owner(text, name, mentions))
                    .collect()
            };
            // Per pair, once: whether the table names a body inside its long form (it knows
            // the long form under another spelling), and whether the pair names a body at all:
            // the table knows it, or its long form looks like one. One that does not
            // (`Direction nationale de l’hydraulique (DRH)`: `direction` is no word of
            // [`ORGANIZATION_WORDS`]) leaves the name to be found by its shape.
            let named_inside: Vec<bool> = pairs
                .iter()
                .map(|&((start, end), _, _)| {
                    mentions.iter().any(|mention| {
                        matches!(mention.target, Target::Organization { .. })
                            && start <= mention.start
                            && mention.end <= end
                    })
                })
                .collect();
            let names_a_body: Vec<bool> = pairs
                .iter()
                .zip(&named_inside)
                .map(|(&((start, end), _, resolved), &inside)| {
                    resolved.is_some() || inside || looks_like_organization(&text[start..end])
                })
                .collect();
            let shaped: Vec<(FoundName, Option<&str>)> = found_by_shape
                .into_iter()
                .filter(|name| {
                    !pairs
                        .iter()
                        .zip(&names_a_body)
                        .any(|(&((start, end), _, _), &body)| body && name.range.start < end && start < name.range.end)
                })
                .map(|name| {
                    let known = self
                        .canonical(&name.name)
                        // Another country's body is not the release's country's.
                        .or_else(|| {
                            country
                                .filter(|_| name.owner.is_none())
                                .and_then(|(iso3, _)| self.local_canonical(&name.name, iso3))
                        })
                        .or_else(|| self.named_in_parentheses(text, name.range.end, mentions))
                        .or_else(|| self.office_of(text, &name, mentions));
                    (name, known)
                })
                .collect();
            // An acronym the text spells out means what the text says, wherever it stands.
            let spelt_out: Vec<(&str, &str)> = pairs
                .iter()
                .filter_map(|&(_, acronym, resolved)| resolved.map(|canonical| (acronym, canonical)))
                .collect();
            let tickers: Vec<(usize, usize)> = TICKER
                .find_iter(text)
                .map(|ticker| (ticker.start(), ticker.end()))
                .collect();
            for mention in mentions {
                let Target::Organization { index } = mention.target else {
                    continue;
                };
                if tickers
                    .iter()
                    .any(|&(start, end)| start < mention.start && mention.end < end)
                {
                    continue;
                }
                let written = text.get(mention.start..mention.end).unwrap_or_default();
                let canonical = spelt_out
                    .iter()
                    .find(|(acronym, _)| *acronym == written)
                    .map_or(self.entries[index].canonical.as_str(), |&(_, canonical)| canonical);
                // A longer name in the text that resolves to another organization overrides
                // the alias matches inside it ("United Nations Organization on Drugs and
                // Crime (UNODC)" is not the UN; "Kenya Red Cross Society" is not the
                // movement).
                // So does a pair's long form the mention only overlaps (the shortest run of
                // words spelling the acronym may start inside it), and a name the mention ends
                // just before that name's acronym ("Bureau de la coordination des affaires
                // humanitaires des Nations Unies (OCHA)" names OCHA, not also the UN).
                let in_pair = pairs.iter().any(|&((start, end), _, resolved)| {
                    start < mention.end && mention.start < end && resolved.is_some_and(|other| other != canonical)
                }) || self
                    .named_in_parentheses(text, mention.end, mentions)
                    .is_some_and(|other| other != canonical);
                let in_name = shaped.iter().any(|(name, known)| {
                    name.range.start <= mention.start
                        && mention.end <= name.range.end
                        && name.range.len() > mention.end - mention.start
                        && known.is_none_or(|other| other != canonical)
                });
                if !in_pair && !in_name {
                    let name = match national_society(text, mention, canonical, mentions) {
                        Some(society) => society,
                        None => canonical.to_string(),
                    };
                    found.push((order + mention.start, name));
                }
            }
            for ((&((start, _), acronym, resolved), &inside), &body) in
                pairs.iter().zip(&named_inside).zip(&names_a_body)
            {
                match resolved {
                    Some(canonical) => found.push((order + start, canonical.to_string())),
                    // The table knows the long form under another spelling: that mention counts.
                    None if inside => {}
                    // Its long form looks like a body's.
                    None if body => found.push((order + start, acronym.to_string())),
                    None => {}
                }
            }
            // Whether the table or a name found by its shape names what stands at start..end.
            // A country's short name for a body (`ABI` in a Bolivian release) names it there too.
            let named_there = |start: usize, end: usize| {
                mentions
                    .iter()
                    .any(|mention| mention.start < end && start < mention.end)
                    || locals
                        .iter()
                        .any(|&(local_start, local_end, _)| local_start < end && start < local_end)
                    || shaped
                        .iter()
                        .any(|(name, _)| name.range.start < end && start < name.range.end)
            };
            // Acronyms standing alone as names that neither the table, a pair nor a name
            // found by its shape accounts for.
            let standing_alone = acronyms::standing_alone(text);
            for &(start, acronym) in &standing_alone {
                let covered = named_there(start, start + acronym.len());
                let spelt_out =
                    pairs.iter().any(|&(_, paired, _)| paired == acronym) || text.contains(&format!("({acronym})"));
                if !covered && !spelt_out && self.canonical(acronym).is_none() {
                    found.push((order + start, acronym.to_string()));
                }
            }
            // Acronyms the collection spells out elsewhere as a body's (`learned.rs`), used
            // alone here, that neither the table, a pair of this text, a name found by its
            // shape nor the article rule above accounts for; nor one a name found here by its
            // shape spells out, its words' initials the acronym's letters (`Unidad Nacional
            // para la Gestión del Riesgo de Desastres –UNGRD,`).
            for (start, acronym, name) in learned.map(|learned| learned.find(text)).unwrap_or_default() {
                let end = start + acronym.len();
                let covered = named_there(start, end)
                    || pairs.iter().any(|&((long_start, long_end), paired, _)| {
                        paired == acronym || (long_start < end && start < long_end)
                    })
                    || standing_alone.iter().any(|&(at, _)| at == start)
                    || shaped
                        .iter()
                        .any(|(shaped, _)| best_long_form(acronym, &shaped.name).is_some());
                if !covered {
                    found.push((order + start, name.to_string()));
                }
            }
            for (name, known) in shaped {
                // Inside a longer alias match of the table ("Norwegian Refugee Council"
                // found as "Refugee Council"): the table's name stands.
                let inside_alias = mentions.iter().any(|mention| {
                    matches!(mention.target, Target::Organization { .. })
                        && mention.start <= name.range.start
                        && name.range.end <= mention.end
                });
                // A country's own name ("Fédération de Russie") is no body.
                let is_country = mentions.iter().any(|mention| {
                    mention.is_country() && mention.start <= name.range.start && name.range.end <= mention.end
                });
                match known {
                    Some(canonical) => found.push((order + name.range.start, canonical.to_string())),
                    None if inside_alias || is_country => {}
                    None => {
                        let has_country = mentions.iter().any(|mention| {
                            mention.is_country() && name.range.start <= mention.start && mention.end <= name.range.end
                        });
                        // The owner's name goes in brackets after a government's body or a
                        // generic name ("Central Bank (Malaysia)"), not after a company's.
                        let owner = name.owner.and_then(|index| countries.get(index));
                        let bracket = match owner {
                            Some(owner) => (name.needs_country || org_names::generic_name(&name.name))
                                .then_some(owner.name.as_str()),
                            None => country_name.filter(|_| name.needs_country && !has_country),
                        };
                        let Some(written) = ministry_of(&name.name) else {
                            continue;
                        };
                        let display = match bracket {
                            Some(country) => format!("{written} ({country})"),
                            None => written,
                        };
                        found.push((order + name.range.start, display));
                    }
                }
            }
        }
        found.sort_by_key(|(position, _)| *position);
        // Each name's key is made once, not again for every later name compared with it.
        let mut named: Vec<Named> = Vec::new();
        let mut index_of_key: HashMap<String, usize> = HashMap::new();
        for (position, name) in found {
            match index_of_key.entry(name_key(&name)) {
                Entry::Occupied(known) => named[*known.get()].mentions += 1,
                Entry::Vacant(slot) => {
                    slot.insert(named.len());
                    named.push(Named {
                        name,
                        first: position,
                        mentions: 1,
                    });
                }
            }
        }
        named
    }
}

/// Words for an office of a body, and what joins them to its name ("Bureau de l'OIM").
const OFFICE_HEADS: &[&str] = &[
    "office",
    "bureau",
    "oficina",
    "sub-office",
    "sous-bureau",
    "suboficina",
    "delegation",
    "délégation",
    "delegación",
    "representation",
    "représentation",
    "representación",
];
const OFFICE_CONNECTORS: &[&str] = &["of", "the", "de", "du", "des", "la", "del", "l'", "d'"];

/// Whether the word before `at` (on its line, past spaces) is capitalised and no sentence
/// ended before it: `at` then continues a longer name (`Indonesian Navy`, `US Customs`).
fn after_capitalised_word(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end_matches([' ', '\t']);
    if before.len() == at {
        return false;
    }
    let word = before.rsplit(|c: char| c.is_whitespace()).next().unwrap_or("");
    let opener = matches!(word, "The" | "Our" | "La" | "El" | "Le");
    word.chars().next().is_some_and(char::is_uppercase) && !opener && !word.ends_with(['.', ':', '"', '“'])
}

/// Whether a capitalised word follows `at` on its line (`Labor Senator`, `Navy Commander`):
/// the short name is then part of a longer name or a post.
fn before_capitalised_word(text: &str, at: usize) -> bool {
    let after = &text[at..];
    let rest = after.trim_start_matches([' ', '\t']);
    rest.len() < after.len() && rest.chars().next().is_some_and(char::is_uppercase)
}

/// A name that stops inside a country's name goes on to its end: "Croix-Rouge de la
/// République démocratique du Congo" was cut at the lowercase "démocratique". So does a name
/// followed by a lowercase French or Spanish demonym ("Croissant-Rouge mauritanien", "Forces
/// armées centrafricaines"): the adjective is part of the name.
fn through_country(text: &str, name: FoundName, mentions: &[Mention]) -> FoundName {
    let straddling = mentions.iter().find(|mention| {
        mention.is_country()
            && name.range.start <= mention.start
            && mention.start < name.range.end
            && name.range.end < mention.end
    });
    let demonym_after = || {
        country_word_after(text, name.range.end, mentions).filter(|mention| {
            text.get(mention.start..mention.end)
                .and_then(|word| word.chars().next())
                .is_some_and(char::is_lowercase)
        })
    };
    match straddling.or_else(demonym_after) {
        Some(country) => name.ending_at(text, country.end),
        None => name,
    }
}

/// A name that ends "in" a place the gazetteer knows ("Regional Support Office in Bangkok",
/// "Department of Homeland Security in Washington") names the body without it.
fn without_place(text: &str, name: FoundName, mentions: &[Mention]) -> FoundName {
    let Some(cut) = text.get(name.range.clone()).and_then(|written| written.rfind(" in ")) else {
        return name;
    };
    let place_start = name.range.start + cut + " in ".len();
    let is_place = mentions
        .iter()
        .any(|mention| mention.is_country() && mention.start == place_start && mention.end == name.range.end);
    if is_place {
        let end = name.range.start + cut;
        name.ending_at(text, end)
    } else {
        name
    }
}

/// How a saint's name opens, in EN/FR/ES (some are also the names of countries or islands).
const SAINTS: &[&str] = &["St", "Saint", "Sainte", "San", "Santa", "Santo", "São"];

/// A name opening with a country's possessive ("Somaliland’s Ministry of Foreign Affairs",
/// "Iraq's State Trade Organization for Grains and Foodstuffs") names the body after it, which
/// that country owns: the country goes in brackets when the body is a government's, as for any
/// government body. What is left must still be a name: two words or more, or a government's
/// body ("Australia's Navy").
fn without_owner(text: &str, name: FoundName, mentions: &[Mention]) -> FoundName {
    let Some(owner) = mentions
        .iter()
        .find(|mention| mention.is_country() && mention.start == name.range.start)
    else {
        return name;
    };
    // A saint's possessive ("St Martin's Anglican Church") names a church, not its country.
    let saint = text
        .get(owner.start..owner.end)
        .and_then(|written| written.split([' ', '.']).next())
        .is_some_and(|first| SAINTS.contains(&first));
    if saint {
        return name;
    }
    let Some(after) = text.get(owner.end..name.range.end) else {
        return name;
    };
    let Some(rest) = ["'s ", "’s "].iter().find_map(|ending| after.strip_prefix(ending)) else {
        return name;
    };
    let rest = rest.trim_start();
    if rest.split_whitespace().count() < 2 && !name.needs_country {
        return name;
    }
    let Target::Country { index, .. } = owner.target else {
        return name;
    };
    match FoundName::spanning(text, name.range.end - rest.len()..name.range.end, name.needs_country) {
        Some(body) => FoundName {
            owner: Some(index),
            ..body
        },
        None => name,
    }
}

/// The country named in one word right after `end`, one space between (`… mauritanien`).
fn country_word_after<'m>(text: &str, end: usize, mentions: &'m [Mention]) -> Option<&'m Mention> {
    mentions
        .iter()
        .find(|mention| mention.is_country() && text.get(end..mention.start) == Some(" ") && is_one_word(text, mention))
}

/// The country named in one word right before `start`, one space between (`Mauritanian …`).
fn country_word_before<'m>(text: &str, start: usize, mentions: &'m [Mention]) -> Option<&'m Mention> {
    mentions
        .iter()
        .find(|mention| mention.is_country() && text.get(mention.end..start) == Some(" ") && is_one_word(text, mention))
}

fn is_one_word(text: &str, mention: &Mention) -> bool {
    text.get(mention.start..mention.end)
        .is_some_and(|word| !word.contains(char::is_whitespace))
}

/// The table's kind of news agencies, newspapers and broadcasters.
const MEDIA: &str = "media";

/// The movement's table entry (any Red Cross or Red Crescent body the table does not name).
const RED_CROSS_MOVEMENT: &str = "Red Cross";

/// A national Red Cross or Red Crescent society the table does not hold, named by the
/// movement's words and a country's demonym right before or after them ("Mauritanian Red
/// Crescent", "Croissant-Rouge mauritanien", "Cruz Roja Boliviana"): its name as written.
fn national_society(text: &str, mention: &Mention, canonical: &str, mentions: &[Mention]) -> Option<String> {
    if canonical != RED_CROSS_MOVEMENT {
        return None;
    }
    let span = match (
        country_word_before(text, mention.start, mentions),
        country_word_after(text, mention.end, mentions),
    ) {
        (_, Some(country)) => mention.start..country.end,
        (Some(country), None) => country.start..mention.end,
        (None, None) => return None,
    };
    text.get(span).map(str::to_string)
}

/// Portfolios a ministry is named by in one word before its head (`Finance Ministry`), and
/// the words its full name gives them.
const PORTFOLIOS: &[(&str, &str)] = &[
    ("Agriculture", "Agriculture"),
    ("Agricultural", "Agriculture"),
    ("Budget", "Budget"),
    ("Commerce", "Commerce"),
    ("Communication", "Communication"),
    ("Communications", "Communications"),
    ("Construction", "Construction"),
    ("Culture", "Culture"),
    ("Defence", "Defence"),
    ("Defense", "Defence"),
    ("Development", "Development"),
    ("Economic", "Economic Affairs"),
    ("Economics", "Economics"),
    ("Economy", "Economy"),
    ("Education", "Education"),
    ("Employment", "Employment"),
    ("Energy", "Energy"),
    ("Environment", "Environment"),
    ("Finance", "Finance"),
    ("Fisheries", "Fisheries"),
    ("Food", "Food"),
    ("Foreign", "Foreign Affairs"),
    ("Health", "Health"),
    ("Home", "Home Affairs"),
    ("Housing", "Housing"),
    ("Immigration", "Immigration"),
    ("Industry", "Industry"),
    ("Information", "Information"),
    ("Interior", "Interior"),
    ("Justice", "Justice"),
    ("Labor", "Labor"),
    ("Labour", "Labour"),
    ("Mines", "Mines"),
    ("Mining", "Mining"),
    ("Oil", "Oil"),
    ("Petroleum", "Petroleum"),
    ("Planning", "Planning"),
    ("Resources", "Resources"),
    ("Security", "Security"),
    ("Telecommunications", "Telecommunications"),
    ("Tourism", "Tourism"),
    ("Trade", "Trade"),
    ("Transport", "Transport"),
    ("Water", "Water"),
    ("Welfare", "Welfare"),
    ("Women", "Women"),
    ("Youth", "Youth"),
];

/// "Finance Ministry" as its full name is written: "Ministry of Finance". One word before
/// the head that is no portfolio names no ministry: `Shadow Ministry`, `Outer Ministry` and
/// `Abbott Ministry` are sets of ministers (`None`).
fn ministry_of(name: &str) -> Option<String> {
    let Some(subject) = name.strip_suffix(" Ministry") else {
        return Some(name.to_string());
    };
    if subject.split_whitespace().count() != 1 {
        return Some(name.to_string());
    }
    PORTFOLIOS
        .iter()
        .find(|(word, _)| *word == subject)
        .map(|(_, portfolio)| format!("Ministry of {portfolio}"))
}

/// What two spellings of one name share: folded, without a leading article or `of the`.
fn name_key(name: &str) -> String {
    let folded = fold(name).replace(" of the ", " of ");
    folded.strip_prefix("the ").unwrap_or(&folded).to_string()
}

/// An organization found in a text: its name, where it was first named, how often.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    pub name: String,
    /// Byte offset of the first mention (title first, then the body after it).
    pub first: usize,
    pub mentions: usize,
}

/// Bytes of the body that count as its lead (about its first sentence): 250 rather than 400
/// took main organizations from 0.620 to 0.640 on the extraction gold's tune split, 0.717 to
/// 0.725 on Reuters TEST ORGS, and left the test split at 0.617 (precision up, recall down).
const LEAD_BYTES: usize = 250;
/// Mentions that make an organization one the release is about wherever they stand.
const MAIN_MENTIONS: usize = 3;

/// The main organizations among those `named` in a text whose title is `title_len` bytes:
/// named in the title or the lead, or at least [`MAIN_MENTIONS`] times, or in the contact
/// block (`in_contact`: the issuer's office). A news outlet (`is_media`) cited as a source
/// or hosting an interview is no subject of the release: it is main only when the title
/// names it.
pub fn main(named: &[Named], in_contact: &[Named], title_len: usize, is_media: impl Fn(&str) -> bool) -> Vec<String> {
    let lead_end = title_len + 1 + LEAD_BYTES;
    named
        .iter()
        .filter(|org| {
            if is_media(&org.name) {
                return org.first < title_len;
            }
            org.first < lead_end
                || org.mentions >= MAIN_MENTIONS
                || in_contact.iter().any(|contact| contact.name == org.name)
        })
        .map(|org| org.name.clone())
        .collect()
}

/// Words that name a body, in EN/FR/ES: a long form needs one to count as an organization.
const ORGANIZATION_WORDS: &[&str] = &[
    "organization",
    "organisation",
    "organización",
    "agency",
    "agence",
    "agencia",
    "office",
    "bureau",
    "oficina",
    "council",
    "conseil",
    "consejo",
    "commission",
    "comisión",
    "committee",
    "comité",
    "fund",
    "fonds",
    "fondo",
    "programme",
    "program",
    "programa",
    "union",
    "unión",
    "association",
    "asociación",
    "federation",
    "fédération",
    "federación",
    "foundation",
    "fondation",
    "fundación",
    "network",
    "réseau",
    "red",
    "institute",
    "institut",
    "instituto",
    "centre",
    "center",
    "centro",
    "department",
    "ministry",
    "ministère",
    "ministerio",
    "service",
    "servicio",
    "authority",
    "autorité",
    "autoridad",
    "bank",
    "banque",
    "banco",
    "party",
    "parti",
    "partido",
    "society",
    "société",
    "sociedad",
    "group",
    "groupe",
    "grupo",
    "alliance",
    "alianza",
    "coalition",
    "coalición",
    "forum",
    "foro",
    "initiative",
    "iniciativa",
    "mission",
    "misión",
    "court",
    "cour",
    "corte",
    "tribunal",
    "police",
    "policía",
    "force",
    "fuerza",
    "secretariat",
    "secrétariat",
    "secretaría",
    "unit",
    "unité",
    "unidad",
    "board",
    "corporation",
    "company",
    "nations",
    "naciones",
    "international",
    "internacional",
    "ministries",
    "ministers",
    "ministras",
    "movement",
    "mouvement",
    "movimiento",
    "observatory",
    "observatorio",
    "project",
    "proyecto",
];

pub(crate) fn looks_like_organization(long_form: &str) -> bool {
    !org_names::headed_by_no_body(long_form)
        && long_form.split_whitespace().any(|word| {
            let word = word.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
            ORGANIZATION_WORDS.contains(&word.as_str())
        })
}

/// "Long Name (ACRONYM)" pairs, the long form chosen as Schwartz and Hearst do: the shortest
/// run of preceding words whose letters spell the acronym in order, its first letter opening
/// a word.
pub fn acronym_pairs(text: &str) -> Vec<(&str, &str)> {
    spelt_out(text)
        .into_iter()
        .filter(|&(_, _, capitalised)| capitalised)
        .map(|(long_form, acronym, _)| (long_form, acronym))
        .collect()
}

/// Every acronym `text` spells out, as [`acronym_pairs`] finds them, and whether its long form
/// is capitalised: a name's is, a common noun's is not ("an immigration detention centre
/// (IDC)", "the consumer price index (CPI)").
pub(crate) fn spelt_out(text: &str) -> Vec<(&str, &str, bool)> {
    let mut pairs = Vec::new();
    for captures in ACRONYM_AFTER_NAME.captures_iter(text) {
        let (Some(whole), Some(acronym)) = (
            captures.get(0),
            captures.get(1).or_else(|| captures.get(2)).or_else(|| captures.get(3)),
        ) else {
            continue;
        };
        let acronym_letters = acronym.as_str().chars().filter(|c| c.is_alphanumeric()).count();
        let max_words = (acronym_letters + 5).min(acronym_letters * 2);
        let before = text[..whole.start()].trim_end();
        let window_start = before
            .char_indices()
            .rev()
            .filter(|(_, c)| c.is_whitespace())
            .nth(max_words - 1)
            .map_or(0, |(index, space)| index + space.len_utf8());
        let window = &before[window_start..];
        let window = window
            .rsplit(['.', ';', ':', '(', ')'])
            .next()
            .unwrap_or(window)
            .trim_start();
        if let Some(long_form) = best_long_form(acronym.as_str(), window) {
            let starts_upper = long_form.chars().next().is_some_and(char::is_uppercase);
            // A word in parentheses may be a place or a name: its long form must be a name of
            // three words or more, two of them capitalised, that does not hold the word.
            let strict_enough = !written_as_word(acronym.as_str()) || {
                let words: Vec<&str> = long_form.split_whitespace().collect();
                words.len() >= 3
                    && words
                        .iter()
                        .filter(|word| word.chars().next().is_some_and(char::is_uppercase))
                        .count()
                        >= 2
                    && !words.iter().any(|word| word.eq_ignore_ascii_case(acronym.as_str()))
            };
            if strict_enough && long_form.split_whitespace().count() >= 2 {
                pairs.push((long_form, acronym.as_str(), starts_upper));
            }
        }
    }
    pairs
}

/// An acronym written as a word, its first letter alone a capital (`Senavitat`, `Minsa`): the
/// third form [`ACRONYM_AFTER_NAME`] finds.
fn written_as_word(acronym: &str) -> bool {
    acronym.chars().skip(1).all(char::is_lowercase)
}

fn best_long_form<'a>(short: &str, long: &'a str) -> Option<&'a str> {
    let short: Vec<char> = short.to_lowercase().chars().collect();
    let long_chars: Vec<(usize, char)> = long.char_indices().collect();
    let lower = |c: char| c.to_lowercase().next().unwrap_or(c);
    let mut short_index = short.len() as isize - 1;
    let mut long_index = long_chars.len() as isize - 1;
    while short_index >= 0 {
        let current = short[short_index as usize];
        if !current.is_alphanumeric() {
            short_index -= 1;
            continue;
        }
        loop {
            if long_index < 0 {
                return None;
            }
            let (_, c) = long_chars[long_index as usize];
            let matches = lower(c) == current;
            let opens_word = long_index == 0 || !long_chars[long_index as usize - 1].1.is_alphanumeric();
            if matches && (short_index != 0 || opens_word) {
                break;
            }
            long_index -= 1;
        }
        long_index -= 1;
        short_index -= 1;
    }
    let start = long_chars
        .get((long_index + 1).max(0) as usize)
        .map_or(0, |(index, _)| *index);
    let word_start = long[..start]
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(index, space)| index + space.len_utf8());
    // A French elided article is no part of the name (`l’Office national … (ONSER)`).
    Some(org_names::without_elided_article(long[word_start.min(start)..].trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_form_pairs_are_found() {
        let text = "experts of the International Organization for Migration (IOM), and the United Nations Organization on Drugs and Crime (UNODC) said";
        let pairs = acronym_pairs(text);
        assert_eq!(pairs[0], ("International Organization for Migration", "IOM"));
        assert_eq!(pairs[1], ("United Nations Organization on Drugs and Crime", "UNODC"));
        // Wide spaces are whitespace too: no slicing inside them.
        let pairs = acronym_pairs(
            "la\u{3000}Organisation\u{3000}internationale\u{3000}pour\u{3000}les\u{3000}migrations (OIM)",
        );
        assert_eq!(
            pairs,
            [(
                "Organisation\u{3000}internationale\u{3000}pour\u{3000}les\u{3000}migrations",
                "OIM"
            )]
        );
    }

    #[test]
    fn acronyms_between_dashes_pair_with_their_long_form() {
        let text = "las Coordinadoras Municipales para la Reducción de Desastres –COMRED– de Santa Catarina y la Secretaría Ejecutiva de la Coordinadora Nacional para la Reducción de Desastres -SE-CONRED-, activó";
        let pairs = acronym_pairs(text);
        assert_eq!(
            pairs,
            [
                ("Coordinadoras Municipales para la Reducción de Desastres", "COMRED"),
                (
                    "Secretaría Ejecutiva de la Coordinadora Nacional para la Reducción de Desastres",
                    "SE-CONRED"
                ),
            ]
        );
        // A dashed aside in ordinary words is no acronym.
        assert!(acronym_pairs("the Red Cross - Kenya - said").is_empty());
    }

    #[test]
    fn a_french_elided_article_is_no_part_of_a_long_form() {
        let text = "en collaboration avec la Direction nationale de l’hydraulique (DRH) et l’Office national des services d’eau en milieu rural (ONSER) a financé";
        assert_eq!(
            acronym_pairs(text),
            [
                ("Direction nationale de l’hydraulique", "DRH"),
                ("Office national des services d’eau en milieu rural", "ONSER")
            ]
        );
    }

    #[test]
    fn spanish_acronyms_written_as_words_pair_with_a_long_name() {
        let text = "El proyecto de la Secretaría Nacional de la Vivienda y el Hábitat (Senavitat) y del Ministerio de Salud (Minsa) llega al barrio Ricardo Brugada (Chacarita) y a la zona de Cabañas (Cabañas).";
        let pairs = acronym_pairs(text);
        assert_eq!(
            pairs,
            [
                ("Secretaría Nacional de la Vivienda y el Hábitat", "Senavitat"),
                ("Ministerio de Salud", "Minsa"),
            ]
        );
    }

    #[test]
    fn a_ministry_named_by_its_portfolio_is_written_in_full_and_a_set_of_ministers_is_none() {
        assert_eq!(ministry_of("Finance Ministry").as_deref(), Some("Ministry of Finance"));
        assert_eq!(
            ministry_of("Foreign Ministry").as_deref(),
            Some("Ministry of Foreign Affairs")
        );
        assert_eq!(
            ministry_of("Economic Ministry").as_deref(),
            Some("Ministry of Economic Affairs")
        );
        assert_eq!(ministry_of("Ministry of Health").as_deref(), Some("Ministry of Health"));
        assert_eq!(
            ministry_of("Foreign Affairs Ministry").as_deref(),
            Some("Foreign Affairs Ministry")
        );
        assert_eq!(ministry_of("Shadow Ministry"), None);
        assert_eq!(ministry_of("Abbott Ministry"), None);
    }

    #[test]
    fn a_programme_is_no_organization_whatever_its_acronym() {
        assert!(!looks_like_organization("Settlement Grants Programme"));
        assert!(!looks_like_organization("Programa de Empleo Temporal"));
        assert!(looks_like_organization("Burma Socialist Programme Party"));
        assert!(looks_like_organization("State Law and Order Restoration Council"));
        assert!(looks_like_organization("International Commodities Clearing House"));
        // A covenant or a convention heads its English name before `on`, `against`…: a
        // treaty's acronym (ICCPR, CITES) is no body's; a committee on treaties is one.
        assert!(!looks_like_organization(
            "International Covenant on Civil and Political Rights"
        ));
        assert!(!looks_like_organization(
            "Convention on International Trade in Endangered Species"
        ));
        assert!(!looks_like_organization(
            "International Conference on Reconstruction Aid"
        ));
        assert!(looks_like_organization("Joint Standing Committee on Treaties"));
    }
}
