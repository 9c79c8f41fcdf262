//! `balise convert` as a real process: stdout or -o, problems and losses on stderr, exit codes.

use std::io::Write;
use std::process::{Command, Output, Stdio};

const ODD: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/formats/odd.jsonl");

fn balise(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_balise"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("balise runs");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn converts_stdin_to_stdout_and_files_to_files() {
    let line = "{\"id\":\"a\",\"text\":\"Selon l’AFP, il pleut à Paris.\",\"entities\":[{\"start\":8,\"end\":11,\"label\":\"ORG\"}]}\n";
    let o = balise(
        &["convert", "--from", "balise", "--to", "doccano"],
        line.as_bytes(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = String::from_utf8(o.stdout.clone()).unwrap();
    assert!(out.contains("\"start_offset\":8"), "{out}");
    assert!(stderr(&o).contains("1 document(s) converted"));

    let dir = std::env::temp_dir().join(format!("balise-convert-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let zip = dir.join("odd.zip");
    let o = balise(
        &[
            "convert",
            "--from",
            "balise",
            "--to",
            "brat",
            ODD,
            "-o",
            zip.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(std::fs::read(&zip).unwrap().starts_with(b"PK\x03\x04"));
    let o = balise(
        &[
            "convert",
            "--from",
            "brat",
            "--to",
            "balise",
            zip.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let original = std::fs::read_to_string(ODD).unwrap();
    let back = String::from_utf8(o.stdout).unwrap();
    let ids = |s: &str| -> Vec<String> {
        s.lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].to_string())
            .collect()
    };
    assert_eq!(ids(&back), ids(&original));
}

#[test]
fn losses_are_warnings_on_stderr() {
    let o = balise(
        &["convert", "--from", "balise", "--to", "conll2003", ODD],
        b"",
    );
    assert_eq!(o.status.code(), Some(0));
    let e = stderr(&o);
    assert!(
        e.contains("warning: conll2003:") && e.contains("claim not written"),
        "{e}"
    );
    assert!(String::from_utf8(o.stdout)
        .unwrap()
        .starts_with("-DOCSTART- -X- -X- O"));
}

#[test]
fn problems_name_their_place_and_strict_writes_nothing() {
    let input = b"{\"id\":\"ok\",\"text\":\"Paris\",\"label\":[[0,5,\"LOC\"]]}\n{\"id\":\"bad\",\"text\":\"Lyon\",\"label\":[[0,5,\"LOC\"]]}\n{oops\n";
    let o = balise(&["convert", "--from", "doccano", "--to", "balise"], input);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(
        e.contains("skipped: stdin:2: document \"bad\": span label[0] 0..5 LOC: "),
        "{e}"
    );
    assert!(e.contains("skipped: stdin:3: invalid JSON"), "{e}");
    assert_eq!(String::from_utf8(o.stdout).unwrap().lines().count(), 1);
    let o = balise(
        &["convert", "--from", "doccano", "--to", "balise", "--strict"],
        input,
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
}

#[test]
fn usage_errors() {
    let o = balise(&["convert", "--from", "excel", "--to", "balise"], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("unknown format \"excel\": use one of balise, spacy, docbin"),
        "{}",
        stderr(&o)
    );
    let o = balise(&["convert", "--to", "balise"], b"");
    assert_eq!(o.status.code(), Some(2));
    let o = balise(
        &[
            "convert",
            "--from",
            "doccano",
            "--to",
            "balise",
            "--map-label",
            "PERSON",
        ],
        b"",
    );
    assert_eq!(o.status.code(), Some(2));
    let o = balise(
        &[
            "convert",
            "--from",
            "doccano",
            "--to",
            "balise",
            "--map-label",
            "PERSON=PER",
        ],
        b"{\"text\":\"Ada\",\"label\":[[0,3,\"PERSON\"]]}\n",
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(String::from_utf8(o.stdout)
        .unwrap()
        .contains("\"label\":\"PER\""));
}
