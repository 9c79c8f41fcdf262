//! Examples of the tokenizer on French text: token texts written out.

use super::*;

fn toks(text: &str) -> Vec<&str> {
    tokenize(text).iter().map(|t| t.text(text)).collect()
}

fn kinds(text: &str) -> Vec<(&str, TokenKind)> {
    tokenize(text)
        .iter()
        .map(|t| (t.text(text), t.kind))
        .collect()
}

#[test]
fn words_and_punctuation() {
    assert_eq!(
        toks("Le président, qui parlait à Paris, a conclu."),
        [
            "Le",
            "président",
            ",",
            "qui",
            "parlait",
            "à",
            "Paris",
            ",",
            "a",
            "conclu",
            "."
        ]
    );
}

#[test]
fn elision_with_both_apostrophes() {
    assert_eq!(
        toks("L'État s’est dit qu’il n'y a jusqu'à présent d’accord"),
        [
            "L'", "État", "s’", "est", "dit", "qu’", "il", "n'", "y", "a", "jusqu'", "à",
            "présent", "d’", "accord"
        ]
    );
    assert_eq!(
        toks("lorsqu'il puisqu’elle j'ai m'a t'es c'est"),
        [
            "lorsqu'",
            "il",
            "puisqu’",
            "elle",
            "j'",
            "ai",
            "m'",
            "a",
            "t'",
            "es",
            "c'",
            "est"
        ]
    );
    // an elided word before a quote or a space keeps its apostrophe
    assert_eq!(toks("l'« oasis »"), ["l'", "«", "oasis", "»"]);
    assert_eq!(toks("d' abord"), ["d'", "abord"]);
}

#[test]
fn lexicalised_apostrophes_stay_whole() {
    assert_eq!(
        toks("aujourd'hui, d’aujourd’hui, quelqu'un, presqu'île, prud'hommes"),
        [
            "aujourd'hui",
            ",",
            "d’",
            "aujourd’hui",
            ",",
            "quelqu'un",
            ",",
            "presqu'île",
            ",",
            "prud'hommes"
        ]
    );
    // as in the UD treebanks
    assert_eq!(toks("que l'on sache"), ["que", "l'on", "sache"]);
    assert_eq!(toks("c'est-à-dire"), ["c'est-à-dire"]);
    assert_eq!(toks("O'Neill"), ["O'Neill"]);
    assert_eq!(
        toks("Sainte-Anne-d'Auray"),
        ["Sainte-Anne-d'Auray"],
        "elision inside a compound"
    );
}

#[test]
fn inversion_hyphens_follow_ud_gsd() {
    assert_eq!(toks("a-t-il"), ["a", "-t-il"]);
    assert_eq!(toks("affirme-t-elle"), ["affirme", "-t-elle"]);
    assert_eq!(toks("dit-il"), ["dit", "-il"]);
    assert_eq!(toks("Peut-on"), ["Peut", "-on"]);
    assert_eq!(toks("Qu'est-ce"), ["Qu'", "est", "-ce"]);
    assert_eq!(toks("EST-IL"), ["EST", "-IL"]);
    assert_eq!(toks("donne-le-moi"), ["donne", "-le", "-moi"]);
    assert_eq!(toks("Allez-y"), ["Allez", "-y"]);
    assert_eq!(toks("ce jour-là"), ["ce", "jour", "-là"]);
    assert_eq!(
        toks("« Non », a-t-il répondu, « pourquoi ? » demande-t-on."),
        [
            "«", "Non", "»", ",", "a", "-t-il", "répondu", ",", "«", "pourquoi", "?", "»",
            "demande", "-t-on", "."
        ]
    );
}

#[test]
fn hyphenated_compounds_stay_whole() {
    assert_eq!(
        toks("Saint-Étienne-du-Rouvray, porte-parole, vingt-deux, peut-être, États-Unis"),
        [
            "Saint-Étienne-du-Rouvray",
            ",",
            "porte-parole",
            ",",
            "vingt-deux",
            ",",
            "peut-être",
            ",",
            "États-Unis"
        ]
    );
    assert_eq!(
        toks("celui-ci, celles-là, jusque-là, rendez-vous, lui-même"),
        [
            "celui-ci",
            ",",
            "celles-là",
            ",",
            "jusque-là",
            ",",
            "rendez-vous",
            ",",
            "lui-même"
        ]
    );
    assert_eq!(
        toks("Marie-Elle"),
        ["Marie-Elle"],
        "a capital is a name, not a clitic"
    );
    assert_eq!(toks("1971-72 VIH-1"), ["1971-72", "VIH-1"]);
}

