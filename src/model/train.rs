//! Training the tagger from JSONL files (`balise train`): reading the data, building the
//! examples, the epochs with dev F1 after each, and turning the best averaged weights into a
//! compact quantized [`Tagger`].
//!
//! Deterministic: the same files, options and seed give the same model, byte for byte.

use super::features;
use super::gazetteer::Gazetteer;
use super::model_file::{code_value, value_code, MAX_WEIGHT};
use super::perceptron::{Example, Perceptron, Weights, NONE};
use super::tags::{self, TokenSpan};
use super::viterbi::Grammar;
use super::{key32, FeatureTable, Tagger};
use crate::analysis::Analysis;
use crate::annotation::{Entity, Label};
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

/// Options of a training run.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    pub train: Vec<PathBuf>,
    pub dev: Option<PathBuf>,
    pub epochs: usize,
    pub seed: u64,
    /// Labels to learn; gold entities of other labels are read as `O`.
    pub labels: Vec<Label>,
    /// Features seen fewer times in the training data are dropped.
    pub min_count: u32,
    /// Also train on a copy of each document with WiNER-fr's pre-tokenized spacing undone.
    pub respace: bool,
    /// Gazetteer files: lines `CLASS<TAB>name` (`CLASS` 0..4).
    pub gazetteers: Vec<PathBuf>,
    /// Weights whose 8-bit code is smaller than this (in magnitude) are dropped, for a smaller
    /// model.
    pub prune_below: u8,
    /// Share of training documents read without the name rules' hints (0 to 1).
    pub hint_dropout: f64,
    /// Training runs with seeds `seed`, `seed + 1`, …, each stopped at its best dev epoch; the
    /// saved model averages their weights (less dependent on one shuffle).
    pub runs: usize,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            train: Vec::new(),
            dev: None,
            epochs: 12,
            seed: 1,
            labels: vec![Label::PER, Label::ORG, Label::LOC, Label::MISC],
            min_count: 2,
            respace: true,
            gazetteers: Vec::new(),
            runs: 1,
            prune_below: 1,
            hint_dropout: 0.25,
        }
    }
}

/// One gold document: text and entities in UTF-8 byte offsets.
#[derive(Debug, Clone)]
pub struct GoldDoc {
    pub id: String,
    pub text: String,
    pub entities: Vec<Entity>,
}

/// Reads a normalized JSONL file (`text`, `entities` with code-point `start`/`end` and `label`;
/// a `coarse` label is preferred when present). Entity labels that are not Balise labels are
/// skipped.
pub fn read_jsonl(path: &std::path::Path) -> Result<Vec<GoldDoc>, String> {
    let data = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let mut docs = Vec::new();
    for (n, line) in data.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value =
            serde_json::from_str(line).map_err(|e| format!("{}:{}: {e}", path.display(), n + 1))?;
        let text = v["text"]
            .as_str()
            .ok_or_else(|| format!("{}:{}: no \"text\"", path.display(), n + 1))?
            .to_string();
        let id = v["id"]
            .as_str()
            .map_or_else(|| format!("{}:{}", path.display(), n + 1), str::to_string);
        // code point → byte offsets
        let mut bytes_at: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        bytes_at.push(text.len());
        let mut entities = Vec::new();
        for e in v["entities"].as_array().into_iter().flatten() {
            let label = e["coarse"].as_str().or_else(|| e["label"].as_str());
            let Some(Ok(label)) = label.map(str::parse::<Label>) else {
                continue;
            };
            let (Some(s), Some(t)) = (e["start"].as_u64(), e["end"].as_u64()) else {
                continue;
            };
            let (s, t) = (s as usize, t as usize);
            if s < t && t < bytes_at.len() {
                entities.push(Entity {
                    start: bytes_at[s],
                    end: bytes_at[t],
                    label,
                });
            }
        }
        docs.push(GoldDoc { id, text, entities });
    }
    Ok(docs)
}

