//! spaCy `DocBin` (`.spacy`), the training format of `spacy train`: a zlib stream holding a
//! MessagePack map `{"version", "attrs", "tokens", "spaces", "lengths", "strings", "cats",
//! "flags", "span_groups", "user_data"}`, where `tokens` is a row-major `uint64` array (one row
//! per token, one column per attribute ID in `attrs`), `spaces` one byte per token, `lengths` one
//! `int32` per document, and strings are referred to by their 64-bit hash (MurmurHash64A, seed 1)
//! or, for spaCy's reserved symbols, by their symbol ID. Layout read from spaCy's
//! `tokens/_serialize.py` and `tokens/span_group.pyx`.
//!
//! Written here: attributes `ORTH`, `ENT_IOB`, `ENT_TYPE`, `SENT_START` (so `doc.ents` holds the
//! entities that do not overlap, and `doc.sents` Balise's sentences), span groups `entities`
//! (every entity), `claims` (label `CLAIM_<KIND>`, span id `claim-N`), `cues`, `sources`,
//! `source_refs` (span id = the id of their claim), and `user_data["balise"]`, a JSON string with
//! the document id, status, other fields and the flags spans cannot carry (alt, optional, hedged,
//! provenance). Written with stored zlib blocks (no compressor needed); spaCy-made files
//! (compressed) are read too.

use super::common::{self, Extras, Losses, Role};
use super::error::{ErrorKind, FormatError, Place};
use super::msgpack::{self, Mp};
use super::spacy::Tokenized;
use super::zip::{zlib_inflate, zlib_store};
use super::{Exported, ImportOptions, Imported, InputFile};
use crate::annotation::Label;
use crate::document::{DocClaim, DocEntity, DocSpan, Document};
use serde_json::{json, Value};
use std::collections::{BTreeSet, HashMap};

const ORTH: u64 = 65;
const ENT_IOB: u64 = 77;
const ENT_TYPE: u64 = 78;
const SENT_START: u64 = 80;

/// MurmurHash64A (Austin Appleby's public-domain algorithm), as spaCy hashes strings.
pub fn murmur64a(key: &[u8], seed: u64) -> u64 {
    const M: u64 = 0xc6a4_a793_5bd1_e995;
    const R: u32 = 47;
    let mut h = seed ^ (key.len() as u64).wrapping_mul(M);
    let mut chunks = key.chunks_exact(8);
    for c in &mut chunks {
        let mut k = u64::from_le_bytes(c.try_into().expect("8 bytes"));
        k = k.wrapping_mul(M);
        k ^= k >> R;
        k = k.wrapping_mul(M);
        h ^= k;
        h = h.wrapping_mul(M);
    }
    let tail = chunks.remainder();
    if !tail.is_empty() {
        for (i, &b) in tail.iter().enumerate() {
            h ^= (b as u64) << (8 * i);
        }
        h = h.wrapping_mul(M);
    }
    h ^= h >> R;
    h = h.wrapping_mul(M);
    h ^= h >> R;
    h
}

/// spaCy's reserved symbols in ID order (`spacy.symbols`): strings equal to one of them are
/// stored as that small ID instead of their hash. `FLAGnn` and `DEPRECATEDnnn` runs are
/// generated. The interop test checks this against the installed spaCy.
const SYMBOLS: &str = "IS_ALPHA IS_ASCII IS_DIGIT IS_LOWER IS_PUNCT IS_SPACE IS_TITLE IS_UPPER \
LIKE_URL LIKE_NUM LIKE_EMAIL IS_STOP IS_OOV_DEPRECATED IS_BRACKET IS_QUOTE IS_LEFT_PUNCT \
IS_RIGHT_PUNCT IS_CURRENCY FLAG19-63 ID ORTH LOWER NORM SHAPE PREFIX SUFFIX LENGTH CLUSTER LEMMA \
POS TAG DEP ENT_IOB ENT_TYPE HEAD SENT_START SPACY PROB LANG ADJ ADP ADV AUX CONJ CCONJ DET INTJ \
NOUN NUM PART PRON PROPN PUNCT SCONJ SYM VERB X EOL SPACE DEPRECATED001-276 PERSON NORP FACILITY \
ORG GPE LOC PRODUCT EVENT WORK_OF_ART LANGUAGE LAW DATE TIME PERCENT MONEY QUANTITY ORDINAL \
CARDINAL acomp advcl advmod agent amod appos attr aux auxpass cc ccomp complm conj cop csubj \
csubjpass dep det dobj expl hmod hyph infmod intj iobj mark meta neg nmod nn npadvmod nsubj \
nsubjpass num number oprd obj obl parataxis partmod pcomp pobj poss possessive preconj prep prt \
punct quantmod relcl rcmod root xcomp acl ENT_KB_ID MORPH ENT_ID IDX _";

