//! Reporting verb groups: the cue of direct and indirect claims.
//!
//! A group is auxiliary + adverbs + participle (`a également annoncé`, `a-t-elle ajouté`), a
//! finite verb with or without an inverted subject (`déclare`, `affirme-t-il`), a gerund after a
//! comma or `en` (`soulignant`), a participle coordinated with `et` under an earlier auxiliary
//! (`… et ajouté`), or `faire savoir` / `faire valoir`. Words inside quotation marks are never
//! cues: they are the speaker's words, not the writer's attribution.

use super::lexicon::{
    is_auxiliary, is_conjunction, is_de, is_determiner, is_preposition, is_subject_pronoun,
    is_verb_adverb, Form,
};
use super::words::WordKind;
use super::{Ctx, Unit};

/// How the group is built, which decides where its subject is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupKind {
    /// A finite verb (`déclare`, `dit-il`).
    Finite,
    /// Auxiliary + participle (`a déclaré`, `a-t-il conclu`).
    Compound,
    /// Gerund / present participle (`soulignant`): the subject is the governing clause's.
    Gerund,
    /// Participle coordinated under an earlier auxiliary (`et ajouté`): same subject as before.
    Coordinated,
}

/// One reporting verb group, as word indices.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VerbGroup {
    /// First word of the cue span.
    pub first: usize,
    /// Last word of the cue span (inclusive).
    pub last: usize,
    /// The lexical verb.
    pub verb: usize,
    pub form: Form,
    pub kind: GroupKind,
    /// The inverted subject pronoun (`il` of `a-t-il`), inside the cue span.
    pub clitic: Option<usize>,
}

const FAIRE: &[&str] = &[
    "fait",
    "font",
    "faisait",
    "faisaient",
    "fera",
    "feront",
    "ferait",
    "feraient",
    "fit",
    "firent",
];

/// Finds the verb groups of the body of `u`, in text order.
pub fn verb_groups(ctx: &Ctx, u: &Unit) -> Vec<VerbGroup> {
    let w = &ctx.words;
    let mut out: Vec<VerbGroup> = Vec::new();
    let mut i = u.body;
    while i < u.w1 {
        if ctx.quotes.inside(i) || w[i].kind != WordKind::Alpha {
            i += 1;
            continue;
        }
        let semi = if ctx.lex.is_reporting_infinitive(&w[i].norm) {
            semi_auxiliary_group(ctx, u, i)
        } else {
            None
        };
        let found = if matches!(
            w[i].norm.as_str(),
            "savoir" | "valoir" | "remarquer" | "observer"
        ) && i > u.body
            && FAIRE.contains(&w[i - 1].norm.as_str())
        {
            faire_savoir(ctx, u, i)
        } else if semi.is_some() {
            semi
        } else if let Some(form) = ctx.lex.verb(&w[i].norm) {
            // `« … », s'est indigné X`: a listed participle after `s'est` reads like any verb
            // after a quotation.
            group_at(ctx, u, i, form).or_else(|| verb_after_quote(ctx, u, i))
        } else {
            inverted_after_quote(ctx, u, i)
                .or_else(|| verb_after_quote(ctx, u, i))
                .or_else(|| infinitive_after_avant(ctx, u, i))
        };
        if let Some(g) = found {
            if out.last().map_or(true, |p: &VerbGroup| p.last < g.first) {
                i = g.last + 1;
                out.push(g);
                continue;
            }
        }
        i += 1;
    }
    out
}

/// The word before `i` inside the body of `u`, if any.
fn prev(u: &Unit, i: usize) -> Option<usize> {
    (i > u.body).then(|| i - 1)
}

