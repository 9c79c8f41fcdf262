//! WebAssembly binding: JavaScript strings in, plain JavaScript objects out.
//!
//! This module only converts types and offsets; every decision is the core's. The core speaks
//! UTF-8 byte offsets, JavaScript strings are indexed in UTF-16 code units, so each offset is
//! converted **once, here**, with an [`OffsetMap`] built for the text.
//!
//! JavaScript sees (all offsets UTF-16 code units, half-open):
//!
//! ```text
//! annotate(text) -> { entities: [{ start, end, label }],
//!                     claims: [{ kind, content: {start, end}, cue: {start, end} | null,
//!                                source: {start, end} | null, source_ref?: {start, end},
//!                                hedged: bool }] }
//! tokenize(text) -> [{ start, end, kind }]
//! version()      -> "0.1.0"
//! last_panic()   -> string | undefined   (message of the last Rust panic, if any)
//! ```
//!
//! The conversion functions below are compiled on every target so that native `cargo test`
//! covers them; only the `#[wasm_bindgen]` glue in `glue` is wasm32-only.

// On native targets the conversions are only reached from the tests.
#![cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]

use crate::annotation::{Annotation, ClaimKind, Label, Span};
use crate::offsets::{OffsetError, OffsetMap, Unit};
use crate::tokenize::{Token, TokenKind};
use serde::Serialize;
use std::fmt;

/// A half-open span in UTF-16 code units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
struct JsSpan {
    start: u32,
    end: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
struct JsEntity {
    start: u32,
    end: u32,
    label: Label,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
struct JsClaim {
    kind: ClaimKind,
    content: JsSpan,
    /// `null` in JavaScript when absent.
    cue: Option<JsSpan>,
    /// `null` in JavaScript when absent.
    source: Option<JsSpan>,
    /// Left out of the object when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    source_ref: Option<JsSpan>,
    hedged: bool,
}

/// What `annotate` returns to JavaScript.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
struct JsAnnotation {
    entities: Vec<JsEntity>,
    claims: Vec<JsClaim>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
struct JsToken {
    start: u32,
    end: u32,
    kind: TokenKind,
}

/// A core span that cannot be expressed in UTF-16 (a bug in the core, never the user's fault).
#[derive(Debug, Clone, PartialEq, Eq)]
struct ConversionError {
    what: &'static str,
    span: Span,
    cause: OffsetError,
}

impl fmt::Display for ConversionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "internal error: the core returned a {} at bytes {}..{} that does not fit the text: {}",
            self.what, self.span.start, self.span.end, self.cause
        )
    }
}

impl std::error::Error for ConversionError {}

/// Converts one byte span of the core to UTF-16 code units.
fn utf16_span(map: &OffsetMap, what: &'static str, span: Span) -> Result<JsSpan, ConversionError> {
    let (start, end) = map
        .convert_span(span.start, span.end, Unit::Byte, Unit::Utf16)
        .map_err(|cause| ConversionError { what, span, cause })?;
    // OffsetMap refuses texts of 4 GiB or more, so UTF-16 offsets always fit in u32.
    Ok(JsSpan {
        start: start as u32,
        end: end as u32,
    })
}

/// The JavaScript form of an annotation of `text` (byte offsets → UTF-16 code units).
fn to_js_annotation(text: &str, ann: &Annotation) -> Result<JsAnnotation, ConversionError> {
    let map = OffsetMap::new(text);
    let entities = ann
        .entities
        .iter()
        .map(|e| {
            let s = utf16_span(&map, "entity", e.span())?;
            Ok(JsEntity {
                start: s.start,
                end: s.end,
                label: e.label,
            })
        })
        .collect::<Result<_, ConversionError>>()?;
    let opt = |what, s: Option<Span>| s.map(|s| utf16_span(&map, what, s)).transpose();
    let claims = ann
        .claims
        .iter()
        .map(|c| {
            Ok(JsClaim {
                kind: c.kind,
                content: utf16_span(&map, "claim content", c.content)?,
                cue: opt("claim cue", c.cue)?,
                source: opt("claim source", c.source)?,
                source_ref: opt("claim source_ref", c.source_ref)?,
                hedged: c.hedged,
            })
        })
        .collect::<Result<_, ConversionError>>()?;
    Ok(JsAnnotation { entities, claims })
}

/// The JavaScript form of the tokens of `text` (byte offsets → UTF-16 code units).
fn to_js_tokens(text: &str, tokens: &[Token]) -> Result<Vec<JsToken>, ConversionError> {
    let map = OffsetMap::new(text);
    tokens
        .iter()
        .map(|t| {
            let s = utf16_span(&map, "token", Span::new(t.start, t.end))?;
            Ok(JsToken {
                start: s.start,
                end: s.end,
                kind: t.kind,
            })
        })
        .collect()
}

