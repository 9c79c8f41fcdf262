//! `balise annotate [FILE…] [--jobs N]`: annotates documents and writes Balise JSONL to stdout,
//! one document per line, in input order, offsets in code points.
//!
//! Documents are read and annotated in batches, so memory stays flat on inputs of any size; each
//! batch is shared among `--jobs` threads and written back in input order.

use super::input::{DocReader, InputDoc};
use super::{fail, Exit};
use balise::{Annotator, Document};
use std::io::{self, Write};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Most documents held at once.
const BATCH_DOCS: usize = 512;
/// Most text bytes held at once (a larger single document is still read whole).
const BATCH_BYTES: usize = 16 << 20;

/// Options of `balise annotate`.
pub struct Options {
    pub files: Vec<String>,
    pub jobs: usize,
}

/// Annotates one document into its JSON line.
fn annotate_one(annotator: &Annotator, doc: &InputDoc) -> String {
    let ann = annotator.annotate(&doc.text);
    let out = Document::from_annotation(&doc.id, &doc.text, &ann);
    serde_json::to_string(&out).expect("documents always serialise")
}

/// Annotates a batch with `jobs` threads; results in input order.
fn annotate_batch(annotator: &Annotator, batch: &[InputDoc], jobs: usize) -> Vec<String> {
    if jobs <= 1 || batch.len() <= 1 {
        return batch.iter().map(|d| annotate_one(annotator, d)).collect();
    }
    let next = AtomicUsize::new(0);
    let mut results: Vec<(usize, String)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..jobs.min(batch.len()))
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(doc) = batch.get(i) else { break };
                        done.push((i, annotate_one(annotator, doc)));
                    }
                    done
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().expect("annotation thread panicked"))
            .collect()
    });
    results.sort_unstable_by_key(|(i, _)| *i);
    results.into_iter().map(|(_, s)| s).collect()
}

fn write_batch(out: &mut impl Write, lines: Vec<String>) -> io::Result<()> {
    for line in lines {
        out.write_all(line.as_bytes())?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// Runs `balise annotate`.
pub fn run(opts: Options) -> Exit {
    let annotator = Annotator::new();
    let stdout = io::stdout();
    let mut out = io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut exit = Exit::Ok;
    let mut batch: Vec<InputDoc> = Vec::new();
    let mut bytes = 0;
    let flush = |batch: &mut Vec<InputDoc>, out: &mut io::BufWriter<_>| -> io::Result<()> {
        let lines = annotate_batch(&annotator, batch, opts.jobs);
        batch.clear();
        write_batch(out, lines)?;
        out.flush()
    };
    for item in DocReader::new(opts.files) {
        match item {
            Ok(doc) => {
                bytes += doc.text.len();
                batch.push(doc);
                if batch.len() >= BATCH_DOCS || bytes >= BATCH_BYTES {
                    if let Err(e) = flush(&mut batch, &mut out) {
                        return write_error(e);
                    }
                    bytes = 0;
                }
            }
            Err(e) => {
                fail(&e.to_string());
                exit = Exit::BadInput;
            }
        }
    }
    if let Err(e) = flush(&mut batch, &mut out) {
        return write_error(e);
    }
    exit
}

fn write_error(e: io::Error) -> Exit {
    if e.kind() == io::ErrorKind::BrokenPipe {
        // the reader went away (`balise annotate … | head`): not an error
        return Exit::Ok;
    }
    fail(&format!("cannot write the output: {e}"));
    Exit::BadInput
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parallel_batches_keep_input_order() {
        let annotator = Annotator::new();
        let batch: Vec<InputDoc> = (0..40)
            .map(|i| InputDoc {
                id: format!("d{i}"),
                text: "Il a dit « oui » le 3 mai. ".repeat(i % 7 + 1),
            })
            .collect();
        let one = annotate_batch(&annotator, &batch, 1);
        let four = annotate_batch(&annotator, &batch, 4);
        assert_eq!(one, four);
        assert!(four[5].starts_with("{\"id\":\"d5\""), "{}", four[5]);
    }
}
