//! For unit tests: a searcher over an in-memory index built from bodies, one commit (one
//! segment) per group.

use pressroom_index::schema::Fields;
use tantivy::{Searcher, TantivyDocument};

/// A searcher over one segment per group of `segments`, each text the body of a release
/// (ids `doc:0`, `doc:1`… in order), and the index's fields.
pub(crate) fn searcher_of(segments: &[&[&str]]) -> (Searcher, Fields) {
    let (index, fields) = pressroom_index::schema::in_memory().expect("an index in memory");
    let mut writer = index.writer_with_num_threads(1, 20_000_000).expect("a writer");
    let mut number = 0;
    for texts in segments {
        for text in *texts {
            let mut document = TantivyDocument::new();
            document.add_text(fields.id, format!("doc:{number}"));
            document.add_text(fields.body, text);
            document.add_text(fields.body_pairs, text);
            writer.add_document(document).expect("added");
            number += 1;
        }
        writer.commit().expect("a segment");
    }
    let searcher = index.reader().expect("a reader").searcher();
    assert_eq!(searcher.segment_readers().len(), segments.len());
    (searcher, fields)
}
