//! Word lists for claim extraction: reporting verbs and closed word classes.
//!
//! Reporting verb forms come from two embedded files (see `data/README.md`): the MIT-licensed
//! `quote_verb_list.txt` (pruned to 3rd-person forms, participles and gerunds) and Balise's own
//! `lexicon.txt` (regular `-er` lemmas whose forms are generated, irregular forms, and the noun
//! lists: speaker heads, selon wrappers, number designators). Both are parsed once, lazily.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

const MIT_VERBS: &str = include_str!("data/quote_verb_list.txt");
const LEXICON: &str = include_str!("data/lexicon.txt");

/// How a reporting verb form can be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Form {
    /// Conjugated form usable alone (`déclare`, `affirmait`, `dit`).
    pub finite: bool,
    /// Past participle, a cue only after an auxiliary or a coordinating `et` (`a déclaré`).
    pub participle: bool,
    /// Present participle / gerund (`soulignant`).
    pub gerund: bool,
    /// The verb takes an infinitive complement reporting speech (`affirme avoir …`).
    pub infinitive: bool,
    /// The verb reports speech only after the quotation or with an inverted subject
    /// (`poursuit-il`, `…, reprend le ministre`).
    pub postposed_only: bool,
}

/// The parsed lexicon.
#[derive(Debug, Default)]
pub struct Lexicon {
    forms: HashMap<String, Form>,
    directive_stems: Vec<String>,
    speakers: HashSet<String>,
    wrappers: HashSet<String>,
    designators: HashSet<String>,
    infinitives: HashSet<String>,
}

/// The lexicon, parsed on first use.
pub fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(Lexicon::parse)
}

fn sections(src: &str) -> HashMap<&str, Vec<&str>> {
    let mut out: HashMap<&str, Vec<&str>> = HashMap::new();
    let mut current = "";
    for line in src.lines() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            current = name;
            continue;
        }
        out.entry(current)
            .or_default()
            .extend(line.split_whitespace());
    }
    out
}

/// Conjugated forms of a regular `-er` verb, 3rd person, with participles and gerund.
fn er_forms(lemma: &str) -> Vec<String> {
    let Some(stem) = lemma.strip_suffix("er") else {
        return Vec::new();
    };
    // Stem before a/o: annonç-, juge-.
    let soft = if let Some(s) = stem.strip_suffix('c') {
        format!("{s}ç")
    } else if stem.ends_with('g') {
        format!("{stem}e")
    } else {
        stem.to_string()
    };
    // Stem of the present singular/plural: répét- → répèt-.
    let grave = match stem.rfind('é') {
        Some(i)
            if stem[i + 'é'.len_utf8()..]
                .chars()
                .all(|c| !"aeiouyéèêàâîïôûu".contains(c)) =>
        {
            format!("{}è{}", &stem[..i], &stem[i + 'é'.len_utf8()..])
        }
        _ => stem.to_string(),
    };
    let mut v = vec![
        format!("{grave}e"),
        format!("{grave}ent"),
        format!("{soft}ait"),
        format!("{soft}aient"),
        format!("{soft}a"),
        format!("{stem}èrent"),
        format!("{stem}era"),
        format!("{stem}eront"),
        format!("{stem}erait"),
        format!("{stem}eraient"),
        format!("{stem}é"),
        format!("{stem}ée"),
        format!("{stem}és"),
        format!("{stem}ées"),
        format!("{soft}ant"),
    ];
    v.retain(|f| !f.is_empty());
    v
}

/// Classifies a verb form by its ending (see [`Form`]).
fn classify(form: &str, finite_too: &HashSet<&str>) -> Form {
    if finite_too.contains(form) {
        return Form {
            finite: true,
            participle: true,
            ..Form::default()
        };
    }
    if form.ends_with("ant") {
        return Form {
            gerund: true,
            ..Form::default()
        };
    }
    // Adjectival forms of present participles (`disante`) are not cues.
    if form.ends_with("ante") || form.ends_with("ants") || form.ends_with("antes") {
        return Form::default();
    }
    if is_participle_form(form) {
        Form {
            participle: true,
            ..Form::default()
        }
    } else {
        Form {
            finite: true,
            ..Form::default()
        }
    }
}

