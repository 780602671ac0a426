//! The search request: one shape for GET (query string) and POST (JSON body), validated
//! here so both get the same errors.

use serde::Serialize;
use serde_json::Value;
use time::{Date, Month};

use crate::codes::Code;
use crate::error::SearchError;

pub const DEFAULT_LIMIT: usize = 10;
pub const MAX_LIMIT: usize = 100;
pub const MAX_OFFSET: usize = 10_000;
pub const MAX_QUERY_CHARS: usize = 1_000;
/// Values per filter parameter.
pub const MAX_FILTER_VALUES: usize = 50;
/// Characters per filter value (a region, topic path, organization, `facet_expand` node…).
pub const MAX_VALUE_CHARS: usize = 200;
/// Levels of a tree path (`/Africa/Sub-Saharan Africa/Eastern Africa/Kenya` has four).
pub const MAX_PATH_DEPTH: usize = 8;
pub const DEFAULT_FACET_LIMIT: usize = 10;
pub const MAX_FACET_LIMIT: usize = 100;
pub const DEFAULT_FRAGMENTS: usize = 1;
/// Releases `/api/documents/{id}/similar` lists at most.
pub const MAX_SIMILAR: usize = 50;
pub const MAX_FRAGMENTS: usize = 10;

/// The facets a response can count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum FacetName {
    Region,
    Country,
    Mentioned,
    Topic,
    Org,
    MainOrg,
    Lang,
    Source,
    Year,
}

impl FacetName {
    pub const ALL: [FacetName; 9] = [
        FacetName::Region,
        FacetName::Country,
        FacetName::Mentioned,
        FacetName::Topic,
        FacetName::Org,
        FacetName::MainOrg,
        FacetName::Lang,
        FacetName::Source,
        FacetName::Year,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            FacetName::Region => "region",
            FacetName::Country => "country",
            FacetName::Mentioned => "mentioned",
            FacetName::Topic => "topic",
            FacetName::Org => "org",
            FacetName::MainOrg => "main_org",
            FacetName::Lang => "lang",
            FacetName::Source => "source",
            FacetName::Year => "year",
        }
    }

    pub fn parse(name: &str) -> Result<FacetName, SearchError> {
        FacetName::ALL
            .into_iter()
            .find(|facet| facet.as_str() == name.trim())
            .ok_or_else(|| SearchError::UnknownFacet(name.trim().to_string()))
    }

    /// Region and topic values are paths in a tree.
    pub fn is_hierarchical(self) -> bool {
        matches!(self, FacetName::Region | FacetName::Topic)
    }
}

pub const DEFAULT_FACETS: [FacetName; 6] = [
    FacetName::Region,
    FacetName::Country,
    FacetName::Topic,
    FacetName::Org,
    FacetName::Lang,
    FacetName::Year,
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SortOrder {
    #[default]
    Relevance,
    /// Relevance weighted by age (see `service::recency_factor`).
    Recency,
    DateDesc,
    DateAsc,
}

/// A validated search request. Filters are OR within a facet and AND across facets.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchRequest {
    pub q: String,
    pub region: Vec<String>,
    pub country: Vec<String>,
    pub mentioned: Vec<String>,
    pub topic: Vec<String>,
    pub org: Vec<String>,
    /// Main organizations (issuer, subject), by canonical name or alias.
    pub main_org: Vec<String>,
    pub lang: Vec<String>,
    pub source: Vec<String>,
    /// First day included.
    #[serde(skip)]
    pub from: Option<Date>,
    /// First day excluded (`to=2010` keeps all of 2010).
    #[serde(skip)]
    pub to_exclusive: Option<Date>,
    pub sort: SortOrder,
    pub limit: usize,
    pub offset: usize,
    pub facets: Vec<FacetName>,
    /// Values listed per facet level (the rest are counted in `other_values`).
    pub facet_limit: usize,
    /// Tree nodes (paths or region names) whose children are listed, besides the filtered ones.
    pub facet_expand: Vec<String>,
    /// Match words within 1 edit (5+ letters) or 2 edits (9+ letters).
    pub typo: bool,
    /// Treat the last word as a prefix (search as you type).
    pub prefix: bool,
    /// Expand core domain terms across English, Spanish and French.
    pub expand: bool,
    /// Highlighted body fragments per hit.
    pub fragments: usize,
    /// Collapse near-duplicate releases into one hit.
    pub collapse: bool,
    /// Whether `limit` was given (a server's lower cap then refuses it, else lowers the default).
    #[serde(skip)]
    pub limit_given: bool,
    /// Whether `facet_limit` was given (likewise).
    #[serde(skip)]
    pub facet_limit_given: bool,
}

