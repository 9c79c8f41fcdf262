//! Plain data types of one annotated document, as the core produces them.
//!
//! Inside the core every offset is a **UTF-8 byte offset** into the original text, half-open
//! (`start` inclusive, `end` exclusive). The CLI and file formats convert to Unicode code points
//! (see [`crate::document`]), the Wasm binding to UTF-16 code units (see [`crate::offsets`]).

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A half-open range `[start, end)` of UTF-8 byte offsets into the original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    /// Makes a span; `start` must not be after `end`.
    ///
    /// ```
    /// let s = balise::Span::new(3, 7);
    /// assert_eq!(s.len(), 4);
    /// assert_eq!(&"Le président"[s.start..s.end], "pré"); // é is two bytes
    /// ```
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span start {start} after end {end}");
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
    /// True when the two spans share at least one byte.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    /// True when `other` lies entirely inside `self`.
    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    /// The text this span covers.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// Entity labels, serialised as in `ANNOTATION.md` (`"PER"`, `"ORG"`, ...).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Label {
    PER,
    ORG,
    LOC,
    MISC,
    DATE,
    NUM,
}

impl Label {
    /// Every label, in the order the legend shows them.
    pub const ALL: [Label; 6] = [
        Label::PER,
        Label::ORG,
        Label::LOC,
        Label::MISC,
        Label::DATE,
        Label::NUM,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            Label::PER => "PER",
            Label::ORG => "ORG",
            Label::LOC => "LOC",
            Label::MISC => "MISC",
            Label::DATE => "DATE",
            Label::NUM => "NUM",
        }
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Error for a label name that is not one of PER, ORG, LOC, MISC, DATE, NUM.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownLabel(pub String);

impl fmt::Display for UnknownLabel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown label {:?}: use one of PER, ORG, LOC, MISC, DATE, NUM",
            self.0
        )
    }
}
impl std::error::Error for UnknownLabel {}

impl FromStr for Label {
    type Err = UnknownLabel;
    /// ```
    /// use balise::Label;
    /// assert_eq!("LOC".parse::<Label>(), Ok(Label::LOC));
    /// assert!("Place".parse::<Label>().is_err());
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Label::ALL
            .into_iter()
            .find(|l| l.as_str() == s)
            .ok_or_else(|| UnknownLabel(s.to_string()))
    }
}

/// A named entity: a span of the text and its label.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Entity {
    pub start: usize,
    pub end: usize,
    pub label: Label,
}

impl Entity {
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// How a claim is reported (`ANNOTATION.md` §3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimKind {
    /// Verbatim words in guillemets, attributed.
    Direct,
    /// Reported speech: `X a déclaré que …`.
    Indirect,
    /// `Selon X, …` / `d'après X, …`.
    AccordingTo,
    /// A check-worthy factual statement nobody is cited for.
    Unattributed,
}

impl ClaimKind {
    pub const ALL: [ClaimKind; 4] = [
        ClaimKind::Direct,
        ClaimKind::Indirect,
        ClaimKind::AccordingTo,
        ClaimKind::Unattributed,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimKind::Direct => "direct",
            ClaimKind::Indirect => "indirect",
            ClaimKind::AccordingTo => "according_to",
            ClaimKind::Unattributed => "unattributed",
        }
    }
}

impl fmt::Display for ClaimKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for ClaimKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ClaimKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| {
                format!(
                    "unknown claim kind {s:?}: use one of direct, indirect, according_to, unattributed"
                )
            })
    }
}

/// A claim: who said what (or a factual statement nobody is cited for).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claim {
    pub kind: ClaimKind,
    /// What is claimed.
    pub content: Span,
    /// The reporting words (`a déclaré`, `selon`, `«`); `None` only for unattributed claims.
    pub cue: Option<Span>,
    /// The speaker as written (`un porte-parole des talibans`, `il`); `None` where no source.
    pub source: Option<Span>,
    /// For a pronoun or short source, the earlier span (entity or source) it refers to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_ref: Option<Span>,
    /// True when the text marks the claim as conditional or unconfirmed (`aurait`, `selon des
    /// sources non confirmées`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub hedged: bool,
}

/// The result of annotating one text: entities and claims, byte offsets into `text`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Annotation {
    pub entities: Vec<Entity>,
    pub claims: Vec<Claim>,
}
