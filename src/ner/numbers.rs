//! NUM by rules (`ANNOTATION.md` §1–2): cardinal numbers in digits or words, with their unit when
//! they are an amount or a measure.
//!
//! * counts are the number only: `3 500` soldats, `sept` ports, `Deux` manifestants;
//! * amounts and measures include the unit: `41 000 euros`, `3,3 milliards de dollars`, `55,3 %`,
//!   `200 hectares`, ages `93 ans`;
//! * numbers sharing one unit are one span: `84 ou 86 ans`, `25 à 30 %`;
//! * approximators stay outside (`environ 50` → `50`), the article `un`/`une` is never a number,
//!   ordinals (`35e`, `1er`, `14 e`) are not NUM;
//! * vague quantities keep their article: `une dizaine`, `des centaines` (optional in the gold).
//!
//! Numbers inside dates are removed later by the recognizer (dates win over numbers).

use super::number_words::{multiplier_value, parse_number_words};
use super::words::{Gap, Kind, Words};

/// Currency words and symbols (lower case).
const CURRENCIES: &[&str] = &[
    "euro",
    "euros",
    "€",
    "dollar",
    "dollars",
    "$",
    "livre",
    "livres",
    "franc",
    "francs",
    "yen",
    "yens",
    "yuan",
    "yuans",
    "rouble",
    "roubles",
    "roupie",
    "roupies",
    "dinar",
    "dinars",
    "dirham",
    "dirhams",
    "fcfa",
    "usd",
    "eur",
    "chf",
    "gbp",
    "£",
    "¥",
    "peso",
    "pesos",
    "réal",
    "reais",
    "couronnes",
    "zlotys",
    "bitcoins",
    "centimes",
    "cents",
];

/// Words that may follow a currency and belong to it (`dollars US`, `francs CFA`).
const CURRENCY_QUALIFIERS: &[&str] = &[
    "us",
    "américains",
    "canadiens",
    "australiens",
    "cfa",
    "sterling",
    "suisses",
    "hongkongais",
    "zimbabwéens",
    "singapouriens",
    "néo-zélandais",
    "constants",
    "courants",
];

/// Units of measure (lower case), including `ans` for ages.
const MEASURES: &[&str] = &[
    "%",
    "‰",
    "ans",
    "km",
    "kilomètres",
    "kilomètre",
    "m",
    "mètres",
    "mètre",
    "cm",
    "centimètres",
    "mm",
    "millimètres",
    "km²",
    "m²",
    "km2",
    "m2",
    "m³",
    "m3",
    "hectares",
    "hectare",
    "ha",
    "kg",
    "kilos",
    "kilogrammes",
    "kilogramme",
    "g",
    "grammes",
    "gramme",
    "mg",
    "tonnes",
    "tonne",
    "litres",
    "litre",
    "hl",
    "hectolitres",
    "ml",
    "km/h",
    "nœuds",
    "noeuds",
    "degrés",
    "°",
    "°c",
    "watts",
    "kw",
    "mw",
    "gw",
    "kwh",
    "mwh",
    "gwh",
    "twh",
    "mégawatts",
    "gigawatts",
    "kilowatts",
    "volts",
    "kv",
    "miles",
    "pieds",
    "pouces",
    "milles",
    "barils",
    "octets",
    "go",
    "mo",
    "to",
    "points",
    "tiers",
    "quarts",
];

/// Words after which a number is an identifier, not a quantity (`article 49`, `n° 3`).
const IDENTIFIER_CONTEXT: &[&str] = &[
    "article",
    "articles",
    "n°",
    "no",
    "numéro",
    "numéros",
    "page",
    "pages",
    "chapitre",
    "tome",
    "alinéa",
    "paragraphe",
    "section",
    "ligne",
    "route",
    "autoroute",
    "vol",
    "volume",
    "épisode",
    "saison",
    "groupe",
    "catégorie",
    "niveau",
    "version",
    "type",
    "classe",
    "porte",
    "quai",
    "terminal",
    "bus",
    "tram",
    "rue",
    "avenue",
    "boulevard",
    "place",
    "chemin",
    "allée",
];

/// Vague quantity nouns (`une dizaine`, `des centaines`).
const VAGUE: &[&str] = &[
    "dizaine",
    "douzaine",
    "quinzaine",
    "vingtaine",
    "trentaine",
    "quarantaine",
    "cinquantaine",
    "soixantaine",
    "centaine",
    "millier",
    "dizaines",
    "douzaines",
    "centaines",
    "milliers",
    "millions",
    "milliards",
];

/// Ordinal suffixes that may be written apart from the digits (`14 e édition`).
const ORDINAL_SUFFIXES: &[&str] = &["e", "er", "re", "ère", "ème", "eme", "è", "es", "èmes"];

