//! DATE by rules (`ANNOTATION.md` §1–2): absolute and relative dates, times, durations.
//!
//! * calendar dates, with a weekday in the same span: `15 juillet 2016`, `1er mars 2017`,
//!   `lundi 2 avril`, `11 septembre prochain`, `mars 2013`, `octobre`, `2019`, `15/07/2016`;
//! * ranges as one span: `6 au 10 mars`, `lundi 16 à mardi 17 janvier`, `vendredi à samedi`,
//!   `2016–2017`;
//! * periods: `XIe siècle`, `années 1960`, `automne 2020`;
//! * relative dates keep their determiner when the head is a common noun: `La semaine dernière`,
//!   `l'été dernier`, `ce vendredi`, `ce matin`, `ces derniers jours`, `le début de l'année`;
//!   single words `hier`, `aujourd'hui`, `demain`, `lundi`, with `matin`/`soir` (`hier soir`);
//! * times with their time zone: `11 h 30`, `5h30`, `10 heures`, `19 h 45 UTC-5`, `minuit`;
//! * durations `six mois`, `quatre heures`, `40 000 ans` after `il y a` (optional in the gold).
//!
//! Articles and prepositions before an absolute date stay outside: `le 17 avril` → `17 avril`.

use super::numbers::read_cardinal;
use super::words::{Kind, Words};

const MONTHS: &[&str] = &[
    "janvier",
    "février",
    "fevrier",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "aout",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
    "decembre",
];
const WEEKDAYS: &[&str] = &[
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
];
const RELATIVE_DAYS: &[&str] = &[
    "hier",
    "aujourd'hui",
    "demain",
    "avant-hier",
    "après-demain",
];
const PARTS_OF_DAY: &[&str] = &["matin", "soir", "après-midi", "midi", "soirée", "matinée"];
const SEASONS: &[&str] = &["printemps", "été", "automne", "hiver"];
const MODIFIERS: &[&str] = &[
    "dernier",
    "dernière",
    "prochain",
    "prochaine",
    "passé",
    "passée",
    "précédent",
    "précédente",
    "suivant",
    "suivante",
];
/// Common-noun heads of relative dates (`la semaine dernière`, `cette année`).
const RELATIVE_HEADS: &[&str] = &[
    "semaine",
    "mois",
    "année",
    "an",
    "week-end",
    "weekend",
    "trimestre",
    "semestre",
    "saison",
    "nuit",
    "décennie",
    "printemps",
    "été",
    "automne",
    "hiver",
    "soir",
    "matin",
    "après-midi",
    "soirée",
    "matinée",
    "journée",
    "jour",
];
const DURATION_UNITS: &[&str] = &[
    "jours",
    "jour",
    "semaines",
    "semaine",
    "mois",
    "années",
    "heures",
    "heure",
    "minutes",
    "minute",
    "secondes",
    "décennies",
    "siècles",
    "nuits",
    "journées",
    "trimestres",
    "semestres",
];
const TIME_ZONES: &[&str] = &[
    "utc", "gmt", "cet", "cest", "edt", "est", "pst", "pdt", "cst", "cdt", "mst", "mdt", "hae",
    "haa", "hne", "hna", "hnp", "hap", "hnc", "hac", "hat", "hnt", "bst", "msk", "jst", "wib",
    "ist",
];

/// What a date match is, to decide which matches may form a range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DateKind {
    /// A day: `15 juillet`, `lundi`, `mars 2013`, `hier`.
    Day,
    Year,
    Time,
    /// Periods, relative noun phrases, durations: never joined into ranges.
    Other,
    /// A bare day number (`6` in `du 6 au 10 mars`): only valid as the start of a range.
    BareDay,
}

struct Matcher<'a, 't> {
    w: &'a Words<'t>,
}

impl Matcher<'_, '_> {
    fn n(&self, i: usize) -> &str {
        self.w.norm(i)
    }

    /// Word `i` may be read as a month or weekday name: lower case, or capitalised where any
    /// word can be (`Lundi, ...`), but not a capitalised name mid-sentence (`Jeudi cinéma`).
    fn lower_or_initial(&self, i: usize) -> bool {
        self.w
            .items
            .get(i)
            .is_some_and(|x| !x.is_capitalized() || x.initial)
    }

