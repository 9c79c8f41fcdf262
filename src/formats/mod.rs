//! Training data in and out: every format annotators use, one implementation for the CLI and the
//! page. Bytes in, bytes out: no I/O here.
//!
//! | name | format | holds |
//! |---|---|---|
//! | `balise` | Balise JSONL (native) | everything |
//! | `spacy` | spaCy / Prodigy JSONL (`text`, `tokens`, `spans`, `relations`) | everything |
//! | `docbin` | spaCy `DocBin` (`.spacy`) for `spacy train` | everything |
//! | `doccano` | doccano JSONL (`entities` + `relations`, or `label: [[s, e, L]]`) | everything (`label` form: no cue/source links) |
//! | `label-studio` | Label Studio JSON tasks (`annotations`, `predictions`) | everything |
//! | `brat` | brat standoff, a zip of `.txt` + `.ann` | everything |
//! | `conll` | CoNLL, 2 columns, IOB2 | entities only, no original spacing |
//! | `conll2003` | CoNLL-2003, 4 columns, IOB1 | entities only, no original spacing |
//!
//! Claims are written as spans labelled `CLAIM_DIRECT`, `CLAIM_INDIRECT`, `CLAIM_ACCORDING_TO`,
//! `CLAIM_UNATTRIBUTED`, with relations `cue`, `source`, `source_ref` to spans labelled `CUE`,
//! `SOURCE`, `SOURCE_REF`. Every offset in every file is in Unicode code points.
//!
//! ```
//! use balise::formats::{export, import, ExportOptions, Format, ImportOptions, InputFile};
//! let line = r#"{"id":"a","text":"Selon l'AFP, il pleut.","entities":[{"start":8,"end":11,"label":"ORG"}]}"#;
//! let docs = import(Format::Balise, &[InputFile::new("a.jsonl", line)], &ImportOptions::default()).documents;
//! let out = export(Format::Doccano, &docs, &ExportOptions::default()).unwrap();
//! let back = import(Format::Doccano, &[InputFile::new("a.jsonl", out.bytes)], &ImportOptions::default());
//! assert_eq!(back.documents[0].entities[0].text, "AFP");
//! ```

pub mod balise;
pub mod brat;
pub mod common;
pub mod conll;
pub mod docbin;
pub mod doccano;
pub mod error;
pub mod label_studio;
pub mod msgpack;
pub mod spacy;
pub mod tokens;
pub mod zip;

pub use error::{ErrorKind, FormatError, Place};

use crate::document::Document;
use std::collections::BTreeMap;

/// The formats Balise reads and writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Balise,
    Spacy,
    DocBin,
    Doccano,
    LabelStudio,
    Brat,
    Conll,
    Conll2003,
}

