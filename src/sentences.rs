//! Sentence splitter over the tokens of [`crate::tokenize`].
//!
//! PROVISIONAL: splits after `.`, `!`, `?` and at blank lines; to be replaced by the full splitter
//! (abbreviations, guillemets, ellipsis, datelines…).

use crate::tokenize::Token;
use serde::{Deserialize, Serialize};

/// One sentence: byte span `[start, end)` (from its first token's start to its last token's end)
/// and the token range `tokens[first_token..end_token]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    pub first_token: usize,
    pub end_token: usize,
}

/// Groups `tokens` (as produced by [`crate::tokenize::tokenize`] on `text`) into sentences.
pub fn split_sentences(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut first = 0;
    for i in 0..tokens.len() {
        let t = tokens[i].text(text);
        let next_gap = tokens
            .get(i + 1)
            .map(|n| &text[tokens[i].end..n.start])
            .unwrap_or("");
        let newline_break = next_gap.contains('\n');
        if matches!(t, "." | "!" | "?") || newline_break || i + 1 == tokens.len() {
            out.push(Sentence {
                start: tokens[first].start,
                end: tokens[i].end,
                first_token: first,
                end_token: i + 1,
            });
            first = i + 1;
        }
    }
    out
}