#[test]
fn numbers_with_thousands_spaces() {
    assert_eq!(toks("3 500 euros"), ["3 500", "euros"]);
    assert_eq!(toks("12 000 000 habitants"), ["12 000 000", "habitants"]);
    assert_eq!(
        toks("3\u{A0}500 et 4\u{202F}200"),
        ["3\u{A0}500", "et", "4\u{202F}200"]
    );
    assert_eq!(toks("1 234,56 €"), ["1 234,56", "€"]);
    // not thousands: a year, a list of small numbers, a phone number
    assert_eq!(toks("en 2017 300 morts"), ["en", "2017", "300", "morts"]);
    assert_eq!(toks("01 23 45 67 89"), ["01", "23", "45", "67", "89"]);
    assert_eq!(toks("1 5000"), ["1", "5000"]);
    assert_eq!(
        kinds("3 500")[0],
        ("3 500", TokenKind::Number),
        "a spaced number is a Number"
    );
}

#[test]
fn decimals_percentages_signs() {
    assert_eq!(toks("12,5 % de hausse"), ["12,5", "%", "de", "hausse"]);
    assert_eq!(toks("80%"), ["80", "%"]);
    assert_eq!(
        toks("le 3.5 et le 01.01.2012"),
        ["le", "3.5", "et", "le", "01.01.2012"]
    );
    assert_eq!(toks("de -1 à -0,8"), ["de", "-1", "à", "-0,8"]);
    assert_eq!(toks("+14 points"), ["+14", "points"]);
    assert_eq!(toks("1/10 des voix"), ["1/10", "des", "voix"]);
    assert_eq!(toks("1994 - 95"), ["1994", "-", "95"]);
    assert_eq!(toks("10'000"), ["10'000"]);
}

#[test]
fn times_ordinals_units() {
    assert_eq!(
        toks("à 11h30 et 5h30"),
        ["à", "11", "h", "30", "et", "5", "h", "30"]
    );
    assert_eq!(toks("dès 20h."), ["dès", "20", "h", "."]);
    assert_eq!(
        toks("le 1er mai, le XIe siècle, la 3ème, la 2e"),
        ["le", "1er", "mai", ",", "le", "XIe", "siècle", ",", "la", "3ème", ",", "la", "2e"]
    );
    assert_eq!(toks("160km à 20 °C"), ["160", "km", "à", "20", "°C"]);
    assert_eq!(toks("l'A36 et le 4SA"), ["l'", "A36", "et", "le", "4SA"]);
    assert_eq!(toks("le n° 5"), ["le", "n°", "5"]);
}

#[test]
fn abbreviations_keep_their_period() {
    assert_eq!(
        toks("M. Dupont et Mme. Durand, Dr. House, MM. Martin"),
        ["M.", "Dupont", "et", "Mme.", "Durand", ",", "Dr.", "House", ",", "MM.", "Martin"]
    );
    assert_eq!(
        toks("en 52 av. J.-C., p. ex. la Gaule, etc."),
        ["en", "52", "av.", "J.-C.", ",", "p.", "ex.", "la", "Gaule", ",", "etc."]
    );
    assert_eq!(toks("St. Louis"), ["St.", "Louis"]);
    assert_eq!(
        toks("p. 12, art. 3, vol. XVII"),
        ["p.", "12", ",", "art.", "3", ",", "vol.", "XVII"]
    );
    // ordinary words keep their period apart at the end of a sentence
    assert_eq!(toks("un vol. Il"), ["un", "vol", ".", "Il"]);
    assert_eq!(toks("à 100 m. Il"), ["à", "100", "m", ".", "Il"]);
    // initials and acronyms with periods
    assert_eq!(toks("J. Dupont"), ["J.", "Dupont"]);
    assert_eq!(toks("R.E.M. et l'O.U.A."), ["R.E.M.", "et", "l'", "O.U.A."]);
    // `M.` needs its capital
    assert_eq!(toks("mm."), ["mm", "."]);
}

