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
use super::lexicon::{
    is_auxiliary, is_conjunction, is_de, is_determiner, is_preposition, is_temporal, is_verb_adverb,
};
use super::words::WordKind;
use super::{Cand, Ctx, Unit, UnitState};
use crate::annotation::{ClaimKind, Label};

/// Participles after which `d'après` means "after" (`nommé d'après X`, `adapté d'après`).
fn is_named_after(w: &str) -> bool {
    [
        "nommé",
        "baptisé",
        "inspiré",
        "adapté",
        "tiré",
        "calqué",
        "dessiné",
        "copié",
        "réalisé",
    ]
    .iter()
    .any(|p| w.starts_with(p))
}

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
            "d'" if next(i + 1) == Some("après")
                && w[i + 1].start == w[i].end
                && !(i > u.body && is_named_after(&w[i - 1].norm)) =>
            {
                i + 1
            }
            // `À en croire X`
            "à" if next(i + 1) == Some("en") && next(i + 2) == Some("croire") => i + 2,
            // `De source policière, …`, `…, de sources concordantes.`
            "de" if matches!(next(i + 1), Some("source" | "sources"))
                && de_source_end(ctx, u, i + 1).is_some() =>
            {
                i + 1
            }
            // `Pour l'économiste X, …` / `Pour lui, …` at the start of a clause.
            "pour" if pour_speaker(ctx, u, i) => i,
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

/// End (exclusive) of the source of `de source(s) …` whose `source` word is at `k`: the noun and
/// its modifiers (`source policière`, `source proche du dossier`) up to a comma or the end of the
/// unit, none of them a verb; `None` when no modifier follows or the phrase runs on.
fn de_source_end(ctx: &Ctx, u: &Unit, k: usize) -> Option<usize> {
    let w = &ctx.words;
    let mut e = k + 1;
    while e < u.w1 && e - k <= 5 && w[e].kind == WordKind::Alpha {
        let n = w[e].norm.as_str();
        if is_auxiliary(n) || is_copula(n) || ctx.lex.verb(n).is_some_and(|f| f.finite) {
            return None;
        }
        e += 1;
    }
    let ends = e >= u.w1 || matches!(w[e].norm.as_str(), "," | "." | ";" | "!" | "?");
    (e > k + 1 && ends).then_some(e)
}

/// True when `pour` at word `i` opens a clause (unit start, or after `;` / `:`) and introduces a
/// speaker followed by a comma: `Pour l'économiste Jean Petit, …`, `Pour lui, …` — not `Pour
/// l'instant, …` nor `Pour des raisons de sécurité, …`.
fn pour_speaker(ctx: &Ctx, u: &Unit, i: usize) -> bool {
    let w = &ctx.words;
    let opens = i == u.body || (i > u.body && (w[i - 1].is_punct(";") || w[i - 1].is_punct(":")));
    if !opens || i + 1 >= u.w1 {
        return false;
    }
    let Some((s, e)) = ctx.np_right(u, i + 1, true) else {
        return false;
    };
    if !(e < u.w1 && w[e].is_punct(",")) {
        return false;
    }
    if e == s + 1 && matches!(w[s].norm.as_str(), "lui" | "elle" | "eux" | "elles") {
        return true;
    }
    let (a, b) = (w[s].start, w[e - 1].end);
    ctx.has_speaker_noun(s, e)
        || ctx
            .entities
            .iter()
            .any(|x| x.label == Label::PER && a <= x.start && x.end <= b)
}

impl Ctx<'_> {
    /// True when word `k` starts an adverbial or a new clause (preposition, conjunction, adverb,
    /// time word, gerund) rather than the rest of a clause.
    pub fn starts_adjunct(&self, k: usize) -> bool {
        starts_adjunct(self, k)
    }
}

