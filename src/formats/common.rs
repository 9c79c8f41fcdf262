//! What the exchange formats share: the span labels Balise writes, label maps, checking spans
//! against the text, per-span extras, and turning a list of labelled spans plus relations (the
//! model of spaCy, doccano, Label Studio and brat) into entities and claims and back.

use super::error::{ErrorKind, FormatError, Place};
use super::ImportOptions;
use crate::annotation::{ClaimKind, Label};
use crate::document::{DocClaim, DocEntity, DocSpan, Document, Provenance, Status};
use crate::offsets::{OffsetMap, Unit};
use serde_json::{json, Map, Value};
use std::collections::{BTreeMap, HashMap};

/// What a labelled span stands for in the exchange formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// An entity (label `PER`, `ORG`…).
    Entity(Label),
    /// A claim's content (label `CLAIM_DIRECT`, `CLAIM_INDIRECT`, `CLAIM_ACCORDING_TO`,
    /// `CLAIM_UNATTRIBUTED`).
    Claim(ClaimKind),
    /// A claim's cue (label `CUE`), linked from the claim by a relation.
    Cue,
    /// A claim's source (label `SOURCE`), linked from the claim by a relation.
    Source,
    /// The earlier span a claim's source refers to (label `SOURCE_REF`).
    SourceRef,
}

impl Role {
    /// The label written for this role.
    pub fn label(self) -> String {
        match self {
            Role::Entity(l) => l.as_str().to_string(),
            Role::Claim(k) => format!("CLAIM_{}", k.as_str().to_ascii_uppercase()),
            Role::Cue => "CUE".into(),
            Role::Source => "SOURCE".into(),
            Role::SourceRef => "SOURCE_REF".into(),
        }
    }
    /// The relation label from a claim to a span of this role (`cue`, `source`, `source_ref`).
    pub fn relation(self) -> &'static str {
        match self {
            Role::Cue => "cue",
            Role::Source => "source",
            Role::SourceRef => "source_ref",
            Role::Entity(_) | Role::Claim(_) => "",
        }
    }
    /// True for cue, source and source_ref spans, which belong to a claim.
    pub fn is_part(self) -> bool {
        matches!(self, Role::Cue | Role::Source | Role::SourceRef)
    }
    /// Every label Balise writes, for label configurations and error messages.
    pub fn all_labels() -> Vec<String> {
        let mut v: Vec<String> = Label::ALL.iter().map(|l| l.as_str().to_string()).collect();
        v.extend(ClaimKind::ALL.iter().map(|k| Role::Claim(*k).label()));
        v.extend(["CUE", "SOURCE", "SOURCE_REF"].map(String::from));
        v
    }
}

/// Reads a label written in a file: Balise's own labels (claim roles in any case, `direct` as
/// well as `CLAIM_DIRECT`) after the label map. `Ok(None)` = the map drops this label.
pub fn parse_role(label: &str, opts: &ImportOptions) -> Result<Option<Role>, String> {
    let label = match opts.label_map.get(label) {
        Some(None) => return Ok(None),
        Some(Some(to)) => to.as_str(),
        None => label,
    };
    if let Ok(l) = label.parse::<Label>() {
        return Ok(Some(Role::Entity(l)));
    }
    let lower = label.to_ascii_lowercase();
    let bare = lower.strip_prefix("claim_").unwrap_or(&lower);
    if let Ok(k) = bare.parse::<ClaimKind>() {
        return Ok(Some(Role::Claim(k)));
    }
    match lower.as_str() {
        "cue" => Ok(Some(Role::Cue)),
        "source" => Ok(Some(Role::Source)),
        "source_ref" | "sourceref" => Ok(Some(Role::SourceRef)),
        _ => Err(format!(
            "unknown label {label:?}: Balise knows {}; rename it with a label map (--map-label {label}=PER), or drop it (--map-label {label}=-)",
            Role::all_labels().join(", ")
        )),
    }
}