#[test]
fn quotes_dashes_ellipsis() {
    assert_eq!(
        toks("« Oui » “non” \"peut-être\""),
        ["«", "Oui", "»", "“", "non", "”", "\"", "peut-être", "\""]
    );
    assert_eq!(
        toks("Alors... Ou bien…"),
        ["Alors", "...", "Ou", "bien", "…"]
    );
    assert_eq!(toks("Quoi ?! Non !!!"), ["Quoi", "?!", "Non", "!!!"]);
    assert_eq!(toks("Paris -- Le"), ["Paris", "--", "Le"]);
    assert_eq!(toks("2017 – François"), ["2017", "–", "François"]);
    assert_eq!(toks("(sic)"), ["(", "sic", ")"]);
}

#[test]
fn french_spacing() {
    assert_eq!(
        toks("Vraiment\u{202F}? Oui\u{A0}: non\u{202F}; « ah\u{A0}»"),
        ["Vraiment", "?", "Oui", ":", "non", ";", "«", "ah", "»"]
    );
}

#[test]
fn urls_emails_hashtags_mentions() {
    assert_eq!(
        kinds("Voir https://www.lemonde.fr/politique/article.html."),
        [
            ("Voir", TokenKind::Word),
            (
                "https://www.lemonde.fr/politique/article.html",
                TokenKind::Url
            ),
            (".", TokenKind::Punct)
        ]
    );
    assert_eq!(
        toks("(www.insee.fr) et lemonde.fr/idees"),
        ["(", "www.insee.fr", ")", "et", "lemonde.fr/idees"]
    );
    assert_eq!(
        kinds("Écrire à jean.dupont@example.fr."),
        [
            ("Écrire", TokenKind::Word),
            ("à", TokenKind::Word),
            ("jean.dupont@example.fr", TokenKind::Email),
            (".", TokenKind::Punct)
        ]
    );
    assert_eq!(
        kinds("#JO2024 avec @Elysee_fr !"),
        [
            ("#JO2024", TokenKind::Hashtag),
            ("avec", TokenKind::Word),
            ("@Elysee_fr", TokenKind::Mention),
            ("!", TokenKind::Punct)
        ]
    );
    assert_eq!(toks("a@b"), ["a", "@", "b"], "no domain: not an address");
}

#[test]
fn inclusive_spellings() {
    assert_eq!(
        toks("les salarié(e)s traité(e)"),
        ["les", "salarié(e)s", "traité(e)"]
    );
    assert_eq!(toks("ami (proche)"), ["ami", "(", "proche", ")"]);
}

#[test]
fn emoji_flags_and_combining_marks() {
    assert_eq!(toks("Bravo👍🏽!"), ["Bravo", "👍🏽", "!"]);
    assert_eq!(toks("🇫🇷🇩🇪"), ["🇫🇷", "🇩🇪"]);
    assert_eq!(toks("👨‍👩‍👧 famille"), ["👨‍👩‍👧", "famille"]);
    assert_eq!(toks("❤️ 1️⃣"), ["❤️", "1️⃣"]);
    // decomposed accents stay in their word
    assert_eq!(
        toks("e\u{301}te\u{301} cafe\u{301}"),
        ["e\u{301}te\u{301}", "cafe\u{301}"]
    );
    // a mark after punctuation stays with it
    assert_eq!(toks("?\u{301}a"), ["?\u{301}", "a"]);
    assert_eq!(kinds("€")[0].1, TokenKind::Symbol);
}

#[test]
fn kinds_of_words_and_numbers() {
    assert_eq!(
        kinds("l'an 2017 : 3e"),
        [
            ("l'", TokenKind::Word),
            ("an", TokenKind::Word),
            ("2017", TokenKind::Number),
            (":", TokenKind::Punct),
            ("3e", TokenKind::Word)
        ]
    );
    assert_eq!(kinds("2016-2017")[0].1, TokenKind::Number);
    assert_eq!(kinds("TRAPPIST-1")[0].1, TokenKind::Word);
    assert_eq!(toks("12-h"), ["12-h"]);
}