fn starts_adjunct(ctx: &Ctx, k: usize) -> bool {
    let x = &ctx.words[k];
    let n = x.norm.as_str();
    is_preposition(n)
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
    let source = if w[first].norm == "de" {
        de_source_end(ctx, u, last).map(|e| (last, e))
    } else {
        ctx.np_right(u, last + 1, true)
    };
    let Some(source) = source else {
        return;
    };
    let cue = (first, last + 1);
    let mut start = st.next.max(u.body);
    while start < first && (w[start].is_punct(",") || w[start].norm == "et") {
        start += 1;
    }
    if first <= start || starts_clause(ctx, start, first) {
        // `Selon X, …` (also after `, et,` / `;`): the content follows the selon-phrase.
        let (k, source) = after_phrase(ctx, u, source);
        let e = ctx.clause_end(u, k, groups);
        if let Some(c) = ctx.make_claim(ClaimKind::AccordingTo, k, e, cue, source) {
            st.record(&c, e);
            out.push(c);
        }
        return;
    }
    // `« A », selon X, « B ».`: a quotation cut by its selon-attribution, two direct claims.
    if let Some(a) = ctx.exact_quote(start, first) {
        let mut k = source.1;
        if k < u.w1 && w[k].is_punct(",") {
            k += 1;
        }
        let b = (k < u.w1)
            .then(|| ctx.quotes.opened_at(k))
            .flatten()
            .and_then(|p| ctx.exact_quote(k, u.w1).filter(|_| p.open == k));
        if let Some(b) = b {
            for content in [a, b] {
                let c = Cand {
                    kind: ClaimKind::Direct,
                    content,
                    cue: Some(cue),
                    source: Some(source),
                };
                st.record(&c, u.w1);
                out.push(c);
            }
            return;
        }
    }
    let mut k = source.1;
    // `selon Enedis (anciennement ERDF)`: a parenthesis after the source belongs to the phrase.
    if k < u.w1 && w[k].is_punct("(") {
        if let Some(c) = (k + 1..u.w1.min(k + 12)).find(|&m| w[m].is_punct(")")) {
            k = c + 1;
        }
    }
    let rest = ctx.trim(k, u.w1);
    // The clause before the selon-phrase is incomplete (`X est, selon Y, la plus grande …`): the
    // phrase is inserted in it.
    let before = ctx.trim(start, first).1;
    let incomplete = before > start && {
        let n = w[before - 1].norm.as_str();
        is_auxiliary(n)
            || is_copula(n)
            || is_determiner(n)
            || is_de(n)
            || (is_preposition(n) && n != "selon")
    };
    // Only a fronted adverbial before it (`Vers 14h50, selon X, …`): inserted in the clause.
    let adverbial = before > start
        && before - start <= 6
        && (is_preposition(&w[start].norm)
            || is_verb_adverb(&w[start].norm)
            || is_temporal(&w[start].norm))
        && !(start..before).any(|m| {
            let n = w[m].norm.as_str();
            is_auxiliary(n) || is_copula(n) || ctx.lex.verb(n).is_some_and(|f| f.finite)
        });
    let content_end = if rest.0 >= rest.1 {
        first
    } else if incomplete || adverbial {
        u.w1
    } else if w[k].is_punct(",") {
        // An adverbial or an apposition (`, l'un de ses avocats`) after the source ends the
        // selon-phrase; anything else continues the clause it is inserted in.
        let n = k + 1;
        let apposition = n < u.w1 && (ctx.starts_np(n, u.w1) || ctx.lex.is_speaker(&w[n].norm));
        if n >= u.w1 || starts_adjunct(ctx, n) || apposition {
            first
        } else {
            u.w1
        }
    } else if starts_adjunct(ctx, k) {
        first
    } else {
        u.w1
    };
    // `…, a-t-on appris de source policière`: the impersonal `a-t-on appris` is no content.
    let mut content_end = content_end;
    if content_end == first && first >= start + 3 {
        let on = (first - 3..first).find(|&k| w[k].kind == WordKind::Clitic && w[k].norm == "on");
        if let Some(on) = on {
            if matches!(w[first - 1].norm.as_str(), "appris" | "apprend" | "su") {
                content_end = if on > 0 && is_auxiliary(&w[on - 1].norm) {
                    on - 1
                } else {
                    on.min(first - 1)
                };
            }
        }
    }
    if let Some(c) = ctx.make_claim(ClaimKind::AccordingTo, start, content_end, cue, source) {
        st.record(&c, source.1.max(content_end));
        out.push(c);
    }
}

