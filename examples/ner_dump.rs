//! Runs entity recognition over JSONL documents and prints Balise JSONL (entities only).
//!
//! ```text
//! cargo run --release --example ner_dump -- /work/shared/data/news-dev/news-dev.jsonl > /tmp/pred.jsonl
//! ```
//! Each input line needs `"text"` (and optionally `"id"`); gold entities in the input are ignored.

use balise::{Analysis, Annotation, Document};
use std::io::{BufRead, BufReader, Write};

fn main() {
    let path = std::env::args().nth(1);
    let input: Box<dyn BufRead> = match path.as_deref() {
        Some("-") | None => Box::new(BufReader::new(std::io::stdin())),
        Some(p) => match std::fs::File::open(p) {
            Ok(f) => Box::new(BufReader::new(f)),
            Err(e) => {
                eprintln!("ner_dump: cannot open {p}: {e}");
                std::process::exit(2);
            }
        },
    };
    let recognizer = balise::ner::Recognizer::new();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for (n, line) in input.lines().enumerate() {
        let line = match line {
            Ok(l) => l,
            Err(e) => {
                eprintln!("ner_dump: read error: {e}");
                std::process::exit(2);
            }
        };
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = match serde_json::from_str(&line) {
            Ok(v) => v,
            Err(e) => {
                eprintln!("ner_dump: line {}: {e}", n + 1);
                continue;
            }
        };
        let text = v["text"].as_str().unwrap_or_default();
        let id = v["id"].as_str().unwrap_or_default();
        let a = Analysis::new(text);
        let ann = Annotation {
            entities: recognizer.recognize(&a),
            claims: Vec::new(),
        };
        let doc = Document::from_annotation(id, text, &ann);
        let json = serde_json::to_string(&doc).expect("documents serialise");
        writeln!(out, "{json}").expect("stdout");
    }
}
