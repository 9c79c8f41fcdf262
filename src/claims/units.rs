//! Claim units: the sentences claims are read from.
//!
//! Starts from the sentences of the [`Analysis`], then makes them fit claims whatever the
//! sentence splitter did: a unit never crosses a line break; sentences are joined when a quote
//! pair spans them (`« A. B », a-t-il dit` is one unit) or when the split followed an
//! abbreviation or initial (`M.`, `N. Belloubet`). Each unit knows where its body starts (after a
//! dateline `15 mars 2017. –`) and whether it belongs to the title (first line).

use super::lexicon::{is_honorific, is_month, is_weekday};
use super::quotes::Quotes;
use super::words::{Word, WordKind};
use crate::analysis::Analysis;

/// One unit: words `w0..w1`, body from `body`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unit {
    pub w0: usize,
    pub w1: usize,
    /// First word after a dateline and leading dashes; `w1` when the unit is only a dateline.
    pub body: usize,
    /// The unit lies on the first line of a multi-line text whose first line is a headline.
    pub title: bool,
}

impl Unit {
    /// True when the unit has no body words.
    pub fn is_empty(&self) -> bool {
        self.body >= self.w1
    }
}

fn abbreviation_before_dot(words: &[Word], dot: usize) -> bool {
    if dot == 0 {
        return false;
    }
    let w = &words[dot - 1];
    if w.end != words[dot].start || w.kind != WordKind::Alpha {
        return false;
    }
    let single_capital = w.cap && w.norm.chars().count() == 1;
    single_capital
        || is_honorific(&w.norm)
        || matches!(
            w.norm.as_str(),
            "st" | "ste" | "cf" | "av" | "env" | "etc" | "vol" | "no" | "p"
        )
}

/// Splits the text into units (see the module doc).
pub fn units(a: &Analysis, words: &[Word], quotes: &Quotes) -> Vec<Unit> {
    let n = words.len();
    if n == 0 {
        return Vec::new();
    }
    // Sentence starts: after sentence-final punctuation followed by a space and something that
    // can start a sentence; the analysis' own starts count only where such punctuation precedes
    // (so that `12.000` or `1.5` split by a tokenizer never cut a unit).
    let mut starts = vec![false; n];
    let ends_sentence = |i: usize| -> bool {
        let p = &words[i - 1];
        let final_punct = |w: &Word| {
            w.kind == WordKind::Punct && matches!(w.norm.as_str(), "." | "!" | "?" | "…")
        };
        final_punct(p)
            || (matches!(p.kind, WordKind::Close | WordKind::Straight)
                && i >= 2
                && final_punct(&words[i - 2]))
    };
    let can_start = |w: &Word| {
        w.cap
            || matches!(
                w.kind,
                WordKind::Open | WordKind::Number | WordKind::Straight
            )
            || matches!(w.norm.as_str(), "–" | "—" | "-")
    };
    for i in 1..n {
        if ends_sentence(i) && words[i].space_before && can_start(&words[i]) {
            starts[i] = true;
        }
    }
    for s in &a.sentences {
        let i = words.partition_point(|w| w.start < s.start);
        if i > 0 && i < n && words[i].start == s.start && ends_sentence(i) && can_start(&words[i]) {
            starts[i] = true;
        }
    }
    starts[0] = true;
    // No break inside a quote pair, nor after an abbreviation.
    for p in &quotes.pairs {
        for s in starts.iter_mut().take(p.close + 1).skip(p.open + 1) {
            *s = false;
        }
    }
    for i in 1..n {
        if starts[i] && words[i - 1].is_punct(".") && abbreviation_before_dot(words, i - 1) {
            let next_lower = words[i]
                .norm
                .chars()
                .next()
                .is_some_and(|c| c.is_lowercase())
                && !words[i].cap;
            let name_follows = words[i].cap && words[i].kind == WordKind::Alpha;
            if next_lower || name_follows {
                starts[i] = false;
            }
        }
    }
    // Always break at line breaks.
    for i in 1..n {
        if words[i].newline_before {
            starts[i] = true;
        }
    }
    let title_end = title_end(a.text, words);
    let mut out = Vec::new();
    let mut w0 = 0;
    for (i, &start) in starts.iter().enumerate().skip(1).chain([(n, &true)]) {
        if start {
            let body = skip_dateline(words, w0, i);
            out.push(Unit {
                w0,
                w1: i,
                body,
                title: w0 < title_end,
            });
            w0 = i;
        }
    }
    out
}

/// Index of the first word after the headline, 0 when the text has no headline.
/// The first line is a headline when another non-empty line follows, it is short (at most 30
/// words), and either it does not end like a sentence (`.`, `!`, `?`, `…`) or the next line starts
/// with a dateline.
fn title_end(text: &str, words: &[Word]) -> usize {
    let _ = text;
    let Some(second) = words.iter().position(|w| w.newline_before) else {
        return 0;
    };
    if second == 0 || second > 30 {
        return 0;
    }
    let last = &words[second - 1];
    let sentence_like = matches!(last.norm.as_str(), "." | "!" | "?" | "…");
    let next_line_end = words[second + 1..]
        .iter()
        .position(|w| w.newline_before)
        .map_or(words.len(), |k| second + 1 + k);
    let dateline_next = skip_dateline(words, second, next_line_end.min(words.len())) > second;
    if !sentence_like || dateline_next {
        second
    } else {
        0
    }
}

