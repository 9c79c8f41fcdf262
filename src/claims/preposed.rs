//! Pre-posed attribution: the speaker and the verb come before what is reported.
//!
//! * `X a indiqué (dans l'hémicycle) que …` → indirect, content after `que`/`qu'` to the end of
//!   the clause (direct when that clause is entirely in guillemets: `a précisé que « … »`);
//! * `X affirme avoir …`, `Fillon estime, lui, être …` → indirect, content from the infinitive;
//! * `X a déclaré : « … »` → direct (indirect when the colon is not followed by a quotation);
//! * `X prévoit « … »` (the object is entirely a quotation) → direct;
//! * `…, soulignant que …`, `… et ajouté que …` → the governing clause's speaker.

use super::cues::{GroupKind, VerbGroup};
use super::lexicon::{
    is_auxiliary, is_de, is_determiner, is_preposition, is_pronoun_source, is_temporal,
    is_verb_adverb,
};
use super::words::WordKind;
use super::{Cand, Ctx, Unit, UnitState};
use crate::annotation::ClaimKind;

/// What follows a reporting verb.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Complement {
    /// `que` / `qu'` at this word.
    Que(usize),
    /// `:` at this word.
    Colon(usize),
    /// An opening quotation mark right after the verb.
    Quote(usize),
    /// An infinitive clause starting at this word (possibly with clitics: `ne pas avoir`).
    Infinitive(usize),
}

const IRREGULAR_INFINITIVES: &[&str] = &[
    "être",
    "avoir",
    "faire",
    "dire",
    "voir",
    "pouvoir",
    "vouloir",
    "devoir",
    "savoir",
    "falloir",
    "valoir",
    "prendre",
    "mettre",
    "vivre",
    "suivre",
    "croire",
    "connaître",
    "reconnaître",
    "paraître",
    "naître",
    "recevoir",
    "lire",
    "écrire",
    "conduire",
    "produire",
    "réduire",
    "construire",
    "détruire",
    "rendre",
    "attendre",
    "entendre",
    "répondre",
    "perdre",
    "vendre",
    "défendre",
    "descendre",
    "comprendre",
    "apprendre",
    "surprendre",
    "reprendre",
    "permettre",
    "promettre",
    "admettre",
    "commettre",
    "soumettre",
    "battre",
    "combattre",
    "craindre",
    "atteindre",
    "joindre",
    "rejoindre",
    "plaindre",
    "peindre",
    "éteindre",
    "résoudre",
    "conclure",
    "exclure",
    "inclure",
    "interrompre",
    "rompre",
    "vaincre",
    "convaincre",
    "boire",
    "plaire",
    "taire",
    "rire",
    "sourire",
    "mourir",
    "agir",
    "fuir",
];

const NOT_INFINITIVES: &[&str] = &[
    "hier",
    "premier",
    "dernier",
    "entier",
    "cher",
    "fier",
    "janvier",
    "février",
    "quartier",
    "métier",
    "papier",
    "dossier",
    "officier",
    "chantier",
    "acier",
    "cahier",
    "particulier",
    "régulier",
    "singulier",
    "étranger",
    "danger",
    "boucher",
    "rocher",
    "clocher",
    "leader",
    "poster",
    "cancer",
    "super",
    "laser",
    "hiver",
    "enfer",
    "plaisir",
    "avenir",
    "désir",
    "loisir",
    "soupir",
    "émir",
    "vizir",
    "tapir",
    "saphir",
    "millier",
    "collier",
    "atelier",
    "pompier",
    "policier",
    "conseiller",
    "foyer",
    "loyer",
    "dîner",
    "déjeuner",
    "premier-ministre",
];

/// True for an infinitive (`avoir`, `profiter`, `être`).
pub fn is_infinitive(w: &str) -> bool {
    if IRREGULAR_INFINITIVES.contains(&w) {
        return true;
    }
    if NOT_INFINITIVES.contains(&w) || w.contains('-') {
        return false;
    }
    let n = w.chars().count();
    (w.ends_with("er") && n >= 4)
        || (w.ends_with("ir") && n >= 5)
        || w.ends_with("oir")
        || w.ends_with("dre")
}

fn is_clitic_before_infinitive(w: &str) -> bool {
    matches!(
        w,
        "ne" | "n'"
            | "pas"
            | "jamais"
            | "plus"
            | "se"
            | "s'"
            | "l'"
            | "le"
            | "la"
            | "les"
            | "lui"
            | "leur"
            | "y"
            | "en"
            | "me"
            | "m'"
            | "nous"
            | "vous"
    )
}

