//! `balise train --train FILE… --dev FILE --out MODEL [--seed N] [--epochs N]`: trains the entity
//! tagger on normalized JSONL files and writes the model file.

use super::{fail, Exit};
use balise::model::train::{train, TrainOptions};
use std::time::Instant;

/// Options of `balise train`.
pub struct Options {
    pub train: TrainOptions,
    pub out: String,
}

/// Runs `balise train`.
pub fn run(opts: Options) -> Exit {
    let t0 = Instant::now();
    let result = train(&opts.train, &mut |line| eprintln!("{line}"));
    let (tagger, _report) = match result {
        Ok(r) => r,
        Err(e) => {
            fail(&e);
            return Exit::BadInput;
        }
    };
    let bytes = tagger.to_bytes();
    if let Err(e) = std::fs::write(&opts.out, &bytes) {
        fail(&format!("cannot write {}: {e}", opts.out));
        return Exit::BadInput;
    }
    eprintln!(
        "wrote {} ({} bytes, {} features) in {:.0}s",
        opts.out,
        bytes.len(),
        tagger.n_features(),
        t0.elapsed().as_secs_f64()
    );
    Exit::Ok
}
