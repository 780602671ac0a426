//! A write batch: the body of `POST /api/documents` (one JSON object, an array of them, or
//! one object per line) turned into records, each malformed item reported with its position
//! and reason. Arrays are read one item at a time, so a body of millions of tiny items never
//! becomes millions of values at once, and only the first [`MAX_REJECTED_LISTED`] rejections
//! are listed (all are counted).

use std::fmt;

use pressroom_ingest::Record;
use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize as _, Serialize};
use serde_json::{Map, Value};

use crate::error::SearchError;

/// Rejections listed in a write's answer; the rest are only counted.
pub const MAX_REJECTED_LISTED: usize = 100;

/// How the body is framed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Framing {
    /// `application/json`: one object or an array of objects.
    Json,
    /// `application/x-ndjson`: one object per line.
    Lines,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rejection {
    pub index: usize,
    pub reason: String,
}

/// The records of a batch and what was rejected.
#[derive(Debug, Default)]
pub struct Batch {
    pub records: Vec<Record>,
    /// The first [`MAX_REJECTED_LISTED`] rejections.
    pub rejected: Vec<Rejection>,
    pub rejected_total: usize,
}

impl Batch {
    fn take(&mut self, index: usize, item: Result<Map<String, Value>, String>) {
        let record = item.and_then(|object| {
            let source = object
                .get("source")
                .and_then(Value::as_str)
                .filter(|source| !source.trim().is_empty())
                .unwrap_or("api")
                .to_string();
            let record = pressroom_ingest::record_from_json(&object, &source)?;
            match record.defect() {
                Some((_, reason)) => Err(reason),
                None => Ok(record),
            }
        });
        match record {
            Ok(record) => self.records.push(record),
            Err(reason) => {
                self.rejected_total += 1;
                if self.rejected.len() < MAX_REJECTED_LISTED {
                    self.rejected.push(Rejection { index, reason });
                }
            }
        }
    }

    /// The error for a batch with no valid record: how many were rejected and the first
    /// reasons.
    pub fn nothing_valid(&self) -> SearchError {
        let first: Vec<String> = self
            .rejected
            .iter()
            .take(3)
            .map(|rejection| format!("item {}: {}", rejection.index, rejection.reason))
            .collect();
        SearchError::InvalidJson(format!(
            "no valid document in the body ({} rejected; {})",
            self.rejected_total,
            if first.is_empty() {
                "the body is empty".to_string()
            } else {
                first.join("; ")
            }
        ))
    }
}

/// Reads a write batch.
pub fn parse(body: &[u8], framing: Framing) -> Result<Batch, SearchError> {
    let mut batch = Batch::default();
    match framing {
        Framing::Lines => {
            let text =
                std::str::from_utf8(body).map_err(|_| SearchError::InvalidJson("the body is not UTF-8".into()))?;
            for (index, line) in text.lines().filter(|line| !line.trim().is_empty()).enumerate() {
                let item = match serde_json::from_str::<Value>(line) {
                    Ok(Value::Object(object)) => Ok(object),
                    Ok(_) => Err("not a JSON object".to_string()),
                    Err(error) => Err(error.to_string()),
                };
                batch.take(index, item);
            }
        }
        Framing::Json => {
            let mut deserializer = serde_json::Deserializer::from_slice(body);
            BatchSeed(&mut batch)
                .deserialize(&mut deserializer)
                .and_then(|()| deserializer.end())
                .map_err(|error| SearchError::InvalidJson(error.to_string()))?;
        }
    }
    Ok(batch)
}

/// Feeds a JSON object, or each item of an array, to the batch as it is read.
struct BatchSeed<'a>(&'a mut Batch);

impl<'de> DeserializeSeed<'de> for BatchSeed<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for BatchSeed<'_> {
    type Value = ();

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("an object, an array of objects or NDJSON")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<(), A::Error> {
        let object = Map::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
        self.0.take(0, Ok(object));
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut items: A) -> Result<(), A::Error> {
        let mut index = 0;
        while let Some(item) = items.next_element::<Item>()? {
            self.0.take(index, item.0);
            index += 1;
        }
        Ok(())
    }
}

