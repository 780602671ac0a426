//! Main versus mentioned countries.
//!
//! Every name, variant, demonym or capital found counts for its country, weighted by its
//! kind and where it stands (title ×3, lead ×2, body ×1). The dateline's country, an office
//! in the contact block, and lying inside a region that the title or lead names add to the
//! score. Main countries are those near the top score. A release that names no country is
//! placed by the first large city its title or lead names, when no larger city of another
//! country shares the name (not the UN's seats, not a given name before a surname), or else
//! by the bodies of one country that it names (`Croix-Rouge française`).

use crate::gazetteer::{fold, AliasKind, Gazetteer};
use crate::mention::{span_of, Mention, Target};

/// Bytes of the body that count as the lead.
const LEAD_BYTES: usize = 400;
const MAIN_MIN_SCORE: f32 = 2.0;
const MAIN_RELATIVE_SCORE: f32 = 0.7;
/// Main countries a release has at most, as the labelling guide says
/// (`tests/data/extraction-guide.md`): a release with more near the top score is an overview
/// of a region or of the world, about none of them (the collection's home country among them
/// aside, [`Scores::main_and_mentioned`]). Main countries F1 on the tune releases (first
/// gold's tune half / `extraction-gold-2`), 4 of them kept → the top 3 kept → none kept (and
/// no city read for one instead): 0.847 / 0.812 → 0.852 / 0.818 → 0.867 / 0.837.
const MAX_MAIN: usize = 3;
/// Weight of a mention by where it stands.
const TITLE_WEIGHT: f32 = 3.0;
const LEAD_WEIGHT: f32 = 2.0;
const BODY_WEIGHT: f32 = 1.0;
/// An office in the contact block, for a country the text names.
const CONTACT_BONUS: f32 = 0.5;
/// The dateline's country.
const DATELINE_WEIGHT: f32 = 3.0;
/// The collection's home country (`Record::home_country`).
const HOME_COUNTRY_WEIGHT: f32 = 2.5;
/// A country inside a region the title or lead names.
const FOCUS_REGION_BONUS: f32 = 2.0;

pub struct Evidence<'a> {
    pub title_text: &'a str,
    pub body_text: &'a str,
    pub title: &'a [Mention],
    pub body: &'a [Mention],
    pub contact: &'a [Mention],
    pub dateline_country: Option<&'a str>,
    /// The country the collection's releases come from (`Record::home_country`).
    pub home_country: Option<&'a str>,
    /// The country a national body belongs to, by its index in the organization table
    /// (`Organization::seat`), for the bodies that `title` and `body` mention.
    pub seat: &'a dyn Fn(usize) -> Option<&'a str>,
}

pub struct Places {
    pub main: Vec<String>,
    pub mentioned: Vec<String>,
    /// The countries a release is spread over when more than [`MAX_MAIN`] stand near the top
    /// (a regional or global overview): none of them is main.
    pub spread: Vec<String>,
}

fn kind_weight(kind: AliasKind) -> f32 {
    match kind {
        AliasKind::Name | AliasKind::Variant | AliasKind::Historical => 1.0,
        AliasKind::Demonym => 0.6,
        AliasKind::Capital => 0.5,
        AliasKind::Subdivision => 0.6,
        AliasKind::City => 0.0,
    }
}

