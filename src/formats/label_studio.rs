//! Label Studio JSON tasks (the "JSON" export of a project, and the task format it imports):
//! a JSON array of `{"data": {"text": …}, "annotations": [{"result": […]}], "predictions":
//! [{"model_version": …, "result": […]}]}`. Each span is a result item `{"id", "from_name":
//! "label", "to_name": "text", "type": "labels", "value": {"start", "end", "text", "labels":
//! ["PER"]}}`; each claim link is `{"type": "relation", "from_id", "to_id", "direction": "right",
//! "labels": ["cue"]}` from the `CLAIM_<KIND>` region to its `CUE`/`SOURCE`/`SOURCE_REF` region.
//!
//! Import takes a task's first annotation that was not cancelled; a task with no annotation gives
//! its first prediction as pre-annotations (provenance `model`). Each region's `origin` gives
//! the provenance (`manual` → manual, `prediction` → accepted, `prediction-changed` → edited).
//! Offsets are code points; files from older Label Studio versions that counted UTF-16 units are
//! recognised by `value.text` and converted (a note says so). Export puts spans whose provenance is
//! `model` in `predictions` and all others in one annotation; `data` keeps the document id,
//! its other fields and the `balise` extras object. [`LABEL_CONFIG`] is a labelling configuration
//! that shows all of it.

use super::common::{
    self, utf8, Assembly, Extras, Flat, FlatRel, FlatSpan, Losses, Role, TextCheck,
};
use super::error::{ErrorKind, FormatError, Place};
use super::{Exported, ImportOptions, Imported, InputFile};
use crate::document::{Document, Provenance};
use crate::Label;
use serde_json::{json, Map, Value};

/// A Label Studio labelling configuration for Balise's labels and claim relations.
pub const LABEL_CONFIG: &str = r##"<View>
  <Labels name="label" toName="text">
    <Label value="PER" background="#e6194b"/>
    <Label value="ORG" background="#3cb44b"/>
    <Label value="LOC" background="#4363d8"/>
    <Label value="MISC" background="#f58231"/>
    <Label value="DATE" background="#911eb4"/>
    <Label value="NUM" background="#42d4f4"/>
    <Label value="CLAIM_DIRECT" background="#ffe119"/>
    <Label value="CLAIM_INDIRECT" background="#bfef45"/>
    <Label value="CLAIM_ACCORDING_TO" background="#fabed4"/>
    <Label value="CLAIM_UNATTRIBUTED" background="#dcbeff"/>
    <Label value="CUE" background="#a9a9a9"/>
    <Label value="SOURCE" background="#800000"/>
    <Label value="SOURCE_REF" background="#808000"/>
  </Labels>
  <Text name="text" value="$text"/>
  <Relations>
    <Relation value="cue"/>
    <Relation value="source"/>
    <Relation value="source_ref"/>
  </Relations>
</View>
"##;

fn origin(p: Option<Provenance>) -> Option<&'static str> {
    match p? {
        Provenance::Manual => Some("manual"),
        Provenance::Accepted => Some("prediction"),
        Provenance::Edited => Some("prediction-changed"),
        Provenance::Suggested => None,
    }
}

fn results(doc: &Document, prefix: &str, with_origin: bool) -> Vec<Value> {
    let flat = Flat::of(doc);
    let mut out = Vec::new();
    for (i, s) in flat.spans.iter().enumerate() {
        let mut item = json!({
            "id": format!("{prefix}{i}"),
            "from_name": "label",
            "to_name": "text",
            "type": "labels",
            "value": {"start": s.start, "end": s.end, "text": s.text, "labels": [s.role.label()]},
        });
        if with_origin {
            if let Some(o) = origin(s.extra.provenance) {
                item["origin"] = json!(o);
            }
        }
        out.push(item);
    }
    for r in &flat.relations {
        out.push(json!({
            "from_id": format!("{prefix}{}", r.from),
            "to_id": format!("{prefix}{}", r.to),
            "type": "relation",
            "direction": "right",
            "labels": [r.role.relation()],
        }));
    }
    out
}