impl Default for SearchRequest {
    fn default() -> Self {
        SearchRequest {
            q: String::new(),
            region: Vec::new(),
            country: Vec::new(),
            mentioned: Vec::new(),
            topic: Vec::new(),
            org: Vec::new(),
            main_org: Vec::new(),
            lang: Vec::new(),
            source: Vec::new(),
            from: None,
            to_exclusive: None,
            sort: SortOrder::Relevance,
            limit: DEFAULT_LIMIT,
            offset: 0,
            facets: DEFAULT_FACETS.to_vec(),
            facet_limit: DEFAULT_FACET_LIMIT,
            facet_expand: Vec::new(),
            typo: true,
            prefix: false,
            expand: true,
            fragments: DEFAULT_FRAGMENTS,
            collapse: true,
            limit_given: false,
            facet_limit_given: false,
        }
    }
}

impl SearchRequest {
    /// From a URL query string: `q=trafficking&region=Central%20America&region=Europe`.
    pub fn from_query_string(query: &str) -> Result<SearchRequest, SearchError> {
        check_encoding(query)?;
        let pairs: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes())
            .map(|(key, value)| (key.into_owned(), value.into_owned()))
            .collect();
        SearchRequest::from_pairs(pairs)
    }

    /// From a JSON object with the same fields; filters may be a string or an array.
    pub fn from_json(body: &[u8]) -> Result<SearchRequest, SearchError> {
        let value: Value = serde_json::from_slice(body).map_err(|error| SearchError::InvalidJson(error.to_string()))?;
        let Value::Object(object) = value else {
            return Err(SearchError::InvalidJson("the body must be a JSON object".to_string()));
        };
        let mut pairs = Vec::new();
        for (key, value) in object {
            let mut push = |value: &Value| -> Result<(), SearchError> {
                let text = match value {
                    Value::String(text) => text.clone(),
                    Value::Number(number) => number.to_string(),
                    Value::Bool(flag) => flag.to_string(),
                    Value::Null => return Ok(()),
                    _ => {
                        return Err(SearchError::InvalidJson(format!(
                            "`{key}` must be a string, a number or an array of them"
                        )))
                    }
                };
                pairs.push((key.clone(), text));
                Ok(())
            };
            match &value {
                Value::Array(items) if key == "facets" => {
                    let names: Vec<String> = items
                        .iter()
                        .map(|item| item.as_str().unwrap_or_default().to_string())
                        .collect();
                    push(&Value::String(names.join(",")))?;
                }
                Value::Array(items) => items.iter().try_for_each(&mut push)?,
                other => push(other)?,
            }
        }
        SearchRequest::from_pairs(pairs)
    }

    pub(crate) fn from_pairs(pairs: Vec<(String, String)>) -> Result<SearchRequest, SearchError> {
        let mut request = SearchRequest::default();
        for (key, value) in pairs {
            request.set(key, value)?;
        }
        if let (Some(from), Some(to)) = (request.from, request.to_exclusive) {
            if from >= to {
                return Err(SearchError::parameter(
                    "to",
                    Code::InvalidDateRange,
                    "`to` is before `from`",
                ));
            }
        }
        Ok(request)
    }

    /// Takes one parameter: a filter value is added to the ones before, the rest replace.
    fn set(&mut self, key: String, value: String) -> Result<(), SearchError> {
        match key.as_str() {
            "q" => self.q = query_text(value)?,
            "region" => push_filter(&mut self.region, "region", value)?,
            "country" => push_filter(&mut self.country, "country", country_code("country", &value)?)?,
            "mentioned" => push_filter(&mut self.mentioned, "mentioned", country_code("mentioned", &value)?)?,
            "topic" => push_filter(&mut self.topic, "topic", value)?,
            "org" => push_filter(&mut self.org, "org", value)?,
            "main_org" => push_filter(&mut self.main_org, "main_org", value)?,
            "lang" => push_filter(&mut self.lang, "lang", language_code(&value)?)?,
            "source" => push_filter(&mut self.source, "source", value)?,
            "facet_expand" => push_filter(&mut self.facet_expand, "facet_expand", value)?,
            "from" => self.from = Some(parse_date_bound(&value, "from", false)?),
            "to" => self.to_exclusive = Some(parse_date_bound(&value, "to", true)?),
            "sort" => self.sort = SortOrder::parse(&value)?,
            "limit" => {
                self.limit = bounded_count(&value, "limit", Code::InvalidLimit, MAX_LIMIT)?;
                self.limit_given = true;
            }
            "offset" => self.offset = bounded_count(&value, "offset", Code::InvalidOffset, MAX_OFFSET)?,
            "facets" => self.facets = facet_list(&value)?,
            "facet_limit" => {
                self.facet_limit = bounded_count(&value, "facet_limit", Code::InvalidFacetLimit, MAX_FACET_LIMIT)?;
                self.facet_limit_given = true;
            }
            "typo" => self.typo = parse_flag(&value, "typo")?,
            "prefix" => self.prefix = parse_flag(&value, "prefix")?,
            "expand" => self.expand = parse_flag(&value, "expand")?,
            "collapse" => self.collapse = parse_flag(&value, "collapse")?,
            "fragments" => self.fragments = bounded_count(&value, "fragments", Code::InvalidFragments, MAX_FRAGMENTS)?,
            _ => return Err(SearchError::UnknownParameter(key)),
        }
        Ok(())
    }
}