    fn on_line(&self, i: usize) -> bool {
        self.w.same_line(i)
    }

    fn digits_value(&self, i: usize) -> Option<u32> {
        let x = self.w.items.get(i)?;
        if x.kind != Kind::Digits || x.text.len() > 4 {
            return None;
        }
        x.text.parse().ok()
    }

    fn weekday(&self, i: usize) -> Option<usize> {
        (WEEKDAYS.contains(&self.n(i)) && self.lower_or_initial(i)).then_some(i + 1)
    }

    fn month(&self, i: usize) -> Option<usize> {
        let n = self.n(i);
        let bare = n.strip_prefix("mi-").unwrap_or(n);
        (MONTHS.contains(&bare) && (self.lower_or_initial(i) || n != bare)).then_some(i + 1)
    }

    /// A day of the month: `15`, `1er`, `1 er`, `premier`.
    fn day(&self, i: usize) -> Option<usize> {
        let n = self.n(i);
        if n == "1er" || n == "premier" {
            return Some(i + 1);
        }
        let v = self.digits_value(i)?;
        if !(1..=31).contains(&v) || self.w.items[i].text.len() > 2 {
            return None;
        }
        if v == 1 && self.n(i + 1) == "er" && self.on_line(i + 1) {
            return Some(i + 2);
        }
        Some(i + 1)
    }

    fn year(&self, i: usize) -> Option<usize> {
        let v = self.digits_value(i)?;
        (self.w.items[i].text.len() == 4 && (1000..=2100).contains(&v)).then_some(i + 1)
    }

    fn modifiers(&self, mut e: usize) -> usize {
        if self.w.is_any(e, MODIFIERS) && self.on_line(e) {
            e += 1;
        }
        e
    }

    fn part_of_day(&self, e: usize) -> usize {
        if self.w.is_any(e, PARTS_OF_DAY) && self.on_line(e) {
            e + 1
        } else if self.n(e) == "au"
            && self.w.is_any(e + 1, &["matin", "soir"])
            && self.on_line(e + 1)
        {
            // `vendredi 13 novembre au soir`
            e + 2
        } else {
            e
        }
    }

    /// `15 juillet 2016`, `1er mars dernier`.
    fn day_month(&self, i: usize) -> Option<usize> {
        let d = self.day(i)?;
        let mut e = self.month(d)?;
        if !self.on_line(d) {
            return None;
        }
        if self.on_line(e) {
            if let Some(y) = self.year(e) {
                e = y;
            }
        }
        Some(self.part_of_day(self.modifiers(e)))
    }

    /// `lundi`, `lundi 2 avril 2018`, `mardi 16`, `jeudi dernier`, `lundi matin`.
    fn weekday_date(&self, i: usize) -> Option<usize> {
        let mut e = self.weekday(i)?;
        if self.on_line(e) {
            if let Some(dm) = self.day_month(e) {
                return Some(self.part_of_day(dm));
            }
            if let Some(d) = self.day(e) {
                if !self.w.is_any(d, DURATION_UNITS) && !self.w.is_any(d, &["h", "%"]) {
                    e = d;
                }
            }
        }
        e = self.modifiers(e);
        Some(self.part_of_day(e))
    }

    /// `mars 2013`, `octobre`, `juillet dernier`, `mi-janvier`.
    fn month_year(&self, i: usize) -> Option<usize> {
        let mut e = self.month(i)?;
        // `mars` capitalised mid-sentence is the planet; `mai` after a first name is not ours.
        if self.on_line(e) {
            if let Some(y) = self.year(e) {
                e = y;
            }
        }
        Some(self.modifiers(e))
    }

    /// `hier`, `aujourd'hui`, `demain 29 mars`, `hier soir`.
    fn relative_day(&self, i: usize) -> Option<usize> {
        if !RELATIVE_DAYS.contains(&self.n(i)) {
            return None;
        }
        let e = i + 1;
        if self.on_line(e) {
            if let Some(dm) = self.day_month(e) {
                return Some(dm);
            }
            if let Some(wd) = self.weekday_date(e) {
                return Some(wd);
            }
        }
        Some(self.part_of_day(e))
    }

