//! Zip archives and zlib streams, just what the formats need.
//!
//! Writing needs no compressor: zip entries are *stored* (method 0) with their CRC-32, zlib streams
//! are made of stored deflate blocks with their Adler-32. Reading accepts stored and deflated
//! entries (deflate decoding by `miniz_oxide`), so zips made by `zip`, Windows, macOS or brat's
//! own tools open, and so do DocBin files written by spaCy.

use super::error::{ErrorKind, FormatError, Place};

/// Most bytes one archive or stream may expand to (a guard against zip bombs).
pub const MAX_EXPANDED: usize = 1 << 30;

const fn crc_table() -> [u32; 256] {
    let mut t = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut c = i as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
            k += 1;
        }
        t[i] = c;
        i += 1;
    }
    t
}
static CRC_TABLE: [u32; 256] = crc_table();

/// CRC-32 (IEEE, as zip uses it).
///
/// ```
/// assert_eq!(balise::formats::zip::crc32(b"123456789"), 0xCBF4_3926);
/// ```
pub fn crc32(data: &[u8]) -> u32 {
    let mut c = 0xFFFF_FFFFu32;
    for &b in data {
        c = CRC_TABLE[((c ^ b as u32) & 0xFF) as usize] ^ (c >> 8);
    }
    c ^ 0xFFFF_FFFF
}

/// Adler-32 (as zlib uses it).
pub fn adler32(data: &[u8]) -> u32 {
    let (mut a, mut b) = (1u32, 0u32);
    for chunk in data.chunks(5552) {
        for &x in chunk {
            a += x as u32;
            b += a;
        }
        a %= 65521;
        b %= 65521;
    }
    (b << 16) | a
}

/// A zlib stream holding `data` in stored (uncompressed) deflate blocks.
///
/// ```
/// use balise::formats::zip::{zlib_store, zlib_inflate};
/// let z = zlib_store(b"bonjour");
/// assert_eq!(zlib_inflate(&z).unwrap(), b"bonjour");
/// ```
pub fn zlib_store(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len() + data.len() / 65535 * 5 + 11);
    out.extend_from_slice(&[0x78, 0x01]);
    let mut chunks = data.chunks(65535).peekable();
    if chunks.peek().is_none() {
        out.extend_from_slice(&[1, 0, 0, 0xFF, 0xFF]);
    }
    while let Some(c) = chunks.next() {
        out.push(u8::from(chunks.peek().is_none()));
        let len = c.len() as u16;
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(&(!len).to_le_bytes());
        out.extend_from_slice(c);
    }
    out.extend_from_slice(&adler32(data).to_be_bytes());
    out
}

/// Decodes a zlib stream (any compression level).
pub fn zlib_inflate(data: &[u8]) -> Result<Vec<u8>, String> {
    miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(data, MAX_EXPANDED)
        .map_err(|e| format!("not a valid zlib stream ({:?})", e.status))
}

/// Builds a zip archive of stored entries.
#[derive(Debug, Default)]
pub struct ZipWriter {
    data: Vec<u8>,
    central: Vec<u8>,
    entries: usize,
}

impl ZipWriter {
    pub fn new() -> Self {
        ZipWriter::default()
    }

    /// Adds a file. Names are UTF-8, with `/` between folders.
    pub fn add(&mut self, name: &str, content: &[u8]) -> Result<(), FormatError> {
        let too_big = |what: &str| {
            FormatError::new(
                ErrorKind::Binary,
                Place::file(name),
                format!("{what} is too large for a zip without zip64 (4 GiB, 65,535 files); export fewer documents at once"),
            )
        };
        let size = u32::try_from(content.len()).map_err(|_| too_big("this file"))?;
        let offset = u32::try_from(self.data.len()).map_err(|_| too_big("the archive"))?;
        if self.entries >= 65535 {
            return Err(too_big("the archive"));
        }
        let crc = crc32(content);
        let name_b = name.as_bytes();
        let name_len = u16::try_from(name_b.len()).map_err(|_| too_big("a file name"))?;
        // fixed date: 1980-01-01 00:00, so exports are reproducible
        let (time, date) = (0u16, 0x0021u16);
        let mut header = Vec::with_capacity(30);
        header.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        header.extend_from_slice(&20u16.to_le_bytes()); // version needed
        header.extend_from_slice(&0x0800u16.to_le_bytes()); // UTF-8 names
        header.extend_from_slice(&0u16.to_le_bytes()); // stored
        header.extend_from_slice(&time.to_le_bytes());
        header.extend_from_slice(&date.to_le_bytes());
        header.extend_from_slice(&crc.to_le_bytes());
        header.extend_from_slice(&size.to_le_bytes());
        header.extend_from_slice(&size.to_le_bytes());
        header.extend_from_slice(&name_len.to_le_bytes());
        header.extend_from_slice(&0u16.to_le_bytes()); // extra
        self.data.extend_from_slice(&header);
        self.data.extend_from_slice(name_b);
        self.data.extend_from_slice(content);

        let c = &mut self.central;
        c.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        c.extend_from_slice(&20u16.to_le_bytes()); // made by
        c.extend_from_slice(&20u16.to_le_bytes()); // needed
        c.extend_from_slice(&0x0800u16.to_le_bytes());
        c.extend_from_slice(&0u16.to_le_bytes());
        c.extend_from_slice(&time.to_le_bytes());
        c.extend_from_slice(&date.to_le_bytes());
        c.extend_from_slice(&crc.to_le_bytes());
        c.extend_from_slice(&size.to_le_bytes());
        c.extend_from_slice(&size.to_le_bytes());
        c.extend_from_slice(&name_len.to_le_bytes());
        c.extend_from_slice(&[0; 8]); // extra, comment, disk, internal attrs
        c.extend_from_slice(&0u32.to_le_bytes()); // external attrs
        c.extend_from_slice(&offset.to_le_bytes());
        c.extend_from_slice(name_b);
        self.entries += 1;
        Ok(())
    }

