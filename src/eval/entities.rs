//! Entity scoring: strict (same span, same label or a gold `alt`) and overlap matching.

use super::counts::{overlaps, Counts};
use crate::annotation::Label;
use crate::document::DocEntity;
use serde::Serialize;
use std::collections::BTreeMap;

/// Which labels are scored (`--labels PER,ORG,LOC`); all six by default.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LabelSet([bool; 6]);

impl Default for LabelSet {
    fn default() -> Self {
        LabelSet([true; 6])
    }
}

impl LabelSet {
    /// Only the given labels.
    pub fn only(labels: &[Label]) -> Self {
        let mut set = [false; 6];
        for l in labels {
            set[*l as usize] = true;
        }
        LabelSet(set)
    }
    pub fn contains(&self, l: Label) -> bool {
        self.0[l as usize]
    }
    /// The labels in the set, in legend order.
    pub fn labels(&self) -> Vec<Label> {
        Label::ALL
            .into_iter()
            .filter(|l| self.contains(*l))
            .collect()
    }
}

/// Entity scores of one or more documents.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct EntityScores {
    /// Same span, and the predicted label is the gold label or one of its `alt` labels.
    pub strict: Counts,
    /// Spans share at least one code point, labels compatible as for strict.
    pub overlap: Counts,
    /// Strict counts per label (true and false positives under the predicted label, misses under
    /// the gold label).
    pub per_label: BTreeMap<Label, Counts>,
}

impl std::ops::AddAssign<&EntityScores> for EntityScores {
    fn add_assign(&mut self, o: &EntityScores) {
        self.strict += o.strict;
        self.overlap += o.overlap;
        for (l, c) in &o.per_label {
            *self.per_label.entry(*l).or_default() += *c;
        }
    }
}

fn accepts(g: &DocEntity, label: Label) -> bool {
    g.label == label || g.alt.contains(&label)
}