pub fn resolve(gazetteer: &Gazetteer, evidence: Evidence<'_>) -> Places {
    let mut scores = Scores::new(gazetteer.countries().len());
    let congo = bare_congo_is_drc(gazetteer, &evidence);
    let focus_regions = scores.add_text_mentions(gazetteer, &evidence, congo);
    scores.add_contact_offices(evidence.contact);
    if let Some(index) = evidence.dateline_country.and_then(|iso3| gazetteer.country_index(iso3)) {
        scores.note(index, DATELINE_WEIGHT);
    }
    // Releases of a national collection (Australian parliament) are about that country
    // unless the text puts another well ahead.
    let home = evidence.home_country.and_then(|iso3| gazetteer.country_index(iso3));
    if let Some(index) = home {
        scores.note(index, HOME_COUNTRY_WEIGHT);
    }
    for (index, country) in gazetteer.countries().iter().enumerate() {
        if scores.score[index] > 0.0
            && focus_regions
                .iter()
                .any(|region| country.facet_path().starts_with(*region))
        {
            scores.score[index] += FOCUS_REGION_BONUS;
        }
    }
    let (mut main, mut mentioned, spread) = scores.main_and_mentioned(home);
    // A release that names no country may still name its city (`Rescatan a 20 inmigrantes
    // frente a la costa de Almería`): a large city of one country, in the title or the lead.
    if main.is_empty() && spread.is_empty() {
        if let Some(index) = city_country(gazetteer, evidence.title_text, evidence.body_text) {
            main.push(index);
            if !mentioned.contains(&index) {
                mentioned.push(index);
            }
        }
    }
    // A release that names no country at all, but bodies of one (a French Red Cross page on
    // floods in the Val de Saône, a police force's appeal), is about it: the guide's
    // Australian minister's release that never names Australia. The names inside a body's
    // name (`française`) give no country by themselves.
    if main.is_empty() && mentioned.is_empty() {
        if let Some(index) = bodies_country(gazetteer, &evidence) {
            main.push(index);
            mentioned.push(index);
        }
    }
    let iso3 = |index: &usize| gazetteer.countries()[*index].iso3.clone();
    Places {
        main: main.iter().map(iso3).collect(),
        mentioned: mentioned.iter().map(iso3).collect(),
        spread: spread.iter().map(iso3).collect(),
    }
}

/// The weight of a name by where it stands: in the title, in the body's lead (its first
/// [`LEAD_BYTES`]) or further down.
fn place_weight(in_title: bool, start: usize) -> f32 {
    if in_title {
        TITLE_WEIGHT
    } else if start < LEAD_BYTES {
        LEAD_WEIGHT
    } else {
        BODY_WEIGHT
    }
}

/// The country whose bodies the release names most, weighted by place as mentions are, when
/// one is ahead of any other.
fn bodies_country(gazetteer: &Gazetteer, evidence: &Evidence<'_>) -> Option<usize> {
    let mut scores = Scores::new(gazetteer.countries().len());
    for (mentions, in_title) in [(evidence.title, true), (evidence.body, false)] {
        for mention in mentions {
            let Target::Organization { index } = mention.target else {
                continue;
            };
            if let Some(country) = (evidence.seat)(index).and_then(|iso3| gazetteer.country_index(iso3)) {
                scores.note(country, place_weight(in_title, mention.start));
            }
        }
    }
    let (main, _, _) = scores.main_and_mentioned(None);
    (main.len() == 1).then(|| main[0])
}

/// Each country's score, and the order in which countries were first seen.
struct Scores {
    score: Vec<f32>,
    first_seen: Vec<usize>,
    order: usize,
}

/// Cities of the Democratic Republic of the Congo that its news names (the Republic of the
/// Congo's are Brazzaville and Pointe-Noire).
const DRC_CITIES: &[&str] = &[
    "Goma",
    "Bukavu",
    "Beni",
    "Bunia",
    "Butembo",
    "Lubumbashi",
    "Kisangani",
    "Mbandaka",
    "Kananga",
    "Uvira",
];

/// Whether "Congo" alone stands for the Democratic Republic of the Congo in this release: the
/// text names that country otherwise (its full name, `DRC`, `RDC`, Kinshasa, one of its
/// provinces or cities) and names the Republic of the Congo only as "Congo". UN names
/// give "Congo" to the Republic; news gives it to the larger country when its places are
/// around. Its old name (Zaire, in 1987's newswire) is no such sign: then the Congo was
/// the Republic.
fn bare_congo_is_drc(gazetteer: &Gazetteer, evidence: &Evidence<'_>) -> Option<usize> {
    let (drc, republic) = (gazetteer.country_index("COD")?, gazetteer.country_index("COG")?);
    let texts = [
        (evidence.title, evidence.title_text),
        (evidence.body, evidence.body_text),
    ];
    let mut bare = false;
    let mut drc_named = false;
    for (mentions, text) in texts {
        for mention in mentions {
            let Target::Country { index, kind } = mention.target else {
                continue;
            };
            let alias = &text[mention.start..mention.end];
            if index == republic {
                if !alias.eq_ignore_ascii_case("congo") {
                    return None;
                }
                bare = true;
            } else if index == drc && kind != AliasKind::Historical {
                drc_named = true;
            }
        }
    }
    let city_named = || {
        texts.iter().any(|(_, text)| {
            text.split(|c: char| !c.is_alphabetic())
                .any(|word| DRC_CITIES.contains(&word))
        })
    };
    (bare && (drc_named || city_named())).then_some(drc)
}

