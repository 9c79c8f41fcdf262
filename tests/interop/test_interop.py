"""Interop tests: Balise's exports load in the real consumers.

Run by scripts/test-interop (a venv with spaCy from PyPI); installs nothing itself.
BALISE = path of the balise binary (default: target/debug/balise).

* spaCy/Prodigy JSONL: every task rebuilds its text from tokens + ws, and every span is found by
  Doc.char_span with the same tokens as token_start/token_end.
* DocBin: spaCy reads it; texts, doc.ents, span groups and claim links are as exported; every
  spaCy reserved symbol used as a token text survives (symbol table check); a DocBin written by
  spaCy itself (compressed) is read back by Balise.
* Label Studio, doccano, brat: checked against their published formats (offsets are code points,
  region/relation ids resolve, .ann T lines match the .txt).
"""
import json
import os
import subprocess
import sys
import tempfile
import unittest
import zipfile

import spacy
from spacy.tokens import Doc, DocBin, Span

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BALISE = os.environ.get("BALISE", os.path.join(ROOT, "target", "debug", "balise"))
INPUTS = [
    os.path.join(ROOT, "tests", "data", "formats", "odd.jsonl"),
    os.path.join(ROOT, "tests", "data", "news-dev", "news-dev.jsonl"),
]


def load_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


GOLD = [d for p in INPUTS for d in load_jsonl(p)]


def convert(to, inputs=INPUTS, frm="balise", extra=()):
    out = tempfile.NamedTemporaryFile(delete=False, suffix="." + to)
    out.close()
    r = subprocess.run([BALISE, "convert", "--from", frm, "--to", to, *inputs, "-o", out.name, *extra],
                       capture_output=True, text=True)
    if r.returncode != 0:
        raise AssertionError(f"balise convert failed ({r.returncode}): {r.stderr}")
    return out.name


def all_spans(doc):
    """(start, end, label) of every span Balise writes for a gold document."""
    spans = [(e["start"], e["end"], e["label"]) for e in doc["entities"]]
    for c in doc["claims"]:
        spans.append((c["content"]["start"], c["content"]["end"], "CLAIM_" + c["kind"].upper()))
        for part, label in (("cue", "CUE"), ("source", "SOURCE"), ("source_ref", "SOURCE_REF")):
            if c.get(part):
                spans.append((c[part]["start"], c[part]["end"], label))
    return spans


class SpacyJsonl(unittest.TestCase):
    def test_every_span_is_found_by_char_span(self):
        nlp = spacy.blank("fr")
        tasks = load_jsonl(convert("spacy"))
        self.assertEqual(len(tasks), len(GOLD))
        for task, gold in zip(tasks, GOLD):
            words = [t["text"] for t in task["tokens"]]
            spaces = [t["ws"] for t in task["tokens"]]
            doc = Doc(nlp.vocab, words=words, spaces=spaces)
            self.assertEqual(doc.text, gold["text"])
            for i, t in enumerate(task["tokens"]):
                self.assertEqual(t["id"], i)
                self.assertEqual(doc[i].idx, t["start"])
                self.assertEqual(gold["text"][t["start"]:t["end"]], t["text"])
            want = set(all_spans(gold))
            got = {(s["start"], s["end"], s["label"]) for s in task["spans"]}
            self.assertEqual(got, want, gold["id"])
            for s in task["spans"]:
                span = doc.char_span(s["start"], s["end"], label=s["label"])
                self.assertIsNotNone(span, f"{gold['id']}: {s}")
                self.assertEqual(span.text, gold["text"][s["start"]:s["end"]])
                self.assertEqual((span.start, span.end - 1), (s["token_start"], s["token_end"]))
            for r in task["relations"]:
                self.assertIn(r["label"], ("cue", "source", "source_ref"))
                self.assertTrue(r["head_span"]["label"].startswith("CLAIM_"))
                self.assertEqual(r["head"], r["head_span"]["token_end"])
                self.assertEqual(r["child"], r["child_span"]["token_end"])


