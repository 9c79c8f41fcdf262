//! The word view entity rules work over.
//!
//! Entity rules need a stable notion of "word" whatever the tokenizer does (the tokenizer may keep
//! `3 500` as one token or not, split `l'Afghanistan` or not, keep `Saint-Étienne` whole or not).
//! So the recognizer re-segments the text here, once, in a fixed way:
//!
//! * words are runs of letters/digits (with combining marks), joined across an inner hyphen
//!   (`Saint-Étienne-du-Rouvray`, `vingt-deux`, `Tiangong-1`, `UTC-5`) except between two digits
//!   (`2016-2017` stays three words, so ranges and scores can be read);
//! * an elided article or pronoun keeps its apostrophe and becomes its own word
//!   (`l'Afghanistan` → `l'` `Afghanistan`, `d’Asie` → `d’` `Asie`, also `l' OMS`), while other
//!   inner apostrophes stay inside the word (`aujourd'hui`, `O'Brien`);
//! * digits joined by `,` `.` `/` `:` stay one word (`12,5`, `15/07/2016`, `10:30`);
//! * `M.`, `Dr.` and single capital initials (`N.`) keep their period;
//! * any other character is a one-character punctuation word.
//!
//! Whitespace (including NBSP U+00A0 and NNBSP U+202F) only separates words; [`Gap`] records what
//! lay before each word. Sentence starts come from the [`Analysis`] sentences.

use crate::analysis::Analysis;

/// What separates a word from the previous one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gap {
    /// Nothing: the word is glued to the previous one (`l'` + `Afghanistan`, `77` + `%`).
    Glued,
    /// Spaces (any Unicode white space but a line break).
    Space,
    /// At least one line break, or the start of the text.
    Line,
}

/// Coarse shape of a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Only ASCII digits: `2016`, `500`.
    Digits,
    /// Digits with inner `,` `.` `/` `:`: `12,5`, `15/07/2016`.
    Number,
    /// Contains a letter: `Paris`, `l'`, `10h30`, `1er`, `Tiangong-1`.
    Alpha,
    /// One punctuation or symbol character: `,`, `%`, `«`, `€`.
    Punct,
}

/// One word of the view; `start..end` are byte offsets into the text.
#[derive(Debug, Clone)]
pub struct Word<'t> {
    pub start: usize,
    pub end: usize,
    /// The word as written.
    pub text: &'t str,
    /// Lower-case form with typographic apostrophes turned into `'` (for lookups only).
    pub norm: String,
    pub kind: Kind,
    pub gap: Gap,
    /// True at the start of a sentence, a line, or right after an opening quote, a colon or a dash:
    /// places where any word may be capitalised.
    pub initial: bool,
}

impl Word<'_> {
    /// True when the first character is an upper-case letter.
    pub fn is_capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }
}

/// The words of a whole text.
#[derive(Debug, Clone)]
pub struct Words<'t> {
    pub text: &'t str,
    pub items: Vec<Word<'t>>,
}

const ELIDED: &[&str] = &[
    "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu",
];
const DOTTED: &[&str] = &["M", "MM", "Dr", "Pr", "Mgr", "St", "Ste", "Jr", "Sr", "Cie"];

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
        || matches!(c as u32, 0x300..=0x36F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | '‘')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Lower-cases and normalises apostrophes.
pub fn normalize(s: &str) -> String {
    s.chars()
        .map(|c| if is_apostrophe(c) { '\'' } else { c })
        .flat_map(char::to_lowercase)
        .collect()
}

impl<'t> Words<'t> {
    /// Builds the word view of an analysed text.
    pub fn new(a: &Analysis<'t>) -> Self {
        let starts: Vec<usize> = a.sentences.iter().map(|s| s.start).collect();
        Self::build(a.text, &starts)
    }

    /// Builds the word view of `text`, given the byte offsets where sentences start.
    pub fn build(text: &'t str, sentence_starts: &[usize]) -> Self {
        let mut items: Vec<Word<'t>> = Vec::new();
        let mut pieces: Vec<(usize, usize)> = Vec::new();
        let mut chunk_start: Option<usize> = None;
        for (i, c) in text.char_indices() {
            if c.is_whitespace() {
                if let Some(s) = chunk_start.take() {
                    split_chunk(text, s, i, &mut pieces);
                }
            } else if chunk_start.is_none() {
                chunk_start = Some(i);
            }
        }
        if let Some(s) = chunk_start {
            split_chunk(text, s, text.len(), &mut pieces);
        }
        let mut prev_end = 0;
        for (n, &(start, end)) in pieces.iter().enumerate() {
            let between = &text[prev_end..start];
            let gap = if n == 0 || between.contains('\n') || between.contains('\r') {
                Gap::Line
            } else if between.is_empty() {
                Gap::Glued
            } else {
                Gap::Space
            };
            let w = &text[start..end];
            let kind = if w.bytes().all(|b| b.is_ascii_digit()) {
                Kind::Digits
            } else if w.starts_with(|c: char| c.is_ascii_digit())
                && w.chars().all(|c| c.is_ascii_digit() || ",./:".contains(c))
            {
                Kind::Number
            } else if w.chars().any(char::is_alphanumeric) {
                Kind::Alpha
            } else {
                Kind::Punct
            };
            let initial = gap == Gap::Line
                || sentence_starts.binary_search(&start).is_ok()
                || items.last().is_some_and(|p: &Word| {
                    matches!(
                        p.text,
                        "«" | "\"" | "“" | ":" | "—" | "–" | "(" | "[" | "." | "!" | "?" | "…"
                    ) || p.kind == Kind::Punct && p.text == "-" && p.gap == Gap::Line
                        // `… disparaissent. » Dans`
                        || matches!(p.text, "»" | "”")
                            && items.len() >= 2
                            && matches!(items[items.len() - 2].text, "." | "!" | "?" | "…")
                });
            items.push(Word {
                start,
                end,
                text: w,
                norm: normalize(w),
                kind,
                gap,
                initial,
            });
            prev_end = end;
        }
        Words { text, items }
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The normalised (lower-case) form of word `i`, or `""` past the end.
    pub fn norm(&self, i: usize) -> &str {
        self.items.get(i).map_or("", |w| w.norm.as_str())
    }

    /// The word `i` as written, or `""` past the end.
    pub fn raw(&self, i: usize) -> &'t str {
        self.items.get(i).map_or("", |w| w.text)
    }