/// Scores the predicted entities of one document against its gold entities.
///
/// Gold spans marked `optional` are ignored whether found or not: a prediction on exactly that
/// span (strict) or overlapping it (overlap) is neither a hit nor a false positive. With a
/// restricted [`LabelSet`], a gold span whose own label is outside the set but one of whose `alt`
/// labels is inside counts as optional.
///
/// ```
/// use balise::document::DocEntity;
/// use balise::eval::{score_entities, LabelSet};
/// use balise::Label;
/// let e = |start, end, label| DocEntity { start, end, label, text: String::new(), alt: vec![], optional: false, provenance: None };
/// let gold = [e(0, 6, Label::LOC), e(9, 24, Label::PER)];
/// let pred = [e(0, 6, Label::LOC), e(9, 17, Label::PER)];
/// let s = score_entities(&gold, &pred, LabelSet::default());
/// assert_eq!((s.strict.tp, s.strict.fp, s.strict.fn_), (1, 1, 1));
/// assert_eq!(s.overlap.tp, 2);
/// ```
pub fn score_entities(gold: &[DocEntity], pred: &[DocEntity], labels: LabelSet) -> EntityScores {
    let mut required: Vec<&DocEntity> = Vec::new();
    let mut optional: Vec<&DocEntity> = Vec::new();
    for g in gold {
        if !g.optional && labels.contains(g.label) {
            required.push(g);
        } else if labels.contains(g.label) || g.alt.iter().any(|l| labels.contains(*l)) {
            optional.push(g);
        }
    }
    let pred: Vec<&DocEntity> = pred.iter().filter(|p| labels.contains(p.label)).collect();
    let mut scores = EntityScores::default();
    for l in labels.labels() {
        scores.per_label.insert(l, Counts::default());
    }

    // Strict.
    let mut matched = vec![false; required.len()];
    for p in &pred {
        let hit = required.iter().enumerate().position(|(i, g)| {
            !matched[i] && g.start == p.start && g.end == p.end && accepts(g, p.label)
        });
        let counts = scores.per_label.entry(p.label).or_default();
        if let Some(i) = hit {
            matched[i] = true;
            counts.tp += 1;
            scores.strict.tp += 1;
        } else if optional
            .iter()
            .any(|g| g.start == p.start && g.end == p.end)
        {
            // neither a hit nor a false positive
        } else {
            counts.fp += 1;
            scores.strict.fp += 1;
        }
    }
    for (g, m) in required.iter().zip(&matched) {
        if !m {
            scores.per_label.entry(g.label).or_default().fn_ += 1;
            scores.strict.fn_ += 1;
        }
    }

    // Overlap: each prediction takes the compatible unmatched gold span it overlaps most.
    let mut matched = vec![false; required.len()];
    for p in &pred {
        let ps = (p.start, p.end);
        let best = required
            .iter()
            .enumerate()
            .filter(|(i, g)| !matched[*i] && accepts(g, p.label) && overlaps(ps, (g.start, g.end)))
            .max_by_key(|(_, g)| p.end.min(g.end) - p.start.max(g.start))
            .map(|(i, _)| i);
        if let Some(i) = best {
            matched[i] = true;
            scores.overlap.tp += 1;
        } else if !optional.iter().any(|g| overlaps(ps, (g.start, g.end))) {
            scores.overlap.fp += 1;
        }
    }
    scores.overlap.fn_ = matched.iter().filter(|m| !**m).count();
    scores
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ent(start: usize, end: usize, label: Label) -> DocEntity {
        DocEntity {
            start,
            end,
            label,
            text: String::new(),
            alt: vec![],
            optional: false,
            provenance: None,
        }
    }

    #[test]
    fn alt_label_counts_as_a_hit() {
        let mut g = ent(0, 5, Label::LOC);
        g.alt = vec![Label::ORG];
        let s = score_entities(&[g], &[ent(0, 5, Label::ORG)], LabelSet::default());
        assert_eq!(
            s.strict,
            Counts {
                tp: 1,
                fp: 0,
                fn_: 0
            }
        );
        assert_eq!(s.per_label[&Label::ORG].tp, 1);
    }

    #[test]
    fn optional_gold_is_ignored_found_or_not() {
        let mut g = ent(0, 9, Label::DATE);
        g.optional = true;
        let found = score_entities(&[g.clone()], &[ent(0, 9, Label::NUM)], LabelSet::default());
        assert_eq!(found.strict, Counts::default());
        let missed = score_entities(&[g], &[], LabelSet::default());
        assert_eq!(missed.strict, Counts::default());
    }

    #[test]
    fn wrong_label_is_a_miss_and_a_false_positive() {
        let s = score_entities(
            &[ent(0, 5, Label::PER)],
            &[ent(0, 5, Label::ORG)],
            LabelSet::default(),
        );
        assert_eq!(
            s.strict,
            Counts {
                tp: 0,
                fp: 1,
                fn_: 1
            }
        );
        assert_eq!(s.per_label[&Label::PER].fn_, 1);
        assert_eq!(s.per_label[&Label::ORG].fp, 1);
    }

    #[test]
    fn restricted_labels_ignore_the_others() {
        let only = LabelSet::only(&[Label::PER, Label::ORG, Label::LOC]);
        let s = score_entities(
            &[ent(0, 5, Label::PER), ent(10, 14, Label::DATE)],
            &[ent(0, 5, Label::PER), ent(20, 22, Label::NUM)],
            only,
        );
        assert_eq!(
            s.strict,
            Counts {
                tp: 1,
                fp: 0,
                fn_: 0
            }
        );
        assert!(!s.per_label.contains_key(&Label::DATE));
    }

    #[test]
    fn a_gold_match_is_used_once() {
        let s = score_entities(
            &[ent(0, 5, Label::PER)],
            &[ent(0, 5, Label::PER), ent(0, 5, Label::PER)],
            LabelSet::default(),
        );
        assert_eq!(
            s.strict,
            Counts {
                tp: 1,
                fp: 1,
                fn_: 0
            }
        );
        let s = score_entities(
            &[ent(0, 10, Label::PER)],
            &[ent(0, 3, Label::PER), ent(4, 10, Label::PER)],
            LabelSet::default(),
        );
        assert_eq!(
            s.overlap,
            Counts {
                tp: 1,
                fp: 1,
                fn_: 0
            }
        );
    }
}