    /// Clock times: `11 h 30`, `5h30`, `10 heures`, `10:30`, `minuit`, with a time zone.
    fn time(&self, i: usize) -> Option<usize> {
        let n = self.n(i);
        let single_word_time = glued_hour(n)
            || (matches!(n, "midi" | "minuit") && !self.w.items[i].is_capitalized())
            || (self.w.items[i].kind == Kind::Number
                && n.len() <= 5
                && n.split(':').count() == 2
                && n.split(':').all(|p| !p.is_empty() && p.len() <= 2));
        let mut e = if single_word_time {
            i + 1
        } else if let Some(v) = self.digits_value(i) {
            if v > 24 || self.w.items[i].text.len() > 2 || !self.on_line(i + 1) {
                return None;
            }
            match self.n(i + 1) {
                "h" => {
                    let mut e = i + 2;
                    if self.on_line(e)
                        && self
                            .w
                            .items
                            .get(e)
                            .is_some_and(|x| x.kind == Kind::Digits && x.text.len() == 2)
                    {
                        e += 1;
                    }
                    e
                }
                "heures" | "heure" => {
                    let mut e = i + 2;
                    if self.on_line(e)
                        && self
                            .w
                            .items
                            .get(e)
                            .is_some_and(|x| x.kind == Kind::Digits && x.text.len() == 2)
                        && self.digits_value(e).is_some_and(|m| m < 60)
                        && !self
                            .w
                            .items
                            .get(e + 1)
                            .is_some_and(|x| x.kind == Kind::Alpha)
                    {
                        e += 1;
                    }
                    e
                }
                _ => return None,
            }
        } else {
            // Number words: `sept heures`, `quatre heures`.
            let e = read_cardinal(self.w, i)?;
            if self.w.items[i].kind != Kind::Alpha || !self.w.is_any(e, &["heures", "heure"]) {
                return None;
            }
            e + 1
        };
        // `2 h 41 min`, `3 heures du matin`, `5 h de l'après-midi`.
        if self.on_line(e) && self.w.is_any(e, &["min", "mn"]) {
            e += 1;
        } else if self.on_line(e) && self.n(e) == "du" && self.w.is_any(e + 1, &["matin", "soir"]) {
            e += 2;
        } else if self.on_line(e)
            && self.n(e) == "de"
            && self.n(e + 1) == "l'"
            && self.n(e + 2) == "après-midi"
        {
            e += 3;
        }
        // `2 h 41 min`, `3 heures du matin`, `5 h de l'après-midi`.
        if self.on_line(e) && self.w.is_any(e, &["min", "mn"]) {
            e += 1;
        } else if self.on_line(e) && self.n(e) == "du" && self.w.is_any(e + 1, &["matin", "soir"]) {
            e += 2;
        } else if self.on_line(e)
            && self.n(e) == "de"
            && self.n(e + 1) == "l'"
            && self.n(e + 2) == "après-midi"
        {
            e += 3;
        }
        // A following time zone: `UTC`, `UTC-5`, `UTC+2`, `EDT`.
        let tz = self.n(e);
        let tz_base = tz.split(['+', '-', '−']).next().unwrap_or("");
        let upper = self.w.items.get(e).is_some_and(|x| x.is_capitalized());
        if self.on_line(e) && upper && TIME_ZONES.contains(&tz_base) {
            e += 1;
            if self.w.glued(e)
                && matches!(self.n(e), "+" | "-" | "−")
                && self.w.glued(e + 1)
                && self.digits_value(e + 1).is_some()
            {
                e += 2;
            }
        }
        Some(e)
    }

    /// A lone year: `2019`, `en 2016`, `1960` — unless it counts something (`2000 personnes`).
    fn lone_year(&self, i: usize) -> Option<usize> {
        let e = self.year(i)?;
        let v = self.digits_value(i)?;
        // Not a group of a bigger number (`2 000`), not glued to a word.
        if self.w.glued(i) && self.w.items[i - 1].kind != Kind::Punct {
            return None;
        }
        if self.w.glued(e) && self.w.items[e].kind == Kind::Alpha {
            return None;
        }
        let year_context = i > 0
            && self.w.is_any(
                i - 1,
                &[
                    "en",
                    "depuis",
                    "de",
                    "d'",
                    "dès",
                    "à",
                    "avant",
                    "après",
                    "vers",
                    "fin",
                    "début",
                    "mi",
                    "entre",
                    "et",
                    "année",
                    "an",
                    "horizon",
                    "jusqu'en",
                    "(",
                    "–",
                    "-",
                    "été",
                    "hiver",
                    "automne",
                    "printemps",
                    "saison",
                    "cru",
                    "édition",
                    "l'an",
                ],
            );
        let next = self.w.items.get(e);
        let counts_something = next.is_some_and(|x| {
            x.kind == Kind::Alpha
                && !x.is_capitalized()
                && self.on_line(e)
                && (x.norm.ends_with('s')
                    || x.norm.ends_with('x')
                    || super::numbers::is_unit(&x.norm))
                && !MODIFIERS.contains(&x.norm.as_str())
        });
        if counts_something {
            return None;
        }
        if year_context || (1900..=2099).contains(&v) {
            Some(e)
        } else {
            None
        }
    }

