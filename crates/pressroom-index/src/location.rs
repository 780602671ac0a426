//! Where the served index lives: `<dir>/CURRENT` names a generation folder `<dir>/gen-…`.
//!
//! Who may remove a generation: builds and updates take turns on `<dir>/build.lock`
//! ([`BuildLock`]); whoever serves or writes a generation holds a shared lock on its
//! `serving.lock` ([`Generation`]), and cleanup removes only generations whose
//! `serving.lock` it can lock exclusively, so nothing in use is ever deleted.

use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};

use tantivy::Index;

use crate::error::IndexError;
use crate::schema::{register_analyzers, Fields};

pub(crate) const CURRENT_FILE: &str = "CURRENT";
pub(crate) const GENERATION_PREFIX: &str = "gen-";
pub(crate) const PARTIAL_SUFFIX: &str = ".partial";
/// The acronyms a build learned from its collections (`Enricher::learned_tsv`), in its
/// generation's folder.
pub(crate) const LEARNED_ACRONYMS: &str = "learned-acronyms.tsv";
const BUILD_LOCK_FILE: &str = "build.lock";
const SERVING_LOCK_FILE: &str = "serving.lock";
/// Attempts at opening `CURRENT`'s generation when a build switches and removes it meanwhile.
const OPEN_ATTEMPTS: usize = 10;

/// The generation folder `CURRENT` names, if any.
pub fn current_generation(dir: &Path) -> Option<PathBuf> {
    let name = std::fs::read_to_string(dir.join(CURRENT_FILE)).ok()?;
    let name = name.trim();
    let is_plain_name = name.starts_with(GENERATION_PREFIX) && !name.contains(['/', '\\']) && !name.contains("..");
    let generation = dir.join(name);
    (is_plain_name && generation.join("meta.json").is_file()).then_some(generation)
}

/// The generation folder's name (`gen-…`).
pub fn generation_name(generation: &Path) -> Option<String> {
    generation.file_name().map(|name| name.to_string_lossy().into_owned())
}

/// Opens the served index of `dir` (its current generation) with pressroom's analyzers.
pub fn open_index(dir: &Path) -> Result<(Index, Fields), IndexError> {
    let generation = open_current(dir)?;
    Ok((generation.index, generation.fields))
}

/// A generation opened for serving or writing. While it lives, its shared lock on
/// `serving.lock` keeps every cleanup from removing the folder.
pub struct Generation {
    pub path: PathBuf,
    pub index: Index,
    pub fields: Fields,
    pub lease: Lease,
}

/// A shared lock on a generation's `serving.lock`: cleanup leaves the generation alone
/// while any lease on it lives.
pub struct Lease {
    _file: File,
}

/// The acronyms the build of the generation in `path` learned (`Enricher::use_learned_tsv`
/// reads them); empty for a generation built before builds kept them.
pub fn learned_acronyms(path: &Path) -> Result<String, IndexError> {
    let file = path.join(LEARNED_ACRONYMS);
    match std::fs::read_to_string(&file) {
        Ok(text) => Ok(text),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(String::new()),
        Err(error) => Err(IndexError::io(&file)(error)),
    }
}

/// Opens the generation `CURRENT` names, reading `CURRENT` once per attempt and taking the
/// generation's lease before opening it; if a build switched and removed it in between,
/// reads `CURRENT` again.
pub fn open_current(dir: &Path) -> Result<Generation, IndexError> {
    for _ in 0..OPEN_ATTEMPTS {
        let path = current_generation(dir).ok_or_else(|| IndexError::NoIndex(dir.to_path_buf()))?;
        let Ok(lease) = lock_file(&path.join(SERVING_LOCK_FILE)) else {
            continue;
        };
        lease.lock_shared().map_err(IndexError::io(&path))?;
        // Removed between reading `CURRENT` and the lock: try the new `CURRENT`.
        if !path.join("meta.json").is_file() {
            continue;
        }
        let index = Index::open_in_dir(&path)?;
        register_analyzers(&index);
        let fields = Fields::from_schema(&index.schema()).map_err(|error| match error {
            IndexError::SchemaMismatch(_, field) => IndexError::SchemaMismatch(path.clone(), field),
            other => other,
        })?;
        return Ok(Generation {
            path,
            index,
            fields,
            lease: Lease { _file: lease },
        });
    }
    Err(IndexError::NoIndex(dir.to_path_buf()))
}

/// The exclusive turn of one build or update in an index folder, held until dropped.
pub struct BuildLock {
    _file: File,
}

impl BuildLock {
    /// Waits for the folder's other builds and updates to finish, then takes the turn.
    pub fn acquire(dir: &Path) -> Result<BuildLock, IndexError> {
        std::fs::create_dir_all(dir).map_err(IndexError::io(dir))?;
        let path = dir.join(BUILD_LOCK_FILE);
        let file = lock_file(&path).map_err(IndexError::io(&path))?;
        file.lock().map_err(IndexError::io(&path))?;
        Ok(BuildLock { _file: file })
    }
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

/// Removes unfinished builds and the generations no one serves: all but `keep`, the newest
/// one before it, and those whose `serving.lock` a server or writer holds. Called under the
/// [`BuildLock`].
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
        remove_unless_served(&dir.join(name));
    }
}

/// A lock file, created empty if missing (its content never matters, only its locks).
fn lock_file(path: &Path) -> std::io::Result<File> {
    OpenOptions::new().create(true).truncate(false).write(true).open(path)
}

/// Removes a generation folder unless someone holds its lease.
fn remove_unless_served(generation: &Path) {
    let Ok(lock) = lock_file(&generation.join(SERVING_LOCK_FILE)) else {
        return;
    };
    // Held (WouldBlock) or unlockable: the generation stays.
    if lock.try_lock().is_ok() {
        let _ = std::fs::remove_dir_all(generation);
    }
}
