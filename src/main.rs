//! The `balise` command line. PROVISIONAL: to be replaced by the full CLI.

use std::io::Read;

fn main() {
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text).unwrap();
    let ann = balise::annotate(&text);
    let doc = balise::Document::from_annotation("-", &text, &ann);
    println!("{}", serde_json::to_string(&doc).unwrap());
}