/// The Label Studio task of one document.
pub fn task(doc: &Document) -> Value {
    let suggested = |p: Option<Provenance>| p == Some(Provenance::Suggested);
    let mut reviewed = doc.clone();
    reviewed.entities.retain(|e| !suggested(e.provenance));
    reviewed.claims.retain(|c| !suggested(c.provenance));
    let mut pending = doc.clone();
    pending.entities.retain(|e| suggested(e.provenance));
    pending.claims.retain(|c| suggested(c.provenance));
    let mut data = Map::new();
    data.insert("text".into(), json!(doc.text));
    data.insert("id".into(), json!(doc.id));
    for (k, v) in &doc.extra {
        if !["text", "id", "balise"].contains(&k.as_str()) {
            data.insert(k.clone(), v.clone());
        }
    }
    let mut extras = Extras::of(doc);
    // provenance travels as `origin` / predictions; keep only the other flags here
    for x in extras.spans.values_mut() {
        x.provenance = None;
    }
    extras.spans.retain(|_, x| !x.is_empty());
    if let Some(x) = extras.to_json() {
        data.insert("balise".into(), x);
    }
    let mut t = Map::new();
    t.insert("data".into(), Value::Object(data));
    let has_pending = !pending.entities.is_empty() || !pending.claims.is_empty();
    let has_reviewed = !reviewed.entities.is_empty() || !reviewed.claims.is_empty();
    if has_reviewed || !has_pending {
        t.insert(
            "annotations".into(),
            json!([{"result": results(&reviewed, "a", true), "was_cancelled": false, "ground_truth": false}]),
        );
    }
    if has_pending {
        t.insert(
            "predictions".into(),
            json!([{"model_version": "balise", "result": results(&pending, "p", false)}]),
        );
    }
    Value::Object(t)
}

/// Writes a JSON array of Label Studio tasks.
pub fn export(docs: &[Document]) -> Exported {
    let mut losses = Losses::default();
    let tasks: Vec<Value> = docs
        .iter()
        .map(|d| {
            let mixed = d
                .entities
                .iter()
                .map(|e| e.provenance)
                .chain(d.claims.iter().map(|c| c.provenance))
                .fold((false, false), |(s, r), p| {
                    let sug = p == Some(Provenance::Suggested);
                    (s || sug, r || !sug)
                });
            if mixed == (true, true) {
                losses.add(
                    "document with both reviewed and suggested spans: the suggested ones go to `predictions`, which a re-import ignores once the task has an annotation (review them first to keep them)",
                    &d.id,
                );
            }
            task(d)
        })
        .collect();
    let mut bytes = serde_json::to_vec_pretty(&tasks).expect("JSON values always serialise");
    bytes.push(b'\n');
    Exported {
        bytes,
        warnings: losses.warnings("label-studio"),
    }
}

struct Reader<'a> {
    opts: &'a ImportOptions,
    notes: Vec<String>,
}

