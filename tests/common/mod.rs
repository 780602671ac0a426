//! Helpers shared by the end-to-end tests: where the shared corpora are, and a skip macro.
#![allow(dead_code)]

use std::path::PathBuf;

/// The repository root.
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `PRESSROOM_SHARED`, or `../shared` beside the checkout; `None` when it is absent.
pub fn shared_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("PRESSROOM_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("../shared"));
    dir.join("corpus").is_dir().then_some(dir)
}

/// The shared data folder, or returns from the test after printing why it is skipped.
#[macro_export]
macro_rules! shared_or_skip {
    () => {
        match common::shared_dir() {
            Some(dir) => dir,
            None => {
                eprintln!("skipped: shared data not found (set PRESSROOM_SHARED or put it at ../shared)");
                return;
            }
        }
    };
}

/// Every record read from `paths` (problems ignored: the reader tests check those).
pub fn read_records(paths: &[PathBuf]) -> Vec<pressroom_ingest::Record> {
    let mut records = Vec::new();
    pressroom_ingest::read_sources(paths, None, &mut |item| {
        if let Ok(record) = item {
            records.push(record);
        }
    })
    .expect("sources exist");
    records
}
