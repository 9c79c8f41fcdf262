//! The small French word lists the tokenizer and the sentence splitter consult.
//!
//! Every lookup is case-insensitive and allocation-free ([`eq_fold`]); lists are plain sorted
//! slices, short enough for a linear scan.

/// Compares `word` with `lower` (already lower case), ignoring the case of `word`.
/// Handles accented Latin letters (`Déc` = `déc`) without allocating. Letters whose two cases
/// differ in UTF-8 length (the Kelvin sign…) never match.
pub(crate) fn eq_fold(word: &str, lower: &str) -> bool {
    if word.len() != lower.len() {
        return false;
    }
    let mut a = word.chars();
    let mut b = lower.chars();
    loop {
        match (a.next(), b.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) => {
                if x != y && fold(x) != y {
                    return false;
                }
            }
            _ => return false,
        }
    }
}

/// Simple one-to-one lower-casing (enough for French letters).
#[inline]
fn fold(c: char) -> char {
    if c.is_ascii() {
        c.to_ascii_lowercase()
    } else {
        c.to_lowercase().next().unwrap_or(c)
    }
}

/// Whether `word` (any case) is one of `list` (lower-case entries).
pub(crate) fn in_list(word: &str, list: &[&str]) -> bool {
    list.iter().any(|w| eq_fold(word, w))
}

/// Elided words written with an apostrophe that form their own token: `l'`, `qu'`, `jusqu'`…
/// Lexicalised forms (`aujourd'hui`, `quelqu'un`, `presqu'île`, `prud'hommes`) are not listed,
/// so they stay whole.
pub(crate) const ELISIONS: &[&str] = &[
    "c", "ç", "d", "j", "jusqu", "l", "lorsqu", "m", "n", "puisqu", "qu", "quoiqu", "s", "t",
];

/// Words that start with an elision but stay whole, as in UD French GSD and Sequoia:
/// euphonic `l'on` and the fixed phrase `c'est-à-dire`.
pub(crate) const ELISION_WHOLE: &[&str] = &["l'on", "l’on", "c'est-à-dire", "c’est-à-dire"];

/// Clitic pronouns split off a verb after a hyphen (`dit-il` → `dit` `-il`, `a-t-elle` →
/// `a` `-t-elle`, `est-ce` → `est` `-ce`), as UD French GSD does.
pub(crate) const CLITICS: &[&str] = &[
    "ce", "ci", "elle", "elles", "en", "il", "ils", "je", "la", "là", "le", "les", "leur", "lui",
    "moi", "nous", "on", "toi", "tu", "vous", "y",
];

/// First parts after which `-ci` / `-là` stay attached: `celui-ci`, `jusque-là`, `par-ci`.
pub(crate) const CI_LA_HOSTS: &[&str] = &[
    "celle", "celles", "celui", "ceux", "ci", "de", "jusque", "là", "par",
];

/// Hyphenated words ending like an inversion that are really compounds.
pub(crate) const HYPHEN_WHOLE: &[&str] = &["rendez-vous"];

/// Abbreviations that always take their period (`Mme.`, `av. J.-C.`, `etc.`). `M.` and `MM.` are
/// handled apart, case-sensitively ([`is_title`]), since `m.` and `mm.` may be units.
pub(crate) const ABBREVIATIONS: &[&str] = &[
    "apr", "av", "avr", "boul", "c-à-d", "capt", "cdt", "cf", "chap", "cie", "cit", "coll", "déc",
    "dir", "dr", "dre", "drs", "éd", "env", "etc", "févr", "gal", "gén", "ibid", "inc", "janv",
    "jr", "juil", "lt", "ltd", "me", "mgr", "mlle", "mlles", "mme", "mmes", "mr", "mrs", "nov",
    "oct", "pr", "réf", "sgt", "sr", "st", "ste", "sts", "tél", "trad",
];

/// `M.` (Monsieur) and `MM.` (Messieurs): capitalised only.
pub(crate) fn is_title(word: &str) -> bool {
    word == "M" || word == "MM"
}

/// Abbreviations that are also ordinary words (`vol`, `art`, `col`, `ex`) or single letters (`p`):
/// they take their period only before a number or a lower-case word (`p. 12`, `art. 3`,
/// `p. ex. la`).
pub(crate) const ABBREVIATIONS_BEFORE_LOWER: &[&str] = &[
    "art", "bd", "ch", "col", "ex", "fig", "n", "no", "p", "pp", "s", "ss", "t", "v", "vol",
];

/// Abbreviations that can also close a sentence: their period ends it when a capital follows
/// (`…, etc. Le lendemain`).
pub(crate) const ABBREVIATIONS_FINAL: &[&str] = &["cit", "etc", "ibid", "inc", "jr", "ltd", "sr"];

/// Capitalised words that typically open a French sentence; used where a period is ambiguous
/// (after an initial or `J.-C.`): `… en 52 av. J.-C. Il …` ends a sentence, `J. Dupont` does not.
pub(crate) const SENTENCE_STARTERS: &[&str] = &[
    "à",
    "ainsi",
    "alors",
    "après",
    "au",
    "aujourd'hui",
    "aux",
    "avant",
    "avec",
    "c'",
    "ça",
    "car",
    "ce",
    "cela",
    "celle-ci",
    "celui-ci",
    "cependant",
    "ces",
    "cet",
    "cette",
    "chez",
    "comme",
    "d'",
    "dans",
    "de",
    "depuis",
    "des",
    "donc",
    "du",
    "elle",
    "elles",
    "en",
    "enfin",
    "ensuite",
    "et",
    "il",
    "ils",
    "j'",
    "je",
    "l'",
    "la",
    "le",
    "les",
    "leur",
    "leurs",
    "lors",
    "lorsque",
    "ma",
    "mais",
    "mes",
    "mon",
    "n'",
    "nos",
    "notre",
    "nous",
    "on",
    "or",
    "par",
    "pendant",
    "pour",
    "pourtant",
    "puis",
    "qu'",
    "quand",
    "que",
    "s'",
    "sa",
    "selon",
    "ses",
    "si",
    "son",
    "sur",
    "toutefois",
    "un",
    "une",
    "vos",
    "votre",
    "vous",
];

/// Units split from a number written against it (`160km` → `160` `km`, `11h30` → `11` `h` `30`),
/// as UD French does.
pub(crate) const UNITS: &[&str] = &[
    "cl", "cm", "g", "gb", "go", "gw", "h", "ha", "kg", "km", "ko", "kw", "kwh", "m", "mb", "mg",
    "min", "ml", "mm", "mn", "mo", "mw", "µg",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_handles_accents_and_case() {
        assert!(eq_fold("Déc", "déc"));
        assert!(eq_fold("ÉD", "éd"));
        assert!(eq_fold("Jusqu", "jusqu"));
        assert!(!eq_fold("jus", "jusqu"));
        assert!(in_list("MME", ABBREVIATIONS));
        assert!(!in_list("Paris", ABBREVIATIONS));
    }

    #[test]
    fn lists_are_lower_case() {
        for list in [
            ELISIONS,
            ELISION_WHOLE,
            CLITICS,
            CI_LA_HOSTS,
            HYPHEN_WHOLE,
            ABBREVIATIONS,
            ABBREVIATIONS_BEFORE_LOWER,
            ABBREVIATIONS_FINAL,
            SENTENCE_STARTERS,
            UNITS,
        ] {
            for w in list {
                assert_eq!(*w, w.to_lowercase(), "{w}");
            }
        }
    }
}
