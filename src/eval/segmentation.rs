//! Token- and sentence-boundary F1 against gold segmentations (UD `*.tokens.jsonl`).
