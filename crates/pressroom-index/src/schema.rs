//! The schema: full-text `title` and `body` (positions, folded accents), the same text again
//! in `title_<lang>`/`body_<lang>` analysed for the document's language (stop words,
//! stemming), the body's stop-word pairs in `body_pairs` ([`crate::pairs`]), a fast `date`
//! and `year`, one facet field per facet, and stored display fields.

use tantivy::schema::{
    DateOptions, DateTimePrecision, FacetOptions, Field, IndexRecordOption, NumericOptions, Schema, TextFieldIndexing,
    TextOptions, FAST, INDEXED, STORED, STRING,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, StopWordFilter, TextAnalyzer,
    TextAnalyzerBuilder, Tokenizer,
};
use tantivy::Index;

use crate::error::IndexError;
use crate::pairs::PairFilter;
use crate::stems::RememberedStemmer;

/// The analyzer of `title` and `body`: words, lowercased, accents folded
/// (`réfugiés` → `refugies`, `migración` → `migracion`).
pub const TEXT_ANALYZER: &str = "pressroom_text";
/// The analyzer of `body_pairs`: [`TEXT_ANALYZER`]'s words, paired ([`crate::pairs`]).
pub const PAIRS_ANALYZER: &str = "pressroom_pairs";

pub const ID: &str = "id";
pub const TITLE: &str = "title";
pub const BODY: &str = "body";
/// The body's stop-word pairs (indexed only).
pub const BODY_PAIRS: &str = "body_pairs";
pub const DATE: &str = "date";
pub const YEAR: &str = "year";
pub const REGION: &str = "region";
pub const COUNTRY: &str = "country";
pub const MENTIONED: &str = "mentioned";
pub const TOPIC: &str = "topic";
pub const ORG: &str = "org";
/// The main organizations: the issuer and those the release is about.
pub const MAIN_ORG: &str = "main_org";
pub const LANG: &str = "lang";
pub const SOURCE: &str = "source";
pub const URL: &str = "url";
pub const CONTRIBUTOR: &str = "contributor";
pub const CONTACT: &str = "contact";
/// The whole enrichment as JSON, for the document endpoint.
pub const ENRICHMENT: &str = "enrichment";
/// The fingerprint ([`crate::fingerprint`]): hash of the normalised text, MinHash sketch.
pub const DUP_EXACT: &str = "dup_exact";
pub const DUP_SKETCH: &str = "dup_sketch";

/// The languages tantivy stems (ISO 639-1 code, stemmer). A document detected in one of
/// them is indexed a second time in `title_<code>`/`body_<code>` with that language's stop
/// words and stemmer, so `refugee` finds `refugees` and `mujer` finds `mujeres`.
pub const STEMMED_LANGUAGES: [(&str, Language); 18] = [
    ("ar", Language::Arabic),
    ("da", Language::Danish),
    ("de", Language::German),
    ("el", Language::Greek),
    ("en", Language::English),
    ("es", Language::Spanish),
    ("fi", Language::Finnish),
    ("fr", Language::French),
    ("hu", Language::Hungarian),
    ("it", Language::Italian),
    ("nl", Language::Dutch),
    ("no", Language::Norwegian),
    ("pt", Language::Portuguese),
    ("ro", Language::Romanian),
    ("ru", Language::Russian),
    ("sv", Language::Swedish),
    ("ta", Language::Tamil),
    ("tr", Language::Turkish),
];

/// The analyzer name of a stemmed language: `pressroom_en`.
pub fn stemmed_analyzer_name(code: &str) -> String {
    format!("pressroom_{code}")
}

/// The title and body fields analysed in one language.
#[derive(Debug, Clone, Copy)]
pub struct StemmedFields {
    pub lang: &'static str,
    pub title: Field,
    pub body: Field,
}

/// The facet fields, in the order responses list them.
pub const FACET_FIELDS: [&str; 8] = [REGION, COUNTRY, MENTIONED, TOPIC, ORG, MAIN_ORG, LANG, SOURCE];

/// Field handles, resolved once from the schema.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    pub id: Field,
    pub title: Field,
    pub body: Field,
    pub body_pairs: Field,
    pub date: Field,
    pub year: Field,
    pub region: Field,
    pub country: Field,
    pub mentioned: Field,
    pub topic: Field,
    pub org: Field,
    pub main_org: Field,
    pub lang: Field,
    pub source: Field,
    pub url: Field,
    pub contributor: Field,
    pub contact: Field,
    pub enrichment: Field,
    pub dup_exact: Field,
    pub dup_sketch: Field,
    /// One entry per [`STEMMED_LANGUAGES`] entry, in that order.
    pub stemmed: [StemmedFields; STEMMED_LANGUAGES.len()],
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
    builder.add_text_field(
        BODY_PAIRS,
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(PAIRS_ANALYZER)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        ),
    );
    for (code, _) in STEMMED_LANGUAGES {
        let stemmed = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(&stemmed_analyzer_name(code))
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        );
        builder.add_text_field(&format!("{TITLE}_{code}"), stemmed.clone());
        builder.add_text_field(&format!("{BODY}_{code}"), stemmed);
    }
    builder.add_date_field(
        DATE,
        DateOptions::from(INDEXED)
            .set_stored()
            .set_fast()
            .set_precision(DateTimePrecision::Seconds),
    );
    builder.add_u64_field(YEAR, NumericOptions::default().set_indexed().set_fast().set_stored());
    // Only the source is read back from a stored document as a facet: the others are in the
    // stored enrichment, and storing them twice made every hit's stored document longer to
    // read.
    for facet in FACET_FIELDS {
        let options = FacetOptions::default();
        builder.add_facet_field(facet, if facet == SOURCE { options.set_stored() } else { options });
    }
    for stored in [URL, CONTRIBUTOR, CONTACT, ENRICHMENT] {
        builder.add_text_field(stored, STORED);
    }
    builder.add_u64_field(DUP_EXACT, FAST);
    builder.add_bytes_field(DUP_SKETCH, FAST);
    builder.build()
}