/// The infinitive clause starting at `j` (clitics first), if any: returns `j`.
fn infinitive_at(ctx: &Ctx, u: &Unit, j: usize) -> bool {
    let w = &ctx.words;
    let mut k = j;
    while k < u.w1
        && k - j < 3
        && w[k].kind == WordKind::Alpha
        && is_clitic_before_infinitive(&w[k].norm)
    {
        k += 1;
    }
    k < u.w1 && w[k].kind == WordKind::Alpha && is_infinitive(&w[k].norm)
}

/// Words that make `que` part of a conjunction (`ainsi que`, `alors que`, `parce que`).
fn is_que_locution(w: &str) -> bool {
    matches!(
        w,
        "ainsi"
            | "alors"
            | "tandis"
            | "bien"
            | "parce"
            | "avant"
            | "après"
            | "dès"
            | "pendant"
            | "plus"
            | "moins"
            | "autant"
            | "tant"
            | "sans"
            | "pour"
            | "afin"
            | "lors"
            | "tel"
            | "telle"
            | "même"
            | "sitôt"
            | "aussitôt"
            | "encore"
            | "si"
            | "de"
            | "à"
            | "ce"
    )
}

/// Finds the complement of the verb group `g`: after the verb, an optional gap (adverbs, time,
/// a prepositional phrase such as `aux journalistes`, a parenthetical `, lui,`) then `que`, `:`,
/// an infinitive or a quotation.
pub fn complement(ctx: &Ctx, u: &Unit, g: &VerbGroup) -> Option<Complement> {
    let w = &ctx.words;
    let start = g.last + 1;
    let mut j = start;
    let mut gap = 0;
    // Only light words (`, lui,`, adverbs) may stand between a verb and its infinitive.
    let mut light_gap = true;
    // Inside an adverbial (`en retenant ses larmes`, `au journal Le Bien public`) determiners do
    // not open an object.
    let mut in_adjunct = false;
    while j < u.w1 {
        let x = &w[j];
        let n = x.norm.as_str();
        match x.kind {
            WordKind::Alpha => {
                if n == "que" || n == "qu'" {
                    // `ainsi que`, `alors que`, `parce que`: a conjunction, not a complement.
                    let locution = j > start && is_que_locution(&w[j - 1].norm);
                    return (!locution).then_some(Complement::Que(j));
                }
                if g.form.infinitive && light_gap && infinitive_at(ctx, u, j) {
                    return Some(Complement::Infinitive(j));
                }
                let light = matches!(n, "lui" | "elle" | "eux" | "elles" | "ce" | "cette")
                    || is_verb_adverb(n)
                    || is_temporal(n);
                if gap == 0 && !(light || is_preposition(n)) {
                    return object_then_colon_quote(ctx, u, j);
                }
                // A determiner not governed by a preposition opens an object (`constate ainsi le
                // « vide présidentiel »`).
                let timeish = |k: usize| {
                    k < u.w1
                        && (is_temporal(&w[k].norm)
                            || w[k].kind == WordKind::Number
                            || matches!(
                                w[k].norm.as_str(),
                                "1er" | "fait" | "semaine" | "mois" | "année" | "week-end"
                            ))
                };
                let next_timeish =
                    timeish(j + 1) || (j + 1 < u.w1 && w[j + 1].norm == "même" && timeish(j + 2));
                if is_determiner(n)
                    && !next_timeish
                    && !in_adjunct
                    && !is_preposition(&w[j - 1].norm)
                    && !is_de(&w[j - 1].norm)
                {
                    return object_then_colon_quote(ctx, u, j);
                }
                if ctx.lex.verb(n).is_some_and(|f| f.finite) && !is_determiner(&w[j - 1].norm) {
                    return None;
                }
                if !matches!(n, "lui" | "elle" | "eux" | "elles")
                    && !is_verb_adverb(n)
                    && !is_temporal(n)
                {
                    light_gap = false;
                }
                if is_preposition(n) {
                    in_adjunct = true;
                }
                gap += 1;
            }
            WordKind::Number => {
                gap += 1;
                light_gap = false;
            }
            WordKind::Punct if n == "," => {}
            WordKind::Punct if n == ":" => return Some(Complement::Colon(j)),
            WordKind::Open | WordKind::Straight => {
                return ctx.quotes.opened_at(j).map(|_| Complement::Quote(j));
            }
            _ => return None,
        }
        if gap > 10 {
            return None;
        }
        j += 1;
    }
    None
}

