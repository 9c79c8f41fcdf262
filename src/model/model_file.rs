//! The model file: a small versioned binary format.
//!
//! ```text
//! magic      8 bytes  "BALISENR"
//! version    u32 LE   FORMAT_VERSION
//! length     u32 LE   length of the whole file in bytes
//! features   u32 LE   features::FEATURE_SET the model was trained with
//! labels     u8 count, then one byte per label (index in Label::ALL)
//! scale      f32 LE   weight of one quantization step
//! start      n_tags   i8    first-tag weights
//! trans      n_tags²  i8    transition weights, from-major
//! n_features u32 LE
//! keys       n_features varints: sorted 32-bit feature keys, delta-coded
//! rows       per feature: a varint bit mask of the tags with a weight, then one i8 per set bit
//! gazetteer  u32 LE count, then per entry: class u8, varint length, UTF-8 bytes (the entry's
//!            tokens joined by U+001F)
//! checksum   u32 LE   FNV-1a of every byte before it
//! ```
//!
//! Weights are quantized to 8-bit codes on a logarithmic scale (see `levels`: each code stands
//! for an integer weight, with about the same relative precision for small and large weights);
//! zero weights are not stored, so a feature costs its key delta (2–3 bytes), its mask and its
//! non-zero codes.

use super::features::FEATURE_SET;
use super::gazetteer::Gazetteer;
use super::viterbi::Grammar;
use super::{tags, FeatureTable, Tagger};
use crate::annotation::Label;
use std::fmt;

/// First bytes of every model file.
pub const MAGIC: &[u8; 8] = b"BALISENR";
/// Version of the layout above; files of another version are refused.
pub const FORMAT_VERSION: u32 = 2;

/// Why a model file cannot be loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModelError {
    /// The file does not start with [`MAGIC`]: not a Balise model.
    BadMagic,
    /// The file's format version is not [`FORMAT_VERSION`].
    WrongVersion { found: u32, expected: u32 },
    /// The model was trained with other feature templates than this build computes.
    WrongFeatureSet { found: u32, expected: u32 },
    /// The file ends early.
    Truncated,
    /// The checksum does not match: the file is damaged.
    Corrupt,
    /// A field holds an impossible value.
    Invalid(&'static str),
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ModelError::BadMagic => write!(f, "not a Balise model file (bad magic header)"),
            ModelError::WrongVersion { found, expected } => write!(
                f,
                "model file format version {found} is not supported (this build reads version {expected}); retrain the model with `balise train`"
            ),
            ModelError::WrongFeatureSet { found, expected } => write!(
                f,
                "model was trained with feature set {found} but this build computes feature set {expected}; retrain the model with `balise train`"
            ),
            ModelError::Truncated => write!(f, "model file is truncated"),
            ModelError::Corrupt => write!(f, "model file is corrupt (checksum mismatch)"),
            ModelError::Invalid(what) => write!(f, "model file is invalid: {what}"),
        }
    }
}

impl std::error::Error for ModelError {}

fn checksum(bytes: &[u8]) -> u32 {
    let mut h = 0x811c_9dc5u32;
    for &b in bytes {
        h ^= b as u32;
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

/// Integer weight of each code magnitude `0..=127`: 0, 1, 2, … (steps of one while that is finer)
/// then growing by 7% a step up to [`MAX_WEIGHT`]; so every weight keeps about the same
/// relative precision (±3.5%). Built with exact IEEE operations, so identical on every target.
fn levels() -> &'static [i32; 128] {
    static LEVELS: std::sync::OnceLock<[i32; 128]> = std::sync::OnceLock::new();
    LEVELS.get_or_init(|| {
        let mut l = [0i32; 128];
        l[1] = 1;
        for k in 2..128 {
            l[k] = (l[k - 1] + 1).max((l[k - 1] as f64 * 1.07).round() as i32);
        }
        l
    })
}

/// The largest integer weight (the value of code 127).
pub const MAX_WEIGHT: i32 = 27809;

/// The integer weight an 8-bit code stands for (see [`levels`]).
pub fn code_value(c: i8) -> i32 {
    let v = levels()[c.unsigned_abs().min(127) as usize];
    if c < 0 {
        -v
    } else {
        v
    }
}

/// The code whose weight is nearest to `v` (weights are clamped to ±[`MAX_WEIGHT`]).
pub fn value_code(v: i32) -> i8 {
    let l = levels();
    let m = v.unsigned_abs().min(MAX_WEIGHT as u32) as i32;
    let hi = l.partition_point(|&x| x < m).min(127);
    let k = if hi > 0 && m - l[hi - 1] <= l[hi] - m {
        hi - 1
    } else {
        hi
    };
    if v < 0 {
        -(k as i8)
    } else {
        k as i8
    }
}

fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Serialises `t`.
pub fn write(t: &Tagger) -> Vec<u8> {
    let nt = t.grammar.n_tags;
    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&0u32.to_le_bytes()); // length, filled in below
    out.extend_from_slice(&FEATURE_SET.to_le_bytes());
    out.push(t.labels.len() as u8);
    for l in &t.labels {
        out.push(*l as u8);
    }
    out.extend_from_slice(&t.scale.to_le_bytes());
    out.extend(t.start.iter().map(|&w| value_code(w) as u8));
    out.extend(t.trans.iter().map(|&w| value_code(w) as u8));
    out.extend_from_slice(&(t.keys.len() as u32).to_le_bytes());
    let mut prev = 0u32;
    for &k in &t.keys {
        put_varint(&mut out, (k - prev) as u64);
        prev = k;
    }
    for row in t.weights.chunks(nt) {
        let mask = row
            .iter()
            .enumerate()
            .filter(|(_, &w)| w != 0)
            .fold(0u64, |m, (j, _)| m | 1 << j);
        put_varint(&mut out, mask);
        out.extend(
            row.iter()
                .filter(|&&w| w != 0)
                .map(|&w| value_code(w as i32) as u8),
        );
    }
    let mut gaz: Vec<(u8, &str)> = t.gazetteer.entries().collect();
    gaz.sort_unstable();
    out.extend_from_slice(&(gaz.len() as u32).to_le_bytes());
    for (class, name) in gaz {
        out.push(class);
        put_varint(&mut out, name.len() as u64);
        out.extend_from_slice(name.as_bytes());
    }
    let len = (out.len() + 4) as u32;
    out[12..16].copy_from_slice(&len.to_le_bytes());
    let sum = checksum(&out);
    out.extend_from_slice(&sum.to_le_bytes());
    out
}

