//! Sentence splitter over the tokens of [`crate::tokenize`].
//!
//! Rules, in order:
//!
//! * a line break (and so a blank line) always ends a sentence: titles, paragraphs and list
//!   items of news texts are separate sentences;
//! * `.`, `!`, `?`, `…`, `...` (and runs such as `?!`) end a sentence when what follows on the
//!   same line does not continue it: the next token must not start with a lower-case letter
//!   (`« Pourquoi ? » a-t-il demandé`) nor be closing punctuation (`,`, `;`, `)`…);
//! * closing quotes and brackets right after the end mark stay in the sentence
//!   (`… la fin. »` ends after `»`); a straight `"` counts as closing when glued to the mark or
//!   when a `"` is open in the sentence;
//! * an ellipsis inside brackets (`(...)`, `[…]`) marks a cut, not an end;
//! * abbreviations never end a sentence (`M. Dupont`, `p. ex.`, `av. J.-C.` before a name),
//!   except `etc.` and a few others before a capital; after an initial or an acronym with periods
//!   (`J.`, `R.E.M.`, `J.-C.`) the sentence ends only if a typical sentence opener follows
//!   (`Il`, `Le`, `Mais`…);
//! * a `;` followed by a capitalised sentence opener (`; Le`, `; Il`) ends a sentence: French
//!   goes on in lower case after `;`, so this is a list item whose line break was lost;
//! * a capitalised subject pronoun followed by a lower-case word right after a word
//!   (`… sans se ruiner Il dénonce …`) starts a sentence: a title or list item lost its line
//!   break;
//! * news datelines: in `15 mars 2017. – François Fillon a…` the period ends the dateline, which
//!   becomes a sentence of its own, and the dash opens the next sentence (as list dashes open
//!   their item in UD Sequoia). A dateline without a period (`PARIS (AFP) – Le…`) stays in the
//!   sentence it introduces. A dash left alone at the end of the line (`15 mars 2017. –` then a
//!   line break) stays with the dateline, like any punctuation left after the last sentence of
//!   a line.
//!
//! French spacing (NBSP/NNBSP before `?`, `!`, `:`, `;`) needs nothing special: those spaces are
//! white space to the tokenizer.

use crate::tokenize::lexicon::{
    in_list, is_title, ABBREVIATIONS, ABBREVIATIONS_BEFORE_LOWER, ABBREVIATIONS_FINAL,
    SENTENCE_STARTERS,
};
use crate::tokenize::{Token, TokenKind};
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

/// How a token may end a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum End {
    /// `.`, `!`, `?`, `?!`, `…`, `...`
    Mark,
    /// `etc.`: ends before a capital.
    FinalAbbreviation,
    /// `J.`, `R.E.M.`, `J.-C.`: ends only before a sentence opener.
    Initials,
    /// `;` before a capitalised sentence opener: a list item whose line break was lost
    /// (`… la pollution ; Le lendemain …`). French goes on in lower case after `;`.
    Semicolon,
}

