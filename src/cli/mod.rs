//! The `balise` command line: argument parsing and dispatch to one module per subcommand.

mod annotate;
mod convert;
mod eval;
mod input;

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
  balise annotate [FILE…] [--jobs N]
      Annotates each document and writes Balise JSONL to stdout, one document per line, in
      input order. A .txt file is one document (id = file name); a .jsonl file holds one JSON
      object per line with \"text\" and an optional \"id\"; a .json file holds one such object or
      an array; no FILE or - reads stdin as one document. Offsets are Unicode code points,
      end exclusive. --jobs N: threads to use (default: all cores).

  balise eval GOLD PRED [--labels PER,ORG,LOC] [--json]
      Scores PRED against GOLD (JSON or JSONL documents paired by id): entity strict and
      overlap P/R/F1 per label; claim detection and full P/R/F1 per kind, source accuracy.
      --labels restricts the entity labels scored; --json prints the report as JSON.

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
        "convert" => run_convert(rest),
        other => usage_error(&format!("unknown command {other:?}")),
    }
}

fn run_annotate(args: Vec<String>) -> Exit {
    let mut files = Vec::new();
    let mut jobs = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut it = args.into_iter();
    while let Some(a) = it.next() {
        match a.as_str() {
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
    annotate::run(annotate::Options { files, jobs })
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
