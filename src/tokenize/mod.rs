//! French tokenizer: splits a text into surface tokens with byte offsets into the original text.
//!
//! A hand-written scanner: one pass over the chars, a few look-aheads, no regex, no allocation
//! beyond the output `Vec`. Conventions follow UD French GSD (checked against its dev split):
//!
//! * elision: `l'`, `d'`, `qu'`, `jusqu'`, `lorsqu'`… (with `'` or `’`) are tokens of their own;
//!   lexicalised forms stay whole (`aujourd'hui`, `quelqu'un`, `presqu'île`, `prud'hommes`), and
//!   so do `l'on` and `c'est-à-dire` (as in the treebanks);
//! * inversion: the pronoun keeps its hyphen, `-t-` goes with it: `dit-il` → `dit` `-il`,
//!   `a-t-elle` → `a` `-t-elle`, `est-ce` → `est` `-ce`; compounds stay whole
//!   (`porte-parole`, `Saint-Étienne-du-Rouvray`, `celui-ci`, `rendez-vous`);
//! * numbers: `3 500` (space, NBSP, NNBSP or thin space between groups of three), `12,5`,
//!   `01.01.2012`, `1/10`, `-0,8`, `1971-72` are one token; `%` is its own token; ordinals
//!   (`1er`, `XIe`, `3ème`) stay whole; units written against a number are split off
//!   (`160km` → `160` `km`, `11h30` → `11` `h` `30`);
//! * periods: abbreviations keep theirs (`M.`, `Mme.`, `Dr.`, `etc.`, `p. 12`, `av. J.-C.`),
//!   so do initials (`J.`, `R.E.M.`); `...`, `…`, `--` and runs of `!`/`?` are one token;
//! * URLs, e-mail addresses, `#hashtags` and `@mentions` are one token each;
//! * any other char is a token of its own, together with the combining marks, variation
//!   selectors, skin tones and ZWJ-joined chars that follow it (emoji sequences, flags).
//!
//! Whitespace is never inside a token, except between the digit groups of a number.

mod chars;
pub(crate) mod lexicon;
mod marks;

use chars::{
    char_at, char_before, is_alnum, is_apostrophe, is_extender, is_hyphen, is_punct,
    is_regional_indicator, is_space, is_thousands_space,
};
use lexicon::{
    eq_fold, in_list, is_title, ABBREVIATIONS, ABBREVIATIONS_BEFORE_LOWER, CI_LA_HOSTS, CLITICS,
    ELISIONS, ELISION_WHOLE, HYPHEN_WHOLE, UNITS,
};
use serde::{Deserialize, Serialize};

/// What kind of surface token this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenKind {
    /// Letters (possibly with digits, hyphens, apostrophes, an abbreviation period): `l'`,
    /// `porte-parole`, `-t-il`, `M.`, `1er`, `A36`.
    Word,
    /// Digits with their separators and sign: `3 500`, `12,5`, `-2`, `1971-72`, `01.01.2012`,
    /// `1/10`.
    Number,
    /// Punctuation: `.`, `,`, `«`, `…`, `--`, `?!`, `–`.
    Punct,
    /// Any other symbol: `%`, `€`, `°C`, emoji (with their modifiers), flags.
    Symbol,
    /// `https://…`, `www.…`, `lemonde.fr/…`.
    Url,
    /// `prenom.nom@example.fr`.
    Email,
    /// `#JO2024`.
    Hashtag,
    /// `@Elysee`.
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
    /// The text of the token (`text` must be the tokenized text).
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// Splits `text` into tokens. Offsets are UTF-8 bytes into `text`, in order, never overlapping,
/// always on char boundaries.
///
/// ```
/// use balise::tokenize::tokenize;
/// let text = "« L’État a-t-il payé 3 500 € ? » demande M. Dupont.";
/// let words: Vec<&str> = tokenize(text).iter().map(|t| t.text(text)).collect();
/// assert_eq!(
///     words,
///     ["«", "L’", "État", "a", "-t-il", "payé", "3 500", "€", "?", "»", "demande", "M.", "Dupont", "."]
/// );
/// ```
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5 + 4);
    let mut scanner = Scanner {
        text,
        out: &mut out,
    };
    scanner.run();
    out
}

