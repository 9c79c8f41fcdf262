//! Tokens for the token-based formats (spaCy JSONL, DocBin, CoNLL): Balise's tokenizer, cut again
//! at every span boundary so that every span starts and ends on a token, and laid out the way
//! spaCy does it: a token owns at most one trailing space (`ws`), any other whitespace is a token
//! of its own, so that joining `text + (" " if ws)` gives the text back exactly.

use crate::analysis::Analysis;

/// One token, byte offsets into the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    /// Followed by one space that belongs to it (spaCy's `whitespace_`).
    pub ws: bool,
    /// Made of whitespace only (CRLF, a second space, NBSP…).
    pub space: bool,
    /// First token of a sentence.
    pub sent_start: bool,
}

/// Tokenizes `text`, cutting also at every byte offset in `cuts` (span starts and ends, which
/// must lie on char boundaries).
///
/// ```
/// use balise::formats::tokens::tokenize;
/// let text = "Il a dit :\r\n« Non »";
/// let toks = tokenize(text, &[]);
/// let rebuilt: String = toks.iter().map(|t| format!("{}{}", &text[t.start..t.end], if t.ws { " " } else { "" })).collect();
/// assert_eq!(rebuilt, text);
/// assert!(toks.iter().any(|t| t.space && &text[t.start..t.end] == "\r\n"));
/// ```
pub fn tokenize(text: &str, cuts: &[usize]) -> Vec<Tok> {
    let a = Analysis::new(text);
    let mut bounds: Vec<usize> = Vec::with_capacity(a.tokens.len() * 2 + cuts.len() + 2);
    bounds.push(0);
    bounds.push(text.len());
    for t in &a.tokens {
        bounds.push(t.start);
        bounds.push(t.end);
    }
    bounds.extend(
        cuts.iter()
            .copied()
            .filter(|&c| c <= text.len() && text.is_char_boundary(c)),
    );
    // whitespace / non-whitespace transitions
    let mut prev_ws: Option<bool> = None;
    for (i, c) in text.char_indices() {
        let ws = c.is_whitespace();
        if prev_ws.is_some_and(|p| p != ws) {
            bounds.push(i);
        }
        prev_ws = Some(ws);
    }
    bounds.sort_unstable();
    bounds.dedup();
    let sent_starts: Vec<usize> = a.sentences.iter().map(|s| s.start).collect();
    let mut out: Vec<Tok> = Vec::new();
    for w in bounds.windows(2) {
        let (s, e) = (w[0], w[1]);
        if s == e {
            continue;
        }
        let piece = &text[s..e];
        let is_ws = piece.chars().all(char::is_whitespace);
        if !is_ws {
            out.push(Tok {
                start: s,
                end: e,
                ws: false,
                space: false,
                sent_start: false,
            });
            continue;
        }
        let mut s = s;
        if let Some(last) = out.last_mut() {
            if !last.space && !last.ws && last.end == s && piece.starts_with(' ') {
                last.ws = true;
                s += 1;
            }
        }
        if s < e {
            out.push(Tok {
                start: s,
                end: e,
                ws: false,
                space: true,
                sent_start: false,
            });
        }
    }
    // sentence starts: the first non-space token at or after each sentence start
    let mut si = 0;
    for t in out.iter_mut().filter(|t| !t.space) {
        let mut first = false;
        while si < sent_starts.len() && sent_starts[si] <= t.start {
            first = true;
            si += 1;
        }
        t.sent_start = first;
    }
    if let Some(t) = out.iter_mut().find(|t| !t.space) {
        t.sent_start = true;
    }
    out
}

/// Index of the token starting at byte `start` and of the token ending at byte `end`
/// (inclusive), or `None` when the span does not fall on token boundaries.
pub fn token_range(toks: &[Tok], start: usize, end: usize) -> Option<(usize, usize)> {
    let first = toks.binary_search_by_key(&start, |t| t.start).ok()?;
    let last = toks.binary_search_by_key(&end, |t| t.end).ok()?;
    (first <= last).then_some((first, last))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str, cuts: &[usize]) -> Vec<String> {
        tokenize(text, cuts)
            .iter()
            .map(|t| text[t.start..t.end].to_string())
            .collect()
    }

    #[test]
    fn cuts_make_every_span_a_token_range() {
        let text = "l’AFP a dit";
        let afp = text.find("AFP").unwrap();
        let toks = tokenize(text, &[afp, afp + 3]);
        assert!(token_range(&toks, afp, afp + 3).is_some());
        assert!(texts(text, &[afp, afp + 3]).contains(&"AFP".to_string()));
    }

    #[test]
    fn odd_whitespace_becomes_tokens_and_text_rebuilds() {
        for text in [
            "",
            " ",
            "  a  b ",
            "a\u{A0}b\u{202F}!",
            "🙂\r\n\r\nx",
            "« Oui »,\ta-t-il dit.",
        ] {
            let toks = tokenize(text, &[]);
            let rebuilt: String = toks
                .iter()
                .map(|t| format!("{}{}", &text[t.start..t.end], if t.ws { " " } else { "" }))
                .collect();
            assert_eq!(rebuilt, text);
            assert!(toks.iter().all(|t| t.start < t.end));
        }
        assert_eq!(texts("a  b", &[]), ["a", " ", "b"]);
    }

    #[test]
    fn sentences_start_on_tokens() {
        let text = "Il pleut. Il vente.";
        let toks = tokenize(text, &[]);
        let starts: Vec<&str> = toks
            .iter()
            .filter(|t| t.sent_start)
            .map(|t| &text[t.start..t.end])
            .collect();
        assert_eq!(starts[0], "Il");
        assert!(!starts.is_empty());
    }
}
