//! What the name matcher ([`crate::matcher`]) finds in a text, and what the country and
//! organization scorers read: a byte range and what the name there stands for.

use crate::gazetteer::AliasKind;

/// What a matched name stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Country { index: usize, kind: AliasKind },
    Region { index: usize },
    Organization { index: usize },
}

/// A name found in a text, as a byte range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub target: Target,
}

impl Mention {
    /// Whether the name stands for a country (by its name, a demonym, a city…).
    pub fn is_country(&self) -> bool {
        matches!(self.target, Target::Country { .. })
    }
}

/// The byte range of a slice of `text` within it (a word or a long form a scanner cut from it).
pub(crate) fn span_of(text: &str, part: &str) -> (usize, usize) {
    let start = (part.as_ptr() as usize)
        .saturating_sub(text.as_ptr() as usize)
        .min(text.len());
    (start, (start + part.len()).min(text.len()))
}
