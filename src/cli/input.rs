//! Reading documents from the files the CLI is given: `.txt` (one document), `.jsonl` (one JSON
//! object per line), `.json` (one document or an array), `-` (standard input, one document).
//!
//! Reading streams: JSONL files are read line by line, so memory stays flat whatever their size.

use serde::Deserialize;
use std::collections::VecDeque;
use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

/// A text to annotate and its id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputDoc {
    pub id: String,
    pub text: String,
}

/// Why (part of) an input could not be read. Every message names the file and, for JSON lines,
/// the line.
#[derive(Debug)]
pub enum InputError {
    Io {
        path: String,
        error: io::Error,
    },
    Utf8 {
        path: String,
        line: Option<usize>,
        byte: usize,
    },
    Json {
        path: String,
        line: Option<usize>,
        error: String,
    },
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = |path: &str, line: &Option<usize>| match line {
            Some(l) => format!("{path}:{l}"),
            None => path.to_string(),
        };
        match self {
            InputError::Io { path, error } => write!(f, "{path}: cannot read: {error}"),
            InputError::Utf8 { path, line, byte } => write!(
                f,
                "{}: not valid UTF-8 (byte {byte}{}); convert the file to UTF-8",
                at(path, line),
                if line.is_some() { " of the line" } else { "" }
            ),
            InputError::Json { path, line, error } => {
                write!(f, "{}: invalid JSON: {error}", at(path, line))
            }
        }
    }
}

/// How a file is read, from its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    JsonLines,
    Json,
}

impl Format {
    pub fn of(path: &str) -> Format {
        let lower = path.to_ascii_lowercase();
        if lower.ends_with(".jsonl") || lower.ends_with(".ndjson") {
            Format::JsonLines
        } else if lower.ends_with(".json") {
            Format::Json
        } else {
            Format::Text
        }
    }
}

fn open(path: &str) -> Result<Box<dyn BufRead>, InputError> {
    if path == "-" {
        return Ok(Box::new(BufReader::new(io::stdin())));
    }
    File::open(path)
        .map(|f| Box::new(BufReader::with_capacity(1 << 16, f)) as Box<dyn BufRead>)
        .map_err(|error| InputError::Io {
            path: path.to_string(),
            error,
        })
}

fn utf8(path: &str, line: Option<usize>, bytes: Vec<u8>) -> Result<String, InputError> {
    String::from_utf8(bytes).map_err(|e| InputError::Utf8 {
        path: path.to_string(),
        line,
        byte: e.utf8_error().valid_up_to(),
    })
}

/// Reads a whole file (or stdin) as text, dropping a leading byte-order mark.
pub fn read_text(path: &str) -> Result<String, InputError> {
    let mut bytes = Vec::new();
    open(path)?
        .read_to_end(&mut bytes)
        .map_err(|error| InputError::Io {
            path: path.to_string(),
            error,
        })?;
    let mut text = utf8(path, None, bytes)?;
    if text.starts_with('\u{feff}') {
        text.drain(..3);
    }
    Ok(text)
}

/// The id of a document read from `path`: the file name.
fn file_id(path: &str) -> String {
    if path == "-" {
        return "stdin".to_string();
    }
    Path::new(path)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.to_string())
}

/// One JSON input object: `text` and an optional `id` (string or number).
#[derive(Deserialize)]
struct JsonInput {
    text: String,
    #[serde(default)]
    id: Option<serde_json::Value>,
}

fn id_string(id: Option<serde_json::Value>, fallback: impl FnOnce() -> String) -> String {
    match id {
        Some(serde_json::Value::String(s)) => s,
        Some(serde_json::Value::Null) | None => fallback(),
        Some(v) => v.to_string(),
    }
}

/// Streams the documents of many files, in order. A file or line that cannot be read yields an
/// error and reading goes on with the next line or file.
pub struct DocReader {
    paths: std::vec::IntoIter<String>,
    /// The JSON-lines file being read: its path, reader and last line number.
    lines: Option<(String, Box<dyn BufRead>, usize)>,
    /// Documents of a whole file already read (`.txt`, `.json`), not yet handed out.
    queue: VecDeque<Result<InputDoc, InputError>>,
}

impl DocReader {
    /// Reads `paths` in order; no path means standard input as one document.
    pub fn new(paths: Vec<String>) -> Self {
        let paths = if paths.is_empty() {
            vec!["-".to_string()]
        } else {
            paths
        };
        DocReader {
            paths: paths.into_iter(),
            lines: None,
            queue: VecDeque::new(),
        }
    }

    fn next_line(&mut self) -> Option<Result<InputDoc, InputError>> {
        let (path, reader, line_no) = self.lines.as_mut()?;
        let mut buf = Vec::new();
        loop {
            buf.clear();
            match reader.read_until(b'\n', &mut buf) {
                Ok(0) => {
                    self.lines = None;
                    return None;
                }
                Ok(_) => {}
                Err(error) => {
                    let path = path.clone();
                    self.lines = None;
                    return Some(Err(InputError::Io { path, error }));
                }
            }
            *line_no += 1;
            if buf.iter().all(|b| b.is_ascii_whitespace()) {
                continue;
            }
            if *line_no == 1 && buf.starts_with(b"\xEF\xBB\xBF") {
                buf.drain(..3);
            }
            return Some(parse_line(path, *line_no, buf));
        }
    }
}

impl Iterator for DocReader {
    type Item = Result<InputDoc, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(item) = self.queue.pop_front() {
                return Some(item);
            }
            if self.lines.is_some() {
                if let Some(item) = self.next_line() {
                    return Some(item);
                }
                continue;
            }
            let path = self.paths.next()?;
            match Format::of(&path) {
                Format::JsonLines => match open(&path) {
                    Ok(r) => self.lines = Some((path, r, 0)),
                    Err(e) => return Some(Err(e)),
                },
                Format::Json => self.queue.extend(parse_json_file(&path)),
                Format::Text => self.queue.push_back(read_text(&path).map(|text| InputDoc {
                    id: file_id(&path),
                    text,
                })),
            }
        }
    }
}