impl SortOrder {
    fn parse(value: &str) -> Result<SortOrder, SearchError> {
        match value.trim() {
            "" | "relevance" => Ok(SortOrder::Relevance),
            "recency" => Ok(SortOrder::Recency),
            "date_desc" => Ok(SortOrder::DateDesc),
            "date_asc" => Ok(SortOrder::DateAsc),
            other => Err(SearchError::parameter(
                "sort",
                Code::InvalidSort,
                format!("`{other}` is not one of relevance, recency, date_desc, date_asc"),
            )),
        }
    }
}

/// The query text: at most [`MAX_QUERY_CHARS`] characters, no NUL.
fn query_text(value: String) -> Result<String, SearchError> {
    check_query_length(&value, MAX_QUERY_CHARS)?;
    if value.contains('\0') {
        return Err(SearchError::InvalidQuery(
            "the query contains a NUL character".to_string(),
        ));
    }
    Ok(value)
}

/// A query of at most `max` characters.
pub(crate) fn check_query_length(text: &str, max: usize) -> Result<(), SearchError> {
    if text.chars().count() > max {
        return Err(SearchError::QueryTooLong { max });
    }
    Ok(())
}

/// An ISO 639-1 code (or `und`), lowercased.
fn language_code(value: &str) -> Result<String, SearchError> {
    let code = value.trim().to_ascii_lowercase();
    if !(2..=3).contains(&code.len()) || !code.chars().all(|c| c.is_ascii_lowercase()) {
        return Err(SearchError::parameter(
            "lang",
            Code::InvalidLang,
            format!("`{value}` is not an ISO 639-1 code or `und`"),
        ));
    }
    Ok(code)
}

/// A comma list of facet names, each once, in the order given.
fn facet_list(value: &str) -> Result<Vec<FacetName>, SearchError> {
    let mut facets = Vec::new();
    for name in value.split(',').filter(|name| !name.trim().is_empty()) {
        let facet = FacetName::parse(name)?;
        if !facets.contains(&facet) {
            facets.push(facet);
        }
    }
    Ok(facets)
}

/// A whole number of at most `max` (`facet_limit` also at least 1).
pub(crate) fn bounded_count(
    value: &str,
    parameter: &'static str,
    code: Code,
    max: usize,
) -> Result<usize, SearchError> {
    let count = parse_count(value, parameter, code)?;
    check_count(count, parameter, max)?;
    Ok(count)
}