/// Groups `tokens` (as produced by [`crate::tokenize::tokenize`] on `text`) into sentences.
/// Every token belongs to exactly one sentence; sentences are in order.
///
/// ```
/// use balise::{sentences::split_sentences, tokenize::tokenize};
/// let text = "« C’est la fin. » M. Dupont part.\nNouveau titre";
/// let tokens = tokenize(text);
/// let s: Vec<&str> = split_sentences(text, &tokens)
///     .iter()
///     .map(|s| &text[s.start..s.end])
///     .collect();
/// assert_eq!(s, ["« C’est la fin. »", "M. Dupont part.", "Nouveau titre"]);
/// ```
pub fn split_sentences(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let n = tokens.len();
    let mut out: Vec<Sentence> = Vec::with_capacity(n / 20 + 1);
    let tok = |k: usize| tokens[k].text(text);
    let mut first = 0;
    let mut state = State::default();
    let mut i = 0;
    while i < n {
        state.update(tok(i));
        let mut last = None;
        if let Some(kind) = end_kind(text, tokens, i) {
            // closing quotes, brackets and further marks glued to the end
            let mut j = i;
            let mut s = state;
            while j + 1 < n && !line_break(text, &tokens[j], &tokens[j + 1]) {
                let u = tok(j + 1);
                let glued = tokens[j + 1].start == tokens[j].end;
                let closer = match u {
                    "»" | "”" | "›" => true,
                    ")" | "]" | "}" => glued || s.depth > 0,
                    // glued to the mark: closing; glued to the next word: opening
                    "\"" => {
                        glued
                            || s.quote_open
                                && !matches!(tokens.get(j + 2), Some(k) if k.start == tokens[j + 1].end)
                    }
                    "'" | "’" => glued,
                    _ => end_kind(text, tokens, j + 1) == Some(End::Mark),
                };
                if !closer {
                    break;
                }
                s.update(u);
                j += 1;
            }
            let next = (j + 1 < n).then(|| tok(j + 1));
            if ends_before(kind, next) {
                last = Some(j);
            }
        }
        if last.is_none()
            && (i + 1 == n
                || line_break(text, &tokens[i], &tokens[i + 1])
                || lost_break_before_pronoun(text, tokens, i))
        {
            last = Some(i);
        }
        match last {
            Some(l) => {
                let lone_punct = tokens[first..=l].iter().all(|t| t.kind == TokenKind::Punct);
                match out.last_mut() {
                    // punctuation left alone at the end of a line goes with the sentence before
                    // it (`30 janvier 2017. –` then a line break)
                    Some(prev)
                        if lone_punct
                            && !line_break(text, &tokens[prev.end_token - 1], &tokens[first]) =>
                    {
                        prev.end = tokens[l].end;
                        prev.end_token = l + 1;
                    }
                    _ => out.push(Sentence {
                        start: tokens[first].start,
                        end: tokens[l].end,
                        first_token: first,
                        end_token: l + 1,
                    }),
                }
                first = l + 1;
                i = l + 1;
                // a `"` may stay open over several sentences of a paragraph
                let quote_open =
                    state.quote_open && i < n && !line_break(text, &tokens[l], &tokens[i]);
                state = State {
                    quote_open,
                    depth: 0,
                };
            }
            None => i += 1,
        }
    }
    out
}

/// Open quotes and brackets in the current sentence.
#[derive(Debug, Clone, Copy, Default)]
struct State {
    quote_open: bool,
    depth: i32,
}

impl State {
    fn update(&mut self, t: &str) {
        match t {
            "\"" => self.quote_open = !self.quote_open,
            "(" | "[" | "{" => self.depth += 1,
            ")" | "]" | "}" => self.depth = (self.depth - 1).max(0),
            _ => {}
        }
    }
}

/// Whether a capitalised subject pronoun followed by a lower-case word comes right after word
/// `i` (`… le synthétiseur Il était …`): mid-sentence French writes `il`, so a line break (a
/// title or a list item without final punctuation) was lost there.
fn lost_break_before_pronoun(text: &str, tokens: &[Token], i: usize) -> bool {
    let (Some(p), Some(after)) = (tokens.get(i + 1), tokens.get(i + 2)) else {
        return false;
    };
    matches!(tokens[i].kind, TokenKind::Word | TokenKind::Number)
        && !tokens[i].text(text).ends_with('.')
        && matches!(p.text(text), "Il" | "Ils" | "Elle" | "Elles" | "On")
        && after.text(text).starts_with(char::is_lowercase)
}

/// Whether the gap between two tokens holds a line break.
fn line_break(text: &str, a: &Token, b: &Token) -> bool {
    text.get(a.end..b.start).is_some_and(|gap| {
        gap.contains(|c| {
            matches!(
                c,
                '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
            )
        })
    })
}

/// Whether token `i` can end a sentence, and how.
fn end_kind(text: &str, tokens: &[Token], i: usize) -> Option<End> {
    let t = tokens[i].text(text);
    match tokens[i].kind {
        TokenKind::Punct => {
            let c = t.chars().next()?;
            if t == ";" {
                return Some(End::Semicolon);
            }
            if !matches!(c, '.' | '!' | '?' | '…') {
                return None;
            }
            let ellipsis = c == '…' || t.len() > 1 && c == '.';
            if ellipsis {
                // `(...)`, `[…]`: a cut in a quotation
                let before = i.checked_sub(1).map(|k| tokens[k].text(text));
                let after = tokens.get(i + 1).map(|k| k.text(text));
                if matches!(before, Some("(" | "[")) && matches!(after, Some(")" | "]")) {
                    return None;
                }
            }
            Some(End::Mark)
        }
        TokenKind::Word if t.len() > 1 && t.ends_with('.') => {
            let w = &t[..t.len() - 1];
            if in_list(w, ABBREVIATIONS_FINAL) {
                Some(End::FinalAbbreviation)
            } else if is_title(w)
                || in_list(w, ABBREVIATIONS)
                || in_list(w, ABBREVIATIONS_BEFORE_LOWER)
            {
                None
            } else {
                Some(End::Initials)
            }
        }
        _ => None,
    }
}

