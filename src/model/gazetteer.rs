//! Gazetteers: lists of names (places, first names, organisations…) whose occurrences become
//! tagger features. Entries are matched case-insensitively, token by token, longest match first.
//!
//! ```
//! use balise::model::gazetteer::Gazetteer;
//! let mut g = Gazetteer::default();
//! g.insert(0, "Saint-Étienne-du-Rouvray");
//! assert_eq!(g.len(), 1);
//! ```

use super::features::{lower_hash, mix, GAZ_SLOTS};
use crate::tokenize::tokenize;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// A hasher for keys that are already well-mixed 64-bit hashes: it keeps them as they are.
#[derive(Default, Clone, Copy)]
pub struct PassThrough(u64);

impl Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8 | b as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = v;
    }
}

/// A map keyed by 64-bit hashes.
pub type HashMap64<V> = HashMap<u64, V, BuildHasherDefault<PassThrough>>;
/// A set of 64-bit hashes.
pub type HashSet64 = HashSet<u64, BuildHasherDefault<PassThrough>>;

/// Separates the tokens of an entry in model files (U+001F, the unit separator).
pub const SEP: &str = "\u{1f}";
const SEP_CHAR: char = '\u{1f}';

/// The mark of a proper prefix in [`Gazetteer::entries`] (above the class bits).
const PREFIX: u8 = 0x80;
const _: () = assert!(GAZ_SLOTS < 8);

/// Longest entry kept, in tokens.
pub const MAX_TOKENS: usize = 8;

/// Name lists by class (`0..GAZ_SLOTS`).
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    /// Hash of an entry's lowercase token sequence → bit set of its classes, plus
    /// [`PREFIX`] when the sequence is also a proper prefix of an entry (to stop a search
    /// early). One table, not two: loading touches half as many random cache lines.
    entries: HashMap64<u8>,
    /// The entries as inserted (tokens joined by [`SEP`]), one after the other, for saving.
    source_text: String,
    /// Per entry: its class and where it ends in `source_text` (one buffer rather than a
    /// string per entry: loading the built-in model's 90,000 entries stays quick in Wasm).
    source_ends: Vec<(u8, u32)>,
}

fn seq_hash(acc: u64, token: u64) -> u64 {
    mix(acc, token)
}

impl Gazetteer {
    /// Adds `name` to class `class` (`class < GAZ_SLOTS`; others are ignored). Names longer
    /// than [`MAX_TOKENS`] tokens or without tokens are ignored.
    pub fn insert(&mut self, class: u8, name: &str) {
        let toks = tokenize(name);
        let joined: Vec<&str> = toks.iter().map(|t| &name[t.start..t.end]).collect();
        self.insert_tokens(class, &joined.join(SEP));
    }

    /// Adds an entry already split into tokens joined by [`SEP`] (as model files store them, so
    /// that loading needs no tokenizing).
    pub fn insert_tokens(&mut self, class: u8, joined: &str) {
        if class as usize >= GAZ_SLOTS {
            return;
        }
        if joined.is_empty() {
            return;
        }
        // one pass over the tokens; the hash of each proper prefix is a prefix mark
        let mut hashes = [0u64; MAX_TOKENS];
        let mut n = 0;
        let mut h = 0x5eed;
        for tok in joined.split(SEP_CHAR) {
            if n == MAX_TOKENS {
                return;
            }
            h = seq_hash(h, lower_hash(tok));
            hashes[n] = h;
            n += 1;
        }
        for &p in &hashes[..n - 1] {
            *self.entries.entry(p).or_insert(0) |= PREFIX;
        }
        *self.entries.entry(h).or_insert(0) |= 1 << class;
        self.source_text.push_str(joined);
        self.source_ends
            .push((class, self.source_text.len() as u32));
    }

    /// An empty gazetteer with room for about `n` entries of `bytes` bytes in all.
    pub fn with_capacity(n: usize, bytes: usize) -> Self {
        Gazetteer {
            entries: HashMap64::with_capacity_and_hasher(n, Default::default()),
            source_text: String::with_capacity(bytes),
            source_ends: Vec::with_capacity(n),
        }
    }

    /// The entries as inserted: (class, tokens joined by [`SEP`]).
    pub fn entries(&self) -> impl Iterator<Item = (u8, &str)> + '_ {
        let mut start = 0;
        self.source_ends.iter().map(move |&(class, end)| {
            let name = &self.source_text[start..end as usize];
            start = end as usize;
            (class, name)
        })
    }

    /// Number of entries inserted.
    pub fn len(&self) -> usize {
        self.source_ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.source_ends.is_empty()
    }

    /// For tokens with lowercase hashes `lower`, returns `GAZ_SLOTS` marks per token: 0 when
    /// the token is in no match of that class, else 1 begin, 2 inside, 3 last, 4 unit (of the
    /// longest match of that class covering it).
    pub fn marks(&self, lower: &[u64]) -> Vec<u8> {
        let n = lower.len();
        let mut out = vec![0u8; n * GAZ_SLOTS];
        if self.entries.is_empty() {
            return out;
        }
        // longest match of each class starting at each token, in one walk per start
        let mut best = vec![0u8; n * GAZ_SLOTS];
        for i in 0..n {
            let mut h = 0x5eed;
            for (j, &tok) in lower[i..n.min(i + MAX_TOKENS)].iter().enumerate() {
                h = seq_hash(h, tok);
                let Some(&classes) = self.entries.get(&h) else {
                    break;
                };
                for c in 0..GAZ_SLOTS {
                    if classes & (1 << c) != 0 {
                        best[i * GAZ_SLOTS + c] = (j + 1) as u8;
                    }
                }
                if classes & PREFIX == 0 {
                    break;
                }
            }
        }
        // per class, left to right, the longest match wins
        for class in 0..GAZ_SLOTS {
            let mut i = 0;
            while i < n {
                let len = best[i * GAZ_SLOTS + class] as usize;
                if len == 0 {
                    i += 1;
                    continue;
                }
                for j in 0..len {
                    let part = if len == 1 {
                        4
                    } else if j == 0 {
                        1
                    } else if j + 1 == len {
                        3
                    } else {
                        2
                    };
                    out[(i + j) * GAZ_SLOTS + class] = part;
                }
                i += len;
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lowers(text: &str) -> Vec<u64> {
        tokenize(text)
            .iter()
            .map(|t| lower_hash(&text[t.start..t.end]))
            .collect()
    }

    #[test]
    fn longest_match_is_marked_case_insensitively() {
        let mut g = Gazetteer::default();
        g.insert(0, "Côte");
        g.insert(0, "Côte d'Ivoire");
        let text = "en CÔTE D’IVOIRE hier";
        let m = g.marks(&lowers(text));
        let slot0: Vec<u8> = m.chunks(GAZ_SLOTS).map(|c| c[0]).collect();
        // en | Côte | d’ | Ivoire | hier
        assert_eq!(slot0, vec![0, 1, 2, 3, 0]);
    }

    #[test]
    fn classes_are_separate() {
        let mut g = Gazetteer::default();
        g.insert(1, "Paris");
        g.insert(9, "ignored");
        let m = g.marks(&lowers("Paris"));
        assert_eq!(m, vec![0, 4, 0, 0]);
        assert_eq!(g.len(), 1);
    }
}
