//! The word view claim extraction works on, built from the tokens of an [`Analysis`].
//!
//! Tokenizers differ on elision (`l'AFP` or `l'` + `AFP` or `l` + `'` + `AFP`), on inversion
//! (`a-t-il` as one token or five) and on numbers (`3 500`). To stay correct whatever the
//! tokenizer does, the tokens are grouped into whitespace-free chunks and each chunk is cut again
//! here by fixed rules: elided words keep their apostrophe (`l'`, `qu'`, `d'`), an inverted subject
//! clitic (`-t-il`, `-elle`) becomes its own [`WordKind::Clitic`] word whose span is the pronoun
//! only, punctuation and quotation marks are single words. Every word is a byte span of the
//! original text, so spans built from words always lie on char boundaries.

use crate::analysis::Analysis;

/// What a word is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordKind {
    /// Letters (possibly with digits, hyphens, inner apostrophes): `président`, `aujourd'hui`, `H7N4`.
    Alpha,
    /// Digits with optional inner `,` or `.`: `3`, `72,2`, `1.000`.
    Number,
    /// One punctuation or symbol character: `,` `.` `(` `%` `–`.
    Punct,
    /// An opening quotation mark `«` `“` `‹` `„`.
    Open,
    /// A closing quotation mark `»` `”` `›`.
    Close,
    /// A straight double quote `"`, opening or closing depending on context.
    Straight,
    /// The subject pronoun of an inverted verb (`il` in `a-t-il`); its span is the pronoun only.
    Clitic,
}

/// One word: byte span into the text, kind and a normalised lowercase form.
#[derive(Debug, Clone)]
pub struct Word {
    pub start: usize,
    pub end: usize,
    pub kind: WordKind,
    /// Lowercase, with typographic apostrophes replaced by `'`.
    pub norm: String,
    /// The first character is uppercase.
    pub cap: bool,
    /// Whitespace separates this word from the previous one.
    pub space_before: bool,
    /// A line break separates this word from the previous one.
    pub newline_before: bool,
}

impl Word {
    /// True for a punctuation word whose text is `s`.
    pub fn is_punct(&self, s: &str) -> bool {
        self.kind == WordKind::Punct && self.norm == s
    }
    /// True for a word made of letters.
    pub fn is_alpha(&self) -> bool {
        self.kind == WordKind::Alpha
    }
}

/// Elided forms that end at their apostrophe (`l'`, `qu'`, …), without the apostrophe.
const ELISIONS: &[&str] = &[
    "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu",
];

/// Subject pronouns that can follow an inverted verb (`dit-il`, `a-t-elle`).
const INVERTED: &[&str] = &["il", "elle", "ils", "elles", "on", "iel", "iels"];

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining(c)
}

/// Characters that are neither words nor punctuation: invisible marks, joiners, BOM.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{AD}'
    )
}

fn normalise(s: &str) -> String {
    s.chars()
        .map(|c| if is_apostrophe(c) { '\'' } else { c })
        .flat_map(char::to_lowercase)
        .collect()
}

/// Builds the words of `a.text` from its tokens (see the module doc).
pub fn words(a: &Analysis) -> Vec<Word> {
    let text = a.text;
    let mut out: Vec<Word> = Vec::with_capacity(a.tokens.len() + 8);
    // Chunks: maximal runs of tokens with nothing between them.
    let mut i = 0;
    let mut last_end = 0;
    while i < a.tokens.len() {
        let start = a.tokens[i].start;
        let mut end = a.tokens[i].end;
        let mut j = i + 1;
        while j < a.tokens.len() && a.tokens[j].start == end {
            end = a.tokens[j].end;
            j += 1;
        }
        if start >= last_end
            && end <= text.len()
            && text.is_char_boundary(start)
            && text.is_char_boundary(end)
        {
            lex_chunk(text, start, end, &mut out);
            last_end = end;
        }
        i = j;
    }
    // Gaps: whitespace and line breaks before each word.
    let mut prev_end = 0;
    for w in &mut out {
        let gap = &text[prev_end.min(w.start)..w.start];
        w.space_before = prev_end == 0 && w.start == 0 || gap.chars().any(char::is_whitespace);
        w.newline_before = gap.contains('\n') || gap.contains('\r');
        prev_end = w.end;
    }
    out
}

