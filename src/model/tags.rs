//! BILOU tags over tokens: encoding entity spans into one tag per token, decoding tags back into
//! spans, and the transitions a well-formed BILOU sequence allows.
//!
//! With `n` entity labels there are `1 + 4n` tags: `O` is tag 0, then for label `k`
//! `B-k = 1 + 4k`, `I-k = 2 + 4k`, `L-k = 3 + 4k` (last), `U-k = 4 + 4k` (unit, a one-token
//! entity).
//!
//! ```
//! use balise::model::tags::{decode, encode, TokenSpan};
//! // « Michel Delpech est né à Paris » with labels [PER, LOC]
//! let spans = [TokenSpan { start: 0, end: 2, label: 0 }, TokenSpan { start: 5, end: 6, label: 1 }];
//! let tags = encode(6, &spans);
//! assert_eq!(tags, vec![1, 3, 0, 0, 0, 8]); // B-PER L-PER O O O U-LOC
//! assert_eq!(decode(&tags), spans.to_vec());
//! ```

/// The tag of tokens outside any entity.
pub const O: u16 = 0;

/// Position of a token inside its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Begin,
    Inside,
    Last,
    Unit,
}

/// An entity over tokens: `tokens[start..end]`, with the index of its label in the model's label
/// list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TokenSpan {
    pub start: usize,
    pub end: usize,
    pub label: usize,
}

/// Number of tags for `n_labels` entity labels.
pub fn n_tags(n_labels: usize) -> usize {
    1 + 4 * n_labels
}

/// The tag for `part` of an entity with label index `label`.
pub fn tag(label: usize, part: Part) -> u16 {
    let p = match part {
        Part::Begin => 1,
        Part::Inside => 2,
        Part::Last => 3,
        Part::Unit => 4,
    };
    (4 * label + p) as u16
}

/// The label index and part of a tag, `None` for `O`.
pub fn split(t: u16) -> Option<(usize, Part)> {
    if t == O {
        return None;
    }
    let k = (t - 1) as usize;
    let part = match k % 4 {
        0 => Part::Begin,
        1 => Part::Inside,
        2 => Part::Last,
        _ => Part::Unit,
    };
    Some((k / 4, part))
}

/// Tags for `len` tokens holding the non-overlapping `spans` (spans out of range or empty are
/// skipped; of two overlapping spans the first one listed wins).
pub fn encode(len: usize, spans: &[TokenSpan]) -> Vec<u16> {
    let mut tags = vec![O; len];
    for s in spans {
        if s.start >= s.end || s.end > len || tags[s.start..s.end].iter().any(|&t| t != O) {
            continue;
        }
        if s.end - s.start == 1 {
            tags[s.start] = tag(s.label, Part::Unit);
        } else {
            tags[s.start] = tag(s.label, Part::Begin);
            for t in &mut tags[s.start + 1..s.end - 1] {
                *t = tag(s.label, Part::Inside);
            }
            tags[s.end - 1] = tag(s.label, Part::Last);
        }
    }
    tags
}

/// Entity spans of a tag sequence. Ill-formed sequences are read leniently: an entity runs from
/// a `B`/`U` (or a stray `I`/`L`) while the label stays the same, and ends at `L`/`U`.
pub fn decode(tags: &[u16]) -> Vec<TokenSpan> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None; // (start, label)
    for (i, &t) in tags.iter().enumerate() {
        let Some((label, part)) = split(t) else {
            if let Some((s, l)) = open.take() {
                out.push(TokenSpan {
                    start: s,
                    end: i,
                    label: l,
                });
            }
            continue;
        };
        let continues =
            matches!(part, Part::Inside | Part::Last) && matches!(open, Some((_, l)) if l == label);
        if !continues {
            if let Some((s, l)) = open.take() {
                out.push(TokenSpan {
                    start: s,
                    end: i,
                    label: l,
                });
            }
            open = Some((i, label));
        }
        if matches!(part, Part::Last | Part::Unit) {
            if let Some((s, l)) = open.take() {
                out.push(TokenSpan {
                    start: s,
                    end: i + 1,
                    label: l,
                });
            }
        }
    }
    if let Some((s, l)) = open {
        out.push(TokenSpan {
            start: s,
            end: tags.len(),
            label: l,
        });
    }
    out
}

/// True when tag `to` may follow tag `from` in a well-formed BILOU sequence.
pub fn allowed(from: u16, to: u16) -> bool {
    let inside_from = match split(from) {
        Some((l, Part::Begin | Part::Inside)) => Some(l),
        _ => None,
    };
    match (inside_from, split(to)) {
        (Some(l), Some((m, Part::Inside | Part::Last))) => l == m,
        (Some(_), _) => false,
        (None, Some((_, Part::Inside | Part::Last))) => false,
        (None, _) => true,
    }
}

/// True when a sequence may start with tag `t` (not inside an entity).
pub fn allowed_start(t: u16) -> bool {
    !matches!(split(t), Some((_, Part::Inside | Part::Last)))
}

/// True when a sequence may end with tag `t` (no entity left open).
pub fn allowed_end(t: u16) -> bool {
    !matches!(split(t), Some((_, Part::Begin | Part::Inside)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(start: usize, end: usize, label: usize) -> TokenSpan {
        TokenSpan { start, end, label }
    }

    #[test]
    fn round_trip_of_adjacent_entities() {
        // « Cour suprême » (ORG=1) directly followed by « Kaboul » (LOC=2)
        let spans = vec![span(0, 2, 1), span(2, 3, 2), span(4, 8, 0)];
        let tags = encode(9, &spans);
        assert_eq!(decode(&tags), spans);
    }

    #[test]
    fn ill_formed_sequences_still_decode() {
        // I-PER L-PER without a B, then B-ORG cut by O, then B-LOC at the very end
        let tags = [2, 3, 0, 5, 0, 9];
        assert_eq!(
            decode(&tags),
            vec![span(0, 2, 0), span(3, 4, 1), span(5, 6, 2)]
        );
        // a label change inside an entity starts a new one
        assert_eq!(decode(&[1, 6, 7]), vec![span(0, 1, 0), span(1, 3, 1)]);
    }

    #[test]
    fn overlapping_or_bad_spans_are_skipped() {
        let tags = encode(
            3,
            &[span(0, 2, 0), span(1, 3, 1), span(2, 9, 1), span(2, 2, 0)],
        );
        assert_eq!(tags, vec![1, 3, 0]);
    }

    #[test]
    fn transitions_follow_bilou() {
        let b_per = tag(0, Part::Begin);
        let i_per = tag(0, Part::Inside);
        let l_per = tag(0, Part::Last);
        let u_loc = tag(2, Part::Unit);
        let l_loc = tag(2, Part::Last);
        assert!(allowed(b_per, i_per) && allowed(i_per, l_per) && allowed(l_per, u_loc));
        assert!(!allowed(b_per, O) && !allowed(b_per, l_loc) && !allowed(O, i_per));
        assert!(allowed_start(b_per) && !allowed_start(l_per));
        assert!(allowed_end(l_per) && !allowed_end(b_per));
    }
}
