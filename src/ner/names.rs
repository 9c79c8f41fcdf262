//! PER / ORG / LOC / MISC names.
//!
//! PROVISIONAL: finds nothing yet; to be replaced by the name recognizer.

use crate::analysis::Analysis;
use crate::annotation::Entity;

/// Finds PER, ORG, LOC and MISC entities.
pub fn find_names(_a: &Analysis) -> Vec<Entity> {
    Vec::new()
}
