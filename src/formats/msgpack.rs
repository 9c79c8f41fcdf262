//! A small MessagePack encoder and decoder (the subset spaCy's DocBin uses: nil, booleans,
//! integers, floats, strings, binary, arrays, maps), written from the MessagePack specification.
//! The decoder never trusts a length it has not got the bytes for, and limits nesting.

/// A MessagePack value.
#[derive(Debug, Clone, PartialEq)]
pub enum Mp {
    Nil,
    Bool(bool),
    Int(i64),
    UInt(u64),
    Float(f64),
    Str(String),
    Bin(Vec<u8>),
    Array(Vec<Mp>),
    Map(Vec<(Mp, Mp)>),
}

impl Mp {
    /// The value under string key `key` of a map.
    pub fn get(&self, key: &str) -> Option<&Mp> {
        match self {
            Mp::Map(kv) => kv
                .iter()
                .find(|(k, _)| matches!(k, Mp::Str(s) if s == key))
                .map(|(_, v)| v),
            _ => None,
        }
    }
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Mp::Str(s) => Some(s),
            _ => None,
        }
    }
    /// Bytes of a `bin` (or of a `str`, which old writers used for bytes).
    pub fn as_bytes(&self) -> Option<&[u8]> {
        match self {
            Mp::Bin(b) => Some(b),
            Mp::Str(s) => Some(s.as_bytes()),
            _ => None,
        }
    }
    pub fn as_array(&self) -> Option<&[Mp]> {
        match self {
            Mp::Array(a) => Some(a),
            _ => None,
        }
    }
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Mp::UInt(n) => Some(*n),
            Mp::Int(n) => u64::try_from(*n).ok(),
            _ => None,
        }
    }
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Mp::Bool(b) => Some(*b),
            _ => None,
        }
    }
}

fn len_header(out: &mut Vec<u8>, len: usize, fix: Option<(u8, usize)>, codes: [u8; 3]) {
    match fix {
        Some((base, max)) if len <= max => out.push(base | len as u8),
        _ if len <= 0xFF && codes[0] != 0 => out.extend_from_slice(&[codes[0], len as u8]),
        _ if len <= 0xFFFF => {
            out.push(codes[1]);
            out.extend_from_slice(&(len as u16).to_be_bytes());
        }
        _ => {
            out.push(codes[2]);
            out.extend_from_slice(&(len as u32).to_be_bytes());
        }
    }
}

/// Appends the encoding of `v` to `out`.
pub fn encode(v: &Mp, out: &mut Vec<u8>) {
    match v {
        Mp::Nil => out.push(0xC0),
        Mp::Bool(b) => out.push(if *b { 0xC3 } else { 0xC2 }),
        Mp::UInt(n) => encode_uint(*n, out),
        Mp::Int(n) if *n >= 0 => encode_uint(*n as u64, out),
        Mp::Int(n) => {
            let n = *n;
            if n >= -32 {
                out.push(n as i8 as u8);
            } else if n >= i8::MIN as i64 {
                out.extend_from_slice(&[0xD0, n as i8 as u8]);
            } else if n >= i16::MIN as i64 {
                out.push(0xD1);
                out.extend_from_slice(&(n as i16).to_be_bytes());
            } else if n >= i32::MIN as i64 {
                out.push(0xD2);
                out.extend_from_slice(&(n as i32).to_be_bytes());
            } else {
                out.push(0xD3);
                out.extend_from_slice(&n.to_be_bytes());
            }
        }
        Mp::Float(f) => {
            out.push(0xCB);
            out.extend_from_slice(&f.to_be_bytes());
        }
        Mp::Str(s) => {
            len_header(out, s.len(), Some((0xA0, 31)), [0xD9, 0xDA, 0xDB]);
            out.extend_from_slice(s.as_bytes());
        }
        Mp::Bin(b) => {
            len_header(out, b.len(), None, [0xC4, 0xC5, 0xC6]);
            out.extend_from_slice(b);
        }
        Mp::Array(a) => {
            len_header(out, a.len(), Some((0x90, 15)), [0, 0xDC, 0xDD]);
            for x in a {
                encode(x, out);
            }
        }
        Mp::Map(m) => {
            len_header(out, m.len(), Some((0x80, 15)), [0, 0xDE, 0xDF]);
            for (k, x) in m {
                encode(k, out);
                encode(x, out);
            }
        }
    }
}

fn encode_uint(n: u64, out: &mut Vec<u8>) {
    if n <= 0x7F {
        out.push(n as u8);
    } else if n <= 0xFF {
        out.extend_from_slice(&[0xCC, n as u8]);
    } else if n <= 0xFFFF {
        out.push(0xCD);
        out.extend_from_slice(&(n as u16).to_be_bytes());
    } else if n <= 0xFFFF_FFFF {
        out.push(0xCE);
        out.extend_from_slice(&(n as u32).to_be_bytes());
    } else {
        out.push(0xCF);
        out.extend_from_slice(&n.to_be_bytes());
    }
}

/// Encodes one value.
///
/// ```
/// use balise::formats::msgpack::{decode, encode_to_vec, Mp};
/// let v = Mp::Map(vec![(Mp::Str("a".into()), Mp::Array(vec![Mp::UInt(1), Mp::Int(-2), Mp::Nil]))]);
/// assert_eq!(decode(&encode_to_vec(&v)).unwrap(), v);
/// ```
pub fn encode_to_vec(v: &Mp) -> Vec<u8> {
    let mut out = Vec::new();
    encode(v, &mut out);
    out
}

struct Dec<'a> {
    b: &'a [u8],
    at: usize,
}

const MAX_DEPTH: usize = 64;