/// Checks code-point spans against one text and slices it.
pub struct TextCheck<'t> {
    pub text: &'t str,
    pub map: OffsetMap,
}

impl<'t> TextCheck<'t> {
    pub fn new(text: &'t str) -> Self {
        TextCheck {
            text,
            map: OffsetMap::new(text),
        }
    }
    /// The byte range of a code-point span, or why it does not fit the text.
    pub fn bytes(&self, start: usize, end: usize) -> Result<(usize, usize), String> {
        if start > end {
            return Err(format!(
                "span {start}..{end} ends before it starts; offsets are start (inclusive), end (exclusive)"
            ));
        }
        self.map
            .convert_span(start, end, Unit::Char, Unit::Byte)
            .map_err(|e| e.to_string())
    }
    /// The text of a code-point span.
    pub fn slice(&self, start: usize, end: usize) -> Result<&'t str, String> {
        let (a, b) = self.bytes(start, end)?;
        Ok(&self.text[a..b])
    }
    /// Checks a span and, when the file gives it, its text.
    pub fn check(&self, start: usize, end: usize, said: Option<&str>) -> Result<&'t str, String> {
        let found = self.slice(start, end)?;
        match said {
            Some(s) if s != found => Err(format!(
                "the file says {s:?} but the text at {start}..{end} is {found:?}; offsets must count Unicode code points into the document text"
            )),
            _ => Ok(found),
        }
    }
    /// Converts a UTF-16 span (JavaScript tools) to code points when it lies on characters.
    pub fn utf16_to_chars(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        self.map
            .convert_span(start, end, Unit::Utf16, Unit::Char)
            .ok()
    }
}

/// The flags a span may carry beyond its offsets and label.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SpanExtra {
    pub alt: Vec<Label>,
    pub optional: bool,
    pub hedged: bool,
    pub provenance: Option<Provenance>,
}

impl SpanExtra {
    pub fn is_empty(&self) -> bool {
        self.alt.is_empty() && !self.optional && !self.hedged && self.provenance.is_none()
    }
    fn to_json(&self) -> Value {
        let mut m = Map::new();
        if !self.alt.is_empty() {
            m.insert(
                "alt".into(),
                Value::Array(self.alt.iter().map(|l| json!(l.as_str())).collect()),
            );
        }
        if self.optional {
            m.insert("optional".into(), json!(true));
        }
        if self.hedged {
            m.insert("hedged".into(), json!(true));
        }
        if let Some(p) = self.provenance {
            m.insert("provenance".into(), json!(p.as_str()));
        }
        Value::Object(m)
    }
    fn from_json(v: &Value) -> SpanExtra {
        let alt = v
            .get("alt")
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(|l| l.as_str()?.parse::<Label>().ok())
                    .collect()
            })
            .unwrap_or_default();
        SpanExtra {
            alt,
            optional: v.get("optional").and_then(Value::as_bool).unwrap_or(false),
            hedged: v.get("hedged").and_then(Value::as_bool).unwrap_or(false),
            provenance: v
                .get("provenance")
                .and_then(Value::as_str)
                .and_then(Provenance::parse),
        }
    }
}

/// The key of a span in a `balise` extras object: `start:end:LABEL`.
pub fn span_key(start: usize, end: usize, role: Role) -> String {
    format!("{start}:{end}:{}", role.label())
}

/// Balise's own fields that a JSON format has no place for, written as one `"balise"` object:
/// `{"status": "done", "spans": {"12:17:LOC": {"alt": ["ORG"], "optional": true}}}`.
/// Spans are keyed by offsets and label, so a span edited in another tool simply loses its flags.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extras {
    pub status: Option<Status>,
    pub spans: BTreeMap<String, SpanExtra>,
}

