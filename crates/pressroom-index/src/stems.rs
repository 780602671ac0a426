//! [`RememberedStemmer`]: tantivy's snowball stemmer, remembering what each word came to.
//!
//! Indexing stems every word of every release once more for its language's fields, and a
//! language's words recur: the thousand most frequent make up most of a text. Snowball
//! works a word out letter by letter each time; a table of the words already stemmed gives
//! the same text from one hash. The table belongs to the analyzer (tantivy clones one per
//! indexing thread) and is emptied when it reaches [`REMEMBERED_WORDS`], so its memory is
//! bounded.

use std::borrow::Cow;

use rustc_hash::FxHashMap;
use tantivy::tokenizer::{Language, Token, TokenFilter, TokenStream, Tokenizer};

/// Words remembered by one analyzer before its table is emptied.
pub const REMEMBERED_WORDS: usize = 100_000;

/// Stems as [`tantivy::tokenizer::Stemmer`] does, remembering each word's stem.
#[derive(Clone)]
pub struct RememberedStemmer {
    algorithm: frostem::Algorithm,
}

impl RememberedStemmer {
    pub fn new(language: Language) -> RememberedStemmer {
        RememberedStemmer {
            algorithm: algorithm(language),
        }
    }
}

/// The snowball algorithm tantivy's stemmer uses for a language.
fn algorithm(language: Language) -> frostem::Algorithm {
    use frostem::Algorithm;
    match language {
        Language::Arabic => Algorithm::Arabic,
        Language::Danish => Algorithm::Danish,
        Language::Dutch => Algorithm::Dutch,
        Language::English => Algorithm::English,
        Language::Finnish => Algorithm::Finnish,
        Language::French => Algorithm::French,
        Language::German => Algorithm::German,
        Language::Greek => Algorithm::Greek,
        Language::Hungarian => Algorithm::Hungarian,
        Language::Italian => Algorithm::Italian,
        Language::Norwegian => Algorithm::Norwegian,
        Language::Portuguese => Algorithm::Portuguese,
        Language::Romanian => Algorithm::Romanian,
        Language::Russian => Algorithm::Russian,
        Language::Spanish => Algorithm::Spanish,
        Language::Swedish => Algorithm::Swedish,
        Language::Tamil => Algorithm::Tamil,
        Language::Turkish => Algorithm::Turkish,
    }
}

impl TokenFilter for RememberedStemmer {
    type Tokenizer<T: Tokenizer> = RememberedStemmerFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> RememberedStemmerFilter<T> {
        RememberedStemmerFilter {
            algorithm: self.algorithm,
            stems: FxHashMap::default(),
            inner: tokenizer,
        }
    }
}

#[derive(Clone)]
pub struct RememberedStemmerFilter<T> {
    algorithm: frostem::Algorithm,
    stems: FxHashMap<Box<str>, Box<str>>,
    inner: T,
}

impl<T: Tokenizer> Tokenizer for RememberedStemmerFilter<T> {
    type TokenStream<'a> = RememberedStemmerStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        RememberedStemmerStream {
            tail: self.inner.token_stream(text),
            stemmer: frostem::Stemmer::new(self.algorithm),
            stems: &mut self.stems,
        }
    }
}

pub struct RememberedStemmerStream<'a, T> {
    tail: T,
    stemmer: frostem::Stemmer,
    stems: &'a mut FxHashMap<Box<str>, Box<str>>,
}

impl<T: TokenStream> TokenStream for RememberedStemmerStream<'_, T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        if let Some(stem) = self.stems.get(token.text.as_str()) {
            token.text.clear();
            token.text.push_str(stem);
            return true;
        }
        let stem: Box<str> = match self.stemmer.stem(&token.text) {
            Cow::Owned(stem) => stem.into(),
            Cow::Borrowed(stem) => stem.into(),
        };
        if self.stems.len() >= REMEMBERED_WORDS {
            self.stems.clear();
        }
        let word: Box<str> = std::mem::take(&mut token.text).into();
        token.text.push_str(&stem);
        self.stems.insert(word, stem);
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use tantivy::tokenizer::{LowerCaser, SimpleTokenizer, Stemmer, TextAnalyzer};

    use super::*;

    fn stems(mut analyzer: TextAnalyzer, text: &str) -> Vec<String> {
        let mut stream = analyzer.token_stream(text);
        let mut found = Vec::new();
        while let Some(token) = stream.next() {
            found.push(token.text.clone());
        }
        found
    }

    /// Over several texts through one analyzer (words seen again, and again after the table
    /// was emptied), the remembered stems are tantivy's.
    #[test]
    fn stems_as_tantivys_stemmer() {
        let texts = [
            "Refugees were returning to their communities; the refugee returned.",
            "Los refugiados regresaron a sus comunidades y el refugiado regresa",
            "refugees returning communities refugees",
        ];
        for language in [Language::English, Language::Spanish, Language::French] {
            let mut remembered = TextAnalyzer::builder(SimpleTokenizer::default())
                .filter(LowerCaser)
                .filter(RememberedStemmer::new(language))
                .build();
            let mut plain = TextAnalyzer::builder(SimpleTokenizer::default())
                .filter(LowerCaser)
                .filter(Stemmer::new(language))
                .build();
            for text in texts.iter().chain(texts.iter()) {
                assert_eq!(
                    stems(remembered.clone(), text),
                    stems(plain.clone(), text),
                    "{language:?}: {text}"
                );
                let mut stream = remembered.token_stream(text);
                let mut plain_stream = plain.token_stream(text);
                while stream.advance() {
                    assert!(plain_stream.advance());
                    assert_eq!(stream.token().text, plain_stream.token().text);
                }
            }
        }
    }
}
