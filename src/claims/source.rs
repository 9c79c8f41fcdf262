//! Speaker noun phrases: the source span of a claim (`ANNOTATION.md` §3.3).
//!
//! Sources are read from the words, not only from entities: a determiner opens the phrase
//! (`Un porte-parole des talibans`, `les médias`), `de`-complements continue it (`la ministre de la
//! Justice`), a capitalised name ends it (`sa présidente Yaël Braun-Pivet`), a title before the
//! name stays in (`le président de la République François Hollande`, `son avocat, Me Antonin
//! Levy`), appositions after the name stay out (`Mario Joseph, l'un de ses avocats`), an acronym
//! in parentheses right after the name stays in (`l'Organisation mondiale de la Santé (OMS)`).
//! All functions return word ranges `(start, end)`, end exclusive.

use super::lexicon::{
    is_auxiliary, is_conjunction, is_de, is_determiner, is_honorific, is_name_particle,
    is_preposition, is_subject_pronoun, is_temporal, is_verb_adverb,
};
use super::words::WordKind;
use super::{Ctx, Unit};

/// Longest source phrase considered, in words.
const MAX_NP: usize = 16;

/// Clitics and negation that may stand between a subject and its verb (`il l'a dit`).
fn is_preverbal(w: &str) -> bool {
    matches!(
        w,
        "ne" | "n'"
            | "le"
            | "la"
            | "les"
            | "l'"
            | "lui"
            | "leur"
            | "y"
            | "en"
            | "se"
            | "s'"
            | "nous"
            | "vous"
            | "me"
            | "m'"
            | "te"
            | "t'"
    )
}

/// Finite forms of être and other verbs that end a subject read rightwards from the sentence start.
fn is_common_verb(w: &str) -> bool {
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
            | "va"
            | "vont"
            | "peut"
            | "peuvent"
            | "doit"
            | "doivent"
            | "avait"
            | "vient"
            | "viennent"
            | "veut"
            | "veulent"
            | "voulait"
            | "voulaient"
            | "fait"
            | "font"
            | "faisait"
            | "faisaient"
            | "pourrait"
            | "pourraient"
            | "devrait"
            | "devraient"
            | "semble"
            | "semblent"
            | "reste"
            | "restent"
            | "devient"
            | "deviennent"
            | "avaient"
    )
}