fn symbols() -> &'static HashMap<String, u64> {
    static TABLE: std::sync::OnceLock<HashMap<String, u64>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut m = HashMap::new();
        let mut id = 1u64;
        for name in SYMBOLS.split_whitespace() {
            let run = name
                .strip_prefix("FLAG")
                .map(|r| ("FLAG", r, 2))
                .or_else(|| {
                    name.strip_prefix("DEPRECATED")
                        .map(|r| ("DEPRECATED", r, 3))
                });
            if let Some((prefix, Some((a, b)), width)) =
                run.map(|(p, r, w)| (p, r.split_once('-'), w))
            {
                let (a, b): (u64, u64) = (a.parse().unwrap_or(0), b.parse().unwrap_or(0));
                for n in a..=b {
                    m.insert(format!("{prefix}{n:0width$}"), id);
                    id += 1;
                }
            } else {
                m.insert(name.to_string(), id);
                id += 1;
            }
        }
        m
    })
}

/// The ID spaCy gives a string: 0 for "", a symbol ID, or the string's hash.
pub fn string_id(s: &str) -> u64 {
    if s.is_empty() {
        return 0;
    }
    symbols()
        .get(s)
        .copied()
        .unwrap_or_else(|| murmur64a(s.as_bytes(), 1))
}

fn s(x: &str) -> Mp {
    Mp::Str(x.to_string())
}

fn span_bytes(id: u64, label: u64, tok: (usize, usize), chars: (usize, usize)) -> Mp {
    let mut b = Vec::with_capacity(40);
    b.extend_from_slice(&id.to_be_bytes());
    b.extend_from_slice(&0u64.to_be_bytes()); // kb_id
    b.extend_from_slice(&label.to_be_bytes());
    for v in [tok.0, tok.1 + 1, chars.0, chars.1] {
        b.extend_from_slice(&(v as i32).to_be_bytes());
    }
    Mp::Bin(b)
}