/// First body word of the unit `w0..w1`: skips a dateline (`15 mars 2017. –`, `lundi 2 avril
/// 2018 -`) and leading dashes or bullets.
fn skip_dateline(words: &[Word], w0: usize, w1: usize) -> usize {
    let mut i = w0;
    let word = |i: usize| words.get(i).filter(|_| i < w1);
    // [weekday] day month year [.]
    let mut j = i;
    if word(j).is_some_and(|w| is_weekday(&w.norm)) {
        j += 1;
    }
    let day = word(j).is_some_and(|w| w.kind == WordKind::Number || w.norm == "1er");
    if day && word(j + 1).is_some_and(|w| is_month(&w.norm)) {
        j += 2;
        if word(j).is_some_and(|w| w.kind == WordKind::Number) {
            j += 1;
        }
        let is_dash =
            |k: usize| word(k).is_some_and(|w| matches!(w.norm.as_str(), "–" | "—" | "-"));
        // A time after the date: `31 mars 2016, 15:37 (UTC). –`.
        if word(j).is_some_and(|w| w.is_punct(",")) {
            let mut k = j + 1;
            while k < w1 && k - j <= 10 && word(k).is_some_and(time_word) {
                k += 1;
            }
            if k > j + 1
                && word(k).is_some_and(|w| w.is_punct("."))
                && (is_dash(k + 1) || k + 1 >= w1)
            {
                j = k;
            }
        }
        if word(j).is_some_and(|w| w.is_punct(".") || w.is_punct(",")) {
            j += 1;
        }
        let dash = is_dash(j);
        if dash || j >= w1 {
            i = j;
        }
    }
    while word(i).is_some_and(|w| matches!(w.norm.as_str(), "–" | "—" | "-" | "•" | "*" | "·"))
    {
        i += 1;
    }
    i.min(w1)
}

/// A word of a time in a dateline: numbers, `:`, `h`, a time zone in parentheses.
fn time_word(w: &Word) -> bool {
    w.kind == WordKind::Number
        || (w.kind == WordKind::Punct && matches!(w.norm.as_str(), ":" | "(" | ")"))
        || matches!(
            w.norm.as_str(),
            "h" | "heure" | "heures" | "locale" | "utc" | "gmt" | "cet" | "cest" | "edt" | "est"
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::words::words;

    fn unit_texts(t: &str) -> Vec<(String, bool)> {
        let a = Analysis::new(t);
        let w = words(&a);
        let q = Quotes::new(t, &w);
        units(&a, &w, &q)
            .iter()
            .filter(|u| !u.is_empty())
            .map(|u| (t[w[u.body].start..w[u.w1 - 1].end].to_string(), u.title))
            .collect()
    }

    #[test]
    fn dateline_and_title_are_recognised() {
        let u = unit_texts("Titre de l'article\n\n15 mars 2017. – Il pleut. Il vente.");
        assert_eq!(
            u,
            [
                ("Titre de l'article".to_string(), true),
                ("Il pleut.".to_string(), false),
                ("Il vente.".to_string(), false)
            ]
        );
    }

    #[test]
    fn dateline_with_a_time() {
        let u = unit_texts("Titre\n\n31 mars 2016, 15:37 (UTC). –\nIl pleut.");
        assert_eq!(
            u,
            [
                ("Titre".to_string(), true),
                ("Il pleut.".to_string(), false)
            ]
        );
    }

    #[test]
    fn quotes_and_initials_keep_sentences_together() {
        let u = unit_texts("« A. B. », dit-il. N. Belloubet a parlé.");
        assert_eq!(u[0].0, "« A. B. », dit-il.");
        assert_eq!(u[1].0, "N. Belloubet a parlé.");
    }

    #[test]
    fn title_with_a_period_before_a_dateline() {
        let u = unit_texts("Suisse : cambriolage.\n\n10 mars 2018. –\nLa banque a été cambriolée.");
        assert_eq!(u[0], ("Suisse : cambriolage.".to_string(), true));
        assert_eq!(u[1], ("La banque a été cambriolée.".to_string(), false));
    }

    #[test]
    fn numbers_and_lowercase_after_a_dot_do_not_split() {
        let u = unit_texts(
            "Ils étaient 12.000 à Paris. Dieu pardonne... moi pas ! (1967) est un film.",
        );
        assert_eq!(u.len(), 2, "{u:?}");
    }

    #[test]
    fn single_line_text_has_no_title() {
        let u = unit_texts("Six personnes sont mortes");
        assert_eq!(u, [("Six personnes sont mortes".to_string(), false)]);
    }
}