/// A cursor over the file's bytes that fails with [`ModelError::Truncated`] past the end.
struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let end = self.pos.checked_add(n).ok_or(ModelError::Truncated)?;
        let s = self.bytes.get(self.pos..end).ok_or(ModelError::Truncated)?;
        self.pos = end;
        Ok(s)
    }
    fn u8(&mut self) -> Result<u8, ModelError> {
        Ok(self.take(1)?[0])
    }
    fn u32(&mut self) -> Result<u32, ModelError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn varint(&mut self) -> Result<u64, ModelError> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.u8()?;
            v |= ((b & 0x7f) as u64) << shift;
            if b < 0x80 {
                return Ok(v);
            }
        }
        Err(ModelError::Invalid("varint too long"))
    }
}

/// Reads a model file.
pub fn read(bytes: &[u8]) -> Result<Tagger, ModelError> {
    if bytes.len() < MAGIC.len() || &bytes[..MAGIC.len()] != MAGIC {
        return Err(ModelError::BadMagic);
    }
    let mut r = Reader {
        bytes,
        pos: MAGIC.len(),
    };
    let version = r.u32()?;
    if version != FORMAT_VERSION {
        return Err(ModelError::WrongVersion {
            found: version,
            expected: FORMAT_VERSION,
        });
    }
    let len = r.u32()? as usize;
    let feature_set = r.u32()?;
    if bytes.len() < len {
        return Err(ModelError::Truncated);
    }
    if bytes.len() > len || len < r.pos + 4 {
        return Err(ModelError::Invalid("file length"));
    }
    let (body, sum) = bytes.split_at(bytes.len() - 4);
    if checksum(body) != u32::from_le_bytes([sum[0], sum[1], sum[2], sum[3]]) {
        return Err(ModelError::Corrupt);
    }
    if feature_set != FEATURE_SET {
        return Err(ModelError::WrongFeatureSet {
            found: feature_set,
            expected: FEATURE_SET,
        });
    }
    let mut r = Reader {
        bytes: body,
        pos: r.pos,
    };
    let n_labels = r.u8()? as usize;
    if n_labels == 0 || n_labels > Label::ALL.len() {
        return Err(ModelError::Invalid("label count"));
    }
    let mut labels = Vec::with_capacity(n_labels);
    for _ in 0..n_labels {
        let l = *Label::ALL
            .get(r.u8()? as usize)
            .ok_or(ModelError::Invalid("label"))?;
        labels.push(l);
    }
    let nt = tags::n_tags(n_labels);
    let scale = f32::from_le_bytes(r.take(4)?.try_into().map_err(|_| ModelError::Truncated)?);
    let start: Vec<i32> = r.take(nt)?.iter().map(|&b| code_value(b as i8)).collect();
    let trans: Vec<i32> = r
        .take(nt * nt)?
        .iter()
        .map(|&b| code_value(b as i8))
        .collect();
    let n_features = r.u32()? as usize;
    if n_features > body.len() {
        return Err(ModelError::Invalid("feature count"));
    }
    let mut keys = Vec::with_capacity(n_features);
    let mut prev = 0u64;
    for i in 0..n_features {
        let d = r.varint()?;
        if i > 0 && d == 0 {
            return Err(ModelError::Invalid("feature keys not increasing"));
        }
        prev += d;
        if prev > u32::MAX as u64 || prev == 0 {
            return Err(ModelError::Invalid("feature key"));
        }
        keys.push(prev as u32);
    }
    let mut weights = vec![0i16; n_features * nt];
    for row in weights.chunks_mut(nt) {
        let mask = r.varint()?;
        if mask >> nt != 0 {
            return Err(ModelError::Invalid("weight mask"));
        }
        for (j, w) in row.iter_mut().enumerate() {
            if mask & (1 << j) != 0 {
                *w = code_value(r.u8()? as i8) as i16;
            }
        }
    }
    let n_gaz = r.u32()? as usize;
    if n_gaz > body.len() {
        return Err(ModelError::Invalid("gazetteer size"));
    }
    let mut gazetteer = Gazetteer::with_capacity(n_gaz, body.len() - r.pos);
    for _ in 0..n_gaz {
        let class = r.u8()?;
        let len = r.varint()? as usize;
        let name = std::str::from_utf8(r.take(len)?)
            .map_err(|_| ModelError::Invalid("gazetteer entry is not UTF-8"))?;
        gazetteer.insert_tokens(class, name);
    }
    if r.pos != body.len() {
        return Err(ModelError::Invalid("trailing bytes"));
    }
    Ok(Tagger {
        labels,
        grammar: Grammar::new(nt),
        trans,
        start,
        table: FeatureTable::new(&keys),
        keys,
        weights,
        scale,
        gazetteer,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tiny() -> Tagger {
        let labels = vec![Label::PER, Label::LOC];
        let nt = tags::n_tags(labels.len());
        let keys = vec![3, 70, 70_000, u32::MAX];
        let mut weights = vec![0i16; keys.len() * nt];
        weights[1] = code_value(40) as i16;
        weights[nt + 4] = -MAX_WEIGHT as i16;
        weights[3 * nt + nt - 1] = 1;
        let mut gazetteer = Gazetteer::default();
        gazetteer.insert(0, "Saint-Étienne");
        Tagger {
            labels,
            grammar: Grammar::new(nt),
            trans: (0..nt * nt)
                .map(|i| code_value((i % 7) as i8 - 3))
                .collect(),
            start: (0..nt).map(|i| code_value(i as i8)).collect(),
            table: FeatureTable::new(&keys),
            keys,
            weights,
            scale: 0.25,
            gazetteer,
        }
    }

    #[test]
    fn save_then_load_gives_the_same_model() {
        let t = tiny();
        let bytes = write(&t);
        let u = read(&bytes).unwrap();
        assert_eq!(u.labels, t.labels);
        assert_eq!(u.keys, t.keys);
        assert_eq!(u.weights, t.weights);
        assert_eq!(u.trans, t.trans);
        assert_eq!(u.start, t.start);
        assert_eq!(u.scale, t.scale);
        assert!(u.gazetteer.entries().eq(t.gazetteer.entries()));
        assert_eq!(write(&u), bytes);
    }

    #[test]
    fn builtin_model_round_trips() {
        let t = super::super::Tagger::builtin();
        let bytes = write(&t);
        assert_eq!(bytes, super::super::BUILTIN_MODEL);
    }

    #[test]
    fn codes_and_values_round_trip() {
        for c in -127..=127i8 {
            assert_eq!(value_code(code_value(c)), c);
        }
        assert_eq!(value_code(99_999), 127);
        assert_eq!(code_value(127), MAX_WEIGHT);
        assert_eq!(value_code(-10), -10);
        // about 7% apart at the top
        assert!(code_value(100) as f64 / code_value(99) as f64 - 1.07 < 0.01);
    }

    #[test]
    fn wrong_magic_is_refused() {
        let mut bytes = write(&tiny());
        bytes[0] = b'X';
        assert_eq!(read(&bytes).unwrap_err(), ModelError::BadMagic);
        assert_eq!(read(b"").unwrap_err(), ModelError::BadMagic);
        assert_eq!(read(b"GIF89a..").unwrap_err(), ModelError::BadMagic);
    }

    #[test]
    fn wrong_version_is_refused_with_both_versions() {
        let mut bytes = write(&tiny());
        bytes[8..12].copy_from_slice(&7u32.to_le_bytes());
        let e = read(&bytes).unwrap_err();
        assert_eq!(
            e,
            ModelError::WrongVersion {
                found: 7,
                expected: FORMAT_VERSION
            }
        );
        assert!(e.to_string().contains("version 7"), "{e}");
    }

    #[test]
    fn truncated_files_are_refused() {
        let bytes = write(&tiny());
        for len in [8, 11, 12, 15, 20, 40, bytes.len() - 1] {
            assert_eq!(
                read(&bytes[..len]).unwrap_err(),
                ModelError::Truncated,
                "{len}"
            );
        }
    }

    #[test]
    fn a_flipped_byte_is_detected() {
        let mut bytes = write(&tiny());
        let mid = bytes.len() / 2;
        bytes[mid] ^= 0x40;
        assert_eq!(read(&bytes).unwrap_err(), ModelError::Corrupt);
    }

    #[test]
    fn another_feature_set_is_refused() {
        let mut bytes = write(&tiny());
        bytes[16..20].copy_from_slice(&(FEATURE_SET + 1).to_le_bytes());
        let n = bytes.len() - 4;
        let sum = checksum(&bytes[..n]);
        bytes[n..].copy_from_slice(&sum.to_le_bytes());
        assert!(matches!(
            read(&bytes).unwrap_err(),
            ModelError::WrongFeatureSet { .. }
        ));
    }
}
