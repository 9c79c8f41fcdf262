//! Scoring predictions against gold data.
//!
//! * [`score_entities`]: strict and overlap entity P/R/F1, per label;
//! * [`score_claims`]: claim detection and full-match P/R/F1, per kind, and source accuracy;
//! * [`evaluate`]: both over whole documents paired by id (what `balise eval` prints);
//! * [`segmentation`]: token- and sentence-boundary F1 of the tokenizer and sentence splitter
//!   against gold treebanks (UD French GSD, Sequoia).

mod claims;
mod counts;
mod entities;
pub mod segmentation;

pub use claims::{score_claims, ClaimScores, KindScores, MIN_CONTENT_DICE, MIN_SOURCE_DICE};
pub use counts::{dice, overlaps, Counts};
pub use entities::{score_entities, EntityScores, LabelSet};

use crate::annotation::ClaimKind;
use crate::document::{Document, SpanError};
use serde::Serialize;
use std::collections::HashMap;
use std::fmt::{self, Write};

/// Scores of a whole evaluation.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    /// Gold documents scored.
    pub documents: usize,
    /// Ids of gold documents that had no prediction (their entities and claims count as missed).
    pub missing_predictions: Vec<String>,
    /// Ids of predicted documents with no gold document (not scored).
    pub unknown_predictions: Vec<String>,
    pub entities: EntityScores,
    pub claims: ClaimScores,
}

/// A document pair that could not be scored.
#[derive(Debug, Clone, PartialEq)]
pub enum EvalError {
    /// Two documents of the same file share an id.
    DuplicateId { id: String, side: &'static str },
    /// Gold and prediction have different texts, so their offsets cannot be compared.
    TextMismatch { id: String },
    /// A span does not fit the document's text.
    BadSpan {
        id: String,
        side: &'static str,
        error: SpanError,
    },
}

impl fmt::Display for EvalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EvalError::DuplicateId { id, side } => write!(
                f,
                "{side} document id {id:?} appears more than once; give every document its own id"
            ),
            EvalError::TextMismatch { id } => write!(
                f,
                "document {id:?}: the predicted text differs from the gold text; annotate the gold texts themselves"
            ),
            EvalError::BadSpan { id, side, error } => {
                write!(f, "{side} document {id:?}: {error}")
            }
        }
    }
}

impl std::error::Error for EvalError {}

/// Scores `pred` against `gold`, pairing documents by id. Pairs that cannot be scored are
/// returned as errors and left out of the report; the rest is scored.
pub fn evaluate(
    gold: &[Document],
    pred: &[Document],
    labels: LabelSet,
) -> (Report, Vec<EvalError>) {
    let mut errors = Vec::new();
    let mut by_id: HashMap<&str, &Document> = HashMap::new();
    for p in pred {
        if by_id.insert(p.id.as_str(), p).is_some() {
            errors.push(EvalError::DuplicateId {
                id: p.id.clone(),
                side: "predicted",
            });
        }
    }
    let mut report = Report::default();
    let mut seen: HashMap<&str, ()> = HashMap::new();
    for g in gold {
        if seen.insert(g.id.as_str(), ()).is_some() {
            errors.push(EvalError::DuplicateId {
                id: g.id.clone(),
                side: "gold",
            });
            continue;
        }
        if let Err(error) = g.to_annotation() {
            errors.push(EvalError::BadSpan {
                id: g.id.clone(),
                side: "gold",
                error,
            });
            continue;
        }
        let empty;
        let p = match by_id.get(g.id.as_str()) {
            Some(p) => {
                if p.text != g.text {
                    errors.push(EvalError::TextMismatch { id: g.id.clone() });
                    continue;
                }
                if let Err(error) = p.to_annotation() {
                    errors.push(EvalError::BadSpan {
                        id: g.id.clone(),
                        side: "predicted",
                        error,
                    });
                    continue;
                }
                *p
            }
            None => {
                report.missing_predictions.push(g.id.clone());
                empty = Document::new(&g.id, &g.text);
                &empty
            }
        };
        report.documents += 1;
        report.entities += &score_entities(&g.entities, &p.entities, labels);
        report.claims += &score_claims(&g.claims, &p.claims);
    }
    for p in pred {
        if !seen.contains_key(p.id.as_str()) {
            report.unknown_predictions.push(p.id.clone());
        }
    }
    (report, errors)
}