/// Undoes the spacing of pre-tokenized text: removes the space before `.` `,` `)` and after `(`
/// and after an elided word (`l' OMS` → `l'OMS`), moving entity offsets along.
pub fn respace(doc: &GoldDoc) -> GoldDoc {
    let t = &doc.text;
    let chars: Vec<(usize, char)> = t.char_indices().collect();
    let mut keep = vec![true; chars.len()];
    for (k, &(_, c)) in chars.iter().enumerate() {
        if c != ' ' {
            continue;
        }
        let prev = if k > 0 { Some(chars[k - 1].1) } else { None };
        let next = chars.get(k + 1).map(|p| p.1);
        let elided = prev == Some('\'') && k >= 2 && {
            // the word before the apostrophe: l, d, j, m, n, s, t, c, qu, jusqu, lorsqu, puisqu
            let mut j = k - 1;
            while j > 0 && chars[j - 1].1.is_alphabetic() {
                j -= 1;
            }
            let w: String = chars[j..k - 1].iter().map(|p| p.1).collect::<String>();
            matches!(
                w.to_lowercase().as_str(),
                "l" | "d"
                    | "j"
                    | "m"
                    | "n"
                    | "s"
                    | "t"
                    | "c"
                    | "qu"
                    | "jusqu"
                    | "lorsqu"
                    | "puisqu"
            )
        };
        if matches!(next, Some('.' | ',' | ')')) || prev == Some('(') || elided {
            keep[k] = false;
        }
    }
    let mut map = vec![0usize; t.len() + 1];
    let mut text = String::with_capacity(t.len());
    for (k, &(b, c)) in chars.iter().enumerate() {
        map[b] = text.len();
        if keep[k] {
            text.push(c);
        }
    }
    map[t.len()] = text.len();
    let entities = doc
        .entities
        .iter()
        .map(|e| Entity {
            start: map[e.start],
            end: map[e.end],
            label: e.label,
        })
        .filter(|e| e.start < e.end)
        .collect();
    GoldDoc {
        id: format!("{}#respaced", doc.id),
        text,
        entities,
    }
}

/// Drops a lower-case elided article that a few gold spans start with (`l'ONU`, `d'Europe`):
/// determiners are outside entities (capitalised titles such as `L'Humanité` keep theirs).
pub fn trim_elided_article(text: &str, e: &Entity) -> Entity {
    let span = &text[e.start..e.end];
    for art in ["l'", "d'", "l’", "d’", "l' ", "d' ", "l’ ", "d’ "] {
        if let Some(rest) = span.strip_prefix(art) {
            if !rest.trim().is_empty() {
                let cut = span.len() - rest.trim_start().len();
                return Entity {
                    start: e.start + cut,
                    ..*e
                };
            }
        }
    }
    *e
}

/// Gold entities over tokens; entities whose edges fall inside a token are widened to whole
/// tokens. Returns the spans and how many had to be widened.
fn token_spans(a: &Analysis, doc: &GoldDoc, labels: &[Label]) -> (Vec<TokenSpan>, usize) {
    let mut out = Vec::new();
    let mut widened = 0;
    for e in &doc.entities {
        let Some(label) = labels.iter().position(|l| *l == e.label) else {
            continue;
        };
        let start = a.tokens.partition_point(|t| t.end <= e.start);
        let end = a.tokens.partition_point(|t| t.start < e.end);
        if start >= end {
            continue;
        }
        if a.tokens[start].start != e.start || a.tokens[end - 1].end != e.end {
            widened += 1;
        }
        out.push(TokenSpan { start, end, label });
    }
    (out, widened)
}

/// Sentence-initial flags of the tokens of `a`.
fn initial_flags(a: &Analysis) -> Vec<bool> {
    let mut initial = vec![false; a.tokens.len()];
    if let Some(f) = initial.first_mut() {
        *f = true;
    }
    for s in &a.sentences {
        if s.first_token < initial.len() {
            initial[s.first_token] = true;
        }
    }
    initial
}

/// Feature id lookup while training: 32-bit feature key → dense id.
#[derive(Default)]
struct Vocab {
    ids: HashMap<u32, u32>,
    keys: Vec<u32>,
}

/// A dev document ready for decoding: feature ids, sentence ranges, analysis.
type DevDoc<'a> = (Vec<u32>, Vec<(usize, usize)>, Analysis<'a>);

/// Rolling numbers of one training run.
#[derive(Debug, Clone, Default)]
pub struct TrainReport {
    pub train_docs: usize,
    pub train_tokens: usize,
    pub widened_spans: usize,
    pub features: usize,
    pub best_epoch: usize,
    /// Dev scores of the best epoch (real-valued weights).
    pub dev: Option<Scores>,
    /// Dev scores of the saved (quantized, pruned) model.
    pub dev_quantized: Option<Scores>,
}

