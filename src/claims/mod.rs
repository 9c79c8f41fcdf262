//! Claim extraction: who said what (`ANNOTATION.md` §3).
//!
//! The text is re-read as [`words`] (robust to how the tokenizer splits elisions and
//! inversions), quotation marks are paired ([`quotes`]), sentences become claim [`units`]
//! (quotes and abbreviations never split one; datelines and the headline are set aside). In each
//! unit, reporting verb groups ([`cues`]) and `selon`/`d'après` phrases are read in order:
//!
//! * [`preposed`]: `X a déclaré que …`, `X affirme avoir …`, `X a dit : « … »` (indirect, or
//!   direct when the complement is entirely in guillemets);
//! * [`postposed`]: `« … », a déclaré X`, `…, affirme-t-il`, `« A », dit-il, « B »`,
//!   `C'est ce qu'a annoncé X`;
//! * [`according`]: `Selon X, …`, `…, selon X`, `d'après X`;
//! * [`direct`]: exact quotations and quotations continued in the next sentence;
//! * [`unattributed`]: sentences stating a figure about the event ([`figures`]).
//!
//! Speakers come from [`source`]. Candidates are then de-duplicated (an attribution inside
//! another claim's content is part of it), marked `hedged` when conditional, and pronoun sources
//! get a `source_ref`. Everything is linear in the text length (phrase scans are bounded).

pub mod according;
pub mod cues;
pub mod direct;
pub mod figures;
pub mod lexicon;
pub mod postposed;
pub mod preposed;
pub mod quotes;
pub mod source;
pub mod unattributed;
pub mod units;
pub mod words;

use crate::analysis::Analysis;
use crate::annotation::{Claim, ClaimKind, Entity, Label, Span};
use cues::{GroupKind, VerbGroup};
use lexicon::Lexicon;
use quotes::Quotes;
pub use units::Unit;
use words::{Word, WordKind};

/// Everything the extractors share about one text.
pub struct Ctx<'t> {
    pub text: &'t str,
    pub words: Vec<Word>,
    pub quotes: Quotes,
    pub units: Vec<Unit>,
    pub entities: &'t [Entity],
    pub lex: &'static Lexicon,
}

impl<'t> Ctx<'t> {
    /// Builds the shared view of an analysed text.
    pub fn new(a: &Analysis<'t>, entities: &'t [Entity]) -> Ctx<'t> {
        let words = words::words(a);
        let quotes = Quotes::new(a.text, &words);
        let units = units::units(a, &words, &quotes);
        Ctx {
            text: a.text,
            words,
            quotes,
            units,
            entities,
            lex: lexicon::lexicon(),
        }
    }

    /// Analyses `text` and builds its view (for tests and tools).
    pub fn build(text: &'t str, entities: &'t [Entity]) -> Ctx<'t> {
        let a = Analysis::new(text);
        Ctx::new(&a, entities)
    }

    /// Byte span of the words `s..e` (`s < e`).
    pub fn span(&self, (s, e): (usize, usize)) -> Span {
        Span::new(self.words[s].start, self.words[e - 1].end)
    }

    /// Drops punctuation that never starts or ends a claim span (`,` `:` before; `.` `;` `…`
    /// after).
    pub fn trim(&self, mut s: usize, mut e: usize) -> (usize, usize) {
        let w = &self.words;
        while s < e
            && w[s].kind == WordKind::Punct
            && matches!(w[s].norm.as_str(), "," | ":" | "–" | "—" | "-" | ";")
        {
            s += 1;
        }
        while e > s
            && w[e - 1].kind == WordKind::Punct
            && matches!(
                w[e - 1].norm.as_str(),
                "." | "!" | "?" | ";" | ":" | "," | "…" | "–" | "—"
            )
        {
            e -= 1;
        }
        (s, e)
    }

    /// End of the clause starting at `from`: the unit end, a `;`, or the connector before a
    /// later gerund or coordinated cue (`…, soulignant que`, `… et ajouté que`).
    pub fn clause_end(&self, u: &Unit, from: usize, groups: &[VerbGroup]) -> usize {
        let w = &self.words;
        let mut e = u.w1;
        for g in groups {
            // `… et a ajouté que`: a second verb with its own auxiliary after `et` also starts
            // a claim of its own.
            let after_et = g.first > from + 1
                && self.words[g.first - 1].norm == "et"
                && self.words[g.first - 1].kind == WordKind::Alpha
                && !self.quotes.inside(g.first);
            if g.first > from
                && (matches!(g.kind, GroupKind::Gerund | GroupKind::Coordinated) || after_et)
            {
                e = e.min(self.boundary_start(from, g.first));
            }
        }
        let d = self.quotes.depth(from);
        // `;` ends the clause, and so does `, tandis que` (the writer's contrast).
        (from..e)
            .find(|&k| {
                self.quotes.depth(k) <= d
                    && (w[k].is_punct(";")
                        || (w[k].is_punct(",")
                            && k + 2 < e
                            && w[k + 1].norm == "tandis"
                            && matches!(w[k + 2].norm.as_str(), "que" | "qu'")))
            })
            .unwrap_or(e)
    }

    /// Moves left from a cue over the connectors that introduce it (`, et`, `, tout en`).
    fn boundary_start(&self, floor: usize, mut k: usize) -> usize {
        while k > floor
            && matches!(
                self.words[k - 1].norm.as_str(),
                "," | "et" | "en" | "tout" | "puis" | "mais"
            )
        {
            k -= 1;
        }
        k
    }
}

