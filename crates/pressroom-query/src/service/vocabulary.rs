//! What every generation shares: the enricher (gazetteer, organizations, topics), the
//! cross-lingual expansion table, and the names facet value search matches values by.

use std::collections::HashMap;

use pressroom_enrich::{fold, Enricher, Gazetteer};

use crate::error::SearchError;
use crate::expansion::ExpansionTable;

pub(crate) struct Vocabulary {
    pub(crate) enricher: Enricher,
    pub(crate) expansions: ExpansionTable,
    /// Readable names and searchable (folded) names of organization and country values.
    pub(crate) organization_names: HashMap<String, ValueNames>,
    pub(crate) country_names: HashMap<String, ValueNames>,
}

/// What facet value search knows of a value beyond its own text.
pub(crate) struct ValueNames {
    pub(crate) label: Option<String>,
    /// Folded: full name, aliases, names in other languages.
    pub(crate) folded: Vec<String>,
}

impl Vocabulary {
    pub(crate) fn load() -> Result<Vocabulary, SearchError> {
        let enricher = Enricher::new().map_err(|error| SearchError::Internal(error.to_string()))?;
        let organization_names = enricher
            .organizations()
            .iter()
            .map(|organization| {
                let names = ValueNames {
                    label: (organization.name != organization.canonical).then(|| organization.name.clone()),
                    folded: organization.all_names().map(fold).collect(),
                };
                (organization.canonical.clone(), names)
            })
            .collect();
        let country_names = enricher
            .gazetteer()
            .countries()
            .iter()
            .map(|country| {
                let names = ValueNames {
                    label: Some(country.name.clone()),
                    folded: country
                        .names
                        .iter()
                        .chain([&country.name])
                        .map(|name| fold(name))
                        .collect(),
                };
                (country.iso3.clone(), names)
            })
            .collect();
        Ok(Vocabulary {
            enricher,
            expansions: ExpansionTable::load()?,
            organization_names,
            country_names,
        })
    }

    pub(crate) fn gazetteer(&self) -> &Gazetteer {
        self.enricher.gazetteer()
    }

    /// The taxonomy's spelling of a topic path given in any case, with or without slashes
    /// around it and with `/` or `\/` inside a segment.
    pub(crate) fn topic_path(&self, path: &str) -> Option<String> {
        let wanted = format!("/{}", path.trim().trim_matches('/'));
        self.enricher
            .topic_paths()
            .iter()
            .find(|known| {
                known.eq_ignore_ascii_case(&wanted) || known.replace("\\/", "/").eq_ignore_ascii_case(&wanted)
            })
            .cloned()
    }
}

/// Whether a folded prefix starts a folded name or one of its words.
pub(crate) fn name_matches(name: &str, folded_prefix: &str) -> bool {
    name.starts_with(folded_prefix)
        || name
            .split(|c: char| !c.is_alphanumeric())
            .any(|word| word.starts_with(folded_prefix))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_prefix_matches_the_name_or_any_of_its_words() {
        assert!(name_matches("united nations high commissioner for refugees", "high"));
        assert!(name_matches("united nations high commissioner for refugees", "unit"));
        assert!(name_matches("medecins sans frontieres (msf)", "msf"));
        assert!(!name_matches("united nations", "nat ions"));
        assert!(!name_matches("iom", "ion"));
    }
}
