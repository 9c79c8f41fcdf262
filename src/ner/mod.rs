//! Entity recognition: DATE and NUM by rules, PER/ORG/LOC/MISC by the trained tagger
//! ([`crate::model`]).
//!
//! Every rule works over one fixed [`words::Words`] view of the text (so it does not depend on
//! how the tokenizer splits elisions, hyphens or digit groups):
//!
//! * [`dates`]: dates, times, relative dates, durations;
//! * [`numbers`] (with [`number_words`]): cardinals, amounts, measures;
//! * [`names`] (with [`gazetteer`]): people, organisations, places and other names by rules
//!   (kept for comparison: `Recognizer::rules_only`); the shipped recognizer takes its names
//!   from the trained tagger ([`crate::model::Tagger`]).
//!
//! Dates win over numbers (`15 juillet 2016` has no NUM inside); a name wins over a date or a
//! number it contains (`Euro 2016`, `Apollo 12`), otherwise dates and numbers win.

pub mod dates;
pub mod gazetteer;
pub mod names;
pub mod number_words;
pub mod numbers;
pub mod words;

use crate::analysis::Analysis;
use crate::annotation::{Entity, Label};
use crate::model::Tagger;
use std::sync::Arc;
use words::Words;

/// Finds the entities of an analysed text, sorted by start, never overlapping.
#[derive(Debug, Clone)]
pub struct Recognizer {
    /// Where PER/ORG/LOC/MISC come from: the tagger, or the name rules when `None`.
    tagger: Option<Arc<Tagger>>,
}

impl Default for Recognizer {
    fn default() -> Self {
        Self::new()
    }
}

impl Recognizer {
    /// A recognizer with the built-in rules, lists and entity model (all decoded once, on first
    /// use).
    pub fn new() -> Self {
        Recognizer {
            tagger: Some(Tagger::builtin()),
        }
    }

    /// A recognizer whose names come from `tagger` (a model loaded with `balise annotate
    /// --model`).
    pub fn with_tagger(tagger: Arc<Tagger>) -> Self {
        Recognizer {
            tagger: Some(tagger),
        }
    }

    /// A recognizer whose names come from the name rules ([`names`]) instead of the tagger.
    pub fn rules_only() -> Self {
        Recognizer { tagger: None }
    }

    /// Finds the entities of `a`; offsets are UTF-8 bytes into `a.text`.
    pub fn recognize(&self, a: &Analysis) -> Vec<Entity> {
        let w = Words::new(a);
        let to_entity = |(s, e): (usize, usize), label: Label| {
            let (start, end) = w.span(s, e - 1);
            Entity { start, end, label }
        };
        let dates: Vec<Entity> = dates::find_dates(&w)
            .into_iter()
            .map(|r| to_entity(r, Label::DATE))
            .collect();
        let numbers: Vec<Entity> = numbers::find_numbers(&w)
            .into_iter()
            .map(|r| to_entity(r, Label::NUM))
            .collect();
        let names: Vec<Entity> = match &self.tagger {
            Some(t) => t.tag(a),
            None => names::find_names(&w)
                .into_iter()
                .map(|(r, label)| to_entity(r, label))
                .collect(),
        };
        merge(dates, numbers, names)
    }
}

/// PER/ORG/LOC/MISC found by the name rules alone ([`names`]), byte offsets into `a.text`. The
/// trained tagger reads them as features (see [`crate::model::features`]).
pub fn rule_names(a: &Analysis) -> Vec<Entity> {
    let w = Words::new(a);
    names::find_names(&w)
        .into_iter()
        .map(|((s, e), label)| {
            let (start, end) = w.span(s, e - 1);
            Entity { start, end, label }
        })
        .collect()
}

/// Combines the three layers: dates first, then numbers outside dates, then names; a name that
/// strictly contains the dates/numbers it overlaps replaces them. Each layer is disjoint; the
/// sweep is linear after sorting.
fn merge(mut dates: Vec<Entity>, mut numbers: Vec<Entity>, mut names: Vec<Entity>) -> Vec<Entity> {
    for layer in [&mut dates, &mut numbers, &mut names] {
        layer.sort_by_key(|e| (e.start, e.end));
    }
    let mut base = Vec::with_capacity(dates.len() + numbers.len());
    let mut d = 0;
    for n in numbers {
        while d < dates.len() && dates[d].end <= n.start {
            d += 1;
        }
        if !(d < dates.len() && dates[d].start < n.end) {
            base.push(n);
        }
    }
    base.extend(dates);
    base.sort_by_key(|e| (e.start, e.end));
    let mut removed = vec![false; base.len()];
    let mut kept_names = Vec::new();
    let mut a = 0;
    for name in names {
        while a < base.len() && base[a].end <= name.start {
            a += 1;
        }
        let mut b = a;
        while b < base.len() && base[b].start < name.end {
            b += 1;
        }
        let wins =
            (a..b).all(|k| name.span().contains(&base[k].span()) && name.span() != base[k].span());
        if wins {
            removed[a..b].iter_mut().for_each(|r| *r = true);
            kept_names.push(name);
        }
    }
    let mut all: Vec<Entity> = base
        .into_iter()
        .zip(removed)
        .filter(|(_, r)| !r)
        .map(|(e, _)| e)
        .collect();
    all.extend(kept_names);
    resolve_overlaps(all)
}