/// True for a currency or a unit of measure (`euros`, `%`, `hectares`, `ans`).
pub fn is_unit(norm: &str) -> bool {
    CURRENCIES.contains(&norm) || MEASURES.contains(&norm)
}

/// Reads a cardinal in digits at word `i`: one group (`2016`, `12,5`) or groups of three digits
/// separated by spaces (`3 500`, `1 000 000`). Returns one past its last word.
pub fn read_digits(w: &Words, i: usize) -> Option<usize> {
    let first = w.items.get(i)?;
    match first.kind {
        Kind::Digits => {}
        Kind::Number
            if first
                .text
                .chars()
                .all(|c| c.is_ascii_digit() || ",.".contains(c)) =>
        {
            return Some(i + 1)
        }
        _ => return None,
    }
    let mut end = i + 1;
    if first.text.len() <= 3 {
        while let Some(next) = w.items.get(end) {
            let group = next.text.split([',', '.']).next().unwrap_or("");
            let decimal_ok = next.kind == Kind::Digits
                || (next.kind == Kind::Number
                    && next
                        .text
                        .chars()
                        .all(|c| c.is_ascii_digit() || ",.".contains(c)));
            if next.gap == Gap::Space
                && decimal_ok
                && group.len() == 3
                && group.bytes().all(|b| b.is_ascii_digit())
                && w.text[w.items[end - 1].end..next.start].chars().count() == 1
            {
                end += 1;
                if next.kind == Kind::Number {
                    break;
                }
            } else {
                break;
            }
        }
    }
    Some(end)
}

/// Reads a cardinal at word `i` in digits or words, with a following `millions`/`milliards`.
/// Returns one past its last word.
pub fn read_cardinal(w: &Words, i: usize) -> Option<usize> {
    if let Some(mut end) = read_digits(w, i) {
        if multiplier_value(w.norm(end)).is_some() && w.same_line(end) {
            end += 1;
        }
        return Some(end);
    }
    let (end, _) = parse_number_words(w, i)?;
    if w.norm(i) == "neuf" && end == i + 1 {
        // `neuf` is also the adjective "new": count it only before a noun.
        let next_is_word = w.items.get(end).is_some_and(|n| n.kind == Kind::Alpha);
        if !next_is_word || w.is_any(i.wrapping_sub(1), &["du", "tout", "flambant", "à", "de"]) {
            return None;
        }
    }
    Some(end)
}

/// Reads the unit after a number ending at word `end`; returns one past the unit.
fn read_unit(w: &Words, end: usize, has_multiplier: bool) -> Option<usize> {
    let n = w.norm(end);
    if n.is_empty() || !w.same_line(end) {
        return None;
    }
    if n == "%" || n == "‰" {
        return Some(end + 1);
    }
    if n == "pour" && w.is_any(end + 1, &["cent", "mille"]) {
        return Some(end + 2);
    }
    if n == "°" {
        let e = end + 1;
        return Some(if w.glued(e) && w.is_any(e, &["c", "f"]) {
            e + 1
        } else {
            e
        });
    }
    let currency_at = |k: usize| -> Option<usize> {
        if !CURRENCIES.contains(&w.norm(k)) {
            return None;
        }
        let mut e = k + 1;
        if w.is_any(e, CURRENCY_QUALIFIERS) && w.same_line(e) {
            e += 1;
        }
        Some(e)
    };
    if let Some(e) = currency_at(end) {
        return Some(e);
    }
    if has_multiplier && matches!(n, "de" | "d'") {
        if let Some(e) = currency_at(end + 1) {
            return Some(e);
        }
    }
    if MEASURES.contains(&n) {
        // km/h written in three words.
        if n == "km" && w.glued(end + 1) && w.norm(end + 1) == "/" && w.norm(end + 2) == "h" {
            return Some(end + 3);
        }
        return Some(end + 1);
    }
    None
}

/// True when the number at `i` is part of a name or an identifier (`Apollo 12`, `article 49`).
fn is_identifier(w: &Words, i: usize) -> bool {
    let Some(prev) = i.checked_sub(1).and_then(|p| w.items.get(p)) else {
        return false;
    };
    if w.items[i].gap == Gap::Glued && prev.kind == Kind::Alpha {
        return true;
    }
    if IDENTIFIER_CONTEXT.contains(&prev.norm.as_str()) {
        return true;
    }
    // A capitalised word right before (not a sentence start): `Apollo 12`, `France 2`.
    prev.kind == Kind::Alpha
        && prev.is_capitalized()
        && !prev.initial
        && w.items[i].kind == Kind::Digits
        && prev.text.chars().count() > 1
        && !prev.text.chars().all(|c| c.is_uppercase())
}

