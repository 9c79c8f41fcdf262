//! Scoring predictions against gold documents (`balise eval`).
//!
//! PROVISIONAL: to be filled in with entity and claim scoring.
