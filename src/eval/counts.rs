//! True/false positive counts and the precision, recall and F1 they give.

use serde::Serialize;
use std::ops::AddAssign;

/// Counts of one scored category.
///
/// ```
/// use balise::eval::Counts;
/// let c = Counts { tp: 8, fp: 2, fn_: 8 };
/// assert_eq!(c.precision(), 0.8);
/// assert_eq!(c.recall(), 0.5);
/// assert!((c.f1() - 0.615).abs() < 0.001);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Predictions that match a gold item.
    pub tp: usize,
    /// Predictions that match nothing.
    pub fp: usize,
    /// Gold items nothing matched.
    #[serde(rename = "fn")]
    pub fn_: usize,
}

impl Counts {
    /// `tp / (tp + fp)`, or 0 when nothing was predicted.
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    /// `tp / (tp + fn)`, or 0 when there is no gold item.
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    /// Harmonic mean of precision and recall, or 0 when both are 0.
    pub fn f1(&self) -> f64 {
        ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn_)
    }
    /// Number of gold items (`tp + fn`).
    pub fn gold(&self) -> usize {
        self.tp + self.fn_
    }
    /// Number of predictions (`tp + fp`).
    pub fn predicted(&self) -> usize {
        self.tp + self.fp
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

impl AddAssign for Counts {
    fn add_assign(&mut self, o: Counts) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
}

/// Dice coefficient of two half-open spans: `2 |a ∩ b| / (|a| + |b|)`.
///
/// ```
/// assert_eq!(balise::eval::dice((0, 10), (5, 15)), 0.5);
/// assert_eq!(balise::eval::dice((0, 4), (4, 8)), 0.0);
/// ```
pub fn dice(a: (usize, usize), b: (usize, usize)) -> f64 {
    let inter = a.1.min(b.1).saturating_sub(a.0.max(b.0));
    let total = (a.1 - a.0) + (b.1 - b.0);
    if total == 0 {
        return if a == b { 1.0 } else { 0.0 };
    }
    2.0 * inter as f64 / total as f64
}

/// True when the two half-open spans share at least one position.
pub fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_counts_score_zero() {
        let c = Counts::default();
        assert_eq!((c.precision(), c.recall(), c.f1()), (0.0, 0.0, 0.0));
    }

    #[test]
    fn perfect_counts_score_one() {
        let c = Counts {
            tp: 3,
            fp: 0,
            fn_: 0,
        };
        assert_eq!((c.precision(), c.recall(), c.f1()), (1.0, 1.0, 1.0));
    }

    #[test]
    fn dice_of_nested_spans() {
        assert!((dice((0, 10), (0, 5)) - 2.0 * 5.0 / 15.0).abs() < 1e-12);
        assert_eq!(dice((3, 3), (3, 3)), 1.0);
    }
}