/// Facts gathered while scanning one word-like run.
#[derive(Default)]
struct WordInfo {
    email: bool,
    /// Periods between letters (`lemonde.fr`, `R.E.M`).
    letter_period: bool,
    /// Every segment is a single letter separated by `.` or `.-` (`R.E.M`, `J.-C`).
    initials: bool,
    /// Joined by an apostrophe somewhere.
    apostrophe: bool,
    /// Joined by a hyphen somewhere.
    hyphen: bool,
}

struct Scanner<'t, 'o> {
    text: &'t str,
    out: &'o mut Vec<Token>,
}

impl Scanner<'_, '_> {
    fn push(&mut self, start: usize, end: usize, kind: TokenKind) {
        if start < end {
            self.out.push(Token { start, end, kind });
        }
    }

    fn run(&mut self) {
        let text = self.text;
        let mut i = 0;
        while let Some(c) = char_at(text, i) {
            if is_space(c) {
                i += c.len_utf8();
            } else {
                let next = self.token_at(i, c);
                debug_assert!(next > i);
                i = next.max(i + c.len_utf8());
            }
        }
    }

    /// Scans the token starting at `i` (first char `c`), pushes it, returns where it ends.
    fn token_at(&mut self, i: usize, c: char) -> usize {
        let text = self.text;
        let after = i + c.len_utf8();
        let next = char_at(text, after);
        let prev_word = char_before(text, i).is_some_and(is_alnum);
        if !prev_word {
            if let Some(end) = url_at(text, i) {
                self.push(i, end, TokenKind::Url);
                return end;
            }
        }
        if is_alnum(c) {
            return self.word(i, i);
        }
        let next_is = |f: fn(char) -> bool| next.is_some_and(f);
        match c {
            '#' | '@' if !prev_word && next_is(|n| is_alnum(n) || n == '_') => {
                let end = scan_while(text, after, |n| is_alnum(n) || n == '_' || is_extender(n));
                let kind = if c == '#' {
                    TokenKind::Hashtag
                } else {
                    TokenKind::Mention
                };
                self.push(i, end, kind);
                end
            }
            '-' | '+' | '−' if !prev_word && next_is(|n| n.is_ascii_digit()) => {
                self.word(i, after)
            }
            '.' | '…' | '-' | '!' | '?' => {
                let end = if c == '!' || c == '?' {
                    scan_while(text, i, |n| n == '!' || n == '?')
                } else {
                    scan_while(text, i, |n| n == c)
                };
                let end = scan_while(text, end, is_extender);
                self.push(i, end, TokenKind::Punct);
                end
            }
            '°' if matches!(next, Some('C' | 'F'))
                && !char_at(text, after + 1).is_some_and(is_alnum) =>
            {
                self.push(i, after + 1, TokenKind::Symbol);
                after + 1
            }
            _ => {
                let mut end = after;
                if is_regional_indicator(c) && next_is(is_regional_indicator) {
                    end += 4;
                }
                end = scan_cluster_tail(text, end);
                let kind = if is_punct(c) {
                    TokenKind::Punct
                } else {
                    TokenKind::Symbol
                };
                self.push(i, end, kind);
                end
            }
        }
    }

    /// A word-like run starting at `start` (scanning from `scan`, after a sign if any).
    fn word(&mut self, start: usize, scan: usize) -> usize {
        let text = self.text;
        let (mut end, info) = scan_word(text, scan, true);
        if info.email {
            self.push(start, end, TokenKind::Email);
            return end;
        }
        // A domain followed by a path: `lemonde.fr/politique/…`.
        if info.letter_period && !info.initials && !info.apostrophe {
            if let Some('/') = char_at(text, end) {
                if char_at(text, end + 1).is_some_and(|n| !is_space(n)) {
                    let url_end = url_tail(text, start, end);
                    self.push(start, url_end, TokenKind::Url);
                    return url_end;
                }
            }
        }
        match char_at(text, end) {
            // `l'` before a quote or a space: the elided word keeps its apostrophe.
            Some(a) if is_apostrophe(a) && in_list(&text[start..end], ELISIONS) => {
                end += a.len_utf8();
            }
            // `n°`
            Some('°') if matches!(&text[start..end], "n" | "N") => end += '°'.len_utf8(),
            Some('.') if char_at(text, end + 1) != Some('.') => {
                let mut core = start; // `l'art.`: the abbreviation is `art`
                while let Some(p) = elision_end(text, core, end).filter(|_| info.apostrophe) {
                    core = p;
                }
                if takes_period(text, core, end, &info) {
                    end += 1;
                }
            }
            _ => {}
        }
        self.emit_word(start, end, &info);
        end
    }

