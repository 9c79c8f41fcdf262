//! Offset conversion between the three units Balise speaks.
//!
//! * the core works in **UTF-8 bytes** (Rust `str` indices);
//! * the Wasm boundary speaks **UTF-16 code units** (JavaScript string indices);
//! * every file read or written speaks **Unicode code points** (Python `str` indices, as spaCy,
//!   Prodigy and doccano do).
//!
//! Convert once at each boundary with an [`OffsetMap`] built for the text.
//!
//! ```
//! use balise::offsets::{OffsetMap, Unit};
//! let text = "🙂 Élysée";
//! let map = OffsetMap::new(text);
//! let byte = text.find('É').unwrap(); // 5: the emoji is 4 bytes, then a space
//! assert_eq!(map.byte_to_char(byte).unwrap(), 2);
//! assert_eq!(map.byte_to_utf16(byte).unwrap(), 3); // the emoji is a surrogate pair
//! assert_eq!(map.convert(3, Unit::Utf16, Unit::Byte).unwrap(), byte);
//! ```

use std::fmt;

/// A unit in which offsets into a text can be counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// UTF-8 bytes (Rust).
    Byte,
    /// Unicode code points (files, Python).
    Char,
    /// UTF-16 code units (JavaScript).
    Utf16,
}

impl Unit {
    fn name(self) -> &'static str {
        match self {
            Unit::Byte => "UTF-8 byte",
            Unit::Char => "code point",
            Unit::Utf16 => "UTF-16",
        }
    }
}

/// Why an offset could not be converted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OffsetError {
    /// The offset lies past the end of the text.
    OutOfRange {
        offset: usize,
        len: usize,
        unit: Unit,
    },
    /// The offset falls inside a character (inside a UTF-8 sequence or a surrogate pair).
    NotBoundary { offset: usize, unit: Unit },
}

impl fmt::Display for OffsetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OffsetError::OutOfRange { offset, len, unit } => write!(
                f,
                "{} offset {offset} is past the end of the text ({len} {}s long); check that offsets count {}s",
                unit.name(),
                unit.name(),
                unit.name()
            ),
            OffsetError::NotBoundary { offset, unit } => write!(
                f,
                "{} offset {offset} falls inside a character; offsets must lie between characters",
                unit.name()
            ),
        }
    }
}

impl std::error::Error for OffsetError {}

/// Precomputed positions of every character of a text, for O(log n) conversions.
/// For pure-ASCII text all three units coincide and nothing is stored.
#[derive(Debug, Clone)]
pub struct OffsetMap {
    /// Byte offset of each char start, plus the text length at the end (empty when ASCII).
    bytes: Vec<u32>,
    /// UTF-16 offset of each char start, plus the UTF-16 length at the end (empty when ASCII).
    utf16: Vec<u32>,
    len_bytes: usize,
}

impl OffsetMap {
    pub fn new(text: &str) -> Self {
        assert!(
            text.len() < u32::MAX as usize,
            "texts of 4 GiB or more are not supported"
        );
        if text.is_ascii() {
            return OffsetMap {
                bytes: Vec::new(),
                utf16: Vec::new(),
                len_bytes: text.len(),
            };
        }
        let n = text.chars().count();
        let mut bytes = Vec::with_capacity(n + 1);
        let mut utf16 = Vec::with_capacity(n + 1);
        let mut u = 0u32;
        for (b, c) in text.char_indices() {
            bytes.push(b as u32);
            utf16.push(u);
            u += c.len_utf16() as u32;
        }
        bytes.push(text.len() as u32);
        utf16.push(u);
        OffsetMap {
            bytes,
            utf16,
            len_bytes: text.len(),
        }
    }

    fn ascii(&self) -> bool {
        self.bytes.is_empty()
    }

