//! HTML escaping for everything the API returns as HTML (titles, snippets, fragments) and
//! for the benchmark reports: the five characters that matter in text and attributes.

/// Appends `text` to `out` with `<`, `>`, `&`, `"` and `'` escaped.
pub fn push_escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// `text` with `<`, `>`, `&`, `"` and `'` escaped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_escaped(&mut out, text);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes_and_keeps_the_rest() {
        assert_eq!(
            escape(r#"<b>"R&D"</b> l'OIM — 東京"#),
            "&lt;b&gt;&quot;R&amp;D&quot;&lt;/b&gt; l&#39;OIM — 東京"
        );
    }
}
