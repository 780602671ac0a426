//! The dateline that opens a news release: `SAN JOSÉ, Costa Rica, 12 March 2024 –`,
//! `DAKAR, 3 May 2023 -`, `SALVADOR, Feb 26 -`.

use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

use crate::gazetteer::Gazetteer;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dateline {
    /// The place as written: `SAN JOSE`.
    pub city: String,
    /// ISO alpha-3 of its country, when the place is known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// The date written in the dateline, when it has a day, month and year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*([\p{Lu}][\p{Lu}\p{M}.' -]{1,40}?)\s*(?:\(\w+\))?\s*,\s*(?:([\p{Lu}][\p{L}.' -]{2,40}?)\s*,\s*)?([^\n–—]{0,40}?)\s*(?:-|–|—|--)\s",
    )
    .expect("dateline pattern is valid")
});

/// The Spanish-language dateline: the city in capitals, a full stop and a dash, no date
/// (`SANTIAGO.-`, `CIEGO DE AVILA.—`, `CIUDAD DE GUATEMALA. –`), opening a line: a subtitle
/// or a summary often stands above it.
static CITY_STOP_DASH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^[ \t]*([\p{Lu}][\p{Lu}\p{M}' -]{1,40}?)\s*\.\s*(?:-|–|—)").expect("dateline pattern is valid")
});

/// Finds the dateline at the start of the body and places its city: by the country or
/// state that follows it (`STAMFORD, Conn.`), else by the gazetteer's cities of that name,
/// preferring one in a country the text mentions (San José, Costa Rica over San Jose, US),
/// else the most populous.
pub fn find(body: &str, gazetteer: &Gazetteer, mentioned: &[&str]) -> Option<Dateline> {
    let head_end = body.char_indices().nth(160).map_or(body.len(), |(index, _)| index);
    let Some(captures) = DATELINE.captures(&body[..head_end]) else {
        let lead_end = body
            .char_indices()
            .nth(STOP_DASH_LEAD)
            .map_or(body.len(), |(index, _)| index);
        return city_stop_dash(&body[..lead_end], gazetteer, mentioned);
    };
    let city = captures.get(1)?.as_str().trim().to_string();
    if city.chars().filter(|c| c.is_alphabetic()).count() < 3 {
        return None;
    }
    let after_city = captures.get(2).map(|m| m.as_str().trim());
    let date_part = captures.get(3).map_or("", |m| m.as_str());
    // "CITY, Country, date –", "CITY, State, date -" or "CITY, Country –".
    let qualifier = after_city.or_else(|| (!date_part.chars().any(|c| c.is_ascii_digit())).then_some(date_part.trim()));
    let named_country = qualifier
        .and_then(|name| {
            gazetteer
                .country_by_name(name)
                .or_else(|| gazetteer.country_of_subdivision(name))
        })
        .map(|country| country.iso3.clone());
    let country = named_country.or_else(|| place_city(&city, gazetteer, mentioned));
    if country.is_none()
        && captures
            .get(3)
            .is_none_or(|m| !m.as_str().chars().any(|c| c.is_ascii_digit()))
    {
        // Neither a known place nor a date: not a dateline.
        return None;
    }
    let date = parse_written_date(date_part).map(|date| date.to_string());
    Some(Dateline { city, country, date })
}

/// How far into the body (characters) a `CITY.-` dateline may open a line.
const STOP_DASH_LEAD: usize = 600;

/// A `CITY.-` dateline, when the gazetteer knows the city: its country is the one the text
/// mentions, else the most populous city of that name's.
fn city_stop_dash(head: &str, gazetteer: &Gazetteer, mentioned: &[&str]) -> Option<Dateline> {
    let city = CITY_STOP_DASH.captures(head)?.get(1)?.as_str().trim().to_string();
    if city.chars().filter(|c| c.is_alphabetic()).count() < 3 {
        return None;
    }
    let country = place_city(&city, gazetteer, mentioned)?;
    Some(Dateline {
        city,
        country: Some(country),
        date: None,
    })
}

/// The country (ISO3) of a dateline's city named alone: a country of that name, else the
/// gazetteer's city of that name in a country the text mentions, else the most populous.
fn place_city(city: &str, gazetteer: &Gazetteer, mentioned: &[&str]) -> Option<String> {
    if let Some(country) = gazetteer.country_by_name(city) {
        return Some(country.iso3.clone());
    }
    let cities = gazetteer.cities_named(city);
    cities
        .iter()
        .find(|found| mentioned.contains(&found.iso3.as_str()))
        .or(cities.first())
        .map(|found| found.iso3.clone())
}

static WRITTEN_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(\d{1,2})(?:st|nd|rd|th|er)?\s+(?:de\s+)?([a-zéû]+)\.?,?\s+(?:de\s+)?((?:19|20)\d\d)\b|\b([a-z]+)\.?\s+(\d{1,2}),?\s+((?:19|20)\d\d)\b")
        .expect("written date pattern is valid")
});

/// `12 March 2024`, `3 de mayo de 2023`, `3 mai 2023`, `March 12, 2024`.
pub fn parse_written_date(text: &str) -> Option<time::Date> {
    let captures = WRITTEN_DATE.captures(text)?;
    let (day, month, year) = match (captures.get(1), captures.get(4)) {
        (Some(day), _) => (day.as_str(), captures.get(2)?.as_str(), captures.get(3)?.as_str()),
        (None, Some(month)) => (captures.get(5)?.as_str(), month.as_str(), captures.get(6)?.as_str()),
        _ => return None,
    };
    let month = month_number(month)?;
    time::Date::from_calendar_date(
        year.parse().ok()?,
        time::Month::try_from(month).ok()?,
        day.parse().ok()?,
    )
    .ok()
}

fn month_number(name: &str) -> Option<u8> {
    const MONTHS: [&[&str]; 12] = [
        &["january", "jan", "enero", "janvier"],
        &["february", "feb", "febrero", "février", "fevrier"],
        &["march", "mar", "marzo", "mars"],
        &["april", "apr", "abril", "avril"],
        &["may", "mayo", "mai"],
        &["june", "jun", "junio", "juin"],
        &["july", "jul", "julio", "juillet"],
        &["august", "aug", "agosto", "août", "aout"],
        &["september", "sep", "sept", "septiembre", "setiembre", "septembre"],
        &["october", "oct", "octubre", "octobre"],
        &["november", "nov", "noviembre", "novembre"],
        &["december", "dec", "diciembre", "décembre", "decembre"],
    ];
    let name = name.to_lowercase();
    MONTHS
        .iter()
        .position(|names| names.contains(&name.as_str()))
        .map(|index| index as u8 + 1)
}

#[cfg(test)]
mod tests {
    use super::parse_written_date;

    #[test]
    fn written_dates_in_three_languages() {
        let expected = time::Date::from_calendar_date(2023, time::Month::May, 3).ok();
        assert_eq!(parse_written_date("3 May 2023"), expected);
        assert_eq!(parse_written_date("3 de mayo de 2023"), expected);
        assert_eq!(parse_written_date("3 mai 2023"), expected);
        assert_eq!(parse_written_date("May 3, 2023"), expected);
        assert_eq!(parse_written_date("Feb 26"), None);
    }
}