/// Past participle endings: `-é(e)(s)`; `-u(e)(s)` except after `q`/`g` (`indique`, `argue`);
/// `-i(s)`; `-ie(s)` after `t`/`v`/`g` (`avertie`, `poursuivie`, not `nie`, `confie`); `-ite(s)`,
/// `-its`.
fn is_participle_form(f: &str) -> bool {
    let strip = |suffixes: &[&str]| suffixes.iter().find_map(|x| f.strip_suffix(x));
    if strip(&["é", "ée", "és", "ées", "ite", "ites", "its", "i", "is"]).is_some() {
        return true;
    }
    if let Some(stem) = strip(&["ue", "ues", "us", "u"]) {
        return !(stem.ends_with('q') || stem.ends_with('g'));
    }
    if let Some(stem) = strip(&["ie", "ies"]) {
        return stem.ends_with('t') || stem.ends_with('v') || stem.ends_with('g');
    }
    false
}

impl Lexicon {
    fn parse() -> Lexicon {
        let sec = sections(LEXICON);
        let get = |name: &str| sec.get(name).cloned().unwrap_or_default();
        let finite_too: HashSet<&str> = get("finite_too").into_iter().collect();
        let inf_stems = get("infinitive");
        let post_stems = get("postposed");
        let mut forms: HashMap<String, Form> = HashMap::new();
        let mut add = |f: &str| {
            let mut form = classify(f, &finite_too);
            if form == Form::default() {
                return;
            }
            // `affirme avoir …`, and the gerund too: `déclarant comprendre …`.
            form.infinitive = inf_stems.iter().any(|s| f.starts_with(s));
            form.postposed_only = post_stems.iter().any(|s| f.starts_with(s));
            let e = forms.entry(f.to_string()).or_default();
            e.finite |= form.finite;
            e.participle |= form.participle;
            e.gerund |= form.gerund;
            e.infinitive |= form.infinitive;
            e.postposed_only |= form.postposed_only;
        };
        for line in MIT_VERBS.lines() {
            let f = line.trim();
            if !f.is_empty() && !f.starts_with('#') {
                add(f);
            }
        }
        for lemma in get("er") {
            for f in er_forms(lemma) {
                add(&f);
            }
        }
        for f in get("forms") {
            add(f);
        }
        let set = |name: &str| get(name).into_iter().map(str::to_string).collect();
        let infinitives: HashSet<String> = get("er")
            .into_iter()
            .chain(get("infinitives"))
            .map(str::to_string)
            .collect();
        Lexicon {
            forms,
            directive_stems: get("directive").into_iter().map(str::to_string).collect(),
            speakers: set("speakers"),
            wrappers: set("wrappers"),
            designators: set("designators"),
            infinitives,
        }
    }

    /// The reporting-verb reading of a lowercase word, if any.
    pub fn verb(&self, norm: &str) -> Option<Form> {
        self.forms.get(norm).copied()
    }

    /// True for the infinitive of a reporting verb (`préciser`, `dire`).
    pub fn is_reporting_infinitive(&self, norm: &str) -> bool {
        self.infinitives.contains(norm)
    }

    /// True for a conjugated form of a demand/request verb (`demande`, `exige`, `appelle`).
    pub fn is_directive(&self, norm: &str) -> bool {
        norm.len() > 3
            && !norm.ends_with("er")
            && self
                .directive_stems
                .iter()
                .any(|s| norm.starts_with(s.as_str()))
    }

