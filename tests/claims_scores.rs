//! Claim scores on the hand-annotated sets, as `balise eval` computes them: a floor that a change
//! of the rules must not go below (news-dev and the claims-dev development split; the held-out
//! claims-test split is measured in the README, never asserted here).

use balise::eval::{evaluate, LabelSet};
use balise::Document;

fn scores(jsonl: &str) -> balise::eval::ClaimScores {
    let gold: Vec<Document> = jsonl
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let pred: Vec<Document> = gold
        .iter()
        .map(|g| Document::from_annotation(&g.id, &g.text, &balise::annotate(&g.text)))
        .collect();
    let (report, errors) = evaluate(&gold, &pred, LabelSet::default());
    assert!(errors.is_empty(), "{errors:?}");
    report.claims
}

#[test]
fn news_dev_claims_stay_perfect() {
    let s = scores(include_str!("data/news-dev/news-dev.jsonl"));
    assert_eq!(s.detection.f1(), 1.0, "{s:?}");
    assert_eq!(s.full.f1(), 1.0, "{s:?}");
    assert_eq!(s.source_accuracy(), 1.0, "{s:?}");
}

#[test]
fn claims_dev_floor() {
    let s = scores(include_str!("data/claims-dev/claims-dev.jsonl"));
    assert!(
        s.detection.f1() >= 0.99,
        "detection {:.3}",
        s.detection.f1()
    );
    assert!(s.full.f1() >= 0.97, "full {:.3}", s.full.f1());
    assert!(
        s.source_accuracy() >= 0.98,
        "source {:.3}",
        s.source_accuracy()
    );
}