impl Fields {
    pub fn from_schema(schema: &Schema) -> Result<Fields, IndexError> {
        let field = |name: &'static str| {
            schema
                .get_field(name)
                .map_err(|_| IndexError::SchemaMismatch(Default::default(), name))
        };
        let mut stemmed = Vec::with_capacity(STEMMED_LANGUAGES.len());
        for (code, _) in STEMMED_LANGUAGES {
            let title_name = format!("{TITLE}_{code}");
            let body_name = format!("{BODY}_{code}");
            let missing = |_| IndexError::SchemaMismatch(Default::default(), "title_<lang>/body_<lang>");
            stemmed.push(StemmedFields {
                lang: code,
                title: schema.get_field(&title_name).map_err(missing)?,
                body: schema.get_field(&body_name).map_err(missing)?,
            });
        }
        let stemmed: [StemmedFields; STEMMED_LANGUAGES.len()] = stemmed
            .try_into()
            .map_err(|_| IndexError::SchemaMismatch(Default::default(), "title_<lang>/body_<lang>"))?;
        Ok(Fields {
            id: field(ID)?,
            title: field(TITLE)?,
            body: field(BODY)?,
            body_pairs: field(BODY_PAIRS)?,
            date: field(DATE)?,
            year: field(YEAR)?,
            region: field(REGION)?,
            country: field(COUNTRY)?,
            mentioned: field(MENTIONED)?,
            topic: field(TOPIC)?,
            org: field(ORG)?,
            main_org: field(MAIN_ORG)?,
            lang: field(LANG)?,
            source: field(SOURCE)?,
            url: field(URL)?,
            contributor: field(CONTRIBUTOR)?,
            contact: field(CONTACT)?,
            enrichment: field(ENRICHMENT)?,
            dup_exact: field(DUP_EXACT)?,
            dup_sketch: field(DUP_SKETCH)?,
            stemmed,
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
            MAIN_ORG => Some(self.main_org),
            LANG => Some(self.lang),
            SOURCE => Some(self.source),
            _ => None,
        }
    }

    /// The stemmed fields of a language, when tantivy stems it.
    pub fn stemmed_for(&self, lang: &str) -> Option<&StemmedFields> {
        self.stemmed.iter().find(|fields| fields.lang == lang)
    }
}

/// An empty index in memory with pressroom's schema and analyzers (tests, fuzzing).
pub fn in_memory() -> Result<(Index, Fields), IndexError> {
    let index = Index::create_in_ram(build_schema());
    register_analyzers(&index);
    let fields = Fields::from_schema(&index.schema())?;
    Ok((index, fields))
}

/// Registers pressroom's analyzers on an index (needed after every open).
pub fn register_analyzers(index: &Index) {
    index.tokenizers().register(TEXT_ANALYZER, base_words().build());
    index.tokenizers().register(PAIRS_ANALYZER, pairs_analyzer());
    for (code, language) in STEMMED_LANGUAGES {
        index
            .tokenizers()
            .register(&stemmed_analyzer_name(code), stemmed_analyzer(language));
    }
}

/// [`TEXT_ANALYZER`]'s words: split on what is not a letter or digit, those of 48 bytes or
/// more dropped, lowercased, accents folded.
fn base_words() -> TextAnalyzerBuilder<impl Tokenizer> {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(48))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
}

/// [`PAIRS_ANALYZER`].
pub fn pairs_analyzer() -> TextAnalyzer {
    base_words().filter(PairFilter).build()
}

/// Words, lowercased, the language's stop words removed (where tantivy has a list), stemmed,
/// then accents folded so `refugies` and `réfugiés` stem alike.
pub fn stemmed_analyzer(language: Language) -> TextAnalyzer {
    let builder = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(48))
        .filter(LowerCaser)
        .dynamic();
    let builder = match StopWordFilter::new(language) {
        Some(stop_words) => builder.filter_dynamic(stop_words),
        None => builder,
    };
    builder
        .filter_dynamic(RememberedStemmer::new(language))
        .filter_dynamic(AsciiFoldingFilter)
        .build()
}
