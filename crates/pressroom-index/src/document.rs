//! A record and its enrichment as a tantivy document, and back.

use pressroom_enrich::Enrichment;
use pressroom_ingest::Record;
use serde::{Deserialize, Serialize};
use tantivy::schema::{Facet, Field, Value};
use tantivy::{DateTime, TantivyDocument};

use crate::fingerprint::Fingerprint;
use crate::schema::Fields;

/// Builds the tantivy document of a record.
pub fn to_document(fields: &Fields, record: &Record, enrichment: &Enrichment) -> TantivyDocument {
    let mut document = TantivyDocument::new();
    document.add_text(fields.id, &record.id);
    document.add_text(fields.title, &record.title);
    document.add_text(fields.body, &record.body);
    document.add_text(fields.body_pairs, &record.body);
    if let Some(stemmed) = fields.stemmed_for(&enrichment.lang) {
        document.add_text(stemmed.title, &record.title);
        document.add_text(stemmed.body, &record.body);
    }
    let publication_date = record.date.or_else(|| {
        let format = time::macros::format_description!("[year]-[month]-[day]");
        enrichment
            .date
            .as_deref()
            .and_then(|text| time::Date::parse(text, format).ok())
    });
    if let Some(date) = publication_date {
        let timestamp = date.midnight().assume_utc().unix_timestamp();
        document.add_date(fields.date, DateTime::from_timestamp_secs(timestamp));
        if let Ok(year) = u64::try_from(date.year()) {
            document.add_u64(fields.year, year);
        }
    }
    for (field, facet) in facet_values(fields, &record.source, enrichment) {
        document.add_facet(field, facet);
    }
    for (field, value) in [
        (fields.url, &record.url),
        (fields.contributor, &record.contributor),
        (fields.contact, &record.contact),
    ] {
        if let Some(value) = value {
            document.add_text(field, value);
        }
    }
    let enrichment_json = serde_json::to_string(enrichment).unwrap_or_default();
    document.add_text(fields.enrichment, enrichment_json);
    let fingerprint = Fingerprint::of(&record.title, &record.body);
    document.add_u64(fields.dup_exact, fingerprint.exact);
    document.add_bytes(fields.dup_sketch, &fingerprint.sketch);
    document
}

/// A facet field, a list of the enrichment, and how its values become facets.
type FacetList<'a> = (Field, &'a [String], fn(&str) -> Facet);

/// The facet values of a release from `source` and its enrichment, field by field: what
/// the index counts and filters on, and what "similar" releases share. Only `source` is
/// stored as a facet; the others are read back from the stored enrichment.
pub fn facet_values(fields: &Fields, source: &str, enrichment: &Enrichment) -> Vec<(Field, Facet)> {
    let lists: [FacetList; 6] = [
        (fields.region, &enrichment.regions, path_facet),
        (fields.country, &enrichment.main_countries, flat_facet),
        (fields.mentioned, &enrichment.mentioned_countries, flat_facet),
        (fields.topic, &enrichment.topics, path_facet),
        (fields.org, &enrichment.organizations, flat_facet),
        (fields.main_org, &enrichment.main_organizations, flat_facet),
    ];
    let mut values: Vec<(Field, Facet)> = lists
        .iter()
        .flat_map(|&(field, list, facet)| list.iter().map(move |value| (field, facet(value))))
        .collect();
    values.push((fields.lang, flat_facet(&enrichment.lang)));
    values.push((fields.source, flat_facet(source)));
    values
}

/// A tree facet's value from its path (`/Africa/Eastern Africa/Kenya`), or the path as one
/// value when it is not one.
fn path_facet(path: &str) -> Facet {
    Facet::from_text(path).unwrap_or_else(|_| Facet::from_path([path]))
}

/// A flat facet's value (`IOM`, `KEN`).
fn flat_facet(value: &str) -> Facet {
    Facet::from_path([value])
}

/// A stored document as the API returns it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredDocument {
    pub id: String,
    pub title: String,
    pub body: String,
    pub source: String,
    pub url: Option<String>,
    pub contributor: Option<String>,
    pub contact: Option<String>,
    /// The facets, and the publication date (`date`, `YYYY-MM-DD`).
    #[serde(flatten)]
    pub enrichment: Enrichment,
}

impl StoredDocument {
    pub fn from_tantivy(fields: &Fields, document: &TantivyDocument) -> StoredDocument {
        let text = |field| {
            document
                .get_first(field)
                .and_then(|value| value.as_str())
                .map(str::to_string)
        };
        let facet_value = |field| {
            document
                .get_first(field)
                .and_then(|value| value.as_facet())
                .and_then(|encoded| Facet::from_encoded(encoded.as_bytes().to_vec()).ok())
                .map(|facet| facet.to_path().concat())
        };
        let date = document
            .get_first(fields.date)
            .and_then(|value| value.as_datetime())
            .map(format_date);
        let mut enrichment = text(fields.enrichment)
            .and_then(|json| serde_json::from_str::<Enrichment>(&json).ok())
            .unwrap_or_default();
        enrichment.date = date;
        StoredDocument {
            id: text(fields.id).unwrap_or_default(),
            title: text(fields.title).unwrap_or_default(),
            body: text(fields.body).unwrap_or_default(),
            source: facet_value(fields.source).unwrap_or_default(),
            url: text(fields.url),
            contributor: text(fields.contributor),
            contact: text(fields.contact),
            enrichment,
        }
    }
}

/// `YYYY-MM-DD` of a stored date.
pub fn format_date(date: DateTime) -> String {
    let utc = date.into_utc();
    format!("{:04}-{:02}-{:02}", utc.year(), u8::from(utc.month()), utc.day())
}
