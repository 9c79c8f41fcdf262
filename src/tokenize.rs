//! French tokenizer: splits a text into surface tokens with byte offsets into the original text.
//!
//! PROVISIONAL: a minimal implementation so the rest of the crate compiles; to be replaced by the
//! full French tokenizer (elision, inversion hyphens, numbers with spaces, abbreviations, URLs…).

use serde::{Deserialize, Serialize};

/// What kind of surface token this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenKind {
    Word,
    Number,
    Punct,
    Symbol,
    Url,
    Email,
    Hashtag,
    Mention,
}

/// One surface token: `[start, end)` in UTF-8 bytes of the original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
}

impl Token {
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// Splits `text` into tokens. Offsets are UTF-8 bytes into `text`; whitespace is never part of a
/// token.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut word_start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            if word_start.is_none() {
                word_start = Some(i);
            }
            continue;
        }
        if let Some(s) = word_start.take() {
            out.push(word(text, s, i));
        }
        if !c.is_whitespace() {
            out.push(Token {
                start: i,
                end: i + c.len_utf8(),
                kind: TokenKind::Punct,
            });
        }
    }
    if let Some(s) = word_start {
        out.push(word(text, s, text.len()));
    }
    out
}

fn word(text: &str, start: usize, end: usize) -> Token {
    let kind = if text[start..end].chars().all(|c| c.is_ascii_digit()) {
        TokenKind::Number
    } else {
        TokenKind::Word
    };
    Token { start, end, kind }
}