    /// `XIe siècle`, `XX e siècle`, `19e siècle`.
    fn century(&self, i: usize) -> Option<usize> {
        let raw = self.w.raw(i);
        let (num, suffix_end) = if let Some(k) = raw.find(|c: char| c.is_lowercase()) {
            (&raw[..k], i + 1)
        } else if self.w.is_any(i + 1, &["e", "er", "ème", "eme"]) {
            (raw, i + 2)
        } else {
            return None;
        };
        let suffix = if suffix_end == i + 1 {
            &raw[num.len()..]
        } else {
            self.w.raw(i + 1)
        };
        let roman = !num.is_empty() && num.chars().all(|c| "IVXLC".contains(c));
        let arabic = !num.is_empty() && num.len() <= 2 && num.bytes().all(|b| b.is_ascii_digit());
        if !(roman || arabic) || !matches!(suffix, "e" | "er" | "ème" | "eme") {
            return None;
        }
        self.w
            .is_any(suffix_end, &["siècle", "siècles", "millénaire"])
            .then_some(suffix_end + 1)
    }

    /// `années 1960`, `années 60`, `années 2000`.
    fn decade(&self, i: usize) -> Option<usize> {
        if !self.w.is_any(i, &["années", "année"]) {
            return None;
        }
        let v = self.digits_value(i + 1)?;
        let len = self.w.items[i + 1].text.len();
        if self.n(i) == "années" && (len == 2 || len == 4) && v % 10 == 0 {
            return Some(i + 2);
        }
        // `l'année 2016` → `année 2016`
        (self.n(i) == "année" && self.year(i + 1).is_some()).then_some(i + 2)
    }

    /// `automne 2020`, `printemps prochain`.
    fn season(&self, i: usize) -> Option<usize> {
        if !SEASONS.contains(&self.n(i)) {
            return None;
        }
        if let Some(y) = self.year(i + 1) {
            return Some(y);
        }
        // `printemps prochain` (after `au`, which holds the article)
        let e = self.modifiers(i + 1);
        (e > i + 1 && self.w.is_any(i.wrapping_sub(1), &["au", "en"])).then_some(e)
    }

    /// `six mois`, `quatre heures`, `40 000 ans` after `il y a`.
    fn duration(&self, i: usize) -> Option<usize> {
        let e = read_cardinal(self.w, i)?;
        if !self.on_line(e) {
            return None;
        }
        if self.w.is_any(e, DURATION_UNITS) {
            return Some(e + 1);
        }
        // Years are ages by default (`93 ans`: NUM); durations after `il y a`, `pendant`, …
        let after_il_y_a =
            i >= 3 && self.n(i - 3) == "il" && self.n(i - 2) == "y" && self.n(i - 1) == "a";
        let duration_prep = i >= 1
            && self.w.is_any(
                i - 1,
                &[
                    "pendant", "durant", "depuis", "dans", "en", "voici", "voilà",
                ],
            );
        if self.w.is_any(e, &["ans", "an", "années"]) && (after_il_y_a || duration_prep) {
            return Some(e + 1);
        }
        None
    }

    /// `15/07/2016`.
    fn numeric_date(&self, i: usize) -> Option<usize> {
        let x = self.w.items.get(i)?;
        if x.kind != Kind::Number || !x.text.contains('/') {
            return None;
        }
        let parts: Vec<&str> = x.text.split('/').collect();
        let ok = match parts.as_slice() {
            [d, m, y] => d.len() <= 2 && m.len() <= 2 && (y.len() == 2 || y.len() == 4),
            [a, b] => a.len() == 4 && b.len() == 4,
            _ => false,
        };
        ok.then_some(i + 1)
    }

