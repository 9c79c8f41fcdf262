//! spaCy / Prodigy JSONL: one task per line with `text`, `tokens` (`text`, `start`, `end`, `id`,
//! `ws`), `spans` (`start`, `end`, `token_start`, `token_end` inclusive, `label`) and `relations`
//! (`head`, `child` token indices, `head_span`, `child_span`, `label`), offsets in code points.
//!
//! Entities are spans labelled `PER`…`NUM`; each claim is a span labelled `CLAIM_<KIND>` with
//! relations `cue`, `source`, `source_ref` to spans labelled `CUE`, `SOURCE`, `SOURCE_REF`. Tokens
//! come from Balise's tokenizer, cut at every span boundary, so `Doc.char_span` finds every span.
//! The document id goes in `meta.id`; alt labels, optional, hedged, provenance and status in a
//! `balise` object. Prodigy tasks answered `reject` or `ignore` are skipped on import.
//!
//! ```json
//! {"text":"Paris a dit","tokens":[{"text":"Paris","start":0,"end":5,"id":0,"ws":true},…],
//!  "spans":[{"start":0,"end":5,"token_start":0,"token_end":0,"label":"LOC","text":"Paris"}],
//!  "relations":[],"meta":{"id":"a"}}
//! ```

use super::common::{self, utf8, Assembly, Extras, Flat, FlatRel, FlatSpan, TextCheck};
use super::error::{ErrorKind, FormatError, Place};
use super::tokens::{token_range, tokenize, Tok};
use super::{Exported, ImportOptions, Imported, InputFile};
use crate::document::Document;
use crate::offsets::{OffsetMap, Unit};
use serde_json::{json, Map, Value};

/// Keys this format writes itself; every other key of a task is kept in [`Document::extra`].
const OWN_KEYS: [&str; 7] = [
    "text",
    "tokens",
    "spans",
    "relations",
    "meta",
    "balise",
    "id",
];

/// Tokens of a document cut at every span boundary, and its spans flattened.
pub(crate) struct Tokenized {
    pub toks: Vec<Tok>,
    pub map: OffsetMap,
    pub flat: Flat,
}

impl Tokenized {
    pub fn new(doc: &Document) -> Tokenized {
        let map = OffsetMap::new(&doc.text);
        let flat = Flat::of(doc);
        let cuts: Vec<usize> = flat
            .spans
            .iter()
            .flat_map(|s| [s.start, s.end])
            .filter_map(|c| map.convert(c, Unit::Char, Unit::Byte).ok())
            .collect();
        let toks = tokenize(&doc.text, &cuts);
        Tokenized { toks, map, flat }
    }
    pub fn char(&self, byte: usize) -> usize {
        self.map.convert(byte, Unit::Byte, Unit::Char).unwrap_or(0)
    }
    /// Token range (inclusive) of a code-point span.
    pub fn range(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        let b0 = self.map.convert(start, Unit::Char, Unit::Byte).ok()?;
        let b1 = self.map.convert(end, Unit::Char, Unit::Byte).ok()?;
        token_range(&self.toks, b0, b1)
    }
}

fn span_json(t: &Tokenized, s: &common::OutSpan) -> Value {
    let mut m = Map::new();
    m.insert("start".into(), json!(s.start));
    m.insert("end".into(), json!(s.end));
    if let Some((a, b)) = t.range(s.start, s.end) {
        m.insert("token_start".into(), json!(a));
        m.insert("token_end".into(), json!(b));
    }
    m.insert("label".into(), json!(s.role.label()));
    m.insert("text".into(), json!(s.text));
    Value::Object(m)
}

