//! Training-data formats: round trips over odd documents and the gold, the tools' own export
//! shapes (fixtures made by their published formats), bad inputs named by place, never a panic.

use balise::document::{Document, Provenance, Status};
use balise::formats::{
    export, import, DoccanoForm, ErrorKind, ExportOptions, Format, ImportOptions, Imported,
    InputFile,
};
use balise::Label;

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data");

fn read(path: &str) -> Vec<u8> {
    std::fs::read(format!("{DATA}/{path}")).unwrap()
}

fn load(format: Format, path: &str) -> Imported {
    import(
        format,
        &[InputFile::new(path, read(path))],
        &ImportOptions::default(),
    )
}

fn odd() -> Vec<Document> {
    let got = load(Format::Balise, "formats/odd.jsonl");
    assert!(got.is_complete(), "{:?}", got.skipped);
    got.documents
}

fn gold() -> Vec<Document> {
    let got = load(Format::Balise, "news-dev/news-dev.jsonl");
    assert!(got.is_complete(), "{:?}", got.skipped);
    assert_eq!(got.documents.len(), 12);
    got.documents
}

fn round_trip(
    format: Format,
    docs: &[Document],
    opts: &ExportOptions,
) -> (Vec<Document>, Vec<String>) {
    let out = export(format, docs, opts).unwrap();
    let back = import(
        format,
        &[InputFile::new(
            &format!("x.{}", format.extension()),
            out.bytes,
        )],
        &ImportOptions::default(),
    );
    assert!(back.is_complete(), "{format}: {:?}", back.skipped);
    (back.documents, out.warnings)
}

#[test]
fn lossless_formats_give_back_the_same_documents() {
    let docs: Vec<Document> = odd().into_iter().chain(gold()).collect();
    for format in [
        Format::Balise,
        Format::Spacy,
        Format::DocBin,
        Format::Doccano,
        Format::LabelStudio,
        Format::Brat,
    ] {
        let (back, warnings) = round_trip(format, &docs, &ExportOptions::default());
        // DocBin's doc.ents cannot hold overlapping entities (they stay in doc.spans): said, not lost
        assert!(
            warnings.iter().all(|w| w.contains("left out of doc.ents")),
            "{format}: {warnings:?}"
        );
        assert_eq!(back.len(), docs.len(), "{format}");
        for (a, b) in docs.iter().zip(&back) {
            assert_eq!(a, b, "{format}: document {}", a.id);
        }
    }
}

#[test]
fn odd_fixture_has_what_the_round_trip_must_keep() {
    let docs = odd();
    let all = |f: &dyn Fn(&Document) -> bool| docs.iter().any(f);
    assert!(all(&|d| d.text.contains("\r\n")
        && d.text.contains('\u{202F}')
        && d.text.contains('🇫')));
    assert!(all(&|d| d
        .claims
        .iter()
        .any(|c| c.hedged && c.content.text.contains('“'))));
    assert!(all(&|d| d.claims.iter().any(|c| c.source_ref.is_some())));
    assert!(all(&|d| d
        .entities
        .iter()
        .any(|e| e.provenance == Some(Provenance::Suggested))));
    assert!(all(
        &|d| d.status == Some(Status::InProgress) && d.extra.contains_key("meta")
    ));
    assert!(all(&|d| d.text.is_empty()));
}

