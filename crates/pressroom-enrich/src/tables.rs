//! The shipped TSV tables (see `data/README.md`), compiled in; [`crate::tsv`] reads them.

pub const COUNTRIES: &str = include_str!("../data/countries.tsv");
pub const COUNTRY_ALIASES: &str = include_str!("../data/country_aliases.tsv");
pub const REGIONS: &str = include_str!("../data/regions.tsv");
pub const CITIES: &str = include_str!("../data/cities.tsv");
pub const ORGANIZATIONS: &str = include_str!("../data/organizations.tsv");
pub const TOPICS: &str = include_str!("../data/topics.tsv");
pub const SUBDIVISIONS: &str = include_str!("../data/subdivisions.tsv");
pub const THEME_MODEL: &str = include_str!("../data/theme_model.tsv");
pub const THEME_LEXICON: &str = include_str!("../data/theme_lexicon.tsv");
pub const COUNTRY_POINTS: &str = include_str!("../data/country_points.tsv");
pub const REUTERS_PLACES: &str = include_str!("../data/reuters_places.tsv");
