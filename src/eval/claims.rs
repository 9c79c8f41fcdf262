//! Claim scoring: predicted and gold claims are paired one to one by the Dice coefficient of their
//! content spans (≥ 0.5, best pairs first). A pair counts for **detection**; it counts for **full**
//! when the kinds agree and, for attributed kinds, the sources have Dice ≥ 0.5 and the cues overlap.

use super::counts::{dice, overlaps, Counts};
use crate::annotation::ClaimKind;
use crate::document::{DocClaim, DocSpan};
use serde::Serialize;
use std::collections::BTreeMap;

/// The least content Dice for a predicted claim to be paired with a gold claim.
pub const MIN_CONTENT_DICE: f64 = 0.5;
/// The least source Dice for a full match.
pub const MIN_SOURCE_DICE: f64 = 0.5;

/// Scores of one claim kind. Precision counts predictions of that kind, recall gold claims of
/// that kind, so a claim found with the wrong kind helps detection recall of its gold kind and
/// detection precision of its predicted kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct KindScores {
    /// Required gold claims of this kind.
    pub gold: usize,
    /// Scored predictions of this kind (those paired with optional gold claims are left out).
    pub predicted: usize,
    /// Gold claims of this kind that a prediction was paired with.
    pub gold_detected: usize,
    /// Predictions of this kind paired with a gold claim.
    pub predicted_detected: usize,
    /// Full matches (same kind, so counted once for both sides).
    pub full: usize,
}

fn prf(tp_pred: usize, pred: usize, tp_gold: usize, gold: usize) -> (f64, f64, f64) {
    let p = if pred == 0 {
        0.0
    } else {
        tp_pred as f64 / pred as f64
    };
    let r = if gold == 0 {
        0.0
    } else {
        tp_gold as f64 / gold as f64
    };
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

impl KindScores {
    /// Detection precision, recall and F1.
    pub fn detection(&self) -> (f64, f64, f64) {
        prf(
            self.predicted_detected,
            self.predicted,
            self.gold_detected,
            self.gold,
        )
    }
    /// Full-match precision, recall and F1.
    pub fn full(&self) -> (f64, f64, f64) {
        prf(self.full, self.predicted, self.full, self.gold)
    }
}

impl std::ops::AddAssign for KindScores {
    fn add_assign(&mut self, o: KindScores) {
        self.gold += o.gold;
        self.predicted += o.predicted;
        self.gold_detected += o.gold_detected;
        self.predicted_detected += o.predicted_detected;
        self.full += o.full;
    }
}

/// Claim scores of one or more documents.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ClaimScores {
    /// Paired by content Dice ≥ 0.5, whatever the kind.
    pub detection: Counts,
    /// Paired, same kind, and for attributed claims source Dice ≥ 0.5 and overlapping cues.
    pub full: Counts,
    pub per_kind: BTreeMap<ClaimKind, KindScores>,
    /// Paired attributed gold claims (direct, indirect, according_to).
    pub attributed_pairs: usize,
    /// Of those, the ones whose predicted source has Dice ≥ 0.5 with the gold source.
    pub source_correct: usize,
}

impl ClaimScores {
    /// Share of paired attributed claims whose source is right (0 when there is none).
    pub fn source_accuracy(&self) -> f64 {
        if self.attributed_pairs == 0 {
            0.0
        } else {
            self.source_correct as f64 / self.attributed_pairs as f64
        }
    }
}

impl std::ops::AddAssign<&ClaimScores> for ClaimScores {
    fn add_assign(&mut self, o: &ClaimScores) {
        self.detection += o.detection;
        self.full += o.full;
        for (k, s) in &o.per_kind {
            *self.per_kind.entry(*k).or_default() += *s;
        }
        self.attributed_pairs += o.attributed_pairs;
        self.source_correct += o.source_correct;
    }
}

fn range(s: &DocSpan) -> (usize, usize) {
    (s.start, s.end)
}

fn source_matches(gold: &DocClaim, pred: &DocClaim) -> bool {
    match (&gold.source, &pred.source) {
        (Some(g), Some(p)) => dice(range(g), range(p)) >= MIN_SOURCE_DICE,
        _ => false,
    }
}

/// True when `pred` fully matches `gold` (assuming their contents are paired).
fn full_match(gold: &DocClaim, pred: &DocClaim) -> bool {
    if gold.kind != pred.kind {
        return false;
    }
    if gold.kind == ClaimKind::Unattributed {
        return true;
    }
    let cue = match (&gold.cue, &pred.cue) {
        (Some(g), Some(p)) => overlaps(range(g), range(p)),
        _ => false,
    };
    cue && source_matches(gold, pred)
}

