//! Unattributed claims: sentences that state a checkable fact with a figure about the event
//! (`Six personnes sont mortes …`, `La participation a été forte (72,2 %)`), and that nobody is
//! cited for. Content: the whole sentence after any dateline, without its final punctuation.
//!
//! Not claims: the headline, questions, sentences introducing a list (`… sont :`), sentences
//! that are only a quotation, sentences that hold an attributed claim or lie inside one, and
//! demands or recommendations (`La DGAC recommande aux compagnies de réduire de 25 % …`).

use super::figures::first_event_figure;
use super::lexicon::{is_de, is_determiner, is_preposition};
use super::words::WordKind;
use super::{Cand, Ctx};
use crate::annotation::ClaimKind;

/// The part of `body..w1` outside the attributed words `a..b` that is a clause of its own: it
/// must be separated from them by `et`, `mais`, `puis` or `;`.
fn free_clause(ctx: &Ctx, body: usize, a: usize, b: usize, w1: usize) -> Option<(usize, usize)> {
    let w = &ctx.words;
    let connector = |k: usize| {
        w[k].is_punct(",")
            || w[k].is_punct(";")
            || matches!(w[k].norm.as_str(), "et" | "mais" | "puis")
    };
    let strong =
        |k: usize| w[k].is_punct(";") || matches!(w[k].norm.as_str(), "et" | "mais" | "puis");
    if a > body {
        let mut e = a;
        let mut ok = false;
        while e > body && connector(e - 1) {
            ok |= strong(e - 1);
            e -= 1;
        }
        if ok && e > body {
            return Some(ctx.trim(body, e));
        }
    }
    if b < w1 {
        let mut s = b;
        let mut ok = false;
        while s < w1 && connector(s) {
            ok |= strong(s);
            s += 1;
        }
        let (s, e) = ctx.trim(s, w1);
        if ok && s < e {
            return Some((s, e));
        }
    }
    None
}

/// Future and near-future forms (`sera`, `auditionnera`, `va`, `vont`, `devrait`).
fn is_future(w: &str) -> bool {
    matches!(
        w,
        "va" | "vont"
            | "sera"
            | "seront"
            | "aura"
            | "auront"
            | "fera"
            | "feront"
            | "pourra"
            | "pourront"
            | "devra"
            | "devront"
            | "devrait"
            | "devraient"
            | "ira"
            | "iront"
    ) || (w.chars().count() > 6
        && (w.ends_with("era")
            || w.ends_with("eront")
            || w.ends_with("ira")
            || w.ends_with("iront")))
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// Per unit, the first and last word of the spans of attributed `claims` that overlap its body
/// (each span is matched to the units it overlaps by a binary search: units follow one another).
fn used_words(ctx: &Ctx, claims: &[Cand]) -> Vec<Option<(usize, usize)>> {
    let units = &ctx.units;
    let mut used: Vec<Option<(usize, usize)>> = vec![None; units.len()];
    for c in claims {
        for r in [Some(c.content), c.cue, c.source].into_iter().flatten() {
            let first = units.partition_point(|u| u.w1 <= r.0);
            for (u, slot) in units[first..].iter().zip(&mut used[first..]) {
                if u.w0 >= r.1 {
                    break;
                }
                if overlaps(r, (u.body, u.w1)) {
                    let (a, b) = slot.unwrap_or(r);
                    *slot = Some((a.min(r.0), b.max(r.1)));
                }
            }
        }
    }
    used
}

/// Adds the unattributed claims of the text to `claims` (which holds the attributed ones).
pub fn add(ctx: &Ctx, claims: &mut Vec<Cand>) {
    let w = &ctx.words;
    let used_by_unit = used_words(ctx, claims);
    let mut found = Vec::new();
    for (u, &used) in ctx.units.iter().zip(&used_by_unit) {
        if u.title || u.is_empty() {
            continue;
        }
        let last = &w[u.w1 - 1];
        let question = last.norm == "?"
            || (u.w1 >= 2 && last.kind == WordKind::Close && w[u.w1 - 2].norm == "?");
        if question || last.norm == ":" {
            continue;
        }
        let (s, e) = match used {
            None => ctx.trim(u.body, u.w1),
            // One main clause of the sentence when another is attributed (`…, neuf radars ont été
            // incendiés, et, d'après le journal, cela …`).
            Some((a, b)) => match free_clause(ctx, u.body, a, b, u.w1) {
                Some(r) => r,
                None => continue,
            },
        };
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
        let Some(first_fig) = first_event_figure(ctx, s, e).filter(|_| !directive) else {
            continue;
        };
        // Announcements of what will happen are not facts yet (`Le système va être testé sur
        // huit personnes`): skip when a future form comes before the first figure.
        if (s..first_fig).any(|k| is_future(&w[k].norm)) {
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
