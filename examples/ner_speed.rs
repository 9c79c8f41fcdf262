//! Entity-recognition throughput in one process, one thread: reads the `text` of every line of a
//! JSONL file (repeated `--times N`), then times tokenization + sentences + entities (DATE/NUM
//! rules, name rules, the tagger) — what spaCy's NER-only pipeline does — and, separately, each
//! stage. Prints one JSON line. Used by `bench/speed.py`.
//!
//!     cargo run --release --example ner_speed -- CORPUS.jsonl [--times N]
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .expect("CORPUS.jsonl");
    let times: usize = args
        .iter()
        .position(|a| a == "--times")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(1);
    let data = std::fs::read_to_string(path).expect("readable corpus");
    let texts: Vec<String> = data
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("JSONL");
            v["text"].as_str().expect("text").to_string()
        })
        .collect();
    let texts: Vec<&String> = (0..times).flat_map(|_| texts.iter()).collect();
    let words: usize = texts.iter().map(|t| t.split_whitespace().count()).sum();
    let recognizer = balise::ner::Recognizer::new();
    let tagger = balise::model::Tagger::builtin();
    // warm-up (decodes the model and the rule lists)
    recognizer.recognize(&balise::Analysis::new(texts[0]));
    let mut best = [f64::MAX; 4];
    for _ in 0..3 {
        let t = Instant::now();
        for text in &texts {
            std::hint::black_box(recognizer.recognize(&balise::Analysis::new(text)));
        }
        best[0] = best[0].min(t.elapsed().as_secs_f64());
        let t = Instant::now();
        let analyses: Vec<balise::Analysis> =
            texts.iter().map(|t| balise::Analysis::new(t)).collect();
        best[1] = best[1].min(t.elapsed().as_secs_f64());
        let t = Instant::now();
        for a in &analyses {
            std::hint::black_box(balise::ner::rule_names(a));
        }
        best[2] = best[2].min(t.elapsed().as_secs_f64());
        let t = Instant::now();
        for a in &analyses {
            std::hint::black_box(tagger.tag(a));
        }
        best[3] = best[3].min(t.elapsed().as_secs_f64());
    }
    println!(
        "{{\"words\": {words}, \"seconds\": {:.6}, \"analysis_s\": {:.6}, \"rule_names_s\": {:.6}, \"tagger_s\": {:.6}}}",
        best[0], best[1], best[2], best[3]
    );
}