/// A claim under construction, in word ranges (end exclusive).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cand {
    pub kind: ClaimKind,
    pub content: (usize, usize),
    pub cue: Option<(usize, usize)>,
    pub source: Option<(usize, usize)>,
}

/// What the extractors of one unit share while reading it left to right.
#[derive(Debug, Clone, Copy, Default)]
pub struct UnitState {
    /// First word not yet used by a claim: where a post-posed claim's content may start.
    pub next: usize,
    /// Source of the last claim of the unit (for gerunds and coordinated verbs).
    pub last_source: Option<(usize, usize)>,
}

impl UnitState {
    fn record(&mut self, c: &Cand, end: usize) {
        self.next = self.next.max(end);
        if c.source.is_some() {
            self.last_source = c.source;
        }
    }
}

/// Finds the claims of an analysed text, given its entities (byte offsets, sorted by content).
pub fn extract(a: &Analysis, entities: &[Entity]) -> Vec<Claim> {
    let ctx = Ctx::new(a, entities);
    let mut cands: Vec<Cand> = Vec::new();
    let mut prev_unit: Option<usize> = None;
    for (ui, u) in ctx.units.iter().enumerate() {
        if u.title || u.is_empty() {
            continue;
        }
        let before = cands.len();
        unit_claims(&ctx, ui, prev_unit, &mut cands);
        if cands.len() == before {
            direct::continuation(&ctx, u, prev_unit.map(|p| &ctx.units[p]), &mut cands);
        }
        prev_unit = Some(ui);
    }
    direct::open_paragraphs(&ctx, &mut cands);
    let mut kept = resolve(cands);
    unattributed::add(&ctx, &mut kept);
    finish(&ctx, kept)
}

enum Event {
    Group(VerbGroup),
    Selon(usize, usize),
}

