//! CoNLL for entities: one token per line, a blank line between sentences, `-DOCSTART-` between
//! documents.
//!
//! * `conll`: 2 columns, IOB2 (`Paris B-LOC`; every entity starts with `B-`).
//! * `conll2003`: 4 columns as in CoNLL-2003 (`Paris -X- _ I-LOC`), IOB1: entities are `I-`, and
//!   `B-` only starts an entity right after another of the same type. Balise has no part-of-speech
//!   or chunk tags, so the middle columns are placeholders.
//!
//! Tokens come from Balise's tokenizer, cut at entity boundaries. CoNLL holds neither claims nor
//! alt/optional flags, overlapping entities, document ids or the original spacing: the export says
//! what it left out, and an import rebuilds the text with one space between tokens and one line
//! per sentence. Import reads IOB1, IOB2 and BIOES/BILOU tags, any number of columns (token
//! first, tag last).

use super::common::{self, utf8, Losses};
use super::error::{ErrorKind, FormatError, Place};
use super::tokens::tokenize;
use super::{Exported, ImportOptions, Imported, InputFile};
use crate::annotation::Label;
use crate::document::{DocEntity, Document};
use crate::offsets::{OffsetMap, Unit};

/// Which CoNLL.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flavour {
    /// 2 columns, IOB2.
    Iob2,
    /// 4 columns, IOB1 (CoNLL-2003).
    Conll2003,
}

/// Picks entities that do not overlap, longest first at each start.
fn non_overlapping(doc: &Document, losses: &mut Losses) -> Vec<DocEntity> {
    let mut ents = doc.entities.clone();
    ents.sort_by_key(|e| (e.start, std::cmp::Reverse(e.end)));
    let mut kept: Vec<DocEntity> = Vec::new();
    for e in ents {
        if e.start == e.end {
            losses.add("empty entity not written", &doc.id);
            continue;
        }
        if kept.last().is_some_and(|k| e.start < k.end) {
            losses.add(
                "entity overlapping another not written (CoNLL tags one entity per token)",
                &doc.id,
            );
            continue;
        }
        kept.push(e);
    }
    kept
}

/// Writes CoNLL.
pub fn export(docs: &[Document], flavour: Flavour) -> Exported {
    let mut out = String::new();
    let mut losses = Losses::default();
    for doc in docs {
        if !doc.claims.is_empty() {
            for _ in &doc.claims {
                losses.add("claim not written (CoNLL holds entities only)", &doc.id);
            }
        }
        for e in &doc.entities {
            if !e.alt.is_empty() || e.optional || e.provenance.is_some() {
                losses.add(
                    "entity's alt labels / optional flag / provenance not written",
                    &doc.id,
                );
            }
        }
        losses.add(
            "document id and original spacing not kept (a re-import joins tokens with single spaces)",
            &doc.id,
        );
        let ents = non_overlapping(doc, &mut losses);
        let map = OffsetMap::new(&doc.text);
        let byte = |c: usize| map.convert(c, Unit::Char, Unit::Byte).unwrap_or(0);
        let spans: Vec<(usize, usize, Label)> = ents
            .iter()
            .map(|e| (byte(e.start), byte(e.end), e.label))
            .collect();
        let cuts: Vec<usize> = spans.iter().flat_map(|s| [s.0, s.1]).collect();
        let toks: Vec<_> = tokenize(&doc.text, &cuts)
            .into_iter()
            .filter(|t| !t.space)
            .collect();
        out.push_str(match flavour {
            Flavour::Iob2 => "-DOCSTART- O\n\n",
            Flavour::Conll2003 => "-DOCSTART- -X- -X- O\n\n",
        });
        let mut ei = 0;
        let mut prev_label: Option<Label> = None; // entity label of the previous token
        let mut wrote_any = false;
        for t in &toks {
            while ei < spans.len() && spans[ei].1 <= t.start {
                ei += 1;
            }
            let inside = spans
                .get(ei)
                .filter(|s| s.0 <= t.start && t.end <= s.1)
                .copied();
            let in_middle = inside.is_some_and(|s| s.0 < t.start);
            if t.sent_start && wrote_any && !in_middle {
                out.push('\n');
            }
            let tag = match inside {
                None => "O".to_string(),
                Some((s, _, label)) => {
                    let first = s == t.start;
                    let prefix = match flavour {
                        Flavour::Iob2 => {
                            if first {
                                "B"
                            } else {
                                "I"
                            }
                        }
                        Flavour::Conll2003 => {
                            // the previous token ends another entity of the same type
                            let follows_same = prev_label == Some(label);
                            if first && follows_same {
                                "B"
                            } else {
                                "I"
                            }
                        }
                    };
                    format!("{prefix}-{label}")
                }
            };
            let word = &doc.text[t.start..t.end];
            match flavour {
                Flavour::Iob2 => out.push_str(&format!("{word} {tag}\n")),
                Flavour::Conll2003 => out.push_str(&format!("{word} -X- _ {tag}\n")),
            }
            prev_label = inside.map(|(_, _, l)| l);
            wrote_any = true;
        }
        out.push('\n');
    }
    Exported {
        bytes: out.into_bytes(),
        warnings: losses.warnings(match flavour {
            Flavour::Iob2 => "conll",
            Flavour::Conll2003 => "conll2003",
        }),
    }
}