/// Strict entity counts per label.
#[derive(Debug, Clone, Default)]
pub struct Scores {
    pub per_label: BTreeMap<Label, (usize, usize, usize)>,
}

fn f1(tp: usize, fp: usize, fn_: usize) -> f64 {
    if tp == 0 {
        0.0
    } else {
        2.0 * tp as f64 / (2 * tp + fp + fn_) as f64
    }
}

impl Scores {
    fn add(&mut self, gold: &[Entity], pred: &[Entity], labels: &[Label]) {
        for l in labels {
            let g: Vec<(usize, usize)> = gold
                .iter()
                .filter(|e| e.label == *l)
                .map(|e| (e.start, e.end))
                .collect();
            let p: Vec<(usize, usize)> = pred
                .iter()
                .filter(|e| e.label == *l)
                .map(|e| (e.start, e.end))
                .collect();
            let tp = p.iter().filter(|s| g.contains(s)).count();
            let c = self.per_label.entry(*l).or_default();
            c.0 += tp;
            c.1 += p.len() - tp;
            c.2 += g.len() - tp;
        }
    }

    /// Micro-averaged strict F1 over `labels` (all scored labels when empty).
    pub fn f1(&self, labels: &[Label]) -> f64 {
        let (mut tp, mut fp, mut fn_) = (0, 0, 0);
        for (l, c) in &self.per_label {
            if labels.is_empty() || labels.contains(l) {
                tp += c.0;
                fp += c.1;
                fn_ += c.2;
            }
        }
        f1(tp, fp, fn_)
    }

    /// One line: F1 per label, then PER+ORG+LOC and all.
    pub fn line(&self) -> String {
        let mut s = String::new();
        for (l, c) in &self.per_label {
            s += &format!("{l} {:.4}  ", f1(c.0, c.1, c.2));
        }
        s += &format!(
            "| PER+ORG+LOC {:.4} | all {:.4}",
            self.f1(&[Label::PER, Label::ORG, Label::LOC]),
            self.f1(&[])
        );
        s
    }
}

/// A random number generator for shuffling (xorshift64*), so runs repeat exactly.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

/// Reads gazetteer files: one `CLASS<TAB>name` per line (`#` starts a comment line).
pub fn read_gazetteers(paths: &[PathBuf]) -> Result<Gazetteer, String> {
    let mut g = Gazetteer::default();
    for p in paths {
        let data =
            std::fs::read_to_string(p).map_err(|e| format!("cannot read {}: {e}", p.display()))?;
        for (n, line) in data.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let (class, name) = line
                .split_once('\t')
                .ok_or_else(|| format!("{}:{}: expected CLASS<TAB>name", p.display(), n + 1))?;
            let class: u8 = class
                .parse()
                .map_err(|_| format!("{}:{}: bad class {class:?}", p.display(), n + 1))?;
            g.insert(class, name.trim());
        }
    }
    Ok(g)
}