/// One array item: an object, or the reason it is not one (its value is skipped unread).
struct Item(Result<Map<String, Value>, String>);

impl<'de> serde::Deserialize<'de> for Item {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Item, D::Error> {
        struct ItemVisitor;
        impl<'de> Visitor<'de> for ItemVisitor {
            type Value = Item;

            fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
                formatter.write_str("a JSON value")
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Item, A::Error> {
                let object = Map::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
                Ok(Item(Ok(object)))
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut items: A) -> Result<Item, A::Error> {
                while items.next_element::<IgnoredAny>()?.is_some() {}
                Ok(not_an_object())
            }

            fn visit_bool<E>(self, _: bool) -> Result<Item, E> {
                Ok(not_an_object())
            }
            fn visit_i64<E>(self, _: i64) -> Result<Item, E> {
                Ok(not_an_object())
            }
            fn visit_u64<E>(self, _: u64) -> Result<Item, E> {
                Ok(not_an_object())
            }
            fn visit_f64<E>(self, _: f64) -> Result<Item, E> {
                Ok(not_an_object())
            }
            fn visit_str<E>(self, _: &str) -> Result<Item, E> {
                Ok(not_an_object())
            }
            fn visit_unit<E>(self) -> Result<Item, E> {
                Ok(not_an_object())
            }
        }
        deserializer.deserialize_any(ItemVisitor)
    }
}

fn not_an_object() -> Item {
    Item(Err("not a JSON object".to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn objects_arrays_and_lines_give_records_and_rejections() {
        let batch = parse(br#"{"id": "a", "title": "Floods in Chad"}"#, Framing::Json).expect("parsed");
        assert_eq!((batch.records.len(), batch.rejected_total), (1, 0));
        let batch = parse(
            br#"[{"id": "a", "title": "x"}, 7, {"title": "no id"}, {"id": "b", "body": "text"}, [1, [2]]]"#,
            Framing::Json,
        )
        .expect("parsed");
        let ids: Vec<&str> = batch.records.iter().map(|record| record.id.as_str()).collect();
        assert_eq!(ids, ["a", "b"]);
        let indexes: Vec<usize> = batch.rejected.iter().map(|rejection| rejection.index).collect();
        assert_eq!(indexes, [1, 2, 4]);
        let batch = parse(b"{\"id\": \"a\", \"title\": \"x\"}\n\nnot json\n", Framing::Lines).expect("parsed");
        assert_eq!((batch.records.len(), batch.rejected_total), (1, 1));
        assert!(parse(b"[{\"id\": \"a\"", Framing::Json).is_err());
        assert!(parse(b"\"text\"", Framing::Json).is_err());
    }

    #[test]
    fn a_million_bad_items_are_counted_but_only_a_hundred_listed() {
        let body = format!("[{}0]", "0,".repeat(999_999));
        let batch = parse(body.as_bytes(), Framing::Json).expect("parsed");
        assert_eq!(batch.rejected_total, 1_000_000);
        assert_eq!(batch.rejected.len(), MAX_REJECTED_LISTED);
        let message = batch.nothing_valid().to_string();
        assert!(message.len() < 300 && message.contains("1000000 rejected"), "{message}");
    }

    #[test]
    fn ids_too_long_for_a_key_are_rejected() {
        let id = "x".repeat(pressroom_ingest::MAX_ID_BYTES + 1);
        let body = serde_json::json!([{"id": id, "title": "t"}, {"id": "ok", "title": "t"}]).to_string();
        let batch = parse(body.as_bytes(), Framing::Json).expect("parsed");
        assert_eq!(batch.records.len(), 1);
        assert!(
            batch.rejected[0].reason.contains("over the 512 allowed"),
            "{:?}",
            batch.rejected
        );
    }
}
