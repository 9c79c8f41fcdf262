//! Reads JSONL documents (`{"id", "text", …}`, e.g. `news-dev.jsonl`) from a file or stdin and
//! prints Balise JSONL with the predicted entities and claims:
//!
//! ```sh
//! cargo run --release --example claims_dump -- data/news-dev.jsonl > pred.jsonl
//! ```

use std::io::{BufRead, BufReader, Read};

fn main() {
    let input: Box<dyn Read> = match std::env::args().nth(1) {
        Some(path) => Box::new(std::fs::File::open(&path).unwrap_or_else(|e| {
            eprintln!("cannot open {path}: {e}");
            std::process::exit(1)
        })),
        None => Box::new(std::io::stdin()),
    };
    for (n, line) in BufReader::new(input).lines().enumerate() {
        let line = line.unwrap_or_else(|e| {
            eprintln!("line {}: {e}", n + 1);
            std::process::exit(1)
        });
        if line.trim().is_empty() {
            continue;
        }
        let doc: balise::Document = match serde_json::from_str(&line) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("line {}: not a document: {e}", n + 1);
                continue;
            }
        };
        let ann = balise::annotate(&doc.text);
        let out = balise::Document::from_annotation(&doc.id, &doc.text, &ann);
        println!(
            "{}",
            serde_json::to_string(&out).expect("documents serialise")
        );
    }
}
