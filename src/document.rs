//! Documents as files hold them: Unicode **code point** offsets, every span with its text.
//!
//! This is Balise's JSONL line (`balise annotate` output, `balise eval` input):
//! `{"id", "text", "entities": [{"start","end","label","text"}], "claims": [{"kind","content":
//! {"start","end","text"},"cue": {…}|null,"source": {…}|null}]}`.
//! Converting between a [`Document`] and the core's byte-offset [`Annotation`] happens here and
//! nowhere else.

use crate::annotation::{Annotation, Claim, ClaimKind, Entity, Label, Span};
use crate::offsets::{OffsetError, OffsetMap, Unit};
use serde::{Deserialize, Serialize};

fn is_false(b: &bool) -> bool {
    !*b
}

/// Where a span comes from, for the editor's review workflow (absent in plain gold or model files).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Provenance {
    /// Proposed by a model (Balise or an imported pre-annotation), not reviewed yet; written
    /// `"model"` (`"suggested"` is read too).
    #[serde(rename = "model", alias = "suggested")]
    Suggested,
    /// A suggestion an annotator accepted unchanged.
    Accepted,
    /// A suggestion an annotator changed (span or label).
    Edited,
    /// Added by hand.
    Manual,
}

impl Provenance {
    pub const ALL: [Provenance; 4] = [
        Provenance::Suggested,
        Provenance::Accepted,
        Provenance::Edited,
        Provenance::Manual,
    ];
    /// The name used in files: `model`, `accepted`, `edited`, `manual`.
    pub fn as_str(self) -> &'static str {
        match self {
            Provenance::Suggested => "model",
            Provenance::Accepted => "accepted",
            Provenance::Edited => "edited",
            Provenance::Manual => "manual",
        }
    }
    /// Parses a name written by [`Provenance::as_str`] (or the older `suggested`).
    pub fn parse(s: &str) -> Option<Provenance> {
        if s == "suggested" {
            return Some(Provenance::Suggested);
        }
        Provenance::ALL.into_iter().find(|p| p.as_str() == s)
    }
}

/// Where a document stands in the annotation queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Written `"todo"` (`"to_do"` is read too).
    #[serde(rename = "todo", alias = "to_do")]
    ToDo,
    InProgress,
    Done,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::ToDo, Status::InProgress, Status::Done];
    /// The name used in files: `todo`, `in_progress`, `done`.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::ToDo => "todo",
            Status::InProgress => "in_progress",
            Status::Done => "done",
        }
    }
    /// Parses a name written by [`Status::as_str`] (or `to_do`).
    pub fn parse(s: &str) -> Option<Status> {
        if s == "to_do" {
            return Some(Status::ToDo);
        }
        Status::ALL.into_iter().find(|p| p.as_str() == s)
    }
}

/// A span in code points with the text it covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocSpan {
    pub start: usize,
    pub end: usize,
    #[serde(default)]
    pub text: String,
}

/// An entity in code points.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocEntity {
    pub start: usize,
    pub end: usize,
    pub label: Label,
    #[serde(default)]
    pub text: String,
    /// Other labels also accepted for this span (gold data).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alt: Vec<Label>,
    /// The span may be found or not without penalty (gold data).
    #[serde(default, skip_serializing_if = "is_false")]
    pub optional: bool,
    /// Where the span comes from (editor review state); absent when unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provenance: Option<Provenance>,
}

/// A claim in code points.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocClaim {
    pub kind: ClaimKind,
    pub content: DocSpan,
    pub cue: Option<DocSpan>,
    pub source: Option<DocSpan>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_ref: Option<DocSpan>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub hedged: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    pub optional: bool,
    /// Where the claim comes from (editor review state); absent when unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provenance: Option<Provenance>,
}

/// One document with its annotations, offsets in code points.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    #[serde(default)]
    pub id: String,
    pub text: String,
    #[serde(default)]
    pub entities: Vec<DocEntity>,
    #[serde(default)]
    pub claims: Vec<DocClaim>,
    /// Where the document stands in the annotation queue; absent when unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// Every other field of the JSON object (`source`, `license`, `meta`…), kept as read so that
    /// reading and writing a file loses nothing.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// Why a document's spans do not fit its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SpanError {
    Offset(OffsetError),
    /// A span's `text` differs from the text at its offsets.
    TextMismatch {
        start: usize,
        end: usize,
        expected: String,
        found: String,
    },
    /// `start` is after `end`.
    Reversed {
        start: usize,
        end: usize,
    },
}

impl std::fmt::Display for SpanError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SpanError::Offset(e) => e.fmt(f),
            SpanError::TextMismatch {
                start,
                end,
                expected,
                found,
            } => write!(
                f,
                "span {start}..{end} says {expected:?} but the text there is {found:?}; offsets must count Unicode code points"
            ),
            SpanError::Reversed { start, end } => {
                write!(f, "span {start}..{end} starts after it ends")
            }
        }
    }
}
impl std::error::Error for SpanError {}

impl From<OffsetError> for SpanError {
    fn from(e: OffsetError) -> Self {
        SpanError::Offset(e)
    }
}

fn doc_span(text: &str, map: &OffsetMap, s: Span) -> DocSpan {
    let (start, end) = map
        .convert_span(s.start, s.end, Unit::Byte, Unit::Char)
        .expect("core spans lie on char boundaries");
    DocSpan {
        start,
        end,
        text: text[s.start..s.end].to_string(),
    }
}

