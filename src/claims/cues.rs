//! Reporting verb groups: the cue of direct and indirect claims.
//!
//! A group is auxiliary + adverbs + participle (`a également annoncé`, `a-t-elle ajouté`), a
//! finite verb with or without an inverted subject (`déclare`, `affirme-t-il`), a gerund after a
//! comma or `en` (`soulignant`), a participle coordinated with `et` under an earlier auxiliary
//! (`… et ajouté`), or `faire savoir` / `faire valoir`. Words inside quotation marks are never
//! cues: they are the speaker's words, not the writer's attribution.

use super::lexicon::{is_auxiliary, is_de, is_determiner, is_preposition, is_verb_adverb, Form};
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
        let found = if matches!(w[i].norm.as_str(), "savoir" | "valoir") {
            faire_savoir(ctx, u, i)
        } else {
            ctx.lex
                .verb(&w[i].norm)
                .and_then(|form| group_at(ctx, u, i, form))
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
        // Leftwards over adverbs and an inverted clitic to an auxiliary.
        let mut k = prev(u, i);
        let mut clitic = None;
        let mut adverbs = 0;
        while let Some(j) = k {
            if w[j].kind == WordKind::Clitic && clitic.is_none() {
                clitic = Some(j);
            } else if is_verb_adverb(&w[j].norm) && adverbs < 3 && !ctx.quotes.inside(j) {
                adverbs += 1;
            } else {
                break;
            }
            k = prev(u, j);
        }
        if let Some(j) = k {
            if is_auxiliary(&w[j].norm) && w[j].kind == WordKind::Alpha {
                return Some(VerbGroup {
                    first: j,
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
    Some(VerbGroup {
        first: i,
        last: clitic_after.unwrap_or(i),
        verb: i,
        form,
        kind: GroupKind::Finite,
        clitic: clitic_after,
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
        participle: false,
        gerund: false,
        infinitive: false,
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
