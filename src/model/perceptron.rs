//! Averaged structured perceptron (Collins 2002) over BILOU tags, trained sentence by sentence
//! with Viterbi decoding; the average is kept with the usual trick `avg = w − u / c`, where `u`
//! sums every update scaled by the step `c` at which it happened.

use super::features::PER_TOKEN;
use super::viterbi::Grammar;

/// Marks an empty feature slot or a feature unknown to the model.
pub const NONE: u32 = u32::MAX;

/// One training document: feature ids (`PER_TOKEN` per token), gold tags and the token ranges
/// decoded as one sequence (sentences, merged where a gold entity crosses a boundary).
#[derive(Debug, Clone)]
pub struct Example {
    pub feats: Vec<u32>,
    pub gold: Vec<u16>,
    pub chunks: Vec<(usize, usize)>,
}

/// Real-valued weights: `n_feats × n_tags` emission weights, transitions and start weights.
#[derive(Debug, Clone)]
pub struct Weights {
    pub n_tags: usize,
    pub emit: Vec<f64>,
    pub trans: Vec<f64>,
    pub start: Vec<f64>,
}

impl Weights {
    fn new(n_feats: usize, n_tags: usize) -> Self {
        Weights {
            n_tags,
            emit: vec![0.0; n_feats * n_tags],
            trans: vec![0.0; n_tags * n_tags],
            start: vec![0.0; n_tags],
        }
    }

    /// Emission scores of tokens `from..to` of `feats`.
    pub fn emissions(&self, feats: &[u32], from: usize, to: usize) -> Vec<f64> {
        let nt = self.n_tags;
        let mut out = vec![0.0; (to - from) * nt];
        for i in from..to {
            let row = &mut out[(i - from) * nt..(i - from + 1) * nt];
            for &f in &feats[i * PER_TOKEN..(i + 1) * PER_TOKEN] {
                if f == NONE {
                    continue;
                }
                let w = &self.emit[f as usize * nt..(f as usize + 1) * nt];
                for (s, &x) in row.iter_mut().zip(w) {
                    *s += x;
                }
            }
        }
        out
    }

    /// Best tags of tokens `from..to`.
    pub fn decode(&self, g: &Grammar, feats: &[u32], from: usize, to: usize) -> Vec<u16> {
        g.decode(&self.emissions(feats, from, to), &self.trans, &self.start)
    }
}

/// The perceptron being trained.
pub struct Perceptron {
    pub grammar: Grammar,
    w: Weights,
    u: Weights,
    /// Number of sequences seen (the averaging clock), starting at 1.
    c: f64,
}

impl Perceptron {
    pub fn new(n_feats: usize, n_tags: usize) -> Self {
        Perceptron {
            grammar: Grammar::new(n_tags),
            w: Weights::new(n_feats, n_tags),
            u: Weights::new(n_feats, n_tags),
            c: 1.0,
        }
    }

    fn bump(&mut self, which: Which, index: usize, delta: f64) {
        let c = self.c;
        let (w, u) = match which {
            Which::Emit => (&mut self.w.emit, &mut self.u.emit),
            Which::Trans => (&mut self.w.trans, &mut self.u.trans),
            Which::Start => (&mut self.w.start, &mut self.u.start),
        };
        w[index] += delta;
        u[index] += c * delta;
    }

    /// Decodes tokens `from..to` of `ex` with the current weights and, where the result differs
    /// from the gold tags, moves the weights towards gold. Returns the number of wrong tags.
    pub fn learn(&mut self, ex: &Example, from: usize, to: usize) -> usize {
        let nt = self.w.n_tags;
        let pred = self.w.decode(&self.grammar, &ex.feats, from, to);
        let gold = &ex.gold[from..to];
        let mut wrong = 0;
        for i in 0..pred.len() {
            let (p, g) = (pred[i] as usize, gold[i] as usize);
            if p != g {
                wrong += 1;
                let tok = from + i;
                for k in 0..PER_TOKEN {
                    let f = ex.feats[tok * PER_TOKEN + k];
                    if f != NONE {
                        self.bump(Which::Emit, f as usize * nt + g, 1.0);
                        self.bump(Which::Emit, f as usize * nt + p, -1.0);
                    }
                }
            }
            if i == 0 {
                if p != g {
                    self.bump(Which::Start, g, 1.0);
                    self.bump(Which::Start, p, -1.0);
                }
            } else {
                let (pp, gp) = (pred[i - 1] as usize, gold[i - 1] as usize);
                if (pp, p) != (gp, g) {
                    self.bump(Which::Trans, gp * nt + g, 1.0);
                    self.bump(Which::Trans, pp * nt + p, -1.0);
                }
            }
        }
        self.c += 1.0;
        wrong
    }

    /// The averaged weights so far.
    pub fn averaged(&self) -> Weights {
        let avg = |w: &[f64], u: &[f64]| -> Vec<f64> {
            w.iter().zip(u).map(|(w, u)| w - u / self.c).collect()
        };
        Weights {
            n_tags: self.w.n_tags,
            emit: avg(&self.w.emit, &self.u.emit),
            trans: avg(&self.w.trans, &self.u.trans),
            start: avg(&self.w.start, &self.u.start),
        }
    }
}

#[derive(Clone, Copy)]
enum Which {
    Emit,
    Trans,
    Start,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_separable_toy_problem() {
        // one label (tags O B I L U); feature 0 = "capitalised", 1 = "lower-case"
        let mut feats = Vec::new();
        let words = [0u32, 1, 0, 0, 1];
        for &w in &words {
            let mut slots = vec![NONE; PER_TOKEN];
            slots[0] = w;
            feats.extend(slots);
        }
        // U O B L O
        let ex = Example {
            feats,
            gold: vec![4, 0, 1, 3, 0],
            chunks: vec![(0, 5)],
        };
        let mut p = Perceptron::new(2, 5);
        for _ in 0..10 {
            p.learn(&ex, 0, 5);
        }
        assert_eq!(p.learn(&ex, 0, 5), 0);
        let avg = p.averaged();
        assert_eq!(avg.decode(&p.grammar, &ex.feats, 0, 5), ex.gold);
    }
}
