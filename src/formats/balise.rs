//! Balise JSONL, the native format: one [`Document`] per line, offsets in code points, everything
//! kept (alt labels, optional spans, claims with cue/source/source_ref, hedged, provenance, status,
//! and any other field of the line such as `source` or `license`).
//!
//! ```json
//! {"id":"a","text":"Selon l'AFP, il pleut.","entities":[{"start":8,"end":11,"label":"ORG","text":"AFP"}],
//!  "claims":[{"kind":"according_to","content":{"start":13,"end":21,"text":"il pleut"},
//!             "cue":{"start":0,"end":5,"text":"Selon"},"source":{"start":6,"end":11,"text":"l'AFP"}}]}
//! ```
//! A `.json` file holding one document or an array of documents is read too.

use super::common::{self, checked, utf8};
use super::error::{ErrorKind, FormatError, Place};
use super::{Exported, ImportOptions, Imported, InputFile};
use crate::document::Document;
use serde_json::Value;

fn relabel(v: &mut Value, opts: &ImportOptions) -> Result<bool, String> {
    if opts.label_map.is_empty() {
        return Ok(true);
    }
    let Some(ents) = v.get_mut("entities").and_then(Value::as_array_mut) else {
        return Ok(true);
    };
    let mut keep = Vec::new();
    for mut e in std::mem::take(ents) {
        let label = e
            .get("label")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string();
        match opts.label_map.get(&label) {
            Some(None) => continue,
            Some(Some(to)) => e["label"] = Value::String(to.clone()),
            None => {}
        }
        keep.push(e);
    }
    *ents = keep;
    Ok(true)
}

fn one(value: Value, place: Place, opts: &ImportOptions) -> Result<Document, FormatError> {
    let mut value = value;
    let id = common::id_string(value.get("id"));
    let place = match &id {
        Some(id) => place.document(id),
        None => place,
    };
    if !value.is_object() {
        return Err(FormatError::new(
            ErrorKind::WrongFormat,
            place,
            "expected a JSON object with \"text\" (one document per line)",
        ));
    }
    if let Some(Value::Number(n)) = value.get("id") {
        let s = n.to_string();
        value["id"] = Value::String(s);
    }
    relabel(&mut value, opts)
        .map_err(|m| FormatError::new(ErrorKind::UnknownLabel, place.clone(), m))?;
    if value.get("text").and_then(Value::as_str).is_none() {
        return Err(FormatError::new(
            ErrorKind::WrongFormat,
            place,
            "no \"text\" string: a Balise document needs its text",
        ));
    }
    let doc: Document = serde_json::from_value(value).map_err(|e| {
        let m = e.to_string();
        let kind = if m.contains("unknown variant") {
            ErrorKind::UnknownLabel
        } else {
            ErrorKind::Json
        };
        FormatError::new(
            kind,
            place.clone(),
            format!(
                "{m}; labels are PER, ORG, LOC, MISC, DATE, NUM (rename others with --map-label)"
            ),
        )
    })?;
    checked(&doc).map_err(|e| {
        let mut e = e;
        e.place.file = place.file.clone();
        e.place.line = place.line;
        e
    })
}

/// Reads one Balise JSONL (or JSON) file.
pub fn import(f: &InputFile, opts: &ImportOptions, out: &mut Imported) {
    let text = match utf8(&f.name, &f.bytes) {
        Ok(t) => t,
        Err(e) => return out.skipped.push(e),
    };
    for r in common::json_records(&f.name, text) {
        match r {
            Ok((place, v)) => match one(v, place, opts) {
                Ok(d) => out.documents.push(d),
                Err(e) => out.skipped.push(e),
            },
            Err(mut e) => {
                e.message
                    .push_str(&super::hint(super::Format::Balise, &f.name, &f.bytes));
                out.skipped.push(e);
            }
        }
    }
}

/// Writes Balise JSONL: one document per line.
pub fn export(docs: &[Document]) -> Exported {
    let mut bytes = Vec::new();
    for d in docs {
        serde_json::to_writer(&mut bytes, d).expect("documents always serialise");
        bytes.push(b'\n');
    }
    Exported {
        bytes,
        warnings: Vec::new(),
    }
}
