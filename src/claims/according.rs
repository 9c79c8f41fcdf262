//! `selon X` / `d'après X`: according_to claims (direct when the content is a quotation).
//!
//! * `Selon X, …` at the start of a clause → content after the selon-phrase (and its addressee
//!   or apposition: `Selon les propos de son avocat, Me Antonin Levy à l'AFP, « … »`);
//! * `…, selon X.` / `… selon X.` at the end → content from the start of the clause;
//! * `…, selon X, malgré …` (what follows is an adverbial) → content before the selon-phrase;
//! * `Ces « consultations », selon X, visent à …` (inserted in the clause) → the whole clause.
//!
//! The cue is `selon` / `d'après` alone; the source is the phrase after it, wrapper nouns left out.

use super::cues::VerbGroup;
use super::lexicon::{is_conjunction, is_preposition, is_temporal, is_verb_adverb};
use super::words::WordKind;
use super::{Cand, Ctx, Unit, UnitState};
use crate::annotation::ClaimKind;

/// The `selon` / `d'après` cues of unit `u`, as inclusive word ranges, in text order.
pub fn selon_cues(ctx: &Ctx, u: &Unit) -> Vec<(usize, usize)> {
    let w = &ctx.words;
    let mut out = Vec::new();
    for i in u.body..u.w1 {
        if ctx.quotes.inside(i) || w[i].kind != WordKind::Alpha {
            continue;
        }
        let next = |k: usize| w.get(k).filter(|_| k < u.w1).map(|x| x.norm.as_str());
        let last = match w[i].norm.as_str() {
            "selon" => i,
            "d'" if next(i + 1) == Some("après") && w[i + 1].start == w[i].end => i + 1,
            _ => continue,
        };
        let after = next(last + 1);
        let idiom = match after {
            Some("que" | "qu'" | "toute" | "moi" | "toi" | "nous" | "vous") => true,
            Some("le" | "la" | "les") => next(last + 2).is_some_and(|n| {
                matches!(
                    n,
                    "cas" | "modalités" | "règles" | "besoins" | "circonstances"
                )
            }),
            _ => false,
        };
        if after.is_none() || idiom {
            continue;
        }
        out.push((i, last));
    }
    out
}

/// True when the words after a selon-phrase start an adverbial or a new clause rather than the
/// rest of the clause the phrase is inserted in.
fn starts_adjunct(ctx: &Ctx, k: usize) -> bool {
    let x = &ctx.words[k];
    let n = x.norm.as_str();
    x.kind == WordKind::Number
        || is_preposition(n)
        || is_conjunction(n)
        || is_verb_adverb(n)
        || is_temporal(n)
        || (n.ends_with("ant") && n.chars().count() > 5)
        || matches!(n, "ce" | "c'" | "soit" | "notamment")
}

/// Adds the claim of the selon-phrase `(first, last)` to `out`.
pub fn claim(
    ctx: &Ctx,
    u: &Unit,
    (first, last): (usize, usize),
    groups: &[VerbGroup],
    st: &mut UnitState,
    out: &mut Vec<Cand>,
) {
    let w = &ctx.words;
    let Some(source) = ctx.np_right(u, last + 1, true) else {
        return;
    };
    let cue = (first, last + 1);
    let mut start = st.next.max(u.body);
    while start < first && (w[start].is_punct(",") || w[start].norm == "et") {
        start += 1;
    }
    if first <= start {
        // `Selon X, …`: skip the rest of the phrase up to its comma.
        let mut k = source.1;
        let mut j = k;
        while j < u.w1 && j - k < 8 && !w[j].is_punct(",") && w[j].kind != WordKind::Open {
            j += 1;
        }
        if j < u.w1 && w[j].is_punct(",") {
            k = j + 1;
            // An apposition after the comma (`, maire de la ville,`).
            let mut a = k;
            while a < u.w1 && a - k < 7 && !w[a].is_punct(",") && w[a].kind == WordKind::Alpha {
                a += 1;
            }
            if a < u.w1 && a > k && w[a].is_punct(",") && ctx.has_speaker_noun(k, (k + 2).min(a)) {
                k = a + 1;
            }
        }
        let e = ctx.clause_end(u, k, groups);
        if let Some(c) = ctx.make_claim(ClaimKind::AccordingTo, k, e, cue, source) {
            st.record(&c, e);
            out.push(c);
        }
        return;
    }
    let mut k = source.1;
    let rest = ctx.trim(k, u.w1);
    let content_end = if rest.0 >= rest.1 {
        first
    } else if w[k].is_punct(",") {
        k += 1;
        // An adverbial or an apposition (`, l'un de ses avocats`) after the source ends the
        // selon-phrase; anything else continues the clause it is inserted in.
        let apposition = k < u.w1 && (ctx.starts_np(k, u.w1) || ctx.lex.is_speaker(&w[k].norm));
        if k >= u.w1 || starts_adjunct(ctx, k) || apposition {
            first
        } else {
            u.w1
        }
    } else {
        first
    };
    if let Some(c) = ctx.make_claim(ClaimKind::AccordingTo, start, content_end, cue, source) {
        st.record(&c, source.1.max(content_end));
        out.push(c);
    }
}