impl Scores {
    fn new(countries: usize) -> Scores {
        Scores {
            score: vec![0f32; countries],
            first_seen: vec![usize::MAX; countries],
            order: 0,
        }
    }

    fn note(&mut self, index: usize, weight: f32) {
        self.score[index] += weight;
        if self.first_seen[index] == usize::MAX {
            self.first_seen[index] = self.order;
        }
        self.order += 1;
    }

    /// The country mentions of the title and body, weighted by kind and place; returns the
    /// regions the title or lead names. `congo` is the Democratic Republic of the Congo when
    /// "Congo" alone stands for it here ([`bare_congo_is_drc`]).
    fn add_text_mentions<'g>(
        &mut self,
        gazetteer: &'g Gazetteer,
        evidence: &Evidence<'_>,
        congo: Option<usize>,
    ) -> Vec<&'g str> {
        let mut focus_regions = Vec::new();
        for (mentions, text, in_title) in [
            (evidence.title, evidence.title_text, true),
            (evidence.body, evidence.body_text, false),
        ] {
            for mention in mentions {
                if let Target::Country { kind, .. } = mention.target {
                    // A city whose name holds another country's is matched only so that it is
                    // not read as that country. A capital names its country only as the actor
                    // of a sentence ("Bonn said", "Canberra's decision"), not as a place or
                    // market ("London interbank rates").
                    let no_mention = match kind {
                        AliasKind::City => true,
                        AliasKind::Capital => !is_metonym(text, mention.end),
                        _ => false,
                    };
                    if no_mention {
                        continue;
                    }
                }
                let place = place_weight(in_title, mention.start);
                if let Target::Country { .. } = mention.target {
                    let alias = &text[mention.start..mention.end];
                    // `US$1.2 million`, `NZ$ 300`: a currency, the unit of an amount.
                    if is_currency_unit(text, mention.end) {
                        continue;
                    }
                    if PERSON_NAME_COUNTRIES.contains(&alias)
                        && is_part_of_person_name(text, mention.start, mention.end)
                    {
                        continue;
                    }
                    // "Congo" alone, where the text places the Democratic Republic.
                    if let Some(drc) = congo.filter(|_| alias.eq_ignore_ascii_case("congo")) {
                        self.note(drc, place);
                        continue;
                    }
                    // "Atlanta, Georgia", "the state of Georgia": the US state.
                    if alias == "Georgia" && is_us_state_context(gazetteer, text, mention.start) {
                        if let Some(usa) = gazetteer.country_index("USA") {
                            self.note(usa, kind_weight(AliasKind::Subdivision) * place);
                        }
                        continue;
                    }
                }
                match mention.target {
                    Target::Country { index, kind } => self.note(index, kind_weight(kind) * place),
                    Target::Region { index } if place > BODY_WEIGHT => {
                        focus_regions.push(gazetteer.regions()[index].0.as_str())
                    }
                    _ => {}
                }
            }
        }
        focus_regions
    }

    /// An office named in the contact block says where the release comes from, but alone it
    /// does not make the country mentioned.
    fn add_contact_offices(&mut self, contact: &[Mention]) {
        for mention in contact {
            if let Target::Country { index, .. } = mention.target {
                if self.score[index] > 0.0 {
                    self.score[index] += CONTACT_BONUS;
                }
            }
        }
    }

    /// The main countries (near the top score, or the one clearly ahead), every country
    /// mentioned, in the order first seen, and the countries a release is spread over when
    /// more than [`MAX_MAIN`] stand near the top. Then the collection's home country (`home`),
    /// when it is one of them, is the one main country: an Australian minister's release on
    /// talks with three neighbours is about Australia.
    fn main_and_mentioned(&self, home: Option<usize>) -> (Vec<usize>, Vec<usize>, Vec<usize>) {
        let score = &self.score;
        let mut mentioned: Vec<usize> = (0..score.len()).filter(|&index| score[index] > 0.0).collect();
        mentioned.sort_by_key(|&index| self.first_seen[index]);
        let mut ranked = mentioned.clone();
        ranked.sort_by(|&a, &b| {
            score[b]
                .total_cmp(&score[a])
                .then(self.first_seen[a].cmp(&self.first_seen[b]))
        });
        let top = ranked.first().map_or(0.0, |&index| score[index]);
        let mut main: Vec<usize> = ranked
            .iter()
            .copied()
            .filter(|&index| score[index] >= MAIN_MIN_SCORE && score[index] >= top * MAIN_RELATIVE_SCORE)
            .collect();
        if main.len() > MAX_MAIN {
            return match home.filter(|home| main.contains(home)) {
                Some(home) => (vec![home], mentioned, Vec::new()),
                None => (Vec::new(), mentioned, main),
            };
        }
        if main.is_empty() {
            // A single country, or one clearly ahead of the others, is what the release is about.
            let second = ranked.get(1).map_or(0.0, |&index| score[index]);
            if let Some(&first) = ranked.first() {
                if top > second {
                    main.push(first);
                }
            }
        }
        (main, mentioned, Vec::new())
    }
}

