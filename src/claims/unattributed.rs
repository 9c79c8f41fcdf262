//! Unattributed claims: sentences that state a checkable fact with a figure about the event
//! (`Six personnes sont mortes …`, `La participation a été forte (72,2 %)`), and that nobody is
//! cited for. Content: the whole sentence after any dateline, without its final punctuation.
//!
//! Not claims: the headline, questions, sentences introducing a list (`… sont :`), sentences
//! that are only a quotation, sentences that hold an attributed claim or lie inside one, and
//! demands or recommendations (`La DGAC recommande aux compagnies de réduire de 25 % …`).

use super::figures::has_event_figure;
use super::lexicon::{is_de, is_determiner, is_preposition};
use super::words::WordKind;
use super::{Cand, Ctx};
use crate::annotation::ClaimKind;

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// Adds the unattributed claims of the text to `claims` (which holds the attributed ones).
pub fn add(ctx: &Ctx, claims: &mut Vec<Cand>) {
    let w = &ctx.words;
    let mut found = Vec::new();
    for u in &ctx.units {
        if u.title || u.is_empty() {
            continue;
        }
        let range = (u.body, u.w1);
        let last = &w[u.w1 - 1];
        let question = last.norm == "?"
            || (u.w1 >= 2 && last.kind == WordKind::Close && w[u.w1 - 2].norm == "?");
        if question || last.norm == ":" {
            continue;
        }
        let taken = claims.iter().any(|c| {
            overlaps(c.content, range)
                || c.cue.is_some_and(|q| overlaps(q, range))
                || c.source.is_some_and(|q| overlaps(q, range))
        });
        if taken {
            continue;
        }
        let (s, e) = ctx.trim(u.body, u.w1);
        if s >= e || ctx.exact_quote(s, e).is_some() {
            continue;
        }
        let directive = (s..e).any(|k| {
            !ctx.quotes.inside(k)
                && w[k].kind == WordKind::Alpha
                && ctx.lex.is_directive(&w[k].norm)
                && !(k > s && {
                    let p = w[k - 1].norm.as_str();
                    is_determiner(p) || is_de(p) || is_preposition(p)
                })
        });
        if directive || !has_event_figure(ctx, s, e) {
            continue;
        }
        found.push(Cand {
            kind: ClaimKind::Unattributed,
            content: (s, e),
            cue: None,
            source: None,
        });
    }
    claims.extend(found);
}