fn group_at(ctx: &Ctx, u: &Unit, i: usize, form: Form) -> Option<VerbGroup> {
    let w = &ctx.words;
    let clitic_after = (i + 1 < u.w1 && w[i + 1].kind == WordKind::Clitic).then_some(i + 1);
    if form.gerund {
        let p = prev(u, i)?;
        let ok = w[p].is_punct(",") || matches!(w[p].norm.as_str(), "en" | "et");
        return ok.then_some(VerbGroup {
            first: i,
            last: i,
            verb: i,
            form,
            kind: GroupKind::Gerund,
            clitic: None,
        });
    }
    if form.participle {
        // `a par ailleurs estimé`, `a de nouveau affirmé`
        let (k, clitic) = left_to_auxiliary(ctx, u, i, true);
        if let Some(j) = k {
            if is_auxiliary(&w[j].norm) && w[j].kind == WordKind::Alpha {
                return Some(VerbGroup {
                    first: negation_before(ctx, u, j),
                    last: i,
                    verb: i,
                    form,
                    kind: GroupKind::Compound,
                    clitic,
                });
            }
            if w[j].norm == "et" && clitic.is_none() && !form.finite {
                return Some(VerbGroup {
                    first: i,
                    last: i,
                    verb: i,
                    form,
                    kind: GroupKind::Coordinated,
                    clitic: None,
                });
            }
        }
    }
    if !form.finite {
        return None;
    }
    // A finite reading is impossible after a determiner or a preposition (`la note`, `en avance`)
    // and is reflexive after `se` (`se dit prêt`).
    if let Some(p) = prev(u, i) {
        let pn = w[p].norm.as_str();
        if is_determiner(pn) || is_de(pn) || is_preposition(pn) || matches!(pn, "se" | "s'") {
            return None;
        }
    }
    // `n'exclut pas que`: the negation is part of the cue.
    let first = negation_before(ctx, u, i);
    let mut last = clitic_after.unwrap_or(i);
    if first < i && last + 1 < u.w1 && is_negation_adverb(&w[last + 1].norm) {
        last += 1;
    }
    Some(VerbGroup {
        first,
        last,
        verb: i,
        form,
        kind: GroupKind::Finite,
        clitic: clitic_after,
    })
}

/// A semi-auxiliary before a reporting infinitive, with the preposition it needs and whether it
/// is a past participle (then an auxiliary precedes it): `tenu à`, `veut`, `vient de`.
fn semi_auxiliary(w: &str) -> Option<(Option<&'static str>, bool)> {
    Some(match w {
        "tenu" => (Some("à"), true),
        "tient" | "tiennent" | "tenait" | "tenaient" => (Some("à"), false),
        "voulu" | "souhaité" | "dû" | "pu" | "préféré" => (None, true),
        "veut" | "veulent" | "voulait" | "voulaient" | "souhaite" | "souhaitent" | "souhaitait"
        | "doit" | "doivent" | "devait" | "devaient" | "devrait" | "devraient" | "peut"
        | "peuvent" | "pouvait" | "pourrait" | "pourraient" | "va" | "vont" | "allait"
        | "allaient" | "préfère" => (None, false),
        "vient" | "viennent" | "venait" | "venaient" => (Some("de"), false),
        "fini" => (Some("par"), true),
        "finit" | "finissent" => (Some("par"), false),
        "décidé" => (Some("de"), true),
        _ => return None,
    })
}

/// `a tenu à préciser`, `a voulu rappeler`, `vient de déclarer`, `n'a pas voulu confirmer`: a
/// semi-auxiliary (and its auxiliary) before the reporting infinitive at `i`; the cue runs from
/// the first of them to the infinitive.
fn semi_auxiliary_group(ctx: &Ctx, u: &Unit, i: usize) -> Option<VerbGroup> {
    let w = &ctx.words;
    let mut p = prev(u, i)?;
    let prep = matches!(w[p].norm.as_str(), "à" | "de" | "d'" | "par").then(|| {
        let n = w[p].norm.as_str();
        if n == "d'" {
            "de"
        } else {
            n
        }
    });
    if let Some(pr) = prep {
        p = prev(u, p)?;
        let (need, _) = semi_auxiliary(&w[p].norm)?;
        if need != Some(pr) {
            return None;
        }
    } else if semi_auxiliary(&w[p].norm)?.0.is_some() {
        return None;
    }
    let (_, participle) = semi_auxiliary(&w[p].norm)?;
    if w[p].kind != WordKind::Alpha || ctx.quotes.inside(p) {
        return None;
    }
    let form = Form {
        finite: true,
        ..Form::default()
    };
    if !participle {
        // A finite reading is impossible after a determiner or a preposition.
        if let Some(q) = prev(u, p) {
            let qn = w[q].norm.as_str();
            if is_determiner(qn) || is_de(qn) || is_preposition(qn) {
                return None;
            }
        }
        return Some(VerbGroup {
            first: negation_before(ctx, u, p),
            last: i,
            verb: i,
            form,
            kind: GroupKind::Finite,
            clitic: None,
        });
    }
    let (k, clitic) = left_to_auxiliary(ctx, u, p, false);
    let j = k?;
    (is_auxiliary(&w[j].norm) && w[j].kind == WordKind::Alpha).then(|| VerbGroup {
        first: negation_before(ctx, u, j),
        last: i,
        verb: i,
        form,
        kind: GroupKind::Compound,
        clitic,
    })
}