fn unit_claims(ctx: &Ctx, ui: usize, prev_unit: Option<usize>, out: &mut Vec<Cand>) {
    let u = &ctx.units[ui];
    let groups = cues::verb_groups(ctx, u);
    let mut events: Vec<(usize, Event)> =
        groups.iter().map(|g| (g.first, Event::Group(*g))).collect();
    events.extend(
        according::selon_cues(ctx, u)
            .into_iter()
            .map(|(f, l)| (f, Event::Selon(f, l))),
    );
    events.sort_by_key(|e| e.0);
    let mut st = UnitState {
        next: u.body,
        last_source: None,
    };
    for (pos, ev) in events {
        if pos < st.next {
            continue;
        }
        match ev {
            Event::Group(g) => {
                let prev = prev_unit.map(|p| &ctx.units[p]);
                // Right after a quotation, the attribution reading comes first.
                if cues::after_quote(ctx, u, g.first) {
                    if !postposed::claims(ctx, u, &g, prev, &mut st, out) {
                        preposed::claim(ctx, u, &g, &groups, &mut st, out);
                    }
                } else if !preposed::claim(ctx, u, &g, &groups, &mut st, out) {
                    postposed::claims(ctx, u, &g, prev, &mut st, out);
                }
            }
            Event::Selon(f, l) => according::claim(ctx, u, (f, l), &groups, &mut st, out),
        }
    }
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// Keeps a consistent set of candidates: longer contents first; a candidate is dropped when its
/// cue lies in another kept claim's content, its content holds another's cue, or the contents
/// overlap (an attribution inside a claim is part of that claim).
fn resolve(mut cands: Vec<Cand>) -> Vec<Cand> {
    // an empty content is never output (see `finish`) and, sorted last, blocks nothing else
    cands.retain(|c| c.content.0 < c.content.1);
    let mut order: Vec<usize> = (0..cands.len()).collect();
    order.sort_by_key(|&i| {
        (
            std::cmp::Reverse(cands[i].content.1 - cands[i].content.0),
            i,
        )
    });
    let mut keep = vec![false; cands.len()];
    let mut kept = Kept::default();
    for i in order {
        if !kept.clashes(&cands[i]) {
            keep[i] = true;
            kept.add(&cands[i]);
        }
    }
    let mut i = 0;
    cands.retain(|_| {
        i += 1;
        keep[i - 1]
    });
    cands
}

/// The claims kept so far by [`resolve`], indexed by position so that each new candidate is
/// checked against its neighbours only (an article of 40,000 claims must not take 40,000² steps).
#[derive(Default)]
struct Kept {
    /// Kept contents by start → (end, cue). They never overlap one another.
    contents: std::collections::BTreeMap<usize, (usize, Option<(usize, usize)>)>,
    /// Kept cues by start → ends (several claims may share a cue).
    cues: std::collections::BTreeMap<usize, Vec<usize>>,
    /// The longest kept cue, to bound the search for cues that start before a span.
    longest_cue: usize,
}

impl Kept {
    /// Kept contents overlapping `span`, with their cues.
    fn contents_over(
        &self,
        span: (usize, usize),
    ) -> impl Iterator<Item = Option<(usize, usize)>> + '_ {
        // disjoint and sorted by start, so sorted by end too: walk back from the last start
        // before `span` ends while the contents still reach into it
        self.contents
            .range(..span.1)
            .rev()
            .take_while(move |(_, &(end, _))| end > span.0)
            .map(|(_, &(_, cue))| cue)
    }

    fn clashes(&self, c: &Cand) -> bool {
        if self.contents_over(c.content).next().is_some() {
            return true;
        }
        if let Some(q) = c.cue {
            if self.contents_over(q).any(|o_cue| o_cue != c.cue) {
                return true;
            }
        }
        let from = c.content.0.saturating_sub(self.longest_cue);
        self.cues.range(from..c.content.1).any(|(&start, ends)| {
            ends.iter()
                .any(|&end| overlaps((start, end), c.content) && Some((start, end)) != c.cue)
        })
    }

    fn add(&mut self, c: &Cand) {
        self.contents.insert(c.content.0, (c.content.1, c.cue));
        if let Some((s, e)) = c.cue {
            self.cues.entry(s).or_default().push(e);
            self.longest_cue = self.longest_cue.max(e - s);
        }
    }
}