impl Format {
    pub const ALL: [Format; 8] = [
        Format::Balise,
        Format::Spacy,
        Format::DocBin,
        Format::Doccano,
        Format::LabelStudio,
        Format::Brat,
        Format::Conll,
        Format::Conll2003,
    ];
    /// The name on the command line (`balise convert --from NAME`).
    pub fn name(self) -> &'static str {
        match self {
            Format::Balise => "balise",
            Format::Spacy => "spacy",
            Format::DocBin => "docbin",
            Format::Doccano => "doccano",
            Format::LabelStudio => "label-studio",
            Format::Brat => "brat",
            Format::Conll => "conll",
            Format::Conll2003 => "conll2003",
        }
    }
    /// The format with this command-line name.
    pub fn from_name(name: &str) -> Option<Format> {
        let n = name.to_ascii_lowercase().replace('_', "-");
        Format::ALL
            .into_iter()
            .find(|f| f.name() == n)
            .or(match n.as_str() {
                "prodigy" => Some(Format::Spacy),
                "labelstudio" | "ls" => Some(Format::LabelStudio),
                "jsonl" => Some(Format::Balise),
                _ => None,
            })
    }
    /// A one-line description for help texts and menus.
    pub fn description(self) -> &'static str {
        match self {
            Format::Balise => "Balise JSONL, native and lossless",
            Format::Spacy => "spaCy / Prodigy JSONL: text, tokens, spans, relations",
            Format::DocBin => "spaCy DocBin (.spacy), for spacy train",
            Format::Doccano => "doccano JSONL: entities + relations (or label: [[s, e, L]])",
            Format::LabelStudio => "Label Studio JSON tasks: annotations and predictions",
            Format::Brat => "brat standoff: a zip of .txt + .ann pairs",
            Format::Conll => "CoNLL, 2 columns, IOB2 (entities only)",
            Format::Conll2003 => "CoNLL-2003, 4 columns, IOB1 (entities only)",
        }
    }
    /// The usual file extension of an export.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Balise | Format::Spacy | Format::Doccano => "jsonl",
            Format::DocBin => "spacy",
            Format::LabelStudio => "json",
            Format::Brat => "zip",
            Format::Conll | Format::Conll2003 => "conll",
        }
    }
    /// The MIME type of an export (for a download link).
    pub fn mime(self) -> &'static str {
        match self {
            Format::Balise | Format::Spacy | Format::Doccano => "application/x-ndjson",
            Format::LabelStudio => "application/json",
            Format::DocBin => "application/octet-stream",
            Format::Brat => "application/zip",
            Format::Conll | Format::Conll2003 => "text/plain",
        }
    }
    /// True when an export is binary (not text).
    pub fn is_binary(self) -> bool {
        matches!(self, Format::DocBin | Format::Brat)
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// One input: a file name (for messages and, for brat, pairing `.txt` with `.ann`) and its bytes.
#[derive(Debug, Clone)]
pub struct InputFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

impl InputFile {
    pub fn new(name: &str, bytes: impl Into<Vec<u8>>) -> InputFile {
        InputFile {
            name: name.to_string(),
            bytes: bytes.into(),
        }
    }
}

/// How to read foreign files.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// Foreign label → Balise label (`PERSON` → `PER`), or `None` to drop spans with that label.
    pub label_map: BTreeMap<String, Option<String>>,
}

impl ImportOptions {
    /// Adds `FROM=TO` (`TO` = `-` drops the label).
    pub fn map_label(&mut self, spec: &str) -> Result<(), String> {
        let (from, to) = spec
            .split_once('=')
            .ok_or_else(|| format!("label map {spec:?} should read FROM=TO, e.g. PERSON=PER"))?;
        let to = to.trim();
        let to = (to != "-" && !to.is_empty()).then(|| to.to_string());
        if let Some(t) = &to {
            common::parse_role(t, &ImportOptions::default())?;
        }
        self.label_map.insert(from.trim().to_string(), to);
        Ok(())
    }
}

/// What an import gives: the documents read, and what was skipped or changed on the way.
#[derive(Debug, Clone, Default)]
pub struct Imported {
    pub documents: Vec<Document>,
    /// Documents, lines, spans or relations that could not be read, each with its place.
    pub skipped: Vec<FormatError>,
    /// Things read but changed (offsets converted from UTF-16, several annotations of a task…).
    pub notes: Vec<String>,
}

impl Imported {
    /// True when everything in the input was read.
    pub fn is_complete(&self) -> bool {
        self.skipped.is_empty()
    }
}

/// The doccano JSONL form to write.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum DoccanoForm {
    /// `entities` + `relations` (a sequence-labelling project with relations): everything.
    #[default]
    Relations,
    /// `label: [[start, end, LABEL]]`: spans only, claims lose their cue/source links.
    Label,
}

/// How to write.
#[derive(Debug, Clone, Default)]
pub struct ExportOptions {
    pub doccano: DoccanoForm,
}

/// An export: the bytes to save and what the format could not hold.
#[derive(Debug, Clone)]
pub struct Exported {
    pub bytes: Vec<u8>,
    /// One line per kind of thing not written (`conll: 12 × claim not written…`).
    pub warnings: Vec<String>,
}