    /// True when word `i` (normalised) is one of `options`.
    pub fn is_any(&self, i: usize, options: &[&str]) -> bool {
        let n = self.norm(i);
        !n.is_empty() && options.contains(&n)
    }

    /// True when word `i` exists and is glued to word `i - 1`.
    pub fn glued(&self, i: usize) -> bool {
        self.items.get(i).is_some_and(|w| w.gap == Gap::Glued)
    }

    /// True when word `i` exists and no line break separates it from word `i - 1`.
    pub fn same_line(&self, i: usize) -> bool {
        self.items.get(i).is_some_and(|w| w.gap != Gap::Line)
    }

    /// Byte span from the start of word `first` to the end of word `last` (inclusive).
    pub fn span(&self, first: usize, last: usize) -> (usize, usize) {
        (self.items[first].start, self.items[last].end)
    }
}

/// Splits one whitespace-free chunk `text[start..end]` into word pieces.
fn split_chunk(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let chars: Vec<(usize, char)> = text[start..end]
        .char_indices()
        .map(|(i, c)| (start + i, c))
        .collect();
    let n = chars.len();
    let mut i = 0;
    while i < n {
        let (pos, c) = chars[i];
        if !is_word_char(c) {
            out.push((pos, pos + c.len_utf8()));
            i += 1;
            continue;
        }
        // A word: extend over word chars and joining characters.
        let piece_start = pos;
        let mut j = i + 1;
        loop {
            if j < n && is_word_char(chars[j].1) {
                j += 1;
                continue;
            }
            if j + 1 < n || (j < n && is_apostrophe(chars[j].1)) {
                let sep = chars[j].1;
                let before = chars[j - 1].1;
                let after = chars.get(j + 1).map(|&(_, c)| c);
                let after_word = after.is_some_and(is_word_char);
                if is_hyphen(sep)
                    && after_word
                    && !(before.is_ascii_digit() && after.is_some_and(|c| c.is_ascii_digit()))
                {
                    j += 1;
                    continue;
                }
                if is_apostrophe(sep) {
                    let sofar = &text[piece_start..chars[j].0];
                    let lower = sofar.to_lowercase();
                    if ELIDED.contains(&lower.as_str()) {
                        // Elided word: ends with its apostrophe.
                        j += 1;
                        break;
                    }
                    if after_word {
                        j += 1;
                        continue;
                    }
                }
                if matches!(sep, ',' | '.' | '/' | ':')
                    && before.is_ascii_digit()
                    && after.is_some_and(|c| c.is_ascii_digit())
                {
                    j += 1;
                    continue;
                }
            }
            break;
        }
        let mut piece_end = if j < n { chars[j].0 } else { end };
        // Abbreviations and initials keep their period.
        if j < n && chars[j].1 == '.' {
            let w = &text[piece_start..piece_end];
            let single_cap = {
                let mut cs = w.chars();
                matches!((cs.next(), cs.next()), (Some(c), None) if c.is_uppercase())
            };
            if single_cap || DOTTED.contains(&w) {
                piece_end += 1;
                j += 1;
            }
        }
        out.push((piece_start, piece_end));
        i = j;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        Words::build(text, &[0])
            .items
            .iter()
            .map(|w| w.text)
            .collect()
    }

    #[test]
    fn elision_is_split_off() {
        assert_eq!(
            words("l'Afghanistan d’Asie l' OMS aujourd'hui"),
            [
                "l'",
                "Afghanistan",
                "d’",
                "Asie",
                "l'",
                "OMS",
                "aujourd'hui"
            ]
        );
        assert_eq!(words("qu'il"), ["qu'", "il"]);
    }

    #[test]
    fn hyphens_join_words_but_not_digit_ranges() {
        assert_eq!(
            words("Saint-Étienne-du-Rouvray vingt-deux Tiangong-1 2016-2017"),
            [
                "Saint-Étienne-du-Rouvray",
                "vingt-deux",
                "Tiangong-1",
                "2016",
                "-",
                "2017"
            ]
        );
    }

    #[test]
    fn decimals_and_symbols() {
        assert_eq!(
            words("55,3 % 77% 3\u{a0}500 (2019)."),
            ["55,3", "%", "77", "%", "3", "500", "(", "2019", ")", "."]
        );
    }

    #[test]
    fn abbreviations_keep_their_period() {
        assert_eq!(
            words("M. Dupont et N. Belloubet."),
            ["M.", "Dupont", "et", "N.", "Belloubet", "."]
        );
    }

    #[test]
    fn gaps_and_initial_positions() {
        let w = Words::build("Il dit : « Non » 77%", &[0]);
        assert_eq!(w.items[0].gap, Gap::Line);
        assert!(w.items[0].initial);
        assert!(!w.items[1].initial);
        assert!(w.items[4].initial); // Non, after «
        assert_eq!(w.items[7].gap, Gap::Glued); // %
    }
}
