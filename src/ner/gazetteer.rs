//! Name lists embedded in the binary, built from WiNER-fr *train* by `scripts/build_gazetteer.py`
//! (see `src/ner/data/README.md` for origin and licence).
//!
//! The files are included as text and parsed once, on first use ([`gazetteer`]):
//!
//! * `tokens.tsv`: per capitalised word, how often it was a one-word PER/ORG/LOC/MISC name, part
//!   of a longer one, or a capitalised non-name mid-sentence (O) or at a sentence start (I);
//! * `names.tsv`: multi-word names with the same label counts and how often the same words were
//!   not that name;
//! * `continuations.tsv`: lower-case words that continue a name (`Assemblée nationale`);
//! * `connectors.tsv`: capitalised word + connector (`de`, `du`, `des`, `d'`, `de la`, `de l'`)
//!   after which a capitalised word stays in the same name (`Vallée d'Aoste`, `Afrique du Sud`);
//! * `inner.txt`: lower-case words seen inside names after `de`/`pour la` (`Conseil de sécurité`);
//! * `lexicon.txt`: lower-case words of the corpus (a capitalised sentence-initial word whose
//!   lower-case form is here is probably not a name).

use super::words::Words;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

const TOKENS: &str = include_str!("data/tokens.tsv");
const NAMES: &str = include_str!("data/names.tsv");
const CONTINUATIONS: &str = include_str!("data/continuations.tsv");
const CONNECTORS: &str = include_str!("data/connectors.tsv");
const LEXICON: &str = include_str!("data/lexicon.txt");
const INNER: &str = include_str!("data/inner.txt");

/// Label counts of a word or name in the training corpus.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Times seen as (part of) a PER, ORG, LOC, MISC name (in that order).
    pub labels: [u32; 4],
    /// Times seen as a whole one-word name, per label (words only; zero for multi-word names).
    pub alone: [u32; 4],
    /// Times seen, capitalised, outside any name in mid-sentence.
    pub other: u32,
    /// Times seen, capitalised, outside any name at a sentence start.
    pub initial: u32,
}

impl Counts {
    /// Times seen as (part of) a name.
    pub fn named(&self) -> u32 {
        self.labels.iter().sum()
    }
}

/// The parsed lists.
#[derive(Debug, Default)]
pub struct Gazetteer {
    tokens: HashMap<&'static str, Counts>,
    names: HashMap<String, Counts>,
    /// Longest name (in words) starting with a given word.
    longest: HashMap<String, usize>,
    continuations: HashSet<&'static str>,
    connectors: HashSet<(&'static str, &'static str)>,
    inner: HashSet<&'static str>,
    lexicon: HashSet<&'static str>,
}

/// Apostrophes made plain (`’` → `'`) without changing case: the form names are looked up in.
pub fn key_form(s: &str) -> String {
    s.chars()
        .map(|c| {
            if matches!(c, '’' | 'ʼ' | '‘') {
                '\''
            } else {
                c
            }
        })
        .collect()
}

fn parse_counts(fields: &[&str]) -> Vec<u32> {
    fields
        .iter()
        .map(|f| f.trim().parse().unwrap_or(0))
        .collect()
}

impl Gazetteer {
    fn parse() -> Self {
        let mut g = Gazetteer::default();
        for line in TOKENS.lines() {
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() < 11 {
                continue;
            }
            let c = parse_counts(&f[1..11]);
            g.tokens.insert(
                f[0],
                Counts {
                    labels: [c[0] + c[4], c[1] + c[5], c[2] + c[6], c[3] + c[7]],
                    alone: [c[0], c[1], c[2], c[3]],
                    other: c[8],
                    initial: c[9],
                },
            );
        }
        for line in NAMES.lines() {
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() < 6 {
                continue;
            }
            let c = parse_counts(&f[1..6]);
            // Re-segment the key with the recognizer's own word rules.
            let w = Words::build(f[0], &[]);
            let parts: Vec<String> = w.items.iter().map(|x| key_form(x.text)).collect();
            if parts.len() < 2 {
                continue;
            }
            let longest = g.longest.entry(parts[0].clone()).or_insert(0);
            *longest = (*longest).max(parts.len());
            let e = g.names.entry(parts.join(" ")).or_default();
            for (label, count) in e.labels.iter_mut().zip(&c) {
                *label += count;
            }
            e.other += c[4];
        }
        for line in CONTINUATIONS.lines() {
            if let Some(word) = line.split('\t').next() {
                if word.chars().count() >= 3 && word.chars().all(|c| c.is_alphabetic() || c == '-')
                {
                    g.continuations.insert(word);
                }
            }
        }
        for line in CONNECTORS.lines() {
            let mut f = line.split('\t');
            if let (Some(word), Some(conn)) = (f.next(), f.next()) {
                g.connectors.insert((word, conn));
            }
        }
        g.inner = INNER.lines().filter(|l| !l.is_empty()).collect();
        g.lexicon = LEXICON.lines().filter(|l| !l.is_empty()).collect();
        g
    }

    /// Counts of one capitalised word (key form), if it was seen.
    pub fn token(&self, word: &str) -> Option<Counts> {
        self.tokens.get(word).copied()
    }

    /// Counts of a multi-word name given as words in key form.
    pub fn name(&self, words: &[String]) -> Option<Counts> {
        self.names.get(&words.join(" ")).copied()
    }

    /// Longest known multi-word name (in words) starting with `first` (key form); 0 if none.
    pub fn longest_from(&self, first: &str) -> usize {
        self.longest.get(first).copied().unwrap_or(0)
    }

    /// True when lower-case `word` continues a name after a capitalised word.
    pub fn is_continuation(&self, word: &str) -> bool {
        self.continuations.contains(word)
    }

    /// True when connector `conn` (`de`, `du`, `de la`, …, lower case) after capitalised `word`
    /// usually stays inside the name.
    pub fn joins_connector(&self, word: &str, conn: &str) -> bool {
        self.connectors.contains(&(word, conn))
    }

    /// True when lower-case `word` was seen inside a name after `de`/`pour la`.
    pub fn is_inner_word(&self, word: &str) -> bool {
        self.inner.contains(word)
    }

    /// True when lower-case `word` is a common word of the corpus.
    pub fn is_common_word(&self, word: &str) -> bool {
        self.lexicon.contains(word)
    }
}

/// The built-in lists, parsed on first use.
pub fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(Gazetteer::parse)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load_and_answer() {
        let g = gazetteer();
        let paris = g.token("Paris").expect("Paris is in WiNER-fr train");
        assert!(paris.labels[2] > paris.labels[0]);
        assert!(g.is_common_word("selon"));
        assert!(g.is_continuation("nationale"));
        let words = ["Assemblée".to_string(), "nationale".to_string()];
        assert!(g.name(&words).is_some_and(|c| c.labels[1] > 0));
        assert!(g.longest_from("Assemblée") >= 2);
    }
}
