//! Stop-word pairs: `body_pairs` holds, for every occurrence of a very frequent word in the
//! body (`the`, `of`, `de`, `la`…, [`PAIR_WORDS`]), that word joined to the next one (`the
//! minister`), at the frequent word's position.
//!
//! A phrase holding such a word (`"the minister"`, `"Minister for Immigration"`) would
//! otherwise read the positions of `the` or `for` in every release holding its other words:
//! hundreds per release, thousands of releases. Read through its pairs instead, it reads the
//! positions of `the minister`, a rare term; the phrase matches at the same places, so it is
//! counted and scored the same (`pressroom-query`'s `paired.rs`). Only the words after a
//! frequent word are doubled (about a fifth of an English body's words), and only for the
//! body: titles are short, their positions cheap.

use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

/// The words whose pairs are indexed, as the base analyzer writes them (lowercased, accents
/// folded): the most frequent function words of English, Spanish and French that stand in
/// names and quoted phrases (`the`, `of`, `for`, `on`…; not `that`, `is`, `it`, `be`, `this`,
/// which are as frequent but rarely quoted, and would add a fifth to the pairs).
pub const PAIR_WORDS: [&str; 31] = [
    "the", "of", "to", "and", "a", "in", "for", "on", "with", "by", "at", "from", "de", "la", "el", "en", "y", "los",
    "las", "del", "que", "por", "le", "les", "des", "du", "et", "l", "d", "au", "un",
];

/// Whether the base analyzer's word is one of [`PAIR_WORDS`].
pub fn is_pair_word(word: &str) -> bool {
    // None is longer than four bytes: most words are ruled out by their length.
    word.len() <= 4 && PAIR_WORDS.contains(&word)
}

/// The term of `body_pairs` for a frequent word and the word after it.
pub fn pair_text(first: &str, second: &str) -> String {
    let mut text = String::with_capacity(first.len() + 1 + second.len());
    write_pair(&mut text, first, second);
    text
}

/// Writes the pair of `first` and `second` into `out` (emptied first): the two words, one
/// space between (a space the analyzer never leaves in a word).
fn write_pair(out: &mut String, first: &str, second: &str) {
    out.clear();
    out.push_str(first);
    out.push(' ');
    out.push_str(second);
}

/// Turns the base analyzer's words into pairs: each of [`PAIR_WORDS`] with the word right
/// after it (one position on; a word dropped for its length leaves a gap, and no pair across
/// it), at the first word's position. Every other word is left out.
#[derive(Clone, Copy, Default)]
pub struct PairFilter;

impl TokenFilter for PairFilter {
    type Tokenizer<T: Tokenizer> = PairTokenizer<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> PairTokenizer<T> {
        PairTokenizer { inner: tokenizer }
    }
}

#[derive(Clone)]
pub struct PairTokenizer<T> {
    inner: T,
}

impl<T: Tokenizer> Tokenizer for PairTokenizer<T> {
    type TokenStream<'a> = PairStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        PairStream {
            tail: self.inner.token_stream(text),
            pending: None,
            pending_text: String::new(),
            token: Token::default(),
        }
    }
}

pub struct PairStream<T> {
    tail: T,
    /// The last word read, when it is a pair word: its position and start offset; its text
    /// is in `pending_text`.
    pending: Option<(usize, usize)>,
    pending_text: String,
    token: Token,
}

impl<T: TokenStream> TokenStream for PairStream<T> {
    fn advance(&mut self) -> bool {
        while self.tail.advance() {
            let next = self.tail.token();
            let paired = match self.pending.take() {
                Some((position, offset_from)) if next.position == position + 1 => {
                    write_pair(&mut self.token.text, &self.pending_text, &next.text);
                    self.token.position = position;
                    self.token.offset_from = offset_from;
                    self.token.offset_to = next.offset_to;
                    self.token.position_length = 1;
                    true
                }
                _ => false,
            };
            if is_pair_word(&next.text) {
                self.pending = Some((next.position, next.offset_from));
                self.pending_text.clear();
                self.pending_text.push_str(&next.text);
            }
            if paired {
                return true;
            }
        }
        false
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::pairs_analyzer;

    #[test]
    fn no_pair_word_is_longer_than_four_bytes() {
        assert!(PAIR_WORDS.iter().all(|word| word.len() <= 4 && is_pair_word(word)));
    }

    fn pairs(text: &str) -> Vec<(usize, String)> {
        let mut analyzer = pairs_analyzer();
        let mut stream = analyzer.token_stream(text);
        let mut found = Vec::new();
        while let Some(token) = stream.next() {
            found.push((token.position, token.text.clone()));
        }
        found
    }

    #[test]
    fn a_frequent_word_pairs_with_the_next_word_at_its_position() {
        assert_eq!(
            pairs("The Minister of the Interior met le ministre"),
            vec![
                (0, "the minister".to_string()),
                (2, "of the".to_string()),
                (3, "the interior".to_string()),
                (6, "le ministre".to_string()),
            ]
        );
    }

    #[test]
    fn no_pair_at_the_end_nor_across_a_dropped_word() {
        let long = "x".repeat(60);
        assert_eq!(pairs(&format!("refugees of {long} the")), Vec::<(usize, String)>::new());
        assert_eq!(
            pairs("Réfugiés de la région"),
            vec![(1, "de la".to_string()), (2, "la region".to_string())]
        );
    }
}
