//! Countries and territories with their UN M49 place, region names, and cities for datelines.

use std::collections::HashMap;

use crate::error::EnrichError;
use crate::tables;
use crate::tsv::{self, list};

/// A country or territory, placed in the M49 tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Country {
    pub iso3: String,
    pub iso2: String,
    pub m49: String,
    pub name: String,
    pub region: String,
    pub subregion: String,
    pub intermediate: String,
    /// Every EN/FR/ES name from the gazetteer.
    pub names: Vec<String>,
}

impl Country {
    /// The M49 levels above the country, top first, empty levels left out.
    pub fn ancestors(&self) -> Vec<&str> {
        [
            self.region.as_str(),
            self.subregion.as_str(),
            self.intermediate.as_str(),
        ]
        .into_iter()
        .filter(|level| !level.is_empty())
        .collect()
    }

    /// `/Americas/Latin America and the Caribbean/Central America/Costa Rica`.
    pub fn facet_path(&self) -> String {
        path_of(self.ancestors().into_iter().chain([self.name.as_str()]))
    }
}

/// A facet path of tree levels, top first, each escaping its own slashes (`HIV\/Aids`).
fn path_of<'a>(levels: impl IntoIterator<Item = &'a str>) -> String {
    let mut path = String::new();
    for level in levels {
        path.push('/');
        path.push_str(&level.replace('/', "\\/"));
    }
    path
}

/// The deepest M49 region that holds every one of `countries` (`/Africa/Sub-Saharan Africa`
/// for Niger, Senegal and Chad), as a facet path; `None` when they share no region.
pub fn common_region_path(countries: &[&Country]) -> Option<String> {
    let (first, rest) = countries.split_first()?;
    let mut shared = first.ancestors();
    for country in rest {
        let ancestors = country.ancestors();
        let common = shared.iter().zip(&ancestors).take_while(|(a, b)| a == b).count();
        shared.truncate(common);
    }
    (!shared.is_empty()).then(|| path_of(shared))
}

/// How a name refers to a country.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AliasKind {
    Name,
    Variant,
    Demonym,
    Historical,
    Capital,
    /// A state or province (`British Columbia`, `Texas`).
    Subdivision,
    /// A city whose name holds another country's name or demonym (`Villa Alemana`, `Benin
    /// City`, `San Pedro de la Paz`): matched so that its words are not read as that country,
    /// and no mention of a country itself.
    City,
}

/// A name of a country or region, as the matcher looks for it.
#[derive(Debug, Clone)]
pub struct Alias {
    pub text: String,
    pub case_sensitive: bool,
    pub kind: AliasKind,
}

#[derive(Debug, Clone)]
pub struct City {
    pub iso3: String,
    pub population: u64,
}

pub struct Gazetteer {
    countries: Vec<Country>,
    by_iso3: HashMap<String, usize>,
    /// Country index → aliases (names from the gazetteer and the alias table).
    country_aliases: Vec<Vec<Alias>>,
    /// M49 node paths (`Americas/Latin America and the Caribbean`), region-level aliases.
    regions: Vec<(String, Vec<String>)>,
    /// Folded region or country name → facet path of that node.
    node_by_name: HashMap<String, String>,
    /// Folded city name → cities of that name, most populous first.
    cities: HashMap<String, Vec<City>>,
    /// Folded country name or alias (capitals excepted) → country index.
    country_by_folded_name: HashMap<String, usize>,
    /// Folded state or province name or abbreviation → its country's index.
    subdivisions: HashMap<String, usize>,
}

