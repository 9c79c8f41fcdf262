//! The statistical entity tagger: an averaged structured perceptron over BILOU tags, with
//! hashed features ([`features`]), Viterbi decoding ([`viterbi`]) and a compact, versioned model
//! file ([`model_file`]). The shipped model (`models/fr-news.model`) is embedded in the binary.
//!
//! ```
//! let tagger = balise::model::Tagger::builtin();
//! let text = "Le président François Hollande s'est rendu à Berlin.";
//! let a = balise::Analysis::new(text);
//! let found: Vec<(&str, balise::Label)> = tagger
//!     .tag(&a)
//!     .iter()
//!     .map(|e| (&text[e.start..e.end], e.label))
//!     .collect();
//! assert!(found.contains(&("François Hollande", balise::Label::PER)));
//! ```

pub mod features;
pub mod gazetteer;
pub mod model_file;
pub mod tags;
pub mod viterbi;

// Training code compiles on every target (the CLI uses it); the page never calls it, so the linker
// leaves it out of the `.wasm`.
pub mod perceptron;
pub mod train;

pub use model_file::ModelError;

use crate::analysis::Analysis;
use crate::annotation::{Entity, Label};
use features::PER_TOKEN;
use gazetteer::Gazetteer;
use std::sync::{Arc, OnceLock};
use viterbi::Grammar;

/// The model shipped with Balise (trained on WiNER-fr train; see the README).
pub static BUILTIN_MODEL: &[u8] = include_bytes!("../../models/fr-news.model");

/// A feature-hash → weight-row table with open addressing (keys are 32-bit feature hashes).
#[derive(Debug, Clone, Default)]
pub(crate) struct FeatureTable {
    /// `(key, row)` cells; key 0 marks an empty cell (one cache line read per probe).
    cells: Vec<(u32, u32)>,
    mask: usize,
}

/// The 32-bit key of a 64-bit feature hash (never 0: 0 marks an empty cell).
pub(crate) fn key32(h: u64) -> u32 {
    let k = (h >> 32) as u32 ^ (h as u32);
    if k == 0 {
        1
    } else {
        k
    }
}

impl FeatureTable {
    pub(crate) fn new(keys: &[u32]) -> Self {
        let cap = (keys.len() * 2).max(16).next_power_of_two();
        let mut t = FeatureTable {
            cells: vec![(0, 0); cap],
            mask: cap - 1,
        };
        for (row, &k) in keys.iter().enumerate() {
            let mut i = (k as usize).wrapping_mul(0x9e37_79b9) & t.mask;
            while t.cells[i].0 != 0 && t.cells[i].0 != k {
                i = (i + 1) & t.mask;
            }
            t.cells[i] = (k, row as u32);
        }
        t
    }

    #[inline]
    pub(crate) fn get(&self, k: u32) -> Option<usize> {
        let mut i = (k as usize).wrapping_mul(0x9e37_79b9) & self.mask;
        loop {
            let (found, row) = self.cells[i];
            if found == k {
                return Some(row as usize);
            }
            if found == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }
}

/// A trained tagger, ready to label PER/ORG/LOC/MISC (or whatever labels it was trained on).
#[derive(Debug, Clone)]
pub struct Tagger {
    pub(crate) labels: Vec<Label>,
    pub(crate) grammar: Grammar,
    /// Transition weights `from × to`.
    pub(crate) trans: Vec<i32>,
    /// Weights of the first tag of a sentence.
    pub(crate) start: Vec<i32>,
    /// Feature keys, in the order of `weights` rows (sorted ascending).
    pub(crate) keys: Vec<u32>,
    pub(crate) table: FeatureTable,
    /// One row of `n_tags` weights per feature (values of 8-bit codes, see [`model_file`]).
    pub(crate) weights: Vec<i16>,
    /// Weight of one quantization step (for information only: scores stay integers).
    pub(crate) scale: f32,
    pub(crate) gazetteer: Gazetteer,
}

impl Tagger {
    /// The built-in model, decoded once and shared.
    pub fn builtin() -> Arc<Tagger> {
        static BUILTIN: OnceLock<Arc<Tagger>> = OnceLock::new();
        BUILTIN
            .get_or_init(|| {
                Arc::new(Tagger::from_bytes(BUILTIN_MODEL).expect("the built-in model is valid"))
            })
            .clone()
    }

