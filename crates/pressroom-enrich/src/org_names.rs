//! Organizations no table holds, recognised by the shape of their names in English, French
//! and Spanish: a run of capitalised words (joined by `of`, `de`, `la`, `and`, `y`…) that
//! holds a word naming a body — Ministry, Department, Agency, Council, Society, Party, Bank,
//! University, Institute, Committee, Red Cross, Inc, Corp… — or a French or Spanish name led
//! by such a word (`Ministerio de Salud`, `ministère de la Santé`, `Commission nationale des
//! droits de l'homme`). Programmes, laws, conferences, plans and places such as detention
//! centres are not bodies; a government body named without its country gets the release's
//! main country (`Ministry of Interior (Iraq)`).

use rustc_hash::FxHashSet;
use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;

/// Words that make a run of capitalised words a body, in EN/FR/ES (lowercase).
const HEADS_LIST: &[&str] = &[
    // government
    "ministry",
    "ministries",
    "ministère",
    "ministere",
    "ministerio",
    "department",
    "département",
    "departamento",
    "agency",
    "agence",
    "agencia",
    "authority",
    "autorité",
    "autoridad",
    "commission",
    "comisión",
    "comision",
    "council",
    "conseil",
    "consejo",
    "committee",
    "comité",
    "comite",
    "office",
    "bureau",
    "oficina",
    "service",
    "services",
    "servicio",
    "servicios",
    "secretariat",
    "secrétariat",
    "secretaría",
    "secretaria",
    "directorate",
    "direction",
    "dirección",
    "administration",
    "administración",
    "embassy",
    "ambassade",
    "embajada",
    "consulate",
    // Not "parliament", "senate", "assembly": the guide labels no legislature as a whole,
    // only its named committees (which have their own head).
    "court",
    "cour",
    "corte",
    "tribunal",
    "police",
    "policía",
    "policia",
    "gendarmerie",
    "navy",
    "army",
    "armée",
    "ejército",
    "ejercito",
    "forces",
    "force",
    "fuerzas",
    "fuerza",
    "guard",
    "guardia",
    "garde",
    "customs",
    "douanes",
    "aduanas",
    "command",
    "defensoría",
    "defensoria",
    "procuraduría",
    "intendencia",
    "fiscalía",
    "fiscalia",
    "alcaldía",
    // units, coordination bodies and teams of a government or of the UN ("Unidad de Alerta
    // Temprana", "Coordinación Nacional de Protección Civil", "Humanitarian Country Team")
    "unidad",
    "unité",
    "unit",
    "coordinación",
    "coordinadora",
    "coordinadoras",
    // cooperatives ("Coopérative Réveil Kananga"; the English word is mostly an adjective)
    "coopérative",
    "cooperativa",
    "coordination",
    "equipo",
    "équipe",
    "team",
    "bomberos",
    "personería",
    "contraloría",
    "prefectura",
    "préfecture",
    // collectives, exchanges and newspapers ("Refugee Action Collective", "Chicago
    // Mercantile Exchange", "Jornal do Brasil")
    "collective",
    "collectif",
    "colectivo",
    "exchange",
    "journal",
    "jornal",
    "diario",
    "gazette",
    "tribune",
    // chambers and unions
    "cámara",
    "chambre",
    "sindicato",
    "syndicat",
    "alcaldia",
    "gobernación",
    "mairie",
    "municipalidad",
    // civil society, international
    "organization",
    "organisation",
    "organización",
    "association",
    "asociación",
    "asociacion",
    "federation",
    "fédération",
    "federación",
    "union",
    "unión",
    "society",
    "société",
    "sociedad",
    "foundation",
    "fondation",
    "fundación",
    "fundacion",
    "institute",
    "institut",
    "instituto",
    "university",
    "facultad",
    "faculté",
    "faculty",
    "colegio",
    "université",
    "universidad",
    "college",
    "school",
    "centre",
    "center",
    "centro",
    "network",
    "réseau",
    "red",
    "alliance",
    "alianza",
    "coalition",
    "coalición",
    "front",
    "frente",
    "movement",
    "mouvement",
    "movimiento",
    "party",
    "parti",
    "partido",
    "league",
    "ligue",
    "liga",
    "group",
    "groupe",
    "grupo",
    "church",
    "église",
    "iglesia",
    "mission",
    "misión",
    "aid",
    "relief",
    "care",
    "welfare",
    "trust",
    "cross",
    "crescent",
    "croix-rouge",
    "cruz",
    "caritas",
    "club",
    "chamber",
    "board",
    "panel",
    "observatory",
    "observatoire",
    "observatorio",
    "corps",
    "cuerpo",
    "cuerpos",
    "brigade",
    "brigada",
    "bank",
    "banque",
    "banco",
    "fund",
    "fonds",
    "fondo",
    // companies and media
    "inc",
    "corp",
    "corporation",
    "corporación",
    "corporacion",
    "empresa",
    "co",
    "company",
    "ltd",
    "limited",
    "plc",
    "llc",
    "lp",
    "gmbh",
    "ag",
    "nv",
    "holdings",
    "securities",
    "partners",
    "associates",
    "industries",
    "airlines",
    "airways",
    "bancorp",
    "enterprises",
    "international",
    "newspaper",
    "radio",
    "television",
    "press",
    // a hospital is an institution the guide labels ("Wollongong Hospital")
    "hospital",
    "hôpital",
    "times",
    "herald",
    "post",
];

/// Words inside a name: the name goes on across them.
const CONNECTORS_LIST: &[&str] = &[
    "of", "for", "and", "the", "on", "in", "&", "de", "du", "des", "la", "le", "les", "l", "d", "del", "el", "los",
    "las", "y", "et", "para", "pour", "sur", "por", "au", "aux", "al",
];

/// Lowercase words a French or Spanish institutional name keeps after its leading word
/// (`Commission nationale des droits de l'homme`, `Instituto Colombiano de Bienestar Familiar`),
/// with [`POST_ADJECTIVES`], which it keeps after a capitalised noun too.
const INSTITUTIONAL_WORDS_LIST: &[&str] = &[
    "droits",
    "derechos",
    "homme",
    "l'homme",
    "humanos",
    "sécurité",
    "seguridad",
    "santé",
    "salud",
    "développement",
    "desarrollo",
    "réfugiés",
    "refugiados",
    "rapatriés",
    "protection",
    "protección",
    "population",
    "población",
    "affaires",
    "asuntos",
    "relations",
    "relaciones",
    "intérieur",
    "interior",
    "justice",
    "justicia",
    "défense",
    "defensa",
    "éducation",
    "educación",
    "travail",
    "trabajo",
    "emploi",
    "empleo",
    "migration",
    "migraciones",
    "migración",
    "statistique",
    "estadística",
    "accueil",
    "réinsertion",
    "gestion",
    "gestión",
    "risque",
    "riesgo",
    "riesgos",
    "catastrophes",
    "desastres",
    "urgence",
    "emergencia",
    "emergencias",
    "pueblo",
    "victimes",
    "víctimas",
    "famille",
    "familia",
    "bienestar",
    "hydraulique",
    "agua",
    "eau",
    "vivienda",
    "logement",
    "hábitat",
    "habitat",
    "femme",
    "femmes",
    "mujer",
    "mujeres",
    "enfance",
    "infancia",
    "niñez",
    "mineurs",
    "menores",
    "paz",
    "paix",
    // adjectives French and Spanish names carry after their head ("Fédération luthérienne
    // mondiale", "Forces armées", "Fuerzas Armadas")
    "armée",
    "armées",
    "armés",
    "armadas",
    "armados",
];

/// A name holding one of these is a programme, law, event, plan or place, not a body.
const NOT_BODIES_LIST: &[&str] = &[
    "release",
    "releases",
    "covenant",
    "covenants",
    // payments to people (`School Kids Bonus`, `Child Care Rebate`, `Baby Care Payment`)
    "bonus",
    "rebate",
    "payment",
    "conventions",
    "protocols",
    "room",
    "act",
    "bill",
    "law",
    "convention",
    "conference",
    "summit",
    "programme",
    "program",
    "programa",
    "plan",
    "strategy",
    "stratégie",
    "estrategia",
    "day",
    "week",
    "year",
    "award",
    "report",
    "rapport",
    "informe",
    "policy",
    "treaty",
    "traité",
    "tratado",
    "agreement",
    "accord",
    "acuerdo",
    "protocol",
    "protocole",
    "protocolo",
    "declaration",
    "déclaration",
    "declaración",
    "compact",
    "framework",
    "initiative",
    "operation",
    "opération",
    "operación",
    "appeal",
    "review",
    "inquiry",
    "detention",
    "camp",
    "camps",
    "airport",
    "station",
    "prison",
    "island",
    "river",
    "street",
    "road",
    "house",
    "building",
    "campaign",
    "project",
    "projet",
    "proyecto",
    "scheme",
    "visa",
    "visas",
    "response",
    "cluster",
    "sector",
    "route",
    "zone",
    "election",
    "budget",
    "crisis",
    "war",
    "guerre",
    "guerra",
    "process",
    "briefing",
    "update",
    "bulletin",
    "statement",
    "meeting",
    "session",
    "debate",
    "speech",
    "interview",
    "release",
    "news",
    "situation",
    "transit",
    "reception",
];

/// Heads of government bodies: named without a country, they get the release's main one.
const GOVERNMENT_HEADS_LIST: &[&str] = &[
    "ministry",
    "ministère",
    "ministere",
    "ministerio",
    "department",
    "département",
    "departamento",
    "police",
    "policía",
    "policia",
    "customs",
    "douanes",
    "aduanas",
    "embassy",
    "gendarmerie",
    "defensoría",
    "defensoria",
    "fiscalía",
    "fiscalia",
    "procuraduría",
    "intendencia",
];

/// Capitalised words that never go on a name: a name stops before them (titles of people,
/// months, days).
const NAME_ENDERS_LIST: &[&str] = &[
    // an aircraft after its operator (`Customs and Border Protection Dash 8`), a page's
    // author label (`Category: Senate Office Author: …`)
    "dash",
    "dash-8",
    "author",
    "leader",
    "vice",
    "president",
    "minister",
    "director",
    "governor",
    "chairman",
    "chairwoman",
    "secretary",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "chief",
    "officer",
    "commissioner",
    "mr",
    "mrs",
    "ms",
    "dr",
    "sir",
    "senator",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "chef",
    "jefe",
    "jefa",
    "directeur",
    "directrice",
    "directora",
    "président",
    "présidente",
    "presidente",
    "ministre",
    "ministro",
    "ministra",
    "secrétaire",
    "secretario",
    "portavoz",
    "porte-parole",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];

/// Honorifics (folded): a person's name begins, the body's name before them ends; unlike a
/// post, the head word before them stays in the name.
const HONORIFICS: &[&str] = &["hon", "honourable", "honorable", "mp", "mme", "sr", "sra"];

/// Capitalised plurals of people (folded): a name stops before them and keeps its body
/// (`Labor Party MPs` is the Labor Party, `Department of Immigration Officials` the
/// department); a party's side alone (`Coalition MPs`, `Coalition Senators`) is none. Not
/// before a head (`Manufacturing Leaders Group`).
const PEOPLE: &[&str] = &["mps", "senators", "members", "officials", "leaders"];

/// A body's press contact after its name in a contact block (`Department Media: media@…`,
/// `DFAT Media Liaison: (02) …`): `Media` ending a name, alone or before one of these words
/// (folded), is no part of it (`Australian Media Council`, `Media Liaison Centre` go on).
const CONTACT_WORDS: &[&str] = &["liaison", "contact", "contacts", "enquiries", "inquiries"];

