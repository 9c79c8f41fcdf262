//! WebAssembly binding: JavaScript strings in, plain JavaScript objects out.
//!
//! This module only converts types and offsets; every decision is the core's. The core speaks
//! UTF-8 byte offsets, JavaScript strings are indexed in UTF-16 code units, so each offset is
//! converted **once, here**, with an [`OffsetMap`] built for the text.
//!
//! JavaScript sees (all offsets UTF-16 code units, half-open):
//!
//! ```text
//! annotate(text) -> { entities: [{ start, end, label }],
//!                     claims: [{ kind, content: {start, end}, cue: {start, end} | null,
//!                                source: {start, end} | null, source_ref?: {start, end},
//!                                hedged: bool }] }
//! tokenize(text) -> [{ start, end, kind }]
//! formats()      -> [{ name, description, extension, mime, binary }]
//! import_files(format | null, names, lengths, bytes)
//!                -> { format, documents: [JsDocument], skipped: [string], notes: [string] }
//! export_documents(format, [JsDocument], doccano_form | null)
//!                -> Exported { bytes: Uint8Array, warnings: [string] }
//! version()      -> "0.1.0"
//! last_panic()   -> string | undefined   (message of the last Rust panic, if any)
//! ```
//!
//! A `JsDocument` is a document of the page's queue: `{ id, text, status?, entities: [{ start, end,
//! label, alt?, optional?, provenance? }], claims: [{ kind, content, cue, source, source_ref?,
//! hedged?, optional?, provenance? }], extra? }`, offsets in UTF-16 code units. Files speak code
//! points: [`doc_to_js`] and [`doc_from_js`] are the one place where the two meet.
//!
//! The conversion functions below are compiled on every target so that native `cargo test`
//! covers them; only the `#[wasm_bindgen]` glue in `glue` is wasm32-only.

// On native targets the conversions are only reached from the tests.
#![cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]

use crate::annotation::{Annotation, ClaimKind, Label, Span};
use crate::document::{DocClaim, DocEntity, DocSpan, Document, Provenance, Status};
use crate::offsets::{OffsetError, OffsetMap, Unit};
use crate::tokenize::{Token, TokenKind};
use serde::{Deserialize, Serialize};
use std::fmt;

/// A half-open span in UTF-16 code units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
struct JsSpan {
    start: u32,
    end: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
struct JsEntity {
    start: u32,
    end: u32,
    label: Label,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
struct JsClaim {
    kind: ClaimKind,
    content: JsSpan,
    /// `null` in JavaScript when absent.
    cue: Option<JsSpan>,
    /// `null` in JavaScript when absent.
    source: Option<JsSpan>,
    /// Left out of the object when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    source_ref: Option<JsSpan>,
    hedged: bool,
}

/// What `annotate` returns to JavaScript.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
struct JsAnnotation {
    entities: Vec<JsEntity>,
    claims: Vec<JsClaim>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
struct JsToken {
    start: u32,
    end: u32,
    kind: TokenKind,
}

/// A core span that cannot be expressed in UTF-16 (a bug in the core, never the user's fault).
#[derive(Debug, Clone, PartialEq, Eq)]
struct ConversionError {
    what: &'static str,
    span: Span,
    cause: OffsetError,
}

impl fmt::Display for ConversionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "internal error: the core returned a {} at bytes {}..{} that does not fit the text: {}",
            self.what, self.span.start, self.span.end, self.cause
        )
    }
}

impl std::error::Error for ConversionError {}

/// Converts one byte span of the core to UTF-16 code units.
fn utf16_span(map: &OffsetMap, what: &'static str, span: Span) -> Result<JsSpan, ConversionError> {
    let (start, end) = map
        .convert_span(span.start, span.end, Unit::Byte, Unit::Utf16)
        .map_err(|cause| ConversionError { what, span, cause })?;
    // OffsetMap refuses texts of 4 GiB or more, so UTF-16 offsets always fit in u32.
    Ok(JsSpan {
        start: start as u32,
        end: end as u32,
    })
}

