//! Pairing of quotation marks: `« … »`, `“ … ”`, `‹ … ›` and straight `" … "`.
//!
//! Pairs never cross a line break (a quote box or a new paragraph resets the stack); a closing
//! mark without an opener, or an opener never closed, is ignored. Nested quotes are paired too;
//! [`Quotes::depth`] tells how many pairs enclose a word.

use super::words::{Word, WordKind};

/// One pair of quotation marks, as word indices of the opening and closing marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuotePair {
    pub open: usize,
    pub close: usize,
}

/// All quote pairs of a text, with lookups by word.
#[derive(Debug, Default)]
pub struct Quotes {
    /// Pairs sorted by opening mark.
    pub pairs: Vec<QuotePair>,
    /// For each word index, the pair whose opening mark it is.
    opened_by: Vec<Option<u32>>,
    /// For each word index, the pair whose closing mark it is.
    closed_by: Vec<Option<u32>>,
    /// For each word index, how many pairs strictly enclose it.
    depth: Vec<u16>,
}

fn family(w: &Word) -> u8 {
    match w.norm.as_str() {
        "«" | "»" => 0,
        "“" | "”" | "„" => 1,
        "‹" | "›" => 2,
        _ => 3,
    }
}

impl Quotes {
    /// Pairs the quotation marks of `words` (built over `text`).
    pub fn new(text: &str, words: &[Word]) -> Quotes {
        let n = words.len();
        let mut stack: Vec<(u8, usize)> = Vec::new();
        let mut pairs = Vec::new();
        for (i, w) in words.iter().enumerate() {
            if w.newline_before {
                stack.clear();
            }
            match w.kind {
                WordKind::Open => stack.push((family(w), i)),
                WordKind::Close => {
                    let fam = family(w);
                    if let Some(k) = stack.iter().rposition(|&(f, _)| f == fam) {
                        pairs.push(QuotePair {
                            open: stack[k].1,
                            close: i,
                        });
                        stack.truncate(k);
                    } else if fam == 1 {
                        // A lone ” used both ways, like a straight quote.
                        straight(text, words, i, &mut stack, &mut pairs);
                    }
                }
                WordKind::Straight => straight(text, words, i, &mut stack, &mut pairs),
                _ => {}
            }
        }
        pairs.sort_by_key(|p| p.open);
        let mut opened_by = vec![None; n];
        let mut closed_by = vec![None; n];
        let mut delta = vec![0i32; n + 1];
        for (k, p) in pairs.iter().enumerate() {
            opened_by[p.open] = Some(k as u32);
            closed_by[p.close] = Some(k as u32);
            delta[p.open + 1] += 1;
            delta[p.close] -= 1;
        }
        let mut depth = Vec::with_capacity(n);
        let mut d = 0i32;
        for x in delta.iter().take(n) {
            d += x;
            depth.push(d.clamp(0, u16::MAX as i32) as u16);
        }
        Quotes {
            pairs,
            opened_by,
            closed_by,
            depth,
        }
    }

    /// The pair opened by word `i`, if `i` is an opening mark that was closed.
    pub fn opened_at(&self, i: usize) -> Option<QuotePair> {
        self.opened_by
            .get(i)
            .copied()
            .flatten()
            .map(|k| self.pairs[k as usize])
    }

    /// The pair closed by word `i`, if `i` is a closing mark that was opened.
    pub fn closed_at(&self, i: usize) -> Option<QuotePair> {
        self.closed_by
            .get(i)
            .copied()
            .flatten()
            .map(|k| self.pairs[k as usize])
    }

    /// How many pairs strictly enclose word `i` (0 outside quotes).
    pub fn depth(&self, i: usize) -> u16 {
        self.depth.get(i).copied().unwrap_or(0)
    }

    /// True when word `i` lies inside some pair (not counting the marks themselves).
    pub fn inside(&self, i: usize) -> bool {
        self.depth(i) > 0
    }
}

/// A straight quote opens when it starts a word (space before, text right after) and closes
/// an open straight quote otherwise.
fn straight(
    text: &str,
    words: &[Word],
    i: usize,
    stack: &mut Vec<(u8, usize)>,
    pairs: &mut Vec<QuotePair>,
) {
    let w = &words[i];
    let next_glued = words
        .get(i + 1)
        .is_some_and(|n| n.start == w.end && !text[w.end..n.start].contains(char::is_whitespace));
    let opens = (w.space_before || i == 0 || words[i - 1].kind == WordKind::Punct) && next_glued;
    let top_straight = stack.last().is_some_and(|&(f, _)| f == 3);
    if top_straight && !opens {
        let (_, o) = stack.pop().unwrap_or((3, i));
        pairs.push(QuotePair { open: o, close: i });
    } else if opens {
        stack.push((3, i));
    } else if let Some(k) = stack.iter().rposition(|&(f, _)| f == 3) {
        pairs.push(QuotePair {
            open: stack[k].1,
            close: i,
        });
        stack.truncate(k);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Analysis;
    use crate::claims::words::words;

    fn pairs(t: &str) -> Vec<(String, String)> {
        let a = Analysis::new(t);
        let w = words(&a);
        let q = Quotes::new(t, &w);
        q.pairs
            .iter()
            .map(|p| {
                (
                    t[w[p.open].start..w[p.close].end].to_string(),
                    t[w[p.open].end..w[p.close].start].trim().to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn guillemets_and_nested_quotes() {
        let p = pairs("Il dit « le “Brexit” est là » hier.");
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].1, "le “Brexit” est là");
        assert_eq!(p[1].1, "Brexit");
    }

    #[test]
    fn straight_quotes_alternate() {
        let p = pairs("Il a dit \"oui\" puis \"non\".");
        assert_eq!(
            p.iter().map(|x| x.1.as_str()).collect::<Vec<_>>(),
            ["oui", "non"]
        );
    }

    #[test]
    fn unbalanced_marks_are_ignored() {
        assert!(pairs("» fin « début").is_empty());
        assert_eq!(pairs("« a « b » c").len(), 1);
        assert!(pairs("« ligne un\n ligne deux »").is_empty());
    }

    #[test]
    fn depth_counts_enclosing_pairs() {
        let t = "« a “ b ” » c";
        let a = Analysis::new(t);
        let w = words(&a);
        let q = Quotes::new(t, &w);
        let d: Vec<u16> = (0..w.len()).map(|i| q.depth(i)).collect();
        assert_eq!(d, [0, 1, 1, 2, 1, 0, 0]);
    }
}