/// The JSON task of one document.
pub fn task(doc: &Document) -> Value {
    let t = Tokenized::new(doc);
    let tokens: Vec<Value> = t
        .toks
        .iter()
        .enumerate()
        .map(|(i, k)| {
            json!({"text": &doc.text[k.start..k.end], "start": t.char(k.start), "end": t.char(k.end), "id": i, "ws": k.ws})
        })
        .collect();
    let spans: Vec<Value> = t.flat.spans.iter().map(|s| span_json(&t, s)).collect();
    let relations: Vec<Value> = t
        .flat
        .relations
        .iter()
        .map(|r| {
            let (h, c) = (&t.flat.spans[r.from], &t.flat.spans[r.to]);
            let head = t.range(h.start, h.end).map_or(0, |r| r.1);
            let child = t.range(c.start, c.end).map_or(0, |r| r.1);
            json!({"head": head, "child": child, "head_span": span_json(&t, h), "child_span": span_json(&t, c), "label": r.role.relation()})
        })
        .collect();
    let mut m = Map::new();
    m.insert("text".into(), json!(doc.text));
    m.insert("tokens".into(), Value::Array(tokens));
    m.insert("spans".into(), Value::Array(spans));
    m.insert("relations".into(), Value::Array(relations));
    let mut meta = match doc.extra.get("meta") {
        Some(Value::Object(m)) => m.clone(),
        _ => Map::new(),
    };
    meta.insert("id".into(), json!(doc.id));
    m.insert("meta".into(), Value::Object(meta));
    if let Some(x) = Extras::of(doc).to_json() {
        m.insert("balise".into(), x);
    }
    for (k, v) in &doc.extra {
        if k != "meta" && !OWN_KEYS.contains(&k.as_str()) {
            m.insert(k.clone(), v.clone());
        }
    }
    Value::Object(m)
}

/// Writes spaCy/Prodigy JSONL.
pub fn export(docs: &[Document]) -> Exported {
    let mut bytes = Vec::new();
    let mut losses = common::Losses::default();
    for d in docs {
        let t = task(d);
        if !spans_on_tokens(&t) {
            losses.add(
                "span without token_start/token_end: it starts or ends inside whitespace, so Doc.char_span will not find it",
                &d.id,
            );
        }
        serde_json::to_writer(&mut bytes, &t).expect("JSON values always serialise");
        bytes.push(b'\n');
    }
    Exported {
        bytes,
        warnings: losses.warnings("spacy"),
    }
}

fn usize_of(v: &Value, key: &str) -> Option<usize> {
    v.get(key)?.as_u64().and_then(|n| usize::try_from(n).ok())
}