/// Forms of être that leave a clause incomplete before an inserted selon-phrase.
fn is_copula(w: &str) -> bool {
    matches!(
        w,
        "est"
            | "sont"
            | "était"
            | "étaient"
            | "serait"
            | "seraient"
            | "sera"
            | "seront"
            | "fut"
            | "reste"
            | "restent"
            | "demeure"
            | "semble"
            | "paraît"
    )
}

/// True when the selon-phrase at `first` opens a new clause of the sentence (`…, et, d'après X,
/// …`, `…; selon X, …`).
fn starts_clause(ctx: &Ctx, start: usize, first: usize) -> bool {
    let w = &ctx.words;
    let mut k = first;
    while k > start && w[k - 1].is_punct(",") {
        k -= 1;
    }
    k > start
        && (matches!(
            w[k - 1].norm.as_str(),
            "et" | "mais" | "puis" | "donc" | "car" | "or"
        ) && w[k - 1].kind == WordKind::Alpha
            || w[k - 1].is_punct(";")
            || w[k - 1].is_punct(":"))
        && k < first
}

/// The first word after a clause-initial selon-phrase — past an addressee (`à l'AFP`) up to the
/// phrase's comma, past the speaker's name after a title (`Selon le négociateur pour l'industrie
/// du taxi, Guy Chevrette,` — the source then runs to the name) and past appositions (`, maire de
/// la ville,`, `, dont Rita Katz, directrice du SITE,`) — and the source.
fn after_phrase(ctx: &Ctx, u: &Unit, mut source: (usize, usize)) -> (usize, (usize, usize)) {
    let w = &ctx.words;
    let mut k = source.1;
    let mut j = k;
    while j < u.w1 && j - k < 20 && !w[j].is_punct(",") && w[j].kind != WordKind::Open {
        j += 1;
    }
    if !(j < u.w1 && w[j].is_punct(",")) {
        return (k, source);
    }
    k = j + 1;
    let mut ends_with_name = ctx.is_name_word(source.1 - 1);
    if !ends_with_name && ctx.has_speaker_noun(source.0, source.1) {
        if let Some(ne) = ctx.name_chunk_right(u, k) {
            if ne < u.w1 && w[ne].is_punct(",") {
                source.1 = ne;
                k = ne + 1;
                ends_with_name = true;
            }
        }
    }
    let mut skipped = 0;
    while skipped < 3 {
        let mut a = k;
        while a < u.w1 && a - k < 8 && !w[a].is_punct(",") && w[a].kind == WordKind::Alpha {
            a += 1;
        }
        if !(a < u.w1 && a > k && w[a].is_punct(",")) {
            break;
        }
        let verbless = (k..a).all(|m| {
            let n = w[m].norm.as_str();
            !(is_auxiliary(n) || is_copula(n) || ctx.lex.verb(n).is_some_and(|f| f.finite))
        });
        let f = w[k].norm.as_str();
        // A bare role (`, maire de la ville,`) is an apposition; `, le maire, qui …` after a
        // source without a name is rather the subject of the clause.
        let role_first = ctx.lex.is_speaker(f) && !is_determiner(f);
        let listing = matches!(f, "dont" | "notamment" | "parmi");
        let gerund = skipped > 0 && f.ends_with("ant");
        if !(verbless && (ends_with_name || role_first || listing || gerund)) {
            break;
        }
        ends_with_name = ctx.is_name_word(a - 1);
        k = a + 1;
        skipped += 1;
    }
    (k, source)
}