    /// True for a noun that can head a speaker noun phrase (`porte-parole`, `police`, `médias`).
    pub fn is_speaker(&self, norm: &str) -> bool {
        if self.speakers.contains(norm) {
            return true;
        }
        let singular = norm
            .strip_suffix('s')
            .or_else(|| norm.strip_suffix('x'))
            .unwrap_or(norm);
        self.speakers.contains(singular)
    }

    /// True for a noun wrapping a selon-source (`propos`, `informations`).
    pub fn is_wrapper(&self, norm: &str) -> bool {
        self.wrappers.contains(norm)
    }

    /// True for a noun after which a number is a designation (`autoroute 3`).
    pub fn is_designator(&self, norm: &str) -> bool {
        self.designators.contains(norm)
    }
}

/// Articles, possessives, demonstratives and quantifiers that open a noun phrase.
pub fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "le" | "la"
            | "les"
            | "l'"
            | "un"
            | "une"
            | "des"
            | "du"
            | "son"
            | "sa"
            | "ses"
            | "leur"
            | "leurs"
            | "notre"
            | "nos"
            | "votre"
            | "vos"
            | "mon"
            | "ma"
            | "mes"
            | "ce"
            | "cet"
            | "cette"
            | "ces"
            | "plusieurs"
            | "certains"
            | "certaines"
            | "quelques"
            | "aucun"
            | "aucune"
            | "chaque"
            | "tous"
            | "toutes"
            | "nombre"
            | "divers"
            | "diverses"
    )
}

/// `de` and its contractions, which link a complement inside a noun phrase.
pub fn is_de(w: &str) -> bool {
    matches!(w, "de" | "d'" | "du" | "des")
}

/// Prepositions (other than `de`) that end a noun phrase read rightwards.
pub fn is_preposition(w: &str) -> bool {
    matches!(
        w,
        "à" | "au"
            | "aux"
            | "après"
            | "avant"
            | "lors"
            | "dans"
            | "en"
            | "sur"
            | "sous"
            | "pour"
            | "par"
            | "avec"
            | "sans"
            | "selon"
            | "depuis"
            | "pendant"
            | "devant"
            | "derrière"
            | "chez"
            | "vers"
            | "contre"
            | "malgré"
            | "entre"
            | "parmi"
            | "auprès"
            | "via"
            | "dès"
            | "durant"
            | "face"
            | "outre"
            | "concernant"
            | "suite"
    )
}

/// Conjunctions and relative words that end a noun phrase.
pub fn is_conjunction(w: &str) -> bool {
    matches!(
        w,
        "et" | "ou"
            | "mais"
            | "que"
            | "qu'"
            | "qui"
            | "dont"
            | "où"
            | "lorsque"
            | "lorsqu'"
            | "quand"
            | "car"
            | "puis"
            | "alors"
            | "tandis"
            | "si"
            | "comme"
            | "puisque"
            | "puisqu'"
            | "ni"
            | "or"
            | "donc"
            | "soit"
    )
}

/// Subject pronouns that are a source as written.
pub fn is_subject_pronoun(w: &str) -> bool {
    matches!(w, "il" | "elle" | "ils" | "elles" | "on" | "iel" | "iels")
}

/// Pronouns (subject or stressed) that may stand for a source: the claim gets a `source_ref`.
pub fn is_pronoun_source(w: &str) -> bool {
    is_subject_pronoun(w)
        || matches!(
            w,
            "lui" | "eux" | "celui-ci" | "celle-ci" | "ceux-ci" | "celles-ci"
        )
}

/// Auxiliaries of compound tenses (`a déclaré`, `avait annoncé`, `aurait affirmé`).
pub fn is_auxiliary(w: &str) -> bool {
    matches!(
        w,
        "a" | "ont"
            | "avait"
            | "avaient"
            | "aura"
            | "auront"
            | "aurait"
            | "auraient"
            | "eut"
            | "eurent"
            | "ait"
            | "aient"
    )
}