    /// Pushes the word `[start, end)`, split into elided words, core and inverted clitics.
    fn emit_word(&mut self, mut start: usize, end: usize, info: &WordInfo) {
        let text = self.text;
        while let Some(p) = elision_end(text, start, end).filter(|_| info.apostrophe) {
            self.push(start, p, TokenKind::Word);
            start = p;
        }
        // Clitics peeled off the end, last first (`donne-le-moi` → `-moi`, `-le`).
        let mut clitics = [0usize; 3];
        let mut n = 0;
        let mut core_end = end;
        while info.hyphen && n < clitics.len() {
            match clitic_start(text, start, core_end) {
                Some(h) => {
                    clitics[n] = core_end;
                    core_end = h;
                    n += 1;
                }
                None => break,
            }
        }
        self.emit_core(start, core_end);
        let mut s = core_end;
        for k in (0..n).rev() {
            self.push(s, clitics[k], TokenKind::Word);
            s = clitics[k];
        }
    }

    /// Pushes a word without elision or clitics, splitting a number from a unit written against
    /// it (`160km` → `160` `km`, `11h30` → `11` `h` `30`).
    fn emit_core(&mut self, start: usize, end: usize) {
        let w = &self.text[start..end];
        let body = w.trim_start_matches(['-', '+', '−']);
        if !body.starts_with(|c: char| c.is_ascii_digit()) {
            self.push(start, end, TokenKind::Word);
            return;
        }
        let num_len = body
            .find(|c: char| {
                !(c.is_ascii_digit() || is_thousands_space(c) || ",./'’-‐‑".contains(c))
            })
            .unwrap_or(body.len());
        let rest = &body[num_len..];
        if !body[..num_len].ends_with(|c: char| c.is_ascii_digit()) {
            self.push(start, end, TokenKind::Word); // `12-ans`
            return;
        }
        if rest.is_empty() {
            self.push(start, end, TokenKind::Number);
            return;
        }
        let letters_len = rest
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(rest.len());
        let (letters, digits) = rest.split_at(letters_len);
        let hour = eq_fold(letters, "h");
        let unit = hour || (digits.is_empty() && in_list(letters, UNITS));
        if unit && digits.bytes().all(|b| b.is_ascii_digit()) {
            let num_end = end - rest.len();
            let letters_end = num_end + letters.len();
            self.push(start, num_end, TokenKind::Number);
            self.push(num_end, letters_end, TokenKind::Word);
            self.push(letters_end, end, TokenKind::Number);
        } else {
            // ordinals (`1er`, `3ème`) and codes (`4SA`, `220725478X`)
            self.push(start, end, TokenKind::Word);
        }
    }
}

/// Advances from `i` while `f` holds.
#[inline]
fn scan_while(text: &str, mut i: usize, f: impl Fn(char) -> bool) -> usize {
    while let Some(c) = char_at(text, i) {
        if !f(c) {
            break;
        }
        i += c.len_utf8();
    }
    i
}

/// After the base char of a cluster: its marks, and chars joined by ZWJ (emoji sequences).
fn scan_cluster_tail(text: &str, mut i: usize) -> usize {
    while let Some(c) = char_at(text, i) {
        if !is_extender(c) {
            break;
        }
        i += c.len_utf8();
        if c == '\u{200D}' {
            if let Some(n) = char_at(text, i) {
                if !is_space(n) {
                    i += n.len_utf8();
                }
            }
        }
    }
    i
}

