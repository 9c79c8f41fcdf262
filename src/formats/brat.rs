//! brat standoff: for each document a `.txt` (the text, byte for byte) and a `.ann`, here packed in
//! one zip with an `annotation.conf` describing the types.
//!
//! ```text
//! T1→PER 30 42→Ashraf Ghani
//! T2→CLAIM_DIRECT 2 16→Nous resterons
//! T3→CUE 20 29→a déclaré
//! R1→cue Arg1:T2 Arg2:T3
//! A1→Alt T1 ORG
//! A2→Optional T2
//! ```
//! (`→` stands for a tab.)
//!
//! Offsets are code points, end exclusive. Entities and claim parts are text-bound annotations
//! (`T`), claim links are relations `cue`/`source`/`source_ref` (`R`) from the `CLAIM_<KIND>`
//! annotation, and flags are attributes (`A`): `Alt` (one line per alt label), `Optional`,
//! `Hedged`, `Provenance`. A span text containing a line break is written with spaces there (a
//! `.ann` line cannot hold a line break). `documents.jsonl` in the zip keeps each document's id,
//! status and other fields (brat ignores it). Discontinuous spans (`0 5;9 14`), events and
//! normalisations are refused on import, one by one, with their place.

use super::common::{self, utf8, Flat, Role, SpanExtra, TextCheck};
use super::error::{ErrorKind, FormatError, Place};
use super::zip::{read_zip, ZipEntry, ZipWriter};
use super::{Exported, ImportOptions, Imported, InputFile};
use crate::annotation::Label;
use crate::document::{DocClaim, DocEntity, DocSpan, Document, Provenance, Status};
use serde_json::{json, Map, Value};
use std::collections::{BTreeMap, HashMap, HashSet};

const MANIFEST: &str = "documents.jsonl";

fn annotation_conf() -> String {
    let claims: Vec<String> = crate::ClaimKind::ALL
        .iter()
        .map(|k| Role::Claim(*k).label())
        .collect();
    let claims = claims.join("|");
    let ents: Vec<&str> = Label::ALL.iter().map(|l| l.as_str()).collect();
    let ents = ents.join("|");
    let mut s = String::from("# Balise: entities, claims and their cue/source links\n[entities]\n");
    for l in Role::all_labels() {
        s.push_str(&l);
        s.push('\n');
    }
    s.push_str("[relations]\n");
    s.push_str(&format!("cue\tArg1:{claims}, Arg2:CUE\n"));
    s.push_str(&format!("source\tArg1:{claims}, Arg2:SOURCE\n"));
    s.push_str(&format!("source_ref\tArg1:{claims}, Arg2:SOURCE_REF\n"));
    s.push_str("<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n");
    s.push_str("[events]\n[attributes]\n");
    s.push_str(&format!("Alt\tArg:{ents}, Value:{ents}\n"));
    s.push_str("Optional\tArg:<ENTITY>\n");
    s.push_str(&format!("Hedged\tArg:{claims}\n"));
    s.push_str("Provenance\tArg:<ENTITY>, Value:model|accepted|edited|manual\n");
    s
}

/// A file name for a document id: letters, digits, `.`, `-`, `_` kept, the rest as `_`.
fn file_stem(id: &str, n: usize, used: &mut HashSet<String>) -> String {
    let mut s: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect();
    s = s.trim_start_matches('.').to_string();
    if s.is_empty() {
        s = format!("doc-{n}");
    }
    let mut name = s.clone();
    let mut k = 2;
    while !used.insert(name.clone()) {
        name = format!("{s}-{k}");
        k += 1;
    }
    name
}

