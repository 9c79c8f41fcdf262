//! The `balise` command line: argument parsing and dispatch to one module per subcommand.

mod annotate;
mod convert;
mod eval;
mod input;
mod train;

use balise::eval::LabelSet;
use balise::Label;

/// How the process ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Ok,
    /// Bad input or bad usage: exit code 2.
    BadInput,
}

impl Exit {
    pub fn code(self) -> i32 {
        match self {
            Exit::Ok => 0,
            Exit::BadInput => 2,
        }
    }
}

/// Prints a one-line error to stderr.
pub fn fail(msg: &str) {
    eprintln!("balise: {msg}");
}

const USAGE: &str = "\
balise — entities and claims (who said what) in French news

USAGE:
  balise annotate [FILE…] [--jobs N] [--model MODEL]
      Annotates each document and writes Balise JSONL to stdout, one document per line, in
      input order. A .txt file is one document (id = file name); a .jsonl file holds one JSON
      object per line with \"text\" and an optional \"id\"; a .json file holds one such object or
      an array; no FILE or - reads stdin as one document. Offsets are Unicode code points,
      end exclusive. --jobs N: threads to use (default: all cores). --model MODEL: use this
      entity model (written by balise train) instead of the built-in one.

  balise eval GOLD PRED [--labels PER,ORG,LOC] [--json]
      Scores PRED against GOLD (JSON or JSONL documents paired by id): entity strict and
      overlap P/R/F1 per label; claim detection and full P/R/F1 per kind, source accuracy.
      --labels restricts the entity labels scored; --json prints the report as JSON.

  balise train --train FILE… [--dev FILE] --out MODEL [--seed N] [--epochs N]
              [--runs N] [--labels PER,ORG,LOC,MISC] [--min-count N] [--no-respace]
              [--gazetteer FILE…] [--prune-below CODE] [--hint-dropout P]
      Trains the entity tagger on normalized JSONL files (text + entities in code points),
      prints dev F1 per epoch, keeps the best epoch and writes the model file. Deterministic
      for a given seed (default 1); 12 epochs by default. --runs N averages N runs with seeds
      seed, seed+1, …; --prune-below drops weights whose 8-bit code is below CODE (smaller
      model); --hint-dropout P reads a share P of the training documents without the name
      rules' output (default 0.25).

  balise convert --from FMT --to FMT [IN…] [-o OUT] [--map-label FROM=TO]… [--doccano-form F] [--strict]
      Converts annotated documents between training-data formats (offsets in code points):
        balise        Balise JSONL (native, lossless)
        spacy         spaCy / Prodigy JSONL: text, tokens, spans, relations
        docbin        spaCy DocBin (.spacy), for spacy train
        doccano       doccano JSONL (entities + relations; --doccano-form label for [[s, e, L]])
        label-studio  Label Studio JSON tasks (annotations; predictions = pre-annotations)
        brat          brat standoff: a zip of .txt + .ann (import also takes loose files)
        conll         CoNLL, 2 columns, IOB2 (entities only)
        conll2003     CoNLL-2003, 4 columns, IOB1 (entities only)
      No IN reads stdin; no -o writes stdout. --map-label PERSON=PER renames a foreign label
      (=- drops it). Problems are reported on stderr with file, line, document and span; what
      could be read is still written (exit 2) unless --strict. What the output format cannot
      hold (claims in CoNLL…) is listed as warnings.

  balise help | --help      this text
  balise --version          the version

Exit status: 0 on success, 2 when some input could not be read (the rest is still processed)
or the command line is wrong.
";

fn usage_error(msg: &str) -> Exit {
    fail(&format!("{msg} (see balise --help)"));
    Exit::BadInput
}

fn parse_labels(list: &str) -> Result<LabelSet, String> {
    let labels = list
        .split(',')
        .map(|l| l.trim().to_ascii_uppercase().parse::<Label>())
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| e.to_string())?;
    Ok(LabelSet::only(&labels))
}