/// Words that tell no body from another: a name needs a word besides these and its heads.
const GENERIC_LIST: &[&str] = &[
    "media",
    "minister's",
    "minister’s",
    "general",
    "générale",
    "général",
    "nacional",
    "national",
    "nationale",
    "regional",
    "régional",
    "régionale",
    "central",
    "centrale",
    "comunitario",
    "community",
    "federal",
    "fédéral",
    "international",
    "internacional",
    "internationale",
    "local",
    "municipal",
    "state",
    "public",
    "publique",
    "público",
    "pública",
    "de",
    "du",
    "des",
    "la",
    "le",
    "les",
    "l",
    "d",
    "del",
    "el",
    "los",
    "las",
    "y",
    "et",
    "of",
    "the",
    "and",
    "for",
    "en",
    "in",
    "on",
    "para",
    "pour",
];

/// Words that open a sentence rather than a name.
const OPENERS_LIST: &[&str] = &[
    "the",
    "a",
    "an",
    "this",
    "these",
    "those",
    "in",
    "on",
    "at",
    "for",
    "from",
    "by",
    "with",
    "and",
    "but",
    "as",
    "if",
    "when",
    "while",
    "after",
    "before",
    "during",
    "le",
    "la",
    "les",
    "un",
    "une",
    "el",
    "los",
    "las",
    "en",
    "dans",
    "con",
    "pour",
    "para",
    "según",
    "selon",
    "mr",
    "mrs",
    "ms",
    "dr",
    "minister",
    "senator",
    "president",
    "my",
    "your",
    "his",
    "their",
    "our",
    "its",
    "her",
];

/// The word lists as sets: a word is looked up for every capitalised word of every release.
type WordSet = LazyLock<FxHashSet<&'static str>>;
static HEADS: WordSet = LazyLock::new(|| HEADS_LIST.iter().copied().collect());
static CONNECTORS: WordSet = LazyLock::new(|| CONNECTORS_LIST.iter().copied().collect());
static INSTITUTIONAL_WORDS: WordSet = LazyLock::new(|| {
    INSTITUTIONAL_WORDS_LIST
        .iter()
        .chain(POST_ADJECTIVES)
        .copied()
        .collect()
});
static NOT_BODIES: WordSet = LazyLock::new(|| NOT_BODIES_LIST.iter().copied().collect());
static GOVERNMENT_HEADS: WordSet = LazyLock::new(|| GOVERNMENT_HEADS_LIST.iter().copied().collect());
static NAME_ENDERS: WordSet = LazyLock::new(|| NAME_ENDERS_LIST.iter().copied().collect());
static GENERIC: WordSet = LazyLock::new(|| GENERIC_LIST.iter().copied().collect());
static OPENERS: WordSet = LazyLock::new(|| OPENERS_LIST.iter().copied().collect());

/// Titles of people that no body's name holds after its head, as written before a name.
const PERSON_TITLES: &[&str] = &[
    "Professor",
    "Prof",
    "Dr",
    "Mr",
    "Mrs",
    "Ms",
    "Commander",
    "Chairperson",
    "Chairman",
    "Chair",
    "CEO",
    "Adviser",
    "Advisor",
    "Manager",
    "Head",
    "Deputy",
    "Acting",
    "Spokesman",
    "Spokeswoman",
    "Spokesperson",
    "Senator",
    "Director",
    "Director-General",
    "Chief",
];

/// Longest name, in words.
const MAX_WORDS: usize = 12;

/// A name found: its byte range in the text and its words as written (joined by spaces).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundName {
    pub range: Range<usize>,
    pub name: String,
    /// A government body whose name carries no country.
    pub needs_country: bool,
    /// The country (its index among the gazetteer's) that a possessive before the name says
    /// owns the body ("Iraq's State Trade Organization"), set by the organization extractor.
    pub owner: Option<usize>,
}

impl FoundName {
    /// The name `text` writes over `range`, its white space made single spaces.
    pub fn spanning(text: &str, range: Range<usize>, needs_country: bool) -> Option<FoundName> {
        let name = text
            .get(range.clone())?
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        Some(FoundName {
            range,
            name,
            needs_country,
            owner: None,
        })
    }

    /// The same name ending at `end` instead (longer or shorter), or itself when `text` has
    /// no such span.
    pub fn ending_at(self, text: &str, end: usize) -> FoundName {
        let range = self.range.start..end;
        match FoundName::spanning(text, range, self.needs_country) {
            Some(name) => FoundName {
                owner: self.owner,
                ..name
            },
            None => self,
        }
    }
}

/// Whether every word of a name is a head or a generic word ("Central Bank", "Policía
/// Nacional"): it names no particular body without its country.
pub fn generic_name(name: &str) -> bool {
    name.split_whitespace()
        .all(|word| is_generic_word(lower(word).trim_end_matches('.')))
}

/// Whether a lowercase word, without a final dot, is a head or a generic word.
fn is_generic_word(word: &str) -> bool {
    HEADS.contains(word) || GENERIC.contains(word)
}

/// One word of the text: its byte range and its letters.
struct Word<'a> {
    range: Range<usize>,
    text: &'a str,
    /// Punctuation right after it ends any name (`,`, `.`, `:`, `;`, `(`, `)`, quotes).
    stops_after: bool,
}

fn words(text: &str) -> Vec<Word<'_>> {
    // About one word in six bytes of prose: growing the vector word by word cost more than
    // reading the words.
    let mut found = Vec::with_capacity(text.len() / 6 + 1);
    let mut start = None;
    let bytes = text.as_bytes();
    let mut index = 0;
    // Bytes, not chars: most text is ASCII, and a char is decoded only where a byte says so.
    while index < bytes.len() {
        // Most bytes are ASCII letters inside a word.
        if bytes[index].is_ascii_alphanumeric() {
            start.get_or_insert(index);
            index += 1;
            continue;
        }
        let (c, width) = if bytes[index].is_ascii() {
            (bytes[index] as char, 1)
        } else {
            let c = text[index..].chars().next().unwrap_or(char::REPLACEMENT_CHARACTER);
            (c, c.len_utf8())
        };
        let in_word = c.is_alphanumeric() || ((c == '\'' || c == '’' || c == '-' || c == '&') && start.is_some());
        // A French elided article is a word of its own (`l’Office national …`, `d’Action`), so
        // the name after it starts with its head.
        let elided = APOSTROPHES.contains(&c)
            && start.is_some_and(|begin| index == begin + 1 && ELIDING.contains(&char::from(bytes[begin])))
            && text[index + width..].chars().next().is_some_and(char::is_alphabetic);
        if elided {
            if let Some(begin) = start.take() {
                found.push(Word {
                    range: begin..index,
                    text: &text[begin..index],
                    stops_after: false,
                });
            }
        } else if c == '&' && start.is_none() {
            found.push(Word {
                range: index..index + 1,
                text: &text[index..index + 1],
                stops_after: false,
            });
        } else {
            match (in_word, start) {
                (true, None) => start = Some(index),
                (false, Some(begin)) => {
                    found.push(Word {
                        range: begin..index,
                        text: text[begin..index].trim_end_matches(['\'', '’', '-']),
                        stops_after: !c.is_whitespace(),
                    });
                    start = None;
                }
                _ => {}
            }
        }
        index += width;
    }
    if let Some(begin) = start {
        found.push(Word {
            range: begin..text.len(),
            text: &text[begin..],
            stops_after: true,
        });
    }
    found
}

/// The letters a French article elided before a vowel is left with (`l’`, `d’`), and the
/// apostrophes that follow them.
const ELIDING: [char; 4] = ['l', 'L', 'd', 'D'];
const APOSTROPHES: [char; 2] = ['\'', '’'];

/// Whether `word` is a French elided article (`l’`, `d’`) before `next`.
fn elided_article(text: &str, word: &Word<'_>, next: &Word<'_>) -> bool {
    let mut letters = word.text.chars();
    letters.next().is_some_and(|letter| ELIDING.contains(&letter))
        && letters.next().is_none()
        && text
            .get(word.range.end..next.range.start)
            .is_some_and(|gap| gap.strip_prefix(APOSTROPHES) == Some(""))
}

/// Whether an elided article (`l’`, `d’`) stands right before `start`.
fn follows_elided_article(text: &str, start: usize) -> bool {
    text.get(..start)
        .and_then(|before| before.strip_suffix(APOSTROPHES))
        .and_then(|before| before.strip_suffix(ELIDING))
        .is_some_and(|rest| !rest.ends_with(char::is_alphanumeric))
}

/// `text` without a French elided article opening it (`l’Office national …` is `Office
/// national …`).
pub fn without_elided_article(text: &str) -> &str {
    text.strip_prefix(ELIDING)
        .and_then(|rest| rest.strip_prefix(APOSTROPHES))
        .filter(|rest| rest.starts_with(char::is_alphabetic))
        .unwrap_or(text)
}

/// Whether only white space stands between two words, a single line break at most (text
/// wrapped at a width breaks names; a blank line or any mark ends them), or the apostrophe
/// of an elided article (`de l’hydraulique`).
fn plain_gap(before: &Word<'_>, after: &Word<'_>, text: &str) -> bool {
    text.get(before.range.end..after.range.start).is_some_and(|gap| {
        gap == " "
            || gap.chars().all(char::is_whitespace) && gap.chars().filter(|c| *c == '\n').count() <= 1
            || elided_article(text, before, after)
    })
}

/// Whether the word at `at` opens a sentence or a line (where any word is capitalised).
fn opens_sentence(text: &str, at: usize) -> bool {
    match text[..at]
        .trim_end_matches([' ', '\t', '"', '“', '\'', '‘'])
        .chars()
        .next_back()
    {
        None => true,
        Some(c) => matches!(c, '.' | '!' | '?' | '\n' | ':' | '•' | '-' | '–'),
    }
}

/// The word in lowercase, a typographic apostrophe as `'` (`l’homme` is `l'homme`), borrowed
/// when it is so already (most words are).
fn lower(word: &str) -> Cow<'_, str> {
    if word.chars().any(|c| c.is_uppercase() || c == '’') {
        Cow::Owned(word.to_lowercase().replace('’', "'"))
    } else {
        Cow::Borrowed(word)
    }
}

/// A word that can be part of a name by its case: capitalised, or an acronym, or a number
/// (`2UE`, `Catholic Family Welfare Bureau`).
fn capitalised(word: &str) -> bool {
    let first = word.chars().next();
    first.is_some_and(char::is_uppercase)
        || (first.is_some_and(|c| c.is_ascii_digit()) && word.chars().any(char::is_alphabetic))
}

