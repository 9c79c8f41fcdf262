//! Figures about the news event: counts, tolls, amounts, percentages (`ANNOTATION.md` 3.1,
//! 3.1b). A number that only dates something, gives a time, an age or a duration, names
//! something (`l'autoroute 3`, `H7N4`) or picks members of a group (`deux des tireuses`) is not
//! one.

use super::lexicon::{is_de, is_determiner, is_month, is_weekday};
use super::words::WordKind;
use super::Ctx;

/// Number words (cardinals); `un`/`une` are never figures.
fn is_number_word(w: &str) -> bool {
    w.split('-').all(|p| {
        matches!(
            p,
            "deux"
                | "trois"
                | "quatre"
                | "cinq"
                | "six"
                | "sept"
                | "huit"
                | "neuf"
                | "dix"
                | "onze"
                | "douze"
                | "treize"
                | "quatorze"
                | "quinze"
                | "seize"
                | "vingt"
                | "vingts"
                | "trente"
                | "quarante"
                | "cinquante"
                | "soixante"
                | "cent"
                | "cents"
                | "mille"
                | "million"
                | "millions"
                | "milliard"
                | "milliards"
                | "et"
                | "dizaine"
                | "dizaines"
                | "douzaine"
                | "douzaines"
                | "vingtaine"
                | "trentaine"
                | "quarantaine"
                | "cinquantaine"
                | "centaine"
                | "centaines"
                | "millier"
                | "milliers"
        )
    }) && w != "et"
}

/// Units of time: a number before them is a time, an age or a duration.
fn is_time_unit(w: &str) -> bool {
    matches!(
        w,
        "h" | "heure"
            | "heures"
            | "minute"
            | "minutes"
            | "min"
            | "seconde"
            | "secondes"
            | "jour"
            | "jours"
            | "semaine"
            | "semaines"
            | "mois"
            | "an"
            | "ans"
            | "année"
            | "années"
            | "siècle"
            | "siècles"
            | "décennie"
            | "décennies"
            | "nuit"
            | "nuits"
            | "heures,"
    )
}

fn is_year(w: &str) -> bool {
    let digits = w.chars().all(|c| c.is_ascii_digit());
    digits && w.len() == 4 && w.parse::<u32>().is_ok_and(|y| (1000..=2100).contains(&y))
}

/// True when some number in words `s..e` is a figure about the event.
pub fn has_event_figure(ctx: &Ctx, s: usize, e: usize) -> bool {
    first_event_figure(ctx, s, e).is_some()
}

/// The first word of the first figure about the event in words `s..e`.
pub fn first_event_figure(ctx: &Ctx, s: usize, e: usize) -> Option<usize> {
    let w = &ctx.words;
    let mut i = s;
    while i < e {
        let is_num = w[i].kind == WordKind::Number || is_number_word(&w[i].norm);
        if !is_num {
            // `2016–2017`, `10h50`, `4e`, `H7N4` are dates, times, ordinals or names.
            i += 1;
            continue;
        }
        // A group of numbers: `3 500`, `1,5 million`, `deux cents`.
        let mut j = i + 1;
        while j < e && (w[j].kind == WordKind::Number || is_number_word(&w[j].norm)) {
            j += 1;
        }
        if is_figure(ctx, s, e, i, j) {
            return Some(i);
        }
        i = j;
    }
    None
}

fn norm_at<'a>(ctx: &'a Ctx, k: usize, s: usize, e: usize) -> &'a str {
    if k >= s && k < e {
        ctx.words[k].norm.as_str()
    } else {
        ""
    }
}

/// Whether the number group `i..j` (inside `s..e`) is a figure.
fn is_figure(ctx: &Ctx, s: usize, e: usize, i: usize, j: usize) -> bool {
    let at = |k: usize| norm_at(ctx, k, s, e);
    let before = if i > s { at(i - 1) } else { "" };
    let next = at(j);
    // Percentages are always figures.
    if next == "%" || (next == "pour" && at(j + 1) == "cent") {
        return true;
    }
    // Dates: `15 mars`, `du 6 au 10 mars`, `lundi 23`, `mars 2013`, `années 1960`, years.
    if is_month(next) || is_weekday(before) || is_month(before) {
        return false;
    }
    if matches!(next, "au" | "à" | "et" | "-" | "–")
        && (ctx
            .words
            .get(j + 1)
            .is_some_and(|x| x.kind == WordKind::Number)
            && j + 1 < e)
        && is_month(at(j + 2))
    {
        return false;
    }
    if j == i + 1 && is_year(&ctx.words[i].norm) {
        return false;
    }
    if matches!(before, "années" | "an" | "l'an" | "h" | "heures" | "heure") {
        return false;
    }
    // Times, ages, durations.
    if is_time_unit(next) {
        return false;
    }
    // Designations: `l'autoroute 3`, `n° 5`, `Apollo 11`, `Gilets Jaunes 84`.
    if ctx.lex.is_designator(before) {
        return false;
    }
    if i > s
        && ctx.words[i - 1].cap
        && ctx.words[i - 1].kind == WordKind::Alpha
        && ctx.words[i].kind == WordKind::Number
    {
        return false;
    }
    // A definite article presupposes the count rather than asserting it: `les deux astronautes`,
    // `ces douze personnalités`.
    if matches!(
        before,
        "les" | "ces" | "ses" | "leurs" | "nos" | "vos" | "mes"
    ) {
        return false;
    }
    // Partitives pick members: `deux des tireuses`, `trois d'entre eux`, `deux de ses enfants`.
    if next == "des" || (next == "d'" && at(j + 1) == "entre") {
        return false;
    }
    if is_de(next) && is_determiner(at(j + 1)) {
        return false;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fig(t: &str) -> bool {
        let ctx = Ctx::build(t, &[]);
        has_event_figure(&ctx, 0, ctx.words.len())
    }

    #[test]
    fn counts_amounts_and_percentages_are_figures() {
        assert!(fig("Six personnes sont mortes et huit ont été blessées."));
        assert!(fig("On dénombrait 70 blessés."));
        assert!(fig("La participation a été forte (72,2 %)."));
        assert!(fig("Un total de 64 vols ont été annulés."));
        assert!(fig("Le syndicat représente 20 % des 4 000 contrôleurs."));
        assert!(fig("Le coût atteint 3,3 milliards de dollars."));
    }

    #[test]
    fn dates_times_ages_durations_and_names_are_not() {
        assert!(!fig("Le 15 mars 2017, il est parti."));
        assert!(!fig("En 2016–2017, les autorités ont agi."));
        assert!(!fig("Une explosion vers 10h50 (heure locale)."));
        assert!(!fig("Il a duré quatre heures."));
        assert!(!fig("Une Chinoise de 68 ans a été contaminée par H7N4."));
        assert!(!fig("L'accident s'est produit sur l'autoroute 3."));
        assert!(!fig("Deux des tireuses s'étaient disputé la finale."));
        assert!(!fig("Le bâtiment date des années 1960."));
        assert!(!fig("La période du 6 au 10 mars."));
        assert!(!fig("Il est arrivé au 4e jour, pour la première fois."));
        assert!(!fig("Les deux astronautes ont installé des expériences."));
        assert!(!fig("Le vol Apollo 11 a décollé."));
    }
}