/// Runs the command line `args` (without the program name).
pub fn run(args: Vec<String>) -> Exit {
    let mut args = args.into_iter();
    let Some(cmd) = args.next() else {
        eprint!("{USAGE}");
        return Exit::BadInput;
    };
    let rest: Vec<String> = args.collect();
    match cmd.as_str() {
        "help" | "--help" | "-h" => {
            print!("{USAGE}");
            Exit::Ok
        }
        "--version" | "-V" => {
            println!("balise {}", env!("CARGO_PKG_VERSION"));
            Exit::Ok
        }
        "annotate" => run_annotate(rest),
        "eval" => run_eval(rest),
        "train" => run_train(rest),
        "convert" => run_convert(rest),
        other => usage_error(&format!("unknown command {other:?}")),
    }
}

fn run_annotate(args: Vec<String>) -> Exit {
    let mut files = Vec::new();
    let mut jobs = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut model = None;
    let mut it = args.into_iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--model" => match it.next() {
                Some(m) => model = Some(m),
                None => return usage_error("--model needs a model file"),
            },
            "--jobs" | "-j" => match it.next().and_then(|n| n.parse::<usize>().ok()) {
                Some(n) if n >= 1 => jobs = n,
                _ => return usage_error("--jobs needs a number of threads, at least 1"),
            },
            s if s.starts_with("--jobs=") => match s["--jobs=".len()..].parse::<usize>() {
                Ok(n) if n >= 1 => jobs = n,
                _ => return usage_error("--jobs needs a number of threads, at least 1"),
            },
            s if s.starts_with('-') && s != "-" => {
                return usage_error(&format!("unknown option {s:?} for annotate"))
            }
            _ => files.push(a),
        }
    }
    annotate::run(annotate::Options { files, jobs, model })
}

fn run_eval(args: Vec<String>) -> Exit {
    let mut files = Vec::new();
    let mut labels = LabelSet::default();
    let mut json = false;
    let mut it = args.into_iter();
    while let Some(a) = it.next() {
        let list = if a == "--labels" {
            match it.next() {
                Some(l) => Some(l),
                None => return usage_error("--labels needs a list such as PER,ORG,LOC"),
            }
        } else {
            a.strip_prefix("--labels=").map(str::to_string)
        };
        if let Some(list) = list {
            match parse_labels(&list) {
                Ok(l) => labels = l,
                Err(e) => return usage_error(&e),
            }
        } else if a == "--json" {
            json = true;
        } else if a.starts_with('-') && a != "-" {
            return usage_error(&format!("unknown option {a:?} for eval"));
        } else {
            files.push(a);
        }
    }
    let [gold, pred]: [String; 2] = match files.try_into() {
        Ok(f) => f,
        Err(_) => return usage_error("eval needs two files: GOLD PRED"),
    };
    eval::run(eval::Options {
        gold,
        pred,
        labels,
        json,
    })
}