/// Trains a tagger. `log` receives progress lines (one per epoch with dev F1).
pub fn train(
    opts: &TrainOptions,
    log: &mut dyn FnMut(&str),
) -> Result<(Tagger, TrainReport), String> {
    let labels = opts.labels.clone();
    if labels.is_empty() {
        return Err("no labels to learn".into());
    }
    let nt = tags::n_tags(labels.len());
    let gazetteer = read_gazetteers(&opts.gazetteers)?;
    let mut docs = Vec::new();
    for p in &opts.train {
        docs.extend(read_jsonl(p)?);
    }
    for d in &mut docs {
        d.entities = d
            .entities
            .iter()
            .map(|e| trim_elided_article(&d.text, e))
            .collect();
    }
    if docs.is_empty() {
        return Err("no training documents".into());
    }
    if opts.respace {
        let copies: Vec<GoldDoc> = docs.iter().map(respace).collect();
        docs.extend(copies);
    }
    let dev = match &opts.dev {
        Some(p) => read_jsonl(p)?,
        None => Vec::new(),
    };
    let mut report = TrainReport {
        train_docs: docs.len(),
        ..TrainReport::default()
    };
    log(&format!(
        "{} training documents ({} with respaced copies), {} dev documents, {} gazetteer entries",
        if opts.respace {
            docs.len() / 2
        } else {
            docs.len()
        },
        docs.len(),
        dev.len(),
        gazetteer.len()
    ));

    // Pass 1: feature hashes and counts.
    let mut hashed = Vec::with_capacity(docs.len());
    let mut counts: HashMap<u32, u32> = HashMap::new();
    // which documents are read without the rule hints (so the tagger does not lean on them too
    // much: their lists were learned from this same training set)
    let mut hint_rng = Rng(opts.seed.wrapping_mul(0xd1b5_4a32_d192_ed03) | 1);
    for d in &docs {
        let a = Analysis::new(&d.text);
        let initial = initial_flags(&a);
        let hints = if (hint_rng.next() % 1000) < (opts.hint_dropout * 1000.0) as u64 {
            Vec::new()
        } else {
            features::hint_codes(&a.tokens, &crate::ner::rule_names(&a))
        };
        let f = features::extract(&d.text, &a.tokens, &initial, &hints, &gazetteer);
        for &h in &f.hashes {
            if h != 0 {
                *counts.entry(key32(h)).or_insert(0) += 1;
            }
        }
        let (spans, widened) = token_spans(&a, d, &labels);
        report.widened_spans += widened;
        report.train_tokens += a.tokens.len();
        let gold = tags::encode(a.tokens.len(), &spans);
        // chunks: sentences, merged where a gold entity crosses a boundary
        let mut chunks: Vec<(usize, usize)> = Vec::new();
        for (from, to) in super::chunks(&initial) {
            let inside = from > 0
                && spans.iter().any(|s| s.start < from && from < s.end)
                && !chunks.is_empty();
            match chunks.last_mut() {
                Some(last) if inside => last.1 = to,
                _ => chunks.push((from, to)),
            }
        }
        hashed.push((f, gold, chunks));
    }
    let mut vocab = Vocab::default();
    let mut frequent: Vec<u32> = counts
        .iter()
        .filter(|(_, &c)| c >= opts.min_count)
        .map(|(&k, _)| k)
        .collect();
    frequent.sort_unstable();
    for k in frequent {
        vocab.ids.insert(k, vocab.keys.len() as u32);
        vocab.keys.push(k);
    }
    drop(counts);
    report.features = vocab.keys.len();
    log(&format!(
        "{} tokens, {} features seen at least {} times, {} gold spans widened to whole tokens",
        report.train_tokens, report.features, opts.min_count, report.widened_spans
    ));
    let to_ids = |hashes: &[u64]| -> Vec<u32> {
        hashes
            .iter()
            .map(|&h| {
                if h == 0 {
                    NONE
                } else {
                    vocab.ids.get(&key32(h)).copied().unwrap_or(NONE)
                }
            })
            .collect()
    };
    let examples: Vec<Example> = hashed
        .into_iter()
        .map(|(f, gold, chunks)| Example {
            feats: to_ids(&f.hashes),
            gold,
            chunks,
        })
        .collect();
    let dev_prepared: Vec<DevDoc> = dev
        .iter()
        .map(|d| {
            let a = Analysis::new(&d.text);
            let initial = initial_flags(&a);
            let hints = features::hint_codes(&a.tokens, &crate::ner::rule_names(&a));
            let f = features::extract(&d.text, &a.tokens, &initial, &hints, &gazetteer);
            (to_ids(&f.hashes), super::chunks(&initial), a)
        })
        .collect();

    let mut order: Vec<(usize, usize)> = examples
        .iter()
        .enumerate()
        .flat_map(|(e, ex)| (0..ex.chunks.len()).map(move |c| (e, c)))
        .collect();
    let t0 = std::time::Instant::now();
    let mut sum: Option<Weights> = None;
    for run in 0..opts.runs.max(1) {
        let seed = opts.seed.wrapping_add(run as u64);
        if opts.runs > 1 {
            log(&format!("run {} of {} (seed {seed})", run + 1, opts.runs));
        }
        let mut rng = Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
        let mut p = Perceptron::new(vocab.keys.len(), nt);
        let mut best: Option<(f64, usize, Weights)> = None;
        for epoch in 1..=opts.epochs {
            rng.shuffle(&mut order);
            let mut wrong = 0;
            for &(e, c) in &order {
                let ex = &examples[e];
                let (from, to) = ex.chunks[c];
                wrong += p.learn(ex, from, to);
            }
            let avg = p.averaged();
            let mut line = format!(
                "epoch {epoch:>2}: {wrong} wrong training tags, {:.0}s",
                t0.elapsed().as_secs_f64()
            );
            if !dev.is_empty() {
                let scores = score_dev(&avg, &p.grammar, &dev, &dev_prepared, &labels);
                let f = scores.f1(&[]);
                line += &format!(" | dev {}", scores.line());
                if best.as_ref().map_or(true, |b| f > b.0) {
                    best = Some((f, epoch, avg));
                }
            } else {
                best = Some((0.0, epoch, avg));
            }
            log(&line);
        }
        let (_, best_epoch, weights) = best.ok_or("no epochs run")?;
        log(&format!("best epoch {best_epoch}"));
        report.best_epoch = best_epoch;
        sum = Some(match sum {
            None => weights,
            Some(mut s) => {
                for (a, b) in s.emit.iter_mut().zip(&weights.emit) {
                    *a += b;
                }
                for (a, b) in s.trans.iter_mut().zip(&weights.trans) {
                    *a += b;
                }
                for (a, b) in s.start.iter_mut().zip(&weights.start) {
                    *a += b;
                }
                s
            }
        });
    }
    // the average of the runs (a scale factor does not change decoding or quantization)
    let weights = sum.ok_or("no runs")?;
    if !dev.is_empty() {
        let scores = score_dev(&weights, &Grammar::new(nt), &dev, &dev_prepared, &labels);
        if opts.runs > 1 {
            log(&format!(
                "average of {} runs on dev: {}",
                opts.runs,
                scores.line()
            ));
        }
        report.dev = Some(scores);
    }
    let tagger = quantize(
        &weights,
        &vocab.keys,
        labels.clone(),
        gazetteer,
        opts.prune_below,
    );
    log(&format!(
        "saved model keeps {} features",
        tagger.n_features()
    ));
    if !dev.is_empty() {
        let mut scores = Scores::default();
        for d in &dev {
            let a = Analysis::new(&d.text);
            scores.add(&d.entities, &tagger.tag(&a), &labels);
        }
        log(&format!("quantized model on dev: {}", scores.line()));
        report.dev_quantized = Some(scores);
    }
    Ok((tagger, report))
}

