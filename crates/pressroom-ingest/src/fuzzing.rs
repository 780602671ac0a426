//! Entry point for the reader fuzz targets (`fuzz/`) and their regression test: arbitrary
//! bytes as a file of one format. Every outcome is a record or a reported problem; a panic
//! is a bug.

use std::sync::atomic::{AtomicU64, Ordering};

use crate::detect::Format;

/// Writes `data` to a temporary file named `*.{extension}` and reads it as `format`.
pub fn read_as(format: Format, extension: &str, data: &[u8]) {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let dir = std::env::temp_dir().join(format!(
        "pressroom-fuzz-{}-{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    if std::fs::create_dir_all(&dir).is_err() {
        return;
    }
    let file = dir.join(format!("input.{extension}"));
    if std::fs::write(&file, data).is_ok() {
        let mut records = 0usize;
        let summary = crate::read_sources(std::slice::from_ref(&file), Some(format), &mut |item| {
            if let Ok(record) = item {
                assert!(!record.id.is_empty(), "a record without an id");
                records += 1;
            }
        });
        if let Ok(summary) = summary {
            assert_eq!(summary.records, records);
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}