/// The `.ann` content of one document.
pub fn ann(doc: &Document) -> String {
    let flat = Flat::of(doc);
    let mut out = String::new();
    for (i, s) in flat.spans.iter().enumerate() {
        let text: String = s
            .text
            .chars()
            .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
            .collect();
        out.push_str(&format!(
            "T{}\t{} {} {}\t{}\n",
            i + 1,
            s.role.label(),
            s.start,
            s.end,
            text
        ));
    }
    for (i, r) in flat.relations.iter().enumerate() {
        out.push_str(&format!(
            "R{}\t{} Arg1:T{} Arg2:T{}\n",
            i + 1,
            r.role.relation(),
            r.from + 1,
            r.to + 1
        ));
    }
    let mut a = 0;
    let mut attr = |out: &mut String, line: String| {
        a += 1;
        out.push_str(&format!("A{a}\t{line}\n"));
    };
    for (i, s) in flat.spans.iter().enumerate() {
        let t = i + 1;
        for l in &s.extra.alt {
            attr(&mut out, format!("Alt T{t} {l}"));
        }
        if s.extra.optional {
            attr(&mut out, format!("Optional T{t}"));
        }
        if s.extra.hedged {
            attr(&mut out, format!("Hedged T{t}"));
        }
        if let Some(p) = s.extra.provenance {
            attr(&mut out, format!("Provenance T{t} {}", p.as_str()));
        }
    }
    out
}

/// Writes a zip of `.txt` + `.ann` pairs, `annotation.conf` and `documents.jsonl`.
pub fn export(docs: &[Document]) -> Exported {
    let mut zip = ZipWriter::new();
    let mut used = HashSet::new();
    let mut manifest = String::new();
    let mut warnings = Vec::new();
    let mut add = |zip: &mut ZipWriter, name: &str, bytes: &[u8]| {
        if let Err(e) = zip.add(name, bytes) {
            warnings.push(format!("brat: {e}"));
        }
    };
    add(&mut zip, "annotation.conf", annotation_conf().as_bytes());
    for (n, d) in docs.iter().enumerate() {
        let stem = file_stem(&d.id, n + 1, &mut used);
        add(&mut zip, &format!("{stem}.txt"), d.text.as_bytes());
        add(&mut zip, &format!("{stem}.ann"), ann(d).as_bytes());
        let mut m = Map::new();
        m.insert("file".into(), json!(stem));
        m.insert("id".into(), json!(d.id));
        if let Some(s) = d.status {
            m.insert("status".into(), json!(s.as_str()));
        }
        for (k, v) in &d.extra {
            if !["file", "id", "status"].contains(&k.as_str()) {
                m.insert(k.clone(), v.clone());
            }
        }
        manifest.push_str(&Value::Object(m).to_string());
        manifest.push('\n');
    }
    add(&mut zip, MANIFEST, manifest.as_bytes());
    let bytes = zip.finish().unwrap_or_else(|e| {
        warnings.push(format!("brat: {e}"));
        Vec::new()
    });
    Exported { bytes, warnings }
}

fn same_text(said: &str, found: &str) -> bool {
    let norm = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    said == found || norm(said) == norm(found)
}