fn score_dev(
    w: &Weights,
    g: &Grammar,
    dev: &[GoldDoc],
    prepared: &[DevDoc],
    labels: &[Label],
) -> Scores {
    let mut scores = Scores::default();
    for (d, (feats, chunks, a)) in dev.iter().zip(prepared) {
        let pred = decode_doc(w, g, feats, chunks, a, labels);
        scores.add(&d.entities, &pred, labels);
    }
    scores
}

fn decode_doc(
    w: &Weights,
    g: &Grammar,
    feats: &[u32],
    chunks: &[(usize, usize)],
    a: &Analysis,
    labels: &[Label],
) -> Vec<Entity> {
    let mut out = Vec::new();
    for &(from, to) in chunks {
        let t = w.decode(g, feats, from, to);
        for s in tags::decode(&t) {
            out.push(Entity {
                start: a.tokens[from + s.start].start,
                end: a.tokens[from + s.end - 1].end,
                label: labels[s.label],
            });
        }
    }
    out
}

/// Turns real-valued weights into 8-bit codes on a logarithmic scale (see [`super::model_file`]):
/// the largest weight gets code 127; weights whose code is zero are
/// dropped, and so are features left without any weight.
pub fn quantize(
    w: &Weights,
    keys: &[u32],
    labels: Vec<Label>,
    gazetteer: Gazetteer,
    prune_below: u8,
) -> Tagger {
    let nt = w.n_tags;
    let max = w
        .emit
        .iter()
        .chain(&w.trans)
        .chain(&w.start)
        .fold(0.0f64, |m, x| m.max(x.abs()));
    let scale = if max > 0.0 {
        max / MAX_WEIGHT as f64
    } else {
        1.0
    };
    let q = |x: f64| {
        let v = (x / scale)
            .round()
            .clamp(-MAX_WEIGHT as f64, MAX_WEIGHT as f64) as i32;
        code_value(value_code(v))
    };
    let mut out_keys = Vec::new();
    let mut weights = Vec::new();
    for (i, &k) in keys.iter().enumerate() {
        let row: Vec<i16> = w.emit[i * nt..(i + 1) * nt]
            .iter()
            .map(|&x| q(x))
            .map(|v| {
                if value_code(v).unsigned_abs() < prune_below {
                    0
                } else {
                    v as i16
                }
            })
            .collect();
        if row.iter().any(|&x| x != 0) {
            out_keys.push(k);
            weights.extend(row);
        }
    }
    Tagger {
        grammar: Grammar::new(nt),
        trans: w.trans.iter().map(|&x| q(x)).collect(),
        start: w.start.iter().map(|&x| q(x)).collect(),
        table: FeatureTable::new(&out_keys),
        keys: out_keys,
        weights,
        scale: scale as f32,
        gazetteer,
        labels,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elided_articles_are_trimmed_from_gold_spans() {
        let text = "selon l'ONU et L'Humanité";
        let e = |s: &str, label| Entity {
            start: text.find(s).unwrap(),
            end: text.find(s).unwrap() + s.len(),
            label,
        };
        let onu = trim_elided_article(text, &e("l'ONU", Label::ORG));
        assert_eq!(&text[onu.start..onu.end], "ONU");
        let h = trim_elided_article(text, &e("L'Humanité", Label::ORG));
        assert_eq!(&text[h.start..h.end], "L'Humanité");
    }

    #[test]
    fn respacing_moves_entities_with_the_text() {
        let text = "Selon l' OMS , la grippe ( H7N4 ) recule .";
        let oms = text.find("OMS").unwrap();
        let h = text.find("H7N4").unwrap();
        let doc = GoldDoc {
            id: "x".into(),
            text: text.into(),
            entities: vec![
                Entity {
                    start: oms,
                    end: oms + 3,
                    label: Label::ORG,
                },
                Entity {
                    start: h,
                    end: h + 4,
                    label: Label::MISC,
                },
            ],
        };
        let r = respace(&doc);
        assert_eq!(r.text, "Selon l'OMS, la grippe (H7N4) recule.");
        let got: Vec<&str> = r.entities.iter().map(|e| &r.text[e.start..e.end]).collect();
        assert_eq!(got, vec!["OMS", "H7N4"]);
    }

    #[test]
    fn training_is_deterministic_and_learns_the_data() {
        let dir = std::env::temp_dir().join(format!("balise-train-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("toy.jsonl");
        let mut lines = String::new();
        for (name, place) in [
            ("Marie Dupont", "Lyon"),
            ("Jean Martin", "Paris"),
            ("Ahmed Benali", "Marseille"),
            ("Sophie Laurent", "Lille"),
        ] {
            let text = format!("Hier, {name} est arrivée à {place} pour la réunion.");
            let s = text[..text.find(name).unwrap()].chars().count();
            let p = text[..text.find(place).unwrap()].chars().count();
            lines += &serde_json::json!({
                "text": text,
                "entities": [
                    {"start": s, "end": s + name.chars().count(), "label": "PER"},
                    {"start": p, "end": p + place.chars().count(), "label": "LOC"}
                ]
            })
            .to_string();
            lines += "\n";
        }
        std::fs::write(&path, lines).unwrap();
        let opts = TrainOptions {
            train: vec![path.clone()],
            dev: Some(path.clone()),
            epochs: 5,
            min_count: 1,
            ..TrainOptions::default()
        };
        let (a, report) = train(&opts, &mut |_| {}).unwrap();
        let (b, _) = train(&opts, &mut |_| {}).unwrap();
        assert_eq!(a.to_bytes(), b.to_bytes());
        assert!(report.dev_quantized.unwrap().f1(&[]) > 0.99);
        let text = "Hier, Jean Martin est arrivée à Lille pour la réunion.";
        let found: Vec<&str> = a
            .tag(&Analysis::new(text))
            .iter()
            .map(|e| &text[e.start..e.end])
            .collect();
        assert_eq!(found, vec!["Jean Martin", "Lille"]);
        std::fs::remove_dir_all(&dir).ok();
    }
}
