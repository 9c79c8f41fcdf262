//! Features of each token for the entity tagger, as 64-bit hashes (feature hashing: no feature
//! strings are ever built or stored).
//!
//! Every token gets exactly [`PER_TOKEN`] feature slots (a zero slot means "no feature"):
//! its form, lowercase form, prefixes and suffixes, word shape, the lowercase forms and shapes of
//! its neighbours ±2, two word bigrams, sentence-initial position, two document-level cues
//! (a capitalised word also seen in lower case in the document; a sentence-initial word also seen
//! capitalised mid-sentence) and gazetteer membership with the position inside the matched name.
//!
//! Curly apostrophes are read as `'` and letters are compared without case where it matters, so
//! `l’OMS`, `l'OMS` and WiNER-fr's pre-tokenized `l' OMS` give the same features.
//!
//! Changing any template changes the model's meaning: bump [`FEATURE_SET`] so that old model files
//! are refused.

use super::gazetteer::{Gazetteer, HashSet64};
use crate::tokenize::{Token, TokenKind};

/// Version of the feature templates; stored in model files and checked on load.
pub const FEATURE_SET: u32 = 3;

/// Feature slots per token.
pub const PER_TOKEN: usize = 37;

// Template ids (mixed into each feature's hash).
const T_BIAS: u64 = 1;
const T_FORM: u64 = 2;
const T_LOWER: u64 = 3;
const T_PREFIX: u64 = 4; // + 0..3
const T_SUFFIX: u64 = 8; // + 0..4
const T_SHAPE: u64 = 13;
const T_SHORT_SHAPE: u64 = 14;
const T_LOWER_AT: u64 = 15; // + 0..4 for offsets -2, -1, +1, +2
const T_SHAPE_AT: u64 = 20; // + 0..2 for offsets -1, +1
const T_BIGRAM_LEFT: u64 = 23;
const T_BIGRAM_RIGHT: u64 = 24;
const T_SENT_INITIAL: u64 = 25;
const T_SHAPE_TRIGRAM: u64 = 26;
const T_DOC_LOWER: u64 = 27;
const T_DOC_CAP_MID: u64 = 28;
const T_SUFFIX_LEFT: u64 = 29;
const T_FORM_LEFT: u64 = 30;
const T_KIND: u64 = 31;
const T_PART_FIRST: u64 = 34;
const T_PART_LAST: u64 = 35;
const T_HINT: u64 = 36;
const T_HINT_LABEL: u64 = 37;
const T_HINT_AT: u64 = 38;
const T_GAZ: u64 = 40; // + class

/// Gazetteer classes a token can be marked with (one slot each).
pub const GAZ_SLOTS: usize = 4;

/// Hash of a byte string (FNV-1a, 64 bits) started from `seed`.
fn fnv(seed: u64, bytes: &[u8]) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64 ^ seed.wrapping_mul(0x100_0000_01b3);
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x100_0000_01b3);
    }
    h
}

/// Mixes two hashes into one (order matters).
pub fn mix(a: u64, b: u64) -> u64 {
    let mut h = a ^ b.rotate_left(23).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    h ^= h >> 31;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^= h >> 29;
    // never zero: zero marks an empty slot
    h | 1
}

fn feat(template: u64, value: u64) -> u64 {
    mix(template.wrapping_mul(0xff51_afd7_ed55_8ccd), value)
}