/// The error for a count over its most, as each parameter reports it.
pub(crate) fn check_count(count: usize, parameter: &'static str, max: usize) -> Result<(), SearchError> {
    match parameter {
        "limit" if count > max => Err(SearchError::LimitTooLarge { max }),
        "offset" if count > max => Err(SearchError::OffsetTooLarge { max }),
        "facet_limit" if !(1..=max).contains(&count) => Err(SearchError::parameter(
            "facet_limit",
            Code::InvalidFacetLimit,
            format!("`facet_limit` must be between 1 and {max}"),
        )),
        "fragments" if count > max => Err(SearchError::parameter(
            "fragments",
            Code::InvalidFragments,
            format!("`fragments` must be at most {max}"),
        )),
        _ => Ok(()),
    }
}

/// `GET /api/facets/{facet}`: the values of one facet matching a prefix (`q`), counted under
/// a search (`query` and the usual filters).
#[derive(Debug, Clone, PartialEq)]
pub struct FacetValueRequest {
    pub facet: FacetName,
    pub prefix: String,
    pub search: SearchRequest,
}

impl FacetValueRequest {
    pub fn from_query_string(facet: &str, query: &str) -> Result<FacetValueRequest, SearchError> {
        let facet = FacetName::parse(facet)?;
        check_encoding(query)?;
        let mut prefix = String::new();
        let mut pairs = Vec::new();
        for (key, value) in form_urlencoded::parse(query.as_bytes()) {
            match key.as_ref() {
                "q" => {
                    check_query_length(&value, MAX_QUERY_CHARS)?;
                    prefix = value.into_owned();
                }
                "query" => pairs.push(("q".to_string(), value.into_owned())),
                "limit" | "offset" | "facets" | "sort" | "fragments" | "facet_expand" => {
                    return Err(SearchError::UnknownParameter(key.into_owned()))
                }
                _ => pairs.push((key.into_owned(), value.into_owned())),
            }
        }
        let mut search = SearchRequest::from_pairs(pairs)?;
        search.limit = 0;
        search.facets = vec![facet];
        Ok(FacetValueRequest { facet, prefix, search })
    }
}

/// Percent-escapes must decode to UTF-8: `%FF` is refused, not turned into `�`.
pub(crate) fn check_encoding(query: &str) -> Result<(), SearchError> {
    let valid = query
        .split(['&', '='])
        .all(|part| percent_encoding::percent_decode_str(part).decode_utf8().is_ok());
    if valid {
        return Ok(());
    }
    Err(SearchError::parameter(
        "query string",
        Code::InvalidEncoding,
        "the query string is not UTF-8 once percent-decoded",
    ))
}

fn push_filter(values: &mut Vec<String>, parameter: &'static str, value: String) -> Result<(), SearchError> {
    let value = value.trim().to_string();
    if value.is_empty() {
        return Err(SearchError::parameter(
            parameter,
            Code::EmptyFilter,
            format!("`{parameter}` is empty"),
        ));
    }
    if values.len() >= MAX_FILTER_VALUES {
        return Err(SearchError::parameter(
            parameter,
            Code::TooManyValues,
            format!("at most {MAX_FILTER_VALUES} values"),
        ));
    }
    if value.chars().count() > MAX_VALUE_CHARS {
        return Err(SearchError::parameter(
            parameter,
            Code::ValueTooLong,
            format!("a value of `{parameter}` is at most {MAX_VALUE_CHARS} characters"),
        ));
    }
    if value.matches('/').count() > MAX_PATH_DEPTH {
        return Err(SearchError::parameter(
            parameter,
            Code::ValueTooLong,
            format!("a path in `{parameter}` has at most {MAX_PATH_DEPTH} levels"),
        ));
    }
    if !values.contains(&value) {
        values.push(value);
    }
    Ok(())
}

/// `true`/`false` (also `1`/`0`, `yes`/`no`).
fn parse_flag(value: &str, parameter: &'static str) -> Result<bool, SearchError> {
    match value.trim().to_ascii_lowercase().as_str() {
        "true" | "1" | "yes" => Ok(true),
        "false" | "0" | "no" => Ok(false),
        _ => Err(SearchError::parameter(
            parameter,
            Code::InvalidFlag,
            format!("`{value}` is not true or false"),
        )),
    }
}