    /// The finished archive.
    pub fn finish(mut self) -> Result<Vec<u8>, FormatError> {
        let err = || {
            FormatError::new(
                ErrorKind::Binary,
                Place::default(),
                "the archive is too large for a zip without zip64; export fewer documents at once",
            )
        };
        let cd_offset = u32::try_from(self.data.len()).map_err(|_| err())?;
        let cd_size = u32::try_from(self.central.len()).map_err(|_| err())?;
        let n = self.entries as u16;
        self.data.extend_from_slice(&self.central);
        self.data.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
        self.data.extend_from_slice(&[0; 4]); // disk numbers
        self.data.extend_from_slice(&n.to_le_bytes());
        self.data.extend_from_slice(&n.to_le_bytes());
        self.data.extend_from_slice(&cd_size.to_le_bytes());
        self.data.extend_from_slice(&cd_offset.to_le_bytes());
        self.data.extend_from_slice(&0u16.to_le_bytes()); // comment
        Ok(self.data)
    }
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(
        b.get(at..at.checked_add(2)?)?.try_into().ok()?,
    ))
}
fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(
        b.get(at..at.checked_add(4)?)?.try_into().ok()?,
    ))
}

/// One file read from a zip.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZipEntry {
    pub name: String,
    pub content: Vec<u8>,
}