#[test]
fn doccano_label_form_keeps_spans_and_says_it_drops_links() {
    let docs = odd();
    let opts = ExportOptions {
        doccano: DoccanoForm::Label,
    };
    let out = export(Format::Doccano, &docs, &opts).unwrap();
    let first = String::from_utf8(out.bytes.clone()).unwrap();
    assert!(first.lines().next().unwrap().contains("\"label\":[["));
    assert!(
        out.warnings.iter().any(|w| w.contains("no relations")),
        "{:?}",
        out.warnings
    );
    let back = import(
        Format::Doccano,
        &[InputFile::new("l.jsonl", out.bytes)],
        &ImportOptions::default(),
    );
    // cue/source spans come back unlinked and are reported as skipped, never silently
    assert!(back
        .skipped
        .iter()
        .any(|e| e.message.contains("linked to no claim")));
    for (a, b) in docs.iter().zip(&back.documents) {
        assert_eq!(a.entities, b.entities);
        let contents = |d: &Document| {
            d.claims
                .iter()
                .map(|c| (c.kind, c.content.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(contents(a), contents(b));
    }
}

#[test]
fn conll_keeps_entities_and_says_what_it_drops() {
    let docs: Vec<Document> = odd().into_iter().chain(gold()).collect();
    for format in [Format::Conll, Format::Conll2003] {
        let out = export(format, &docs, &ExportOptions::default()).unwrap();
        let w = out.warnings.join("\n");
        assert!(w.contains("claim not written"), "{w}");
        assert!(w.contains("overlapping"), "{w}");
        let text = String::from_utf8(out.bytes.clone()).unwrap();
        for line in text.lines().filter(|l| !l.is_empty()) {
            let cols = line.split(' ').count();
            assert_eq!(
                cols,
                if format == Format::Conll { 2 } else { 4 },
                "{line:?}"
            );
        }
        let back = import(
            format,
            &[InputFile::new("c.conll", out.bytes.clone())],
            &ImportOptions::default(),
        );
        assert!(back.is_complete(), "{:?}", back.skipped);
        // same entities (text and label, in order), minus the overlapping ones
        let non_empty: Vec<&Document> = docs.iter().collect();
        assert_eq!(back.documents.len(), non_empty.len());
        for (a, b) in non_empty.iter().zip(&back.documents) {
            let mut ents: Vec<_> = a.entities.clone();
            ents.sort_by_key(|e| (e.start, std::cmp::Reverse(e.end)));
            let mut kept: Vec<(String, Label)> = Vec::new();
            let mut end = 0;
            for e in ents {
                if e.start >= end {
                    // CoNLL keeps tokens, not spacing: compare without whitespace
                    let t: String = e.text.chars().filter(|c| !c.is_whitespace()).collect();
                    kept.push((t, e.label));
                    end = e.end;
                }
            }
            let got: Vec<(String, Label)> = b
                .entities
                .iter()
                .map(|e| {
                    (
                        e.text.chars().filter(|c| !c.is_whitespace()).collect(),
                        e.label,
                    )
                })
                .collect();
            assert_eq!(got, kept, "{format}: {}", a.id);
        }
        // a second round keeps the same entities (the bytes may differ: the rebuilt text has
        // different spacing, so the tokenizer may cut it differently)
        let again = export(format, &back.documents, &ExportOptions::default()).unwrap();
        let twice = import(
            format,
            &[InputFile::new("c2.conll", again.bytes)],
            &ImportOptions::default(),
        );
        let squeeze = |d: &Document| -> Vec<(String, Label)> {
            d.entities
                .iter()
                .map(|e| {
                    (
                        e.text.chars().filter(|c| !c.is_whitespace()).collect(),
                        e.label,
                    )
                })
                .collect()
        };
        assert_eq!(twice.documents.len(), back.documents.len());
        for (a, b) in back.documents.iter().zip(&twice.documents) {
            assert_eq!(squeeze(a), squeeze(b), "{format}: second round");
        }
    }
}

#[test]
fn label_studio_project_export_gives_annotations_and_pre_annotations() {
    let got = load(Format::LabelStudio, "formats/label-studio-project.json");
    assert!(got.is_complete(), "{:?}", got.skipped);
    let d = &got.documents;
    assert_eq!(d.len(), 3);
    // task 41: annotation with origins → provenance; relation written right-to-left is understood
    let e: Vec<(&str, Option<Provenance>)> = d[0]
        .entities
        .iter()
        .map(|e| (e.text.as_str(), e.provenance))
        .collect();
    assert_eq!(
        e,
        [
            ("Ashraf Ghani", Some(Provenance::Manual)),
            ("15 juillet 2016", Some(Provenance::Accepted)),
            ("Kaboul", Some(Provenance::Edited)),
        ]
    );
    let c = &d[0].claims[0];
    assert_eq!(c.content.text, "Nous resterons");
    assert_eq!(c.cue.as_ref().unwrap().text, "a déclaré");
    assert_eq!(c.source.as_ref().unwrap().text, "Ashraf Ghani");
    // task 42: predictions only → suggestions; a second label becomes an alt label
    assert!(d[1]
        .entities
        .iter()
        .all(|e| e.provenance == Some(Provenance::Suggested)));
    let ankara = d[1].entities.iter().find(|e| e.text == "Ankara").unwrap();
    assert_eq!(
        (ankara.label, ankara.alt.clone()),
        (Label::LOC, vec![Label::ORG])
    );
    assert_eq!(d[1].claims[0].source.as_ref().unwrap().text, "l’AFP");
    // task 43: the cancelled annotation is ignored; UTF-16 offsets are converted, with a note
    assert_eq!(d[2].entities[0].text, "Emmanuel Macron");
    assert_eq!(
        d[2].claims[0].source.as_ref().unwrap().text,
        "Le président Emmanuel Macron"
    );
    assert!(
        got.notes.iter().any(|n| n.contains("UTF-16")),
        "{:?}",
        got.notes
    );
    assert_eq!(d[2].id, "43");
}

#[test]
fn doccano_project_exports_read_in_both_forms() {
    let got = load(Format::Doccano, "formats/doccano-project.jsonl");
    assert!(got.is_complete(), "{:?}", got.skipped);
    let d = &got.documents;
    assert_eq!(d[0].id, "1201");
    assert_eq!(
        d[0].claims[0].source.as_ref().unwrap().text,
        "Le ministre de l’Intérieur"
    );
    assert_eq!(d[1].claims[0].cue.as_ref().unwrap().text, "D’après");
    assert_eq!(d[1].extra["Comments"][0], "relire la date");
    // doccano's own label names need a map; without it the error names the place and the fix
    let plain = load(Format::Doccano, "formats/doccano-project-label.jsonl");
    let e = plain.skipped[0].to_string();
    assert_eq!(plain.skipped[0].kind, ErrorKind::UnknownLabel);
    assert!(
        e.starts_with("formats/doccano-project-label.jsonl:1: document \"1203\": span label[0]"),
        "{e}"
    );
    assert!(e.contains("--map-label ORGANIZATION=PER"), "{e}");
    let mut opts = ImportOptions::default();
    opts.map_label("ORGANIZATION=ORG").unwrap();
    let mapped = import(
        Format::Doccano,
        &[InputFile::new(
            "p.jsonl",
            read("formats/doccano-project-label.jsonl"),
        )],
        &opts,
    );
    assert!(mapped.is_complete());
    assert_eq!(mapped.documents[0].entities[0].text, "Intérieur");
    assert_eq!(mapped.documents[0].entities[0].label, Label::ORG);
}

fn problems(format: Format, name: &str, bytes: &[u8]) -> Imported {
    import(
        format,
        &[InputFile::new(name, bytes.to_vec())],
        &ImportOptions::default(),
    )
}

#[test]
fn bad_inputs_are_named_by_place_and_the_rest_is_kept() {
    // broken JSON at line 2, the other lines read
    let r = problems(
        Format::Balise,
        "a.jsonl",
        b"{\"id\":\"x\",\"text\":\"Paris\"}\n{\"id\":\"y\",\"text\":\n{\"id\":\"z\",\"text\":\"Lyon\"}\n",
    );
    assert_eq!(r.documents.len(), 2);
    assert!(
        r.skipped[0]
            .to_string()
            .starts_with("a.jsonl:2: invalid JSON"),
        "{}",
        r.skipped[0]
    );
    // offsets past the end of the text
    let r = problems(
        Format::Doccano,
        "d.jsonl",
        "{\"id\":7,\"text\":\"🙂 Paris\",\"label\":[[2,9,\"LOC\"]]}".as_bytes(),
    );
    assert_eq!(r.skipped[0].kind, ErrorKind::Offset);
    let m = r.skipped[0].to_string();
    assert!(m.starts_with("d.jsonl:1: document \"7\": span "), "{m}");
    assert!(m.contains("past the end"), "{m}");
    // a span text that does not match the text (byte offsets, for instance)
    let r = problems(
        Format::Spacy,
        "s.jsonl",
        "{\"text\":\"é Paris\",\"spans\":[{\"start\":3,\"end\":8,\"label\":\"LOC\",\"text\":\"Paris\"}],\"meta\":{\"id\":\"q\"}}".as_bytes(),
    );
    assert_eq!(r.skipped[0].kind, ErrorKind::Offset);
    let r = problems(
        Format::LabelStudio,
        "ls.json",
        "[{\"data\":{\"text\":\"é Paris\"},\"annotations\":[{\"result\":[{\"id\":\"a\",\"type\":\"labels\",\"value\":{\"start\":1,\"end\":6,\"text\":\"Paris\",\"labels\":[\"LOC\"]}}]}]}]".as_bytes(),
    );
    assert_eq!(
        r.skipped[0].kind,
        ErrorKind::TextMismatch,
        "{:?}",
        r.skipped
    );
    assert!(r.skipped[0].to_string().contains("code points"));
    // wrong format: a Label Studio export given as doccano says what it looks like
    let ls = read("formats/label-studio-project.json");
    let r = problems(Format::Doccano, "ls.json", &ls);
    assert!(!r.skipped.is_empty());
    assert!(
        r.skipped[0].to_string().contains("label-studio"),
        "{}",
        r.skipped[0]
    );
    // not UTF-8
    let r = problems(Format::Conll, "c.conll", b"Paris B-LOC\n\xff\n");
    assert_eq!(r.skipped[0].kind, ErrorKind::Utf8);
    // not a zip
    let r = problems(Format::Brat, "b.zip", b"PK\x03\x04 nope");
    assert_eq!(r.skipped[0].kind, ErrorKind::Binary);
    // not a DocBin
    let r = problems(Format::DocBin, "t.spacy", b"hello");
    assert_eq!(r.skipped[0].kind, ErrorKind::Binary);
}

#[test]
fn brat_reads_loose_files_and_refuses_discontinuous_spans_one_by_one() {
    let txt = "New York et Paris\n";
    let ann = "T1\tLOC 0 3;4 8\tNew York\nT2\tLOC 12 17\tParis\nR1\tcue Arg1:T1 Arg2:T2\n#1\tAnnotatorNotes T2\tcapitale\n";
    let r = import(
        Format::Brat,
        &[InputFile::new("a.txt", txt), InputFile::new("a.ann", ann)],
        &ImportOptions::default(),
    );
    assert_eq!(r.documents.len(), 1);
    assert_eq!(r.documents[0].id, "a");
    assert_eq!(r.documents[0].entities[0].text, "Paris");
    let msgs: Vec<String> = r.skipped.iter().map(|e| e.to_string()).collect();
    assert!(
        msgs[0].starts_with("a.ann:1: document \"a\": span T1: discontinuous span (0 3;4 8)"),
        "{msgs:?}"
    );
    assert!(msgs[1].contains("a.ann:3"), "{msgs:?}");
}

#[test]
fn exports_refuse_documents_whose_spans_do_not_fit() {
    let mut d = Document::new("bad", "Paris");
    d.entities.push(balise::document::DocEntity {
        start: 0,
        end: 9,
        label: Label::LOC,
        text: String::new(),
        alt: vec![],
        optional: false,
        provenance: None,
    });
    for f in Format::ALL {
        let e = export(f, std::slice::from_ref(&d), &ExportOptions::default()).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("document \"bad\": span 0..9 LOC:"),
            "{e}"
        );
    }
}

#[test]
fn label_studio_mixed_review_state_is_a_warning() {
    let docs = odd();
    let mut d = docs[1].clone();
    d.entities[0].provenance = Some(Provenance::Suggested);
    let out = export(Format::LabelStudio, &[d], &ExportOptions::default()).unwrap();
    assert!(
        out.warnings.iter().any(|w| w.contains("predictions")),
        "{:?}",
        out.warnings
    );
}

#[test]
fn sniffing_recognises_each_export() {
    let docs = odd();
    for f in Format::ALL {
        let out = export(f, &docs, &ExportOptions::default()).unwrap();
        let name = format!("x.{}", f.extension());
        let guess = balise::formats::sniff(&name, &out.bytes);
        let want = match f {
            Format::Conll2003 | Format::Conll => guess, // the extension is shared; columns decide
            _ => Some(f),
        };
        assert_eq!(guess, want, "{f}");
    }
    let c4 = export(Format::Conll2003, &docs, &ExportOptions::default()).unwrap();
    assert_eq!(
        balise::formats::sniff("x.txt.conll", &c4.bytes),
        Some(Format::Conll2003)
    );
}

/// Every importer on junk, truncations and byte flips of real exports: errors, never a panic.
#[test]
fn importers_never_panic() {
    let docs = odd();
    let mut samples: Vec<Vec<u8>> = vec![
        vec![],
        b"\n\n".to_vec(),
        b"[]".to_vec(),
        b"{}".to_vec(),
        b"null".to_vec(),
        "{\"text\":\"é\",\"spans\":[{\"start\":18446744073709551615,\"end\":0,\"label\":\"PER\"}]}".as_bytes().to_vec(),
        "{\"text\":\"\u{202F}\",\"entities\":[{\"id\":1,\"start_offset\":0,\"end_offset\":1,\"label\":\"PER\"}],\"relations\":[{\"from_id\":1,\"to_id\":1}]}".as_bytes().to_vec(),
        b"T1\tPER 5 2\tx\nR1\tcue Arg1:T9\nA1\tAlt\n".to_vec(),
        b"-DOCSTART-\nI-PER\nx I-PER\n\nx E-PER\n".to_vec(),
        vec![0x78, 0x01, 0xff],
    ];
    for f in Format::ALL {
        let bytes = export(f, &docs, &ExportOptions::default()).unwrap().bytes;
        for cut in [
            1,
            bytes.len() / 3,
            bytes.len() / 2,
            bytes.len().saturating_sub(3),
        ] {
            samples.push(bytes[..cut.min(bytes.len())].to_vec());
        }
        let mut flipped = bytes.clone();
        for i in (0..flipped.len()).step_by(97) {
            flipped[i] ^= 0x5A;
        }
        samples.push(flipped);
    }
    for f in Format::ALL {
        for (i, s) in samples.iter().enumerate() {
            let r = import(
                f,
                &[InputFile::new(&format!("s{i}"), s.clone())],
                &ImportOptions::default(),
            );
            for d in &r.documents {
                // whatever was read fits its text
                assert!(
                    balise::formats::common::checked(d).is_ok(),
                    "{f} sample {i}"
                );
            }
        }
    }
}

/// Every exporter on annotator output for odd texts: no panic, and what it writes reads back.
#[test]
fn exporters_never_panic_on_odd_texts() {
    let texts = [
        "",
        " ",
        "«",
        "e\u{301}\u{301}\u{301}",
        "🙂🇫🇷👩‍👩‍👧",
        "\r\n\r\n",
        "a\u{A0}b\u{202F}c\u{200F}d",
        "« Non », a-t-il dit.\r\nSelon l’AFP, 3\u{202F}500 soldats.",
        "Le 1er mars 2017, Emmanuel Macron a déclaré à Paris : « C’est fini ».",
    ];
    let docs: Vec<Document> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| Document::from_annotation(&format!("t{i}"), t, &balise::annotate(t)))
        .collect();
    for f in Format::ALL {
        let out = export(f, &docs, &ExportOptions::default()).unwrap();
        let back = import(
            f,
            &[InputFile::new("o", out.bytes)],
            &ImportOptions::default(),
        );
        assert!(back.is_complete(), "{f}: {:?}", back.skipped);
    }
}