impl Extras {
    /// Collects the extras of a document.
    pub fn of(doc: &Document) -> Extras {
        let mut spans = BTreeMap::new();
        for e in &doc.entities {
            let x = SpanExtra {
                alt: e.alt.clone(),
                optional: e.optional,
                hedged: false,
                provenance: e.provenance,
            };
            if !x.is_empty() {
                spans.insert(span_key(e.start, e.end, Role::Entity(e.label)), x);
            }
        }
        for c in &doc.claims {
            let x = SpanExtra {
                alt: vec![],
                optional: c.optional,
                hedged: c.hedged,
                provenance: c.provenance,
            };
            if !x.is_empty() {
                spans.insert(
                    span_key(c.content.start, c.content.end, Role::Claim(c.kind)),
                    x,
                );
            }
        }
        Extras {
            status: doc.status,
            spans,
        }
    }
    pub fn is_empty(&self) -> bool {
        self.status.is_none() && self.spans.is_empty()
    }
    /// The `"balise"` JSON object, or `None` when there is nothing to keep.
    pub fn to_json(&self) -> Option<Value> {
        if self.is_empty() {
            return None;
        }
        let mut m = Map::new();
        if let Some(s) = self.status {
            m.insert("status".into(), json!(s.as_str()));
        }
        if !self.spans.is_empty() {
            let spans: Map<String, Value> = self
                .spans
                .iter()
                .map(|(k, x)| (k.clone(), x.to_json()))
                .collect();
            m.insert("spans".into(), Value::Object(spans));
        }
        Some(Value::Object(m))
    }
    /// Reads a `"balise"` object; anything unreadable is ignored.
    pub fn from_json(v: Option<&Value>) -> Extras {
        let Some(v) = v else {
            return Extras::default();
        };
        let status = v
            .get("status")
            .and_then(Value::as_str)
            .and_then(Status::parse);
        let spans = v
            .get("spans")
            .and_then(Value::as_object)
            .map(|m| {
                m.iter()
                    .map(|(k, x)| (k.clone(), SpanExtra::from_json(x)))
                    .collect()
            })
            .unwrap_or_default();
        Extras { status, spans }
    }
    /// The extras of one span (empty when none).
    pub fn get(&self, start: usize, end: usize, role: Role) -> SpanExtra {
        self.spans
            .get(&span_key(start, end, role))
            .cloned()
            .unwrap_or_default()
    }
    /// Applies the extras to a document built from a file (fields already set are kept).
    pub fn apply(&self, doc: &mut Document) {
        if doc.status.is_none() {
            doc.status = self.status;
        }
        for e in &mut doc.entities {
            let x = self.get(e.start, e.end, Role::Entity(e.label));
            if e.alt.is_empty() {
                e.alt = x.alt;
            }
            e.optional |= x.optional;
            e.provenance = e.provenance.or(x.provenance);
        }
        for c in &mut doc.claims {
            let x = self.get(c.content.start, c.content.end, Role::Claim(c.kind));
            c.optional |= x.optional;
            c.hedged |= x.hedged;
            c.provenance = c.provenance.or(x.provenance);
        }
    }
}

/// A labelled span as the relation-based formats hold it (code points).
#[derive(Debug, Clone)]
pub struct FlatSpan {
    /// The span's id in its file (`T3`, a Label Studio region id, a doccano entity id).
    pub key: String,
    pub start: usize,
    pub end: usize,
    pub role: Role,
    /// The span's text as the file gives it, checked against the document text.
    pub text: Option<String>,
    pub extra: SpanExtra,
}

/// A relation between two spans by their keys.
#[derive(Debug, Clone)]
pub struct FlatRel {
    pub from: String,
    pub to: String,
    /// Where the relation is written, for messages (`R2`, a result id).
    pub name: String,
}

/// The spans and relations of one document, read from a file, ready to become a [`Document`].
pub struct Assembly<'a> {
    pub check: &'a TextCheck<'a>,
    pub place: Place,
    pub spans: Vec<FlatSpan>,
    pub relations: Vec<FlatRel>,
    /// Things read but not kept (reported to the user).
    pub skipped: Vec<FormatError>,
}