/// `X a souligné la similitude entre A et B : « … »`, `X nuance les effets de la crise : elle
/// est …`: an object, then a colon and what is reported.
fn object_then_colon_quote(ctx: &Ctx, u: &Unit, j: usize) -> Option<Complement> {
    let w = &ctx.words;
    let colon = (j..u.w1.min(j + 25)).find(|&k| {
        !ctx.quotes.inside(k) && (w[k].is_punct(":") || w[k].is_punct(";") || w[k].is_punct("."))
    })?;
    if !w[colon].is_punct(":") || colon + 1 >= u.w1 {
        return None;
    }
    // The object must not hold another verb group or a quotation of its own.
    let clean = (j..colon).all(|k| {
        let quote_mark = matches!(
            w[k].kind,
            WordKind::Open | WordKind::Close | WordKind::Straight
        );
        let verb =
            ctx.lex.verb(&w[k].norm).is_some_and(|f| f.finite) && !is_determiner(&w[k - 1].norm);
        !quote_mark && !verb
    });
    // What follows is a quotation, or a clause with a verb (not a list of names or figures).
    let quoted = ctx.exact_quote(colon + 1, u.w1).is_some();
    let clause = (colon + 1..u.w1.min(colon + 9)).any(|k| {
        let n = w[k].norm.as_str();
        is_auxiliary(n) || is_copula_like(n)
    });
    (clean && (quoted || clause)).then_some(Complement::Colon(colon))
}

/// Forms of être and frequent verbs that show a clause.
fn is_copula_like(w: &str) -> bool {
    matches!(
        w,
        "est"
            | "sont"
            | "était"
            | "étaient"
            | "sera"
            | "seront"
            | "serait"
            | "seraient"
            | "fut"
            | "reste"
            | "restent"
            | "va"
            | "vont"
            | "peut"
            | "peuvent"
            | "doit"
            | "doivent"
    )
}

/// The speaker of a pre-posed group.
fn speaker(ctx: &Ctx, u: &Unit, g: &VerbGroup, st: &UnitState) -> Option<(usize, usize)> {
    match g.kind {
        GroupKind::Gerund | GroupKind::Coordinated => st.last_source.or_else(|| {
            ctx.initial_subject(u).filter(|&(s, e)| {
                ctx.headed_by_speaker(s, e) || is_pronoun_source(&ctx.words[s].norm)
            })
        }),
        _ => g
            .clitic
            .map(|c| (c, c + 1))
            .or_else(|| ctx.subject_left(u, g.first))
            .or_else(|| {
                let after_et = g.first > u.body && ctx.words[g.first - 1].norm == "et";
                if after_et {
                    st.last_source.or_else(|| ctx.initial_subject(u))
                } else {
                    None
                }
            }),
    }
}

/// Adds the claim of a pre-posed group to `out`; false when `g` has no pre-posed complement.
pub fn claim(
    ctx: &Ctx,
    u: &Unit,
    g: &VerbGroup,
    groups: &[VerbGroup],
    st: &mut UnitState,
    out: &mut Vec<Cand>,
) -> bool {
    let Some(comp) = complement(ctx, u, g) else {
        return false;
    };
    let w = &ctx.words;
    // The quotation right after `:` (or the verb), if any.
    let quote_after = match comp {
        Complement::Colon(c) if c + 1 < u.w1 => ctx.quotes.opened_at(c + 1),
        Complement::Quote(o) => ctx.quotes.opened_at(o),
        _ => None,
    };
    // `X a réagi : « … », a-t-il écrit`: the quotation has an attribution of its own after it,
    // which the post-posed reading takes.
    if let Some(p) = quote_after {
        let mut k = p.close + 1;
        if k < u.w1 && w[k].is_punct(",") {
            k += 1;
        }
        if groups.iter().any(|h| h.first == k && h.first > g.last) {
            return false;
        }
    }
    // Verbs that report only after a quotation (`réagir`, `poursuivre`) introduce with a colon
    // only a quotation: `Les marchés ont réagi : l'action a perdu 11 %` is the writer's.
    if g.form.postposed_only && !(matches!(comp, Complement::Colon(_)) && quote_after.is_some()) {
        return false;
    }
    let Some(source) = speaker(ctx, u, g, st) else {
        return false;
    };
    let s = match comp {
        Complement::Que(q) => q + 1,
        Complement::Colon(c) => c + 1,
        Complement::Quote(o) => o,
        Complement::Infinitive(k) => k,
    };
    if s >= u.w1 {
        return false;
    }
    let e = ctx.clause_end(u, s, groups);
    let cue = (g.first, g.last + 1);
    // `que selon lui « … »`: the selon-phrase belongs to the outer claim; the quotation decides.
    let mut qs = s;
    if w[qs].norm == "selon" && qs + 1 < e && is_pronoun_source(&w[qs + 1].norm) {
        qs += 2;
        if qs < e && w[qs].is_punct(",") {
            qs += 1;
        }
    }
    let cand = match ctx.exact_quote(qs, e) {
        Some(inner) => Some(Cand {
            kind: ClaimKind::Direct,
            content: inner,
            cue: Some(cue),
            source: Some(source),
        }),
        None if matches!(comp, Complement::Quote(_)) => None,
        None => ctx.make_claim(ClaimKind::Indirect, s, e, cue, source),
    };
    let Some(c) = cand else {
        return false;
    };
    st.record(&c, e);
    out.push(c);
    true
}