/// The JavaScript form of an annotation of `text` (byte offsets → UTF-16 code units).
fn to_js_annotation(text: &str, ann: &Annotation) -> Result<JsAnnotation, ConversionError> {
    let map = OffsetMap::new(text);
    let entities = ann
        .entities
        .iter()
        .map(|e| {
            let s = utf16_span(&map, "entity", e.span())?;
            Ok(JsEntity {
                start: s.start,
                end: s.end,
                label: e.label,
            })
        })
        .collect::<Result<_, ConversionError>>()?;
    let opt = |what, s: Option<Span>| s.map(|s| utf16_span(&map, what, s)).transpose();
    let claims = ann
        .claims
        .iter()
        .map(|c| {
            Ok(JsClaim {
                kind: c.kind,
                content: utf16_span(&map, "claim content", c.content)?,
                cue: opt("claim cue", c.cue)?,
                source: opt("claim source", c.source)?,
                source_ref: opt("claim source_ref", c.source_ref)?,
                hedged: c.hedged,
            })
        })
        .collect::<Result<_, ConversionError>>()?;
    Ok(JsAnnotation { entities, claims })
}

/// The JavaScript form of the tokens of `text` (byte offsets → UTF-16 code units).
fn to_js_tokens(text: &str, tokens: &[Token]) -> Result<Vec<JsToken>, ConversionError> {
    let map = OffsetMap::new(text);
    tokens
        .iter()
        .map(|t| {
            let s = utf16_span(&map, "token", Span::new(t.start, t.end))?;
            Ok(JsToken {
                start: s.start,
                end: s.end,
                kind: t.kind,
            })
        })
        .collect()
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// An entity of a page document, UTF-16 code units.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct JsDocEntity {
    start: u32,
    end: u32,
    label: Label,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    alt: Vec<Label>,
    #[serde(default, skip_serializing_if = "is_false")]
    optional: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    provenance: Option<Provenance>,
}

/// A claim of a page document, UTF-16 code units.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct JsDocClaim {
    kind: ClaimKind,
    content: JsSpan,
    #[serde(default)]
    cue: Option<JsSpan>,
    #[serde(default)]
    source: Option<JsSpan>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    source_ref: Option<JsSpan>,
    #[serde(default, skip_serializing_if = "is_false")]
    hedged: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    optional: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    provenance: Option<Provenance>,
}

/// A document of the page's queue (see the module documentation).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct JsDocument {
    #[serde(default)]
    id: String,
    text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    status: Option<Status>,
    #[serde(default)]
    entities: Vec<JsDocEntity>,
    #[serde(default)]
    claims: Vec<JsDocClaim>,
    /// The other fields of the file's record (`meta`, `source`…), kept for the export.
    #[serde(default, skip_serializing_if = "serde_json::Map::is_empty")]
    extra: serde_json::Map<String, serde_json::Value>,
}

/// Converts a code-point span of a file document to UTF-16 (files are checked on import, so a
/// failure here means the document is inconsistent: it is reported, not hidden).
fn cp_to_utf16(map: &OffsetMap, s: &DocSpan) -> Result<JsSpan, OffsetError> {
    let (start, end) = map.convert_span(s.start, s.end, Unit::Char, Unit::Utf16)?;
    Ok(JsSpan {
        start: start as u32,
        end: end as u32,
    })
}

/// A file document (code points) in the page's form (UTF-16 code units).
fn doc_to_js(doc: &Document) -> Result<JsDocument, String> {
    let map = OffsetMap::new(&doc.text);
    let err = |what: &str, s: &DocSpan, e: OffsetError| {
        format!(
            "document {:?}: {what} {}..{} does not fit the text: {e}",
            doc.id, s.start, s.end
        )
    };
    let conv = |what: &str, s: &DocSpan| cp_to_utf16(&map, s).map_err(|e| err(what, s, e));
    let opt = |what: &str, s: &Option<DocSpan>| s.as_ref().map(|s| conv(what, s)).transpose();
    let mut entities = Vec::with_capacity(doc.entities.len());
    for e in &doc.entities {
        let s = conv(
            "entity",
            &DocSpan {
                start: e.start,
                end: e.end,
                text: String::new(),
            },
        )?;
        entities.push(JsDocEntity {
            start: s.start,
            end: s.end,
            label: e.label,
            alt: e.alt.clone(),
            optional: e.optional,
            provenance: e.provenance,
        });
    }
    let mut claims = Vec::with_capacity(doc.claims.len());
    for c in &doc.claims {
        claims.push(JsDocClaim {
            kind: c.kind,
            content: conv("claim content", &c.content)?,
            cue: opt("claim cue", &c.cue)?,
            source: opt("claim source", &c.source)?,
            source_ref: opt("claim source_ref", &c.source_ref)?,
            hedged: c.hedged,
            optional: c.optional,
            provenance: c.provenance,
        });
    }
    Ok(JsDocument {
        id: doc.id.clone(),
        text: doc.text.clone(),
        status: doc.status,
        entities,
        claims,
        extra: doc.extra.clone(),
    })
}