/// Conditional forms that mark a claim as hedged (`aurait`, `serait`).
pub fn is_conditional(w: &str) -> bool {
    matches!(
        w,
        "aurait"
            | "auraient"
            | "serait"
            | "seraient"
            | "pourrait"
            | "pourraient"
            | "devrait"
            | "devraient"
            | "présumé"
            | "présumée"
            | "présumés"
            | "présumées"
            | "supposé"
            | "supposée"
            | "présumément"
    )
}

/// Any verb in the present conditional, 3rd person (`s'agirait`, `compterait`, `pourraient`),
/// not the nouns that end like one (`portrait`, `retrait`). After a past reporting verb this is
/// often the future in the past (`a annoncé qu'il viendrait`), so callers decide where it hedges.
pub fn is_any_conditional(w: &str) -> bool {
    // `-erait` (déclarerait; an imperfect ends in `-érait`: espérait), `-drait` (prendrait,
    // viendrait), and frequent irregular stems. Other `-rait` words are mostly imperfects
    // (transportait, entrait, ouvrait).
    let long = w.chars().count() >= 7;
    (long
        && ((w.ends_with("erait") && !w.ends_with("érait"))
            || (w.ends_with("eraient") && !w.ends_with("éraient"))
            || w.ends_with("drait")
            || w.ends_with("draient")))
        || matches!(
            w,
            "agirait"
                | "agiraient"
                | "dirait"
                | "diraient"
                | "mettrait"
                | "mettraient"
                | "saurait"
                | "sauraient"
                | "verrait"
                | "verraient"
                | "irait"
                | "iraient"
                | "suivrait"
                | "suivraient"
                | "vivrait"
                | "vivraient"
                | "faudrait"
                | "compterait"
        )
}

/// Adverbs that may stand inside a verb group (`a également annoncé`, `n'a pas dit`).
pub fn is_verb_adverb(w: &str) -> bool {
    matches!(
        w,
        "également"
            | "aussi"
            | "encore"
            | "déjà"
            | "toujours"
            | "ensuite"
            | "enfin"
            | "alors"
            | "ainsi"
            | "pourtant"
            | "toutefois"
            | "cependant"
            | "néanmoins"
            | "notamment"
            | "même"
            | "bien"
            | "pas"
            | "jamais"
            | "plus"
            | "guère"
            | "donc"
            | "d'ailleurs"
            | "lui-même"
            | "elle-même"
            | "eux-mêmes"
            | "elles-mêmes"
            | "hier"
            | "aujourd'hui"
            | "vite"
            | "tôt"
            | "tard"
    ) || is_ment_adverb(w)
}

fn is_ment_adverb(w: &str) -> bool {
    // `-ement` words are adverbs when built on an adjective (`récemment` ends in -emment; `également`,
    // `officiellement`, `clairement`); nouns in -ement (`gouvernement`) never stand between an
    // auxiliary and its participle, so the test only needs to exclude the most frequent ones.
    w.len() > 6
        && w.ends_with("ment")
        && !matches!(
            w,
            "gouvernement"
                | "parlement"
                | "moment"
                | "événement"
                | "évènement"
                | "règlement"
                | "département"
                | "mouvement"
                | "jugement"
                | "financement"
                | "traitement"
                | "logement"
                | "comportement"
                | "établissement"
                | "développement"
                | "changement"
                | "fonctionnement"
                | "enseignement"
                | "bâtiment"
                | "document"
                | "argument"
                | "élément"
                | "commencement"
                | "paiement"
                | "licenciement"
                | "engagement"
                | "enlèvement"
                | "groupement"
                | "rassemblement"
                | "affrontement"
        )
}

/// Month names.
pub fn is_month(w: &str) -> bool {
    matches!(
        w,
        "janvier"
            | "février"
            | "fevrier"
            | "mars"
            | "avril"
            | "mai"
            | "juin"
            | "juillet"
            | "août"
            | "aout"
            | "septembre"
            | "octobre"
            | "novembre"
            | "décembre"
            | "decembre"
    )
}