/// An ISO 3166 alpha-3 code, uppercased.
fn country_code(parameter: &'static str, value: &str) -> Result<String, SearchError> {
    let code = value.trim().to_ascii_uppercase();
    if code.len() != 3 || !code.chars().all(|c| c.is_ascii_alphabetic()) {
        let message = format!("`{value}` is not an ISO 3166 alpha-3 code");
        return Err(SearchError::parameter(parameter, Code::InvalidCountry, message));
    }
    Ok(code)
}

fn parse_count(value: &str, parameter: &'static str, code: Code) -> Result<usize, SearchError> {
    value
        .trim()
        .parse::<usize>()
        .map_err(|_| SearchError::parameter(parameter, code, format!("`{value}` is not a whole number ≥ 0")))
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. As an upper bound it is exclusive and points past the
/// period: `to=2010` is the first of January 2011.
fn parse_date_bound(value: &str, parameter: &'static str, upper: bool) -> Result<Date, SearchError> {
    let invalid = || {
        SearchError::parameter(
            parameter,
            Code::InvalidDate,
            format!("`{value}` is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"),
        )
    };
    let parts: Vec<&str> = value.trim().split('-').collect();
    let number = |text: &str, digits: usize| -> Result<u32, SearchError> {
        if text.len() != digits || !text.chars().all(|c| c.is_ascii_digit()) {
            return Err(invalid());
        }
        text.parse().map_err(|_| invalid())
    };
    let year = number(parts.first().copied().unwrap_or(""), 4)? as i32;
    let month = parts.get(1).map(|m| number(m, 2)).transpose()?;
    let day = parts.get(2).map(|d| number(d, 2)).transpose()?;
    if parts.len() > 3 {
        return Err(invalid());
    }
    let month_of = |m: u32| Month::try_from(m as u8).map_err(|_| invalid());
    let start =
        Date::from_calendar_date(year, month_of(month.unwrap_or(1))?, day.unwrap_or(1) as u8).map_err(|_| invalid())?;
    if !upper {
        return Ok(start);
    }
    let next = match (month, day) {
        (_, Some(_)) => start.next_day(),
        (Some(_), None) => {
            let (next_year, next_month) = if start.month() == Month::December {
                (year + 1, Month::January)
            } else {
                (year, start.month().next())
            };
            Date::from_calendar_date(next_year, next_month, 1).ok()
        }
        (None, None) => Date::from_calendar_date(year + 1, Month::January, 1).ok(),
    };
    next.ok_or_else(invalid)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn get_and_post_give_the_same_request() {
        let from_get = SearchRequest::from_query_string(
            "q=trata&region=Central+America&region=Europe&limit=5&facets=region,org&to=2010",
        )
        .expect("valid");
        let from_post = SearchRequest::from_json(
            br#"{"q":"trata","region":["Central America","Europe"],"limit":5,"facets":["region","org"],"to":"2010"}"#,
        )
        .expect("valid");
        assert_eq!(from_get, from_post);
        assert_eq!(
            from_get.to_exclusive,
            Date::from_calendar_date(2011, Month::January, 1).ok()
        );
    }

    #[test]
    fn bad_parameters_have_their_own_codes() {
        let code = |query: &str| SearchRequest::from_query_string(query).expect_err("invalid").code();
        assert_eq!(code("limit=101"), "limit_too_large");
        assert_eq!(code("limit=-1"), "invalid_limit");
        assert_eq!(code("from=2010-13-01"), "invalid_date");
        assert_eq!(code("from=2012&to=2010"), "invalid_date_range");
        assert_eq!(code("facets=colour"), "unknown_facet");
        assert_eq!(code("sort=random"), "invalid_sort");
        assert_eq!(code("country=Costa+Rica"), "invalid_country");
        assert_eq!(code("colour=red"), "unknown_parameter");
        assert_eq!(code(&format!("facet_expand={}", "/".repeat(65_000))), "value_too_long");
        assert_eq!(code(&format!("facet_expand={}", "/a".repeat(9))), "value_too_long");
        assert_eq!(code(&format!("org={}", "x".repeat(201))), "value_too_long");
    }
}