    /// Reads a model file (see [`model_file`]); refuses a wrong version or a damaged file.
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, ModelError> {
        model_file::read(bytes)
    }

    /// Writes the model in the model file format.
    pub fn to_bytes(&self) -> Vec<u8> {
        model_file::write(self)
    }

    /// The entity labels this tagger assigns.
    pub fn labels(&self) -> &[Label] {
        &self.labels
    }

    /// Number of features with weights.
    pub fn n_features(&self) -> usize {
        self.keys.len()
    }

    /// Finds entities in an analysed text, sorted by start, non-overlapping; byte offsets.
    pub fn tag(&self, a: &Analysis) -> Vec<Entity> {
        let n = a.tokens.len();
        if n == 0 {
            return Vec::new();
        }
        let mut initial = vec![false; n];
        initial[0] = true;
        for s in &a.sentences {
            if s.first_token < n {
                initial[s.first_token] = true;
            }
        }
        let hints = features::hint_codes(&a.tokens, &crate::ner::rule_names(a));
        let feats = features::extract(a.text, &a.tokens, &initial, &hints, &self.gazetteer);
        let nt = self.grammar.n_tags;
        let mut emit = vec![0i32; n * nt];
        for i in 0..n {
            let row = &mut emit[i * nt..(i + 1) * nt];
            for &h in &feats.hashes[i * PER_TOKEN..(i + 1) * PER_TOKEN] {
                if h == 0 {
                    continue;
                }
                if let Some(r) = self.table.get(key32(h)) {
                    for (s, &w) in row.iter_mut().zip(&self.weights[r * nt..(r + 1) * nt]) {
                        *s += w as i32;
                    }
                }
            }
        }
        let mut out = Vec::new();
        for (from, to) in chunks(&initial) {
            let tags = self
                .grammar
                .decode(&emit[from * nt..to * nt], &self.trans, &self.start);
            for s in tags::decode(&tags) {
                out.push(Entity {
                    start: a.tokens[from + s.start].start,
                    end: a.tokens[from + s.end - 1].end,
                    label: self.labels[s.label],
                });
            }
        }
        out
    }
}

/// Token ranges `[from, to)` of the sentences marked by `initial`.
pub(crate) fn chunks(initial: &[bool]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = 0;
    for (i, &start) in initial.iter().enumerate().skip(1) {
        if start {
            out.push((from, i));
            from = i;
        }
    }
    if from < initial.len() {
        out.push((from, initial.len()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<(String, Label)> {
        let a = Analysis::new(text);
        Tagger::builtin()
            .tag(&a)
            .into_iter()
            .map(|e| (text[e.start..e.end].to_string(), e.label))
            .collect()
    }

    #[test]
    fn builtin_model_loads() {
        let t = Tagger::builtin();
        assert_eq!(
            t.labels(),
            &[Label::PER, Label::ORG, Label::LOC, Label::MISC]
        );
        assert!(t.n_features() > 1000);
    }

    #[test]
    fn finds_people_places_and_organisations() {
        let found = names(
            "Le président Emmanuel Macron a reçu mardi à Paris le secrétaire général de l'ONU.",
        );
        assert!(
            found.contains(&("Emmanuel Macron".into(), Label::PER)),
            "{found:?}"
        );
        assert!(found.contains(&("Paris".into(), Label::LOC)), "{found:?}");
        assert!(found.contains(&("ONU".into(), Label::ORG)), "{found:?}");
    }

    #[test]
    fn odd_inputs_never_panic() {
        for text in [
            "",
            " ",
            "«",
            "\u{A0}\u{202F}",
            "é\u{301}",
            "👩‍👩‍👧 Paris 🇫🇷",
            "\r\n\r\n",
            "l’ONU’",
            "M.",
            "a-t-il",
            "..........",
        ] {
            let a = Analysis::new(text);
            for e in Tagger::builtin().tag(&a) {
                assert!(text.is_char_boundary(e.start) && text.is_char_boundary(e.end));
                assert!(e.start < e.end);
            }
        }
    }

    #[test]
    fn chunks_follow_sentence_starts() {
        assert_eq!(chunks(&[true, false, true, false]), vec![(0, 2), (2, 4)]);
        assert_eq!(chunks(&[false]), vec![(0, 1)]);
        assert!(chunks(&[]).is_empty());
    }
}