/// A document being read.
struct Builder {
    text: String,
    chars: usize,
    entities: Vec<DocEntity>,
    /// The entity open at the last token: label, start (code points).
    open: Option<(Label, usize)>,
    /// End (code points) of the last token.
    last_end: usize,
    sentence_has_tokens: bool,
    line: usize,
    /// Started by a `-DOCSTART-` line: a document even when empty.
    explicit: bool,
}

impl Builder {
    fn new(line: usize) -> Builder {
        Builder {
            text: String::new(),
            chars: 0,
            entities: Vec::new(),
            open: None,
            last_end: 0,
            sentence_has_tokens: false,
            line,
            explicit: false,
        }
    }
    fn close(&mut self) {
        if let Some((label, start)) = self.open.take() {
            let text: String = self
                .text
                .chars()
                .skip(start)
                .take(self.last_end - start)
                .collect();
            self.entities.push(DocEntity {
                start,
                end: self.last_end,
                label,
                text,
                alt: vec![],
                optional: false,
                provenance: None,
            });
        }
    }
    fn end_sentence(&mut self) {
        self.close();
        if self.sentence_has_tokens {
            self.sentence_has_tokens = false;
        }
    }
    fn token(&mut self, word: &str, tag: Option<(char, Label)>) {
        if !self.text.is_empty() {
            let sep = if self.sentence_has_tokens { ' ' } else { '\n' };
            self.text.push(sep);
            self.chars += 1;
        }
        let start = self.chars;
        self.text.push_str(word);
        self.chars += word.chars().count();
        match tag {
            None => self.close(),
            Some((p, label)) => {
                let continues = matches!(p, 'I' | 'E' | 'L')
                    && self.open.is_some_and(|(l, _)| l == label)
                    && self.sentence_has_tokens;
                if !continues {
                    self.close();
                    self.open = Some((label, start));
                }
                self.last_end = self.chars;
                if matches!(p, 'E' | 'L' | 'S' | 'U') {
                    self.close();
                }
            }
        }
        self.last_end = self.chars;
        self.sentence_has_tokens = true;
    }
    fn finish(mut self, id: String) -> Option<Document> {
        self.close();
        if self.text.is_empty() && !self.explicit {
            return None;
        }
        let mut d = Document::new(&id, &self.text);
        d.entities = self.entities;
        Some(d)
    }
}

fn parse_tag(tag: &str, opts: &ImportOptions) -> Result<Option<(char, Label)>, String> {
    if tag == "O" || tag == "_" || tag.is_empty() {
        return Ok(None);
    }
    let (p, label) = match tag.split_once(['-', '_']) {
        Some((p, l)) if p.len() == 1 && "BIELSU".contains(p) => {
            (p.chars().next().unwrap_or('I'), l)
        }
        _ => {
            return Err(format!(
                "tag {tag:?} is not O, B-X, I-X (or E-/S-/L-/U-X); the tag is the last column"
            ))
        }
    };
    match common::parse_role(label, opts)? {
        None => Ok(None),
        Some(common::Role::Entity(l)) => Ok(Some((p, l))),
        Some(_) => Err(format!(
            "tag {tag:?}: CoNLL holds entities only (PER, ORG, LOC, MISC, DATE, NUM)"
        )),
    }
}

