//! The shared view of one text that entity recognition and claim extraction work on:
//! the text, its tokens and its sentences, all in UTF-8 byte offsets.

use crate::sentences::{split_sentences, Sentence};
use crate::tokenize::{tokenize, Token};

/// A tokenized, sentence-split text.
///
/// ```
/// let a = balise::Analysis::new("Il pleut. Selon Météo-France, ça va durer.");
/// assert_eq!(a.sentences.len(), 2);
/// assert_eq!(a.token_text(0), "Il");
/// ```
#[derive(Debug, Clone)]
pub struct Analysis<'t> {
    pub text: &'t str,
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
}

impl<'t> Analysis<'t> {
    pub fn new(text: &'t str) -> Self {
        let tokens = tokenize(text);
        let sentences = split_sentences(text, &tokens);
        Analysis {
            text,
            tokens,
            sentences,
        }
    }

    /// The text of token `i`.
    pub fn token_text(&self, i: usize) -> &'t str {
        self.tokens[i].text(self.text)
    }

    /// The tokens of sentence `s`.
    pub fn sentence_tokens(&self, s: &Sentence) -> &[Token] {
        &self.tokens[s.first_token..s.end_token]
    }

    /// Index of the first token starting at or after byte `offset`.
    pub fn token_at_or_after(&self, offset: usize) -> usize {
        self.tokens.partition_point(|t| t.start < offset)
    }
}