    /// A date starting at word `i` without any determiner.
    fn core(&self, i: usize) -> Option<(usize, DateKind)> {
        if let Some(e) = self.relative_day(i) {
            return Some((e, DateKind::Day));
        }
        if let Some(e) = self.weekday_date(i) {
            return Some((e, DateKind::Day));
        }
        if let Some(e) = self.day_month(i) {
            return Some((e, DateKind::Day));
        }
        if let Some(e) = self.time(i) {
            return Some((e, DateKind::Time));
        }
        if let Some(e) = self.century(i) {
            return Some((e, DateKind::Other));
        }
        if let Some(e) = self.decade(i) {
            return Some((e, DateKind::Other));
        }
        if let Some(e) = self.season(i) {
            return Some((e, DateKind::Other));
        }
        if let Some(e) = self.month_year(i) {
            return Some((e, DateKind::Day));
        }
        if let Some(e) = self.numeric_date(i) {
            return Some((e, DateKind::Day));
        }
        if let Some(e) = self.duration(i) {
            return Some((e, DateKind::Other));
        }
        if let Some(e) = self.lone_year(i) {
            return Some((e, DateKind::Year));
        }
        if let Some(e) = self.day(i) {
            if self.digits_value(i).is_some() || self.n(i) == "1er" {
                return Some((e, DateKind::BareDay));
            }
        }
        None
    }

    /// A relative date that keeps its determiner or demonstrative, starting at word `i`.
    fn with_determiner(&self, i: usize) -> Option<usize> {
        let det = self.n(i);
        let h = i + 1;
        if !self.on_line(h) {
            return None;
        }
        match det {
            "ce" | "cet" | "cette" => {
                if let Some(e) = self.weekday_date(h) {
                    return Some(e);
                }
                if let Some(e) = self.day_month(h) {
                    return Some(e);
                }
                if self.w.is_any(h, RELATIVE_HEADS) {
                    return Some(self.modifiers(h + 1));
                }
                let n = self.n(h);
                if n.ends_with("-ci") || n.ends_with("-là") {
                    let base = n.trim_end_matches("-ci").trim_end_matches("-là");
                    if RELATIVE_HEADS.contains(&base) {
                        return Some(h + 1);
                    }
                }
                None
            }
            // The idiom `dans les semaines à venir` is one (optional) date, `dans` included.
            "dans"
                if self.n(h) == "les"
                    && self
                        .w
                        .is_any(h + 1, &["jours", "semaines", "mois", "années"])
                    && self.n(h + 2) == "à"
                    && self.n(h + 3) == "venir" =>
            {
                Some(h + 4)
            }
            "ces" => {
                let adj = self.n(h);
                if matches!(adj, "derniers" | "dernières" | "prochains" | "prochaines")
                    && self.w.is_any(
                        h + 1,
                        &[
                            "jours",
                            "semaines",
                            "mois",
                            "années",
                            "heures",
                            "décennies",
                            "temps",
                        ],
                    )
                {
                    return Some(h + 2);
                }
                None
            }
            "le" | "la" | "l'" | "les" => {
                if self.w.is_any(h, &["lendemain", "veille", "surlendemain"]) {
                    return Some(self.part_of_day(h + 1));
                }
                if self.w.is_any(h, RELATIVE_HEADS)
                    && self.w.is_any(h + 1, MODIFIERS)
                    && self.on_line(h + 1)
                {
                    return Some(h + 2);
                }
                if self
                    .w
                    .is_any(h, &["derniers", "dernières", "prochains", "prochaines"])
                    && self
                        .w
                        .is_any(h + 1, &["jours", "semaines", "mois", "années"])
                {
                    return Some(h + 2);
                }
                if self.w.is_any(h, &["début", "fin", "milieu"]) {
                    let (k, ok) = match self.n(h + 1) {
                        "du" => (h + 2, true),
                        "de" if self.w.is_any(h + 2, &["la", "l'"]) => (h + 3, true),
                        _ => (h, false),
                    };
                    if ok
                        && self.w.is_any(k, RELATIVE_HEADS)
                        && self.year(k + 1).is_none()
                        && self.month(k + 1).is_none()
                    {
                        return Some(self.modifiers(k + 1));
                    }
                }
                None
            }
            _ => None,
        }
    }

