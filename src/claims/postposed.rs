//! Post-posed attribution: what is reported comes first, then the verb and the speaker.
//!
//! * `« … », a déclaré X.` / `« … » a déclaré X` / `« … », affirme-t-il.` → direct;
//! * `…, a précisé X.` / `…, avait annoncé sa présidente Y.` → indirect, content from the start of
//!   the sentence (after a dateline) to the comma before the verb;
//! * `« A », dit-il, « B ».` → two direct claims with the same cue and source;
//! * `C'est ce qu'a annoncé X` → indirect (direct if that is a quotation) whose content is the
//!   previous sentence.
//!
//! Without an inverted pronoun, the words after the verb must look like a speaker (a name, a
//! speaker noun such as `porte-parole`, a PER/ORG entity) so that `Le maire, élu en 2014, a
//! annoncé la fermeture de l'école` is not read as post-posed.

use super::cues::{GroupKind, VerbGroup};
use super::lexicon::{is_auxiliary, is_determiner, is_honorific};
use super::words::WordKind;
use super::{Cand, Ctx, Unit, UnitState};
use crate::annotation::{ClaimKind, Label};

impl Ctx<'_> {
    /// True when the phrase `s..e` is headed by a speaker: its first noun is a speaker noun or a
    /// name, or a PER/ORG entity starts at its head.
    pub fn headed_by_speaker(&self, s: usize, e: usize) -> bool {
        let w = &self.words;
        let mut h = s;
        while h < e && (is_determiner(&w[h].norm) || is_honorific(&w[h].norm)) {
            // `M.`, `Mme`: the dot of an abbreviated honorific goes with it.
            let dotted = is_honorific(&w[h].norm)
                && h + 1 < e
                && w[h + 1].is_punct(".")
                && w[h + 1].start == w[h].end;
            h += if dotted { 2 } else { 1 };
        }
        // `premier ministre`, `nouveau président`: one adjective may precede the head.
        if h + 1 < e
            && matches!(
                w[h].norm.as_str(),
                "premier"
                    | "première"
                    | "nouveau"
                    | "nouvelle"
                    | "ancien"
                    | "ancienne"
                    | "haut"
                    | "jeune"
                    | "vieux"
                    | "grand"
                    | "seul"
                    | "principal"
                    | "actuel"
            )
        {
            if self.lex.is_speaker(&w[h + 1].norm) {
                return true;
            }
            h += 1;
        }
        if h >= e {
            return false;
        }
        if self.lex.is_speaker(&w[h].norm) || self.is_name_word(h) || self.is_initial_word(h) {
            return true;
        }
        let at = w[h].start;
        self.entities
            .iter()
            .any(|x| matches!(x.label, Label::PER | Label::ORG) && x.start <= at && at < x.end)
    }

    fn is_initial_word(&self, i: usize) -> bool {
        let w = &self.words;
        w[i].cap && w[i].norm.chars().count() == 1 && i + 1 < w.len() && w[i + 1].is_punct(".")
    }
}

/// True when `s..e` is a noun phrase followed by a comma and a relative clause that runs to the
/// end (`Urique, qui s'est opposé aux accords`), not a clause whose subject has a relative
/// (`La commission, qui est dotée de pouvoirs, auditionnera …`).
fn subject_then_relative(ctx: &Ctx, s: usize, e: usize) -> bool {
    let w = &ctx.words;
    let Some(c) = (s..e).find(|&k| w[k].is_punct(",")) else {
        return false;
    };
    c > s
        && c + 1 < e
        && !(c + 1..e).any(|k| w[k].is_punct(","))
        && ctx.starts_np(s, c)
        && matches!(
            w[c + 1].norm.as_str(),
            "qui" | "dont" | "lequel" | "laquelle" | "lesquels" | "lesquelles"
        )
        && !(s..c).any(|k| {
            let n = w[k].norm.as_str();
            is_auxiliary(n) || ctx.lex.verb(n).is_some_and(|f| f.finite)
        })
}

/// `C'est ce qu'a annoncé X`: true when the group follows `ce qu'`/`ce que` after `c'est`.
fn is_cleft(ctx: &Ctx, u: &Unit, g: &VerbGroup) -> bool {
    let w = &ctx.words;
    let f = g.first;
    if f < u.body + 3 {
        return false;
    }
    if !(matches!(w[f - 1].norm.as_str(), "qu'" | "que") && w[f - 2].norm == "ce") {
        return false;
    }
    (u.body..f - 2).any(|k| matches!(w[k].norm.as_str(), "est" | "était" | "voilà" | "voici"))
        && f - 2 - u.body <= 6
}