impl Report {
    /// The report as a plain-text table.
    pub fn to_table(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(
            s,
            "documents: {} scored, {} without prediction, {} predicted documents not in gold",
            self.documents,
            self.missing_predictions.len(),
            self.unknown_predictions.len()
        );
        let _ = writeln!(
            s,
            "\nentities              P       R      F1    gold    pred"
        );
        for (label, c) in &self.entities.per_label {
            row(&mut s, &format!("  {label}"), c);
        }
        row(&mut s, "  all, strict", &self.entities.strict);
        row(&mut s, "  all, overlap", &self.entities.overlap);
        let _ = writeln!(
            s,
            "\nclaims                P       R      F1    gold    pred"
        );
        row(&mut s, "  detection", &self.claims.detection);
        row(&mut s, "  full", &self.claims.full);
        let _ = writeln!(
            s,
            "\nper kind            detection P/R/F1       full P/R/F1        gold  pred"
        );
        for kind in ClaimKind::ALL {
            let k = self.claims.per_kind.get(&kind).copied().unwrap_or_default();
            let (dp, dr, df) = k.detection();
            let (fp, fr, ff) = k.full();
            let _ = writeln!(
                s,
                "  {:<14} {dp:.3} {dr:.3} {df:.3}    {fp:.3} {fr:.3} {ff:.3}   {:>5} {:>5}",
                kind.as_str(),
                k.gold,
                k.predicted
            );
        }
        let _ = writeln!(
            s,
            "\nsource accuracy: {:.3} ({} of {} paired attributed claims)",
            self.claims.source_accuracy(),
            self.claims.source_correct,
            self.claims.attributed_pairs
        );
        s
    }
}

fn row(s: &mut String, name: &str, c: &Counts) {
    let _ = writeln!(
        s,
        "{name:<17} {:>6.3}  {:>6.3}  {:>6.3}  {:>6}  {:>6}",
        c.precision(),
        c.recall(),
        c.f1(),
        c.gold(),
        c.predicted()
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(json: &str) -> Document {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn documents_pair_by_id_and_mismatches_are_reported() {
        let gold = [
            doc(r#"{"id":"a","text":"Paris","entities":[{"start":0,"end":5,"label":"LOC"}]}"#),
            doc(r#"{"id":"b","text":"Lyon","entities":[{"start":0,"end":4,"label":"LOC"}]}"#),
            doc(r#"{"id":"c","text":"Metz","entities":[{"start":0,"end":4,"label":"LOC"}]}"#),
        ];
        let pred = [
            doc(r#"{"id":"b","text":"Lyon","entities":[{"start":0,"end":4,"label":"LOC"}]}"#),
            doc(r#"{"id":"c","text":"Nancy"}"#),
            doc(r#"{"id":"z","text":"x"}"#),
        ];
        let (report, errors) = evaluate(&gold, &pred, LabelSet::default());
        assert_eq!(report.documents, 2);
        assert_eq!(report.missing_predictions, vec!["a"]);
        assert_eq!(report.unknown_predictions, vec!["z"]);
        assert_eq!(
            report.entities.strict,
            Counts {
                tp: 1,
                fp: 0,
                fn_: 1
            }
        );
        assert_eq!(errors, vec![EvalError::TextMismatch { id: "c".into() }]);
        assert!(report.to_table().contains("all, strict"));
    }

    #[test]
    fn spans_off_the_text_are_errors() {
        let gold = [doc(
            r#"{"id":"a","text":"🙂 Paris","entities":[{"start":2,"end":7,"label":"LOC","text":"Paris"}]}"#,
        )];
        let pred = [doc(
            r#"{"id":"a","text":"🙂 Paris","entities":[{"start":2,"end":9,"label":"LOC"}]}"#,
        )];
        let (report, errors) = evaluate(&gold, &pred, LabelSet::default());
        assert_eq!(report.documents, 0);
        assert!(
            errors[0].to_string().contains("predicted document \"a\""),
            "{}",
            errors[0]
        );
    }
}
