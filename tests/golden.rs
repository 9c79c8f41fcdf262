//! Golden whole-document tests: each news-dev article, and each claims-dev development article,
//! is annotated and compared with a readable listing of the expected output in
//! `tests/golden/news-dev/<id>.txt` / `tests/golden/claims-dev/<id>.txt`.
//!
//! After an intended change of output, regenerate the listings with
//! `BLESS=1 cargo test --test golden` and review the diff before committing it.

use balise::Document;
use std::fmt::Write;
use std::path::Path;

const NEWS_DEV: &str = include_str!("data/news-dev/news-dev.jsonl");
// Only the development split: the held-out claims-test split gets no golden listing.
const CLAIMS_DEV: &str = include_str!("data/claims-dev/claims-dev.jsonl");

/// One line per entity and per claim, with code-point offsets and the span texts written out.
fn listing(doc: &Document) -> String {
    let mut s = String::new();
    for e in &doc.entities {
        let _ = writeln!(
            s,
            "{:<5} {}..{} «{}»",
            e.label.as_str(),
            e.start,
            e.end,
            e.text
        );
    }
    for (i, c) in doc.claims.iter().enumerate() {
        let part = |p: &Option<balise::document::DocSpan>| match p {
            Some(p) => format!("{}..{} «{}»", p.start, p.end, p.text),
            None => "-".to_string(),
        };
        let _ = writeln!(
            s,
            "claim {i} {}{}\n  content {}..{} «{}»\n  cue     {}\n  source  {}",
            c.kind.as_str(),
            if c.hedged { " (hedged)" } else { "" },
            c.content.start,
            c.content.end,
            c.content.text,
            part(&c.cue),
            part(&c.source),
        );
        if let Some(r) = &c.source_ref {
            let _ = writeln!(s, "  refers  {}..{} «{}»", r.start, r.end, r.text);
        }
    }
    s
}

#[test]
fn news_dev_articles_match_their_golden_listings() {
    check_golden(NEWS_DEV, "news-dev");
}

#[test]
fn claims_dev_articles_match_their_golden_listings() {
    check_golden(CLAIMS_DEV, "claims-dev");
}

fn check_golden(jsonl: &str, name: &str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    let bless = std::env::var_os("BLESS").is_some();
    if bless {
        std::fs::create_dir_all(&dir).unwrap();
    }
    let mut failures = Vec::new();
    for line in jsonl.lines().filter(|l| !l.trim().is_empty()) {
        let gold: Document = serde_json::from_str(line).unwrap();
        let ann = balise::annotate(&gold.text);
        let doc = Document::from_annotation(&gold.id, &gold.text, &ann);
        let got = listing(&doc);
        let path = dir.join(format!("{}.txt", gold.id));
        if bless {
            std::fs::write(&path, &got).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(&path).unwrap_or_default();
        if got != want {
            let first = got
                .lines()
                .zip(want.lines())
                .position(|(a, b)| a != b)
                .unwrap_or(got.lines().count().min(want.lines().count()));
            failures.push(format!(
                "{}: first difference at line {}:\n  got:  {}\n  want: {}",
                gold.id,
                first + 1,
                got.lines().nth(first).unwrap_or("<end>"),
                want.lines().nth(first).unwrap_or("<end>")
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} article(s) differ from their golden listing (BLESS=1 cargo test --test golden \
         regenerates them after an intended change):\n{}",
        failures.len(),
        failures.join("\n")
    );
}
