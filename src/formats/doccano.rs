//! doccano JSONL, the two forms its sequence-labelling projects export, offsets in code points:
//!
//! * with relations (the default export here):
//!   `{"id": …, "text": "…", "entities": [{"id": 1, "label": "PER", "start_offset": 0, "end_offset": 5}],
//!   "relations": [{"id": 1, "from_id": 2, "to_id": 3, "type": "cue"}]}`
//! * without: `{"id": …, "text": "…", "label": [[0, 5, "PER"]]}` (also read as `labels`).
//!
//! Claims are entities labelled `CLAIM_<KIND>` with relations `cue`/`source`/`source_ref` to
//! entities labelled `CUE`/`SOURCE`/`SOURCE_REF`; the `label` form has no relations, so claims lose
//! their cue and source there (the export says so). Other fields of a line are kept (doccano keeps
//! them as the example's metadata and exports them back), so is the `balise` extras object.

use super::common::{self, utf8, Assembly, Extras, Flat, FlatRel, FlatSpan, Losses, TextCheck};
use super::error::{ErrorKind, FormatError, Place};
use super::{DoccanoForm, Exported, ImportOptions, Imported, InputFile};
use crate::document::Document;
use serde_json::{json, Map, Value};

const OWN_KEYS: [&str; 7] = [
    "id",
    "text",
    "entities",
    "relations",
    "label",
    "labels",
    "balise",
];

/// Writes doccano JSONL in the given form.
pub fn export(docs: &[Document], form: DoccanoForm) -> Exported {
    let mut bytes = Vec::new();
    let mut next_span = 1u64;
    let mut next_rel = 1u64;
    let mut losses = Losses::default();
    for d in docs {
        let flat = Flat::of(d);
        let mut m = Map::new();
        m.insert("id".into(), json!(d.id));
        m.insert("text".into(), json!(d.text));
        match form {
            DoccanoForm::Relations => {
                let first = next_span;
                let entities: Vec<Value> = flat
                    .spans
                    .iter()
                    .enumerate()
                    .map(|(i, s)| {
                        json!({"id": first + i as u64, "label": s.role.label(), "start_offset": s.start, "end_offset": s.end})
                    })
                    .collect();
                next_span += flat.spans.len() as u64;
                let relations: Vec<Value> = flat
                    .relations
                    .iter()
                    .map(|r| {
                        let v = json!({"id": next_rel, "from_id": first + r.from as u64, "to_id": first + r.to as u64, "type": r.role.relation()});
                        next_rel += 1;
                        v
                    })
                    .collect();
                m.insert("entities".into(), Value::Array(entities));
                m.insert("relations".into(), Value::Array(relations));
            }
            DoccanoForm::Label => {
                let label: Vec<Value> = flat
                    .spans
                    .iter()
                    .map(|s| json!([s.start, s.end, s.role.label()]))
                    .collect();
                for c in &d.claims {
                    if c.cue.is_some() || c.source.is_some() || c.source_ref.is_some() {
                        losses.add(
                            "claim whose cue/source link is not written (the label form has no relations: export the entities/relations form to keep them)",
                            &d.id,
                        );
                    }
                }
                m.insert("label".into(), Value::Array(label));
            }
        }
        if let Some(x) = Extras::of(d).to_json() {
            m.insert("balise".into(), x);
        }
        for (k, v) in &d.extra {
            if !OWN_KEYS.contains(&k.as_str()) {
                m.insert(k.clone(), v.clone());
            }
        }
        serde_json::to_writer(&mut bytes, &Value::Object(m)).expect("JSON values always serialise");
        bytes.push(b'\n');
    }
    Exported {
        bytes,
        warnings: losses.warnings("doccano"),
    }
}

fn num(v: &Value) -> Option<usize> {
    v.as_u64().and_then(|n| usize::try_from(n).ok())
}