/// Scores the predicted claims of one document against its gold claims.
///
/// Gold claims marked `optional` can be paired like the others, but a prediction paired with one
/// is neither rewarded nor penalised; an optional claim left unfound is not a miss.
///
/// ```
/// use balise::document::{DocClaim, DocSpan};
/// use balise::eval::score_claims;
/// use balise::ClaimKind;
/// let s = |start, end| Some(DocSpan { start, end, text: String::new() });
/// let claim = |kind, content: (usize, usize), cue, source| DocClaim {
///     kind, content: s(content.0, content.1).unwrap(), cue, source,
///     source_ref: None, hedged: false, optional: false, provenance: None,
/// };
/// let gold = [claim(ClaimKind::Direct, (2, 40), s(43, 52), s(53, 65))];
/// let pred = [claim(ClaimKind::Direct, (2, 41), s(43, 52), s(53, 60))];
/// let sc = score_claims(&gold, &pred);
/// assert_eq!(sc.detection.tp, 1);
/// assert_eq!(sc.full.tp, 1);
/// ```
pub fn score_claims(gold: &[DocClaim], pred: &[DocClaim]) -> ClaimScores {
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        for (pi, p) in pred.iter().enumerate() {
            let d = dice(range(&g.content), range(&p.content));
            if d >= MIN_CONTENT_DICE {
                pairs.push((d, gi, pi));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut gold_of: Vec<Option<usize>> = vec![None; pred.len()];
    let mut gold_taken = vec![false; gold.len()];
    for (_, gi, pi) in pairs {
        if !gold_taken[gi] && gold_of[pi].is_none() {
            gold_taken[gi] = true;
            gold_of[pi] = Some(gi);
        }
    }

    let mut sc = ClaimScores::default();
    for k in ClaimKind::ALL {
        sc.per_kind.insert(k, KindScores::default());
    }
    let mut gold_detected = vec![false; gold.len()];
    for (pi, p) in pred.iter().enumerate() {
        match gold_of[pi] {
            Some(gi) if gold[gi].optional => {} // neither rewarded nor penalised
            Some(gi) => {
                let g = &gold[gi];
                gold_detected[gi] = true;
                sc.detection.tp += 1;
                let full = full_match(g, p);
                if full {
                    sc.full.tp += 1;
                } else {
                    sc.full.fp += 1;
                    sc.full.fn_ += 1;
                }
                let pk = sc.per_kind.entry(p.kind).or_default();
                pk.predicted += 1;
                pk.predicted_detected += 1;
                if full {
                    pk.full += 1;
                }
                sc.per_kind.entry(g.kind).or_default().gold_detected += 1;
                if g.kind != ClaimKind::Unattributed {
                    sc.attributed_pairs += 1;
                    if source_matches(g, p) {
                        sc.source_correct += 1;
                    }
                }
            }
            None => {
                sc.detection.fp += 1;
                sc.full.fp += 1;
                sc.per_kind.entry(p.kind).or_default().predicted += 1;
            }
        }
    }
    for (gi, g) in gold.iter().enumerate() {
        if g.optional {
            continue;
        }
        sc.per_kind.entry(g.kind).or_default().gold += 1;
        if !gold_detected[gi] {
            sc.detection.fn_ += 1;
            sc.full.fn_ += 1;
        }
    }
    sc
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(start: usize, end: usize) -> Option<DocSpan> {
        Some(DocSpan {
            start,
            end,
            text: String::new(),
        })
    }

    fn claim(
        kind: ClaimKind,
        content: (usize, usize),
        cue: Option<DocSpan>,
        source: Option<DocSpan>,
    ) -> DocClaim {
        DocClaim {
            kind,
            content: span(content.0, content.1).unwrap(),
            cue,
            source,
            source_ref: None,
            hedged: false,
            optional: false,
            provenance: None,
        }
    }

    #[test]
    fn wrong_kind_is_detected_but_not_full() {
        let gold = [claim(
            ClaimKind::Indirect,
            (10, 50),
            span(0, 9),
            span(60, 70),
        )];
        let pred = [claim(
            ClaimKind::AccordingTo,
            (10, 50),
            span(0, 9),
            span(60, 70),
        )];
        let sc = score_claims(&gold, &pred);
        assert_eq!(
            sc.detection,
            Counts {
                tp: 1,
                fp: 0,
                fn_: 0
            }
        );
        assert_eq!(
            sc.full,
            Counts {
                tp: 0,
                fp: 1,
                fn_: 1
            }
        );
        assert_eq!(sc.per_kind[&ClaimKind::Indirect].gold_detected, 1);
        assert_eq!(sc.per_kind[&ClaimKind::AccordingTo].predicted_detected, 1);
        assert_eq!(sc.source_accuracy(), 1.0);
    }

    #[test]
    fn low_dice_is_no_pair() {
        let gold = [claim(ClaimKind::Unattributed, (0, 100), None, None)];
        let pred = [claim(ClaimKind::Unattributed, (0, 30), None, None)];
        let sc = score_claims(&gold, &pred);
        assert_eq!(
            sc.detection,
            Counts {
                tp: 0,
                fp: 1,
                fn_: 1
            }
        );
    }

    #[test]
    fn source_and_cue_are_needed_for_full() {
        let gold = [claim(
            ClaimKind::Direct,
            (0, 40),
            span(42, 52),
            span(53, 70),
        )];
        let far_source = [claim(
            ClaimKind::Direct,
            (0, 40),
            span(42, 52),
            span(80, 90),
        )];
        assert_eq!(score_claims(&gold, &far_source).full.tp, 0);
        let no_cue = [claim(ClaimKind::Direct, (0, 40), None, span(53, 70))];
        assert_eq!(score_claims(&gold, &no_cue).full.tp, 0);
        let good = [claim(
            ClaimKind::Direct,
            (0, 40),
            span(44, 48),
            span(53, 68),
        )];
        assert_eq!(score_claims(&gold, &good).full.tp, 1);
    }

    #[test]
    fn optional_gold_is_neutral_and_pairs_one_to_one() {
        let mut opt = claim(ClaimKind::Unattributed, (0, 40), None, None);
        opt.optional = true;
        let gold = [opt, claim(ClaimKind::Unattributed, (50, 90), None, None)];
        let pred = [
            claim(ClaimKind::Unattributed, (0, 40), None, None),
            claim(ClaimKind::Unattributed, (0, 38), None, None),
        ];
        let sc = score_claims(&gold, &pred);
        // the first prediction takes the optional claim; the second pairs with nothing
        assert_eq!(
            sc.detection,
            Counts {
                tp: 0,
                fp: 1,
                fn_: 1
            }
        );
    }
}