fn run_train(args: Vec<String>) -> Exit {
    let mut opts = balise::model::train::TrainOptions::default();
    let mut out = None;
    let mut it = args.into_iter().peekable();
    // options taking several files read until the next option
    let files_until_option = |it: &mut std::iter::Peekable<std::vec::IntoIter<String>>| {
        let mut v = Vec::new();
        while let Some(f) = it.next_if(|a| !a.starts_with("--")) {
            v.push(std::path::PathBuf::from(f));
        }
        v
    };
    while let Some(a) = it.next() {
        match a.as_str() {
            "--train" => opts.train.extend(files_until_option(&mut it)),
            "--gazetteer" => opts.gazetteers.extend(files_until_option(&mut it)),
            "--dev" => match it.next() {
                Some(f) => opts.dev = Some(f.into()),
                None => return usage_error("--dev needs a file"),
            },
            "--out" => match it.next() {
                Some(f) => out = Some(f),
                None => return usage_error("--out needs a file"),
            },
            "--seed" => match it.next().and_then(|n| n.parse().ok()) {
                Some(n) => opts.seed = n,
                None => return usage_error("--seed needs a number"),
            },
            "--epochs" => match it.next().and_then(|n| n.parse().ok()) {
                Some(n) if n >= 1 => opts.epochs = n,
                _ => return usage_error("--epochs needs a number, at least 1"),
            },
            "--runs" => match it.next().and_then(|n| n.parse().ok()) {
                Some(n) if n >= 1 => opts.runs = n,
                _ => return usage_error("--runs needs a number, at least 1"),
            },
            "--prune-below" => match it.next().and_then(|n| n.parse().ok()) {
                Some(n) => opts.prune_below = n,
                None => return usage_error("--prune-below needs a code from 0 to 127"),
            },
            "--hint-dropout" => match it.next().and_then(|n| n.parse::<f64>().ok()) {
                Some(p) if (0.0..=1.0).contains(&p) => opts.hint_dropout = p,
                _ => return usage_error("--hint-dropout needs a share from 0 to 1"),
            },
            "--min-count" => match it.next().and_then(|n| n.parse().ok()) {
                Some(n) => opts.min_count = n,
                None => return usage_error("--min-count needs a number"),
            },
            "--labels" => match it.next().map(|l| parse_labels(&l)) {
                Some(Ok(l)) => opts.labels = l.labels(),
                Some(Err(e)) => return usage_error(&e),
                None => return usage_error("--labels needs a list such as PER,ORG,LOC,MISC"),
            },
            "--no-respace" => opts.respace = false,
            other => return usage_error(&format!("unknown option {other:?} for train")),
        }
    }
    if opts.train.is_empty() {
        return usage_error("train needs --train FILE…");
    }
    let Some(out) = out else {
        return usage_error("train needs --out MODEL");
    };
    train::run(train::Options { train: opts, out })
}

fn run_convert(args: Vec<String>) -> Exit {
    use balise::formats::Format;
    let mut from = None;
    let mut to = None;
    let mut output = None;
    let mut inputs = Vec::new();
    let mut import = balise::formats::ImportOptions::default();
    let mut export = balise::formats::ExportOptions::default();
    let mut strict = false;
    let names = || {
        Format::ALL
            .iter()
            .map(|f| f.name())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut it = args.into_iter();
    while let Some(a) = it.next() {
        let (flag, inline) = match a.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
            _ => (a.clone(), None),
        };
        let mut value = |what: &str| -> Result<String, Exit> {
            inline
                .clone()
                .or_else(|| it.next())
                .ok_or_else(|| usage_error(&format!("{flag} needs {what}")))
        };
        match flag.as_str() {
            "--from" | "--to" => {
                let v = match value("a format name") {
                    Ok(v) => v,
                    Err(e) => return e,
                };
                let Some(f) = Format::from_name(&v) else {
                    return usage_error(&format!("unknown format {v:?}: use one of {}", names()));
                };
                if flag == "--from" {
                    from = Some(f);
                } else {
                    to = Some(f);
                }
            }
            "-o" | "--output" => match value("a file name") {
                Ok(v) => output = Some(v),
                Err(e) => return e,
            },
            "--map-label" => match value("FROM=TO") {
                Ok(v) => {
                    if let Err(e) = import.map_label(&v) {
                        return usage_error(&e);
                    }
                }
                Err(e) => return e,
            },
            "--doccano-form" => match value("relations or label") {
                Ok(v) => match convert::doccano_form(&v) {
                    Some(f) => export.doccano = f,
                    None => return usage_error("--doccano-form is relations or label"),
                },
                Err(e) => return e,
            },
            "--strict" => strict = true,
            s if s.starts_with('-') && s != "-" => {
                return usage_error(&format!("unknown option {s:?} for convert"))
            }
            _ => inputs.push(a),
        }
    }
    let (Some(from), Some(to)) = (from, to) else {
        return usage_error(&format!(
            "convert needs --from and --to, each one of {}",
            names()
        ));
    };
    convert::run(convert::Options {
        from,
        to,
        inputs,
        output,
        import,
        export,
        strict,
    })
}