#[cfg(target_arch = "wasm32")]
mod glue {
    use super::{to_js_annotation, to_js_tokens};
    use serde::Serialize;
    use std::sync::Mutex;
    use wasm_bindgen::prelude::*;

    /// Message of the last panic, kept so the page can show it after the trap.
    static LAST_PANIC: Mutex<Option<String>> = Mutex::new(None);

    /// The one place where a Rust error becomes a JavaScript `Error` with a message.
    fn js_error(e: impl std::fmt::Display) -> JsError {
        JsError::new(&e.to_string())
    }

    /// Plain objects, `null` for `None` (JSON-compatible).
    fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
        value
            .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
            .map_err(js_error)
    }

    /// Runs when the module is instantiated: makes panics visible in the console.
    #[wasm_bindgen(start)]
    pub fn start() {
        std::panic::set_hook(Box::new(|info| {
            let msg = format!("balise panicked: {info}");
            web_sys::console::error_1(&JsValue::from_str(&msg));
            if let Ok(mut last) = LAST_PANIC.lock() {
                *last = Some(msg);
            }
        }));
    }

    /// Entities and claims of `text`, offsets in UTF-16 code units (JavaScript string indices).
    #[wasm_bindgen]
    pub fn annotate(text: &str) -> Result<JsValue, JsError> {
        let ann = crate::annotate(text);
        to_js(&to_js_annotation(text, &ann).map_err(js_error)?)
    }

    /// Tokens of `text` (`{start, end, kind}`), offsets in UTF-16 code units.
    #[wasm_bindgen]
    pub fn tokenize(text: &str) -> Result<JsValue, JsError> {
        let tokens = crate::tokenize::tokenize(text);
        to_js(&to_js_tokens(text, &tokens).map_err(js_error)?)
    }

    /// The version of the balise crate.
    #[wasm_bindgen]
    pub fn version() -> String {
        env!("CARGO_PKG_VERSION").to_string()
    }

    /// The message of the last Rust panic, if one happened (the module is unusable after it).
    #[wasm_bindgen]
    pub fn last_panic() -> Option<String> {
        LAST_PANIC.lock().ok().and_then(|m| m.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotation::{Claim, Entity};

    /// The JavaScript view of `text[span]`: UTF-16 units sliced like `String.prototype.slice`.
    fn js_slice(text: &str, start: u32, end: u32) -> String {
        let units: Vec<u16> = text.encode_utf16().collect();
        String::from_utf16(&units[start as usize..end as usize]).unwrap()
    }

    fn byte_span(text: &str, needle: &str) -> Span {
        let start = text.find(needle).unwrap();
        Span::new(start, start + needle.len())
    }

    #[test]
    fn entity_after_emoji_and_accents_moves_to_utf16() {
        let text = "🙂 Élysée 👨‍👩‍👧 café\u{301} : Ashraf Ghani";
        let ghani = byte_span(text, "Ashraf Ghani");
        let ann = Annotation {
            entities: vec![Entity {
                start: ghani.start,
                end: ghani.end,
                label: Label::PER,
            }],
            claims: vec![],
        };
        let js = to_js_annotation(text, &ann).unwrap();
        let e = &js.entities[0];
        assert_eq!(js_slice(text, e.start, e.end), "Ashraf Ghani");
        // 🙂 = 2 units, the family = 8 units (3 surrogate pairs + 2 ZWJ), « é + U+0301 » = 2
        // units: 27 UTF-16 units before the name, 23 code points, 43 bytes.
        assert_eq!((e.start, e.end), (27, 39));
        assert_eq!(ghani.start, 43);
    }

    #[test]
    fn claim_with_source_inside_cue_keeps_every_part() {
        let text = "« Nous resterons », a-t-il déclaré. Il\u{202F}pleut.";
        let content = byte_span(text, "Nous resterons");
        let cue = byte_span(text, "a-t-il déclaré");
        let source = byte_span(text, "il déclaré");
        let source = Span::new(source.start, source.start + 2);
        let ann = Annotation {
            entities: vec![],
            claims: vec![Claim {
                kind: ClaimKind::Direct,
                content,
                cue: Some(cue),
                source: Some(source),
                source_ref: None,
                hedged: false,
            }],
        };
        let c = &to_js_annotation(text, &ann).unwrap().claims[0];
        assert_eq!(
            js_slice(text, c.content.start, c.content.end),
            "Nous resterons"
        );
        let cue = c.cue.unwrap();
        assert_eq!(js_slice(text, cue.start, cue.end), "a-t-il déclaré");
        let src = c.source.unwrap();
        assert_eq!(js_slice(text, src.start, src.end), "il");
        assert!(cue.start <= src.start && src.end <= cue.end);
    }

    #[test]
    fn json_shape_has_null_for_missing_parts_and_omits_missing_source_ref() {
        let text = "Il pleut à Zürich.";
        let ann = Annotation {
            entities: vec![Entity {
                start: 12,
                end: 19,
                label: Label::LOC,
            }],
            claims: vec![Claim {
                kind: ClaimKind::Unattributed,
                content: Span::new(0, 19),
                cue: None,
                source: None,
                source_ref: None,
                hedged: true,
            }],
        };
        let js = to_js_annotation(text, &ann).unwrap();
        // serde-wasm-bindgen's json_compatible serializer gives the same shape as serde_json.
        assert_eq!(
            serde_json::to_string(&js).unwrap(),
            r#"{"entities":[{"start":11,"end":17,"label":"LOC"}],"claims":[{"kind":"unattributed","content":{"start":0,"end":17},"cue":null,"source":null,"hedged":true}]}"#
        );
    }

    #[test]
    fn source_ref_is_converted_when_present() {
        let text = "Ashraf Ghani… « Non », dit-il.";
        let name = byte_span(text, "Ashraf Ghani");
        let il = byte_span(text, "il.");
        let il = Span::new(il.start, il.start + 2);
        let ann = Annotation {
            entities: vec![],
            claims: vec![Claim {
                kind: ClaimKind::Direct,
                content: byte_span(text, "Non"),
                cue: Some(byte_span(text, "dit-il")),
                source: Some(il),
                source_ref: Some(name),
                hedged: false,
            }],
        };
        let js = to_js_annotation(text, &ann).unwrap();
        let r = js.claims[0].source_ref.unwrap();
        assert_eq!(js_slice(text, r.start, r.end), "Ashraf Ghani");
        let json = serde_json::to_string(&js.claims[0]).unwrap();
        assert!(
            json.contains(r#""source_ref":{"start":0,"end":12}"#),
            "{json}"
        );
        assert!(json.contains(r#""kind":"direct""#), "{json}");
    }

    #[test]
    fn a_span_inside_a_character_is_a_clear_error() {
        let text = "é";
        let ann = Annotation {
            entities: vec![Entity {
                start: 1,
                end: 2,
                label: Label::MISC,
            }],
            claims: vec![],
        };
        let err = to_js_annotation(text, &ann).unwrap_err().to_string();
        assert!(err.starts_with("internal error: the core returned a entity at bytes 1..2"));
        assert!(err.contains("falls inside a character"), "{err}");
    }

    #[test]
    fn tokens_move_to_utf16() {
        let text = "🇫🇷 l’État\u{A0}: 3\u{202F}500";
        let toks = crate::tokenize::tokenize(text);
        let js = to_js_tokens(text, &toks).unwrap();
        assert_eq!(js.len(), toks.len());
        for (t, j) in toks.iter().zip(&js) {
            assert_eq!(js_slice(text, j.start, j.end), t.text(text));
            assert_eq!(t.kind, j.kind);
        }
    }

    /// The real pipeline on odd inputs: never panics, every span converts and slices back to
    /// the same text in UTF-16.
    #[test]
    fn odd_inputs_convert_without_panic() {
        let inputs = [
            "",
            " ",
            "«",
            "…",
            "\r\n\r\n",
            "\u{A0}\u{202F}",
            "e\u{301}\u{301}\u{301}",
            "🙂🙂 15 juillet 2016 👨‍👩‍👧",
            "« Nous resterons », a déclaré Ashraf Ghani le 15 juillet 2016.",
            "l’État a 3\u{202F}500 soldats\r\nSelon l’AFP, « oui ».",
            "<img src=x onerror=alert(1)> <b>x</b>",
            "\u{FFFD}\u{200F}\u{FEFF}",
        ];
        for text in inputs {
            let ann = crate::annotate(text);
            let js = to_js_annotation(text, &ann).unwrap();
            for (e, j) in ann.entities.iter().zip(&js.entities) {
                assert_eq!(js_slice(text, j.start, j.end), &text[e.start..e.end]);
            }
            let toks = crate::tokenize::tokenize(text);
            for (t, j) in toks.iter().zip(to_js_tokens(text, &toks).unwrap()) {
                assert_eq!(js_slice(text, j.start, j.end), t.text(text));
            }
        }
    }
}