/// Writes a DocBin.
pub fn export(docs: &[Document]) -> Exported {
    let mut strings: BTreeSet<String> = BTreeSet::new();
    let mut tokens: Vec<u8> = Vec::new();
    let mut spaces: Vec<u8> = Vec::new();
    let mut lengths: Vec<u8> = Vec::new();
    let mut span_groups = Vec::new();
    let mut user_data = Vec::new();
    let mut losses = Losses::default();
    for doc in docs {
        let t = Tokenized::new(doc);
        // doc.ents: entities that do not overlap, on token boundaries
        let mut ents: Vec<&DocEntity> = doc.entities.iter().filter(|e| e.start < e.end).collect();
        ents.sort_by_key(|e| (e.start, std::cmp::Reverse(e.end)));
        let mut iob = vec![(2u64, 0u64); t.toks.len()];
        let mut last_end = 0;
        for e in ents {
            let Some((a, b)) = t.range(e.start, e.end) else {
                continue;
            };
            if a < last_end {
                losses.add(
                    "overlapping entity left out of doc.ents (it is in doc.spans[\"entities\"])",
                    &doc.id,
                );
                continue;
            }
            for (i, slot) in iob.iter_mut().enumerate().take(b + 1).skip(a) {
                *slot = (if i == a { 3 } else { 1 }, string_id(e.label.as_str()));
            }
            strings.insert(e.label.as_str().to_string());
            last_end = b + 1;
        }
        for (i, k) in t.toks.iter().enumerate() {
            let word = &doc.text[k.start..k.end];
            strings.insert(word.to_string());
            let sent = if i == 0 || k.sent_start {
                1u64
            } else {
                u64::MAX
            };
            for v in [string_id(word), iob[i].0, iob[i].1, sent] {
                tokens.extend_from_slice(&v.to_le_bytes());
            }
            spaces.push(u8::from(k.ws));
        }
        lengths.extend_from_slice(&(t.toks.len() as i32).to_le_bytes());
        // span groups
        let mut groups: Vec<(&str, Vec<Mp>)> = vec![
            ("entities", vec![]),
            ("claims", vec![]),
            ("cues", vec![]),
            ("sources", vec![]),
            ("source_refs", vec![]),
        ];
        let mut push = |g: usize,
                        start: usize,
                        end: usize,
                        label: String,
                        id: &str,
                        strings: &mut BTreeSet<String>| {
            if t.range(start, end).is_none() {
                losses.add("span left out: it starts or ends inside whitespace, where spaCy has no token boundary", &doc.id);
            }
            if let Some(r) = t.range(start, end) {
                groups[g].1.push(span_bytes(
                    string_id(id),
                    string_id(&label),
                    r,
                    (start, end),
                ));
                strings.insert(label);
                if !id.is_empty() {
                    strings.insert(id.to_string());
                }
            }
        };
        for e in &doc.entities {
            push(0, e.start, e.end, e.label.as_str().into(), "", &mut strings);
        }
        for (n, c) in doc.claims.iter().enumerate() {
            let id = format!("claim-{n}");
            push(
                1,
                c.content.start,
                c.content.end,
                Role::Claim(c.kind).label(),
                &id,
                &mut strings,
            );
            for (g, part, role) in [
                (2, &c.cue, Role::Cue),
                (3, &c.source, Role::Source),
                (4, &c.source_ref, Role::SourceRef),
            ] {
                if let Some(p) = part {
                    push(g, p.start, p.end, role.label(), &id, &mut strings);
                }
            }
        }
        let mut sg: Vec<(Mp, Mp)> = Vec::new();
        for (name, spans) in groups {
            if spans.is_empty() {
                continue;
            }
            let group = Mp::Map(vec![
                (s("name"), s(name)),
                (s("attrs"), Mp::Map(vec![])),
                (s("spans"), Mp::Array(spans)),
            ]);
            sg.push((
                Mp::Bin(msgpack::encode_to_vec(&group)),
                Mp::Array(vec![s(name)]),
            ));
        }
        span_groups.push(Mp::Bin(if sg.is_empty() {
            msgpack::encode_to_vec(&Mp::Array(vec![]))
        } else {
            msgpack::encode_to_vec(&Mp::Map(sg))
        }));
        let mut extra = serde_json::Map::new();
        extra.insert("id".into(), json!(doc.id));
        if !doc.extra.is_empty() {
            extra.insert("fields".into(), Value::Object(doc.extra.clone()));
        }
        if let Some(x) = Extras::of(doc).to_json() {
            extra.insert("balise".into(), x);
        }
        let ud = Mp::Map(vec![(s("balise"), s(&Value::Object(extra).to_string()))]);
        user_data.push(Mp::Bin(msgpack::encode_to_vec(&ud)));
    }
    let n = docs.len();
    let msg = Mp::Map(vec![
        (s("version"), s("0.1")),
        (
            s("attrs"),
            Mp::Array([ORTH, ENT_IOB, ENT_TYPE, SENT_START].map(Mp::UInt).to_vec()),
        ),
        (s("tokens"), Mp::Bin(tokens)),
        (s("spaces"), Mp::Bin(spaces)),
        (s("lengths"), Mp::Bin(lengths)),
        (
            s("strings"),
            Mp::Array(strings.into_iter().map(Mp::Str).collect()),
        ),
        (s("cats"), Mp::Array(vec![Mp::Map(vec![]); n])),
        (
            s("flags"),
            Mp::Array(vec![
                Mp::Map(vec![(
                    s("has_unknown_spaces"),
                    Mp::Bool(false)
                )]);
                n
            ]),
        ),
        (s("span_groups"), Mp::Array(span_groups)),
        (s("user_data"), Mp::Array(user_data)),
    ]);
    Exported {
        bytes: zlib_store(&msgpack::encode_to_vec(&msg)),
        warnings: losses.warnings("docbin"),
    }
}

fn bad(file: &str, m: impl Into<String>) -> FormatError {
    FormatError::new(ErrorKind::Binary, Place::file(file), m)
}

/// A span read from a span group: label, code-point offsets, span id.
struct GroupSpan {
    label: String,
    start: usize,
    end: usize,
    id: String,
}