/// People a city needs to place a release that names no country: small towns share their
/// names across countries and with people and words.
const CITY_MIN_POPULATION: u64 = 100_000;
/// How many times more people the city must have than any other of its name elsewhere.
const CITY_DOMINANCE: u64 = 5;
/// The UN's seats: a statement datelined there is the organization's, about no country.
const UN_SEATS: &[&str] = &[
    "new york",
    "new york city",
    "nueva york",
    "geneva",
    "geneve",
    "ginebra",
    "genf",
    "vienna",
    "vienne",
    "viena",
    "wien",
];
/// Capitalised words that go on a city's name without making it a person's.
const CITY_FOLLOWERS: &[&str] = &[
    "police",
    "department",
    "county",
    "city",
    "stock",
    "exchange",
    "border",
    "sector",
    "airport",
    "port",
    "university",
    "bay",
    "province",
    "region",
    "metropolitan",
    "district",
    "state",
    "mayor",
    "council",
    "policia",
    "prefecture",
    "prefectura",
    "municipal",
    "court",
    "office",
];
/// Words of a city's name at most (`Santa Cruz de Tenerife`).
const CITY_WORDS: usize = 4;

/// A word opening with a capital and going on in lower case: in a headline or telex in
/// capitals every word looks like a name (`STOCK SPLIT`, `NICE RESULTS`).
fn capitalised(word: &str) -> bool {
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    letters.next().is_some_and(char::is_uppercase) && letters.any(char::is_lowercase)
}

/// A word of three letters or more, all capitals.
fn in_capitals(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic());
    letters.clone().count() >= 3 && letters.clone().all(char::is_uppercase)
}

/// The country of the first large city the title or the lead names, its name capitalised
/// and no larger city of another country sharing it.
fn city_country(gazetteer: &Gazetteer, title: &str, body: &str) -> Option<usize> {
    for text in [title, &body[..body.floor_char_boundary(LEAD_BYTES)]] {
        let words: Vec<&str> = text
            .split(|c: char| {
                c.is_whitespace() || matches!(c, ',' | ';' | ':' | '(' | ')' | '"' | '«' | '»' | '“' | '”')
            })
            .filter(|word| !word.is_empty())
            .collect();
        // A word in capitals is a name (a dateline's `MAKASSAR`) unless the whole text is.
        let (upper, letters) = text
            .chars()
            .filter(|c| c.is_alphabetic())
            .fold((0, 0), |(upper, letters), c| {
                (upper + usize::from(c.is_uppercase()), letters + 1)
            });
        let shouting = upper * 2 > letters;
        let name_word = |word: &str| capitalised(word) || (!shouting && in_capitals(word));
        for start in 0..words.len() {
            if !name_word(words[start]) {
                continue;
            }
            for count in (1..=CITY_WORDS.min(words.len() - start)).rev() {
                let last = words[start + count - 1].trim_end_matches(['.', '!', '?', '\'', '’']);
                if !name_word(last) {
                    continue;
                }
                let name = words[start..start + count - 1]
                    .iter()
                    .copied()
                    .chain([last])
                    .collect::<Vec<_>>()
                    .join(" ");
                // One word before another capitalised one is a person's given name (`Norman
                // Tebbit`, `Mary Robinson`), unless a body or a place of the city follows it
                // (`Tallahassee Police`, `Tokyo Stock Exchange`).
                let name_goes_on = count == 1
                    && words.get(start + 1).is_some_and(|next| {
                        let (after, next_start) = (span_of(text, words[start]).1, span_of(text, next).0);
                        name_word(next)
                            && !CITY_FOLLOWERS.contains(&fold(next).as_str())
                            && text.get(after..next_start) == Some(" ")
                    });
                if UN_SEATS.contains(&fold(&name).as_str()) || name_goes_on {
                    break;
                }
                let cities = gazetteer.cities_named(&name);
                let Some(largest) = cities.first() else {
                    continue;
                };
                let rival = cities
                    .iter()
                    .filter(|city| city.iso3 != largest.iso3)
                    .map(|city| city.population)
                    .max()
                    .unwrap_or(0);
                if largest.population >= CITY_MIN_POPULATION && largest.population >= rival * CITY_DOMINANCE {
                    return gazetteer.country_index(&largest.iso3);
                }
                break;
            }
        }
    }
    None
}