impl Ctx<'_> {
    /// A capitalised word that can belong to a name (not a sentence-initial determiner etc.).
    pub fn is_name_word(&self, i: usize) -> bool {
        let w = &self.words[i];
        if w.kind != WordKind::Alpha || !w.cap {
            return false;
        }
        let n = w.norm.as_str();
        !(is_determiner(n)
            || is_preposition(n)
            || is_conjunction(n)
            || is_subject_pronoun(n)
            || is_de(n)
            || is_verb_adverb(n)
            || crate::claims::lexicon::is_weekday(n)
            || crate::claims::lexicon::is_month(n)
            || matches!(
                n,
                "selon"
                    | "ce"
                    | "c'"
                    | "d'après"
                    | "cela"
                    | "ceci"
                    | "celui-ci"
                    | "celle-ci"
                    | "en"
                    | "y"
                    | "il"
                    | "par"
                    | "face"
                    | "outre"
                    | "tout"
                    | "tous"
                    | "toutes"
            ))
    }

    /// A name word, or a lowercase particle glued to a name (`al-Zawahiri`, `el-Sissi`).
    fn is_name_like(&self, i: usize) -> bool {
        if self.is_name_word(i) {
            return true;
        }
        let w = &self.words[i];
        let text = &self.text[w.start..w.end];
        [
            "al-", "el-", "ben-", "bin-", "ibn-", "abu-", "abou-", "de-", "van-", "von-",
        ]
        .iter()
        .any(|p| {
            text.len() > p.len()
                && text.is_char_boundary(p.len())
                && text[..p.len()].eq_ignore_ascii_case(p)
                && text[p.len()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
        })
    }

    /// A single capital letter glued to a following `.` (`N.`), at word `i` (the letter).
    fn is_initial(&self, i: usize) -> bool {
        let w = &self.words;
        i + 1 < w.len()
            && w[i].cap
            && w[i].norm.chars().count() == 1
            && w[i + 1].is_punct(".")
            && w[i + 1].start == w[i].end
    }

    /// `( ACRONYM )` starting at word `i`.
    fn acronym_at(&self, i: usize, end: usize) -> bool {
        let w = &self.words;
        i + 2 < end
            && w[i].is_punct("(")
            && w[i + 2].is_punct(")")
            && w[i + 1].kind == WordKind::Alpha
            && w[i + 1].cap
            && w[i + 1].norm.chars().count() <= 10
            && !w[i + 1].norm.contains(' ')
    }

    /// A short quoted name (`« État islamique »`) opened at `i`: returns its closing mark.
    fn quoted_name(&self, i: usize) -> Option<usize> {
        let p = self.quotes.opened_at(i)?;
        (p.close > p.open + 1 && p.close - p.open <= 6 && self.words[p.open + 1].cap)
            .then_some(p.close)
    }

    /// True when some word of `s..e` is a speaker head noun (`porte-parole`, `police`).
    pub fn has_speaker_noun(&self, s: usize, e: usize) -> bool {
        (s..e).any(|k| self.lex.is_speaker(&self.words[k].norm))
    }

    /// True when `s..e` holds a name word that is not inside a `de`-complement.
    fn has_own_name(&self, s: usize, e: usize) -> bool {
        let mut in_de = false;
        for k in s..e {
            let n = self.words[k].norm.as_str();
            if is_de(n) {
                in_de = true;
            } else if self.is_name_word(k) && !in_de {
                return true;
            }
        }
        false
    }

    /// A bare name starting at `i` (honorifics, capitalised words, particles, initials), ending
    /// before punctuation, a preposition, a conjunction or the end of the unit: its end.
    pub fn name_chunk_right(&self, u: &Unit, i: usize) -> Option<usize> {
        let w = &self.words;
        let mut k = i;
        let mut names = 0;
        while k < u.w1 && k - i < 8 {
            if self.is_initial(k) {
                k += 2;
                names += 1;
            } else if self.is_name_word(k) {
                k += 1;
                names += 1;
            } else if is_honorific(&w[k].norm)
                && names == 0
                && k + 2 < u.w1
                && w[k + 1].is_punct(".")
                && w[k + 1].start == w[k].end
            {
                // `M. Jean Dupont`: the abbreviated honorific and its dot.
                k += 2;
            } else if (is_honorific(&w[k].norm) && names == 0)
                || (is_name_particle(&w[k].norm)
                    && names > 0
                    && k + 1 < u.w1
                    && self.is_name_word(k + 1))
            {
                k += 1;
            } else {
                break;
            }
        }
        if names == 0 {
            return None;
        }
        let ends_well = k >= u.w1 || {
            let n = w[k].norm.as_str();
            w[k].kind != WordKind::Alpha
                || is_preposition(n)
                || is_conjunction(n)
                || is_temporal(n)
                || is_verb_adverb(n)
        };
        ends_well.then_some(k)
    }

    /// Start of the name run ending at `e` (exclusive), if `e - 1` ends a name.
    fn name_run_start(&self, s: usize, e: usize) -> Option<usize> {
        let w = &self.words;
        let mut k = e;
        // A trailing acronym or quoted name belongs to the run.
        if k >= s + 3 && w[k - 1].is_punct(")") && self.acronym_at(k - 3, e) {
            k -= 3;
        }
        let mut names = 0;
        while k > s {
            let j = k - 1;
            if self.is_name_like(j) {
                names += 1;
                k = j;
            } else if w[j].is_punct(".") && j > s && self.is_initial(j - 1) {
                names += 1;
                k = j - 1;
            } else if names > 0
                && (is_honorific(&w[j].norm)
                    || (is_name_particle(&w[j].norm)
                        && (!is_determiner(&w[j].norm) || w[j].cap)
                        && j > s
                        && self.is_name_word(j - 1)))
            {
                k = j;
            } else {
                break;
            }
        }
        (names > 0).then_some(k)
    }

    /// Start of the stretch of plain words ending at `e` (exclusive), read leftwards until
    /// anything that is not a word, a conjunction, an auxiliary or a verb.
    fn chunk_left_simple(&self, u: &Unit, e: usize) -> usize {
        let w = &self.words;
        let mut s = e;
        while s > u.body && e - s < MAX_NP {
            let x = &w[s - 1];
            let n = x.norm.as_str();
            let plain = matches!(x.kind, WordKind::Alpha | WordKind::Number)
                && (!is_conjunction(n) || is_de(n))
                && !is_auxiliary(n)
                && !is_common_verb(n)
                && self.lex.verb(n).is_none();
            if !plain {
                break;
            }
            s -= 1;
        }
        s
    }

    /// Start of the phrase chunk ending at `e`, read leftwards until punctuation, a conjunction,
    /// an auxiliary or the start of the body.
    fn chunk_left(&self, u: &Unit, e: usize) -> usize {
        let w = &self.words;
        let mut s = e;
        while s > u.body && e - s < MAX_NP {
            let j = s - 1;
            let x = &w[j];
            match x.kind {
                WordKind::Alpha | WordKind::Number => {
                    let n = x.norm.as_str();
                    if n == "et" && j > u.body && self.starts_np(j + 1, e) {
                        // `Le maire et son adjoint ont affirmé`: two coordinated speakers,
                        // when the first one starts the clause.
                        let s2 = self.chunk_left_simple(u, j);
                        let clause_start = s2 == u.body || w[s2 - 1].is_punct(",");
                        if s2 < j && clause_start && self.starts_np(s2, j) {
                            s = s2;
                        }
                        break;
                    }
                    if (is_conjunction(n) && !is_de(n))
                        || is_auxiliary(n)
                        || is_common_verb(n)
                        || n == "selon"
                    {
                        break;
                    }
                    s = j;
                }
                WordKind::Punct if x.norm == "." && j > u.body && self.is_initial(j - 1) => {
                    s = j - 1
                }
                WordKind::Punct
                    if x.norm == ")" && j >= u.body + 2 && self.acronym_at(j - 2, e) =>
                {
                    s = j - 2
                }
                WordKind::Close => match self.quotes.closed_at(j) {
                    Some(p) if p.open >= u.body && p.close - p.open <= 6 => s = p.open,
                    _ => break,
                },
                _ => break,
            }
        }
        s
    }

    /// The speaker phrase inside the chunk `s..e` (see the module doc).
    pub fn np_from_chunk(&self, s: usize, e: usize) -> Option<(usize, usize)> {
        self.np_in_chunk(s, e, false)
    }

    /// [`Ctx::np_from_chunk`]; with `name_only`, a name inside a `de`-complement of a non-speaker
    /// head is the speaker alone (`l'exception notable de Idriss Déby, qui a rappelé`).
    fn np_in_chunk(&self, s: usize, e: usize, name_only: bool) -> Option<(usize, usize)> {
        let w = &self.words;
        if s >= e {
            return None;
        }
        // A time expression before the subject is not part of it (`le 1er mars dernier Fillon`).
        let mut s2 = s;
        for (k, x) in w.iter().enumerate().take(e).skip(s) {
            let n = x.norm.as_str();
            let timeish = crate::claims::lexicon::is_month(n)
                || crate::claims::lexicon::is_weekday(n)
                || matches!(n, "hier" | "aujourd'hui" | "demain");
            if timeish {
                s2 = k + 1;
            }
        }
        while s2 > s
            && s2 < e
            && matches!(
                w[s2].norm.as_str(),
                "dernier" | "dernière" | "prochain" | "prochaine" | "matin" | "soir" | "midi"
            )
        {
            s2 += 1;
        }
        if s2 >= e {
            return None;
        }
        let mut det = None;
        for k in s2..e {
            let n = w[k].norm.as_str();
            if !is_determiner(n) {
                continue;
            }
            if k > s2 {
                let p = w[k - 1].norm.as_str();
                // After `de`, `à`, `et` the determiner opens a complement; after a name it is part
                // of the name (`Debout la France`).
                if is_de(n)
                    || is_de(p)
                    || matches!(p, "à" | "au" | "aux" | "et" | "ou")
                    || self.is_name_word(k - 1)
                {
                    continue;
                }
            }
            det = Some(k);
        }
        let name = self.name_run_start(s2, e);
        let mut start = match (det, name) {
            (Some(d), _) => d,
            (None, Some(n)) => n,
            (None, None) => s2,
        };
        // `l'exception notable de Idriss Déby` → the name alone, unless the head is a speaker noun
        // (`un porte-parole de Linden Cars`).
        if let (Some(d), Some(n), true) = (det, name, name_only) {
            if n > d + 1 && is_de(&w[n - 1].norm) && !self.has_speaker_noun(d, n) {
                start = n;
            }
        }
        // Honorifics right before the start stay in (`maître Bauer`).
        while start > s2 && is_honorific(&w[start - 1].norm) {
            start -= 1;
        }
        // A speaker phrase starts with a determiner, a name, a title or a number (not with a
        // participle: `été reconnu par 115 états`).
        let n0 = w[start].norm.as_str();
        let valid = is_determiner(n0)
            || self.is_name_word(start)
            || self.is_initial(start)
            || is_honorific(n0)
            || w[start].kind == WordKind::Number
            || self.lex.is_speaker(n0)
            || is_subject_pronoun(n0)
            || w[start].kind == WordKind::Open;
        valid.then_some((start, e))
    }

    /// The subject of the verb group starting at word `v`, read leftwards.
    pub fn subject_left(&self, u: &Unit, v: usize) -> Option<(usize, usize)> {
        let w = &self.words;
        let mut e = v;
        while e > u.body && w[e - 1].kind == WordKind::Alpha && is_preverbal(&w[e - 1].norm) {
            e -= 1;
        }
        if e <= u.body {
            return None;
        }
        let p = e - 1;
        let n = w[p].norm.as_str();
        if is_subject_pronoun(n) && w[p].kind == WordKind::Alpha {
            return Some((p, e));
        }
        if n == "qui" {
            return self.antecedent(u, p);
        }
        if w[p].is_punct(",") {
            if p > u.body && matches!(w[p - 1].kind, WordKind::Close | WordKind::Straight) {
                return None;
            }
            return self.comma_subject(u, p);
        }
        if w[p].kind != WordKind::Alpha
            && w[p].kind != WordKind::Close
            && !w[p].is_punct(")")
            && !w[p].is_punct(".")
        {
            return None;
        }
        let s = self.chunk_left(u, e);
        let np = self.np_from_chunk(s, e);
        // `Les procès qui opposent certains géants de l'industrie dévoilent …`: the phrase right
        // before the verb is the object of a relative clause; the subject is its antecedent.
        if s > u.body && w[s - 1].norm == "qui" && np.is_some_and(|(a, _)| a > s) {
            return self.antecedent(u, s - 1);
        }
        np
    }

    /// Start of the comma-free stretch ending at `c` (exclusive).
    fn comma_chunk_start(&self, u: &Unit, c: usize) -> usize {
        let w = &self.words;
        let mut b = c;
        while b > u.body
            && !(w[b - 1].kind == WordKind::Punct
                && matches!(
                    w[b - 1].norm.as_str(),
                    "," | ";" | ":" | "–" | "—" | "(" | ")"
                ))
            && !matches!(
                w[b - 1].kind,
                WordKind::Open | WordKind::Close | WordKind::Straight
            )
        {
            b -= 1;
        }
        b
    }

    /// True when `s..e` starts like a noun phrase (determiner, name, honorific, number).
    pub fn starts_np(&self, s: usize, e: usize) -> bool {
        s < e && {
            let n = self.words[s].norm.as_str();
            is_determiner(n)
                || self.is_name_word(s)
                || is_honorific(n)
                || self.words[s].kind == WordKind::Number
        }
    }

    /// Subject when a comma stands right before the verb: skips a parenthetical (`, lui,`), a
    /// relative clause or an apposition, joins a title and a name (`son porte-parole, Fraser
    /// Seitel`).
    fn comma_subject(&self, u: &Unit, c: usize) -> Option<(usize, usize)> {
        self.comma_subject_at(u, c, 0)
    }

    fn comma_subject_at(&self, u: &Unit, c: usize, depth: usize) -> Option<(usize, usize)> {
        let w = &self.words;
        let b = self.comma_chunk_start(u, c);
        if b >= c {
            return None;
        }
        let before = (b > u.body && w[b - 1].is_punct(",")).then(|| b - 1);
        let first = w[b].norm.as_str();
        let parenthetical = (b..c).all(|k| {
            let n = w[k].norm.as_str();
            matches!(
                n,
                "lui"
                    | "elle"
                    | "eux"
                    | "elles"
                    | "pour"
                    | "sa"
                    | "son"
                    | "leur"
                    | "part"
                    | "quant"
                    | "à"
                    | "de"
                    | "côté"
                    | "aussi"
                    | "même"
                    | "lui-même"
                    | "elle-même"
            ) || is_verb_adverb(n)
                || is_temporal(n)
        });
        let relative = matches!(
            first,
            "qui"
                | "dont"
                | "que"
                | "qu'"
                | "où"
                | "lequel"
                | "laquelle"
                | "lesquels"
                | "lesquelles"
        );
        if let Some(bc) = before {
            let bs = self.comma_chunk_start(u, bc);
            let before_np = || self.np_from_chunk(self.chunk_left(u, bc).max(bs), bc);
            if parenthetical || relative || !self.starts_np(b, c) {
                // The chunk before may itself end a relative clause or an apposition
                // (`José Mourinho, qui a dépensé …, et …, a déclaré`): look further left.
                return if depth < 5 {
                    self.comma_subject_at(u, bc, depth + 1)
                } else {
                    before_np()
                };
            }
            // `Laetitia Dewalle, Gilet jaune du Val d'Oise, a commenté`: a bare name, then an
            // apposition without determiner.
            let name_before = bs < bc && self.name_chunk_right(u, bs) == Some(bc);
            if name_before && !is_determiner(first) && self.name_chunk_right(u, b) != Some(c) {
                return Some((bs, bc));
            }
            let own_name = self.has_own_name(b, c);
            let bare_name = self.name_chunk_right(u, b) == Some(c);
            if bare_name
                && !self.has_own_name(bs, bc)
                && self.starts_np(bs, bc)
                && self.has_speaker_noun(bs, bc)
            {
                // `son porte-parole, Fraser Seitel, a déclaré`
                return Some((self.np_from_chunk(bs, bc).map_or(bs, |x| x.0), c));
            }
            if !own_name && bc > bs && self.name_run_start(bs, bc).is_some() {
                // `Mario Joseph, l'un de ses avocats, a déclaré`
                return before_np();
            }
        }
        if parenthetical || relative {
            return None;
        }
        self.np_from_chunk(b, c)
    }

    /// The antecedent of a relative `qui` at word `q` (`Idriss Déby, Président du Tchad, qui a
    /// rappelé` → `Idriss Déby`).
    fn antecedent(&self, u: &Unit, q: usize) -> Option<(usize, usize)> {
        let w = &self.words;
        let mut e = q;
        if e > u.body && w[e - 1].is_punct(",") {
            let c = e - 1;
            let b = self.comma_chunk_start(u, c);
            // `Idriss Déby, Président du Tchad, qui` — skip an apposition after a name.
            let before_is_name = b > u.body + 1 && self.is_name_like(b - 2);
            let apposition = b < c
                && c - b <= 8
                && b > u.body
                && w[b - 1].is_punct(",")
                && (self.lex.is_speaker(&w[b].norm)
                    || (before_is_name && !self.has_own_name(b, c)));
            e = if apposition { b - 1 } else { c };
        }
        let s = self.chunk_left(u, e);
        self.np_in_chunk(s, e, true)
    }

    /// The subject at the start of the unit's body, read rightwards to its verb; used for
    /// gerunds and coordinated verbs whose subject is the main clause's.
    pub fn initial_subject(&self, u: &Unit) -> Option<(usize, usize)> {
        let w = &self.words;
        let mut k = u.body;
        // Fronted adverbials end with a comma (`À la suite de ces révélations, François Fillon
        // se dit …`): the subject is the chunk that runs into the verb.
        let mut chunk = u.body;
        while k < u.w1 && k - chunk < MAX_NP {
            let n = w[k].norm.as_str();
            let stop = match w[k].kind {
                WordKind::Alpha | WordKind::Number => {
                    (is_conjunction(n) && !is_de(n))
                        || is_auxiliary(n)
                        || is_common_verb(n)
                        || matches!(n, "se" | "s'" | "ne" | "n'" | "y")
                        || (k > chunk
                            && !is_determiner(&w[k - 1].norm)
                            && self.lex.verb(n).is_some_and(|f| f.finite))
                }
                WordKind::Punct if n == "," => {
                    chunk = k + 1;
                    false
                }
                WordKind::Punct => !(n == "." && k > u.body && self.is_initial(k - 1)),
                _ => true,
            };
            if stop {
                break;
            }
            k += 1;
        }
        if k >= u.w1 {
            return None;
        }
        if k > chunk {
            if is_subject_pronoun(&w[chunk].norm) {
                return Some((chunk, chunk + 1));
            }
            if let Some(np) = self.np_from_chunk(chunk, k) {
                return Some(np);
            }
        }
        // `François Fillon, cependant, refuse …`: an earlier comma chunk that is a noun phrase.
        let mut end = chunk;
        while end > u.body + 1 {
            let c = end - 1; // the comma
            let b = self.comma_chunk_start(u, c);
            let f = w[b].norm.as_str();
            let adverbial = is_preposition(f) || is_verb_adverb(f) || is_temporal(f);
            if b < c && !adverbial && self.starts_np(b, c) {
                return self.np_from_chunk(b, c);
            }
            if b <= u.body || !w[b - 1].is_punct(",") {
                break;
            }
            end = b;
        }
        None
    }

    /// The speaker phrase starting at or after word `i`, read rightwards: after a post-posed
    /// verb (`…, a déclaré le ministre`) or after `selon`. With `selon`, wrapper nouns are
    /// skipped (`les propos de X` → `X`) and a stressed pronoun is a source (`selon lui`).
    pub fn np_right(&self, u: &Unit, i: usize, selon: bool) -> Option<(usize, usize)> {
        let w = &self.words;
        let end = u.w1;
        let mut j = i;
        let mut skipped_pp = false;
        // Adverbs, time words and an addressee between the verb and the speaker.
        while j < end {
            let n = w[j].norm.as_str();
            if w[j].kind != WordKind::Alpha {
                break;
            }
            if is_verb_adverb(n) || is_temporal(n) {
                j += 1;
            } else if matches!(n, "ce" | "cette") && j + 1 < end && is_temporal(&w[j + 1].norm) {
                j += 2;
            } else if !selon
                && !skipped_pp
                && matches!(
                    n,
                    "à" | "au" | "aux" | "dans" | "devant" | "sur" | "auprès" | "lors"
                )
            {
                // Skip to the next determiner (`à l'AFP le ministre`).
                let mut k = j + 1;
                if k < end && is_determiner(&w[k].norm) {
                    k += 1;
                }
                while k < end
                    && k - j < 7
                    && w[k].kind == WordKind::Alpha
                    && !is_determiner(&w[k].norm)
                {
                    k += 1;
                }
                if k >= end || !is_determiner(&w[k].norm) {
                    return None;
                }
                j = k;
                skipped_pp = true;
            } else {
                break;
            }
        }
        if j >= end {
            return None;
        }
        if selon
            && is_determiner(&w[j].norm)
            && j + 2 < end
            && self.lex.is_wrapper(&w[j + 1].norm)
            && is_de(&w[j + 2].norm)
        {
            j += 3;
        } else if selon
            && j + 1 < end
            && matches!(w[j].norm.as_str(), "du" | "des")
            && self.lex.is_wrapper(&w[j + 1].norm)
        {
            return None;
        }
        if j >= end {
            return None;
        }
        // `selon ce qu'a indiqué le ministre`: the speaker is the subject of that verb.
        if selon
            && w[j].norm == "ce"
            && j + 1 < end
            && matches!(w[j + 1].norm.as_str(), "que" | "qu'")
        {
            let v = (j + 2..end.min(j + 6)).find(|&m| self.lex.verb(&w[m].norm).is_some())?;
            let mut after = v + 1;
            if after < end && w[after].kind == WordKind::Clitic {
                return Some((after, after + 1));
            }
            while after < end && is_verb_adverb(&w[after].norm) {
                after += 1;
            }
            return self.np_right(u, after, false);
        }
        let s = j;
        let n0 = w[s].norm.as_str();
        if selon && matches!(n0, "lui" | "elle" | "eux" | "elles") {
            return Some((s, s + 1));
        }
        let starts = is_determiner(n0)
            || self.is_name_word(s)
            || is_honorific(n0)
            || w[s].kind == WordKind::Number
            || self.is_initial(s);
        if !starts {
            return None;
        }
        let mut k = s;
        let mut good = s;
        while k < end && k - s < MAX_NP {
            let x = &w[k];
            let prev_link = k > s && {
                let p = w[k - 1].norm.as_str();
                is_de(p) || p == "et" || (p == "par" && k >= s + 2 && is_participle(&w[k - 2]))
            };
            match x.kind {
                WordKind::Alpha | WordKind::Number => {
                    let n = x.norm.as_str();
                    if k == s {
                        k += 1;
                        good = k;
                        continue;
                    }
                    if is_de(n) {
                        k += 1;
                        continue;
                    }
                    if n == "et" {
                        if k + 1 < end
                            && (is_determiner(&w[k + 1].norm) || self.is_name_word(k + 1))
                        {
                            k += 1;
                            continue;
                        }
                        break;
                    }
                    // `Christophe Le Gallo`: a capitalised article inside a name.
                    if matches!(n, "le" | "la" | "les")
                        && x.cap
                        && k + 1 < end
                        && self.is_name_word(k - 1)
                        && self.is_name_word(k + 1)
                    {
                        k += 1;
                        continue;
                    }
                    // `le journal Le Dauphiné`: a descriptor noun, then the name with its article.
                    if is_determiner(n)
                        && x.cap
                        && k + 1 < end
                        && self.is_name_word(k + 1)
                        && !w[k - 1].cap
                        && w[k - 1].kind == WordKind::Alpha
                        && !is_determiner(&w[k - 1].norm)
                    {
                        k += 1;
                        continue;
                    }
                    // `des témoins cités par la télévision locale`: a participle and its agent
                    // belong to the phrase; `l'Insee publiés jeudi`: a participle before a time
                    // does not.
                    if is_participle(x) && !self.is_name_word(k) {
                        let nx = w.get(k + 1).filter(|_| k + 1 < end);
                        if nx.is_some_and(|y| y.norm == "par") {
                            k += 2;
                            continue;
                        }
                        if nx.is_some_and(|y| is_temporal(&y.norm) || y.kind == WordKind::Number) {
                            break;
                        }
                    }
                    let after_det = is_determiner(&w[k - 1].norm);
                    let verbish = !after_det
                        && !prev_link
                        && (is_auxiliary(n)
                            || is_common_verb(n)
                            || self.lex.verb(n).is_some_and(|f| f.finite || f.gerund));
                    if (is_preposition(n) && !prev_link)
                        || (is_conjunction(n) && !is_de(n))
                        || (is_temporal(n) && !x.cap)
                        || (is_verb_adverb(n) && !self.is_name_word(k))
                        || verbish
                        || (is_determiner(n) && !prev_link)
                        || n.ends_with("ant") && !x.cap && !after_det && n.len() > 5
                    {
                        break;
                    }
                    k += 1;
                    good = k;
                }
                WordKind::Punct if self.acronym_at(k, end) => {
                    k += 3;
                    good = k;
                }
                WordKind::Punct if x.norm == "." && k > s && self.is_initial(k - 1) => {
                    k += 1;
                    good = k;
                }
                WordKind::Open => match self.quoted_name(k) {
                    Some(c) if c < end => {
                        k = c + 1;
                        good = k;
                    }
                    _ => break,
                },
                _ => break,
            }
        }
        let mut e = good;
        // Trailing links (`de`, `et`) are never kept.
        while e > s + 1 && (is_de(&w[e - 1].norm) || w[e - 1].norm == "et") {
            e -= 1;
        }
        // `la porte-parole du parquet, Julie Plevoets`: a title and the name after its comma.
        if e + 1 < end
            && w[e].is_punct(",")
            && !self.has_own_name(s, e)
            && self.has_speaker_noun(s, e)
        {
            if let Some(ne) = self.name_chunk_right(u, e + 1) {
                e = ne;
            }
        }
        Some((s, e))
    }
}

