/// A data table that does not load: a bug in the shipped tables, caught by the tests.
#[derive(Debug, thiserror::Error)]
pub enum EnrichError {
    #[error("{table}, line {line}: {reason}")]
    BadTable {
        table: &'static str,
        line: usize,
        reason: String,
    },
    #[error("cannot build the {what} automaton: {reason}")]
    Automaton { what: &'static str, reason: String },
}
