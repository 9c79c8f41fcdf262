//! `balise convert --from FMT --to FMT [IN…] [-o OUT]`: reads documents in one training-data
//! format and writes them in another (see [`balise::formats`]). What could not be read is listed
//! on stderr with its place, and so is what the output format cannot hold.

use super::{fail, Exit};
use balise::formats::{self, DoccanoForm, ExportOptions, Format, ImportOptions, InputFile};
use std::io::{self, Read, Write};

/// Options of `balise convert`.
pub struct Options {
    pub from: Format,
    pub to: Format,
    pub inputs: Vec<String>,
    pub output: Option<String>,
    pub import: ImportOptions,
    pub export: ExportOptions,
    /// Write nothing when anything was skipped.
    pub strict: bool,
}

/// Parses the doccano form name.
pub fn doccano_form(name: &str) -> Option<DoccanoForm> {
    match name {
        "relations" | "entities" => Some(DoccanoForm::Relations),
        "label" | "labels" => Some(DoccanoForm::Label),
        _ => None,
    }
}

fn read_input(path: &str) -> Result<InputFile, String> {
    if path == "-" {
        let mut bytes = Vec::new();
        io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| format!("stdin: cannot read: {e}"))?;
        return Ok(InputFile::new("stdin", bytes));
    }
    std::fs::read(path)
        .map(|bytes| InputFile::new(path, bytes))
        .map_err(|e| format!("{path}: cannot read: {e}"))
}

/// Runs `balise convert`.
pub fn run(opts: Options) -> Exit {
    let mut exit = Exit::Ok;
    let paths = if opts.inputs.is_empty() {
        vec!["-".to_string()]
    } else {
        opts.inputs
    };
    let mut files = Vec::new();
    for p in &paths {
        match read_input(p) {
            Ok(f) => files.push(f),
            Err(e) => {
                fail(&e);
                exit = Exit::BadInput;
            }
        }
    }
    let imported = formats::import(opts.from, &files, &opts.import);
    for e in &imported.skipped {
        fail(&format!("skipped: {e}"));
    }
    for n in &imported.notes {
        eprintln!("balise: note: {n}");
    }
    if !imported.skipped.is_empty() {
        exit = Exit::BadInput;
        if opts.strict {
            fail("nothing written (--strict and some input was skipped)");
            return exit;
        }
    }
    let exported = match formats::export(opts.to, &imported.documents, &opts.export) {
        Ok(e) => e,
        Err(e) => {
            fail(&e.to_string());
            return Exit::BadInput;
        }
    };
    for w in &exported.warnings {
        eprintln!("balise: warning: {w}");
    }
    eprintln!(
        "balise: {} document(s) converted from {} to {}{}",
        imported.documents.len(),
        opts.from,
        opts.to,
        if imported.skipped.is_empty() {
            String::new()
        } else {
            format!(", {} problem(s) skipped", imported.skipped.len())
        }
    );
    let written = match &opts.output {
        Some(path) if path != "-" => {
            std::fs::write(path, &exported.bytes).map_err(|e| format!("{path}: cannot write: {e}"))
        }
        _ => {
            let mut out = io::stdout().lock();
            match out.write_all(&exported.bytes).and_then(|_| out.flush()) {
                Ok(()) => Ok(()),
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
                Err(e) => Err(format!("cannot write the output: {e}")),
            }
        }
    };
    if let Err(e) = written {
        fail(&e);
        return Exit::BadInput;
    }
    exit
}
