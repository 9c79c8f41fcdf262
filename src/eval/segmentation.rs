//! Token- and sentence-boundary F1 against gold segmentations (UD `*.tokens.jsonl`).
//!
//! Gold files hold one sentence per line: `{"id", "text", "tokens": [[s, e], …]}` with offsets in
//! Unicode code points (surface tokens: a UD multi-word token such as `du` is one token).
//!
//! * **Tokens** ([`score_tokens`]): each gold sentence's text is tokenized on its own; a predicted
//!   token counts as correct when its `[start, end)` equals a gold token's. Micro-averaged over
//!   all tokens of the file.
//! * **Sentences** ([`score_sentences`]): the sentences of the file are joined with one space
//!   into a single text, which is tokenized and split; a predicted sentence counts as correct
//!   when its **end offset** equals the end of a gold sentence (the last one included). Ends,
//!   not whole spans, so that one missed boundary costs one error, not two.
//!
//! This module does no I/O: give it the file contents.

use crate::offsets::OffsetMap;
use crate::sentences::split_sentences;
use crate::tokenize::tokenize;
use serde::Deserialize;
use std::fmt;

/// One gold sentence of a `*.tokens.jsonl` file (offsets in code points).
#[derive(Debug, Clone, Deserialize)]
pub struct GoldSentence {
    pub id: String,
    pub text: String,
    pub tokens: Vec<[usize; 2]>,
}

/// Reads the lines of a `*.tokens.jsonl` file (blank lines are skipped).
pub fn parse_jsonl(contents: &str) -> Result<Vec<GoldSentence>, String> {
    contents
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(n, l)| serde_json::from_str(l).map_err(|e| format!("line {}: {e}", n + 1)))
        .collect()
}

/// Matches, predictions and gold items: precision, recall, F1.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub correct: usize,
    pub predicted: usize,
    pub gold: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn add(&mut self, o: Counts) {
        self.correct += o.correct;
        self.predicted += o.predicted;
        self.gold += o.gold;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

impl fmt::Display for Counts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "P {:.4} R {:.4} F1 {:.4} ({} correct, {} predicted, {} gold)",
            self.precision(),
            self.recall(),
            self.f1(),
            self.correct,
            self.predicted,
            self.gold
        )
    }
}

/// Counts the items two sorted lists have in common.
fn common<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Gold token spans of one sentence in UTF-8 bytes.
fn gold_token_bytes(g: &GoldSentence) -> Result<Vec<(usize, usize)>, String> {
    let map = OffsetMap::new(&g.text);
    g.tokens
        .iter()
        .map(|&[s, e]| {
            map.convert_span(s, e, crate::offsets::Unit::Char, crate::offsets::Unit::Byte)
                .map_err(|err| format!("{}: {err}", g.id))
        })
        .collect()
}

/// Token scores of one sentence.
pub fn score_sentence_tokens(g: &GoldSentence) -> Result<Counts, String> {
    let gold = gold_token_bytes(g)?;
    let pred: Vec<(usize, usize)> = tokenize(&g.text).iter().map(|t| (t.start, t.end)).collect();
    Ok(Counts {
        correct: common(&gold, &pred),
        predicted: pred.len(),
        gold: gold.len(),
    })
}

/// Token-boundary scores over all sentences (micro-average).
pub fn score_tokens(gold: &[GoldSentence]) -> Result<Counts, String> {
    let mut c = Counts::default();
    for g in gold {
        c.add(score_sentence_tokens(g)?);
    }
    Ok(c)
}

/// The gold sentences joined with one space, and the byte offset where each one ends.
pub fn join_sentences(gold: &[GoldSentence]) -> Result<(String, Vec<usize>), String> {
    let mut text = String::new();
    let mut ends = Vec::with_capacity(gold.len());
    for g in gold {
        if !text.is_empty() {
            text.push(' ');
        }
        let base = text.len();
        let last = gold_token_bytes(g)?.last().map_or(0, |&(_, e)| e);
        text.push_str(&g.text);
        ends.push(base + last);
    }
    Ok((text, ends))
}

/// Sentence-boundary scores: end offsets of predicted vs gold sentences on the joined text.
pub fn score_sentences(gold: &[GoldSentence]) -> Result<Counts, String> {
    let (text, gold_ends) = join_sentences(gold)?;
    let tokens = tokenize(&text);
    let pred: Vec<usize> = split_sentences(&text, &tokens)
        .iter()
        .map(|s| s.end)
        .collect();
    Ok(Counts {
        correct: common(&gold_ends, &pred),
        predicted: pred.len(),
        gold: gold_ends.len(),
    })
}

/// Token and sentence scores of one gold file.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SegmentationScore {
    pub tokens: Counts,
    pub sentences: Counts,
}

/// Scores the tokenizer and the sentence splitter on the contents of a `*.tokens.jsonl` file.
pub fn score_jsonl(contents: &str) -> Result<SegmentationScore, String> {
    let gold = parse_jsonl(contents)?;
    Ok(SegmentationScore {
        tokens: score_tokens(&gold)?,
        sentences: score_sentences(&gold)?,
    })
}