fn read_groups(
    bytes: &[u8],
    names: &HashMap<u64, String>,
) -> Result<HashMap<String, Vec<GroupSpan>>, String> {
    let mut out = HashMap::new();
    if bytes.is_empty() {
        return Ok(out);
    }
    let v = msgpack::decode(bytes)?;
    let groups: Vec<(Vec<u8>, Option<String>)> = match &v {
        Mp::Array(a) => a
            .iter()
            .filter_map(|g| g.as_bytes().map(|b| (b.to_vec(), None)))
            .collect(),
        Mp::Map(kv) => kv
            .iter()
            .filter_map(|(k, keys)| {
                let first = keys
                    .as_array()
                    .and_then(|a| a.first())
                    .and_then(Mp::as_str)
                    .map(str::to_string);
                k.as_bytes().map(|b| (b.to_vec(), first))
            })
            .collect(),
        _ => return Err("span groups are neither a list nor a map".into()),
    };
    for (g, key) in groups {
        let g = msgpack::decode(&g)?;
        let name = key
            .or_else(|| g.get("name").and_then(Mp::as_str).map(str::to_string))
            .unwrap_or_default();
        let mut spans = Vec::new();
        for sp in g.get("spans").and_then(Mp::as_array).unwrap_or(&[]) {
            let b = sp
                .as_bytes()
                .filter(|b| b.len() == 40)
                .ok_or("a span is not 40 bytes")?;
            let u = |i: usize| u64::from_be_bytes(b[i..i + 8].try_into().expect("8 bytes"));
            let i32_at = |i: usize| i32::from_be_bytes(b[i..i + 4].try_into().expect("4 bytes"));
            let (start, end) = (i32_at(32), i32_at(36));
            if start < 0 || end < start {
                return Err(format!("span {start}..{end} is not a span"));
            }
            let lookup = |h: u64| names.get(&h).cloned().unwrap_or_default();
            spans.push(GroupSpan {
                id: lookup(u(0)),
                label: lookup(u(16)),
                start: start as usize,
                end: end as usize,
            });
        }
        out.insert(name, spans);
    }
    Ok(out)
}

/// Reads a DocBin file.
pub fn import(f: &InputFile, opts: &ImportOptions, out: &mut Imported) {
    if let Err(e) = read(f, opts, out) {
        out.skipped.push(e);
    }
}