fn push(text: &str, out: &mut Vec<Word>, start: usize, end: usize, kind: WordKind) {
    if start >= end {
        return;
    }
    let s = &text[start..end];
    out.push(Word {
        start,
        end,
        kind,
        norm: normalise(s),
        cap: s.chars().next().is_some_and(char::is_uppercase),
        space_before: false,
        newline_before: false,
    });
}

/// Cuts `text[start..end]` (which may contain whitespace) into words.
fn lex_chunk(text: &str, start: usize, end: usize, out: &mut Vec<Word>) {
    let s = &text[start..end];
    let chars: Vec<(usize, char)> = s.char_indices().map(|(i, c)| (i + start, c)).collect();
    let n = chars.len();
    let at = |k: usize| chars.get(k).map(|&(_, c)| c);
    let pos = |k: usize| chars.get(k).map_or(end, |&(p, _)| p);
    let mut k = 0;
    while k < n {
        let c = chars[k].1;
        if c.is_whitespace() || is_invisible(c) {
            k += 1;
            continue;
        }
        if is_word_char(c) {
            // A word: letters/digits, with inner hyphens, apostrophes and digit separators.
            let ws = k;
            let mut all_digits = true;
            while k < n {
                let c = chars[k].1;
                if is_word_char(c) {
                    if !c.is_ascii_digit() && !is_combining(c) {
                        all_digits = false;
                    }
                    k += 1;
                } else if (c == '-' || is_apostrophe(c)) && at(k + 1).is_some_and(is_word_char) {
                    all_digits = false;
                    k += 1;
                } else if (c == ',' || c == '.')
                    && all_digits
                    && at(k + 1).is_some_and(|d| d.is_ascii_digit())
                    && k > ws
                {
                    k += 1;
                } else {
                    break;
                }
            }
            // An elided word whose apostrophe is followed by a space or a quote: `l’ Université`,
            // `qu'«`.
            if !all_digits && at(k).is_some_and(is_apostrophe) {
                let seg_start = (ws..k)
                    .rev()
                    .find(|&m| is_apostrophe(chars[m].1))
                    .map_or(ws, |m| m + 1);
                let seg = normalise(&text[pos(seg_start)..pos(k)]);
                if ELISIONS.contains(&seg.as_str()) {
                    k += 1;
                }
            }
            let kind = if all_digits {
                WordKind::Number
            } else {
                WordKind::Alpha
            };
            split_word(text, out, pos(ws), pos(k), kind);
            continue;
        }
        let kind = match c {
            '«' | '“' | '‹' | '„' => WordKind::Open,
            '»' | '”' | '›' => WordKind::Close,
            '"' => WordKind::Straight,
            _ => WordKind::Punct,
        };
        push(text, out, pos(k), pos(k + 1), kind);
        k += 1;
    }
}

/// Pushes one lexed word, splitting off elided prefixes (`qu'`) and an inverted subject clitic.
fn split_word(text: &str, out: &mut Vec<Word>, start: usize, end: usize, kind: WordKind) {
    if kind == WordKind::Number {
        push(text, out, start, end, kind);
        return;
    }
    let mut s = start;
    // Elision: `l'`, `qu'`, `jusqu'` …, repeatedly (`qu'aujourd'hui`).
    loop {
        let w = &text[s..end];
        let Some((ai, ac)) = w.char_indices().find(|&(_, c)| is_apostrophe(c)) else {
            break;
        };
        let prefix = normalise(&w[..ai]);
        if ELISIONS.contains(&prefix.as_str()) && ai + ac.len_utf8() <= w.len() {
            let cut = s + ai + ac.len_utf8();
            push(text, out, s, cut, WordKind::Alpha);
            s = cut;
            if s >= end {
                return;
            }
        } else {
            break;
        }
    }
    // Inversion: `affirme-t-il`, `a-t-elle`, `dit-on`.
    if let Some((verb_end, clitic_start)) = inversion(&text[s..end]) {
        push(text, out, s, s + verb_end, WordKind::Alpha);
        push(text, out, s + clitic_start, end, WordKind::Clitic);
        return;
    }
    push(text, out, s, end, kind);
}

