//! The schema: full-text `title` and `body` (positions, folded accents), a fast `date` and
//! `year`, one facet field per facet, and stored display fields.

use tantivy::schema::{
    DateOptions, DateTimePrecision, FacetOptions, Field, IndexRecordOption, NumericOptions, Schema, TextFieldIndexing,
    TextOptions, FAST, INDEXED, STORED, STRING,
};
use tantivy::tokenizer::{AsciiFoldingFilter, LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer};
use tantivy::Index;

use crate::error::IndexError;

/// The analyzer of `title` and `body`: words, lowercased, accents folded
/// (`réfugiés` → `refugies`, `migración` → `migracion`).
pub const TEXT_ANALYZER: &str = "pressroom_text";

pub const ID: &str = "id";
pub const TITLE: &str = "title";
pub const BODY: &str = "body";
pub const DATE: &str = "date";
pub const YEAR: &str = "year";
pub const REGION: &str = "region";
pub const COUNTRY: &str = "country";
pub const MENTIONED: &str = "mentioned";
pub const TOPIC: &str = "topic";
pub const ORG: &str = "org";
pub const LANG: &str = "lang";
pub const SOURCE: &str = "source";
pub const URL: &str = "url";
pub const CONTRIBUTOR: &str = "contributor";
pub const CONTACT: &str = "contact";
/// The whole enrichment as JSON, for the document endpoint.
pub const ENRICHMENT: &str = "enrichment";

/// The facet fields, in the order responses list them.
pub const FACET_FIELDS: [&str; 7] = [REGION, COUNTRY, MENTIONED, TOPIC, ORG, LANG, SOURCE];

/// Field handles, resolved once from the schema.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    pub id: Field,
    pub title: Field,
    pub body: Field,
    pub date: Field,
    pub year: Field,
    pub region: Field,
    pub country: Field,
    pub mentioned: Field,
    pub topic: Field,
    pub org: Field,
    pub lang: Field,
    pub source: Field,
    pub url: Field,
    pub contributor: Field,
    pub contact: Field,
    pub enrichment: Field,
}

pub fn build_schema() -> Schema {
    let mut builder = Schema::builder();
    let text = TextOptions::default()
        .set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(TEXT_ANALYZER)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        )
        .set_stored();
    builder.add_text_field(ID, STRING | STORED | FAST);
    builder.add_text_field(TITLE, text.clone());
    builder.add_text_field(BODY, text);
    builder.add_date_field(
        DATE,
        DateOptions::from(INDEXED)
            .set_stored()
            .set_fast()
            .set_precision(DateTimePrecision::Seconds),
    );
    builder.add_u64_field(YEAR, NumericOptions::default().set_indexed().set_fast().set_stored());
    for facet in FACET_FIELDS {
        builder.add_facet_field(facet, FacetOptions::default().set_stored());
    }
    for stored in [URL, CONTRIBUTOR, CONTACT, ENRICHMENT] {
        builder.add_text_field(stored, STORED);
    }
    builder.build()
}

impl Fields {
    pub fn from_schema(schema: &Schema) -> Result<Fields, IndexError> {
        let field = |name: &'static str| {
            schema
                .get_field(name)
                .map_err(|_| IndexError::SchemaMismatch(Default::default(), name))
        };
        Ok(Fields {
            id: field(ID)?,
            title: field(TITLE)?,
            body: field(BODY)?,
            date: field(DATE)?,
            year: field(YEAR)?,
            region: field(REGION)?,
            country: field(COUNTRY)?,
            mentioned: field(MENTIONED)?,
            topic: field(TOPIC)?,
            org: field(ORG)?,
            lang: field(LANG)?,
            source: field(SOURCE)?,
            url: field(URL)?,
            contributor: field(CONTRIBUTOR)?,
            contact: field(CONTACT)?,
            enrichment: field(ENRICHMENT)?,
        })
    }

    /// The facet field of that name.
    pub fn facet(&self, name: &str) -> Option<Field> {
        match name {
            REGION => Some(self.region),
            COUNTRY => Some(self.country),
            MENTIONED => Some(self.mentioned),
            TOPIC => Some(self.topic),
            ORG => Some(self.org),
            LANG => Some(self.lang),
            SOURCE => Some(self.source),
            _ => None,
        }
    }
}

/// Registers pressroom's analyzers on an index (needed after every open).
pub fn register_analyzers(index: &Index) {
    let analyzer = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(48))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build();
    index.tokenizers().register(TEXT_ANALYZER, analyzer);
}