/// Finds NUM spans as word ranges `[start, end)`.
pub fn find_numbers(w: &Words) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < w.len() {
        // Vague quantities with their article: `une dizaine`, `des centaines`.
        if w.is_any(i, &["une", "un", "des", "plusieurs", "quelques"])
            && w.is_any(i + 1, VAGUE)
            && w.same_line(i + 1)
        {
            let vague = w.norm(i + 1);
            let plural_only = vague.ends_with('s');
            let det = w.norm(i);
            if (plural_only && det != "une" && det != "un")
                || (!plural_only && (det == "une" || det == "un") && gender_ok(det, vague))
            {
                out.push((i, i + 2));
                i += 2;
                continue;
            }
        }
        let Some(num_end) = read_cardinal(w, i) else {
            i += 1;
            continue;
        };
        // Footnote calls `[1]`.
        let footnote = i > 0 && w.glued(i) && w.raw(i - 1) == "[" && w.raw(num_end) == "]";
        if footnote
            || is_identifier(w, i)
            || (w.is_any(num_end, ORDINAL_SUFFIXES) && w.same_line(num_end))
            || w.norm(num_end) == "°" && w.norm(num_end + 1) == "arrondissement"
        {
            i = num_end;
            continue;
        }
        let has_mult = multiplier_value(w.norm(num_end - 1)).is_some();
        let mut end = num_end;
        if let Some(u) = read_unit(w, num_end, has_mult) {
            end = u;
        } else if w.is_any(num_end, &["ou", "et", "à", "-", "–"]) && w.same_line(num_end) {
            // Coordinated numbers sharing one unit: `84 ou 86 ans`, `25 à 30 %`.
            if let Some(e2) = read_cardinal(w, num_end + 1) {
                let m2 = multiplier_value(w.norm(e2 - 1)).is_some();
                if let Some(u) = read_unit(w, e2, m2) {
                    end = u;
                }
            }
        }
        out.push((i, end));
        i = end;
    }
    out
}

fn gender_ok(det: &str, noun: &str) -> bool {
    if noun == "millier" {
        det == "un"
    } else {
        det == "une"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nums(text: &str) -> Vec<&str> {
        let w = Words::build(text, &[0]);
        find_numbers(&w)
            .into_iter()
            .map(|(s, e)| {
                let (a, b) = w.span(s, e - 1);
                &text[a..b]
            })
            .collect()
    }

    #[test]
    fn counts_are_the_number_only() {
        assert_eq!(nums("3 500 soldats et sept ports"), ["3 500", "sept"]);
        assert_eq!(nums("Deux manifestants ont été tués."), ["Deux"]);
        assert_eq!(
            nums("environ 50 personnes, plus de 500 pompiers"),
            ["50", "500"]
        );
        assert_eq!(nums("au moins sept morts"), ["sept"]);
    }

    #[test]
    fn amounts_and_measures_keep_their_unit() {
        assert_eq!(nums("une amende de 41 000 euros"), ["41 000 euros"]);
        assert_eq!(
            nums("3,3 milliards de dollars et 3 millions d'euros"),
            ["3,3 milliards de dollars", "3 millions d'euros"]
        );
        assert_eq!(
            nums("1,68 milliards de dollars US"),
            ["1,68 milliards de dollars US"]
        );
        assert_eq!(nums("55,3 % contre 77%"), ["55,3 %", "77%"]);
        assert_eq!(nums("12,5 % des voix"), ["12,5 %"]);
        assert_eq!(
            nums("200 hectares, 13 tonnes"),
            ["200 hectares", "13 tonnes"]
        );
        assert_eq!(nums("un homme de 93 ans"), ["93 ans"]);
        assert_eq!(nums("trois millions d'habitants"), ["trois millions"]);
        assert_eq!(nums("les deux tiers des voix"), ["deux tiers"]);
    }

    #[test]
    fn shared_units_make_one_span() {
        assert_eq!(nums("âgés de 84 ou 86 ans"), ["84 ou 86 ans"]);
        assert_eq!(nums("entre 14 et 18 ans"), ["14 et 18 ans"]);
        assert_eq!(nums("25 % puis 33 %"), ["25 %", "33 %"]);
    }

    #[test]
    fn not_numbers() {
        assert_eq!(nums("un homme et une femme"), Vec::<&str>::new());
        assert_eq!(
            nums("la 35e édition, la 14 e fois, le 1er"),
            Vec::<&str>::new()
        );
        assert_eq!(
            nums("Tiangong-1 et Apollo 12, l'article 49"),
            Vec::<&str>::new()
        );
        assert_eq!(nums("un bâtiment neuf."), Vec::<&str>::new());
    }

    #[test]
    fn vague_quantities_keep_their_article() {
        assert_eq!(
            nums("une vingtaine de personnes et des centaines de blessés"),
            ["une vingtaine", "des centaines"]
        );
    }
}
