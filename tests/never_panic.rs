//! Property tests: on any text — emoji, combining marks, NBSP/NNBSP, CRLF, curly apostrophes,
//! unbalanced guillemets — annotation never panics, every span lies on character boundaries
//! inside the text, and the code-point form converts back to exactly the same annotation.

use balise::offsets::{OffsetMap, Unit};
use balise::{Annotation, Document, Span};

/// Pieces that random texts are built from.
const PIECES: &[&str] = &[
    "Le",
    " ",
    " ",
    "\u{A0}",
    "\u{202F}",
    "\r\n",
    "\n\n",
    "« ",
    " »",
    "«",
    "»",
    "“",
    "”",
    "\"",
    "a déclaré",
    "a-t-il",
    " affirme-t-elle",
    "selon",
    "Selon",
    "d’après",
    "qu’",
    "l’",
    "l'",
    "que",
    "Ghani",
    "Ashraf",
    "M.",
    "Mme",
    "Paris",
    "ONU",
    "15",
    "juillet",
    "2016",
    "3",
    "500",
    "12,5",
    "%",
    "millions",
    "d'euros",
    "six",
    "mois",
    "dernière",
    "semaine",
    ".",
    ",",
    ":",
    ";",
    "!",
    "?",
    "…",
    "...",
    "-",
    "–",
    "—",
    "(",
    ")",
    "🙂",
    "👨‍👩‍👧",
    "🇫🇷",
    "e\u{301}",
    "\u{301}",
    "\u{200F}",
    "\t",
    "https://exemple.fr/a?b=1",
    "#JMJ",
    "@afp",
    "x@y.fr",
    "É",
    "ǅ",
    "ﬁ",
    "\u{FEFF}",
    "\0",
    "𝔘",
    "XIe",
    "1er",
    "11h30",
    "h",
    "il",
    "ils",
    "elle",
    "a",
    "dit",
];

/// A small deterministic generator (xorshift64*), so failures are reproducible.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn random_text(rng: &mut Rng) -> String {
    let n = rng.below(60);
    let mut s = String::new();
    for _ in 0..n {
        s.push_str(PIECES[rng.below(PIECES.len())]);
        if rng.below(3) == 0 {
            s.push(' ');
        }
    }
    s
}

fn check_span(text: &str, s: Span, what: &str) {
    assert!(
        s.start <= s.end && s.end <= text.len(),
        "{what} {s:?} in {text:?}"
    );
    assert!(
        text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
        "{what} {s:?} not on char boundaries in {text:?}"
    );
}

fn check(text: &str) {
    let ann: Annotation = balise::annotate(text);
    for e in &ann.entities {
        check_span(text, e.span(), "entity");
        assert!(e.start < e.end, "empty entity in {text:?}");
    }
    for c in &ann.claims {
        check_span(text, c.content, "content");
        for s in [c.cue, c.source, c.source_ref].into_iter().flatten() {
            check_span(text, s, "claim part");
        }
    }
    let doc = Document::from_annotation("t", text, &ann);
    assert_eq!(doc.to_annotation().unwrap(), ann, "round trip of {text:?}");
    let json = serde_json::to_string(&doc).unwrap();
    let back: Document = serde_json::from_str(&json).unwrap();
    assert_eq!(back, doc);
    // UTF-16 offsets (the Wasm boundary) convert back to the same byte offsets
    let map = OffsetMap::new(text);
    for e in &ann.entities {
        let (a, b) = map
            .convert_span(e.start, e.end, Unit::Byte, Unit::Utf16)
            .unwrap();
        assert_eq!(
            map.convert_span(a, b, Unit::Utf16, Unit::Byte).unwrap(),
            (e.start, e.end)
        );
    }
}

#[test]
fn random_texts_never_panic_and_keep_offsets_valid() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..3000 {
        check(&random_text(&mut rng));
    }
}

#[test]
fn edge_texts_never_panic() {
    for t in [
        "",
        " ",
        "«",
        "»",
        "« « « »",
        "\"",
        "’",
        "\r\n\r\n",
        "\u{301}\u{301}",
        "🙂",
        ".",
        "...",
        "M.",
        "a-t-il",
        "selon",
        "Selon",
        "qu'",
        "3 500 000 000 000 000 000 000 000 000",
        &"«".repeat(5000),
        &"a ".repeat(20000),
        &"Il a déclaré que « oui ». ".repeat(500),
    ] {
        check(t);
    }
}