/// From the verb at `verb`, leftwards over up to three adverbs (and, with `two_word`, two-word
/// adverbs such as `par ailleurs`) and one inverted clitic: the word reached (where an auxiliary
/// would stand), if any, and the clitic passed.
fn left_to_auxiliary(
    ctx: &Ctx,
    u: &Unit,
    verb: usize,
    two_word: bool,
) -> (Option<usize>, Option<usize>) {
    let w = &ctx.words;
    let mut k = prev(u, verb);
    let mut clitic = None;
    let mut adverbs = 0;
    while let Some(j) = k {
        if w[j].kind == WordKind::Clitic && clitic.is_none() {
            clitic = Some(j);
        } else if is_verb_adverb(&w[j].norm) && adverbs < 3 && !ctx.quotes.inside(j) {
            adverbs += 1;
        } else if let Some(a) = two_word
            .then(|| two_word_adverb(ctx, u, j))
            .flatten()
            .filter(|_| adverbs < 3)
        {
            adverbs += 1;
            k = prev(u, a);
            continue;
        } else {
            break;
        }
        k = prev(u, j);
    }
    (k, clitic)
}

/// The first word of a two-word adverb ending at `j` (`par ailleurs`, `de nouveau`, `à nouveau`,
/// `en outre`), if any.
fn two_word_adverb(ctx: &Ctx, u: &Unit, j: usize) -> Option<usize> {
    let w = &ctx.words;
    let p = prev(u, j)?;
    let pair = (w[p].norm.as_str(), w[j].norm.as_str());
    matches!(
        pair,
        ("par", "ailleurs") | ("de", "nouveau") | ("à", "nouveau") | ("en", "outre")
    )
    .then_some(p)
    .filter(|_| !ctx.quotes.inside(p))
}

/// `pas`, `jamais`, … : the second part of a negation.
fn is_negation_adverb(w: &str) -> bool {
    matches!(w, "pas" | "jamais" | "point" | "guère" | "nullement")
}

/// The `ne`/`n'` right before word `j` that opens a negation (`n'a pas exclu`), else `j`.
fn negation_before(ctx: &Ctx, u: &Unit, j: usize) -> usize {
    let w = &ctx.words;
    match prev(u, j) {
        Some(p) if matches!(w[p].norm.as_str(), "n'" | "ne") && w[p].kind == WordKind::Alpha => p,
        _ => j,
    }
}

/// True when word `k` follows a closing quotation mark, directly or after a comma.
pub fn after_quote(ctx: &Ctx, u: &Unit, k: usize) -> bool {
    let w = &ctx.words;
    let Some(p) = prev(u, k) else {
        return false;
    };
    if w[p].kind == WordKind::Close {
        return true;
    }
    w[p].is_punct(",") && prev(u, p).is_some_and(|q| w[q].kind == WordKind::Close)
}