/// Reads one task into a document.
pub fn read_task(
    v: &Value,
    place: Place,
    opts: &ImportOptions,
) -> Result<(Option<Document>, Vec<FormatError>), FormatError> {
    let obj = v.as_object().ok_or_else(|| {
        FormatError::new(
            ErrorKind::WrongFormat,
            place.clone(),
            "expected a JSON object with \"text\" and \"spans\" (one task per line)",
        )
    })?;
    let meta = obj.get("meta").and_then(Value::as_object);
    let id = common::id_string(obj.get("id"))
        .or_else(|| common::id_string(meta.and_then(|m| m.get("id"))))
        .unwrap_or_default();
    let place = if id.is_empty() {
        place
    } else {
        place.document(&id)
    };
    let text = obj.get("text").and_then(Value::as_str).ok_or_else(|| {
        FormatError::new(
            ErrorKind::WrongFormat,
            place.clone(),
            "no \"text\" string: a spaCy/Prodigy task needs its text",
        )
    })?;
    if let Some(answer) = obj.get("answer").and_then(Value::as_str) {
        if answer != "accept" {
            return Ok((
                None,
                vec![FormatError::new(
                    ErrorKind::Unsupported,
                    place,
                    format!("task answered {answer:?} in Prodigy: skipped"),
                )],
            ));
        }
    }
    let mut doc = Document::new(&id, text);
    let check = TextCheck::new(text);
    let mut asm = Assembly::new(&check, place.clone());
    let spans = obj.get("spans").and_then(Value::as_array);
    for (i, s) in spans.into_iter().flatten().enumerate() {
        let (Some(start), Some(end)) = (usize_of(s, "start"), usize_of(s, "end")) else {
            return Err(FormatError::new(
                ErrorKind::Json,
                place.clone().span(format!("spans[{i}]")),
                "a span needs integer \"start\" and \"end\" (code points)",
            ));
        };
        let label = s.get("label").and_then(Value::as_str).unwrap_or("");
        let role = match common::parse_role(label, opts) {
            Ok(Some(r)) => r,
            Ok(None) => continue,
            Err(m) => {
                return Err(FormatError::new(
                    ErrorKind::UnknownLabel,
                    place.clone().span(format!("spans[{i}] {start}..{end}")),
                    m,
                ))
            }
        };
        asm.spans.push(FlatSpan {
            key: format!("{start}:{end}:{}", role.label()),
            start,
            end,
            role,
            text: s.get("text").and_then(Value::as_str).map(str::to_string),
            extra: Default::default(),
        });
    }
    let key_of = |s: &Value| -> Option<String> {
        let label = s.get("label")?.as_str()?;
        let role = common::parse_role(label, opts).ok()??;
        Some(format!(
            "{}:{}:{}",
            usize_of(s, "start")?,
            usize_of(s, "end")?,
            role.label()
        ))
    };
    for (i, r) in obj
        .get("relations")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .enumerate()
    {
        let (Some(from), Some(to)) = (
            r.get("head_span").and_then(key_of),
            r.get("child_span").and_then(key_of),
        ) else {
            asm.skipped.push(FormatError::new(
                ErrorKind::Json,
                place.clone().span(format!("relations[{i}]")),
                "relation without head_span/child_span (start, end, label): skipped",
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
        if !OWN_KEYS.contains(&k.as_str()) {
            doc.extra.insert(k.clone(), v.clone());
        }
    }
    if let Some(m) = meta {
        let rest: Map<String, Value> = m
            .iter()
            .filter(|(k, _)| k.as_str() != "id")
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        if !rest.is_empty() {
            doc.extra.insert("meta".into(), Value::Object(rest));
        }
    }
    Ok((Some(doc), skipped))
}

/// Reads one spaCy/Prodigy JSONL file.
pub fn import(f: &InputFile, opts: &ImportOptions, out: &mut Imported) {
    let text = match utf8(&f.name, &f.bytes) {
        Ok(t) => t,
        Err(e) => return out.skipped.push(e),
    };
    for r in common::json_records(&f.name, text) {
        let (place, v) = match r {
            Ok(pv) => pv,
            Err(mut e) => {
                e.message
                    .push_str(&super::hint(super::Format::Spacy, &f.name, &f.bytes));
                out.skipped.push(e);
                continue;
            }
        };
        match read_task(&v, place, opts) {
            Ok((doc, skipped)) => {
                out.documents.extend(doc);
                out.skipped.extend(skipped);
            }
            Err(e) => out.skipped.push(e),
        }
    }
}

/// Checks that every span of a task lies on its tokens (what `Doc.char_span` needs).
pub fn spans_on_tokens(task: &Value) -> bool {
    let toks = task["tokens"].as_array().cloned().unwrap_or_default();
    let starts: Vec<u64> = toks.iter().filter_map(|t| t["start"].as_u64()).collect();
    let ends: Vec<u64> = toks.iter().filter_map(|t| t["end"].as_u64()).collect();
    task["spans"].as_array().into_iter().flatten().all(|s| {
        let (a, b) = (s["start"].as_u64(), s["end"].as_u64());
        a.is_some_and(|a| starts.contains(&a)) && b.is_some_and(|b| ends.contains(&b))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn task_has_tokens_spans_and_relations() {
        let text = "« Non », a-t-il dit à l’AFP.";
        let sp = |n: &str| {
            let (start, end) = common::find_chars(text, n).unwrap();
            json!({"start": start, "end": end})
        };
        let (afp, _) = common::find_chars(text, "AFP").unwrap();
        let mut source = sp("a-t-il");
        source["start"] = json!(source["end"].as_u64().unwrap() - 2);
        let v = json!({"id": "a", "text": text,
            "entities": [{"start": afp, "end": afp + 3, "label": "ORG"}],
            "claims": [{"kind": "direct", "content": sp("Non"), "cue": sp("a-t-il"), "source": source}]});
        let doc: Document = serde_json::from_value(v).unwrap();
        let doc = common::checked(&doc).unwrap();
        let t = task(&doc);
        assert!(spans_on_tokens(&t));
        let labels: Vec<&str> = t["spans"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["label"].as_str().unwrap())
            .collect();
        assert_eq!(labels, ["ORG", "CLAIM_DIRECT", "CUE", "SOURCE"]);
        let texts: Vec<&str> = t["spans"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["text"].as_str().unwrap())
            .collect();
        assert_eq!(texts, ["AFP", "Non", "a-t-il", "il"]);
        assert_eq!(t["relations"].as_array().unwrap().len(), 2);
        let (back, skipped) = read_task(&t, Place::default(), &ImportOptions::default()).unwrap();
        assert!(skipped.is_empty(), "{skipped:?}");
        let back = back.unwrap();
        assert_eq!(back.entities, doc.entities);
        assert_eq!(back.claims, doc.claims);
        assert_eq!(back.id, "a");
    }
}
