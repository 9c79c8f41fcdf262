//! Direct quotations: when an attributed content is exactly one pair of quotation marks, the claim
//! is `direct` and its content is what lies between the marks (without the marks and the
//! (narrow) no-break spaces next to them). Also: a quotation standing alone as the sentence right
//! after a direct claim continues it (`« A », a précisé X. « B ».` → two claims, same cue and
//! source).

use super::words::WordKind;
use super::{Cand, Ctx, Unit};
use crate::annotation::ClaimKind;

impl Ctx<'_> {
    /// When `s..e` (after trimming final punctuation and a trailing writer's parenthesis) is
    /// exactly one quotation, the words between its marks.
    pub fn exact_quote(&self, s: usize, e: usize) -> Option<(usize, usize)> {
        let w = &self.words;
        let (s, mut e) = self.trim(s, e);
        if e > s + 1 && w[e - 1].is_punct(")") {
            // `« … » (ce mandat est à l'origine de la crise)` — the note is the writer's.
            if let Some(open) = (s..e - 1).rev().find(|&k| w[k].is_punct("(")) {
                if open > s && w[open - 1].kind == WordKind::Close {
                    e = self.trim(s, open).1;
                }
            }
        }
        if e <= s + 2 || !matches!(w[s].kind, WordKind::Open | WordKind::Straight) {
            return None;
        }
        let p = self.quotes.opened_at(s)?;
        (p.close == e - 1 && p.close > p.open + 1).then_some((p.open + 1, p.close))
    }

    /// A claim over `s..e`: `direct` with the inner words when it is exactly a quotation,
    /// otherwise of kind `kind` over the trimmed words. `None` when nothing is left.
    pub fn make_claim(
        &self,
        kind: ClaimKind,
        s: usize,
        e: usize,
        cue: (usize, usize),
        source: (usize, usize),
    ) -> Option<Cand> {
        let (s, e) = self.trim(s, e);
        if s >= e {
            return None;
        }
        let (kind, content) = match self.exact_quote(s, e) {
            Some(inner) => (ClaimKind::Direct, inner),
            None => (kind, (s, e)),
        };
        Some(Cand {
            kind,
            content,
            cue: Some(cue),
            source: Some(source),
        })
    }
}

/// If unit `u` is nothing but a quotation and the last claim of the previous unit is direct,
/// adds a direct claim continuing it (same cue and source).
pub fn continuation(ctx: &Ctx, u: &Unit, prev: Option<&Unit>, out: &mut Vec<Cand>) {
    let Some(prev) = prev else {
        return;
    };
    let Some(inner) = ctx.exact_quote(u.body, u.w1) else {
        return;
    };
    let Some(last) = out.last() else {
        return;
    };
    let in_prev = |r: (usize, usize)| prev.w0 <= r.0 && r.1 <= prev.w1;
    if last.kind != ClaimKind::Direct || !(in_prev(last.content) || last.cue.is_some_and(in_prev)) {
        return;
    }
    out.push(Cand {
        kind: ClaimKind::Direct,
        content: inner,
        cue: last.cue,
        source: last.source,
    });
}

/// `« A.⏎⏎« B », dit-il.`: in French a quotation over several paragraphs opens each paragraph
/// with `«` and closes only at its end. A paragraph that opens a quotation never closed on its
/// line, followed by a paragraph whose opening quotation is a direct claim, is a direct claim
/// with the same cue and source (read from the last paragraph back, so chains work).
pub fn open_paragraphs(ctx: &Ctx, cands: &mut Vec<Cand>) {
    let w = &ctx.words;
    let starts: Vec<usize> = (0..w.len())
        .filter(|&i| i == 0 || w[i].newline_before)
        .collect();
    // Direct claims by the word their content starts at (one lookup per paragraph).
    let mut direct_at: std::collections::HashMap<usize, usize> = cands
        .iter()
        .enumerate()
        .filter(|(_, c)| c.kind == ClaimKind::Direct)
        .map(|(i, c)| (c.content.0, i))
        .collect();
    for li in (1..starts.len().saturating_sub(1)).rev() {
        let (s, e) = (starts[li], starts[li + 1]);
        let unclosed = w[s].kind == WordKind::Open
            && w[s].norm == "«"
            && ctx.quotes.opened_at(s).is_none()
            && !(s..e).any(|k| w[k].kind == WordKind::Close && w[k].norm == "»");
        if !unclosed || e < s + 3 || w[e].kind != WordKind::Open {
            continue;
        }
        let Some(&next) = direct_at.get(&(e + 1)) else {
            continue;
        };
        let c = Cand {
            kind: ClaimKind::Direct,
            content: (s + 1, e),
            cue: cands[next].cue,
            source: cands[next].source,
        };
        direct_at.insert(s + 1, cands.len());
        cands.push(c);
    }
}