/// Reads one `.ann` against its text.
fn read_ann(
    file: &str,
    text: &str,
    ann: &str,
    id: &str,
    opts: &ImportOptions,
    skipped: &mut Vec<FormatError>,
) -> Result<Document, FormatError> {
    let check = TextCheck::new(text);
    let mut doc = Document::new(id, text);
    let place = |line: usize| Place::file(file).line(line).document(id);
    // T id → (role, start, end, text, line)
    let mut spans: BTreeMap<String, (Role, usize, usize, String, usize)> = BTreeMap::new();
    let mut order: Vec<String> = Vec::new();
    let mut refused: HashSet<String> = HashSet::new();
    let mut rels: Vec<(String, String, String, usize)> = Vec::new();
    let mut extras: HashMap<String, SpanExtra> = HashMap::new();
    for (i, raw) in ann.lines().enumerate() {
        let line_no = i + 1;
        let line = raw.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        let mut fields = line.splitn(3, '\t');
        let aid = fields.next().unwrap_or("").trim().to_string();
        let body = fields.next().unwrap_or("");
        let tail = fields.next();
        let at = || place(line_no).span(aid.clone());
        match aid.chars().next() {
            Some('T') => {
                let mut parts = body.splitn(2, ' ');
                let typ = parts.next().unwrap_or("");
                let offs = parts.next().unwrap_or("");
                if offs.contains(';') {
                    refused.insert(aid.clone());
                    skipped.push(FormatError::new(
                        ErrorKind::Unsupported,
                        at(),
                        format!("discontinuous span ({offs}): Balise holds one continuous span per annotation; join the fragments in brat or remove it. Skipped"),
                    ));
                    continue;
                }
                let nums: Vec<Option<usize>> =
                    offs.split_whitespace().map(|n| n.parse().ok()).collect();
                let (Some(Some(start)), Some(Some(end)), 2) =
                    (nums.first().copied(), nums.get(1).copied(), nums.len())
                else {
                    return Err(FormatError::new(
                        ErrorKind::Syntax,
                        at(),
                        format!("expected \"TYPE START END\", found {body:?}"),
                    ));
                };
                let role = match common::parse_role(typ, opts) {
                    Ok(Some(r)) => r,
                    Ok(None) => {
                        refused.insert(aid.clone());
                        continue;
                    }
                    Err(m) => return Err(FormatError::new(ErrorKind::UnknownLabel, at(), m)),
                };
                let found = check
                    .slice(start, end)
                    .map_err(|m| FormatError::new(ErrorKind::Offset, at(), m))?;
                if let Some(said) = tail {
                    if !same_text(said, found) {
                        return Err(FormatError::new(
                            ErrorKind::TextMismatch,
                            at(),
                            format!("the .ann says {said:?} but the .txt at {start}..{end} is {found:?}; offsets must count code points in the .txt"),
                        ));
                    }
                }
                order.push(aid.clone());
                spans.insert(aid, (role, start, end, found.to_string(), line_no));
            }
            Some('R') => {
                let mut parts = body.split_whitespace();
                let typ = parts.next().unwrap_or("").to_string();
                let args: HashMap<&str, &str> = parts.filter_map(|p| p.split_once(':')).collect();
                let (Some(a1), Some(a2)) = (args.get("Arg1"), args.get("Arg2")) else {
                    return Err(FormatError::new(
                        ErrorKind::Syntax,
                        at(),
                        format!("expected \"TYPE Arg1:T1 Arg2:T2\", found {body:?}"),
                    ));
                };
                rels.push((a1.to_string(), a2.to_string(), typ, line_no));
            }
            Some('A') | Some('M') => {
                let parts: Vec<&str> = body.split_whitespace().collect();
                let (Some(name), Some(target)) = (parts.first(), parts.get(1)) else {
                    return Err(FormatError::new(
                        ErrorKind::Syntax,
                        at(),
                        format!("expected \"NAME T1 [VALUE]\", found {body:?}"),
                    ));
                };
                let value = parts.get(2).copied();
                let x = extras.entry(target.to_string()).or_default();
                match (*name, value) {
                    ("Alt", Some(v)) => match v.parse::<Label>() {
                        Ok(l) => x.alt.push(l),
                        Err(e) => skipped.push(FormatError::new(ErrorKind::UnknownLabel, at(), format!("{e}; attribute skipped"))),
                    },
                    ("Optional", _) => x.optional = true,
                    ("Hedged", _) => x.hedged = true,
                    ("Provenance", Some(v)) if Provenance::parse(v).is_some() => {
                        x.provenance = Provenance::parse(v)
                    }
                    _ => skipped.push(FormatError::new(
                        ErrorKind::Unsupported,
                        at(),
                        format!("attribute {name:?} is not one Balise holds (Alt, Optional, Hedged, Provenance); skipped"),
                    )),
                }
            }
            Some('#') => {}
            _ => skipped.push(FormatError::new(
                ErrorKind::Unsupported,
                at(),
                "events, normalisations and equivalences are not annotations Balise holds; skipped",
            )),
        }
    }
    // entities and claims, in file order
    let mut claim_of: HashMap<String, usize> = HashMap::new();
    for aid in &order {
        let (role, start, end, found, _) = &spans[aid];
        let x = extras.remove(aid).unwrap_or_default();
        match role {
            Role::Entity(label) => doc.entities.push(DocEntity {
                start: *start,
                end: *end,
                label: *label,
                text: found.clone(),
                alt: x.alt,
                optional: x.optional,
                provenance: x.provenance,
            }),
            Role::Claim(kind) => {
                claim_of.insert(aid.clone(), doc.claims.len());
                doc.claims.push(DocClaim {
                    kind: *kind,
                    content: DocSpan {
                        start: *start,
                        end: *end,
                        text: found.clone(),
                    },
                    cue: None,
                    source: None,
                    source_ref: None,
                    hedged: x.hedged,
                    optional: x.optional,
                    provenance: x.provenance,
                });
            }
            _ => {}
        }
    }
    let mut linked: HashSet<&str> = HashSet::new();
    for (a1, a2, typ, line_no) in &rels {
        let at = place(*line_no);
        if refused.contains(a1) || refused.contains(a2) {
            skipped.push(FormatError::new(
                ErrorKind::Unsupported,
                at,
                format!("relation {typ} uses an annotation that was skipped; skipped"),
            ));
            continue;
        }
        let (claim, part) = match (claim_of.get(a1), claim_of.get(a2)) {
            (Some(&c), None) => (c, a2),
            (None, Some(&c)) => (c, a1),
            _ => {
                skipped.push(FormatError::new(
                    ErrorKind::Unsupported,
                    at,
                    format!(
                        "relation {typ} {a1}→{a2} is not claim → CUE/SOURCE/SOURCE_REF; skipped"
                    ),
                ));
                continue;
            }
        };
        let Some((role, start, end, found, _)) = spans.get(part) else {
            skipped.push(FormatError::new(
                ErrorKind::Syntax,
                at,
                format!("relation {typ} refers to {part}, which is not in the file; skipped"),
            ));
            continue;
        };
        let span = Some(DocSpan {
            start: *start,
            end: *end,
            text: found.clone(),
        });
        let c = &mut doc.claims[claim];
        let slot = match role {
            Role::Cue => &mut c.cue,
            Role::Source => &mut c.source,
            Role::SourceRef => &mut c.source_ref,
            _ => {
                skipped.push(FormatError::new(
                    ErrorKind::Unsupported,
                    at,
                    format!("relation {typ} points to a {} annotation, not CUE/SOURCE/SOURCE_REF; skipped", role.label()),
                ));
                continue;
            }
        };
        *slot = span;
        linked.insert(part.as_str());
    }
    for (aid, (role, _, _, found, line_no)) in &spans {
        if role.is_part() && !linked.contains(aid.as_str()) {
            skipped.push(FormatError::new(
                ErrorKind::Unsupported,
                place(*line_no).span(aid.clone()),
                format!("{} {found:?} is linked to no claim; skipped", role.label()),
            ));
        }
    }
    for t in extras.keys() {
        if !refused.contains(t) {
            skipped.push(FormatError::new(
                ErrorKind::Syntax,
                Place::file(file).document(id),
                format!("attribute on {t}, which is not a span of the file; skipped"),
            ));
        }
    }
    Ok(doc)
}