/// Any verb with an inverted subject right after a quotation reports it, even one the lexicon
/// does not list: `« … », s'amuse-t-il`, `« … », a-t-elle tranché`.
fn inverted_after_quote(ctx: &Ctx, u: &Unit, i: usize) -> Option<VerbGroup> {
    let w = &ctx.words;
    let form = Form {
        finite: true,
        ..Form::default()
    };
    // `verbe-t-il` (with an optional reflexive `s'` before it).
    if i + 1 < u.w1 && w[i + 1].kind == WordKind::Clitic && !is_auxiliary(&w[i].norm) {
        let first = match prev(u, i) {
            Some(p) if matches!(w[p].norm.as_str(), "s'" | "se") => p,
            _ => i,
        };
        return after_quote(ctx, u, first).then_some(VerbGroup {
            first,
            last: i + 1,
            verb: i,
            form,
            kind: GroupKind::Finite,
            clitic: Some(i + 1),
        });
    }
    // `a-t-il (encore) + participle`.
    if w[i].kind != WordKind::Alpha || w[i].cap || is_verb_adverb(&w[i].norm) {
        return None;
    }
    let mut c = prev(u, i)?;
    let mut adverbs = 0;
    while is_verb_adverb(&w[c].norm) && w[c].kind == WordKind::Alpha && adverbs < 3 {
        c = prev(u, c)?;
        adverbs += 1;
    }
    let a = prev(u, c)?;
    (w[c].kind == WordKind::Clitic && is_auxiliary(&w[a].norm) && after_quote(ctx, u, a)).then_some(
        VerbGroup {
            first: a,
            last: i,
            verb: i,
            form,
            kind: GroupKind::Compound,
            clitic: Some(c),
        },
    )
}

/// After a quotation, an unlisted verb followed by a speaker (`« … », s'enthousiasme Federico
/// Garcia`, `« … », maugrée un Gilet jaune`) or a reflexive compound (`« … », s'est exclamé X`).
fn verb_after_quote(ctx: &Ctx, u: &Unit, i: usize) -> Option<VerbGroup> {
    let w = &ctx.words;
    let x = &w[i];
    if x.kind != WordKind::Alpha || x.cap {
        return None;
    }
    let n = x.norm.as_str();
    if is_determiner(n)
        || is_de(n)
        || is_preposition(n)
        || is_verb_adverb(n)
        || is_conjunction(n)
        || is_subject_pronoun(n)
        || is_auxiliary(n)
        || matches!(
            n,
            "est" | "sont" | "était" | "fut" | "sera" | "reste" | "semble" | "devient"
        )
    {
        return None;
    }
    let form = Form {
        finite: true,
        ..Form::default()
    };
    // [s'] [est + adverbs] verb
    let mut first = i;
    let mut kind = GroupKind::Finite;
    let mut k = prev(u, i);
    let mut adverbs = 0;
    while let Some(j) = k.filter(|&j| is_verb_adverb(&w[j].norm) && adverbs < 2) {
        adverbs += 1;
        k = prev(u, j);
    }
    if let Some(j) = k.filter(|&j| matches!(w[j].norm.as_str(), "est" | "sont" | "était")) {
        first = j;
        kind = GroupKind::Compound;
        k = prev(u, j);
    } else if adverbs > 0 {
        return None;
    }
    if let Some(j) = k.filter(|&j| matches!(w[j].norm.as_str(), "s'" | "se")) {
        first = j;
    } else if kind == GroupKind::Compound {
        return None;
    }
    // A 3rd-person verb form ends like one (`maugrée`, `tempère`, `reconnaît`, `répond`); a
    // participle like a participle (`s'est défendu`).
    let endings: &[&str] = if kind == GroupKind::Compound {
        &["é", "ée", "i", "ie", "u", "ue", "s", "t", "te"]
    } else {
        &["e", "é", "t", "d", "a"]
    };
    if !endings.iter().any(|e| n.ends_with(e)) {
        return None;
    }
    if !after_quote(ctx, u, first) {
        return None;
    }
    let (s, e) = ctx.np_right(u, i + 1, false)?;
    if !ctx.headed_by_speaker(s, e) {
        return None;
    }
    Some(VerbGroup {
        first,
        last: i,
        verb: i,
        form,
        kind,
        clitic: None,
    })
}

