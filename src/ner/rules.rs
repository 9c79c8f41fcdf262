//! DATE and NUM by rules.
//!
//! PROVISIONAL: digits only; to be replaced by the full French date/number rules.

use crate::analysis::Analysis;
use crate::annotation::{Entity, Label};
use crate::tokenize::TokenKind;

/// Finds DATE and NUM entities.
pub fn find_dates_and_numbers(a: &Analysis) -> Vec<Entity> {
    a.tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Number)
        .map(|t| Entity {
            start: t.start,
            end: t.end,
            label: Label::NUM,
        })
        .collect()
}