/// Scans a word-like run: letters and digits joined by hyphens, apostrophes, inner periods,
/// decimal commas, thousands spaces… Returns its end and what was seen.
fn scan_word(text: &str, scan: usize, allow_email: bool) -> (usize, WordInfo) {
    let mut info = WordInfo {
        initials: true,
        ..WordInfo::default()
    };
    let number = char_at(text, scan).is_some_and(|c| c.is_ascii_digit());
    let mut i = scan;
    let mut groups = 0; // digit groups joined by thousands spaces so far
    let mut only_groups = true; // nothing but thousands spaces joined so far
    loop {
        // one segment of letters and digits
        let mut seg_alnum = 0;
        let mut seg_upper = false;
        let mut seg_digits = 0;
        let mut last = None;
        while let Some(c) = char_at(text, i) {
            if is_alnum(c) {
                seg_alnum += 1;
                if c.is_ascii_digit() {
                    seg_digits += 1;
                } else if c.is_alphabetic() {
                    seg_upper = c.is_uppercase();
                }
                last = Some(c);
            } else if !is_extender(c) {
                break;
            }
            i += c.len_utf8();
        }
        let Some(last) = last else { break };
        if seg_alnum != 1 || !last.is_alphabetic() {
            info.initials = false;
        }
        let Some(c) = char_at(text, i) else { break };
        let after = i + c.len_utf8();
        let next = char_at(text, after);
        let next_alnum = next.is_some_and(is_alnum);
        let next_digit = next.is_some_and(|n| n.is_ascii_digit());
        let last_digit = last.is_ascii_digit();
        let last_letter = last.is_alphabetic();
        let join = match c {
            _ if is_hyphen(c) => {
                info.hyphen |= next_alnum;
                next_alnum
            }
            _ if is_apostrophe(c) => {
                info.apostrophe |= next_alnum;
                next_alnum
            }
            '.' if info.email => next_alnum,
            '.' => {
                if last_digit && next_digit {
                    true
                } else if last_letter
                    && (next.is_some_and(char::is_lowercase)
                        || seg_alnum == 1 && next.is_some_and(char::is_alphabetic))
                {
                    // `lemonde.fr`, `rec.arts`, `R.E.M`
                    info.letter_period = true;
                    true
                } else if last_letter
                    && seg_alnum == 1
                    && seg_upper
                    && next == Some('-')
                    && char_at(text, after + 1).is_some_and(char::is_uppercase)
                {
                    // `J.-C`: take `.-` in one step
                    i = after + 1;
                    continue;
                } else {
                    false
                }
            }
            ',' => last_digit && next_digit, // `12,5`
            '/' => last_digit && next_digit, // `1/10`, `25/01/06`
            '(' if last_letter => {
                // inclusive spellings: `traité(e)`, `ami(e)s`, `AUTRE(S)`
                let inner = scan_while(text, after, char::is_alphabetic);
                let k = text[after..inner].chars().count();
                if (1..=3).contains(&k) && char_at(text, inner) == Some(')') {
                    i = inner + 1;
                    continue;
                }
                false
            }
            '_' => next_alnum,
            '&' => last.is_uppercase() && next.is_some_and(char::is_uppercase),
            '@' if allow_email && !info.email && next_alnum => {
                info.email = true;
                true
            }
            _ if number && only_groups && is_thousands_space(c) => {
                let group_ok = if groups == 0 {
                    (1..=3).contains(&seg_digits) && seg_digits == seg_alnum
                } else {
                    seg_digits == 3 && seg_alnum == 3
                };
                let b = text.as_bytes();
                let three =
                    after + 3 <= b.len() && b[after..after + 3].iter().all(u8::is_ascii_digit);
                let then = char_at(text, after + 3);
                let ok = group_ok && three && !then.is_some_and(|t| t.is_ascii_digit());
                if ok {
                    groups += 1;
                }
                ok
            }
            _ => false,
        };
        if !join {
            break;
        }
        only_groups &= is_thousands_space(c);
        i = after;
    }
    if info.email {
        let at = text[scan..i].find('@').map_or(i, |p| scan + p);
        if !text[at..i].contains('.') {
            // `@` without a dotted domain is not an address: stop before it.
            return scan_word(text, scan, false);
        }
    }
    (i, info)
}

/// Whether the word `[start, end)`, followed by `.`, is an abbreviation that keeps its period.
fn takes_period(text: &str, start: usize, end: usize, info: &WordInfo) -> bool {
    let w = &text[start..end];
    if is_title(w) || in_list(w, ABBREVIATIONS) {
        return true;
    }
    let mut chars = w.chars().filter(|c| !is_extender(*c));
    let first = chars.next();
    let single = chars.next().is_none();
    if single && first.is_some_and(char::is_uppercase) {
        return true; // an initial: `J. Dupont`
    }
    if info.initials && (info.letter_period || w.contains(".-")) {
        return true; // `R.E.M.`, `J.-C.`
    }
    if in_list(w, ABBREVIATIONS_BEFORE_LOWER) {
        // `p. 12`, `art. 3`, `p. ex. la`
        let after = scan_while(text, end + 1, is_space);
        if char_at(text, after).is_some_and(|c| c.is_ascii_digit() || c.is_lowercase()) {
            return true;
        }
        // `vol. XVII`, `t. III`
        let roman = scan_while(text, after, |c| "IVXLCDM".contains(c));
        return roman > after && !char_at(text, roman).is_some_and(is_alnum);
    }
    false
}