/// Whether the text around `word` is in capitals throughout (OCR'd headings, telexes): case
/// says nothing about names there.
fn shouting(words: &[Word<'_>], at: usize) -> bool {
    let window = words[at.saturating_sub(4)..(at + 5).min(words.len())].iter();
    let (mut upper, mut total) = (0, 0);
    for word in window.filter(|word| word.text.chars().nth(3).is_some()) {
        total += 1;
        if word.text.chars().all(|c| !c.is_lowercase()) {
            upper += 1;
        }
    }
    total >= 3 && upper * 4 >= total * 3
}

/// A definite article in EN/FR/ES: no part of a name it stands before.
fn is_article(word: &str) -> bool {
    matches!(lower(word).as_ref(), "the" | "la" | "le" | "les" | "el" | "los" | "las")
}

/// A lowercase word an institutional name keeps, also with an elided article
/// (`l'hydraulique`, `d'accueil`).
fn institutional(word_lower: &str) -> bool {
    let bare = word_lower
        .strip_prefix("l'")
        .or_else(|| word_lower.strip_prefix("d'"))
        .unwrap_or(word_lower);
    INSTITUTIONAL_WORDS.contains(bare)
}

/// Adjectives an institutional name keeps, which French and Spanish write in lowercase after
/// a capitalised noun of a name (`Affaires étrangères`, `Travaux publics`); nouns there
/// (`Secretaría de Gobernación emergencia`) start the sentence again.
const POST_ADJECTIVES: &[&str] = &[
    "national",
    "nationale",
    "nacional",
    "général",
    "générale",
    "general",
    "régional",
    "régionale",
    "regional",
    "municipal",
    "municipale",
    "fédéral",
    "fédérale",
    "federal",
    "international",
    "internationale",
    "internacional",
    "supérieur",
    "supérieure",
    "superior",
    "humanitaire",
    "humanitaria",
    "humanitario",
    "civile",
    "civil",
    "étrangères",
    "étrangers",
    "extérieures",
    "exteriores",
    "social",
    "sociale",
    "sociales",
    "sociaux",
    "publics",
    "publique",
    "publiques",
    "público",
    "pública",
    "públicos",
    "públicas",
    "consulaires",
    "consulares",
    "mondial",
    "mondiale",
    "mundial",
    "médical",
    "médicale",
    "médica",
    "familiar",
];

/// Whether a run holds a French or Spanish connector (`des`, `de la`, `del`): such a name
/// keeps a lowercase adjective after a capitalised noun too (`ministère des Affaires
/// étrangères`, `Direction régionale des Travaux publics`), as French and Spanish write
/// them, where an English name ends before one ("the Ministry of Health national plan").
fn romance_connector(run: &[Word<'_>]) -> bool {
    run.iter().any(|word| {
        matches!(
            word.text,
            "de" | "du" | "des" | "del" | "la" | "le" | "les" | "los" | "las" | "d" | "l"
        )
    })
}

fn is_head(word: &str) -> bool {
    HEADS.contains(&lower(word).trim_end_matches('.'))
}

/// Whether the head of `name` names no body: its last word in English ("Settlement Grants
/// Programme", not "Burma Socialist Programme Party"), its first in a French or Spanish name
/// led by it ("Programme d'appui…", "Plan de respuesta…"). A House may be one (Freedom House,
/// the International Commodities Clearing House), though a name found by its shape with one is not.
pub fn headed_by_no_body(name: &str) -> bool {
    let words: Vec<Cow<'_, str>> = name
        .split_whitespace()
        .map(|word| lower(word.trim_matches(|c: char| !c.is_alphanumeric())))
        .filter(|word| !word.is_empty())
        .collect();
    let not_body =
        |word: Option<&Cow<'_, str>>| word.is_some_and(|word| word != "house" && NOT_BODIES.contains(word.as_ref()));
    let led_by_head = words.get(1).is_some_and(|second| {
        matches!(
            second.as_ref(),
            "de" | "des" | "du" | "del" | "d" | "pour" | "para" | "por" | "sur"
        )
    });
    // An English name is headed by the word before its `on`, `of`, `against` or `relating`
    // (`International Covenant on Civil and Political Rights`, `Convention against Torture`).
    let headed_in_english = words
        .windows(2)
        .any(|pair| matches!(pair[1].as_ref(), "on" | "of" | "against" | "relating") && not_body(Some(&pair[0])));
    not_body(words.last()) || (led_by_head && not_body(words.first())) || headed_in_english || names_a_facility(&words)
}

/// Whether lowercase words name a processing, reception, transit or holding centre: a place
/// where people are held (`Manus Regional Processing Centre`), as a detention centre is, not
/// a body (`Automatic Data Processing Inc` is one).
fn names_a_facility<S: AsRef<str>>(words: &[S]) -> bool {
    words.windows(2).any(|pair| {
        matches!(pair[0].as_ref(), "processing" | "reception" | "transit" | "holding")
            && matches!(pair[1].as_ref(), "centre" | "center" | "centres" | "centers")
    })
}

/// Whether a headline is in title case ("Costa Rica Dismantles Trafficking Network That
/// Exploited Women"): there every word is capitalised, so case tells no name from the rest and
/// the whole headline would read as one.
pub fn title_cased(title: &str) -> bool {
    let words = words(title);
    let long: Vec<&Word<'_>> = words.iter().filter(|word| word.text.chars().nth(3).is_some()).collect();
    let capitalised_words = long.iter().filter(|word| capitalised(word.text)).count();
    long.len() >= 4 && capitalised_words * 5 >= long.len() * 4
}

/// Names of bodies in `text`, in order.
pub fn find(text: &str) -> Vec<FoundName> {
    let words = words(text);
    let mut found = Vec::new();
    let mut at = 0;
    while at < words.len() {
        let Some((end, has_head)) = run_from(text, &words, at) else {
            at += 1;
            continue;
        };
        if has_head {
            for part in split_at_conjunctions(&words[at..end]) {
                for piece in split_at_parent(part) {
                    if let Some(name) = accept(text, piece) {
                        found.push(with_first_partner(text, &words, at, name));
                    }
                }
            }
        }
        at = end.max(at + 1);
    }
    for credit in source_credits(text) {
        if !found
            .iter()
            .any(|name| name.range.start < credit.range.end && credit.range.start < name.range.end)
        {
            found.push(credit);
        }
    }
    found
}

/// A company named with a comma after its first partner (`Goldman, Sachs and Co`, `Kidder,
/// Peabody and Co Inc`, newswire's way): the name found from the second partner on
/// (`Sachs and Co`) with the first before it, written without the comma (`Goldman Sachs and
/// Co`). Only one capitalised word stands before the comma: in `Merrill Lynch, Sachs and Co`
/// the comma parts two names of a list.
fn with_first_partner(text: &str, words: &[Word<'_>], at: usize, name: FoundName) -> FoundName {
    let Some(first) = at.checked_sub(1).map(|first| &words[first]) else {
        return name;
    };
    let alone = at < 2 || !capitalised(words[at - 2].text) || opens_sentence(text, first.range.start);
    if name.range.start != words[at].range.start
        || text.get(first.range.end..words[at].range.start) != Some(", ")
        || !capitalised(first.text)
        || !first.text.chars().any(char::is_lowercase)
        || !alone
        || is_head(first.text)
    {
        return name;
    }
    // A company's: its second word joins the partners, its last is a legal form or `Co`.
    let name_words: Vec<&str> = name.name.split_whitespace().collect();
    let partnership = name_words.len() <= 5
        && name_words.get(1).is_some_and(|second| matches!(*second, "and" | "&"))
        && name_words.last().is_some_and(|last| {
            let last = folded_end(last);
            LEGAL_FORMS.contains(&last.as_str()) || PARTNERSHIP_ENDS.contains(&last.as_str())
        });
    if !partnership {
        return name;
    }
    FoundName {
        range: first.range.start..name.range.end,
        name: format!("{} {}", first.text, name.name),
        ..name
    }
}

/// A name's last word folded as its kind is read: lowercase, without a possessive or a final
/// dot (`Co.`, `Co's` are `co`).
fn folded_end(word: &str) -> String {
    let lowered = lower(word);
    without_possessive(&lowered)
        .unwrap_or(&lowered)
        .trim_end_matches('.')
        .to_string()
}

/// Words at most of a source credited on its own line.
const CREDIT_WORDS: usize = 8;

/// The sources a release credits on a line of their own (`Leer más en La Tercera`, `Read more
/// on the Thomson Reuters Foundation`, `Read the full article on IRIN.`, `Lire la suite sur Le
/// Monde`): a newspaper, an agency or a body, named as they are whatever their shape.
fn source_credits(text: &str) -> Vec<FoundName> {
    static CREDIT: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(
            r"(?m)^[ \t]*(?:Leer más en|Ver más en|Read more (?:on|at)|Read the full (?:article|story|report) (?:on|at)|Lire la suite sur|Lire plus sur)\s+(?:the\s+)?(\p{Lu}[^\n]*?|\d[^\n]*?)\.?[ \t]*$",
        )
        .expect("source credit pattern is valid")
    });
    CREDIT
        .captures_iter(text)
        .filter_map(|credit| credit.get(1))
        .filter(|name| name.as_str().split_whitespace().count() <= CREDIT_WORDS)
        .filter_map(|name| FoundName::spanning(text, name.range(), false))
        .collect()
}

/// The end (exclusive) of the name-shaped run of words starting at `at`, and whether it holds
/// a head word; `None` when no name starts there.
fn run_from(text: &str, words: &[Word<'_>], at: usize) -> Option<(usize, bool)> {
    let first = &words[at];
    // Most words are lowercase and start nothing: skip them before lowercasing anything.
    if !(capitalised(first.text)
        || first.text.starts_with("minist")
        || first.text.starts_with("secretar")
        || first.text.starts_with("mairie")
        || first.text.starts_with("alcald"))
    {
        return None;
    }
    // A name does not start after an elided article (`de l’Ouest et du Centre`, `l’Union
    // africaine`: the table's names and acronym pairs find those).
    if follows_elided_article(text, first.range.start)
        || words.get(at + 1).is_some_and(|next| elided_article(text, first, next))
    {
        return None;
    }
    let first_lower = lower(first.text);
    // French and Spanish write a ministry or a town hall in lowercase (`ministère de la Santé`,
    // `la mairie de Kikwit`).
    let lowercase_lead = matches!(
        first_lower.as_ref(),
        "ministère" | "ministere" | "ministerio" | "secretaría"
    ) || TOWN_HALLS.contains(&first_lower.as_ref());
    if !(capitalised(first.text) || lowercase_lead) {
        return None;
    }
    // An acronym is no article: `UN` opens a name where `un` opens a French phrase.
    let acronym = first.text.chars().count() >= 2 && first.text.chars().all(|c| !c.is_lowercase());
    // A capitalised Romance article before a word that is no head may open an English name
    // (`La Trobe University`, `Los Angeles Times`); [`keeps_romance_article`] decides.
    let romance_article = words
        .get(at + 1)
        .is_some_and(|next| romance_article_opens_name(first.text, next.text) && plain_gap(first, next, text));
    if (OPENERS.contains(first_lower.as_ref()) && !lowercase_lead && !acronym && !romance_article)
        || NAME_ENDERS.contains(&first_lower.trim_end_matches('.'))
        || PEOPLE.contains(&first_lower.as_ref())
    {
        return None;
    }
    // A post's or a person's office (`Minister's Office`, `Minister Emerson's Office`) and a
    // press contact's label (`Media Liaison`) are skipped whole: no name starts inside them.
    if let Some(skipped) = office_of_a_post(words, at)
        .or_else(|| persons_possessive(text, words, at))
        .or_else(|| contact_label(text, words, at))
    {
        return Some((skipped, false));
    }
    let mut end = at + 1;
    // `Red` heads a Spanish network (`Red de Mujeres`, `Red Nacional …`, `Red Andina …`: a
    // connector or an adjective in -al, or of five letters or more in -a, after it), not the
    // Red Cross or Red Crescent, nor an English colour (`the Red Sea`).
    let english_red = first_lower == "red"
        && !words.get(at + 1).is_some_and(|next| {
            let next = lower(next.text);
            matches!(next.as_ref(), "de" | "del" | "para" | "por" | "contra")
                || next.ends_with("al")
                || (next.ends_with('a') && next.chars().count() >= 5)
        });
    let mut has_head = HEADS.contains(first_lower.trim_end_matches('.')) && !english_red;
    let mut last_kept = at + 1;
    let led_by_head = has_head;
    while end < words.len() && end - at < MAX_WORDS {
        if words[end - 1].stops_after || !plain_gap(&words[end - 1], &words[end], text) {
            break;
        }
        let word = &words[end];
        // `… de l’ONU`, `… de l’OIM`: the parent body, named on its own.
        if elided_article(text, &words[end - 1], word) && word.text.chars().all(|c| !c.is_lowercase()) {
            break;
        }
        let word_lower = lower(word.text);
        // An honorific opens a person's name ("… Welfare Bureau Hon Jane Doe").
        if HONORIFICS.contains(&word_lower.trim_end_matches('.')) {
            break;
        }
        // A post's office (`Parliamentary Secretary's Office`) is no body; a name goes on over
        // no people (`Coalition MPs`) nor its press contact's label (`Department Media`).
        if let Some(skipped) = office_of_a_post(words, end) {
            return Some((skipped, false));
        }
        if (PEOPLE.contains(&word_lower.as_ref()) && !head_follows(text, words, end))
            || contact_label(text, words, end).is_some()
        {
            break;
        }
        if NAME_ENDERS.contains(&word_lower.trim_end_matches('.')) {
            // A head right before a post ("… Press Secretary", "Police Chief") is part of the
            // post's title, not a name: the run keeps what came before it. A leader's or a
            // vice-chair's body stays (`Communist Party Leader`, `Federal Reserve Board Vice
            // Chairman`).
            let leads_a_body = matches!(word_lower.as_ref(), "leader" | "vice");
            if last_kept == end && is_head(words[end - 1].text) && end - 1 > at && !leads_a_body {
                last_kept = end - 1;
                has_head = words[at..last_kept].iter().any(|word| is_head(word.text));
            }
            break;
        }
        // A lone capital letter (the pronoun in "… the Labor Party I think", an OCR'd fragment
        // such as "Red C ross") or the `No` of a number ("Paper No 12") ends a name.
        let lone_letter = word.text.chars().filter(|c| c.is_alphanumeric()).count() == 1
            && capitalised(word.text)
            && !words.get(end + 1).is_some_and(|next| elided_article(text, word, next));
        if lone_letter || word.text.trim_end_matches('.') == "No" {
            break;
        }
        // A French or Spanish article in capitals before a head, after a word that joins
        // nothing, starts the next name (`Honduras La Misión de Observación Electoral`,
        // `GUAVIARE La Unidad para las Víctimas`); after a connector it is the name's own
        // (`Universidad de La Sabana`), and before another word a place's (`First Los Angeles
        // Bank`, `La Trobe University`).
        if CAPITALISED_ROMANCE_ARTICLES.contains(&word.text)
            && !CONNECTORS.contains(lower(words[end - 1].text).as_ref())
            && words.get(end + 1).is_some_and(|next| is_head(next.text))
        {
            break;
        }
        if capitalised(word.text) {
            has_head |= HEADS.contains(word_lower.trim_end_matches('.'));
            end += 1;
            last_kept = end;
            // "the International Monetary Fund's Interim Committee": a head's possessive ends
            // its name; what the body owns is named after it.
            if end - at >= 2 && head_possessive(word.text) {
                has_head = true;
                break;
            }
        } else if matches!(word_lower.as_ref(), "and" | "y" | "et")
            && words.get(end + 1).is_some_and(|next| {
                is_article(next.text)
                    || words
                        .get(end + 2)
                        .is_some_and(|after| elided_article(text, next, after))
            })
            && !words
                .get(end + 2)
                .is_some_and(|after| capitalised(after.text) && !second_name_follows(text, words, end + 2))
        {
            // "… Society and the National Bank …": a second name begins (but "Secretaría
            // Nacional de la Vivienda y el Hábitat" goes on: no head follows).
            break;
        } else if is_article(&word_lower) && !CONNECTORS.contains(lower(words[end - 1].text).as_ref()) {
            // An article goes on a name only after a connector ("de los Refugiados", "y el
            // Hábitat"); "… de Cúcuta el Instituto …" is two names.
            break;
        } else if CONNECTORS.contains(word_lower.as_ref())
            || (led_by_head
                && institutional(&word_lower)
                && (end - 1 == at
                    || !capitalised(words[end - 1].text)
                    || (POST_ADJECTIVES.contains(&word_lower.as_ref()) && romance_connector(&words[at..end]))))
        {
            end += 1;
            if institutional(&word_lower) {
                last_kept = end;
            }
        } else {
            break;
        }
    }
    // Checked last, as it is the dearest test and only a run with a head needs it.
    if has_head && shouting(words, at) {
        return None;
    }
    Some((last_kept, has_head))
}

/// Verbs that follow a speaker's name.
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "stated",
    "announced",
    "explained",
    "warned",
];

/// Words that join a name's parts even when capitalised (`Commission Against Corruption`).
const PREPOSITIONS: &[&str] = &[
    "against", "for", "on", "in", "at", "to", "from", "with", "without", "and",
];

/// Whether a speech verb (after a comma at most) follows byte `end`.
fn speaker_follows(text: &str, end: usize) -> bool {
    let rest = text.get(end..).unwrap_or_default().trim_start_matches([',', ' ']);
    let verb = rest.split(|c: char| !c.is_alphabetic()).next().unwrap_or_default();
    SPEECH_VERBS.contains(&verb)
}

/// Whether punctuation, a paragraph break or the text's end follows the word at `at` (a line
/// break alone may wrap a name: `North Country Media` / `Group`).
fn ends_line_or_clause(text: &str, words: &[Word<'_>], at: usize) -> bool {
    let word = &words[at];
    word.stops_after || words.get(at + 1).is_none_or(|next| !plain_gap(word, next, text))
}

/// Whether a head follows the word at `at` in its run (`Leaders Group`).
fn head_follows(text: &str, words: &[Word<'_>], at: usize) -> bool {
    words
        .get(at + 1)
        .is_some_and(|next| plain_gap(&words[at], next, text) && is_head(next.text))
}

/// Where the press contact's label at `at` ends (`Media`, `Media Liaison`), if one stands
/// there ([`CONTACT_WORDS`]): after a capitalised word (`for the Media` is a name's own), and
/// before punctuation or a paragraph's end (`Media and Entertainment …` goes on).
fn contact_label(text: &str, words: &[Word<'_>], at: usize) -> Option<usize> {
    if !words[at].text.eq_ignore_ascii_case("media")
        || at.checked_sub(1).is_some_and(|before| !capitalised(words[before].text))
    {
        return None;
    }
    if ends_line_or_clause(text, words, at) {
        return Some(at + 1);
    }
    let next = at + 1;
    (CONTACT_WORDS.contains(&lower(words[next].text).as_ref()) && ends_line_or_clause(text, words, next))
        .then_some(next + 1)
}

/// Where a post's office ends (`Secretary's Office`, `Minister’s Office`: a post's
/// possessive at `at` before `Office`), if one stands there: a post's office is no body
/// (`Prime Minister's Department` is the department, and goes on; the `Prime Minister's
/// Office` is an institution).
fn office_of_a_post(words: &[Word<'_>], at: usize) -> Option<usize> {
    let post = without_possessive(words[at].text)?;
    let office = words.get(at + 1)?;
    // The Prime Minister's Office is an institution of its own, named so.
    let prime = at
        .checked_sub(1)
        .is_some_and(|before| words[before].text.eq_ignore_ascii_case("prime"));
    (NAME_ENDERS.contains(lower(post).as_ref()) && office.text.eq_ignore_ascii_case("office") && !prime)
        .then_some(at + 2)
}

/// Where a person's possessive after a post or an honorific ends (`Minister Emerson's
/// Office`, `Senator Brown’s Office`, `Mr Turnbull's Liberal Party`): the person
/// and their office are no body (the party after them is one, and starts a name of its own).
fn persons_possessive(text: &str, words: &[Word<'_>], at: usize) -> Option<usize> {
    let before = words.get(at.checked_sub(1)?)?;
    let owner = without_possessive(words[at].text)?;
    let before_lower = lower(before.text);
    let post = before_lower.trim_end_matches('.');
    if is_head(owner)
        || !plain_gap(before, &words[at], text)
        || !(NAME_ENDERS.contains(post) || HONORIFICS.contains(&post))
    {
        return None;
    }
    let office = words
        .get(at + 1)
        .is_some_and(|next| next.text.eq_ignore_ascii_case("office") && plain_gap(&words[at], next, text));
    Some(if office { at + 2 } else { at + 1 })
}

/// `word` without its possessive `'s` or `’s` (`Fund's` is `Fund`), when it has one.
fn without_possessive(word: &str) -> Option<&str> {
    ["'s", "’s"].iter().find_map(|ending| word.strip_suffix(ending))
}

/// Whether `word` is a head with a possessive (`Fund's`, `Ministry’s`).
fn head_possessive(word: &str) -> bool {
    without_possessive(word).is_some_and(is_head)
}

/// Whether the capitalised words from `at` (through connectors, on one line of prose) hold a
/// head word: after "and the", a second name.
fn second_name_follows(text: &str, words: &[Word<'_>], at: usize) -> bool {
    let mut index = at;
    while index < words.len() && index - at < MAX_WORDS {
        let word = &words[index];
        if is_head(word.text) {
            return true;
        }
        let goes_on = capitalised(word.text) || CONNECTORS.contains(lower(word.text).as_ref());
        let joined = words
            .get(index + 1)
            .is_some_and(|next| !word.stops_after && plain_gap(word, next, text));
        if !goes_on || !joined {
            return false;
        }
        index += 1;
    }
    false
}

/// `and` in English, French or Spanish.
fn is_conjunction(word: &str) -> bool {
    matches!(lower(word).as_ref(), "and" | "&" | "y" | "et")
}

/// A run such as "Kenya Red Cross Society and National Bank of Hungary" is two names: it is
/// cut at a conjunction when the words before it end with a head and those after it hold one.
fn split_at_conjunctions<'r, 'a>(run: &'r [Word<'a>]) -> Vec<&'r [Word<'a>]> {
    for (index, word) in run.iter().enumerate() {
        if !is_conjunction(word.text) || index == 0 || index + 1 >= run.len() {
            continue;
        }
        let (left, right) = (&run[..index], &run[index + 1..]);
        // "Securities and Exchange Commission" is one name; "Kenya Red Cross Society and
        // National Bank of Hungary", "Policía Nacional y OCHA", "Coopérative Réveil Kananga et
        // TDH-Unité de médiation" are two.
        let acronym = |word: &str| word.chars().count() >= 2 && word.chars().all(char::is_uppercase);
        // "(officials of the) IMF and World Bank": an acronym of up to six capitals alone
        // before the conjunction names a body of its own; a heading in capitals ("J.P. MORGAN
        // AND CO INC", no lower case after the conjunction) is one name.
        let short_acronym = |word: &str| acronym(word) && word.chars().count() <= 6;
        let lone_acronym = left
            .last()
            .is_some_and(|last| last.text.split('-').next().is_some_and(short_acronym))
            && (left.len() == 1 || CONNECTORS.contains(lower(left[left.len() - 2].text).as_ref()))
            && (right.len() == 1 || right.iter().any(|word| word.text.chars().any(char::is_lowercase)));
        let left_is_name = (left.len() >= 2 && left.iter().any(|word| is_head(word.text))) || lone_acronym;
        let right_is_name = (right.len() >= 2 && right.iter().any(|word| is_head(word.text)))
            || (right.len() == 1 && right[0].text.split('-').next().is_some_and(acronym));
        if left_is_name && right_is_name {
            let mut parts = vec![left];
            parts.extend(split_at_conjunctions(right));
            return parts;
        }
    }
    vec![run]
}

/// Words of a page's furniture (`Home Copyright & Disclaimer Privacy Department of …`, a
/// site's header run together with the body's name): a name starts after them.
const PAGE_FURNITURE: &[&str] = &[
    "home",
    "copyright",
    "disclaimer",
    "privacy",
    "sitemap",
    "accessibility",
    "contact",
    "search",
    "login",
    "menu",
    "&",
    "and",
];
/// Of [`PAGE_FURNITURE`], the words that show a run of them is furniture, not a name
/// (`Home Office`, `Privacy Commission` are bodies).
const FURNITURE_MARKS: &[&str] = &["copyright", "disclaimer", "sitemap"];

/// A run without the page furniture it opens with.
fn without_page_furniture<'r, 'a>(run: &'r [Word<'a>]) -> &'r [Word<'a>] {
    let furniture = run
        .iter()
        .take_while(|word| PAGE_FURNITURE.contains(&lower(word.text).as_ref()))
        .count();
    if run[..furniture]
        .iter()
        .any(|word| FURNITURE_MARKS.contains(&lower(word.text).as_ref()))
    {
        &run[furniture..]
    } else {
        run
    }
}

/// A page's navigation or a time word after a name (`ALP Back`, `Created by Administration
/// Last modified`), or the label of an Australian business number (`Australian Medical
/// Association Limited ABN 37 008 426 793`): never a name's last word.
const NAVIGATION_ENDS: &[&str] = &["back", "last", "next", "top", "abn"];

/// Last words of a partnership named by its partners (folded): `Morgan and Co`, `Muller &
/// Associates`, `Sons and Co`.
const PARTNERSHIP_ENDS: &[&str] = &["co", "company", "associates", "partners", "sons", "brothers"];

/// Legal forms of companies (folded): a name needs more than these (`Pty Ltd` alone is none).
const LEGAL_FORMS: &[&str] = &[
    "inc", "corp", "co", "ltd", "limited", "plc", "llc", "lp", "gmbh", "ag", "nv", "pty", "sa", "bhd",
];

/// French and Spanish articles as they open a name or a sentence, capitalised.
const CAPITALISED_ROMANCE_ARTICLES: &[&str] = &["La", "Le", "Les", "El", "Los", "Las"];

/// Whether a capitalised Romance article before `next` may open an English name: `next` is
/// capitalised and no head (`La Trobe`, `Los Angeles`; not `La Cruz Roja`).
fn romance_article_opens_name(article: &str, next: &str) -> bool {
    CAPITALISED_ROMANCE_ARTICLES.contains(&article) && capitalised(next) && !is_head(next)
}

/// Whether a run opening with a capitalised Romance article keeps it as the name's first
/// word: before a word that is no head, in a name without a Romance connector (`La Trobe
/// University`, `Los Angeles Times`), not before a head (`La Cruz Roja`) nor in a Romance
/// name (`La Defensoría del Pueblo`).
fn keeps_romance_article(run: &[Word<'_>]) -> bool {
    let (Some(article), Some(next)) = (run.first(), run.get(1)) else {
        return false;
    };
    romance_article_opens_name(article.text, next.text) && run.len() >= 3 && !romance_connector(&run[1..])
}

/// Sides of a parliament, each a body (or no body) of its own: `Labor Party and the Greens`,
/// `Coalition and Labor` are not one name.
const POLITICAL_SIDES: &[&str] = &[
    "coalition",
    "government",
    "opposition",
    "greens",
    "labor",
    "labour",
    "democrats",
    "liberals",
    "nationals",
];

/// Words of a party or an alliance of parties: a government named by them (`Coalition
/// Government`, `Liberal National Party Government`) is the government of the day, no body.
const PARTY_WORDS: &[&str] = &[
    "coalition",
    "labor",
    "labour",
    "liberal",
    "party",
    "conservative",
    "tory",
];

/// Where a run joins a side of a parliament to another name, the run cut to that name:
/// `Labor Party and the Greens` is the Labor Party; `Coalition and Labor` or `Coalition and
/// Tony Abbott`, with no head at either end of the other side, is `None`. A name that ends with a
/// subject, not a head, before the side keeps it (`School of Economics and Government`).
fn without_political_side<'r, 'a>(run: &'r [Word<'a>]) -> Option<&'r [Word<'a>]> {
    let side = |words: &[Word<'_>]| words.len() == 1 && POLITICAL_SIDES.contains(&lower(words[0].text).as_ref());
    for (index, word) in run.iter().enumerate() {
        if !is_conjunction(word.text) || index == 0 || index + 1 >= run.len() {
            continue;
        }
        let left = &run[..index];
        let mut right = &run[index + 1..];
        while right.len() > 1 && is_article(right[0].text) {
            right = &right[1..];
        }
        if side(left) {
            let headed = [right.first(), right.last()]
                .into_iter()
                .flatten()
                .any(|word| is_head(word.text));
            return (right.len() >= 2 && headed).then_some(right);
        }
        if side(right) && left.len() >= 2 && left.last().is_some_and(|word| is_head(word.text)) {
            return Some(left);
        }
    }
    Some(run)
}

/// Whether lowercase words name the government of the day by its party (`Coalition
/// Government`), a decoration (`Victoria Cross`: a cross is a body only as the Red Cross) or
/// a tax (`Goods and Services Tax`).
fn names_no_body_by_last_word(lowered: &[String]) -> bool {
    let Some((last, before)) = lowered.split_last() else {
        return false;
    };
    match last.as_str() {
        "government" | "governments" | "administration" | "administrations" => {
            before.iter().any(|word| PARTY_WORDS.contains(&word.as_str()))
        }
        "cross" => before.last().is_none_or(|word| word != "red"),
        // An alliance of parties named by them (`Liberal-National Coalition`, `National Party
        // Coalition`, `Coalition Parties`) is a side of a parliament, no body.
        "coalition" => {
            !before.is_empty()
                && before.iter().all(|word| {
                    PARTY_WORDS.contains(&word.as_str())
                        || matches!(word.as_str(), "national" | "nationals" | "liberal-national" | "parties")
                })
        }
        "parties" | "party" => before.len() == 1 && before[0] == "coalition",
        // A currency's unit (`European Currency Unit`) is money, no body.
        "unit" | "units" => before.last().is_some_and(|word| word == "currency"),
        "tax" | "taxes" => true,
        _ => false,
    }
}

/// The acronym of a name's words up to its head, by their capitals (`ALP` of `Australian
/// Labor Party`).
fn own_acronym(words: &[Word<'_>]) -> String {
    words
        .iter()
        .filter_map(|word| word.text.chars().next().filter(|c| c.is_uppercase()))
        .collect()
}

/// A town hall's head, which French and Spanish write in lowercase and name by the town alone
/// (`la mairie de Kikwit`, `la alcaldía de Cúcuta`).
const TOWN_HALLS: &[&str] = &["mairie", "alcaldía", "alcaldia"];

/// Words a sub-unit's name has at least to be split from its parent's.
const SUB_UNIT_WORDS: usize = 4;

/// Heads of the bodies others belong to: a name going on into one of them is two names.
const PARENT_HEADS: &[&str] = &[
    "ministry",
    "ministerio",
    "ministère",
    "department",
    "departamento",
    "département",
    "secretaría",
    "secretaria",
    "secrétariat",
    "municipalidad",
    "alcaldía",
    "alcaldia",
    "gobernación",
    "mairie",
    "préfecture",
    "prefectura",
];

/// A body named with the body it belongs to (`Coordinación Nacional de Protección Civil de la
/// Secretaría de Gobernación`, `Dirección General de Administración de Emergencias de la
/// SEN`): two names, split before the `de la`, `del` or `of the` that leads to the second, a
/// name opening with a ministry's, department's, secretariat's or town hall's head or an
/// acronym after an article, when the first is a name of four words or more, two of them
/// capitalised, with its own head (`Secretariat of the Pacific Community`, `Australian Institute of
/// International Affairs`, `Supreme Court of NSW` stay one).
fn split_at_parent<'r, 'a>(run: &'r [Word<'a>]) -> Vec<&'r [Word<'a>]> {
    for index in 2..run.len().saturating_sub(1) {
        if !matches!(lower(run[index].text).as_ref(), "de" | "del" | "of" | "du") {
            continue;
        }
        let mut next = index + 1;
        let article = run
            .get(next)
            .is_some_and(|word| matches!(lower(word.text).as_ref(), "la" | "the" | "el" | "las" | "los"));
        if article {
            next += 1;
        }
        let Some(opening) = run.get(next) else {
            continue;
        };
        // An acronym after an article is a body's (`de la OEA`, `of the UNHCR`); without one it
        // may be a place's (`Supreme Court of NSW`).
        let acronym =
            article && opening.text.chars().count() >= 3 && opening.text.chars().all(|c| c.is_ascii_uppercase());
        let parent = acronym || (capitalised(opening.text) && PARENT_HEADS.contains(&lower(opening.text).as_ref()));
        // A short sub-unit's name (`Executive Committee of the UNHCR`, `Regional Office of
        // the Department`) means little without its parent's: it stays whole.
        let left = &run[..index];
        let left_is_name = left.len() >= SUB_UNIT_WORDS
            && left.iter().any(|word| is_head(word.text))
            && left.iter().filter(|word| capitalised(word.text)).count() >= 2;
        if parent && left_is_name {
            let mut parts = vec![left];
            parts.extend(split_at_parent(&run[next..]));
            return parts;
        }
    }
    vec![run]
}

/// Most capitalised words a portfolio names before the run ("Minister for Justice, Customs
/// and Border Protection").
const PORTFOLIO_WORDS: usize = 8;

/// Whether the words right before `start` on its line are a minister's or a secretary's title
/// and the first words of the portfolio ("Minister for Justice, " before "Customs and Border
/// Protection Michael Keenan", "Minister for the " before "Public Service and Integrity"):
/// what follows is a portfolio, not a body.
fn after_portfolio_title(text: &str, start: usize) -> bool {
    // The words are read backwards from `start` to the line's start, a word at a time: a run
    // on a long line looks at a dozen words, not at the whole line before it.
    let is_separator = |c: char| c.is_whitespace() || c == ',';
    let mut rest = text.get(..start).unwrap_or_default();
    let mut words = std::iter::from_fn(move || {
        let trimmed = rest.trim_end_matches(|c: char| is_separator(c) && c != '\n');
        if trimmed.is_empty() || trimmed.ends_with('\n') {
            return None;
        }
        let word_start = trimmed
            .char_indices()
            .rev()
            .find(|(_, c)| is_separator(*c))
            .map_or(0, |(at, c)| at + c.len_utf8());
        rest = &trimmed[..word_start];
        Some(&trimmed[word_start..])
    });
    for _ in 0..=PORTFOLIO_WORDS {
        let Some(word) = words.next() else {
            return false;
        };
        let lowered = lower(word);
        if matches!(lowered.as_ref(), "for" | "of") {
            return words
                .next()
                .is_some_and(|title| matches!(lower(title).as_ref(), "minister" | "secretary"));
        }
        // "Minister for the Public Service": `the` after `for` (the Secretary of the
        // Department of Social Services heads a body).
        if lowered == "the" {
            return words.next().is_some_and(|word| lower(word) == "for")
                && words
                    .next()
                    .is_some_and(|title| matches!(lower(title).as_ref(), "minister" | "secretary"));
        }
        if !(capitalised(word) || matches!(lowered.as_ref(), "and" | "&")) {
            return false;
        }
    }
    false
}

/// The name a run of words makes, unless it is no body.
fn accept(text: &str, run: &[Word<'_>]) -> Option<FoundName> {
    // A leading article is not part of the name, nor a lowercase connector left by a cut at
    // a conjunction ("UN and for the Arab League").
    let mut run = run;
    while run
        .first()
        .is_some_and(|word| is_article(word.text) || (!capitalised(word.text) && CONNECTORS.contains(word.text)))
    {
        if keeps_romance_article(run) {
            break;
        }
        run = &run[1..];
    }
    run = without_page_furniture(run);
    if after_portfolio_title(text, run.first()?.range.start) {
        return None;
    }
    // "Shares of Mercantile Stores Co": a sentence's first word before `of` is no part of it.
    // Before a conjunction it is ("Standard and Poor's Corp", "Procter and Gamble Co").
    while run.len() > 2
        && opens_sentence(text, run[0].range.start)
        && !is_head(run[0].text)
        && !capitalised(run[1].text)
        && CONNECTORS.contains(lower(run[1].text).as_ref())
        && !is_conjunction(run[1].text)
    {
        run = &run[2..];
        while run.first().is_some_and(|word| !capitalised(word.text)) {
            run = &run[1..];
        }
    }
    // "USAID's Office of Food for Peace": an acronym's possessive names the body the one
    // after it belongs to; the name starts after it (the possessor is named on its own).
    // Other possessives are part of names (`Lord's Resistance Army`, `Standard and Poor's`).
    let acronym_possessive = |word: &Word<'_>| {
        without_possessive(word.text)
            .is_some_and(|owner| owner.chars().count() >= 2 && owner.chars().all(|c| c.is_ascii_uppercase()))
    };
    if let Some(possessor) = run[..run.len().saturating_sub(1)].iter().rposition(acronym_possessive) {
        run = &run[possessor + 1..];
        while run.first().is_some_and(|word| !capitalised(word.text)) {
            run = &run[1..];
        }
    }
    // "Ed Malmgreen of the California Independent Producers Association", "Secrétaire
    // Général du Ministère des Affaires étrangères": only the part after `of` (`de`, `du`)
    // names a body. A capitalised `Du` is part of a name (`Du Pont`).
    if let Some(of) = run
        .iter()
        .position(|word| matches!(lower(word.text).as_ref(), "of" | "de" | "del") || word.text == "du")
    {
        let (left, right) = (&run[..of], &run[of + 1..]);
        // `Afrique de l’Ouest et du Centre`: a place, no person before a body.
        let elided = right.get(1).is_some_and(|next| elided_article(text, &right[0], next));
        if !elided
            && !left.iter().any(|word| is_head(word.text))
            && right.iter().filter(|word| capitalised(word.text)).count() >= 2
            && right.iter().any(|word| is_head(word.text))
        {
            run = right;
            while run.first().is_some_and(|word| !capitalised(word.text)) {
                run = &run[1..];
            }
        }
    }
    // "Qatar Red Crescent Society Head of Delegation Abdelmounaim Mhindate", "Border Force
    // Commander", "University of Western Australia Professor Yasmeen": a person's title right
    // after a body's name (or after `and`) starts a person, not more of the name. Not after
    // `of` or `the` ("Office of the Inspector of Custodial Services"), nor before a head
    // ("Westpac Head Office").
    if let Some(title) = (2..run.len()).find(|&index| {
        PERSON_TITLES.contains(&run[index].text)
            && run[..index].iter().any(|word| is_head(word.text))
            && (is_conjunction(run[index - 1].text) || !CONNECTORS.contains(lower(run[index - 1].text).as_ref()))
            && !run.get(index + 1).is_some_and(|word| is_head(word.text))
    }) {
        run = &run[..title];
    }
    // A plain capitalised word: no head, generic or institutional word, no preposition.
    let plain = |word: &Word<'_>| {
        let mut letters = word.text.chars();
        letters.next().is_some_and(char::is_uppercase)
            && word.text.chars().count() >= 3
            && letters.all(char::is_lowercase)
            && !is_generic_word(&lower(word.text))
            && !institutional(&lower(word.text))
            && !PREPOSITIONS.contains(&lower(word.text).as_ref())
    };
    // "Defence Force Angus Houston", "Community Police Directorate Khalid Mhannah": in an
    // English name, whose head closes it after a capitalised word, two or three plain
    // capitalised words right after the head are a person (or a place) named next to the
    // body, not more of its name.
    if let Some(head_at) = run.iter().rposition(|word| is_head(word.text)) {
        let tail = &run[head_at + 1..];
        if head_at >= 1 && capitalised(run[head_at - 1].text) && (2..=3).contains(&tail.len()) && tail.iter().all(plain)
        {
            run = &run[..=head_at];
        }
    }
    // "Australian Labor Party National ALP": a few capitalised words after the head that
    // hold the name's own acronym are a heading run on after it, not more of the name.
    if let Some(head_at) = run.iter().rposition(|word| is_head(word.text)) {
        let tail = &run[head_at + 1..];
        let acronym = own_acronym(&run[..=head_at]);
        if head_at >= 2
            && (1..=3).contains(&tail.len())
            && tail.iter().all(|word| capitalised(word.text))
            && tail.iter().any(|word| word.text == acronym)
        {
            run = &run[..=head_at];
        }
    }
    // "Chief of the Defence Force Angus Houston said", "Minister for Justice and Customs
    // Sussan Ley said": before a speech verb, two plain capitalised words after a head are the
    // speaker's name whatever stands before the head ("the Independent Commission Against
    // Corruption said" keeps its words: `Against`).
    if run.len() >= 4 && speaker_follows(text, run.last()?.range.end) {
        let tail = &run[run.len() - 2..];
        let head = &run[run.len() - 3];
        if is_head(head.text)
            && tail.iter().all(plain)
            && run[..run.len() - 3].iter().any(|word| capitalised(word.text))
        {
            run = &run[..run.len() - 2];
        }
    }
    // "Tony Abbott and the Coalition": what stands before `and the` holds no head, so it is
    // no part of the body's name (`Standard and Poor's Corp`, without an article, is one).
    if let Some(conjunction) = (1..run.len().saturating_sub(2)).find(|&index| {
        is_conjunction(run[index].text)
            && is_article(run[index + 1].text)
            && !run[..index].iter().any(|word| is_head(word.text))
    }) {
        run = &run[conjunction + 2..];
    }
    run = without_political_side(run)?;
    // What follows an elided article (`Afrique de l’Ouest et du Centre` cut after its first
    // word) is no name's start.
    if follows_elided_article(text, run.first()?.range.start) {
        return None;
    }
    while run.last().is_some_and(|word| {
        CONNECTORS.contains(lower(word.text).as_ref()) || NAVIGATION_ENDS.contains(&lower(word.text).as_ref())
    }) {
        run = &run[..run.len() - 1];
    }
    if run.len() < 2 {
        return None;
    }
    // Two single words joined by a conjunction (`Customs and Navy`, `Caritas and UNICEF`,
    // `Health and Welfare`) are two bodies, each named on its own, or none; a partnership
    // of names is one (`Morgan and Co`, `Saulwick & Associates`).
    if run.len() == 3 && is_conjunction(run[1].text) && !PARTNERSHIP_ENDS.contains(&folded_end(run[2].text).as_str()) {
        return None;
    }
    // The same acronym twice ("MRC Greek Welfare MRC Salisbury …"): a list of bodies laid
    // out in columns, run together, not one name.
    let acronyms: Vec<&str> = run
        .iter()
        .map(|word| word.text)
        .filter(|word| word.chars().count() >= 2 && word.chars().all(|c| c.is_uppercase()))
        .collect();
    if acronyms
        .iter()
        .enumerate()
        .any(|(index, acronym)| acronyms[index + 1..].contains(acronym))
    {
        return None;
    }
    let mut lowered: Vec<String> = run
        .iter()
        .map(|word| lower(word.text).trim_end_matches('.').to_string())
        .collect();
    // The last word is read without its possessive ("… Safety Authority's"): the name is.
    if let Some(last) = lowered.last_mut() {
        if let Some(owner) = without_possessive(last).filter(|owner| owner.chars().count() >= 2) {
            *last = owner.to_string();
        }
    }
    if lowered.iter().any(|word| NOT_BODIES.contains(&word.as_str())) {
        return None;
    }
    if names_a_facility(&lowered)
        || names_no_body_by_last_word(&lowered)
        || lowered.iter().all(|word| LEGAL_FORMS.contains(&word.as_str()))
    {
        return None;
    }
    // "UN Security Council Resolution" (1325) is a document, "Centenary of Federation" an
    // occasion; a "Council for … Status Resolution" and a "Centenary Institute" are bodies.
    let has_connector = lowered.iter().any(|word| CONNECTORS.contains(word.as_str()));
    let document = lowered.last().is_some_and(|word| word == "resolution") && !has_connector;
    let occasion = matches!(lowered[0].as_str(), "centenary" | "bicentenary" | "anniversary")
        && lowered.get(1).is_some_and(|word| word == "of");
    if document || occasion {
        return None;
    }
    let heads = lowered.iter().filter(|word| HEADS.contains(&word.as_str())).count();
    let capitalised_words = run.iter().filter(|word| capitalised(word.text)).count();
    // French and Spanish names lead with the head and go on in lowercase.
    let institutional = HEADS.contains(&lowered[0].as_str()) && lowered[1..].iter().any(|word| institutional(word));
    // A head alone ("the Department", "Council") names no particular body.
    // A town hall is named by its town alone (`la mairie de Kikwit`).
    let town_hall = TOWN_HALLS.contains(&lowered[0].as_str()) && capitalised_words >= 1;
    if heads == 0 || (capitalised_words < 2 && !institutional && !town_hall && !lowered[0].starts_with("minist")) {
        return None;
    }
    let needs_country = lowered.iter().any(|word| GOVERNMENT_HEADS.contains(&word.as_str()));
    // A head with nothing but generic words ("Dirección General", "Centro Comunitario")
    // names no particular body, but a government's ("Policía Nacional") does, with its country.
    // Several heads make a name of their own ("Securities and Exchange Commission").
    if !needs_country && heads < 2 && lowered.iter().all(|word| is_generic_word(word)) {
        return None;
    }
    // Capitals throughout ("MEET THE PRESS"): a heading or a show, not a name.
    let letters: Vec<&Word<'_>> = run
        .iter()
        .filter(|word| word.text.chars().any(char::is_alphabetic))
        .collect();
    if letters.len() >= 2
        && letters.iter().all(|word| !word.text.chars().any(char::is_lowercase))
        && letters.iter().any(|word| word.text.chars().count() >= 4)
    {
        return None;
    }
    let last = run.last()?;
    // A footnote's number glued to the last word ("Misión Humanitaria5") is no part of it.
    let digits = last.text.chars().rev().take_while(char::is_ascii_digit).count();
    let footnote = digits > 0
        && last.text[..last.text.len() - digits]
            .chars()
            .next_back()
            .is_some_and(char::is_lowercase);
    // "the Coalition Government's policy", "the Council of Ministers' decision": the body is
    // named without the possessive.
    let possessive = without_possessive(last.text)
        .filter(|owner| owner.len() > 1)
        .map_or(0, |owner| last.text.len() - owner.len());
    // The word's letters end before the apostrophe of a plural's possessive.
    let letters_end = last.range.start + last.text.len();
    let end = if footnote {
        letters_end - digits
    } else {
        letters_end - possessive
    };
    let range = run.first()?.range.start..end;
    FoundName::spanning(text, range, needs_country)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3_000))]

        /// Any text: names come out in order, inside the text, never empty.
        #[test]
        fn any_text_gives_names_inside_it(text in "(?s)[A-Za-zÉé'’&.,;:()\\- \n0-9]{0,200}|[ -~\u{80}-\u{2FF}]{0,120}") {
            let found = find(&text);
            for name in &found {
                prop_assert!(name.range.end <= text.len() && !name.name.is_empty());
                prop_assert!(text.get(name.range.clone()).is_some());
            }
        }
    }

    fn names(text: &str) -> Vec<String> {
        find(text).into_iter().map(|found| found.name).collect()
    }

    #[test]
    fn companies_corporations_faculties_schools_and_a_regional_intendancy_are_bodies() {
        assert_eq!(
            names("Según la Corporación Nacional Forestal, el fuego avanza."),
            ["Corporación Nacional Forestal"]
        );
        assert_eq!(
            names("apoyo de la Empresa de Energía de Honduras y del Colegio Mayor de Antioquia."),
            ["Empresa de Energía de Honduras", "Colegio Mayor de Antioquia"]
        );
        assert_eq!(
            names("a study by the Faculty of Medicine at the University of Sydney"),
            ["Faculty of Medicine", "University of Sydney"]
        );
        let intendancy = find("La Intendencia de Valparaíso coordinó la respuesta.");
        assert_eq!(intendancy.len(), 1);
        assert_eq!(intendancy[0].name, "Intendencia de Valparaíso");
        assert!(
            intendancy[0].needs_country,
            "a regional government's office carries its country"
        );
    }

    #[test]
    fn cooperatives_and_plural_coordinators_are_bodies_and_an_acronym_after_a_conjunction_names_another() {
        assert_eq!(
            names("Ces évaluations ont été réalisées par la Coopérative Réveil Kananga et TDH-Unité de médiation."),
            ["Coopérative Réveil Kananga"]
        );
        assert_eq!(
            names("las autoridades de las Coordinadoras Municipales para la Reducción de Desastres –COMRED- de Santa Catarina"),
            ["Coordinadoras Municipales para la Reducción de Desastres"]
        );
        assert_eq!(
            names("Moody's Investors Service Inc and CCC-plus ratings."),
            ["Moody's Investors Service Inc"]
        );
    }

    #[test]
    fn a_french_elided_article_joins_a_name_but_starts_none() {
        assert_eq!(
            names("financé par la Direction Nationale de l’Eau Potable et de l’Assainissement."),
            ["Direction Nationale de l’Eau Potable et de l’Assainissement"]
        );
        assert_eq!(
            names("le rapport de la Fédération Internationale des Ligues des Droits de L'Homme publié"),
            ["Fédération Internationale des Ligues des Droits de L'Homme"]
        );
        // No name starts after one; a parent's acronym after one is named on its own.
        assert!(names("Afrique de l’Ouest et du Centre: Aperçu humanitaire").is_empty());
        assert!(names("L’Union Africaine et l’Union européenne").is_empty());
        assert_eq!(
            names("selon le Haut Conseil pour la Paix de l’ONU au Mali"),
            ["Haut Conseil pour la Paix"]
        );
    }

    #[test]
    fn a_head_s_possessive_ends_its_name() {
        assert_eq!(
            names("The International Monetary Fund's Interim Committee met on Monday."),
            ["International Monetary Fund", "Interim Committee"]
        );
        assert_eq!(
            names("the Australian Maritime Safety Authority’s Rescue Coordination Centre"),
            ["Australian Maritime Safety Authority", "Rescue Coordination Centre"]
        );
        // A possessive that is no head's stays in the name.
        assert_eq!(names("the Lord's Resistance Army attacked"), ["Lord's Resistance Army"]);
    }

    #[test]
    fn an_acronym_before_and_names_a_body_of_its_own() {
        assert_eq!(names("Officials of the IMF and World Bank attended."), ["World Bank"]);
        assert!(names("funds from OXFAM and CARE arrived").is_empty());
        assert_eq!(names("the UN and for the Arab League"), ["Arab League"]);
        // A heading in capitals is no acronym and a body.
        assert!(names("J.P. MORGAN AND CO INC SETS QUARTERLY").is_empty());
    }

    #[test]
    fn a_person_or_party_before_and_the_is_no_part_of_a_body() {
        assert!(names("the policies of Tony Abbott and the Coalition's candidates").is_empty());
        assert_eq!(
            names("a rating from Standard and Poor's Corp today"),
            ["Standard and Poor's Corp"]
        );
        assert!(names("Our Party's members voted").is_empty());
    }

    #[test]
    fn red_heads_no_network_in_the_red_cross() {
        assert_eq!(
            names("The Red Cross National Societies and civil society groups responded."),
            ["Red Cross National Societies"]
        );
        assert_eq!(
            names("según la Red Nacional de Mujeres Rurales"),
            ["Red Nacional de Mujeres Rurales"]
        );
    }

    #[test]
    fn a_speaker_named_after_a_body_is_not_part_of_it() {
        assert_eq!(
            names("Chief of the Defence Force Angus Houston said the Navy would help."),
            ["Defence Force"]
        );
        // Two or three plain words after an English name's closing head are a person or a
        // place, speech verb or not.
        assert_eq!(
            names("Chief of the Defence Force Angus Houston visited Darwin."),
            ["Defence Force"]
        );
        assert_eq!(
            names("met the Community Police Directorate Khalid Mhannah on Monday"),
            ["Community Police Directorate"]
        );
        // With a preposition, or one plain word, the words stay.
        assert_eq!(
            names("the Independent Commission Against Corruption said on Monday"),
            ["Independent Commission Against Corruption"]
        );
        assert_eq!(
            names("the Asian Development Bank Manila office"),
            ["Asian Development Bank Manila"]
        );
    }

    #[test]
    fn a_person_s_title_after_a_body_s_name_is_not_part_of_it() {
        assert_eq!(
            names("said Qatar Red Crescent Society Head of Delegation Abdelmounaim Mhindate."),
            ["Qatar Red Crescent Society"]
        );
        assert_eq!(
            names("according to University of Western Australia Professor Yasmeen Hassan"),
            ["University of Western Australia"]
        );
        assert_eq!(
            names("the Border Protection Force and Commander McTavish"),
            ["Border Protection Force"]
        );
        // After `the`, the title is part of the name.
        assert_eq!(
            names("a report by the Office of the Inspector of Custodial Services"),
            ["Office of the Inspector of Custodial Services"]
        );
    }

    #[test]
    fn a_town_hall_written_in_lowercase_is_named_by_its_town() {
        assert_eq!(
            names("Suite aux mesures prises par la mairie de Kikwit pour les déplacés."),
            ["mairie de Kikwit"]
        );
        assert_eq!(
            names("La alcaldía de Cúcuta abrió un albergue."),
            ["alcaldía de Cúcuta"]
        );
        assert!(names("La mairie a ouvert un centre.").is_empty());
    }

    #[test]
    fn a_body_named_with_its_parent_is_two_names_unless_short_or_a_place_follows() {
        assert_eq!(
            names("La Coordinación Nacional de Protección Civil de la Secretaría de Gobernación informó."),
            ["Coordinación Nacional de Protección Civil", "Secretaría de Gobernación"]
        );
        assert_eq!(
            names("Personal de la Dirección General de Administración de Emergencias de la SEN llegó."),
            ["Dirección General de Administración de Emergencias"]
        );
        for whole in [
            "Australian Institute of International Affairs",
            "Supreme Court of NSW",
            "Executive Committee of the UNHCR",
            "National Association of Securities Dealers",
        ] {
            assert_eq!(names(&format!("The {whole} met.")), [whole]);
        }
    }

    #[test]
    fn bodies_are_found_by_their_heads_in_three_languages() {
        assert_eq!(
            names("The Ministry of Interior said the Kenya Red Cross Society and the National Bank of Hungary agreed."),
            [
                "Ministry of Interior",
                "Kenya Red Cross Society",
                "National Bank of Hungary"
            ]
        );
        assert_eq!(
            names("Selon le ministère de la Santé, la Commission nationale des droits de l'homme a enquêté."),
            ["ministère de la Santé", "Commission nationale des droits de l'homme"]
        );
        assert_eq!(
            names("El Instituto Colombiano de Bienestar Familiar y la Defensoría del Pueblo visitaron Suárez."),
            ["Instituto Colombiano de Bienestar Familiar", "Defensoría del Pueblo"]
        );
        assert_eq!(
            names("Shares of Mercantile Stores Co Inc rose; Miller Tabak Hirsch and Co said."),
            ["Mercantile Stores Co Inc", "Miller Tabak Hirsch and Co"]
        );
    }

    #[test]
    fn a_lone_capital_or_a_number_ends_a_name() {
        assert_eq!(
            names("It is not what the Labor Party I know stands for, said the Health Commission of N.S.W."),
            ["Labor Party", "Health Commission"]
        );
        assert_eq!(
            names("It is in the National Europe Centre Paper No 12."),
            ["National Europe Centre Paper"]
        );
        // A lowercase connector of one letter goes on ("y", "e").
        assert_eq!(
            names("El Ministerio de Salud y Protección Social informó."),
            ["Ministerio de Salud y Protección Social"]
        );
    }

    #[test]
    fn names_go_on_through_articles_apostrophes_and_elisions_but_not_into_the_next_name() {
        // "y el" with no head after it: one name.
        assert_eq!(
            names("La Secretaría Nacional de la Vivienda y el Hábitat entregó casas."),
            ["Secretaría Nacional de la Vivienda y el Hábitat"]
        );
        // "and the" before a head: two names.
        assert_eq!(
            names("The Ministry of Health and the National Bank of Kenya met."),
            ["Ministry of Health", "National Bank of Kenya"]
        );
        // "et la" before lowercase words: the name ends.
        assert_eq!(
            names("Entre la Commission nationale des réfugiés et la population, rien."),
            ["Commission nationale des réfugiés"]
        );
        // An article right after a name is no connector: two names.
        assert_eq!(
            names("La Secretaría de Gestión del Riesgo de Cúcuta el Instituto Colombiano de Bienestar Familiar"),
            [
                "Secretaría de Gestión del Riesgo de Cúcuta",
                "Instituto Colombiano de Bienestar Familiar"
            ]
        );
        // A typographic apostrophe and an elided article keep a French name going.
        assert_eq!(
            names("La Commission nationale des droits de l’homme et la Direction nationale de l’hydraulique."),
            [
                "Commission nationale des droits de l’homme",
                "Direction nationale de l’hydraulique"
            ]
        );
        assert_eq!(names("He was taken to Wollongong Hospital."), ["Wollongong Hospital"]);
    }

    #[test]
    fn a_lowercase_word_goes_on_a_name_after_its_head_or_lowercase_words_only() {
        assert_eq!(
            names("Declara la Secretaría de Gobernación emergencia para 31 municipios."),
            ["Secretaría de Gobernación"]
        );
        assert_eq!(
            names("Les Forces armées et la Direction nationale de l'hydraulique."),
            ["Forces armées", "Direction nationale de l'hydraulique"]
        );
    }

    #[test]
    fn a_capitalised_article_before_a_head_starts_the_next_name_unless_joined_or_a_place() {
        assert_eq!(
            names("GUAVIARE La Unidad para las Víctimas entregó las indemnizaciones."),
            ["Unidad para las Víctimas"]
        );
        assert_eq!(
            names("Se reunió con la Universidad de La Sabana y el First Los Angeles Bank."),
            ["Universidad de La Sabana", "First Los Angeles Bank"]
        );
    }

    #[test]
    fn a_source_credited_on_its_own_line_is_named_whatever_its_shape() {
        assert_eq!(
            names("Las lluvias dejaron 12 muertos.\n\nLeer más en La Tercera\n"),
            ["La Tercera"]
        );
        assert_eq!(
            names(
                "Floods hit the north.\nRead more on the Thomson Reuters Foundation.\nRead the full article on IRIN."
            ),
            ["Thomson Reuters Foundation", "IRIN"]
        );
        // Inside a sentence, or a long line, it is no credit.
        assert!(names("You can read more on floods in the north in our report.").is_empty());
    }

    #[test]
    fn french_adjectives_after_a_capitalised_noun_a_corps_and_a_post_before_du_are_read_as_written() {
        assert_eq!(
            names("En coordination avec le ministère des Affaires étrangères, à travers la Direction des affaires consulaires et sociales et avec les parties."),
            ["ministère des Affaires étrangères", "Direction des affaires consulaires et sociales"]
        );
        assert_eq!(
            names("Selon Ali Hassan, Secrétaire Général du Ministère de l'Intérieur."),
            ["Ministère de l'Intérieur"]
        );
        assert_eq!(
            names("Según informó el Cuerpo de Bomberos de Quito."),
            ["Cuerpo de Bomberos de Quito"]
        );
        // An English name ends before a lowercase adjective, and a capitalised `Du` is a name's.
        assert_eq!(
            names("The Ministry of Health national plan was read. Shares of Du Pont Co rose."),
            ["Ministry of Health", "Du Pont Co"]
        );
    }

    #[test]
    fn a_head_that_opens_a_post_is_no_name() {
        assert!(names("Contact: Marie Dupont\nPress Secretary to the Minister").is_empty());
        assert_eq!(
            names("The Ministry of Health Press Officer said."),
            ["Ministry of Health"]
        );
    }

    #[test]
    fn several_heads_make_a_name_without_other_words() {
        assert_eq!(
            names("The Securities and Exchange Commission and the Department of the Navy agreed."),
            ["Securities and Exchange Commission", "Department of the Navy"]
        );
    }

    #[test]
    fn units_teams_collectives_and_exchanges_are_bodies_but_legislatures_are_not() {
        assert_eq!(
            names(
                "The Humanitarian Country Team met the Refugee Action Collective and the Chicago Mercantile Exchange."
            ),
            [
                "Humanitarian Country Team",
                "Refugee Action Collective",
                "Chicago Mercantile Exchange"
            ]
        );
        assert_eq!(
            names("La Unidad de Alerta Temprana y la Coordinación Nacional de Protección Civil actuaron."),
            ["Unidad de Alerta Temprana", "Coordinación Nacional de Protección Civil"]
        );
        // The guide labels no legislature as a whole, only its named committees.
        assert_eq!(
            names("The Australian Parliament asked the Senate Standing Committee on Legal Affairs."),
            ["Senate Standing Committee on Legal Affairs"]
        );
    }

    #[test]
    fn title_case_headlines_are_told_from_sentence_case_ones() {
        assert!(title_cased(
            "Costa Rica Dismantles Trafficking Network That Exploited Women"
        ));
        assert!(title_cased(
            "Ethiopia Opens Pre-Departure Training Centre for Women Domestic Workers"
        ));
        assert!(!title_cased(
            "Le ministère de la Santé ouvre trois cliniques mobiles à Sfax"
        ));
        assert!(!title_cased("Kenya Red Cross Society helps flood victims in the north"));
    }

    #[test]
    fn columns_of_bodies_footnote_numbers_and_honorifics_are_no_part_of_a_name() {
        assert!(names("MRC Greek Orthodox Community MRC Greek Welfare Centre MRC Salisbury").is_empty());
        assert_eq!(
            names("Según la Misión Humanitaria5 de la región, la ayuda llegó."),
            vec!["Misión Humanitaria"]
        );
        assert_eq!(
            names("Thanks to the Catholic Family Welfare Bureau Hon Jane Doe said."),
            vec!["Catholic Family Welfare Bureau"]
        );
    }

    #[test]
    fn programmes_laws_events_places_and_lone_heads_are_not_bodies() {
        assert!(names("The Humanitarian Programme, the Migration Act and the Bali Conference opened.").is_empty());
        assert!(names("A 3.2 billion European Currency Unit plan and the Labour Conventions.").is_empty());
        assert!(names("They were moved to Christmas Island Detention Centre by the Department.").is_empty());
        // A processing or transit centre is a place too; a company named for processing is not.
        assert!(names("Conditions at the Manus Regional Processing Centre were criticised.").is_empty());
        assert!(headed_by_no_body("Regional Processing Centre"));
        assert_eq!(
            names("Underwriters include Automatic Data Processing Inc."),
            ["Automatic Data Processing Inc"]
        );
        assert!(names("MINISTER FOR IMMIGRATION AND ETHNIC AFFAIRS ANNOUNCES NEW DEPARTMENT POLICY").is_empty());
        assert!(names("John Smith said.").is_empty());
    }

    #[test]
    fn page_furniture_parliament_sides_party_governments_decorations_and_taxes_are_no_bodies() {
        // A site's header run together with the body's name, and a heading run on after it.
        assert_eq!(
            names("Home Copyright & Disclaimer Privacy Department of Immigration and Citizenship\n"),
            ["Department of Immigration and Citizenship"]
        );
        assert_eq!(
            names("Australian Labor Party National ALP Back\n"),
            ["Australian Labor Party"]
        );
        assert!(names("Contact: Max. Created by Administration Last modified 18-01-2006.").is_empty());
        // Two sides of a parliament are not one body, nor is the government of the day.
        assert_eq!(
            names("The Labor Party and the Greens voted against it."),
            ["Labor Party"]
        );
        assert!(names("Both the Coalition and Labor voted for it.").is_empty());
        assert!(names("A Coalition Government would act.").is_empty());
        assert!(names("The Liberal National Party Government would act.").is_empty());
        assert_eq!(
            names("She studied at the Crawford School of Economics and Government."),
            ["Crawford School of Economics and Government"]
        );
        // A decoration and a tax; the Red Cross stays.
        assert!(names("He was awarded the Victoria Cross. The Goods and Services Tax rose.").is_empty());
        assert_eq!(names("The Australian Red Cross helped."), ["Australian Red Cross"]);
    }

    #[test]
    fn an_english_name_keeps_its_romance_article_and_a_portfolio_or_legal_forms_are_no_body() {
        assert_eq!(
            names("A study by La Trobe University found it. The Los Angeles Times reported."),
            ["La Trobe University", "Los Angeles Times"]
        );
        // A Romance name drops its article; before a head it is no part of the name.
        assert_eq!(
            names("La Defensoría del Pueblo y La Cruz Roja Colombiana llegaron."),
            ["Defensoría del Pueblo", "Cruz Roja Colombiana"]
        );
        assert!(names("Gary Gray MP, Minister for the Public Service and Integrity\n").is_empty());
        assert_eq!(
            names("the Secretary of the Department of Social Services said"),
            ["Department of Social Services"]
        );
        assert!(names("contracts to Trans West (WA).’ Pty Ltd and others").is_empty());
        assert_eq!(
            names("Australian Medical Association Limited ABN 37 008 426 793"),
            ["Australian Medical Association Limited"]
        );
        assert!(names("Previous Coalition Governments laid the basis.").is_empty());
    }

    #[test]
    fn a_leader_ends_a_body_s_name_and_an_english_red_heads_no_network() {
        assert_eq!(
            names("Communist Party Leader Jane Doe said so. The Party Leader agreed."),
            ["Communist Party"]
        );
        assert!(names("Ships crossed the Red Sea to Red Hill.").is_empty());
        assert_eq!(
            names("Apoyan la Red de Mujeres Rurales y la Red Andina de Protección."),
            ["Red de Mujeres Rurales", "Red Andina de Protección"]
        );
    }

    #[test]
    fn people_offices_of_posts_and_press_contacts_end_or_make_no_names() {
        // People after a body: the body stays; a side of a parliament alone is none.
        assert_eq!(
            names("Labor Party MPs and Coalition Senators met Department of Immigration Officials today."),
            ["Labor Party", "Department of Immigration"]
        );
        assert_eq!(
            names("The Manufacturing Leaders Group met."),
            ["Manufacturing Leaders Group"]
        );
        // A post's office and a person's office after their post are no bodies; the body a
        // post's possessive names stays (`Prime Minister's Department`).
        assert!(names(
            "Media inquiries: Parliamentary Secretary's Office: (02) 6277 4330. Minister Emerson's Office: (02) 6277 7420."
        )
        .is_empty());
        assert_eq!(
            names("He joined the Prime Minister's Department. Mr Turnbull's Liberal Party won. The Prime Minister's Office declined."),
            ["Prime Minister's Department", "Liberal Party", "Prime Minister's Office"]
        );
        // A press contact's label is no part of the body's name.
        assert_eq!(
            names("Customs and Border Protection Media: (02) 6275 6793. DFAT Media Liaison: (02) 6261 1555. The Australian Media Council met."),
            ["Customs and Border Protection", "Australian Media Council"]
        );
    }

    #[test]
    fn an_aircraft_an_author_label_and_a_payment_end_or_make_no_names() {
        assert_eq!(
            names("A Customs Coastwatch Dash 8 sighted the boat. Category: Senate Office Author: Ben"),
            ["Customs Coastwatch"]
        );
        assert!(names("Families will get the School Kids Bonus and the Child Care Rebate.").is_empty());
        assert!(names("The Liberal-National Coalition and the Coalition Parties voted no.").is_empty());
        assert_eq!(names("The Refugee Coalition spoke."), ["Refugee Coalition"]);
    }

    #[test]
    fn a_company_named_with_a_comma_after_its_first_partner_is_one_name() {
        assert_eq!(
            names("The offering is managed by Goldman, Sachs and Co. The bid came from Kidder, Peabody and Co Inc."),
            ["Goldman Sachs and Co", "Kidder Peabody and Co Inc"]
        );
        // A list (two capitalised words before the comma), and a department's portfolios (no
        // company's legal form), keep their names as they were.
        assert_eq!(
            names("Merrill Lynch, Sachs and Co and the Department of Health, Housing and Community Services."),
            ["Sachs and Co", "Department of Health", "Housing and Community Services"]
        );
    }

    #[test]
    fn two_single_words_joined_are_no_one_body_but_a_partnership_is() {
        assert!(names("The Customs and Navy boarded the boat. Health and Welfare staff helped.").is_empty());
        assert_eq!(
            names("The shares went to E.F. Hutton and Co. on Monday."),
            ["Hutton and Co"]
        );
        assert_eq!(names("Its board at HBO and Co's meeting agreed."), ["HBO and Co"]);
    }

    #[test]
    fn government_bodies_without_a_country_are_marked() {
        let found = find("The Department of Immigration and the Australian Federal Police met.");
        assert_eq!(found.len(), 2);
        assert!(found[0].needs_country);
        assert_eq!(found[1].name, "Australian Federal Police");
    }
}