    fn at(&self, i: usize) -> Option<(usize, DateKind)> {
        if let Some(e) = self.with_determiner(i) {
            return Some((e, DateKind::Other));
        }
        self.core(i)
    }
}

/// `10h30`, `5h`, `12h00`.
fn glued_hour(n: &str) -> bool {
    let Some((h, m)) = n.split_once('h') else {
        return false;
    };
    !h.is_empty()
        && h.len() <= 2
        && h.bytes().all(|b| b.is_ascii_digit())
        && h.parse::<u32>().is_ok_and(|v| v <= 24)
        && (m.is_empty() || (m.len() == 2 && m.bytes().all(|b| b.is_ascii_digit())))
}

/// Finds DATE spans as word ranges `[start, end)`.
pub fn find_dates(w: &Words) -> Vec<(usize, usize)> {
    let m = Matcher { w };
    let mut out = Vec::new();
    let mut i = 0;
    while i < w.len() {
        let Some((mut end, kind)) = m.at(i) else {
            i += 1;
            continue;
        };
        let mut kind = kind;
        // Ranges: `6 au 10 mars`, `lundi 16 à mardi 17 janvier`, `2016–2017`, `10 h à 12 h`.
        // `11 et 12 décembre 2016`: coordinated days sharing their month are one date too.
        let connector = if kind == DateKind::BareDay {
            &["au", "à", "-", "–", "—", "/", "et"][..]
        } else {
            &["au", "à", "-", "–", "—", "/"][..]
        };
        if m.on_line(end) && w.is_any(end, connector) && m.on_line(end + 1) {
            if let Some((e2, k2)) = m.core(end + 1) {
                let joinable = match (kind, k2) {
                    (DateKind::BareDay, DateKind::Day) => m.day(end + 1).is_some(),
                    (DateKind::Day, DateKind::Day) => {
                        // Weekday to weekday, or day to day; not `lundi à 10 h`.
                        m.weekday(i).is_some() == m.weekday(end + 1).is_some()
                    }
                    (DateKind::Year, DateKind::Year) => {
                        !w.is_any(end, &["à", "au"]) || w.is_any(i.wrapping_sub(1), &["de", "d'"])
                    }
                    (DateKind::Time, DateKind::Time) => {
                        w.is_any(i.wrapping_sub(1), &["de", "entre"])
                    }
                    _ => false,
                };
                if joinable {
                    end = e2;
                    kind = DateKind::Day;
                }
            }
        }
        // `2014-15`: a season written with a two-digit second year.
        if kind == DateKind::Year
            && w.is_any(end, &["-", "–", "/"])
            && w.glued(end)
            && w.glued(end + 1)
            && w.items
                .get(end + 1)
                .is_some_and(|x| x.kind == Kind::Digits && x.text.len() == 2)
        {
            end += 2;
        }
        if kind == DateKind::BareDay {
            i += 1;
            continue;
        }
        out.push((i, end));
        i = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(text: &str) -> Vec<&str> {
        let w = Words::build(text, &[0]);
        find_dates(&w)
            .into_iter()
            .map(|(s, e)| {
                let (a, b) = w.span(s, e - 1);
                &text[a..b]
            })
            .collect()
    }

    #[test]
    fn absolute_dates_leave_articles_out() {
        assert_eq!(dates("le 17 avril"), ["17 avril"]);
        assert_eq!(dates("Le 15 juillet 2016, il"), ["15 juillet 2016"]);
        assert_eq!(dates("depuis le 1er mars 2017"), ["1er mars 2017"]);
        assert_eq!(
            dates("d'ici le 11 septembre prochain"),
            ["11 septembre prochain"]
        );
        assert_eq!(dates("à l'automne 2020"), ["automne 2020"]);
        assert_eq!(dates("le mois de juillet"), ["juillet"]);
        assert_eq!(dates("en mars 2013 et en 2016"), ["mars 2013", "2016"]);
        assert_eq!(dates("15 juillet 2016. – Le"), ["15 juillet 2016"]);
        assert_eq!(dates("à l'horizon 2024"), ["2024"]);
    }

    #[test]
    fn weekdays_join_their_date() {
        assert_eq!(dates("lundi 2 avril"), ["lundi 2 avril"]);
        assert_eq!(dates("ce jeudi 19 janvier"), ["ce jeudi 19 janvier"]);
        assert_eq!(dates("demain 29 mars"), ["demain 29 mars"]);
        assert_eq!(dates("mardi matin puis lundi"), ["mardi matin", "lundi"]);
    }

    #[test]
    fn relative_dates_keep_their_determiner() {
        assert_eq!(
            dates("La semaine dernière, ce vendredi"),
            ["La semaine dernière", "ce vendredi"]
        );
        assert_eq!(dates("ce matin et hier soir"), ["ce matin", "hier soir"]);
        assert_eq!(
            dates("l'été dernier, cette semaine"),
            ["l'été dernier", "cette semaine"]
        );
        assert_eq!(dates("ces derniers jours"), ["ces derniers jours"]);
        assert_eq!(dates("depuis le début de l'année"), ["le début de l'année"]);
        assert_eq!(
            dates("aujourd'hui et aujourd’hui"),
            ["aujourd'hui", "aujourd’hui"]
        );
    }

    #[test]
    fn ranges_are_one_date() {
        assert_eq!(
            dates("la nuit de lundi 16 à mardi 17 janvier"),
            ["lundi 16 à mardi 17 janvier"]
        );
        assert_eq!(dates("du 6 au 10 mars"), ["6 au 10 mars"]);
        assert_eq!(
            dates("dans la nuit de vendredi à samedi"),
            ["vendredi à samedi"]
        );
        assert_eq!(dates("en 2016–2017"), ["2016–2017"]);
    }

    #[test]
    fn periods() {
        assert_eq!(dates("au XIe siècle"), ["XIe siècle"]);
        assert_eq!(dates("au début des années 1960"), ["années 1960"]);
    }

    #[test]
    fn times_keep_their_time_zone() {
        assert_eq!(dates("à 11 h 30 puis à 5h30"), ["11 h 30", "5h30"]);
        assert_eq!(dates("vers 19 h 45 UTC-5"), ["19 h 45 UTC-5"]);
        assert_eq!(dates("à 0 h 30 EDT"), ["0 h 30 EDT"]);
        assert_eq!(dates("à 10 heures heure française"), ["10 heures"]);
        assert_eq!(dates("le 26 janvier à 10 h 30"), ["26 janvier", "10 h 30"]);
    }

    #[test]
    fn durations_and_years_ago() {
        assert_eq!(dates("pendant six mois"), ["six mois"]);
        assert_eq!(dates("il y a 40 000 ans"), ["40 000 ans"]);
        assert_eq!(dates("trois attentats en six ans"), ["six ans"]);
        assert_eq!(dates("une sortie de 2 h 41 min"), ["2 h 41 min"]);
        assert_eq!(dates("mort à 3 heures du matin"), ["3 heures du matin"]);
    }

    #[test]
    fn seasons_and_idioms() {
        assert_eq!(dates("au printemps prochain"), ["printemps prochain"]);
        assert_eq!(
            dates("cet automne, l'an prochain"),
            ["cet automne", "l'an prochain"]
        );
        assert_eq!(
            dates("dans les semaines à venir"),
            ["dans les semaines à venir"]
        );
        assert_eq!(
            dates("vendredi 13 novembre 2015 au soir"),
            ["vendredi 13 novembre 2015 au soir"]
        );
        assert_eq!(dates("il a été au printemps"), Vec::<&str>::new());
    }

    #[test]
    fn coordinated_days_and_seasons() {
        assert_eq!(
            dates("les 11 et 12 décembre 2016"),
            ["11 et 12 décembre 2016"]
        );
        assert_eq!(dates("en 2014-15 et"), ["2014-15"]);
    }

    #[test]
    fn not_dates() {
        assert_eq!(dates("un homme de 93 ans"), Vec::<&str>::new());
        assert_eq!(
            dates("la planète Mars et 2000 personnes"),
            Vec::<&str>::new()
        );
        assert_eq!(dates("3 500 soldats"), Vec::<&str>::new());
        assert_eq!(dates("il a été élu"), Vec::<&str>::new());
    }
}