/// `…, avant d'ajouter : « … »`: a reporting infinitive whose subject is the clause's.
fn infinitive_after_avant(ctx: &Ctx, u: &Unit, i: usize) -> Option<VerbGroup> {
    let w = &ctx.words;
    let d = prev(u, i)?;
    let a = prev(u, d)?;
    if !(matches!(w[d].norm.as_str(), "de" | "d'") && w[a].norm == "avant") {
        return None;
    }
    let n = w[i].norm.as_str();
    let reporting = match n.strip_suffix("er") {
        Some(stem) => ctx
            .lex
            .verb(&format!("{stem}é"))
            .is_some_and(|f| f.participle),
        None => matches!(
            n,
            "dire" | "écrire" | "conclure" | "répondre" | "reconnaître" | "admettre"
        ),
    };
    reporting.then_some(VerbGroup {
        first: i,
        last: i,
        verb: i,
        form: Form {
            gerund: true,
            ..Form::default()
        },
        kind: GroupKind::Gerund,
        clitic: None,
    })
}

/// `fait savoir`, `a fait valoir`, `font savoir`: the cue spans the whole group.
fn faire_savoir(ctx: &Ctx, u: &Unit, i: usize) -> Option<VerbGroup> {
    let w = &ctx.words;
    let f = prev(u, i)?;
    if !FAIRE.contains(&w[f].norm.as_str()) {
        return None;
    }
    let mut first = f;
    let mut kind = GroupKind::Finite;
    let mut clitic = None;
    let mut k = prev(u, f);
    if let Some(j) = k.filter(|&j| w[j].kind == WordKind::Clitic) {
        clitic = Some(j);
        k = prev(u, j);
    }
    if w[f].norm == "fait" {
        if let Some(j) = k.filter(|&j| is_auxiliary(&w[j].norm)) {
            first = j;
            kind = GroupKind::Compound;
        }
    }
    let form = Form {
        finite: true,
        ..Form::default()
    };
    Some(VerbGroup {
        first,
        last: i,
        verb: i,
        form,
        kind,
        clitic: if kind == GroupKind::Compound {
            clitic
        } else {
            None
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cues(t: &str) -> Vec<String> {
        let ctx = Ctx::build(t, &[]);
        let mut out = Vec::new();
        for u in &ctx.units {
            for g in verb_groups(&ctx, u) {
                out.push(t[ctx.words[g.first].start..ctx.words[g.last].end].to_string());
            }
        }
        out
    }

    #[test]
    fn compound_finite_inverted_and_gerund_groups() {
        assert_eq!(
            cues(
                "Le ministre a également annoncé que tout va bien, soulignant que rien ne change."
            ),
            ["a également annoncé", "soulignant"]
        );
        assert_eq!(cues("« Oui », a-t-elle ajouté."), ["a-t-elle ajouté"]);
        assert_eq!(
            cues("« Oui », a-t-elle encore ajouté."),
            ["a-t-elle encore ajouté"]
        );
        assert_eq!(
            cues("« Oui », avait-il déjà déclaré."),
            ["avait-il déjà déclaré"]
        );
        assert_eq!(cues("« Oui », s'amuse-t-il."), ["s'amuse-t-il"]);
        assert_eq!(
            cues("« Oui », s'enthousiasme Federico Garcia."),
            ["s'enthousiasme"]
        );
        assert_eq!(cues("« Oui », maugrée un manifestant."), ["maugrée"]);
        assert_eq!(cues("« Oui », s'est exclamé le maire."), ["s'est exclamé"]);
        assert_eq!(
            cues("« Oui », a-t-il tranquillement tranché."),
            ["a-t-il tranquillement tranché"]
        );
        assert_eq!(cues("« Oui », affirme-t-il."), ["affirme-t-il"]);
        assert_eq!(
            cues("Il a précisé que oui, et ajouté que non."),
            ["a précisé", "ajouté"]
        );
        assert_eq!(
            cues("Elle a fait savoir qu'elle viendrait."),
            ["a fait savoir"]
        );
    }

    #[test]
    fn nouns_and_quoted_words_are_not_cues() {
        assert!(cues("La note était longue. Il a pris de l'avance.").is_empty());
        assert!(cues("« Il a déclaré que c'était faux. »").is_empty());
        assert!(cues("Il se dit prêt.").is_empty());
    }
}