/// Day names.
pub fn is_weekday(w: &str) -> bool {
    matches!(
        w,
        "lundi" | "mardi" | "mercredi" | "jeudi" | "vendredi" | "samedi" | "dimanche"
    )
}

/// Words that mark a time expression (`hier`, `lundi`, `mars`, `matin`).
pub fn is_temporal(w: &str) -> bool {
    is_month(w)
        || is_weekday(w)
        || matches!(
            w,
            "hier"
                | "aujourd'hui"
                | "demain"
                | "matin"
                | "soir"
                | "midi"
                | "nuit"
                | "veille"
                | "lendemain"
                | "récemment"
                | "dernièrement"
                | "mi-journée"
        )
}

/// Honorifics and titles written before a name (`M.`, `Mme`, `Me`, `maître`).
pub fn is_honorific(w: &str) -> bool {
    matches!(
        w,
        "m" | "mme"
            | "mmes"
            | "mlle"
            | "me"
            | "mm"
            | "dr"
            | "pr"
            | "mgr"
            | "maître"
            | "monsieur"
            | "madame"
            | "mademoiselle"
            | "docteur"
            | "professeur"
            | "sir"
            | "lord"
            | "saint"
            | "sainte"
            | "général"
            | "colonel"
            | "commandant"
            | "capitaine"
            | "père"
            | "sœur"
            | "frère"
            | "abbé"
            | "cheikh"
            | "imam"
            | "rabbin"
            | "pasteur"
    )
}

/// Particles inside personal names (`Charles de Gaulle`, `Ursula von der Leyen`).
pub fn is_name_particle(w: &str) -> bool {
    matches!(
        w,
        "de" | "du"
            | "d'"
            | "des"
            | "van"
            | "von"
            | "der"
            | "den"
            | "ben"
            | "bin"
            | "al"
            | "el"
            | "la"
            | "le"
            | "di"
            | "da"
            | "dos"
            | "y"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_forms_cover_tenses_and_spelling_changes() {
        let lex = lexicon();
        for f in [
            "annonce",
            "annonçait",
            "annoncé",
            "annonçant",
            "réaffirmé",
            "répète",
            "nie",
        ] {
            assert!(lex.verb(f).is_some(), "{f}");
        }
        assert!(lex.verb("a déclaré").is_none());
        assert!(lex.verb("déclaré").unwrap().participle);
        assert!(!lex.verb("déclaré").unwrap().finite);
        assert!(lex.verb("déclare").unwrap().finite);
        assert!(lex.verb("soulignant").unwrap().gerund);
        let dit = lex.verb("dit").unwrap();
        assert!(dit.finite && dit.participle && dit.infinitive);
        assert!(lex.verb("affirment").unwrap().infinitive);
        for f in ["indique", "explique", "nie", "confie", "argue"] {
            assert!(lex.verb(f).unwrap().finite, "{f}");
        }
        for f in ["avertie", "conclue", "prévu", "admis", "poursuivi"] {
            assert!(lex.verb(f).unwrap().participle, "{f}");
        }
    }

    #[test]
    fn non_reporting_verbs_are_left_out() {
        let lex = lexicon();
        for f in [
            "serait", "soit", "sait", "veut", "souhaite", "demande", "trouve", "eu",
        ] {
            assert!(lex.verb(f).is_none(), "{f}");
        }
        assert!(lex.is_directive("demande"));
        assert!(lex.is_directive("recommande"));
        assert!(!lex.is_directive("déclare"));
    }

    #[test]
    fn speaker_nouns_accept_plurals() {
        let lex = lexicon();
        assert!(lex.is_speaker("porte-parole"));
        assert!(lex.is_speaker("médias"));
        assert!(lex.is_speaker("autorités"));
        assert!(!lex.is_speaker("fermeture"));
    }
}