/// Reads one doccano example.
pub fn read_example(
    v: &Value,
    place: Place,
    opts: &ImportOptions,
) -> Result<(Document, Vec<FormatError>), FormatError> {
    let obj = v.as_object().ok_or_else(|| {
        FormatError::new(
            ErrorKind::WrongFormat,
            place.clone(),
            "expected a JSON object with \"text\" (one example per line)",
        )
    })?;
    let id = common::id_string(obj.get("id")).unwrap_or_default();
    let place = if id.is_empty() {
        place
    } else {
        place.document(&id)
    };
    let text = obj
        .get("text")
        .or_else(|| obj.get("data"))
        .and_then(Value::as_str)
        .ok_or_else(|| {
            FormatError::new(
                ErrorKind::WrongFormat,
                place.clone(),
                "no \"text\" string: a doccano example needs its text",
            )
        })?;
    let mut doc = Document::new(&id, text);
    let check = TextCheck::new(text);
    let mut asm = Assembly::new(&check, place.clone());
    let mut add =
        |key: String, start: usize, end: usize, label: &str, at: String| match common::parse_role(
            label, opts,
        ) {
            Ok(Some(role)) => {
                asm.spans.push(FlatSpan {
                    key,
                    start,
                    end,
                    role,
                    text: None,
                    extra: Default::default(),
                });
                Ok(())
            }
            Ok(None) => Ok(()),
            Err(m) => Err(FormatError::new(
                ErrorKind::UnknownLabel,
                place.clone().span(at),
                m,
            )),
        };
    if let Some(ents) = obj.get("entities").and_then(Value::as_array) {
        for (i, e) in ents.iter().enumerate() {
            let (Some(start), Some(end)) = (
                e.get("start_offset").and_then(num),
                e.get("end_offset").and_then(num),
            ) else {
                return Err(FormatError::new(
                    ErrorKind::Json,
                    place.clone().span(format!("entities[{i}]")),
                    "an entity needs integer \"start_offset\" and \"end_offset\"",
                ));
            };
            let key = common::id_string(e.get("id")).unwrap_or_else(|| format!("#{i}"));
            let label = e.get("label").and_then(Value::as_str).unwrap_or("");
            add(
                key,
                start,
                end,
                label,
                format!("entities[{i}] {start}..{end}"),
            )?;
        }
    } else if let Some(list) = obj
        .get("label")
        .or_else(|| obj.get("labels"))
        .and_then(Value::as_array)
    {
        for (i, l) in list.iter().enumerate() {
            let triple = l.as_array().filter(|a| a.len() == 3);
            let Some((Some(start), Some(end), Some(label))) =
                triple.map(|a| (num(&a[0]), num(&a[1]), a[2].as_str()))
            else {
                return Err(FormatError::new(
                    ErrorKind::WrongFormat,
                    place.clone().span(format!("label[{i}]")),
                    "expected [start, end, \"LABEL\"]; a text-classification label list is not span annotation",
                ));
            };
            add(
                format!("label[{i}]"),
                start,
                end,
                label,
                format!("label[{i}] {start}..{end}"),
            )?;
        }
    }
    for (i, r) in obj
        .get("relations")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .enumerate()
    {
        let (Some(from), Some(to)) = (
            common::id_string(r.get("from_id")),
            common::id_string(r.get("to_id")),
        ) else {
            asm.skipped.push(FormatError::new(
                ErrorKind::Json,
                place.clone().span(format!("relations[{i}]")),
                "relation without from_id/to_id: skipped",
            ));
            continue;
        };
        asm.relations.push(FlatRel {
            from,
            to,
            name: format!("relations[{i}]"),
        });
    }
    let skipped = asm.finish(&mut doc)?;
    Extras::from_json(obj.get("balise")).apply(&mut doc);
    for (k, v) in obj {
        if !OWN_KEYS.contains(&k.as_str()) && k != "data" {
            doc.extra.insert(k.clone(), v.clone());
        }
    }
    Ok((doc, skipped))
}

/// Reads one doccano JSONL file (a JSON array of examples is read too).
pub fn import(f: &InputFile, opts: &ImportOptions, out: &mut Imported) {
    let text = match utf8(&f.name, &f.bytes) {
        Ok(t) => t,
        Err(e) => return out.skipped.push(e),
    };
    let one = |v: &Value, place: Place, out: &mut Imported| match read_example(v, place, opts) {
        Ok((doc, skipped)) => {
            out.documents.push(doc);
            out.skipped.extend(skipped);
        }
        Err(e) => out.skipped.push(e),
    };
    for r in common::json_records(&f.name, text) {
        match r {
            Ok((place, v)) => one(&v, place, out),
            Err(mut e) => {
                e.message
                    .push_str(&super::hint(super::Format::Doccano, &f.name, &f.bytes));
                out.skipped.push(e);
            }
        }
    }
}