class DocBinFile(unittest.TestCase):
    def test_spacy_reads_texts_ents_spans_and_claim_links(self):
        nlp = spacy.blank("fr")
        with open(convert("docbin"), "rb") as f:
            docs = list(DocBin().from_bytes(f.read()).get_docs(nlp.vocab))
        self.assertEqual(len(docs), len(GOLD))
        for doc, gold in zip(docs, GOLD):
            text = gold["text"]
            self.assertEqual(doc.text, text)
            ents = {(e.start_char, e.end_char, e.label_) for e in doc.ents}
            gold_ents = {(e["start"], e["end"], e["label"]) for e in gold["entities"]}
            self.assertTrue(ents <= gold_ents, gold["id"])
            if "entities" in doc.spans:
                self.assertEqual({(s.start_char, s.end_char, s.label_) for s in doc.spans["entities"]}, gold_ents)
            for group in doc.spans.values():
                for s in group:
                    self.assertEqual(s.text, text[s.start_char:s.end_char])
            claims = {s.id_: s for s in doc.spans.get("claims", [])}
            self.assertEqual(len(claims), len(gold["claims"]))
            for n, c in enumerate(gold["claims"]):
                s = claims[f"claim-{n}"]
                self.assertEqual((s.start_char, s.end_char, s.label_),
                                 (c["content"]["start"], c["content"]["end"], "CLAIM_" + c["kind"].upper()))
                for part, group in (("cue", "cues"), ("source", "sources"), ("source_ref", "source_refs")):
                    linked = [x for x in doc.spans.get(group, []) if x.id_ == f"claim-{n}"]
                    if c.get(part):
                        self.assertEqual([(x.start_char, x.end_char) for x in linked],
                                         [(c[part]["start"], c[part]["end"])])
                    else:
                        self.assertEqual(linked, [])
            self.assertEqual(json.loads(doc.user_data["balise"])["id"], gold["id"])

    def test_reserved_symbol_tokens_keep_their_text(self):
        from spacy.symbols import IDS
        words = [w for w in IDS if w and " " not in w]
        text = " ".join(words)
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
            f.write(json.dumps({"id": "symbols", "text": text}) + "\n")
        with open(convert("docbin", [f.name]), "rb") as b:
            (doc,) = DocBin().from_bytes(b.read()).get_docs(spacy.blank("fr").vocab)
        self.assertEqual(doc.text, text)

    def test_balise_reads_a_docbin_written_by_spacy(self):
        nlp = spacy.blank("fr")
        text = "Selon l'AFP, Emmanuel Macron est à Paris 🙂."
        doc = nlp(text)

        def at(word, label):
            i = text.index(word)
            return doc.char_span(i, i + len(word), label, alignment_mode="expand")

        doc.ents = [at("AFP", "ORG"), at("Emmanuel Macron", "PER"), at("Paris", "LOC")]
        path = tempfile.NamedTemporaryFile(delete=False, suffix=".spacy").name
        DocBin(docs=[doc]).to_disk(path)
        out = load_jsonl(convert("balise", [path], frm="docbin"))
        got = [(e["start"], e["end"], e["label"], e["text"]) for e in out[0]["entities"]]
        want = [(e.start_char, e.end_char, e.label_, e.text) for e in doc.ents]
        self.assertEqual(out[0]["text"], doc.text)
        self.assertEqual(got, want)


class OtherFormats(unittest.TestCase):
    def test_label_studio_tasks(self):
        with open(convert("label-studio"), encoding="utf-8") as f:
            tasks = json.load(f)
        self.assertEqual(len(tasks), len(GOLD))
        for task, gold in zip(tasks, GOLD):
            text = task["data"]["text"]
            self.assertEqual(text, gold["text"])
            for key in ("annotations", "predictions"):
                for a in task.get(key, []):
                    ids = set()
                    for r in a["result"]:
                        if r["type"] == "labels":
                            v = r["value"]
                            self.assertEqual(text[v["start"]:v["end"]], v["text"])
                            self.assertEqual(len(v["labels"]), 1)
                            self.assertEqual((r["from_name"], r["to_name"]), ("label", "text"))
                            ids.add(r["id"])
                    for r in a["result"]:
                        if r["type"] == "relation":
                            self.assertIn(r["from_id"], ids)
                            self.assertIn(r["to_id"], ids)
                            self.assertEqual(r["direction"], "right")

    def test_doccano_both_forms(self):
        for form in ("relations", "label"):
            lines = load_jsonl(convert("doccano", extra=("--doccano-form", form)))
            for line, gold in zip(lines, GOLD):
                self.assertEqual(line["text"], gold["text"])
                if form == "relations":
                    ids = {e["id"] for e in line["entities"]}
                    for e in line["entities"]:
                        self.assertIsInstance(e["start_offset"], int)
                    for r in line["relations"]:
                        self.assertIn(r["from_id"], ids)
                        self.assertIn(r["to_id"], ids)
                    got = {(e["start_offset"], e["end_offset"], e["label"]) for e in line["entities"]}
                else:
                    got = {tuple(x) for x in line["label"]}
                self.assertEqual(got, set(all_spans(gold)))

    def test_brat_zip(self):
        with zipfile.ZipFile(convert("brat")) as z:
            names = z.namelist()
            self.assertIn("annotation.conf", names)
            anns = [n for n in names if n.endswith(".ann")]
            self.assertEqual(len(anns), len(GOLD))
            for n in anns:
                text = z.read(n[:-4] + ".txt").decode("utf-8")
                for line in z.read(n).decode("utf-8").splitlines():
                    if line.startswith("T"):
                        tid, body, said = line.split("\t")
                        label, s, e = body.split(" ")
                        found = text[int(s):int(e)]
                        self.assertEqual(said, found.replace("\r", " ").replace("\n", " "), f"{n}: {line}")


if __name__ == "__main__":
    runner = unittest.TextTestRunner(verbosity=2)
    result = runner.run(unittest.defaultTestLoader.loadTestsFromModule(sys.modules[__name__]))
    failed = len(result.failures) + len(result.errors)
    print(f"interop: {result.testsRun - failed} passed, {failed} failed")
    sys.exit(0 if result.wasSuccessful() else 1)
