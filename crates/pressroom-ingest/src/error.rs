use std::fmt;
use std::path::PathBuf;

/// Errors that stop a whole read (nothing could be read at all).
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error("no such file or folder: {0}")]
    NotFound(PathBuf),
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// Why a record (or a whole file) was skipped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ProblemKind {
    BadUtf8,
    BadJson,
    BadCsv,
    BadSgml,
    TruncatedGzip,
    Empty,
    BadId,
    TooLarge,
    Unreadable,
    UnknownFormat,
}

impl ProblemKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ProblemKind::BadUtf8 => "bad UTF-8",
            ProblemKind::BadJson => "broken JSON",
            ProblemKind::BadCsv => "broken CSV",
            ProblemKind::BadSgml => "broken SGML",
            ProblemKind::TruncatedGzip => "truncated gzip",
            ProblemKind::Empty => "empty record",
            ProblemKind::BadId => "bad id",
            ProblemKind::TooLarge => "too large",
            ProblemKind::Unreadable => "unreadable file",
            ProblemKind::UnknownFormat => "not a record collection",
        }
    }
}

impl fmt::Display for ProblemKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A malformed record or file: where it is and why it was skipped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: PathBuf,
    /// `line 12`, `byte 3045`, `record 7`… or empty for a whole file.
    pub location: String,
    pub kind: ProblemKind,
    pub detail: String,
}

impl Problem {
    pub fn new(
        path: impl Into<PathBuf>,
        location: impl Into<String>,
        kind: ProblemKind,
        detail: impl Into<String>,
    ) -> Self {
        Problem {
            path: path.into(),
            location: location.into(),
            kind,
            detail: detail.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if !self.location.is_empty() {
            write!(f, ":{}", self.location)?;
        }
        write!(f, ": {}", self.kind)?;
        if !self.detail.is_empty() {
            write!(f, " ({})", self.detail)?;
        }
        Ok(())
    }
}