impl<'a> Dec<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self
            .at
            .checked_add(n)
            .filter(|&e| e <= self.b.len())
            .ok_or_else(|| format!("truncated at byte {}", self.at))?;
        let s = &self.b[self.at..end];
        self.at = end;
        Ok(s)
    }
    fn uint(&mut self, n: usize) -> Result<u64, String> {
        Ok(self.take(n)?.iter().fold(0u64, |a, &x| (a << 8) | x as u64))
    }
    fn int(&mut self, n: usize) -> Result<i64, String> {
        let u = self.uint(n)?;
        let shift = 64 - 8 * n as u32;
        Ok(((u << shift) as i64) >> shift)
    }
    fn count(&mut self, n: usize, min_item: usize) -> Result<usize, String> {
        let len = self.uint(n)? as usize;
        // every item takes at least `min_item` bytes: refuse lengths the input cannot hold
        if len.saturating_mul(min_item) > self.b.len() - self.at {
            return Err(format!("length {len} at byte {} exceeds the data", self.at));
        }
        Ok(len)
    }
    fn value(&mut self, depth: usize) -> Result<Mp, String> {
        if depth > MAX_DEPTH {
            return Err("nested too deeply".into());
        }
        let c = self.take(1)?[0];
        Ok(match c {
            0x00..=0x7F => Mp::UInt(c as u64),
            0x80..=0x8F => self.map((c & 0x0F) as usize, depth)?,
            0x90..=0x9F => self.array((c & 0x0F) as usize, depth)?,
            0xA0..=0xBF => self.str((c & 0x1F) as usize)?,
            0xC0 => Mp::Nil,
            0xC2 => Mp::Bool(false),
            0xC3 => Mp::Bool(true),
            0xC4..=0xC6 => {
                let n = self.count(1 << (c - 0xC4), 1)?;
                Mp::Bin(self.take(n)?.to_vec())
            }
            0xC7..=0xC9 => {
                let n = self.count(1 << (c - 0xC7), 1)?;
                self.take(1)?;
                Mp::Bin(self.take(n)?.to_vec())
            }
            0xCA => Mp::Float(f32::from_bits(self.uint(4)? as u32) as f64),
            0xCB => Mp::Float(f64::from_bits(self.uint(8)?)),
            0xCC..=0xCF => Mp::UInt(self.uint(1 << (c - 0xCC))?),
            0xD0..=0xD3 => Mp::Int(self.int(1 << (c - 0xD0))?),
            0xD4..=0xD8 => {
                self.take(1)?;
                Mp::Bin(self.take(1 << (c - 0xD4))?.to_vec())
            }
            0xD9..=0xDB => {
                let n = self.count(1 << (c - 0xD9), 1)?;
                self.str(n)?
            }
            0xDC..=0xDD => {
                let n = self.count(2 << (c - 0xDC), 1)?;
                self.array(n, depth)?
            }
            0xDE..=0xDF => {
                let n = self.count(2 << (c - 0xDE), 2)?;
                self.map(n, depth)?
            }
            0xE0..=0xFF => Mp::Int(c as i8 as i64),
            0xC1 => return Err(format!("invalid byte 0xC1 at {}", self.at - 1)),
        })
    }
    fn str(&mut self, n: usize) -> Result<Mp, String> {
        let b = self.take(n)?;
        Ok(match std::str::from_utf8(b) {
            Ok(s) => Mp::Str(s.to_string()),
            Err(_) => Mp::Bin(b.to_vec()),
        })
    }
    fn array(&mut self, n: usize, depth: usize) -> Result<Mp, String> {
        let mut v = Vec::with_capacity(n.min(self.b.len() - self.at));
        for _ in 0..n {
            v.push(self.value(depth + 1)?);
        }
        Ok(Mp::Array(v))
    }
    fn map(&mut self, n: usize, depth: usize) -> Result<Mp, String> {
        let mut v = Vec::with_capacity(n.min(self.b.len() - self.at));
        for _ in 0..n {
            let k = self.value(depth + 1)?;
            let x = self.value(depth + 1)?;
            v.push((k, x));
        }
        Ok(Mp::Map(v))
    }
}

/// Decodes one value that fills `bytes`.
pub fn decode(bytes: &[u8]) -> Result<Mp, String> {
    let mut d = Dec { b: bytes, at: 0 };
    let v = d.value(0)?;
    if d.at != bytes.len() {
        return Err(format!("{} bytes left after the value", bytes.len() - d.at));
    }
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_size_class_round_trips() {
        let vals = vec![
            Mp::UInt(0),
            Mp::UInt(200),
            Mp::UInt(70_000),
            Mp::UInt(u64::MAX),
            Mp::Int(-1),
            Mp::Int(-100),
            Mp::Int(-40_000),
            Mp::Int(i64::MIN),
            Mp::Float(1.5),
            Mp::Str("é🙂".into()),
            Mp::Str("x".repeat(300)),
            Mp::Bin(vec![1; 70_000]),
            Mp::Array((0..20).map(Mp::UInt).collect()),
            Mp::Map(
                (0..20)
                    .map(|i| (Mp::UInt(i), Mp::Bool(i % 2 == 0)))
                    .collect(),
            ),
        ];
        for v in vals {
            assert_eq!(decode(&encode_to_vec(&v)).unwrap(), v);
        }
    }

    #[test]
    fn hostile_input_errors_without_panic() {
        assert!(decode(&[0xDD, 0xFF, 0xFF, 0xFF, 0xFF]).is_err());
        assert!(decode(&[0xC6, 0xFF, 0xFF, 0xFF, 0xFF]).is_err());
        assert!(decode(&[0x91; 1000]).is_err());
        assert!(decode(&[]).is_err());
        for b in 0..=255u8 {
            let _ = decode(&[b, 0, 1]);
        }
    }
}