/// Adds the claims of a post-posed group `g` to `out`.
pub fn claims(
    ctx: &Ctx,
    u: &Unit,
    g: &VerbGroup,
    prev_unit: Option<&Unit>,
    st: &mut UnitState,
    out: &mut Vec<Cand>,
) -> bool {
    if matches!(g.kind, GroupKind::Gerund | GroupKind::Coordinated) || g.first <= u.body {
        return false;
    }
    let w = &ctx.words;
    let cue = (g.first, g.last + 1);
    let source = match g.clitic {
        Some(c) => Some((c, c + 1)),
        None => ctx
            .np_right(u, g.last + 1, false)
            .filter(|&(s, e)| ctx.headed_by_speaker(s, e)),
    };
    let Some(source) = source else {
        return false;
    };
    let after = source.1.max(g.last + 1);
    if is_cleft(ctx, u, g) {
        let Some(p) = prev_unit.filter(|p| !p.is_empty()) else {
            return false;
        };
        let Some(c) = ctx.make_claim(ClaimKind::Indirect, p.body, p.w1, cue, source) else {
            return false;
        };
        st.record(&c, after);
        out.push(c);
        return true;
    }
    let p = g.first - 1;
    let pre_end = if w[p].is_punct(",") {
        p
    } else if w[p].kind == WordKind::Close && ctx.quotes.closed_at(p).is_some() {
        p + 1
    } else {
        return false;
    };
    let mut s = st.next.max(u.body);
    while s < pre_end && (w[s].is_punct(",") || w[s].norm == "et") {
        s += 1;
    }
    // `… accueillie par l'ACLU : « … » a-t-elle déclaré`: a colon introduces the quotation that
    // runs to the cue; the writer's words before it are not reported.
    if let Some(c) = (s..pre_end).rev().find(|&k| {
        w[k].is_punct(":") && !ctx.quotes.inside(k) && ctx.exact_quote(k + 1, pre_end).is_some()
    }) {
        s = c + 1;
    }
    let (ts, te) = ctx.trim(s, pre_end);
    let is_quote = ctx.exact_quote(ts, te).is_some();
    // `« Quotidien » a révélé …`: a quoted name is the subject, not a quotation.
    if is_quote && !w[p].is_punct(",") && ctx.exact_quote(ts, te).is_some_and(|(a, b)| b - a < 3) {
        return false;
    }
    if te <= ts || (!is_quote && te - ts < 3) {
        return false;
    }
    // `Urique, qui s'est opposé aux accords, a soutenu Duque`: a subject and its relative clause,
    // not a reported clause.
    if !is_quote && g.clitic.is_none() && subject_then_relative(ctx, ts, te) {
        return false;
    }
    let Some(mut c) = ctx.make_claim(ClaimKind::Indirect, ts, te, cue, source) else {
        return false;
    };
    // `« … », en parlant de ses loisirs, a affirmé X`: a quotation then an adjunct.
    if c.kind == ClaimKind::Indirect && matches!(w[ts].kind, WordKind::Open | WordKind::Straight) {
        if let Some(p) = ctx.quotes.opened_at(ts) {
            let rest = p.close + 1;
            if rest + 1 < te
                && w[rest].is_punct(",")
                && ctx.starts_adjunct(rest + 1)
                && p.close > p.open + 1
            {
                c.kind = ClaimKind::Direct;
                c.content = (p.open + 1, p.close);
            }
        }
    }
    st.record(&c, after);
    out.push(c);
    // `« A », dit-il, « B ».`
    let mut k = after;
    if k < u.w1 && w[k].is_punct(",") {
        k += 1;
    }
    if k < u.w1 && matches!(w[k].kind, WordKind::Open | WordKind::Straight) {
        if let Some(p) = ctx.quotes.opened_at(k) {
            if let Some(inner) = ctx.exact_quote(k, p.close + 1) {
                let rest = ctx.trim(p.close + 1, u.w1);
                if rest.0 >= rest.1 {
                    let c2 = Cand {
                        kind: ClaimKind::Direct,
                        content: inner,
                        cue: Some(cue),
                        source: Some(source),
                    };
                    st.record(&c2, p.close + 1);
                    out.push(c2);
                }
            }
        }
    }
    true
}