fn parse_line(path: &str, line: usize, buf: Vec<u8>) -> Result<InputDoc, InputError> {
    let s = utf8(path, Some(line), buf)?;
    let input: JsonInput = serde_json::from_str(&s).map_err(|e| InputError::Json {
        path: path.to_string(),
        line: Some(line),
        error: e.to_string(),
    })?;
    let id = id_string(input.id, || format!("{}:{line}", file_id(path)));
    Ok(InputDoc {
        id,
        text: input.text,
    })
}

fn parse_json_file(path: &str) -> Vec<Result<InputDoc, InputError>> {
    let text = match read_text(path) {
        Ok(t) => t,
        Err(e) => return vec![Err(e)],
    };
    let json_err = |e: serde_json::Error| InputError::Json {
        path: path.to_string(),
        line: Some(e.line()),
        error: e.to_string(),
    };
    let one = |input: JsonInput, n: usize| InputDoc {
        id: id_string(input.id, || format!("{}#{n}", file_id(path))),
        text: input.text,
    };
    if text.trim_start().starts_with('[') {
        match serde_json::from_str::<Vec<JsonInput>>(&text) {
            Ok(v) => v
                .into_iter()
                .enumerate()
                .map(|(i, d)| Ok(one(d, i + 1)))
                .collect(),
            Err(e) => vec![Err(json_err(e))],
        }
    } else {
        match serde_json::from_str::<JsonInput>(&text) {
            Ok(d) => vec![Ok(one(d, 1))],
            Err(e) => vec![Err(json_err(e))],
        }
    }
}

/// Reads every record of a JSON or JSON-lines file (`-` for stdin) into `T`. A JSON file holds one
/// record or an array of them; anything else is read as JSON lines (a file that is one JSON value
/// spread over several lines is read as JSON too). Lines that cannot be read are returned as errors
/// and skipped.
pub fn read_records<T: serde::de::DeserializeOwned>(path: &str) -> (Vec<T>, Vec<InputError>) {
    let text = match read_text(path) {
        Ok(t) => t,
        Err(e) => return (vec![], vec![e]),
    };
    let json_err = |line: usize, e: serde_json::Error| InputError::Json {
        path: path.to_string(),
        line: Some(line),
        error: e.to_string(),
    };
    let trimmed = text.trim_start();
    if trimmed.starts_with('[') {
        return match serde_json::from_str::<Vec<T>>(&text) {
            Ok(v) => (v, vec![]),
            Err(e) => (vec![], vec![json_err(e.line(), e)]),
        };
    }
    if Format::of(path) == Format::Json {
        return match serde_json::from_str::<T>(&text) {
            Ok(v) => (vec![v], vec![]),
            Err(e) => (vec![], vec![json_err(e.line(), e)]),
        };
    }
    let mut records = Vec::new();
    let mut errors = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<T>(line) {
            Ok(v) => records.push(v),
            Err(e) => errors.push(json_err(i + 1, e)),
        }
    }
    (records, errors)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn temp(name: &str, content: &[u8]) -> String {
        let dir = std::env::temp_dir().join(format!("balise-input-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join(name);
        std::fs::File::create(&p)
            .unwrap()
            .write_all(content)
            .unwrap();
        p.to_string_lossy().into_owned()
    }

    #[test]
    fn files_of_every_kind_in_order_with_errors_named() {
        let txt = temp("a.txt", "\u{feff}Bonjour\r\n".as_bytes());
        let jsonl = temp(
            "b.jsonl",
            b"{\"id\": \"x\", \"text\": \"un\"}\n\n{\"text\": \"deux\"}\n{oops\n{\"id\": 7, \"text\": \"trois\"}\n",
        );
        let bad = temp("c.txt", b"caf\xe9");
        let json = temp(
            "d.json",
            br#"[{"text": "quatre"}, {"id": "y", "text": "cinq"}]"#,
        );
        let items: Vec<_> = DocReader::new(vec![txt, jsonl, bad, json]).collect();
        let ok: Vec<(String, String)> = items
            .iter()
            .filter_map(|r| r.as_ref().ok())
            .map(|d| (d.id.clone(), d.text.clone()))
            .collect();
        assert_eq!(
            ok,
            vec![
                ("a.txt".into(), "Bonjour\r\n".into()),
                ("x".into(), "un".into()),
                ("b.jsonl:3".into(), "deux".into()),
                ("7".into(), "trois".into()),
                ("d.json#1".into(), "quatre".into()),
                ("y".into(), "cinq".into()),
            ]
        );
        let errors: Vec<String> = items
            .iter()
            .filter_map(|r| r.as_ref().err())
            .map(|e| e.to_string())
            .collect();
        assert_eq!(errors.len(), 2);
        assert!(
            errors[0].contains("b.jsonl:4: invalid JSON"),
            "{}",
            errors[0]
        );
        assert!(
            errors[1].contains("c.txt: not valid UTF-8 (byte 3)"),
            "{}",
            errors[1]
        );
    }

    #[test]
    fn missing_file_is_an_error_naming_it() {
        let items: Vec<_> = DocReader::new(vec!["/nonexistent/x.jsonl".into()]).collect();
        assert_eq!(items.len(), 1);
        let msg = items[0].as_ref().unwrap_err().to_string();
        assert!(
            msg.starts_with("/nonexistent/x.jsonl: cannot read"),
            "{msg}"
        );
    }
}