#[test]
fn offsets_are_bytes_into_the_original() {
    let text = "Élysée : « Oui »";
    let t = tokenize(text);
    assert_eq!((t[0].start, t[0].end), (0, "Élysée".len()));
    assert_eq!(t[2].text(text), "«");
}

/// Tokens are in order, non-empty, non-overlapping, on char boundaries, and never contain white
/// space except between the digit groups of a number.
fn check_invariants(text: &str) {
    let tokens = tokenize(text);
    let mut prev_end = 0;
    for t in &tokens {
        assert!(t.start < t.end, "{text:?}: empty token {t:?}");
        assert!(t.start >= prev_end, "{text:?}: overlap at {t:?}");
        assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
        let s = &text[t.start..t.end];
        if s.chars().any(char::is_whitespace) {
            assert!(
                t.kind == TokenKind::Number
                    && s.chars().all(|c| c.is_ascii_digit()
                        || is_thousands_space(c)
                        || ",.-+−".contains(c)),
                "{text:?}: white space inside {s:?}"
            );
        }
        // everything between tokens is white space
        assert!(
            text[prev_end..t.start].chars().all(is_space),
            "{text:?}: skipped {:?}",
            &text[prev_end..t.start]
        );
        prev_end = t.end;
    }
    assert!(
        text[prev_end..].chars().all(is_space),
        "{text:?}: lost the tail"
    );
}

#[test]
fn never_panics_on_odd_inputs() {
    let odd = [
        "",
        " ",
        "\u{A0}\u{202F}\u{2009}",
        "\r\n\r\n",
        "'",
        "’",
        "l'",
        "l’",
        "'l",
        "-",
        "-t-il",
        "a-",
        "-il-",
        "«",
        "»»»",
        "\"",
        "((((",
        ".",
        "....................................................................",
        "!?!?!?!?!?!?!?!?!?!?!?!?!?!?!?!?!?!?",
        "------------------------------------",
        "…………",
        "M.",
        "J.-",
        "J.-C",
        "A.B.C.D.",
        "@",
        "#",
        "@@##",
        "a@",
        "a@b.",
        "http://",
        "https://x",
        "www.",
        "x.fr/",
        "3 ",
        "3 50",
        "3 5000",
        "1 000 000 000 000",
        "12,",
        ",5",
        "1/",
        "/1",
        "n°",
        "°",
        "°C",
        "\u{301}",
        "\u{301}\u{301}a",
        "e\u{301}\u{302}\u{303}",
        "\u{200D}",
        "\u{200D}\u{200D}x",
        "👍\u{200D}",
        "🇫",
        "🇫🇷🇫",
        "\u{FE0F}",
        "\u{AD}",
        "a\u{AD}b",
        "\u{FEFF}Le",
        "traité(",
        "traité(e",
        "a(b)",
        "11h",
        "h30",
        "1er",
        "-1",
        "+",
        "−3",
        "l'on",
        "aujourd'",
        "c'est-à-",
        "Qu'est-ce",
        "rendez-vous-",
        "\u{0}\u{1}\u{7F}",
        "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ١٢٣ 中文。日本語、",
        "עִבְרִית",
        "नमस्ते",
        "a\u{2028}b\u{2029}c",
        "x\ty\u{B}z\u{C}",
        "e\u{301}.\u{301}",
    ];
    for t in odd {
        check_invariants(t);
        // and with context around
        check_invariants(&format!("Le {t} dit-il. {t}"));
        check_invariants(&format!("{t}{t}{t}"));
    }
    // every prefix of a rich text (cuts inside words, numbers, URLs, emoji sequences)
    let rich = "« L’État a-t-il payé 3 500 € (12,5 %) à M. Dupont ? » — https://ex.fr/a?b=1 👨‍👩‍👧 🇫🇷 e\u{301}té…";
    for (i, _) in rich.char_indices() {
        check_invariants(&rich[..i]);
        check_invariants(&rich[i..]);
    }
}

#[test]
fn long_runs_stay_linear() {
    // a megabyte of punctuation or one huge word must not blow up
    let dots = ".".repeat(1 << 20);
    assert_eq!(tokenize(&dots).len(), 1);
    let mixed = "!?".repeat(100_000) + &"-a".repeat(100_000) + &"3 000 ".repeat(10_000);
    check_invariants(&mixed);
}
