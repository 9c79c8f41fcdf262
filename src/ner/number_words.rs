//! Cardinal numbers written in French words: `sept`, `vingt-deux`, `quatre-vingt-dix`,
//! `deux cent mille`, `trois millions`, `vingt et un`.
//!
//! [`parse_number_words`] reads the longest run of number words starting at a word of a
//! [`Words`] view and returns where it ends and its value. Ordinals (`premier`, `deuxième`) and
//! the lone article `un`/`une` are not cardinals here.

use super::words::{Gap, Words};

/// Value of one simple number word (lower case), if it is one.
fn unit_value(w: &str) -> Option<u64> {
    Some(match w {
        "zéro" => 0,
        "un" | "une" => 1,
        "deux" => 2,
        "trois" => 3,
        "quatre" => 4,
        "cinq" => 5,
        "six" => 6,
        "sept" => 7,
        "huit" => 8,
        "neuf" => 9,
        "dix" => 10,
        "onze" => 11,
        "douze" => 12,
        "treize" => 13,
        "quatorze" => 14,
        "quinze" => 15,
        "seize" => 16,
        "vingt" | "vingts" => 20,
        "trente" => 30,
        "quarante" => 40,
        "cinquante" => 50,
        "soixante" => 60,
        "septante" => 70,
        "huitante" | "octante" => 80,
        "nonante" => 90,
        "cent" | "cents" => 100,
        "mille" => 1000,
        _ => return None,
    })
}

/// Value of a large multiplier word (`million`, `milliards`).
pub fn multiplier_value(w: &str) -> Option<u64> {
    Some(match w {
        "million" | "millions" => 1_000_000,
        "milliard" | "milliards" => 1_000_000_000,
        "billion" | "billions" => 1_000_000_000_000,
        _ => return None,
    })
}

/// Accumulates a sequence of simple number words into a value, French style
/// (`quatre vingt dix` = 90, `deux cent mille` = 200 000). Returns `None` for sequences that are
/// not one well-formed number (`deux trois`).
fn combine(parts: &[u64]) -> Option<u64> {
    let mut total: u64 = 0; // completed thousands/millions
    let mut current: u64 = 0; // below one thousand
    let mut last: Option<u64> = None;
    for &p in parts {
        match p {
            1000 => {
                current = current.max(1) * 1000;
                total = total.checked_add(current)?;
                current = 0;
            }
            100 => {
                if current >= 100 {
                    return None;
                }
                current = current.max(1) * 100;
            }
            20 if last == Some(4) => {
                // quatre-vingt(s)
                current = current - 4 + 80;
            }
            _ => {
                // A smaller unit must follow a bigger one (vingt deux), or make a teen/tens
                // combination (soixante dix-sept, quatre-vingt-dix).
                if let Some(l) = last {
                    let tens_then_unit = l >= 20 && l % 10 == 0 && p < 10 && l < 100;
                    let seventy_ninety = (l == 60 || l == 20) && (10..20).contains(&p);
                    let after_hundred = l >= 100;
                    let ten_then_unit = l == 10 && (7..=9).contains(&p);
                    if !(tens_then_unit || seventy_ninety || after_hundred || ten_then_unit) {
                        return None;
                    }
                }
                current += p;
            }
        }
        last = Some(p);
    }
    total.checked_add(current)
}

/// Reads number words from word `i` on. Returns `(end, value)` where `end` is one past the last
/// word used, or `None` when word `i` does not start a cardinal.
///
/// `un`/`une` alone is never a number (it is the article); it counts inside a compound
/// (`vingt et un`, `trente-et-une`) and before `million`/`milliard`.
pub fn parse_number_words(w: &Words, i: usize) -> Option<(usize, u64)> {
    let mut parts: Vec<u64> = Vec::new();
    let mut j = i;
    let mut end = i;
    let mut value = None;
    loop {
        let norm = w.norm(j);
        if norm.is_empty() || (j > i && w.items[j].gap == Gap::Line) {
            break;
        }
        // `et` joins `vingt et un`, `soixante et onze`.
        if norm == "et" && j > i {
            let next = w.norm(j + 1);
            if matches!(parts.last(), Some(&l) if l >= 20 && l % 10 == 0 && l < 100)
                && matches!(next, "un" | "une" | "onze")
            {
                j += 1;
                continue;
            }
            break;
        }
        let pieces: Option<Vec<u64>> = norm
            .split('-')
            .filter(|p| *p != "et")
            .map(unit_value)
            .collect();
        let Some(pieces) = pieces else { break };
        if pieces.is_empty() {
            break;
        }
        let mut trial = parts.clone();
        trial.extend(&pieces);
        let Some(v) = combine(&trial) else { break };
        parts = trial;
        j += 1;
        end = j;
        value = Some(v);
    }
    let mut value = value?;
    // The article alone is not a number.
    if end == i + 1 && matches!(w.norm(i), "un" | "une") {
        if let Some(m) = multiplier_value(w.norm(end)) {
            return Some((end + 1, m));
        }
        return None;
    }
    if let Some(m) = multiplier_value(w.norm(end)) {
        if w.items[end].gap != Gap::Line {
            value = value.saturating_mul(m);
            end += 1;
        }
    }
    Some((end, value))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Option<(String, u64)> {
        let w = Words::build(text, &[0]);
        parse_number_words(&w, 0).map(|(end, v)| {
            let (s, e) = w.span(0, end - 1);
            (text[s..e].to_string(), v)
        })
    }

    #[test]
    fn simple_and_compound_numbers() {
        assert_eq!(read("sept ports"), Some(("sept".into(), 7)));
        assert_eq!(read("vingt-deux ans"), Some(("vingt-deux".into(), 22)));
        assert_eq!(
            read("quatre-vingt-dix"),
            Some(("quatre-vingt-dix".into(), 90))
        );
        assert_eq!(
            read("soixante-dix-sept"),
            Some(("soixante-dix-sept".into(), 77))
        );
        assert_eq!(read("vingt et un jours"), Some(("vingt et un".into(), 21)));
        assert_eq!(
            read("deux cent mille"),
            Some(("deux cent mille".into(), 200_000))
        );
        assert_eq!(
            read("trois millions"),
            Some(("trois millions".into(), 3_000_000))
        );
        assert_eq!(read("Deux manifestants"), Some(("Deux".into(), 2)));
    }

    #[test]
    fn article_and_non_numbers() {
        assert_eq!(read("un homme"), None);
        assert_eq!(read("une femme"), None);
        assert_eq!(read("un million"), Some(("un million".into(), 1_000_000)));
        assert_eq!(read("premier"), None);
        assert_eq!(read("Trois-Rivières"), None);
        // Two separate numbers do not merge.
        assert_eq!(read("deux trois"), Some(("deux".into(), 2)));
    }
}
