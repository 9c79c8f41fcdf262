//! Behaviour of the `balise` command line, run as a real process.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

const NEWS_DEV: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/news-dev/news-dev.jsonl"
);

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

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("balise-cli-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn lines(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("each output line is JSON"))
        .collect()
}

/// `text[start..end]` in code points, as Python would slice it.
fn slice(text: &str, start: u64, end: u64) -> String {
    text.chars()
        .skip(start as usize)
        .take((end - start) as usize)
        .collect()
}

/// Every span of an output document must be the code-point slice of its text.
fn assert_spans_are_code_points(doc: &serde_json::Value) {
    let text = doc["text"].as_str().unwrap();
    let check = |s: &serde_json::Value| {
        let (a, b) = (s["start"].as_u64().unwrap(), s["end"].as_u64().unwrap());
        assert_eq!(
            slice(text, a, b),
            s["text"].as_str().unwrap(),
            "span {a}..{b}"
        );
    };
    for e in doc["entities"].as_array().unwrap() {
        check(e);
    }
    for c in doc["claims"].as_array().unwrap() {
        check(&c["content"]);
        for part in ["cue", "source"] {
            if !c[part].is_null() {
                check(&c[part]);
            }
        }
    }
}

#[test]
fn stdin_is_one_document() {
    let out = balise(
        &["annotate"],
        "Le 15 juillet 2016, 3 500 soldats.".as_bytes(),
    );
    assert!(out.status.success());
    let docs = lines(&out);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["id"], "stdin");
    assert_eq!(docs[0]["text"], "Le 15 juillet 2016, 3 500 soldats.");
    assert!(docs[0]["claims"].is_array());
}

#[test]
fn offsets_are_code_points_after_emoji_accents_nbsp_and_crlf() {
    let text = "🙂👨‍👩‍👧 Cafe\u{301}\r\n« Nous resterons\u{202F}», a déclaré le porte\u{2011}parole le 15\u{A0}juillet 2016 à Paris ; 3\u{202F}500 soldats, l’armée.";
    let out = balise(&["annotate", "-"], text.as_bytes());
    assert!(out.status.success());
    let docs = lines(&out);
    assert_eq!(docs[0]["text"], text);
    assert!(!docs[0]["entities"].as_array().unwrap().is_empty());
    assert_spans_are_code_points(&docs[0]);
}

#[test]
fn files_in_order_bad_lines_named_and_the_rest_still_done() {
    let dir = temp_dir("files");
    let txt = dir.join("article.txt");
    std::fs::write(&txt, "Selon l’AFP, 12 personnes sont mortes.").unwrap();
    let jsonl = dir.join("batch.jsonl");
    let mut content = "{\"id\": \"a\", \"text\": \"Lundi, à Lyon.\"}\n{\"text\": broken}\n{\"text\": \"Sans id.\"}\n"
        .as_bytes()
        .to_vec();
    content.extend_from_slice(b"{\"text\": \"caf\xe9\"}\n");
    std::fs::write(&jsonl, content).unwrap();
    let out = balise(
        &["annotate", txt.to_str().unwrap(), jsonl.to_str().unwrap()],
        b"",
    );
    assert_eq!(out.status.code(), Some(2));
    let ids: Vec<String> = lines(&out)
        .iter()
        .map(|d| d["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["article.txt", "a", "batch.jsonl:3"]);
    let err = String::from_utf8(out.stderr).unwrap();
    let errs: Vec<&str> = err.lines().collect();
    assert_eq!(errs.len(), 2, "{err}");
    assert!(errs[0].contains("batch.jsonl:2: invalid JSON"), "{err}");
    assert!(errs[1].contains("batch.jsonl:4: not valid UTF-8"), "{err}");
}

#[test]
fn missing_file_and_bad_options_exit_2() {
    let out = balise(&["annotate", "/no/such/file.txt"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/no/such/file.txt"));
    assert_eq!(
        balise(&["annotate", "--jobs", "0"], b"").status.code(),
        Some(2)
    );
    assert_eq!(balise(&["frobnicate"], b"").status.code(), Some(2));
    assert_eq!(balise(&["eval", NEWS_DEV], b"").status.code(), Some(2));
    let out = balise(&["eval", NEWS_DEV, NEWS_DEV, "--labels", "PER,PLACE"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("PLACE"));
}

#[test]
fn jobs_do_not_change_the_output() {
    let one = balise(&["annotate", "--jobs", "1", NEWS_DEV], b"");
    let three = balise(&["annotate", "--jobs", "3", NEWS_DEV], b"");
    assert!(one.status.success() && three.status.success());
    assert_eq!(one.stdout, three.stdout);
    let docs = lines(&one);
    assert_eq!(docs.len(), 12);
    for d in &docs {
        assert_spans_are_code_points(d);
    }
}

#[test]
fn gold_scored_against_itself_is_perfect() {
    let out = balise(&["eval", NEWS_DEV, NEWS_DEV, "--json"], b"");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r["documents"], 12);
    // 208 gold entities of which 25 optional; 55 claims of which 22 optional
    assert_eq!(r["entities"]["strict"]["tp"], 183);
    assert_eq!(r["entities"]["strict"]["fp"], 0);
    assert_eq!(r["claims"]["detection"]["tp"], 33);
    assert_eq!(r["claims"]["full"]["fn"], 0);
    assert_eq!(
        r["claims"]["source_correct"],
        r["claims"]["attributed_pairs"]
    );
}

#[test]
fn eval_pairs_by_id_and_restricts_labels() {
    let dir = temp_dir("eval");
    let gold = dir.join("gold.jsonl");
    std::fs::write(
        &gold,
        r#"{"id":"1","text":"Ghani à Kaboul","entities":[{"start":0,"end":5,"label":"PER"},{"start":8,"end":14,"label":"LOC"}]}
{"id":"2","text":"Le 3 mai","entities":[{"start":3,"end":8,"label":"DATE"}]}
"#,
    )
    .unwrap();
    let pred = dir.join("pred.json");
    std::fs::write(
        &pred,
        r#"[{"id":"2","text":"Le 3 mai","entities":[{"start":3,"end":4,"label":"NUM"}]},
            {"id":"1","text":"Ghani à Kaboul","entities":[{"start":0,"end":5,"label":"PER"}]}]"#,
    )
    .unwrap();
    let (g, p) = (gold.to_str().unwrap(), pred.to_str().unwrap());
    let out = balise(&["eval", g, p, "--json"], b"");
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r["entities"]["strict"]["tp"], 1);
    assert_eq!(r["entities"]["strict"]["fp"], 1);
    assert_eq!(r["entities"]["strict"]["fn"], 2);
    let out = balise(&["eval", g, p, "--json", "--labels", "PER,LOC"], b"");
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r["entities"]["strict"]["fp"], 0);
    assert_eq!(r["entities"]["strict"]["fn"], 1);
    let table = balise(&["eval", g, p], b"");
    assert!(String::from_utf8(table.stdout)
        .unwrap()
        .contains("all, strict"));
}