/// A sentence whose predicted tokens differ from the gold ones: both tokenizations as texts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenDiff {
    pub id: String,
    pub gold: Vec<String>,
    pub predicted: Vec<String>,
}

/// The sentences tokenized differently from the gold, with only the differing stretches kept
/// (for error analysis).
pub fn token_diffs(gold: &[GoldSentence]) -> Result<Vec<TokenDiff>, String> {
    let mut out = Vec::new();
    for g in gold {
        let gold_spans = gold_token_bytes(g)?;
        let pred: Vec<(usize, usize)> =
            tokenize(&g.text).iter().map(|t| (t.start, t.end)).collect();
        if gold_spans == pred {
            continue;
        }
        let keep = |a: &[(usize, usize)], b: &[(usize, usize)]| -> Vec<String> {
            a.iter()
                .filter(|s| b.binary_search(s).is_err())
                .map(|&(s, e)| g.text[s..e].to_string())
                .collect()
        };
        out.push(TokenDiff {
            id: g.id.clone(),
            gold: keep(&gold_spans, &pred),
            predicted: keep(&pred, &gold_spans),
        });
    }
    Ok(out)
}

/// Sentence boundaries missed or invented on the joined text, each shown with some context
/// (`‖` marks the boundary). Missed first, then invented.
pub fn sentence_diffs(gold: &[GoldSentence]) -> Result<(Vec<String>, Vec<String>), String> {
    let (text, gold_ends) = join_sentences(gold)?;
    let tokens = tokenize(&text);
    let pred: Vec<usize> = split_sentences(&text, &tokens)
        .iter()
        .map(|s| s.end)
        .collect();
    let show = |at: usize| {
        let mut a = at.saturating_sub(60);
        while !text.is_char_boundary(a) {
            a -= 1;
        }
        let mut b = (at + 60).min(text.len());
        while !text.is_char_boundary(b) {
            b += 1;
        }
        format!("{}‖{}", &text[a..at], &text[at..b])
    };
    let missed = gold_ends
        .iter()
        .filter(|e| pred.binary_search(e).is_err())
        .map(|&e| show(e))
        .collect();
    let invented = pred
        .iter()
        .filter(|e| gold_ends.binary_search(e).is_err())
        .map(|&e| show(e))
        .collect();
    Ok((missed, invented))
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOLD: &str = concat!(
        r#"{"id": "a", "text": "L'été arrive.", "tokens": [[0, 2], [2, 5], [6, 12], [12, 13]]}"#,
        "\n",
        r#"{"id": "b", "text": "Où ça ?", "tokens": [[0, 2], [3, 5], [6, 7]]}"#,
        "\n"
    );

    #[test]
    fn perfect_scores_on_an_easy_file() {
        let s = score_jsonl(GOLD).unwrap();
        assert_eq!(
            s.tokens,
            Counts {
                correct: 7,
                predicted: 7,
                gold: 7
            }
        );
        assert_eq!(s.sentences.correct, 2);
        assert!((s.sentences.f1() - 1.0).abs() < 1e-9);
    }

    #[test]
    fn code_points_are_converted_to_bytes() {
        // "Où" is 2 code points but 3 bytes: a byte/char mix-up would miss every later token.
        let gold = parse_jsonl(GOLD).unwrap();
        let c = score_sentence_tokens(&gold[1]).unwrap();
        assert_eq!(c.correct, 3);
    }

    #[test]
    fn errors_are_counted() {
        // gold says "arrive." is one token: two predicted tokens are wrong, one gold is missed
        let bad = r#"{"id": "x", "text": "Il arrive.", "tokens": [[0, 2], [3, 10]]}"#;
        let c = score_tokens(&parse_jsonl(bad).unwrap()).unwrap();
        assert_eq!(
            c,
            Counts {
                correct: 1,
                predicted: 3,
                gold: 2
            }
        );
        assert!(c.f1() < 0.6);
        let diffs = token_diffs(&parse_jsonl(bad).unwrap()).unwrap();
        assert_eq!(diffs[0].gold, ["arrive."]);
        assert_eq!(diffs[0].predicted, ["arrive", "."]);
    }

    #[test]
    fn sentence_ends_on_joined_text() {
        let gold = parse_jsonl(concat!(
            r#"{"id": "1", "text": "Il dort", "tokens": [[0, 2], [3, 7]]}"#,
            "\n",
            r#"{"id": "2", "text": "Marie lit.", "tokens": [[0, 5], [6, 9], [9, 10]]}"#
        ))
        .unwrap();
        // "Il dort Marie lit." is one predicted sentence: its end matches the second gold end
        let c = score_sentences(&gold).unwrap();
        assert_eq!(
            c,
            Counts {
                correct: 1,
                predicted: 1,
                gold: 2
            }
        );
        let (missed, invented) = sentence_diffs(&gold).unwrap();
        assert_eq!(missed, ["Il dort‖ Marie lit."]);
        assert!(invented.is_empty());
    }

    #[test]
    fn bad_lines_are_reported() {
        assert!(parse_jsonl("{not json}").unwrap_err().contains("line 1"));
        let out_of_range = r#"{"id": "z", "text": "ab", "tokens": [[0, 5]]}"#;
        assert!(score_jsonl(out_of_range).is_err());
    }
}
