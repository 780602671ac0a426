//! Where the served index lives: `<dir>/CURRENT` names a generation folder `<dir>/gen-…`.

use std::path::{Path, PathBuf};

use tantivy::Index;

use crate::error::IndexError;
use crate::schema::{register_analyzers, Fields};

pub(crate) const CURRENT_FILE: &str = "CURRENT";
pub(crate) const GENERATION_PREFIX: &str = "gen-";
pub(crate) const PARTIAL_SUFFIX: &str = ".partial";

/// The generation folder `CURRENT` names, if any.
pub fn current_generation(dir: &Path) -> Option<PathBuf> {
    let name = std::fs::read_to_string(dir.join(CURRENT_FILE)).ok()?;
    let name = name.trim();
    let is_plain_name = name.starts_with(GENERATION_PREFIX) && !name.contains(['/', '\\']) && !name.contains("..");
    let generation = dir.join(name);
    (is_plain_name && generation.join("meta.json").is_file()).then_some(generation)
}

/// Opens the served index of `dir` (its current generation) with pressroom's analyzers.
pub fn open_index(dir: &Path) -> Result<(Index, Fields), IndexError> {
    let generation = current_generation(dir).ok_or_else(|| IndexError::NoIndex(dir.to_path_buf()))?;
    let index = Index::open_in_dir(&generation)?;
    register_analyzers(&index);
    let fields = Fields::from_schema(&index.schema()).map_err(|error| match error {
        IndexError::SchemaMismatch(_, field) => IndexError::SchemaMismatch(generation.clone(), field),
        other => other,
    })?;
    Ok((index, fields))
}

/// Points `CURRENT` at `generation` atomically (write a temporary file, then rename).
pub(crate) fn switch_current(dir: &Path, generation_name: &str) -> Result<(), IndexError> {
    let temporary = dir.join(format!("{CURRENT_FILE}.tmp"));
    std::fs::write(&temporary, format!("{generation_name}\n")).map_err(IndexError::io(&temporary))?;
    let file = std::fs::File::open(&temporary).map_err(IndexError::io(&temporary))?;
    file.sync_all().map_err(IndexError::io(&temporary))?;
    std::fs::rename(&temporary, dir.join(CURRENT_FILE)).map_err(IndexError::io(dir))?;
    if let Ok(directory) = std::fs::File::open(dir) {
        let _ = directory.sync_all();
    }
    Ok(())
}

/// Removes unfinished builds and all generations but the current one and the one before it.
pub(crate) fn remove_old_generations(dir: &Path, keep: &str) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut finished: Vec<String> = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.starts_with(GENERATION_PREFIX) || name == keep {
            continue;
        }
        if name.ends_with(PARTIAL_SUFFIX) {
            let _ = std::fs::remove_dir_all(entry.path());
        } else {
            finished.push(name);
        }
    }
    finished.sort();
    // Names sort by build time: keep the newest previous generation for readers still on it.
    finished.pop();
    for name in finished {
        let _ = std::fs::remove_dir_all(dir.join(name));
    }
}