fn byte_span(text: &str, map: &OffsetMap, s: &DocSpan) -> Result<Span, SpanError> {
    if s.start > s.end {
        return Err(SpanError::Reversed {
            start: s.start,
            end: s.end,
        });
    }
    let (b0, b1) = map.convert_span(s.start, s.end, Unit::Char, Unit::Byte)?;
    let found = &text[b0..b1];
    if !s.text.is_empty() && s.text != found {
        return Err(SpanError::TextMismatch {
            start: s.start,
            end: s.end,
            expected: s.text.clone(),
            found: found.to_string(),
        });
    }
    Ok(Span::new(b0, b1))
}

impl Document {
    /// Builds the file form of an annotation of `text`.
    ///
    /// ```
    /// use balise::{Annotation, Entity, Label, Document};
    /// let text = "🙂 Paris";
    /// let ann = Annotation { entities: vec![Entity { start: 5, end: 10, label: Label::LOC }], claims: vec![] };
    /// let doc = Document::from_annotation("d1", text, &ann);
    /// assert_eq!((doc.entities[0].start, doc.entities[0].end), (2, 7)); // code points
    /// assert_eq!(doc.entities[0].text, "Paris");
    /// ```
    pub fn from_annotation(id: &str, text: &str, ann: &Annotation) -> Document {
        let map = OffsetMap::new(text);
        let entities = ann
            .entities
            .iter()
            .map(|e| {
                let s = doc_span(text, &map, e.span());
                DocEntity {
                    start: s.start,
                    end: s.end,
                    label: e.label,
                    text: s.text,
                    alt: Vec::new(),
                    optional: false,
                    provenance: None,
                }
            })
            .collect();
        let claims = ann
            .claims
            .iter()
            .map(|c| DocClaim {
                kind: c.kind,
                content: doc_span(text, &map, c.content),
                cue: c.cue.map(|s| doc_span(text, &map, s)),
                source: c.source.map(|s| doc_span(text, &map, s)),
                source_ref: c.source_ref.map(|s| doc_span(text, &map, s)),
                hedged: c.hedged,
                optional: false,
                provenance: None,
            })
            .collect();
        Document {
            id: id.to_string(),
            text: text.to_string(),
            entities,
            claims,
            status: None,
            extra: serde_json::Map::new(),
        }
    }

    /// A document with no annotation yet.
    pub fn new(id: &str, text: &str) -> Document {
        Document {
            id: id.to_string(),
            text: text.to_string(),
            entities: Vec::new(),
            claims: Vec::new(),
            status: None,
            extra: serde_json::Map::new(),
        }
    }

    /// Converts back to the core's byte offsets, checking every span against the text.
    pub fn to_annotation(&self) -> Result<Annotation, SpanError> {
        let text = &self.text;
        let map = OffsetMap::new(text);
        let mut entities = Vec::with_capacity(self.entities.len());
        for e in &self.entities {
            let s = byte_span(
                text,
                &map,
                &DocSpan {
                    start: e.start,
                    end: e.end,
                    text: e.text.clone(),
                },
            )?;
            entities.push(Entity {
                start: s.start,
                end: s.end,
                label: e.label,
            });
        }
        let mut claims = Vec::with_capacity(self.claims.len());
        for c in &self.claims {
            let opt = |s: &Option<DocSpan>| -> Result<Option<Span>, SpanError> {
                s.as_ref().map(|s| byte_span(text, &map, s)).transpose()
            };
            claims.push(Claim {
                kind: c.kind,
                content: byte_span(text, &map, &c.content)?,
                cue: opt(&c.cue)?,
                source: opt(&c.source)?,
                source_ref: opt(&c.source_ref)?,
                hedged: c.hedged,
            });
        }
        Ok(Annotation { entities, claims })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_non_ascii() {
        let text = "e\u{301}te\u{301} 🙂\r\nSelon l’AFP, 3\u{202F}500 soldats";
        let afp = text.find("AFP").unwrap();
        let selon = text.find("Selon").unwrap();
        let ann = Annotation {
            entities: vec![Entity {
                start: afp,
                end: afp + 3,
                label: Label::ORG,
            }],
            claims: vec![Claim {
                kind: ClaimKind::AccordingTo,
                content: Span::new(text.find('3').unwrap(), text.len()),
                cue: Some(Span::new(selon, selon + 5)),
                source: Some(Span::new(afp - "l’".len(), afp + 3)),
                source_ref: None,
                hedged: false,
            }],
        };
        let doc = Document::from_annotation("x", text, &ann);
        assert_eq!(doc.entities[0].text, "AFP");
        let chars: Vec<char> = text.chars().collect();
        let e = &doc.entities[0];
        assert_eq!(chars[e.start..e.end].iter().collect::<String>(), "AFP");
        assert_eq!(doc.claims[0].source.as_ref().unwrap().text, "l’AFP");
        let json = serde_json::to_string(&doc).unwrap();
        let back: Document = serde_json::from_str(&json).unwrap();
        assert_eq!(back.to_annotation().unwrap(), ann);
    }

    #[test]
    fn mismatched_text_is_reported() {
        let doc: Document = serde_json::from_str(
            r#"{"id":"a","text":"🙂 Paris","entities":[{"start":3,"end":8,"label":"LOC","text":"Paris"}]}"#,
        )
        .unwrap();
        let err = doc.to_annotation().unwrap_err().to_string();
        assert!(err.contains("code points"), "{err}");
    }
}