/// If the word `[start, end)` starts with an elided word (`l'`, `jusqu’`) followed by more,
/// the end of that elided word (after its apostrophe).
fn elision_end(text: &str, start: usize, end: usize) -> Option<usize> {
    let w = &text[start..end];
    let (pos, apo) = w.char_indices().take(8).find(|&(_, c)| is_apostrophe(c))?;
    let after = start + pos + apo.len_utf8();
    if after >= end || !in_list(&w[..pos], ELISIONS) {
        return None;
    }
    let c_est = pos == 1 && (w.starts_with('c') || w.starts_with('C'));
    if in_list(w, ELISION_WHOLE)
        || c_est && (starts_with_fold(w, "c'est-à-dire") || starts_with_fold(w, "c’est-à-dire"))
    {
        return None;
    }
    Some(after)
}

/// Whether `w` starts with `lower` (lower-case), ignoring case.
fn starts_with_fold(w: &str, lower: &str) -> bool {
    let n = lower.chars().count();
    let cut = w.char_indices().nth(n).map_or(w.len(), |(i, _)| i);
    w.chars().count() >= n && eq_fold(&w[..cut], lower)
}

/// If the word `[start, end)` ends with an inverted clitic (`-il`, `-t-elle`, `-ce`), where that
/// clitic starts (at its hyphen).
fn clitic_start(text: &str, start: usize, end: usize) -> Option<usize> {
    let w = &text[start..end];
    let h = w.rfind('-')?;
    if h == 0 {
        return None;
    }
    let seg = &w[h + 1..];
    if !in_list(seg, CLITICS) || in_list(w, HYPHEN_WHOLE) {
        return None;
    }
    let upper_word = !w.chars().any(char::is_lowercase);
    if seg.chars().any(char::is_uppercase) && !upper_word {
        return None; // `Marie-Elle`, `NF-En`
    }
    let before = &w[..h];
    let host_start = before.rfind('-').map_or(0, |p| p + 1);
    let host = &before[host_start..];
    if host.is_empty() || !host.chars().all(char::is_alphabetic) {
        return None;
    }
    if (eq_fold(seg, "ci") || eq_fold(seg, "là")) && in_list(host, CI_LA_HOSTS) {
        return None;
    }
    if eq_fold(host, "t") && host_start >= 2 {
        // `a-t-il`: the euphonic t goes with the pronoun
        return Some(start + host_start - 1);
    }
    Some(start + h)
}

/// If a URL starts at `i` (`http://`, `https://`, `ftp://`, `www.`), where it ends.
fn url_at(text: &str, i: usize) -> Option<usize> {
    let rest = text.as_bytes().get(i..)?;
    let prefix = [&b"https://"[..], b"http://", b"ftp://", b"www."]
        .into_iter()
        .find(|p| rest.len() > p.len() && rest[..p.len()].eq_ignore_ascii_case(p))?;
    let first = char_at(text, i + prefix.len())?;
    if !is_alnum(first) {
        return None;
    }
    Some(url_tail(text, i, i + prefix.len()))
}

/// The end of a URL starting at `start` whose body continues at `i`: up to a space or a quote,
/// without trailing sentence punctuation or an unbalanced closing bracket.
fn url_tail(text: &str, start: usize, i: usize) -> usize {
    let mut end = scan_while(text, i, |c| {
        !is_space(c) && !matches!(c, '<' | '>' | '"' | '«' | '»' | '“' | '”' | '‘' | '’')
    });
    // bracket balance of the whole URL, updated as closing brackets are trimmed
    let body = &text[start..end];
    let mut paren = body.matches('(').count() as isize - body.matches(')').count() as isize;
    let mut square = body.matches('[').count() as isize - body.matches(']').count() as isize;
    while end > i {
        let Some(last) = char_before(text, end) else {
            break;
        };
        let trim = match last {
            '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '…' => true,
            ')' if paren < 0 => {
                paren += 1;
                true
            }
            ']' if square < 0 => {
                square += 1;
                true
            }
            _ => false,
        };
        if !trim {
            break;
        }
        end -= last.len_utf8();
    }
    end
}

#[cfg(test)]
mod tests;