impl Reader<'_> {
    fn read_results(
        &mut self,
        results: &[Value],
        asm: &mut Assembly,
        place: &Place,
        suggested: bool,
    ) -> Result<(), FormatError> {
        let mut converted = false;
        for (i, r) in results.iter().enumerate() {
            let rid = r
                .get("id")
                .and_then(Value::as_str)
                .map(str::to_string)
                .unwrap_or_else(|| format!("result[{i}]"));
            let kind = r.get("type").and_then(Value::as_str).unwrap_or("");
            if kind == "relation" {
                let (Some(from), Some(to)) = (
                    r.get("from_id").and_then(Value::as_str),
                    r.get("to_id").and_then(Value::as_str),
                ) else {
                    continue;
                };
                let (from, to) = if r.get("direction").and_then(Value::as_str) == Some("left") {
                    (to, from)
                } else {
                    (from, to)
                };
                asm.relations.push(FlatRel {
                    from: from.to_string(),
                    to: to.to_string(),
                    name: format!("result[{i}] (relation {from} → {to})"),
                });
                continue;
            }
            let Some(value) = r.get("value") else {
                continue;
            };
            let Some(labels) = value
                .get("labels")
                .or_else(|| value.get("hypertextlabels"))
                .and_then(Value::as_array)
            else {
                self.notes
                    .push(format!("{place}: result item {rid} of type {kind:?} ignored (only labels and relations are read)"));
                continue;
            };
            let span_place = place.clone().span(rid.clone());
            let (Some(start), Some(end)) = (
                value.get("start").and_then(Value::as_u64),
                value.get("end").and_then(Value::as_u64),
            ) else {
                return Err(FormatError::new(
                    ErrorKind::Unsupported,
                    span_place,
                    "a region without integer value.start/end (HyperText XPath regions are not supported); label the plain Text",
                ));
            };
            let (mut start, mut end) = (start as usize, end as usize);
            let said = value.get("text").and_then(Value::as_str);
            if let Some(said) = said {
                if asm.check.check(start, end, Some(said)).is_err() {
                    if let Some((s, e)) = asm.check.utf16_to_chars(start, end) {
                        if asm.check.check(s, e, Some(said)).is_ok() {
                            (start, end) = (s, e);
                            converted = true;
                        }
                    }
                }
            }
            let names: Vec<&str> = labels.iter().filter_map(Value::as_str).collect();
            let Some(first) = names.first() else { continue };
            let role = match common::parse_role(first, self.opts) {
                Ok(Some(r)) => r,
                Ok(None) => continue,
                Err(m) => return Err(FormatError::new(ErrorKind::UnknownLabel, span_place, m)),
            };
            let alt: Vec<Label> = names[1..]
                .iter()
                .filter_map(|n| match common::parse_role(n, self.opts) {
                    Ok(Some(Role::Entity(l))) => Some(l),
                    _ => None,
                })
                .collect();
            let provenance = if suggested {
                Some(Provenance::Suggested)
            } else {
                match r.get("origin").and_then(Value::as_str) {
                    Some("manual") => Some(Provenance::Manual),
                    Some("prediction") => Some(Provenance::Accepted),
                    Some("prediction-changed") => Some(Provenance::Edited),
                    _ => None,
                }
            };
            asm.spans.push(FlatSpan {
                key: rid,
                start,
                end,
                role,
                text: said.map(str::to_string),
                extra: common::SpanExtra {
                    alt,
                    provenance,
                    ..Default::default()
                },
            });
        }
        if converted {
            self.notes.push(format!(
                "{place}: offsets counted in UTF-16 units (older Label Studio) were converted to code points"
            ));
        }
        Ok(())
    }

    fn read_task(
        &mut self,
        v: &Value,
        place: Place,
        n: usize,
    ) -> Result<(Document, Vec<FormatError>), FormatError> {
        let obj = v.as_object().filter(|o| o.contains_key("data")).ok_or_else(|| {
            FormatError::new(
                ErrorKind::WrongFormat,
                place.clone(),
                "expected a Label Studio task: an object with \"data\" (export the project as JSON)",
            )
        })?;
        let data = obj.get("data").and_then(Value::as_object).ok_or_else(|| {
            FormatError::new(
                ErrorKind::Json,
                place.clone(),
                "\"data\" should be an object",
            )
        })?;
        let id = common::id_string(data.get("id"))
            .or_else(|| common::id_string(obj.get("id")))
            .unwrap_or_else(|| format!("task-{n}"));
        let place = place.document(&id);
        let text = data
            .get("text")
            .and_then(Value::as_str)
            .or_else(|| {
                let strings: Vec<&str> = data.values().filter_map(Value::as_str).collect();
                (strings.len() == 1).then(|| strings[0])
            })
            .ok_or_else(|| {
                FormatError::new(
                    ErrorKind::WrongFormat,
                    place.clone(),
                    "no data.text: name the Text tag's value $text in the labelling configuration",
                )
            })?;
        let mut doc = Document::new(&id, text);
        let check = TextCheck::new(text);
        let mut asm = Assembly::new(&check, place.clone());
        let annotation = obj
            .get("annotations")
            .or_else(|| obj.get("completions"))
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter(|a| a.get("was_cancelled").and_then(Value::as_bool) != Some(true))
            .collect::<Vec<_>>();
        let predictions = obj
            .get("predictions")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        if annotation.len() > 1 {
            self.notes.push(format!(
                "{place}: {} annotations; the first was imported",
                annotation.len()
            ));
        }
        let empty = Vec::new();
        if let Some(a) = annotation.first() {
            let res = a.get("result").and_then(Value::as_array).unwrap_or(&empty);
            self.read_results(res, &mut asm, &place, false)?;
        } else if let Some(p) = predictions.first() {
            let res = p.get("result").and_then(Value::as_array).unwrap_or(&empty);
            self.read_results(res, &mut asm, &place, true)?;
        }
        let skipped = asm.finish(&mut doc)?;
        Extras::from_json(data.get("balise")).apply(&mut doc);
        for (k, v) in data {
            if !["text", "id", "balise"].contains(&k.as_str()) {
                doc.extra.insert(k.clone(), v.clone());
            }
        }
        Ok((doc, skipped))
    }
}

/// Reads a Label Studio JSON export (an array of tasks, or one task, or JSON lines of tasks).
pub fn import(f: &InputFile, opts: &ImportOptions, out: &mut Imported) {
    let text = match utf8(&f.name, &f.bytes) {
        Ok(t) => t,
        Err(e) => return out.skipped.push(e),
    };
    let mut reader = Reader {
        opts,
        notes: Vec::new(),
    };
    let records = if text.trim_start().starts_with('{') {
        match serde_json::from_str::<Value>(text) {
            Ok(v) => vec![Ok((Place::file(&f.name), v))],
            Err(_) => common::json_records(&f.name, text),
        }
    } else {
        common::json_records(&f.name, text)
    };
    for (n, r) in records.into_iter().enumerate() {
        match r {
            Ok((place, v)) => match reader.read_task(&v, place, n + 1) {
                Ok((doc, skipped)) => {
                    out.documents.push(doc);
                    out.skipped.extend(skipped);
                }
                Err(mut e) => {
                    if e.kind == ErrorKind::WrongFormat {
                        e.message.push_str(&super::hint(
                            super::Format::LabelStudio,
                            &f.name,
                            &f.bytes,
                        ));
                    }
                    out.skipped.push(e)
                }
            },
            Err(mut e) => {
                e.message
                    .push_str(&super::hint(super::Format::LabelStudio, &f.name, &f.bytes));
                out.skipped.push(e);
            }
        }
    }
    out.notes.extend(reader.notes);
}
