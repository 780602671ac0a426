//! The single node's journal, `<index dir>/journal.jsonl`: every write made through the API
//! (a [`Change`] per line), appended and fsynced before it is applied. A full build replays
//! it after its sources, so API writes and deletes outlive rebuilds; a generation's commit
//! payload says how many of its bytes it holds ([`crate::Applied`]), and the server replays
//! the rest into a generation before serving it.
//!
//! A line cut short by a crash mid-append has no newline: it was never acknowledged, and it
//! is ignored (and overwritten by the next append).

use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use crate::change::Change;
use crate::error::IndexError;

pub const JOURNAL_FILE: &str = "journal.jsonl";

/// The journal of an index folder, open for appending.
pub struct Journal {
    path: PathBuf,
    file: File,
    /// Bytes of whole lines: where the next change goes.
    end: u64,
}

impl Journal {
    /// Opens (or creates) the journal of `dir`, and holds it: one process appends to a
    /// journal (a second server on the folder gets [`IndexError::JournalInUse`] instead of
    /// writing over the first one's lines).
    pub fn open(dir: &Path) -> Result<Journal, IndexError> {
        let path = journal_path(dir);
        let created = !path.exists();
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(IndexError::io(&path))?;
        match file.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => return Err(IndexError::JournalInUse(path)),
            Err(std::fs::TryLockError::Error(error)) => return Err(IndexError::io(&path)(error)),
        }
        if created {
            // The new file's name must outlive a power loss too.
            File::open(dir)
                .and_then(|folder| folder.sync_all())
                .map_err(IndexError::io(dir))?;
        }
        let (_, end) = read_from(&path, 0)?;
        Ok(Journal { path, file, end })
    }

    /// Bytes of whole lines written so far.
    pub fn end(&self) -> u64 {
        self.end
    }

    /// Appends `changes` and syncs them to disk; returns the journal's new end.
    pub fn append(&mut self, changes: &[Change]) -> Result<u64, IndexError> {
        let mut text = String::new();
        for change in changes {
            let line = serde_json::to_string(change)
                .map_err(|error| IndexError::io(&self.path)(std::io::Error::other(error)))?;
            text.push_str(&line);
            text.push('\n');
        }
        let written = (|| {
            self.file.seek(SeekFrom::Start(self.end))?;
            self.file.write_all(text.as_bytes())?;
            self.file.set_len(self.end + text.len() as u64)?;
            self.file.sync_data()
        })();
        if let Err(error) = written {
            // Nothing of a failed append may stay for a build or a reload to read: cut the
            // file back to its last acknowledged line.
            let cut = self.file.set_len(self.end).and_then(|()| self.file.sync_data());
            if let Err(cut) = cut {
                report_uncut_append(&self.path, &cut);
            }
            return Err(IndexError::io(&self.path)(error));
        }
        self.end += text.len() as u64;
        Ok(self.end)
    }
}

/// A journal that could not be cut back after a failed append: its tail may hold lines that
/// were never acknowledged (reported on stderr; this crate has no logger).
fn report_uncut_append(path: &Path, error: &std::io::Error) {
    eprintln!("{}: could not cut back a failed append: {error}", path.display());
}

/// The changes of the journal at `path` from byte `offset` on, and the end of its last whole
/// line. No journal reads as empty.
pub fn read_from(path: &Path, offset: u64) -> Result<(Vec<Change>, u64), IndexError> {
    let file = match File::open(path) {
        Ok(file) => file,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok((Vec::new(), 0)),
        Err(error) => return Err(IndexError::io(path)(error)),
    };
    let mut reader = BufReader::new(file);
    reader.seek(SeekFrom::Start(offset)).map_err(IndexError::io(path))?;
    let (mut changes, mut end) = (Vec::new(), offset);
    let mut line = String::new();
    loop {
        line.clear();
        let read = reader.read_line(&mut line).map_err(IndexError::io(path))?;
        if read == 0 || !line.ends_with('\n') {
            break;
        }
        let change = serde_json::from_str(line.trim_end()).map_err(|error| IndexError::Journal {
            path: path.to_path_buf(),
            offset: end,
            message: error.to_string(),
        })?;
        changes.push(change);
        end += read as u64;
    }
    Ok((changes, end))
}

/// The journal of an index folder.
pub fn journal_path(dir: &Path) -> PathBuf {
    dir.join(JOURNAL_FILE)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn delete(id: &str) -> Change {
        Change::Delete { id: id.to_string() }
    }

    #[test]
    fn appended_changes_read_back_from_any_offset_and_a_torn_line_is_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let mut journal = Journal::open(dir.path()).unwrap();
        let first = journal.append(&[delete("a"), delete("b")]).unwrap();
        let second = journal.append(&[delete("c")]).unwrap();
        assert!(second > first);
        let (all, end) = read_from(&journal_path(dir.path()), 0).unwrap();
        assert_eq!(all, vec![delete("a"), delete("b"), delete("c")]);
        assert_eq!(end, second);
        let (rest, _) = read_from(&journal_path(dir.path()), first).unwrap();
        assert_eq!(rest, vec![delete("c")]);
        // A crash mid-append leaves half a line: never acknowledged, so not read, and the
        // next append writes over it.
        drop(journal);
        let mut file = OpenOptions::new().append(true).open(journal_path(dir.path())).unwrap();
        file.write_all(b"{\"op\":\"delete\",\"id\":\"tor").unwrap();
        drop(file);
        let mut journal = Journal::open(dir.path()).unwrap();
        assert_eq!(journal.end(), second);
        journal.append(&[delete("d")]).unwrap();
        let (all, _) = read_from(&journal_path(dir.path()), 0).unwrap();
        assert_eq!(all.last(), Some(&delete("d")));
        assert_eq!(all.len(), 4);
    }
}
