//! Facet extraction from the text of a release: language, countries (main vs merely
//! mentioned) placed in the UN M49 tree, organizations, topics and the dateline.
//!
//! [`Enricher::new`] loads the project's own data tables (`data/*.tsv`, compiled in) once;
//! [`Enricher::enrich`] is then pure and thread-safe.
//!
//! ```
//! use pressroom_enrich::Enricher;
//! use pressroom_ingest::Record;
//!
//! let enricher = Enricher::new().expect("the shipped tables load");
//! let record = Record {
//!     id: "example:1".into(),
//!     source: "example".into(),
//!     title: "Guatemala y la OIM lanzan una campaña contra la trata de personas".into(),
//!     body: "GUATEMALA, 3 de mayo de 2023 – El gobierno de Guatemala y la Organización \
//!            Internacional para las Migraciones lanzaron hoy una campaña contra la trata de \
//!            personas en la frontera con México.".into(),
//!     date: None, url: None, contributor: None, contact: None, declared_lang: None, home_country: None,
//!     labels: Default::default(),
//! };
//! let facets = enricher.enrich(&record);
//! assert_eq!(facets.lang, "es");
//! assert_eq!(facets.main_countries, ["GTM"]);
//! assert!(facets.mentioned_countries.contains(&"MEX".to_string()));
//! assert_eq!(facets.regions, ["/Americas/Latin America and the Caribbean/Central America/Guatemala"]);
//! assert_eq!(facets.organizations, ["IOM"]);
//! assert!(facets.topics.iter().any(|t| t.starts_with("/Migration/Human trafficking")));
//! assert_eq!(facets.date.as_deref(), Some("2023-05-03"));
//! ```

mod acronyms;
mod countries;
mod dateline;
mod error;
pub mod eval;
mod gazetteer;
mod language;
mod learned;
mod matcher;
mod mention;
mod org_names;
mod organizations;
mod tables;
mod themes;
mod topics;
pub mod tsv;

use std::sync::{Arc, PoisonError, RwLock};

use serde::{Deserialize, Serialize};

pub use dateline::Dateline;
pub use error::EnrichError;
pub use gazetteer::{fold, fold_letters, Country, Gazetteer};
pub use organizations::Organization;

use pressroom_ingest::Record;

/// The facets derived from one record's text.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Enrichment {
    /// ISO 639-1 code, or `und` when detection is unreliable.
    pub lang: String,
    /// ISO alpha-3 codes of the countries the release is about.
    pub main_countries: Vec<String>,
    /// ISO alpha-3 codes of every country referred to (main ones included).
    pub mentioned_countries: Vec<String>,
    /// M49 paths of the main countries: `/Americas/Latin America and the Caribbean/Central America/Costa Rica`;
    /// for a release spread over more countries than can be main, the path of the region that
    /// holds them all (`/Africa/Sub-Saharan Africa`), if any.
    pub regions: Vec<String>,
    /// Canonical organization names (acronyms where analysts use them: `IOM`, `UNODC`).
    pub organizations: Vec<String>,
    /// The issuer and the organizations the release is about: named in the title or the
    /// lead, in the contact block, or again and again.
    #[serde(default)]
    pub main_organizations: Vec<String>,
    /// Topic paths from the taxonomy: `/Migration/Human trafficking`.
    pub topics: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dateline: Option<Dateline>,
    /// Publication date `YYYY-MM-DD`: the source's metadata, else the dateline's date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

/// A point per country (ISO alpha-3, latitude, longitude) from `data/country_points.tsv`,
/// for maps.
pub fn country_points() -> Result<Vec<(String, f32, f32)>, EnrichError> {
    let bad = |line: usize, cell: &str| EnrichError::BadTable {
        table: "country_points.tsv",
        line,
        reason: format!("`{cell}` is not a coordinate"),
    };
    tsv::rows("country_points.tsv", tables::COUNTRY_POINTS, 3)?
        .into_iter()
        .map(|(line, columns)| {
            let latitude = columns[1].parse().map_err(|_| bad(line, columns[1]))?;
            let longitude = columns[2].parse().map_err(|_| bad(line, columns[2]))?;
            Ok((columns[0].to_string(), latitude, longitude))
        })
        .collect()
}

