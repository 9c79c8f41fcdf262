//! Scoring predictions against gold data.
//!
//! * [`segmentation`]: token- and sentence-boundary F1 of the tokenizer and sentence splitter
//!   against gold treebanks (UD French GSD, Sequoia).
//! * entity and claim scoring for `balise eval` (to come in this module).

pub mod segmentation;
