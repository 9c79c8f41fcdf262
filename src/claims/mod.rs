//! Claim extraction: who said what (`ANNOTATION.md` §3).
//!
//! PROVISIONAL: finds nothing yet; to be replaced by the claim extractor.

use crate::analysis::Analysis;
use crate::annotation::{Claim, Entity};

/// Finds the claims of an analysed text, given its entities.
pub fn extract(_a: &Analysis, _entities: &[Entity]) -> Vec<Claim> {
    Vec::new()
}
