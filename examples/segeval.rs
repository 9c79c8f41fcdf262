//! Token- and sentence-boundary F1 of Balise's tokenizer and sentence splitter on gold
//! `*.tokens.jsonl` files (UD French GSD, Sequoia).
//!
//! ```text
//! cargo run --release --example segeval -- FILE...
//! cargo run --release --example segeval -- --errors 30 FILE...   # also list differences
//! cargo run --release --example segeval -- --bench FILE...         # also time tokenize + split
//! ```

use balise::eval::segmentation::{
    parse_jsonl, score_sentences, score_tokens, sentence_diffs, token_diffs,
};
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut files = Vec::new();
    let mut errors = 0usize;
    let mut bench = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--errors" {
            errors = args.next().and_then(|n| n.parse().ok()).unwrap_or(20);
        } else if a == "--bench" {
            bench = true;
        } else if a == "-h" || a == "--help" {
            eprintln!("usage: segeval [--errors N] [--bench] FILE.tokens.jsonl...");
            return ExitCode::SUCCESS;
        } else {
            files.push(a);
        }
    }
    if files.is_empty() {
        eprintln!("usage: segeval [--errors N] [--bench] FILE.tokens.jsonl...");
        return ExitCode::FAILURE;
    }
    println!(
        "| {:<32} | {:>6} | {:>7} | {:>7} | {:>7} | {:>7} | {:>7} | {:>7} |",
        "file", "sent.", "tok P", "tok R", "tok F1", "sent P", "sent R", "sent F1"
    );
    println!(
        "|{:-<34}|{:->8}|{:->9}|{:->9}|{:->9}|{:->9}|{:->9}|{:->9}|",
        "", "", "", "", "", "", "", ""
    );
    let mut failed = false;
    for f in &files {
        let gold = match std::fs::read_to_string(f)
            .map_err(|e| e.to_string())
            .and_then(|s| parse_jsonl(&s))
        {
            Ok(g) => g,
            Err(e) => {
                eprintln!("{f}: {e}");
                failed = true;
                continue;
            }
        };
        let (t, s) = match (score_tokens(&gold), score_sentences(&gold)) {
            (Ok(t), Ok(s)) => (t, s),
            (Err(e), _) | (_, Err(e)) => {
                eprintln!("{f}: {e}");
                failed = true;
                continue;
            }
        };
        let name = std::path::Path::new(f).file_name().map_or(f.clone(), |n| {
            n.to_string_lossy().replace(".tokens.jsonl", "")
        });
        println!(
            "| {:<32} | {:>6} | {:>7.4} | {:>7.4} | {:>7.4} | {:>7.4} | {:>7.4} | {:>7.4} |",
            name,
            gold.len(),
            t.precision(),
            t.recall(),
            t.f1(),
            s.precision(),
            s.recall(),
            s.f1()
        );
        if bench {
            run_bench(&gold);
        }
        if errors > 0 {
            if let Ok(diffs) = token_diffs(&gold) {
                for d in diffs.iter().take(errors) {
                    eprintln!(
                        "  TOK {}: gold {:?} predicted {:?}",
                        d.id, d.gold, d.predicted
                    );
                }
            }
            if let Ok((missed, invented)) = sentence_diffs(&gold) {
                for m in missed.iter().take(errors) {
                    eprintln!("  MISSED   {m}");
                }
                for m in invented.iter().take(errors) {
                    eprintln!("  INVENTED {m}");
                }
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Times tokenization + sentence splitting of the file's sentences joined into one text.
fn run_bench(gold: &[balise::eval::segmentation::GoldSentence]) {
    let text = gold
        .iter()
        .map(|g| g.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let rounds = (20_000_000 / text.len().max(1)).clamp(1, 1000);
    let start = std::time::Instant::now();
    let mut n = 0;
    for _ in 0..rounds {
        let tokens = balise::tokenize::tokenize(std::hint::black_box(&text));
        n += balise::sentences::split_sentences(&text, &tokens).len() + tokens.len();
    }
    let secs = start.elapsed().as_secs_f64();
    let mb = (text.len() * rounds) as f64 / 1e6;
    eprintln!(
        "  bench: {:.1} MB/s tokenize+split ({rounds} × {} bytes in {secs:.2} s; {n} items)",
        mb / secs,
        text.len()
    );
}