impl<'a> Assembly<'a> {
    pub fn new(check: &'a TextCheck<'a>, place: Place) -> Self {
        Assembly {
            check,
            place,
            spans: Vec::new(),
            relations: Vec::new(),
            skipped: Vec::new(),
        }
    }

    fn span_place(&self, s: &FlatSpan) -> Place {
        self.place.clone().span(format!(
            "{} {}..{} {}",
            s.key,
            s.start,
            s.end,
            s.role.label()
        ))
    }

    /// Builds the entities and claims. A span off the text is an error for the whole document;
    /// a relation to nowhere or a cue/source linked to no claim is skipped and reported.
    pub fn finish(mut self, doc: &mut Document) -> Result<Vec<FormatError>, FormatError> {
        let mut by_key: HashMap<&str, usize> = HashMap::new();
        let mut texts: Vec<String> = Vec::with_capacity(self.spans.len());
        for (i, s) in self.spans.iter().enumerate() {
            let found = self
                .check
                .check(s.start, s.end, s.text.as_deref())
                .map_err(|m| FormatError::new(offset_kind(&m), self.span_place(s), m))?;
            texts.push(found.to_string());
            by_key.entry(s.key.as_str()).or_insert(i);
        }
        for (s, text) in self.spans.iter().zip(&texts) {
            if let Role::Entity(label) = s.role {
                doc.entities.push(DocEntity {
                    start: s.start,
                    end: s.end,
                    label,
                    text: text.clone(),
                    alt: s.extra.alt.clone(),
                    optional: s.extra.optional,
                    provenance: s.extra.provenance,
                });
            }
        }
        // claim index in doc.claims for each claim span
        let mut claim_of: HashMap<usize, usize> = HashMap::new();
        for (i, (s, text)) in self.spans.iter().zip(&texts).enumerate() {
            if let Role::Claim(kind) = s.role {
                claim_of.insert(i, doc.claims.len());
                doc.claims.push(DocClaim {
                    kind,
                    content: DocSpan {
                        start: s.start,
                        end: s.end,
                        text: text.clone(),
                    },
                    cue: None,
                    source: None,
                    source_ref: None,
                    hedged: s.extra.hedged,
                    optional: s.extra.optional,
                    provenance: s.extra.provenance,
                });
            }
        }
        let mut linked = vec![false; self.spans.len()];
        for r in &self.relations {
            let (Some(&a), Some(&b)) = (by_key.get(r.from.as_str()), by_key.get(r.to.as_str()))
            else {
                self.skipped.push(FormatError::new(
                    ErrorKind::Syntax,
                    self.place.clone().span(r.name.clone()),
                    format!(
                        "relation from {:?} to {:?} points to a span that does not exist; skipped",
                        r.from, r.to
                    ),
                ));
                continue;
            };
            // claim → part, or part → claim (either direction is accepted)
            let (claim, part) = match (claim_of.get(&a), claim_of.get(&b)) {
                (Some(&c), None) if self.spans[b].role.is_part() => (c, b),
                (None, Some(&c)) if self.spans[a].role.is_part() => (c, a),
                _ => {
                    self.skipped.push(FormatError::new(
                        ErrorKind::Unsupported,
                        self.place.clone().span(r.name.clone()),
                        format!(
                            "relation between {} and {} is not claim → CUE/SOURCE/SOURCE_REF, which is all Balise holds; skipped",
                            self.spans[a].role.label(),
                            self.spans[b].role.label()
                        ),
                    ));
                    continue;
                }
            };
            let s = &self.spans[part];
            let span = DocSpan {
                start: s.start,
                end: s.end,
                text: texts[part].clone(),
            };
            let c = &mut doc.claims[claim];
            let slot = match s.role {
                Role::Cue => &mut c.cue,
                Role::Source => &mut c.source,
                _ => &mut c.source_ref,
            };
            if slot.is_some() {
                self.skipped.push(FormatError::new(
                    ErrorKind::Unsupported,
                    self.place.clone().span(r.name.clone()),
                    format!(
                        "claim {}..{} already has a {}; this second one is skipped",
                        c.content.start,
                        c.content.end,
                        s.role.relation()
                    ),
                ));
                continue;
            }
            *slot = Some(span);
            linked[part] = true;
        }
        for (i, s) in self.spans.iter().enumerate() {
            if s.role.is_part() && !linked[i] {
                self.skipped.push(FormatError::new(
                    ErrorKind::Unsupported,
                    self.span_place(s),
                    format!(
                        "{} {:?} is linked to no claim; link it from a CLAIM_* span with a relation, or it is skipped",
                        s.role.label(),
                        texts[i]
                    ),
                ));
            }
        }
        Ok(self.skipped)
    }
}