    /// Length of the text in the given unit.
    pub fn len(&self, unit: Unit) -> usize {
        if self.ascii() {
            return self.len_bytes;
        }
        match unit {
            Unit::Byte => self.len_bytes,
            Unit::Char => self.bytes.len() - 1,
            Unit::Utf16 => *self.utf16.last().unwrap() as usize,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len_bytes == 0
    }

    fn index_in(&self, table: &[u32], offset: usize, unit: Unit) -> Result<usize, OffsetError> {
        let len = self.len(unit);
        if offset > len {
            return Err(OffsetError::OutOfRange { offset, len, unit });
        }
        table
            .binary_search(&(offset as u32))
            .map_err(|_| OffsetError::NotBoundary { offset, unit })
    }

    /// Converts `offset` from one unit to another.
    pub fn convert(&self, offset: usize, from: Unit, to: Unit) -> Result<usize, OffsetError> {
        if self.ascii() || from == to {
            let len = self.len(from);
            if offset > len {
                return Err(OffsetError::OutOfRange {
                    offset,
                    len,
                    unit: from,
                });
            }
            if from == to && !self.ascii() {
                // still check the boundary
                let table = match from {
                    Unit::Byte => Some(&self.bytes),
                    Unit::Utf16 => Some(&self.utf16),
                    Unit::Char => None,
                };
                if let Some(t) = table {
                    self.index_in(t, offset, from)?;
                }
            }
            return Ok(offset);
        }
        let char_index = match from {
            Unit::Char => {
                let len = self.len(Unit::Char);
                if offset > len {
                    return Err(OffsetError::OutOfRange {
                        offset,
                        len,
                        unit: from,
                    });
                }
                offset
            }
            Unit::Byte => self.index_in(&self.bytes, offset, from)?,
            Unit::Utf16 => self.index_in(&self.utf16, offset, from)?,
        };
        Ok(match to {
            Unit::Char => char_index,
            Unit::Byte => self.bytes[char_index] as usize,
            Unit::Utf16 => self.utf16[char_index] as usize,
        })
    }

    pub fn byte_to_char(&self, byte: usize) -> Result<usize, OffsetError> {
        self.convert(byte, Unit::Byte, Unit::Char)
    }
    pub fn char_to_byte(&self, ch: usize) -> Result<usize, OffsetError> {
        self.convert(ch, Unit::Char, Unit::Byte)
    }
    pub fn byte_to_utf16(&self, byte: usize) -> Result<usize, OffsetError> {
        self.convert(byte, Unit::Byte, Unit::Utf16)
    }
    pub fn utf16_to_byte(&self, unit: usize) -> Result<usize, OffsetError> {
        self.convert(unit, Unit::Utf16, Unit::Byte)
    }

    /// Converts a `[start, end)` pair, checking `start <= end`.
    pub fn convert_span(
        &self,
        start: usize,
        end: usize,
        from: Unit,
        to: Unit,
    ) -> Result<(usize, usize), OffsetError> {
        let s = self.convert(start, from, to)?;
        let e = self.convert(end, from, to)?;
        if s > e {
            return Err(OffsetError::OutOfRange {
                offset: start,
                len: end,
                unit: from,
            });
        }
        Ok((s, e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every char boundary converts consistently in all directions.
    fn check_all(text: &str) {
        let map = OffsetMap::new(text);
        let mut u16 = 0;
        for (ci, (b, c)) in text
            .char_indices()
            .chain(std::iter::once((text.len(), ' ')))
            .enumerate()
        {
            assert_eq!(map.byte_to_char(b).unwrap(), ci, "{text:?} byte {b}");
            assert_eq!(map.char_to_byte(ci).unwrap(), b);
            assert_eq!(map.byte_to_utf16(b).unwrap(), u16);
            assert_eq!(map.utf16_to_byte(u16).unwrap(), b);
            assert_eq!(map.convert(ci, Unit::Char, Unit::Utf16).unwrap(), u16);
            if b < text.len() {
                u16 += c.len_utf16();
            }
        }
        assert_eq!(map.len(Unit::Char), text.chars().count());
        assert_eq!(map.len(Unit::Utf16), text.encode_utf16().count());
    }

    #[test]
    fn ascii_emoji_accents_nbsp_crlf() {
        check_all("");
        check_all("Le Monde a dit.");
        check_all("🙂🇫🇷 « Bonjour » dit-il\u{202F}!");
        check_all("e\u{0301}te\u{0301} à Zürich\r\nl’État\u{00A0}: 3\u{202F}500 €");
    }

    #[test]
    fn inside_a_character_is_an_error() {
        let map = OffsetMap::new("é🙂");
        assert_eq!(
            map.byte_to_char(1),
            Err(OffsetError::NotBoundary {
                offset: 1,
                unit: Unit::Byte
            })
        );
        // utf16 offset 2 is between the two halves of the surrogate pair
        assert!(matches!(
            map.utf16_to_byte(2),
            Err(OffsetError::NotBoundary { .. })
        ));
        assert!(matches!(
            map.char_to_byte(3),
            Err(OffsetError::OutOfRange { .. })
        ));
        let msg = map.char_to_byte(3).unwrap_err().to_string();
        assert!(msg.contains("past the end"), "{msg}");
    }
}