/// For `affirme-t-il` returns the end of the verb and the start of the pronoun (byte offsets in
/// `w`). With `-t-` the split is always made; with a bare hyphen only when the pronoun is lowercase
/// and the part before it is a single word (`dit-elle`, not `Saint-Elle` or `Jean-on`).
fn inversion(w: &str) -> Option<(usize, usize)> {
    for p in INVERTED {
        if w.len() <= p.len() + 1 || !w.is_char_boundary(w.len() - p.len()) {
            continue;
        }
        let ps = w.len() - p.len();
        if !w[ps..].eq_ignore_ascii_case(p) {
            continue;
        }
        let before = &w[..ps];
        if let Some(verb) = before
            .strip_suffix("-t-")
            .or_else(|| before.strip_suffix("-T-"))
        {
            if !verb.is_empty() && !verb.ends_with('-') {
                return Some((verb.len(), ps));
            }
        } else if let Some(verb) = before.strip_suffix('-') {
            let lower_pronoun = w[ps..].chars().all(|c| c.is_lowercase());
            let single = !verb.contains('-') && !verb.is_empty();
            let lower_tail = verb.chars().skip(1).all(|c| c.is_lowercase());
            if lower_pronoun && single && lower_tail {
                return Some((verb.len(), ps));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(t: &str) -> Vec<(String, WordKind)> {
        let a = Analysis::new(t);
        words(&a)
            .iter()
            .map(|w| (t[w.start..w.end].to_string(), w.kind))
            .collect()
    }

    fn plain(t: &str) -> Vec<String> {
        texts(t).into_iter().map(|(s, _)| s).collect()
    }

    #[test]
    fn elision_is_split_after_the_apostrophe() {
        assert_eq!(
            plain("qu’aujourd’hui l'AFP d'après"),
            ["qu’", "aujourd’hui", "l'", "AFP", "d'", "après"]
        );
        assert_eq!(
            plain("l’ Université qu'« oui »"),
            ["l’", "Université", "qu'", "«", "oui", "»"]
        );
    }

    #[test]
    fn inverted_subject_is_a_clitic_word() {
        let w = texts("« Oui », a-t-il dit, affirme-t-elle.");
        assert!(w.contains(&("il".to_string(), WordKind::Clitic)));
        assert!(w.contains(&("elle".to_string(), WordKind::Clitic)));
        assert!(w.contains(&("a".to_string(), WordKind::Alpha)));
        assert!(w.contains(&("affirme".to_string(), WordKind::Alpha)));
    }

    #[test]
    fn quotes_and_numbers() {
        let w = texts("«\u{a0}72,2\u{a0}%\u{a0}» “x” \"y\"");
        let kinds: Vec<WordKind> = w.iter().map(|x| x.1).collect();
        assert_eq!(
            kinds,
            [
                WordKind::Open,
                WordKind::Number,
                WordKind::Punct,
                WordKind::Close,
                WordKind::Open,
                WordKind::Alpha,
                WordKind::Close,
                WordKind::Straight,
                WordKind::Alpha,
                WordKind::Straight
            ]
        );
        assert_eq!(w[1].0, "72,2");
    }

    #[test]
    fn hyphenated_names_stay_whole() {
        assert_eq!(
            plain("Roissy-Charles-de-Gaulle, celui-ci."),
            ["Roissy-Charles-de-Gaulle", ",", "celui-ci", "."]
        );
    }
}
