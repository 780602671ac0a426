//! The TSV form of every table pressroom ships (enrichment data, the theme model, the
//! expansion table): a header line, `#` comment lines, tab-separated columns, `|` lists in a
//! cell. One reader for all of them.

use crate::error::EnrichError;

/// The column names of a table: its first line that is not a comment.
pub fn header(text: &str) -> Vec<&str> {
    text.lines()
        .map(|line| line.trim_end_matches('\r'))
        .find(|line| !line.trim().is_empty() && !line.starts_with('#'))
        .map(|line| line.split('\t').map(str::trim).collect())
        .unwrap_or_default()
}

/// The cells after a tagged comment line (`#bias<TAB>…`), if the table has one.
pub fn tagged<'a>(text: &'a str, tag: &str) -> Option<Vec<&'a str>> {
    text.lines()
        .map(|line| line.trim_end_matches('\r'))
        .find_map(|line| line.strip_prefix(tag)?.strip_prefix('\t'))
        .map(|cells| cells.split('\t').map(str::trim).collect())
}

/// The data rows of a table as (line number, columns), checked for `min_columns`.
pub fn rows<'a>(
    table: &'static str,
    text: &'a str,
    min_columns: usize,
) -> Result<Vec<(usize, Vec<&'a str>)>, EnrichError> {
    let mut rows = Vec::new();
    let mut header_seen = false;
    for (index, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        if !header_seen {
            header_seen = true;
            continue;
        }
        let columns: Vec<&str> = line.split('\t').map(str::trim).collect();
        if columns.len() < min_columns {
            return Err(EnrichError::BadTable {
                table,
                line: index + 1,
                reason: format!("{} columns, expected at least {min_columns}", columns.len()),
            });
        }
        rows.push((index + 1, columns));
    }
    Ok(rows)
}

/// The items of a `|` list, trimmed, empty ones dropped.
pub fn list(cell: &str) -> impl Iterator<Item = &str> {
    cell.split('|').map(str::trim).filter(|item| !item.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    const TABLE: &str = "# a comment\nname\tvalues\n#bias\t1\t2\nIOM\tOIM | IOM \n\nUNHCR\tHCR\n";

    #[test]
    fn rows_skip_comments_and_the_header_and_keep_line_numbers() {
        assert_eq!(header(TABLE), ["name", "values"]);
        let rows = rows("t.tsv", TABLE, 2).expect("rows");
        assert_eq!(rows, [(4, vec!["IOM", "OIM | IOM"]), (6, vec!["UNHCR", "HCR"])]);
        assert_eq!(list(rows[0].1[1]).collect::<Vec<_>>(), ["OIM", "IOM"]);
        assert_eq!(tagged(TABLE, "#bias"), Some(vec!["1", "2"]));
        let error = super::rows("t.tsv", TABLE, 3).expect_err("too few columns");
        assert!(error.to_string().contains("t.tsv"), "{error}");
    }
}