/// Reads every file of a zip archive (folders are skipped). `archive` names it in errors.
pub fn read_zip(archive: &str, bytes: &[u8]) -> Result<Vec<ZipEntry>, FormatError> {
    let bad = |m: String| FormatError::new(ErrorKind::Binary, Place::file(archive), m);
    // end of central directory: last signature within the final 64 KiB + 22 bytes
    let min = bytes.len().saturating_sub(65535 + 22);
    let eocd = (min..bytes.len().saturating_sub(21))
        .rev()
        .find(|&i| u32_at(bytes, i) == Some(0x0605_4b50))
        .ok_or_else(|| {
            bad("not a zip archive (no end of central directory); choose a .zip file".into())
        })?;
    let count = u16_at(bytes, eocd + 10).unwrap_or(0) as usize;
    let cd_offset = u32_at(bytes, eocd + 16).unwrap_or(0) as usize;
    if cd_offset == 0xFFFF_FFFF || count == 0xFFFF {
        return Err(bad(
            "zip64 archives are not supported; re-zip with fewer or smaller files".into(),
        ));
    }
    let mut out = Vec::with_capacity(count);
    let mut at = cd_offset;
    let mut total = 0usize;
    for _ in 0..count {
        if u32_at(bytes, at) != Some(0x0201_4b50) {
            return Err(bad(format!(
                "broken central directory at byte {at}; the zip is damaged"
            )));
        }
        let field = |off: usize| u16_at(bytes, at.saturating_add(off)).unwrap_or(0) as usize;
        let flags = field(8);
        let method = field(10);
        let crc = u32_at(bytes, at.saturating_add(16)).unwrap_or(0);
        let csize = u32_at(bytes, at.saturating_add(20)).unwrap_or(0) as usize;
        let usize_ = u32_at(bytes, at.saturating_add(24)).unwrap_or(0) as usize;
        let (nlen, xlen, clen) = (field(28), field(30), field(32));
        let local = u32_at(bytes, at.saturating_add(42)).unwrap_or(0) as usize;
        let name_start = at.saturating_add(46);
        let name_bytes = bytes
            .get(name_start..name_start.saturating_add(nlen))
            .ok_or_else(|| bad("truncated central directory; the zip is damaged".into()))?;
        let name = String::from_utf8_lossy(name_bytes).replace('\\', "/");
        at = name_start.saturating_add(nlen + xlen + clen);
        if name.ends_with('/') {
            continue;
        }
        let entry_err = |m: &str| {
            FormatError::new(
                ErrorKind::Binary,
                Place::file(&format!("{archive}/{name}")),
                m,
            )
        };
        if flags & 1 != 0 {
            return Err(entry_err(
                "encrypted zip entries are not supported; zip without a password",
            ));
        }
        if u32_at(bytes, local) != Some(0x0403_4b50) {
            return Err(entry_err("broken local header; the zip is damaged"));
        }
        let start = local
            .saturating_add(30)
            .saturating_add(u16_at(bytes, local.saturating_add(26)).unwrap_or(0) as usize)
            .saturating_add(u16_at(bytes, local.saturating_add(28)).unwrap_or(0) as usize);
        let data = bytes
            .get(start..start.saturating_add(csize))
            .ok_or_else(|| entry_err("truncated entry; the zip is damaged"))?;
        total = total.saturating_add(usize_);
        if total > MAX_EXPANDED {
            return Err(bad(
                "the archive expands to more than 1 GiB; split it".into()
            ));
        }
        let content = match method {
            0 => data.to_vec(),
            8 => miniz_oxide::inflate::decompress_to_vec_with_limit(data, usize_.max(1))
                .map_err(|_| entry_err("deflated data does not decode; the zip is damaged"))?,
            m => {
                return Err(entry_err(&format!(
                    "compression method {m} is not supported (only stored and deflate); re-zip with a standard tool"
                )))
            }
        };
        if crc32(&content) != crc {
            return Err(entry_err("CRC mismatch; the zip is damaged"));
        }
        out.push(ZipEntry { name, content });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_zip_round_trip_with_unicode_names() {
        let mut w = ZipWriter::new();
        w.add("été/🙂.txt", "Bonjour\r\n".as_bytes()).unwrap();
        w.add("vide.ann", b"").unwrap();
        let z = w.finish().unwrap();
        let back = read_zip("x.zip", &z).unwrap();
        assert_eq!(back.len(), 2);
        assert_eq!(back[0].name, "été/🙂.txt");
        assert_eq!(back[0].content, "Bonjour\r\n".as_bytes());
        assert!(back[1].content.is_empty());
    }

    #[test]
    fn deflated_entry_is_read() {
        // a deflated entry made with miniz's compressor would need the compressor; instead build
        // one from a fixed-Huffman block written by hand: "aaa" = 4b 4c 4c 04 00
        let raw = [0x4b, 0x4c, 0x4c, 0x04, 0x00];
        let content = b"aaa";
        let mut z = Vec::new();
        z.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        z.extend_from_slice(&[20, 0, 0, 0, 8, 0, 0, 0, 0, 0]);
        z.extend_from_slice(&crc32(content).to_le_bytes());
        z.extend_from_slice(&(raw.len() as u32).to_le_bytes());
        z.extend_from_slice(&3u32.to_le_bytes());
        z.extend_from_slice(&[1, 0, 0, 0, b'a']);
        z.extend_from_slice(&raw);
        let cd = z.len() as u32;
        z.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        z.extend_from_slice(&[20, 0, 20, 0, 0, 0, 8, 0, 0, 0, 0, 0]);
        z.extend_from_slice(&crc32(content).to_le_bytes());
        z.extend_from_slice(&(raw.len() as u32).to_le_bytes());
        z.extend_from_slice(&3u32.to_le_bytes());
        z.extend_from_slice(&[1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, b'a']);
        let cd_size = z.len() as u32 - cd;
        z.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
        z.extend_from_slice(&[0, 0, 0, 0, 1, 0, 1, 0]);
        z.extend_from_slice(&cd_size.to_le_bytes());
        z.extend_from_slice(&cd.to_le_bytes());
        z.extend_from_slice(&[0, 0]);
        let back = read_zip("d.zip", &z).unwrap();
        assert_eq!(back[0].content, b"aaa");
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        for junk in [&b""[..], b"PK\x05\x06", b"hello", &[0xFF; 100]] {
            assert!(read_zip("j.zip", junk).is_err());
        }
        let mut z = ZipWriter::new();
        z.add("a.txt", b"abc").unwrap();
        let mut z = z.finish().unwrap();
        z[40] ^= 0xFF; // corrupt the content
        assert!(read_zip("c.zip", &z).is_err());
        for cut in 0..z.len() {
            let _ = read_zip("t.zip", &z[..cut]);
        }
    }

    #[test]
    fn zlib_stored_blocks_of_any_size() {
        for n in [0usize, 1, 65535, 65536, 200_000] {
            let data: Vec<u8> = (0..n).map(|i| (i % 251) as u8).collect();
            assert_eq!(zlib_inflate(&zlib_store(&data)).unwrap(), data);
        }
        assert!(zlib_inflate(b"nope").is_err());
    }
}