fn read(f: &InputFile, opts: &ImportOptions, out: &mut Imported) -> Result<(), FormatError> {
    let raw = zlib_inflate(&f.bytes).map_err(|m| {
        bad(
            &f.name,
            format!(
                "{m}: a .spacy file is a zlib stream{}",
                super::hint(super::Format::DocBin, &f.name, &f.bytes)
            ),
        )
    })?;
    let msg = msgpack::decode(&raw)
        .map_err(|m| bad(&f.name, format!("not a DocBin (MessagePack: {m})")))?;
    let field = |k: &str| {
        msg.get(k)
            .ok_or_else(|| bad(&f.name, format!("not a DocBin: no {k:?}")))
    };
    let attrs: Vec<u64> = field("attrs")?
        .as_array()
        .unwrap_or(&[])
        .iter()
        .filter_map(Mp::as_u64)
        .collect();
    let col = |a: u64| attrs.iter().position(|&x| x == a);
    let orth = col(ORTH).ok_or_else(|| bad(&f.name, "DocBin without ORTH"))?;
    let (iob_col, type_col) = (col(ENT_IOB), col(ENT_TYPE));
    let mut names: HashMap<u64, String> = HashMap::new();
    for st in field("strings")?.as_array().unwrap_or(&[]) {
        if let Some(s) = st.as_str() {
            names.insert(string_id(s), s.to_string());
        }
    }
    names.insert(0, String::new());
    let words_b = field("tokens")?.as_bytes().unwrap_or(&[]);
    let spaces_b = field("spaces")?.as_bytes().unwrap_or(&[]);
    let lengths_b = field("lengths")?.as_bytes().unwrap_or(&[]);
    let width = attrs.len().max(1);
    let n_tok = words_b.len() / 8 / width;
    if words_b.len() != n_tok * 8 * width || spaces_b.len() != n_tok {
        return Err(bad(
            &f.name,
            "token and space arrays do not match; the file is damaged",
        ));
    }
    let tok = |i: usize, c: usize| -> u64 {
        let at = (i * width + c) * 8;
        u64::from_le_bytes(words_b[at..at + 8].try_into().expect("8 bytes"))
    };
    let lengths: Vec<i32> = lengths_b
        .chunks_exact(4)
        .map(|c| i32::from_le_bytes(c.try_into().expect("4 bytes")))
        .collect();
    let groups = msg.get("span_groups").and_then(Mp::as_array).unwrap_or(&[]);
    let user = msg.get("user_data").and_then(Mp::as_array).unwrap_or(&[]);
    let mut first = 0usize;
    for (d, &len) in lengths.iter().enumerate() {
        let place = Place::file(&f.name).span(format!("doc {}", d + 1));
        let len = usize::try_from(len).map_err(|_| bad(&f.name, "negative document length"))?;
        if first + len > n_tok {
            return Err(bad(
                &f.name,
                "document lengths exceed the tokens; the file is damaged",
            ));
        }
        // text and token char offsets
        let mut text = String::new();
        let mut starts = Vec::with_capacity(len);
        let mut chars = 0usize;
        for (i, &space) in spaces_b.iter().enumerate().skip(first).take(len) {
            let h = tok(i, orth);
            let w = names.get(&h).ok_or_else(|| {
                FormatError::new(
                    ErrorKind::Binary,
                    place.clone(),
                    format!(
                        "token {} has a string hash ({h}) missing from the strings table",
                        i - first
                    ),
                )
            })?;
            starts.push(chars);
            text.push_str(w);
            chars += w.chars().count();
            if space != 0 {
                text.push(' ');
                chars += 1;
            }
        }
        // user data: id, fields, flags
        let ud: Option<Value> = user
            .get(d)
            .and_then(Mp::as_bytes)
            .and_then(|b| msgpack::decode(b).ok())
            .and_then(|m| m.get("balise").and_then(Mp::as_str).map(str::to_string))
            .and_then(|s| serde_json::from_str(&s).ok());
        let id = ud
            .as_ref()
            .and_then(|u| common::id_string(u.get("id")))
            .unwrap_or_else(|| format!("{}#{}", f.name, d + 1));
        let place = place.document(&id);
        let mut doc = Document::new(&id, &text);
        let check = common::TextCheck::new(&text);
        let grp = groups
            .get(d)
            .and_then(Mp::as_bytes)
            .map(|b| read_groups(b, &names))
            .transpose()
            .map_err(|m| {
                FormatError::new(
                    ErrorKind::Binary,
                    place.clone(),
                    format!("span groups: {m}"),
                )
            })?
            .unwrap_or_default();
        let span_text = |a: usize, b: usize| {
            check
                .slice(a, b)
                .map(str::to_string)
                .map_err(|m| FormatError::new(ErrorKind::Offset, place.clone(), m))
        };
        let role_of = |label: &str| -> Result<Option<Role>, FormatError> {
            common::parse_role(label, opts).map_err(|m| {
                FormatError::new(
                    ErrorKind::UnknownLabel,
                    place.clone().span(label.to_string()),
                    m,
                )
            })
        };
        if let Some(ents) = grp.get("entities") {
            for e in ents {
                if let Some(Role::Entity(label)) = role_of(&e.label)? {
                    doc.entities
                        .push(entity(e.start, e.end, label, span_text(e.start, e.end)?));
                }
            }
        } else if let (Some(ic), Some(tc)) = (iob_col, type_col) {
            // doc.ents from the token attributes
            let mut open: Option<(usize, Label)> = None;
            let end_of = |i: usize| if i < len { starts[i] } else { chars };
            let close = |open: &mut Option<(usize, Label)>,
                         end_tok: usize,
                         doc: &mut Document|
             -> Result<(), FormatError> {
                if let Some((s, label)) = open.take() {
                    let (a, b) = (starts[s], trim_end(&text, starts[s], end_of(end_tok)));
                    doc.entities.push(entity(a, b, label, span_text(a, b)?));
                }
                Ok(())
            };
            for i in 0..len {
                let iob = tok(first + i, ic);
                let label = names.get(&tok(first + i, tc)).cloned().unwrap_or_default();
                if iob != 1 {
                    close(&mut open, i, &mut doc)?;
                }
                if iob == 3 {
                    match role_of(&label)? {
                        Some(Role::Entity(l)) => open = Some((i, l)),
                        Some(_) => return Err(FormatError::new(ErrorKind::UnknownLabel, place.clone(), format!("entity label {label:?} is a claim role; claims live in span groups"))),
                        None => {}
                    }
                }
            }
            close(&mut open, len, &mut doc)?;
        }
        // claims and their parts, linked by span id
        let mut claim_by_id: HashMap<String, usize> = HashMap::new();
        for c in grp.get("claims").map(Vec::as_slice).unwrap_or(&[]) {
            let Some(Role::Claim(kind)) = role_of(&c.label)? else {
                continue;
            };
            claim_by_id.insert(c.id.clone(), doc.claims.len());
            doc.claims.push(DocClaim {
                kind,
                content: DocSpan {
                    start: c.start,
                    end: c.end,
                    text: span_text(c.start, c.end)?,
                },
                cue: None,
                source: None,
                source_ref: None,
                hedged: false,
                optional: false,
                provenance: None,
            });
        }
        for (g, role) in [
            ("cues", Role::Cue),
            ("sources", Role::Source),
            ("source_refs", Role::SourceRef),
        ] {
            for p in grp.get(g).map(Vec::as_slice).unwrap_or(&[]) {
                let Some(&ci) = claim_by_id.get(&p.id) else {
                    out.skipped.push(FormatError::new(
                        ErrorKind::Unsupported,
                        place.clone().span(format!("{g} {}..{}", p.start, p.end)),
                        "span id names no claim in doc.spans[\"claims\"]; skipped",
                    ));
                    continue;
                };
                let span = Some(DocSpan {
                    start: p.start,
                    end: p.end,
                    text: span_text(p.start, p.end)?,
                });
                let c = &mut doc.claims[ci];
                match role {
                    Role::Cue => c.cue = span,
                    Role::Source => c.source = span,
                    _ => c.source_ref = span,
                }
            }
        }
        if let Some(u) = &ud {
            Extras::from_json(u.get("balise")).apply(&mut doc);
            if let Some(Value::Object(m)) = u.get("fields") {
                doc.extra = m.clone();
            }
        }
        out.documents.push(doc);
        first += len;
    }
    Ok(())
}