/// A page document (UTF-16 code units) in the file form (code points, every span with its text).
/// A span that is reversed, past the end or between the halves of a surrogate pair is an error
/// naming the document and the span.
fn doc_from_js(js: JsDocument) -> Result<Document, String> {
    let map = OffsetMap::new(&js.text);
    let text = &js.text;
    let id = &js.id;
    let conv = |what: &str, s: JsSpan| -> Result<DocSpan, String> {
        let (start, end) = (s.start as usize, s.end as usize);
        let chars = map.convert_span(start, end, Unit::Utf16, Unit::Char);
        let bytes = map.convert_span(start, end, Unit::Utf16, Unit::Byte);
        match (chars, bytes) {
            (Ok((c0, c1)), Ok((b0, b1))) => Ok(DocSpan {
                start: c0,
                end: c1,
                text: text[b0..b1].to_string(),
            }),
            (Err(e), _) | (_, Err(e)) => Err(format!(
                "document {id:?}: {what} {start}..{end} (UTF-16) does not fit the text: {e}"
            )),
        }
    };
    let opt = |what: &str, s: Option<JsSpan>| s.map(|s| conv(what, s)).transpose();
    let mut entities = Vec::with_capacity(js.entities.len());
    for e in &js.entities {
        let s = conv(
            "entity",
            JsSpan {
                start: e.start,
                end: e.end,
            },
        )?;
        entities.push(DocEntity {
            start: s.start,
            end: s.end,
            label: e.label,
            text: s.text,
            alt: e.alt.clone(),
            optional: e.optional,
            provenance: e.provenance,
        });
    }
    let mut claims = Vec::with_capacity(js.claims.len());
    for c in &js.claims {
        claims.push(DocClaim {
            kind: c.kind,
            content: conv("claim content", c.content)?,
            cue: opt("claim cue", c.cue)?,
            source: opt("claim source", c.source)?,
            source_ref: opt("claim source_ref", c.source_ref)?,
            hedged: c.hedged,
            optional: c.optional,
            provenance: c.provenance,
        });
    }
    Ok(Document {
        id: js.id.clone(),
        text: js.text.clone(),
        entities,
        claims,
        status: js.status,
        extra: js.extra,
    })
}

/// One format as the page's menus show it.
#[derive(Debug, Clone, Serialize)]
struct JsFormat {
    name: &'static str,
    description: &'static str,
    extension: &'static str,
    mime: &'static str,
    binary: bool,
}

/// A sentence that goes through every stage of `annotate` (see `warm`).
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
const WARM_UP_TEXT: &str = "« Nous resterons ici jusqu'au bout », a déclaré le maire, Jean Dupont, à Paris le 1er janvier 2020. Selon l'AFP, 3 500 soldats sont partis.";

fn js_formats() -> Vec<JsFormat> {
    crate::formats::Format::ALL
        .into_iter()
        .map(|f| JsFormat {
            name: f.name(),
            description: f.description(),
            extension: f.extension(),
            mime: f.mime(),
            binary: f.is_binary(),
        })
        .collect()
}

/// What `import_files` returns.
#[derive(Debug, Clone, Serialize)]
struct JsImported {
    format: &'static str,
    documents: Vec<JsDocument>,
    skipped: Vec<String>,
    notes: Vec<String>,
}

