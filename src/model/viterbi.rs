//! Best tag sequence under a first-order model (Viterbi), restricted to well-formed BILOU.

use super::tags::{allowed, allowed_end, allowed_start};

/// Scores that Viterbi can add and compare (`i32` at inference, `f64` while training).
pub trait Score: Copy + PartialOrd + std::ops::Add<Output = Self> {
    /// A score below every reachable one.
    const FORBIDDEN: Self;
}

impl Score for i32 {
    const FORBIDDEN: Self = i32::MIN / 4;
}

impl Score for f64 {
    const FORBIDDEN: Self = -1e30;
}

/// Which transitions a BILOU sequence allows, precomputed for `n_tags` tags.
#[derive(Debug, Clone)]
pub struct Grammar {
    pub n_tags: usize,
    /// For each tag `to`, the tags allowed before it (BILOU allows few: this keeps Viterbi's
    /// inner loop short).
    before: Vec<Vec<u16>>,
    start: Vec<bool>,
    end: Vec<bool>,
}

impl Grammar {
    pub fn new(n_tags: usize) -> Self {
        let t = |i: usize| i as u16;
        Grammar {
            n_tags,
            before: (0..n_tags)
                .map(|to| {
                    (0..n_tags)
                        .filter(|&from| allowed(t(from), t(to)))
                        .map(t)
                        .collect()
                })
                .collect(),
            start: (0..n_tags).map(|i| allowed_start(t(i))).collect(),
            end: (0..n_tags).map(|i| allowed_end(t(i))).collect(),
        }
    }

    /// The best well-formed tag sequence given `emit` (`n × n_tags` scores, token-major),
    /// `trans` (`n_tags × n_tags`, from-major) and `start` (`n_tags`) scores.
    pub fn decode<S: Score>(&self, emit: &[S], trans: &[S], start: &[S]) -> Vec<u16> {
        let nt = self.n_tags;
        let n = emit.len() / nt;
        if n == 0 {
            return Vec::new();
        }
        let mut score: Vec<S> = (0..nt)
            .map(|j| {
                if self.start[j] {
                    start[j] + emit[j]
                } else {
                    S::FORBIDDEN
                }
            })
            .collect();
        let mut back = vec![0u16; n * nt];
        let mut next = vec![S::FORBIDDEN; nt];
        for i in 1..n {
            for (j, nx) in next.iter_mut().enumerate() {
                let mut best = S::FORBIDDEN;
                let mut arg = 0u16;
                for &p in &self.before[j] {
                    let s = score[p as usize] + trans[p as usize * nt + j];
                    if s > best {
                        best = s;
                        arg = p;
                    }
                }
                *nx = best + emit[i * nt + j];
                back[i * nt + j] = arg;
            }
            std::mem::swap(&mut score, &mut next);
        }
        let mut last = 0u16;
        let mut best = S::FORBIDDEN;
        for (j, &s) in score.iter().enumerate() {
            if self.end[j] && s > best {
                best = s;
                last = j as u16;
            }
        }
        let mut tags = vec![0u16; n];
        tags[n - 1] = last;
        for i in (1..n).rev() {
            tags[i - 1] = back[i * nt + tags[i] as usize];
        }
        tags
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forbidden_sequences_are_avoided() {
        // one label: tags O, B, I, L, U. Token scores favour "B O", which is ill-formed.
        let g = Grammar::new(5);
        let emit: Vec<i32> = vec![0, 10, 0, 0, 9, /* */ 5, 0, 0, 3, 0];
        let tags = g.decode(&emit, &[0; 25], &[0; 5]);
        assert_eq!(tags, vec![4, 0]); // U O
    }

    #[test]
    fn empty_input_gives_no_tags() {
        let g = Grammar::new(5);
        assert!(g.decode::<f64>(&[], &[0.0; 25], &[0.0; 5]).is_empty());
    }
}