/// The end of an entity in code points, without the trailing space of its last token.
fn trim_end(text: &str, start: usize, end: usize) -> usize {
    let piece: String = text.chars().skip(start).take(end - start).collect();
    start + piece.trim_end_matches(' ').chars().count()
}

fn entity(start: usize, end: usize, label: Label, text: String) -> DocEntity {
    DocEntity {
        start,
        end,
        label,
        text,
        alt: vec![],
        optional: false,
        provenance: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_match_spacy() {
        // values printed by spaCy 3.8: spacy.strings.hash_string / nlp.vocab.strings
        assert_eq!(string_id("PER"), 4317129024397789502);
        assert_eq!(string_id("é"), 16256712947286012828);
        assert_eq!(string_id("agent"), 401);
        assert_eq!(string_id("ORG"), 383);
        assert_eq!(string_id("LOC"), 385);
        assert_eq!(string_id("DATE"), 391);
        assert_eq!(string_id("NUM"), 93);
        assert_eq!(string_id("X"), 101);
        assert_eq!(string_id("_"), 456);
        assert_eq!(string_id(""), 0);
        assert_eq!(symbols().len(), 456);
    }

    #[test]
    fn round_trip_through_bytes() {
        let text = "« Non », a dit l’agent X à Paris.\r\nFin.";
        let sp = |n: &str| {
            let (start, end) = common::find_chars(text, n).unwrap();
            json!({"start": start, "end": end})
        };
        let mut x = sp(" X ");
        x["start"] = json!(x["start"].as_u64().unwrap() + 1);
        x["end"] = json!(x["end"].as_u64().unwrap() - 1);
        let mut per = x.clone();
        per["label"] = json!("PER");
        per["alt"] = json!(["MISC"]);
        let mut loc = sp("Paris");
        loc["label"] = json!("LOC");
        let v = json!({"id": "d1", "text": text, "entities": [per, loc],
            "claims": [{"kind": "direct", "content": sp("Non"), "cue": sp("a dit"), "source": sp("l’agent X"), "hedged": true}],
            "status": "done", "source": "x"});
        let doc: Document = serde_json::from_value(v).unwrap();
        let doc = common::checked(&doc).unwrap();
        let bytes = export(std::slice::from_ref(&doc)).bytes;
        let mut out = Imported::default();
        import(
            &InputFile::new("t.spacy", bytes),
            &ImportOptions::default(),
            &mut out,
        );
        assert!(out.skipped.is_empty(), "{:?}", out.skipped);
        assert_eq!(out.documents, vec![doc]);
    }
}