/// Keeps a non-overlapping subset of `entities`, preferring longer spans, then earlier ones;
/// the result is sorted by start.
pub fn resolve_overlaps(mut entities: Vec<Entity>) -> Vec<Entity> {
    entities.sort_by(|a, b| {
        (b.end - b.start)
            .cmp(&(a.end - a.start))
            .then(a.start.cmp(&b.start))
    });
    // Kept spans by start; they never overlap, so only the nearest one before `end` can.
    let mut kept: std::collections::BTreeMap<usize, Entity> = std::collections::BTreeMap::new();
    for e in entities {
        if e.start >= e.end {
            continue;
        }
        let clash = kept
            .range(..e.end)
            .next_back()
            .is_some_and(|(_, k)| k.end > e.start);
        if !clash {
            kept.insert(e.start, e);
        }
    }
    kept.into_values().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entities(text: &str) -> Vec<(String, Label)> {
        let a = Analysis::new(text);
        Recognizer::new()
            .recognize(&a)
            .into_iter()
            .map(|e| (text[e.start..e.end].to_string(), e.label))
            .collect()
    }

    fn has(text: &str, span: &str, label: Label) {
        let found = entities(text);
        assert!(
            found.iter().any(|(s, l)| s == span && *l == label),
            "{span} {label} not in {found:?}"
        );
    }

    #[test]
    fn a_news_sentence() {
        let text = "15 juillet 2016. – Le président afghan Ashraf Ghani a annoncé lundi que 3 500 \
                    soldats et sept hélicoptères seraient envoyés à Kaboul d'ici le 11 septembre \
                    prochain, pour un coût de 3,3 milliards de dollars.";
        has(text, "15 juillet 2016", Label::DATE);
        has(text, "Ashraf Ghani", Label::PER);
        has(text, "lundi", Label::DATE);
        has(text, "3 500", Label::NUM);
        has(text, "sept", Label::NUM);
        has(text, "Kaboul", Label::LOC);
        has(text, "11 septembre prochain", Label::DATE);
        has(text, "3,3 milliards de dollars", Label::NUM);
        assert!(!entities(text)
            .iter()
            .any(|(s, _)| s == "afghan" || s == "Le"));
    }

    #[test]
    fn numbers_inside_dates_are_not_num() {
        let found = entities("Le 1er mars 2017 à 10 h 30, 55,3 % des électeurs.");
        assert_eq!(
            found,
            [
                ("1er mars 2017".to_string(), Label::DATE),
                ("10 h 30".to_string(), Label::DATE),
                ("55,3 %".to_string(), Label::NUM),
            ]
        );
    }

    #[test]
    fn names_and_numbers_in_names() {
        has(
            "la station Tiangong-1 est tombée",
            "Tiangong-1",
            Label::MISC,
        );
        has("pendant l'Euro 2016 à Nice", "Euro 2016", Label::MISC);
        has("Il a été invité à l'Élysée.", "Élysée", Label::LOC);
    }

    #[test]
    fn output_is_sorted_and_disjoint() {
        let text = "Le 15 juillet 2016, 3 500 soldats de l'ONU sont arrivés à Kaboul, \
                    selon M. Dupont, 93 ans, et la Chambre de commerce et d'industrie afghane.";
        let a = Analysis::new(text);
        let found = Recognizer::new().recognize(&a);
        assert!(found.len() >= 6);
        for pair in found.windows(2) {
            assert!(pair[0].end <= pair[1].start, "{pair:?}");
        }
    }

    #[test]
    fn never_panics_on_odd_inputs() {
        let odd = [
            "",
            " ",
            "\u{a0}\u{202f}",
            ".",
            "«»",
            "’",
            "l’",
            "l'",
            "d'",
            "🙂",
            "🙂 Paris 🙂 3 500 🙂",
            "e\u{301}te\u{301} 2016",
            "\r\n\r\n",
            "M.",
            "Mme",
            "M. ",
            "-",
            "1er",
            "1 er",
            "XX e",
            "années",
            "il y a",
            "ce",
            "le début de",
            "10 h",
            "10 h 30 UTC+",
            "UTC-5",
            "3 500,",
            "3\u{202f}500\u{a0}€",
            "55,3\u{a0}%",
            "vingt et",
            "quatre-vingt-",
            "-vingt",
            "ministère de",
            "affaire",
            "chemin",
            "Jimmy Wales\u{200f}",
            "\u{200e}Paris\u{200f}",
            "Saint-Étienne-du-Rouvray’s",
            "1999999999999999999999999 euros",
            "9999999999 milliards de milliards",
            "mille mille mille mille mille mille mille",
            "Le\u{301} Pen",
            "ǅemal Bijedić",
            "İstanbul",
            "ß SS ﬃ",
        ];
        for text in odd {
            let a = Analysis::new(text);
            for e in Recognizer::new().recognize(&a) {
                assert!(text.is_char_boundary(e.start) && text.is_char_boundary(e.end));
                assert!(e.start < e.end && e.end <= text.len());
            }
        }
    }
}