/// Reads documents in `format` from `files` (several files are read in order). Problems are
/// reported in [`Imported::skipped`] with their place; the documents that could be read are
/// returned all the same, so a caller can refuse a partial import or accept it.
pub fn import(format: Format, files: &[InputFile], opts: &ImportOptions) -> Imported {
    let mut out = Imported::default();
    if format == Format::Brat {
        brat::import(files, opts, &mut out);
        return out;
    }
    for f in files {
        let before = out.documents.len();
        match format {
            Format::Balise => balise::import(f, opts, &mut out),
            Format::Spacy => spacy::import(f, opts, &mut out),
            Format::DocBin => docbin::import(f, opts, &mut out),
            Format::Doccano => doccano::import(f, opts, &mut out),
            Format::LabelStudio => label_studio::import(f, opts, &mut out),
            Format::Conll | Format::Conll2003 => conll::import(f, opts, &mut out),
            Format::Brat => unreachable!(),
        }
        for e in out.skipped.iter_mut() {
            let here = e.place.file.as_deref() == Some(f.name.as_str());
            let kind = matches!(e.kind, ErrorKind::WrongFormat | ErrorKind::Json);
            if here && kind && !e.message.contains("it looks like") {
                e.message.push_str(&hint(format, &f.name, &f.bytes));
            }
        }
        if out.documents.len() == before
            && !out
                .skipped
                .iter()
                .any(|e| e.place.file.as_deref() == Some(&f.name))
        {
            out.notes.push(format!("{}: no document found", f.name));
        }
    }
    out
}

/// Writes `docs` in `format`. Every span is checked against its text first: a span that does not
/// fit is an error naming the document and span, and nothing is written.
pub fn export(
    format: Format,
    docs: &[Document],
    opts: &ExportOptions,
) -> Result<Exported, FormatError> {
    let docs: Vec<Document> = docs.iter().map(common::checked).collect::<Result<_, _>>()?;
    Ok(match format {
        Format::Balise => balise::export(&docs),
        Format::Spacy => spacy::export(&docs),
        Format::DocBin => docbin::export(&docs),
        Format::Doccano => doccano::export(&docs, opts.doccano),
        Format::LabelStudio => label_studio::export(&docs),
        Format::Brat => brat::export(&docs),
        Format::Conll => conll::export(&docs, conll::Flavour::Iob2),
        Format::Conll2003 => conll::export(&docs, conll::Flavour::Conll2003),
    })
}

/// Guesses the format of a file from its name and first bytes (for an Import button that takes
/// any file, and for "this looks like…" hints). `None` when unsure.
pub fn sniff(name: &str, bytes: &[u8]) -> Option<Format> {
    let lower = name.to_ascii_lowercase();
    if bytes.starts_with(b"PK\x03\x04") || lower.ends_with(".zip") {
        return Some(Format::Brat);
    }
    if lower.ends_with(".spacy") || bytes.first() == Some(&0x78) {
        return Some(Format::DocBin);
    }
    if lower.ends_with(".ann") || lower.ends_with(".txt") {
        return Some(Format::Brat);
    }
    let text = std::str::from_utf8(&bytes[..bytes.len().min(4096)])
        .or_else(|e| std::str::from_utf8(&bytes[..e.valid_up_to()]))
        .ok()?;
    let head = text.trim_start_matches('\u{feff}').trim_start();
    if head.starts_with('[') {
        return Some(Format::LabelStudio);
    }
    if head.starts_with('{') {
        let first = head.lines().next().unwrap_or("");
        return Some(
            if first.contains("\"tokens\"") || first.contains("\"_input_hash\"") {
                Format::Spacy
            } else if first.contains("\"start_offset\"")
                || first.contains("\"label\":[[")
                || first.contains("\"label\": [[")
            {
                Format::Doccano
            } else if first.contains("\"data\"")
                && (first.contains("\"annotations\"") || first.contains("\"predictions\""))
            {
                Format::LabelStudio
            } else {
                Format::Balise
            },
        );
    }
    let first = head
        .lines()
        .find(|l| !l.trim().is_empty() && !l.starts_with("-DOCSTART-"))?;
    match first.split_whitespace().count() {
        2 => Some(Format::Conll),
        4 => Some(Format::Conll2003),
        _ => None,
    }
}

/// A hint for an input that failed to read as `asked`: `; it looks like label-studio (--from label-studio)`.
pub(crate) fn hint(asked: Format, name: &str, bytes: &[u8]) -> String {
    match sniff(name, bytes) {
        Some(f) if f != asked => format!(
            "; it looks like {} ({}): try --from {}",
            f.name(),
            f.description(),
            f.name()
        ),
        _ => String::new(),
    }
}