fn offset_kind(message: &str) -> ErrorKind {
    if message.contains("the file says") {
        ErrorKind::TextMismatch
    } else {
        ErrorKind::Offset
    }
}

/// A span to write, with the relations from claims to their parts.
#[derive(Debug, Clone)]
pub struct OutSpan {
    pub start: usize,
    pub end: usize,
    pub role: Role,
    pub text: String,
    pub extra: SpanExtra,
}

/// A relation to write: span indices into [`Flat::spans`].
#[derive(Debug, Clone, Copy)]
pub struct OutRel {
    pub from: usize,
    pub to: usize,
    pub role: Role,
}

/// A document as labelled spans and relations: entities first, then each claim's content
/// followed by its parts; a part shared by several claims (`« A », dit-il, « B »`) is written once.
#[derive(Debug, Clone, Default)]
pub struct Flat {
    pub spans: Vec<OutSpan>,
    pub relations: Vec<OutRel>,
}

impl Flat {
    pub fn of(doc: &Document) -> Flat {
        let mut f = Flat::default();
        for e in &doc.entities {
            f.spans.push(OutSpan {
                start: e.start,
                end: e.end,
                role: Role::Entity(e.label),
                text: e.text.clone(),
                extra: SpanExtra {
                    alt: e.alt.clone(),
                    optional: e.optional,
                    hedged: false,
                    provenance: e.provenance,
                },
            });
        }
        let mut parts: HashMap<(usize, usize, Role), usize> = HashMap::new();
        for c in &doc.claims {
            let ci = f.spans.len();
            f.spans.push(OutSpan {
                start: c.content.start,
                end: c.content.end,
                role: Role::Claim(c.kind),
                text: c.content.text.clone(),
                extra: SpanExtra {
                    alt: vec![],
                    optional: c.optional,
                    hedged: c.hedged,
                    provenance: c.provenance,
                },
            });
            for (span, role) in [
                (&c.cue, Role::Cue),
                (&c.source, Role::Source),
                (&c.source_ref, Role::SourceRef),
            ] {
                let Some(s) = span else { continue };
                let pi = *parts.entry((s.start, s.end, role)).or_insert_with(|| {
                    f.spans.push(OutSpan {
                        start: s.start,
                        end: s.end,
                        role,
                        text: s.text.clone(),
                        extra: SpanExtra::default(),
                    });
                    f.spans.len() - 1
                });
                f.relations.push(OutRel {
                    from: ci,
                    to: pi,
                    role,
                });
            }
        }
        f
    }
}

/// Checks every span of a document against its text before it is written, filling in missing
/// span texts; an export never writes offsets that do not fit.
pub fn checked(doc: &Document) -> Result<Document, FormatError> {
    let check = TextCheck::new(&doc.text);
    let mut d = doc.clone();
    let place = Place::default().document(&doc.id);
    let fix = |s: &mut DocSpan, what: &str| -> Result<(), FormatError> {
        let said = (!s.text.is_empty()).then_some(s.text.as_str());
        let found = check.check(s.start, s.end, said).map_err(|m| {
            FormatError::new(
                offset_kind(&m),
                place.clone().span(format!("{}..{} {what}", s.start, s.end)),
                m,
            )
        })?;
        s.text = found.to_string();
        Ok(())
    };
    for e in &mut d.entities {
        let mut s = DocSpan {
            start: e.start,
            end: e.end,
            text: std::mem::take(&mut e.text),
        };
        fix(&mut s, e.label.as_str())?;
        e.text = s.text;
    }
    for c in &mut d.claims {
        fix(&mut c.content, "claim content")?;
        if let Some(s) = &mut c.cue {
            fix(s, "cue")?;
        }
        if let Some(s) = &mut c.source {
            fix(s, "source")?;
        }
        if let Some(s) = &mut c.source_ref {
            fix(s, "source_ref")?;
        }
    }
    Ok(d)
}

