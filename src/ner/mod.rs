//! Entity recognition: DATE and NUM by rules, PER/ORG/LOC/MISC by the trained tagger
//! ([`crate::model`]).

pub mod names;
pub mod rules;

use crate::analysis::Analysis;
use crate::annotation::Entity;
use crate::model::Tagger;
use std::sync::Arc;

/// Finds the entities of an analysed text, sorted by start, never overlapping.
#[derive(Debug, Clone)]
pub struct Recognizer {
    tagger: Arc<Tagger>,
}

impl Default for Recognizer {
    fn default() -> Self {
        Self::new()
    }
}

impl Recognizer {
    /// A recognizer with the built-in model.
    pub fn new() -> Self {
        Recognizer {
            tagger: Tagger::builtin(),
        }
    }

    /// A recognizer whose names come from `tagger`.
    pub fn with_tagger(tagger: Arc<Tagger>) -> Self {
        Recognizer { tagger }
    }

    pub fn recognize(&self, a: &Analysis) -> Vec<Entity> {
        let mut all = rules::find_dates_and_numbers(a);
        all.extend(names::find_names(a));
        all.extend(self.tagger.tag(a));
        resolve_overlaps(all)
    }
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