/// Cue score (`topics::TopicRules::scores`) a theme chosen by the model needs: more than one
/// typical cue once in the body (weight 2 × body 1), so a report that names floods once as a
/// risk is not about disaster management. Topics F1 on the tune releases (extraction gold
/// tune half / extraction gold 2 / dev gold): 2 → 0.707 / 0.689 / 0.825, 3 → 0.718 / 0.701 /
/// 0.839, 4 → 0.716 / 0.704 / 0.843, 5 → 0.710 / 0.702 / 0.837, 8 → 0.707 / 0.696 / 0.822; 3
/// and 4 tie, and 3 is the smaller step. Held out at 3: extraction gold test half 0.686 →
/// 0.700, extraction gold 3 0.735 → 0.737; ReliefWeb's own held-out theme labels, which
/// are generous (an editor tags every theme a report touches), 0.412 → 0.387.
const THEME_CUE_SCORE: f32 = 3.0;
/// Cue score that makes a theme without the model: a strong cue in the title and again in the
/// lead, or typical ones in title, lead and body. Topics F1 on the tune half of the extraction
/// gold, before the hazard cues of `data/topics.tsv` were added: never → 0.649, 24 → 0.665,
/// 16 → 0.673, 12 → 0.665, 8 → 0.642; with them, never → 0.662, 16 → 0.685 (dev gold 0.817 →
/// 0.838). ReliefWeb's own held-out theme labels fall from 0.429 to 0.391 at 16.
const THEME_BY_CUES: f32 = 16.0;
/// The same in Spanish and French, which the model reads only through its lexicon and so
/// passes over more often: their cues count for more. Topics F1 on the tune releases of both
/// extraction golds (140; Spanish and French 75), 16 → 0.672, 12 → 0.680, 10 → 0.688, 9 →
/// 0.690, 8 → 0.692, 7 → 0.694, 6 → 0.688 (at 0.45–0.55 of `themes::TRANSLATED_SCALE`, which
/// stays 0.55). English is unchanged.
const THEME_BY_CUES_TRANSLATED: f32 = 8.0;

/// Loaded tables and automata; build once, share across threads.
/// A record's facets but its organizations, and the mentions these are read from
/// ([`Enricher::prepare`]).
pub struct Prepared {
    enrichment: Enrichment,
    title_mentions: Vec<mention::Mention>,
    body_mentions: Vec<mention::Mention>,
    contact_mentions: Vec<mention::Mention>,
}

pub struct Enricher {
    gazetteer: Gazetteer,
    matcher: matcher::EntityMatcher,
    organizations: organizations::OrganizationTable,
    topics: topics::TopicRules,
    themes: themes::ThemeModel,
    language: language::LanguageDetector,
    /// Acronyms learned from the records of this run (`learned.rs`), or read back with the
    /// generation a server serves; none until then. Replaced whole, while enriching goes on.
    learned: RwLock<Arc<learned::LearnedAcronyms>>,
}

impl Enricher {
    /// Loads the compiled-in tables.
    pub fn new() -> Result<Self, EnrichError> {
        let gazetteer = Gazetteer::load()?;
        let organizations = organizations::OrganizationTable::load()?;
        let matcher = matcher::EntityMatcher::build(&gazetteer, &organizations)?;
        let topics = topics::TopicRules::load()?;
        let themes = themes::ThemeModel::load()?;
        Ok(Enricher {
            gazetteer,
            matcher,
            organizations,
            topics,
            themes,
            language: language::LanguageDetector::new(),
            learned: RwLock::default(),
        })
    }