/// Words after a capital that make it stand for its government.
const METONYM_FOLLOWERS: &[&str] = &[
    "said",
    "says",
    "say",
    "announced",
    "announces",
    "agreed",
    "agrees",
    "insisted",
    "rejected",
    "rejects",
    "warned",
    "warns",
    "denied",
    "denies",
    "accused",
    "wants",
    "wanted",
    "will",
    "would",
    "could",
    "should",
    "has",
    "have",
    "had",
    "is",
    "was",
    "did",
    "does",
    "hopes",
    "plans",
    "told",
    "threatened",
    "protested",
    "asked",
    "urged",
    "urges",
    "believes",
    "officials",
    "government",
    "authorities",
    "regime",
    "decided",
    "refused",
    "approved",
    "signed",
    "expects",
    "expected",
    "may",
    "might",
    "must",
    "and",
];

fn is_metonym(text: &str, end: usize) -> bool {
    let rest = &text[end..];
    if rest.starts_with("'s") || rest.starts_with("’s") {
        return true;
    }
    let next = rest.split_whitespace().next().unwrap_or("");
    let next = next.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase();
    METONYM_FOLLOWERS.contains(&next.as_str())
}

/// Whether a dollar sign follows a country's name at `end` (`US$`, `NZ $`): the name is then
/// a currency's, the unit of an amount, and no mention of the country.
fn is_currency_unit(text: &str, end: usize) -> bool {
    let after = text.get(end..).unwrap_or_default();
    after.starts_with('$') || after.starts_with(" $")
}

/// Country names that are also given names or surnames ("Michael Jordan", "Chad Smith").
const PERSON_NAME_COUNTRIES: &[&str] = &["Jordan", "Chad"];

/// Capitalised words that may stand next to a country name without making it a person's.
const NOT_NAME_WORDS: &[&str] = &[
    "In",
    "Of",
    "To",
    "From",
    "And",
    "The",
    "By",
    "For",
    "With",
    "At",
    "On",
    "As",
    "Kingdom",
    "Republic",
    "Neighbouring",
    "Neighboring",
    "Both",
    "While",
    "But",
    "Or",
    "Said",
    "Has",
    "Is",
    "Was",
    "Will",
];

fn capitalised_word(word: &str) -> bool {
    let word = word.trim_matches(|c: char| !c.is_alphabetic());
    let mut letters = word.chars();
    letters.next().is_some_and(char::is_uppercase)
        && letters.clone().count() >= 1
        && letters.all(char::is_lowercase)
        && !NOT_NAME_WORDS.contains(&word)
}

/// A first name before or a surname after, on the same side of any punctuation.
fn is_part_of_person_name(text: &str, start: usize, end: usize) -> bool {
    let before = &text[..start];
    let previous = before.split_whitespace().next_back().unwrap_or("");
    let previous_joins = before.ends_with(' ') && !previous.ends_with(['.', ',', ';', ':']);
    let after = &text[end..];
    let next = after.split_whitespace().next().unwrap_or("");
    let next_joins = after.starts_with(' ') && !next.starts_with(|c: char| !c.is_alphabetic());
    (previous_joins && capitalised_word(previous)) || (next_joins && capitalised_word(next))
}

fn is_us_state_context(gazetteer: &Gazetteer, text: &str, start: usize) -> bool {
    let before = text[..start].trim_end();
    if before.to_lowercase().ends_with("state of") {
        return true;
    }
    let Some(place) = before.strip_suffix(',') else {
        return false;
    };
    let words: Vec<&str> = place.split_whitespace().rev().take(3).collect();
    (1..=words.len()).any(|count| {
        let name: Vec<&str> = words[..count].iter().rev().copied().collect();
        let cities = gazetteer.cities_named(&name.join(" "));
        !cities.is_empty() && cities.iter().all(|city| city.iso3 == "USA")
    })
}