/// A lower-case past participle (`cités`, `publiée`).
fn is_participle(x: &super::words::Word) -> bool {
    let n = x.norm.as_str();
    x.kind == WordKind::Alpha
        && !x.cap
        && n.chars().count() > 3
        && (n.ends_with('é') || n.ends_with("ée") || n.ends_with("és") || n.ends_with("ées"))
}

#[cfg(test)]
mod tests {
    use crate::claims::Ctx;

    fn right(t: &str, after: &str, selon: bool) -> String {
        let ctx = Ctx::build(t, &[]);
        let off = t.find(after).unwrap() + after.len();
        let i = ctx.words.iter().position(|w| w.start >= off).unwrap();
        let u = ctx.units.iter().find(|u| u.w0 <= i && i < u.w1).unwrap();
        match ctx.np_right(u, i, selon) {
            Some((s, e)) => t[ctx.words[s].start..ctx.words[e - 1].end].to_string(),
            None => String::new(),
        }
    }

    fn left(t: &str, verb: &str) -> String {
        let ctx = Ctx::build(t, &[]);
        let off = t.find(verb).unwrap();
        let i = ctx.words.iter().position(|w| w.start >= off).unwrap();
        let u = ctx.units.iter().find(|u| u.w0 <= i && i < u.w1).unwrap();
        match ctx.subject_left(u, i) {
            Some((s, e)) => t[ctx.words[s].start..ctx.words[e - 1].end].to_string(),
            None => String::new(),
        }
    }

