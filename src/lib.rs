//! # Balise
//!
//! Finds **entities** (PER, ORG, LOC, MISC, DATE, NUM) and **claims** (who said what) in French
//! news text. A pure core: no I/O, no browser; the CLI (`src/main.rs`) and the WebAssembly binding
//! (`src/wasm.rs`) are thin layers over it.
//!
//! ```
//! let text = "« Nous resterons », a déclaré Ashraf Ghani le 15 juillet 2016.";
//! let ann = balise::annotate(text);
//! for e in &ann.entities {
//!     println!("{} {}", e.label, &text[e.start..e.end]);
//! }
//! ```
//!
//! Offsets inside the core are UTF-8 bytes; see [`offsets`] for the conversions done at each
//! boundary and [`document`] for the code-point form used in files.

pub mod analysis;
pub mod annotation;
pub mod claims;
pub mod document;
pub mod eval;
pub mod formats;
pub mod model;
pub mod ner;
pub mod offsets;
pub mod sentences;
pub mod tokenize;

// Compiled everywhere so native tests cover its offset conversions; its glue is wasm32-only.
mod wasm;

pub use analysis::Analysis;
pub use annotation::{Annotation, Claim, ClaimKind, Entity, Label, Span};
pub use document::Document;

use std::sync::OnceLock;

/// Runs the whole pipeline: tokens, sentences, entities, claims.
#[derive(Debug, Clone, Default)]
pub struct Annotator {
    ner: ner::Recognizer,
}

impl Annotator {
    /// An annotator with the built-in models and rules.
    pub fn new() -> Self {
        Annotator {
            ner: ner::Recognizer::new(),
        }
    }

    /// An annotator whose entity tagger is the model in `model_bytes` (a file written by
    /// `balise train`) instead of the built-in one.
    pub fn with_model(model_bytes: &[u8]) -> Result<Self, model::ModelError> {
        let tagger = model::Tagger::from_bytes(model_bytes)?;
        Ok(Annotator {
            ner: ner::Recognizer::with_tagger(std::sync::Arc::new(tagger)),
        })
    }

    /// Annotates `text`; every offset in the result is a UTF-8 byte offset into `text`.
    pub fn annotate(&self, text: &str) -> Annotation {
        let a = Analysis::new(text);
        self.annotate_analysis(&a)
    }

    /// Annotates an already tokenized and sentence-split text.
    pub fn annotate_analysis(&self, a: &Analysis) -> Annotation {
        let entities = self.ner.recognize(a);
        let claims = claims::extract(a, &entities);
        Annotation { entities, claims }
    }
}

/// Annotates `text` with the default [`Annotator`] (built once, then shared).
pub fn annotate(text: &str) -> Annotation {
    static DEFAULT: OnceLock<Annotator> = OnceLock::new();
    DEFAULT.get_or_init(Annotator::new).annotate(text)
}