fn join(folder: &str, file: &str) -> String {
    if folder.is_empty() {
        file.to_string()
    } else {
        format!("{folder}/{file}")
    }
}

/// Reads brat documents from zips and/or loose `.txt`/`.ann` files.
pub fn import(files: &[InputFile], opts: &ImportOptions, out: &mut Imported) {
    let mut entries: Vec<ZipEntry> = Vec::new();
    for f in files {
        let lower = f.name.to_ascii_lowercase();
        if f.bytes.starts_with(b"PK") || lower.ends_with(".zip") {
            match read_zip(&f.name, &f.bytes) {
                Ok(es) => entries.extend(es.into_iter().map(|e| ZipEntry {
                    name: format!("{}/{}", f.name, e.name),
                    content: e.content,
                })),
                Err(e) => out.skipped.push(e),
            }
        } else {
            entries.push(ZipEntry {
                name: f.name.clone(),
                content: f.bytes.clone(),
            });
        }
    }
    // manifests: folder → file stem → record
    let mut manifest: HashMap<String, Value> = HashMap::new();
    let mut order: Vec<String> = Vec::new();
    let mut txt: BTreeMap<String, &ZipEntry> = BTreeMap::new();
    let mut anns: BTreeMap<String, &ZipEntry> = BTreeMap::new();
    for e in &entries {
        let base = e.name.rsplit('/').next().unwrap_or(&e.name);
        if base.starts_with("._") || e.name.contains("__MACOSX/") {
            continue;
        }
        let folder = e.name.rsplit_once('/').map_or("", |(d, _)| d);
        if base == MANIFEST {
            if let Ok(t) = utf8(&e.name, &e.content) {
                for line in t.lines() {
                    if let Ok(v) = serde_json::from_str::<Value>(line) {
                        if let Some(file) = v.get("file").and_then(Value::as_str) {
                            order.push(join(folder, file));
                            manifest.insert(join(folder, file), v);
                        }
                    }
                }
            }
        } else if let Some(stem) = e.name.strip_suffix(".txt") {
            txt.insert(stem.to_string(), e);
        } else if let Some(stem) = e.name.strip_suffix(".ann") {
            anns.insert(stem.to_string(), e);
        } else if !base.ends_with(".conf") {
            out.notes
                .push(format!("{}: not a .txt or .ann file; ignored", e.name));
        }
    }
    for (stem, a) in &anns {
        if !txt.contains_key(stem) {
            out.skipped.push(FormatError::new(
                ErrorKind::WrongFormat,
                Place::file(&a.name),
                "no .txt file of the same name: brat needs the text beside each .ann; add it (or the zip holding both)",
            ));
        }
    }
    if txt.is_empty() && anns.is_empty() && out.skipped.is_empty() {
        out.skipped.push(FormatError::new(
            ErrorKind::WrongFormat,
            Place::default(),
            "no brat .txt/.ann pair found; give a zip of them or the files themselves",
        ));
    }
    // documents in the manifest's order, then the others by name
    let rank = |stem: &str| order.iter().position(|o| o == stem).unwrap_or(usize::MAX);
    let mut stems: Vec<&String> = txt.keys().collect();
    stems.sort_by_key(|s| rank(s));
    for stem in stems {
        let t = txt[stem];
        let base = stem.rsplit('/').next().unwrap_or(stem);
        let folder = stem.rsplit_once('/').map_or("", |(d, _)| d);
        let record = manifest.get(&join(folder, base));
        let id = record
            .and_then(|r| common::id_string(r.get("id")))
            .unwrap_or_else(|| base.to_string());
        let text = match utf8(&t.name, &t.content) {
            Ok(s) => s,
            Err(e) => {
                out.skipped.push(e.in_document(&id));
                continue;
            }
        };
        let ann_text = match anns.get(stem) {
            Some(a) => match utf8(&a.name, &a.content) {
                Ok(s) => s.to_string(),
                Err(e) => {
                    out.skipped.push(e.in_document(&id));
                    continue;
                }
            },
            None => {
                out.notes.push(format!(
                    "{}: no .ann beside it; read as a document without annotations",
                    t.name
                ));
                String::new()
            }
        };
        let ann_name = format!("{stem}.ann");
        let mut skipped = Vec::new();
        match read_ann(&ann_name, text, &ann_text, &id, opts, &mut skipped) {
            Ok(mut doc) => {
                if let Some(r) = record.and_then(Value::as_object) {
                    doc.status = r
                        .get("status")
                        .and_then(Value::as_str)
                        .and_then(Status::parse);
                    for (k, v) in r {
                        if !["file", "id", "status"].contains(&k.as_str()) {
                            doc.extra.insert(k.clone(), v.clone());
                        }
                    }
                }
                out.documents.push(doc);
                out.skipped.extend(skipped);
            }
            Err(e) => out.skipped.push(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn discontinuous_span_is_refused_by_name_and_the_rest_kept() {
        let text = "New York et Paris";
        let ann = "T1\tLOC 0 3;4 8\tNew York\nT2\tLOC 12 17\tParis\nA1\tAlt T2 ORG\n";
        let mut skipped = Vec::new();
        let d = read_ann(
            "x.ann",
            text,
            ann,
            "x",
            &ImportOptions::default(),
            &mut skipped,
        )
        .unwrap();
        assert_eq!(d.entities.len(), 1);
        assert_eq!(d.entities[0].text, "Paris");
        assert_eq!(d.entities[0].alt, vec![Label::ORG]);
        let msg = skipped[0].to_string();
        assert!(
            msg.starts_with("x.ann:1: document \"x\": span T1: discontinuous"),
            "{msg}"
        );
    }

    #[test]
    fn text_mismatch_names_the_line() {
        let err = read_ann(
            "y.ann",
            "🙂 Paris",
            "T1\tLOC 1 6\tParis\n",
            "y",
            &ImportOptions::default(),
            &mut vec![],
        )
        .unwrap_err();
        assert_eq!(err.kind, ErrorKind::TextMismatch);
        assert!(err.to_string().starts_with("y.ann:1:"), "{err}");
    }
}