    #[test]
    fn post_posed_speakers_end_at_the_name() {
        let t = "« Oui », a déclaré le président du Centre culturel, Mohamed Yangui.";
        assert_eq!(
            right(t, "déclaré", false),
            "le président du Centre culturel, Mohamed Yangui"
        );
        let t = "« Oui » a déclaré maître Bauer après la victoire.";
        assert_eq!(right(t, "déclaré", false), "maître Bauer");
        let t = "« Oui », précise un porte-parole de Linden Cars, la filiale du groupe.";
        assert_eq!(right(t, "précise", false), "un porte-parole de Linden Cars");
        let t = "Il pleut, a annoncé à l'AFP le maire de Lyon.";
        assert_eq!(right(t, "annoncé", false), "le maire de Lyon");
        let t = "Il pleut, a écrit le journal Le Dauphiné.";
        assert_eq!(right(t, "écrit", false), "le journal Le Dauphiné");
    }

    #[test]
    fn selon_sources_drop_wrappers_and_keep_acronyms() {
        let t = "Selon les propos de son avocat, Me Antonin Levy à l'AFP, tout va bien.";
        assert_eq!(right(t, "Selon", true), "son avocat, Me Antonin Levy");
        let t = "Il y a 40 morts selon l'Organisation mondiale de la Santé (OMS).";
        assert_eq!(
            right(t, "selon", true),
            "l'Organisation mondiale de la Santé (OMS)"
        );
        let t = "Tout va bien, selon lui.";
        assert_eq!(right(t, "selon", true), "lui");
    }

