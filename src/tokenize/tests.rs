//! Examples of the tokenizer on French text: token texts written out.

use super::*;

fn toks(text: &str) -> Vec<&str> {
    tokenize(text).iter().map(|t| t.text(text)).collect()
}

#[test]
fn smoke() {
    assert_eq!(toks("Il pleut."), ["Il", "pleut", "."]);
}