/// Whether a sentence ending with an end of kind `kind` really ends before the token `next`.
fn ends_before(kind: End, next: Option<&str>) -> bool {
    let Some(next) = next else { return true };
    let Some(c) = next.chars().next() else {
        return true;
    };
    if c.is_lowercase() {
        return false;
    }
    if !c.is_alphanumeric() {
        // closing or inner punctuation continues the sentence; openers start a new one
        let opener = matches!(
            c,
            '«' | '“'
                | '„'
                | '"'
                | '‘'
                | '\''
                | '('
                | '['
                | '{'
                | '–'
                | '—'
                | '-'
                | '‹'
                | '¿'
                | '¡'
                | '•'
                | '*'
        ) || c == '.' && next.len() > 1
            || c == '…';
        let punct = c.is_ascii_punctuation() || matches!(c, '»' | '”' | '›' | '’' | '%');
        if punct && !opener {
            return false;
        }
    }
    match kind {
        End::Mark | End::FinalAbbreviation => true,
        End::Initials | End::Semicolon => c.is_uppercase() && in_list(next, SENTENCE_STARTERS),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize;

    fn sents(text: &str) -> Vec<&str> {
        let tokens = tokenize(text);
        split_sentences(text, &tokens)
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn periods_exclamations_questions() {
        assert_eq!(
            sents("Il pleut. Va-t-il neiger ? Oui ! Enfin… Peut-être."),
            [
                "Il pleut.",
                "Va-t-il neiger ?",
                "Oui !",
                "Enfin…",
                "Peut-être."
            ]
        );
        assert_eq!(sents("Quoi ?! Non..."), ["Quoi ?!", "Non..."]);
    }

    #[test]
    fn closing_quotes_and_brackets_stay_in_the_sentence() {
        assert_eq!(
            sents("« C'est la fin. » Il part. (Il revient.) Puis \"Bonjour.\" Fin."),
            [
                "« C'est la fin. »",
                "Il part.",
                "(Il revient.)",
                "Puis \"Bonjour.\"",
                "Fin."
            ]
        );
        // a straight quote opening the next sentence
        assert_eq!(
            sents("Il l'a dit. \"Non\", répond-elle."),
            ["Il l'a dit.", "\"Non\", répond-elle."]
        );
        // a quotation of several sentences
        assert_eq!(
            sents("Il a dit : \"Je pars. Je reviens. \" Puis il est parti."),
            [
                "Il a dit : \"Je pars.",
                "Je reviens. \"",
                "Puis il est parti."
            ]
        );
    }

    #[test]
    fn a_lower_case_word_continues_the_sentence() {
        assert_eq!(
            sents("« Pourquoi ? » a-t-il demandé. « Parce que ! » répond-elle."),
            [
                "« Pourquoi ? » a-t-il demandé.",
                "« Parce que ! » répond-elle."
            ]
        );
        assert_eq!(
            sents("Il hésite... puis part."),
            ["Il hésite... puis part."]
        );
    }

    #[test]
    fn abbreviations_and_initials() {
        assert_eq!(
            sents("M. Dupont et Mme. Durand sont là. Le Dr. House aussi."),
            ["M. Dupont et Mme. Durand sont là.", "Le Dr. House aussi."]
        );
        assert_eq!(
            sents("Il est né en 52 av. J.-C. Il est mort en 14 apr. J.-C. à Rome."),
            [
                "Il est né en 52 av. J.-C.",
                "Il est mort en 14 apr. J.-C. à Rome."
            ]
        );
        assert_eq!(
            sents("Le film de J. R. Dupont sort. Les fruits, les légumes, etc. Le reste suit."),
            [
                "Le film de J. R. Dupont sort.",
                "Les fruits, les légumes, etc.",
                "Le reste suit."
            ]
        );
        assert_eq!(
            sents("Voir p. ex. la page 3. Il y a aussi l'art. 12 du code."),
            ["Voir p. ex. la page 3.", "Il y a aussi l'art. 12 du code."]
        );
        assert_eq!(
            sents("Le groupe R.E.M. Il joue."),
            ["Le groupe R.E.M.", "Il joue."]
        );
    }

    #[test]
    fn numbers_do_not_end_sentences() {
        assert_eq!(
            sents("Le taux passe à 3.5 points, soit 12,5 %. Il était de 3 500."),
            [
                "Le taux passe à 3.5 points, soit 12,5 %.",
                "Il était de 3 500."
            ]
        );
    }

    #[test]
    fn line_breaks_always_end_a_sentence() {
        assert_eq!(
            sents("Un titre sans point\n\nLe premier paragraphe commence. Il continue\nune ligne\r\nFin"),
            [
                "Un titre sans point",
                "Le premier paragraphe commence.",
                "Il continue",
                "une ligne",
                "Fin"
            ]
        );
    }

    #[test]
    fn lost_line_breaks() {
        // a list item ending in `;`, then a capitalised sentence opener
        assert_eq!(
            sents("la pollution des mers ; Le lendemain, tout reprit ; la suite"),
            [
                "la pollution des mers ;",
                "Le lendemain, tout reprit ; la suite"
            ]
        );
        // a title without final punctuation, then a subject pronoun
        assert_eq!(
            sents("Un bon restaurant Il faut réserver. Il Corriere della Sera le dit."),
            [
                "Un bon restaurant",
                "Il faut réserver.",
                "Il Corriere della Sera le dit."
            ]
        );
    }

    #[test]
    fn french_spacing_before_marks() {
        assert_eq!(
            sents("Vraiment\u{202F}? Oui\u{A0}! Il dit\u{A0}: «\u{A0}non\u{A0}».\u{A0}Fin."),
            [
                "Vraiment\u{202F}?",
                "Oui\u{A0}!",
                "Il dit\u{A0}: «\u{A0}non\u{A0}».",
                "Fin."
            ]
        );
    }

    #[test]
    fn dateline_is_its_own_sentence() {
        assert_eq!(
            sents("15 mars 2017. – François Fillon maintient sa candidature. « Je ne céderai pas », dit-il."),
            [
                "15 mars 2017.",
                "– François Fillon maintient sa candidature.",
                "« Je ne céderai pas », dit-il."
            ]
        );
        assert_eq!(
            sents("Titre\n30 janvier 2017. –\nSix personnes sont mortes."),
            ["Titre", "30 janvier 2017. –", "Six personnes sont mortes."]
        );
        assert_eq!(
            sents("PARIS (AFP) – Le gouvernement a annoncé jeudi un plan."),
            ["PARIS (AFP) – Le gouvernement a annoncé jeudi un plan."]
        );
    }

    #[test]
    fn cut_in_a_quotation_is_not_an_end() {
        assert_eq!(
            sents("Il écrit : « Nous irons (...) Jusqu'au bout [...] Toujours. » Fin."),
            [
                "Il écrit : « Nous irons (...) Jusqu'au bout [...] Toujours. »",
                "Fin."
            ]
        );
    }

    /// Sentences cover every token once, in order, with consistent offsets.
    fn check_invariants(text: &str) {
        let tokens = tokenize(text);
        let s = split_sentences(text, &tokens);
        let mut next = 0;
        for x in &s {
            assert_eq!(x.first_token, next, "{text:?}");
            assert!(x.end_token > x.first_token, "{text:?}: empty sentence");
            assert_eq!(x.start, tokens[x.first_token].start);
            assert_eq!(x.end, tokens[x.end_token - 1].end);
            assert!(text.get(x.start..x.end).is_some());
            next = x.end_token;
        }
        assert_eq!(next, tokens.len(), "{text:?}: tokens left out");
    }

    #[test]
    fn never_panics_on_odd_inputs() {
        for t in [
            "",
            " ",
            "\r\n",
            ".",
            "...",
            "» » »",
            ") ) .",
            "\" \" \" .",
            "M.",
            "etc.",
            "J.-C.",
            "A.",
            "? ! . … .. ?!",
            "( ... )",
            "[…]",
            "Fin. »\n» Début",
            "👍. 🇫🇷! e\u{301}.",
            "\u{A0}?\u{202F}!",
            "'",
            "’.",
            "l'. d’",
            "– .",
        ] {
            check_invariants(t);
            check_invariants(&format!("Il dit. {t} Puis. {t}"));
        }
        check_invariants(&".".repeat(10_000));
        check_invariants(&". ".repeat(10_000));
        check_invariants(&"« ».\n".repeat(1_000));
    }
}