fn is_pronoun_source(ctx: &Ctx, (s, e): (usize, usize)) -> bool {
    let w = &ctx.words;
    if e == s + 1 {
        return lexicon::is_pronoun_source(&w[s].norm);
    }
    e == s + 2
        && matches!(w[s].norm.as_str(), "ce" | "cette" | "ces")
        && matches!(
            w[s + 1].norm.as_str(),
            "dernier" | "dernière" | "derniers" | "dernières"
        )
}

/// Number and gender a pronoun or a source phrase shows (`None`: either).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Agreement {
    plural: Option<bool>,
    feminine: Option<bool>,
}

impl Agreement {
    fn accepts(self, other: Agreement) -> bool {
        let ok = |a: Option<bool>, b: Option<bool>| a.zip(b).map_or(true, |(a, b)| a == b);
        ok(self.plural, other.plural) && ok(self.feminine, other.feminine)
    }
}

/// What a pronoun source asks of its referent (`il`: singular, not feminine).
fn pronoun_agreement(ctx: &Ctx, (s, e): (usize, usize)) -> Agreement {
    let n = ctx.words[s].norm.as_str();
    let n = if e == s + 2 {
        ctx.words[s + 1].norm.as_str()
    } else {
        n
    };
    let (plural, feminine) = match n {
        "il" | "lui" | "celui-ci" | "dernier" => (Some(false), Some(false)),
        "elle" | "celle-ci" | "dernière" => (Some(false), Some(true)),
        "ils" | "eux" | "ceux-ci" | "derniers" => (Some(true), None),
        "elles" | "celles-ci" | "dernières" => (Some(true), Some(true)),
        _ => (None, None),
    };
    Agreement { plural, feminine }
}

/// Number and gender of a named source phrase, from its determiner and coordination.
fn phrase_agreement(ctx: &Ctx, (s, e): (usize, usize)) -> Agreement {
    let w = &ctx.words;
    if (s..e).any(|k| w[k].norm == "et") {
        return Agreement {
            plural: Some(true),
            feminine: None,
        };
    }
    let (plural, feminine) = match w[s].norm.as_str() {
        "le" | "un" | "ce" | "cet" | "du" => (Some(false), Some(false)),
        "la" | "une" | "cette" => (Some(false), Some(true)),
        "les" | "des" | "ces" | "ses" | "leurs" | "plusieurs" | "certains" | "certaines"
        | "nos" | "vos" | "mes" | "quelques" | "divers" | "diverses" => (Some(true), None),
        "l'" | "son" | "sa" | "mon" | "ma" | "notre" | "votre" | "leur" => (Some(false), None),
        // A bare name, an honorific: one person.
        _ => (Some(false), None),
    };
    Agreement { plural, feminine }
}

/// How many earlier sources (×4 for entities) are considered as a pronoun's referent.
const MAX_REFERENT_CANDIDATES: usize = 32;

/// The referent of the pronoun source `src`: the closest earlier named source of a claim or PER
/// entity (outside quotations) that agrees with the pronoun in number and gender.
fn pronoun_referent(ctx: &Ctx, src: (usize, usize), named: &[(usize, usize)]) -> Option<Span> {
    let w = &ctx.words;
    let want = pronoun_agreement(ctx, src);
    let at = w[src.0].start;
    // `named` is sorted by end: look back from the pronoun over a bounded number of candidates
    // (referents are near; this keeps long documents linear).
    let before = named.partition_point(|r| r.1 <= src.0);
    let best_source = named[..before]
        .iter()
        .rev()
        .take(MAX_REFERENT_CANDIDATES)
        .find(|r| want.accepts(phrase_agreement(ctx, **r)))
        .map(|&r| ctx.span(r));
    let one_person = Agreement {
        plural: Some(false),
        feminine: None,
    };
    let best_entity = if want.accepts(one_person) {
        // Not a name quoted in someone's words; a subject pronoun refers back to a subject
        // rather than to a name inside a complement (`le suicide de Pierre Bérégovoy`, `sous
        // François Mitterrand`), so those come only when nothing else does.
        let before = ctx.entities.partition_point(|x| x.end <= at);
        ctx.entities[..before]
            .iter()
            .rev()
            .take(MAX_REFERENT_CANDIDATES * 4)
            .filter(|x| x.label == Label::PER)
            .filter_map(|x| {
                let k = w.partition_point(|y| y.start < x.start);
                if k < w.len() && ctx.quotes.inside(k) {
                    return None;
                }
                let complement = k > 0 && {
                    let p = w[k - 1].norm.as_str();
                    lexicon::is_de(p) || lexicon::is_preposition(p)
                };
                Some(((!complement, x.end), x.span()))
            })
            .max_by_key(|c| c.0)
            .map(|c| c.1)
    } else {
        None
    };
    match (best_source, best_entity) {
        (Some(a), Some(b)) => Some(if b.end > a.end && !a.contains(&b) {
            b
        } else {
            a
        }),
        (a, b) => a.or(b),
    }
}

