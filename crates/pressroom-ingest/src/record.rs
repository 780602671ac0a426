use serde::{Deserialize, Serialize};
use time::Date;

use crate::error::ProblemKind;

/// One release as read and cleaned, before enrichment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// `<source>:<native id>` (`trove:211240589`, `seed:000_da6cd36295dcc9e9`).
    pub id: String,
    /// Collection name: `trove`, `reliefweb`, `reuters`, `enwiki`, `jsonl` or a folder name.
    pub source: String,
    pub title: String,
    /// Cleaned text, kept for display and indexed.
    pub body: String,
    #[serde(with = "opt_date", default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contributor: Option<String>,
    /// The "For further information, please contact" block, split off the body.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
    /// Language the source declares (ISO 639-1), used only as a tie-breaker.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub declared_lang: Option<String>,
    /// ISO alpha-3 of the country a collection's releases come from, when the collection
    /// says so (Trove: Australian parliamentary press releases). A prior for the main country.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub home_country: Option<String>,
    /// Labels a collection ships for evaluation. Never used as facets.
    #[serde(default, skip_serializing_if = "Labels::is_empty")]
    pub labels: Labels,
}

/// The longest record id, in bytes. An id is a key, not text: tantivy keeps no term over
/// 65,530 bytes, so a longer id could be neither fetched, replaced nor deleted.
pub const MAX_ID_BYTES: usize = 512;

impl Record {
    /// Why the record cannot be indexed, if it cannot: it has neither title nor text, or its
    /// id is empty or too long.
    pub fn defect(&self) -> Option<(ProblemKind, String)> {
        if self.id.trim().is_empty() {
            return Some((ProblemKind::BadId, "the id is empty".to_string()));
        }
        if self.id.len() > MAX_ID_BYTES {
            let start: String = self.id.chars().take(40).collect();
            let detail = format!(
                "the id is {} bytes long, over the {MAX_ID_BYTES} allowed (it starts `{start}`)",
                self.id.len()
            );
            return Some((ProblemKind::BadId, detail));
        }
        if self.title.trim().is_empty() && self.body.trim().is_empty() {
            return Some((ProblemKind::Empty, format!("{} has no title and no text", self.id)));
        }
        None
    }
}

/// Gold labels shipped with some collections (Reuters PLACES/ORGS/TOPICS, ReliefWeb themes
/// and language names), kept for `pressroom eval` only.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Labels {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub orgs: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub topics: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub themes: Vec<String>,
    /// Language names a collection gives (ReliefWeb lists a few reports under two).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<String>,
    /// Reuters `LEWISSPLIT` (`TRAIN`, `TEST`, `NOT-USED`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub split: Option<String>,
}

impl Labels {
    pub fn is_empty(&self) -> bool {
        *self == Labels::default()
    }
}

mod opt_date {
    use serde::{Deserialize, Deserializer, Serializer};
    use time::{macros::format_description, Date};

    const FORMAT: &[time::format_description::FormatItem<'static>] = format_description!("[year]-[month]-[day]");

    pub fn serialize<S: Serializer>(date: &Option<Date>, serializer: S) -> Result<S::Ok, S::Error> {
        match date {
            Some(date) => {
                let text = date.format(FORMAT).map_err(serde::ser::Error::custom)?;
                serializer.serialize_str(&text)
            }
            None => serializer.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Date>, D::Error> {
        let text: Option<String> = Option::deserialize(deserializer)?;
        match text {
            Some(text) => Date::parse(&text, FORMAT).map(Some).map_err(serde::de::Error::custom),
            None => Ok(None),
        }
    }
}