/// Splits the concatenated `bytes` into files of `lengths` bytes named `names`.
fn split_files(
    names: &[String],
    lengths: &[u32],
    bytes: &[u8],
) -> Result<Vec<crate::formats::InputFile>, String> {
    if names.len() != lengths.len() {
        return Err(format!(
            "import: {} file names but {} lengths",
            names.len(),
            lengths.len()
        ));
    }
    let total: u64 = lengths.iter().map(|&n| n as u64).sum();
    if total != bytes.len() as u64 {
        return Err(format!(
            "import: the lengths add up to {total} bytes but {} were given",
            bytes.len()
        ));
    }
    let mut files = Vec::with_capacity(names.len());
    let mut at = 0usize;
    for (name, &len) in names.iter().zip(lengths) {
        let end = at + len as usize;
        files.push(crate::formats::InputFile::new(name, &bytes[at..end]));
        at = end;
    }
    Ok(files)
}

/// Reads files in `format` (or the format guessed from the first file when `None`) into page
/// documents, renaming foreign labels by `label_map` (`PERSON=PER`, `X=-` drops `X`). A file or
/// record that cannot be read is listed in `skipped` with its place.
fn import_js(
    format: Option<&str>,
    files: &[crate::formats::InputFile],
    label_map: &[String],
) -> Result<JsImported, String> {
    use crate::formats::{import, sniff, Format, ImportOptions};
    let format = match format {
        Some(name) => Format::from_name(name).ok_or_else(|| {
            let names: Vec<_> = Format::ALL.iter().map(|f| f.name()).collect();
            format!("unknown format {name:?}: use one of {}", names.join(", "))
        })?,
        None => files
            .iter()
            .find_map(|f| sniff(&f.name, &f.bytes))
            .ok_or_else(|| {
                "the format of this file could not be recognised: choose it in the list".to_string()
            })?,
    };
    let mut options = ImportOptions::default();
    for spec in label_map.iter().filter(|m| !m.trim().is_empty()) {
        options.map_label(spec.trim())?;
    }
    let imported = import(format, files, &options);
    let mut skipped: Vec<String> = imported.skipped.iter().map(|e| e.to_string()).collect();
    let mut documents = Vec::with_capacity(imported.documents.len());
    for doc in &imported.documents {
        match doc_to_js(doc) {
            Ok(d) => documents.push(d),
            Err(e) => skipped.push(e),
        }
    }
    Ok(JsImported {
        format: format.name(),
        documents,
        skipped,
        notes: imported.notes,
    })
}

/// Writes page documents in `format`; `Err` names the document and span that did not fit.
fn export_js(
    format: &str,
    docs: Vec<JsDocument>,
    doccano_form: Option<&str>,
) -> Result<crate::formats::Exported, String> {
    use crate::formats::{export, DoccanoForm, ExportOptions, Format};
    let format = Format::from_name(format).ok_or_else(|| format!("unknown format {format:?}"))?;
    let doccano = match doccano_form {
        None | Some("relations") => DoccanoForm::Relations,
        Some("label") => DoccanoForm::Label,
        Some(other) => {
            return Err(format!(
                "unknown doccano form {other:?}: use relations or label"
            ))
        }
    };
    let docs = docs
        .into_iter()
        .map(doc_from_js)
        .collect::<Result<Vec<_>, _>>()?;
    export(format, &docs, &ExportOptions { doccano }).map_err(|e| e.to_string())
}

#[cfg(target_arch = "wasm32")]
mod glue {
    use super::{export_js, import_js, js_formats, split_files, to_js_annotation, to_js_tokens};
    use serde::Serialize;
    use std::sync::Mutex;
    use wasm_bindgen::prelude::*;

    /// Message of the last panic, kept so the page can show it after the trap.
    static LAST_PANIC: Mutex<Option<String>> = Mutex::new(None);

    /// The one place where a Rust error becomes a JavaScript `Error` with a message.
    fn js_error(e: impl std::fmt::Display) -> JsError {
        JsError::new(&e.to_string())
    }