/// Lowercase, accents folded: the key for looking names up.
pub fn fold(text: &str) -> String {
    fold_letters(text).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Lowercase ASCII, accents folded, white space left as it is (what [`fold`] reads, for
/// callers that read only the words).
pub fn fold_letters(text: &str) -> String {
    // deunicode writes ASCII only: lowercasing it in place needs no Unicode tables.
    let mut folded = if text.is_ascii() {
        text.to_string()
    } else {
        deunicode::deunicode(text)
    };
    folded.make_ascii_lowercase();
    folded
}

impl Gazetteer {
    pub fn load() -> Result<Self, EnrichError> {
        let (countries, by_iso3) = load_countries()?;
        let mut country_aliases = load_country_aliases(&countries, &by_iso3)?;
        let country_by_folded_name = countries_by_folded_name(&country_aliases);
        let mut node_by_name = m49_nodes_by_name(&countries);
        let regions = load_regions(&mut node_by_name)?;
        let (cities, city_traps) = load_cities(&countries, &country_by_folded_name)?;
        for (name, index, kind) in city_traps {
            country_aliases[index].push(Alias {
                text: name,
                case_sensitive: true,
                kind,
            });
        }
        // After the folded names: a state's name is a mention of its country, not its name.
        let subdivisions = load_subdivisions(&by_iso3, &mut country_aliases)?;
        Ok(Gazetteer {
            countries,
            by_iso3,
            country_aliases,
            regions,
            node_by_name,
            cities,
            country_by_folded_name,
            subdivisions,
        })
    }

    pub fn countries(&self) -> &[Country] {
        &self.countries
    }

    pub fn country(&self, iso3: &str) -> Option<&Country> {
        self.by_iso3.get(iso3).map(|&index| &self.countries[index])
    }

    pub(crate) fn country_index(&self, iso3: &str) -> Option<usize> {
        self.by_iso3.get(iso3).copied()
    }

    pub(crate) fn country_aliases(&self) -> &[Vec<Alias>] {
        &self.country_aliases
    }

    pub(crate) fn regions(&self) -> &[(String, Vec<String>)] {
        &self.regions
    }

    /// The facet path of an M49 node or country given by name (`Central America`,
    /// `West Africa`, `Costa Rica`, any case, accents optional) or by its path.
    pub fn region_path(&self, name: &str) -> Option<String> {
        let folded = fold(name.trim());
        if let Some(path) = self.node_by_name.get(&folded) {
            return Some(path.clone());
        }
        if folded.starts_with('/') {
            let wanted = folded.trim_end_matches('/');
            let known_node = self.node_by_name.values().find(|path| fold(path) == wanted);
            if let Some(path) = known_node {
                return Some(path.clone());
            }
            return self
                .countries
                .iter()
                .map(Country::facet_path)
                .find(|path| fold(path) == wanted);
        }
        self.countries
            .iter()
            .find(|country| fold(&country.name) == folded)
            .map(Country::facet_path)
    }

    /// Cities of that name, most populous first (ISO3 of their country).
    pub fn cities_named(&self, name: &str) -> &[City] {
        self.cities.get(&fold(name)).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The country of a state or province (`Conn.`, `Ontario`).
    pub fn country_of_subdivision(&self, name: &str) -> Option<&Country> {
        self.subdivisions.get(&fold(name)).map(|&index| &self.countries[index])
    }

    /// The country a country name or alias (any case) stands for.
    pub fn country_by_name(&self, name: &str) -> Option<&Country> {
        self.country_by_folded_name
            .get(&fold(name))
            .map(|&index| &self.countries[index])
    }
}

/// `countries.tsv`: every country, and its index by ISO alpha-3.
fn load_countries() -> Result<(Vec<Country>, HashMap<String, usize>), EnrichError> {
    let mut countries = Vec::new();
    let mut by_iso3 = HashMap::new();
    for (line, columns) in tsv::rows("countries.tsv", tables::COUNTRIES, 7)? {
        let iso3 = columns[0].to_string();
        if iso3.len() != 3 {
            return Err(EnrichError::BadTable {
                table: "countries.tsv",
                line,
                reason: format!("bad ISO3 `{iso3}`"),
            });
        }
        by_iso3.insert(iso3.clone(), countries.len());
        countries.push(Country {
            iso3,
            iso2: columns[1].to_string(),
            m49: columns[2].to_string(),
            name: columns[3].to_string(),
            region: columns[4].to_string(),
            subregion: columns[5].to_string(),
            intermediate: columns[6].to_string(),
            names: columns
                .get(7)
                .map(|cell| list(cell).map(str::to_string).collect())
                .unwrap_or_default(),
        });
    }
    Ok((countries, by_iso3))
}

/// Each country's names: its own and the alias table's (variants, demonyms, historical
/// names, capitals), case-sensitive where the table says so for any of its spellings.
fn load_country_aliases(
    countries: &[Country],
    by_iso3: &HashMap<String, usize>,
) -> Result<Vec<Vec<Alias>>, EnrichError> {
    let mut country_aliases: Vec<Vec<Alias>> = countries
        .iter()
        .map(|country| {
            std::iter::once(&country.name)
                .chain(&country.names)
                .map(|name| Alias {
                    text: name.clone(),
                    case_sensitive: false,
                    kind: AliasKind::Name,
                })
                .collect()
        })
        .collect();
    for (line, columns) in tsv::rows("country_aliases.tsv", tables::COUNTRY_ALIASES, 4)? {
        let index = country_of("country_aliases.tsv", line, columns[0], by_iso3)?;
        let kind = match columns[2] {
            "variant" => AliasKind::Variant,
            "demonym" => AliasKind::Demonym,
            "historical" => AliasKind::Historical,
            "capital" => AliasKind::Capital,
            other => {
                return Err(EnrichError::BadTable {
                    table: "country_aliases.tsv",
                    line,
                    reason: format!("unknown kind `{other}`"),
                })
            }
        };
        country_aliases[index].push(Alias {
            text: columns[1].to_string(),
            case_sensitive: columns[3] == "cs",
            kind,
        });
    }

    // A name that the alias table lists as case-sensitive (Chad, Jordan, Guinea) keeps that
    // rule wherever it comes from.
    for aliases in &mut country_aliases {
        let exact: Vec<String> = aliases
            .iter()
            .filter(|a| a.case_sensitive)
            .map(|a| a.text.to_lowercase())
            .collect();
        for alias in aliases.iter_mut() {
            if exact.contains(&alias.text.to_lowercase()) {
                alias.case_sensitive = true;
            }
        }
    }
    // A hyphenated name is written with a space as often (`Guinea Bissau`, `Timor Leste`,
    // `Port au Prince`): each such alias gets its spaced twin.
    for aliases in &mut country_aliases {
        let spaced: Vec<Alias> = aliases
            .iter()
            .filter_map(|alias| {
                let text = spaced_hyphens(&alias.text)?;
                (!aliases.iter().any(|other| other.text.eq_ignore_ascii_case(&text)))
                    .then(|| Alias { text, ..alias.clone() })
            })
            .collect();
        aliases.extend(spaced);
    }
    Ok(country_aliases)
}

/// `text` with each hyphen between two letters written as a space, when it has one.
fn spaced_hyphens(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    let joins = |at: usize| {
        chars[at] == '-'
            && at > 0
            && chars.get(at + 1).is_some_and(|c| c.is_alphabetic())
            && chars[at - 1].is_alphabetic()
    };
    (0..chars.len()).any(joins).then(|| {
        (0..chars.len())
            .map(|at| if joins(at) { ' ' } else { chars[at] })
            .collect()
    })
}

/// The index of the country a table's row names by ISO alpha-3.
fn country_of(
    table: &'static str,
    line: usize,
    iso3: &str,
    by_iso3: &HashMap<String, usize>,
) -> Result<usize, EnrichError> {
    by_iso3.get(iso3).copied().ok_or_else(|| EnrichError::BadTable {
        table,
        line,
        reason: format!("unknown ISO3 `{iso3}`"),
    })
}

/// Folded country name or alias (capitals excepted) → country index.
fn countries_by_folded_name(country_aliases: &[Vec<Alias>]) -> HashMap<String, usize> {
    let mut country_by_folded_name = HashMap::new();
    for (index, aliases) in country_aliases.iter().enumerate() {
        for alias in aliases.iter().filter(|alias| alias.kind != AliasKind::Capital) {
            country_by_folded_name.entry(fold(&alias.text)).or_insert(index);
        }
    }
    country_by_folded_name
}

/// Folded name of every M49 region, sub-region and intermediate region → its facet path.
fn m49_nodes_by_name(countries: &[Country]) -> HashMap<String, String> {
    let mut node_by_name = HashMap::new();
    for country in countries {
        let mut path = String::new();
        for level in country.ancestors() {
            path.push('/');
            path.push_str(&level.replace('/', "\\/"));
            node_by_name.entry(fold(level)).or_insert_with(|| path.clone());
        }
    }
    node_by_name
}

/// `regions.tsv`: region aliases (`Sahel`, `Horn of Africa`), each an M49 node's path, added
/// to the node names when they name the node itself.
fn load_regions(node_by_name: &mut HashMap<String, String>) -> Result<Vec<(String, Vec<String>)>, EnrichError> {
    let mut regions = Vec::new();
    for (line, columns) in tsv::rows("regions.tsv", tables::REGIONS, 2)? {
        let path = format!("/{}", columns[0].trim_matches('/'));
        if !node_by_name.values().any(|known| *known == path) {
            return Err(EnrichError::BadTable {
                table: "regions.tsv",
                line,
                reason: format!("`{path}` is not an M49 node"),
            });
        }
        let aliases: Vec<String> = list(columns[1]).map(str::to_string).collect();
        let is_node = columns.get(2).is_none_or(|kind| *kind != "approx");
        if is_node {
            for alias in &aliases {
                node_by_name.entry(fold(alias)).or_insert_with(|| path.clone());
            }
        }
        regions.push((path, aliases));
    }
    Ok(regions)
}

/// `cities.tsv`: folded city name → the cities of that name, most populous first; and the
/// city names holding another country's name or demonym as whole words (`Villa Alemana`,
/// `Jersey City`), each with its own country's index and how it is matched ([`city_trap`]).
type Cities = (HashMap<String, Vec<City>>, Vec<(String, usize, AliasKind)>);

fn load_cities(countries: &[Country], country_by_folded_name: &HashMap<String, usize>) -> Result<Cities, EnrichError> {
    let index_by_iso2: HashMap<&str, usize> = countries
        .iter()
        .enumerate()
        .map(|(index, country)| (country.iso2.as_str(), index))
        .collect();
    let mut cities: HashMap<String, Vec<City>> = HashMap::new();
    let mut traps = Vec::new();
    for (_, columns) in tsv::rows("cities.tsv", tables::CITIES, 3)? {
        let Some(&index) = index_by_iso2.get(columns[1]) else {
            continue;
        };
        let iso3 = &countries[index].iso3;
        let population = columns[2].parse().unwrap_or(0);
        let names = std::iter::once(columns[0]).chain(columns.get(3).map(|cell| list(cell)).into_iter().flatten());
        for name in names {
            let folded = fold(name);
            if let Some(kind) = city_trap(&folded, index, country_by_folded_name) {
                traps.push((name.to_string(), index, kind));
            }
            let entry = cities.entry(folded).or_default();
            if !entry.iter().any(|city| city.iso3 == *iso3) {
                entry.push(City {
                    iso3: iso3.to_string(),
                    population,
                });
            }
        }
    }
    for entries in cities.values_mut() {
        entries.sort_by_key(|city| std::cmp::Reverse(city.population));
    }
    Ok((cities, traps))
}

/// How a city's folded name is matched when some run of its words, short of all of them, is
/// the name or demonym of another country than its own (`own`): as its own country's name
/// when another run names that (`Antigua Guatemala`), else as a city (`Villa Alemana`);
/// `None` when it names no other country.
fn city_trap(folded: &str, own: usize, country_by_folded_name: &HashMap<String, usize>) -> Option<AliasKind> {
    let words: Vec<&str> = folded.split(' ').collect();
    let mut named = Vec::new();
    for start in 0..words.len() {
        for end in start + 1..=words.len() {
            if end - start < words.len() {
                if let Some(&index) = country_by_folded_name.get(&words[start..end].join(" ")) {
                    named.push(index);
                }
            }
        }
    }
    match (named.iter().any(|&index| index != own), named.contains(&own)) {
        (false, _) => None,
        (true, true) => Some(AliasKind::Variant),
        (true, false) => Some(AliasKind::City),
    }
}

/// `subdivisions.tsv`: folded state or province name → its country; full names also become
/// case-sensitive aliases of the country.
fn load_subdivisions(
    by_iso3: &HashMap<String, usize>,
    country_aliases: &mut [Vec<Alias>],
) -> Result<HashMap<String, usize>, EnrichError> {
    let mut subdivisions = HashMap::new();
    for (line, columns) in tsv::rows("subdivisions.tsv", tables::SUBDIVISIONS, 2)? {
        let index = country_of("subdivisions.tsv", line, columns[1], by_iso3)?;
        subdivisions.insert(fold(columns[0]), index);
        // Full names (not abbreviations like `Va.`) also count as mentions of the country;
        // Georgia is left to the country of that name.
        let name = columns[0];
        if !name.contains('.') && name != "Georgia" {
            country_aliases[index].push(Alias {
                text: name.to_string(),
                case_sensitive: true,
                kind: AliasKind::Subdivision,
            });
        }
    }
    Ok(subdivisions)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hyphenated_name_is_found_written_with_a_space() {
        assert_eq!(spaced_hyphens("Guinea-Bissau").as_deref(), Some("Guinea Bissau"));
        assert_eq!(spaced_hyphens("Port-au-Prince").as_deref(), Some("Port au Prince"));
        assert_eq!(spaced_hyphens("Chad"), None);
        assert_eq!(
            spaced_hyphens("Hauts-de-France - Nord").as_deref(),
            Some("Hauts de France - Nord")
        );
        let gazetteer = Gazetteer::load().expect("tables load");
        for (name, iso3) in [
            ("Guinea Bissau", "GNB"),
            ("Guinée Bissau", "GNB"),
            ("Timor Leste", "TLS"),
            ("Guinea-Bissau", "GNB"),
        ] {
            assert_eq!(
                gazetteer.country_by_name(name).map(|c| c.iso3.as_str()),
                Some(iso3),
                "{name}"
            );
        }
    }
}