/// Reads a CoNLL file (2 or 4 columns, or any number: token first, tag last).
pub fn import(f: &InputFile, opts: &ImportOptions, out: &mut Imported) {
    let text = match utf8(&f.name, &f.bytes) {
        Ok(t) => t,
        Err(e) => return out.skipped.push(e),
    };
    let stem = f
        .name
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or(&f.name)
        .to_string();
    let mut n = 0;
    let mut cur = Builder::new(1);
    let mut failed: Option<FormatError> = None;
    let flush =
        |b: Builder, failed: &mut Option<FormatError>, out: &mut Imported, n: &mut usize| {
            *n += 1;
            let id = format!("{stem}#{n}");
            let line = b.line;
            match failed.take() {
                Some(e) => out.skipped.push(e.in_document(&id)),
                None => {
                    if let Some(d) = b.finish(id) {
                        out.documents.push(d);
                    } else {
                        *n -= 1;
                    }
                }
            }
            let _ = line;
        };
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim_end_matches('\r');
        let cols: Vec<&str> = line.split_whitespace().collect();
        if cols.first().is_some_and(|c| *c == "-DOCSTART-") {
            let done = std::mem::replace(&mut cur, Builder::new(i + 1));
            cur.explicit = true;
            flush(done, &mut failed, out, &mut n);
            continue;
        }
        if cols.is_empty() {
            cur.end_sentence();
            continue;
        }
        if failed.is_some() {
            continue;
        }
        if cols.len() < 2 {
            let mut msg =
                format!("expected a token and a tag separated by whitespace, found {line:?}");
            msg.push_str(&super::hint(super::Format::Conll, &f.name, &f.bytes));
            failed = Some(FormatError::new(
                ErrorKind::Syntax,
                Place::file(&f.name).line(i + 1),
                msg,
            ));
            continue;
        }
        match parse_tag(cols[cols.len() - 1], opts) {
            Ok(tag) => cur.token(cols[0], tag),
            Err(m) => {
                failed = Some(FormatError::new(
                    if m.contains("unknown label") {
                        ErrorKind::UnknownLabel
                    } else {
                        ErrorKind::Syntax
                    },
                    Place::file(&f.name).line(i + 1),
                    m,
                ))
            }
        }
    }
    flush(cur, &mut failed, out, &mut n);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc() -> Document {
        let text = "Ashraf Ghani a parlé à Kaboul. La France et l’Allemagne aussi.";
        let mut d = Document::new("a", text);
        let mut add = |s: &str, label| {
            let b = text.find(s).unwrap();
            let start = text[..b].chars().count();
            d.entities.push(DocEntity {
                start,
                end: start + s.chars().count(),
                label,
                text: s.into(),
                alt: vec![],
                optional: false,
                provenance: None,
            });
        };
        add("Ashraf Ghani", Label::PER);
        add("Kaboul", Label::LOC);
        add("France", Label::LOC);
        add("Allemagne", Label::LOC);
        d
    }

    #[test]
    fn iob2_and_iob1_tags() {
        let d = doc();
        let two = String::from_utf8(export(std::slice::from_ref(&d), Flavour::Iob2).bytes).unwrap();
        assert!(two.contains("Ashraf B-PER\nGhani I-PER\n"), "{two}");
        assert!(two.contains("Kaboul B-LOC\n"));
        let four = String::from_utf8(export(&[d], Flavour::Conll2003).bytes).unwrap();
        assert!(
            four.contains("Ashraf -X- _ I-PER\nGhani -X- _ I-PER\n"),
            "{four}"
        );
        assert!(four.starts_with("-DOCSTART- -X- -X- O\n\n"));
    }

    #[test]
    fn adjacent_same_type_gets_b_in_iob1_and_reads_back() {
        let mut d = Document::new("x", "Paris Londres");
        for (s, e, t) in [(0, 5, "Paris"), (6, 13, "Londres")] {
            d.entities.push(DocEntity {
                start: s,
                end: e,
                label: Label::LOC,
                text: t.into(),
                alt: vec![],
                optional: false,
                provenance: None,
            });
        }
        let four = String::from_utf8(export(&[d.clone()], Flavour::Conll2003).bytes).unwrap();
        assert!(
            four.contains("Paris -X- _ I-LOC\nLondres -X- _ B-LOC\n"),
            "{four}"
        );
        let mut out = Imported::default();
        import(
            &InputFile::new("x.conll", four),
            &ImportOptions::default(),
            &mut out,
        );
        assert_eq!(out.documents[0].entities, d.entities);
    }

    #[test]
    fn bad_tag_names_the_line() {
        let mut out = Imported::default();
        import(
            &InputFile::new("bad.conll", "Paris B-LOC\nest X-Y\n"),
            &ImportOptions::default(),
            &mut out,
        );
        let e = out.skipped[0].to_string();
        assert!(e.starts_with("bad.conll:2:"), "{e}");
        let mut out = Imported::default();
        import(
            &InputFile::new("bad.conll", "Paris B-GPE\n"),
            &ImportOptions::default(),
            &mut out,
        );
        assert_eq!(out.skipped[0].kind, ErrorKind::UnknownLabel);
    }
}