/// Reads a JSON id (string or number) as a string.
pub fn id_string(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Decodes UTF-8, dropping a byte-order mark; the error names the file and byte.
pub fn utf8<'b>(file: &str, bytes: &'b [u8]) -> Result<&'b str, FormatError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| {
        FormatError::new(
            ErrorKind::Utf8,
            Place::file(file),
            format!(
                "not valid UTF-8 (byte {}); save the file as UTF-8, or check the format asked for",
                e.valid_up_to()
            ),
        )
    })
}

/// Counts of things a format could not hold, turned into one warning each.
#[derive(Debug, Default)]
pub struct Losses {
    items: BTreeMap<&'static str, (usize, String)>,
}

impl Losses {
    /// Notes one thing lost in document `doc`.
    pub fn add(&mut self, what: &'static str, doc: &str) {
        let e = self.items.entry(what).or_insert((0, doc.to_string()));
        e.0 += 1;
    }
    /// One line per kind of loss: `12 claims not written (CoNLL holds entities only; first in document "a")`.
    pub fn warnings(&self, format: &str) -> Vec<String> {
        self.items
            .iter()
            .map(|(what, (n, doc))| format!("{format}: {n} × {what} (first in document {doc:?})"))
            .collect()
    }
}

/// The JSON records of a file: a JSON array, JSON lines, or JSON values one after another
/// (pretty-printed). Each record comes with its place (file and line); a line that is not JSON
/// is an error at that line and reading goes on with the next.
pub fn json_records(file: &str, text: &str) -> Vec<Result<(Place, Value), FormatError>> {
    use super::error::json_error;
    let line_of = |byte: usize| text[..byte.min(text.len())].matches('\n').count() + 1;
    let trimmed = text.trim_start();
    if trimmed.starts_with('[') {
        return match serde_json::from_str::<Vec<Value>>(text) {
            Ok(values) => values
                .into_iter()
                .enumerate()
                .map(|(i, v)| Ok((Place::file(file).span(format!("item {}", i + 1)), v)))
                .collect(),
            Err(e) => vec![Err(json_error(Place::file(file).line(e.line()), &e))],
        };
    }
    let mut out = Vec::new();
    let mut first_failed = false;
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let place = Place::file(file).line(i + 1);
        match serde_json::from_str::<Value>(line) {
            Ok(v) => out.push(Ok((place, v))),
            Err(e) => {
                if out.is_empty() {
                    first_failed = true;
                }
                out.push(Err(json_error(place, &e)));
            }
        }
    }
    if first_failed {
        // maybe pretty-printed values one after another
        let mut stream = serde_json::Deserializer::from_str(text).into_iter::<Value>();
        let mut values = Vec::new();
        loop {
            let at = stream.byte_offset();
            match stream.next() {
                None => return values,
                Some(Ok(v)) => {
                    let skip_ws = text[at..].len() - text[at..].trim_start().len();
                    values.push(Ok((Place::file(file).line(line_of(at + skip_ws)), v)));
                }
                Some(Err(_)) => break,
            }
        }
    }
    out
}

/// Code-point offsets of the first occurrence of `needle` in `text` (for tests and examples).
pub fn find_chars(text: &str, needle: &str) -> Option<(usize, usize)> {
    let b = text.find(needle)?;
    let start = text[..b].chars().count();
    Some((start, start + needle.chars().count()))
}