    /// Plain objects, `null` for `None` (JSON-compatible).
    fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
        value
            .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
            .map_err(js_error)
    }

    /// Runs when the module is instantiated: makes panics visible in the console.
    #[wasm_bindgen(start)]
    pub fn start() {
        std::panic::set_hook(Box::new(|info| {
            let msg = format!("balise panicked: {info}");
            web_sys::console::error_1(&JsValue::from_str(&msg));
            if let Ok(mut last) = LAST_PANIC.lock() {
                *last = Some(msg);
            }
        }));
    }

    /// Builds what the first annotation needs (the built-in model, the word lists) so that the
    /// first real call is quick; the worker calls it right after loading the module.
    #[wasm_bindgen]
    pub fn warm() {
        crate::annotate(super::WARM_UP_TEXT);
    }

    /// Entities and claims of `text`, offsets in UTF-16 code units (JavaScript string indices).
    #[wasm_bindgen]
    pub fn annotate(text: &str) -> Result<JsValue, JsError> {
        let ann = crate::annotate(text);
        to_js(&to_js_annotation(text, &ann).map_err(js_error)?)
    }

    /// Tokens of `text` (`{start, end, kind}`), offsets in UTF-16 code units.
    #[wasm_bindgen]
    pub fn tokenize(text: &str) -> Result<JsValue, JsError> {
        let tokens = crate::tokenize::tokenize(text);
        to_js(&to_js_tokens(text, &tokens).map_err(js_error)?)
    }

    /// The formats the page can import and export.
    #[wasm_bindgen]
    pub fn formats() -> Result<JsValue, JsError> {
        to_js(&js_formats())
    }

    /// Reads files (`names[i]` has `lengths[i]` bytes, concatenated in `bytes`) in `format`, or in
    /// the format guessed from the files when `format` is null; `label_map` holds `FROM=TO`
    /// renamings of foreign labels (`TO` = `-` drops them). Documents come back with UTF-16
    /// offsets; what could not be read is listed in `skipped`.
    #[wasm_bindgen]
    pub fn import_files(
        format: Option<String>,
        names: Vec<String>,
        lengths: Vec<u32>,
        bytes: &[u8],
        label_map: Vec<String>,
    ) -> Result<JsValue, JsError> {
        let files = split_files(&names, &lengths, bytes).map_err(js_error)?;
        to_js(&import_js(format.as_deref(), &files, &label_map).map_err(js_error)?)
    }

    /// An export: the file's bytes and what the format could not hold.
    #[wasm_bindgen]
    pub struct Exported {
        bytes: Vec<u8>,
        warnings: Vec<String>,
    }

    #[wasm_bindgen]
    impl Exported {
        #[wasm_bindgen(getter)]
        pub fn bytes(&self) -> Vec<u8> {
            self.bytes.clone()
        }
        #[wasm_bindgen(getter)]
        pub fn warnings(&self) -> Vec<String> {
            self.warnings.clone()
        }
    }

    /// Writes page documents (UTF-16 offsets) in `format`; files get code points.
    #[wasm_bindgen]
    pub fn export_documents(
        format: &str,
        documents: JsValue,
        doccano_form: Option<String>,
    ) -> Result<Exported, JsError> {
        let docs = serde_wasm_bindgen::from_value(documents).map_err(js_error)?;
        let out = export_js(format, docs, doccano_form.as_deref()).map_err(js_error)?;
        Ok(Exported {
            bytes: out.bytes,
            warnings: out.warnings,
        })
    }

    /// The version of the balise crate.
    #[wasm_bindgen]
    pub fn version() -> String {
        env!("CARGO_PKG_VERSION").to_string()
    }

    /// The message of the last Rust panic, if one happened (the module is unusable after it).
    #[wasm_bindgen]
    pub fn last_panic() -> Option<String> {
        LAST_PANIC.lock().ok().and_then(|m| m.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotation::{Claim, Entity};

    #[test]
    fn the_warm_up_text_goes_through_every_stage() {
        let ann = crate::annotate(WARM_UP_TEXT);
        let labels: Vec<Label> = ann.entities.iter().map(|e| e.label).collect();
        for l in [Label::DATE, Label::NUM, Label::PER, Label::LOC] {
            assert!(labels.contains(&l), "{l:?} missing from {labels:?}");
        }
        let kinds: Vec<ClaimKind> = ann.claims.iter().map(|c| c.kind).collect();
        assert!(kinds.contains(&ClaimKind::Direct), "{kinds:?}");
        assert!(kinds.contains(&ClaimKind::AccordingTo), "{kinds:?}");
    }

    /// The JavaScript view of `text[span]`: UTF-16 units sliced like `String.prototype.slice`.
    fn js_slice(text: &str, start: u32, end: u32) -> String {
        let units: Vec<u16> = text.encode_utf16().collect();
        String::from_utf16(&units[start as usize..end as usize]).unwrap()
    }

    fn byte_span(text: &str, needle: &str) -> Span {
        let start = text.find(needle).unwrap();
        Span::new(start, start + needle.len())
    }

    #[test]
    fn entity_after_emoji_and_accents_moves_to_utf16() {
        let text = "🙂 Élysée 👨‍👩‍👧 café\u{301} : Ashraf Ghani";
        let ghani = byte_span(text, "Ashraf Ghani");
        let ann = Annotation {
            entities: vec![Entity {
                start: ghani.start,
                end: ghani.end,
                label: Label::PER,
            }],
            claims: vec![],
        };
        let js = to_js_annotation(text, &ann).unwrap();
        let e = &js.entities[0];
        assert_eq!(js_slice(text, e.start, e.end), "Ashraf Ghani");
        // 🙂 = 2 units, the family = 8 units (3 surrogate pairs + 2 ZWJ), « é + U+0301 » = 2
        // units: 27 UTF-16 units before the name, 23 code points, 43 bytes.
        assert_eq!((e.start, e.end), (27, 39));
        assert_eq!(ghani.start, 43);
    }

    #[test]
    fn claim_with_source_inside_cue_keeps_every_part() {
        let text = "« Nous resterons », a-t-il déclaré. Il\u{202F}pleut.";
        let content = byte_span(text, "Nous resterons");
        let cue = byte_span(text, "a-t-il déclaré");
        let source = byte_span(text, "il déclaré");
        let source = Span::new(source.start, source.start + 2);
        let ann = Annotation {
            entities: vec![],
            claims: vec![Claim {
                kind: ClaimKind::Direct,
                content,
                cue: Some(cue),
                source: Some(source),
                source_ref: None,
                hedged: false,
            }],
        };
        let c = &to_js_annotation(text, &ann).unwrap().claims[0];
        assert_eq!(
            js_slice(text, c.content.start, c.content.end),
            "Nous resterons"
        );
        let cue = c.cue.unwrap();
        assert_eq!(js_slice(text, cue.start, cue.end), "a-t-il déclaré");
        let src = c.source.unwrap();
        assert_eq!(js_slice(text, src.start, src.end), "il");
        assert!(cue.start <= src.start && src.end <= cue.end);
    }

    #[test]
    fn json_shape_has_null_for_missing_parts_and_omits_missing_source_ref() {
        let text = "Il pleut à Zürich.";
        let ann = Annotation {
            entities: vec![Entity {
                start: 12,
                end: 19,
                label: Label::LOC,
            }],
            claims: vec![Claim {
                kind: ClaimKind::Unattributed,
                content: Span::new(0, 19),
                cue: None,
                source: None,
                source_ref: None,
                hedged: true,
            }],
        };
        let js = to_js_annotation(text, &ann).unwrap();
        // serde-wasm-bindgen's json_compatible serializer gives the same shape as serde_json.
        assert_eq!(
            serde_json::to_string(&js).unwrap(),
            r#"{"entities":[{"start":11,"end":17,"label":"LOC"}],"claims":[{"kind":"unattributed","content":{"start":0,"end":17},"cue":null,"source":null,"hedged":true}]}"#
        );
    }

    #[test]
    fn source_ref_is_converted_when_present() {
        let text = "Ashraf Ghani… « Non », dit-il.";
        let name = byte_span(text, "Ashraf Ghani");
        let il = byte_span(text, "il.");
        let il = Span::new(il.start, il.start + 2);
        let ann = Annotation {
            entities: vec![],
            claims: vec![Claim {
                kind: ClaimKind::Direct,
                content: byte_span(text, "Non"),
                cue: Some(byte_span(text, "dit-il")),
                source: Some(il),
                source_ref: Some(name),
                hedged: false,
            }],
        };
        let js = to_js_annotation(text, &ann).unwrap();
        let r = js.claims[0].source_ref.unwrap();
        assert_eq!(js_slice(text, r.start, r.end), "Ashraf Ghani");
        let json = serde_json::to_string(&js.claims[0]).unwrap();
        assert!(
            json.contains(r#""source_ref":{"start":0,"end":12}"#),
            "{json}"
        );
        assert!(json.contains(r#""kind":"direct""#), "{json}");
    }

    #[test]
    fn a_span_inside_a_character_is_a_clear_error() {
        let text = "é";
        let ann = Annotation {
            entities: vec![Entity {
                start: 1,
                end: 2,
                label: Label::MISC,
            }],
            claims: vec![],
        };
        let err = to_js_annotation(text, &ann).unwrap_err().to_string();
        assert!(err.starts_with("internal error: the core returned a entity at bytes 1..2"));
        assert!(err.contains("falls inside a character"), "{err}");
    }

    #[test]
    fn tokens_move_to_utf16() {
        let text = "🇫🇷 l’État\u{A0}: 3\u{202F}500";
        let toks = crate::tokenize::tokenize(text);
        let js = to_js_tokens(text, &toks).unwrap();
        assert_eq!(js.len(), toks.len());
        for (t, j) in toks.iter().zip(&js) {
            assert_eq!(js_slice(text, j.start, j.end), t.text(text));
            assert_eq!(t.kind, j.kind);
        }
    }

    /// The real pipeline on odd inputs: never panics, every span converts and slices back to
    /// the same text in UTF-16.
    #[test]
    fn odd_inputs_convert_without_panic() {
        let inputs = [
            "",
            " ",
            "«",
            "…",
            "\r\n\r\n",
            "\u{A0}\u{202F}",
            "e\u{301}\u{301}\u{301}",
            "🙂🙂 15 juillet 2016 👨‍👩‍👧",
            "« Nous resterons », a déclaré Ashraf Ghani le 15 juillet 2016.",
            "l’État a 3\u{202F}500 soldats\r\nSelon l’AFP, « oui ».",
            "<img src=x onerror=alert(1)> <b>x</b>",
            "\u{FFFD}\u{200F}\u{FEFF}",
        ];
        for text in inputs {
            let ann = crate::annotate(text);
            let js = to_js_annotation(text, &ann).unwrap();
            for (e, j) in ann.entities.iter().zip(&js.entities) {
                assert_eq!(js_slice(text, j.start, j.end), &text[e.start..e.end]);
            }
            let toks = crate::tokenize::tokenize(text);
            for (t, j) in toks.iter().zip(to_js_tokens(text, &toks).unwrap()) {
                assert_eq!(js_slice(text, j.start, j.end), t.text(text));
            }
        }
    }

    fn page_doc(text: &str) -> JsDocument {
        let u = |needle: &str| {
            let b = text.find(needle).unwrap();
            let start = text[..b].encode_utf16().count() as u32;
            JsSpan {
                start,
                end: start + needle.encode_utf16().count() as u32,
            }
        };
        let ghani = u("Ashraf Ghani");
        JsDocument {
            id: "d1".into(),
            text: text.into(),
            status: Some(Status::InProgress),
            entities: vec![JsDocEntity {
                start: ghani.start,
                end: ghani.end,
                label: Label::PER,
                alt: vec![],
                optional: false,
                provenance: Some(Provenance::Edited),
            }],
            claims: vec![JsDocClaim {
                kind: ClaimKind::Direct,
                content: u("Nous 🙂 resterons"),
                cue: Some(u("a déclaré")),
                source: Some(ghani),
                source_ref: None,
                hedged: true,
                optional: false,
                provenance: Some(Provenance::Manual),
            }],
            extra: serde_json::Map::new(),
        }
    }

    #[test]
    fn page_documents_become_code_points_with_texts_and_back() {
        let text = "👨‍👩‍👧\r\n«\u{202F}Nous 🙂 resterons\u{202F}», a déclaré Ashraf Ghani.";
        let js = page_doc(text);
        let doc = doc_from_js(js.clone()).unwrap();
        assert_eq!(doc.entities[0].text, "Ashraf Ghani");
        let cps: Vec<char> = text.chars().collect();
        let e = &doc.entities[0];
        assert_eq!(
            cps[e.start..e.end].iter().collect::<String>(),
            "Ashraf Ghani"
        );
        assert_eq!(doc.claims[0].content.text, "Nous 🙂 resterons");
        assert_eq!(doc.claims[0].cue.as_ref().unwrap().text, "a déclaré");
        assert_eq!(doc.entities[0].provenance, Some(Provenance::Edited));
        assert_eq!(doc.status, Some(Status::InProgress));
        assert!(doc.claims[0].hedged);
        assert_eq!(doc_to_js(&doc).unwrap(), js);
    }

    #[test]
    fn a_page_span_splitting_an_emoji_is_refused_with_its_place() {
        let mut js = page_doc("🙂 « Nous 🙂 resterons », a déclaré Ashraf Ghani.");
        js.entities[0].start = 1; // between the two halves of 🙂
        let err = doc_from_js(js).unwrap_err();
        assert!(err.starts_with("document \"d1\": entity 1.."), "{err}");
    }

    #[test]
    fn every_format_exports_page_documents_and_imports_them_back() {
        let text = "🙂 « Nous 🙂 resterons », a déclaré Ashraf Ghani.\r\nIl\u{a0}pleut.";
        let js = page_doc(text);
        for f in crate::formats::Format::ALL {
            let out = export_js(f.name(), vec![js.clone()], None).unwrap();
            let name = format!("x.{}", f.extension());
            let files = [crate::formats::InputFile::new(&name, out.bytes)];
            let back = import_js(Some(f.name()), &files, &[]).unwrap();
            assert!(back.skipped.is_empty(), "{f}: {:?}", back.skipped);
            let d = &back.documents[0];
            let e = &d.entities[0];
            let units: Vec<u16> = d.text.encode_utf16().collect();
            let seen = String::from_utf16(&units[e.start as usize..e.end as usize]).unwrap();
            assert_eq!(seen, "Ashraf Ghani", "{f}");
            // The sniffer finds the same format from the exported file alone.
            assert_eq!(
                import_js(None, &files, &[]).unwrap().format,
                f.name(),
                "{f}"
            );
        }
    }

    #[test]
    fn foreign_labels_are_renamed_or_dropped_by_the_label_map() {
        let line = r#"{"id": 1, "text": "Élise Lucet à Montréal 🙂 avec Radio-Canada", "label": [[0, 11, "PERSON"], [14, 22, "GPE"], [30, 42, "NORP"]]}"#;
        let files =
            split_files(&["p.jsonl".into()], &[line.len() as u32], line.as_bytes()).unwrap();
        let refused = import_js(Some("doccano"), &files, &[]).unwrap();
        assert!(refused.documents.is_empty(), "{refused:?}");
        assert!(
            refused.skipped[0].contains("PERSON"),
            "{:?}",
            refused.skipped
        );
        let map = [
            "PERSON=PER".to_string(),
            " GPE=LOC ".into(),
            "NORP=-".into(),
            "".into(),
        ];
        let out = import_js(Some("doccano"), &files, &map).unwrap();
        assert!(out.skipped.is_empty(), "{:?}", out.skipped);
        let d = &out.documents[0];
        let units: Vec<u16> = d.text.encode_utf16().collect();
        let got: Vec<(Label, String)> = d
            .entities
            .iter()
            .map(|e| {
                (
                    e.label,
                    String::from_utf16(&units[e.start as usize..e.end as usize]).unwrap(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (Label::PER, "Élise Lucet".to_string()),
                (Label::LOC, "Montréal".into())
            ]
        );
    }

    #[test]
    fn import_errors_name_the_problem() {
        let files = split_files(&["a.jsonl".into()], &[5], b"{oops").unwrap();
        let out = import_js(Some("balise"), &files, &[]).unwrap();
        assert!(out.documents.is_empty());
        assert!(out.skipped[0].contains("a.jsonl"), "{:?}", out.skipped);
        assert!(import_js(Some("excel"), &files, &[])
            .unwrap_err()
            .contains("unknown format"));
        assert!(split_files(&["a".into()], &[9], b"abc")
            .unwrap_err()
            .contains("add up to 9 bytes"));
        let bad_map = import_js(Some("balise"), &files, &["PERSON".into()]).unwrap_err();
        assert!(bad_map.contains("FROM=TO"), "{bad_map}");
        let formats = js_formats();
        assert_eq!(formats.len(), crate::formats::Format::ALL.len());
        assert!(formats.iter().any(|f| f.name == "brat" && f.binary));
    }
}