    #[test]
    fn pre_posed_subjects() {
        assert_eq!(
            left(
                "Des journalistes sur place rapportent que tout brûle.",
                "rapportent"
            ),
            "Des journalistes sur place"
        );
        assert_eq!(
            left(
                "En effet, le 1er mars dernier, Fillon avait annoncé sa venue.",
                "avait"
            ),
            "Fillon"
        );
        assert_eq!(
            left("N. Belloubet a indiqué que non.", "a indiqué"),
            "N. Belloubet"
        );
        assert_eq!(left("Il l'a confirmé.", "a confirmé"), "Il");
        assert_eq!(
            left("Au 4e jour, la ministre de la Justice française Nicole Belloubet a annoncé la fin.", "a annoncé"),
            "la ministre de la Justice française Nicole Belloubet"
        );
        assert_eq!(
            left(
                "Mario Joseph, l'un de ses avocats, a déclaré que non.",
                "a déclaré"
            ),
            "Mario Joseph"
        );
        assert_eq!(
            left(
                "Son porte-parole, Fraser Seitel, a déclaré que non.",
                "a déclaré"
            ),
            "Son porte-parole, Fraser Seitel"
        );
        assert_eq!(
            left(
                "Tous, à l'exception notable de Idriss Déby, Président du Tchad, qui a rappelé que oui.",
                "a rappelé"
            ),
            "Idriss Déby"
        );
        assert_eq!(
            left("Fillon estime, lui, être victime.", "estime"),
            "Fillon"
        );
        assert_eq!(
            left("Le maire, élu en 2014, a déclaré que non.", "a déclaré"),
            "Le maire"
        );
    }
}