/// Converts to byte-offset claims, with `hedged` and `source_ref`, sorted by content start.
fn finish(ctx: &Ctx, mut cands: Vec<Cand>) -> Vec<Claim> {
    cands.sort_by_key(|c| (c.content.0, c.content.1));
    let w = &ctx.words;
    let mut named: Vec<(usize, usize)> = cands
        .iter()
        .filter_map(|c| c.source)
        .filter(|&s| !is_pronoun_source(ctx, s))
        .collect();
    named.sort_unstable_by_key(|r| r.1);
    let mut out: Vec<Claim> = Vec::with_capacity(cands.len());
    for c in &cands {
        if c.content.0 >= c.content.1 {
            continue;
        }
        // Any conditional hedges a selon-claim or an unattributed one (`Il s'agirait de …`);
        // under a reporting verb only the forms of `is_conditional` do (the others are often
        // the future in the past: `a annoncé qu'il viendrait`).
        let any_form = matches!(c.kind, ClaimKind::AccordingTo | ClaimKind::Unattributed);
        // After a past reporting verb (`a déclaré que`, `affirmait que`) a present conditional
        // is the future in the past (`la réforme serait votée en mars`): only the past
        // conditional (`auraient ouvert le feu`) still hedges.
        let past_cue = c.kind == ClaimKind::Indirect
            && c.cue.is_some_and(|(a, b)| {
                (a..b).any(|k| {
                    let n = w[k].norm.as_str();
                    matches!(n, "a" | "ont" | "avait" | "avaient" | "eut" | "eurent")
                        || n.ends_with("ait")
                        || n.ends_with("aient")
                })
            });
        // … in its main clause: in a que-clause it is again the future in the past (`n'a pas
        // démontré que la mesure entraînerait …`).
        let cond = |r: (usize, usize), outside_quotes: bool| {
            let mut after_que = false;
            (r.0..r.1).any(|k| {
                let n = w[k].norm.as_str();
                after_que |= matches!(n, "que" | "qu'");
                let listed = if past_cue {
                    matches!(n, "aurait" | "auraient")
                } else {
                    lexicon::is_conditional(n)
                };
                (listed || (any_form && !after_que && lexicon::is_any_conditional(n)))
                    && (!outside_quotes || !ctx.quotes.inside(k))
            })
        };
        let hedged = c.cue.is_some_and(|q| cond(q, false))
            || (c.kind != ClaimKind::Direct && cond(c.content, true));
        let source_ref = c
            .source
            .filter(|&s| is_pronoun_source(ctx, s))
            .and_then(|s| pronoun_referent(ctx, s, &named));
        out.push(Claim {
            kind: c.kind,
            content: ctx.span(c.content),
            cue: c.cue.map(|q| ctx.span(q)),
            source: c.source.map(|q| ctx.span(q)),
            source_ref,
            hedged,
        });
    }
    out
}

#[cfg(test)]
mod tests;