    /// Learns from every record of a run, before any is enriched, the acronyms its releases
    /// spell out as bodies' (`learned.rs`): each record enriched after counts them where it
    /// uses them alone. Returns how many were learned. Learning again replaces what was learned.
    pub fn learn<'a>(&self, records: impl IntoIterator<Item = &'a Record>) -> usize {
        let releases = records
            .into_iter()
            .map(|record| (record.source.as_str(), record.title.as_str(), record.body.as_str()));
        let learned = learned::LearnedAcronyms::learn(&self.organizations, releases);
        let count = learned.len();
        self.use_learned(learned);
        count
    }

    /// What [`Self::learn`] learned, as text to keep (`LearnedAcronyms::to_tsv`).
    pub fn learned_tsv(&self) -> String {
        self.learned().to_tsv()
    }

    /// Enriches from now on with the acronyms of a text [`Self::learned_tsv`] wrote: a
    /// server, for the generation it serves.
    pub fn use_learned_tsv(&self, text: &str) {
        self.use_learned(learned::LearnedAcronyms::from_tsv(text));
    }

    fn use_learned(&self, learned: learned::LearnedAcronyms) {
        *self.learned.write().unwrap_or_else(PoisonError::into_inner) = Arc::new(learned);
    }

    fn learned(&self) -> Arc<learned::LearnedAcronyms> {
        self.learned.read().unwrap_or_else(PoisonError::into_inner).clone()
    }

    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// The canonical name of an organization given by any of its names or acronyms.
    pub fn canonical_organization(&self, name: &str) -> Option<&str> {
        self.organizations.canonical(name)
    }

    /// The organization alias table.
    pub fn organizations(&self) -> &[Organization] {
        self.organizations.entries()
    }

    /// Every topic path of the taxonomy.
    pub fn topic_paths(&self) -> &[String] {
        self.topics.paths()
    }

    /// Topic paths: the migration-specific ones from cue rules, ReliefWeb's themes from the
    /// trained model (Spanish and French through its lexicon); only the most specific path of
    /// a branch is kept.
    fn topics(&self, lang: &str, title: &str, body: &str) -> Vec<String> {
        let scores = self.topics.scores(title, body);
        let cue_score = |path: &str| {
            self.topics
                .paths()
                .iter()
                .position(|known| known == path)
                .map_or(0.0, |index| scores[index])
        };
        let mut paths: Vec<String> = self
            .topics
            .select(&scores)
            .into_iter()
            .filter(|path| !self.themes.is_theme(path))
            .collect();
        // The model was trained on humanitarian reports: a theme also needs its cue words in
        // the text, so Australian politics or commodity news is not read as one. The model
        // reads only the texts where some theme's cues are.
        let has_theme_cues = self
            .topics
            .paths()
            .iter()
            .any(|path| self.themes.is_theme(path) && cue_score(path) >= THEME_CUE_SCORE);
        if has_theme_cues && self.themes.reads(lang) {
            let themes = self.themes.classify(lang, title, body);
            paths.extend(themes.into_iter().filter(|theme| cue_score(theme) >= THEME_CUE_SCORE));
        }
        // A theme whose cues alone are strong is kept when the model passes it over: ReliefWeb's
        // editors label a report on a flood by the response it describes, the guide also by its
        // hazard (`/Disaster Management`).
        let by_cues = if lang == "en" {
            THEME_BY_CUES
        } else {
            THEME_BY_CUES_TRANSLATED
        };
        for (path, &score) in self.topics.paths().iter().zip(&scores) {
            if self.themes.is_theme(path) && score >= by_cues && !paths.contains(path) {
                paths.push(path.clone());
            }
        }
        let specific: Vec<String> = paths
            .iter()
            .filter(|path| {
                !paths
                    .iter()
                    .any(|other| other.len() > path.len() && other.starts_with(&format!("{path}/")))
            })
            .cloned()
            .collect();
        let order = self.topics.paths();
        let mut sorted = specific;
        sorted.sort_by_key(|path| order.iter().position(|known| known == path).unwrap_or(usize::MAX));
        sorted.dedup();
        sorted
    }

    /// Derives every facet of a record.
    pub fn enrich(&self, record: &Record) -> Enrichment {
        self.finish(record, self.prepare(record))
    }

    /// Every facet of a record but its organizations, which depend on what [`Self::learn`]
    /// learned: a build prepares records as it reads them and [`Self::finish`]es them once
    /// it has learned from all.
    pub fn prepare(&self, record: &Record) -> Prepared {
        let lang = self
            .language
            .detect(&record.title, &record.body, record.declared_lang.as_deref());
        let title_mentions = self.matcher.find(&record.title);
        let body_mentions = self.matcher.find(&record.body);
        let mentioned: Vec<&str> = title_mentions
            .iter()
            .chain(&body_mentions)
            .filter_map(|mention| match mention.target {
                mention::Target::Country { index, .. } => Some(self.gazetteer.countries()[index].iso3.as_str()),
                _ => None,
            })
            .collect();
        let dateline = dateline::find(&record.body, &self.gazetteer, &mentioned);
        let contact_mentions = record
            .contact
            .as_deref()
            .map(|c| self.matcher.find(c))
            .unwrap_or_default();
        let seat = |index: usize| self.organizations.entries().get(index).and_then(|entry| entry.seat());
        let places = countries::resolve(
            &self.gazetteer,
            countries::Evidence {
                title_text: &record.title,
                body_text: &record.body,
                title: &title_mentions,
                body: &body_mentions,
                contact: &contact_mentions,
                dateline_country: dateline.as_ref().and_then(|d| d.country.as_deref()),
                home_country: record.home_country.as_deref(),
                seat: &seat,
            },
        );
        let topics = self.topics(&lang, &record.title, &record.body);
        let date = record
            .date
            .map(|date| date.to_string())
            .or_else(|| dateline.as_ref().and_then(|dateline| dateline.date.clone()));
        // A release spread over more countries than can be main is about the region that
        // holds them all, when there is one.
        let countries_of = |codes: &[String]| -> Vec<&gazetteer::Country> {
            codes.iter().filter_map(|iso3| self.gazetteer.country(iso3)).collect()
        };
        let regions = if places.main.is_empty() && !places.spread.is_empty() {
            gazetteer::common_region_path(&countries_of(&places.spread))
                .into_iter()
                .collect()
        } else {
            countries_of(&places.main).iter().map(|c| c.facet_path()).collect()
        };
        let enrichment = Enrichment {
            lang,
            main_countries: places.main,
            mentioned_countries: places.mentioned,
            regions,
            organizations: Vec::new(),
            main_organizations: Vec::new(),
            topics,
            dateline,
            date,
        };
        Prepared {
            enrichment,
            title_mentions,
            body_mentions,
            contact_mentions,
        }
    }

    /// A prepared record's organizations, with what [`Self::learn`] learned: the whole
    /// enrichment.
    pub fn finish(&self, record: &Record, prepared: Prepared) -> Enrichment {
        let Prepared {
            mut enrichment,
            title_mentions,
            body_mentions,
            contact_mentions,
        } = prepared;
        // A collection's own country (Trove's Australia) names its bodies in short first.
        let main_country = record
            .home_country
            .as_deref()
            .or(enrichment.main_countries.first().map(String::as_str))
            .and_then(|iso3| self.gazetteer.country(iso3))
            .map(|country| (country.iso3.as_str(), country.name.as_str()));
        let learned = self.learned();
        let setting = organizations::Setting {
            country: main_country,
            countries: self.gazetteer.countries(),
            learned: learned.of(&record.source),
        };
        let named = self
            .organizations
            .extract(&record.title, &record.body, &title_mentions, &body_mentions, &setting);
        let contact = record.contact.as_deref().unwrap_or("");
        let in_contact = self
            .organizations
            .extract("", contact, &[], &contact_mentions, &setting);
        let main_organizations = organizations::main(&named, &in_contact, record.title.len(), |name| {
            self.organizations.is_media(name)
        });
        let organizations = named.into_iter().map(|named| named.name).collect();
        enrichment.organizations = organizations;
        enrichment.main_organizations = main_organizations;
        enrichment
    }
}
