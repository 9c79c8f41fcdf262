//! Throughput of `annotate` (one thread): documents/s and words/s on the news-dev articles and the
//! WiNER-fr dev articles. Run with `cargo bench --bench annotate`.
//!
//! WiNER-fr dev is read from `../shared/data/winer-fr/dev.jsonl` (or `$BALISE_WINER_DEV`); it is
//! skipped with a note when absent.

use std::time::{Duration, Instant};

fn texts(path: &str) -> Option<Vec<String>> {
    let data = std::fs::read_to_string(path).ok()?;
    Some(
        data.lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).expect("JSONL");
                v["text"].as_str().expect("text").to_string()
            })
            .collect(),
    )
}

fn bench(name: &str, docs: &[String]) {
    let annotator = balise::Annotator::new();
    let words: usize = docs.iter().map(|d| d.split_whitespace().count()).sum();
    let chars: usize = docs.iter().map(|d| d.chars().count()).sum();
    // warm-up
    for d in docs {
        std::hint::black_box(annotator.annotate(d));
    }
    let mut rounds = 0u32;
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(3) || rounds < 3 {
        for d in docs {
            std::hint::black_box(annotator.annotate(std::hint::black_box(d)));
        }
        rounds += 1;
    }
    let secs = start.elapsed().as_secs_f64() / rounds as f64;
    println!(
        "{name:<14} {:>5} docs {:>8} words {:>9} chars | {:>9.0} docs/s {:>11.0} words/s {:>7.2} MB/s ({rounds} rounds)",
        docs.len(),
        words,
        chars,
        docs.len() as f64 / secs,
        words as f64 / secs,
        docs.iter().map(|d| d.len()).sum::<usize>() as f64 / secs / 1e6,
    );
}

fn main() {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|c| {
            c.lines()
                .find(|l| l.starts_with("model name"))
                .map(|l| l.split(':').nth(1).unwrap_or("").trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    println!("balise annotate throughput, one thread, on {cpu}");
    let root = env!("CARGO_MANIFEST_DIR");
    let news = texts(&format!("{root}/tests/data/news-dev/news-dev.jsonl")).expect("news-dev");
    bench("news-dev", &news);
    // One long document (the news-dev articles again and again, about 1 MB): its words/s must
    // stay near the short documents' (no step that grows with the square of the length).
    let mut long = String::new();
    while long.len() < 1_000_000 {
        for d in &news {
            long.push_str(d);
            long.push_str("\n\n");
        }
    }
    bench("one 1 MB doc", &[long]);
    let winer = std::env::var("BALISE_WINER_DEV")
        .unwrap_or_else(|_| format!("{root}/../shared/data/winer-fr/dev.jsonl"));
    match texts(&winer) {
        Some(docs) => bench("winer-fr dev", &docs),
        None => println!("winer-fr dev   skipped: {winer} not found (set BALISE_WINER_DEV)"),
    }
}
