//! The shipped entity model: a golden prediction on a fixed French document, `balise train` and
//! `balise annotate --model` end to end, and clear errors for bad model files.

use balise::model::Tagger;
use balise::{Analysis, Label};
use std::process::Command;

const DOC: &str = "Paris, 3 mars 2017. – Le ministre de l'Intérieur Bruno Le Roux a annoncé lundi à \
Marseille l'ouverture d'une enquête, selon l'Agence France-Presse. La Commission européenne a salué \
cette décision, tout comme l'ONU. Le Parti socialiste réunira ses militants à Lyon avant le Festival \
de Cannes.";

fn names(tagger: &Tagger, text: &str) -> Vec<(String, Label)> {
    tagger
        .tag(&Analysis::new(text))
        .into_iter()
        .map(|e| (text[e.start..e.end].to_string(), e.label))
        .collect()
}

/// Golden output of the shipped model; retraining the model may change it (review, then update).
#[test]
fn golden_prediction_on_a_fixed_document() {
    let got = names(&Tagger::builtin(), DOC);
    let want: Vec<(String, Label)> = [
        ("Paris", Label::LOC),
        ("Intérieur", Label::ORG),
        ("Bruno Le Roux", Label::PER),
        ("Marseille", Label::LOC),
        ("Agence France-Presse", Label::ORG),
        ("Commission européenne", Label::ORG),
        ("ONU", Label::ORG),
        ("Parti socialiste", Label::ORG),
        ("Lyon", Label::LOC),
        ("Festival de Cannes", Label::MISC),
    ]
    .into_iter()
    .map(|(t, l)| (t.to_string(), l))
    .collect();
    assert_eq!(got, want);
}

#[test]
fn curly_apostrophes_and_respacing_give_the_same_names() {
    let t = Tagger::builtin();
    let straight = names(&t, "Selon l'ONU, Ban Ki-moon est arrivé à Kaboul.");
    let curly = names(&t, "Selon l’ONU, Ban Ki-moon est arrivé à Kaboul.");
    let spaced = names(&t, "Selon l' ONU , Ban Ki-moon est arrivé à Kaboul .");
    assert_eq!(straight, curly);
    assert_eq!(straight, spaced);
    assert!(
        straight.contains(&("ONU".to_string(), Label::ORG)),
        "{straight:?}"
    );
}

fn balise() -> Command {
    Command::new(env!("CARGO_BIN_EXE_balise"))
}

#[test]
fn train_then_annotate_with_the_new_model() {
    let dir = std::env::temp_dir().join(format!("balise-model-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let data = dir.join("train.jsonl");
    let mut lines = String::new();
    for (who, place) in [
        ("Anne Morel", "Nantes"),
        ("Paul Girard", "Rennes"),
        ("Léa Roux", "Brest"),
    ] {
        let text = format!("{who} habite à {place} depuis longtemps.");
        let p = text[..text.find(place).unwrap()].chars().count();
        lines += &format!(
            "{{\"id\":\"{who}\",\"text\":\"{text}\",\"entities\":[{{\"start\":0,\"end\":{},\"label\":\"PER\"}},{{\"start\":{p},\"end\":{},\"label\":\"LOC\"}}]}}\n",
            who.chars().count(),
            p + place.chars().count()
        );
    }
    std::fs::write(&data, lines).unwrap();
    let model = dir.join("toy.model");
    let out = balise()
        .args(["train", "--train"])
        .arg(&data)
        .arg("--dev")
        .arg(&data)
        .args([
            "--epochs",
            "4",
            "--min-count",
            "1",
            "--labels",
            "PER,LOC",
            "--out",
        ])
        .arg(&model)
        .output()
        .unwrap();
    let log = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{log}");
    assert!(log.contains("epoch  1") && log.contains("dev"), "{log}");

    let text = dir.join("doc.txt");
    std::fs::write(&text, "Paul Girard habite à Brest depuis longtemps.").unwrap();
    let out = balise()
        .args(["annotate", "--model"])
        .arg(&model)
        .arg(&text)
        .output()
        .unwrap();
    assert!(out.status.success());
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let found: Vec<&str> = doc["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["text"].as_str().unwrap())
        .collect();
    assert_eq!(found, vec!["Paul Girard", "Brest"]);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_bad_model_file_gives_a_clear_error() {
    let dir = std::env::temp_dir().join(format!("balise-badmodel-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.model");
    std::fs::write(&bad, b"PK\x03\x04 not a model").unwrap();
    let out = balise()
        .args(["annotate", "--model"])
        .arg(&bad)
        .arg("-")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("not a Balise model file"), "{err}");

    let model = balise::model::BUILTIN_MODEL;
    std::fs::write(&bad, &model[..model.len() / 3]).unwrap();
    let out = balise()
        .args(["annotate", "--model"])
        .arg(&bad)
        .arg("-")
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("truncated"));
    std::fs::remove_dir_all(&dir).ok();
}
