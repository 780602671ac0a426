//! The shipped TSV tables (see `data/README.md`): header line, `#` comments, `|` lists.

use crate::error::EnrichError;

pub const COUNTRIES: &str = include_str!("../data/countries.tsv");
pub const COUNTRY_ALIASES: &str = include_str!("../data/country_aliases.tsv");
pub const REGIONS: &str = include_str!("../data/regions.tsv");
pub const CITIES: &str = include_str!("../data/cities.tsv");
pub const ORGANIZATIONS: &str = include_str!("../data/organizations.tsv");
pub const TOPICS: &str = include_str!("../data/topics.tsv");
pub const SUBDIVISIONS: &str = include_str!("../data/subdivisions.tsv");
pub const THEME_MODEL: &str = include_str!("../data/theme_model.tsv");
pub const COUNTRY_POINTS: &str = include_str!("../data/country_points.tsv");
pub const REUTERS_PLACES: &str = include_str!("../data/reuters_places.tsv");

/// The data rows of a table as (line number, columns), checked for `min_columns`.
pub fn rows(
    table: &'static str,
    text: &'static str,
    min_columns: usize,
) -> Result<Vec<(usize, Vec<&'static str>)>, EnrichError> {
    let mut rows = Vec::new();
    let mut header_seen = false;
    for (index, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        if !header_seen {
            header_seen = true;
            continue;
        }
        let columns: Vec<&str> = line.split('\t').map(str::trim).collect();
        if columns.len() < min_columns {
            return Err(EnrichError::BadTable {
                table,
                line: index + 1,
                reason: format!("{} columns, expected at least {min_columns}", columns.len()),
            });
        }
        rows.push((index + 1, columns));
    }
    Ok(rows)
}

/// The items of a `|` list, trimmed, empty ones dropped.
pub fn list(cell: &str) -> impl Iterator<Item = &str> {
    cell.split('|').map(str::trim).filter(|item| !item.is_empty())
}
