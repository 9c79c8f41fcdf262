//! Entity recognition: DATE and NUM by rules, PER/ORG/LOC/MISC by a name recognizer.
//!
//! Every rule works over one fixed [`words::Words`] view of the text (so it does not depend on
//! how the tokenizer splits elisions, hyphens or digit groups):
//!
//! * [`dates`]: dates, times, relative dates, durations;
//! * [`numbers`] (with [`number_words`]): cardinals, amounts, measures;
//! * [`names`] (with [`gazetteer`]): people, organisations, places and other names.
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
use words::Words;

/// Finds the entities of an analysed text, sorted by start, never overlapping.
#[derive(Debug, Clone, Default)]
pub struct Recognizer {}

impl Recognizer {
    /// A recognizer with the built-in rules and lists (the lists are parsed once, on first use).
    pub fn new() -> Self {
        Recognizer {}
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
        let names: Vec<Entity> = names::find_names(&w)
            .into_iter()
            .map(|(r, label)| to_entity(r, label))
            .collect();
        merge(dates, numbers, names)
    }
}

/// Combines the three layers: dates first, then numbers outside dates, then names; a name that
/// strictly contains the dates/numbers it overlaps replaces them.
fn merge(dates: Vec<Entity>, numbers: Vec<Entity>, names: Vec<Entity>) -> Vec<Entity> {
    let mut kept: Vec<Entity> = dates;
    for n in numbers {
        if !kept.iter().any(|k| k.span().overlaps(&n.span())) {
            kept.push(n);
        }
    }
    for name in names {
        let overlapping: Vec<usize> = (0..kept.len())
            .filter(|&k| kept[k].span().overlaps(&name.span()))
            .collect();
        let wins = overlapping
            .iter()
            .all(|&k| name.span().contains(&kept[k].span()) && name.span() != kept[k].span());
        if wins {
            for &k in overlapping.iter().rev() {
                kept.remove(k);
            }
            kept.push(name);
        }
    }
    resolve_overlaps(kept)
}

/// Keeps a non-overlapping subset of `entities`, preferring longer spans, then earlier ones;
/// the result is sorted by start.
pub fn resolve_overlaps(mut entities: Vec<Entity>) -> Vec<Entity> {
    entities.sort_by(|a, b| {
        (b.end - b.start)
            .cmp(&(a.end - a.start))
            .then(a.start.cmp(&b.start))
    });
    let mut kept: Vec<Entity> = Vec::with_capacity(entities.len());
    for e in entities {
        if e.start < e.end && !kept.iter().any(|k| k.span().overlaps(&e.span())) {
            kept.push(e);
        }
    }
    kept.sort_by_key(|e| (e.start, e.end));
    kept
}
