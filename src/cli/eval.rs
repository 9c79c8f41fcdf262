//! `balise eval GOLD PRED [--labels PER,ORG,LOC] [--json]`: scores predictions against gold.

use super::input::read_records;
use super::{fail, Exit};
use balise::eval::{evaluate, LabelSet};
use balise::Document;

/// Options of `balise eval`.
pub struct Options {
    pub gold: String,
    pub pred: String,
    pub labels: LabelSet,
    pub json: bool,
}

/// Runs `balise eval`.
pub fn run(opts: Options) -> Exit {
    let mut exit = Exit::Ok;
    let mut read = |path: &str| {
        let (docs, errors) = read_records::<Document>(path);
        for e in errors {
            fail(&e.to_string());
            exit = Exit::BadInput;
        }
        docs
    };
    let gold = read(&opts.gold);
    let pred = read(&opts.pred);
    let (report, errors) = evaluate(&gold, &pred, opts.labels);
    for e in &errors {
        fail(&e.to_string());
        exit = Exit::BadInput;
    }
    if !report.missing_predictions.is_empty() {
        eprintln!(
            "balise: warning: {} gold document(s) have no prediction and count as missed: {}",
            report.missing_predictions.len(),
            report.missing_predictions.join(", ")
        );
    }
    if opts.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&report).expect("reports always serialise")
        );
    } else {
        print!("{}", report.to_table());
    }
    exit
}
