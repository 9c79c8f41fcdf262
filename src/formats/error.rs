//! The one error type of every import and export: what went wrong, where (file, line, document,
//! span) and what to do about it.

use std::fmt;

/// What kind of problem a [`FormatError`] reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The input is not in the format asked for (another format, or not that kind of file).
    WrongFormat,
    /// Bytes that are not UTF-8.
    Utf8,
    /// JSON that does not parse, or lacks a field the format requires.
    Json,
    /// A line of a text format (brat, CoNLL) that does not follow the format.
    Syntax,
    /// An offset past the end of the text, inside a character, or a span that ends before it
    /// starts.
    Offset,
    /// A span's text differs from the document text at its offsets.
    TextMismatch,
    /// A label Balise does not know (use a label map to rename or drop it).
    UnknownLabel,
    /// Something the format can say but Balise cannot hold (a discontinuous span…).
    Unsupported,
    /// A broken archive or binary file (zip, DocBin, msgpack, zlib).
    Binary,
}

/// Where a problem lies; every part is optional and printed only when known.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Place {
    /// The input file (or the file inside a zip).
    pub file: Option<String>,
    /// 1-based line in that file.
    pub line: Option<usize>,
    /// The document id.
    pub document: Option<String>,
    /// The span or annotation, as written in the file (`T3`, `12..17 LOC "Paris"`).
    pub span: Option<String>,
}

impl Place {
    /// A place in `file`.
    pub fn file(file: &str) -> Place {
        Place {
            file: Some(file.to_string()),
            ..Place::default()
        }
    }
    /// The same place at `line`.
    pub fn line(mut self, line: usize) -> Place {
        self.line = Some(line);
        self
    }
    /// The same place in document `id`.
    pub fn document(mut self, id: &str) -> Place {
        self.document = Some(id.to_string());
        self
    }
    /// The same place at span `span`.
    pub fn span(mut self, span: impl Into<String>) -> Place {
        self.span = Some(span.into());
        self
    }
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts: Vec<String> = Vec::new();
        match (&self.file, self.line) {
            (Some(file), Some(line)) => parts.push(format!("{file}:{line}")),
            (Some(file), None) => parts.push(file.clone()),
            (None, Some(line)) => parts.push(format!("line {line}")),
            (None, None) => {}
        }
        if let Some(d) = &self.document {
            parts.push(format!("document {d:?}"));
        }
        if let Some(s) = &self.span {
            parts.push(format!("span {s}"));
        }
        f.write_str(&parts.join(": "))
    }
}

/// A problem found while importing or exporting, with its place and a hint.
///
/// ```
/// use balise::formats::{ErrorKind, FormatError, Place};
/// let e = FormatError::new(ErrorKind::Json, Place::file("a.jsonl").line(3), "expected `,`");
/// assert_eq!(e.to_string(), "a.jsonl:3: expected `,`");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatError {
    pub kind: ErrorKind,
    pub place: Place,
    /// What is wrong and what to do, in one sentence.
    pub message: String,
}

impl FormatError {
    pub fn new(kind: ErrorKind, place: Place, message: impl Into<String>) -> FormatError {
        FormatError {
            kind,
            place,
            message: message.into(),
        }
    }
    /// The same error with the file filled in when it was not known yet.
    pub fn in_file(mut self, file: &str) -> FormatError {
        if self.place.file.is_none() {
            self.place.file = Some(file.to_string());
        }
        self
    }
    /// The same error with the document filled in when it was not known yet.
    pub fn in_document(mut self, id: &str) -> FormatError {
        if self.place.document.is_none() {
            self.place.document = Some(id.to_string());
        }
        self
    }
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let place = self.place.to_string();
        if place.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{place}: {}", self.message)
        }
    }
}

impl std::error::Error for FormatError {}

/// Shorthand for a JSON error at a line of a file.
pub(crate) fn json_error(place: Place, e: &serde_json::Error) -> FormatError {
    FormatError::new(
        ErrorKind::Json,
        place,
        format!("invalid JSON: {e}; fix the JSON or check the format asked for"),
    )
}