/// Reads curly and other apostrophe look-alikes as `'`.
pub fn normalize_char(c: char) -> char {
    match c {
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{2032}' | '`' | '\u{00B4}' => '\'',
        '\u{2010}' | '\u{2011}' => '-',
        _ => c,
    }
}

/// The per-token values the features are built from.
#[derive(Debug, Clone, Copy, Default)]
struct TokenInfo {
    form: u64,
    lower: u64,
    shape: u64,
    short_shape: u64,
    prefix: [u64; 3],
    suffix: [u64; 4],
    /// For a hyphenated word (`Saint-Étienne`, `Ki-moon`): its first and last parts, lowercase.
    part_first: u64,
    part_last: u64,
    /// Starts with an upper-case letter.
    capitalised: bool,
    /// Only lower-case letters (at least one).
    all_lower: bool,
    kind: u8,
}

/// Reusable buffers for [`token_info`].
#[derive(Default)]
struct Scratch {
    form: String,
    lower: String,
    shape: String,
    short: String,
    chars: Vec<char>,
}

fn token_info(word: &str, kind: TokenKind, s: &mut Scratch) -> TokenInfo {
    s.form.clear();
    s.lower.clear();
    s.shape.clear();
    s.short.clear();
    s.chars.clear();
    let mut run_char = '\0';
    let mut run_len = 0;
    let mut has_letter = false;
    let mut has_upper = false;
    for c in word.chars().map(normalize_char) {
        s.form.push(c);
        for l in c.to_lowercase() {
            s.lower.push(l);
            s.chars.push(l);
        }
        let sc = if c.is_uppercase() {
            has_letter = true;
            has_upper = true;
            'X'
        } else if c.is_lowercase() {
            has_letter = true;
            'x'
        } else if c.is_numeric() {
            'd'
        } else if c.is_alphabetic() {
            has_letter = true;
            'x'
        } else {
            c
        };
        if sc == run_char {
            run_len += 1;
        } else {
            run_char = sc;
            run_len = 1;
            s.short.push(sc);
        }
        if run_len <= 4 {
            s.shape.push(sc);
        }
    }
    let n = s.chars.len();
    let (part_first, part_last) = match (s.lower.find('-'), s.lower.rfind('-')) {
        (Some(a), Some(b)) if a > 0 && b + 1 < s.lower.len() => (
            fnv(0, &s.lower.as_bytes()[..a]),
            fnv(0, &s.lower.as_bytes()[b + 1..]),
        ),
        _ => (0, 0),
    };
    let mut info = TokenInfo {
        part_first,
        part_last,
        form: fnv(0, s.form.as_bytes()),
        lower: fnv(0, s.lower.as_bytes()),
        shape: fnv(0, s.shape.as_bytes()),
        short_shape: fnv(0, s.short.as_bytes()),
        capitalised: word.chars().next().is_some_and(char::is_uppercase),
        all_lower: has_letter && !has_upper,
        kind: kind as u8,
        ..TokenInfo::default()
    };
    let mut buf = [0u8; 64];
    for k in 1..=3 {
        if n >= k {
            let mut len = 0;
            for c in &s.chars[..k] {
                len += c.encode_utf8(&mut buf[len..]).len();
            }
            info.prefix[k - 1] = fnv(k as u64, &buf[..len]);
        }
    }
    for k in 1..=4 {
        if n >= k {
            let mut len = 0;
            for c in &s.chars[n - k..] {
                len += c.encode_utf8(&mut buf[len..]).len();
            }
            info.suffix[k - 1] = fnv(k as u64, &buf[..len]);
        }
    }
    info
}

/// Feature hashes of every token of a document, [`PER_TOKEN`] slots per token.
#[derive(Debug, Clone, Default)]
pub struct Features {
    pub hashes: Vec<u64>,
}

impl Features {
    /// The feature slots of token `i` (zero slots are empty).
    pub fn of(&self, i: usize) -> &[u64] {
        &self.hashes[i * PER_TOKEN..(i + 1) * PER_TOKEN]
    }
    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.hashes.len() / PER_TOKEN
    }
    pub fn is_empty(&self) -> bool {
        self.hashes.is_empty()
    }
}

/// Computes the features of `tokens` (of `text`); `sentence_initial[i]` tells whether token `i`
/// starts a sentence; `hints[i]` is the name rules' opinion of token `i` (0: not in a rule name,
/// else `1 + 4 × label + part` with part 0 begin, 1 inside, 2 last, 3 unit; see [`hint_codes`]). Neighbour features look across sentence boundaries (the `.` before a
/// token is a useful cue); out of the document they read a boundary marker.
pub fn extract(
    text: &str,
    tokens: &[Token],
    sentence_initial: &[bool],
    hints: &[u8],
    gazetteer: &Gazetteer,
) -> Features {
    let hint = |i: isize| -> u64 {
        if i < 0 {
            255
        } else {
            hints.get(i as usize).copied().unwrap_or(255) as u64
        }
    };
    let mut scratch = Scratch::default();
    let infos: Vec<TokenInfo> = tokens
        .iter()
        .map(|t| token_info(&text[t.start..t.end], t.kind, &mut scratch))
        .collect();
    let initial = |i: usize| sentence_initial.get(i).copied().unwrap_or(i == 0);
    // document-level cues
    let lower_seen: HashSet64 = infos
        .iter()
        .filter(|t| t.all_lower)
        .map(|t| t.lower)
        .collect();
    let cap_mid_seen: HashSet64 = infos
        .iter()
        .enumerate()
        .filter(|(i, t)| t.capitalised && !initial(*i))
        .map(|(_, t)| t.form)
        .collect();
    let gaz = gazetteer.marks(&infos.iter().map(|t| t.lower).collect::<Vec<_>>());

    let boundary = fnv(99, b"<doc>");
    let lower_at = |i: isize| -> u64 {
        if i < 0 || i as usize >= infos.len() {
            boundary
        } else {
            infos[i as usize].lower
        }
    };
    let shape_at = |i: isize| -> u64 {
        if i < 0 || i as usize >= infos.len() {
            boundary
        } else {
            infos[i as usize].short_shape
        }
    };
    let mut hashes = vec![0u64; infos.len() * PER_TOKEN];
    for (i, t) in infos.iter().enumerate() {
        let f = &mut hashes[i * PER_TOKEN..(i + 1) * PER_TOKEN];
        let ii = i as isize;
        let mut k = 0;
        let mut put = |h: u64| {
            f[k] = h;
            k += 1;
        };
        put(feat(T_BIAS, 0));
        put(feat(T_FORM, t.form));
        put(feat(T_LOWER, t.lower));
        for (j, &p) in t.prefix.iter().enumerate() {
            put(if p == 0 {
                0
            } else {
                feat(T_PREFIX + j as u64, p)
            });
        }
        for (j, &s) in t.suffix.iter().enumerate() {
            put(if s == 0 {
                0
            } else {
                feat(T_SUFFIX + j as u64, s)
            });
        }
        put(feat(T_SHAPE, t.shape));
        put(feat(T_SHORT_SHAPE, t.short_shape));
        for (j, d) in [-2isize, -1, 1, 2].into_iter().enumerate() {
            put(feat(T_LOWER_AT + j as u64, lower_at(ii + d)));
        }
        put(feat(T_SHAPE_AT, shape_at(ii - 1)));
        put(feat(T_SHAPE_AT + 1, shape_at(ii + 1)));
        put(feat(T_BIGRAM_LEFT, mix(lower_at(ii - 1), t.lower)));
        put(feat(T_BIGRAM_RIGHT, mix(t.lower, lower_at(ii + 1))));
        put(feat(
            T_SHAPE_TRIGRAM,
            mix(mix(shape_at(ii - 1), t.short_shape), shape_at(ii + 1)),
        ));
        put(if initial(i) {
            feat(T_SENT_INITIAL, t.short_shape)
        } else {
            0
        });
        put(if t.capitalised && lower_seen.contains(&t.lower) {
            feat(T_DOC_LOWER, initial(i) as u64)
        } else {
            0
        });
        put(
            if initial(i) && t.capitalised && cap_mid_seen.contains(&t.form) {
                feat(T_DOC_CAP_MID, 1)
            } else {
                0
            },
        );
        put(if i > 0 {
            feat(T_SUFFIX_LEFT, mix(infos[i - 1].suffix[2], t.short_shape))
        } else {
            0
        });
        put(if i > 0 {
            feat(T_FORM_LEFT, mix(infos[i - 1].form, t.short_shape))
        } else {
            0
        });
        put(feat(T_KIND, t.kind as u64));
        put(if t.part_first == 0 {
            0
        } else {
            feat(T_PART_FIRST, t.part_first)
        });
        put(if t.part_last == 0 {
            0
        } else {
            feat(T_PART_LAST, t.part_last)
        });
        let h = hint(ii);
        put(if h == 0 { 0 } else { feat(T_HINT, h) });
        put(if h == 0 {
            0
        } else {
            feat(T_HINT_LABEL, mix((h - 1) / 4, t.short_shape))
        });
        put(feat(T_HINT_AT, mix(hint(ii - 1), hint(ii + 1))));
        for slot in 0..GAZ_SLOTS {
            let m = gaz.get(i * GAZ_SLOTS + slot).copied().unwrap_or(0);
            put(if m == 0 {
                0
            } else {
                feat(T_GAZ + slot as u64, mix(m as u64, t.short_shape))
            });
        }
        debug_assert!(k <= PER_TOKEN);
    }
    Features { hashes }
}

/// The hint code of every token (see [`extract`]) for name spans `names` (byte offsets) found by
/// the rules; labels other than PER/ORG/LOC/MISC are ignored.
pub fn hint_codes(tokens: &[Token], names: &[crate::annotation::Entity]) -> Vec<u8> {
    use crate::annotation::Label;
    let mut out = vec![0u8; tokens.len()];
    for e in names {
        let label = match e.label {
            Label::PER => 0,
            Label::ORG => 1,
            Label::LOC => 2,
            Label::MISC => 3,
            _ => continue,
        };
        let from = tokens.partition_point(|t| t.end <= e.start);
        let to = tokens.partition_point(|t| t.start < e.end);
        for (k, code) in out[from..to.max(from)].iter_mut().enumerate() {
            let part = if to - from == 1 {
                3
            } else if k == 0 {
                0
            } else if from + k + 1 == to {
                2
            } else {
                1
            };
            *code = 1 + 4 * label + part;
        }
    }
    out
}

/// Hash of a token's lowercase form as the features see it (for gazetteer entries).
pub fn lower_hash(word: &str) -> u64 {
    // the same bytes as `token_info`'s lowercase form, hashed as they come
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    if word.is_ascii() && !word.contains('`') {
        // the common case, without Unicode case tables (loading the model's gazetteer is
        // mostly this)
        for b in word.bytes() {
            h ^= b.to_ascii_lowercase() as u64;
            h = h.wrapping_mul(0x100_0000_01b3);
        }
        return h;
    }
    let mut buf = [0u8; 4];
    for c in word.chars().map(normalize_char) {
        for l in c.to_lowercase() {
            for &b in l.encode_utf8(&mut buf).as_bytes() {
                h ^= b as u64;
                h = h.wrapping_mul(0x100_0000_01b3);
            }
        }
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Analysis;

    fn feats(text: &str) -> (Features, usize) {
        let a = Analysis::new(text);
        let mut initial = vec![false; a.tokens.len()];
        for s in &a.sentences {
            if s.first_token < initial.len() {
                initial[s.first_token] = true;
            }
        }
        (
            extract(text, &a.tokens, &initial, &[], &Gazetteer::default()),
            a.tokens.len(),
        )
    }

    #[test]
    fn curly_and_straight_apostrophes_give_the_same_features() {
        let (a, n) = feats("Selon l’OMS, la grippe recule.");
        let (b, m) = feats("Selon l'OMS, la grippe recule.");
        assert_eq!(n, m);
        assert_eq!(a.hashes, b.hashes);
    }

    #[test]
    fn every_token_has_its_slots() {
        let (f, n) = feats("Michel Delpech est mort à Paris.");
        assert_eq!(f.len(), n);
        assert!(f.of(1).iter().filter(|&&h| h != 0).count() > 20);
    }

    #[test]
    fn lower_hash_matches_the_token_features() {
        for w in ["Paris", "ÉTIENNE", "l’", "İstanbul", "ß", "x"] {
            let mut s = Scratch::default();
            assert_eq!(
                lower_hash(w),
                token_info(w, TokenKind::Word, &mut s).lower,
                "{w}"
            );
        }
    }

    #[test]
    fn case_changes_the_form_but_not_the_lowercase_form() {
        let (a, _) = feats("Paris");
        let (b, _) = feats("paris");
        assert_ne!(a.of(0)[1], b.of(0)[1]); // form
        assert_eq!(a.of(0)[2], b.of(0)[2]); // lowercase form
    }
}
